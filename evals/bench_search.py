"""Search benchmark: warm query latency, ingest throughput, re-ingest time and peak memory.

Latency: every eval question is searched once to warm up, then in ``rounds`` rounds; each round
gives a p50 and a p95 over all questions, and the reported figure is the median over rounds (so
one noisy round does not decide the number). Filtered queries add the question's document type
(plus its own country/status, and ``status=open`` for call questions that set none).

Ingest: a cold full ingest of the bundled corpus into a fresh temporary data dir (the store and
both indexes, embedding included), then re-ingests of the unchanged corpus (median of several).
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evals.retrieval_eval import EvalQuestion, SearchMode, search_filters

if TYPE_CHECKING:
    from corpus.settings import Settings
    from retrieval.embeddings import Embedder
    from retrieval.index import SearchIndex


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) with linear interpolation between closest ranks."""
    if not values:
        raise ValueError("no values")
    if not 0 <= q <= 100:
        raise ValueError("q must be within 0..100")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def bench_filters(question: EvalQuestion) -> dict[str, str]:
    """The filters of the filtered latency run (see the module docstring)."""
    filters: dict[str, str] = {"type": question.doc_type}
    filters.update(question.filters.model_dump(exclude_none=True))
    if question.doc_type == "call" and "status" not in filters:
        filters["status"] = "open"
    return filters


def bench_latency(
    *,
    index: SearchIndex,
    questions: Sequence[EvalQuestion],
    today: dt.date,
    mode: SearchMode = "hybrid",
    filtered: bool = False,
    rounds: int = 5,
    k: int = 10,
) -> dict[str, float]:
    """Warm search latency in ms: median over ``rounds`` of each round's p50 and p95."""
    from retrieval.search import HybridRetriever

    retriever = HybridRetriever(index)

    def run(question: EvalQuestion) -> float:
        filters = search_filters(bench_filters(question) if filtered else {})
        started = time.perf_counter()
        retriever.search(query=question.question, k=k, filters=filters, today=today, mode=mode)
        return (time.perf_counter() - started) * 1000

    for question in questions:  # warm-up: caches, lazy loads, first-call costs
        run(question)
    p50s, p95s, means = [], [], []
    for _ in range(rounds):
        latencies = [run(question) for question in questions]
        p50s.append(percentile(latencies, 50))
        p95s.append(percentile(latencies, 95))
        means.append(statistics.fmean(latencies))
    return {
        "p50_ms": statistics.median(p50s),
        "p95_ms": statistics.median(p95s),
        "mean_ms": statistics.median(means),
        "queries": float(len(questions) * rounds),
    }


def bench_ingest(
    *,
    settings: Settings,
    embedder: Embedder,
    reingest_runs: int = 3,
    progress: Callable[[str], None] | None = None,
) -> dict[str, float]:
    """Cold full ingest of the bundled corpus into a fresh temp data dir, then unchanged re-ingests.

    Args:
        settings: The current settings; only ``data_dir`` is replaced (by a temporary folder).
        embedder: The embedder to index with (loaded once, outside the timing).
        reingest_runs: Re-ingests of the unchanged corpus; the median is reported.
        progress: Called with a short message before each phase.
    """
    from corpus.ingest import bundled_source, ingest_sources
    from corpus.store import RecordStore
    from retrieval.index import SearchIndex

    with tempfile.TemporaryDirectory(prefix="cluster-advisor-bench-") as tmp:
        fresh = settings.model_copy(update={"data_dir": Path(tmp)})
        store = RecordStore.open(fresh.records_db_url)
        index = SearchIndex.open(settings=fresh, embedder=embedder)
        try:
            if progress is not None:
                progress("cold ingest of the bundled corpus")
            started = time.perf_counter()
            report = ingest_sources(store=store, index=index, sources=[bundled_source()])
            cold_s = time.perf_counter() - started
            chunks = sum(report.chunks_written.values())
            again = []
            for run in range(reingest_runs):
                if progress is not None:
                    progress(f"re-ingest of the unchanged corpus ({run + 1}/{reingest_runs})")
                started = time.perf_counter()
                repeat = ingest_sources(store=store, index=index, sources=[bundled_source()])
                again.append(time.perf_counter() - started)
                if sum(repeat.chunks_written.values()):
                    raise RuntimeError("re-ingest of an unchanged corpus re-embedded chunks")
        finally:
            index.close()
            store.close()
    return {
        "documents": float(report.loaded),
        "chunks": float(chunks),
        "cold_seconds": cold_s,
        "cold_chunks_per_s": chunks / cold_s if cold_s else 0.0,
        "reingest_unchanged_seconds_median": statistics.median(again) if again else 0.0,
    }


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far (``ru_maxrss``; KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def machine_info() -> dict[str, Any]:
    """Cores, CPU model (from /proc/cpuinfo when present), Python and OS."""
    cpu = platform.processor() or "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cores": os.cpu_count() or 0,
        "cpu": cpu,
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
    }
