"""``cluster-advisor corpus ...``: what is loaded."""

from __future__ import annotations

from typing import Annotated

import typer

from corpus.console import console, counts_table, print_json
from corpus.refresh.log import freshness_json
from integrations.cli.context import cli_context

app = typer.Typer(help="Inspect the loaded corpus.", no_args_is_help=True)


@app.command("stats")
def stats(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object for scripts.")] = False,
) -> None:
    """Documents and chunks loaded, by type (call, cluster, policy), and how fresh the calls are."""
    store = cli_context(ctx).store()
    counts = store.counts()
    freshness = freshness_json(store.engine)
    if as_json:
        print_json({**counts, **freshness})
        return
    console.print(counts_table("Loaded corpus", counts))
    refreshed = freshness["calls_refreshed_at"]
    if freshness["calls_as_of"] is None:
        return
    console.print(
        f"Calls as of {freshness['calls_as_of']}"
        + (f" (last refreshed {refreshed})" if refreshed else " (the bundled snapshot; never refreshed)")
    )
