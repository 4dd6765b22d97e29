"""What every CLI command shares: the settings, and the stores opened on first use."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import typer

from corpus.settings import Settings
from corpus.store import RecordStore

if TYPE_CHECKING:
    from assistant.app import Advisor
    from retrieval.index import SearchIndex


@dataclass
class CliContext:
    settings: Settings
    json_logs: bool = False
    _store: RecordStore | None = field(default=None, repr=False)
    _index: SearchIndex | None = field(default=None, repr=False)
    _advisor: Advisor | None = field(default=None, repr=False)

    def store(self) -> RecordStore:
        if self._store is None:
            self._store = RecordStore.open(self.settings.records_db_url)
        return self._store

    def index(self, *, for_rebuild: bool = False) -> SearchIndex:
        """The search index (vector + BM25), opened with the configured embedder.

        Normally checked at start-up (a damaged index is rebuilt from the record store);
        ``for_rebuild`` opens it unchecked, even when built with another model, to rebuild it.
        """
        if self._index is None:
            from retrieval.embeddings import embedder_from_settings
            from retrieval.index import SearchIndex
            from retrieval.startup import open_checked_index

            embedder = embedder_from_settings(self.settings)
            if for_rebuild:
                self._index = SearchIndex.open(settings=self.settings, embedder=embedder, strict=False)
            else:
                self._index = open_checked_index(
                    settings=self.settings, embedder=embedder, store=self.store()
                )
        return self._index

    def advisor(self) -> Advisor:
        """The application (:func:`assistant.app.open_advisor`) over this context's store and index."""
        if self._advisor is None:
            from assistant.app import open_advisor

            self._advisor = open_advisor(self.settings, records=self.store(), index=self.index())
        return self._advisor

    def close(self) -> None:
        if self._advisor is not None:
            self._advisor.close()
            self._advisor = None
        if self._index is not None:
            self._index.close()
            self._index = None
        if self._store is not None:
            self._store.close()
            self._store = None


def cli_context(ctx: typer.Context) -> CliContext:
    """The :class:`CliContext` the global callback put on the Typer context."""
    obj = ctx.find_root().obj
    if not isinstance(obj, CliContext):  # pragma: no cover - the root callback always sets it
        raise RuntimeError("CLI context missing")
    return obj
