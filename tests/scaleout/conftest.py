"""Real servers for the scale-out tests: PostgreSQL (``initdb``/``pg_ctl``) and Chroma (``chroma run``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakes.chroma import running_chroma
from tests.fakes.postgres import PostgresServer, postgres_server


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the session (each test makes its own database on it)."""
    yield from postgres_server()


@pytest.fixture
def postgres_url(postgres: PostgresServer) -> str:
    """A fresh, empty database on the session's server."""
    return postgres.create_database()


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same store code against SQLite (the default) and PostgreSQL (scale-out)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'store.sqlite3'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.create_database()


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """A real ``chroma run`` server on a free loopback port: ``(host, port)``."""
    with running_chroma(tmp_path_factory.mktemp("chroma-server")) as address:
        yield address
