"""First-run friction: ``--version``, and an empty data dir saying "run ingest first" everywhere."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from corpus.errors import NOTHING_INGESTED
from corpus.settings import Settings
from integrations.api import create_app
from integrations.cli.main import app

runner = CliRunner()


def test_version_prints_the_installed_package_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"cluster-advisor {metadata.version('cluster-advisor')}"


@pytest.mark.parametrize("command", [["ask", "Which open calls fund clusters?"], ["search", "battery"]])
def test_empty_data_dir_says_run_ingest_with_exit_code_2(tmp_path: Path, command: list[str]) -> None:
    result = runner.invoke(app, ["--data-dir", str(tmp_path / "data"), *command])
    assert result.exit_code == 2
    assert NOTHING_INGESTED in result.output
    assert "I found no evidence" not in result.output


def test_readyz_on_an_empty_data_dir_is_503_saying_run_ingest(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path / "data")
    with TestClient(create_app(settings)) as client:
        response = client.get("/readyz")
        assert response.status_code == 503
        assert response.json()["detail"] == NOTHING_INGESTED
        assert client.get("/healthz").status_code == 200
