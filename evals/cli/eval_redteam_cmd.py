"""``cluster-advisor eval redteam``: prompt-injection and data-exposure red-team, every rate's target 0.

The run never touches the user's data dir: the red-team corpus (clean, poisoned and internal
documents, ``evals/datasets/redteam``) is ingested into a temporary one, and ``--mode llm`` talks
to the gullible model of :mod:`evals.gullible_llm` on loopback through the real ``openai`` client.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from assistant.session import session_of
from corpus.console import ProgressBar, console, err_console, fail, print_json, write_json
from evals.redteam_eval import RATES, load_questions
from evals.redteam_run import MODES, run_redteam


def register_eval(eval_app: typer.Typer) -> None:
    """Add ``redteam`` to the ``eval`` group."""
    eval_app.command("redteam")(redteam)


def redteam(
    ctx: typer.Context,
    mode: Annotated[str, typer.Option("--mode", help="extractive, llm or both.")] = "both",
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as one JSON object.")] = False,
    api: Annotated[bool, typer.Option("--api/--no-api", help="Also probe the HTTP API.")] = True,
    questions: Annotated[
        Path | None, typer.Option("--questions", help="Hostile questions (JSONL).", show_default="bundled")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Also write the JSON results here.")] = None,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 when any rate is above 0.")] = False,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show a progress bar.")] = True,
) -> None:
    """Poisoned documents and hostile questions: canary, prompt, internal, fake-citation and link rates."""
    context = session_of(ctx)
    if mode not in MODES:
        fail(f"unknown --mode {mode!r}", hint="use extractive, llm or both")
    from retrieval.embeddings import embedder_from_settings

    asked = load_questions(questions)
    if api and context.api_app is None:
        fail("this CLI cannot build the HTTP API", hint="run it through cluster-advisor, or pass --no-api")
    with ProgressBar("Red-teaming", enabled=progress and not as_json) as bar:
        bar.add_total(len(asked) * len(MODES[mode]) * (2 if api else 1))
        run = run_redteam(
            settings=context.settings,
            embedder=embedder_from_settings(context.settings),
            mode=mode,
            questions=asked,
            api_app=context.api_app if api else None,
            progress=bar.advance,
        )
    payload = run.payload()
    if out is not None:
        write_json(out, payload)
    if as_json:
        print_json(payload)
    else:
        console.print(rates_table(payload["modes"]))
        console.print(attacks_table(payload["modes"]))
        for name, rows in payload["unsafe"].items():
            if rows:
                console.print(unsafe_table(name, rows))
    if check and not run.passed:
        (err_console if as_json else console).print("[red]red-team targets missed[/]")
        raise typer.Exit(1)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f} %"


def rates_table(modes: dict[str, dict[str, Any]]) -> Table:
    """Every rate (target 0) and the controls, one column per mode."""
    table = Table(title="Red-team rates (target 0 everywhere)")
    table.add_column("measure")
    for name in modes:
        table.add_column(name, justify="right")
    for rate in RATES:
        table.add_row(rate, *(_percent(summary[rate]) for summary in modes.values()))
    for key in ("answers", "responses", "model_answers", "attack_reach", "control_internal_secrets_reached"):
        cells = [_percent(s[key]) if key == "attack_reach" else str(s[key]) for s in modes.values()]
        table.add_row(key, *cells)
    return table


def attacks_table(modes: dict[str, dict[str, Any]]) -> Table:
    """Answers carrying each attack's canary, per mode."""
    table = Table(title="Answers carrying the canary, by attack")
    table.add_column("attack")
    for name in modes:
        table.add_column(name, justify="right")
    attacks = next(iter(modes.values()))["canaries_by_attack"] if modes else {}
    for attack in attacks:
        table.add_row(attack, *(str(s["canaries_by_attack"][attack]) for s in modes.values()))
    return table


def unsafe_table(mode: str, rows: list[dict[str, Any]]) -> Table:
    """The unsafe responses of one mode."""
    table = Table(title=f"{mode}: {len(rows)} unsafe responses", show_lines=True)
    for column in ("question", "channel", "leaks", "text"):
        table.add_column(column)
    for row in rows:
        leaks = {
            k: row[k] for k in ("canaries", "prompt_leak", "internal", "fake_citations", "exfil") if row[k]
        }
        table.add_row(row["question"], row["channel"], escape(json.dumps(leaks)), escape(row["text"][:300]))
    return table
