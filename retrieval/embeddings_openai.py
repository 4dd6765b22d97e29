"""OpenAI (or any OpenAI-compatible server's) embeddings — the one retrieval module that imports openai."""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence

import openai

from corpus.settings import Settings
from retrieval.errors import EmbeddingUnavailable

logger = logging.getLogger(__name__)

KNOWN_DIMENSIONS = {
    "text-embedding-3-small": 1536,
    "text-embedding-3-large": 3072,
    "text-embedding-ada-002": 1536,
}
_BATCH = 128


class OpenAIEmbedder:
    """Embeddings from ``POST {base_url}/embeddings``; vectors are L2-normalised like the ONNX ones."""

    def __init__(self, *, client: openai.OpenAI, model: str, dimension: int | None = None) -> None:
        """Wrap a configured client.

        Args:
            client: The OpenAI client (its base URL may point at any OpenAI-compatible server).
            model: Embedding model id sent with each request.
            dimension: Vector size when known; otherwise learnt from the first response.
        """
        self._client = client
        self.model = model
        self.name = f"openai:{model}"
        self._dimension = dimension or KNOWN_DIMENSIONS.get(model)

    @classmethod
    def from_settings(cls, settings: Settings) -> OpenAIEmbedder:
        """Build from ``OPENAI_API_KEY``, ``OPENAI_BASE_URL`` and the configured embedding model."""
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "not-needed"
        client = openai.OpenAI(api_key=key, base_url=settings.openai_base_url, timeout=30.0, max_retries=2)
        return cls(client=client, model=settings.openai_embedding_model)

    @property
    def dimension(self) -> int:
        """Vector size (asks the server once when the model is not a known one)."""
        if self._dimension is None:
            self._dimension = len(self.embed_query("dimension probe"))
        return self._dimension

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        """Embed passages in batches of 128 per request, in the order given."""
        vectors: list[list[float]] = []
        for start in range(0, len(texts), _BATCH):
            vectors.extend(self._request(list(texts[start : start + _BATCH])))
        return vectors

    def embed_query(self, text: str) -> list[float]:
        """Embed one query."""
        return self._request([text])[0]

    def _request(self, texts: list[str]) -> list[list[float]]:
        # Empty strings are rejected by the API; a single space embeds as "nothing".
        inputs = [text if text.strip() else " " for text in texts]
        try:
            response = self._client.embeddings.create(model=self.model, input=inputs)
        except openai.OpenAIError as exc:
            raise EmbeddingUnavailable(f"embedding request failed: {exc}") from exc
        data = sorted(response.data, key=lambda item: item.index)
        if len(data) != len(inputs):
            raise EmbeddingUnavailable(
                f"embedding server returned {len(data)} vectors for {len(inputs)} texts"
            )
        vectors = [_normalised(item.embedding) for item in data]
        if self._dimension is None:
            self._dimension = len(vectors[0])
        elif any(len(vector) != self._dimension for vector in vectors):
            raise EmbeddingUnavailable(f"the embedding server returned vectors not of size {self._dimension}")
        return vectors


def _normalised(vector: Sequence[float]) -> list[float]:
    norm = math.sqrt(sum(value * value for value in vector)) or 1.0
    return [value / norm for value in vector]
