"""The retrieval evaluation: every dataset question through every system, scored the same way.

Systems: BM25 alone, dense alone and hybrid (all through ``retrieval.search`` on the ingested data
dir) and the LangChain tutorial baseline (:mod:`evals.tutorial_baseline`). Each returns ranked
document ids; :mod:`evals.metrics` scores them (doc-level, binary relevance).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from corpus.errors import InvalidInput
from evals.jsonl import load_jsonl
from evals.metrics import METRIC_NAMES, mean_scores, question_scores

if TYPE_CHECKING:
    from corpus.store import RecordStore
    from evals.tutorial_baseline import TutorialBaseline
    from retrieval.embeddings import Embedder
    from retrieval.filters import SearchFilters
    from retrieval.index import SearchIndex

logger = logging.getLogger(__name__)

Category = Literal[
    "call-by-topic",
    "call-by-identifier",
    "call-by-programme",
    "cascade-call",
    "org-by-sector-country",
    "org-by-name",
    "policy-fact",
]
SearchMode = Literal["bm25", "dense", "hybrid"]
SYSTEMS: tuple[str, ...] = ("bm25", "dense", "hybrid", "baseline")
EVAL_K = 10
DEFAULT_EVAL_TODAY = dt.date(2026, 5, 10)
"""The day questions without their own ``today`` are asked on, unless ``--today`` is given: results
must not drift with the real date (the corpus is a snapshot of March-August 2026)."""


class QuestionFilters(BaseModel):
    """Filters a user would set with the question (the CLI's ``--type/--country/--status``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: Literal["call", "cluster", "policy"] | None = None
    country: str | None = None
    status: Literal["open", "forthcoming", "closed"] | None = None


class EvalQuestion(BaseModel):
    """One line of ``evals/datasets/retrieval.jsonl``; any gold document counts as a hit."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    question: str = Field(min_length=1)
    gold: tuple[str, ...] = Field(min_length=1)
    doc_type: Literal["call", "cluster", "policy"]
    category: Category
    filters: QuestionFilters = QuestionFilters()
    today: dt.date | None = None


def default_dataset_path() -> Path:
    """The bundled question set."""
    return Path(str(resources.files("evals").joinpath("datasets/retrieval.jsonl")))


def load_questions(path: Path | None = None, *, limit: int | None = None) -> list[EvalQuestion]:
    """Read and validate the question set (the first ``limit`` questions when given).

    Raises:
        InvalidInput: The file is missing or a line is not a valid question.
    """
    questions = load_jsonl(
        path or default_dataset_path(),
        EvalQuestion,
        dataset="eval dataset",
        item="eval question",
        ids="question",
    )
    return questions[:limit] if limit is not None else questions


def search_filters(filters: dict[str, str]) -> SearchFilters:
    """The retrieval package's filters from the dataset's ``type/country/status`` keys."""
    from retrieval.filters import parse_filters

    raw = dict(filters)
    if "type" in raw:
        raw["doc_type"] = raw.pop("type")
    return parse_filters(**raw)


class Retriever(Protocol):
    """A system under evaluation: a question in, ranked document ids out."""

    name: str

    def retrieve(self, question: EvalQuestion) -> list[str]: ...


class IndexRetriever:
    """``retrieval.search.HybridRetriever`` in one mode, with the question's filters and day."""

    def __init__(
        self, *, index: SearchIndex, mode: SearchMode, default_today: dt.date, k: int = EVAL_K
    ) -> None:
        from retrieval.search import HybridRetriever

        self.name: str = mode
        self.mode = mode
        self.default_today = default_today
        self.k = k
        self._retriever = HybridRetriever(index)

    def retrieve(self, question: EvalQuestion) -> list[str]:
        result = self._retriever.search(
            query=question.question,
            k=self.k,
            filters=search_filters(question.filters.model_dump(exclude_none=True)),
            today=question.today or self.default_today,
            mode=self.mode,
        )
        return [hit.doc_id for hit in result.hits]


@dataclass
class BaselineRetriever:
    """The tutorial baseline: ``similarity_search(k=4)``, no filters (the tutorial has none)."""

    baseline: TutorialBaseline
    name: str = "baseline"

    def retrieve(self, question: EvalQuestion) -> list[str]:
        return self.baseline.retrieve(question.question)


@dataclass
class QuestionResult:
    """One question through one system."""

    question: EvalQuestion
    ranked: list[str]
    scores: dict[str, float]
    latency_ms: float


@dataclass
class SystemReport:
    """A system's scores: overall, per doc type and per category, plus every question's result."""

    name: str
    overall: dict[str, float]
    by_doc_type: dict[str, dict[str, float]]
    by_category: dict[str, dict[str, float]]
    results: list[QuestionResult] = field(default_factory=list)

    def failures(self, *, k: int = 5) -> list[QuestionResult]:
        """Questions with no gold document in the top ``k``."""
        return [r for r in self.results if r.scores[f"recall@{k}"] == 0.0] if k in (5, 10) else []


def evaluate_system(
    retriever: Retriever,
    questions: Sequence[EvalQuestion],
    *,
    progress: Callable[[int], None] | None = None,
) -> SystemReport:
    """Run every question through ``retriever`` and score it."""
    results = []
    for question in questions:
        started = time.perf_counter()
        ranked = retriever.retrieve(question)
        latency_ms = (time.perf_counter() - started) * 1000
        results.append(QuestionResult(question, ranked, question_scores(ranked, question.gold), latency_ms))
        if progress is not None:
            progress(1)
    return SystemReport(
        name=retriever.name,
        overall=mean_scores([r.scores for r in results]),
        by_doc_type=_grouped(results, lambda r: r.question.doc_type),
        by_category=_grouped(results, lambda r: r.question.category),
        results=results,
    )


def _grouped(
    results: Iterable[QuestionResult], key: Callable[[QuestionResult], str]
) -> dict[str, dict[str, float]]:
    groups: dict[str, list[dict[str, float]]] = defaultdict(list)
    for result in results:
        groups[key(result)].append(result.scores)
    return {name: {**mean_scores(rows), "n": float(len(rows))} for name, rows in sorted(groups.items())}


@dataclass(frozen=True)
class TargetCheck:
    """One target of the issue and whether this run met it."""

    name: str
    passed: bool
    detail: str


def check_targets(systems: dict[str, SystemReport]) -> list[TargetCheck]:
    """The issue's targets, checked on this run.

    Hybrid recall@5 >= 0.90 and at least 0.15 above the baseline; hybrid nDCG@10 above every single
    retriever (BM25, dense and the baseline).
    """
    checks: list[TargetCheck] = []
    hybrid = systems.get("hybrid")
    if hybrid is None:
        return checks
    recall = hybrid.overall["recall@5"]
    checks.append(TargetCheck("hybrid recall@5 >= 0.90", recall >= 0.90, f"{recall:.3f}"))
    if (baseline := systems.get("baseline")) is not None:
        margin = recall - baseline.overall["recall@5"]
        checks.append(
            TargetCheck("hybrid recall@5 >= baseline + 0.15", margin >= 0.15 - 1e-9, f"margin {margin:+.3f}")
        )
    ndcg = hybrid.overall["ndcg@10"]
    for other in ("bm25", "dense", "baseline"):
        if other in systems:
            theirs = systems[other].overall["ndcg@10"]
            checks.append(
                TargetCheck(f"hybrid nDCG@10 > {other}", ndcg > theirs, f"{ndcg:.3f} vs {theirs:.3f}")
            )
    return checks


def report_json(
    systems: dict[str, SystemReport], checks: Sequence[TargetCheck], *, meta: dict[str, object]
) -> dict[str, object]:
    """The whole run as one JSON-ready object (scores rounded to 4 places)."""

    def rounded(row: dict[str, float]) -> dict[str, float]:
        return {key: (round(value, 4) if key in METRIC_NAMES else value) for key, value in row.items()}

    return {
        **meta,
        "systems": {
            name: {
                "overall": rounded(report.overall),
                "by_doc_type": {key: rounded(row) for key, row in report.by_doc_type.items()},
                "by_category": {key: rounded(row) for key, row in report.by_category.items()},
                "mean_latency_ms": round(
                    sum(r.latency_ms for r in report.results) / max(len(report.results), 1), 2
                ),
            }
            for name, report in systems.items()
        },
        "targets": [{"name": c.name, "passed": c.passed, "detail": c.detail} for c in checks],
        "failures": {
            name: [
                {"id": r.question.id, "question": r.question.question, "gold": list(r.question.gold)}
                for r in report.failures(k=5)
            ]
            for name, report in systems.items()
        },
    }


class EvalProgress(Protocol):
    """Progress of a run: a phase with a total, then steps (a progress bar in the CLI)."""

    def start(self, description: str, total: int) -> None: ...

    def advance(self, steps: int) -> None: ...


def run_retrieval_eval(
    *,
    store: RecordStore,
    index: SearchIndex,
    embedder: Embedder,
    questions: Sequence[EvalQuestion],
    cache_root: Path,
    today: dt.date,
    systems: Sequence[str] = SYSTEMS,
    progress: EvalProgress | None = None,
) -> dict[str, SystemReport]:
    """Evaluate ``systems`` on ``questions`` over the corpus in ``store``/``index``.

    Args:
        store: The record store of the ingested data dir (the baseline reads its records).
        index: The search index of the same data dir.
        embedder: The index's embedder (the baseline uses the same model).
        questions: The questions to run.
        cache_root: Where the baseline's Chroma collection is cached (keyed by corpus hash).
        today: The day for questions that do not set their own.
        systems: Any of ``bm25``, ``dense``, ``hybrid``, ``baseline``.
        progress: Optional progress reporting.

    Raises:
        InvalidInput: An unknown system name, or an empty record store.
    """
    unknown = sorted(set(systems) - set(SYSTEMS))
    if unknown:
        raise InvalidInput(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(SYSTEMS)}")
    stored = store.stored_documents()
    if not stored:
        raise InvalidInput("the data dir holds no documents: run `cluster-advisor ingest` first")
    retrievers: list[Retriever] = []
    for name in systems:
        if name == "baseline":
            retrievers.append(
                BaselineRetriever(
                    _open_baseline(store=store, embedder=embedder, cache_root=cache_root, progress=progress)
                )
            )
        else:
            retrievers.append(IndexRetriever(index=index, mode=name, default_today=today))  # type: ignore[arg-type]
    reports: dict[str, SystemReport] = {}
    for retriever in retrievers:
        if progress is not None:
            progress.start(f"Evaluating {retriever.name}", len(questions))
        reports[retriever.name] = evaluate_system(
            retriever, questions, progress=progress.advance if progress is not None else None
        )
    return reports


def _open_baseline(
    *, store: RecordStore, embedder: Embedder, cache_root: Path, progress: EvalProgress | None
) -> TutorialBaseline:
    from evals.tutorial_baseline import TutorialBaseline, corpus_fingerprint

    fingerprint = corpus_fingerprint(
        ((doc.doc_id, doc.content_hash) for doc in store.stored_documents().values()),
        embedder_name=embedder.name,
    )
    embedded = 0

    def report(done: int, total: int) -> None:
        nonlocal embedded
        if progress is None:
            return
        if embedded == 0:
            progress.start("Embedding the tutorial baseline (cached afterwards)", total)
        progress.advance(done - embedded)
        embedded = done

    return TutorialBaseline.open_or_build(
        cache_root=cache_root,
        fingerprint=fingerprint,
        records=store.iter_records,
        embedder=embedder,
        progress=report,
    )
