"""``cluster-advisor bench ...``: performance figures, measured (not a timed test).

``bench search`` needs an ingested data dir (``cluster-advisor ingest``). With ``--ingest`` it also
times a cold full ingest of the bundled corpus into a fresh temporary data dir (minutes) and
re-ingests of the unchanged corpus.
"""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, cast

import typer
from rich.table import Table

from assistant.session import session_of
from corpus.console import ProgressBar, console, err_console, fail, print_json
from corpus.settings import Settings
from evals.bench_all import FULL_PLAN, PARTS, QUICK_PLAN, run_all, tick_progress
from evals.bench_load import run_load
from evals.bench_report import machine_summary, write_report
from evals.bench_search import bench_ingest, bench_latency, machine_info, peak_memory_mb
from evals.bench_soak import run_soak
from evals.bench_workload import THINK_MS, default_workload, parse_mix
from evals.cli.eval_cmd import embedder_of
from evals.report import bench_table
from evals.retrieval_eval import DEFAULT_EVAL_TODAY, SearchMode, load_questions

app = typer.Typer(
    help="Measure latency, throughput under load, ingest speed and memory.", no_args_is_help=True
)

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
    context = session_of(ctx)
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


# --- load, soak, all: the served app under concurrent clients, and the report ---------------------


def _served_settings(ctx: typer.Context) -> Settings:
    """The settings of an ingested data dir, with the CLI's own stores closed (the server opens its own)."""
    context = session_of(ctx)
    if not context.store().stored_documents():
        fail(
            f"the data dir {context.settings.data_dir} holds no documents",
            hint="run `cluster-advisor ingest` first (same --data-dir), then run the benchmark again",
        )
    context.close()
    return context.settings


def _ints(text: str) -> tuple[int, ...]:
    try:
        values = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        values = ()
    if not values or min(values) < 1:
        fail(f"--concurrency {text!r} is not a list of positive numbers", hint="e.g. --concurrency 1,5,10,20")
    return values


def _mix(text: str) -> dict[str, float]:
    try:
        return dict(default_workload(parse_mix(text)).mix)
    except ValueError as exc:
        fail(f"--mix: {exc}", hint="e.g. --mix search=45,ask=35,slack=20")
        raise  # pragma: no cover - fail() exits


_MIX_HELP = "Endpoint weights, e.g. search=45,ask=35,slack=20."
_THINK_HELP = (
    "Mean pause of each client between requests, as a person reading an answer (exponential, ms; "
    "0 = closed loop at full speed, a stress test)."
)


@app.command("load")
def load_bench(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    concurrency: Annotated[
        str, typer.Option("--concurrency", help="Clients of each step.")
    ] = "1,5,10,20,40,80",
    duration: Annotated[float, typer.Option("--duration", min=1, help="Seconds per step.")] = 60.0,
    mix: Annotated[str, typer.Option("--mix", help=_MIX_HELP)] = "search=45,ask=35,slack=20",
    think_ms: Annotated[float, typer.Option("--think-ms", min=0, help=_THINK_HELP)] = THINK_MS,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the clients' random choices.")] = 0,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, max=64, help="serve --workers (default: serve's, the cores)."),
    ] = None,
    warmup: Annotated[
        float, typer.Option("--warmup", min=0, help="Unrecorded seconds at 2 clients first.")
    ] = 5.0,
) -> None:
    """Drive /v1/search, /v1/ask and /slack/events of the served app at increasing concurrency.

    The server runs in its own process (its workers too), the clients in this one.
    """
    settings, steps, weights = _served_settings(ctx), _ints(concurrency), _mix(mix)
    with ProgressBar(enabled=not as_json) as bar:
        report = run_load(
            settings=settings,
            concurrency=steps,
            duration_s=duration,
            mix=weights,
            think_ms=think_ms,
            seed=seed,
            progress=tick_progress(bar),
            workers=workers,
            warmup_s=warmup,
        )
    if as_json:
        print_json({**report.model_dump(mode="json"), "machine": machine_summary()})
        return
    table = Table(
        title=f"Load ({duration:g} s per step; server RSS at start {report.server_rss_mb_start} MB)"
    )
    columns = (
        "clients",
        "endpoint",
        "requests",
        "req/s",
        "p50",
        "p95",
        "p99",
        "errors",
        "RSS max MB",
        "cores used",
    )
    for column in columns:
        table.add_column(column, justify="left" if column == "endpoint" else "right")
    for step in report.steps:
        for name, stats in [*step.endpoints.items(), ("all", step.total)]:
            table.add_row(
                str(step.concurrency),
                name,
                str(stats.requests),
                f"{stats.rps:.1f}",
                *(f"{v:.1f}" if v is not None else "-" for v in (stats.p50_ms, stats.p95_ms, stats.p99_ms)),
                str(stats.errors),
                str(step.server_rss_mb_max) if name == "all" else "",
                f"{step.cores_used:.2f}" if name == "all" else "",
            )
    console.print(table)
    last = report.steps[-1]
    console.print(
        "server processes at the end (RSS / USS MB): "
        + ", ".join(f"{m.rss_mb:.0f} / {m.uss_mb:.0f} (depth {m.depth})" for m in last.server_memory)
    )
    console.print(f"knee: {report.knee_concurrency or 'not reached'} ({report.knee_rule})")
    for target in report.targets:
        verdict = "not run" if target.passed is None else ("pass" if target.passed else "FAIL")
        console.print(f"{target.name}: {target.measured} (target {target.target}) {verdict}")


@app.command("soak")
def soak_bench(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    clients: Annotated[int, typer.Option("--clients", min=1, help="Concurrent clients.")] = 20,
    minutes: Annotated[float, typer.Option("--minutes", min=0.1, help="Length of the run.")] = 10.0,
    mix: Annotated[str, typer.Option("--mix", help=_MIX_HELP)] = "search=45,ask=35,slack=20",
    think_ms: Annotated[float, typer.Option("--think-ms", min=0, help=_THINK_HELP)] = THINK_MS,
) -> None:
    """Hold the served app under constant load; is the server's memory flat?"""
    settings, weights = _served_settings(ctx), _mix(mix)
    with ProgressBar(enabled=not as_json) as bar:
        report = run_soak(
            settings=settings,
            concurrency=clients,
            minutes=minutes,
            mix=weights,
            think_ms=think_ms,
            progress=tick_progress(bar),
        )
    if as_json:
        print_json({**report.model_dump(mode="json"), "machine": machine_summary()})
        return
    total = report.total
    console.print(
        f"{clients} clients, {minutes:g} min: {total.requests} requests ({total.rps} req/s), "
        f"{total.errors} errors, p95 {total.p95_ms} ms"
    )
    console.print(
        f"server RSS start {report.rss_mb_start} MB, end {report.rss_mb_end} MB, max {report.rss_mb_max} MB;"
        f" slope (second half) {report.slope_mb_per_min:+.2f} MB/min: "
        f"{'flat' if report.flat else 'GROWING'} (flat below {report.flat_threshold_mb_per_min} MB/min)"
    )


@app.command("all")
def all_bench(
    ctx: typer.Context,
    quick: Annotated[
        bool, typer.Option("--quick", help="Short steps and small samples (a smoke run).")
    ] = False,
    out: Annotated[Path, typer.Option("--out", help="Report folder.")] = Path("docs/benchmarks"),
    parts: Annotated[str, typer.Option("--parts", help="Comma-separated subset.")] = ",".join(PARTS),
    think_ms: Annotated[float, typer.Option("--think-ms", min=0, help=_THINK_HELP)] = THINK_MS,
) -> None:
    """Search, ask, Slack, ingest, load and soak benchmarks; a Markdown report with plots in --out."""
    chosen = [part.strip() for part in parts.split(",") if part.strip()]
    if unknown := sorted(set(chosen) - set(PARTS)):
        fail(f"unknown part(s) {', '.join(unknown)}", hint=f"choose among {', '.join(PARTS)}")
    settings = _served_settings(ctx)
    command = shlex.join(["cluster-advisor", *sys.argv[1:]])
    with ProgressBar() as bar:
        figures = run_all(
            settings=settings,
            plan=replace(QUICK_PLAN if quick else FULL_PLAN, think_ms=think_ms),
            command=command,
            parts=chosen,
            quick=quick,
            progress=bar,
        )
    report = write_report(figures=figures, out_dir=out)
    console.print(f"report written: {report}")
