"""``cluster-advisor search`` and ``reindex``: find calls, organisations and passages."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from corpus.console import ProgressBar, console, err_console, print_json
from corpus.errors import InvalidInput, NothingIngested
from corpus.ingest import rebuild_index
from integrations.cli.context import cli_context


def register(app: typer.Typer) -> None:
    app.command("search")(search)
    app.command("reindex")(reindex)


def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="What to look for, in your own words or an F&T identifier.")],
    k: Annotated[int, typer.Option("--k", min=1, max=100, help="How many hits.")] = 10,
    doc_type: Annotated[str | None, typer.Option("--type", help="call, cluster or policy.")] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="ISO2 country code (clusters), e.g. DE.")
    ] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="open, forthcoming or closed (calls, on --today).")
    ] = None,
    programme: Annotated[
        str | None, typer.Option("--programme", help="Programme name contains this.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object for scripts.")] = False,
) -> None:
    """Hybrid search (BM25 + embeddings) over the loaded corpus."""
    from retrieval.filters import SearchFilters
    from retrieval.search import HybridRetriever

    context = cli_context(ctx)
    try:
        filters = SearchFilters(doc_type=doc_type, country=country, status=status, programme=programme)
    except ValueError as exc:
        raise InvalidInput(_first_error(exc)) from exc
    if context.store().is_empty():
        raise NothingIngested()
    retriever = HybridRetriever(index=context.index())
    result = retriever.search(query=query, k=k, filters=filters, today=context.settings.today)
    payload = result.model_dump(mode="json")
    if as_json:
        print_json(payload)
        return
    _print_hits(payload, today=context.settings.today.isoformat())


def reindex(ctx: typer.Context) -> None:
    """Rebuild the vector and BM25 indexes from the record store (the source of truth)."""
    context = cli_context(ctx)
    store = context.store()
    total = sum(store.counts()["chunks"].values())
    if total == 0:
        err_console.print("The record store is empty: run `cluster-advisor ingest` first.")
        raise typer.Exit(1)
    from retrieval.shipped_vectors import bundle_vector_lookup

    index = context.index(for_rebuild=True)
    # The bundle's chunks take its shipped vectors (when it ships them for the configured model).
    index.vectors.known_vectors = bundle_vector_lookup(index.embedder)
    try:
        with ProgressBar("Reindexing") as bar:
            bar.add_total(total)
            rebuild_index(store=store, index=index, progress=bar.set_completed)
    finally:
        index.vectors.known_vectors = None
    console.print(f"Reindexed {total:,} chunks.")


def _print_hits(payload: dict[str, Any], *, today: str) -> None:
    hits = payload["hits"]
    if not hits:
        console.print("No matches. Try other words, or drop a filter.")
        return
    table = Table(title=f"{len(hits)} hits for {payload['query']!r} (status on {today})", show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("type")
    table.add_column("title / identifier", overflow="fold", max_width=48)
    table.add_column("passage", overflow="fold")
    table.add_column("score", justify="right")
    for hit in hits:
        metadata = hit.get("metadata", {})
        label = hit["title"] + (f"\n[dim]{hit['identifier']}[/]" if hit.get("identifier") else "")
        if status := metadata.get("status"):
            label += f"\n[bold]{status}[/]" + (
                f", deadline {metadata['deadline']}" if metadata.get("deadline") else ""
            )
        if metadata.get("country"):
            label += f"\n{metadata.get('city') or ''} {metadata['country']}".strip()
        snippet = " ".join(hit["text"].split())[:300]
        table.add_row(str(hit["rank"]), hit["doc_type"], label, snippet, f"{hit['score']:.3f}")
    console.print(table)


def _first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        return f"{'.'.join(map(str, first['loc']))}: {first['msg']}"
    return str(exc)
