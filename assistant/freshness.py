"""What an answer says about the freshness of its calls (pure functions over the refresh log).

- :func:`as_of_note` — "Calls as of 22 August 2026 …" when the call list is older than a week
  on the day asked (never for a day before the data: evaluations on a past day are unchanged).
- :func:`change_note` — what the last refresh changed for one call ("deadline moved from 12 May
  to 2 June 2026"), added to that call's line and to its cited passage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Engine

from assistant.models import Passage
from corpus.chunking import format_eur
from corpus.models import FundingCall
from corpus.refresh.log import CallChange, CallFreshness, call_freshness, calls_as_of

STALE_AFTER_DAYS = 7
"""A call list older than this (on the day asked) is named with its date in the answer."""


def _day(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def _span(old: dt.date, new: dt.date) -> str:
    """``12 May to 2 June 2026`` (the year once when both days share it)."""
    if old.year == new.year:
        return f"{old.day} {old:%B} to {_day(new)}"
    return f"{_day(old)} to {_day(new)}"


def _date_of(value: str | None) -> dt.date | None:
    """The day of an ISO date or datetime from the change log (None when absent or not a date)."""
    if not value:
        return None
    try:
        if "T" in value:
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _amount(value: str | None) -> str:
    return format_eur(float(value)) or "none" if value else "not given"


def change_note(
    changes: Sequence[CallChange], *, refreshed_on: dt.date, last_seen: dt.date | None = None
) -> str | None:
    """One clause saying what the last refresh (on ``refreshed_on``) changed for a call, or None."""
    parts: list[str] = []
    for change in changes:
        old, new = _date_of(change.old_value), _date_of(change.new_value)
        if change.kind == "deadline":
            if old and new:
                parts.append(f"deadline moved from {_span(old, new)}")
            elif new:
                parts.append(f"deadline set to {_day(new)}")
        elif change.kind == "opening" and old and new:
            parts.append(f"opening moved from {_span(old, new)}")
        elif change.kind == "budget":
            parts.append(
                f"total budget changed from {_amount(change.old_value)} to {_amount(change.new_value)}"
            )
        elif change.kind == "new":
            parts.append(f"new in the portal's list on {_day(refreshed_on)}")
    if last_seen is not None:
        parts.append(
            f"no longer in the portal's list of open and forthcoming calls; last seen {_day(last_seen)}"
        )
    if not parts:
        return None
    if any(change.kind in ("deadline", "opening", "budget") for change in changes):
        return f"changed at the refresh of {_day(refreshed_on)}: " + ", ".join(parts)
    return "; ".join(parts)


def as_of_note(as_of: dt.date, today: dt.date) -> str | None:
    """``Calls as of 22 August 2026 …`` when the list is more than a week old on ``today``."""
    age = (today - as_of).days
    if age <= STALE_AFTER_DAYS:
        return None
    return (
        f"Calls as of {_day(as_of)} ({age} days before {today.isoformat()}): calls published or changed "
        "since then are not included; the Funding & Tenders portal has today's list."
    )


def _with_clause(line: str, clause: str, n: int) -> str:
    marker = f" [{n}]"
    body = line[: -len(marker)] if line.endswith(marker) else line
    return f"{body}; {clause}{marker}"


def annotate_calls(
    freshness: CallFreshness,
    calls: Sequence[FundingCall],
    lines: Sequence[str],
    passages: Sequence[Passage],
    today: dt.date,
) -> tuple[tuple[str, ...], tuple[Passage, ...], tuple[str, ...]]:
    """The lines and passages with each call's change note, and the answer's as-of note (pure)."""
    run = freshness.last_refresh
    new_lines, new_passages = list(lines), list(passages)
    if run is not None:
        refreshed_on = run.finished_at.date()
        for i, call in enumerate(calls):
            note = change_note(
                freshness.changes.get(call.doc_id, ()),
                refreshed_on=refreshed_on,
                last_seen=freshness.last_seen.get(call.doc_id),
            )
            if note is None:
                continue
            new_lines[i] = _with_clause(lines[i], note, passages[i].n)
            new_passages[i] = passages[i].model_copy(update={"text": f"{passages[i].text}\nRefresh: {note}."})
    stale = as_of_note(calls_as_of(run), today)
    return tuple(new_lines), tuple(new_passages), (stale,) if stale else ()


def freshness_for(engine: Engine, calls: Sequence[FundingCall]) -> CallFreshness:
    """The refresh log on ``calls``: the last refresh, their changes, when gone ones were last seen."""
    return call_freshness(engine, [call.doc_id for call in calls])


def as_of_notes(engine: Engine, today: dt.date) -> tuple[str, ...]:
    """The as-of note alone (for an answer that lists no call)."""
    stale = as_of_note(calls_as_of(call_freshness(engine, []).last_refresh), today)
    return (stale,) if stale else ()
