"""Open the search index and make sure it can serve: the start-up check.

The record store is the source of truth. An index whose last write was interrupted (crash, kill:
the ``index.writing`` marker is still there and its writer is gone) is *repaired* from the stored
chunks — vectors that the records do not have are deleted, chunks without a vector are embedded,
BM25 is rebuilt — and rebuilt whole when the repair fails or does not leave a healthy index
(Chroma can leave a damaged segment after a kill, chroma #7238). A missing or unreadable index is
rebuilt. After a switch of embedding model (each model has its own vector collection) the
configured model's vectors are embedded or brought up to date the same way; the bundle's chunks
take its shipped vectors when it ships them for that model.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from chromadb.api.shared_system_client import SharedSystemClient
from pydantic import BaseModel

from corpus.settings import Settings
from corpus.store import RecordStore
from retrieval.embeddings import Embedder
from retrieval.errors import IndexModelMismatch, IndexUnavailable
from retrieval.index import MARKER, IndexHealth, RepairReport, SearchIndex
from retrieval.shipped_vectors import bundle_vector_lookup

logger = logging.getLogger(__name__)

RecoveryAction = Literal["none", "repaired", "rebuilt"]


class Recovery(BaseModel):
    """What the start-up check found and did."""

    state: str
    """The index health found at start-up (``ok``, ``incomplete``, ``missing``, ...)."""
    detail: str = ""
    action: RecoveryAction = "none"
    seconds: float = 0.0
    repair: RepairReport | None = None


def open_checked_index(
    *,
    settings: Settings,
    embedder: Embedder,
    store: RecordStore,
    progress: Callable[[int], None] | None = None,
) -> SearchIndex:
    """Open the index of ``settings.data_dir``, repairing or rebuilding it from ``store`` when damaged.

    A data dir written before the dense matrix existed (:mod:`retrieval.dense`) gets it now, once.

    Raises:
        IndexModelMismatch: The index was built with another embedding model.
        IndexUnavailable: Chroma cannot be opened or reached.
    """
    index, _ = open_recovered_index(settings=settings, embedder=embedder, store=store, progress=progress)
    try:
        index.ensure_dense()
    except IndexUnavailable as exc:  # searches ask Chroma instead; the next start repairs the index
        logger.warning("could not write the dense matrix: %s", exc)
    return index


def open_recovered_index(
    *,
    settings: Settings,
    embedder: Embedder,
    store: RecordStore,
    progress: Callable[[int], None] | None = None,
) -> tuple[SearchIndex, Recovery]:
    """:func:`open_checked_index`, also saying what was found and done (for benchmarks and logs).

    Raises:
        IndexModelMismatch: The index was built with another embedding model.
        IndexUnavailable: Chroma cannot be opened or reached.
    """
    index = _open_or_set_aside(settings=settings, embedder=embedder)
    health = index.health()
    if health.state == "model_mismatch":
        index.close()
        raise IndexModelMismatch(index_model=health.index_model or "unknown", configured_model=embedder.name)
    recovery = Recovery(state=health.state, detail=health.detail)
    _drop_deleted(index, store)
    stored_chunks = sum(store.counts()["chunks"].values())
    if not health.needs_rebuild or (health.state == "missing" and not stored_chunks):
        return index, recovery
    started = time.perf_counter()
    # Re-embedding (a model switch, a lost vector index): the bundle's chunks take its shipped vectors.
    index.vectors.known_vectors = bundle_vector_lookup(embedder)
    try:
        _recover(index, health, recovery, store=store, stored_chunks=stored_chunks, progress=progress)
    finally:
        index.vectors.known_vectors = None
    recovery.seconds = time.perf_counter() - started
    return index, recovery


def _recover(
    index: SearchIndex,
    health: IndexHealth,
    recovery: Recovery,
    *,
    store: RecordStore,
    stored_chunks: int,
    progress: Callable[[int], None] | None,
) -> None:
    """Repair ``index`` from ``store`` when it can be repaired, else rebuild it; record what was done."""
    if health.state == "incomplete" and _repairable(health):
        logger.warning(
            "search index incomplete (%s): repairing it from the record store "
            "(rebuilding BM25, re-embedding only the chunks that differ)",
            health.detail,
        )
        try:
            recovery.repair = index.repair(store.iter_chunks(), progress=progress)
            recovery.action = "repaired"
        except Exception as exc:  # any Chroma failure: fall back to a full rebuild below
            logger.warning("index repair failed (%s): rebuilding", exc)
        if recovery.action == "repaired" and not (after := index.health()).ok:
            logger.warning("index still %s after the repair (%s): rebuilding", after.state, after.detail)
            recovery.action = "none"
    if recovery.action == "none":
        logger.warning(
            "search index %s (%s): rebuilding %d chunks from the record store",
            health.state,
            health.detail,
            stored_chunks,
        )
        index.rebuild(store.iter_chunks(), progress=progress)
        recovery.action = "rebuilt"


def _drop_deleted(index: SearchIndex, store: RecordStore) -> None:
    """Documents with a tombstone leave the index (a restored older index may still hold them)."""
    deleted = store.tombstoned_ids()
    if deleted and (indexed := deleted & index.indexed_doc_ids()):
        logger.warning("dropping %d deleted documents from the search index", len(indexed))
        index.delete_documents(sorted(indexed))
        index.flush()


def _open_or_set_aside(*, settings: Settings, embedder: Embedder) -> SearchIndex:
    """Open the index; an embedded Chroma dir that no longer opens after an interrupted write is
    moved aside (``chroma.broken-<time>``), so that the caller rebuilds it from the records."""
    try:
        return SearchIndex.open(settings=settings, embedder=embedder, strict=False)
    except IndexUnavailable:
        chroma_dir = settings.data_dir / "chroma"
        if settings.chroma_host or not (settings.data_dir / MARKER).exists() or not chroma_dir.exists():
            raise
    aside = chroma_dir.with_name(f"chroma.broken-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}")
    logger.error("the Chroma dir does not open after an interrupted write: moved to %s, rebuilding", aside)
    os.replace(chroma_dir, aside)
    # chromadb caches a client's system before starting it: drop the one that failed to start.
    for key in [key for key in SharedSystemClient._identifier_to_system if Path(key) == chroma_dir]:
        SharedSystemClient._identifier_to_system.pop(key, None)
        SharedSystemClient._identifier_to_refcount.pop(key, None)
    return SearchIndex.open(settings=settings, embedder=embedder, strict=False)


def _repairable(health: IndexHealth) -> bool:
    """A repair keeps the vectors, so it needs a readable vector index built with our model."""
    return health.index_model is not None
