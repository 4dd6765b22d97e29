"""Embedding models side by side: quality and speed of each, measured in one run over one data dir.

For every model asked (by default the bundled MiniLM and the bundled multilingual E5), on the same
ingested data dir — each model searches its own vector collection, embedded first when missing
(the bundle's chunks from its shipped vectors, as a start-up after a switch does):

- the retrieval eval (``evals/datasets/retrieval.jsonl``): recall@5 and MRR of dense and hybrid search;
- the answers eval (``answers.jsonl``, extractive): pass rate — the injection cases need a poisoned
  copy of the data dir and stay with ``eval answers``;
- the translated answers eval (``evals/datasets/i18n``), when given: pass rate and recall@5 per language;
- warm latency as ``bench search`` (hybrid, no filters) and ``bench ask`` (extractive) measure it: p95;
- ingest of user files into an empty temporary data dir: passages embedded and indexed per second.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus.models import AnyRecord, PolicyDocument
from evals.answers_eval import AnswerCase, run_answers_eval
from evals.bench_ask import bench_answer_latency
from evals.bench_search import bench_latency
from evals.retrieval_eval import EvalQuestion, run_retrieval_eval

if TYPE_CHECKING:
    from corpus.settings import Settings
    from corpus.store import RecordStore
    from retrieval.embeddings import Embedder
    from retrieval.index import SearchIndex

DEFAULT_MODELS = ("onnx-minilm", "e5-small")
RETRIEVAL_SYSTEMS = ("dense", "hybrid")

AdvisorFactory = Callable[["Settings", "RecordStore", "SearchIndex"], Any]
"""Opens the application over a store and index (a context manager yielding (advisor, recorder))."""


def write_user_files(records: Sequence[AnyRecord], folder: Path) -> list[Path]:
    """The policy documents of ``records`` as Markdown files in ``folder``: what a user ingests."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, record in enumerate(records):
        sections = record.sections if isinstance(record, PolicyDocument) else ()
        if not sections:
            continue
        body = "\n\n".join(f"## {section.heading}\n\n{section.text}" for section in sections)
        path = folder / f"document-{number:03d}.md"
        path.write_text(f"# {record.title}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def search_recall(
    *, index: SearchIndex, cases: Sequence[AnswerCase], k: int = 5
) -> dict[str, dict[str, float]]:
    """Per mode (dense, hybrid): each single-turn case's recall@k of its cited documents by search alone.

    The question goes straight to search (no query plan, no answer), so this isolates the embedding
    model: the share of the case's ``must_cite`` documents among the first ``k`` documents found
    (``must_cite_mode`` "any": 1 when one of them is there). Keyed by case id; cases without
    documents to cite (refusals) and follow-ups are left out.
    """
    from retrieval.search import HybridRetriever

    retriever = HybridRetriever(index)
    scores: dict[str, dict[str, float]] = {mode: {} for mode in RETRIEVAL_SYSTEMS}
    for case in cases:
        if not case.must_cite or len(case.turns) != 1:
            continue
        wanted = set(case.must_cite)
        for mode in RETRIEVAL_SYSTEMS:
            hits = retriever.search(query=case.turns[0], k=4 * k, today=case.today, mode=mode).hits  # type: ignore[arg-type]
            found = set(list(dict.fromkeys(hit.doc_id for hit in hits))[:k]) & wanted
            share = len(found) / len(wanted) if case.must_cite_mode == "all" else float(bool(found))
            scores[mode][case.id] = share
    return scores


def mean_of(scores: dict[str, float], ids: Sequence[str] | None = None) -> float | None:
    """The mean of ``scores`` (over ``ids`` when given and scored), rounded; None when nothing is scored."""
    values = [scores[i] for i in (ids if ids is not None else list(scores)) if i in scores]
    return round(sum(values) / len(values), 4) if values else None


def bench_file_ingest(*, settings: Settings, embedder: Embedder, files: Sequence[Path]) -> dict[str, float]:
    """Ingest ``files`` into an empty temporary data dir with ``embedder``: passages per second.

    The time covers reading, chunking, embedding and writing both indexes (what ``ingest FILE``
    does); the model is loaded before the clock starts.
    """
    from corpus.ingest import file_sources, ingest_sources
    from corpus.store import RecordStore
    from retrieval.index import SearchIndex

    with tempfile.TemporaryDirectory(prefix="cluster-advisor-bench-files-") as tmp:
        fresh = settings.model_copy(update={"data_dir": Path(tmp), "database_url": None, "chroma_host": None})
        store = RecordStore.open(fresh.records_db_url)
        index = SearchIndex.open(settings=fresh, embedder=embedder)
        try:
            started = time.perf_counter()
            sources = list(file_sources(files, max_bytes=fresh.max_file_bytes, today=fresh.today))
            report = ingest_sources(store=store, index=index, sources=sources)
            index.flush()
            seconds = time.perf_counter() - started
        finally:
            index.close()
            store.close()
    passages = sum(report.chunks_written.values())
    return {
        "files": float(len(files)),
        "passages": float(passages),
        "seconds": seconds,
        "passages_per_s": passages / seconds if seconds else 0.0,
    }


@contextmanager
def model_index(
    *, settings: Settings, store: RecordStore, backend: str
) -> Iterator[tuple[Settings, SearchIndex, dict[str, Any]]]:
    """The data dir's index opened with ``backend``'s model (its vectors embedded first if missing)."""
    from retrieval.embeddings import embedder_from_settings
    from retrieval.startup import open_recovered_index

    model_settings = settings.model_copy(update={"embedding_backend": backend})
    embedder = embedder_from_settings(model_settings)
    index, recovery = open_recovered_index(settings=model_settings, embedder=embedder, store=store)
    try:
        yield (
            model_settings,
            index,
            {"found": recovery.state, "action": recovery.action, "seconds": recovery.seconds},
        )
    finally:
        index.close()


def measure_model(
    *,
    settings: Settings,
    store: RecordStore,
    backend: str,
    questions: Sequence[EvalQuestion],
    cases: Sequence[AnswerCase],
    translated: dict[str, Sequence[AnswerCase]],
    files: Sequence[Path],
    rounds: int,
    advisor: AdvisorFactory,
    today: dt.date,
    progress: Callable[[str], None],
    language_figures: Callable[[str, Any, Any], dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Every figure of one model (see the module docstring), as one JSON-ready dict."""
    with model_index(settings=settings, store=store, backend=backend) as (model_settings, index, opened):
        figures: dict[str, Any] = {"model": index.embedder.name, "index": opened}
        progress(f"{backend}: retrieval eval, {len(questions)} questions")
        reports = run_retrieval_eval(
            store=store,
            index=index,
            embedder=index.embedder,
            questions=questions,
            cache_root=settings.data_dir / "eval-cache",
            today=today,
            systems=RETRIEVAL_SYSTEMS,
        )
        figures["retrieval"] = {
            name: {"recall@5": round(report.overall["recall@5"], 4), "mrr": round(report.overall["mrr"], 4)}
            for name, report in reports.items()
        }
        with advisor(model_settings, store, index) as (opened_advisor, recorder):
            progress(f"{backend}: answers eval, {len(cases)} cases")
            english = run_answers_eval(
                assistant=opened_advisor.assistant, recorder=recorder, cases=cases, mode="extractive"
            )
            summary = english.summary()
            figures["answers"] = {key: summary[key] for key in ("cases", "passed", "pass_rate")}
            english_search = search_recall(index=index, cases=cases)
            figures["answers"]["search_recall@5"] = {mode: mean_of(v) for mode, v in english_search.items()}
            languages: dict[str, dict[str, Any]] = {}
            for lang, lang_cases in translated.items():
                progress(f"{backend}: translated answers ({lang}), {len(lang_cases)} cases")
                report = run_answers_eval(
                    assistant=opened_advisor.assistant, recorder=recorder, cases=lang_cases, mode="extractive"
                )
                if language_figures is not None:
                    languages[lang] = language_figures(lang, report, english)
                    own = search_recall(index=index, cases=lang_cases)
                    counterparts = {case.id: getattr(case, "en_id", case.id) for case in lang_cases}
                    languages[lang]["search_recall@5"] = {
                        mode: mean_of(own[mode]) for mode in RETRIEVAL_SYSTEMS
                    }
                    languages[lang]["english_search_recall@5"] = {
                        mode: mean_of(english_search[mode], [counterparts[i] for i in own[mode]])
                        for mode in RETRIEVAL_SYSTEMS
                    }
            if languages:
                figures["languages"] = languages
            progress(f"{backend}: bench search (hybrid), {len(questions)} queries x {rounds} rounds")
            search = bench_latency(index=index, questions=questions, today=today, rounds=rounds)
            figures["search_ms"] = {key: round(search[key], 1) for key in ("p50_ms", "p95_ms")}
            progress(f"{backend}: bench ask (extractive), {len(cases)} cases x {rounds} rounds")
            ask = bench_answer_latency(assistant=opened_advisor.assistant, cases=cases, rounds=rounds)
            figures["ask_ms"] = {key: round(ask[key], 1) for key in ("p50_ms", "p95_ms")}
        progress(f"{backend}: ingest of {len(files)} user files")
        ingest = bench_file_ingest(settings=model_settings, embedder=index.embedder, files=files)
        figures["ingest_user_files"] = {key: round(value, 2) for key, value in ingest.items()}
    return figures


def comparison_rows(models: dict[str, dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """(measure, one cell per model) rows of the side-by-side table."""

    def cell(figures: dict[str, Any], *path: str) -> str:
        value: Any = figures
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if value is None:
            return "-"
        return f"{value:.3f}" if isinstance(value, float) and value <= 1 else f"{value:,}"

    rows: list[tuple[str, list[str]]] = [
        ("model", [figures["model"] for figures in models.values()]),
        ("retrieval: dense recall@5", [cell(f, "retrieval", "dense", "recall@5") for f in models.values()]),
        ("retrieval: hybrid recall@5", [cell(f, "retrieval", "hybrid", "recall@5") for f in models.values()]),
        ("retrieval: hybrid MRR", [cell(f, "retrieval", "hybrid", "mrr") for f in models.values()]),
        ("answers: pass rate (extractive)", [cell(f, "answers", "pass_rate") for f in models.values()]),
        (
            "answers set: hybrid search recall@5",
            [cell(f, "answers", "search_recall@5", "hybrid") for f in models.values()],
        ),
    ]
    languages = sorted({lang for f in models.values() for lang in f.get("languages", {})})
    for lang in languages:
        rows.append(
            (f"{lang}: pass rate", [cell(f, "languages", lang, "pass_rate") for f in models.values()])
        )
        rows.append(
            (f"{lang}: recall@5", [cell(f, "languages", lang, "recall_at_5") for f in models.values()])
        )
        for mode in RETRIEVAL_SYSTEMS:
            label = f"{lang}: {mode} search recall@5 (English)"
            rows.append(
                (
                    label,
                    [
                        f"{cell(f, 'languages', lang, 'search_recall@5', mode)} "
                        f"({cell(f, 'languages', lang, 'english_search_recall@5', mode)})"
                        for f in models.values()
                    ],
                )
            )
    rows += [
        ("bench search p95 ms", [cell(f, "search_ms", "p95_ms") for f in models.values()]),
        ("bench ask p95 ms", [cell(f, "ask_ms", "p95_ms") for f in models.values()]),
        (
            "ingest user files: passages/s",
            [cell(f, "ingest_user_files", "passages_per_s") for f in models.values()],
        ),
    ]
    return rows
