"""Rich tables for the eval and bench results (built here, printed by the CLI)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.table import Table

from evals.metrics import METRIC_NAMES
from evals.retrieval_eval import SystemReport, TargetCheck

_HEADERS = {"recall@5": "R@5", "recall@10": "R@10", "mrr": "MRR", "ndcg@10": "nDCG@10"}
SYSTEM_LABELS = {
    "bm25": "BM25",
    "dense": "dense",
    "hybrid": "hybrid",
    "baseline": "LangChain tutorial baseline (k=4)",
}


def _metric_columns(table: Table) -> None:
    for name in METRIC_NAMES:
        table.add_column(_HEADERS[name], justify="right")


def _cells(row: Mapping[str, float]) -> list[str]:
    return [f"{row[name]:.3f}" for name in METRIC_NAMES]


def overall_table(systems: Mapping[str, SystemReport], *, questions: int) -> Table:
    """One row per system: the four metrics over all questions, and the mean query time."""
    table = Table(title=f"Retrieval eval: {questions} questions (doc-level, binary relevance)")
    table.add_column("system")
    _metric_columns(table)
    table.add_column("ms/query", justify="right")
    for name, report in systems.items():
        latency = sum(r.latency_ms for r in report.results) / max(len(report.results), 1)
        table.add_row(SYSTEM_LABELS.get(name, name), *_cells(report.overall), f"{latency:.1f}")
    return table


def grouped_table(systems: Mapping[str, SystemReport], *, by: str) -> Table:
    """Rows per group (``doc_type`` or ``category``) and system."""
    table = Table(title=f"By {by.replace('_', ' ')}")
    table.add_column(by.replace("_", " "))
    table.add_column("n", justify="right")
    table.add_column("system")
    _metric_columns(table)
    groups = sorted({group for report in systems.values() for group in _groups(report, by)})
    for group in groups:
        for position, (name, report) in enumerate(systems.items()):
            row = _groups(report, by).get(group)
            if row is None:
                continue
            table.add_row(
                group if position == 0 else "",
                f"{int(row['n'])}" if position == 0 else "",
                SYSTEM_LABELS.get(name, name),
                *_cells(row),
                end_section=position == len(systems) - 1,
            )
    return table


def _groups(report: SystemReport, by: str) -> dict[str, dict[str, float]]:
    return report.by_doc_type if by == "doc_type" else report.by_category


def targets_table(checks: Sequence[TargetCheck]) -> Table:
    """The issue's targets, met or missed."""
    table = Table(title="Targets")
    table.add_column("target")
    table.add_column("result")
    table.add_column("value")
    for check in checks:
        table.add_row(check.name, "[green]met[/]" if check.passed else "[red]missed[/]", check.detail)
    return table


def failures_table(report: SystemReport, *, k: int = 5) -> Table:
    """Questions with no gold document in the system's top ``k``, with what it returned instead."""
    failures = report.failures(k=k)
    table = Table(
        title=f"{SYSTEM_LABELS.get(report.name, report.name)}: {len(failures)} questions missed at {k}"
    )
    table.add_column("id")
    table.add_column("question")
    table.add_column("gold")
    table.add_column("gold rank", justify="right")
    table.add_column(f"returned (top {k} documents)")
    for result in failures:
        ranked = list(dict.fromkeys(result.ranked))
        gold_rank = next(
            (str(i) for i, doc in enumerate(ranked, start=1) if doc in result.question.gold), "-"
        )
        table.add_row(
            result.question.id,
            result.question.question,
            "\n".join(result.question.gold[:4]) + ("\n…" if len(result.question.gold) > 4 else ""),
            gold_rank,
            "\n".join(ranked[:k]),
        )
    return table


def bench_table(figures: Mapping[str, Any]) -> Table:
    """The bench figures as ``measure | value`` rows (nested keys joined with a dot)."""
    table = Table(title="Search benchmark")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in _flatten(figures):
        table.add_row(key, _format(value))
    return table


def _flatten(figures: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = []
    for key, value in figures.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            rows.extend(_flatten(value, prefix=f"{name}."))
        else:
            rows.append((name, value))
    return rows


def _format(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
