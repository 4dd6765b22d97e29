"""search / reindex through the CLI runner on a small real index (ONNX embedder, embedded Chroma)."""

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from integrations.cli.main import app

runner = CliRunner()


def _invoke(data_dir: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--data-dir", str(data_dir), "--today", "2026-05-10", *args])
    return result.exit_code, result.output


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "calls.json").write_text(
        json.dumps(
            [
                {
                    "type": "call",
                    "identifier": "I3-2026-INV1",
                    "title": "Interregional innovation investments for battery value chains",
                    "programme": "Interregional Innovation Investments (I3)",
                    "opening_date": "2026-03-01",
                    "deadline": "2026-06-30",
                    "description": "Support for interregional battery recycling investments.",
                },
                {
                    "type": "call",
                    "identifier": "HORIZON-CL5-2026-01-D2-01",
                    "title": "Next-generation solid-state batteries",
                    "programme": "Horizon Europe (HORIZON)",
                    "opening_date": "2026-01-10",
                    "deadline": "2026-04-15",
                    "description": "Research on solid-state battery cells.",
                },
            ]
        ),
        "utf-8",
    )
    (inbox / "clusters.csv").write_text(
        "type,name,country,city,sectors\ncluster,Silesian Battery Hub,PL,Katowice,battery\n"
        "cluster,Basque Food Cluster,ES,Bilbao,agri-food\n",
        "utf-8",
    )
    data = tmp_path / "data"
    code, output = _invoke(data, "ingest", "--no-progress", str(inbox))
    assert code == 0, output
    return data


def test_search_json_has_the_contract_shape(data_dir: Path) -> None:
    code, output = _invoke(data_dir, "search", "battery investments", "--json", "--k", "3")
    assert code == 0, output
    result = json.loads(output)
    assert set(result) == {"query", "hits", "timings_ms"}
    assert result["query"] == "battery investments"
    hit = result["hits"][0]
    assert set(hit) == {
        "rank",
        "doc_id",
        "chunk_id",
        "doc_type",
        "title",
        "identifier",
        "url",
        "score",
        "text",
        "metadata",
    }
    assert [h["rank"] for h in result["hits"]] == list(range(1, len(result["hits"]) + 1))


def test_identifier_query_puts_that_call_first_and_status_filter_applies(data_dir: Path) -> None:
    _, output = _invoke(data_dir, "search", "I3-2026-INV1", "--json")
    assert json.loads(output)["hits"][0]["identifier"] == "I3-2026-INV1"
    _, output = _invoke(data_dir, "search", "batteries", "--type", "call", "--status", "open", "--json")
    hits = json.loads(output)["hits"]
    assert {h["identifier"] for h in hits} == {"I3-2026-INV1"}, "the April call is closed on 2026-05-10"
    assert all(h["metadata"]["status"] == "open" for h in hits)


def test_unknown_filter_value_is_a_clear_error(data_dir: Path) -> None:
    code, output = _invoke(data_dir, "search", "batteries", "--status", "maybe")
    assert code == 2
    assert "unknown status 'maybe'" in output and "Traceback" not in output


def test_human_output_lists_hits(data_dir: Path) -> None:
    code, output = _invoke(data_dir, "search", "food cluster in Spain")
    assert code == 0
    assert "Basque Food Cluster" in output


def test_half_written_index_is_rebuilt_from_the_record_store(data_dir: Path) -> None:
    shutil.rmtree(data_dir / "bm25")
    (data_dir / "index.writing").write_text('{"pid": 999999, "operation": "upsert"}', "utf-8")
    result = runner.invoke(app, ["--data-dir", str(data_dir), "search", "Silesian Battery Hub", "--json"])
    assert result.exit_code == 0, result.output
    assert "rebuilding" in result.stderr
    assert json.loads(result.stdout)["hits"][0]["title"] == "Silesian Battery Hub"
    assert not (data_dir / "index.writing").exists()


def test_reindex_rebuilds_both_indexes(data_dir: Path) -> None:
    code, output = _invoke(data_dir, "reindex")
    assert code == 0, output
    assert "Reindexed" in output
    _, output = _invoke(data_dir, "search", "Basque", "--json")
    assert json.loads(output)["hits"][0]["title"] == "Basque Food Cluster"


def test_reindex_of_an_empty_store_says_to_ingest(tmp_path: Path) -> None:
    code, output = _invoke(tmp_path / "empty", "reindex")
    assert code == 1
    assert "cluster-advisor ingest" in output
