"""Relative time in a member's request, read against the message's own moment (pure).

"the event starts in two hours", "tomorrow at 17:00", "on Thursday", "heute Mittag", "demain",
"mañana a las 17:00", "giovedì", "w czwartek", "d'ici la fin du mois": each becomes a moment
computed from the moment the message was *sent* (its Slack ``ts``), never from the wall clock, so
a request read an hour later, or re-run in the eval, gets the same urgency.

The words come from every language's lexicon (:mod:`assistant.triage_lexicon`) at once. A day
word and a time of day near it are one moment ("heute Mittag" = today 12:00, "demain à 17h"); a
day alone stands for the end of that day; a time of day alone for today at that time. A moment
already past when the message was sent ("heute Mittag" written at 15:00, "seit heute früh",
"yesterday", "the webinar on Thursday was great") is no deadline.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from babel.dates import get_month_names

from assistant.triage_lexicon import PARTS_OF_DAY, Lexicon, TimeWords, all_lexicons
from retrieval.analysis import fold

ATTACH_WITHIN_CHARS = 30
"""A time of day this close to a day word (same sentence) is that day's time."""
END_OF_DAY = dt.time(23, 59)
_SENTENCE_END = re.compile(r"[.!?;\n]")
_CLOCK = re.compile(
    r"(?<![\w:./-])([01]?\d|2[0-3])"
    r"(?:[:h]([0-5]\d)(?!\d)|\.([0-5]\d)(?![\d.])|\s?(h|uhr)(?!\w)|\s?([ap])\.?m\.?(?!\w))"
)
"""A clock time: ``17:00``, ``17.30``, ``17h``, ``17h30``, ``17 Uhr``, ``5pm``, ``5 p.m.``."""
_NUMERIC_DATE = re.compile(
    r"(?<![\w./:-])(\d{1,2})([./])(\d{1,2})(?:\2(\d{4}|\d{2})(?![\w/-]|\.\d)|\.(?![\w./-]))"
)
"""A date written the European way: ``15.03.2026``, ``15/03/26``, ``15.3.`` (a trailing dot when
the year is left out, so "1.5 million" and "24/7" are no dates)."""
MONTH_NAME_LANGUAGES = ("en", "de", "fr", "es", "it", "pl")
"""Month names are read in these languages (CLDR, through Babel: "März", "mars", "marca")."""
_BARE_HOUR = r"\s+([01]?\d|2[0-3])(?![\w:,/%-]|\.\d)"
"""After a clock word ("alle 17", "um 10", "at 5"): an hour written alone."""


@dataclass(frozen=True)
class Moment:
    """A moment a request names, and the words that name it (as written, or folded when folding
    changed the text's length: "ß" → "ss")."""

    at: dt.datetime
    phrase: str


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


_S = TypeVar("_S", bound=_Span)


@dataclass(frozen=True)
class _Day(_Span):
    day: dt.date
    weekday: bool = False


@dataclass(frozen=True)
class _TimeOfDay(_Span):
    time: dt.time


@cache
def _month_names() -> tuple[re.Pattern[str], dict[str, int]]:
    """A date with a month name in any of :data:`MONTH_NAME_LANGUAGES` ("15. März", "1er mars",
    "15 de marzo de 2026", "15 marca"), and the month of each folded name."""
    months: dict[str, int] = {}
    for lang in MONTH_NAME_LANGUAGES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context=context, locale=lang).items():
                    key = fold(name).rstrip(".")
                    if len(key) >= 3:
                        months.setdefault(key, number)
    names = "|".join(sorted((re.escape(name) for name in months), key=len, reverse=True))
    pattern = re.compile(
        rf"(?<![\w.])(\d{{1,2}})(?:er|st|nd|rd|th)?\.?\s+(?:de\s+)?({names})\.?(?:,?\s+(?:de\s+)?(\d{{4}}))?(?!\w)"
    )
    return pattern, months


def _calendar_day(today: dt.date, day: int, month: int, year: int | None) -> dt.date | None:
    """The date, or None when there is none; without a year, the one in this year, or next year's
    when this year's is more than half a year gone ("15 January" written in December)."""
    try:
        if year is not None:
            return dt.date(year + 2000 if year < 100 else year, month, day)
        found = dt.date(today.year, month, day)
        return found if (today - found).days <= 183 else dt.date(today.year + 1, month, day)
    except ValueError:
        return None


def _calendar_days(text: str, today: dt.date) -> Iterable[_Day]:
    """Dates written with numbers or a month name, in any of the six languages."""
    for match in _NUMERIC_DATE.finditer(text):
        year = int(match.group(4)) if match.group(4) else None
        found = _calendar_day(today, int(match.group(1)), int(match.group(3)), year)
        if found is not None:
            yield _Day(match.start(), match.end(), found)
    pattern, months = _month_names()
    for match in pattern.finditer(text):
        year = int(match.group(3)) if match.group(3) else None
        found = _calendar_day(today, int(match.group(1)), months[match.group(2)], year)
        if found is not None:
            yield _Day(match.start(), match.end(), found)


def _weekday_date(today: dt.date, weekday: int, *, next_week: bool) -> dt.date:
    if next_week:  # that day of next week ("next Friday" said on a Monday: 11 days)
        return today + dt.timedelta(days=7 - today.weekday() + weekday)
    return today + dt.timedelta(days=(weekday - today.weekday()) % 7 or 7)  # the coming one


def _end_of_month(today: dt.date) -> dt.date:
    following = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def _before(text: str, start: int, pattern: re.Pattern[str], words: int = 1) -> bool:
    """Whether ``pattern`` ends at most ``words`` words before ``start``."""
    window = text[max(0, start - 40) : start]
    return any(
        re.fullmatch(r"\s*(?:[\w'-]+\s+){0," + str(words - 1) + r"}", window[match.end() :])
        for match in pattern.finditer(window)
    )


def _clause(text: str, span: _Span) -> str:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, span.start)]
    end = _SENTENCE_END.search(text, span.end)
    return text[starts[-1] if starts else 0 : end.start() if end else len(text)]


def _amount(words: TimeWords, text: str) -> Iterable[tuple[_Span, dt.timedelta | int]]:
    """ "in two hours", "dans 30 minutes", "za godzinę", "fra tre settimane": a delta (minutes and
    hours) or a number of days (days, weeks, months)."""
    for within in words.within.finditer(text):
        rest = text[within.end() :]
        half = re.match(r"\s+(?:" + words.half_hour.pattern + ")", rest)
        if half:
            yield _Span(within.start(), within.end() + half.end()), dt.timedelta(minutes=30)
            continue
        number = re.match(r"\s+(\d{1,3}|" + words.number_words.pattern + r")(?=\s)", rest)
        count, offset = 1, 0
        if number:
            token = number.group(1)
            count = int(token) if token.isdigit() else words.numbers.get(token, 1)
            offset = number.end()
        for unit, pattern in words.units.items():
            found = re.match(r"\s+(?:" + pattern.pattern + ")", rest[offset:])
            if not found:
                continue
            span = _Span(within.start(), within.end() + offset + found.end())
            if unit == "minute":
                yield span, dt.timedelta(minutes=count)
            elif unit == "hour":
                yield span, dt.timedelta(hours=count)
            else:
                yield span, count * {"day": 1, "week": 7, "month": 30}[unit]
            break


def _days(words: TimeWords, text: str, today: dt.date) -> Iterable[_Day]:
    for pattern, offset in ((words.today, 0), (words.tomorrow, 1), (words.day_after_tomorrow, 2)):
        for match in pattern.finditer(text):
            yield _Day(match.start(), match.end(), today + dt.timedelta(days=offset))
    for weekday, pattern in enumerate(words.weekdays):
        for match in pattern.finditer(text):
            next_week = _before(text, match.start(), words.next_week_weekday)
            if words.weekday_needs_marker and not (
                next_week or _before(text, match.start(), words.weekday_markers, words=3)
            ):
                continue
            day = _weekday_date(today, weekday, next_week=next_week)
            yield _Day(match.start(), match.end(), day, weekday=True)
    for pattern, day in (
        (words.end_of_week, today + dt.timedelta(days=max(4 - today.weekday(), 0))),  # this Friday
        # a week named without a day stands for its middle: "next week" said on a Monday is 9
        # days off (medium), said on a Friday 5 (high)
        (words.next_week, today + dt.timedelta(days=7 - today.weekday() + 2)),  # Wednesday of next week
        (words.end_of_month, _end_of_month(today)),
        (words.few_days, today + dt.timedelta(days=3)),
    ):
        for match in pattern.finditer(text):
            yield _Day(match.start(), match.end(), day)


def _times(words: TimeWords, text: str) -> Iterable[_TimeOfDay]:
    for part, pattern in words.parts_of_day.items():
        hour, minute = PARTS_OF_DAY[part]
        for match in pattern.finditer(text):
            yield _TimeOfDay(match.start(), match.end(), dt.time(hour, minute))
    for match in re.finditer("(?:" + words.clock_words.pattern + ")" + _BARE_HOUR, text):
        yield _TimeOfDay(match.start(), match.end(), dt.time(int(match.group(1)), 0))


def _clock_times(text: str) -> Iterable[_TimeOfDay]:
    for match in _CLOCK.finditer(text):
        hour = int(match.group(1))
        if match.group(5) == "p" and hour < 12:
            hour += 12
        elif match.group(5) == "a" and hour == 12:
            hour = 0
        minutes = int(match.group(2) or match.group(3) or 0)
        yield _TimeOfDay(match.start(), match.end(), dt.time(hour, minutes))


def _overlaps(span: _Span, others: Iterable[_Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in others)


def _gap(a: _Span, b: _Span) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def _without_overlaps(spans: Iterable[_S]) -> list[_S]:
    """The longest of overlapping spans ("übermorgen" over "morgen", "heute Abend" over "heute")."""
    kept: list[_S] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not _overlaps(span, kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def named_moments(
    text: str, *, sent_at: dt.datetime, lexicons: Iterable[Lexicon] | None = None
) -> list[Moment]:
    """The moments ``text`` names, from its sending moment ``sent_at``, past ones left out.

    Args:
        text: The request, as written.
        sent_at: When the message was sent (its Slack ``ts``, in the workspace's time zone).
        lexicons: The languages to read (default: every lexicon).
    """
    written = text.replace("\u2019", "'")
    folded = fold(written)
    # the words as written for the card's reason ("heute Mittag"), where folding kept the offsets
    shown = written if len(written) == len(folded) else folded
    today = sent_at.date()
    chosen = tuple(lexicons) if lexicons is not None else all_lexicons()
    # every language's words at once, so a code-mixed request is read whole: first what is no
    # deadline at all, then amounts of time, days and times of day outside those
    blocked = [_Span(m.start(), m.end()) for lex in chosen for m in lex.time.no_deadline.finditer(folded)]
    amounts = [
        (span, delta)
        for lex in chosen
        for span, delta in _amount(lex.time, folded)
        if not _overlaps(span, blocked)
    ]
    blocked += [span for span, _ in amounts]
    days = _without_overlaps(
        [
            *(
                day
                for lex in chosen
                for day in _days(lex.time, folded, today)
                if not _in_the_past(lex.time, folded, day)
            ),
            *_calendar_days(folded, today),
        ]
    )
    days = [day for day in days if not _overlaps(day, blocked)]
    since_words = [lex.time.since for lex in chosen]
    times = _without_overlaps(
        time
        for time in [*(t for lex in chosen for t in _times(lex.time, folded)), *_clock_times(folded)]
        if not _overlaps(time, blocked) and not _overlaps(time, days)
    )
    moments = [
        Moment(
            sent_at + delta if isinstance(delta, dt.timedelta) else _end_of(today, delta, sent_at),
            _text(shown, span),
        )
        for span, delta in amounts
    ]
    attached: set[_TimeOfDay] = set()
    for day in days:
        time = _nearest(folded, day, times)
        if time is not None:
            attached.add(time)
        at = dt.datetime.combine(day.day, time.time if time else END_OF_DAY, tzinfo=sent_at.tzinfo)
        moments.append(Moment(at, _text(shown, day, time)))
    for time in times:
        if time in attached or any(_before(folded, time.start, since, words=2) for since in since_words):
            continue  # "seit heute früh", "desde esta mañana": a past start, no deadline
        moments.append(
            Moment(dt.datetime.combine(today, time.time, tzinfo=sent_at.tzinfo), _text(shown, time))
        )
    unique = {(m.at, m.phrase): m for m in moments if m.at >= sent_at}
    return sorted(unique.values(), key=lambda m: m.at)


def _in_the_past(words: TimeWords, text: str, day: _Day) -> bool:
    """A day word after "since" ("depuis lundi"), or a weekday in a past clause ("the webinar on
    Thursday was great") unless a due word stands before it ("… wurde doppelt abgebucht, bitte
    bis Freitag zurückbuchen")."""
    if _before(text, day.start, words.since, words=2):
        return True
    if _before(text, day.start, words.due_markers, words=2):
        return False
    return day.weekday and bool(words.past_verbs.search(_clause(text, day)))


def _nearest(text: str, day: _Day, times: Iterable[_TimeOfDay]) -> _TimeOfDay | None:
    """The time of day nearest to ``day`` within :data:`ATTACH_WITHIN_CHARS`, same sentence."""
    near = [
        time
        for time in times
        if _gap(time, day) <= ATTACH_WITHIN_CHARS
        and not _SENTENCE_END.search(text[min(time.end, day.end) : max(time.start, day.start)])
    ]
    return min(near, key=lambda time: _gap(time, day)) if near else None


def _text(text: str, *spans: _Span | None) -> str:
    present = [span for span in spans if span is not None]
    return text[min(s.start for s in present) : max(s.end for s in present)]


def _end_of(today: dt.date, days: int, sent_at: dt.datetime) -> dt.datetime:
    return dt.datetime.combine(today + dt.timedelta(days=days), END_OF_DAY, tzinfo=sent_at.tzinfo)
