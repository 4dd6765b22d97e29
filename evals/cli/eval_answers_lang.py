"""``eval answers --lang`` output: pass rate and recall@5 per language next to English on the same cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.markup import escape
from rich.table import Table

from evals.answers_eval import AnswersReport
from evals.i18n_answers import TARGET_RATIO, LanguageComparison, english_figures


def language_payload(
    comparisons: dict[str, list[LanguageComparison]],
    english: dict[str, AnswersReport],
    *,
    english_dataset: Path,
    i18n_dir: Path,
    split: str = "holdout",
) -> dict[str, Any]:
    """The JSON of a ``--lang`` run: per mode, English over every case asked and each language's summary."""
    return {
        "english_dataset": str(english_dataset),
        "i18n_dir": str(i18n_dir),
        "i18n_split": split,
        "languages": [comparison.lang for comparison in next(iter(comparisons.values()), [])],
        "target_ratio": TARGET_RATIO,
        "modes": {
            mode: {
                "english": english[mode].summary() | english_figures(english[mode]),
                "languages": {c.lang: c.summary() for c in rows},
            }
            for mode, rows in comparisons.items()
        },
        "failures": {
            mode: {
                c.lang: [
                    {
                        "id": r.case.id,
                        "category": r.case.category,
                        "turns": list(r.case.turns),
                        "failed_checks": [check.model_dump() for check in r.score.checks if not check.passed],
                        "answer": r.answer.answer if r.answer else None,
                        "retrieved": list(r.retrieved),
                    }
                    for r in c.report.failures()
                ]
                for c in rows
            }
            for mode, rows in comparisons.items()
        },
    }


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f} %"


def _ratio(value: float | None) -> str:
    if value is None:
        return "-"
    colour = "green" if value >= TARGET_RATIO else "red"
    return f"[{colour}]{value:.2f}[/]"


def language_table(
    mode: str, comparisons: list[LanguageComparison], english: AnswersReport, *, split: str = "holdout"
) -> Table:
    """One row per language: its figures, English on the same questions, the ratios and the target;
    a first row for English over every case asked (English must not drop)."""
    label = "" if split == "holdout" else f", {split} split"
    table = Table(title=f"Translated answers eval ({mode}{label}), English on the same questions")
    columns = ("lang", "n", "pass", "en pass", "ratio", "recall@5", "en r@5", "ratio", "in lang", "target")
    for column in columns:
        table.add_column(column, justify="left" if column == "lang" else "right")
    own = english_figures(english)
    table.add_row(
        "en (all asked)",
        str(own["cases"]),
        f"{_percent(own['pass_rate'])} ({own['passed']}/{own['cases']})",
        *("", ""),
        _percent(own["recall_at_5"]),
        *("", "", "", ""),
        end_section=True,
    )
    for comparison in comparisons:
        s = comparison.summary()
        table.add_row(
            s["lang"],
            str(s["cases"]),
            f"{_percent(s['pass_rate'])} ({s['passed']}/{s['cases']})",
            f"{_percent(s['english_pass_rate'])} ({s['english_passed']}/{s['english_cases']})",
            _ratio(s["pass_rate_ratio"]),
            _percent(s["recall_at_5"]),
            _percent(s["english_recall_at_5"]),
            _ratio(s["recall_at_5_ratio"]),
            _percent(s["answered_in_language"]),
            "[green]met[/]" if s["target_met"] else "[red]missed[/]",
        )
    return table


def language_category_table(mode: str, comparisons: list[LanguageComparison]) -> Table:
    """Passed cases per category and language, with English on the same cases."""
    table = Table(title=f"Passed by category ({mode}): language / English on the same cases")
    table.add_column("category")
    summaries = [comparison.summary() for comparison in comparisons]
    for summary in summaries:
        table.add_column(summary["lang"], justify="right")
    categories = list(dict.fromkeys(cat for s in summaries for cat in s["by_category"]))
    for category in categories:
        cells = []
        for summary in summaries:
            row = summary["by_category"].get(category)
            cells.append("-" if row is None else f"{row['passed']}/{row['english_passed']} of {row['n']}")
        table.add_row(category, *cells)
    return table


def failed_checks_table(mode: str, comparisons: list[LanguageComparison]) -> Table:
    """How many cases failed each check, per language and in English on the same cases."""
    summaries = [comparison.summary() for comparison in comparisons]
    table = Table(title=f"Failed checks ({mode})", caption="language / English on the same cases")
    table.add_column("check")
    for summary in summaries:
        table.add_column(summary["lang"], justify="right")
    names = sorted({name for s in summaries for name in (*s["failed_checks"], *s["english_failed_checks"])})
    for name in names:
        table.add_row(
            name,
            *(
                f"{s['failed_checks'].get(name, 0)}/{s['english_failed_checks'].get(name, 0)}"
                for s in summaries
            ),
        )
    return table


def language_failures_table(comparison: LanguageComparison) -> Table:
    """A language's failing cases: the question, the failed checks and the answer given."""
    failed = comparison.report.failures()
    table = Table(title=f"{comparison.lang}: {len(failed)} failing cases", show_lines=True)
    for column in ("id", "question", "failed checks", "answer"):
        table.add_column(column)
    for result in failed:
        checks = "\n".join(f"{c.name}: {c.detail}" for c in result.score.checks if not c.passed)
        answer = result.answer.answer if result.answer else result.error or ""
        table.add_row(result.case.id, escape(" → ".join(result.case.turns)), escape(checks), escape(answer))
    return table
