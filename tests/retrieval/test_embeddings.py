from __future__ import annotations

import numpy as np
import pytest

from retrieval.embeddings import (
    MINILM_DIMENSION,
    MINILM_MODEL_NAME,
    Embedder,
    OnnxMiniLMEmbedder,
    embedder_from_settings,
    mean_pool_normalise,
)
from retrieval.vector_store import LangchainEmbeddings
from tests.retrieval.conftest import make_settings


def _cos(a: list[float], b: list[float]) -> float:
    return float(np.dot(a, b))


def test_vectors_have_the_model_dimension_and_unit_length(onnx_embedder: OnnxMiniLMEmbedder) -> None:
    vectors = onnx_embedder.embed_documents(["Battery cluster in Prague", "x", "Hydrogen valleys " * 300])
    assert isinstance(onnx_embedder, Embedder)
    assert onnx_embedder.name == MINILM_MODEL_NAME
    assert [len(v) for v in vectors] == [MINILM_DIMENSION] * 3
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert onnx_embedder.embed_documents([]) == []


def test_paraphrases_are_closer_than_unrelated_texts(onnx_embedder: OnnxMiniLMEmbedder) -> None:
    query = onnx_embedder.embed_query("When does the funding call close?")
    paraphrase = onnx_embedder.embed_query("What is the deadline of this grant call?")
    unrelated = onnx_embedder.embed_query("The cat sat on the mat in the sun.")
    batteries = onnx_embedder.embed_query("Battery clusters in Central Europe")
    batteries_too = onnx_embedder.embed_query("Organisations working on batteries in Czechia and Slovakia")
    assert _cos(query, paraphrase) > _cos(query, unrelated) + 0.3
    assert _cos(batteries, batteries_too) > _cos(batteries, unrelated) + 0.3


def test_batching_and_length_sorting_keep_input_order(onnx_embedder: OnnxMiniLMEmbedder) -> None:
    texts = [f"text number {i} " + "word " * (i * 7 % 50) for i in range(40)]
    small_batches = OnnxMiniLMEmbedder(batch_size=3, threads=1)
    together = np.array(onnx_embedder.embed_documents(texts))
    separately = np.array([small_batches.embed_query(text) for text in texts])
    assert np.allclose(together, separately, atol=1e-4)


def test_long_texts_are_truncated_not_rejected(onnx_embedder: OnnxMiniLMEmbedder) -> None:
    long_text = "cluster internationalisation " * 2000
    start = "cluster internationalisation " * 200
    assert _cos(onnx_embedder.embed_query(long_text), onnx_embedder.embed_query(start)) > 0.99


def test_mean_pooling_ignores_padding() -> None:
    hidden = np.array([[[1.0, 0.0], [3.0, 0.0], [100.0, 100.0]]], dtype=np.float32)
    attention = np.array([[1, 1, 0]], dtype=np.int64)
    assert np.allclose(mean_pool_normalise(hidden, attention), [[1.0, 0.0]])


def test_langchain_adapter_delegates(onnx_embedder: OnnxMiniLMEmbedder) -> None:
    adapter = LangchainEmbeddings(onnx_embedder)
    assert np.allclose(adapter.embed_query("battery"), onnx_embedder.embed_query("battery"))
    assert len(adapter.embed_documents(["a", "b"])) == 2


def test_settings_choose_the_bundled_model_by_default(tmp_path: pytest.TempPathFactory) -> None:
    embedder = embedder_from_settings(make_settings(tmp_path))  # type: ignore[arg-type]
    assert isinstance(embedder, OnnxMiniLMEmbedder)
    assert embedder.dimension == MINILM_DIMENSION
