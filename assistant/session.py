"""One command's session: its settings, and the application opened on first use.

The command-line entry point makes one :class:`Session` per invocation; product commands and the
development commands attached from ``evals`` read what they need from it (the record store, the
checked index, or the whole :class:`~assistant.app.Advisor`), and it closes what it opened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from corpus.settings import Settings
from corpus.store import RecordStore

if TYPE_CHECKING:
    from assistant.app import Advisor
    from retrieval.index import SearchIndex

ApiAppFactory = Callable[[Settings, "Advisor"], Any]
"""Builds the HTTP API (an ASGI app) serving an advisor under the given settings."""


@dataclass
class Session:
    """The settings of one command, and what it needs opened on first use (closed by :meth:`close`)."""

    settings: Settings
    json_logs: bool = False
    api_app: ApiAppFactory | None = None
    """How the entry point builds its HTTP app over an advisor (for dev commands that probe it)."""
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


class CommandContext(Protocol):
    """What :func:`session_of` needs of a Click/Typer context."""

    def find_root(self) -> Any: ...


def session_of(ctx: CommandContext) -> Session:
    """The :class:`Session` the entry point's root callback put on a command's context."""
    obj = ctx.find_root().obj
    if not isinstance(obj, Session):  # pragma: no cover - the root callback always sets it
        raise RuntimeError("command session missing: run the command through the cluster-advisor CLI")
    return obj
