"""Entities a question names: places, sectors, programmes, call identifiers, dates, organisation types.

Pure functions over :func:`retrieval.query.understand_query` plus two small tables of our own (dates
and organisation types), so the Slack triage and the answerers read one :class:`Entities` object.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, ConfigDict

from retrieval.query import QueryUnderstanding, StatusIntent, understand_query

_ISO_DATE = re.compile(r"\b(20\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
_MONTHS = "january february march april may june july august september october november december".split()
_DAY_MONTH_YEAR = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(_MONTHS) + r")\s+(20\d\d)\b", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    r"\b(" + "|".join(_MONTHS) + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(20\d\d)\b", re.IGNORECASE
)

ORGANISATION_TYPES: dict[str, tuple[str, ...]] = {
    "sme": (
        "sme",
        "smes",
        "small business",
        "small and medium",
        "start-up",
        "startup",
        "startups",
        "scale-up",
    ),
    "cluster": ("cluster organisation", "cluster organization", "cluster manager", "clusters", "cluster"),
    "university": ("university", "universities", "academia", "academic"),
    "research": (
        "research organisation",
        "research organization",
        "research centre",
        "research center",
        "rto",
    ),
    "large_company": ("large company", "large companies", "corporate", "corporation", "industry partner"),
    "public_authority": ("public authority", "municipality", "region government", "ministry", "agency"),
    "investor": ("investor", "investors", "venture capital", "business angel"),
}
"""Organisation type → phrases (lower-case, matched on word boundaries)."""
_ORG_PATTERNS = {
    kind: re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)
    for kind, phrases in ORGANISATION_TYPES.items()
}


class Entities(BaseModel):
    """What a question names, beyond its words."""

    model_config = ConfigDict(frozen=True)

    countries: tuple[str, ...] = ()
    """ISO2 codes, named directly or through a region ("Nordics" → DK, FI, ...)."""
    regions: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    """Sector labels of :data:`corpus.sectors.SECTOR_SYNONYMS`, as records carry them ("battery")."""
    programmes: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()
    """F&T topic/call identifiers, upper-cased."""
    dates: tuple[dt.date, ...] = ()
    organisation_types: tuple[str, ...] = ()
    status: StatusIntent | None = None
    """The call status asked for ("open", "forthcoming", "closed", "closing_soon")."""


def find_dates(text: str) -> list[dt.date]:
    """Calendar dates written in ``text`` (``2026-06-03``, ``3 June 2026``, ``June 3, 2026``), in order."""
    found: list[tuple[int, dt.date]] = []
    for match in _ISO_DATE.finditer(text):
        found.append((match.start(), _date(match.group(1), match.group(2), match.group(3))))
    for match in _DAY_MONTH_YEAR.finditer(text):
        month = _MONTHS.index(match.group(2).lower()) + 1
        found.append((match.start(), _date(match.group(3), str(month), match.group(1))))
    for match in _MONTH_DAY_YEAR.finditer(text):
        month = _MONTHS.index(match.group(1).lower()) + 1
        found.append((match.start(), _date(match.group(3), str(month), match.group(2))))
    return list(dict.fromkeys(day for _, day in sorted(found) if day != dt.date.min))


def _date(year: str, month: str, day: str) -> dt.date:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return dt.date.min


def find_organisation_types(text: str) -> list[str]:
    """Organisation types named in ``text`` (keys of :data:`ORGANISATION_TYPES`)."""
    return [kind for kind, pattern in _ORG_PATTERNS.items() if pattern.search(text)]


def entities_from(understanding: QueryUnderstanding, raw_text: str) -> Entities:
    """Combine retrieval's query understanding with dates and organisation types read from ``raw_text``."""
    return Entities(
        countries=understanding.countries,
        regions=understanding.regions,
        sectors=understanding.sectors,
        programmes=understanding.programmes,
        identifiers=understanding.identifiers,
        dates=tuple(find_dates(raw_text)),
        organisation_types=tuple(find_organisation_types(raw_text)),
        status=understanding.status,
    )


def extract_entities(text: str) -> Entities:
    """Every entity :class:`Entities` holds, read from ``text`` offline."""
    return entities_from(understand_query(text), text)
