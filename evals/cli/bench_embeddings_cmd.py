"""``cluster-advisor bench embeddings``: search configurations side by side, in one run.

A configuration is an embedding model, with ``+e5`` for cross-lingual search
(:mod:`evals.bench_configurations`). Needs an ingested data dir. Each model searches its own vector
collection in it; a model whose collection is missing or behind is brought up to date first (the
bundle's chunks from its shipped vectors, the rest embedded), and a ``+e5`` configuration's
cross-lingual matrix is written when missing, exactly as a start-up so configured would.
"""

from __future__ import annotations

import datetime as dt
import shlex
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from assistant.session import session_of
from corpus.console import console, err_console, fail, print_json, write_json
from corpus.errors import InvalidInput
from evals.answers_eval import AnswerCase, AnswersReport, load_cases
from evals.bench_configurations import DEFAULT_CONFIGURATIONS, parse_configurations
from evals.bench_embeddings import measure_configuration, write_user_files
from evals.bench_embeddings_table import comparison_rows
from evals.bench_search import machine_info
from evals.cli.eval_answers_cmd import _advisor
from evals.i18n_answers import compare_language, english_counterparts, load_translated, parse_languages
from evals.retrieval_eval import DEFAULT_EVAL_TODAY, load_questions


def register(bench_app: typer.Typer) -> None:
    """Mount ``embeddings`` on the ``bench`` command group."""
    bench_app.command("embeddings")(embeddings_bench)


def embeddings_bench(
    ctx: typer.Context,
    models: Annotated[
        str,
        typer.Option(
            "--models",
            help=(
                "Comma-separated configurations: a CLUSTER_ADVISOR_EMBEDDINGS value, English only, "
                "or with +e5 for cross-lingual search (CLUSTER_ADVISOR_CROSSLINGUAL=e5-small)."
            ),
        ),
    ] = ",".join(DEFAULT_CONFIGURATIONS),
    rounds: Annotated[
        int, typer.Option("--rounds", min=1, help="Timed rounds of bench search and bench ask.")
    ] = 3,
    files: Annotated[
        list[Path] | None,
        typer.Option(
            "--files",
            help="User files whose ingest is timed (default: the bundle's policy texts as Markdown files).",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        list[str] | None,
        typer.Option(
            "--lang",
            help="Translated answers eval in these languages (repeatable; all, or none to skip).",
            show_default="all",
        ),
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Only the first N cases of each answers set.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    out: Annotated[Path | None, typer.Option("--out", help="Also write the JSON figures here.")] = None,
) -> None:
    """Retrieval and answers evals, search/ask p95 and user-file ingest speed for each configuration."""
    try:
        chosen = parse_configurations(models)
    except InvalidInput as exc:
        fail(str(exc), hint=f"e.g. --models {','.join(DEFAULT_CONFIGURATIONS)} (the default)")
    context = session_of(ctx)
    settings = context.settings
    store = context.store()
    if not store.stored_documents():
        fail(
            f"the data dir {settings.data_dir} holds no documents",
            hint="run `cluster-advisor ingest` first (same --data-dir), then run the benchmark again",
        )
    questions = load_questions()
    cases = [case for case in load_cases() if case.category != "injection"]
    translated = _translated(lang or ["all"], english=cases, limit=limit)
    cases = cases[:limit] if limit is not None and not translated else cases
    today = settings.today_override or DEFAULT_EVAL_TODAY

    def say(message: str) -> None:
        if not as_json:
            err_console.print(f"[dim]{message}…[/]")

    figures: dict[str, Any] = {}

    def report() -> dict[str, Any]:
        return {
            "command": shlex.join(["cluster-advisor", *sys.argv[1:]]),
            "configurations": figures,
            "machine": machine_info(),
            "measured_on": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }

    with tempfile.TemporaryDirectory(prefix="cluster-advisor-user-files-") as tmp:
        user_files = list(files or _default_files(Path(tmp)))
        for configuration in chosen:
            figures[configuration.name] = measure_configuration(
                settings=settings,
                store=store,
                configuration=configuration,
                questions=questions,
                cases=cases,
                translated=translated,
                language_figures=_language_figures,
                files=user_files,
                rounds=rounds,
                advisor=lambda model_settings, store, index: _advisor(model_settings, store, index, None),
                today=today,
                progress=say,
            )
            if out is not None:  # after each configuration: a long run stopped midway keeps what it measured
                write_json(out, report())
    payload = report()
    if as_json:
        print_json(payload)
        return
    pooled = sum(len(lang_cases) for lang_cases in translated.values())
    table = Table(
        title=f"Search configurations ({len(questions)} retrieval questions, {len(cases)} answer cases, "
        f"{pooled} translated cases)"
    )
    table.add_column("measure")
    for name in figures:
        table.add_column(name, justify="right")
    for label, cells in comparison_rows(figures):
        table.add_row(label, *cells)
    console.print(table)


def _translated(
    values: list[str], *, english: list[AnswerCase], limit: int | None
) -> dict[str, Sequence[AnswerCase]]:
    """The translated cases of each language asked for (their English cases must be among ``english``)."""
    if [value.strip().lower() for value in values] == ["none"]:
        return {}
    try:
        languages = parse_languages(values)
        cases = {lang: load_translated(lang, limit=limit) for lang in languages}
        for lang_cases in cases.values():
            english_counterparts(lang_cases, english)
    except InvalidInput as exc:
        fail(str(exc), hint="use --lang de, --lang all or --lang none")
    return {
        lang: [case for case in lang_cases if case.category != "injection"]
        for lang, lang_cases in cases.items()
    }


def _language_figures(lang: str, report: AnswersReport, english: AnswersReport) -> dict[str, Any]:
    """Pass rate and recall@5 of one language, and of English on the same questions (with ratios)."""
    summary = compare_language(lang, report, english).summary()
    keys = ("cases", "pass_rate", "recall_at_5", "english_pass_rate", "english_recall_at_5")
    return {key: summary[key] for key in (*keys, "pass_rate_ratio", "recall_at_5_ratio")}


def _default_files(folder: Path) -> list[Path]:
    from corpus.bundle import load_bundled_records
    from corpus.models import DocType

    return write_user_files(list(load_bundled_records(doc_types=[DocType.POLICY])), folder)
