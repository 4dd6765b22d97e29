"""A real PostgreSQL server for the tests: ``initdb`` + ``pg_ctl`` in a temp dir, trust auth, loopback.

The binaries come from Debian's ``postgresql`` package (``/usr/lib/postgresql/<version>/bin``) or the
``PATH``. PostgreSQL refuses to run as root, so when the tests run as root the server runs as the
``postgres`` OS user (``subprocess`` ``user=``/``group=``) in a directory it owns. Without the
binaries the tests skip with the reason, except on CI (``CI=true``), where that is a failure.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

SERVER_USER = "postgres"
"""The OS user the server runs as when the tests run as root (Debian's package creates it)."""


def find_bin_dir() -> Path | None:
    """The directory holding ``initdb`` and ``pg_ctl`` (newest Debian version first), or None."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0,
        reverse=True,
    )
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for candidate in candidates:
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    return None


def require_bin_dir() -> Path:
    """:func:`find_bin_dir`, or a skip with the reason — a failure on CI, where nothing may silently skip."""
    found = find_bin_dir()
    if found is not None:
        return found
    reason = (
        "PostgreSQL binaries (initdb, pg_ctl) not found: install Debian's `postgresql` package "
        "(.ci/run does so on CI)"
    )
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(reason)
    pytest.skip(reason)


@dataclass(frozen=True)
class PostgresServer:
    """A running server: its port on 127.0.0.1 and how to make databases on it."""

    port: int
    root: Path

    def url(self, database: str = "postgres") -> str:
        """The SQLAlchemy URL (psycopg 3) of ``database`` on this server."""
        return f"postgresql+psycopg://{SERVER_USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, prefix: str = "t") -> str:
        """Create a fresh, empty database and return its SQLAlchemy URL."""
        import psycopg

        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user={SERVER_USER} dbname=postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')  # name made here: hex only
        return self.url(name)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _check_server_user() -> None:
    """PostgreSQL refuses to run as root: as root, the :data:`SERVER_USER` OS user must exist."""
    if os.geteuid() != 0:
        return
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        pytest.fail(f"running as root and there is no {SERVER_USER!r} OS user to run PostgreSQL as")


def _run(args: list[str | Path], *, root: Path, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    """Run a PostgreSQL tool in ``root`` (as :data:`SERVER_USER` when we are root), C.UTF-8 locale."""
    as_user = os.geteuid() == 0
    return subprocess.run(
        args,
        check=check,
        capture_output=True,
        env={**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
        cwd=root,
        user=SERVER_USER if as_user else None,
        group=SERVER_USER if as_user else None,
    )


@contextmanager
def running_postgres(*, max_connections: int = 200) -> Iterator[PostgresServer]:
    """Start a throw-away server (fsync off: tests need speed, not durability) and stop it afterwards."""
    bin_dir = require_bin_dir()
    _check_server_user()
    root = Path(tempfile.mkdtemp(prefix="advisor-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, user=SERVER_USER, group=SERVER_USER)
    data, log = root / "data", root / "server.log"
    port = _free_port()
    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
        f"-c synchronous_commit=off -c full_page_writes=off -c max_connections={max_connections}"
    )
    try:
        _run([bin_dir / "initdb", "-D", data, "-U", SERVER_USER, "--auth=trust", "--no-sync", "-E", "UTF8",
              "--locale=C.UTF-8"], root=root)  # fmt: skip
        _run([bin_dir / "pg_ctl", "-D", data, "-l", log, "-o", options, "-w", "-t", "30", "start"], root=root)
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode(errors="replace")
        if log.exists():
            detail += log.read_text(errors="replace")
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"PostgreSQL did not start: {detail[-2000:]}")
    try:
        yield PostgresServer(port=port, root=root)
    finally:
        _run([bin_dir / "pg_ctl", "-D", data, "-m", "fast", "-w", "-t", "30", "stop"], root=root, check=False)
        shutil.rmtree(root, ignore_errors=True)


def postgres_server() -> Iterator[PostgresServer]:
    """Body of a session-scoped fixture: ``yield from postgres_server()`` (see tests/scaleout/conftest.py)."""
    with running_postgres() as server:
        yield server
