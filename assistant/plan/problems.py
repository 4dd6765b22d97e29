"""The problems the planner reports about a question: written once here, shown in the answer's language.

A plan keeps each problem as its English sentence (``QueryPlan.problems``, the ``plan`` of
``ask --json``: language-neutral like the rest of the plan, and what English answers have always
shown). The planner writes them with the builders below; :func:`shown_problem` turns one back into
the answer language when the answer is written, by reading it against the same templates, so the
values it names (an identifier, a period, an amount) are written the locale's way. A problem that
no template reads (a message a future check adds without a template here) stays in English rather
than being lost.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from assistant.language import N_, _, answer_language, day, euros

UNKNOWN_IDENTIFIER = N_("I found no call with the identifier {identifiers} in the corpus.")
UNKNOWN_PROGRAMME = N_(
    "I don't know a programme called “{name}”; the corpus has calls of {programmes} and others."
)
# The next two stay English: other languages get IMPOSSIBLE_PERIOD (so they are not catalog entries).
IMPOSSIBLE_WINDOW = (
    "“{phrase}” is not a possible period ({start} to {end} ends before it starts); give the earlier "
    "date first, e.g. “between March and June”."
)
IMPOSSIBLE_PERIOD = N_(
    "The period from {start} to {end} ends before it starts; give the earlier date first, "
    "e.g. “between March and June”."
)
"""The impossible window in the other languages: the phrase the planner read is its English reading
of the question, so the answer names the period by its dates instead."""
WINDOW_ENDS_FIRST = "the window {phrase} ends ({end}) before it starts ({start})"
EMPTY_BUDGET_RANGE = N_("the budget range is empty: at least EUR {minimum} and at most EUR {maximum}")

_OPEN_SIDE = "…"


def unknown_identifier(identifier: str) -> str:
    """No stored call has ``identifier``."""
    return UNKNOWN_IDENTIFIER.format(identifiers=identifier)


def unknown_programme(name: str, programmes: list[str]) -> str:
    """The question names a programme the corpus does not know; ``programmes`` are ones it does."""
    return UNKNOWN_PROGRAMME.format(name=name, programmes=", ".join(programmes))


def impossible_window(phrase: str, start: dt.date | None, end: dt.date | None) -> str:
    """The words read as a period end before they start ("between June and March")."""
    return IMPOSSIBLE_WINDOW.format(phrase=phrase, start=_iso(start), end=_iso(end))


def window_ends_first(phrase: str, start: dt.date, end: dt.date) -> str:
    """A window whose end is before its start (the plan model's own check)."""
    return WINDOW_ENDS_FIRST.format(phrase=phrase, start=start, end=end).replace("  ", " ")


def empty_budget_range(minimum: float, maximum: float) -> str:
    """A budget range whose maximum is below its minimum (the plan model's own check)."""
    return EMPTY_BUDGET_RANGE.format(minimum=f"{minimum:,.0f}", maximum=f"{maximum:,.0f}")


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else _OPEN_SIDE


@dataclass(frozen=True)
class _Reading:
    template: str
    pattern: re.Pattern[str]


@cache
def _readings() -> tuple[_Reading, ...]:
    readings = []
    for template in (
        UNKNOWN_IDENTIFIER,
        UNKNOWN_PROGRAMME,
        IMPOSSIBLE_WINDOW,
        WINDOW_ENDS_FIRST,
        EMPTY_BUDGET_RANGE,
    ):
        parts = re.split(r"\{(\w+)\}", template)
        regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.*?)" for i, part in enumerate(parts))
        regex = re.sub(r"(\(\?P<\w+>\.\*\?\))\\ ", r"\1 ?", regex)  # an empty field's space is dropped
        readings.append(_Reading(template, re.compile(f"^{regex}$", re.DOTALL)))
    return tuple(readings)


def _date(text: str) -> str:
    try:
        return day(dt.date.fromisoformat(text.strip()))
    except ValueError:
        return text


def _amount(text: str) -> str:
    try:
        return euros(float(text.replace(",", "")))
    except ValueError:
        return text


def shown_problem(problem: str) -> str:
    """``problem`` (an English sentence of a plan) in the answer language; unchanged in English."""
    if answer_language() == "en":
        return problem
    for reading in _readings():
        match = reading.pattern.match(problem)
        if match is None:
            continue
        fields = match.groupdict()
        if reading.template in (IMPOSSIBLE_WINDOW, WINDOW_ENDS_FIRST):
            return _(IMPOSSIBLE_PERIOD).format(start=_date(fields["start"]), end=_date(fields["end"]))
        if reading.template == EMPTY_BUDGET_RANGE:
            return _(EMPTY_BUDGET_RANGE).format(
                minimum=_amount(fields["minimum"]), maximum=_amount(fields["maximum"])
            )
        return _(reading.template).format(**fields)
    if "; " in problem:  # several checks of the plan model failed at once
        return "; ".join(shown_problem(part) for part in problem.split("; "))
    return problem
