"""Switching the embedding model re-embeds into the model's own collection and never mixes vectors."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from chromadb.api.shared_system_client import SharedSystemClient

from corpus.chunking import chunk_record
from corpus.ingest import IngestSource, ingest_sources
from corpus.models import AnyRecord
from corpus.settings import Settings
from corpus.store import RecordStore
from retrieval.embeddings import Embedder, OnnxMiniLMEmbedder
from retrieval.embeddings_e5 import E5SmallEmbedder
from retrieval.index import SearchIndex
from retrieval.search import HybridRetriever
from retrieval.startup import open_recovered_index
from retrieval.vector_store import COLLECTION, VectorStore, collection_name, open_chroma
from tests.assistant.factories import TODAY, corpus_records


@pytest.fixture(scope="module")
def minilm() -> OnnxMiniLMEmbedder:
    return OnnxMiniLMEmbedder()


@pytest.fixture(scope="module")
def e5() -> E5SmallEmbedder:
    return E5SmallEmbedder()


@pytest.fixture
def data(tmp_path: Path) -> Iterator[tuple[Settings, RecordStore]]:
    settings = Settings(_env_file=None, data_dir=tmp_path / "data")
    store = RecordStore.open(settings.records_db_url)
    yield settings, store
    store.close()
    SharedSystemClient.clear_system_cache()


def _ingest(settings: Settings, store: RecordStore, embedder: Embedder, records: list[AnyRecord]) -> None:
    index, _ = open_recovered_index(settings=settings, embedder=embedder, store=store)
    with index:
        ingest_sources(store=store, index=index, sources=[IngestSource(origin="tests", records=records)])


def _collection(settings: Settings, embedder: Embedder) -> tuple[Any, Any]:
    client, close = open_chroma(settings)
    return client.get_collection(collection_name(embedder.name), embedding_function=None), close


def _assert_built_by(settings: Settings, embedder: Embedder, store: RecordStore) -> None:
    """Every vector of the model's collection is that model's embedding of the stored chunk's text."""
    collection, close = _collection(settings, embedder)
    try:
        assert collection.metadata["embedding_model"] == embedder.name
        chunks = {chunk.chunk_id: chunk for chunk in store.iter_chunks()}
        stored = collection.get(include=["embeddings"])
        assert set(stored["ids"]) == set(chunks)
        expected = embedder.embed_documents([chunks[chunk_id].dense_text for chunk_id in stored["ids"]])
        assert np.allclose(np.asarray(stored["embeddings"]), np.asarray(expected), atol=2e-3)
    finally:
        close()


def _titles(index: SearchIndex, query: str) -> Sequence[str]:
    return [hit.title for hit in HybridRetriever(index).search(query=query, k=5, today=TODAY).hits]


def test_a_switch_embeds_the_new_model_and_keeps_the_old_one_apart(
    data: tuple[Settings, RecordStore], minilm: OnnxMiniLMEmbedder, e5: E5SmallEmbedder
) -> None:
    settings, store = data
    records = corpus_records()
    _ingest(settings, store, minilm, records)

    index, recovery = open_recovered_index(settings=settings, embedder=e5, store=store)
    with index:
        assert (recovery.state, recovery.action) == ("incomplete", "rebuilt")
        assert "last written with" in recovery.detail and minilm.name in recovery.detail
        assert index.health().ok and index.vectors.name == collection_name(e5.name)
    _assert_built_by(settings, e5, store)
    _assert_built_by(settings, minilm, store)  # the old model's vectors are still its own

    # Written while E5 is configured: one record changes; MiniLM's collection is now behind.
    changed = records[0].model_copy(update={"title": records[0].title + " (revised)"})
    _ingest(settings, store, e5, [changed, *records[1:]])

    index, recovery = open_recovered_index(settings=settings, embedder=minilm, store=store)
    with index:
        assert (recovery.state, recovery.action) == ("incomplete", "repaired")
        assert recovery.repair is not None and recovery.repair.embedded == len(chunk_record(changed))
        assert index.health().ok
        assert changed.title in _titles(index, changed.title)
    _assert_built_by(settings, minilm, store)
    _assert_built_by(settings, e5, store)

    # Back on E5: MiniLM wrote last, so E5's vectors are checked against the records; none is stale.
    index, recovery = open_recovered_index(settings=settings, embedder=e5, store=store)
    with index:
        assert recovery.action == "repaired" and recovery.repair is not None
        assert recovery.repair.embedded == 0 and index.health().ok


def test_an_unchanged_index_opens_without_any_work(
    data: tuple[Settings, RecordStore], minilm: OnnxMiniLMEmbedder
) -> None:
    settings, store = data
    _ingest(settings, store, minilm, corpus_records())
    index, recovery = open_recovered_index(settings=settings, embedder=minilm, store=store)
    with index:
        assert (recovery.state, recovery.action) == ("ok", "none")


def test_an_index_from_before_per_model_collections_is_still_used(
    tmp_path: Path, minilm: OnnxMiniLMEmbedder, e5: E5SmallEmbedder
) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path / "data")
    client, close = open_chroma(settings)
    try:
        chunks = [chunk for record in corpus_records()[:3] for chunk in chunk_record(record)]
        VectorStore(client, embedder=minilm, name=COLLECTION).add_chunks(chunks)

        same_model = VectorStore(client, embedder=minilm)
        assert same_model.count() == len(chunks) and same_model.name == COLLECTION
        other_model = VectorStore(client, embedder=e5)
        assert not other_model.exists() and other_model.name == collection_name(e5.name)

        same_model.drop()  # a rebuild moves the model to its own collection
        assert same_model.ensure().name == collection_name(minilm.name)
    finally:
        close()


def test_collection_names_are_valid_and_distinct() -> None:
    names = {collection_name(model) for model in (OnnxMiniLMEmbedder.name, E5SmallEmbedder.name, "openai:x")}
    assert len(names) == 3
    assert all(3 <= len(name) <= 63 and name[-1].isalnum() for name in names)
