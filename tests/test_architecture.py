"""The one-way layering of STYLE.md, checked by import-linter on every test run (and `make lint`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports() -> list[str]:
    script = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert script is not None, "import-linter is not installed: pip install -e '.[dev]'"
    return [script]


def test_import_contracts_are_kept() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [*_lint_imports(), "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_contracts_catch_an_upward_import(tmp_path: Path) -> None:
    """A copy of the repository's packages where corpus imports integrations breaks the contract."""
    for package in ("corpus", "retrieval", "assistant", "integrations", "evals"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("data", "*.gz"))
    (tmp_path / "corpus" / "upward.py").write_text("import integrations.cli.main\n", encoding="utf-8")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    done = subprocess.run(
        [*_lint_imports(), "--config", str(tmp_path / "pyproject.toml")],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode != 0
    assert "corpus.upward -> integrations.cli.main" in done.stdout
