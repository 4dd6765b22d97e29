"""Uploads embed outside the write lock, are capped in passages; the list is paged in SQL (issue 15, 4)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from fastapi.testclient import TestClient

from retrieval.embeddings import Embedder
from tests.api.conftest import AppFactory

NOTE = (
    b"# Kelp farming\n\n"
    + b"The kelp farming cluster in Bodo tests offshore seaweed lines every spring. " * 40
)


class GatedEmbedder:
    """The real embedder, except that passage embedding waits until the test opens the gate."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.embedding = threading.Event()
        self.gate = threading.Event()

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        self.embedding.set()
        assert self.gate.wait(60), "the test never opened the gate"
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


def test_a_search_is_answered_while_an_upload_is_embedding(make_writable_client: AppFactory) -> None:
    client = make_writable_client(CLUSTER_ADVISOR_WRITERS="anyone")
    vectors = client.app.state.services.index.vectors  # type: ignore[attr-defined]
    gated = GatedEmbedder(vectors.embedder)
    vectors.embedder = gated
    uploaded: dict[str, Any] = {}
    searched = threading.Event()

    def upload() -> None:
        uploaded["response"] = client.post(
            "/v1/documents", files={"file": ("kelp.md", NOTE, "text/markdown")}
        )

    def search() -> None:
        assert client.get("/v1/search", params={"q": "battery cluster"}).status_code == 200
        searched.set()

    uploader = threading.Thread(target=upload)
    uploader.start()
    try:
        assert gated.embedding.wait(60), "the upload never reached its embedding"
        threading.Thread(target=search, daemon=True).start()
        # Before the fix the search waited for the write lock, held for the whole embedding.
        assert searched.wait(30), "a search waited for an upload's embedding"
    finally:
        gated.gate.set()
        uploader.join(60)
        vectors.embedder = gated.inner
    response = uploaded["response"]
    assert response.status_code == 201, response.text
    doc_id = response.json()["documents"][0]["doc_id"]
    hits = client.get("/v1/search", params={"q": "kelp farming seaweed lines Bodo"}).json()["hits"]
    assert hits[0]["doc_id"] == doc_id
    assert client.delete(f"/v1/documents/{doc_id}").status_code == 204


def test_an_upload_over_the_passage_cap_is_refused_and_stores_nothing(
    make_writable_client: AppFactory,
) -> None:
    client = make_writable_client(CLUSTER_ADVISOR_WRITERS="anyone", CLUSTER_ADVISOR_MAX_UPLOAD_CHUNKS=2)
    before = client.get("/v1/documents").json()["total"]
    response = client.post("/v1/documents", files={"file": ("kelp.md", NOTE * 4, "text/markdown")})
    assert response.status_code == 413, response.text
    assert (
        "passages" in response.json()["detail"]
        and "CLUSTER_ADVISOR_MAX_UPLOAD_CHUNKS" in response.json()["detail"]
    )
    assert client.get("/v1/documents").json()["total"] == before


def test_documents_are_listed_page_by_page(writable_client: TestClient) -> None:
    client = writable_client
    listed = client.get("/v1/documents", params={"origin": "tests", "limit": 200}).json()
    everything = [item["doc_id"] for item in listed["documents"]]
    assert listed["total"] == len(everything) > 5 and everything == sorted(everything)
    pages = [
        client.get("/v1/documents", params={"origin": "tests", "limit": 3, "offset": offset}).json()
        for offset in range(0, len(everything), 3)
    ]
    assert all(page["total"] == len(everything) for page in pages)
    assert [item["doc_id"] for page in pages for item in page["documents"]] == everything
