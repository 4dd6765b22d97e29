"""Shipped vectors: built deterministically with the bundle, loaded by ``ingest`` of the bundle
instead of embedding, refused (and said so) for another model or another corpus."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from corpus.bundle import DEFAULT_BUNDLE_DIR, load_bundled_records, read_manifest, write_bundle
from corpus.ingest import IngestSource, bundled_source, ingest_sources
from corpus.models import AnyRecord
from corpus.settings import Settings
from corpus.store import RecordStore
from retrieval.embeddings import MINILM_MODEL_NAME, OnnxMiniLMEmbedder
from retrieval.index import SearchIndex
from retrieval.shipped_vectors import (
    ShippedVectorLookup,
    bundle_chunks,
    corpus_checksum,
    vectors_file_name,
    write_shipped_vectors,
)
from tests.assistant.factories import corpus_records


class CountingEmbedder:
    """The real ONNX embedder, counting the texts it is asked to embed."""

    def __init__(self, inner: OnnxMiniLMEmbedder, *, name: str | None = None) -> None:
        self.inner = inner
        self.name = name or inner.name
        self.dimension = inner.dimension
        self.embedded = 0

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        self.embedded += len(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


@pytest.fixture(scope="module")
def onnx() -> OnnxMiniLMEmbedder:
    return OnnxMiniLMEmbedder()


@pytest.fixture(scope="module")
def records() -> list[AnyRecord]:
    return corpus_records()[:12]


@pytest.fixture
def bundle(tmp_path: Path, records: list[AnyRecord], onnx: OnnxMiniLMEmbedder) -> Path:
    folder = tmp_path / "bundle"
    write_bundle(records, folder)
    write_shipped_vectors(onnx, folder)
    return folder


def _ingest(data_dir: Path, bundle: Path, embedder: CountingEmbedder, messages: list[str]) -> SearchIndex:
    settings = Settings(_env_file=None, data_dir=data_dir)
    store = RecordStore.open(settings.records_db_url)
    index = SearchIndex.open(settings=settings, embedder=embedder)
    source = bundled_source(bundle)
    index.vectors.known_vectors = ShippedVectorLookup(
        embedder=embedder, records=source.records, bundle_dir=bundle, notify=messages.append
    )
    ingest_sources(store=store, index=index, sources=[source])
    index.flush()
    store.close()
    return index


def test_the_manifest_names_model_checksum_and_file(bundle: Path, records: list[AnyRecord]) -> None:
    (entry,) = read_manifest(bundle).vectors
    chunks = bundle_chunks(records)
    assert entry.model == MINILM_MODEL_NAME and entry.dimension == 384 and entry.dtype == "float16"
    assert entry.rows == len(chunks) and entry.corpus_checksum == corpus_checksum(chunks)
    data = (bundle / entry.file).read_bytes()
    assert entry.file == vectors_file_name(MINILM_MODEL_NAME)
    assert hashlib.sha256(data).hexdigest() == entry.sha256 and len(data) == entry.bytes


def test_rebuilding_the_vectors_is_byte_identical(bundle: Path, onnx: OnnxMiniLMEmbedder) -> None:
    before = {path.name: path.read_bytes() for path in bundle.iterdir()}
    write_shipped_vectors(OnnxMiniLMEmbedder(threads=1), bundle)
    assert {path.name: path.read_bytes() for path in bundle.iterdir()} == before


def test_ingest_of_the_bundle_loads_the_vectors_and_embeds_nothing(
    bundle: Path, tmp_path: Path, onnx: OnnxMiniLMEmbedder
) -> None:
    embedder, messages = CountingEmbedder(onnx), []
    index = _ingest(tmp_path / "data", bundle, embedder, messages)
    try:
        assert embedder.embedded == 0
        assert len(messages) == 1 and messages[0].startswith("loaded") and "shipped vectors" in messages[0]
        assert index.health().ok and index.vectors.count() == len(index.catalog)
        # The loaded vectors find what the embedder would: the nearest chunk to a chunk's own text.
        chunk = index.catalog.chunks[0]
        ((hit, distance),) = index.vectors.query(onnx.embed_documents([chunk.dense_text])[0], n=1)
        assert hit == chunk.chunk_id and distance < 0.01
    finally:
        index.close()


def test_shipped_vectors_match_what_the_model_computes(bundle: Path, records: list[AnyRecord]) -> None:
    onnx = OnnxMiniLMEmbedder()
    lookup = ShippedVectorLookup(embedder=onnx, records=records, bundle_dir=bundle, notify=lambda _: None)
    texts = [chunk.dense_text for chunk in bundle_chunks(records)]
    shipped = np.asarray(lookup(texts))
    computed = np.asarray(onnx.embed_documents(texts))
    assert lookup.loaded
    assert float(np.min(np.sum(shipped * computed, axis=1))) > 0.99  # cosine: float16 and batching only


def test_another_corpus_falls_back_to_embedding_and_says_so(
    bundle: Path, records: list[AnyRecord], onnx: OnnxMiniLMEmbedder
) -> None:
    # The chunks to index differ from those the vectors were computed for (another bundle, or a
    # changed chunker): nothing is taken from the file, even for the chunks that did not change.
    changed = [records[0].model_copy(update={"title": records[0].title + " (revised)"}), *records[1:]]
    messages: list[str] = []
    lookup = ShippedVectorLookup(embedder=onnx, records=changed, bundle_dir=bundle, notify=messages.append)
    texts = [chunk.dense_text for chunk in bundle_chunks(records)]
    assert lookup(texts) == [None] * len(texts) and not lookup.loaded
    assert len(messages) == 1 and "another corpus or chunker" in messages[0]
    assert messages[0].endswith("embedding the bundled corpus instead")


def test_another_model_falls_back_to_embedding_and_says_so(
    bundle: Path, tmp_path: Path, onnx: OnnxMiniLMEmbedder
) -> None:
    embedder, messages = CountingEmbedder(onnx, name="some-org/another-model"), []
    index = _ingest(tmp_path / "data", bundle, embedder, messages)
    index.close()
    assert embedder.embedded > 0
    assert "none were computed with the configured model some-org/another-model" in messages[0]


def test_a_damaged_vector_file_falls_back_and_says_so(
    bundle: Path, records: list[AnyRecord], onnx: OnnxMiniLMEmbedder
) -> None:
    path = bundle / vectors_file_name(onnx.name)
    path.write_bytes(path.read_bytes()[:-8] + b"\0" * 8)
    messages: list[str] = []
    lookup = ShippedVectorLookup(embedder=onnx, records=records, bundle_dir=bundle, notify=messages.append)
    assert lookup(["anything"]) == [None] and not lookup.loaded
    assert "does not match its sha256" in messages[0]


def test_rewriting_the_bundle_drops_vectors_of_the_old_records(
    bundle: Path, records: list[AnyRecord]
) -> None:
    write_bundle(records[:3], bundle)
    assert read_manifest(bundle).vectors == ()


def test_the_committed_bundle_ships_current_vectors_for_the_bundled_model() -> None:
    manifest = read_manifest()
    entry = next(v for v in manifest.vectors if v.model == MINILM_MODEL_NAME)
    assert entry.corpus_checksum == corpus_checksum(bundle_chunks(load_bundled_records())), (
        "the bundle or the chunker changed: run `make corpus` to recompute the shipped vectors"
    )
    data = (DEFAULT_BUNDLE_DIR / entry.file).read_bytes()
    assert hashlib.sha256(data).hexdigest() == entry.sha256


def test_user_files_never_use_the_lookup(tmp_path: Path, onnx: OnnxMiniLMEmbedder) -> None:
    # Only the bundle's ingest sets a lookup; other sources embed as before.
    settings = Settings(_env_file=None, data_dir=tmp_path / "data")
    store = RecordStore.open(settings.records_db_url)
    embedder = CountingEmbedder(onnx)
    with SearchIndex.open(settings=settings, embedder=embedder) as index:
        ingest_sources(
            store=store, index=index, sources=[IngestSource(origin="x", records=corpus_records()[:2])]
        )
    store.close()
    assert embedder.embedded > 0
