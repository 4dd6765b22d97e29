"""When a channel's weekly digest is due: a weekday and a time of day in the channel's time zone.

Pure functions: ``/advisor digest thu 08:30 Europe/Brussels`` is read by :func:`parse_digest_time`,
and :func:`next_run` gives the next moment (UTC) after a given one, daylight-saving changes included.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale

from assistant.language import N_, localized_error
from corpus.errors import InvalidInput
from corpus.i18n import translator
from corpus.languages import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
USAGE = N_("/advisor digest DAY HH:MM [TIME ZONE], e.g. /advisor digest thu 08:30 Europe/Brussels")
"""The usage of ``/advisor digest`` (a catalog message: the example's day may be written in any language)."""


@dataclass(frozen=True)
class DigestTime:
    """A weekly moment: ``weekday`` (0 = Monday) at ``at`` in the IANA time zone ``timezone``."""

    weekday: int
    at: dt.time
    timezone: str = "UTC"

    def describe(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """``every Thursday at 08:30 (Europe/Brussels)``; ``jeden Donnerstag um 08:30 (...)`` in German
        (the day's name from CLDR)."""
        if lang == DEFAULT_LANGUAGE:
            return f"every {WEEKDAYS[self.weekday].capitalize()} at {self.at:%H:%M} ({self.timezone})"
        _ = translator(lang)
        weekday = Locale.parse(lang).days["format"]["wide"][self.weekday]
        return _("every {weekday} at {time} ({timezone})").format(
            weekday=weekday, time=self.at_text, timezone=self.timezone
        )

    @property
    def at_text(self) -> str:
        """``08:30``."""
        return f"{self.at:%H:%M}"


DEFAULT_DIGEST_TIME = DigestTime(weekday=0, at=dt.time(9, 0))
"""Mondays at 09:00 UTC, until the channel chooses (``/advisor digest``)."""


NOT_A_WEEKDAY = N_("{word} is not a day of the week; {usage}")
NOT_A_TIME = N_("{word} is not a time of day (HH:MM, 24-hour); {usage}")
NOT_A_ZONE = N_("{word} is not a time zone name (such as Europe/Brussels); {usage}")
SAY_WHEN = N_("say when: {usage}")


def parse_digest_time(text: str, lang: str = DEFAULT_LANGUAGE) -> DigestTime:
    """``thu 08:30``, ``Thursday 8:30 Europe/Brussels``, ``Donnerstag 08:30``: a weekday in any of
    the six languages (CLDR's names, or the start of one), a time of day, optionally a time zone.

    Raises:
        InvalidInput: not a weekday, a time of day, and optionally a known time zone (said in ``lang``).
    """
    usage = translator(lang)(USAGE)
    words = text.split()
    if len(words) not in (2, 3):
        raise localized_error(InvalidInput, SAY_WHEN, lang, usage=usage)
    day, clock = _folded(words[0]), words[1]
    matches = {index for name, index in _weekday_names() if len(day) >= 2 and name.startswith(day)}
    if len(matches) != 1:
        raise localized_error(InvalidInput, NOT_A_WEEKDAY, lang, word=repr(words[0]), usage=usage)
    try:
        hours, minutes = (int(part) for part in clock.split(":"))
        at = dt.time(hours, minutes)
    except ValueError:
        raise localized_error(InvalidInput, NOT_A_TIME, lang, word=repr(clock), usage=usage) from None
    zone = words[2] if len(words) == 3 else "UTC"
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise localized_error(InvalidInput, NOT_A_ZONE, lang, word=repr(zone), usage=usage) from None
    return DigestTime(weekday=matches.pop(), at=at, timezone=zone)


@cache
def _weekday_names() -> tuple[tuple[str, int], ...]:
    """Every weekday name of the six languages, folded, with its index (0 = Monday)."""
    names = {(name, index) for index, name in enumerate(WEEKDAYS)}
    for lang in SUPPORTED_LANGUAGES:
        for index, name in Locale.parse(lang).days["format"]["wide"].items():
            names.add((_folded(name), int(index)))
    return tuple(sorted(names))


def _folded(word: str) -> str:
    """``Środa`` → ``sroda``, ``giovedì`` → ``giovedi``: lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", word.lower().replace("ł", "l"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def next_run(when: DigestTime, *, after: dt.datetime) -> dt.datetime:
    """The first moment strictly after ``after`` that is ``when`` in its zone, in UTC."""
    zone = ZoneInfo(when.timezone)
    local = after.astimezone(zone)
    days_ahead = (when.weekday - local.weekday()) % 7
    for extra in (0, 7):
        day = local.date() + dt.timedelta(days=days_ahead + extra)
        candidate = dt.datetime.combine(day, when.at, tzinfo=zone).astimezone(dt.UTC)
        if candidate > after:
            return candidate
    raise AssertionError("unreachable: a week later is always after")  # pragma: no cover


def local_day(moment: dt.datetime, timezone: str) -> dt.date:
    """The calendar day of ``moment`` in ``timezone`` (the day a digest reports on)."""
    return moment.astimezone(ZoneInfo(timezone)).date()
