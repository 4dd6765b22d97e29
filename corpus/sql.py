"""One way to open a SQL database for every store (records, conversations, Slack state).

SQLite in the data dir by default (WAL: readers never block the writer, and a crash mid-write
leaves the last commit intact), any SQLAlchemy URL — PostgreSQL — when configured.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, MetaData, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from corpus.errors import StoreUnavailable


def open_engine(url: str, *, metadata: MetaData, purpose: str) -> Engine:
    """Create the engine for ``url`` and the tables of ``metadata`` if missing.

    Raises:
        StoreUnavailable: the database cannot be opened or created (message without password).
    """
    try:
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        metadata.create_all(engine)
    except (SQLAlchemyError, OSError) as exc:
        raise StoreUnavailable(f"cannot open the {purpose} at {safe_url(url)}: {exc}") from exc
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def safe_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"
