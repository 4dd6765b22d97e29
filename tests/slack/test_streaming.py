"""Answers streamed with chat.startStream/appendStream/stopStream where offered, else by chat.update."""

from __future__ import annotations

from pydantic import SecretStr

from assistant.app import open_advisor
from assistant.llm_openai import chat_model_from_settings
from integrations.slack import blocks
from integrations.slack.answering import Services
from integrations.slack.client import web_client
from integrations.slack.streaming import STREAM_BUFFER_CHARS, THINKING_STATUS, NativeStream
from tests.fakes.openai_server import FakeOpenAIServer
from tests.fakes.slack_web_api import TEAM_ID
from tests.slack.conftest import SlackHarness, mention, message
from tests.slack.test_events import QUESTION, _final_answer, _wait

ROOT = "1715000100.000100"


def _statuses(slack: SlackHarness) -> list[str]:
    return [call.args["status"] for call in slack.api.calls_of("assistant.threads.setStatus")]


def test_a_workspace_with_streaming_gets_the_answer_streamed_with_sources_under_it(
    slack: SlackHarness,
) -> None:
    slack.api.offer_streaming()
    slack.send_event(mention(QUESTION, ts=ROOT))
    placeholder = slack.api.wait_for("chat.postMessage")[0]
    stop = slack.api.wait_for("chat.stopStream")[0]

    status = slack.api.wait_for("assistant.threads.setStatus")[0].args
    assert (status["channel_id"], status["thread_ts"], status["status"]) == (
        "CGENERAL1",
        ROOT,
        THINKING_STATUS,
    )
    start = slack.api.calls_of("chat.startStream")[0].args
    assert start["thread_ts"] == ROOT and start["channel"] == "CGENERAL1"
    assert start["recipient_team_id"] == TEAM_ID and start["recipient_user_id"] == "UASKER001"
    stream_ts = slack.api.calls_of("chat.startStream")[0].result["ts"]
    assert stop.args["ts"] == stream_ts
    streamed = slack.api.streamed_text(stream_ts)
    assert "[1]" in streamed and len(streamed) > 120  # several buffered appends, not one message
    assert slack.api.calls_of("chat.appendStream")
    footer = stop.args["blocks"]
    assert "*Sources*" in str(footer) and any(b.get("block_id") == "advisor_feedback" for b in footer)
    # The streamed reply replaces the placeholder; the answer is not also edited into it.
    deleted = slack.api.wait_for("chat.delete")[0].args
    assert deleted == {"channel": "CGENERAL1", "ts": placeholder.result["ts"]}
    assert not [
        c for c in slack.api.calls_of("chat.update") if "advisor_feedback" in str(c.args.get("blocks"))
    ]
    _wait(lambda: slack.store.conversation_for(channel="CGENERAL1", thread_ts=ROOT) is not None)


def test_a_workspace_without_streaming_gets_edits_and_is_not_asked_again(slack: SlackHarness) -> None:
    slack.send_event(mention(QUESTION, ts=ROOT))
    first = _final_answer(slack)
    assert "[1]" in first["text"]
    refused = [c for c in slack.api.calls if c.method.startswith("chat.") and "Stream" in c.method]
    assert [c.method for c in refused] == ["chat.startStream"]  # tried once: unknown_method
    assert slack.api.calls_of("chat.delete") == []
    assert _statuses(slack) == [THINKING_STATUS, ""]  # an edit is no new reply: the status is cleared

    slack.send_event(message("When does the first one close?", ts="1715000100.000101", thread_ts=ROOT))
    _wait(
        lambda: len([c for c in slack.api.calls_of("chat.update") if "advisor_feedback" in str(c.args)]) == 2
    )
    assert [c.method for c in slack.api.calls if "Stream" in c.method] == ["chat.startStream"]  # remembered


def test_without_the_thread_status_method_the_answer_still_comes(slack: SlackHarness) -> None:
    slack.api.offer_streaming()
    slack.api.withdraw("assistant.threads.setStatus")
    slack.send_event(mention(QUESTION, ts=ROOT))
    slack.api.wait_for("chat.stopStream")
    slack.send_event(mention(QUESTION, ts="1715000100.000200"))
    slack.api.wait_for("chat.stopStream", count=2)
    tried = [c for c in slack.api.calls if c.method == "assistant.threads.setStatus"]
    assert len(tried) == 1  # refused once, then not asked again by this process


def test_a_dm_is_answered_by_edits_without_a_thread(slack: SlackHarness) -> None:
    slack.api.offer_streaming()
    slack.send_event(message(QUESTION, ts="1715000100.000300", channel="DUSER0001", channel_type="im"))
    assert "[1]" in _final_answer(slack)["text"]
    assert [c for c in slack.api.calls if "Stream" in c.method or "setStatus" in c.method] == []


def test_streamed_text_is_escaped_and_buffered(slack: SlackHarness) -> None:
    slack.api.offer_streaming()
    client = web_client(slack.settings)
    stream = NativeStream(client, channel="C1", thread_ts=ROOT, recipient_team=TEAM_ID, recipient_user="U1")
    stream.append("Ping <!channel> & <@U999> ")
    assert stream.ts is None and slack.api.calls_of("chat.startStream") == []  # still buffered
    stream.append("x" * STREAM_BUFFER_CHARS)
    assert stream.ts is not None
    ts = stream.stop([blocks.context_block("done")])
    streamed = slack.api.streamed_text(ts)
    assert streamed.startswith("Ping &lt;!channel&gt; &amp; &lt;@U999&gt; ")
    assert stream.text.startswith("Ping <!channel>")


def test_a_stream_that_cannot_stop_is_edited_into_the_answer(slack: SlackHarness) -> None:
    slack.api.offer_streaming()
    slack.api.withdraw("chat.stopStream")  # as when the stream expired server-side
    services = Services(advisor=slack.advisor, store=slack.store)
    client = web_client(slack.settings)
    placeholder = client.chat_postMessage(channel="CGENERAL1", thread_ts=ROOT, text="Looking…")
    services.finish_answer(
        client,
        channel="CGENERAL1",
        ts=str(placeholder["ts"]),
        question=QUESTION,
        conversation_id=None,
        link=None,
        thread_ts=ROOT,
        team=TEAM_ID,
    )
    # The stream started (its message exists) but could not stop: that message is edited into the answer.
    started = slack.api.calls_of("chat.startStream")
    assert started
    final = [c for c in slack.api.calls_of("chat.update") if "advisor_feedback" in str(c.args.get("blocks"))]
    assert [c.args["ts"] for c in final] == [started[0].result["ts"]]
    assert slack.api.calls_of("chat.delete")[0].args["ts"] == placeholder["ts"]


LLM_ANSWER = (
    "The **Euroclusters for battery value chains** call [1] funds joint cluster initiatives that help "
    "SMEs internationalise; it is open until 17 September 2026. See also the Horizon Europe call on "
    "cluster internationalisation for SMEs [2], which closes on 3 June 2026."
)


def _llm_answer(slack: SlackHarness, reply: str) -> str:
    """Answer QUESTION in a thread with an LLM that writes ``reply``; returns the placeholder ts."""
    with FakeOpenAIServer() as llm:
        llm.reply_with(reply)
        settings = slack.settings.model_copy(
            update={
                "llm_model": llm.model,
                "openai_base_url": llm.base_url,
                "openai_api_key": SecretStr("sk-x"),
            }
        )
        advisor = open_advisor(
            settings,
            records=slack.advisor.records,
            index=slack.advisor.index,
            conversations=slack.conversations,
            chat_model=chat_model_from_settings(settings, timeout_s=10),
        )
        services = Services(advisor=advisor, store=slack.store)
        client = web_client(settings)
        placeholder = client.chat_postMessage(channel="CGENERAL1", thread_ts=ROOT, text="Looking…")
        services.finish_answer(
            client,
            channel="CGENERAL1",
            ts=str(placeholder["ts"]),
            question=QUESTION,
            conversation_id=None,
            link=None,
            thread_ts=ROOT,
            team=TEAM_ID,
        )
    return str(placeholder["ts"])


def test_an_llm_answer_streams_token_by_token_as_markdown(slack: SlackHarness) -> None:
    slack.api.offer_streaming()
    placeholder = _llm_answer(slack, LLM_ANSWER)
    stop = slack.api.calls_of("chat.stopStream")[0].args
    streamed = slack.api.streamed_text(stop["ts"])
    assert "**Euroclusters for battery value chains** call [1]" in streamed  # Markdown: Slack renders it
    assert len(slack.api.calls_of("chat.appendStream")) >= 1
    assert "*Sources*" in str(stop["blocks"])
    assert slack.api.calls_of("chat.delete")[0].args["ts"] == placeholder
    assert slack.api.calls_of("chat.update") == []  # what streamed is the checked answer: nothing rewritten


def test_a_streamed_answer_the_checks_replaced_is_rewritten(slack: SlackHarness) -> None:
    slack.api.offer_streaming()
    _llm_answer(
        slack, "Every SME gets EUR 5 million from the Hydrogen Valleys call [7], no questions asked. " * 3
    )
    stop = slack.api.calls_of("chat.stopStream")[0].args
    (rewrite,) = slack.api.calls_of("chat.update")
    assert rewrite.args["ts"] == stop["ts"]  # the streamed message, edited into the answer that was kept
    assert "[7]" not in rewrite.args["text"]
    assert any(b.get("block_id") == "advisor_feedback" for b in rewrite.args["blocks"])
