"""Triage eval: the Slack triage card's category and urgency on labelled member requests.

Two bundled sets: ``triage.jsonl`` (the rules are tuned on it) and ``triage_holdout.jsonl``
(written before the tuning and never tuned on; report it, do not fit to it).

Offline, no LLM and no retrieval: each request goes through the same rules as the Slack triage
card (:func:`assistant.intents.understand`, which :meth:`Assistant.classify` runs when no chat
model is configured, then :func:`assistant.triage.triage_request`). The card's call
deadlines come from the calls a draft answer cites; the eval passes none, so urgency is read from
the dates and words of the request only.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from assistant.intents import CATEGORIES, understand
from assistant.triage import triage_request

URGENCIES: tuple[str, ...] = ("high", "medium", "low")
EVAL_TODAY = dt.date(2026, 3, 2)
"""The day the dataset's requests were written against (their dates are relative to it)."""


class TriageCase(BaseModel):
    """One labelled member request."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    text: str
    category: str
    urgency: str


class TriagePrediction(BaseModel):
    """What the triage card said about one case."""

    model_config = ConfigDict(frozen=True)

    id: str
    text: str
    category: str
    predicted_category: str
    urgency: str
    predicted_urgency: str
    urgency_reason: str


class TriageReport(BaseModel):
    """Scores of a triage eval run."""

    model_config = ConfigDict(frozen=True)

    cases: int
    category_accuracy: float
    category_macro_f1: float
    per_category_f1: dict[str, float]
    urgency_accuracy: float
    confusion: dict[str, dict[str, int]]
    """``confusion[expected][predicted]`` counts."""
    predictions: list[TriagePrediction]


def default_dataset_path() -> Path:
    """The bundled dataset, ``evals/datasets/triage.jsonl``."""
    return Path(__file__).parent / "datasets" / "triage.jsonl"


def holdout_dataset_path() -> Path:
    """The bundled hold-out set, ``evals/datasets/triage_holdout.jsonl``.

    Requests written from the category definitions before the rules were tuned, and never tuned
    on: the honest estimate of how the rules do on new wordings.
    """
    return Path(__file__).parent / "datasets" / "triage_holdout.jsonl"


def load_cases(path: Path | None = None) -> list[TriageCase]:
    """The cases of a JSONL file (the bundled dataset by default).

    Raises:
        ValueError: A line is not a valid case, or names an unknown category or urgency.
    """
    source = path or default_dataset_path()
    cases: list[TriageCase] = []
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        case = TriageCase.model_validate(json.loads(line))
        if case.category not in CATEGORIES or case.urgency not in URGENCIES:
            raise ValueError(f"{source}:{number}: unknown category or urgency in {case.id}")
        cases.append(case)
    return cases


def predict(case: TriageCase, *, today: dt.date = EVAL_TODAY) -> TriagePrediction:
    """The triage card's category and urgency for one case (offline rules, no call deadlines)."""
    card = triage_request(understand(case.text.strip()), routing={}, call_deadlines={}, today=today)
    return TriagePrediction(
        id=case.id,
        text=case.text,
        category=case.category,
        predicted_category=card.category,
        urgency=case.urgency,
        predicted_urgency=card.urgency,
        urgency_reason=card.urgency_reason,
    )


def accuracy(expected: Sequence[str], predicted: Sequence[str]) -> float:
    """Share of equal pairs (0.0 for no pairs)."""
    if not expected:
        return 0.0
    return sum(e == p for e, p in zip(expected, predicted, strict=True)) / len(expected)


def per_label_f1(
    expected: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> dict[str, float]:
    """F1 of each label (0.0 when a label has no true positive)."""
    pairs = list(zip(expected, predicted, strict=True))
    scores: dict[str, float] = {}
    for label in labels:
        tp = sum(e == label and p == label for e, p in pairs)
        fp = sum(e != label and p == label for e, p in pairs)
        fn = sum(e == label and p != label for e, p in pairs)
        scores[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return scores


def macro_f1(expected: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> float:
    """Unweighted mean of the labels' F1 (labels neither expected nor predicted are left out)."""
    present = [label for label in labels if label in expected or label in predicted]
    if not present:
        return 0.0
    scores = per_label_f1(expected, predicted, present)
    return sum(scores.values()) / len(present)


def confusion(
    expected: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> dict[str, dict[str, int]]:
    """``table[expected][predicted]`` counts over ``labels``."""
    table = {row: dict.fromkeys(labels, 0) for row in labels}
    for e, p in zip(expected, predicted, strict=True):
        table[e][p] += 1
    return table


def score(predictions: Sequence[TriagePrediction]) -> TriageReport:
    """Accuracy, macro-F1 and confusion of the categories, and urgency accuracy."""
    expected = [p.category for p in predictions]
    got = [p.predicted_category for p in predictions]
    return TriageReport(
        cases=len(predictions),
        category_accuracy=round(accuracy(expected, got), 4),
        category_macro_f1=round(macro_f1(expected, got, CATEGORIES), 4),
        per_category_f1={k: round(v, 4) for k, v in per_label_f1(expected, got, CATEGORIES).items()},
        urgency_accuracy=round(
            accuracy([p.urgency for p in predictions], [p.predicted_urgency for p in predictions]), 4
        ),
        confusion=confusion(expected, got, CATEGORIES),
        predictions=list(predictions),
    )


def run_triage_eval(cases: Sequence[TriageCase], *, today: dt.date = EVAL_TODAY) -> TriageReport:
    """Triage every case and score the results."""
    return score([predict(case, today=today) for case in cases])
