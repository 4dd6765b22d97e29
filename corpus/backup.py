"""Back up and restore a data dir: one ``.tar.gz`` with a ``manifest.json``.

What goes in:

* every SQLite store at the top of the data dir (``corpus.sqlite3`` — the records, the source of
  truth —, ``conversations.sqlite3``, ``slack.sqlite3``), copied with SQLite's online backup API:
  a consistent snapshot even while a server or an ingest has them open (WAL readers never block);
* the indexes (``bm25/`` and the embedded Chroma ``chroma/``) when they were quiet during the copy
  (no ``index.writing`` marker, no file changed from before to after). They only save time: on
  restore the start-up check compares them with the records and repairs or rebuilds them, so an
  archive without them (``--no-index``, or written during an index update) restores just as well.

With ``CLUSTER_ADVISOR_DATABASE_URL`` (PostgreSQL) the SQL stores live in that database: backing
it up is ``pg_dump``'s job (:func:`pg_dump_command`), and only the local indexes are archived.

Restore extracts into a temporary sibling of the data dir, verifies every checksum and every
SQLite file, and only then swaps it in: a corrupt or truncated archive never touches the data dir.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import logging
import os
import shutil
import sqlite3
import tarfile
import tempfile
import zlib
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from corpus.errors import InvalidInput
from corpus.permissions import FILE_MODE, private_dir
from corpus.settings import Settings
from corpus.sql import safe_url

logger = logging.getLogger(__name__)

FORMAT = 1
MANIFEST = "manifest.json"
ROOT = "cluster-advisor-backup"
INDEX_PARTS = ("bm25", "chroma")
MARKER = "index.writing"


class BackupFile(BaseModel):
    path: str
    bytes: int
    sha256: str


class BackupManifest(BaseModel):
    """``manifest.json`` of an archive."""

    format: int = FORMAT
    created_at: dt.datetime
    database: str
    """``sqlite`` (the SQL stores are in the archive) or ``external`` (PostgreSQL: use pg_dump)."""
    counts: dict[str, dict[str, int]]
    conversations: int | None = None
    embedding_backend: str
    embedding_model: str | None = None
    index_included: bool
    index_note: str = ""
    files: list[BackupFile]


def pg_dump_command(database_url: str, dest: Path) -> str:
    """The command that backs up the SQL stores of a PostgreSQL deployment (password left out)."""
    url = safe_url(database_url).replace(":***@", "@")
    return f"pg_dump --format=custom --file={dest.with_suffix('.pgdump')} '{url}'"


def create_backup(*, settings: Settings, dest: Path, include_index: bool = True) -> BackupManifest:
    """Write a backup of ``settings.data_dir`` to ``dest`` (a ``.tar.gz``), atomically.

    Raises:
        InvalidInput: there is no data dir, or ``dest`` is inside it.
    """
    data_dir = settings.data_dir.resolve()
    if not data_dir.is_dir():
        raise InvalidInput(f"no data dir at {data_dir}; nothing to back up")
    if dest.resolve().is_relative_to(data_dir):
        raise InvalidInput(f"write the backup outside the data dir ({data_dir})")
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=dest.parent) as tmp:
        staged = Path(tmp) / "data"
        staged.mkdir()
        external = settings.database_url is not None
        if not external:
            for db in sorted(data_dir.glob("*.sqlite3")):
                _sqlite_snapshot(db, staged / db.name)
        included, note = _copy_index(data_dir, staged) if include_index else (False, "left out (--no-index)")
        if settings.chroma_host and include_index:
            note = "Chroma server (CHROMA_HOST): only BM25 copied; the server's data is backed up apart"
        manifest = BackupManifest(
            created_at=dt.datetime.now(dt.UTC),
            database="external" if external else "sqlite",
            counts=_record_counts(staged / "corpus.sqlite3"),
            conversations=_row_count(staged / "conversations.sqlite3", "conversations"),
            embedding_backend=settings.embedding_backend,
            embedding_model=_index_model(data_dir / "bm25"),
            index_included=included,
            index_note=note,
            files=[_describe(path, staged) for path in sorted(staged.rglob("*")) if path.is_file()],
        )
        partial = dest.with_name(f".{dest.name}.partial-{os.getpid()}")
        with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
            body = manifest.model_dump_json(indent=2).encode()
            info = tarfile.TarInfo(f"{ROOT}/{MANIFEST}")
            info.size, info.mtime = len(body), int(manifest.created_at.timestamp())
            archive.addfile(info, io.BytesIO(body))
            archive.add(staged, arcname=f"{ROOT}/data")
        os.chmod(partial, FILE_MODE)  # internal documents and conversations: the owner's only
        os.replace(partial, dest)
    logger.info("backup of %s written to %s (%d files)", data_dir, dest, len(manifest.files))
    return manifest


def restore_backup(
    *,
    settings: Settings,
    src: Path,
    force: bool = False,
    prepare: Callable[[Path], None] | None = None,
) -> BackupManifest:
    """Restore ``src`` into ``settings.data_dir``; the data dir is replaced only once all is verified.

    Args:
        settings: Where to restore (``data_dir``).
        src: An archive written by :func:`create_backup`.
        force: Replace a data dir that is not empty.
        prepare: Called with the verified, extracted data dir before it is swapped in (the CLI
            checks and repairs the index there); an exception leaves the data dir untouched.

    Raises:
        InvalidInput: the archive is missing, corrupt, truncated or of another format, or the
            data dir is not empty and ``force`` is not set.
    """
    target = settings.data_dir.resolve()
    if target.exists() and any(target.iterdir()) and not force:
        raise InvalidInput(f"the data dir {target} is not empty; restore with --force to replace it")
    if not src.is_file():
        raise InvalidInput(f"no backup archive at {src}")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{target.name}.restore-", dir=target.parent) as tmp:
        manifest = _extract_verified(src, Path(tmp))
        staged = Path(tmp) / ROOT / "data"
        _keep_deletions(current=target, restored=staged)
        if prepare is not None:
            prepare(staged)
        retired = target.with_name(f".{target.name}.old-{os.getpid()}")
        if target.exists():
            os.replace(target, retired)
        os.replace(staged, target)
        private_dir(target)
        shutil.rmtree(retired, ignore_errors=True)
    logger.info("restored %s from %s", target, src)
    return manifest


def _keep_deletions(*, current: Path, restored: Path) -> None:
    """Documents deleted since the backup stay deleted: the current tombstones apply to the
    restored records (the index check in ``prepare`` then drops them from the indexes)."""
    from corpus.store import RecordStore

    now_db, then_db = current / "corpus.sqlite3", restored / "corpus.sqlite3"
    if not (now_db.is_file() and then_db.is_file()):
        return
    newer, older = RecordStore.open(f"sqlite:///{now_db}"), RecordStore.open(f"sqlite:///{then_db}")
    try:
        moved = older.adopt_tombstones(newer)
    finally:
        newer.close()
        older.close()
    if moved:
        logger.info("restore: %d documents deleted since the backup stay deleted (tombstones)", moved)


def _extract_verified(src: Path, into: Path) -> BackupManifest:
    try:
        with tarfile.open(src, "r:gz") as archive:
            archive.extractall(into, filter="data")
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        raise InvalidInput(f"{src} is not a readable backup (corrupt or truncated archive): {exc}") from exc
    try:
        manifest = BackupManifest.model_validate_json((into / ROOT / MANIFEST).read_bytes())
    except (OSError, ValueError) as exc:
        raise InvalidInput(f"{src} has no valid {MANIFEST}: {exc}") from exc
    if manifest.format != FORMAT:
        raise InvalidInput(f"{src} is backup format {manifest.format}; this version reads format {FORMAT}")
    staged = into / ROOT / "data"
    listed = {entry.path for entry in manifest.files}
    found = {path.relative_to(staged).as_posix() for path in staged.rglob("*") if path.is_file()}
    if listed != found:
        raise InvalidInput(f"{src} does not hold the files its manifest lists: {sorted(listed ^ found)[:5]}")
    for entry in manifest.files:
        if _describe(staged / entry.path, staged) != entry:
            raise InvalidInput(f"{src}: checksum mismatch for {entry.path}; the archive is damaged")
    for db in staged.glob("*.sqlite3"):
        with closing(sqlite3.connect(db)) as conn:
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise InvalidInput(f"{src}: {db.name} fails SQLite's integrity check: {verdict}")
    return manifest


def _sqlite_snapshot(source: Path, dest: Path) -> None:
    """A consistent copy of a live SQLite database (online backup API), as one file."""
    src, out = sqlite3.connect(source, timeout=30), sqlite3.connect(dest)
    try:
        src.backup(out)
        out.execute("PRAGMA journal_mode=DELETE")
    finally:
        src.close()
        out.close()


def _fingerprint(data_dir: Path) -> list[tuple[str, int, int]]:
    found = []
    for part in INDEX_PARTS:
        for path in sorted((data_dir / part).rglob("*")):
            if path.is_file():
                stat = path.stat()
                found.append((path.relative_to(data_dir).as_posix(), stat.st_size, stat.st_mtime_ns))
    return found


def _copy_index(data_dir: Path, staged: Path) -> tuple[bool, str]:
    """Copy the indexes when no write is under way; (included, why not)."""
    if (data_dir / MARKER).exists():
        return False, "an index write was under way; restore rebuilds the index from the records"
    before = _fingerprint(data_dir)
    try:
        for part in INDEX_PARTS:
            if (data_dir / part).is_dir():
                shutil.copytree(
                    data_dir / part, staged / part, ignore=shutil.ignore_patterns("*-wal", "*-shm")
                )
        chroma_db = data_dir / "chroma" / "chroma.sqlite3"
        if chroma_db.exists():  # the file copy may have caught a write half-way: take a snapshot
            (staged / "chroma" / "chroma.sqlite3").unlink()
            _sqlite_snapshot(chroma_db, staged / "chroma" / "chroma.sqlite3")
    except (OSError, sqlite3.Error) as exc:
        changed = str(exc)
    else:
        changed = "" if before == _fingerprint(data_dir) and not (data_dir / MARKER).exists() else "changed"
    if changed:
        for part in INDEX_PARTS:
            shutil.rmtree(staged / part, ignore_errors=True)
        return False, f"the index changed during the copy ({changed}); restore rebuilds it from the records"
    return bool(before), "" if before else "no index yet"


def _record_counts(db: Path) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {"documents": {}, "chunks": {}}
    if not db.exists():
        return counts
    with closing(sqlite3.connect(db)) as conn:
        for table in counts:
            rows = conn.execute(f"SELECT doc_type, COUNT(*) FROM {table} GROUP BY doc_type").fetchall()
            counts[table] = {str(doc_type): int(n) for doc_type, n in rows}
    return counts


def _row_count(db: Path, table: str) -> int | None:
    if not db.exists():
        return None
    with closing(sqlite3.connect(db)) as conn:
        try:
            return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        except sqlite3.OperationalError:
            return None


def _index_model(bm25: Path) -> str | None:
    try:
        manifest: dict[str, Any] = json.loads((bm25 / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    model = manifest.get("embedding_model")
    return str(model) if model else None


def _describe(path: Path, root: Path) -> BackupFile:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return BackupFile(
        path=path.relative_to(root).as_posix(), bytes=path.stat().st_size, sha256=digest.hexdigest()
    )
