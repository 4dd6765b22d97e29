"""When a channel's weekly digest is due: a weekday and a time of day in the channel's time zone.

Pure functions: ``/advisor digest thu 08:30 Europe/Brussels`` is read by :func:`parse_digest_time`,
and :func:`next_run` gives the next moment (UTC) after a given one, daylight-saving changes included.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale

from corpus.errors import InvalidInput
from corpus.i18n import translator
from corpus.languages import DEFAULT_LANGUAGE

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
USAGE = "/advisor digest DAY HH:MM [TIME ZONE], e.g. /advisor digest thu 08:30 Europe/Brussels"


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


def parse_digest_time(text: str) -> DigestTime:
    """``thu 08:30``, ``Thursday 8:30 Europe/Brussels``.

    Raises:
        InvalidInput: not a weekday, a time of day, and optionally a known time zone.
    """
    words = text.split()
    if len(words) not in (2, 3):
        raise InvalidInput(f"say when: {USAGE}")
    day, clock = words[0].lower(), words[1]
    matches = [i for i, name in enumerate(WEEKDAYS) if len(day) >= 2 and name.startswith(day)]
    if len(matches) != 1:
        raise InvalidInput(f"{words[0]!r} is not a day of the week; {USAGE}")
    try:
        hours, minutes = (int(part) for part in clock.split(":"))
        at = dt.time(hours, minutes)
    except ValueError:
        raise InvalidInput(f"{clock!r} is not a time of day (HH:MM, 24-hour); {USAGE}") from None
    zone = words[2] if len(words) == 3 else "UTC"
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(f"{zone!r} is not a time zone name (such as Europe/Brussels); {USAGE}") from None
    return DigestTime(weekday=matches[0], at=at, timezone=zone)


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
