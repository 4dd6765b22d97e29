"""Slash command, triage cards and their buttons, the message shortcut and the App Home tab."""

from __future__ import annotations

import datetime as dt
import json
import time
from typing import Any

from corpus.models import Audience
from tests.factories import make_call
from tests.fakes.slack_web_api import RESPONSE_URL_METHOD
from tests.slack.conftest import SUPPORT_CHANNEL, SlackHarness, message
from tests.slack.test_events import _final_answer, _wait

REQUEST = "Hi, we want to apply to SMP-COSME-2026-CLUSTER-02 - what is the budget and who can apply?"


def _card(slack: SlackHarness, timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for call in slack.api.calls_of("chat.postMessage"):
            card_blocks = call.args.get("blocks") or []
            if isinstance(card_blocks, str):
                card_blocks = json.loads(card_blocks)
            if call.args.get("channel") == SUPPORT_CHANNEL and any(
                block.get("block_id") == "triage_actions" for block in card_blocks
            ):
                return call
        time.sleep(0.02)
    raise AssertionError(slack.api.summary())


def _press(slack: SlackHarness, action_id: str, card: Any, user: str = "USTAFF001") -> None:
    payload = {
        "type": "block_actions",
        "user": {"id": user},
        "team": {"id": "T00000001"},
        "channel": {"id": SUPPORT_CHANNEL},
        "message": {
            "ts": card.result["ts"],
            "thread_ts": card.args["thread_ts"],
            "text": card.args["text"],
            "blocks": card.args["blocks"],
        },
        "actions": [{"action_id": action_id, "value": "x", "type": "button"}],
        "trigger_id": "1.2.3",
        "api_app_id": "A00000001",
    }
    assert slack.send_interaction(payload).status_code == 200


def test_slash_command_answers_through_respond_replacing_looking(slack: SlackHarness) -> None:
    response = slack.send_command("Which open calls fund cluster internationalisation?")
    assert response.status_code == 200
    assert response.json() == {"response_type": "ephemeral", "text": "Looking through the corpus…"}
    reply = slack.api.wait_for(RESPONSE_URL_METHOD)[0]
    assert reply.args["path"] == "/response/commands/1"
    assert reply.args["replace_original"] is True
    assert reply.args["response_type"] == "ephemeral"
    assert "[1]" in reply.args["text"]
    assert any(b.get("block_id") == "advisor_feedback" for b in reply.args["blocks"])
    assert slack.api.calls_of("chat.postEphemeral") == []  # fails where the bot is no channel member
    assert slack.api.calls_of("chat.postMessage") == []


def test_slash_command_falls_back_to_post_ephemeral_when_the_response_url_expired(
    slack: SlackHarness,
) -> None:
    slack.api.server_error(RESPONSE_URL_METHOD, times=1, status=404)  # Slack: expired_url
    slack.send_command("Which open calls fund cluster internationalisation?")
    ephemeral = slack.api.wait_for("chat.postEphemeral")[0]
    assert ephemeral.args["user"] == "UASKER001"
    assert ephemeral.args["channel"] == "CGENERAL1"
    assert "[1]" in ephemeral.args["text"]


def test_feedback_on_an_ephemeral_answer_goes_through_its_response_url(slack: SlackHarness) -> None:
    slack.send_command("Which open calls fund cluster internationalisation?")
    reply = slack.api.wait_for(RESPONSE_URL_METHOD)[0].args
    answer_id = [b for b in reply["blocks"] if b["type"] == "actions"][0]["elements"][0]["value"]
    payload = {
        "type": "block_actions",
        "user": {"id": "UASKER001"},
        "team": {"id": "T00000001"},
        "channel": {"id": "CGENERAL1"},
        "container": {"type": "message", "message_ts": "1715000009.000100", "is_ephemeral": True},
        "response_url": slack.api.response_url("actions/1"),
        "actions": [{"action_id": "advisor_helpful", "value": answer_id, "type": "button"}],
        "trigger_id": "1.2.3",
        "api_app_id": "A00000001",
    }
    assert slack.send_interaction(payload).status_code == 200
    note = slack.api.wait_for(RESPONSE_URL_METHOD, path="/response/actions/1")[0]
    assert "found this helpful" in note.args["text"]
    assert slack.api.calls_of("chat.update") == []


def test_slash_command_without_text_gets_usage(slack: SlackHarness) -> None:
    response = slack.send_command("   ")
    assert "Usage: /advisor" in response.json()["text"]


def test_support_channel_message_gets_triage_card_and_buttons_log_times(slack: SlackHarness) -> None:
    slack.send_event(message(REQUEST, ts="1715000001.000100", channel=SUPPORT_CHANNEL, user="UMEMBER01"))
    card = _card(slack)
    assert card.args["thread_ts"] == "1715000001.000100"
    fields = " ".join(f["text"] for b in card.args["blocks"] if "fields" in b for f in b["fields"])
    assert "funding question" in fields
    assert "<@UFUNDING1>" in fields
    assert "SMP-COSME-2026-CLUSTER-02" in fields
    sections = " ".join(
        b["text"]["text"] for b in card.args["blocks"] if b.get("type") == "section" and "text" in b
    )
    assert "*Draft reply*" in sections and "[1]" in sections and "*Sources*" in sections
    logged = slack.store.triage_event(channel=SUPPORT_CHANNEL, message_ts="1715000001.000100")
    assert logged is not None and logged.category == "funding_question" and logged.owner == "UFUNDING1"
    assert logged.first_response_at is None

    _press(slack, "triage_post_draft", card)
    reply = slack.api.wait_for("chat.postMessage", count=2, channel=SUPPORT_CHANNEL)[1]
    assert reply.args["thread_ts"] == "1715000001.000100"
    assert "[1]" in reply.args["text"]
    _press(slack, "triage_assign_me", card)
    _press(slack, "triage_resolve", card)
    slack.api.wait_for("reactions.add", name="white_check_mark", timestamp="1715000001.000100")
    _wait(lambda: _logged(slack).resolved_at is not None)
    logged = _logged(slack)
    assert logged.assigned_to == "USTAFF001"
    assert logged.first_response_at is not None and logged.resolved_at >= logged.first_response_at


def _logged(slack: SlackHarness) -> Any:
    return slack.store.triage_event(channel=SUPPORT_CHANNEL, message_ts="1715000001.000100")


def test_urgent_technical_issue_routes_to_the_helpdesk_group(slack: SlackHarness) -> None:
    text = "Urgent: I cannot log in to the member portal since this morning, it shows an error"
    slack.send_event(message(text, ts="1715000001.000200", channel=SUPPORT_CHANNEL, user="UMEMBER01"))
    card = _card(slack)
    fields = " ".join(f["text"] for b in card.args["blocks"] if "fields" in b for f in b["fields"])
    assert "technical issue" in fields
    assert "high" in fields
    assert "<!subteam^SHELPDESK>" in fields


def test_message_in_a_channel_not_configured_for_triage_is_silent(slack: SlackHarness) -> None:
    slack.send_event(message(REQUEST, ts="1715000001.000300", channel="CRANDOM01"))
    time.sleep(0.5)
    assert slack.api.calls_of("chat.postMessage") == []


def test_message_shortcut_triages_any_message(slack: SlackHarness) -> None:
    payload = {
        "type": "message_action",
        "callback_id": "triage_with_advisor",
        "user": {"id": "USTAFF001"},
        "team": {"id": "T00000001"},
        "channel": {"id": "CRANDOM01"},
        "message": {"type": "message", "user": "UMEMBER01", "ts": "1715000001.000400", "text": REQUEST},
        "trigger_id": "1.2.3",
        "response_url": "http://127.0.0.1:9/x",
    }
    assert slack.send_interaction(payload).status_code == 200
    card = slack.api.wait_for("chat.postMessage", channel="CRANDOM01")[0]
    assert card.args["thread_ts"] == "1715000001.000400"
    assert card.args["text"].startswith("Triage: funding question")
    assert slack.store.triage_event(channel="CRANDOM01", message_ts="1715000001.000400") is not None


def test_ask_support_button_hands_the_question_to_the_support_queue(slack: SlackHarness) -> None:
    slack.send_event(message("Which open calls fund cluster internationalisation?", ts="1715000001.000500",
                             channel="DUSER0001", channel_type="im"))  # fmt: skip
    final = _final_answer(slack)
    answer_id = [b for b in final["blocks"] if b["type"] == "actions"][0]["elements"][2]["value"]
    payload = {
        "type": "block_actions",
        "user": {"id": "UASKER001"},
        "team": {"id": "T00000001"},
        "channel": {"id": "DUSER0001"},
        "message": {"ts": final["ts"], "text": final["text"], "blocks": final["blocks"]},
        "actions": [{"action_id": "advisor_ask_support", "value": answer_id, "type": "button"}],
        "trigger_id": "1.2.3",
    }
    slack.send_interaction(payload)
    _card(slack)
    slack.api.wait_for("chat.postEphemeral", user="UASKER001")
    assert slack.conversations.feedback_for(answer_id)[0].comment == "asked support"


def test_app_home_lists_recent_questions_and_closing_calls(slack: SlackHarness) -> None:
    slack.send_event(message("Which open calls fund cluster internationalisation?", ts="1715000001.000600",
                             channel="DUSER0001", channel_type="im"))  # fmt: skip
    _final_answer(slack)
    _wait(lambda: bool(slack.store.recent_questions(user="UASKER001")))
    slack.send_event({"type": "app_home_opened", "user": "UASKER001", "channel": "DUSER0001", "tab": "home"})
    view = slack.api.wait_for("views.publish", user_id="UASKER001")[0].args["view"]
    text = " ".join(b["text"]["text"] for b in view["blocks"] if b.get("type") == "section")
    assert "cluster internationalisation" in text
    assert "Hydrogen valleys for clean industry" in text  # deadline 2026-05-20, ten days after TODAY
    assert "Euroclusters for battery value chains" not in text  # closes in September


def test_app_home_never_lists_internal_calls(slack: SlackHarness) -> None:
    records = slack.advisor.records
    internal = make_call(
        "INTERNAL-ZEPPELIN-2026",
        title="Zeppelin refit vouchers (members only)",
        url="https://intranet.example/zeppelin",
        opening_date=dt.date(2026, 1, 1),
        deadline=dt.datetime(2026, 5, 15, 15, tzinfo=dt.UTC),
        audience=Audience.INTERNAL,
    )
    records.save([(internal, "test", [])], origin="tests-internal")
    try:
        slack.send_event(
            {"type": "app_home_opened", "user": "UASKER001", "channel": "DUSER0001", "tab": "home"}
        )
        view = slack.api.wait_for("views.publish", user_id="UASKER001")[0].args["view"]
        shown = json.dumps(view)
        assert "Hydrogen valleys for clean industry" in shown  # the public call closing that week is listed
        assert "Zeppelin" not in shown and "intranet.example" not in shown
    finally:
        records.delete([internal.doc_id])


def test_ask_support_on_an_ephemeral_answer_replies_through_the_response_url(slack: SlackHarness) -> None:
    slack.send_command("Which open calls fund cluster internationalisation?", channel="CNOTMEMBER")
    reply = slack.api.wait_for(RESPONSE_URL_METHOD)[0].args
    answer_id = [b for b in reply["blocks"] if b["type"] == "actions"][0]["elements"][2]["value"]
    payload = {
        "type": "block_actions",
        "user": {"id": "UASKER001"},
        "team": {"id": "T00000001"},
        "channel": {"id": "CNOTMEMBER"},
        "container": {"type": "message", "message_ts": "1715000009.000200", "is_ephemeral": True},
        "response_url": slack.api.response_url("actions/2"),
        "actions": [{"action_id": "advisor_ask_support", "value": answer_id, "type": "button"}],
        "trigger_id": "1.2.3",
    }
    slack.send_interaction(payload)
    note = slack.api.wait_for(RESPONSE_URL_METHOD, path="/response/actions/2")[0].args
    assert note["text"] == "Support staff have your question."
    assert note["replace_original"] is False  # the answer stays
    assert slack.api.calls_of("chat.postEphemeral") == []
