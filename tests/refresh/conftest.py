"""Fixtures for refresh tests: a small ingested corpus of real bundled calls, and its replay server."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from corpus.bundle import load_bundled_records
from corpus.ingest import BUNDLE_ORIGIN, IngestSource, ingest_sources
from corpus.models import DocType, FundingCall
from corpus.refresh.log import RefreshLog, call_changes, call_refreshes, call_sightings
from corpus.settings import Settings
from corpus.store import RecordStore, chunks, documents
from retrieval.embeddings import OnnxMiniLMEmbedder
from retrieval.index import SearchIndex
from tests.fakes.ft_search import FtSearchReplay, replay_for

DAY_1 = dt.date(2026, 12, 1)
DAY_2 = dt.date(2026, 12, 3)


class CountingEmbedder:
    """The real ONNX model, cached per session, counting every text it is asked to embed."""

    def __init__(self, inner: OnnxMiniLMEmbedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimension = inner.dimension
        self.embedded = 0
        self._cache: dict[str, list[float]] = {}

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        self.embedded += len(texts)
        missing = [text for text in dict.fromkeys(texts) if text not in self._cache]
        self._cache.update(zip(missing, self.inner.embed_documents(missing), strict=True))
        return [self._cache[text] for text in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


@pytest.fixture(scope="session")
def counting_embedder() -> CountingEmbedder:
    return CountingEmbedder(OnnxMiniLMEmbedder())


@pytest.fixture(scope="session")
def sample_calls() -> list[FundingCall]:
    """30 real bundled calls: Euroclusters cascade calls, merged topics, calls for proposals."""
    calls = [c for c in load_bundled_records(doc_types=[DocType.CALL]) if isinstance(c, FundingCall)]
    cascade = [c for c in calls if c.topic_identifier == "SMP-COSME-2024-CLUSTER-01"][:8]
    merged = [c for c in calls if c.call_kind == "topic" and len(c.provenance) == 2][:16]
    proposals = [c for c in calls if c.call_kind == "call_for_proposals"][:6]
    return sorted(cascade + merged + proposals, key=lambda c: c.doc_id)


@dataclass
class World:
    """An ingested data dir, its stores, and the replay server listing its calls."""

    settings: Settings
    store: RecordStore
    index: SearchIndex
    log: RefreshLog
    server: FtSearchReplay
    embedder: CountingEmbedder
    calls: list[FundingCall]

    def with_today(self, day: dt.date, **overrides: Any) -> Settings:
        return self.settings.model_copy(update={"today_override": day, **overrides})


@pytest.fixture
def world(
    tmp_path: Path, counting_embedder: CountingEmbedder, sample_calls: list[FundingCall]
) -> Iterator[World]:
    with replay_for(sample_calls) as server:
        settings = Settings(
            _env_file=None,
            data_dir=tmp_path / "data",
            today_override=DAY_1,
            ft_search_api_url=server.base_url,
        )
        store = RecordStore.open(settings.records_db_url)
        index = SearchIndex.open(settings=settings, embedder=counting_embedder)
        ingest_sources(
            store=store, index=index, sources=[IngestSource(origin=BUNDLE_ORIGIN, records=list(sample_calls))]
        )
        index.flush()
        log = RefreshLog.open(settings.records_db_url)
        counting_embedder.embedded = 0
        yield World(settings, store, index, log, server, counting_embedder, list(sample_calls))
        log.close()
        index.close()
        store.close()


def store_snapshot(world: World, *, vectors: bool = True) -> tuple[object, ...]:
    """Everything a refresh could write: documents, chunks, refresh tables, vectors."""
    with world.store.engine.connect() as conn:
        docs = [tuple(row) for row in conn.execute(select(documents).order_by(documents.c.doc_id))]
        chunk_count = conn.execute(select(func.count()).select_from(chunks)).scalar()
        log_rows = tuple(
            conn.execute(select(func.count()).select_from(table)).scalar()
            for table in (call_refreshes, call_changes, call_sightings)
        )
    return (docs, chunk_count, log_rows, world.index.vectors.count() if vectors else None)
