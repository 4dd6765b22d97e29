"""``SearchIndex``: the vector index (Chroma) and the lexical index (BM25) kept in step.

The record store is the source of truth; both indexes can always be rebuilt from it. Every write
drops a marker file first and removes it last, so an interrupted write (crash, kill, Chroma error)
is seen by :meth:`SearchIndex.health` as ``incomplete`` and the caller rebuilds. One writer per data
directory (Chroma's rule); readers pick up a new BM25 index on their next search.

Writes go to Chroma at once; the BM25 index (which bm25s can only rebuild whole) is rebuilt once,
on :meth:`SearchIndex.flush` — called by :meth:`~SearchIndex.close`, by the next search and by
:meth:`~SearchIndex.health` — so an ingest of many batches rebuilds it once, not once per batch.
Until then the marker stays, so a crash in between is still seen as ``incomplete``.

Each embedding model keeps its vectors in a Chroma collection of its own, and the BM25 manifest
names the model of the last write. An index last written with another model is ``incomplete`` for
this one (its collection is missing or behind), so the start-up check embeds what this model lacks;
one model's vectors are never searched with another model's query vector.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import psutil  # type: ignore[import-untyped,unused-ignore]
from pydantic import BaseModel

from corpus.errors import NOTHING_INGESTED, AdvisorError, InvalidInput
from corpus.models import Chunk
from corpus.permissions import private_dir
from corpus.settings import Settings
from retrieval.catalog import ChunkCatalog
from retrieval.crosslingual import (
    CROSSLINGUAL_VECTORS,
    CrossLingualEncoder,
    encoder_from_settings,
    query_language,
    topic_text,
)
from retrieval.dense import DenseMatrix, build_matrix
from retrieval.embeddings import Embedder
from retrieval.errors import IndexModelMismatch, IndexUnavailable
from retrieval.lexical import MANIFEST, LexicalIndex, TokenCache, read_manifest, recover_interrupted_swap
from retrieval.memo import recent_per_thread
from retrieval.vector_store import VectorStore, open_chroma
from retrieval.word_translation import WordTranslator

logger = logging.getLogger(__name__)

HealthState = Literal["ok", "missing", "incomplete", "model_mismatch", "updating", "unavailable"]
MARKER = "index.writing"
"""File in the data dir that exists while an index write is under way (see the module docstring)."""
_READ_PAGE = 2000
"""Chroma rows read per page when :meth:`SearchIndex.repair` compares the vectors with the records."""


class RepairReport(BaseModel):
    """What :meth:`SearchIndex.repair` changed in the vector index to match the records."""

    kept: int
    embedded: int
    deleted: int


class IndexHealth(BaseModel):
    """What :meth:`SearchIndex.health` found. Anything but ``ok`` (and ``updating``) calls for a rebuild."""

    state: HealthState
    vector_chunks: int = 0
    lexical_chunks: int = 0
    index_model: str | None = None
    """The embedding model the vector index was built with (None without one)."""
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.state == "ok"

    @property
    def needs_rebuild(self) -> bool:
        return self.state in ("missing", "incomplete", "model_mismatch")


class SearchIndex:
    """Both indexes of one data directory. Open with :meth:`open`; close with :meth:`close`."""

    def __init__(
        self,
        *,
        settings: Settings,
        embedder: Embedder,
        client: Any,
        close_client: Callable[[], None],
    ) -> None:
        self.settings = settings
        self.embedder = embedder
        self._client = client
        self._close_client = close_client
        self.vectors = VectorStore(client, embedder=embedder)
        self.lexical_dir: Path = settings.data_dir / "bm25"
        self.marker: Path = settings.data_dir / MARKER
        self.lexical = LexicalIndex(ChunkCatalog([]), None)
        self.lexical_error: str | None = None
        self.dense: DenseMatrix | None = None
        """The vectors of the BM25 catalog, memory-mapped (:mod:`retrieval.dense`); None in a data
        dir written before it existed (searches then ask Chroma) or while writes are pending."""
        self.crosslingual_encoder: CrossLingualEncoder | None = encoder_from_settings(settings, embedder)
        self.crosslingual: DenseMatrix | None = None
        """The multilingual vectors of the BM25 catalog (:mod:`retrieval.crosslingual`), memory-mapped;
        None when cross-lingual search is off or the data dir has none yet."""
        self._manifest: dict[str, Any] = {}
        self._manifest_stamp: tuple[int, int] | None = None
        """The generation of the index directory loaded: its manifest's inode and modification time
        (every save writes a new directory, so a new manifest file)."""
        self._query_vectors = recent_per_thread(self._embed_query)
        self._reloading = threading.Lock()
        self._pending: ChunkCatalog | None = None
        """The catalog after writes whose BM25 rebuild is deferred to :meth:`flush`."""
        self._failed = False
        self._token_cache: TokenCache = {}

    @classmethod
    def open(cls, *, settings: Settings, embedder: Embedder, strict: bool = True) -> SearchIndex:
        """Open (or prepare to create) the indexes of ``settings.data_dir``.

        Args:
            settings: Data dir and Chroma location.
            embedder: The configured embedder; must be the one the index was built with.
            strict: Raise :class:`IndexModelMismatch` when the index was built with another model.
                ``reindex`` opens with ``strict=False`` and then calls :meth:`rebuild`.

        Raises:
            IndexModelMismatch: ``strict`` and the stored model differs (run ``cluster-advisor reindex``).
            IndexUnavailable: Chroma cannot be opened or reached.
        """
        private_dir(settings.data_dir)
        client, close_client = open_chroma(settings)
        index = cls(settings=settings, embedder=embedder, client=client, close_client=close_client)
        if strict:
            index.vectors.check_model()
        index._load_lexical()
        return index

    @classmethod
    def open_replica(cls, *, settings: Settings, embedder: Embedder) -> SearchIndex:
        """Open the indexes of ``settings.data_dir`` for reading without Chroma (``serve --workers``).

        Searches use the BM25 index and the dense matrix of :mod:`retrieval.dense`, re-loaded when
        a writer swaps a new index in; Chroma is opened only by :meth:`writer_session`, so that
        several processes serve one embedded data dir and at most one of them has Chroma open.

        Raises:
            IndexUnavailable: The data dir has no complete index with its dense matrix.
            IndexModelMismatch: The index was built with another embedding model.
        """
        index = cls(settings=settings, embedder=embedder, client=None, close_client=lambda: None)
        index._load_lexical()
        if index.lexical_error or index.dense is None:
            raise IndexUnavailable(
                f"no complete search index with its vectors in {index.lexical_dir} "
                f"({index.lexical_error or 'vectors.npy missing'}): start `cluster-advisor serve` once "
                "with one worker, or run `cluster-advisor reindex`"
            )
        index.check_model()
        return index

    @property
    def replica(self) -> bool:
        """Whether this index reads without Chroma (opened by :meth:`open_replica`)."""
        return self._client is None

    @contextmanager
    def writer_session(self) -> Iterator[None]:
        """Have Chroma open for a write (a replica opens it now and closes it after).

        The caller holds the data dir's cross-process write lock: while one process writes, no
        other has Chroma open. Deferred BM25 writes are flushed before Chroma closes.
        """
        if not self.replica:
            if self._pending is None:
                self.refresh()  # another process may have saved a newer index since
            yield
            return
        self._client, self._close_client = open_chroma(self.settings)
        self.vectors = VectorStore(self._client, embedder=self.embedder)
        try:
            self.refresh()  # another process may have written since this one last searched
            yield
            self.flush()
        finally:
            close, self._client, self._close_client = self._close_client, None, lambda: None
            self.vectors = VectorStore(None, embedder=self.embedder)
            close()

    def check_model(self) -> None:
        """Raise :class:`IndexModelMismatch` if the index was built with another embedding model."""
        if not self.replica:
            self.vectors.check_model()
            return
        name, dimension = self._manifest.get("embedding_model"), self._manifest.get("embedding_dimension")
        if name is not None and (name, dimension) != (self.embedder.name, self.embedder.dimension):
            raise IndexModelMismatch(
                index_model=f"{name} ({dimension} dimensions)",
                configured_model=f"{self.embedder.name} ({self.embedder.dimension} dimensions)",
            )

    def query_vector(self, text: str) -> Sequence[float]:
        """The embedding of the query ``text``, computed once per request: the last few are
        remembered per thread (:mod:`retrieval.memo`), and the refusal gate scores the question
        the search just embedded."""
        return self._query_vectors(text)

    def crosslingual_search(self, text: str) -> tuple[DenseMatrix, Sequence[float]] | None:
        """The multilingual matrix and the query vector of ``text`` when it is searched cross-lingually:
        cross-lingual search is on, the matrix matches the catalog, and the question is not English."""
        encoder, matrix = self.crosslingual_encoder, self.crosslingual
        if encoder is None or matrix is None or self._pending is not None:
            return None
        if matrix.catalog is not self.catalog:
            return None
        if query_language(text) == "en":
            return None
        return matrix, encoder.embed_query(topic_text(text))

    def crosslingual_scorer(self, question: str) -> Callable[[Sequence[str]], list[float]] | None:
        """For a question searched cross-lingually: a function giving its similarity to texts (English
        sentences to quote), in the multilingual space; None for a question searched in English."""
        encoder = self.crosslingual_encoder
        if encoder is None or self.crosslingual_search(question) is None:
            return None
        topic = topic_text(question)
        return lambda texts: encoder.text_similarities(topic, texts)

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        """Every indexed chunk of the document ``doc_id``, in reading order (none if unknown)."""
        catalog = self.catalog
        return [catalog.chunks[row] for row in catalog.rows_of_doc.get(doc_id, [])]

    def english_words(self, text: str) -> list[str]:
        """For a question searched cross-lingually: the corpus's English words its own words mean
        (:mod:`retrieval.word_translation`); none for a question searched in English."""
        translator = self._translator_for(text)
        return translator.english_words(text) if translator is not None else []

    def english_translations(self, text: str) -> dict[str, tuple[str, ...]]:
        """For a question searched cross-lingually: each of its words that has English translations
        in the corpus → those words; empty for a question searched in English."""
        translator = self._translator_for(text)
        return translator.translations(text) if translator is not None else {}

    def absent_words(self, text: str) -> dict[str, str]:
        """For a question searched cross-lingually: each of its words that clearly means an English
        word the corpus lacks → that word ("Papagei" → parrot); empty for a question in English."""
        translator = self._translator_for(text)
        return translator.absent_words(text) if translator is not None else {}

    def english_rendering(self, text: str) -> str:
        """``text`` with its foreign words replaced by the English words they mean, for the checks
        that read a question's words; ``text`` itself when it is searched in English."""
        translator = self._translator_for(text)
        return translator.rendering(text) if translator is not None else text

    def _translator_for(self, text: str) -> WordTranslator | None:
        encoder = self.crosslingual_encoder
        if encoder is None or query_language(text) == "en":
            return None
        return encoder.translator

    def question_similarities(self, text: str, chunk_ids: Sequence[str]) -> tuple[dict[str, float], str]:
        """Cosine similarity of the question ``text`` to each of ``chunk_ids``, in the vector space its
        search used (multilingual for a question not in English), and the name of that model."""
        crosslingual = self.crosslingual_search(text)
        if crosslingual is not None:
            matrix, vector = crosslingual
            return matrix.similarities(vector, chunk_ids), CrossLingualEncoder.name
        return self.similarities(self.query_vector(text), chunk_ids), self.embedder.name

    def similarities(self, vector: Sequence[float], chunk_ids: Sequence[str]) -> dict[str, float]:
        """Cosine similarity of ``vector`` to each of ``chunk_ids`` (the dense matrix, else Chroma)."""
        if not chunk_ids:
            return {}
        dense = self.current_dense()
        if dense is not None:
            return dense.similarities(vector, chunk_ids)
        found = self.vectors.query(vector, n=len(chunk_ids), ids=list(chunk_ids))
        return {chunk_id: 1.0 - distance for chunk_id, distance in found}

    def current_dense(self) -> DenseMatrix | None:
        """The dense matrix when it matches the current catalog (not while writes are pending)."""
        if self._pending is not None or self.dense is None or self.dense.catalog is not self.catalog:
            return None
        return self.dense

    def ensure_dense(self) -> bool:
        """Write the dense matrix, and the cross-lingual one when it is on, of a data dir written before
        they existed (the index is saved again: MiniLM rows read from Chroma, E5 rows from the shipped
        vectors or embedded); a writer's start-up step. Returns whether it wrote them."""
        self.refresh()
        if self.lexical_error or not len(self.catalog) or self.replica:
            return False
        lacking = self.crosslingual_encoder is not None and self.crosslingual is None
        if self.dense is not None and not lacking:
            return False
        with self._writing("vectors"):
            self._save_built(self.lexical)
        logger.info("wrote the dense matrices of %d chunks (%s)", len(self.catalog), self.lexical_dir)
        return True

    # --- reading ---------------------------------------------------------------------------

    @property
    def catalog(self) -> ChunkCatalog:
        """The current chunks (including writes not yet flushed to BM25)."""
        return self._pending if self._pending is not None else self.lexical.catalog

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _load_lexical(self) -> None:
        stamp = self._stamp()  # before reading: a swap meanwhile is seen at the next refresh
        try:
            self.lexical, self._manifest = LexicalIndex.load(self.lexical_dir, reuse=self.lexical.catalog)
            self.dense = DenseMatrix.load(self.lexical_dir, self.lexical.catalog)
            self.crosslingual = self._load_crosslingual()
            self.lexical_error = None
        except (OSError, ValueError) as exc:
            self.lexical, self.dense, self._manifest = LexicalIndex(ChunkCatalog([]), None), None, {}
            self.crosslingual = None
            self.lexical_error = str(exc)
        self._manifest_stamp = stamp

    def _load_crosslingual(self) -> DenseMatrix | None:
        if self.crosslingual_encoder is None:
            return None
        if self._manifest.get("crosslingual_model") != CrossLingualEncoder.name:
            return None  # written before it existed, or with cross-lingual search off
        return DenseMatrix.load(self.lexical_dir, self.lexical.catalog, name=CROSSLINGUAL_VECTORS)

    def _stamp(self) -> tuple[int, int] | None:
        try:
            found = (self.lexical_dir / MANIFEST).stat()
        except OSError:
            return None
        return found.st_ino, found.st_mtime_ns

    def _embed_query(self, text: str) -> tuple[float, ...]:
        return tuple(self.embedder.embed_query(text))

    def refresh(self) -> None:
        """Make the BM25 side current: flush our deferred writes, or reload it if another process
        rewrote it since we loaded it (one stat call)."""
        if self._pending is not None:
            self.flush()
        elif self._stamp() != self._manifest_stamp:
            with self._reloading:  # concurrent searches of this process re-load it once
                if self._stamp() != self._manifest_stamp:
                    self._load_lexical()

    def indexed_doc_ids(self) -> set[str]:
        """Documents in the index."""
        return self.catalog.doc_ids

    def count_chunks(self) -> int:
        """Chunks in the index."""
        return len(self.catalog)

    def health(self) -> IndexHealth:
        """Check both indexes: present, complete, consistent, built with the configured model."""
        if self.replica:
            return self._replica_health()
        recover_interrupted_swap(self.lexical_dir)
        try:
            self.refresh()
        except IndexUnavailable as exc:
            return IndexHealth(state="incomplete", detail=str(exc))
        lexical_chunks = len(self.catalog)
        try:
            stored = self.vectors.stored_model()
            vector_chunks = self.vectors.count()
        except Exception as exc:  # a server gone away or a damaged segment: report, don't crash
            return IndexHealth(state="unavailable", lexical_chunks=lexical_chunks, detail=f"Chroma: {exc}")
        base: dict[str, Any] = {
            "vector_chunks": vector_chunks,
            "lexical_chunks": lexical_chunks,
            "index_model": stored[0] if stored else None,
        }
        if self.marker.exists():
            writer = _live_writer(self.marker)
            if writer is not None:
                return IndexHealth(state="updating", **base, detail=f"process {writer} is writing the index")
            return IndexHealth(state="incomplete", **base, detail="an index update was interrupted")
        if stored is not None and stored != (self.embedder.name, self.embedder.dimension):
            detail = f"built with {stored[0]}, configured {self.embedder.name}: run `cluster-advisor reindex`"
            return IndexHealth(state="model_mismatch", **base, detail=detail)
        manifest = read_manifest(self.lexical_dir)
        written_with = manifest.get("embedding_model") if manifest is not None else None
        if written_with and written_with != self.embedder.name:
            # The last write went through another model's collection: ours is missing or behind.
            todo = "embedding every chunk" if stored is None else "bringing its vectors up to date"
            configured = self.embedder.name
            detail = f"the index was last written with {written_with}, configured {configured}: {todo}"
            return IndexHealth(state="incomplete", **base, detail=detail)
        if stored is None and manifest is None:
            return IndexHealth(state="missing", **base, detail=NOTHING_INGESTED)
        if stored is None or manifest is None or self.lexical_error:
            missing = "vector index" if stored is None else f"BM25 index ({self.lexical_error or 'missing'})"
            return IndexHealth(state="incomplete", **base, detail=f"{missing} missing or unreadable")
        if vector_chunks != lexical_chunks or self.vectors.chunk_ids() != set(self.catalog.row_of):
            detail = f"the indexes disagree: {vector_chunks} vectors, {lexical_chunks} BM25 chunks"
            return IndexHealth(state="incomplete", **base, detail=detail)
        if vector_chunks:
            try:
                self.vectors.query([0.0] * (self.embedder.dimension - 1) + [1.0], n=1)
            except Exception as exc:
                return IndexHealth(state="incomplete", **base, detail=f"vector index unreadable: {exc}")
        return IndexHealth(state="ok", **base)

    def _replica_health(self) -> IndexHealth:
        """A replica's view: the BM25 index and its dense matrix loaded, complete and current."""
        self.refresh()
        dense = self.current_dense()
        base: dict[str, Any] = {
            "vector_chunks": 0 if dense is None else len(dense.catalog),
            "lexical_chunks": len(self.catalog),
            "index_model": self._manifest.get("embedding_model"),
        }
        writing = ""
        if self.marker.exists():
            writer = _live_writer(self.marker)
            if writer is None:
                return IndexHealth(state="incomplete", **base, detail="an index update was interrupted")
            # This process serves the last complete index meanwhile: still ready.
            writing = f"process {writer} is writing the index"
        if self.lexical_error or dense is None:
            detail = f"BM25 index or its vectors unreadable ({self.lexical_error or 'vectors.npy missing'})"
            return IndexHealth(state="incomplete", **base, detail=detail)
        try:
            self.check_model()
        except IndexModelMismatch as exc:
            return IndexHealth(state="model_mismatch", **base, detail=str(exc))
        return IndexHealth(state="ok", **base, detail=writing)

    # --- writing ---------------------------------------------------------------------------

    @contextmanager
    def _writing(self, operation: str, *, deferred: bool = False) -> Iterator[None]:
        """Marker on, write, marker off — unless the write fails or its BM25 part is ``deferred``."""
        if self._failed:
            raise IndexUnavailable(
                "an earlier index write failed: rebuild the index (cluster-advisor reindex)"
            )
        self.settings.data_dir.mkdir(parents=True, exist_ok=True)
        if not self.marker.exists():
            body = {
                "pid": os.getpid(),
                "process_started": _process_started(os.getpid()),
                "operation": operation,
                "started": dt.datetime.now(dt.UTC).isoformat(),
            }
            self.marker.write_text(json.dumps(body), encoding="utf-8")
        try:
            yield
        except Exception as exc:  # leave the marker: health() says "incomplete" and the caller rebuilds
            self._failed = True
            if isinstance(exc, AdvisorError):
                raise
            raise IndexUnavailable(f"index {operation} failed, the index needs a rebuild: {exc}") from exc
        if not deferred:
            self.marker.unlink(missing_ok=True)

    def flush(self, prepared: LexicalIndex | None = None) -> None:
        """Rebuild and save the BM25 index after deferred writes; then the index is complete again.

        Args:
            prepared: A BM25 index built beforehand by :meth:`prepare_lexical` (outside a write
                lock); saved as it is when its chunks are exactly the pending ones, else ignored.
        """
        if self._pending is None or self._failed:
            return
        with self._writing("flush"):
            if prepared is not None and _same_chunks(prepared.catalog, self._pending):
                self._save_built(prepared)
            else:
                self._save_lexical(self._pending)
            self._pending = None

    def prepare_lexical(self, chunks_by_doc: Mapping[str, Sequence[Chunk]]) -> LexicalIndex:
        """The BM25 index as it will be once ``chunks_by_doc`` are upserted, built now (no index
        is touched), so that a writer builds it before taking a write lock and hands it to
        :meth:`flush`. Pass the same chunk objects to :meth:`upsert_documents`."""
        catalog = self.catalog.replace_documents(chunks_by_doc)
        # A copy of the token cache: a flush under the write lock may use the cache meanwhile.
        return LexicalIndex.build(catalog, token_cache=dict(self._token_cache))

    def _save_lexical(self, catalog: ChunkCatalog) -> None:
        self._save_built(LexicalIndex.build(catalog, token_cache=self._token_cache))

    def _save_built(self, lexical: LexicalIndex) -> None:
        manifest = {
            "embedding_model": self.embedder.name,
            "embedding_dimension": self.embedder.dimension,
            "updated_at": dt.datetime.now(dt.UTC).isoformat(),
        }
        # The dense rows of unchanged chunks are kept; only new or changed ones are read from Chroma.
        dense = build_matrix(
            lexical.catalog,
            previous=self.dense,
            fetch=self.vectors.vectors_of,
            dimension=self.embedder.dimension,
        )
        crosslingual = self._build_crosslingual(lexical.catalog)
        if crosslingual is not None:
            manifest["crosslingual_model"] = CrossLingualEncoder.name

        def save_matrices(directory: Path) -> None:
            dense.save(directory)
            if crosslingual is not None:
                crosslingual.save(directory, name=CROSSLINGUAL_VECTORS)

        lexical.save(self.lexical_dir, manifest=manifest, also=save_matrices)
        self.lexical, self.lexical_error, self._manifest = (
            lexical,
            None,
            {**manifest, "chunks": len(dense.catalog)},
        )
        self.dense = DenseMatrix.load(self.lexical_dir, lexical.catalog)  # mapped, as other processes see it
        self.crosslingual = self._load_crosslingual()
        self._manifest_stamp = self._stamp()

    def _build_crosslingual(self, catalog: ChunkCatalog) -> DenseMatrix | None:
        """The multilingual matrix of ``catalog``: unchanged rows kept, the others from the encoder."""
        encoder = self.crosslingual_encoder
        if encoder is None:
            return None

        def fetch(chunk_ids: Sequence[str]) -> Mapping[str, Sequence[float]]:
            texts = {chunk_id: catalog.chunks[catalog.row_of[chunk_id]].dense_text for chunk_id in chunk_ids}
            return encoder.vectors(texts)  # type: ignore[return-value]  # rows of float32 arrays

        return build_matrix(catalog, previous=self.crosslingual, fetch=fetch, dimension=encoder.dimension)

    def embed_chunks(self, chunks: Sequence[Chunk]) -> dict[str, list[float]]:
        """Vectors for ``chunks`` (chunk_id → vector), computed without touching either index.

        Their cross-lingual vectors are computed now too and kept for the write that follows."""
        vectors = self.vectors.embed_chunks(chunks)
        if self.crosslingual_encoder is not None:
            self.crosslingual_encoder.prepare([chunk.dense_text for chunk in chunks])
        return vectors

    def upsert_documents(
        self,
        chunks_by_doc: Mapping[str, Sequence[Chunk]],
        *,
        progress: Callable[[int], None] | None = None,
        vectors: Mapping[str, Sequence[float]] | None = None,
    ) -> None:
        """Replace every chunk of these documents in both indexes (an empty sequence removes the document).

        Args:
            chunks_by_doc: doc_id → all of that document's chunks.
            progress: Called with the number of chunks embedded so far, after each batch.
            vectors: Vectors already computed by :meth:`embed_chunks` (chunk_id → vector), so that a
                writer embeds before it takes a write lock; chunks without one are embedded here.

        Raises:
            InvalidInput: A chunk filed under another document's id, or duplicate chunk ids.
            IndexModelMismatch: The vector index was built with another model.
            IndexUnavailable: A write failed (the index is then reported ``incomplete``).
        """
        _validate(chunks_by_doc)
        if not chunks_by_doc:
            return
        self.vectors.check_model()
        if self._pending is None:
            self.refresh()
        with self._writing("upsert", deferred=True):
            # Only documents already indexed can have old chunks: a delete-by-metadata scans the
            # collection, so skipping it for new documents keeps a cold ingest linear.
            indexed = self.catalog.doc_ids
            stale = [doc_id for doc_id in chunks_by_doc if doc_id in indexed]
            if stale:
                self.vectors.delete_documents(stale)
            chunks = [c for chunks in chunks_by_doc.values() for c in chunks]
            self.vectors.add_chunks(chunks, progress=progress, vectors=vectors)
            if self.crosslingual_encoder is not None:  # their multilingual rows, for the next save
                self.crosslingual_encoder.prepare([chunk.dense_text for chunk in chunks])
            self._pending = self.catalog.replace_documents(chunks_by_doc)

    def delete_documents(self, doc_ids: Iterable[str]) -> None:
        """Remove these documents from both indexes (unknown ids are ignored)."""
        ids = sorted(set(doc_ids))
        if ids:
            self.upsert_documents(dict.fromkeys(ids, ()))

    def rebuild(self, chunks: Iterable[Chunk], *, progress: Callable[[int], None] | None = None) -> None:
        """Drop both indexes and build them again from ``chunks`` with the configured embedder."""
        catalog = ChunkCatalog.from_chunks(chunks)
        self._failed, self._pending = False, None
        self.dense = None  # every vector is (re)written: the matrix is read from Chroma again
        with self._writing("rebuild"):
            self.vectors.drop()
            self.vectors.ensure()
            self.vectors.add_chunks(catalog.chunks, progress=progress)
            self._save_lexical(catalog)

    def repair(
        self, chunks: Iterable[Chunk], *, progress: Callable[[int], None] | None = None
    ) -> RepairReport:
        """Bring both indexes in line with ``chunks`` (the records), re-embedding only what differs.

        After an interrupted write the vector index holds every committed chunk plus, at most, the
        batch that was being written (ingest writes the index before it commits the records):
        vectors whose chunk is not in the records, or whose text, title or document differ, are
        deleted; chunks without a vector are embedded; the BM25 index is rebuilt whole. The marker
        stays until the end, so a crash during the repair is seen again at the next start.

        Raises:
            IndexModelMismatch: The vector index was built with another model.
            IndexUnavailable: Chroma failed; call :meth:`rebuild` instead.
        """
        catalog = ChunkCatalog.from_chunks(chunks)
        self._failed, self._pending = False, None
        self.dense = None  # every vector is (re)written: the matrix is read from Chroma again
        with self._writing("repair"):
            collection = self.vectors.ensure()
            wanted = {chunk.chunk_id: chunk for chunk in catalog.chunks}
            good: set[str] = set()
            wrong: list[str] = []
            offset = 0
            while page := collection.get(include=["documents", "metadatas"], limit=_READ_PAGE, offset=offset):
                if not page["ids"]:
                    break
                offset += len(page["ids"])
                for chunk_id, text, meta in zip(
                    page["ids"], page["documents"], page["metadatas"], strict=True
                ):
                    chunk = wanted.get(chunk_id)
                    if chunk is not None and _same_chunk(chunk, text, meta or {}):
                        good.add(chunk_id)
                    else:
                        wrong.append(chunk_id)
            for start in range(0, len(wrong), 500):
                collection.delete(ids=wrong[start : start + 500])
            missing = [chunk for chunk in catalog.chunks if chunk.chunk_id not in good]
            self.vectors.add_chunks(missing, progress=progress)
            if self.vectors.count() != len(catalog):
                raise IndexUnavailable(
                    f"repair left {self.vectors.count()} vectors for {len(catalog)} chunks"
                )
            self._save_lexical(catalog)
        return RepairReport(kept=len(good), embedded=len(missing), deleted=len(wrong))

    def close(self) -> None:
        """Flush deferred writes and release the Chroma client."""
        try:
            self.flush()
        finally:
            self._close_client()


def _validate(chunks_by_doc: Mapping[str, Sequence[Chunk]]) -> None:
    seen: set[str] = set()
    for doc_id, chunks in chunks_by_doc.items():
        for chunk in chunks:
            if chunk.doc_id != doc_id:
                raise InvalidInput(f"chunk {chunk.chunk_id!r} belongs to {chunk.doc_id!r}, not {doc_id!r}")
            if chunk.chunk_id in seen:
                raise InvalidInput(f"duplicate chunk id {chunk.chunk_id!r}")
            seen.add(chunk.chunk_id)


def _same_chunk(chunk: Chunk, text: str | None, meta: Mapping[str, Any]) -> bool:
    return (
        text == chunk.text
        and meta.get("doc_id") == chunk.doc_id
        and meta.get("title") == chunk.title
        and meta.get("position") == chunk.position
    )


def _process_started(pid: int) -> float | None:
    try:
        return float(psutil.Process(pid).create_time())
    except psutil.Error:
        return None


def _same_chunks(left: ChunkCatalog, right: ChunkCatalog) -> bool:
    """Whether two catalogs hold the same chunks in the same rows (identity first: cheap)."""
    if len(left) != len(right):
        return False
    return all(a is b or a == b for a, b in zip(left.chunks, right.chunks, strict=True))


def _live_writer(marker: Path) -> int | None:
    """The pid of the live process that wrote ``marker``; None when it is gone (crashed, killed).

    A pid alone is not enough: a zombie (killed, not yet reaped) still has one, and after a
    restart another process (often pid 1 in a container) may carry the same number; the
    process start time recorded in the marker tells them apart.
    """
    try:
        body = json.loads(marker.read_text(encoding="utf-8"))
        pid = int(body["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if pid == os.getpid():
        return None
    try:
        process = psutil.Process(pid)
        if process.status() == psutil.STATUS_ZOMBIE:
            return None
        started = body.get("process_started")
        if isinstance(started, int | float) and abs(process.create_time() - started) > 1.0:
            return None
    except psutil.NoSuchProcess:
        return None
    except psutil.Error:
        return pid  # exists but cannot be inspected (another user): assume it is writing
    return pid
