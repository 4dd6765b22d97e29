"""``cluster-advisor refresh``: today's calls from the F&T search API (or a grants-feed mirror)."""

from __future__ import annotations

from typing import Annotated

import typer

from corpus.console import console, print_json
from corpus.errors import RefreshFailed
from corpus.refresh.apply import RefreshReport, run_refresh
from corpus.refresh.log import RefreshLog
from integrations.cli.context import cli_context

SOURCE_KINDS = ("search-api", "grants-feed")


def register(app: typer.Typer) -> None:
    """Add the ``refresh`` command to ``app``."""
    app.command("refresh")(refresh)


def refresh(
    ctx: typer.Context,
    source: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--source",
            metavar="KIND URL",
            help="'grants-feed URL': read a daily snapshot in the grants-feed format (a mirror inside "
            "a firewall) instead of the portal's search API; 'search-api URL': another base URL of "
            "the search API.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as one JSON object.")] = False,
) -> None:
    """Fetch open and forthcoming calls and update the corpus: only changed calls are re-embedded.

    All or nothing: on any failure (no network, an error answer, a page cut short, an unexpected
    answer) nothing is changed and the command exits 1 with the reason.
    """
    feed_url: str | None = None
    context = cli_context(ctx)
    settings = context.settings
    if source is not None:
        kind, location = source
        if kind not in SOURCE_KINDS:
            typer.echo(
                f"error: --source {kind!r} is not a source kind; use 'grants-feed URL' or 'search-api URL'",
                err=True,
            )
            raise typer.Exit(2)
        if kind == "grants-feed":
            feed_url = location
        else:  # another base URL of the search API (a proxy or mirror of the API itself)
            settings = settings.model_copy(update={"ft_search_api_url": location})
    log = RefreshLog.open(settings.records_db_url)
    try:
        report = run_refresh(
            settings=settings,
            store=context.store(),
            index=context.index(),
            log=log,
            grants_feed_url=feed_url,
        )
    except RefreshFailed as exc:
        # One line, never wrapped: scripts and logs read it whole.
        typer.echo(f"refresh failed, nothing was changed: {exc}", err=True)
        raise typer.Exit(1) from exc
    finally:
        log.close()
    if as_json:
        print_json(report.as_json())
        return
    _print(report)


def _print(report: RefreshReport) -> None:
    console.print(f"Refreshed calls from {report.source}", markup=False, highlight=False)
    console.print(
        f"  fetched {report.fetched}: {report.added} new, {report.changed} changed, "
        f"{report.unchanged} unchanged; {report.missing} stored calls not in the feed (kept)"
    )
    console.print(
        f"  re-embedded {report.reembedded_documents} calls ({report.chunks_written} chunks) "
        f"in {report.timings_ms.get('total', 0) / 1000:.1f} s"
    )
    if report.changes:
        shown = ", ".join(f"{kind} {count}" for kind, count in sorted(report.changes.items()))
        console.print(f"  change log: {shown}")
    for reason in report.skipped:
        console.print(f"  skipped {reason}", markup=False, highlight=False)
