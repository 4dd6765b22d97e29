"""Open the search index and make sure it can serve: the start-up check.

The record store is the source of truth. A missing, half-written or interrupted index is rebuilt
from the stored chunks (Chroma can leave a damaged segment after a kill, chroma #7238); an index
built with another embedding model is an error the user resolves with ``cluster-advisor reindex``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from corpus.settings import Settings
from corpus.store import RecordStore
from retrieval.embeddings import Embedder
from retrieval.errors import IndexModelMismatch
from retrieval.index import SearchIndex

logger = logging.getLogger(__name__)


def open_checked_index(
    *,
    settings: Settings,
    embedder: Embedder,
    store: RecordStore,
    progress: Callable[[int], None] | None = None,
) -> SearchIndex:
    """Open the index of ``settings.data_dir``, rebuilding it from ``store`` when it is damaged.

    Raises:
        IndexModelMismatch: The index was built with another embedding model.
        IndexUnavailable: Chroma cannot be opened or reached.
    """
    index = SearchIndex.open(settings=settings, embedder=embedder, strict=False)
    health = index.health()
    if health.state == "model_mismatch":
        index.close()
        raise IndexModelMismatch(index_model=health.index_model or "unknown", configured_model=embedder.name)
    stored_chunks = sum(store.counts()["chunks"].values())
    if health.needs_rebuild and stored_chunks:
        logger.warning(
            "search index %s (%s): rebuilding %d chunks from the record store",
            health.state,
            health.detail,
            stored_chunks,
        )
        index.rebuild(store.iter_chunks(), progress=progress)
    return index
