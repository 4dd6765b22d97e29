"""``cluster-advisor corpus ...``: what is loaded."""

from __future__ import annotations

from typing import Annotated

import typer

from integrations.cli.context import cli_context
from integrations.cli.output import console, counts_table, print_json

app = typer.Typer(help="Inspect the loaded corpus.", no_args_is_help=True)


@app.command("stats")
def stats(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object for scripts.")] = False,
) -> None:
    """Documents and chunks loaded, by type (call, cluster, policy)."""
    counts = cli_context(ctx).store().counts()
    if as_json:
        print_json(counts)
        return
    console.print(counts_table("Loaded corpus", counts))
