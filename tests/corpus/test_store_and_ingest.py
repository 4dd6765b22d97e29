from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import pytest

from corpus.errors import StoreUnavailable
from corpus.ingest import IngestSource, ingest_sources, stored_hash
from corpus.models import Chunk
from corpus.store import RecordStore
from tests.factories import make_call, make_policy, make_profile


class InMemoryIndex:
    """A ChunkIndex that keeps chunks in a dict and counts what it was asked to embed."""

    def __init__(self) -> None:
        self.chunks: dict[str, list[Chunk]] = {}
        self.embedded = 0

    def upsert_documents(
        self, chunks_by_doc: Mapping[str, Sequence[Chunk]], *, progress: Callable[[int], None] | None = None
    ) -> None:
        for doc_id, chunks in chunks_by_doc.items():
            self.chunks[doc_id] = list(chunks)
            self.embedded += len(chunks)

    def delete_documents(self, doc_ids: Iterable[str]) -> None:
        for doc_id in doc_ids:
            self.chunks.pop(doc_id, None)

    def indexed_doc_ids(self) -> set[str]:
        return set(self.chunks)


@pytest.fixture
def store(tmp_path: Path) -> RecordStore:
    return RecordStore.open(f"sqlite:///{tmp_path / 'data' / 'corpus.sqlite3'}")


def _records() -> list:
    return [
        make_call(),
        make_call("HORIZON-CL4-2026-01-01", title="Batteries"),
        make_profile(),
        make_policy(),
    ]


def test_ingest_stores_records_and_chunks_and_counts_by_type(store: RecordStore) -> None:
    index = InMemoryIndex()
    report = ingest_sources(
        store=store, index=index, sources=[IngestSource(origin="bundle", records=_records())]
    )
    assert dict(report.added) == {"call": 2, "cluster": 1, "policy": 1}
    counts = store.counts()
    assert counts["documents"] == {"call": 2, "cluster": 1, "policy": 1}
    assert counts["chunks"]["cluster"] == 1
    assert counts["chunks"]["call"] == sum(report.chunks_written[t] for t in ["call"])
    assert index.indexed_doc_ids() == {r.doc_id for r in _records()}
    assert store.get_record("call:HORIZON-CL4-2026-01-01") == _records()[1]


def test_reingest_of_unchanged_corpus_embeds_nothing(store: RecordStore) -> None:
    index = InMemoryIndex()
    ingest_sources(store=store, index=index, sources=[IngestSource(origin="bundle", records=_records())])
    embedded = index.embedded
    report = ingest_sources(
        store=store, index=index, sources=[IngestSource(origin="bundle", records=_records())]
    )
    assert index.embedded == embedded
    assert sum(report.unchanged.values()) == 4
    assert not report.added and not report.updated


def test_changed_document_replaces_its_chunks_and_deleted_one_disappears(store: RecordStore) -> None:
    index = InMemoryIndex()
    ingest_sources(store=store, index=index, sources=[IngestSource(origin="bundle", records=_records())])
    changed = [make_call(title="Tandem PV, revised"), make_profile(), make_policy()]
    report = ingest_sources(
        store=store, index=index, sources=[IngestSource(origin="bundle", records=changed)]
    )
    assert dict(report.updated) == {"call": 1}
    assert dict(report.removed) == {"call": 1}
    assert "call:HORIZON-CL4-2026-01-01" not in index.indexed_doc_ids()
    assert store.get_record("call:HORIZON-CL4-2026-01-01") is None
    assert all(c.title == "Tandem PV, revised" for c in store.chunks_of("call:HORIZON-CL5-2027-07-D3-16"))
    assert store.counts()["documents"]["call"] == 1


def test_other_origins_are_left_alone(store: RecordStore) -> None:
    index = InMemoryIndex()
    ingest_sources(store=store, index=index, sources=[IngestSource(origin="bundle", records=_records())])
    user = make_policy("file:notes", title="Support notes")
    ingest_sources(store=store, index=index, sources=[IngestSource(origin="/tmp/notes.md", records=[user])])
    assert store.counts()["documents"]["policy"] == 2
    ingest_sources(store=store, index=index, sources=[IngestSource(origin="bundle", records=_records())])
    assert store.get_record("policy:file:notes") is not None


def test_document_missing_from_index_is_reindexed(store: RecordStore) -> None:
    index = InMemoryIndex()
    ingest_sources(store=store, index=index, sources=[IngestSource(origin="bundle", records=_records())])
    index.delete_documents(["policy:why-globalise"])
    report = ingest_sources(
        store=store, index=index, sources=[IngestSource(origin="bundle", records=_records())]
    )
    assert dict(report.updated) == {"policy": 1}
    assert "policy:why-globalise" in index.indexed_doc_ids()


def test_failed_source_is_reported_and_the_rest_loads(store: RecordStore) -> None:
    sources = [
        IngestSource(
            origin="/x/broken.pdf", records=[], problems=["/x/broken.pdf: corrupt PDF"], failed=True
        ),
        IngestSource(origin="/x/ok.md", records=[make_policy("file:ok")], problems=[]),
    ]
    report = ingest_sources(store=store, index=None, sources=sources)
    assert report.skipped == ["/x/broken.pdf: corrupt PDF"]
    assert report.sources_failed == 1 and report.sources_ok == 1
    assert not report.nothing_loaded
    assert store.counts()["documents"]["policy"] == 1


def test_nothing_loaded_when_every_source_failed(store: RecordStore) -> None:
    report = ingest_sources(
        store=store,
        index=None,
        sources=[IngestSource(origin="a", records=[], problems=["a: empty"], failed=True)],
    )
    assert report.nothing_loaded


def test_duplicate_ids_in_one_source_keep_the_first(store: RecordStore) -> None:
    records = [make_policy(), make_policy(title="Other")]
    report = ingest_sources(store=store, index=None, sources=[IngestSource(origin="o", records=records)])
    assert "duplicate document id 'policy:why-globalise'" in report.skipped[0]
    assert store.get_record("policy:why-globalise").title == "Why globalise?"  # type: ignore[union-attr]


def test_stored_hash_changes_with_content_only() -> None:
    assert stored_hash(make_policy()) == stored_hash(make_policy())
    assert stored_hash(make_policy()) != stored_hash(make_policy(title="Changed"))


def test_unopenable_store_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreUnavailable, match="cannot open the record store"):
        RecordStore.open(f"sqlite:///{blocker / 'sub' / 'db.sqlite3'}")
