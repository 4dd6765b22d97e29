"""The baseline a user would build from the LangChain RAG tutorial, over the same documents.

Each record becomes one raw text (its title and every field and section as text, no structure),
split with ``RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)``, embedded with
the SAME embedding model as our index (wrapped in a LangChain ``Embeddings`` adapter) into a
``langchain_chroma.Chroma`` collection, and queried with ``similarity_search(query, k=4)``.
No filters, no BM25, no boosts: that is what the tutorial does.

Embedding ~10k chunks takes minutes, so the collection is built once and cached under the data
dir, keyed by a hash of the corpus content (:func:`corpus_fingerprint`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter

from corpus.models import AnyRecord
from retrieval.embeddings import Embedder

logger = logging.getLogger(__name__)

TUTORIAL_CHUNK_SIZE = 1000
TUTORIAL_CHUNK_OVERLAP = 200
TUTORIAL_K = 4
_COLLECTION = "tutorial_baseline"
_DONE_MARKER = "complete.json"
_SKIPPED_FIELDS = {"doc_id", "doc_type", "provenance", "audience", "title", "sections"}


class EmbedderEmbeddings(Embeddings):
    """LangChain ``Embeddings`` over our :class:`retrieval.embeddings.Embedder` (same model, same vectors)."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._embedder.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self._embedder.embed_query(text)


def record_raw_text(record: AnyRecord) -> str:
    """The record as plain text: title, then each non-empty field as ``name: value``, then sections."""
    payload = record.model_dump(mode="json")
    lines = [record.title]
    for name, value in payload.items():
        if name in _SKIPPED_FIELDS or value in (None, "", [], {}):
            continue
        lines.append(f"{name}: {_as_text(value)}")
    for section in payload.get("sections") or ():
        lines.append(f"{section['heading']}\n{section['text']}")
    return "\n".join(lines)


def _as_text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_as_text(item)}" for key, item in value.items() if item not in (None, []))
    return str(value)


def split_records(records: Iterable[AnyRecord]) -> list[Document]:
    """The tutorial's chunks: 1000/200 recursive character splits of each record's raw text."""
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=TUTORIAL_CHUNK_SIZE, chunk_overlap=TUTORIAL_CHUNK_OVERLAP
    )
    texts, metadatas = [], []
    for record in records:
        texts.append(record_raw_text(record))
        metadatas.append({"doc_id": record.doc_id, "doc_type": record.doc_type.value})
    return splitter.create_documents(texts, metadatas=metadatas)


def corpus_fingerprint(content_hashes: Iterable[tuple[str, str]], *, embedder_name: str) -> str:
    """Hash of ``(doc_id, content_hash)`` pairs plus the model name: the baseline's cache key."""
    digest = hashlib.sha256(f"{embedder_name}|{TUTORIAL_CHUNK_SIZE}/{TUTORIAL_CHUNK_OVERLAP}".encode())
    for doc_id, content_hash in sorted(content_hashes):
        digest.update(f"\n{doc_id}:{content_hash}".encode())
    return digest.hexdigest()[:16]


class TutorialBaseline:
    """A persisted tutorial-style Chroma collection; :meth:`retrieve` returns ranked doc ids."""

    name = "tutorial baseline"

    def __init__(self, store: Chroma, *, directory: Path, chunks: int) -> None:
        self._store = store
        self.directory = directory
        self.chunks = chunks

    @classmethod
    def open_or_build(
        cls,
        *,
        cache_root: Path,
        fingerprint: str,
        records: Callable[[], Iterable[AnyRecord]],
        embedder: Embedder,
        progress: Callable[[int, int], None] | None = None,
        batch_size: int = 256,
    ) -> TutorialBaseline:
        """Open the cached collection for ``fingerprint``, or build it from ``records()``.

        Args:
            cache_root: Folder holding one sub-folder per fingerprint (older ones are removed).
            fingerprint: :func:`corpus_fingerprint` of the corpus being evaluated.
            records: Called only when the cache is missing or incomplete.
            embedder: The same embedder the index uses.
            progress: Called with ``(chunks embedded, total chunks)`` while building.
            batch_size: Chunks per ``add_documents`` call.
        """
        directory = cache_root / f"tutorial-{fingerprint}"
        marker = directory / _DONE_MARKER
        embeddings = EmbedderEmbeddings(embedder)
        if marker.is_file():
            chunks = int(json.loads(marker.read_text())["chunks"])
            logger.info("tutorial baseline: cached collection %s (%d chunks)", directory, chunks)
            return cls(_open_chroma(directory, embeddings), directory=directory, chunks=chunks)
        if cache_root.is_dir():
            for stale in cache_root.glob("tutorial-*"):
                shutil.rmtree(stale, ignore_errors=True)
        documents = split_records(records())
        store = _open_chroma(directory, embeddings)
        for start in range(0, len(documents), batch_size):
            store.add_documents(documents[start : start + batch_size])
            if progress is not None:
                progress(min(start + batch_size, len(documents)), len(documents))
        marker.write_text(json.dumps({"chunks": len(documents), "fingerprint": fingerprint}))
        return cls(store, directory=directory, chunks=len(documents))

    def retrieve(self, query: str, *, k: int = TUTORIAL_K) -> list[str]:
        """Doc ids of the tutorial's ``similarity_search(query, k=4)``, in rank order (repeats kept)."""
        return [str(doc.metadata["doc_id"]) for doc in self._store.similarity_search(query, k=k)]


def _open_chroma(directory: Path, embeddings: Embeddings) -> Chroma:
    directory.mkdir(parents=True, exist_ok=True)
    client = chromadb.PersistentClient(
        path=str(directory), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    )
    return Chroma(collection_name=_COLLECTION, embedding_function=embeddings, client=client)
