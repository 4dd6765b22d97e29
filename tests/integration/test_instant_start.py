"""``cluster-advisor ingest`` of the whole bundle into an empty data dir takes the shipped vectors:
nothing is embedded, and the index is complete and searchable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from integrations.cli.main import app

pytestmark = [pytest.mark.slow, pytest.mark.integration]

runner = CliRunner()


def test_cold_ingest_of_the_bundle_loads_the_shipped_vectors(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = runner.invoke(app, ["--data-dir", str(data), "ingest", "--no-progress", "--json"])
    assert result.exit_code == 0, result.output
    assert "loaded 10,428 shipped vectors" in result.output
    assert "not using the shipped vectors" not in result.output
    summary = json.loads(result.output[result.output.index("{") :])
    assert sum(summary["chunks_written"].values()) == 10_428

    found = runner.invoke(
        app,
        [
            "--data-dir",
            str(data),
            "--today",
            "2026-05-10",
            "search",
            "battery recycling",
            "--json",
            "--k",
            "3",
        ],
    )
    assert found.exit_code == 0, found.output
    assert len(json.loads(found.output)["hits"]) == 3
