"""Typed field values from user-supplied CSV cells / JSON values, with one-line error messages."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from corpus.places import country_to_iso2
from corpus.text import clean_text, normalise_whitespace, strip_hidden_characters

MAX_FIELD_CHARS = 100_000
BRUSSELS = ZoneInfo("Europe/Brussels")
DEFAULT_DEADLINE_TIME = dt.time(17, 0)
"""F&T deadlines fall at 17:00 Brussels time; a bare date gets that time."""

_LIST_SPLIT = re.compile(r"[;|\n]")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?$", re.IGNORECASE)

Scalar = str | int | float | bool | None
RawValue = Scalar | list[Scalar]


class FieldError(ValueError):
    """A value that cannot be used; the message names the field and what to write instead."""


def text(field: str, value: RawValue) -> str | None:
    """Cleaned text, None when empty."""
    if value is None:
        return None
    if isinstance(value, list):
        raise FieldError(f"{field} must be text, not a list")
    raw = str(value)
    if len(raw) > MAX_FIELD_CHARS:
        raise FieldError(f"{field} is {len(raw):,} characters long (limit {MAX_FIELD_CHARS:,}); shorten it")
    cleaned = _clean(raw)
    return cleaned or None


def _clean(raw: str) -> str:
    """:func:`clean_text`, skipping the mojibake repair for plain ASCII (nothing to repair there).

    ftfy costs ~0.1 ms a call; a 10,000-row CSV has ~70,000 cells, mostly short ASCII values.
    ``&`` keeps the full path: ftfy also unescapes HTML entities (``R&amp;D``).
    """
    if raw.isascii() and "&" not in raw:
        return normalise_whitespace(strip_hidden_characters(raw))
    return clean_text(raw)


def required_text(field: str, value: RawValue) -> str:
    """Cleaned, non-empty text."""
    cleaned = text(field, value)
    if cleaned is None:
        raise FieldError(f"{field} is missing; every record needs one")
    return cleaned


def text_list(field: str, value: RawValue) -> tuple[str, ...]:
    """A JSON list, or text split at ``;`` (also ``|`` and line breaks); empty items dropped."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else _LIST_SPLIT.split(str(value))
    cleaned: list[str] = []
    for item in items:
        if isinstance(item, list | dict):
            raise FieldError(f"{field} must be a list of texts, not nested lists or objects")
        piece = text(field, item)
        if piece and piece not in cleaned:
            cleaned.append(piece)
    return tuple(cleaned)


def date(field: str, value: RawValue) -> dt.date | None:
    """A YYYY-MM-DD date."""
    raw = text(field, value)
    if raw is None:
        return None
    try:
        return dt.date.fromisoformat(raw[:10] if "T" in raw else raw)
    except ValueError:
        raise FieldError(f"{field} '{raw[:40]}' is not a date (use YYYY-MM-DD)") from None


def deadline(field: str, value: RawValue) -> dt.datetime | None:
    """A deadline in UTC: ISO date (17:00 Brussels time) or ISO date-time (no offset: Brussels time)."""
    raw = text(field, value)
    if raw is None:
        return None
    try:
        if len(raw) <= 10:
            moment = dt.datetime.combine(dt.date.fromisoformat(raw), DEFAULT_DEADLINE_TIME)
        else:
            moment = dt.datetime.fromisoformat(raw.replace(" ", "T", 1))
    except ValueError:
        raise FieldError(
            f"{field} '{raw[:40]}' is not a date (use YYYY-MM-DD, or YYYY-MM-DDTHH:MM+01:00 with a time)"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BRUSSELS)
    return moment.astimezone(dt.UTC)


def amount(field: str, value: RawValue) -> float | None:
    """A non-negative euro amount: ``2500000``, ``2 500 000``, ``2,500,000``, ``EUR 2500000.50``."""
    if value is None or isinstance(value, bool):
        if isinstance(value, bool):
            raise FieldError(f"{field} must be a number of euros, not true/false")
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        raw = (
            re.sub(r"(?i)eur(os?)?|€", "", str(value)).replace("\u00a0", "").replace(" ", "").replace("_", "")
        )
        if not raw:
            return None
        if _THOUSANDS.match(raw):
            raw = raw.replace(",", "")
        if not _NUMBER.match(raw):
            raise FieldError(f"{field} '{str(value)[:40]}' is not an amount (write digits, e.g. 2500000)")
        number = float(raw)
    if number < 0 or number != number or number == float("inf"):
        raise FieldError(f"{field} must be zero or more euros")
    return number


def count(field: str, value: RawValue) -> int | None:
    """A non-negative whole number."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or isinstance(value, list):
        raise FieldError(f"{field} must be a whole number")
    raw = str(value).strip().replace(" ", "").replace("_", "")
    if isinstance(value, float) and value.is_integer():
        raw = str(int(value))
    if not raw.isdigit():
        raise FieldError(f"{field} '{str(value)[:40]}' is not a whole number")
    return int(raw)


def url(field: str, value: RawValue) -> str | None:
    """An http(s) URL; a bare domain (``www.cluster.eu``) gets ``https://``.

    ``<``, ``>``, ``|``, quotes and backslashes are refused: they are never needed unescaped in a
    web address, and they would break out of a Slack ``<url|title>`` link or an HTML attribute.
    """
    raw = text(field, value)
    if raw is None:
        return None
    if re.match(r"^https?://[^\s/<>|\"'`\\]+\.[^\s<>|\"'`\\]+$", raw, re.IGNORECASE):
        return raw
    if _DOMAIN.match(raw):
        return "https://" + raw
    raise FieldError(f"{field} '{raw[:60]}' is not a web address (use https://...)")


def country(field: str, value: RawValue) -> str | None:
    """ISO 3166-1 alpha-2 code from a code or a country name."""
    raw = text(field, value)
    if raw is None:
        return None
    code = country_to_iso2(raw)
    if code is None:
        raise FieldError(
            f"{field} '{raw[:40]}' is not a known country (use a code such as DE or a name such as Germany)"
        )
    return code
