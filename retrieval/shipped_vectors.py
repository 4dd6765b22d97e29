"""Embeddings that ship with the bundled corpus, so that a first ingest of the bundle embeds nothing.

``make corpus`` (``scripts/build_corpus.py``) embeds every chunk of the bundle with each bundled
embedding model and writes one file per model into the bundle folder: ``vectors-<model>.npy``,
float16, one row per chunk in ``chunk_id`` order. The bundle manifest records, per file, the model
id, the corpus checksum (the chunk ids and the text embedded for each, so any change to the records
or to the chunker changes it), the file's sha256 and its size.

``ingest`` of the bundle hands a :class:`ShippedVectorLookup` to the index: when chunks need
vectors, it loads the file once — only if the configured model and the checksum both match — and
the index embeds only what the lookup does not know. Otherwise it says why and everything is
embedded as before. float16 halves the repository cost; its rounding (about 1e-3 of each component)
is below the spread that the int8 model already shows between batches of different shapes.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from corpus.bundle import (
    DEFAULT_BUNDLE_DIR,
    ShippedVectors,
    load_bundled_records,
    read_manifest,
    save_manifest,
)
from corpus.chunking import chunk_record
from corpus.models import AnyRecord, Chunk
from retrieval.embeddings import Embedder

logger = logging.getLogger(__name__)

VECTOR_DTYPE = "float16"
_BUILD_GROUP = 256
"""Chunks per embedding call when building; fixed, so that the build is deterministic."""


def vectors_file_name(model: str) -> str:
    """``vectors-<model slug>.npy``: the file holding ``model``'s vectors in the bundle folder."""
    return f"vectors-{re.sub(r'[^a-z0-9]+', '-', model.lower()).strip('-')}.npy"


def bundle_chunks(records: Iterable[AnyRecord]) -> list[Chunk]:
    """Every chunk of ``records``, in ``chunk_id`` order (the row order of a vector file)."""
    return sorted((chunk for record in records for chunk in chunk_record(record)), key=lambda c: c.chunk_id)


def corpus_checksum(chunks: Iterable[Chunk]) -> str:
    """sha256 over each chunk's id and embedded text, in ``chunk_id`` order."""
    digest = hashlib.sha256()
    for chunk in sorted(chunks, key=lambda c: c.chunk_id):
        digest.update(f"{chunk.chunk_id}\t{chunk.dense_text}\n".encode())
    return digest.hexdigest()


def compute_vectors(embedder: Embedder, chunks: Sequence[Chunk]) -> npt.NDArray[np.float16]:
    """The vectors of ``chunks`` (rows in the given order), embedded in a fixed order.

    The int8 model's output depends slightly on which texts share a batch, so the build always
    forms the same batches: chunks by length, then id, in groups of a fixed size.
    """
    order = sorted(range(len(chunks)), key=lambda i: (len(chunks[i].dense_text), chunks[i].chunk_id))
    matrix = np.zeros((len(chunks), embedder.dimension), dtype=np.float32)
    for start in range(0, len(order), _BUILD_GROUP):
        rows = order[start : start + _BUILD_GROUP]
        matrix[rows] = np.asarray(embedder.embed_documents([chunks[i].dense_text for i in rows]), np.float32)
    return matrix.astype(VECTOR_DTYPE)


def write_shipped_vectors(embedder: Embedder, bundle_dir: Path = DEFAULT_BUNDLE_DIR) -> ShippedVectors:
    """Embed the bundle in ``bundle_dir`` with ``embedder``, write its vector file, update the manifest."""
    manifest = read_manifest(bundle_dir)
    chunks = bundle_chunks(load_bundled_records(bundle_dir))
    buffer = io.BytesIO()
    np.save(buffer, compute_vectors(embedder, chunks), allow_pickle=False)
    data = buffer.getvalue()
    name = vectors_file_name(embedder.name)
    (bundle_dir / name).write_bytes(data)
    entry = ShippedVectors(
        model=embedder.name,
        dimension=embedder.dimension,
        file=name,
        dtype=VECTOR_DTYPE,
        rows=len(chunks),
        corpus_checksum=corpus_checksum(chunks),
        sha256=hashlib.sha256(data).hexdigest(),
        bytes=len(data),
    )
    others = tuple(v for v in manifest.vectors if v.model != entry.model)
    vectors = tuple(sorted((*others, entry), key=lambda v: v.model))
    save_manifest(manifest.model_copy(update={"vectors": vectors}), bundle_dir)
    return entry


def bundle_vector_lookup(
    embedder: Embedder, *, notify: Callable[[str], None] = logger.info
) -> ShippedVectorLookup:
    """A lookup of the bundled corpus's shipped vectors for ``embedder``, loading the bundle on first use.

    For writes that re-embed stored chunks (a model switch, ``reindex``, a repair): the bundle's
    chunks among them take their shipped vectors instead of being embedded again.
    """
    return ShippedVectorLookup(embedder=embedder, records=lambda: list(load_bundled_records()), notify=notify)


class ShippedVectorLookup:
    """Vectors by embedded text from the bundle's vector file for ``embedder``, loaded on first use.

    Calling it with texts gives, per text, its shipped vector or ``None`` (to embed). When the file
    cannot be used (no file for this model, another corpus, a damaged file), every answer is
    ``None`` and ``notify`` hears why, once. ``records`` may be a function that loads them, called
    only when vectors are first asked for.
    """

    def __init__(
        self,
        *,
        embedder: Embedder,
        records: Sequence[AnyRecord] | Callable[[], Sequence[AnyRecord]],
        bundle_dir: Path = DEFAULT_BUNDLE_DIR,
        notify: Callable[[str], None] = logger.info,
    ) -> None:
        self._embedder = embedder
        self._records = records
        self._bundle_dir = bundle_dir
        self._notify = notify
        self._checked = False
        self._matrix: npt.NDArray[np.float16] | None = None
        self._row_of: dict[str, int] = {}

    @property
    def loaded(self) -> bool:
        """True once the shipped vectors were found usable and loaded."""
        return self._matrix is not None

    def __call__(self, texts: Sequence[str]) -> list[npt.NDArray[np.float32] | None]:
        if not self._checked:
            self._checked = True
            reason = self._load()
            if reason is not None:
                self._notify(f"not using the shipped vectors: {reason}; embedding the bundled corpus instead")
        if self._matrix is None:
            return [None] * len(texts)
        matrix = self._matrix
        rows = [self._row_of.get(text) for text in texts]
        return [None if row is None else matrix[row].astype(np.float32) for row in rows]

    def _load(self) -> str | None:
        """Load the matrix and its row index; the reason when the shipped vectors cannot be used."""
        model = self._embedder.name
        try:
            manifest = read_manifest(self._bundle_dir)
        except (OSError, ValueError) as exc:
            return f"the bundle manifest cannot be read ({exc})"
        entry = next((v for v in manifest.vectors if v.model == model), None)
        if entry is None:
            shipped = ", ".join(v.model for v in manifest.vectors) or "none"
            return f"none were computed with the configured model {model} (shipped: {shipped})"
        if entry.dimension != self._embedder.dimension:
            return f"{model} gives {self._embedder.dimension} dimensions, the file has {entry.dimension}"
        chunks = bundle_chunks(self._records() if callable(self._records) else self._records)
        checksum = corpus_checksum(chunks)
        if checksum != entry.corpus_checksum:
            return (
                f"they were computed for another corpus or chunker (checksum {entry.corpus_checksum[:12]}, "
                f"this bundle {checksum[:12]})"
            )
        try:
            data = (self._bundle_dir / entry.file).read_bytes()
        except OSError as exc:
            return f"{entry.file} cannot be read ({exc})"
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            return f"{entry.file} does not match its sha256 in the manifest (damaged or replaced)"
        matrix = np.load(io.BytesIO(data), allow_pickle=False)
        if matrix.shape != (len(chunks), entry.dimension):
            return f"{entry.file} holds {matrix.shape} vectors, the bundle has {len(chunks)} chunks"
        self._matrix = matrix
        self._row_of = {chunk.dense_text: row for row, chunk in enumerate(chunks)}
        self._notify(f"loaded {len(chunks):,} shipped vectors ({model}) instead of embedding")
        return None
