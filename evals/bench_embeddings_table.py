"""The side-by-side table of ``bench embeddings``: one row per measure, one cell per configuration."""

from __future__ import annotations

from typing import Any

from evals.bench_configurations import CROSSLINGUAL_MODEL
from evals.bench_embeddings import RETRIEVAL_SYSTEMS


def _crosslingual_cell(figures: dict[str, Any]) -> str:
    """What searches a question not in English: the E5 matrix, nothing more (off), or the model itself."""
    configured = figures.get("settings", {})
    if configured.get("embedding_backend") == CROSSLINGUAL_MODEL:
        return "n/a (multilingual model)"
    return "E5 matrix" if configured.get("crosslingual", "off") != "off" else "off"


def comparison_rows(models: dict[str, dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """(measure, one cell per configuration) rows of the side-by-side table."""

    def cell(figures: dict[str, Any], *path: str) -> str:
        value: Any = figures
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if value is None:
            return "-"
        return f"{value:.3f}" if isinstance(value, float) and value <= 1 else f"{value:,}"

    rows: list[tuple[str, list[str]]] = [
        ("model", [figures["model"] for figures in models.values()]),
        ("cross-lingual search", [_crosslingual_cell(figures) for figures in models.values()]),
        ("retrieval: dense recall@5", [cell(f, "retrieval", "dense", "recall@5") for f in models.values()]),
        ("retrieval: hybrid recall@5", [cell(f, "retrieval", "hybrid", "recall@5") for f in models.values()]),
        ("retrieval: hybrid MRR", [cell(f, "retrieval", "hybrid", "mrr") for f in models.values()]),
        ("answers: pass rate (extractive)", [cell(f, "answers", "pass_rate") for f in models.values()]),
        (
            "answers set: hybrid search recall@5",
            [cell(f, "answers", "search_recall@5", "hybrid") for f in models.values()],
        ),
    ]
    languages = sorted({lang for f in models.values() for lang in f.get("languages", {})})
    for lang in languages:
        rows.append(
            (f"{lang}: pass rate", [cell(f, "languages", lang, "pass_rate") for f in models.values()])
        )
        rows.append(
            (f"{lang}: recall@5", [cell(f, "languages", lang, "recall_at_5") for f in models.values()])
        )
        for mode in RETRIEVAL_SYSTEMS:
            label = f"{lang}: {mode} search recall@5 (English)"
            rows.append(
                (
                    label,
                    [
                        f"{cell(f, 'languages', lang, 'search_recall@5', mode)} "
                        f"({cell(f, 'languages', lang, 'english_search_recall@5', mode)})"
                        for f in models.values()
                    ],
                )
            )
    rows += [
        ("bench search p95 ms: English", [cell(f, "search_ms", "p95_ms") for f in models.values()]),
        (
            "bench search p95 ms: translated (languages pooled)",
            [cell(f, "search_ms_translated", "p95_ms") for f in models.values()],
        ),
        ("bench ask p95 ms: English", [cell(f, "ask_ms", "p95_ms") for f in models.values()]),
        (
            "bench ask p95 ms: translated (languages pooled)",
            [cell(f, "ask_ms_translated", "p95_ms") for f in models.values()],
        ),
        (
            "ingest user files: passages/s (+e5: each passage embedded twice, MiniLM and E5)",
            [cell(f, "ingest_user_files", "passages_per_s") for f in models.values()],
        ),
    ]
    return rows
