"""The slow work behind the question listeners: answer into a Slack message, streaming, with sources.

Run by the :class:`~integrations.slack.dispatch.Dispatcher` of a worker (after the listener posted
a placeholder): the placeholder is updated as the answer streams (throttled), then replaced by the
final Block Kit answer.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from slack_bolt.context.respond import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from assistant.app import Advisor
from assistant.calls import CallFacts
from assistant.conversation import ConversationStore
from assistant.language import N_, error_text
from assistant.models import Answer
from assistant.service import Assistant
from corpus.errors import AdvisorError, InvalidInput, NotFound
from corpus.i18n import translator
from corpus.settings import Settings
from corpus.sql import utc_now
from integrations.slack import blocks
from integrations.slack.jobs import ThreadLink
from integrations.slack.store import SlackStore
from integrations.slack.streaming import (
    THINKING_STATUS,
    NativeStream,
    SlackFeatures,
    is_unsupported,
    set_status,
)

logger = logging.getLogger(__name__)

_MENTION = re.compile(r"<@[UWB][A-Z0-9]+(\|[^>]*)?>")
EMPTY_QUESTION_TEXT = N_(
    "Ask me about EU funding calls, cluster partners or cluster policy, e.g. "
    "“Which open calls fund cluster internationalisation?”"
)
FAILURE_TEXT = N_("Sorry, something went wrong while answering. Please try again in a minute.")
INTERRUPTED_TEXT = N_("(answer interrupted)")


def failure_text(error: AdvisorError, lang: str) -> str:
    """What a person is told when their question raised ``error``: what to change, in ``lang``, for
    their input (a question too long, a conversation gone); for a failure of the server (index, store,
    language model: their messages name internals, and English ones) the apology of any failure."""
    if isinstance(error, InvalidInput | NotFound):
        return error_text(error, lang)
    logger.warning("answering failed: %s", type(error).__name__)
    return translator(lang)(FAILURE_TEXT)


def question_text(raw: object) -> str:
    """The question in a message: mentions removed, whitespace collapsed ('' when nothing is left)."""
    text = raw if isinstance(raw, str) else ""
    return " ".join(_MENTION.sub(" ", text).split())


@dataclass
class Services:
    """What every listener needs."""

    advisor: Advisor
    store: SlackStore
    features: SlackFeatures = field(default_factory=SlackFeatures)
    """What this process learnt the workspace lacks (streaming, thread status)."""
    clock: Callable[[], dt.datetime] = field(default_factory=lambda: utc_now)
    """Now, for saved searches and their digests (tests set a fixed one)."""

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
        thread_ts: str | None = None,
        team: str | None = None,
    ) -> None:
        """Answer into the placeholder ``ts``: streamed as a new reply of ``thread_ts`` with the chat
        streaming methods where the workspace has them (then the placeholder goes), else streamed by
        editing the placeholder and replaced by the Block Kit answer (see :mod:`.streaming`)."""
        lang = blocks.slack_language(question)  # until the answer says which language it chose
        native = self._native_stream(
            client, channel=channel, thread_ts=thread_ts, team=team, link=link, lang=lang
        )
        try:
            answer, native = self._stream_into(
                client,
                channel=channel,
                ts=ts,
                question=question,
                conversation_id=conversation_id,
                native=native,
            )
        except AdvisorError as exc:
            text = failure_text(exc, lang)
            self._abort(
                client, channel=channel, ts=ts, text=text, native=native, thread_ts=thread_ts, lang=lang
            )
            return
        except SlackApiError as exc:
            logger.warning("Slack API error while answering: %s", exc.response.get("error"))
            if exc.response.status_code >= 500 or exc.response.status_code == 429:
                raise  # Slack is away even after the client's retries: the journal runs the job again
            return
        except Exception as exc:  # noqa: BLE001 - a listener must answer, never crash
            logger.error("answering failed: %s", type(exc).__name__)
            failure = translator(lang)(FAILURE_TEXT)
            self._abort(
                client, channel=channel, ts=ts, text=failure, native=native, thread_ts=thread_ts, lang=lang
            )
            return
        if link is not None:
            self.store.link_thread(
                channel=link.channel,
                thread_ts=link.thread_ts,
                conversation_id=answer.conversation_id,
                user=link.user,
                question=link.question,
            )
        facts = self.call_facts(answer)
        if native is not None and self._finish_stream(client, native, answer, facts, channel=channel, ts=ts):
            return
        client.chat_update(
            channel=channel,
            ts=ts,
            text=blocks.cut(answer.answer),
            blocks=blocks.answer_blocks(answer, answer_id=answer.answer_id, call_facts=facts),
        )
        if thread_ts is not None:  # an edit is no new reply: Slack would show the status two minutes more
            set_status(client, self.features, channel=channel, thread_ts=thread_ts, status="")

    def _native_stream(
        self,
        client: WebClient,
        *,
        channel: str,
        thread_ts: str | None,
        team: str | None,
        link: ThreadLink | None,
        lang: str,
    ) -> NativeStream | None:
        """Show "is thinking…" under the thread and prepare a native stream, where both are offered
        (a top-level DM answer has no thread: Slack streams only replies)."""
        if thread_ts is None:
            return None
        thinking = translator(lang)(THINKING_STATUS)
        set_status(client, self.features, channel=channel, thread_ts=thread_ts, status=thinking)
        if not self.features.streaming:
            return None
        user = link.user if link is not None else None
        return NativeStream(
            client, channel=channel, thread_ts=thread_ts, recipient_team=team, recipient_user=user
        )

    def _finish_stream(
        self,
        client: WebClient,
        native: NativeStream,
        answer: Answer,
        facts: dict[str, CallFacts],
        *,
        channel: str,
        ts: str,
    ) -> bool:
        """Stop the native stream with the sources and buttons under it, then drop the placeholder.

        Returns:
            False when the workspace turned out not to offer streaming before anything was streamed
            (the caller edits the placeholder instead).
        """
        footer = blocks.answer_footer_blocks(answer, answer_id=answer.answer_id, call_facts=facts)
        full = blocks.answer_blocks(answer, answer_id=answer.answer_id, call_facts=facts)
        try:
            stream_ts = native.stop(footer)
            # The composer may have changed what streamed (citations checked, a fallback answer).
            rewrite = native.text.strip() != answer.answer.strip()
        except SlackApiError as exc:
            if native.ts is None:
                if not is_unsupported(exc):
                    raise
                self.features.lacks("streaming", exc)
                return False
            logger.info("the answer's stream could not stop (%s); editing it", exc.response.get("error"))
            stream_ts, rewrite = native.ts, True  # expired server-side: the message is there, edit it
        if rewrite:
            client.chat_update(channel=channel, ts=stream_ts, text=blocks.cut(answer.answer), blocks=full)
        # Only now: a restart before this point answers into the placeholder again.
        client.chat_delete(channel=channel, ts=ts)
        return True

    def _abort(
        self,
        client: WebClient,
        *,
        channel: str,
        ts: str,
        text: str,
        native: NativeStream | None,
        thread_ts: str | None,
        lang: str,
    ) -> None:
        """Say in the placeholder why there is no answer; end a stream already shown, clear the status."""
        client.chat_update(channel=channel, ts=ts, text=text, blocks=[])
        if native is not None and native.ts is not None:
            try:
                native.stop([blocks.context_block(translator(lang)(INTERRUPTED_TEXT))])
            except SlackApiError as exc:
                logger.info("could not stop the interrupted stream: %s", exc.response.get("error"))
        if thread_ts is not None:
            set_status(client, self.features, channel=channel, thread_ts=thread_ts, status="")

    def answer_command(
        self, client: WebClient, *, question: str, channel: str, user: str, response_url: str | None = None
    ) -> None:
        """Answer ``/advisor QUESTION`` ephemerally to ``user`` (see :func:`reply_ephemeral`)."""
        try:
            answer = self.ask(question=question, conversation_id=None)
        except AdvisorError as exc:
            text = failure_text(exc, blocks.slack_language(question))
            reply_ephemeral(client, channel=channel, user=user, response_url=response_url, text=text)
            return
        except Exception as exc:  # noqa: BLE001 - reply, never crash
            logger.error("/advisor failed: %s", type(exc).__name__)
            failure = translator(blocks.slack_language(question))(FAILURE_TEXT)
            reply_ephemeral(client, channel=channel, user=user, response_url=response_url, text=failure)
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
        self,
        client: WebClient,
        *,
        channel: str,
        ts: str,
        question: str,
        conversation_id: str | None,
        native: NativeStream | None,
    ) -> tuple[Answer, NativeStream | None]:
        """The answer, streamed as it comes: into ``native`` while the workspace takes it, else into
        the placeholder (throttled edits). Returns the answer and the stream still in use."""
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
                if native is not None:
                    try:
                        native.append(event["text"])
                        continue
                    except SlackApiError as exc:
                        if native.ts is not None or not is_unsupported(exc):
                            raise
                        self.features.lacks("streaming", exc)
                        native = None  # the workspace has no streaming: edit the placeholder instead
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
        return final, native


def reply_ephemeral(
    client: WebClient,
    *,
    channel: str,
    user: str,
    response_url: str | None,
    text: str,
    blocks: list[dict[str, Any]] | None = None,
    replace: bool = True,
) -> None:
    """An ephemeral reply to ``user``: through ``response_url`` when there is one (Bolt's ``respond()``,
    with ``replace`` replacing the message it belongs to, such as the command's "Looking…"), else
    ``chat.postEphemeral``.

    A response URL works where the bot is not a channel member (``chat.postEphemeral`` fails there:
    ``not_in_channel``), but only for 30 minutes: an expired or refused one falls back to
    ``chat.postEphemeral``.
    """
    if response_url:
        respond = Respond(response_url=response_url)
        try:
            sent = respond(
                text=text, blocks=blocks or [], response_type="ephemeral", replace_original=replace
            )
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
