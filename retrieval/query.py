"""Query understanding: pure functions that read places, identifiers, programmes, sectors, status.

Used by search (to prefer matching documents) and later by the assistant (to route and to fill
filters). Everything is table-driven and deterministic; nothing here touches an index.

Sectors are read with the one vocabulary of :mod:`corpus.sectors` (:data:`SECTOR_SYNONYMS`), so
they come out as the labels the ingest writes on records ("battery", "Mobility-Transport-Automotive").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict

from corpus.places import (
    CASE_SENSITIVE_FORMS,
    COUNTRY_FORMS,
    MACRO_REGION_FORM_TABLE,
    MACRO_REGIONS,
    REGION_FORM_TABLE,
)
from corpus.programmes import FAMILIES
from corpus.sectors import SECTOR_SYNONYMS, split_compounds
from corpus.text import clean_text
from retrieval.analysis import plain_words, strip_accents, words
from retrieval.memo import recent_per_thread

MAX_QUERY_CHARS = 2000
"""Longer queries are cut (at a word boundary): the embedder reads 256 tokens anyway."""

StatusIntent = Literal["open", "forthcoming", "closed", "closing_soon"]

# F&T identifiers: a programme code, dash-separated parts, a year part and at least one part after it
# (HORIZON-CL3-2027-01-SSRI-01, SMP-COSME-2024-CLUSTER-01, I3-2026-INV1, CEF-T-2026-...), or the
# EuropeAid reference form.
_WORD_IN_TEXT = re.compile(r"[^\W_]+")
_IDENTIFIER = re.compile(
    r"(?<![\w-])(?:[A-Za-z][A-Za-z0-9]{0,11}(?:-[A-Za-z0-9]+)*-20\d\d(?:-[A-Za-z0-9]+)+"
    r"|EuropeAid/\d{5,7}/[A-Za-z]+/[A-Za-z]+/[A-Za-z]+)(?![\w-])"
)

PROGRAMMES: dict[str, tuple[tuple[str, ...], str]] = {
    family.name: (family.prefixes, family.aliases) for family in FAMILIES
}
"""Canonical programme name → (identifier prefixes, "; "-separated aliases), from :mod:`corpus.programmes`."""
_UPPERCASE_ONLY = {
    "DIGITAL",
    "LIFE",
    "I3",
    "SMP",
    "EDF",
    "CEF",
    "DEP",
    "HEU",
    "EIC",
    "RFCS",
    "COSME",
    "DACH",
    "CEE",
    "NRW",
}
"""Aliases that are ordinary words or too short in lowercase: matched only as written."""

_OPEN_CALL_LEADS = frozenset(
    (
        "a an any all are which what the there current new latest some other more show list find me for about"
    ).split()
)
"""Words after which "open call(s)" asks for calls that are open (rather than ending a call's name)."""
_NAMED_OPEN = re.compile(r"(?<=[A-Za-z0-9][ -])Open\b(?!\s+[Cc]alls?\b)")
"""A capitalised "Open" after another word: part of a name ("Pathfinder Open"), not a status."""

_STATUS_PATTERNS: tuple[tuple[StatusIntent, re.Pattern[str]], ...] = (
    ("closing_soon", re.compile(r"\b(closing soon|closes soon|deadline soon|about to close|last chance)\b")),
    ("forthcoming", re.compile(r"\b(upcoming|forthcoming|opening soon|opens soon|will open|not yet open)\b")),
    ("closed", re.compile(r"\b(closed|expired|past calls?|no longer open)\b")),
    (
        "open",
        re.compile(
            r"\b(currently open|still open|open now|now open|accepting applications|still apply"
            r"|open(?!\s+(?:innovation|source|science|data|access|calls?)\b)"
            rf"|(?:^|\b(?:{'|'.join(sorted(_OPEN_CALL_LEADS))}) )open calls?)\b"
        ),
    ),
)
"""Status intents on folded words. "open call" is also the F&T *name* of cascade calls ("PowerUp
NetZero open call", "RESIST II open calls for ..."): it asks for open calls only at the start of the
query or after a word like "any", "which", "an" (see :data:`_OPEN_CALL_LEADS`); "open" elsewhere
("calls that are open", "still open") always does. A capitalised "Open" inside a name ("EIC
Pathfinder Open 2026") is not an intent (see :func:`find_status_intent`)."""


class QueryUnderstanding(BaseModel):
    """What a query says beyond its words: places, identifiers, programmes, sectors, status intent."""

    model_config = ConfigDict(frozen=True)

    text: str
    """The cleaned query (hidden characters out, one line, cut to MAX_QUERY_CHARS)."""
    truncated: bool = False
    countries: tuple[str, ...] = ()
    """ISO2 codes named directly, via an adjective, a region or a macro-region; sorted."""
    regions: tuple[str, ...] = ()
    """Regions and macro-regions named, as canonical names ("Andalusia" stays as the user wrote it)."""
    identifiers: tuple[str, ...] = ()
    """F&T identifiers, upper-cased, in order of appearance."""
    programmes: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    status: StatusIntent | None = None


def clean_query(text: str) -> tuple[str, bool]:
    """Clean a query to one line and cut it to :data:`MAX_QUERY_CHARS` at a word boundary.

    Returns:
        The cleaned query and whether it was cut.
    """
    cleaned = " ".join(clean_text(text).split())
    if len(cleaned) <= MAX_QUERY_CHARS:
        return cleaned, False
    cut = cleaned[:MAX_QUERY_CHARS]
    space = cut.rfind(" ")
    return (cut[:space] if space > MAX_QUERY_CHARS // 2 else cut).rstrip(), True


def find_identifiers(text: str) -> list[str]:
    """F&T topic/call identifiers in ``text``, upper-cased, de-duplicated, in order."""
    found = (match.upper().rstrip(".") for match in _IDENTIFIER.findall(text))
    return list(dict.fromkeys(found))


def programme_prefixes(programme: str) -> tuple[str, ...]:
    """Identifier prefixes of a canonical programme name (empty for unknown names)."""
    entry = PROGRAMMES.get(programme)
    return entry[0] if entry else ()


class _PhraseTable:
    """Phrases → values, matched on plain words, longest first, without overlapping earlier matches.

    Phrases listed as case-sensitive must match as written ("US", "LIFE", "Polish"); the others
    match in any case.
    """

    def __init__(self, entries: Iterable[tuple[str, str, bool]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        for phrase, value, case_sensitive in entries:
            key = tuple(plain_words(phrase))
            if key:
                self._by_first.setdefault(key[0].lower(), []).append((key, value, case_sensitive))
        for options in self._by_first.values():
            options.sort(key=lambda option: -len(option[0]))

    def find(self, raw: list[str], taken: set[int]) -> list[str]:
        lowered = [word.lower() for word in raw]
        values: list[str] = []
        position = 0
        while position < len(raw):
            for key, value, case_sensitive in self._by_first.get(lowered[position], ()):
                span = range(position, position + len(key))
                candidate = raw if case_sensitive else lowered
                wanted = key if case_sensitive else tuple(part.lower() for part in key)
                if tuple(candidate[span.start : span.stop]) == wanted and not taken.intersection(span):
                    values.append(value)
                    taken.update(span)
                    position = span.stop - 1
                    break
            position += 1
        return values


def _split(forms: str) -> list[str]:
    return [form.strip() for form in forms.split(";") if form.strip()]


def _is_case_sensitive(form: str) -> bool:
    return form in CASE_SENSITIVE_FORMS or form in _UPPERCASE_ONLY or (form.isupper() and len(form) <= 4)


_MACRO_TABLE = _PhraseTable(
    (form, name, _is_case_sensitive(form))
    for name, forms in MACRO_REGION_FORM_TABLE.items()
    for form in forms
)
_REGION_TABLE = _PhraseTable(
    (form, f"{iso2}:{form}", _is_case_sensitive(form))
    for iso2, forms in REGION_FORM_TABLE.items()
    for form in forms
)
_COUNTRY_TABLE = _PhraseTable(
    [(form, iso2, False) for iso2, forms in COUNTRY_FORMS.items() for form in forms]
    + [(form, iso2, True) for form, iso2 in CASE_SENSITIVE_FORMS.items()]
)
_SECTOR_TABLE = _PhraseTable(
    (form, sector, _is_case_sensitive(form)) for sector, forms in SECTOR_SYNONYMS.items() for form in forms
)
_PROGRAMME_TABLE = _PhraseTable(
    (alias, name, _is_case_sensitive(alias))
    for name, (_, aliases) in PROGRAMMES.items()
    for alias in _split(aliases)
)


def find_places(text: str, *, taken: set[int] | None = None) -> tuple[list[str], list[str]]:
    """Countries (ISO2) and region names mentioned in ``text``.

    Args:
        text: A query.
        taken: Word positions already claimed by another look-up (updated).

    Returns:
        ``(countries, regions)``: sorted unique ISO2 codes; region and macro-region names in order.
    """
    raw = plain_words(text)
    taken = set() if taken is None else taken
    regions: list[str] = []
    countries: set[str] = set()
    for macro in _MACRO_TABLE.find(raw, taken):
        regions.append(macro)
        countries.update(MACRO_REGIONS[macro])
    for value in _REGION_TABLE.find(raw, taken):
        iso2, name = value.split(":", 1)
        regions.append(name)
        countries.add(iso2)
    countries.update(_COUNTRY_TABLE.find(raw, taken))
    return sorted(countries), list(dict.fromkeys(regions))


def without_places(text: str) -> str:
    """``text`` without the words that name a country or region ("Which clusters in Spain teach
    flamenco?" → "Which clusters in teach flamenco?"): what a search is about, its places aside."""
    rest = split_compounds(_IDENTIFIER.sub(" ", clean_query(text)[0]))
    taken: set[int] = set()
    find_programmes(rest, taken=taken)  # "Horizon Europe" is a programme, not the place Europe
    programme_words = set(taken)
    find_places(rest, taken=taken)
    names = {
        word.lower() for position, word in enumerate(plain_words(rest)) if position in taken - programme_words
    }
    if not names:
        return text
    return _WORD_IN_TEXT.sub(lambda m: "" if strip_accents(m.group(0)).lower() in names else m.group(0), text)


def find_programmes(text: str, *, taken: set[int] | None = None) -> list[str]:
    """Canonical programme names named in ``text`` (by name or acronym).

    Args:
        text: A query.
        taken: Word positions already claimed by another look-up (updated).
    """
    found = _PROGRAMME_TABLE.find(plain_words(text), set() if taken is None else taken)
    return list(dict.fromkeys(found))


def find_sectors(text: str, *, taken: set[int] | None = None) -> list[str]:
    """Sector labels named in ``text`` via :data:`corpus.sectors.SECTOR_SYNONYMS` ("EV batteries" → battery).

    Args:
        text: A query.
        taken: Word positions already claimed (e.g. "Digital" of "Digital Europe"), skipped here.
    """
    found = _SECTOR_TABLE.find(plain_words(text), set() if taken is None else taken)
    return list(dict.fromkeys(found))


def find_status_intent(text: str) -> StatusIntent | None:
    """The call status a query asks for: "closing soon", "upcoming", "closed" or "open" calls."""
    folded = " ".join(words(_NAMED_OPEN.sub("named", text)))
    for intent, pattern in _STATUS_PATTERNS:
        if pattern.search(folded):
            return intent
    return None


@recent_per_thread
def understand_query(text: str) -> QueryUnderstanding:
    """Read everything :class:`QueryUnderstanding` holds from a raw query.

    Args:
        text: The user's query, as typed.

    Returns:
        The cleaned text and what it names. Identifiers are removed from the text before the
        place/programme/sector look-ups so that ``LIFE-2027-...`` does not count as the word "LIFE".
        The last few are remembered per thread (:mod:`retrieval.memo`; the result is frozen): the
        planner and the search read the same question, so a request parses it once.
    """
    cleaned, truncated = clean_query(text)
    identifiers = find_identifiers(cleaned)
    rest = split_compounds(_IDENTIFIER.sub(" ", cleaned))  # "Wasserstoffprojekte": hydrogen
    taken: set[int] = set()
    programmes = find_programmes(rest, taken=taken)
    countries, regions = find_places(rest, taken=taken)
    for identifier in identifiers:
        programmes.extend(
            name
            for name, (prefixes, _) in PROGRAMMES.items()
            if any(identifier.startswith(prefix) for prefix in prefixes)
        )
    return QueryUnderstanding(
        text=cleaned,
        truncated=truncated,
        countries=tuple(countries),
        regions=tuple(regions),
        identifiers=tuple(identifiers),
        programmes=tuple(dict.fromkeys(programmes)),
        sectors=tuple(find_sectors(rest, taken=taken)),
        status=find_status_intent(rest),
    )
