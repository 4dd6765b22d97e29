"""Triage eval: the Slack triage card's category and urgency on labelled member requests.

Six bundled sets: ``triage.jsonl`` (English; the rules are tuned on it) and
``triage_holdout.jsonl`` (English, written before the tuning and never tuned on), and for
German, French, Spanish, Italian and Polish ``triage_i18n_dev.jsonl`` (the lexicons were first
tuned on it) and ``triage_i18n_holdout.jsonl`` (written before the lexicons by their author,
never tuned on), then ``triage_i18n_dev2.jsonl`` (a second tuning set) and
``triage_i18n_holdout2.jsonl`` (written by another developer before reading the lexicons, never
tuned on: the independent figure). Report the hold-out sets; do not fit to them.

A case may carry its language (``lang``), the moment the message was sent (``ts``, ISO 8601 with
its UTC offset: relative time is read from it), the entities it names (``entities``, labels as
the card shows them) and whether its urgency comes from relative time (``relative_time``). The
report gives category and urgency accuracy per language, urgency accuracy on the relative-time
cases and the recall of the gold entities.

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
EVAL_ZONE = dt.timezone(dt.timedelta(hours=1))
"""The UTC offset of a case sent with no ``ts`` (Central European Time, as the sets' ``ts``)."""
DEFAULT_SENT_TIME = dt.time(9, 0)
"""The time a case with no ``ts`` was sent on :data:`EVAL_TODAY`."""


class TriageCase(BaseModel):
    """One labelled member request."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    text: str
    category: str
    urgency: str
    lang: str = "en"
    ts: dt.datetime | None = None
    """When the message was sent (time-zone aware); :data:`EVAL_TODAY` 09:00 CET when absent."""
    entities: tuple[str, ...] | None = None
    """Gold entity labels (countries ISO2, sectors, programmes, identifiers), when labelled."""
    relative_time: bool = False
    """The urgency comes from relative time ("in two hours", "am Donnerstag", "demain")."""

    def sent_at(self, today: dt.date) -> dt.datetime:
        """When the message was sent: its ``ts``, else ``today`` at :data:`DEFAULT_SENT_TIME`."""
        if self.ts is not None:
            return self.ts
        return dt.datetime.combine(today, DEFAULT_SENT_TIME, tzinfo=EVAL_ZONE)


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
    lang: str = "en"
    relative_time: bool = False
    entities: tuple[str, ...] | None = None
    predicted_entities: tuple[str, ...] = ()


class LanguageScores(BaseModel):
    """The scores of one language's cases."""

    model_config = ConfigDict(frozen=True)

    cases: int
    category_accuracy: float
    urgency_accuracy: float
    relative_time_cases: int
    relative_time_urgency_accuracy: float | None
    """Urgency accuracy on the cases whose urgency comes from relative time (None: no such case)."""
    entity_recall: float | None
    """Share of the gold entity labels the card shows (None: no labelled entity)."""


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
    relative_time_urgency_accuracy: float | None = None
    per_language: dict[str, LanguageScores] = {}
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


def i18n_dev_dataset_path() -> Path:
    """The bundled German, French, Spanish, Italian and Polish tuning set (the lexicons are tuned on it)."""
    return Path(__file__).parent / "datasets" / "triage_i18n_dev.jsonl"


def i18n_holdout_dataset_path() -> Path:
    """The bundled German, French, Spanish, Italian and Polish hold-out set.

    Written the way members write in support channels before any lexicon existed, and never tuned
    on: at least 20 requests per language, about half of them urgent (or not) only by relative time.
    """
    return Path(__file__).parent / "datasets" / "triage_i18n_holdout.jsonl"


def i18n_dev2_dataset_path() -> Path:
    """The second de/fr/es/it/pl tuning set (written by the developer of the hold-out2 set, tuned on)."""
    return Path(__file__).parent / "datasets" / "triage_i18n_dev2.jsonl"


def i18n_holdout2_dataset_path() -> Path:
    """The independent de/fr/es/it/pl hold-out set.

    Written by a developer other than the lexicons' author, before reading the lexicons or the
    rules, the way members and staff write in a support channel (typos, English mixed in, several
    requests in one, greetings), and never tuned on: at least 20 requests per language, at least 8
    of them urgent (or not) only by relative time.
    """
    return Path(__file__).parent / "datasets" / "triage_i18n_holdout2.jsonl"


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
    """The triage card's category, urgency and entities for one case (offline rules, no call
    deadlines), judged from the moment the case was sent."""
    card = triage_request(
        understand(case.text.strip()), routing={}, call_deadlines={}, sent_at=case.sent_at(today)
    )
    return TriagePrediction(
        id=case.id,
        text=case.text,
        category=case.category,
        predicted_category=card.category,
        urgency=case.urgency,
        predicted_urgency=card.urgency,
        urgency_reason=card.urgency_reason,
        lang=case.lang,
        relative_time=case.relative_time,
        entities=case.entities,
        predicted_entities=card.entities,
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


def _urgency_accuracy(predictions: Sequence[TriagePrediction]) -> float:
    return round(accuracy([p.urgency for p in predictions], [p.predicted_urgency for p in predictions]), 4)


def entity_recall(predictions: Sequence[TriagePrediction]) -> float | None:
    """Share of the gold entity labels that the cards show (None when no case is labelled)."""
    gold = [(label, p.predicted_entities) for p in predictions for label in p.entities or ()]
    if not gold:
        return None
    return round(sum(label in shown for label, shown in gold) / len(gold), 4)


def language_scores(predictions: Sequence[TriagePrediction]) -> LanguageScores:
    """Category and urgency accuracy, relative-time urgency accuracy and entity recall of one language."""
    relative = [p for p in predictions if p.relative_time]
    return LanguageScores(
        cases=len(predictions),
        category_accuracy=round(
            accuracy([p.category for p in predictions], [p.predicted_category for p in predictions]), 4
        ),
        urgency_accuracy=_urgency_accuracy(predictions),
        relative_time_cases=len(relative),
        relative_time_urgency_accuracy=_urgency_accuracy(relative) if relative else None,
        entity_recall=entity_recall(predictions),
    )


def score(predictions: Sequence[TriagePrediction]) -> TriageReport:
    """Accuracy, macro-F1 and confusion of the categories, urgency accuracy (all cases and the
    relative-time ones), and the same per language."""
    expected = [p.category for p in predictions]
    got = [p.predicted_category for p in predictions]
    relative = [p for p in predictions if p.relative_time]
    languages = sorted({p.lang for p in predictions})
    return TriageReport(
        cases=len(predictions),
        category_accuracy=round(accuracy(expected, got), 4),
        category_macro_f1=round(macro_f1(expected, got, CATEGORIES), 4),
        per_category_f1={k: round(v, 4) for k, v in per_label_f1(expected, got, CATEGORIES).items()},
        urgency_accuracy=_urgency_accuracy(predictions),
        confusion=confusion(expected, got, CATEGORIES),
        relative_time_urgency_accuracy=_urgency_accuracy(relative) if relative else None,
        per_language={
            lang: language_scores([p for p in predictions if p.lang == lang]) for lang in languages
        },
        predictions=list(predictions),
    )


def run_triage_eval(cases: Sequence[TriageCase], *, today: dt.date = EVAL_TODAY) -> TriageReport:
    """Triage every case and score the results."""
    return score([predict(case, today=today) for case in cases])
