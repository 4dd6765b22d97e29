"""Block Kit for saved searches: the weekly digest message, the list of a channel's watches, App Home.

Pure functions. Corpus and user text is escaped (:func:`integrations.slack.blocks.escape`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from assistant.watches import MAX_LISTED, Digest
from corpus.models import FundingCall
from integrations.slack.blocks import Block, button_element, context_block, cut, escape, link, section_block
from integrations.slack.schedule import DigestTime

ACTION_UNSUBSCRIBE = "watch_unsubscribe"
ACTION_SNOOZE = "watch_snooze"


def digest_blocks(*, question: str, watch_id: int, digest: Digest, day: dt.date) -> list[Block]:
    """A watch's digest: its new calls, those closing soon, and Unsubscribe / Snooze buttons."""
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": cut(f"Weekly digest: {question}", 150)}},
        context_block(f"Saved search · calls as of {day.isoformat()}"),
    ]
    if digest.new:
        blocks.append(section_block(f"*New* ({len(digest.new)})\n" + _lines(digest.new, day)))
    if digest.closing:
        blocks.append(
            section_block(f"*Closing soon* ({len(digest.closing)})\n" + _lines(digest.closing, day))
        )
    blocks.append(
        {
            "type": "actions",
            "block_id": f"watch_{watch_id}",
            "elements": [
                button_element("Snooze a week", ACTION_SNOOZE, str(watch_id)),
                button_element("Unsubscribe", ACTION_UNSUBSCRIBE, str(watch_id), style="danger"),
            ],
        }
    )
    return blocks


def digest_text(question: str, digest: Digest) -> str:
    """The notification text of a digest (what a phone shows)."""
    return f"Weekly digest for “{question}”: {len(digest.new)} new, {len(digest.closing)} closing soon"


def watch_lines(questions: Sequence[str]) -> str:
    """``1. open calls on hydrogen`` …: a channel's watches, numbered as ``/advisor unwatch N`` counts."""
    return "\n".join(f"{n}. {escape(cut(question, 200))}" for n, question in enumerate(questions, start=1))


def watches_text(channel: str, questions: Sequence[str], when: DigestTime | None) -> str:
    """The reply to ``/advisor watches``."""
    if not questions:
        return f"<#{channel}> has no saved searches. Save one with /advisor watch QUESTION."
    schedule = when.describe() if when else "not scheduled"
    return (
        f"Saved searches of <#{channel}> (digest {schedule}):\n{watch_lines(questions)}\n"
        "Stop one with /advisor unwatch N; change the time with /advisor digest DAY HH:MM [TIME ZONE]."
    )


def home_watch_blocks(channels: Sequence[tuple[str, DigestTime | None, Sequence[str]]]) -> list[Block]:
    """App Home: the saved searches of each channel (``(channel, schedule, questions)``)."""
    if not channels:
        return []
    blocks = [section_block("*Saved searches*")]
    for channel, when, questions in channels:
        schedule = when.describe() if when else "not scheduled"
        body = watch_lines(questions) or "_none left_"
        blocks.append(section_block(f"<#{channel}> · digest {schedule}\n{body}"))
    return blocks


def _lines(calls: Sequence[FundingCall], day: dt.date) -> str:
    shown = [_line(call, day) for call in calls[:MAX_LISTED]]
    if len(calls) > MAX_LISTED:
        shown.append(f"_and {len(calls) - MAX_LISTED} more_")
    return "\n".join(shown)


def _line(call: FundingCall, day: dt.date) -> str:
    parts = [f"• {link(call.url, call.title)}", f"`{escape(call.topic_identifier)}`"]
    deadline = call.deadline_date
    if deadline is not None:
        days = (deadline - day).days
        parts.append(f"deadline {deadline.isoformat()}" + (f" (in {days} days)" if 0 <= days <= 31 else ""))
    return " · ".join(parts)
