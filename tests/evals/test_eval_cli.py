"""End to end: ingest a tiny corpus, then ``eval retrieval`` and ``bench search`` through the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from assistant.session import Session
from corpus.errors import InvalidInput
from corpus.ingest import IngestSource, ingest_sources
from corpus.settings import Settings
from corpus.store import RecordStore
from evals.cli import bench_cmd, eval_cmd
from retrieval.embeddings import OnnxMiniLMEmbedder
from retrieval.index import SearchIndex
from tests.factories import make_call, make_policy, make_profile

QUESTIONS: list[dict[str, Any]] = [
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


GERMAN = [
    {
        **QUESTIONS[0],
        "id": "rd-de-ci-01",
        "en_id": "ci-01",
        "lang": "de",
        "question": "Frist für HORIZON-CL5-2027-07-D3-16",
    },
    {
        **QUESTIONS[1],
        "id": "rd-de-os-01",
        "en_id": "os-01",
        "lang": "de",
        "question": "Batterie-Cluster in Litauen",
    },
]
POLISH = [
    {
        **QUESTIONS[0],
        "id": "rd-pl-ci-01",
        "en_id": "ci-01",
        "lang": "pl",
        "question": "termin HORIZON-CL5-2027-07-D3-16",
    }
]


@pytest.fixture()
def i18n_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "i18n"
    directory.mkdir()
    for lang, rows in (("de", GERMAN), ("pl", POLISH)):
        (directory / f"retrieval_dev_{lang}.jsonl").write_text(
            "\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n", encoding="utf-8"
        )
    return directory


def test_eval_retrieval_by_language_compares_with_english_on_the_same_questions(
    data_dir: Path, dataset: Path, i18n_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "languages.json"
    args = ["eval", "retrieval", "--dataset", str(dataset), "--i18n-dir", str(i18n_dir), "--json"]
    result = CliRunner().invoke(
        _cli(data_dir), [*args, "--lang", "pl,de", "--split", "dev", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["languages"] == ["de", "pl"] and payload["split"] == "dev"
    assert set(payload["systems"]) == {"bm25", "dense", "hybrid"}  # no tutorial baseline by default
    hybrid = payload["systems"]["hybrid"]
    # English is asked once, on the union of the languages' en_ids (ci-01 and os-01), not all four.
    assert hybrid["english"]["questions"] == 2
    german, polish = hybrid["languages"]["de"], hybrid["languages"]["pl"]
    assert german["questions"] == 2 and polish["questions"] == 1
    assert set(german["metrics"]) == {"recall@5", "recall@10", "mrr", "ndcg@10"}
    # The identifier is found whatever the language around it: MRR 1 in German, Polish and English.
    assert german["by_category"]["call-by-identifier"]["mrr"] == 1.0
    assert polish["metrics"]["mrr"] == 1.0 and polish["english"]["mrr"] == 1.0
    assert polish["ratio"]["mrr"] == 1.0
    assert json.loads(out.read_text()) == payload

    table = CliRunner().invoke(
        _cli(data_dir), [*args[:-1], "--lang", "de", "--systems", "hybrid", "--no-progress"]
    )
    assert table.exit_code == 0, table.output
    assert "Translated retrieval (hybrid)" in table.stdout and "en (all asked)" in table.stdout


def test_eval_retrieval_by_language_refuses_unknown_languages_splits_and_english_ids(
    data_dir: Path, dataset: Path, i18n_dir: Path, tmp_path: Path
) -> None:
    args = ["eval", "retrieval", "--dataset", str(dataset), "--i18n-dir", str(i18n_dir), "--json"]
    for extra, message in (
        (["--lang", "sv"], "'sv'"),
        (["--lang", "de", "--split", "holdout"], "no translated retrieval split 'holdout'"),
        (["--lang", "fr"], "retrieval_dev_fr.jsonl"),
    ):
        result = CliRunner().invoke(_cli(data_dir), [*args, *extra])
        assert isinstance(result.exception, InvalidInput), extra
        assert message in str(result.exception), extra
    only_policy = tmp_path / "policy.jsonl"
    only_policy.write_text(json.dumps(QUESTIONS[2]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        _cli(data_dir),
        ["eval", "retrieval", "--dataset", str(only_policy), "--i18n-dir", str(i18n_dir), "--lang", "de"],
    )
    assert isinstance(result.exception, InvalidInput)
    assert "ci-01, os-01" in str(result.exception)
