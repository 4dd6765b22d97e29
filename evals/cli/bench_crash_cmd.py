"""``cluster-advisor bench crash``: kill -9 a real ingest at random moments and time each recovery."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from corpus.console import console, err_console, print_json


def register(bench_app: typer.Typer) -> None:
    """Mount ``crash`` on the ``bench`` command group."""
    bench_app.command("crash")(crash_bench)


def crash_bench(
    rounds: Annotated[int, typer.Option("--rounds", min=1, help="Ingests killed with SIGKILL.")] = 20,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the random kill moments.")] = 7,
    max_delay: Annotated[
        float,
        typer.Option("--max-delay", min=0.5, help="Kill moments are uniform in [0.2 s, this] after start."),
    ] = 10.0,
    calls: Annotated[int, typer.Option("--calls", min=1, help="Funding calls in the test corpus.")] = 40,
    clusters: Annotated[
        int, typer.Option("--clusters", min=1, help="Cluster profiles in the test corpus.")
    ] = 150,
    workdir: Annotated[
        Path | None, typer.Option("--workdir", help="Keep the corpus, data dir and ingest log here.")
    ] = None,
    fresh_process: Annotated[
        bool,
        typer.Option(
            "--fresh-process/--in-process", help="Check each kill in a new process (as a restart does)."
        ),
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
) -> None:
    """Crash safety of ingest: rounds, kills, recoveries, repairs/rebuilds detected, recovery time.

    Uses its own corpus and data dir (never the configured one); takes minutes.
    """
    from evals.bench_crash import run_crash_bench

    with tempfile.TemporaryDirectory(prefix="crash-bench-") as tmp:
        folder = workdir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if not as_json:
            err_console.print(f"[dim]{rounds} kills of `ingest` in {folder}…[/]")
        result = run_crash_bench(
            workdir=folder,
            rounds=rounds,
            seed=seed,
            max_delay_s=max_delay,
            calls=calls,
            clusters=clusters,
            fresh_process=fresh_process,
        )
    figures = {**result.summary(), "measured_on": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    if as_json:
        print_json({**figures, "round_details": [r.model_dump(mode="json") for r in result.rounds]})
    else:
        for key, value in figures.items():
            console.print(f"{key:>20}: {value}", highlight=False)
    if figures["failures"]:
        raise typer.Exit(1)
