"""The triage dataset, the triage eval's scoring, and ``eval triage`` / ``bench slack`` through the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from assistant.intents import CATEGORIES
from corpus.settings import Settings
from evals.bench_slack import sign
from evals.triage_eval import (
    URGENCIES,
    TriageCase,
    TriagePrediction,
    accuracy,
    confusion,
    load_cases,
    macro_f1,
    per_label_f1,
    predict,
    score,
)
from integrations.cli.context import CliContext
from integrations.cli.eval_triage_cmd import register_bench, register_eval
from tests.assistant.factories import Corpus, build_corpus


def _cli(data_dir: Path) -> typer.Typer:
    root, eval_app, bench_app = typer.Typer(), typer.Typer(), typer.Typer()

    @root.callback()
    def main(ctx: typer.Context) -> None:
        ctx.obj = CliContext(settings=Settings(_env_file=None, CLUSTER_ADVISOR_DATA_DIR=data_dir))
        ctx.call_on_close(ctx.obj.close)

    register_eval(eval_app)
    register_bench(bench_app)
    root.add_typer(eval_app, name="eval")
    root.add_typer(bench_app, name="bench")
    return root


def _prediction(
    expected: str, got: str, *, urgency: str = "low", got_urgency: str = "low"
) -> TriagePrediction:
    return TriagePrediction(
        id="x", text="t", category=expected, predicted_category=got, urgency=urgency,
        predicted_urgency=got_urgency, urgency_reason="r",
    )  # fmt: skip


def test_dataset_has_60_labelled_cases_covering_every_category_and_urgency() -> None:
    cases = load_cases()
    assert len(cases) >= 60
    assert len({case.id for case in cases}) == len(cases)
    assert {case.category for case in cases} == set(CATEGORIES)
    assert {case.urgency for case in cases} == set(URGENCIES)
    assert len({case.text for case in cases}) == len(cases)
    assert all(len(case.text) > 20 for case in cases)


def test_load_cases_rejects_an_unknown_category(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "b1", "text": "hello", "category": "gossip", "urgency": "low"}) + "\n")
    with pytest.raises(ValueError, match="b1"):
        load_cases(bad)


def test_accuracy_f1_and_confusion_on_hand_made_predictions() -> None:
    expected = ["a", "a", "b", "c"]
    predicted = ["a", "b", "b", "a"]
    assert accuracy(expected, predicted) == 0.5
    assert accuracy([], []) == 0.0
    f1 = per_label_f1(expected, predicted, ["a", "b", "c"])
    assert f1 == {"a": 0.5, "b": pytest.approx(2 / 3), "c": 0.0}
    assert macro_f1(expected, predicted, ["a", "b", "c", "unused"]) == pytest.approx((0.5 + 2 / 3) / 3)
    table = confusion(expected, predicted, ["a", "b", "c"])
    assert table["a"] == {"a": 1, "b": 1, "c": 0}
    assert table["c"] == {"a": 1, "b": 0, "c": 0}


def test_score_reports_category_and_urgency_separately() -> None:
    report = score([
        _prediction("funding_question", "funding_question", urgency="high", got_urgency="low"),
        _prediction("other", "technical_issue"),
    ])  # fmt: skip
    assert report.cases == 2
    assert report.category_accuracy == 0.5
    assert report.urgency_accuracy == 0.5
    assert report.confusion["other"]["technical_issue"] == 1
    assert report.per_category_f1["funding_question"] == 1.0


def test_predict_uses_the_triage_cards_rules() -> None:
    text = "I cannot log in to the portal, urgent please"
    case = TriageCase(id="p1", text=text, category="technical_issue", urgency="high")
    prediction = predict(case)
    assert prediction.predicted_category == "technical_issue"
    assert prediction.predicted_urgency == "high"


def test_eval_triage_cli_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(_cli(tmp_path), ["eval", "triage", "--json", "--failures"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["cases"] == len(load_cases())
    assert 0.0 <= payload["category_accuracy"] <= 1.0
    assert set(payload["confusion"]) == set(CATEGORIES)
    assert sum(sum(row.values()) for row in payload["confusion"].values()) == payload["cases"]
    assert all(f["id"] for f in payload["failures"])


@pytest.fixture(scope="module")
def bench_corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    yield from build_corpus(tmp_path_factory.mktemp("bench-slack-corpus"))


def test_bench_slack_cli_json(bench_corpus: Corpus) -> None:
    result = CliRunner().invoke(
        _cli(bench_corpus.settings.data_dir),
        ["bench", "slack", "--json", "--events", "5", "--concurrency", "5"],
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["http_status"] == {"200": 5}
    assert figures["missing_first_message"] == 0
    assert set(figures["ack_ms"]) >= {"p50", "p95", "p99"}
    assert figures["first_message_ms"]["p50"] > 0
    assert figures["machine"]["cores"] >= 1


def test_bench_slack_needs_an_ingested_data_dir(tmp_path: Path) -> None:
    result = CliRunner().invoke(_cli(tmp_path / "empty"), ["bench", "slack", "--events", "1"])
    assert result.exit_code == 2
    assert "ingest" in result.output


def test_bench_signature_is_the_one_slack_sdk_verifies() -> None:
    from slack_sdk.signature import SignatureVerifier

    body = '{"type": "event_callback"}'
    expected = SignatureVerifier("secret").generate_signature(timestamp="1700000000", body=body)
    assert sign("secret", timestamp="1700000000", body=body) == expected
