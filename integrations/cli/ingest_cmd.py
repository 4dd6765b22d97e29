"""``cluster-advisor ingest``: load the bundled corpus or user files."""

from __future__ import annotations

import codecs
import logging
from pathlib import Path
from typing import Annotated

import typer

from corpus.console import ProgressBar, console, counts_table, err_console, fail, print_json
from corpus.ingest import IngestReport, IngestSource, bundled_source, file_sources, ingest_sources
from integrations.cli.context import cli_context

logger = logging.getLogger(__name__)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)


def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders to ingest (PDF, DOCX, PPTX, HTML, Markdown, text, CSV/JSON/XLSX records). "
            "Without paths: the bundled corpus.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as one JSON object.")] = False,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="Text encoding of the CSV/text files given, e.g. cp1250 or cp1252 "
            "(default: detected; a file whose encoding cannot be told is refused).",
            show_default=False,
        ),
    ] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show a progress bar.")] = True,
    shipped_vectors: Annotated[
        bool,
        typer.Option(
            "--shipped-vectors/--no-shipped-vectors",
            help="Take the bundled corpus's vectors from the bundle (default) or embed it all.",
        ),
    ] = True,
) -> None:
    """Load documents into the data dir. Idempotent: unchanged documents are not re-indexed."""
    context = cli_context(ctx)
    settings = context.settings
    sources: list[IngestSource]
    if encoding is not None and not paths:
        fail(
            "--encoding applies to files you give",
            hint="name the files: ingest --encoding cp1250 members.csv",
        )
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            fail(f"unknown encoding {encoding!r}", hint="use a name such as utf-8, cp1250, cp1252 or utf-16")
    index = context.index()
    batch_size = 64
    if paths:
        sources = list(
            file_sources(paths, max_bytes=settings.max_file_bytes, today=settings.today, encoding=encoding)
        )
    else:
        sources = [bundled_source()]
    if not paths and shipped_vectors:
        from retrieval.shipped_vectors import ShippedVectorLookup

        # The bundle ships its vectors: chunks to index take them instead of being embedded.
        index.vectors.known_vectors = ShippedVectorLookup(
            embedder=index.embedder, records=sources[0].records, notify=_say
        )
        # Each batch rebuilds the in-memory chunk catalog: with nothing to embed, few large batches
        # (measured: 47 batches of 64 documents spent 8 s of a 46 s cold ingest there).
        batch_size = 512
    try:
        with ProgressBar("Ingesting", enabled=progress) as bar:
            report = ingest_sources(
                store=context.store(), index=index, sources=sources, progress=bar, batch_size=batch_size
            )
    finally:
        index.vectors.known_vectors = None
    counts = context.store().counts()
    if as_json:
        print_json(_report_json(report, counts))
    else:
        _print_report(report, counts)
    if report.nothing_loaded:
        err_console.print("[bold red]nothing could be loaded[/]: see the reasons above")
        raise typer.Exit(1)


def _say(message: str) -> None:
    logger.info("%s", message)
    err_console.print(message, markup=False, highlight=False)


def _report_json(report: IngestReport, counts: dict[str, dict[str, int]]) -> dict[str, object]:
    return {
        "added": dict(report.added),
        "updated": dict(report.updated),
        "unchanged": dict(report.unchanged),
        "removed": dict(report.removed),
        "chunks_written": dict(report.chunks_written),
        "skipped": report.skipped,
        "sources_ok": report.sources_ok,
        "sources_failed": report.sources_failed,
        "totals": counts,
    }


def _print_report(report: IngestReport, counts: dict[str, dict[str, int]]) -> None:
    console.print(
        counts_table(
            "Ingest summary",
            {
                "added": report.added,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "removed": report.removed,
                "chunks written": report.chunks_written,
                "documents now": counts["documents"],
                "chunks now": counts["chunks"],
            },
        )
    )
    if report.skipped:
        console.print(f"[yellow]skipped {len(report.skipped)}:[/]")
        for reason in report.skipped:
            console.print(f"  - {reason}", markup=False, highlight=False)
