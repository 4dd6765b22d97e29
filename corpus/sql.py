"""One way to open a SQL database for every store (records, conversations, Slack state).

SQLite in the data dir by default (WAL: readers never block the writer, and a crash mid-write
leaves the last commit intact), any SQLAlchemy URL — PostgreSQL — when configured.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import threading
import time
from pathlib import Path
from typing import Any, ClassVar, Self

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError as AlembicError
from sqlalchemy import (
    Connection,
    Engine,
    MetaData,
    String,
    Table,
    create_engine,
    event,
    inspect,
    make_url,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.types import TypeEngine

from corpus.errors import StoreUnavailable
from corpus.permissions import private_dir

logger = logging.getLogger(__name__)

SUPPORTED_BACKENDS = frozenset({"sqlite", "postgresql"})
"""The databases the stores are tested on (the upserts below are written for these two)."""


class SqlStore:
    """A store over one SQLAlchemy engine: opened by URL (schema migrated to the newest), then closed.

    Subclasses name their tables (``metadata``), their folder of Alembic revisions under
    ``corpus/migrations/`` (``migrations``) and what they are for error messages (``purpose``).
    """

    metadata: ClassVar[MetaData]
    migrations: ClassVar[str]
    purpose: ClassVar[str]

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @classmethod
    def open(cls, url: str) -> Self:
        """Open (creating the tables if needed) the store at a SQLAlchemy URL.

        Raises:
            StoreUnavailable: the database cannot be opened or created.
        """
        return cls(open_engine(url, metadata=cls.metadata, migrations=cls.migrations, purpose=cls.purpose))

    def close(self) -> None:
        """Release the engine's connections."""
        self._engine.dispose()


def utc_now() -> dt.datetime:
    """Now, timezone-aware in UTC: the time every store writes."""
    return dt.datetime.now(dt.UTC)


def as_utc(value: dt.datetime) -> dt.datetime:
    """A stored time as an aware UTC datetime (SQLite returns naive datetimes; every stored time is UTC)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def open_engine(url: str, *, metadata: MetaData, migrations: str, purpose: str) -> Engine:
    """Create the engine for ``url`` and bring its schema to the newest revision (:func:`migrate`).

    Several processes (``serve`` workers) may open the same database at once: migrations are
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
        migrate(engine, metadata=metadata, migrations=migrations)
    except (SQLAlchemyError, OSError, ValueError, AlembicError) as exc:
        raise StoreUnavailable(f"cannot open the {purpose} at {safe_url(url)}: {exc}") from exc
    return engine


_SCHEMA_LOCK = 7_294_001
"""PostgreSQL advisory lock key held while migrating (any constant shared by every worker)."""
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_ALEMBIC_LOCK = threading.Lock()


def migrate(engine: Engine, *, metadata: MetaData, migrations: str, attempts: int = 5) -> None:
    """Upgrade the store's schema to the newest revision in ``corpus/migrations/<migrations>/``.

    Each store keeps its own version table (``alembic_version_<migrations>``), so stores sharing
    one PostgreSQL database migrate independently. A database made before migrations existed (0.1.0
    created its tables directly) is stamped with the store's first revision, which is that schema,
    and upgraded from there. A table of ``metadata`` that no revision creates yet is still created
    (with a warning), so an unfinished change never breaks a start; ``test_migrations`` fails on it.
    """
    for attempt in range(attempts):
        try:
            with engine.begin() as conn:  # DDL is transactional on both: all revisions or none
                if engine.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})
                _upgrade(conn, metadata=metadata, migrations=migrations)
            return
        except (OperationalError, IntegrityError):
            # SQLite: another process created a table between our check and our CREATE; check again.
            if engine.dialect.name == "postgresql" or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _upgrade(conn: Connection, *, metadata: MetaData, migrations: str) -> None:
    version_table = f"alembic_version_{migrations}"
    script = _script_directory(migrations)
    current = MigrationContext.configure(conn, opts={"version_table": version_table}).get_current_heads()
    if set(current) != set(script.get_heads()):
        config = _alembic_config(migrations)
        config.attributes.update(connection=conn, target_metadata=metadata, version_table=version_table)
        existing = set(inspect(conn).get_table_names())
        # Alembic runs env.py through one module-global context: one migration per process at a time.
        with _ALEMBIC_LOCK:
            if not current and existing & set(metadata.tables):
                base = script.get_base()
                logger.info("stamping the %s tables made before migrations with %s", migrations, base)
                command.stamp(config, base or "base")
            command.upgrade(config, "heads")
    unmigrated = sorted(set(metadata.tables) - set(inspect(conn).get_table_names()))
    if unmigrated:
        logger.warning("tables without a migration, created directly: %s", ", ".join(unmigrated))
        metadata.create_all(conn, tables=[metadata.tables[name] for name in unmigrated])


@functools.cache
def _script_directory(migrations: str) -> ScriptDirectory:
    return ScriptDirectory.from_config(_alembic_config(migrations))


def _alembic_config(migrations: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", str(MIGRATIONS_DIR / migrations))
    return config


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
