"""Every Slack listener, registered by :func:`register_listeners`; each acks at once and works lazily.

Plain functions, registered once: a listener reads the payload, decides whether a person asked
something, posts what they should see at once, and submits the slow work as plain job data (run by
the :class:`~integrations.slack.dispatch.Dispatcher`); :mod:`integrations.slack.support` does the
same for triage and App Home.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_bolt.context.respond import Respond
from slack_sdk import WebClient

from assistant.errors import NotFound
from assistant.language import N_
from corpus.i18n import translator
from integrations.slack import blocks, installation, support, watches
from integrations.slack.answering import (
    EMPTY_QUESTION_TEXT,
    Services,
    event_fields,
    question_text,
    reply_ephemeral,
)
from integrations.slack.background import BackgroundWork
from integrations.slack.dedupe import once_per_event
from integrations.slack.dispatch import Dispatcher
from integrations.slack.jobs import AnswerJob, CommandJob, SubmitJob, ThreadLink

logger = logging.getLogger(__name__)

DM_THREAD = "dm"
"""The thread key of a direct-message channel: one conversation per DM."""
USAGE_TEXT = N_(
    "Usage: /advisor QUESTION, e.g. /advisor open calls for clusters. Saved searches: /advisor watch "
    "QUESTION, /advisor watches, /advisor unwatch N, /advisor digest DAY HH:MM [TIME ZONE]"
)
FILES_ONLY_TEXT = N_("I can only read text: please type your question (I cannot open files).")
ONE_MOMENT_TEXT = N_("One moment…")
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
    services: Services,
    *,
    background: BackgroundWork,
    dispatcher: Dispatcher,
) -> None:
    """Register the question, feedback, triage and App Home listeners on ``app``, once.

    Each listener acks at once; its lazy part posts what a person should see straight away and
    hands slow work (answers, triage cards), as plain job data, to ``background``, which runs it
    with ``dispatcher`` (or a worker process's own).
    """
    background.start(dispatcher)  # resumes work a stopped process left
    submit = background.submit
    store = services.store
    app.event("app_mention")(
        ack=_ack,
        lazy=[
            once_per_event(
                store, lambda event, client, context: on_mention(services, submit, event, client, context)
            )
        ],
    )
    app.event("message")(
        ack=_ack,
        lazy=[
            once_per_event(
                store, lambda event, client, context: on_message(services, submit, event, client, context)
            )
        ],
    )
    app.command("/advisor")(
        ack=lambda ack, command: ack_command(services, ack, command),
        lazy=[lambda command, client: on_command(services, submit, command, client)],
    )
    app.action(blocks.ACTION_HELPFUL)(
        ack=_ack, lazy=[lambda body, client: on_feedback(services, body, client, helpful=True)]
    )
    app.action(blocks.ACTION_NOT_HELPFUL)(
        ack=_ack, lazy=[lambda body, client: on_feedback(services, body, client, helpful=False)]
    )
    support.register(app, services, submit)
    installation.register(app, services)
    # Unknown event types are acknowledged (a 404 would make Slack retry them).
    app.event(re.compile(r".*"))(_ack)


def on_mention(
    services: Services, submit: SubmitJob, event: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """``app_mention``: answer in the mention's thread."""
    channel, ts, thread_ts = event_fields(event)
    if not channel or not ts or not services.store.claim_event(mention_key(channel, ts)):
        return
    root = thread_ts or ts
    answer_in_thread(
        services,
        submit,
        client,
        channel=channel,
        root=root,
        reply_in=root,
        user=event.get("user"),
        raw=event.get("text"),
        team=context.team_id,
    )


def on_message(
    services: Services, submit: SubmitJob, event: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """``message``: DMs, group DMs and replies in an answered thread are questions; support channels
    are triaged."""
    settings = services.settings
    bot = context.bot_user_id
    if not is_person_message(event, bot_user_id=bot, answer_bots=settings.slack_answer_bot_messages):
        return
    channel, ts, thread_ts = event_fields(event)
    if not channel or not ts:
        return
    mentioned = bool(bot) and f"<@{bot}" in str(event.get("text") or "")
    group_dm = event.get("channel_type") == "mpim"
    if mentioned and not group_dm:
        return  # a mention is answered by the app_mention listener
    if mentioned and not services.store.claim_event(mention_key(channel, ts)):
        return  # Slack also sent app_mention for it, and that one came first
    if event.get("channel_type") == "im":
        root, reply_in = DM_THREAD, None
    elif group_dm and (not thread_ts or mentioned):
        # A group DM with the bot: each question is answered in its own thread (one conversation
        # each), so several people's questions do not run into one another. Slack documents no
        # app_mention for direct conversations, so a mention there is answered from here.
        root = thread_ts or ts
        reply_in = root
    elif thread_ts and services.store.conversation_for(channel=channel, thread_ts=thread_ts):
        root, reply_in = thread_ts, thread_ts
    else:
        if channel in settings.slack_support_channel_ids and not thread_ts:
            support.triage_message(
                submit,
                channel=channel,
                message_ts=ts,
                text=question_text(event.get("text")),
                requester=event.get("user"),
            )
        return
    answer_in_thread(
        services,
        submit,
        client,
        channel=channel,
        root=root,
        reply_in=reply_in,
        user=event.get("user"),
        raw=event.get("text"),
        files=bool(event.get("files")),
        team=context.team_id,
    )


def mention_key(channel: str, ts: str) -> str:
    """The de-duplication key of a message that mentions the bot, whichever event brings it."""
    return f"mention:{channel}:{ts}"


def answer_in_thread(
    services: Services,
    submit: SubmitJob,
    client: WebClient,
    *,
    channel: str,
    root: str,
    reply_in: str | None,
    user: object,
    raw: object,
    files: bool = False,
    team: str | None = None,
) -> None:
    """Post a placeholder now and queue the answer that will be streamed into it.

    The thread ``root`` is linked to the answer's conversation before the answer is shown, so a
    quick follow-up in the thread finds it.
    """
    question = question_text(raw)
    if not question and files:
        text = translator(watches.user_language(services, user))(FILES_ONLY_TEXT)
        client.chat_postMessage(channel=channel, thread_ts=reply_in, text=text)
        return
    waiting = blocks.placeholder_text(blocks.slack_language(question, wait=False))
    posted = client.chat_postMessage(
        channel=channel, thread_ts=reply_in, text=waiting, blocks=blocks.placeholder_blocks(waiting)
    )
    ts = str(posted["ts"])
    if not question:
        text = translator(watches.user_language(services, user))(EMPTY_QUESTION_TEXT)
        client.chat_update(channel=channel, ts=ts, text=text, blocks=[])
        return
    link = ThreadLink(channel=channel, thread_ts=root, user=str(user) if user else None, question=question)
    conversation_id = services.store.conversation_for(channel=channel, thread_ts=root)
    submit(
        AnswerJob(
            channel=channel,
            ts=ts,
            question=question,
            conversation_id=conversation_id,
            link=link,
            thread_ts=reply_in,
            team=team,
        )
    )


def ack_command(services: Services, ack: Ack, command: dict[str, Any]) -> None:
    """``/advisor``: acknowledge at once (with the usage when no question was given), in the
    question's language, else the user's (English while the detectors are still being built: Slack
    waits 3 s for the acknowledgement)."""
    text = question_text(command.get("text"))
    saved_search = watches.subcommand(text) if text else None
    if saved_search is not None:
        name, rest = saved_search
        lang = watches.subcommand_language(
            services, name=name, rest=rest, user=command.get("user_id"), wait=False
        )
        ack(response_type="ephemeral", text=translator(lang)(ONE_MOMENT_TEXT))
    elif text:
        ack(response_type="ephemeral", text=blocks.placeholder_text(blocks.slack_language(text, wait=False)))
    else:
        lang = watches.user_language(services, command.get("user_id"), wait=False)
        ack(response_type="ephemeral", text=translator(lang)(USAGE_TEXT))


def on_command(services: Services, submit: SubmitJob, command: dict[str, Any], client: WebClient) -> None:
    """``/advisor QUESTION``: queue the ephemeral answer, which replaces the "Looking…" acknowledgement
    through the command's response URL (Bolt's ``respond()``: works where the bot is no member)."""
    question = question_text(command.get("text"))
    channel, user = command.get("channel_id"), command.get("user_id")
    if not question or not channel or not user:
        return
    response_url = str(command["response_url"]) if command.get("response_url") else None
    saved_search = watches.subcommand(question)
    if saved_search is not None:  # quick: a plan read and a row written, here rather than queued
        name, rest = saved_search
        reply = watches.run_subcommand(
            services, name=name, rest=rest, channel=channel, user=user, now=services.clock()
        )
        reply_ephemeral(client, channel=channel, user=user, response_url=response_url, text=reply)
        return
    submit(
        CommandJob(
            question=question,
            channel=channel,
            user=user,
            response_url=response_url,
        )
    )


def on_feedback(services: Services, body: dict[str, Any], client: WebClient, *, helpful: bool) -> None:
    """The Helpful / Not helpful buttons: store the verdict, then replace the buttons by a note."""
    action = (body.get("actions") or [{}])[0]
    user = str((body.get("user") or {}).get("id") or "")
    try:
        services.conversations.record_feedback(answer_id=str(action.get("value") or ""), helpful=helpful)
    except NotFound:
        logger.info("feedback on an unknown answer ignored")
        return
    message, channel = body.get("message") or {}, (body.get("channel") or {}).get("id")
    done = blocks.feedback_done_blocks(message.get("blocks") or [], helpful=helpful, user=user)
    lang = blocks.feedback_language(message.get("blocks") or [{"block_id": action.get("block_id")}])
    if (body.get("container") or {}).get("is_ephemeral") and body.get("response_url"):
        # An ephemeral answer (/advisor) cannot be edited with chat.update: its response URL replaces it
        # (or, when the payload does not carry the message, adds the note below it).
        respond = Respond(response_url=str(body["response_url"]))
        if message.get("blocks"):
            respond(text=message.get("text") or "", blocks=done, replace_original=True)
        else:
            respond(text=blocks.feedback_note(helpful=helpful, user=user, lang=lang), replace_original=False)
    elif message.get("ts") and channel:
        client.chat_update(channel=channel, ts=message["ts"], text=message.get("text") or "", blocks=done)
