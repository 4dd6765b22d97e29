"""Date windows in questions: "in the next 30 days", "before March", "last month", "between June and March".

Questions in German, French, Spanish, Italian and Polish are read through :func:`english_dates`
first ("in den nächsten 30 Tagen", "d'ici la fin du mois", "el mes pasado", "entro fine anno",
"w ciągu 30 dni", "przed marcem"; see :mod:`assistant.plan.dates_i18n`), so one parser reads them all.

Pure functions of the text and the day asked. A window is read as *deadline* window unless the words
around it speak of opening ("opens in the next 30 days", "opening next month"). A window that ends
before it starts ("between June and March") is reported as a problem, never silently swapped.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import ValidationError

from assistant.plan.dates_i18n import date_phrases
from assistant.plan.models import DateWindow
from assistant.plan.problems import impossible_window
from assistant.plan.rewrite import PhraseRewriter

MONTHS = "january february march april may june july august september october november december".split()
_MONTH_ABBR = {name[:3]: i + 1 for i, name in enumerate(MONTHS)}
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
_NUMBER_WORDS = {
    "one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90,
}  # fmt: skip
_N = r"(\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT = r"(days?|weeks?|months?)"
_YEAR = r"(?:\s*,?\s*(20\d\d))?"
_ISO = r"(20\d\d-\d\d-\d\d)"
_DAY_MONTH = r"(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + _YEAR
_OPENING_WORDS = re.compile(
    r"\b(?:opening(?!\s+calls?\b)|opens?(?!\s+calls?\b)(?! for)|launch(?:es|ed|ing)?|start(?:s|ing)?(?!-up)|"
    r"publish(?:ed|es)?|become available|go(?:es)? live)\b",
    re.IGNORECASE,
)
_DEADLINE_WORDS = re.compile(
    r"\b(?:clos(?:e|es|ed|ing)|deadlines?|due|expir\w*|ends?|ending|submi\w+|apply by)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class ReadWindow:
    """A window found in a question, and whether it is about opening dates."""

    window: DateWindow
    about_opening: bool
    past: bool
    """The window lies before the day asked ("last month", "closed in March")."""


@dataclass(frozen=True)
class WindowProblem:
    """Words that look like a window but cannot be one; ``message`` says why."""

    message: str


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBER_WORDS[text.lower()]


def _days(n: int, unit: str) -> int:
    unit = unit.lower()
    if unit.startswith("week"):
        return 7 * n
    if unit.startswith("month"):
        return 30 * n
    return n


def month_number(word: str) -> int:
    """``"March"``/``"mar."`` → 3."""
    return _MONTH_ABBR[word.lower().rstrip(".")[:3]]


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _next_month_start(today: dt.date, month: int, year: int | None) -> dt.date:
    """The 1st of ``month`` in ``year``, or its next occurrence from ``today`` (this month counts)."""
    if year is not None:
        return dt.date(year, month, 1)
    candidate = dt.date(today.year, month, 1)
    return candidate if month >= today.month else dt.date(today.year + 1, month, 1)


def _prev_month_start(today: dt.date, month: int, year: int | None) -> dt.date:
    """The 1st of ``month``'s latest occurrence up to ``today`` (for past-tense questions)."""
    if year is not None:
        return dt.date(year, month, 1)
    candidate = dt.date(today.year, month, 1)
    return candidate if month <= today.month else dt.date(today.year - 1, month, 1)


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _day_month(day: str, month: str, year: str | None, today: dt.date) -> dt.date | None:
    number = month_number(month)
    start = _next_month_start(today, number, int(year) if year else None)
    try:
        return dt.date(start.year, number, int(day))
    except ValueError:
        return None


_OPEN_FOR = re.compile(r"\bopen(?:s|ing)? for (?:submissions?|applications?|proposals?)\b", re.IGNORECASE)


def _about_opening(text: str, span: tuple[int, int]) -> bool:
    """Whether the words just before the window speak of opening rather than closing."""
    before = _OPEN_FOR.sub("opening", text[max(0, span[0] - 60) : span[0]])
    opening = list(_OPENING_WORDS.finditer(before))
    closing = list(_DEADLINE_WORDS.finditer(before))
    if not opening:
        return False
    return not closing or opening[-1].start() > closing[-1].start()


@lru_cache(maxsize=1)
def _date_rewriter() -> PhraseRewriter:
    return PhraseRewriter(date_phrases())


def english_dates(text: str) -> str:
    """``text`` with the date phrases of the five other product languages read as English."""
    return _date_rewriter().rewrite(text)


def read_window(text: str, today: dt.date) -> ReadWindow | WindowProblem | None:
    """The date window ``text`` asks about, if any (the first one found), in any product language.

    Returns:
        A :class:`ReadWindow`, a :class:`WindowProblem` for an impossible window, or None.
    """
    text = english_dates(text)
    lowered = text.lower()
    for reader in _READERS:
        found = reader(lowered, today)
        if found is None:
            continue
        if isinstance(found, WindowProblem):
            return found
        (start, end, past), span = found
        phrase = text[span[0] : span[1]].strip()
        try:
            window = DateWindow(start=start, end=end, phrase=phrase)
        except ValidationError:
            return WindowProblem(impossible_window(phrase, start, end))
        return ReadWindow(window=window, about_opening=_about_opening(lowered, span), past=past)
    return None


_Found = tuple[tuple[dt.date | None, dt.date | None, bool], tuple[int, int]] | WindowProblem | None


def _next_n(text: str, today: dt.date) -> _Found:
    match = re.search(
        r"\b(?:in|within|over|during|for)?\s*(?:the\s+)?(?:next|coming|following|upcoming)\s+"
        + _N
        + r"\s+"
        + _UNIT
        + r"\b",
        text,
    ) or re.search(r"\b(?:in|within)\s+(?:the\s+)?" + _N + r"\s+" + _UNIT + r"\b", text)
    if not match:
        return None
    days = _days(_number(match.group(1)), match.group(2))
    return (today, today + dt.timedelta(days=days), False), match.span()


def _past_n(text: str, today: dt.date) -> _Found:
    match = re.search(r"\b(?:in\s+)?the\s+(?:last|past|previous)\s+" + _N + r"\s+" + _UNIT + r"\b", text)
    if not match:
        return None
    days = _days(_number(match.group(1)), match.group(2))
    return (today - dt.timedelta(days=days), today, True), match.span()


def _between(text: str, today: dt.date) -> _Found:
    iso = re.search(r"\bbetween\s+" + _ISO + r"\s+and\s+" + _ISO, text)
    if iso:
        start, end = _date(iso.group(1)), _date(iso.group(2))
        return (start, end, False), iso.span()
    months = re.search(
        r"\b(?:between|from)\s+" + _MONTH + _YEAR + r"\s+(?:and|to|until|till)\s+" + _MONTH + _YEAR, text
    )
    if months:
        first = month_number(months.group(1))
        first_year = int(months.group(2)) if months.group(2) else None
        start = _next_month_start(today, first, first_year)
        last = month_number(months.group(3))
        last_year = int(months.group(4)) if months.group(4) else start.year
        return (start, month_end(last_year, last), False), months.span()
    return None


def _named_period(text: str, today: dt.date) -> _Found:
    table: tuple[tuple[str, tuple[dt.date, dt.date, bool]], ...] = (
        (r"\b(?:by|before|until|till)?\s*(?:the\s+)?end of (?:the|this) month\b", (today, month_end(today.year, today.month), False)),
        (r"\bthis month\b", (today, month_end(today.year, today.month), False)),
        (r"\bnext month\b", _month_after(today)),
        (r"\blast month\b|\bprevious month\b", _month_before(today)),
        (r"\bthis week\b", (today, today + dt.timedelta(days=6 - today.weekday()), False)),
        (r"\bnext week\b", _week_after(today)),
        (r"\blast week\b", (today - dt.timedelta(days=today.weekday() + 7), today - dt.timedelta(days=today.weekday() + 1), True)),
        (r"\b(?:by|before|until)?\s*(?:the\s+)?end of (?:the|this) year\b|\bthis year\b", (today, dt.date(today.year, 12, 31), False)),
        (r"\bnext year\b", (dt.date(today.year + 1, 1, 1), dt.date(today.year + 1, 12, 31), False)),
        (r"\blast year\b", (dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31), True)),
        (r"\b(?:clos\w*|deadlines?|due|ends?|expir\w*)\s+(?:is\s+)?(?:today|tonight)\b", (today, today, False)),
        (r"\b(?:clos\w*|deadlines?|due|ends?|expir\w*)\s+(?:is\s+)?tomorrow\b", (today + dt.timedelta(days=1), today + dt.timedelta(days=1), False)),
    )  # fmt: skip
    for pattern, (start, end, past) in table:
        match = re.search(pattern, text)
        if match:
            return (start, end, past), match.span()
    return None


def _month_after(today: dt.date) -> tuple[dt.date, dt.date, bool]:
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return dt.date(year, month, 1), month_end(year, month), False


def _month_before(today: dt.date) -> tuple[dt.date, dt.date, bool]:
    year, month = (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
    return dt.date(year, month, 1), month_end(year, month), True


def _week_after(today: dt.date) -> tuple[dt.date, dt.date, bool]:
    start = today + dt.timedelta(days=7 - today.weekday())
    return start, start + dt.timedelta(days=6), False


def _before_after(text: str, today: dt.date) -> _Found:
    iso = re.search(r"\b(before|by|until|till|after|from|since)\s+" + _ISO, text)
    if iso and (day := _date(iso.group(2))) is not None:
        return _bounded(iso.group(1), day, day, today), iso.span()
    dm = re.search(r"\b(before|by|until|till|after|from|since)\s+(?:the\s+)?" + _DAY_MONTH, text)
    if dm and (day := _day_month(dm.group(2), dm.group(3), dm.group(4), today)) is not None:
        return _bounded(dm.group(1), day, day, today), dm.span()
    month = re.search(
        r"\b(before|by|until|till|after|from|since)\s+(?:the\s+end\s+of\s+)?" + _MONTH + _YEAR + r"\b", text
    )
    if month:
        number = month_number(month.group(2))
        year = int(month.group(3)) if month.group(3) else None
        word = month.group(1)
        start = (_prev_month_start if word == "since" else _next_month_start)(today, number, year)
        end_of_month = month_end(start.year, number)
        if word == "before":
            return (today, start - dt.timedelta(days=1), False), month.span()
        if word in {"by", "until", "till"}:
            return (today, end_of_month, False), month.span()
        if word == "after":
            return (end_of_month + dt.timedelta(days=1), None, False), month.span()
        return (start, None, start < today), month.span()
    return None


def _bounded(
    word: str, day: dt.date, _same: dt.date, today: dt.date
) -> tuple[dt.date | None, dt.date | None, bool]:
    if word == "before":
        return (min(today, day), day - dt.timedelta(days=1), day <= today)
    if word in {"by", "until", "till"}:
        return (min(today, day), day, day < today)
    if word == "after":
        return (day + dt.timedelta(days=1), None, False)
    return (day, None, day < today)


def _in_month(text: str, today: dt.date) -> _Found:
    match = re.search(r"\b(?:in|during|for)\s+(?:early\s+|late\s+|mid[- ])?" + _MONTH + _YEAR + r"\b", text)
    if not match:
        return None
    number = month_number(match.group(1))
    year = int(match.group(2)) if match.group(2) else None
    past_tense = bool(re.search(r"\b(?:closed|expired|ended|did|was|were)\b", text))
    start = (_prev_month_start if past_tense else _next_month_start)(today, number, year)
    end = month_end(start.year, number)
    return (start, end, end < today), match.span()


_READERS = (_between, _next_n, _past_n, _before_after, _named_period, _in_month)
