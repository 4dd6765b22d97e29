"""The dense index in Chroma: embedded ``PersistentClient`` by default, a Chroma server when configured.

We talk to ``chromadb`` directly rather than through ``langchain_chroma.Chroma`` on the hot paths,
for three measured reasons: a query that asks only for ids and distances is 2-3× cheaper than the
documents + metadatas LangChain always fetches; pre-filtering with ``ids=`` (computed from the local
metadata columns) costs ~5 ms where the same ``where`` filter costs 20-40 ms on 10k chunks; and
writes need batch-level progress. :meth:`VectorStore.as_langchain` still hands out a LangChain
vector store over the same collection (same client, same embedder) for LangChain retrievers.

Chroma never embeds anything itself: every collection is opened with ``embedding_function=None``
and every write and query passes vectors, so chroma's default model (a download) is never used.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import chromadb
import numpy as np
import numpy.typing as npt
from chromadb.api.shared_system_client import SharedSystemClient
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from corpus.models import Chunk, MetadataValue
from corpus.settings import Settings
from retrieval.embeddings import Embedder
from retrieval.errors import IndexModelMismatch, IndexUnavailable
from retrieval.filters import Where, effective_dates

logger = logging.getLogger(__name__)

COLLECTION = "cluster_advisor_chunks"
"""The collection of an index built before collections were named by model (see :func:`collection_name`)."""
SCHEMA_VERSION = 1
EMBED_GROUP = 256
"""Chunks embedded and written per step (the embedder batches them further, by length)."""
_GET_PAGE = 2000
"""Vectors read from Chroma per call (SQLite limits the variables of one statement)."""


def collection_name(model: str) -> str:
    """The Chroma collection holding ``model``'s vectors: ``cluster_advisor_chunks-<model slug>-<hash>``.

    Each embedding model has a collection of its own, so a model switch embeds into another
    collection (and switching back finds the old one) instead of querying one model's vectors with
    another model's query vector. Chroma allows 63 characters: the slug is cut, the hash keeps it unique.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", model.lower()).strip("-")[:28].strip("-")
    return f"{COLLECTION}-{slug}-{hashlib.sha256(model.encode()).hexdigest()[:8]}"


class LangchainEmbeddings(Embeddings):
    """Our :class:`Embedder` as a LangChain ``Embeddings`` (for LangChain vector stores and baselines)."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages."""
        return self.embedder.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        """Embed a query."""
        return self.embedder.embed_query(text)


def open_chroma(settings: Settings) -> tuple[Any, Callable[[], None]]:
    """A Chroma client and the function that closes it.

    ``HttpClient`` when ``CHROMA_HOST`` is set, else ``PersistentClient`` in ``data_dir/chroma``;
    telemetry off either way.

    Raises:
        IndexUnavailable: The server cannot be reached or the directory cannot be opened.
    """
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    before = set(SharedSystemClient._identifier_to_system)
    client: Any
    try:
        if settings.chroma_host:
            client = chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
            )
        else:
            path = settings.data_dir / "chroma"
            path.mkdir(parents=True, exist_ok=True)
            client = chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as exc:  # chromadb raises assorted errors (connection, sqlite, rust bindings)
        where = (
            f"server {settings.chroma_host}:{settings.chroma_port}" if settings.chroma_host else "directory"
        )
        raise IndexUnavailable(f"cannot open the Chroma {where}: {exc}") from exc
    # Each HttpClient gets systems of its own (fresh ids), and chromadb 1.x leaves one of them and the
    # httpx sessions open after close(): stop those ourselves, or every open/close leaks sockets.
    created = (
        {key: system for key, system in SharedSystemClient._identifier_to_system.items() if key not in before}
        if settings.chroma_host
        else {}
    )

    def close() -> None:
        client.close()
        for identifier, system in created.items():
            if SharedSystemClient._identifier_to_system.pop(identifier, None) is not None:
                SharedSystemClient._identifier_to_refcount.pop(identifier, None)
                system.stop()
            for component in system.components():
                session = getattr(component, "_session", None)
                if session is not None:
                    session.close()

    return client, close


def chroma_metadata(chunk: Chunk) -> dict[str, MetadataValue]:
    """What Chroma stores per chunk: the chunk metadata plus ids, type, audience and call dates.

    Calls always carry ``opening_ymd``/``deadline_ymd`` here (open-ended defaults when unknown) so
    that status filters are plain comparisons.
    """
    metadata: dict[str, MetadataValue] = dict(chunk.metadata)
    metadata.update(doc_id=chunk.doc_id, doc_type=chunk.doc_type.value, position=chunk.position)
    metadata.setdefault("audience", "public")
    metadata["title"] = chunk.title
    if chunk.identifier:
        metadata["identifier"] = chunk.identifier
    if (dates := effective_dates(chunk.doc_type, chunk.metadata)) is not None:
        metadata["opening_ymd"], metadata["deadline_ymd"] = dates
    return metadata


KnownVectors = Callable[[Sequence[str]], Sequence["npt.NDArray[np.float32] | None"]]
"""Texts → a vector computed in advance for each, or None where the embedder must compute it."""


class VectorStore:
    """The Chroma collection (cosine) of one embedding model, holding every chunk, tagged with the model.

    The collection is :func:`collection_name` of the embedder's model; an index built before that
    naming (:data:`COLLECTION`) is still used when it was built with the same model.
    """

    def __init__(self, client: Any, *, embedder: Embedder, name: str | None = None) -> None:
        self._client = client
        self.embedder = embedder
        self.name = name or collection_name(embedder.name)
        self._legacy_allowed = name is None
        self._collection: Any | None = None
        self.known_vectors: KnownVectors | None = None
        """Vectors computed in advance (the bundle's shipped vectors), asked before the embedder."""

    def _get(self) -> Any | None:
        if self._client is None:
            raise IndexUnavailable(
                "Chroma is not open in this process (a read-only serving worker opens it only to write)"
            )
        if self._collection is None:
            self._collection = self._open(self.name)
            if self._collection is None and self._legacy_allowed:
                self._collection = self._legacy()
        return self._collection

    def _open(self, name: str) -> Any | None:
        try:
            return self._client.get_collection(name, embedding_function=None)
        except chromadb.errors.NotFoundError:
            return None

    def _legacy(self) -> Any | None:
        """The collection of an index built before per-model names, if built with our model."""
        legacy = self._open(COLLECTION)
        metadata = (legacy.metadata or {}) if legacy is not None else {}
        if legacy is None or metadata.get("embedding_model") != self.embedder.name:
            return None
        self.name = COLLECTION
        return legacy

    def exists(self) -> bool:
        """Whether the collection exists."""
        return self._get() is not None

    def stored_model(self) -> tuple[str, int] | None:
        """(model name, dimension) the collection was built with; None when there is no collection."""
        collection = self._get()
        if collection is None:
            return None
        metadata = collection.metadata or {}
        return str(metadata.get("embedding_model", "unknown")), int(metadata.get("embedding_dimension", 0))

    def check_model(self) -> None:
        """Raise :class:`IndexModelMismatch` if the collection was built with another embedder."""
        stored = self.stored_model()
        if stored is not None and stored != (self.embedder.name, self.embedder.dimension):
            raise IndexModelMismatch(
                index_model=f"{stored[0]} ({stored[1]} dimensions)",
                configured_model=(f"{self.embedder.name} ({self.embedder.dimension} dimensions)"),
            )

    def ensure(self) -> Any:
        """The collection, created (cosine space, model metadata) when missing; checks the model."""
        self.check_model()
        collection = self._get()
        if collection is None:
            collection = self._client.create_collection(
                self.name,
                metadata={
                    "embedding_model": self.embedder.name,
                    "embedding_dimension": self.embedder.dimension,
                    "schema_version": SCHEMA_VERSION,
                },
                configuration={"hnsw": {"space": "cosine"}},
                embedding_function=None,
            )
            self._collection = collection
        return collection

    def drop(self) -> None:
        """Delete the collection (if any)."""
        if self._get() is not None:
            self._client.delete_collection(self.name)
        self._collection = None
        if self._legacy_allowed:
            self.name = collection_name(self.embedder.name)  # a rebuild leaves the old naming

    def count(self) -> int:
        """Number of stored chunks (0 without a collection)."""
        collection = self._get()
        return 0 if collection is None else int(collection.count())

    def chunk_ids(self) -> set[str]:
        """Every stored chunk id."""
        collection = self._get()
        return set() if collection is None else set(collection.get(include=[])["ids"])

    def vectors_of(self, chunk_ids: Sequence[str]) -> dict[str, list[float]]:
        """The stored vector of each of ``chunk_ids`` (ids Chroma does not hold are left out)."""
        collection = self._get()
        found: dict[str, list[float]] = {}
        if collection is None:
            return found
        for start in range(0, len(chunk_ids), _GET_PAGE):
            page = collection.get(ids=list(chunk_ids[start : start + _GET_PAGE]), include=["embeddings"])
            found.update(zip(page["ids"], page["embeddings"], strict=True))
        return found

    def delete_documents(self, doc_ids: Sequence[str]) -> None:
        """Remove every chunk of these documents (by the ``doc_id`` metadata, so strays go too)."""
        collection = self._get()
        for start in range(0, len(doc_ids), 500):
            if collection is not None:
                collection.delete(where={"doc_id": {"$in": list(doc_ids[start : start + 500])}})

    def embed_chunks(self, chunks: Sequence[Chunk]) -> dict[str, list[float]]:
        """chunk_id → vector, embedded now (by length, as :meth:`add_chunks` does), written nowhere.

        Lets a writer embed before it takes the write lock and hand the vectors to :meth:`add_chunks`.
        """
        ordered = sorted(chunks, key=lambda chunk: len(chunk.dense_text))
        vectors: dict[str, list[float]] = {}
        for start in range(0, len(ordered), EMBED_GROUP):
            group = ordered[start : start + EMBED_GROUP]
            embedded = self.embedder.embed_documents([chunk.dense_text for chunk in group])
            vectors.update(zip((chunk.chunk_id for chunk in group), embedded, strict=True))
        return vectors

    def add_chunks(
        self,
        chunks: Sequence[Chunk],
        *,
        progress: Callable[[int], None] | None = None,
        vectors: Mapping[str, Sequence[float]] | None = None,
    ) -> None:
        """Embed and upsert ``chunks``, calling ``progress(chunks done so far)`` after each group.

        Chunks are taken in order of length so that each embedding batch pads to similar lengths
        (dynamic padding is where the ONNX embedder's speed comes from). ``vectors`` (from
        :meth:`embed_chunks`) are used as they are for the chunks they cover.
        """
        collection = self.ensure()
        ordered = sorted(chunks, key=lambda chunk: len(chunk.dense_text))
        given = vectors or {}
        for start in range(0, len(ordered), EMBED_GROUP):
            group = ordered[start : start + EMBED_GROUP]
            vectors_now = self._vectors_for(group, given)
            collection.upsert(
                ids=[chunk.chunk_id for chunk in group],
                embeddings=vectors_now,
                documents=[chunk.text for chunk in group],
                metadatas=[chroma_metadata(chunk) for chunk in group],
            )
            if progress is not None:
                progress(start + len(group))

    def _vectors_for(
        self, chunks: Sequence[Chunk], given: Mapping[str, Sequence[float]]
    ) -> npt.NDArray[np.float32]:
        """Each chunk's vector: ``given`` by chunk id, else :attr:`known_vectors` by text, else embedded."""
        texts = [chunk.dense_text for chunk in chunks]
        known = self.known_vectors(texts) if self.known_vectors is not None else [None] * len(texts)
        vectors = np.zeros((len(chunks), self.embedder.dimension), dtype=np.float32)
        missing = []
        for row, (chunk, vector) in enumerate(zip(chunks, known, strict=True)):
            found = given.get(chunk.chunk_id, vector)
            if found is None:
                missing.append(row)
            else:
                vectors[row] = found
        if missing:
            computed = self.embedder.embed_documents([texts[i] for i in missing])
            vectors[missing] = np.asarray(computed, dtype=np.float32)
        return vectors

    def query(
        self, vector: Sequence[float], *, n: int, ids: list[str] | None = None, where: Where | None = None
    ) -> list[tuple[str, float]]:
        """Nearest chunks as (chunk id, cosine distance), optionally restricted to ``ids`` and ``where``."""
        collection = self._get()
        if collection is None or n <= 0:
            return []
        kwargs: dict[str, Any] = {
            "query_embeddings": [list(vector)],
            "n_results": n,
            "include": ["distances"],
        }
        if ids is not None:
            kwargs["ids"] = ids
        if where is not None:
            kwargs["where"] = where
        result = collection.query(**kwargs)
        return list(zip(result["ids"][0], result["distances"][0], strict=True))

    def as_langchain(self) -> Chroma:
        """A ``langchain_chroma.Chroma`` over the same client and collection, embedding with our embedder."""
        self.ensure()
        return Chroma(
            client=self._client,
            collection_name=self.name,
            embedding_function=LangchainEmbeddings(self.embedder),
            create_collection_if_not_exists=False,
        )
