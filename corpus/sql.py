"""One way to open a SQL database for every store (records, conversations, Slack state).

SQLite in the data dir by default (WAL: readers never block the writer, and a crash mid-write
leaves the last commit intact), any SQLAlchemy URL — PostgreSQL — when configured.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any, ClassVar, Self

from sqlalchemy import Engine, MetaData, String, Table, create_engine, event, make_url, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.types import TypeEngine

from corpus.errors import StoreUnavailable
from corpus.permissions import private_dir

SUPPORTED_BACKENDS = frozenset({"sqlite", "postgresql"})
"""The databases the stores are tested on (the upserts below are written for these two)."""


class SqlStore:
    """A store over one SQLAlchemy engine: opened by URL (tables created when missing), then closed.

    Subclasses name their tables (``metadata``) and what they are for error messages (``purpose``).
    """

    metadata: ClassVar[MetaData]
    purpose: ClassVar[str]

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @classmethod
    def open(cls, url: str) -> Self:
        """Open (creating the tables if needed) the store at a SQLAlchemy URL.

        Raises:
            StoreUnavailable: the database cannot be opened or created.
        """
        return cls(open_engine(url, metadata=cls.metadata, purpose=cls.purpose))

    def close(self) -> None:
        """Release the engine's connections."""
        self._engine.dispose()


def utc_now() -> dt.datetime:
    """Now, timezone-aware in UTC: the time every store writes."""
    return dt.datetime.now(dt.UTC)


def as_utc(value: dt.datetime) -> dt.datetime:
    """A stored time as an aware UTC datetime (SQLite returns naive datetimes; every stored time is UTC)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def open_engine(url: str, *, metadata: MetaData, purpose: str) -> Engine:
    """Create the engine for ``url`` and the tables of ``metadata`` if missing.

    Several processes (``serve`` workers) may open the same database at once: table creation is
    serialised (an advisory lock on PostgreSQL; on SQLite a lost race is retried, the tables then
    exist). Server databases get connections checked before use, so a restarted server costs
    one reconnect instead of an error.

    Raises:
        StoreUnavailable: the database cannot be opened or created (message without password).
    """
    try:
        backend = make_url(url).get_backend_name()
        if backend not in SUPPORTED_BACKENDS:
            raise StoreUnavailable(
                f"cannot open the {purpose} at {safe_url(url)}: {backend!r} databases are not supported "
                "(use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB)"
            )
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            private_dir(Path(url.removeprefix("sqlite:///")).parent)
        if backend == "sqlite":
            engine = create_engine(url)
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        _create_tables(engine, metadata)
    except (SQLAlchemyError, OSError, ValueError) as exc:
        raise StoreUnavailable(f"cannot open the {purpose} at {safe_url(url)}: {exc}") from exc
    return engine


_SCHEMA_LOCK = 7_294_001
"""PostgreSQL advisory lock key held while creating tables (any constant shared by every worker)."""


def _create_tables(engine: Engine, metadata: MetaData, *, attempts: int = 5) -> None:
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:  # DDL is transactional: the lock is released at commit
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})
            metadata.create_all(conn)
        return
    for attempt in range(attempts):
        try:
            metadata.create_all(engine)
            return
        except (OperationalError, IntegrityError):
            # Another process created a table between our check and our CREATE; check again.
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def key_text() -> TypeEngine[str]:
    """An id column type: no length cap (PostgreSQL enforces ``VARCHAR(n)``, SQLite never did) and
    byte-order sorting (``COLLATE "C"`` on PostgreSQL, SQLite's default), so ``ORDER BY`` an id gives
    the same order on both, whatever the server's locale."""
    return String().with_variant(String(collation="C"), "postgresql")


def insert_for(engine: Engine, table: Table) -> Any:
    """``INSERT`` into ``table`` with ``on_conflict_do_nothing`` / ``on_conflict_do_update`` (upserts
    that stay correct when several workers write the same key at once)."""
    if engine.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def sql_text(value: str | None) -> str | None:
    """``value`` without NUL characters, which PostgreSQL text columns refuse (SQLite keeps them).

    Applied on every dialect so that what is stored does not depend on the database.
    """
    return None if value is None else value.replace("\x00", "")


def safe_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"
