"""The same index code path against a real ``chroma run`` server (CHROMA_HOST/CHROMA_PORT)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from retrieval.embeddings import OnnxMiniLMEmbedder
from retrieval.filters import SearchFilters
from retrieval.index import SearchIndex
from retrieval.search import HybridRetriever
from tests.fakes.chroma import running_chroma
from tests.retrieval.conftest import make_settings
from tests.retrieval.factories import TODAY, synthetic_corpus

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    with running_chroma(tmp_path_factory.mktemp("chroma-server")) as address:
        yield address


def test_upsert_search_and_delete_through_a_chroma_server(
    chroma_server: tuple[str, int], tmp_path: Path
) -> None:
    host, port = chroma_server
    settings = make_settings(tmp_path, CHROMA_HOST=host, CHROMA_PORT=port)
    corpus = synthetic_corpus()
    total = sum(len(chunks) for chunks in corpus.values())
    with SearchIndex.open(settings=settings, embedder=OnnxMiniLMEmbedder()) as index:
        assert index.health().state == "missing"
        index.upsert_documents(corpus)
        index.flush()
        assert index.vectors.count() == total
        assert index.health().ok
        assert not (tmp_path / "chroma").exists()  # nothing embedded locally: vectors live on the server

        retriever = HybridRetriever(index)
        assert (
            retriever.search(query="HORIZON-CL3-2027-01-SSRI-01", k=3, today=TODAY).hits[0].doc_id
            == "call-ssri"
        )
        spanish = retriever.search(
            query="battery",
            k=5,
            filters=SearchFilters(doc_type="cluster", country="ES"),
            today=TODAY,
            mode="dense",
        )
        assert [hit.doc_id for hit in spanish.hits] == ["cl-es-battery", "cl-es-aero"]

        index.delete_documents(["cl-es-battery"])
        index.flush()
        assert index.vectors.count() == total - 1
        assert index.health().ok

    # A second process's view: the same server, the same data dir.
    with SearchIndex.open(settings=settings, embedder=OnnxMiniLMEmbedder()) as reopened:
        assert reopened.health().ok
        assert "cl-es-battery" not in reopened.indexed_doc_ids()
        langchain_store = reopened.vectors.as_langchain()
        docs = langchain_store.similarity_search("hydrogen electrolysers in Finland", k=1)
        assert docs[0].metadata["doc_id"] == "cl-fi-hydrogen"
