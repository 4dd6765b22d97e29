"""Fixtures for retrieval tests: the real ONNX embedder and indexes over the synthetic corpus."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from corpus.settings import Settings
from retrieval.embeddings import OnnxMiniLMEmbedder
from retrieval.index import SearchIndex
from retrieval.search import HybridRetriever
from tests.retrieval.factories import synthetic_corpus


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    """Settings for a temporary data dir, ignoring any .env file."""
    return Settings(_env_file=None, data_dir=data_dir, **overrides)


class CachedEmbedder:
    """The real ONNX embedder with a per-session cache: every text is embedded once, really."""

    def __init__(self, inner: OnnxMiniLMEmbedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimension = inner.dimension
        self._cache: dict[str, list[float]] = {}

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        missing = [text for text in dict.fromkeys(texts) if text not in self._cache]
        self._cache.update(zip(missing, self.inner.embed_documents(missing), strict=True))
        return [self._cache[text] for text in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


@pytest.fixture(scope="session")
def onnx_embedder() -> OnnxMiniLMEmbedder:
    return OnnxMiniLMEmbedder()


@pytest.fixture(scope="session")
def embedder(onnx_embedder: OnnxMiniLMEmbedder) -> CachedEmbedder:
    """The real model, cached across tests so that rebuilding the synthetic corpus costs nothing."""
    return CachedEmbedder(onnx_embedder)


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory, embedder: CachedEmbedder) -> Iterator[SearchIndex]:
    """An index over the whole synthetic corpus, shared read-only by the search tests."""
    settings = make_settings(tmp_path_factory.mktemp("built-index"))
    index = SearchIndex.open(settings=settings, embedder=embedder)
    index.upsert_documents(synthetic_corpus())
    index.flush()
    yield index
    index.close()


@pytest.fixture(scope="session")
def retriever(built_index: SearchIndex) -> HybridRetriever:
    return HybridRetriever(built_index)


@pytest.fixture
def fresh_index(tmp_path: Path, embedder: CachedEmbedder) -> Iterator[SearchIndex]:
    """An empty index in its own data dir (for tests that write)."""
    index = SearchIndex.open(settings=make_settings(tmp_path / "data"), embedder=embedder)
    yield index
    index.close()
