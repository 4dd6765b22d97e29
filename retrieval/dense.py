"""The dense vectors of the BM25 catalog, one memory-mapped matrix that every serving process shares.

Next to the BM25 index (``data/bm25/``), in the same directory that is written whole and swapped in
atomically, ``vectors.npy`` holds one float32 row per catalog row (row i = catalog chunk i), the
same vectors Chroma holds. Searches score it exactly (one matrix-vector product, ~1-2 ms for 10k
chunks) instead of asking Chroma's HNSW (~4 ms, approximate); and because the file is mapped, not
read, every ``serve`` worker process shares one copy of its pages in the OS page cache.

So a search never needs Chroma: a worker process of ``serve --workers N`` reads the catalog, the BM25
index and this matrix, and re-maps them when the writer swaps a new directory in (the manifest's
modification time is the generation counter). Chroma stays the writers' store: the source the matrix
is written from, and what the scale-out path (a Chroma server) serves.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from retrieval.catalog import ChunkCatalog

logger = logging.getLogger(__name__)

VECTORS = "vectors.npy"
"""File name of the matrix inside the BM25 index directory."""

Matrix = npt.NDArray[np.float32]
FetchVectors = Callable[[Sequence[str]], Mapping[str, Sequence[float]]]
"""Chunk ids → their stored vectors (from Chroma); ids it does not know are left out."""


class DenseMatrix:
    """Unit-length vectors aligned with a :class:`ChunkCatalog` (row i = catalog chunk i)."""

    def __init__(self, catalog: ChunkCatalog, matrix: Matrix) -> None:
        if matrix.ndim != 2 or matrix.shape[0] != len(catalog):
            raise ValueError(f"dense matrix has shape {matrix.shape}, the catalog {len(catalog)} chunks")
        self.catalog = catalog
        self.matrix = matrix

    @property
    def dimension(self) -> int:
        return int(self.matrix.shape[1])

    @classmethod
    def load(cls, directory: Path, catalog: ChunkCatalog, *, name: str = VECTORS) -> DenseMatrix | None:
        """The matrix saved in ``directory/name`` for ``catalog``, memory-mapped; None when there is none.

        Raises:
            ValueError: The file does not match the catalog (a damaged index: rebuild it).
        """
        path = directory / name
        if not path.exists():
            return None
        matrix = np.load(path, mmap_mode="r", allow_pickle=False)
        if matrix.dtype != np.float32:
            raise ValueError(f"{path} holds {matrix.dtype}, not float32")
        return cls(catalog, matrix)

    def save(self, directory: Path, *, name: str = VECTORS) -> None:
        """Write the matrix to ``directory/name`` (through a temporary file, then renamed)."""
        staging = directory / f"{name}.tmp-{os.getpid()}"
        with staging.open("wb") as out:
            np.save(out, np.ascontiguousarray(self.matrix, dtype=np.float32), allow_pickle=False)
        os.replace(staging, directory / name)

    def search(
        self, vector: Sequence[float], *, n: int, mask: npt.NDArray[np.bool_] | None = None
    ) -> list[tuple[int, float]]:
        """Top ``n`` rows by cosine similarity to ``vector`` among the rows ``mask`` allows, best first."""
        if n <= 0 or not len(self.catalog):
            return []
        scores = _dot(self.matrix, vector)
        if mask is not None:
            allowed = np.flatnonzero(mask)
            scores = scores[allowed]
        else:
            allowed = None
        n = min(n, scores.shape[0])
        if n == 0:
            return []
        top = np.argpartition(-scores, n - 1)[:n] if scores.shape[0] > n else np.arange(scores.shape[0])
        top = top[np.argsort(-scores[top], kind="stable")]
        rows = allowed[top] if allowed is not None else top
        return [(int(row), float(scores[i])) for row, i in zip(rows, top, strict=True)]

    def similarities(self, vector: Sequence[float], chunk_ids: Sequence[str]) -> dict[str, float]:
        """Cosine similarity of ``vector`` to each of ``chunk_ids`` that the catalog holds."""
        row_of = self.catalog.row_of
        rows = [(chunk_id, row_of[chunk_id]) for chunk_id in chunk_ids if chunk_id in row_of]
        if not rows:
            return {}
        scores = _dot(self.matrix[[row for _, row in rows]], vector)
        return {chunk_id: float(score) for (chunk_id, _), score in zip(rows, scores, strict=True)}


def _dot(matrix: Matrix, vector: Sequence[float]) -> Matrix:
    """``matrix @ vector`` on this thread: einsum's own loop, not BLAS. OpenBLAS spreads a product
    this small over every core and spins its threads: ~6-7 ms of CPU per search on 2 cores where
    one thread takes ~1 ms, and the other workers' cores are the ones it spins on."""
    scores: Matrix = np.einsum("ij,j->i", matrix, np.asarray(vector, dtype=np.float32))
    return scores


def build_matrix(
    catalog: ChunkCatalog, *, previous: DenseMatrix | None, fetch: FetchVectors, dimension: int
) -> DenseMatrix:
    """The matrix of ``catalog``: rows of unchanged chunks from ``previous``, the others fetched.

    A chunk is unchanged when ``previous`` holds the same chunk (same id and content); everything
    else (new, re-chunked, or every chunk when there is no previous matrix) is fetched from the
    vector store in one call.

    Raises:
        ValueError: The vector store lacks a chunk's vector (the indexes disagree: rebuild).
    """
    matrix = np.zeros((len(catalog), dimension), dtype=np.float32)
    if previous is not None and previous.dimension != dimension:
        previous = None  # another embedding model: nothing to keep
    wanted: list[int] = []
    for row, chunk in enumerate(catalog.chunks):
        old = previous.catalog.row_of.get(chunk.chunk_id) if previous is not None else None
        if previous is not None and old is not None:
            earlier = previous.catalog.chunks[old]
            if earlier is chunk or earlier == chunk:
                matrix[row] = previous.matrix[old]
                continue
        wanted.append(row)
    if wanted:
        ids = [catalog.chunks[row].chunk_id for row in wanted]
        found = fetch(ids)
        missing = [chunk_id for chunk_id in ids if chunk_id not in found]
        if missing:
            raise ValueError(
                f"the vector store has no vector for {len(missing)} chunk(s), e.g. {missing[0]!r}"
            )
        fetched = np.asarray([found[chunk_id] for chunk_id in ids], dtype=np.float32)
        # Unit length, so that a dot product is the cosine Chroma computes (shipped float16 vectors
        # are unit length only to about 1e-3).
        norms = np.linalg.norm(fetched, axis=1, keepdims=True)
        matrix[wanted] = fetched / np.where(norms > 0, norms, 1.0)
    return DenseMatrix(catalog, matrix)
