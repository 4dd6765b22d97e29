"""End to end: ingest a tiny corpus, then ``eval retrieval`` and ``bench search`` through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from assistant.session import Session
from corpus.ingest import IngestSource, ingest_sources
from corpus.settings import Settings
from corpus.store import RecordStore
from evals.cli import bench_cmd, eval_cmd
from retrieval.embeddings import OnnxMiniLMEmbedder
from retrieval.index import SearchIndex
from tests.factories import make_call, make_policy, make_profile

QUESTIONS = [
    {
        "id": "ci-01",
        "question": "HORIZON-CL5-2027-07-D3-16",
        "gold": ["call:HORIZON-CL5-2027-07-D3-16"],
        "doc_type": "call",
        "category": "call-by-identifier",
    },
    {
        "id": "os-01",
        "question": "battery clusters in Lithuania",
        "gold": ["cluster:test:baltic-battery-cluster"],
        "doc_type": "cluster",
        "category": "org-by-sector-country",
        "filters": {"country": "LT"},
    },
    {
        "id": "pf-01",
        "question": "Why should clusters help SMEs internationalise?",
        "gold": ["policy:why-globalise"],
        "doc_type": "policy",
        "category": "policy-fact",
    },
    {
        "id": "ct-01",
        "question": "ocean robots for seabed mapping",
        "gold": ["call:HORIZON-CL6-2027-01-OCEAN-01"],
        "doc_type": "call",
        "category": "call-by-topic",
        "filters": {"type": "call", "status": "open"},
        "today": "2027-09-01",
    },
]


def _settings(data_dir: Path) -> Settings:
    return Settings(CLUSTER_ADVISOR_DATA_DIR=data_dir)


def _cli(data_dir: Path) -> typer.Typer:
    """A root app like ``cluster-advisor`` with the eval and bench groups mounted."""
    root = typer.Typer()

    @root.callback()
    def main(ctx: typer.Context) -> None:
        ctx.obj = Session(settings=_settings(data_dir))
        ctx.call_on_close(ctx.obj.close)

    root.add_typer(eval_cmd.app, name="eval")
    root.add_typer(bench_cmd.app, name="bench")
    return root


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("data")
    settings = _settings(data_dir)
    store = RecordStore.open(settings.records_db_url)
    index = SearchIndex.open(settings=settings, embedder=OnnxMiniLMEmbedder())
    records = [
        make_call(),
        make_call(
            "HORIZON-CL6-2027-01-OCEAN-01",
            title="Autonomous underwater robots for seabed mapping",
            opening_date=__import__("datetime").date(2027, 5, 1),
        ),
        make_profile(),
        make_profile("Photonics Valley", country="DE", city="Jena", sectors=()),
        make_policy(),
    ]
    ingest_sources(store=store, index=index, sources=[IngestSource(origin="tests", records=records)])
    index.close()
    store.close()
    return data_dir


@pytest.fixture()
def dataset(tmp_path: Path) -> Path:
    path = tmp_path / "questions.jsonl"
    path.write_text("\n".join(json.dumps(q) for q in QUESTIONS) + "\n", encoding="utf-8")
    return path


def test_eval_retrieval_json_scores_all_four_systems(data_dir: Path, dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    args = ["eval", "retrieval", "--json", "--limit", "3", "--dataset", str(dataset), "--out", str(out)]
    result = CliRunner().invoke(_cli(data_dir), args)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["questions"] == 3
    assert set(payload["systems"]) == {"bm25", "dense", "hybrid", "baseline"}
    for system in payload["systems"].values():
        assert set(system["by_doc_type"]) == {"call", "cluster", "policy"}
        assert all(0.0 <= value <= 1.0 for value in system["overall"].values())
    hybrid = payload["systems"]["hybrid"]
    assert hybrid["by_category"]["call-by-identifier"]["mrr"] == 1.0  # the identifier comes first
    assert hybrid["overall"]["recall@5"] == 1.0  # 5 documents: every gold is in the top 5
    assert {target["name"] for target in payload["targets"]} >= {"hybrid recall@5 >= 0.90"}
    assert json.loads(out.read_text()) == payload
    # the baseline was cached under the data dir, keyed by the corpus hash
    assert len(list((data_dir / "eval-cache").glob("tutorial-*/complete.json"))) == 1


def test_eval_filters_and_day_are_applied(data_dir: Path, dataset: Path) -> None:
    result = CliRunner().invoke(
        _cli(data_dir),
        ["eval", "retrieval", "--json", "--systems", "hybrid", "--dataset", str(dataset), "--failures"],
    )
    assert result.exit_code == 0, result.output
    hybrid = json.loads(result.stdout)["systems"]["hybrid"]
    assert hybrid["by_category"]["call-by-topic"]["recall@5"] == 1.0  # open on 2027-09-01


def test_check_exits_non_zero_when_a_target_is_missed(data_dir: Path, tmp_path: Path) -> None:
    impossible = tmp_path / "impossible.jsonl"
    question = {**QUESTIONS[2], "gold": ["policy:does-not-exist"]}
    impossible.write_text(json.dumps(question) + "\n", encoding="utf-8")
    args = ["eval", "retrieval", "--systems", "hybrid", "--dataset", str(impossible), "--no-progress"]
    runner = CliRunner()
    assert runner.invoke(_cli(data_dir), args).exit_code == 0
    checked = runner.invoke(_cli(data_dir), [*args, "--check"])
    assert checked.exit_code == 1
    assert "missed" in checked.stdout


def test_empty_data_dir_says_to_ingest_first(tmp_path: Path, dataset: Path) -> None:
    result = CliRunner().invoke(_cli(tmp_path / "empty"), ["eval", "retrieval", "--dataset", str(dataset)])
    assert result.exit_code == 2
    assert "cluster-advisor ingest" in result.output


def test_bench_search_json(data_dir: Path) -> None:
    result = CliRunner().invoke(
        _cli(data_dir), ["bench", "search", "--json", "--queries", "3", "--rounds", "2"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    for label in ("hybrid", "hybrid + filters"):
        latency = figures["latency"][label]
        assert 0 < latency["p50_ms"] <= latency["p95_ms"]
        assert latency["queries"] == 6
    assert figures["machine"]["cores"] >= 1 and figures["machine"]["python"]
    assert figures["peak_memory_mb_after_search"] > 0
