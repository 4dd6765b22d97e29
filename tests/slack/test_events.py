"""Mentions, DMs, follow-ups, retries and signatures, driven through ``POST /slack/events``."""

from __future__ import annotations

import time

from integrations.slack.answering import Services
from integrations.slack.installation import on_revoked
from tests.fakes.slack_web_api import BOT_ID, BOT_USER_ID
from tests.slack.conftest import SlackHarness, mention, message

QUESTION = "Which open calls fund cluster internationalisation?"


def _sources_text(blocks: list[dict]) -> str:
    return "\n".join(b["text"]["text"] for b in blocks if b.get("type") == "section")


def test_mention_gets_placeholder_then_threaded_answer_with_sources(slack: SlackHarness) -> None:
    started = time.perf_counter()
    response = slack.send_event(mention(QUESTION, ts="1715000000.000100"))
    ack_ms = (time.perf_counter() - started) * 1000

    assert response.status_code == 200
    assert ack_ms < 3000
    placeholder = slack.api.wait_for("chat.postMessage")[0]
    assert placeholder.args["thread_ts"] == "1715000000.000100"
    assert placeholder.args["channel"] == "CGENERAL1"
    final = _final_answer(slack)
    assert final["ts"] == placeholder.result["ts"]
    streamed = [c for c in slack.api.calls_of("chat.update") if c.args["text"] != final["text"]]
    assert streamed and all(c.args["ts"] == final["ts"] for c in streamed)  # updated while streaming
    assert "[1]" in final["text"]
    text = _sources_text(final["blocks"])
    assert "*Sources*" in text
    assert "<https://" in text and "call" in text
    assert "open" in text and "deadline 2026-" in text
    buttons = [b for b in final["blocks"] if b["type"] == "actions"][0]["elements"]
    assert [b["text"]["text"] for b in buttons] == ["Helpful", "Not helpful", "Ask support"]
    assert slack.api.calls_of("chat.postMessage")[0].authorization == "Bearer xoxb-test-token"


def test_helpful_button_stores_feedback(slack: SlackHarness) -> None:
    slack.send_event(mention(QUESTION, ts="1715000000.000200"))
    final = _final_answer(slack)
    answer_id = [b for b in final["blocks"] if b["type"] == "actions"][0]["elements"][0]["value"]
    payload = {
        "type": "block_actions",
        "user": {"id": "UASKER001"},
        "team": {"id": "T00000001"},
        "channel": {"id": "CGENERAL1"},
        "message": {"ts": final["ts"], "text": final["text"], "blocks": final["blocks"]},
        "actions": [{"action_id": "advisor_helpful", "value": answer_id, "type": "button"}],
        "trigger_id": "1.2.3",
        "api_app_id": "A00000001",
    }
    assert slack.send_interaction(payload).status_code == 200
    slack.api.wait_for("chat.update", count=2)
    _wait(lambda: bool(slack.conversations.feedback_for(answer_id)))
    assert slack.conversations.feedback_for(answer_id)[0].helpful is True


def test_dm_gets_an_answer_in_the_dm(slack: SlackHarness) -> None:
    slack.send_event(message(QUESTION, ts="1715000000.000300", channel="DUSER0001", channel_type="im"))
    placeholder = slack.api.wait_for("chat.postMessage")[0]
    assert placeholder.args["channel"] == "DUSER0001"
    assert placeholder.args.get("thread_ts") is None
    assert "[1]" in _final_answer(slack)["text"]


def test_retries_and_duplicate_deliveries_give_one_answer(slack: SlackHarness) -> None:
    event = mention(QUESTION, ts="1715000000.000400")
    assert slack.send_event(event, event_id="EvSAME0001").status_code == 200
    retry_headers = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    retry = slack.send_event(event, event_id="EvSAME0001", headers=retry_headers)
    again = slack.send_event(event, event_id="EvSAME0001")
    assert retry.status_code == 200 and again.status_code == 200
    _final_answer(slack)
    time.sleep(0.5)
    assert len(slack.api.calls_of("chat.postMessage")) == 1


def test_forged_or_stale_signature_is_refused_without_answer(slack: SlackHarness) -> None:
    body = '{"type":"event_callback","event_id":"EvFORGED1","event":{"type":"app_mention"}}'
    forged = slack.client.post(
        "/slack/events",
        content=body,
        headers={"Content-Type": "application/json", "X-Slack-Request-Timestamp": str(int(time.time())),
                 "X-Slack-Signature": "v0=" + "0" * 64},
    )  # fmt: skip
    stale = slack.send_event(mention(QUESTION, ts="1715000000.000500"), timestamp=int(time.time()) - 6 * 60)
    assert forged.status_code == 401
    assert stale.status_code == 401
    time.sleep(0.3)
    assert slack.api.calls_of("chat.postMessage") == []


def test_own_and_other_bots_messages_and_edits_are_ignored(slack: SlackHarness) -> None:
    dm = {"channel": "DUSER0001", "channel_type": "im"}
    slack.send_event(message(QUESTION, ts="1715000000.000601", user=BOT_USER_ID, bot_id=BOT_ID, **dm))
    slack.send_event(message(QUESTION, ts="1715000000.000602", user="UOTHERBOT", bot_id="BOTHER001", **dm))
    slack.send_event(
        message(QUESTION, ts="1715000000.000603", subtype="bot_message", bot_id="BOTHER001", **dm)
    )
    slack.send_event({"type": "message", "subtype": "message_changed", "channel": "DUSER0001",
                      "channel_type": "im", "ts": "1715000000.000604",
                      "message": {"user": "UASKER001", "text": QUESTION}})  # fmt: skip
    time.sleep(0.8)
    assert slack.api.calls_of("chat.postMessage") == []


def test_thread_follow_up_continues_the_conversation(slack: SlackHarness) -> None:
    root = "1715000000.000700"
    slack.send_event(mention(QUESTION, ts=root))
    _final_answer(slack)
    conversation = slack.store.conversation_for(channel="CGENERAL1", thread_ts=root)
    assert conversation is not None

    slack.send_event(message("When does the first one close?", ts="1715000000.000701", thread_ts=root))
    second = slack.api.wait_for("chat.postMessage", count=2)[1]
    assert second.args["thread_ts"] == root
    _wait(lambda: len(slack.conversations.history(conversation, limit=10)) == 4)
    assert slack.store.conversation_for(channel="CGENERAL1", thread_ts=root) == conversation


def test_reply_in_an_unknown_thread_is_silent(slack: SlackHarness) -> None:
    slack.send_event(message("thanks all", ts="1715000000.000801", thread_ts="1715000000.000800"))
    time.sleep(0.5)
    assert slack.api.calls_of("chat.postMessage") == []


def test_mention_without_question_gets_a_hint(slack: SlackHarness) -> None:
    slack.send_event({"type": "app_mention", "user": "UASKER001", "text": f"<@{BOT_USER_ID}>",
                      "ts": "1715000000.000900", "channel": "CGENERAL1"})  # fmt: skip
    update = slack.api.wait_for("chat.update")[0]
    assert "Ask me about" in update.args["text"]


def test_huge_message_is_refused_politely(slack: SlackHarness) -> None:
    slack.send_event(mention("calls " * 2000, ts="1715000000.001000"))
    update = slack.api.wait_for("chat.update")[0]
    assert "limit" in update.args["text"]
    assert "xoxb" not in update.args["text"]


def test_web_api_ratelimited_is_retried_not_lost(slack: SlackHarness) -> None:
    slack.api.rate_limit("chat.postMessage", times=1, retry_after=1)
    slack.send_event(mention(QUESTION, ts="1715000000.001100"))
    assert slack.api.wait_for("chat.postMessage")[0].args["thread_ts"] == "1715000000.001100"
    assert any(call.status == 429 for call in slack.api.calls)
    _final_answer(slack)


def test_unknown_event_type_is_acknowledged(slack: SlackHarness) -> None:
    response = slack.send_event({"type": "reaction_added", "user": "UASKER001", "reaction": "tada"})
    assert response.status_code == 200


def _final_answer(slack: SlackHarness, timeout: float = 20.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for call in slack.api.calls_of("chat.update"):
            if any(b.get("type") == "actions" for b in call.args.get("blocks") or []):
                return call.args
        time.sleep(0.02)
    raise AssertionError(f"no final answer; calls: {slack.api.summary()}")


def _wait(condition: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.02)
    raise AssertionError("condition not met in time")


def test_file_without_text_gets_a_text_only_reply(slack: SlackHarness) -> None:
    files = [{"id": "F1", "name": "call.pdf"}]
    slack.send_event(message("", ts="1715000000.001200", channel="DUSER0001", channel_type="im",
                             subtype="file_share", files=files))  # fmt: skip
    reply = slack.api.wait_for("chat.postMessage")[0]
    assert "only read text" in reply.args["text"]


def test_events_with_missing_fields_are_acknowledged_silently(slack: SlackHarness) -> None:
    assert slack.send_event({"type": "app_mention"}).status_code == 200
    assert slack.send_event({"type": "message", "channel_type": "im"}).status_code == 200
    assert slack.send_event({"type": "message", "user": "UASKER001", "channel_type": "im"}).status_code == 200
    time.sleep(0.5)
    assert slack.api.calls_of("chat.postMessage") == []


def test_group_dm_question_is_answered_in_its_thread(slack: SlackHarness) -> None:
    mpim = {"channel": "GMPIM0001", "channel_type": "mpim"}
    slack.send_event(message(QUESTION, ts="1715000000.001300", **mpim))
    placeholder = slack.api.wait_for("chat.postMessage")[0]
    assert placeholder.args["channel"] == "GMPIM0001"
    assert placeholder.args["thread_ts"] == "1715000000.001300"
    assert "[1]" in _final_answer(slack)["text"]
    assert slack.store.conversation_for(channel="GMPIM0001", thread_ts="1715000000.001300") is not None


def test_app_uninstalled_drops_the_stored_installation_data(slack: SlackHarness) -> None:
    slack.send_event(mention(QUESTION, ts="1715000000.001400"))
    _final_answer(slack)
    slack.store.log_triage(channel="CSUPPORT1", message_ts="1.1", requester="UMEMBER01", category="other",
                           urgency="low", owner="UTRIAGE01")  # fmt: skip
    slack.store.journal_job(key="answer:C1:1.2", kind="answer", payload="{}", owner="gone:1:x")
    assert slack.store.conversation_for(channel="CGENERAL1", thread_ts="1715000000.001400")

    assert slack.send_event({"type": "app_uninstalled"}).status_code == 200
    _wait(lambda: slack.store.journaled_jobs() == 0)
    _wait(lambda: slack.store.conversation_for(channel="CGENERAL1", thread_ts="1715000000.001400") is None)
    assert slack.store.recent_questions(user="UASKER001") == []
    (triage,) = slack.store.triage_events()
    assert triage.requester is None and triage.owner is None and triage.category == "other"


def test_tokens_revoked_drops_data_only_when_the_bot_token_went(slack: SlackHarness) -> None:
    slack.send_event(mention(QUESTION, ts="1715000000.001500"))
    _final_answer(slack)
    services = Services(advisor=slack.advisor, store=slack.store)
    revoked_user_tokens = {"type": "tokens_revoked", "tokens": {"oauth": ["UASKER001"], "bot": []}}
    assert on_revoked(services, revoked_user_tokens, "T00000001") is None  # user tokens: none stored
    assert slack.store.conversation_for(channel="CGENERAL1", thread_ts="1715000000.001500") is not None

    slack.send_event({"type": "tokens_revoked", "tokens": {"bot": [BOT_USER_ID]}})
    _wait(lambda: slack.store.conversation_for(channel="CGENERAL1", thread_ts="1715000000.001500") is None)


def test_a_mention_in_a_group_dm_is_answered_once_whichever_event_brings_it(slack: SlackHarness) -> None:
    mpim = {"channel": "GMPIM0002", "channel_type": "mpim"}
    slack.send_event(message(f"<@{BOT_USER_ID}> {QUESTION}", ts="1715000000.001600", **mpim))
    slack.send_event(mention(QUESTION, ts="1715000000.001600", channel="GMPIM0002"))  # if Slack sends it too
    assert "[1]" in _final_answer(slack)["text"]
    placeholder = slack.api.wait_for("chat.postMessage")[0]
    assert placeholder.args["thread_ts"] == "1715000000.001600"
    _wait(
        lambda: slack.store.conversation_for(channel="GMPIM0002", thread_ts="1715000000.001600") is not None
    )
    assert len(slack.api.calls_of("chat.postMessage")) == 1
