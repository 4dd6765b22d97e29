from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from corpus.errors import InvalidInput
from retrieval.errors import IndexUnavailable
from retrieval.index import SearchIndex
from retrieval.search import HybridRetriever
from tests.retrieval.conftest import CachedEmbedder, make_settings
from tests.retrieval.factories import TODAY, cluster_chunk, policy_chunks, synthetic_corpus


def _counts(index: SearchIndex) -> tuple[int, int]:
    index.flush()
    return index.vectors.count(), len(index.lexical.catalog)


def test_upsert_replace_and_delete_keep_both_indexes_exact(fresh_index: SearchIndex) -> None:
    corpus = synthetic_corpus()
    total = sum(len(chunks) for chunks in corpus.values())
    done: list[int] = []
    fresh_index.upsert_documents(corpus, progress=done.append)
    assert done[-1] == total
    assert _counts(fresh_index) == (total, total)
    assert fresh_index.indexed_doc_ids() == set(corpus)
    assert fresh_index.health().ok

    # A changed document: its 4 old chunks are replaced by 1 new one, in both indexes.
    new = policy_chunks(
        "pol-norway", "Norway's cluster policy, revised", ["Norway now funds cluster exchanges."]
    )
    fresh_index.upsert_documents({"pol-norway": new})
    assert _counts(fresh_index) == (total - 3, total - 3)
    assert fresh_index.vectors.chunk_ids() >= {"pol-norway#0"}
    assert "pol-norway#3" not in fresh_index.vectors.chunk_ids()
    assert "pol-norway#3" not in fresh_index.catalog.row_of
    hits = HybridRetriever(fresh_index).search(query="Norway cluster exchanges", k=3, today=TODAY).hits
    assert hits[0].title == "Norway's cluster policy, revised"

    # A deleted document disappears from both; unknown ids are ignored.
    fresh_index.delete_documents(["cl-cz-battery", "no-such-doc"])
    assert _counts(fresh_index) == (total - 4, total - 4)
    assert "cl-cz-battery" not in fresh_index.indexed_doc_ids()
    hits = HybridRetriever(fresh_index).search(query="Czech Battery Cluster", k=40, today=TODAY).hits
    assert "cl-cz-battery" not in {hit.doc_id for hit in hits}
    assert fresh_index.health().ok


def test_writes_survive_reopening(tmp_path: Path, embedder: CachedEmbedder) -> None:
    settings = make_settings(tmp_path)
    with SearchIndex.open(settings=settings, embedder=embedder) as index:
        index.upsert_documents(
            {
                "cl-a": cluster_chunk(
                    "cl-a", "Alpha Cluster", country="DE", city="Bonn", sectors="Digital", about="Software."
                )
            }
        )
    with SearchIndex.open(settings=settings, embedder=embedder) as reopened:
        assert reopened.health().ok
        assert reopened.indexed_doc_ids() == {"cl-a"}
        assert reopened.count_chunks() == 1


def test_bm25_rebuild_is_deferred_to_one_flush(fresh_index: SearchIndex) -> None:
    corpus = synthetic_corpus()
    for doc_id, chunks in corpus.items():
        fresh_index.upsert_documents({doc_id: chunks})
        assert fresh_index.marker.exists()  # in between, a crash would leave the index "incomplete"
    assert fresh_index.count_chunks() == fresh_index.vectors.count()
    fresh_index.flush()
    assert not fresh_index.marker.exists()
    assert fresh_index.health().ok


def test_chunks_must_belong_to_their_document(fresh_index: SearchIndex) -> None:
    chunks = synthetic_corpus()["cl-es-aero"]
    with pytest.raises(InvalidInput, match="belongs to"):
        fresh_index.upsert_documents({"other-doc": chunks})
    with pytest.raises(InvalidInput, match="duplicate"):
        fresh_index.upsert_documents({"cl-es-aero": [*chunks, *chunks]})
    assert fresh_index.vectors.count() == 0


def test_missing_index_is_reported(fresh_index: SearchIndex) -> None:
    health = fresh_index.health()
    assert health.state == "missing" and health.needs_rebuild
    assert HybridRetriever(fresh_index).search(query="battery", today=TODAY).hits == []


@pytest.fixture
def built(tmp_path: Path, embedder: CachedEmbedder) -> Path:
    settings = make_settings(tmp_path)
    with SearchIndex.open(settings=settings, embedder=embedder) as index:
        index.upsert_documents(synthetic_corpus())
    return tmp_path


def _reopen(data_dir: Path, embedder: CachedEmbedder) -> SearchIndex:
    return SearchIndex.open(settings=make_settings(data_dir), embedder=embedder)


def test_interrupted_write_is_reported_incomplete(built: Path, embedder: CachedEmbedder) -> None:
    # What a crash between the Chroma write and the BM25 flush leaves behind.
    (built / "index.writing").write_text(json.dumps({"pid": 2**22 + 12345, "operation": "upsert"}))
    with _reopen(built, embedder) as index:
        health = index.health()
        assert health.state == "incomplete" and health.needs_rebuild
        index.rebuild(c for chunks in synthetic_corpus().values() for c in chunks)
        assert index.health().ok


def test_a_live_writer_is_reported_as_updating(built: Path, embedder: CachedEmbedder) -> None:
    (built / "index.writing").write_text(json.dumps({"pid": os.getppid(), "operation": "upsert"}))
    with _reopen(built, embedder) as index:
        assert index.health().state == "updating"


@pytest.mark.parametrize("damage", ["delete_bm25", "delete_manifest", "corrupt_chunks", "drop_vectors"])
def test_missing_or_half_written_parts_are_detected(
    built: Path, embedder: CachedEmbedder, damage: str
) -> None:
    bm25 = built / "bm25"
    if damage == "delete_bm25":
        for path in bm25.iterdir():
            path.unlink()
        bm25.rmdir()
    elif damage == "delete_manifest":
        (bm25 / "manifest.json").unlink()
    elif damage == "corrupt_chunks":
        lines = (bm25 / "chunks.jsonl").read_text().splitlines()
        (bm25 / "chunks.jsonl").write_text("\n".join(lines[:-5]) + "\n{broken")
    else:
        with _reopen(built, embedder) as index:
            index.vectors.drop()
    with _reopen(built, embedder) as index:
        health = index.health()
        assert health.state == "incomplete", health
        assert health.needs_rebuild
        hits = HybridRetriever(index).search(query="battery clusters", k=3, today=TODAY).hits
        assert all(hit.doc_id for hit in hits)  # degraded but no traceback


def test_an_interrupted_bm25_swap_is_recovered(built: Path, embedder: CachedEmbedder) -> None:
    (built / "bm25").rename(built / "bm25.tmp-99999")
    with _reopen(built, embedder) as index:
        assert index.health().ok
        assert (built / "bm25").is_dir()


class BrokenEmbedder(CachedEmbedder):
    """The real model, failing from its second batch on (a crash in the middle of a write)."""

    calls = 0

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        self.calls += 1
        if self.calls > 1:
            raise RuntimeError("embedding worker died")
        return super().embed_documents(texts)


def test_a_failed_write_leaves_the_index_marked(built: Path, embedder: CachedEmbedder) -> None:
    corpus = synthetic_corpus()
    with SearchIndex.open(settings=make_settings(built), embedder=BrokenEmbedder(embedder.inner)) as index:
        index.upsert_documents({"cl-es-aero": corpus["cl-es-aero"]})
        with pytest.raises(IndexUnavailable, match="needs a rebuild"):
            index.upsert_documents({"cl-fi-hydrogen": corpus["cl-fi-hydrogen"]})
        with pytest.raises(IndexUnavailable, match="earlier index write failed"):
            index.delete_documents(["cl-es-aero"])
    assert (built / "index.writing").exists()
    with _reopen(built, embedder) as reopened:
        assert reopened.health().state == "incomplete"


def test_readers_pick_up_a_new_bm25_index(built: Path, embedder: CachedEmbedder) -> None:
    with _reopen(built, embedder) as reader, _reopen(built, embedder) as writer:
        writer.delete_documents(["cl-fi-hydrogen"])
        writer.flush()
        assert "cl-fi-hydrogen" in reader.indexed_doc_ids()
        reader.refresh()
        assert "cl-fi-hydrogen" not in reader.indexed_doc_ids()
