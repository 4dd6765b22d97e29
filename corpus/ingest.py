"""Ingest: records from the bundled corpus or user files into the record store and the indexes.

Incremental by content hash: an unchanged document is neither re-chunked nor re-embedded, a
changed one replaces its old chunks, and a document that disappeared from its origin (the bundle,
or a re-ingested file) is removed from the store and every index.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from corpus.chunking import CHUNKER_VERSION, chunk_record
from corpus.errors import AdvisorError
from corpus.models import AnyRecord, Chunk
from corpus.store import RecordStore

logger = logging.getLogger(__name__)

BUNDLE_ORIGIN = "bundle"
REFRESH_ORIGIN = "ft-refresh"
"""Origin of calls written by ``refresh``: newer than the bundle, which never overwrites them."""


class ChunkIndex(Protocol):
    """What ingest needs of a search index (``retrieval.index.SearchIndex`` implements it)."""

    def upsert_documents(
        self,
        chunks_by_doc: Mapping[str, Sequence[Chunk]],
        *,
        progress: Callable[[int], None] | None = None,
        vectors: Mapping[str, Sequence[float]] | None = None,
    ) -> None: ...

    def delete_documents(self, doc_ids: Iterable[str]) -> None: ...

    def indexed_doc_ids(self) -> set[str]: ...


class IngestProgress(Protocol):
    """Progress reporting (a progress bar in the CLI, nothing in tests)."""

    def add_total(self, records: int) -> None: ...

    def advance(self, records: int) -> None: ...


@dataclass
class IngestSource:
    """Records from one origin, with the problems met while loading them."""

    origin: str
    records: list[AnyRecord]
    problems: list[str] = field(default_factory=list)
    failed: bool = False
    """True when the origin could not be read at all (unreadable, unsupported, too large, empty)."""


@dataclass
class IngestReport:
    """What an ingest did, by doc type."""

    added: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    chunks_written: Counter[str] = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)
    sources_ok: int = 0
    sources_failed: int = 0

    @property
    def loaded(self) -> int:
        """Documents now present from this ingest (added + updated + unchanged)."""
        return sum((self.added + self.updated + self.unchanged).values())

    @property
    def nothing_loaded(self) -> bool:
        return self.loaded == 0 and self.sources_ok == 0


def stored_hash(record: AnyRecord) -> str:
    """Hash that changes when the record's content or the chunker changes."""
    return hashlib.sha256(f"{record.content_hash()}:{CHUNKER_VERSION}".encode()).hexdigest()


def ingest_sources(
    *,
    store: RecordStore,
    index: ChunkIndex | None,
    sources: Iterable[IngestSource],
    progress: IngestProgress | None = None,
    remove_missing: bool = True,
    batch_size: int = 64,
    vectors: Mapping[str, Sequence[float]] | None = None,
) -> IngestReport:
    """Bring the store and index in line with ``sources``; see the module docstring.

    ``vectors`` (chunk_id → vector, embedded beforehand by the index) spare the index embedding
    those chunks again: an upload embeds before it takes the write lock.

    Each batch is written to the index first and committed to the store second, so a crash
    between the two leaves a document the store does not know yet: the next ingest redoes it.
    """
    report = IngestReport()
    stored = store.stored_documents()
    deleted = store.tombstoned_ids()
    indexed = index.indexed_doc_ids() if index is not None else None
    for source in sources:
        report.skipped.extend(source.problems)
        if source.failed:
            report.sources_failed += 1
            continue
        report.sources_ok += 1
        if progress is not None:
            progress.add_total(len(source.records))
        seen: set[str] = set()
        batch: list[tuple[AnyRecord, str, list[Chunk]]] = []
        for record in source.records:
            if record.doc_id in seen:
                report.skipped.append(
                    f"{source.origin}: duplicate document id {record.doc_id!r}; kept the first"
                )
                _advance(progress, 1)
                continue
            seen.add(record.doc_id)
            if record.doc_id in deleted:
                report.skipped.append(
                    f"{source.origin}: {record.doc_id!r} was deleted (tombstone); not added again"
                )
                _advance(progress, 1)
                continue
            digest = stored_hash(record)
            previous = stored.get(record.doc_id)
            in_index = indexed is None or record.doc_id in indexed
            refreshed = previous is not None and previous.origin == REFRESH_ORIGIN
            if (
                previous is not None
                and in_index
                and (previous.content_hash == digest or (refreshed and source.origin == BUNDLE_ORIGIN))
            ):
                report.unchanged[record.doc_type.value] += 1
                _advance(progress, 1)
                continue
            (report.updated if previous is not None else report.added)[record.doc_type.value] += 1
            batch.append((record, digest, chunk_record(record)))
            if len(batch) >= batch_size:
                _write(
                    store=store,
                    index=index,
                    batch=batch,
                    origin=source.origin,
                    report=report,
                    vectors=vectors,
                )
                _advance(progress, len(batch))
                batch = []
        if batch:
            _write(
                store=store, index=index, batch=batch, origin=source.origin, report=report, vectors=vectors
            )
            _advance(progress, len(batch))
        if remove_missing:
            missing = [
                doc for doc_id, doc in stored.items() if doc.origin == source.origin and doc_id not in seen
            ]
            remove_documents(store=store, index=index, doc_ids=[doc.doc_id for doc in missing])
            for doc in missing:
                report.removed[doc.doc_type.value] += 1
    return report


def _write(
    *,
    store: RecordStore,
    index: ChunkIndex | None,
    batch: Sequence[tuple[AnyRecord, str, list[Chunk]]],
    origin: str,
    report: IngestReport,
    vectors: Mapping[str, Sequence[float]] | None = None,
) -> None:
    if index is not None:
        chunks_by_doc = {record.doc_id: record_chunks for record, _, record_chunks in batch}
        if vectors:
            index.upsert_documents(chunks_by_doc, vectors=vectors)
        else:
            index.upsert_documents(chunks_by_doc)
    store.save(batch, origin=origin)
    for record, _, record_chunks in batch:
        report.chunks_written[record.doc_type.value] += len(record_chunks)


def _advance(progress: IngestProgress | None, records: int) -> None:
    if progress is not None:
        progress.advance(records)


def delete_documents(
    *, store: RecordStore, index: ChunkIndex | None, doc_ids: Sequence[str], deleted_by: str
) -> int:
    """Soft-delete documents: out of every index, their records kept as tombstones that later
    ingests (and restores of older backups) respect; returns how many the store held."""
    if not doc_ids:
        return 0
    if index is not None:
        index.delete_documents(doc_ids)
    deleted = store.tombstone(doc_ids, deleted_by=deleted_by)
    logger.info("deleted %d documents (tombstones kept)", deleted)
    return deleted


def remove_documents(*, store: RecordStore, index: ChunkIndex | None, doc_ids: Sequence[str]) -> int:
    """Remove documents from every index, then from the store; returns how many the store held."""
    if not doc_ids:
        return 0
    if index is not None:
        index.delete_documents(doc_ids)
    removed = store.delete(doc_ids)
    logger.info("removed %d documents", removed)
    return removed


# --- where records come from -----------------------------------------------------------------


def bundled_source(bundle_dir: Path | None = None) -> IngestSource:
    """The corpus that ships inside the package."""
    from corpus.bundle import load_bundled_records

    return IngestSource(origin=BUNDLE_ORIGIN, records=list(load_bundled_records(bundle_dir)))


def file_sources(
    paths: Iterable[Path], *, max_bytes: int, today: dt.date, encoding: str | None = None
) -> Iterator[IngestSource]:
    """One source per file; directories are walked for supported files.

    ``encoding`` is the text encoding of every text file given (None: detected per file).

    A file that cannot be read becomes a failed source with a one-line reason; the others load.
    """
    from corpus.files import SUPPORTED_SUFFIXES, load_file

    for path in _expand(paths, SUPPORTED_SUFFIXES):
        origin = str(path.resolve()) if path.exists() else str(path)
        try:
            loaded = load_file(path, max_bytes=max_bytes, retrieved_on=today, encoding=encoding)
        except (AdvisorError, OSError) as exc:
            reason = f"{path}: {_describe(exc)}"
            logger.warning("skipped %s", reason)
            yield IngestSource(origin=origin, records=[], problems=[reason], failed=True)
            continue
        problems = [f"{path}: {problem}" for problem in loaded.problems]
        for problem in problems:
            logger.warning("skipped %s", problem)
        if not loaded.records:
            problems = problems or [f"{path}: no records found"]
        yield IngestSource(
            origin=origin, records=list(loaded.records), problems=problems, failed=not loaded.records
        )


def _expand(paths: Iterable[Path], suffixes: frozenset[str]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in suffixes and not child.name.startswith("."):
                    yield child
        else:
            yield path


def _describe(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "file not found"
    if isinstance(exc, PermissionError):
        return "permission denied (check the file's permissions)"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return str(exc) or type(exc).__name__


def rebuild_index(
    *, store: RecordStore, index: ChunkIndexRebuild, progress: Callable[[int], None] | None = None
) -> int:
    """Rebuild the index from the stored chunks (the store is the source of truth)."""
    chunks = list(store.iter_chunks())
    index.rebuild(chunks, progress=progress)
    return len(chunks)


class ChunkIndexRebuild(Protocol):
    def rebuild(self, chunks: Iterable[Chunk], *, progress: Callable[[int], None] | None = None) -> None: ...
