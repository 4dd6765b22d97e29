"""OpenAIEmbedder against a loopback server speaking ``POST /v1/embeddings``, via the real openai client."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import numpy as np
import openai
import pytest

from retrieval.embeddings import embedder_from_settings
from retrieval.embeddings_openai import OpenAIEmbedder
from retrieval.errors import EmbeddingUnavailable
from tests.retrieval.conftest import make_settings

DIMENSION = 8


def fake_vector(text: str) -> list[float]:
    digest = hashlib.sha256(text.encode()).digest()
    return [byte - 128.0 for byte in digest[:DIMENSION]]


class _EmbeddingsHandler(BaseHTTPRequestHandler):
    server: _EmbeddingsServer

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(
            {"path": self.path, "body": body, "auth": self.headers.get("Authorization")}
        )
        if self.server.fail:
            payload: dict[str, Any] = {"error": {"message": "overloaded", "type": "server_error"}}
            status = 500
        else:
            inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
            # Out of order on purpose: clients must sort by "index".
            data = [
                {"object": "embedding", "index": i, "embedding": fake_vector(t)} for i, t in enumerate(inputs)
            ]
            payload = {
                "object": "list",
                "data": data[::-1],
                "model": body["model"],
                "usage": {"prompt_tokens": 1, "total_tokens": 1},
            }
            status = 200
        raw = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args: object) -> None:
        pass


class _EmbeddingsServer(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _EmbeddingsHandler)
        self.requests: list[dict[str, Any]] = []
        self.fail = False

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"


@pytest.fixture
def server() -> Iterator[_EmbeddingsServer]:
    httpd = _EmbeddingsServer()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def test_embeddings_come_back_in_order_and_normalised(server: _EmbeddingsServer, tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path,
        OPENAI_BASE_URL=server.base_url,
        OPENAI_API_KEY="sk-test-local",
        CLUSTER_ADVISOR_EMBEDDINGS="openai",
        CLUSTER_ADVISOR_OPENAI_EMBEDDING_MODEL="local-embed",
    )
    embedder = embedder_from_settings(settings)
    assert isinstance(embedder, OpenAIEmbedder)
    texts = [f"passage {i}" for i in range(300)]
    vectors = embedder.embed_documents(texts)
    assert len(vectors) == 300
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    expected = np.array(fake_vector("passage 7")) / np.linalg.norm(fake_vector("passage 7"))
    assert np.allclose(vectors[7], expected)
    assert embedder.name == "openai:local-embed"
    assert embedder.dimension == DIMENSION
    assert [len(r["body"]["input"]) for r in server.requests] == [128, 128, 44]
    assert {r["path"] for r in server.requests} == {"/v1/embeddings"}
    assert server.requests[0]["auth"] == "Bearer sk-test-local"


def test_unknown_model_dimension_is_learnt_from_the_server(server: _EmbeddingsServer) -> None:
    embedder = OpenAIEmbedder(client=openai.OpenAI(api_key="x", base_url=server.base_url), model="other")
    assert embedder.dimension == DIMENSION
    assert len(server.requests) == 1
    assert (
        OpenAIEmbedder(
            client=openai.OpenAI(api_key="x", base_url=server.base_url), model="text-embedding-3-small"
        ).dimension
        == 1536
    )


def test_server_errors_become_embedding_unavailable(server: _EmbeddingsServer) -> None:
    server.fail = True
    client = openai.OpenAI(api_key="x", base_url=server.base_url, max_retries=0)
    embedder = OpenAIEmbedder(client=client, model="local-embed", dimension=DIMENSION)
    with pytest.raises(EmbeddingUnavailable, match="embedding request failed"):
        embedder.embed_query("battery")
