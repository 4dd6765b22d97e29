"""The CLI through Typer's runner: ingest of user files, corpus stats, bad input, exit codes."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from integrations.cli.main import app

runner = CliRunner()


def _invoke(data_dir: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--data-dir", str(data_dir), "--today", "2026-05-10", *args])
    return result.exit_code, result.output


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "support-notes.md").write_text(
        "# Support notes\n\n## Euroclusters\n\nMembers ask how to apply to Euroclusters open calls.\n",
        "utf-8",
    )
    (folder / "partners.csv").write_text(
        "type,name,country,city,sectors\n"
        "cluster,Silesian Battery Hub,Poland,Katowice,battery;energy\n"
        "cluster,,DE,Berlin,ai\n",
        "utf-8",
    )
    (folder / "empty.txt").write_text("", "utf-8")
    (folder / "binary.md").write_bytes(b"\x00\x01\x02PK\x03\x04" * 20)
    return folder


def test_ingest_user_files_reports_each_skip_and_loads_the_rest(tmp_path: Path, files: Path) -> None:
    code, output = _invoke(tmp_path / "data", "ingest", "--json", "--no-progress", str(files))
    assert code == 0, output
    summary = json.loads(output[output.index("{") :])
    assert summary["added"] == {"policy": 1, "cluster": 1}
    assert summary["totals"]["documents"] == {"call": 0, "cluster": 1, "policy": 1}
    reasons = "\n".join(summary["skipped"])
    assert "empty.txt" in reasons and "binary.md" in reasons and "row 3" in reasons

    code, output = _invoke(tmp_path / "data", "corpus", "stats", "--json")
    assert code == 0
    stats = json.loads(output)
    assert stats["documents"] == {"call": 0, "cluster": 1, "policy": 1}
    assert stats["chunks"]["cluster"] == 1 and stats["chunks"]["policy"] >= 1


def test_reingest_is_idempotent(tmp_path: Path, files: Path) -> None:
    _invoke(tmp_path / "data", "ingest", "--json", "--no-progress", str(files))
    code, output = _invoke(tmp_path / "data", "ingest", "--json", "--no-progress", str(files))
    summary = json.loads(output[output.index("{") :])
    assert code == 0
    assert summary["added"] == {} and summary["updated"] == {}
    assert summary["unchanged"] == {"policy": 1, "cluster": 1}


def test_nothing_loadable_exits_non_zero_and_keeps_what_was_stored(tmp_path: Path, files: Path) -> None:
    _invoke(tmp_path / "data", "ingest", "--no-progress", str(files / "support-notes.md"))
    code, output = _invoke(tmp_path / "data", "ingest", "--no-progress", str(files / "empty.txt"))
    assert code == 1
    assert "empty.txt" in output
    _, stats = _invoke(tmp_path / "data", "corpus", "stats", "--json")
    assert json.loads(stats)["documents"]["policy"] == 1


def test_cp1250_csv_needs_encoding_only_when_it_is_ambiguous(tmp_path: Path) -> None:
    members = tmp_path / "member-clusters.csv"
    members.write_bytes("name,country,city\nInterizon,PL,Gdańsk\n".encode("cp1250"))
    code, output = _invoke(tmp_path / "data", "ingest", "--json", "--no-progress", str(members))
    assert code == 1
    assert "cannot tell the encoding" in output and "--encoding cp1250" in output
    code, output = _invoke(
        tmp_path / "data", "ingest", "--json", "--no-progress", "--encoding", "cp1250", str(members)
    )
    assert code == 0, output
    assert json.loads(output[output.index("{") :])["added"] == {"cluster": 1}
    code, output = _invoke(tmp_path / "data", "search", "Interizon", "--type", "cluster", "--json")
    assert code == 0 and "Gdańsk" in json.loads(output)["hits"][0]["text"]


def test_unknown_encoding_is_a_clear_error(tmp_path: Path) -> None:
    members = tmp_path / "member-clusters.csv"
    members.write_bytes(b"name,country\nX,PL\n")
    code, output = _invoke(tmp_path / "data", "ingest", "--encoding", "polish", str(members))
    assert code == 2 and "unknown encoding 'polish'" in output


def test_missing_file_is_a_reason_not_a_traceback(tmp_path: Path) -> None:
    code, output = _invoke(tmp_path / "data", "ingest", "--no-progress", str(tmp_path / "nope.pdf"))
    assert code == 1
    assert "nope.pdf" in output and "Traceback" not in output


def test_bad_today_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--today", "10/05/2026", "corpus", "stats"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_corpus_stats_on_an_empty_data_dir_is_all_zero(tmp_path: Path) -> None:
    code, output = _invoke(tmp_path / "data", "corpus", "stats", "--json")
    assert code == 0
    assert json.loads(output) == {
        "documents": {"call": 0, "cluster": 0, "policy": 0},
        "chunks": {"call": 0, "cluster": 0, "policy": 0},
        "calls_as_of": None,
        "calls_refreshed_at": None,
    }
