"""Every Slack listener, registered by :func:`register_listeners`; each acks at once and works lazily.

Thin: a listener reads the payload, decides whether a person asked something, and hands over to
:class:`~integrations.slack.answering.Services` (answers) or :mod:`integrations.slack.support`
(triage, App Home).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from assistant.app import Advisor
from assistant.errors import NotFound
from integrations.slack import blocks, support
from integrations.slack.answering import Services, event_fields, question_text
from integrations.slack.background import BackgroundWork
from integrations.slack.dedupe import once_per_event
from integrations.slack.jobs import CommandJob, ThreadLink
from integrations.slack.store import SlackStore

logger = logging.getLogger(__name__)

DM_THREAD = "dm"
"""The thread key of a direct-message channel: one conversation per DM."""
FILES_ONLY_TEXT = "I can only read text: please type your question (I cannot open files)."
_IGNORED_SUBTYPES_EXCEPT = {None, "file_share", "thread_broadcast"}


def is_person_message(event: dict[str, Any], *, bot_user_id: str | None, answer_bots: bool) -> bool:
    """Whether a message event is a person's new message (not an edit, deletion, or a bot's post)."""
    subtype = event.get("subtype")
    if subtype == "bot_message":
        return answer_bots and bool(event.get("text"))
    if subtype not in _IGNORED_SUBTYPES_EXCEPT:
        return False
    if bot_user_id and event.get("user") == bot_user_id:
        return False
    if event.get("bot_id"):
        return answer_bots
    return bool(event.get("user"))


def _ack(ack: Ack) -> None:
    ack()


def register_listeners(
    app: App,
    advisor: Advisor,
    *,
    store: SlackStore,
    background: BackgroundWork,
) -> None:
    """Register the question, feedback, triage and App Home listeners on ``app``.

    Each listener acks at once; its lazy part posts what a person should see straight away and
    hands slow work (answers, triage cards) to ``background``.
    """
    services = Services(advisor=advisor, store=store, background=background)
    background.start(services=services, client=app.client)  # resumes work a stopped process left
    questions = _Questions(services)
    app.event("app_mention")(ack=_ack, lazy=[once_per_event(store, questions.on_mention)])
    app.event("message")(ack=_ack, lazy=[once_per_event(store, questions.on_message)])
    app.command("/advisor")(ack=questions.ack_command, lazy=[questions.on_command])
    app.action(blocks.ACTION_HELPFUL)(ack=_ack, lazy=[questions.on_helpful])
    app.action(blocks.ACTION_NOT_HELPFUL)(ack=_ack, lazy=[questions.on_not_helpful])
    support.register(app, services)
    # Unknown event types are acknowledged (a 404 would make Slack retry them).
    app.event(re.compile(r".*"))(_ack)


class _Questions:
    def __init__(self, services: Services) -> None:
        self.services = services

    def on_mention(self, event: dict[str, Any], client: WebClient, _context: BoltContext) -> None:
        channel, ts, thread_ts = event_fields(event)
        if not channel or not ts:
            return
        root = thread_ts or ts
        self._answer(
            client, channel=channel, root=root, reply_in=root, user=event.get("user"), raw=event.get("text")
        )

    def on_message(self, event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        settings = self.services.settings
        bot = context.bot_user_id
        if not is_person_message(event, bot_user_id=bot, answer_bots=settings.slack_answer_bot_messages):
            return
        channel, ts, thread_ts = event_fields(event)
        if not channel or not ts or (bot and f"<@{bot}" in str(event.get("text") or "")):
            return  # a mention is answered by the app_mention listener
        if event.get("channel_type") == "im":
            root, reply_in = DM_THREAD, None
        elif thread_ts and self.services.store.conversation_for(channel=channel, thread_ts=thread_ts):
            root, reply_in = thread_ts, thread_ts
        else:
            if channel in settings.slack_support_channel_ids and not thread_ts:
                support.triage_message(
                    self.services,
                    client,
                    channel=channel,
                    message_ts=ts,
                    text=question_text(event.get("text")),
                    requester=event.get("user"),
                )
            return
        self._answer(
            client,
            channel=channel,
            root=root,
            reply_in=reply_in,
            user=event.get("user"),
            raw=event.get("text"),
            files=bool(event.get("files")),
        )

    def _answer(
        self,
        client: WebClient,
        *,
        channel: str,
        root: str,
        reply_in: str | None,
        user: object,
        raw: object,
        files: bool = False,
    ) -> None:
        question = question_text(raw)
        if not question and files:
            client.chat_postMessage(channel=channel, thread_ts=reply_in, text=FILES_ONLY_TEXT)
            return
        conversation_id = self.services.store.conversation_for(channel=channel, thread_ts=root)
        self.services.answer_message(
            client,
            channel=channel,
            thread_ts=reply_in,
            question=question,
            conversation_id=conversation_id,
            link=ThreadLink(
                channel=channel, thread_ts=root, user=str(user) if user else None, question=question
            ),
        )

    # --- /advisor -------------------------------------------------------------------------------

    def ack_command(self, ack: Ack, command: dict[str, Any]) -> None:
        if question_text(command.get("text")):
            ack(response_type="ephemeral", text="Looking through the corpus…")
        else:
            ack(
                response_type="ephemeral",
                text="Usage: /advisor QUESTION, e.g. /advisor open calls for clusters",
            )

    def on_command(self, command: dict[str, Any], client: WebClient) -> None:
        question = question_text(command.get("text"))
        channel, user = command.get("channel_id"), command.get("user_id")
        if not question or not channel or not user:
            return
        job = CommandJob(question=question, channel=channel, user=user)
        self.services.background.submit(job, services=self.services, client=client)

    # --- feedback buttons -----------------------------------------------------------------------

    def on_helpful(self, body: dict[str, Any], client: WebClient) -> None:
        self._feedback(body, client, helpful=True)

    def on_not_helpful(self, body: dict[str, Any], client: WebClient) -> None:
        self._feedback(body, client, helpful=False)

    def _feedback(self, body: dict[str, Any], client: WebClient, *, helpful: bool) -> None:
        action = (body.get("actions") or [{}])[0]
        user = str((body.get("user") or {}).get("id") or "")
        try:
            self.services.conversations.record_feedback(
                answer_id=str(action.get("value") or ""), helpful=helpful
            )
        except NotFound:
            logger.info("feedback on an unknown answer ignored")
            return
        message, channel = body.get("message") or {}, (body.get("channel") or {}).get("id")
        if message.get("ts") and channel:
            done = blocks.feedback_done_blocks(message.get("blocks") or [], helpful=helpful, user=user)
            client.chat_update(channel=channel, ts=message["ts"], text=message.get("text") or "", blocks=done)
