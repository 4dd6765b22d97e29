"""Support-staff listeners: triage cards (support channels and the message shortcut), their buttons,
"Ask support" on answers, and the App Home tab.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from zoneinfo import ZoneInfo

from slack_bolt import Ack, App
from slack_sdk import WebClient

from assistant.calls import CLOSING_SOON_DAYS
from assistant.errors import NotFound
from assistant.language import N_
from assistant.models import Answer
from assistant.triage import Triage, message_moment, triage_request
from assistant.triage_card import card_language, notification_text, status_note
from assistant.triage_reply import draft_reply
from corpus.errors import AdvisorError
from corpus.i18n import translator
from corpus.languages import DEFAULT_LANGUAGE
from corpus.models import Audience
from integrations.slack import blocks, watches
from integrations.slack.answering import Services, failure_text, question_text, reply_ephemeral
from integrations.slack.dedupe import once_per_event
from integrations.slack.digest_blocks import ACTION_SNOOZE, ACTION_UNSUBSCRIBE
from integrations.slack.jobs import HomeJob, SubmitJob, TriageJob

logger = logging.getLogger(__name__)

SHORTCUT_TRIAGE = "triage_with_advisor"
CANNOT_TRIAGE = N_("Cannot triage this: {reason}")
NO_TEXT_TO_TRIAGE = N_("That message has no text to triage.")
ASKS_SUPPORT = N_("{user} asks support: {question}")
SUPPORT_HAS_IT = N_("Support staff have your question.")
NO_SUPPORT_QUEUE = N_("No support queue is configured yet.")
HOME_CLOSING_DAYS = CLOSING_SOON_DAYS


def _ack(ack: Ack) -> None:
    ack()


def register(app: App, services: Services, submit: SubmitJob) -> None:
    """Register the triage, "Ask support" and App Home listeners (slow work goes to ``submit``)."""
    app.shortcut(SHORTCUT_TRIAGE)(
        ack=_ack, lazy=[lambda body, client: on_shortcut(services, submit, body, client)]
    )
    app.action(blocks.ACTION_POST_DRAFT)(
        ack=_ack, lazy=[lambda body, client: on_post_draft(services, body, client)]
    )
    app.action(blocks.ACTION_ASSIGN_ME)(
        ack=_ack, lazy=[lambda body, client: on_assign(services, body, client)]
    )
    app.action(blocks.ACTION_RESOLVE)(
        ack=_ack, lazy=[lambda body, client: on_resolve(services, body, client)]
    )
    app.action(blocks.ACTION_ASK_SUPPORT)(
        ack=_ack, lazy=[lambda body, client: on_ask_support(services, submit, body, client)]
    )
    app.action(ACTION_UNSUBSCRIBE)(
        ack=_ack, lazy=[lambda body, client: watches.on_unsubscribe(services, body, client)]
    )
    app.action(ACTION_SNOOZE)(ack=_ack, lazy=[lambda body, client: watches.on_snooze(services, body, client)])
    app.event("app_home_opened")(
        ack=_ack,
        lazy=[once_per_event(services.store, lambda event, client, _context: on_home(submit, event))],
    )


def triage_message(
    submit: SubmitJob, *, channel: str, message_ts: str, text: str, requester: str | None
) -> None:
    """Queue a triage card for the thread of a member's message (posted and logged when ready)."""
    if not text:
        return
    submit(TriageJob(channel=channel, message_ts=message_ts, text=text, requester=requester))


def post_triage(
    services: Services, client: WebClient, *, channel: str, message_ts: str, text: str, requester: str | None
) -> None:
    """Classify the request, draft a reply, log the triage and post the card in its thread."""
    try:
        understanding = services.assistant.classify(text)
        draft = services.ask(question=text, conversation_id=None)
    except AdvisorError as exc:
        lang = blocks.slack_language(text)
        reason = failure_text(exc, lang)
        note = translator(lang)(CANNOT_TRIAGE).format(reason=reason)
        client.chat_postMessage(channel=channel, thread_ts=message_ts, text=note)
        return
    facts = services.call_facts(draft)
    named = {
        c.identifier: facts[c.doc_id].deadline
        for c in draft.citations
        if c.identifier and c.doc_id in facts and c.identifier.upper() in text.upper()
    }
    zone = ZoneInfo(services.settings.slack_triage_timezone)
    try:
        sent_at = message_moment(message_ts, zone)
    except ValueError:  # not a Slack timestamp (never sent by Slack): judge from now
        sent_at = dt.datetime.now(zone)
    card = triage_request(
        understanding,
        routing=services.settings.slack_triage_routing,
        call_deadlines={name: day for name, day in named.items() if day is not None},
        sent_at=sent_at,
        lang=draft.lang,
    )
    services.store.log_triage(
        channel=channel,
        message_ts=message_ts,
        requester=requester,
        category=card.category,
        urgency=card.urgency,
        owner=card.owner,
    )
    client.chat_postMessage(
        channel=channel,
        thread_ts=message_ts,
        text=notification_text(card.category, card.urgency, draft.lang),
        blocks=blocks.triage_blocks(card, draft=_drafted(card, draft), call_facts=facts),
    )


def _drafted(card: Triage, draft: Answer) -> Answer:
    """The draft answer wrapped into a reply to the member, in the answer's (the request's) language;
    an answer without evidence is left out (the reply says who will get back instead)."""
    reply = draft_reply(
        category=card.category,
        urgency=card.urgency,
        answer=draft.answer if draft.grounded else None,
        lang=draft.lang,
    )
    return draft.model_copy(update={"answer": reply, "citations": draft.citations if draft.grounded else []})


def on_shortcut(services: Services, submit: SubmitJob, body: dict[str, Any], client: WebClient) -> None:
    """The message shortcut "Triage with Advisor"."""
    message, channel = body.get("message") or {}, (body.get("channel") or {}).get("id")
    text = question_text(message.get("text"))
    if not channel or not message.get("ts"):
        return
    if not text:
        user = (body.get("user") or {}).get("id")
        if user:
            note = translator(watches.user_language(services, user))(NO_TEXT_TO_TRIAGE)
            client.chat_postEphemeral(channel=channel, user=user, text=note)
        return
    triage_message(
        submit,
        channel=channel,
        message_ts=str(message["ts"]),
        text=text,
        requester=message.get("user"),
    )


def _card_context(body: dict[str, Any]) -> tuple[str, str, str, dict[str, Any]] | None:
    """``(channel, request ts, user, card message)`` of a triage button press."""
    message, channel = body.get("message") or {}, (body.get("channel") or {}).get("id")
    user = (body.get("user") or {}).get("id")
    request_ts = message.get("thread_ts")
    if not channel or not user or not request_ts or not message.get("ts"):
        return None
    return str(channel), str(request_ts), str(user), message


def _update_card(client: WebClient, channel: str, card: dict[str, Any], kind: str, user: str) -> None:
    """The card with its status line (``kind`` of :data:`~assistant.triage_card.STATUS_NOTES`), in
    the card's language."""
    card_blocks = card.get("blocks") or []
    lang = card_language(blocks.button_texts(card_blocks))
    note = status_note(kind, user=f"<@{user}>", lang=lang)
    client.chat_update(
        channel=channel,
        ts=card["ts"],
        text=card.get("text") or "Triage",
        blocks=blocks.with_status(card_blocks, note),
    )


def on_post_draft(services: Services, body: dict[str, Any], client: WebClient) -> None:
    """Post the card's drafted reply (and its sources) in the member's thread."""
    found = _card_context(body)
    if found is None:
        return
    channel, request_ts, user, card = found
    draft, sources = _card_draft(card)
    if not draft:
        return
    client.chat_postMessage(
        channel=channel, thread_ts=request_ts, text=draft, blocks=blocks.draft_reply_blocks(draft, sources)
    )
    services.store.mark_responded(channel=channel, message_ts=request_ts, by=user)
    _update_card(client, channel, card, "draft_posted", user)


def _card_draft(card: dict[str, Any]) -> tuple[str, str | None]:
    """``(draft reply, sources section)`` of a posted triage card: its sections by block id, their
    title line (in the request's language) dropped from the draft; a card posted before the ids
    existed by its English titles."""
    sections = [b for b in card.get("blocks") or [] if b.get("type") == "section"]
    by_id = {b.get("block_id"): b.get("text", {}).get("text", "") for b in sections}
    if blocks.TRIAGE_DRAFT_BLOCK in by_id:
        draft = by_id[blocks.TRIAGE_DRAFT_BLOCK].partition("\n")[2]
        return draft, by_id.get(blocks.TRIAGE_SOURCES_BLOCK)
    texts = [b.get("text", {}).get("text", "") for b in sections]
    draft = next((t.removeprefix("*Draft reply*\n") for t in texts if t.startswith("*Draft reply*")), "")
    return draft, next((t for t in texts if t.startswith("*Sources*")), None)


def on_assign(services: Services, body: dict[str, Any], client: WebClient) -> None:
    """Assign the request to the person who pressed the button."""
    found = _card_context(body)
    if found is None:
        return
    channel, request_ts, user, card = found
    services.store.assign(channel=channel, message_ts=request_ts, user=user)
    _update_card(client, channel, card, "assigned", user)


def on_resolve(services: Services, body: dict[str, Any], client: WebClient) -> None:
    """Mark the request resolved."""
    found = _card_context(body)
    if found is None:
        return
    channel, request_ts, user, card = found
    services.store.mark_resolved(channel=channel, message_ts=request_ts)
    client.reactions_add(channel=channel, timestamp=request_ts, name="white_check_mark")
    _update_card(client, channel, card, "resolved", user)


def on_ask_support(services: Services, submit: SubmitJob, body: dict[str, Any], client: WebClient) -> None:
    """Hand an answered question to support: feedback "not helpful", and a triaged request for staff."""
    action = (body.get("actions") or [{}])[0]
    user = str((body.get("user") or {}).get("id") or "")
    channel = (body.get("channel") or {}).get("id")
    answer_id = str(action.get("value") or "")
    try:
        services.conversations.record_feedback(answer_id=answer_id, helpful=False, comment="asked support")
        conversation_id = services.conversations.get_answer(answer_id).conversation_id
    except NotFound:
        return
    turns = services.conversations.history(conversation_id, limit=2)
    question = next((turn.content for turn in reversed(turns) if turn.role == "user"), "")
    queues = sorted(services.settings.slack_support_channel_ids)
    # The answer's language rides on its feedback block's id (the Ask support button is in it).
    lang = blocks.feedback_language(
        [{"block_id": action.get("block_id")}, *(body.get("message") or {}).get("blocks", [])]
    )
    _ = translator(lang)
    if queues and question:
        asks = _(ASKS_SUPPORT).format(user=f"<@{user}>", question=blocks.escape(question))
        posted = client.chat_postMessage(channel=queues[0], text=asks)
        triage_message(submit, channel=queues[0], message_ts=str(posted["ts"]), text=question, requester=user)
    if channel and user:
        note = _(SUPPORT_HAS_IT) if queues else _(NO_SUPPORT_QUEUE)
        # The button's response URL reaches the asker wherever the answer was (an /advisor answer in
        # a channel the bot is not in); replace_original=False keeps the answer.
        response_url = str(body["response_url"]) if body.get("response_url") else None
        reply_ephemeral(
            client, channel=channel, user=user, response_url=response_url, text=note, replace=False
        )


def on_home(submit: SubmitJob, event: dict[str, Any]) -> None:
    """``app_home_opened``: queue the publication of the user's App Home tab."""
    user = event.get("user")
    if not user or event.get("tab", "home") != "home":
        return
    submit(HomeJob(user=str(user)))


def publish_home(services: Services, client: WebClient, *, user: str) -> None:
    """Publish the App Home tab: the user's recent questions, calls closing within 30 days, and the
    saved searches of the channels where the user saved one."""
    recent = services.store.recent_questions(user=user, limit=5)
    lang = blocks.slack_language(recent[0].question) if recent else DEFAULT_LANGUAGE  # as last asked
    client.views_publish(
        user_id=user,
        view=blocks.home_view(
            questions=[(q.question, q.created_at) for q in recent],
            calls=closing_calls(services, days=HOME_CLOSING_DAYS),
            watches=watches.home_blocks(services, user=user, lang=lang),
            lang=lang,
        ),
    )


def closing_calls(services: Services, *, days: int, limit: int = 10) -> list[tuple[str, str | None, dt.date]]:
    """Open public calls whose deadline is within ``days`` days, soonest first: ``(title, url, deadline)``.

    Every workspace member can open the App Home, so internal calls are never listed there.
    """
    closing = services.advisor.calls.closing_soon(
        today=services.settings.today, audiences=frozenset({Audience.PUBLIC}), within_days=days, limit=limit
    )
    return [(facts.title, facts.url, facts.deadline) for facts in closing if facts.deadline is not None]
