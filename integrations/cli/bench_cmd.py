"""``cluster-advisor bench ...``: performance figures, measured (not a timed test).

``bench search`` needs an ingested data dir (``cluster-advisor ingest``). With ``--ingest`` it also
times a cold full ingest of the bundled corpus into a fresh temporary data dir (minutes) and
re-ingests of the unchanged corpus.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, cast

import typer

from evals.bench_search import bench_ingest, bench_latency, machine_info, peak_memory_mb
from evals.report import bench_table
from evals.retrieval_eval import DEFAULT_EVAL_TODAY, SearchMode, load_questions
from integrations.cli.context import cli_context
from integrations.cli.eval_cmd import embedder_of
from integrations.cli.output import console, err_console, fail, print_json

app = typer.Typer(help="Measure search latency, ingest throughput and memory.", no_args_is_help=True)

_MODES = ("hybrid", "bm25", "dense")


@app.command("search")
def search_bench(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    queries: Annotated[
        int | None, typer.Option("--queries", min=1, help="Use the first N eval questions (default: all).")
    ] = None,
    rounds: Annotated[int, typer.Option("--rounds", min=1, help="Timed rounds over the questions.")] = 5,
    modes: Annotated[str, typer.Option("--modes", help="Comma-separated: hybrid, bm25, dense.")] = "hybrid",
    ingest: Annotated[
        bool, typer.Option("--ingest", help="Also time a cold full ingest into a temp dir (takes minutes).")
    ] = False,
    reingest_runs: Annotated[
        int, typer.Option("--reingest-runs", min=1, help="Re-ingests of the unchanged corpus (median).")
    ] = 3,
) -> None:
    """Warm search latency p50/p95 with and without filters, ingest throughput, peak memory."""
    context = cli_context(ctx)
    settings = context.settings
    store = context.store()
    if not store.stored_documents():
        fail(
            f"the data dir {settings.data_dir} holds no documents",
            hint="run `cluster-advisor ingest` first (same --data-dir), then run the benchmark again",
        )
    chosen = [mode.strip() for mode in modes.split(",") if mode.strip()]
    if unknown := sorted(set(chosen) - set(_MODES)):
        fail(f"unknown mode(s) {', '.join(unknown)}", hint="use hybrid, bm25 and/or dense")
    questions = load_questions(limit=queries)
    index = context.index()
    today = settings.today_override or DEFAULT_EVAL_TODAY
    figures: dict[str, Any] = {"corpus_chunks": store.counts()["chunks"], "latency": {}}
    for mode in chosen:
        for filtered in (False, True):
            label = f"{mode}{' + filters' if filtered else ''}"
            _say(f"timing {label}: {len(questions)} queries x {rounds} rounds (+ warm-up)", quiet=as_json)
            figures["latency"][label] = _rounded(
                bench_latency(
                    index=index,
                    questions=questions,
                    today=today,
                    mode=cast(SearchMode, mode),
                    filtered=filtered,
                    rounds=rounds,
                )
            )
    figures["peak_memory_mb_after_search"] = round(peak_memory_mb(), 1)
    if ingest:
        figures["ingest"] = _rounded(
            bench_ingest(
                settings=settings,
                embedder=embedder_of(index, settings),
                reingest_runs=reingest_runs,
                progress=lambda message: _say(message, quiet=as_json),
            )
        )
        figures["peak_memory_mb_after_ingest"] = round(peak_memory_mb(), 1)
    figures["machine"] = machine_info()
    figures["measured_on"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    if as_json:
        print_json(figures)
    else:
        console.print(bench_table(figures))


def _say(message: str, *, quiet: bool) -> None:
    if not quiet:
        err_console.print(f"[dim]{message}…[/]")


def _rounded(values: dict[str, float]) -> dict[str, float | int]:
    return {key: int(value) if value.is_integer() else round(value, 2) for key, value in values.items()}
