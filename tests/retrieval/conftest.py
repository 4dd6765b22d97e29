"""Fixtures for retrieval tests: the real ONNX embedder and indexes over the synthetic corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus.settings import Settings
from retrieval.embeddings import OnnxMiniLMEmbedder
from retrieval.index import SearchIndex
from retrieval.search import HybridRetriever
from tests.retrieval.factories import synthetic_corpus


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    """Settings for a temporary data dir, ignoring any .env file."""
    return Settings(_env_file=None, data_dir=data_dir, **overrides)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def embedder() -> OnnxMiniLMEmbedder:
    return OnnxMiniLMEmbedder()


@pytest.fixture(scope="session")
def built_index(
    tmp_path_factory: pytest.TempPathFactory, embedder: OnnxMiniLMEmbedder
) -> Iterator[SearchIndex]:
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
def fresh_index(tmp_path: Path, embedder: OnnxMiniLMEmbedder) -> Iterator[SearchIndex]:
    """An empty index in its own data dir (for tests that write)."""
    index = SearchIndex.open(settings=make_settings(tmp_path / "data"), embedder=embedder)
    yield index
    index.close()
