"""Hybrid search: BM25 + dense, fused, boosted, diversified — the shape of ``search --json``.

Query understanding feeds *soft* preferences, never hard filters: a query that says "Finnish" or
"in Central Europe" adds a retrieval restricted to those countries (so matching clusters are among
the candidates even when the text alone would not rank them) and multiplies their scores; documents
elsewhere still follow. Only explicit :class:`SearchFilters` exclude anything. Exact identifiers and
titles named in the query are tiers: those documents come first.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Sequence
from typing import Literal

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field

from corpus.errors import InvalidInput
from corpus.models import Chunk, DocType, MetadataValue
from retrieval.boosts import (
    BoostWeights,
    boost_multipliers,
    boost_tiers,
    call_status_on,
    organisation_factor,
)
from retrieval.crosslingual import topic_text
from retrieval.dense import DenseMatrix
from retrieval.filters import SearchFilters, chroma_where, filter_mask
from retrieval.fusion import (
    Fused,
    FusionMethod,
    apply_boosts,
    convex_fusion,
    diversify,
    reciprocal_rank_fusion,
    reorder_within,
)
from retrieval.index import SearchIndex
from retrieval.query import QueryUnderstanding, understand_query

logger = logging.getLogger(__name__)

SearchMode = Literal["hybrid", "bm25", "dense"]
MAX_K = 100
GEO_WEIGHT = 0.5
"""Weight of the country-restricted retrieval when it adds organisations to the candidates."""
IDS_PREFILTER_MAX = 50_000
"""Up to this many allowed chunks, dense search pre-filters with ``ids=`` (measured ~5 ms on 10k
chunks); beyond, with a Chroma ``where`` clause (20-40 ms on 10k chunks, but no id list to send)."""


class Hit(BaseModel):
    """One result, exactly as ``search --json`` prints it (``ranks`` is kept out of the JSON)."""

    rank: int
    doc_id: str
    chunk_id: str
    doc_type: DocType
    title: str
    identifier: str | None
    url: str | None
    score: float
    text: str
    metadata: dict[str, MetadataValue]
    """The chunk's metadata; calls also get ``status`` (open/forthcoming/closed on the day asked)."""
    ranks: dict[str, int] = Field(default_factory=dict, exclude=True)
    """Rank of this chunk in each retriever's list (debugging; not part of the JSON contract)."""

    @classmethod
    def of(
        cls,
        chunk: Chunk,
        *,
        rank: int,
        score: float,
        metadata: dict[str, MetadataValue] | None = None,
        ranks: dict[str, int] | None = None,
    ) -> Hit:
        """The hit of ``chunk`` at ``rank`` (``metadata``: the chunk's own by default)."""
        return cls(
            rank=rank,
            doc_id=chunk.doc_id,
            chunk_id=chunk.chunk_id,
            doc_type=chunk.doc_type,
            title=chunk.title,
            identifier=chunk.identifier,
            url=chunk.url,
            score=score,
            text=chunk.text,
            metadata=dict(chunk.metadata) if metadata is None else metadata,
            ranks=ranks or {},
        )


class SearchResult(BaseModel):
    """``{"query", "hits", "timings_ms"}``; the query understanding rides along outside the JSON."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    query: str
    hits: list[Hit]
    timings_ms: dict[str, float]
    understanding: QueryUnderstanding | None = Field(default=None, exclude=True)


class HybridRetriever:
    """Searches one :class:`SearchIndex`."""

    def __init__(
        self,
        index: SearchIndex,
        *,
        fusion: FusionMethod = "rrf",
        candidates: int = 50,
        max_per_doc: int = 2,
        weights: BoostWeights | None = None,
        lexical_weight: float = 1.0,
        crosslingual_lexical_weight: float = 0.5,
    ) -> None:
        """Configure the retriever.

        Args:
            index: The indexes to search.
            fusion: ``rrf`` (reciprocal rank fusion, the default) or ``convex`` (normalised score
                sum). On the bundled eval convex scores a little higher (nDCG@10 0.969 vs 0.957), but
                its wider score spread makes the fixed soft-boost factors (country, status) too weak
                to express the preferences the query states, so RRF stays the default.
            candidates: How many chunks each retriever contributes before fusion.
            max_per_doc: Chunks of one document allowed in the top before the rest are demoted.
            weights: Soft-boost factors (country, sector, programme, status).
            lexical_weight: Weight of BM25 relative to dense (1.0) in either fusion. Equal weights
                measured best (weighting BM25 1.5-3x lowered nDCG@10 in both fusions).
            crosslingual_lexical_weight: BM25's weight for a question searched cross-lingually,
                whose words mostly are not in the English passages: its few English words
                ("cluster", "call") give many passages a BM25 rank that would outvote the
                multilingual one. On the translated retrieval dev set (35 queries in each of five
                languages) hybrid recall@5 / MRR averaged 0.731 / 0.543 at 1.0, 0.777 / 0.673 at 0.5
                and 0.788 / 0.698 at 0.25; 0.5 keeps more weight for names and identifiers, which
                that set leaves out.
        """
        self.index = index
        self.fusion = fusion
        self.candidates = candidates
        self.max_per_doc = max_per_doc
        self.weights = weights or BoostWeights()
        self.lexical_weight = lexical_weight
        self.crosslingual_lexical_weight = crosslingual_lexical_weight

    def search(
        self,
        *,
        query: str,
        k: int = 10,
        filters: SearchFilters | None = None,
        today: dt.date,
        mode: SearchMode = "hybrid",
    ) -> SearchResult:
        """Find the ``k`` best chunks for ``query``.

        Args:
            query: What the user typed (long queries are cut to 2,000 characters).
            k: Number of hits, 1-100.
            filters: Hard filters; default: public documents of any type.
            today: The day call status is judged on.
            mode: ``hybrid`` (fusion + boosts + diversity), or one retriever alone (``bm25``, ``dense``).

        Raises:
            InvalidInput: Empty query or ``k`` out of range.
            IndexModelMismatch: The index was built with another embedding model.
        """
        timings: dict[str, float] = {}
        started = time.perf_counter()
        understanding = understand_query(query)
        if not any(char.isalnum() for char in understanding.text):
            raise InvalidInput("the search query is empty: type a few words, an identifier or a name")
        if not 1 <= k <= MAX_K:
            raise InvalidInput(f"k must be between 1 and {MAX_K}, got {k}")
        filters = filters or SearchFilters()
        self.index.refresh()
        self.index.check_model()
        catalog = self.index.catalog
        timings["understand"] = _ms(started)

        mask = filter_mask(filters, catalog.columns, today=today)
        lists: dict[str, list[tuple[str, float]]] = {}
        n = min(self.candidates, int(mask.sum()))
        # A question not in English is searched in the multilingual space (retrieval/crosslingual.py),
        # and BM25 reads its words without the English cue words the planner's reading put in.
        crosslingual = self.index.crosslingual_search(understanding.text) if mode != "bm25" else None
        lexical_weight = self.lexical_weight if crosslingual is None else self.crosslingual_lexical_weight
        lexical_text = topic_text(understanding.text) if crosslingual is not None else understanding.text
        # a question not in English: BM25 also reads the English words its words mean ("Drohnen" → drones)
        lexical_text = " ".join([lexical_text, *self.index.english_words(understanding.text)])
        masks = {"": mask}
        if mode == "hybrid" and understanding.countries and not filters.countries:
            geo = (
                mask
                & np.isin(catalog.columns.country, list(understanding.countries))
                & (catalog.columns.doc_type == DocType.CLUSTER.value)
            )
            if geo.any():
                masks["_geo"] = geo
        if n and mode in ("hybrid", "bm25"):
            clock = time.perf_counter()
            for suffix, allowed in masks.items():
                rows = self.index.lexical.search(lexical_text, n=n, mask=allowed)
                lists["bm25" + suffix] = [(catalog.chunks[row].chunk_id, score) for row, score in rows]
            timings["bm25"] = _ms(clock)
        if n and mode in ("hybrid", "dense"):
            clock = time.perf_counter()
            matrix, vector = crosslingual or (None, self.index.query_vector(understanding.text))
            timings["embed"] = _ms(clock)
            clock = time.perf_counter()
            for suffix, allowed in masks.items():
                lists["dense" + suffix] = self._dense(
                    vector, allowed, n, filters=filters, today=today, matrix=matrix
                )
            timings["dense"] = _ms(clock)

        clock = time.perf_counter()
        fused = self._fuse(
            {name: pairs for name, pairs in lists.items() if not name.endswith("_geo")}, lexical_weight
        )
        chunk_of: Callable[[str], Chunk] = lambda chunk_id: catalog.chunks[catalog.row_of[chunk_id]]  # noqa: E731
        if mode == "hybrid":
            tiers = boost_tiers(understanding, catalog=catalog, mask=mask, ranked=[f.chunk_id for f in fused])
            multipliers = {
                f.chunk_id: boost_multipliers(
                    understanding, chunk_of(f.chunk_id), today=today, weights=self.weights
                )
                for f in fused
            }
            fused = apply_boosts(fused, tiers=tiers, multipliers=multipliers)
            if understanding.countries or understanding.sectors:
                geo_lists = {name: pairs for name, pairs in lists.items() if name.endswith("_geo")}
                fused = self._order_organisations(fused, geo_lists, understanding, chunk_of)
            fused = diversify(
                fused,
                doc_of={f.chunk_id: chunk_of(f.chunk_id).doc_id for f in fused},
                max_per_doc=self.max_per_doc,
            )
        hits = [_hit(rank, chunk_of(item.chunk_id), item, today) for rank, item in enumerate(fused[:k], 1)]
        timings["fuse"] = _ms(clock)
        timings["total"] = _ms(started)
        return SearchResult(
            query=understanding.text, hits=hits, timings_ms=timings, understanding=understanding
        )

    def _dense(
        self,
        vector: Sequence[float],
        mask: npt.NDArray[np.bool_],
        n: int,
        *,
        filters: SearchFilters,
        today: dt.date,
        matrix: DenseMatrix | None = None,
    ) -> list[tuple[str, float]]:
        """The ``n`` chunks nearest ``vector`` among those ``mask`` allows: in ``matrix`` when given
        (the multilingual one), else in the index's dense matrix, else asking Chroma."""
        catalog = self.index.catalog
        allowed = int(mask.sum())
        if allowed == 0:
            return []
        n = min(n, allowed)
        dense = matrix or self.index.current_dense()
        if dense is not None:  # exact, in this process, no Chroma (retrieval/dense.py)
            rows = dense.search(vector, n=n, mask=None if allowed == len(catalog) else mask)
            return [(catalog.chunks[row].chunk_id, similarity) for row, similarity in rows]
        if allowed == len(catalog):
            found = self.index.vectors.query(vector, n=n)
        elif allowed <= IDS_PREFILTER_MAX:
            ids = [catalog.chunks[row].chunk_id for row in np.flatnonzero(mask)]
            found = self.index.vectors.query(vector, n=n, ids=ids)
        else:
            where = chroma_where(filters, today=today, programme_values=catalog.programmes)
            found = self.index.vectors.query(vector, n=n, where=where)
        # Ids unknown to the catalog or outside the mask can only come from an inconsistent index.
        return [
            (chunk_id, 1.0 - distance)
            for chunk_id, distance in found
            if chunk_id in catalog.row_of and mask[catalog.row_of[chunk_id]]
        ]

    def _order_organisations(
        self,
        ranked: list[Fused],
        geo_lists: dict[str, list[tuple[str, float]]],
        understanding: QueryUnderstanding,
        chunk_of: Callable[[str], Chunk],
    ) -> list[Fused]:
        """Re-order organisations among themselves: the named countries and sectors first, others unmoved.

        Organisations found only by the country-restricted retrieval join the organisations with
        half their fused score; :func:`organisation_factor` multiplies the score. Tiered (named) documents
        and every document of another type keep their places (see :func:`reorder_within`).
        """
        members = {
            item.chunk_id: item.copy_of()
            for item in ranked
            if item.tier == 0 and chunk_of(item.chunk_id).doc_type == DocType.CLUSTER
        }
        named = {item.chunk_id for item in ranked if item.tier > 0}
        for extra in self._fuse(geo_lists, self.lexical_weight) if geo_lists else []:
            if extra.chunk_id in named:
                continue
            entry = members.setdefault(extra.chunk_id, Fused(chunk_id=extra.chunk_id, score=0.0))
            entry.score += GEO_WEIGHT * extra.score
            entry.ranks.update(extra.ranks)
        for item in members.values():
            item.score *= organisation_factor(understanding, chunk_of(item.chunk_id), weights=self.weights)
        order = sorted(members.values(), key=lambda item: -item.score)
        return reorder_within(ranked, members=order)

    def _fuse(self, lists: dict[str, list[tuple[str, float]]], lexical_weight: float) -> list[Fused]:
        weights = {name: (lexical_weight if name.startswith("bm25") else 1.0) for name in lists}
        if self.fusion == "convex":
            return convex_fusion(lists, weights=weights)
        return reciprocal_rank_fusion(
            {name: [cid for cid, _ in pairs] for name, pairs in lists.items()}, weights=weights
        )


def _hit(rank: int, chunk: Chunk, item: Fused, today: dt.date) -> Hit:
    metadata = dict(chunk.metadata)
    if (status := call_status_on(chunk, today)) is not None:
        metadata["status"] = status  # computed for the day asked, never stored
    return Hit.of(chunk, rank=rank, score=round(item.score, 6), metadata=metadata, ranks=item.ranks)


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)
