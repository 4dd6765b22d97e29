"""What an answer says about the freshness of its calls (pure functions over the refresh log).

- :func:`as_of_note` — "Calls as of 22 August 2026 …" when the call list is older than a week
  on the day asked (never for a day before the data: evaluations on a past day are unchanged).
- :func:`change_note` — what the last refresh changed for one call ("deadline moved from 12 May
  to 2 June 2026"), added to that call's line and to its cited passage.

:func:`with_freshness` applies both to any funding answer's evidence (the planner's and the
retrieval path's alike), in one place of the answer path.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import Engine

from assistant.composer import Evidence
from assistant.language import _, answer_language, day, euros
from corpus.models import DocType
from corpus.refresh.log import CallChange, CallFreshness, call_freshness, calls_as_of

STALE_AFTER_DAYS = 7
"""A call list older than this (on the day asked) is named with its date in the answer."""


def _day(value: dt.date) -> str:
    """``22 August 2026`` in English, the locale's long date elsewhere ("22. August 2026")."""
    return f"{value.day} {value:%B %Y}" if answer_language() == "en" else day(value)


def _span(old: dt.date, new: dt.date) -> str:
    """``12 May to 2 June 2026`` (in English the year once when both days share it)."""
    if old.year == new.year and answer_language() == "en":
        return f"{old.day} {old:%B} to {_day(new)}"
    return _("{old} to {new}").format(old=_day(old), new=_day(new))


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
    return euros(float(value)) or _("none") if value else _("not given")


def change_note(
    changes: Sequence[CallChange], *, refreshed_on: dt.date, last_seen: dt.date | None = None
) -> str | None:
    """One clause saying what the last refresh (on ``refreshed_on``) changed for a call, or None."""
    parts: list[str] = []
    for change in changes:
        old, new = _date_of(change.old_value), _date_of(change.new_value)
        if change.kind == "deadline":
            if old and new:
                parts.append(_("deadline moved from {span}").format(span=_span(old, new)))
            elif new:
                parts.append(_("deadline set to {day}").format(day=_day(new)))
        elif change.kind == "opening" and old and new:
            parts.append(_("opening moved from {span}").format(span=_span(old, new)))
        elif change.kind == "budget":
            parts.append(
                _("total budget changed from {old} to {new}").format(
                    old=_amount(change.old_value), new=_amount(change.new_value)
                )
            )
        elif change.kind == "new":
            parts.append(_("new in the portal's list on {day}").format(day=_day(refreshed_on)))
    if last_seen is not None:
        parts.append(
            _("no longer in the portal's list of open and forthcoming calls; last seen {day}").format(
                day=_day(last_seen)
            )
        )
    if not parts:
        return None
    if any(change.kind in ("deadline", "opening", "budget") for change in changes):
        return _("changed at the refresh of {day}: {changes}").format(
            day=_day(refreshed_on), changes=", ".join(parts)
        )
    return "; ".join(parts)


def as_of_note(as_of: dt.date, today: dt.date) -> str | None:
    """``Calls as of 22 August 2026 …`` when the list is more than a week old on ``today``."""
    age = (today - as_of).days
    if age <= STALE_AFTER_DAYS:
        return None
    return _(
        "Calls as of {as_of} ({age} days before {today}): calls published or changed "
        "since then are not included; the Funding & Tenders portal has today's list."
    ).format(as_of=_day(as_of), age=age, today=day(today))


_TRAILING_CITATION = re.compile(r" \[(\d+)\](\.?)$")


def _with_clause(line: str, notes: dict[int, str]) -> str:
    """``line`` with the note of the one passage it cites at its end, before that ``[n]``."""
    match = _TRAILING_CITATION.search(line)
    if match is None or int(match.group(1)) not in notes:
        return line
    return f"{line[: match.start()]}; {notes[int(match.group(1))]}{match.group(0)}"


def annotate(evidence: Evidence, freshness: CallFreshness, today: dt.date) -> Evidence:
    """A funding answer's evidence with each changed call's note and the as-of note (pure).

    The note goes into the call's passage (what the LLM composer reads and citations are checked
    against) and into the extractive line that cites it; the as-of note goes after the bullets.
    """
    if evidence.intent != "funding":
        return evidence
    run = freshness.last_refresh
    notes: dict[int, str] = {}
    footer: list[str] = []
    passages = list(evidence.passages)
    if run is not None:
        for i, passage in enumerate(passages):
            note = change_note(
                freshness.changes.get(passage.doc_id, ()),
                refreshed_on=run.finished_at.date(),
                last_seen=freshness.last_seen.get(passage.doc_id),
            )
            if note is not None:
                notes[passage.n] = note
                passages[i] = passage.model_copy(update={"text": f"{passage.text}\nRefresh: {note}."})
                footer.append(f"{passage.title} ({passage.identifier or passage.doc_id}): {note}.")
    stale = as_of_note(calls_as_of(run), today)
    if not notes and stale is None:
        return evidence
    return replace(
        evidence,
        passages=tuple(passages),
        lines=tuple(_with_clause(line, notes) for line in evidence.lines),
        notes=(*evidence.notes, stale) if stale else evidence.notes,
        llm_footer=(*evidence.llm_footer, *footer, *([stale] if stale else [])),
    )


def with_freshness(evidence: Evidence, engine: Engine, today: dt.date) -> Evidence:
    """:func:`annotate` with what the refresh log says about the evidence's calls."""
    if evidence.intent != "funding":
        return evidence
    call_ids = [passage.doc_id for passage in evidence.passages if passage.doc_type == DocType.CALL.value]
    return annotate(evidence, call_freshness(engine, call_ids), today)
