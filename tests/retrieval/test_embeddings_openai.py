"""OpenAIEmbedder against a loopback server speaking ``POST /v1/embeddings``, via the real openai client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import openai
import pytest

from evals.llm_server import HASH_EMBEDDING_DIMENSION, hash_embedding
from retrieval.embeddings import embedder_from_settings
from retrieval.embeddings_openai import OpenAIEmbedder
from retrieval.errors import EmbeddingUnavailable
from tests.fakes.openai_server import FakeOpenAIServer, Step
from tests.retrieval.conftest import make_settings

DIMENSION = HASH_EMBEDDING_DIMENSION


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


def test_embeddings_come_back_in_order_and_normalised(server: FakeOpenAIServer, tmp_path: Path) -> None:
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
    expected = np.array(hash_embedding("passage 7")) / np.linalg.norm(hash_embedding("passage 7"))
    assert np.allclose(vectors[7], expected)
    assert embedder.name == "openai:local-embed"
    assert embedder.dimension == DIMENSION
    assert [len((r.body or {})["input"]) for r in server.requests] == [128, 128, 44]
    assert {r.path for r in server.requests} == {"/v1/embeddings"}
    assert server.requests[0].headers["Authorization"] == "Bearer sk-test-local"


def test_unknown_model_dimension_is_learnt_from_the_server(server: FakeOpenAIServer) -> None:
    embedder = OpenAIEmbedder(client=openai.OpenAI(api_key="x", base_url=server.base_url), model="other")
    assert embedder.dimension == DIMENSION
    assert len(server.requests) == 1
    assert (
        OpenAIEmbedder(
            client=openai.OpenAI(api_key="x", base_url=server.base_url), model="text-embedding-3-small"
        ).dimension
        == 1536
    )


def test_server_errors_become_embedding_unavailable(server: FakeOpenAIServer) -> None:
    server.script(Step(status=500))
    client = openai.OpenAI(api_key="x", base_url=server.base_url, max_retries=0)
    embedder = OpenAIEmbedder(client=client, model="local-embed", dimension=DIMENSION)
    with pytest.raises(EmbeddingUnavailable, match="embedding request failed"):
        embedder.embed_query("battery")
