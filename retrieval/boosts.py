"""Which candidates the query itself points at: tiers (identifier, title) and soft multipliers.

Pure functions over the query understanding and chunk metadata; :mod:`retrieval.fusion` applies them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict

from corpus.models import Chunk, DocType
from corpus.sectors import SECTOR_SYNONYMS, any_sector_matches
from retrieval.analysis import STOPWORDS_EN, plain_words
from retrieval.catalog import ChunkCatalog
from retrieval.filters import effective_dates, ymd
from retrieval.query import QueryUnderstanding, programme_prefixes

TIER_IDENTIFIER = 3
TIER_TITLE = 2
TIER_IDENTIFIER_PREFIX = 1
CLOSING_SOON_DAYS = 30
GENERIC_NAME_WORDS = frozenset(
    (
        "cluster clusters association associations network networks organisation organization alliance "
        "platform hub centre center competence innovation industry industries technology technologies "
        "business national regional european international and of the for in"
    ).split()
)
"""With the sector synonyms' words: names made only of these do not name one organisation."""


class BoostWeights(BaseModel):
    """Score factors for soft preferences read from the query (1.0 = no effect)."""

    model_config = ConfigDict(frozen=True)

    country: float = 1.5
    """Organisations in a country the query names (applied among organisations only)."""
    sector: float = 1.2
    programme: float = 1.3
    status_match: float = 1.3
    status_mismatch: float = 0.6
    """A call not in the asked status (e.g. closed when the query says "open")."""


def boost_tiers(
    understanding: QueryUnderstanding,
    *,
    catalog: ChunkCatalog,
    mask: npt.NDArray[np.bool_],
    ranked: Sequence[str],
) -> dict[str, int]:
    """Chunk id → tier for documents the query names by identifier or title.

    Each named document gets one tiered chunk: its best-ranked candidate, else its first chunk
    (so it is found even when no retriever ranked it). Documents the filters exclude are skipped.

    Args:
        understanding: The query's identifiers and text.
        catalog: Where titles and identifiers are looked up.
        mask: Rows the filters allow.
        ranked: Candidate chunk ids, best first.
    """
    doc_tiers: dict[str, int] = {}
    for identifier in understanding.identifiers:
        for doc_id in catalog.docs_with_identifier_prefix(identifier):
            doc_tiers[doc_id] = max(doc_tiers.get(doc_id, 0), TIER_IDENTIFIER_PREFIX)
        for doc_id in catalog.docs_with_identifier(identifier):
            doc_tiers[doc_id] = TIER_IDENTIFIER
    for doc_id in catalog.docs_named_in(understanding.text):
        first = catalog.chunks[catalog.rows_of_doc[doc_id][0]]
        if _title_counts(understanding, first):
            doc_tiers[doc_id] = max(doc_tiers.get(doc_id, 0), TIER_TITLE)
    if not doc_tiers:
        return {}
    best: dict[str, str] = {}
    for chunk_id in ranked:
        doc_id = catalog.chunks[catalog.row_of[chunk_id]].doc_id
        if doc_id in doc_tiers:
            best.setdefault(doc_id, chunk_id)
    tiers: dict[str, int] = {}
    for doc_id, tier in doc_tiers.items():
        if doc_id not in best:
            allowed = [row for row in catalog.rows_of_doc[doc_id] if mask[row]]
            if not allowed:
                continue
            best[doc_id] = catalog.chunks[allowed[0]].chunk_id
        tiers[best[doc_id]] = tier
    return tiers


def _title_counts(understanding: QueryUnderstanding, first: Chunk) -> bool:
    """Whether a title found in the query really names that document.

    A name made only of generic words ("ICT Cluster", "Cybersecurity Cluster") counts only when the
    query is (nearly) the whole name, not when it describes a search ("ICT cluster in Estonia"). An
    organisation in a country other than the ones the query names is not the one meant.
    """
    country = first.metadata.get("country")
    if (
        first.doc_type == DocType.CLUSTER
        and understanding.countries
        and country not in understanding.countries
    ):
        return False
    title_words = {word.lower() for word in plain_words(first.title)}
    if not title_words <= _generic_name_words():
        return True
    asked = {word.lower() for word in plain_words(understanding.text)} - STOPWORDS_EN
    return asked <= title_words


@lru_cache(maxsize=1)
def _generic_name_words() -> frozenset[str]:
    sector_words = {
        word.lower() for forms in SECTOR_SYNONYMS.values() for form in forms for word in plain_words(form)
    }
    return frozenset(GENERIC_NAME_WORDS | sector_words)


def call_status_on(chunk: Chunk, today: dt.date) -> str | None:
    """``open``/``forthcoming``/``closed`` for a call chunk on ``today`` (None for other documents)."""
    dates = effective_dates(chunk.doc_type, chunk.metadata)
    if dates is None:
        return None
    opening, deadline = dates
    day = ymd(today)
    if day < opening:
        return "forthcoming"
    return "closed" if day > deadline else "open"


def boost_multipliers(
    understanding: QueryUnderstanding, chunk: Chunk, *, today: dt.date, weights: BoostWeights
) -> float:
    """The product of the soft-preference factors that apply to ``chunk``.

    Countries and sectors are not among them: see :func:`organisation_factor`, which only orders
    organisations.
    """
    factor = 1.0
    if understanding.programmes and _programme_matches(understanding.programmes, chunk):
        factor *= weights.programme
    if understanding.status and (status := call_status_on(chunk, today)) is not None:
        wanted = "open" if understanding.status == "closing_soon" else understanding.status
        if status == wanted:
            factor *= weights.status_match
            if understanding.status == "closing_soon" and _closes_within(chunk, today, CLOSING_SOON_DAYS):
                factor *= weights.status_match
        else:
            factor *= weights.status_mismatch
    return factor


def organisation_factor(understanding: QueryUnderstanding, chunk: Chunk, *, weights: BoostWeights) -> float:
    """``weights.country`` for an organisation in a country the query names, times ``weights.sector``
    for one tagged with a sector the query names (the labels of :mod:`corpus.sectors`); else 1.

    Only cluster profiles get it, and it only orders them among themselves: a country or a sector in
    a policy or call question ("the US Cluster Mapping Project", "Denmark's strategy", "battery
    recycling calls", "the US definition of Aerospace Vehicles and Defense") says what the text is
    about, not where or in what a partner should be.
    """
    if chunk.doc_type != DocType.CLUSTER:
        return 1.0
    factor = 1.0
    if understanding.countries and chunk.metadata.get("country") in understanding.countries:
        factor *= weights.country
    sectors = chunk.metadata.get("sectors")
    if understanding.sectors and isinstance(sectors, str) and _sectors_match(understanding.sectors, sectors):
        factor *= weights.sector
    return factor


@lru_cache(maxsize=8192)
def _sectors_match(wanted: tuple[str, ...], tags: str) -> bool:
    """:func:`any_sector_matches` of a profile's ``|``-joined tags, cached: a search scores ~50
    profiles, and folding their labels each time took ~2.5 ms per search."""
    return any_sector_matches(wanted, tags.split("|"))


def _programme_matches(programmes: Sequence[str], chunk: Chunk) -> bool:
    identifier = (chunk.identifier or "").upper()
    label = str(chunk.metadata.get("programme", "")).casefold()
    for name in programmes:
        if any(identifier.startswith(prefix) for prefix in programme_prefixes(name)):
            return True
        if label and name.casefold() in label:
            return True
    return False


def _closes_within(chunk: Chunk, today: dt.date, days: int) -> bool:
    dates = effective_dates(chunk.doc_type, chunk.metadata)
    return dates is not None and dates[1] <= ymd(today + dt.timedelta(days=days))
