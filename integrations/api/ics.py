"""Call deadlines as an iCalendar file (RFC 5545): one all-day event per deadline.

Pure functions. The rules followed, each one a way hand-made calendars break in real clients:
lines end in CRLF (3.1); lines longer than 75 octets are folded with CRLF and one space, never
inside a UTF-8 sequence (3.1); TEXT values escape backslash, semicolon, comma and newlines (3.3.11);
every event has a UID stable across exports, so a re-import updates the event instead of adding
a copy (3.8.4.7), and a DTSTAMP in UTC (3.8.7.2); the deadline is a DATE, all day, with DTEND the
next day (3.6.1: DTEND is exclusive).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable

from assistant.calls import CallFacts

PRODID = "-//Cluster Advisor//Call deadlines//EN"
MAX_LINE_OCTETS = 75
CALENDAR_MESSAGES = (
    "Cluster Advisor deadlines",
    "Deadline: {title}",
    "Programme: {programme}",
    "Opens: {date}",
    "Budget: {budget}",
)
"""The calendar's texts, translated through the page's ``web`` gettext domain."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SAFE_URL = re.compile(r"^https?://[^\s\"<>\\^`{|}]+$")


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): ``\\``, ``;``, ``,`` and newlines escaped, controls dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded at 75 octets (continuation lines start with a space), CRLF-ended."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    limit = MAX_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, MAX_LINE_OCTETS - 1  # the leading space is an octet too
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces) + "\r\n"


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _day(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def deadline_event(
    call: CallFacts, *, stamp: dt.datetime, translate: Callable[[str], str] = lambda text: text
) -> list[str]:
    """The unfolded content lines of the VEVENT for ``call``'s deadline (``call.deadline`` is set)."""
    if call.deadline is None:
        raise ValueError(f"call {call.identifier} has no deadline to put in a calendar")
    summary = translate("Deadline: {title}").format(title=call.title)
    details = [f"{call.identifier}"]
    if call.programme:
        details.append(translate("Programme: {programme}").format(programme=call.programme))
    if call.opening_date:
        details.append(translate("Opens: {date}").format(date=call.opening_date.isoformat()))
    if call.budget_total:
        details.append(translate("Budget: {budget}").format(budget=call.budget_total))
    if call.url:
        details.append(call.url)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(call.doc_id)}-deadline@cluster-advisor",
        f"DTSTAMP:{_stamp(stamp)}",
        f"DTSTART;VALUE=DATE:{_day(call.deadline)}",
        f"DTEND;VALUE=DATE:{_day(call.deadline + dt.timedelta(days=1))}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(chr(10).join(details))}",
        "TRANSP:TRANSPARENT",
    ]
    if call.url and _SAFE_URL.match(call.url):  # URL is a URI value: no TEXT escaping, so only clean ones
        lines.append(f"URL:{call.url}")
    lines.append("END:VEVENT")
    return lines


def deadlines_calendar(
    calls: Iterable[CallFacts],
    *,
    stamp: dt.datetime,
    translate: Callable[[str], str] = lambda text: text,
) -> str:
    """An iCalendar file with one all-day event on each call's deadline (calls without one are left out).

    Args:
        calls: The calls, in the order the events are written.
        stamp: When the file is made (every event's DTSTAMP), timezone-aware.
        translate: Translates :data:`CALENDAR_MESSAGES`; the calendar's display name is the first
            (``X-WR-CALNAME``, which Google, Apple and Outlook show).
    """
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(translate(CALENDAR_MESSAGES[0]))}",
    ]
    for call in calls:
        if call.deadline is not None:
            lines.extend(deadline_event(call, stamp=stamp, translate=translate))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)
