"""The start-up check after an interrupted index write: repair from the records, or rebuild."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import psutil  # type: ignore[import-untyped,unused-ignore]
import pytest
from chromadb.api.shared_system_client import SharedSystemClient

from corpus.chunking import chunk_record
from corpus.ingest import IngestSource, ingest_sources
from corpus.settings import Settings
from corpus.store import RecordStore
from retrieval.embeddings import OnnxMiniLMEmbedder
from retrieval.filters import SearchFilters
from retrieval.index import SearchIndex
from retrieval.search import HybridRetriever
from retrieval.startup import open_recovered_index
from tests.assistant.factories import TODAY, corpus_records
from tests.factories import make_profile


@pytest.fixture(scope="module")
def embedder() -> OnnxMiniLMEmbedder:
    return OnnxMiniLMEmbedder()


@pytest.fixture
def ingested(tmp_path: Path, embedder: OnnxMiniLMEmbedder) -> Iterator[tuple[Settings, RecordStore]]:
    settings = Settings(_env_file=None, data_dir=tmp_path / "data")
    store = RecordStore.open(settings.records_db_url)
    with SearchIndex.open(settings=settings, embedder=embedder) as index:
        ingest_sources(
            store=store, index=index, sources=[IngestSource(origin="tests", records=corpus_records())]
        )
    yield settings, store
    store.close()
    SharedSystemClient.clear_system_cache()


def _store_chunk_ids(store: RecordStore) -> set[str]:
    return {chunk.chunk_id for chunk in store.iter_chunks()}


def test_a_batch_written_to_the_index_but_never_committed_is_repaired_away(
    ingested: tuple[Settings, RecordStore], embedder: OnnxMiniLMEmbedder
) -> None:
    settings, store = ingested
    records = corpus_records()
    changed = records[0].model_copy(update={"title": records[0].title + " (revised)"})
    uncommitted = make_profile("Kill Window Battery Cluster", country="DE")
    index = SearchIndex.open(settings=settings, embedder=embedder)
    # What ingest does before it commits a batch; the "kill" comes before store.save and flush.
    index.upsert_documents({doc.doc_id: chunk_record(doc) for doc in (changed, uncommitted)})
    assert index.marker.exists()

    reopened, recovery = open_recovered_index(settings=settings, embedder=embedder, store=store)
    try:
        assert (recovery.state, recovery.action) == ("incomplete", "repaired")
        assert recovery.repair is not None
        assert recovery.repair.deleted == len(chunk_record(changed)) + len(chunk_record(uncommitted))
        assert recovery.repair.embedded == len(chunk_record(records[0]))
        assert reopened.health().ok and not reopened.marker.exists()
        assert reopened.vectors.chunk_ids() == _store_chunk_ids(store) == set(reopened.catalog.row_of)
        hits = HybridRetriever(reopened).search(
            query="Kill Window Battery Cluster", k=10, filters=SearchFilters(), today=TODAY
        )
        assert uncommitted.doc_id not in {hit.doc_id for hit in hits.hits}
        assert all(hit.title != changed.title for hit in hits.hits)
    finally:
        reopened.close()


def test_orphan_vectors_over_an_empty_store_are_cleared(tmp_path: Path, embedder: OnnxMiniLMEmbedder) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path / "data")
    store = RecordStore.open(settings.records_db_url)
    index = SearchIndex.open(settings=settings, embedder=embedder)
    orphan = make_profile("Never Committed Cluster", country="FR")
    index.upsert_documents({orphan.doc_id: chunk_record(orphan)})  # killed before the first commit

    reopened, recovery = open_recovered_index(settings=settings, embedder=embedder, store=store)
    try:
        assert recovery.state == "incomplete" and recovery.action != "none"
        assert reopened.vectors.count() == 0 and reopened.count_chunks() == 0
        assert not reopened.marker.exists()
    finally:
        reopened.close()
        store.close()
        SharedSystemClient.clear_system_cache()


def _write_marker(marker: Path, pid: int, started: float | None) -> None:
    marker.write_text(json.dumps({"pid": pid, "process_started": started, "operation": "upsert"}), "utf-8")


def test_a_live_writer_is_told_from_a_dead_one_a_zombie_and_a_reused_pid(
    ingested: tuple[Settings, RecordStore], embedder: OnnxMiniLMEmbedder
) -> None:
    settings, _ = ingested
    index = SearchIndex.open(settings=settings, embedder=embedder)
    writer = subprocess.Popen(["sleep", "60"])
    try:
        _write_marker(index.marker, writer.pid, psutil.Process(writer.pid).create_time())
        assert index.health().state == "updating"
        _write_marker(index.marker, writer.pid, psutil.Process(writer.pid).create_time() - 3600)
        assert index.health().state == "incomplete", "same pid, another process: the writer is gone"
        _write_marker(index.marker, writer.pid, psutil.Process(writer.pid).create_time())
        writer.send_signal(signal.SIGKILL)
        while psutil.Process(writer.pid).status() != psutil.STATUS_ZOMBIE:  # not reaped: a zombie
            time.sleep(0.01)
        assert index.health().state == "incomplete", "a killed writer not yet reaped is not writing"
    finally:
        writer.kill()
        writer.wait()
        index.close()


def test_a_chroma_dir_that_no_longer_opens_after_a_kill_is_set_aside_and_rebuilt(
    ingested: tuple[Settings, RecordStore], embedder: OnnxMiniLMEmbedder
) -> None:
    settings, store = ingested
    SharedSystemClient.clear_system_cache()
    (settings.data_dir / "chroma" / "chroma.sqlite3").write_bytes(b"torn by a kill " * 500)
    _write_marker(settings.data_dir / "index.writing", 999_999_999, None)

    index, recovery = open_recovered_index(settings=settings, embedder=embedder, store=store)
    try:
        assert recovery.action == "rebuilt" and index.health().ok
        assert index.vectors.chunk_ids() == _store_chunk_ids(store)
        assert len(list(settings.data_dir.glob("chroma.broken-*"))) == 1
    finally:
        index.close()
