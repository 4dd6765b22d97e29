"""The data dir and backups are the owner's only (issue 15, item 13)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus.backup import create_backup
from corpus.settings import Settings
from corpus.store import RecordStore
from integrations.cli.main import app


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask most shells start with (022: new files world-readable); restored afterwards."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_data_dir_is_private_even_under_a_permissive_umask(tmp_path: Path, usual_umask: None) -> None:
    data_dir = tmp_path / "new" / "data"
    store = RecordStore.open(f"sqlite:///{data_dir / 'corpus.sqlite3'}")
    store.close()
    assert _mode(data_dir) == 0o700


def test_an_existing_world_readable_data_dir_is_tightened(tmp_path: Path, usual_umask: None) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o755)
    RecordStore.open(f"sqlite:///{data_dir / 'corpus.sqlite3'}").close()
    assert _mode(data_dir) == 0o700


def test_backups_are_private_whatever_the_umask(tmp_path: Path, usual_umask: None) -> None:
    data_dir = tmp_path / "data"
    RecordStore.open(f"sqlite:///{data_dir / 'corpus.sqlite3'}").close()
    archive = tmp_path / "backups" / "advisor.tar.gz"
    create_backup(settings=Settings(_env_file=None, data_dir=data_dir), dest=archive, include_index=False)
    assert _mode(archive) == 0o600


def test_the_cli_writes_owner_only_files(tmp_path: Path, usual_umask: None) -> None:
    data_dir = tmp_path / "data"
    result = CliRunner().invoke(app, ["--data-dir", str(data_dir), "corpus", "stats", "--json"])
    assert result.exit_code == 0, result.output
    assert _mode(data_dir) == 0o700
    files = [path for path in data_dir.rglob("*") if path.is_file()]
    assert files and all(_mode(path) & 0o077 == 0 for path in files), {str(p): oct(_mode(p)) for p in files}
