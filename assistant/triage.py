"""Triage of members' requests: category, urgency with its reason, entities and owner.

Pure rules, used by the Slack triage cards and the triage eval alike: the category and entities
come from :meth:`assistant.service.Assistant.classify`, the deadlines of named calls from the
calls service, the routing table from the settings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict

from assistant.intents import Understanding


class Triage(BaseModel):
    """The triage of one request (what a triage card shows)."""

    model_config = ConfigDict(frozen=True)

    category: str
    urgency: str
    urgency_reason: str
    entities: tuple[str, ...] = ()
    owner: str | None = None
    """A Slack user (``U…``/``W…``) or user-group (``S…``) id."""


_URGENT_WORDS = re.compile(
    r"\b(urgent(ly)?|asap|as soon as possible|immediately|today|tonight|tomm?orr?ow|tmrw|blocked|blocking|"
    r"(cannot|can'?t|can not|unable to) (log ?in|sign ?in|access|submit|get in(to)?)|locked out|emergency|"
    r"quickly|at short notice|time-critical|last minute)\b",
    re.IGNORECASE,
)
_DISRUPTION_WORDS = re.compile(
    r"\b((is|are|was|seems|went) (\w+ ){0,2}down|outage|blank page|[45]0[0-4]( error| page)?|server error|"
    r"crash(es|ed|ing)?|keeps? (crashing|logging|freezing)|not loading|bounc(e|es|ed|ing)|"
    r"since (yesterday|this morning))\b",
    re.IGNORECASE,
)
"""A service disruption with no deadline: worth a look soon (medium), not an emergency."""
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DUE_WEEKDAY = re.compile(
    r"\b(by|until|till|before|due|latest|no later than|this|next)\s+(" + "|".join(_WEEKDAYS) + r")\b",
    re.IGNORECASE,
)
_DUE_SOON = re.compile(
    r"\b(by the end of (the|this) week|end of (the|this) week|this week|within (a|the next) few days|"
    r"in (a|one|two|three|four|five|\d) days?|next week|in (a|one|two) weeks?|end of (the|this) month)\b",
    re.IGNORECASE,
)
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
HIGH_WITHIN_DAYS = 7
MEDIUM_WITHIN_DAYS = 30


def _relative_dates(text: str, today: dt.date) -> list[dt.date]:
    """Days named relatively ("by Friday", "next week", "in 3 days", "end of the month") from ``today``."""
    days: list[dt.date] = []
    for match in _DUE_WEEKDAY.finditer(text):
        weekday = _WEEKDAYS.index(match.group(2).lower())
        if match.group(1).lower() == "next":  # that day of next week
            days.append(today + dt.timedelta(days=7 - today.weekday() + weekday))
        else:  # the coming one
            days.append(today + dt.timedelta(days=(weekday - today.weekday()) % 7 or 7))
    for match in _DUE_SOON.finditer(text):
        phrase = match.group(0).lower()
        count = next((n for word, n in _NUMBERS.items() if f" {word} " in f" {phrase} "), None)
        if count is None:
            count = next((int(ch) for ch in phrase if ch.isdigit()), 1)
        if "month" in phrase:
            following = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            days.append(following - dt.timedelta(days=1))
        elif "next week" in phrase:
            days.append(today + dt.timedelta(days=7 - today.weekday() + 4))  # Friday of next week
        elif "week" in phrase and "in " not in phrase:
            days.append(today + dt.timedelta(days=max(4 - today.weekday(), 0)))  # Friday of this week
        elif "week" in phrase:
            days.append(today + dt.timedelta(weeks=count))
        else:
            days.append(today + dt.timedelta(days=count if "few" not in phrase else 3))
    return days


def assess_urgency(
    text: str, *, dates: Sequence[dt.date], call_deadlines: Mapping[str, dt.date], today: dt.date
) -> tuple[str, str]:
    """``(urgency, reason)``: ``high``, ``medium`` or ``low``, and why.

    A deadline (a date written in the request, a day it names relatively such as "by Friday" or
    "next week", or the deadline of a call it names) within :data:`HIGH_WITHIN_DAYS` days, or words
    such as "urgent", "tomorrow" or "locked out", make it high; a deadline within
    :data:`MEDIUM_WITHIN_DAYS` days, or a service disruption ("the site is down", "500 error",
    "keeps crashing"), medium.
    """
    upcoming = sorted(
        [(day, "a date in the request") for day in dates if day >= today]
        + [(day, "a day the request names") for day in _relative_dates(text, today) if day >= today]
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
    disruption = _DISRUPTION_WORDS.search(text)
    if disruption is not None:
        return "medium", f"a service disruption (“{disruption.group(0)}”)"
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


def triage_request(
    understanding: Understanding,
    *,
    routing: Mapping[str, str],
    call_deadlines: Mapping[str, dt.date],
    today: dt.date,
) -> Triage:
    """The triage of one request: its category, urgency with the reason, entities and owner.

    Args:
        understanding: The request as :meth:`Assistant.classify` read it.
        routing: Category → owner (``default`` for the rest).
        call_deadlines: Deadlines of the calls the request names, by identifier.
        today: The day urgency is judged on.
    """
    urgency, reason = assess_urgency(
        understanding.text, dates=understanding.entities.dates, call_deadlines=call_deadlines, today=today
    )
    return Triage(
        category=understanding.category,
        urgency=urgency,
        urgency_reason=reason,
        entities=entity_labels(understanding),
        owner=route(understanding.category, routing),
    )
