"""Search configurations side by side: quality and speed of each, measured in one run over one data dir.

A configuration is an embedding model, with or without cross-lingual search
(:mod:`evals.bench_configurations`): by default ``onnx-minilm`` (English only, the default before
issue 13), ``onnx-minilm+e5`` (MiniLM plus the multilingual E5 matrix for questions not in English,
the default now) and ``e5-small`` (E5 for everything). On the same ingested data dir — each model
searches its own vector collection, embedded first when missing (the bundle's chunks from its
shipped vectors, as a start-up after a switch does), and a ``+e5`` configuration's cross-lingual
matrix is written first when missing, as a writer's start-up does — each configuration gets:

- the retrieval eval (``evals/datasets/retrieval.jsonl``): recall@5 and MRR of dense and hybrid search;
- the answers eval (``answers.jsonl``, extractive): pass rate — the injection cases need a poisoned
  copy of the data dir and stay with ``eval answers``;
- the translated answers eval (``evals/datasets/i18n``), when given: pass rate and recall@5 per language;
- warm latency as ``bench search`` (hybrid, no filters) and ``bench ask`` (extractive) measure it,
  p95, on English questions (the retrieval eval's for search, the answers eval's for ask) and on the
  translated answers cases of every language asked, pooled;
- ingest of user files into an empty temporary data dir: passages embedded and indexed per second
  (with ``+e5`` each passage is embedded twice, by MiniLM and by E5, and the time includes both).
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus.models import AnyRecord, PolicyDocument
from evals.answers_eval import AnswerCase, run_answers_eval
from evals.bench_ask import bench_answer_latency
from evals.bench_configurations import SearchConfiguration
from evals.bench_search import percentile
from evals.retrieval_eval import EvalQuestion, run_retrieval_eval

if TYPE_CHECKING:
    from assistant.service import Assistant
    from corpus.settings import Settings
    from corpus.store import RecordStore
    from retrieval.embeddings import Embedder
    from retrieval.index import SearchIndex

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


def bench_query_latency(
    *, index: SearchIndex, queries: Sequence[tuple[str, dt.date]], rounds: int, k: int = 10
) -> dict[str, float]:
    """Warm hybrid search latency of ``queries`` (text, day asked) in ms, as ``bench search`` measures it.

    Every query is searched once to warm up, then in ``rounds`` rounds; the figures are the median
    over rounds of each round's p50 and p95 (:func:`evals.bench_search.bench_latency`, for any texts).

    Raises:
        ValueError: ``rounds`` < 1 or no queries.
    """
    from retrieval.search import HybridRetriever

    if rounds < 1 or not queries:
        raise ValueError("need at least one round and one query")
    retriever = HybridRetriever(index)

    def run(text: str, today: dt.date) -> float:
        started = time.perf_counter()
        retriever.search(query=text, k=k, today=today, mode="hybrid")
        return (time.perf_counter() - started) * 1000

    for text, today in queries:  # warm-up: caches, lazy loads (the E5 engine, the language detector)
        run(text, today)
    p50s, p95s = [], []
    for _ in range(rounds):
        latencies = [run(text, today) for text, today in queries]
        p50s.append(percentile(latencies, 50))
        p95s.append(percentile(latencies, 95))
    return {
        "p50_ms": round(statistics.median(p50s), 1),
        "p95_ms": round(statistics.median(p95s), 1),
        "queries": len(queries),
    }


def case_queries(cases: Sequence[AnswerCase]) -> list[tuple[str, dt.date]]:
    """Every turn of ``cases`` as a search query, with the day the case is asked on."""
    return [(turn, case.today) for case in cases for turn in case.turns]


def _no_shipped_vectors(texts: Sequence[str]) -> list[None]:
    """A shipped-vector lookup that knows no text: a user's files are not the bundle's."""
    return [None] * len(texts)


def bench_file_ingest(*, settings: Settings, embedder: Embedder, files: Sequence[Path]) -> dict[str, float]:
    """Ingest ``files`` into an empty temporary data dir with ``embedder``: passages per second.

    The time covers reading, chunking, embedding and writing both indexes (what ``ingest FILE``
    does). With cross-lingual search on (``settings.crosslingual``) every passage is embedded a
    second time, by E5, inside the timing; ``crosslingual_embedded`` counts them (the bundle's
    shipped E5 vectors are not used: the files stand for a user's own). The models are loaded
    before the clock starts.
    """
    from corpus.ingest import file_sources, ingest_sources
    from corpus.store import RecordStore
    from retrieval.crosslingual import CrossLingualEncoder
    from retrieval.index import SearchIndex

    with tempfile.TemporaryDirectory(prefix="cluster-advisor-bench-files-") as tmp:
        fresh = settings.model_copy(update={"data_dir": Path(tmp), "database_url": None, "chroma_host": None})
        store = RecordStore.open(fresh.records_db_url)
        index = SearchIndex.open(settings=fresh, embedder=embedder)
        encoder = None
        if index.crosslingual_encoder is not None:
            encoder = CrossLingualEncoder(shipped=_no_shipped_vectors)  # type: ignore[arg-type]
            encoder.embed_query("warm-up")  # loads the E5 engine outside the timing
            index.crosslingual_encoder = encoder
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
        "crosslingual_embedded": float(encoder.embedded if encoder is not None else 0),
        "seconds": seconds,
        "passages_per_s": passages / seconds if seconds else 0.0,
    }


@contextmanager
def configuration_index(
    *, settings: Settings, store: RecordStore, configuration: SearchConfiguration
) -> Iterator[tuple[Settings, SearchIndex, dict[str, Any]]]:
    """The data dir's index opened as ``configuration`` sets it up: its model's vectors embedded first
    if missing, and with ``+e5`` the cross-lingual matrix written first if missing.

    Raises:
        IndexUnavailable: A ``+e5`` configuration's cross-lingual matrix could not be written.

    ``crosslingual_matrix`` says whether the matrix was written while opening, how many passages E5
    embedded for it (none for the bundle's chunks when its E5 vectors ship) and how long the writing
    step after the start-up check took (a repair's share is in ``seconds``).
    """
    from retrieval.embeddings import embedder_from_settings
    from retrieval.errors import IndexUnavailable
    from retrieval.startup import open_recovered_index

    configured = configuration.apply(settings)
    embedder = embedder_from_settings(configured)
    index, recovery = open_recovered_index(settings=configured, embedder=embedder, store=store)
    try:
        opened: dict[str, Any] = {
            "found": recovery.state,
            "action": recovery.action,
            "seconds": recovery.seconds,
        }
        if configuration.crosslingual:
            started = time.perf_counter()
            written = index.ensure_dense()  # what a writer's start-up does (retrieval.startup)
            if index.crosslingual is None:
                raise IndexUnavailable(
                    f"{configuration.name}: the data dir {settings.data_dir} has no cross-lingual matrix "
                    "and none could be written (is it empty, or opened read-only?)"
                )
            encoder = index.crosslingual_encoder
            # A repair or rebuild at the start-up check writes the matrix too (the index is saved whole).
            opened["crosslingual_matrix"] = {
                "written": written or recovery.action != "none",
                "embedded": encoder.embedded if encoder is not None else 0,
                "seconds": round(time.perf_counter() - started, 2),
            }
        yield configured, index, opened
    finally:
        index.close()


def measure_configuration(
    *,
    settings: Settings,
    store: RecordStore,
    configuration: SearchConfiguration,
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
    """Every figure of one configuration (see the module docstring), as one JSON-ready dict."""
    name = configuration.name
    missing = "its model's vectors" + (" and the cross-lingual matrix" if configuration.crosslingual else "")
    progress(f"{name}: opening the index ({missing} embedded first when missing)")
    with configuration_index(settings=settings, store=store, configuration=configuration) as (
        configured,
        index,
        opened,
    ):
        figures: dict[str, Any] = {
            "model": index.embedder.name,
            "settings": configuration.settings_update,
            "index": opened,
        }
        progress(f"{name}: retrieval eval, {len(questions)} questions")
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
            system: {"recall@5": round(report.overall["recall@5"], 4), "mrr": round(report.overall["mrr"], 4)}
            for system, report in reports.items()
        }
        with advisor(configured, store, index) as (opened_advisor, recorder):
            progress(f"{name}: answers eval, {len(cases)} cases")
            english = run_answers_eval(
                assistant=opened_advisor.assistant, recorder=recorder, cases=cases, mode="extractive"
            )
            summary = english.summary()
            figures["answers"] = {key: summary[key] for key in ("cases", "passed", "pass_rate")}
            english_search = search_recall(index=index, cases=cases)
            figures["answers"]["search_recall@5"] = {mode: mean_of(v) for mode, v in english_search.items()}
            languages: dict[str, dict[str, Any]] = {}
            for lang, lang_cases in translated.items():
                progress(f"{name}: translated answers ({lang}), {len(lang_cases)} cases")
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
            pooled = [case for lang_cases in translated.values() for case in lang_cases]
            english_queries: list[tuple[str, dt.date]] = [
                (question.question, today) for question in questions
            ]
            progress(
                f"{name}: bench search (hybrid), {len(english_queries)} English queries x {rounds} rounds"
            )
            figures["search_ms"] = bench_query_latency(index=index, queries=english_queries, rounds=rounds)
            progress(f"{name}: bench ask (extractive), {len(cases)} English cases x {rounds} rounds")
            figures["ask_ms"] = _ask_latency(opened_advisor.assistant, cases, rounds)
            if pooled:
                queries = case_queries(pooled)
                progress(
                    f"{name}: bench search (hybrid), {len(queries)} translated queries x {rounds} rounds"
                )
                figures["search_ms_translated"] = bench_query_latency(
                    index=index, queries=queries, rounds=rounds
                )
                progress(f"{name}: bench ask (extractive), {len(pooled)} translated cases x {rounds} rounds")
                figures["ask_ms_translated"] = _ask_latency(opened_advisor.assistant, pooled, rounds)
        progress(f"{name}: ingest of {len(files)} user files")
        ingest = bench_file_ingest(settings=configured, embedder=index.embedder, files=files)
        figures["ingest_user_files"] = {key: round(value, 2) for key, value in ingest.items()}
    return figures


def _ask_latency(assistant: Assistant, cases: Sequence[AnswerCase], rounds: int) -> dict[str, float]:
    """``bench ask``'s p50 and p95 (ms) of ``cases``, and how many questions were asked per round."""
    ask = bench_answer_latency(assistant=assistant, cases=cases, rounds=rounds)
    return {
        "p50_ms": round(ask["p50_ms"], 1),
        "p95_ms": round(ask["p95_ms"], 1),
        "questions": int(ask["questions"]),
    }
