"""The CLI's output layer: JSON for scripts, tables and progress bars for people."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, Task, TextColumn, TimeElapsedColumn
from rich.table import Table

console = Console()
err_console = Console(stderr=True)


def print_json(payload: Any) -> None:
    """One JSON object on stdout, nothing else (scripts parse it)."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")


def write_json(path: Path, payload: Any) -> None:
    """Write ``payload`` as indented UTF-8 JSON to ``path`` (``--out``), creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")


def fail(message: str, *, hint: str | None = None, code: int = 2) -> None:
    """Say what went wrong (and what to do) on stderr and exit with ``code``."""
    err_console.print(f"[bold red]error:[/] {message}")
    if hint:
        err_console.print(f"[dim]hint:[/] {hint}")
    raise SystemExit(code)


def counts_table(title: str, rows: Mapping[str, Mapping[str, int]]) -> Table:
    """A table with one row per label and one column per doc type."""
    doc_types = sorted({doc_type for row in rows.values() for doc_type in row})
    table = Table(title=title)
    table.add_column("")
    for doc_type in doc_types:
        table.add_column(doc_type, justify="right")
    table.add_column("total", justify="right", style="bold")
    for label, row in rows.items():
        values = [row.get(doc_type, 0) for doc_type in doc_types]
        table.add_row(label, *(f"{value:,}" for value in values), f"{sum(values):,}")
    return table


class ProgressBar:
    """A rich progress bar on stderr implementing ``corpus.ingest.IngestProgress``.

    Without a ``description`` no bar shows until :meth:`start` opens one; each :meth:`start` opens
    a bar for a new phase (``evals.retrieval_eval.EvalProgress``).
    """

    def __init__(self, description: str | None = None, *, enabled: bool = True) -> None:
        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            disable=not enabled,
            transient=False,
        )
        self._task = self._progress.add_task(description, total=0) if description else None

    def __enter__(self) -> ProgressBar:
        self._progress.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._progress.stop()

    def start(self, description: str, total: int) -> None:
        """Begin a new phase with its own bar; :meth:`advance` then moves that bar."""
        self._task = self._progress.add_task(description, total=total)

    def add_total(self, records: int) -> None:
        task = self._current()
        self._progress.update(task.id, total=(task.total or 0) + records)

    def advance(self, records: int) -> None:
        self._progress.advance(self._current().id, records)

    def set_completed(self, done: int) -> None:
        """For producers that report a running total rather than increments."""
        self._progress.update(self._current().id, completed=done)

    def _current(self) -> Task:
        task = next((task for task in self._progress.tasks if task.id == self._task), None)
        if task is None:
            raise RuntimeError("ProgressBar: no bar yet; give a description or call start() first")
        return task
