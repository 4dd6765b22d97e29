"""A custom CA bundle, and the ``cluster-advisor refresh`` command (JSON counts, exit codes, a mirror)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus.errors import RefreshFailed
from corpus.refresh.apply import run_refresh
from integrations.cli.main import app
from tests.fakes.ft_search import Fault, FtSearchReplay, api_result, replay_for
from tests.refresh.conftest import DAY_1, World, store_snapshot


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def test_custom_ca_bundle_is_honoured(world: World, tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    tls = FtSearchReplay(world.server.results, facets=world.server.facets, tls=(cert, key))
    with tls:
        untrusted = world.with_today(DAY_1, ft_search_api_url=tls.base_url)
        with pytest.raises(RefreshFailed, match="CERTIFICATE_VERIFY_FAILED|certificate verify failed"):
            run_refresh(
                settings=untrusted, store=world.store, index=world.index, log=world.log, backoff_s=0.01
            )
        trusted = untrusted.model_copy(update={"ca_bundle": cert})
        report = run_refresh(settings=trusted, store=world.store, index=world.index, log=world.log)
    assert report.unchanged == 30


def test_missing_ca_bundle_file_is_a_clear_error(world: World, tmp_path: Path) -> None:
    settings = world.with_today(DAY_1, ca_bundle=tmp_path / "nope.pem")
    with pytest.raises(RefreshFailed, match=r"CA bundle .*nope\.pem does not exist"):
        run_refresh(settings=settings, store=world.store, index=world.index, log=world.log)


def _cli(world: World, *args: str) -> tuple[int, str, str]:
    # The CLI opens the stores itself: hand it the data dir the fixture ingested.
    world.index.close()
    result = CliRunner().invoke(
        app,
        ["--data-dir", str(world.settings.data_dir), "--today", DAY_1.isoformat(), *args],
        env={"CLUSTER_ADVISOR_FT_SEARCH_API": world.server.base_url},
    )
    return result.exit_code, result.stdout, result.stderr


def test_cli_refresh_json_reports_counts(world: World) -> None:
    moved = world.calls[0]
    world.server.results = [api_result(c) for c in world.calls[1:]] + [api_result(moved)]
    code, out, _ = _cli(world, "refresh", "--json")
    assert code == 0
    report = json.loads(out)
    assert {k: report[k] for k in ("fetched", "added", "changed", "unchanged", "missing")} == {
        "fetched": 30,
        "added": 0,
        "changed": 0,
        "unchanged": 30,
        "missing": 0,
    }
    assert report["reembedded_documents"] == 0 and report["changes"] == {}
    assert report["source"].startswith("search-api http://127.0.0.1:")


def test_cli_refresh_failure_exits_1_with_one_line_and_changes_nothing(world: World) -> None:
    before = store_snapshot(world)
    world.server.fail_page(1, *[Fault("status", code=502)] * 4)
    code, out, err = _cli(world, "refresh", "--json")
    assert code == 1
    assert out == ""
    assert err.strip().count("\n") == 0
    assert err.startswith("refresh failed, nothing was changed: search page 1: the search API answered 502")
    assert store_snapshot(world, vectors=False)[:3] == before[:3]


def test_cli_refresh_from_a_grants_feed_mirror(world: World, tmp_path: Path) -> None:
    extra = world.calls[0].model_copy(
        update={"doc_id": "call:HORIZON-X-2027-01", "topic_identifier": "HORIZON-X-2027-01"}
    )
    extra = extra.model_copy(
        update={"provenance": (extra.provenance[0].model_copy(update={"record_ref": "HORIZON-X-2027-01"}),)}
    )
    with replay_for([*world.calls, extra]) as mirror:
        code, out, _ = _cli(
            world, "refresh", "--source", "grants-feed", f"{mirror.base_url}/grants.json", "--json"
        )
    assert code == 0, out
    report = json.loads(out)
    assert (report["fetched"], report["added"], report["unchanged"]) == (31, 1, 30)
    assert report["source"].endswith("/grants.json")
    assert report["changes"] == {"new": 1}


def test_cli_refresh_rejects_a_mirror_of_another_shape(world: World, tmp_path: Path) -> None:
    bad = tmp_path / "grants.json"
    bad.write_text(json.dumps({"generatedAt": "2026-12-01", "calls": []}))
    code, _, err = _cli(world, "refresh", "--source", "grants-feed", str(bad))
    assert code == 1
    assert "not in the grants-feed shape (grants: Field required)" in err


def test_cli_refresh_search_api_at_another_url_and_a_bad_kind(world: World) -> None:
    world.index.close()
    runner = CliRunner()
    base = ["--data-dir", str(world.settings.data_dir), "--today", DAY_1.isoformat(), "refresh"]
    env = {"CLUSTER_ADVISOR_FT_SEARCH_API": "http://127.0.0.1:9/nowhere"}
    result = runner.invoke(app, [*base, "--source", "search-api", world.server.base_url, "--json"], env=env)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["source"] == f"search-api {world.server.base_url}"
    bad = runner.invoke(app, [*base, "--source", "ftp", "x"])
    assert bad.exit_code == 2 and "is not a source kind" in bad.stderr
