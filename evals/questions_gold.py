"""The semantics the questions eval's gold follows, as pure functions over the bundled records.

``scripts/build_questions_eval.py`` computes every gold value of ``evals/datasets/questions*.jsonl``
with these functions, and the dataset tests recompute them; docs/questions-eval.md states the same
rules in prose. Nothing here knows about the assistant: this is the yardstick, written apart from
the code it measures.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from corpus.chunking import format_eur
from corpus.models import CallStatus, FundingCall
from corpus.status import deadline_status

_LAST_PARENTHESES = re.compile(r"\(([^()]*)\)\s*$")


def programme_code(call: FundingCall) -> str | None:
    """The text in the last parentheses of the call's programme ("Horizon Europe (HORIZON)" → HORIZON)."""
    match = _LAST_PARENTHESES.search(call.programme or "")
    return match.group(1) if match else None


def _code(code: str) -> Callable[[FundingCall], bool]:
    return lambda call: programme_code(call) == code


def _prefix(prefix: str) -> Callable[[FundingCall], bool]:
    return lambda call: call.topic_identifier.startswith(prefix)


def _euroclusters(call: FundingCall) -> bool:
    return call.topic_identifier.startswith("SMP-COSME-") and "-CLUSTER-" in call.topic_identifier


def _cascade(call: FundingCall) -> bool:
    return call.call_kind == "cascade"


@dataclass(frozen=True)
class Family:
    """A programme or call family as members name it, and which call records belong to it."""

    key: str
    names: tuple[str, ...]
    """How members write it; the first is the canonical name."""
    member: Callable[[FundingCall], bool]

    @property
    def name(self) -> str:
        return self.names[0]


FAMILIES: tuple[Family, ...] = (
    Family("horizon", ("Horizon Europe", "Horizon", "horizon europe", "HE"), _code("HORIZON")),
    Family("eic", ("EIC", "European Innovation Council", "eic"), _prefix("HORIZON-EIC-")),
    Family("msca", ("MSCA", "Marie Curie", "Marie Skłodowska-Curie"), _prefix("HORIZON-MSCA-")),
    Family("missions", ("Horizon Europe missions", "EU missions", "mission"), _prefix("HORIZON-MISS-")),
    Family("euroclusters", ("Euroclusters", "Eurocluster", "euroclusters"), _euroclusters),
    Family("i3", ("I3", "Interregional Innovation Investments", "i3"), _prefix("I3-")),
    Family(
        "digital",
        ("Digital Europe", "Digital Europe Programme", "DIGITAL", "digital europe"),
        _code("DIGITAL"),
    ),
    Family("smp", ("Single Market Programme", "SMP", "single market programme"), _code("SMP")),
    Family("life", ("LIFE", "LIFE programme", "life programme"), _code("LIFE")),
    Family("erasmus", ("Erasmus+", "Erasmus", "erasmus+"), _code("ERASMUS")),
    Family("crea", ("Creative Europe", "creative europe"), _code("CREA")),
    Family("cef", ("CEF", "Connecting Europe Facility"), _code("CEF")),
    Family("edf", ("European Defence Fund", "EDF", "defence fund"), _code("EDF")),
    Family("cerv", ("CERV", "Citizens, Equality, Rights and Values"), _code("CERV")),
    Family("innovfund", ("Innovation Fund", "innovation fund"), _code("INNOVFUND")),
    # Written before "calls" in the questions: "cascade calls", "FSTP calls", "open calls for SMEs".
    Family("cascade", ("cascade", "FSTP", "cascade funding"), _cascade),
)
FAMILY_BY_KEY = {family.key: family for family in FAMILIES}


def family_calls(calls: Iterable[FundingCall], family: Family) -> list[FundingCall]:
    """Every call record of ``family`` (topics, cascade calls, calls for proposals)."""
    return [call for call in calls if family.member(call)]


def with_status(calls: Iterable[FundingCall], today: dt.date, *statuses: CallStatus) -> list[FundingCall]:
    """The calls whose status on ``today`` is one of ``statuses``."""
    return [call for call in calls if deadline_status(call, today) in statuses]


def list_order(calls: Iterable[FundingCall]) -> list[FundingCall]:
    """Deadline ascending (no deadline last), then topic identifier, then doc_id."""
    return sorted(
        calls,
        key=lambda c: (c.deadline_date is None, c.deadline_date or dt.date.max, c.topic_identifier, c.doc_id),
    )


def shown_name(call: FundingCall) -> str:
    """How an answer names a call: its topic identifier, or a cascade call's own title."""
    return call.title if call.call_kind == "cascade" else call.topic_identifier


# --- windows ------------------------------------------------------------------------------------


def last_day_of_month(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def first_of_next_month(day: dt.date) -> dt.date:
    return last_day_of_month(day) + dt.timedelta(days=1)


def next_occurrence_of_month(today: dt.date, month: int) -> dt.date:
    """The 1st of the next ``month`` after today's month ("before March" asked in November: next year)."""
    year = today.year if month > today.month else today.year + 1
    return dt.date(year, month, 1)


def deadline_between(calls: Iterable[FundingCall], first: dt.date, last: dt.date) -> list[FundingCall]:
    """Calls whose deadline day is in ``[first, last]``."""
    return [c for c in calls if c.deadline_date is not None and first <= c.deadline_date <= last]


def closing_within(calls: Iterable[FundingCall], today: dt.date, days: int) -> list[FundingCall]:
    """ "Close in the next N days": deadline in [today, today + N]."""
    return deadline_between(calls, today, today + dt.timedelta(days=days))


def closing_this_month(calls: Iterable[FundingCall], today: dt.date) -> list[FundingCall]:
    """ "This month" / "by the end of the month": deadline in [today, last day of the month]."""
    return deadline_between(calls, today, last_day_of_month(today))


def closing_next_month(calls: Iterable[FundingCall], today: dt.date) -> list[FundingCall]:
    """ "Next month": deadline in the next calendar month."""
    first = first_of_next_month(today)
    return deadline_between(calls, first, last_day_of_month(first))


def closing_before_month(calls: Iterable[FundingCall], today: dt.date, month: int) -> list[FundingCall]:
    """ "Before <Month>": today ≤ deadline < the 1st of the next occurrence of that month."""
    end = next_occurrence_of_month(today, month) - dt.timedelta(days=1)
    return deadline_between(calls, today, end)


def closed_last_month(calls: Iterable[FundingCall], today: dt.date) -> list[FundingCall]:
    """ "Closed last month": deadline in the previous calendar month."""
    last = today.replace(day=1) - dt.timedelta(days=1)
    return deadline_between(calls, last.replace(day=1), last)


def opening_within(calls: Iterable[FundingCall], today: dt.date, days: int) -> list[FundingCall]:
    """ "Opens in the next N days": opening date in (today, today + N]."""
    last = today + dt.timedelta(days=days)
    return [c for c in calls if c.opening_date is not None and today < c.opening_date <= last]


# --- superlatives and "none open" ---------------------------------------------------------------


def extreme(
    calls: Sequence[FundingCall], value: Callable[[FundingCall], object | None], *, largest: bool
) -> tuple[object | None, list[FundingCall]]:
    """The extreme ``value`` over ``calls`` (None values ignored) and every call that ties on it."""
    valued = [(v, c) for c in calls if (v := value(c)) is not None]
    if not valued:
        return None, []
    pick = max if largest else min
    best = pick(v for v, _ in valued)  # type: ignore[type-var]
    return best, [c for v, c in valued if v == best]


def closes_first(calls: Sequence[FundingCall]) -> tuple[dt.date | None, list[FundingCall]]:
    """Minimal deadline day and the calls that have it."""
    best, tied = extreme(calls, lambda c: c.deadline_date, largest=False)
    return best if isinstance(best, dt.date) else None, tied


def opens_next(calls: Sequence[FundingCall], today: dt.date) -> tuple[dt.date | None, list[FundingCall]]:
    """Minimal opening date after ``today`` and the calls that have it."""
    later = [c for c in calls if c.opening_date is not None and c.opening_date > today]
    best, tied = extreme(later, lambda c: c.opening_date, largest=False)
    return best if isinstance(best, dt.date) else None, tied


def largest_budget(calls: Sequence[FundingCall]) -> tuple[float | None, list[FundingCall]]:
    """Max ``budget.total_eur`` and the calls that have it."""
    best, tied = extreme(calls, lambda c: c.budget.total_eur if c.budget else None, largest=True)
    return best if isinstance(best, float) else None, tied


def largest_per_project(calls: Sequence[FundingCall]) -> tuple[float | None, list[FundingCall]]:
    """Max ``budget.max_contribution_eur`` and the calls that have it."""
    best, tied = extreme(calls, lambda c: c.budget.max_contribution_eur if c.budget else None, largest=True)
    return best if isinstance(best, float) else None, tied


@dataclass(frozen=True)
class NoneOpen:
    """What a "none open" answer must say about a family on a day."""

    last_closed: dt.date | None
    last_closed_calls: tuple[FundingCall, ...]
    next_opening: dt.date | None
    next_opening_calls: tuple[FundingCall, ...]


def none_open(calls: Sequence[FundingCall], today: dt.date) -> NoneOpen | None:
    """The last closed deadline and the next opening of a family with no open call (None if one is open)."""
    if with_status(calls, today, CallStatus.OPEN):
        return None
    closed = with_status(calls, today, CallStatus.CLOSED)
    last, last_calls = extreme(closed, lambda c: c.deadline_date, largest=True)
    upcoming, upcoming_calls = opens_next(calls, today)
    return NoneOpen(
        last_closed=last if isinstance(last, dt.date) else None,
        last_closed_calls=tuple(last_calls),
        next_opening=upcoming,
        next_opening_calls=tuple(upcoming_calls),
    )


def eur(amount: float) -> str:
    """Money as answers write it (``format_eur``)."""
    text = format_eur(amount)
    assert text is not None
    return text
