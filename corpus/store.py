"""The record store: corpus records and their chunks in SQL — the source of truth.

SQLite in the data dir by default, any SQLAlchemy URL (PostgreSQL) when configured. The vector
and BM25 indexes can always be rebuilt from what is stored here.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    delete,
    func,
    select,
)

from corpus.models import AnyRecord, Chunk, DocType, record_from_json
from corpus.sql import SqlStore, key_text, sql_text

logger = logging.getLogger(__name__)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("doc_id", key_text(), primary_key=True),
    Column("doc_type", String(16), nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("identifier", String),
    Column("url", Text),
    Column("audience", String(16), nullable=False),
    Column("origin", Text, nullable=False, index=True),
    Column("content_hash", String(64), nullable=False),
    Column("payload", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

chunks = Table(
    "chunks",
    metadata,
    Column("chunk_id", key_text(), primary_key=True),
    Column("doc_id", key_text(), ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("doc_type", String(16), nullable=False),
    Column("position", Integer, nullable=False),
    Column("payload", Text, nullable=False),
    Index("ix_chunks_doc", "doc_id", "position"),
)

tombstones = Table(
    "tombstones",
    metadata,
    Column("doc_id", key_text(), primary_key=True),
    Column("doc_type", String(16), nullable=False),
    Column("origin", Text, nullable=False),
    Column("deleted_by", Text, nullable=False),
    Column("deleted_at", DateTime(timezone=True), nullable=False),
    Column("payload", Text, nullable=False),
)
"""Deleted documents: kept (soft delete) and never brought back by ``ingest`` or ``restore``."""


@dataclass(frozen=True)
class StoredDocument:
    """A document row without its payload: enough to decide whether it changed."""

    doc_id: str
    doc_type: DocType
    origin: str
    content_hash: str


@dataclass(frozen=True)
class DocumentRow:
    """A document as listed: id, type, title, origin and audience."""

    doc_id: str
    doc_type: DocType
    title: str
    origin: str
    audience: str


class RecordStore(SqlStore):
    """Read and write corpus records and chunks. One instance per process; thread-safe via the engine."""

    metadata = metadata
    migrations = "records"
    purpose = "record store"

    @property
    def engine(self) -> Engine:
        return self._engine

    # --- reads --------------------------------------------------------------------------------

    def stored_documents(self, *, origin: str | None = None) -> dict[str, StoredDocument]:
        """Every stored document's id, type, origin and content hash (optionally of one origin)."""
        query = select(documents.c.doc_id, documents.c.doc_type, documents.c.origin, documents.c.content_hash)
        if origin is not None:
            query = query.where(documents.c.origin == origin)
        with self._engine.connect() as conn:
            return {
                row.doc_id: StoredDocument(row.doc_id, DocType(row.doc_type), row.origin, row.content_hash)
                for row in conn.execute(query)
            }

    def signature(self) -> tuple[int, str]:
        """A cheap fingerprint of the stored documents (count, latest change): caches compare it."""
        query = select(func.count(), func.max(documents.c.updated_at))
        with self._engine.connect() as conn:
            count, latest = conn.execute(query).one()
        return int(count), str(latest)

    def list_documents(
        self, *, origin: str, audiences: Iterable[str], limit: int, offset: int
    ) -> tuple[int, list[DocumentRow]]:
        """One page of an origin's documents of these audiences, by id, and how many there are:
        counted and cut in SQL (no record is parsed)."""
        where = (documents.c.origin == origin) & documents.c.audience.in_(list(audiences))
        page = (
            select(documents.c.doc_id, documents.c.doc_type, documents.c.title, documents.c.audience)
            .where(where)
            .order_by(documents.c.doc_id)
            .limit(limit)
            .offset(offset)
        )
        with self._engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(documents).where(where)).scalar_one()
            rows = [
                DocumentRow(row.doc_id, DocType(row.doc_type), row.title, origin, row.audience)
                for row in conn.execute(page)
            ]
        return int(total), rows

    def get_record(self, doc_id: str) -> AnyRecord | None:
        with self._engine.connect() as conn:
            payload = conn.execute(select(documents.c.payload).where(documents.c.doc_id == doc_id)).scalar()
        return None if payload is None else record_from_json(payload)

    def iter_records(self, *, doc_type: DocType | None = None, batch_size: int = 500) -> Iterator[AnyRecord]:
        query = select(documents.c.payload).order_by(documents.c.doc_id)
        if doc_type is not None:
            query = query.where(documents.c.doc_type == doc_type.value)
        with self._engine.connect() as conn:
            result = conn.execution_options(yield_per=batch_size).execute(query)
            for payload in result.scalars():
                yield record_from_json(payload)

    def iter_chunks(self, *, doc_ids: Iterable[str] | None = None, batch_size: int = 1000) -> Iterator[Chunk]:
        query = select(chunks.c.payload).order_by(chunks.c.doc_id, chunks.c.position)
        if doc_ids is not None:
            query = query.where(chunks.c.doc_id.in_(list(doc_ids)))
        with self._engine.connect() as conn:
            result = conn.execution_options(yield_per=batch_size).execute(query)
            for payload in result.scalars():
                yield Chunk.model_validate_json(payload)

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        return list(self.iter_chunks(doc_ids=[doc_id]))

    def is_empty(self) -> bool:
        """True when no document is stored (nothing ingested yet)."""
        with self._engine.connect() as conn:
            return conn.execute(select(documents.c.doc_id).limit(1)).first() is None

    def counts(self) -> dict[str, dict[str, int]]:
        """Documents and chunks per doc type, every type present (zero when none)."""
        result: dict[str, dict[str, int]] = {"documents": {}, "chunks": {}}
        with self._engine.connect() as conn:
            for key, table in (("documents", documents), ("chunks", chunks)):
                found = Counter(
                    {
                        row[0]: row[1]
                        for row in conn.execute(
                            select(table.c.doc_type, func.count()).group_by(table.c.doc_type)
                        )
                    }
                )
                result[key] = {doc_type.value: int(found.get(doc_type.value, 0)) for doc_type in DocType}
        return result

    # --- writes -------------------------------------------------------------------------------

    def save(self, items: Sequence[tuple[AnyRecord, str, Sequence[Chunk]]], *, origin: str) -> None:
        """Insert or replace records with their chunks, in one transaction.

        Args:
            items: ``(record, content_hash, chunks)`` triples.
            origin: where the records came from (``bundle`` or a file path); used to remove
                records that disappeared from their origin.
        """
        if not items:
            return
        now = dt.datetime.now(dt.UTC)
        ids = [record.doc_id for record, _, _ in items]
        with self._engine.begin() as conn:
            conn.execute(delete(chunks).where(chunks.c.doc_id.in_(ids)))
            conn.execute(delete(documents).where(documents.c.doc_id.in_(ids)))
            conn.execute(
                documents.insert(),
                [
                    {
                        "doc_id": record.doc_id,
                        "doc_type": record.doc_type.value,
                        "title": sql_text(record.title),
                        "identifier": sql_text(record.identifier),
                        "url": sql_text(record.url),
                        "audience": record.audience.value,
                        "origin": origin,
                        "content_hash": content_hash,
                        "payload": record.model_dump_json(),
                        "updated_at": now,
                    }
                    for record, content_hash, _ in items
                ],
            )
            chunk_rows = [
                {
                    "chunk_id": chunk.chunk_id,
                    "doc_id": chunk.doc_id,
                    "doc_type": chunk.doc_type.value,
                    "position": chunk.position,
                    "payload": chunk.model_dump_json(),
                }
                for _, _, record_chunks in items
                for chunk in record_chunks
            ]
            if chunk_rows:
                conn.execute(chunks.insert(), chunk_rows)

    def tombstone(self, doc_ids: Iterable[str], *, deleted_by: str) -> int:
        """Soft-delete: move documents into ``tombstones`` (record kept) and drop their chunks.

        Returns how many documents were moved.
        """
        ids = list(doc_ids)
        if not ids:
            return 0
        now = dt.datetime.now(dt.UTC)
        with self._engine.begin() as conn:
            rows = conn.execute(
                select(
                    documents.c.doc_id, documents.c.doc_type, documents.c.origin, documents.c.payload
                ).where(documents.c.doc_id.in_(ids))
            ).all()
            found = [row.doc_id for row in rows]
            if not found:
                return 0
            conn.execute(delete(tombstones).where(tombstones.c.doc_id.in_(found)))
            conn.execute(
                tombstones.insert(),
                [
                    {
                        "doc_id": row.doc_id,
                        "doc_type": row.doc_type,
                        "origin": row.origin,
                        "deleted_by": deleted_by,
                        "deleted_at": now,
                        "payload": row.payload,
                    }
                    for row in rows
                ],
            )
            conn.execute(delete(chunks).where(chunks.c.doc_id.in_(found)))
            conn.execute(delete(documents).where(documents.c.doc_id.in_(found)))
        return len(found)

    def tombstoned_ids(self) -> set[str]:
        """Ids of every soft-deleted document."""
        with self._engine.connect() as conn:
            return set(conn.execute(select(tombstones.c.doc_id)).scalars())

    def adopt_tombstones(self, newer: RecordStore) -> int:
        """Apply ``newer``'s deletions here (a restored older backup must not bring them back).

        Documents deleted in ``newer`` are moved into this store's tombstones; returns how many
        documents this store held that way.
        """
        with newer.engine.connect() as conn:
            rows = [dict(row._mapping) for row in conn.execute(select(tombstones))]
        if not rows:
            return 0
        ids = [row["doc_id"] for row in rows]
        moved = self.tombstone(ids, deleted_by="restore")
        with self._engine.begin() as conn:  # the deletions' own rows (who, when, the record) win
            conn.execute(delete(tombstones).where(tombstones.c.doc_id.in_(ids)))
            conn.execute(tombstones.insert(), rows)
        return moved

    def clear_tombstones(self, doc_ids: Iterable[str]) -> None:
        """Forget deletions (an uploader adding its own deleted document again)."""
        ids = list(doc_ids)
        if ids:
            with self._engine.begin() as conn:
                conn.execute(delete(tombstones).where(tombstones.c.doc_id.in_(ids)))

    def delete(self, doc_ids: Iterable[str]) -> int:
        """Remove documents and their chunks; returns how many documents were removed."""
        ids = list(doc_ids)
        if not ids:
            return 0
        with self._engine.begin() as conn:
            conn.execute(delete(chunks).where(chunks.c.doc_id.in_(ids)))
            removed = conn.execute(delete(documents).where(documents.c.doc_id.in_(ids))).rowcount
        return int(removed or 0)
