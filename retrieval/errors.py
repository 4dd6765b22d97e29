"""Errors of the retrieval layer.

User-facing input errors reuse :class:`corpus.errors.InvalidInput`; the index problems below are
upstream failures that the caller fixes by rebuilding the indexes from the record store.
"""

from __future__ import annotations

from corpus.errors import AdvisorError


class IndexUnavailable(AdvisorError):
    """The search indexes cannot be opened, read or written."""


class IndexModelMismatch(IndexUnavailable):
    """The vector index was built with another embedding model than the one configured."""

    def __init__(self, *, index_model: str, configured_model: str) -> None:
        self.index_model = index_model
        self.configured_model = configured_model
        super().__init__(
            f"The search index was built with the embedding model {index_model!r}, but "
            f"{configured_model!r} is configured. Run `cluster-advisor reindex` to rebuild it "
            "with the configured model (or configure the original model again)."
        )


class EmbeddingUnavailable(AdvisorError):
    """The embedding model cannot be loaded or the embedding service cannot be reached."""
