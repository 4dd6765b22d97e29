"""The slow work behind the question listeners: answer into a Slack message, streaming, with sources.

Run by the :class:`~integrations.slack.dispatch.Dispatcher` of a worker (after the listener posted
a placeholder): the placeholder is updated as the answer streams (throttled), then replaced by the
final Block Kit answer.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from typing import Any

from slack_bolt.context.respond import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from assistant.app import Advisor
from assistant.calls import CallFacts
from assistant.conversation import ConversationStore
from assistant.models import Answer
from assistant.service import Assistant
from corpus.errors import AdvisorError
from corpus.settings import Settings
from integrations.slack import blocks
from integrations.slack.jobs import ThreadLink
from integrations.slack.store import SlackStore

logger = logging.getLogger(__name__)

_MENTION = re.compile(r"<@[UWB][A-Z0-9]+(\|[^>]*)?>")
EMPTY_QUESTION_TEXT = (
    "Ask me about EU funding calls, cluster partners or cluster policy, e.g. "
    "“Which open calls fund cluster internationalisation?”"
)
FAILURE_TEXT = "Sorry, something went wrong while answering. Please try again in a minute."


def question_text(raw: object) -> str:
    """The question in a message: mentions removed, whitespace collapsed ('' when nothing is left)."""
    text = raw if isinstance(raw, str) else ""
    return " ".join(_MENTION.sub(" ", text).split())


@dataclass
class Services:
    """What every listener needs."""

    advisor: Advisor
    store: SlackStore

    @property
    def settings(self) -> Settings:
        return self.advisor.settings

    @property
    def assistant(self) -> Assistant:
        return self.advisor.assistant

    @property
    def conversations(self) -> ConversationStore:
        return self.advisor.conversations

    def call_facts(self, answer: Answer) -> dict[str, CallFacts]:
        """The facts on today of the calls an answer cites (the calls service's), by doc id."""
        cited = [citation.doc_id for citation in answer.citations if citation.doc_type == "call"]
        return self.advisor.calls.facts_of(cited, today=self.settings.today)

    def finish_answer(
        self,
        client: WebClient,
        *,
        channel: str,
        ts: str,
        question: str,
        conversation_id: str | None,
        link: ThreadLink | None,
    ) -> None:
        """Stream the answer into the placeholder ``ts``, then replace it with the Block Kit answer."""
        try:
            answer = self._stream_into(
                client, channel=channel, ts=ts, question=question, conversation_id=conversation_id
            )
        except AdvisorError as exc:
            client.chat_update(channel=channel, ts=ts, text=str(exc), blocks=[])
            return
        except SlackApiError as exc:
            logger.warning("Slack API error while answering: %s", exc.response.get("error"))
            if exc.response.status_code >= 500 or exc.response.status_code == 429:
                raise  # Slack is away even after the client's retries: the journal runs the job again
            return
        except Exception as exc:  # noqa: BLE001 - a listener must answer, never crash
            logger.error("answering failed: %s", type(exc).__name__)
            client.chat_update(channel=channel, ts=ts, text=FAILURE_TEXT, blocks=[])
            return
        if link is not None:
            self.store.link_thread(
                channel=link.channel,
                thread_ts=link.thread_ts,
                conversation_id=answer.conversation_id,
                user=link.user,
                question=link.question,
            )
        client.chat_update(
            channel=channel,
            ts=ts,
            text=blocks.cut(answer.answer),
            blocks=blocks.answer_blocks(
                answer, answer_id=answer.answer_id, call_facts=self.call_facts(answer)
            ),
        )

    def answer_command(
        self, client: WebClient, *, question: str, channel: str, user: str, response_url: str | None = None
    ) -> None:
        """Answer ``/advisor QUESTION`` ephemerally to ``user`` (see :func:`reply_ephemeral`)."""
        try:
            answer = self.ask(question=question, conversation_id=None)
        except AdvisorError as exc:
            reply_ephemeral(client, channel=channel, user=user, response_url=response_url, text=str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - reply, never crash
            logger.error("/advisor failed: %s", type(exc).__name__)
            reply_ephemeral(client, channel=channel, user=user, response_url=response_url, text=FAILURE_TEXT)
            return
        self.store.link_thread(
            channel=channel,
            thread_ts=f"cmd-{answer.conversation_id}",
            conversation_id=answer.conversation_id,
            user=user,
            question=question,
        )
        reply_ephemeral(
            client,
            channel=channel,
            user=user,
            response_url=response_url,
            text=blocks.cut(answer.answer),
            blocks=blocks.answer_blocks(
                answer, answer_id=answer.answer_id, call_facts=self.call_facts(answer)
            ),
        )

    def ask(self, *, question: str, conversation_id: str | None) -> Answer:
        """One answer (for ephemeral replies and drafts); a vanished conversation starts a new one."""
        if conversation_id is not None and not self.conversations.exists(conversation_id):
            conversation_id = None
        return self.assistant.ask(
            question=question, today=self.settings.today, conversation_id=conversation_id
        )

    def _stream_into(
        self, client: WebClient, *, channel: str, ts: str, question: str, conversation_id: str | None
    ) -> Answer:
        if conversation_id is not None and not self.conversations.exists(conversation_id):
            conversation_id = None
        events = self.assistant.ask_stream(
            question=question, today=self.settings.today, conversation_id=conversation_id
        )
        partial = ""
        last_update = time.monotonic()
        final: Answer | None = None
        for event in events:
            if event["event"] == "delta":
                partial += event["text"]
                if time.monotonic() - last_update >= self.settings.slack_update_interval_s:
                    client.chat_update(
                        channel=channel,
                        ts=ts,
                        text=blocks.cut(partial),
                        blocks=blocks.streaming_blocks(partial),
                    )
                    last_update = time.monotonic()
            elif event["event"] == "final":
                final = event["answer"]
        if final is None:  # pragma: no cover - the assistant always ends with the final answer
            raise RuntimeError("the answer stream ended without an answer")
        return final


def reply_ephemeral(
    client: WebClient,
    *,
    channel: str,
    user: str,
    response_url: str | None,
    text: str,
    blocks: list[dict[str, Any]] | None = None,
) -> None:
    """An ephemeral reply to ``user``: through ``response_url`` when there is one (Bolt's ``respond()``,
    replacing the message it belongs to, such as the command's "Looking…"), else ``chat.postEphemeral``.

    A response URL works where the bot is not a channel member (``chat.postEphemeral`` fails there:
    ``not_in_channel``), but only for 30 minutes: an expired or refused one falls back to
    ``chat.postEphemeral``.
    """
    if response_url:
        respond = Respond(response_url=response_url)
        try:
            sent = respond(text=text, blocks=blocks or [], response_type="ephemeral", replace_original=True)
        except (OSError, ValueError) as exc:
            logger.warning(
                "response URL unreachable (%s); replying with chat.postEphemeral", type(exc).__name__
            )
        else:
            if sent.status_code == 200:
                return
            logger.warning(
                "response URL refused the reply (HTTP %d); replying with chat.postEphemeral", sent.status_code
            )
    client.chat_postEphemeral(channel=channel, user=user, text=text, blocks=blocks)


def event_fields(event: dict[str, Any]) -> tuple[str, str, str | None]:
    """``(channel, ts, thread_ts)`` of a message event ('' when missing)."""
    thread_ts = event.get("thread_ts")
    return str(event.get("channel") or ""), str(event.get("ts") or ""), str(thread_ts) if thread_ts else None
