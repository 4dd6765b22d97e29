"""``cluster-advisor eval ...``: measure retrieval quality on the bundled question set.

The data dir must be ingested first (``cluster-advisor ingest``); the command says so when it is
empty rather than ingesting on its own, so that an eval never silently changes the data dir. The
tutorial baseline's Chroma collection is built on the first run and cached under
``<data dir>/eval-cache`` (keyed by a hash of the corpus), so later runs take seconds.
Questions are asked on their own ``today`` or, without one, on ``--today`` when given, else on
:data:`evals.retrieval_eval.DEFAULT_EVAL_TODAY` (so results do not drift with the real date).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.session import session_of
from corpus.console import ProgressBar, console, err_console, fail, print_json, write_json
from evals.report import failures_table, grouped_table, overall_table, targets_table
from evals.retrieval_eval import (
    DEFAULT_EVAL_TODAY,
    SYSTEMS,
    EvalQuestion,
    SystemReport,
    check_targets,
    default_dataset_path,
    load_questions,
    report_json,
    run_retrieval_eval,
)

if TYPE_CHECKING:
    import datetime as dt

    from assistant.session import Session
    from corpus.settings import Settings
    from corpus.store import RecordStore
    from retrieval.embeddings import Embedder

LANGUAGE_SYSTEMS: tuple[str, ...] = ("bm25", "dense", "hybrid")
"""What ``--lang`` runs by default: the index's systems (the tutorial baseline answers no question
about languages and builds its own collection)."""

app = typer.Typer(
    help="Measure retrieval quality (recall, MRR, nDCG) on the eval questions.", no_args_is_help=True
)


@app.command("retrieval")
def retrieval(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as one JSON object.")] = False,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Only the first N questions (a quick check).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Also write the JSON results to this file.")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Exit with code 1 when a target of the issue is missed.")
    ] = False,
    failures: Annotated[
        bool, typer.Option("--failures", help="List the questions hybrid misses at 5, with what it returned.")
    ] = False,
    systems: Annotated[
        str | None,
        typer.Option(
            "--systems",
            help="Comma-separated: bm25, dense, hybrid, baseline.",
            show_default=f"{','.join(SYSTEMS)}; with --lang {','.join(LANGUAGE_SYSTEMS)}",
        ),
    ] = None,
    dataset: Annotated[
        Path | None, typer.Option("--dataset", help="Question file (JSONL).", show_default="bundled")
    ] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show progress bars.")] = True,
    lang: Annotated[
        list[str] | None,
        typer.Option(
            "--lang",
            help="Run the translated queries of this language (de, fr, es, it, pl; repeatable, or all) "
            "and the English questions they were written from; report each language next to English.",
        ),
    ] = None,
    split: Annotated[
        str, typer.Option("--split", help="Which translated queries (with --lang): dev (tuning material).")
    ] = "dev",
    i18n_dir: Annotated[
        Path | None,
        typer.Option(
            "--i18n-dir", help="Directory of retrieval_<split>_<lang>.jsonl files.", show_default="bundled"
        ),
    ] = None,
) -> None:
    """BM25, dense, hybrid and the LangChain tutorial baseline on the same questions, in one run.

    With ``--lang``: each language's translated queries and, in the same run, the English questions
    they were written from, compared per language on the same questions (docs/languages-eval.md).
    """
    context = session_of(ctx)
    settings = context.settings
    if lang:
        _retrieval_by_language(
            ctx,
            languages=lang,
            split=split,
            i18n_dir=i18n_dir,
            dataset=dataset,
            limit=limit,
            systems=systems or ",".join(LANGUAGE_SYSTEMS),
            as_json=as_json,
            out=out,
            failures=failures,
            progress=progress,
        )
        return
    systems = systems or ",".join(SYSTEMS)
    questions = load_questions(dataset, limit=limit)
    store = _stored_corpus(context)
    today = settings.today_override or DEFAULT_EVAL_TODAY
    with ProgressBar(enabled=progress and not as_json) as bar:
        reports = _run_systems(context, store, systems, questions, today=today, progress=bar)
    checks = check_targets(reports)
    payload = report_json(
        reports,
        checks,
        meta={
            "questions": len(questions),
            "dataset": str(dataset or default_dataset_path()),
            "today": today.isoformat(),
            "corpus": store.counts(),
        },
    )
    if out is not None:
        write_json(out, payload)
    if as_json:
        print_json(payload)
    else:
        console.print(overall_table(reports, questions=len(questions)))
        console.print(grouped_table(reports, by="doc_type"))
        console.print(grouped_table(reports, by="category"))
        if checks:
            console.print(targets_table(checks))
    if failures:
        shown = [reports["hybrid"]] if "hybrid" in reports else list(reports.values())
        for report in shown:
            (err_console if as_json else console).print(failures_table(report))
    if check and not all(c.passed for c in checks):
        raise typer.Exit(1)


def _retrieval_by_language(
    ctx: typer.Context,
    *,
    languages: list[str],
    split: str,
    i18n_dir: Path | None,
    dataset: Path | None,
    limit: int | None,
    systems: str,
    as_json: bool,
    out: Path | None,
    failures: bool,
    progress: bool,
) -> None:
    """``eval retrieval --lang``: every language's queries, and the English questions they were
    written from (run once, shared by the languages), through the same systems on the same day."""
    from evals.cli.eval_retrieval_lang import language_misses_table, language_retrieval_table, meta_of
    from evals.i18n_answers import default_i18n_dir, parse_languages
    from evals.i18n_retrieval import (
        compare_languages,
        english_questions_for,
        languages_payload,
        load_translated_questions,
    )

    context = session_of(ctx)
    settings = context.settings
    chosen = parse_languages(languages)
    translated = {
        code: load_translated_questions(code, i18n_dir, split=split, limit=limit) for code in chosen
    }
    english_questions = english_questions_for(
        [question for rows in translated.values() for question in rows], load_questions(dataset)
    )
    store = _stored_corpus(context)
    today = settings.today_override or DEFAULT_EVAL_TODAY
    with ProgressBar(enabled=progress and not as_json) as bar:

        def run(questions: Sequence[EvalQuestion]) -> dict[str, SystemReport]:
            return _run_systems(context, store, systems, questions, today=today, progress=bar)

        english = run(english_questions)
        comparisons = compare_languages({code: run(rows) for code, rows in translated.items()}, english)
    payload = languages_payload(
        comparisons,
        english,
        meta=meta_of(
            dataset=dataset or default_dataset_path(),
            i18n_dir=i18n_dir or default_i18n_dir(),
            split=split,
            languages=chosen,
            today=today.isoformat(),
        ),
    )
    if out is not None:
        write_json(out, payload)
    if as_json:
        print_json(payload)
    else:
        for system, rows in comparisons.items():
            console.print(language_retrieval_table(system, rows, payload["systems"][system]["english"]))
    if failures:
        shown = comparisons.get("hybrid") or next(iter(comparisons.values()))
        for row in shown:
            (err_console if as_json else console).print(language_misses_table(row))


def _stored_corpus(context: Session) -> RecordStore:
    """The session's record store; a clear error when nothing was ingested into it."""
    store = context.store()
    if not store.stored_documents():
        fail(
            f"the data dir {context.settings.data_dir} holds no documents",
            hint="run `cluster-advisor ingest` first (same --data-dir), then run the eval again",
        )
    return store


def _run_systems(
    context: Session,
    store: RecordStore,
    systems: str,
    questions: Sequence[EvalQuestion],
    *,
    today: dt.date,
    progress: ProgressBar,
) -> dict[str, SystemReport]:
    """``questions`` through each of the comma-separated ``systems`` over the session's index."""
    index = context.index()
    return run_retrieval_eval(
        store=store,
        index=index,
        embedder=embedder_of(index, context.settings),
        questions=questions,
        cache_root=context.settings.data_dir / "eval-cache",
        today=today,
        systems=[name.strip() for name in systems.split(",") if name.strip()],
        progress=progress,
    )


def embedder_of(index: object, settings: Settings) -> Embedder:
    """The index's own embedder when it exposes one (no second model in memory), else a new one."""
    embedder = getattr(index, "embedder", None)
    if embedder is not None:
        return embedder  # type: ignore[no-any-return]
    from retrieval.embeddings import embedder_from_settings

    return embedder_from_settings(settings)
