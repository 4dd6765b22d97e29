"""Ingest into PostgreSQL + a ``chroma run`` server, search through the same HybridRetriever:
the same hits as the default SQLite + embedded Chroma."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.ingest import IngestSource, ingest_sources
from corpus.settings import Settings
from corpus.store import RecordStore
from retrieval.embeddings import OnnxMiniLMEmbedder
from retrieval.filters import SearchFilters
from retrieval.search import HybridRetriever
from retrieval.startup import open_checked_index
from tests.assistant.factories import TODAY, corpus_records
from tests.retrieval.conftest import CachedEmbedder

pytestmark = pytest.mark.integration

QUERIES: list[tuple[str, SearchFilters | None]] = [
    ("Which open calls fund cluster internationalisation?", None),
    ("battery clusters in Central Europe", SearchFilters(doc_type="cluster")),
    ("SMP-COSME-2026-CLUSTER-02", None),
    ("hydrogen valleys electrolysers", SearchFilters(doc_type="call", status="open")),
    ("Spanish energy storage", SearchFilters(country="ES")),
]


def _ingest_and_search(settings: Settings, embedder: CachedEmbedder) -> list[list[tuple[str, str, float]]]:
    """Ingest the test corpus, reopen as a server would (checked index), and run every query."""
    store = RecordStore.open(settings.records_db_url)
    index = open_checked_index(settings=settings, embedder=embedder, store=store)
    try:
        report = ingest_sources(
            store=store, index=index, sources=[IngestSource(origin="tests", records=corpus_records())]
        )
        assert sum(report.added.values()) == len(corpus_records())
        index.close()
        index = open_checked_index(settings=settings, embedder=embedder, store=store)
        assert index.health().ok
        retriever = HybridRetriever(index)
        return [
            [
                (hit.doc_id, hit.chunk_id, round(hit.score, 4))
                for hit in retriever.search(query=query, k=8, filters=filters, today=TODAY).hits
            ]
            for query, filters in QUERIES
        ]
    finally:
        index.close()
        store.close()


def test_postgres_and_chroma_server_give_the_embedded_results(
    tmp_path: Path, postgres_url: str, chroma_server: tuple[str, int]
) -> None:
    embedder = CachedEmbedder(OnnxMiniLMEmbedder())
    embedded = Settings(_env_file=None, data_dir=tmp_path / "embedded")
    host, port = chroma_server
    scaled = Settings(
        _env_file=None,
        data_dir=tmp_path / "scaled",
        CLUSTER_ADVISOR_DATABASE_URL=postgres_url,
        CHROMA_HOST=host,
        CHROMA_PORT=port,
    )

    expected = _ingest_and_search(embedded, embedder)
    found = _ingest_and_search(scaled, embedder)

    assert all(expected), "every query finds something"
    assert found == expected
    assert not (tmp_path / "scaled" / "corpus.sqlite3").exists()  # the records live in PostgreSQL
    assert not (tmp_path / "scaled" / "chroma").exists()  # the vectors live on the Chroma server
    store = RecordStore.open(postgres_url)
    try:
        assert sum(store.counts()["documents"].values()) == len(corpus_records())
    finally:
        store.close()
