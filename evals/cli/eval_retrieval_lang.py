"""``eval retrieval --lang``: each language's queries next to English on the same questions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from rich.table import Table

from evals.i18n_retrieval import LanguageRetrieval
from evals.metrics import METRIC_NAMES
from evals.report import SYSTEM_LABELS

_SHOWN = {"recall@5": "R@5", "mrr": "MRR", "ndcg@10": "nDCG@10"}


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def language_retrieval_table(
    system: str, rows: Sequence[LanguageRetrieval], english: Mapping[str, Any]
) -> Table:
    """One row per language: R@5, MRR and nDCG@10 in the language and in English on the same
    questions, with the R@5 ratio; a first row for English over every question asked."""
    label = SYSTEM_LABELS.get(system, system)
    table = Table(title=f"Translated retrieval ({label}), English on the same questions")
    table.add_column("lang", no_wrap=True)
    table.add_column("n", justify="right")
    for header in _SHOWN.values():
        table.add_column(header, justify="right")
        table.add_column(f"en {header}", justify="right")
    table.add_column("R@5 ratio", justify="right")
    table.add_row(
        "en (all asked)",
        str(english["questions"]),
        *[cell for name in _SHOWN for cell in (f"{english['metrics'][name]:.3f}", "")],
        "",
        end_section=True,
    )
    for row in rows:
        summary = row.summary()
        table.add_row(
            row.lang,
            str(summary["questions"]),
            *[
                cell
                for name in _SHOWN
                for cell in (f"{summary['metrics'][name]:.3f}", f"{summary['english'][name]:.3f}")
            ],
            _ratio(summary["ratio"]["recall@5"]),
        )
    return table


def language_misses_table(row: LanguageRetrieval) -> Table:
    """A language's queries with no gold document in the top 5, with their English question's rank."""
    english_rank = {r.question.id: r for r in row.english.results}
    misses = row.report.failures(k=5)
    table = Table(
        title=f"{row.lang} ({SYSTEM_LABELS.get(row.system, row.system)}): {len(misses)} queries missed at 5"
    )
    for column in ("id", "query", "gold", "en R@5", "returned (top 5 documents)"):
        table.add_column(column)
    for result in misses:
        source = english_rank.get(getattr(result.question, "en_id", ""))
        table.add_row(
            result.question.id,
            result.question.question,
            "\n".join(result.question.gold[:3]) + ("\n…" if len(result.question.gold) > 3 else ""),
            "-" if source is None else f"{source.scores['recall@5']:.0f}",
            "\n".join(list(dict.fromkeys(result.ranked))[:5]),
        )
    return table


def meta_of(
    *, dataset: Path, i18n_dir: Path, split: str, languages: Sequence[str], today: str
) -> dict[str, Any]:
    """The run's settings at the top of the JSON."""
    return {
        "dataset": str(dataset),
        "i18n_dir": str(i18n_dir),
        "split": split,
        "languages": list(languages),
        "today": today,
        "metrics": list(METRIC_NAMES),
    }
