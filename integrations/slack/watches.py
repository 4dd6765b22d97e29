"""Saved searches in Slack: ``/advisor watch|watches|unwatch|digest``, the weekly digest and its buttons.

``/advisor watch QUESTION`` reads the question with ask's planner (:func:`assistant.watches.watch_plan`)
and keeps the plan for the channel; the calls matching that day count as seen. At the channel's
digest time (Mondays 09:00 UTC until ``/advisor digest DAY HH:MM [TIME ZONE]`` says otherwise), the
journaled scheduler (:meth:`~integrations.slack.journal.JournaledWork.beat_once`) queues a
:class:`~integrations.slack.jobs.DigestJob`; :func:`post_digests` runs each plan with ask's executor
and posts the new and closing-soon calls, with Snooze and Unsubscribe buttons.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from assistant.language import N_, error_text, localized_error
from assistant.plan.models import QueryPlan
from assistant.watches import describe_watch, digest_of, matching_calls, watch_plan
from corpus.errors import AdvisorError, InvalidInput
from corpus.i18n import format_date, ntranslator, translator
from corpus.languages import DEFAULT_LANGUAGE, detect_language, detectors_ready
from integrations.slack import blocks
from integrations.slack.answering import Services
from integrations.slack.blocks import cut
from integrations.slack.digest_blocks import (
    digest_blocks,
    digest_text,
    home_watch_blocks,
    watches_text,
)
from integrations.slack.jobs import DigestJob
from integrations.slack.schedule import DEFAULT_DIGEST_TIME, parse_digest_time
from integrations.slack.watch_store import Watch, WatchStore

logger = logging.getLogger(__name__)

SUBCOMMANDS = ("watch", "watches", "unwatch", "digest")
SNOOZE_PAST_RUN = dt.timedelta(minutes=1)
"""A snooze lasts until just after the run it skips."""
GONE_CHANNEL_ERRORS = frozenset({"not_in_channel", "channel_not_found", "is_archived"})
"""Posting there will not work on a later attempt either: the digest skips the channel."""


def subcommand(text: str) -> tuple[str, str] | None:
    """``("watch", "open calls on hydrogen")`` for ``/advisor watch open calls on hydrogen``, else None."""
    first, _, rest = text.strip().partition(" ")
    name = first.lower()
    return (name, rest.strip()) if name in SUBCOMMANDS else None


CANNOT = N_("Cannot do that: {reason}")
WATCH_SAVED = N_(
    "Saved search {number} for {channel}: {what} ({matches}). New and closing-soon calls will be posted "
    "here {schedule} (invite me to the channel if I am not in it yet). Change the time with {usage}."
)
ASKED_AS = N_("“{question}”: {description}")
"""A watch saved in another language than English: the question as asked, then what it follows."""
DIGEST_SYNTAX = N_("/advisor digest DAY HH:MM [TIME ZONE]")
SCHEDULE_SET = N_("Digest of {channel}: {schedule}; next on {next}.")
WHICH_TO_STOP = N_("say which saved search to stop: /advisor unwatch N, N from /advisor watches ({listed})")
ONE_TO = N_("1 to {count}")
NONE_HERE = N_("none: there are no saved searches here")
STOPPED = N_("Stopped saved search {number}: {question}.")
UNSUBSCRIBED = N_("{user} unsubscribed this channel from this saved search.")
SNOOZED = N_("{user} snoozed this saved search: no digest of it on {day}.")
LOCAL_MOMENT = N_("{day} at {time} ({timezone})")
SURE_ENGLISH = 0.5
"""The detector's confidence from which a watch question counts as English whoever wrote it."""


def run_subcommand(
    services: Services, *, name: str, rest: str, channel: str, user: str | None, now: dt.datetime
) -> str:
    """Do ``/advisor NAME REST`` in ``channel`` at ``now``; returns the reply (errors said plainly).

    The reply to ``watch QUESTION`` is in the question's language (the watch keeps it for its
    digests); the others, whose words are commands and numbers, in the language ``user`` last wrote
    to the bot in (:func:`user_language`).
    """
    watches = WatchStore.of(services.store)
    lang = subcommand_language(services, name=name, rest=rest, user=user)
    _ = translator(lang)
    try:
        if name == "watch":
            return _watch(services, watches, question=rest, channel=channel, user=user, now=now, lang=lang)
        if name == "watches":
            schedule = watches.schedule(channel)
            questions = [w.question for w in watches.watches(channel)]
            return watches_text(channel, questions, schedule.when if schedule else None, lang)
        if name == "unwatch":
            return _unwatch(watches, rest, channel=channel, lang=lang)
        schedule = watches.set_schedule(channel, parse_digest_time(rest, lang), now=now)
        following = _local(schedule.next_run_at, schedule.when.timezone, lang)
        return _(SCHEDULE_SET).format(
            channel=f"<#{channel}>", schedule=schedule.when.describe(lang), next=following
        )
    except AdvisorError as exc:
        return _(CANNOT).format(reason=error_text(exc, lang))


def user_language(services: Services, user: object, *, wait: bool = True) -> str:
    """The language ``user`` last wrote to the bot in: their latest question (as App Home reads it)
    or saved search, whichever came last; English for someone who has done neither. What needs
    no question's words is said in it: usage, "I cannot open files", the saved-search replies.
    ``wait`` as :func:`~integrations.slack.blocks.slack_language`'s."""
    if not user or not isinstance(user, str):
        return DEFAULT_LANGUAGE
    asked = services.store.recent_questions(user=user, limit=1)
    watched = WatchStore.of(services.store).latest_watch_by(user)
    if watched is not None and (not asked or watched.created_at >= asked[0].created_at):
        return watched.lang
    return blocks.slack_language(asked[0].question, wait=wait) if asked else DEFAULT_LANGUAGE


def subcommand_language(services: Services, *, name: str, rest: str, user: object, wait: bool = True) -> str:
    """The language of the reply to ``/advisor NAME REST``: a watch's question's own; for the other
    subcommands (commands and numbers) the user's (:func:`user_language`).

    A short watch question is often read as English only because its words are borrowed or names
    ("Batterie-Cluster in Deutschland", "Horizon Europe hydrogen calls"): when the detector is not
    sure it is English, the user's language decides (English for someone new)."""
    if name == "watch" and rest.strip():
        lang = blocks.slack_language(rest, wait=wait)
        if (
            lang != DEFAULT_LANGUAGE
            or not detectors_ready()
            or detect_language(rest).confidence >= SURE_ENGLISH
        ):
            return lang
    return user_language(services, user, wait=wait)


def _watch(
    services: Services,
    watches: WatchStore,
    *,
    question: str,
    channel: str,
    user: str | None,
    now: dt.datetime,
    lang: str,
) -> str:
    today = services.settings.today
    plan = watch_plan(services.assistant, question, today=today, lang=lang)
    matching = matching_calls(services.assistant, plan, planned_on=today, today=today)
    watch, schedule = watches.add_watch(
        channel=channel, question=question, plan_json=plan.model_dump_json(), planned_on=today, user=user,
        seen=[call.doc_id for call in matching], default_time=DEFAULT_DIGEST_TIME, now=now, lang=lang,
    )  # fmt: skip
    number = [w.id for w in watches.watches(channel)].index(watch.id) + 1
    _ = translator(lang)
    what = describe_watch(plan, lang)
    if lang != DEFAULT_LANGUAGE:
        what = _(ASKED_AS).format(question=cut(" ".join(question.split()), 200), description=what)
    ngettext = ntranslator(lang)
    matches = ngettext("{n} match today", "{n} matches today", len(matching))
    return _(WATCH_SAVED).format(
        number=number,
        channel=f"<#{channel}>",
        what=blocks.escape(what),
        matches=matches.format(n=len(matching)),
        schedule=schedule.when.describe(lang),
        usage=_(DIGEST_SYNTAX),
    )


def _unwatch(watches: WatchStore, rest: str, *, channel: str, lang: str) -> str:
    _ = translator(lang)
    saved = watches.watches(channel)
    if not rest.isdigit() or not 1 <= int(rest) <= len(saved):
        listed = _(ONE_TO).format(count=len(saved)) if saved else _(NONE_HERE)
        raise localized_error(InvalidInput, WHICH_TO_STOP, lang, listed=listed)
    watch = saved[int(rest) - 1]
    watches.remove_watch(watch.id)
    return _(STOPPED).format(number=rest, question=blocks.escape(watch.question))


def post_digests(services: Services, client: WebClient, job: DigestJob) -> int:
    """Post the digest of every watch of the job's channel for its run; returns how many were posted.

    A watch already posted for this run (the job re-run after a restart), snoozed, or with nothing
    new or closing soon posts nothing. Its matches are recorded as seen once handled.
    """
    watches = WatchStore.of(services.store)
    run_at = dt.datetime.fromisoformat(job.run_at)
    day = dt.date.fromisoformat(job.day)
    posted = 0
    for watch in watches.watches(job.channel):
        if watch.last_digest == job.run_key or watch.snoozed_at(run_at):
            continue
        plan = QueryPlan.model_validate_json(watch.plan)
        matching = matching_calls(services.assistant, plan, planned_on=watch.planned_on, today=day)
        digest = digest_of(matching, seen=watches.seen(watch.id), today=day)
        if not digest.empty:
            try:
                client.chat_postMessage(
                    channel=job.channel,
                    text=digest_text(watch.question, digest, watch.lang),
                    blocks=digest_blocks(
                        question=watch.question, watch_id=watch.id, digest=digest, day=day, lang=watch.lang
                    ),
                    unfurl_links=False,
                )
            except SlackApiError as exc:
                if exc.response.get("error") not in GONE_CHANNEL_ERRORS:
                    raise  # Slack away: the journal runs the digest again; posted watches are skipped
                logger.warning("digest for %s not posted: %s", job.channel, exc.response.get("error"))
                return posted
            posted += 1
        watches.record_digest(watch.id, run_key=job.run_key, matching=digest.matching, day=day)
    return posted


def on_unsubscribe(services: Services, body: dict[str, Any], client: WebClient) -> None:
    """The digest's Unsubscribe button: the watch goes; the message says who stopped it (in the
    watch's language, like the digest)."""
    found = _pressed(services, body)
    if found is None:
        return
    watch, user = found
    WatchStore.of(services.store).remove_watch(watch.id)
    _note(client, body, translator(watch.lang)(UNSUBSCRIBED).format(user=f"<@{user}>"))


def on_snooze(services: Services, body: dict[str, Any], client: WebClient) -> None:
    """The digest's Snooze button: the channel's next digest leaves this watch out (a week of quiet)."""
    found = _pressed(services, body)
    if found is None:
        return
    watch, user = found
    watches = WatchStore.of(services.store)
    schedule = watches.schedule(str((body.get("channel") or {}).get("id")))
    if schedule is None:
        return
    skipped = schedule.next_run_at
    watches.snooze(watch.id, until=skipped + SNOOZE_PAST_RUN)
    day = skipped.astimezone(ZoneInfo(schedule.when.timezone)).date()
    note = translator(watch.lang)(SNOOZED).format(user=f"<@{user}>", day=format_date(day, watch.lang))
    _note(client, body, note)


def home_blocks(services: Services, *, user: str, lang: str = DEFAULT_LANGUAGE) -> list[blocks.Block]:
    """App Home: the saved searches of every channel where ``user`` saved one."""
    watches = WatchStore.of(services.store)
    listed = []
    for channel in watches.channels_watched_by(user):
        schedule = watches.schedule(channel)
        listed.append(
            (channel, schedule.when if schedule else None, [w.question for w in watches.watches(channel)])
        )
    return home_watch_blocks(listed, lang)


def _pressed(services: Services, body: dict[str, Any]) -> tuple[Watch, str] | None:
    """``(watch, user)`` of a digest button pressed in the watch's own channel, else None."""
    action = (body.get("actions") or [{}])[0]
    user = str((body.get("user") or {}).get("id") or "")
    channel = (body.get("channel") or {}).get("id")
    value = str(action.get("value") or "")
    if not value.isdigit() or not user:
        return None
    watch = WatchStore.of(services.store).watch(int(value))
    if watch is None or watch.channel != channel:
        return None  # already gone, or a button copied elsewhere
    return watch, user


def _note(client: WebClient, body: dict[str, Any], note: str) -> None:
    """Replace the digest's buttons with ``note``."""
    message, channel = body.get("message") or {}, (body.get("channel") or {}).get("id")
    if not message.get("ts") or not channel:
        return
    kept = [b for b in message.get("blocks") or [] if b.get("type") != "actions"]
    client.chat_update(
        channel=channel,
        ts=message["ts"],
        text=message.get("text") or "Digest",
        blocks=[*kept, blocks.context_block(note)],
    )


def _local(moment: dt.datetime, timezone: str, lang: str) -> str:
    """``2026-05-12 08:30 (Europe/Brussels)``; "12. Mai 2026 um 08:30 (Europe/Brussels)" in German."""
    local = moment.astimezone(ZoneInfo(timezone))
    if lang == DEFAULT_LANGUAGE:
        return f"{local:%Y-%m-%d %H:%M} ({timezone})"
    return translator(lang)(LOCAL_MOMENT).format(
        day=format_date(local.date(), lang), time=f"{local:%H:%M}", timezone=timezone
    )
