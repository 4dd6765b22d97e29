"""Triage of members' requests: category, urgency with its reason, entities and owner; the report.

Pure functions: the category and entities come from :meth:`Assistant.classify`, the deadlines of
named calls from the record store, the routing table from the settings.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict

from assistant.intents import Understanding
from integrations.slack.blocks import TriageCard
from integrations.slack.store import TriageEvent

_URGENT_WORDS = re.compile(
    r"\b(urgent(ly)?|asap|as soon as possible|immediately|today|tonight|tomorrow|blocked|blocking|"
    r"cannot (log ?in|access|submit)|can't (log ?in|access|submit)|down|outage|emergency)\b",
    re.IGNORECASE,
)
HIGH_WITHIN_DAYS = 7
MEDIUM_WITHIN_DAYS = 30


def assess_urgency(
    text: str, *, dates: Sequence[dt.date], call_deadlines: Mapping[str, dt.date], today: dt.date
) -> tuple[str, str]:
    """``(urgency, reason)``: ``high``, ``medium`` or ``low``, and why.

    A deadline (a date written in the request, or of a call it names) within
    :data:`HIGH_WITHIN_DAYS` days, or words such as "urgent" or "cannot log in", make it high; a
    deadline within :data:`MEDIUM_WITHIN_DAYS` days medium.
    """
    upcoming = sorted(
        [(day, "a date in the request") for day in dates if day >= today]
        + [(day, f"the deadline of {name}") for name, day in call_deadlines.items() if day >= today]
    )
    word = _URGENT_WORDS.search(text)
    if upcoming:
        day, what = upcoming[0]
        days = (day - today).days
        reason = f"{what} is in {days} day{'s' if days != 1 else ''} ({day.isoformat()})"
        if days <= HIGH_WITHIN_DAYS:
            return "high", reason
        if word is not None:
            return "high", f"says “{word.group(0)}”"
        if days <= MEDIUM_WITHIN_DAYS:
            return "medium", reason
    if word is not None:
        return "high", f"says “{word.group(0)}”"
    return "low", "no deadline or urgent wording"


def route(category: str, routing: Mapping[str, str]) -> str | None:
    """The owner (user or user-group id) of ``category``, else the ``default`` route, else None."""
    return routing.get(category) or routing.get("default")


def entity_labels(understanding: Understanding) -> tuple[str, ...]:
    """The entities of a request as short labels (identifiers, countries, sectors, programmes, dates)."""
    entities = understanding.entities
    labels = [
        *entities.identifiers,
        *entities.countries,
        *entities.sectors,
        *entities.programmes,
        *(day.isoformat() for day in entities.dates),
    ]
    return tuple(dict.fromkeys(labels))


def triage_card(
    understanding: Understanding,
    *,
    routing: Mapping[str, str],
    call_deadlines: Mapping[str, dt.date],
    today: dt.date,
) -> TriageCard:
    """The triage of one request."""
    urgency, reason = assess_urgency(
        understanding.text, dates=understanding.entities.dates, call_deadlines=call_deadlines, today=today
    )
    return TriageCard(
        category=understanding.category,
        urgency=urgency,
        urgency_reason=reason,
        entities=entity_labels(understanding),
        owner=route(understanding.category, routing),
    )


class TriageReport(BaseModel):
    """Counts and median response times of the triage log."""

    model_config = ConfigDict(frozen=True)

    total: int
    by_category: dict[str, int]
    by_urgency: dict[str, int]
    responded: int
    resolved: int
    median_first_response_min: float | None
    median_resolution_min: float | None


def triage_report(events: Sequence[TriageEvent]) -> TriageReport:
    """Summarise the triage log."""
    first = [_minutes(e.created_at, e.first_response_at) for e in events if e.first_response_at]
    done = [_minutes(e.created_at, e.resolved_at) for e in events if e.resolved_at]
    return TriageReport(
        total=len(events),
        by_category=dict(Counter(e.category for e in events).most_common()),
        by_urgency=dict(Counter(e.urgency for e in events).most_common()),
        responded=len(first),
        resolved=len(done),
        median_first_response_min=round(statistics.median(first), 2) if first else None,
        median_resolution_min=round(statistics.median(done), 2) if done else None,
    )


def _minutes(start: dt.datetime, end: dt.datetime | None) -> float:
    assert end is not None
    return max((end - start).total_seconds() / 60, 0.0)
