"""``cluster-advisor bench all``: every benchmark in one run, for the report in ``docs/benchmarks``.

The parts, in order, each on a temporary copy of the ingested data dir:

- ``search``, ``ask``, ``slack``: the existing ``bench`` commands, each run as its own
  ``cluster-advisor ... --json`` process (their exact command is kept in the figures);
- ``ingest``: a cold ingest of the bundled corpus (every ``ingest_every``-th record in a quick run)
  into a fresh data dir, timed batch by batch (chunks written over time), the BM25 build included;
- ``load``: :func:`evals.bench_load.run_load`; ``soak``: :func:`evals.bench_soak.run_soak`.

The figures come back as one JSON-able dict for :func:`evals.bench_report.write_report`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from corpus.settings import Settings
from evals.bench_load import DEFAULT_CONCURRENCY, run_load
from evals.bench_report import machine_summary
from evals.bench_server import copied_data_dir
from evals.bench_slack import settings_env
from evals.bench_soak import run_soak
from evals.bench_workload import THINK_MS

if TYPE_CHECKING:
    from corpus.models import Chunk
    from retrieval.index import SearchIndex

PARTS = ("search", "ask", "slack", "ingest", "load", "soak")


class BenchProgress(Protocol):
    """A display of phases (``corpus.console.ProgressBar`` fits)."""

    def start(self, description: str, total: int) -> None: ...

    def advance(self, records: int) -> None: ...


@dataclass(frozen=True)
class BenchPlan:
    """How much of each benchmark to run."""

    search_args: tuple[str, ...] = ("--rounds", "5")
    ask_args: tuple[str, ...] = ("--rounds", "5")
    slack_args: tuple[str, ...] = ("--events", "200", "--concurrency", "20")
    ingest_every: int = 1
    """1 ingests the whole bundled corpus; ``n`` every n-th record."""
    load_concurrency: tuple[int, ...] = DEFAULT_CONCURRENCY
    load_duration_s: float = 60.0
    think_ms: float = THINK_MS
    """Mean pause of each load and soak user between requests (0: none, closed loop at full speed)."""
    soak_clients: int = 20
    soak_minutes: float = 10.0


FULL_PLAN = BenchPlan()
QUICK_PLAN = BenchPlan(
    search_args=("--queries", "20", "--rounds", "1"),
    ask_args=("--limit", "10", "--rounds", "1"),
    slack_args=("--events", "30", "--concurrency", "10"),
    ingest_every=20,
    load_concurrency=(1, 5, 20),
    load_duration_s=5.0,
    soak_minutes=0.5,
)


def run_cli_json(settings: Settings, args: Sequence[str]) -> dict[str, Any]:
    """Run ``cluster-advisor <args> --json`` in its own process with ``settings``; its JSON output.

    Raises:
        RuntimeError: The command failed or printed no JSON object.
    """
    command = [sys.executable, "-m", "integrations.cli.main", *args, "--json"]
    env = {**os.environ, **settings_env(settings)}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"`{' '.join(args)}` exited with {done.returncode}: {done.stderr[-2000:]}")
    try:
        figures = json.loads(done.stdout)
    except json.JSONDecodeError as exc:
        raise RuntimeError(f"`{' '.join(args)}` printed no JSON object: {done.stdout[-500:]}") from exc
    if not isinstance(figures, dict):
        raise RuntimeError(f"`{' '.join(args)}` printed JSON that is not an object")
    return figures


class _TimedIndex:
    """A ``ChunkIndex`` that records the cumulative chunks written after each embedding batch."""

    def __init__(self, index: SearchIndex) -> None:
        self._index = index
        self.started = time.perf_counter()
        self.chunks = 0
        self.timeline: list[tuple[float, int]] = [(0.0, 0)]

    def upsert_documents(
        self,
        chunks_by_doc: Mapping[str, Sequence[Chunk]],
        *,
        progress: Callable[[int], None] | None = None,
        vectors: Mapping[str, Sequence[float]] | None = None,
    ) -> None:
        before = self.chunks

        def embedded(done: int) -> None:  # after each embedding batch: a finer timeline
            self.timeline.append((round(time.perf_counter() - self.started, 2), before + done))
            if progress is not None:
                progress(done)

        self._index.upsert_documents(chunks_by_doc, progress=embedded, vectors=vectors)
        self.chunks = before + sum(len(chunks) for chunks in chunks_by_doc.values())
        self.timeline.append((round(time.perf_counter() - self.started, 2), self.chunks))

    def delete_documents(self, doc_ids: Iterable[str]) -> None:
        self._index.delete_documents(doc_ids)

    def indexed_doc_ids(self) -> set[str]:
        return self._index.indexed_doc_ids()


class _IngestTicks:
    def __init__(self, progress: BenchProgress | None) -> None:
        self._progress = progress

    def add_total(self, records: int) -> None:
        return None

    def advance(self, records: int) -> None:
        if self._progress is not None:
            self._progress.advance(records)


def bench_cold_ingest(
    *, settings: Settings, every: int = 1, progress: BenchProgress | None = None
) -> dict[str, Any]:
    """Cold ingest of the bundled corpus (every ``every``-th record) into a fresh temporary data dir.

    Returns:
        Documents, chunks, seconds (BM25 build included), documents/s, chunks/s and the timeline
        ``[(seconds, chunks written so far), ...]``.
    """
    from corpus.ingest import bundled_source, ingest_sources
    from corpus.store import RecordStore
    from retrieval.embeddings import embedder_from_settings
    from retrieval.index import SearchIndex

    source = bundled_source()
    source.records = source.records[::every]
    embedder = embedder_from_settings(settings)
    with tempfile.TemporaryDirectory(prefix="cluster-advisor-ingest-") as tmp:
        fresh = settings.model_copy(update={"data_dir": Path(tmp)})
        store = RecordStore.open(fresh.records_db_url)
        index = SearchIndex.open(settings=fresh, embedder=embedder)
        try:
            if progress is not None:
                progress.start("ingest (cold)", len(source.records))
            timed = _TimedIndex(index)
            report = ingest_sources(
                store=store, index=timed, sources=[source], progress=_IngestTicks(progress)
            )
            index.flush()
            seconds = time.perf_counter() - timed.started
        finally:
            index.close()
            store.close()
    timed.timeline.append((round(seconds, 2), timed.chunks))
    return {
        "documents": report.loaded,
        "chunks": timed.chunks,
        "seconds": round(seconds, 2),
        "docs_per_s": round(report.loaded / seconds, 2),
        "chunks_per_s": round(timed.chunks / seconds, 2),
        "subset": every > 1,
        "every": every,
        "timeline": timed.timeline,
    }


def tick_progress(progress: BenchProgress | None) -> Callable[[str, int], Callable[[], None]] | None:
    """``progress`` as the per-second step callback of :func:`evals.bench_load.run_load` (None → None)."""
    if progress is None:
        return None

    def start(description: str, seconds: int) -> Callable[[], None]:
        progress.start(description, seconds)
        return lambda: progress.advance(1)

    return start


def run_all(
    *,
    settings: Settings,
    plan: BenchPlan,
    command: str,
    parts: Sequence[str] = PARTS,
    quick: bool = False,
    progress: BenchProgress | None = None,
) -> dict[str, Any]:
    """Run the chosen benchmark ``parts`` with ``plan``; the figures for the report.

    Args:
        settings: Settings of an ingested data dir (only copies of it are used).
        plan: How long and how much of each part.
        command: The command line that started the run (printed under every figure).
        parts: Which of :data:`PARTS` to run, in that order.
        quick: Whether ``plan`` is the quick one (the report says so).
        progress: Phase display.
    """
    if unknown := set(parts) - set(PARTS):
        raise ValueError(f"unknown benchmark part(s): {', '.join(sorted(unknown))}")
    figures: dict[str, Any] = {
        "measured_on": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": command,
        "quick": quick,
        "machine": machine_summary(),
    }
    with copied_data_dir(settings.data_dir) as data_dir:
        copy = settings.model_copy(update={"data_dir": data_dir})
        for name, args in (("search", plan.search_args), ("ask", plan.ask_args), ("slack", plan.slack_args)):
            if name in parts:
                if progress is not None:
                    progress.start(f"bench {name}", 1)
                figures[name] = run_cli_json(copy, ["bench", name, *args])
                figures[name]["command"] = " ".join(
                    [
                        "cluster-advisor",
                        f"--data-dir <copy of {settings.data_dir}>",
                        "bench",
                        name,
                        *args,
                        "--json",
                    ]
                )
                if progress is not None:
                    progress.advance(1)
        if "ingest" in parts:
            figures["ingest"] = bench_cold_ingest(settings=copy, every=plan.ingest_every, progress=progress)
        if "load" in parts:
            load = run_load(
                settings=copy,
                concurrency=plan.load_concurrency,
                duration_s=plan.load_duration_s,
                think_ms=plan.think_ms,
                progress=tick_progress(progress),
            )
            figures["load"] = load.model_dump(mode="json")
        if "soak" in parts:
            soak = run_soak(
                settings=copy,
                concurrency=plan.soak_clients,
                minutes=plan.soak_minutes,
                think_ms=plan.think_ms,
                progress=tick_progress(progress),
            )
            figures["soak"] = soak.model_dump(mode="json")
    return figures
