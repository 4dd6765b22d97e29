"""Block Kit for saved searches: the weekly digest message, the list of a channel's watches, App Home.

Pure functions. Corpus and user text is escaped (:func:`integrations.slack.blocks.escape`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from assistant.language import N_
from assistant.watches import MAX_LISTED, Digest
from corpus.i18n import format_date, ntranslator, translator
from corpus.languages import DEFAULT_LANGUAGE
from corpus.models import FundingCall
from integrations.slack.blocks import Block, button_element, context_block, cut, escape, link, section_block
from integrations.slack.schedule import DigestTime

ACTION_UNSUBSCRIBE = "watch_unsubscribe"
ACTION_SNOOZE = "watch_snooze"


def digest_blocks(
    *, question: str, watch_id: int, digest: Digest, day: dt.date, lang: str = DEFAULT_LANGUAGE
) -> list[Block]:
    """A watch's digest: its new calls, those closing soon, and Unsubscribe / Snooze buttons, in
    ``lang`` (the language of the watch's question)."""
    _ = translator(lang)
    header = _("Weekly digest: {question}").format(question=question)
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": cut(header, 150)}},
        context_block(_("Saved search · calls as of {day}").format(day=format_date(day, lang))),
    ]
    if digest.new:
        heading = _("*New* ({n})").format(n=len(digest.new))
        blocks.append(section_block(f"{heading}\n" + _lines(digest.new, day, lang)))
    if digest.closing:
        heading = _("*Closing soon* ({n})").format(n=len(digest.closing))
        blocks.append(section_block(f"{heading}\n" + _lines(digest.closing, day, lang)))
    blocks.append(
        {
            "type": "actions",
            "block_id": f"watch_{watch_id}",
            "elements": [
                button_element(_("Snooze a week"), ACTION_SNOOZE, str(watch_id)),
                button_element(_("Unsubscribe"), ACTION_UNSUBSCRIBE, str(watch_id), style="danger"),
            ],
        }
    )
    return blocks


def digest_text(question: str, digest: Digest, lang: str = DEFAULT_LANGUAGE) -> str:
    """The notification text of a digest (what a phone shows), in ``lang``."""
    _ = translator(lang)
    return _("Weekly digest for “{question}”: {new} new, {closing} closing soon").format(
        question=question, new=len(digest.new), closing=len(digest.closing)
    )


def watch_lines(questions: Sequence[str]) -> str:
    """``1. open calls on hydrogen`` …: a channel's watches, numbered as ``/advisor unwatch N`` counts."""
    return "\n".join(f"{n}. {escape(cut(question, 200))}" for n, question in enumerate(questions, start=1))


NO_WATCHES = N_("{channel} has no saved searches. Save one with /advisor watch QUESTION.")
WATCHES_OF = N_("Saved searches of {channel} (digest {schedule}):")
WATCHES_HELP = N_(
    "Stop one with /advisor unwatch N; change the time with /advisor digest DAY HH:MM [TIME ZONE]."
)


def watches_text(
    channel: str, questions: Sequence[str], when: DigestTime | None, lang: str = DEFAULT_LANGUAGE
) -> str:
    """The reply to ``/advisor watches``, in ``lang``."""
    _ = translator(lang)
    if not questions:
        return _(NO_WATCHES).format(channel=f"<#{channel}>")
    schedule = when.describe(lang) if when else _("not scheduled")
    heading = _(WATCHES_OF).format(channel=f"<#{channel}>", schedule=schedule)
    return f"{heading}\n{watch_lines(questions)}\n{_(WATCHES_HELP)}"


def home_watch_blocks(
    channels: Sequence[tuple[str, DigestTime | None, Sequence[str]]], lang: str = DEFAULT_LANGUAGE
) -> list[Block]:
    """App Home: the saved searches of each channel (``(channel, schedule, questions)``), in ``lang``."""
    if not channels:
        return []
    _ = translator(lang)
    blocks = [section_block(_("*Saved searches*"))]
    for channel, when, questions in channels:
        schedule = when.describe(lang) if when else _("not scheduled")
        body = watch_lines(questions) or _("_none left_")
        heading = _("{channel} · digest {schedule}").format(channel=f"<#{channel}>", schedule=schedule)
        blocks.append(section_block(f"{heading}\n{body}"))
    return blocks


def _lines(calls: Sequence[FundingCall], day: dt.date, lang: str) -> str:
    _ = translator(lang)
    shown = [_line(call, day, lang) for call in calls[:MAX_LISTED]]
    if len(calls) > MAX_LISTED:
        shown.append(_("_and {n} more_").format(n=len(calls) - MAX_LISTED))
    return "\n".join(shown)


def _line(call: FundingCall, day: dt.date, lang: str) -> str:
    _ = translator(lang)
    ngettext = ntranslator(lang)
    parts = [f"• {link(call.url, call.title, lang)}", f"`{escape(call.topic_identifier)}`"]
    deadline = call.deadline_date
    if deadline is not None:
        days = (deadline - day).days
        soon = " " + ngettext("(in {days} day)", "(in {days} days)", days).format(days=days)
        parts.append(
            _("deadline {day}").format(day=format_date(deadline, lang)) + (soon if 0 <= days <= 31 else "")
        )
    return " · ".join(parts)
