"""BM25 over chunk texts with ``bm25s``, persisted beside the vector index.

bm25s has no incremental add, so every change rebuilds the index from the catalog (about a second
for ten thousand chunks). Title and identifier are indexed once more in front of the text (the
chunk text already starts with them): a cheap field boost. The directory is written whole to a
temporary sibling and swapped in with ``os.replace``, so a crash leaves either the old or the new
index, never a mix.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import bm25s
import numpy as np
import numpy.typing as npt

from retrieval.analysis import tokenize
from retrieval.catalog import ChunkCatalog

# bm25s sets its logger to DEBUG when imported; let it inherit the level the entrypoint configured.
logging.getLogger("bm25s").setLevel(logging.NOTSET)

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNKS = "chunks.jsonl"


TokenCache = dict[str, tuple[tuple[str, str | None, str], list[str]]]
"""chunk_id → ((title, identifier, text), tokens): lets a rebuild skip re-tokenising unchanged chunks."""


def document_tokens(catalog: ChunkCatalog, cache: TokenCache | None = None) -> list[list[str]]:
    """BM25 tokens of every catalog row: title + identifier (field boost) + text.

    Args:
        catalog: The chunks, in row order.
        cache: Tokens of earlier builds; updated in place and pruned to the catalog's chunks.
    """
    cache = {} if cache is None else cache
    rows: list[list[str]] = []
    for chunk in catalog.chunks:
        key = (chunk.title, chunk.identifier, chunk.text)
        cached = cache.get(chunk.chunk_id)
        if cached is None or cached[0] != key:
            cached = (key, tokenize(chunk.title) + tokenize(chunk.identifier or "") + tokenize(chunk.text))
            cache[chunk.chunk_id] = cached
        rows.append(cached[1])
    for stale in set(cache) - set(catalog.row_of):
        del cache[stale]
    return rows


class LexicalIndex:
    """A BM25 index aligned with a :class:`ChunkCatalog` (row i = catalog chunk i)."""

    def __init__(self, catalog: ChunkCatalog, retriever: bm25s.BM25 | None) -> None:
        self.catalog = catalog
        self._retriever = retriever

    @classmethod
    def build(cls, catalog: ChunkCatalog, *, token_cache: TokenCache | None = None) -> LexicalIndex:
        """Index every chunk of ``catalog`` (re-using ``token_cache`` for unchanged chunks)."""
        if not len(catalog):
            return cls(catalog, None)
        started = time.perf_counter()
        retriever = bm25s.BM25()
        retriever.index(document_tokens(catalog, token_cache), show_progress=False)
        logger.info("BM25 index of %d chunks built in %.2f s", len(catalog), time.perf_counter() - started)
        return cls(catalog, retriever)

    def search(
        self, query: str, *, n: int, mask: npt.NDArray[np.bool_] | None = None
    ) -> list[tuple[int, float]]:
        """Top ``n`` catalog rows for ``query`` among the rows ``mask`` allows, as (row, score).

        Rows that share no token with the query are never returned.
        """
        tokens = tokenize(query)
        if self._retriever is None or not tokens or n <= 0:
            return []
        scores = np.asarray(self._retriever.get_scores(tokens), dtype=np.float32)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        positive = np.flatnonzero(scores > 0)
        if positive.size > n:
            positive = positive[np.argpartition(-scores[positive], n - 1)[:n]]
        ordered = positive[np.argsort(-scores[positive], kind="stable")]
        return [(int(row), float(scores[row])) for row in ordered]

    def save(
        self,
        directory: Path,
        *,
        manifest: dict[str, Any],
        also: Callable[[Path], None] | None = None,
    ) -> None:
        """Write the index, the catalog and ``manifest`` to ``directory``, replacing it atomically.

        Args:
            directory: Where the index lives.
            manifest: Written last, with the format and the counts added.
            also: Writes more files into the staging directory (the dense matrix), so that they are
                swapped in with the index, never apart from it.
        """
        directory.parent.mkdir(parents=True, exist_ok=True)
        staging = directory.with_name(f"{directory.name}.tmp-{os.getpid()}")
        retired = directory.with_name(f"{directory.name}.old-{os.getpid()}")
        for stale in [
            *directory.parent.glob(f"{directory.name}.tmp-*"),
            *directory.parent.glob(f"{directory.name}.old-*"),
        ]:
            shutil.rmtree(stale, ignore_errors=True)  # left by an earlier crash (one writer per data dir)
        staging.mkdir()
        if self._retriever is not None:
            self._retriever.save(str(staging), show_progress=False)
        self.catalog.save(staging / CHUNKS)
        if also is not None:
            also(staging)
        body = {
            **manifest,
            "format": FORMAT_VERSION,
            "chunks": len(self.catalog),
            "docs": len(self.catalog.doc_ids),
        }
        # The manifest goes last: a directory without one is a half-written index.
        (staging / MANIFEST).write_text(json.dumps(body, indent=2, sort_keys=True), encoding="utf-8")
        if directory.exists():
            os.replace(directory, retired)
        os.replace(staging, directory)
        shutil.rmtree(retired, ignore_errors=True)

    @classmethod
    def load(
        cls, directory: Path, *, reuse: ChunkCatalog | None = None
    ) -> tuple[LexicalIndex, dict[str, Any]]:
        """Read an index written by :meth:`save` (``FileNotFoundError``/``ValueError`` if incomplete).

        ``reuse``: the catalog loaded before, whose unchanged chunks are kept (:meth:`ChunkCatalog.load`).
        """
        recover_interrupted_swap(directory)
        manifest = read_manifest(directory)
        if manifest is None:
            raise FileNotFoundError(f"no complete BM25 index in {directory}")
        catalog = ChunkCatalog.load(directory / CHUNKS, reuse=reuse)
        if len(catalog) != manifest.get("chunks"):
            raise ValueError(
                f"BM25 catalog has {len(catalog)} chunks, manifest says {manifest.get('chunks')}"
            )
        retriever = (
            # Memory-mapped: the serve worker processes share one copy of the index in the page cache.
            bm25s.BM25.load(str(directory), show_progress=False, mmap=True) if len(catalog) else None
        )
        if retriever is not None and retriever.scores["num_docs"] != len(catalog):
            raise ValueError("BM25 index and catalog disagree on the number of chunks")
        return cls(catalog, retriever), manifest


def read_manifest(directory: Path) -> dict[str, Any] | None:
    """The manifest of a complete index directory, or None (missing, unreadable, other format)."""
    try:
        manifest: dict[str, Any] = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if manifest.get("format") == FORMAT_VERSION else None


def recover_interrupted_swap(directory: Path) -> None:
    """Finish a swap that a crash interrupted between its two renames (old moved away, new not in)."""
    if directory.exists():
        return
    for staging in sorted(directory.parent.glob(f"{directory.name}.tmp-*")):
        if read_manifest(staging) is not None:
            os.replace(staging, directory)
            logger.warning("recovered the BM25 index from an interrupted swap: %s", staging.name)
            return
