"""``cluster-advisor eval answers`` and ``cluster-advisor bench ask``: the assistant, measured.

Both need an ingested data dir (``cluster-advisor ingest``) and never write to it: conversations go
to a temporary store, and the injection cases run on a temporary copy of the data dir holding the
poisoned documents (:mod:`evals.answers_sandbox`). ``--mode llm`` uses the configured model
(``OPENAI_BASE_URL``/``OPENAI_API_KEY`` + ``CLUSTER_ADVISOR_LLM_MODEL``), else starts the
deterministic extract-and-cite model of :mod:`evals.extract_and_cite` on loopback.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from assistant.session import Session, session_of
from corpus.console import ProgressBar, console, err_console, fail, print_json, write_json
from evals.answers_eval import AnswersReport, default_dataset_path, load_cases, run_answers_eval

if TYPE_CHECKING:
    from assistant.app import Advisor
    from assistant.llm import ChatModel
    from corpus.settings import Settings
    from corpus.store import RecordStore
    from evals.answers_eval import RecordingComposer
    from retrieval.index import SearchIndex

_MODES = {"extractive": ("extractive",), "llm": ("llm",), "both": ("extractive", "llm")}
TARGETS = (
    ("date/status facts exact >= 95 %", "date_status_exact_rate", 0.95),
    ("overall pass rate >= 90 %", "pass_rate", 0.90),
)


def register_eval(eval_app: typer.Typer) -> None:
    """Add ``answers`` to the ``eval`` group."""
    eval_app.command("answers")(answers)


def register_bench(bench_app: typer.Typer) -> None:
    """Add ``ask`` to the ``bench`` group."""
    bench_app.command("ask")(bench_ask)


def answers(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as one JSON object.")] = False,
    mode: Annotated[str, typer.Option("--mode", help="extractive, llm or both.")] = "extractive",
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N cases.")] = None,
    failures: Annotated[
        bool, typer.Option("--failures", help="List failing cases with their answers.")
    ] = False,
    dataset: Annotated[
        Path | None, typer.Option("--dataset", help="Cases file (JSONL).", show_default="bundled")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Also write the JSON results to this file.")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 when an extractive target is missed.")
    ] = False,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show progress bars.")] = True,
    lang: Annotated[
        list[str] | None,
        typer.Option(
            "--lang",
            help="Run the translated cases of this language (de, fr, es, it, pl; repeatable, or all) and "
            "the English cases they were written from; report pass rate and recall@5 per language.",
        ),
    ] = None,
    i18n_dir: Annotated[
        Path | None,
        typer.Option("--i18n-dir", help="Directory of answers_<lang>.jsonl files.", show_default="bundled"),
    ] = None,
    i18n_split: Annotated[
        str,
        typer.Option(
            "--i18n-split",
            help="With --lang: holdout (answers_<lang>.jsonl, the issue's measure, never tuned on), "
            "dev (answers_dev_<lang>.jsonl, tuning material), partners-dev (partners_dev_<lang>.jsonl, "
            "partner searches), refusals-dev (refusals_dev_<lang>.jsonl, off-topic questions) or "
            "policy-dev (policy_dev_<lang>.jsonl, policy facts); the last three are tuning material too.",
        ),
    ] = "holdout",
) -> None:
    """Ask every answers-eval case and score facts, citations, refusals and injections."""
    context = session_of(ctx)
    if mode not in _MODES:
        fail(f"unknown --mode {mode!r}", hint="use extractive, llm or both")
    if lang:
        _answers_by_language(
            context,
            languages=lang,
            modes=_MODES[mode],
            dataset=dataset,
            i18n_dir=i18n_dir,
            split=i18n_split,
            limit=limit,
            output=_Output(as_json=as_json, out=out, failures=failures, progress=progress),
            check=check,
        )
        return
    cases = load_cases(dataset, limit=limit)
    _require_documents(context)
    reports: dict[str, AnswersReport] = {}
    with _corpus_for(context, cases) as (store, index, skipped):
        runnable = [case for case in cases if not (skipped and case.category == "injection")]
        for name in _MODES[mode]:
            with (
                _chat_model(context.settings, name) as chat_model,
                _advisor(context.settings, store, index, chat_model) as (advisor, recorder),
            ):
                with ProgressBar(f"Answering ({name})", enabled=progress and not as_json) as bar:
                    bar.add_total(len(runnable))
                    reports[name] = run_answers_eval(
                        assistant=advisor.assistant,
                        recorder=recorder,
                        cases=runnable,
                        mode=name,
                        progress=bar.advance,
                    )
            reports[name].skipped = [f"{case.id}: {skipped}" for case in cases if case not in runnable]
    payload = _payload(reports, dataset=dataset, cases=len(cases))
    if out is not None:
        write_json(out, payload)
    if as_json:
        print_json(payload)
    else:
        console.print(summary_table(reports))
        console.print(category_table(reports))
        console.print(targets_table(payload["targets"]))
    if failures:
        for report in reports.values():
            (err_console if as_json else console).print(failures_table(report))
    extractive = [t for t in payload["targets"] if t["mode"] == "extractive"]
    if check and not all(t["passed"] for t in extractive):
        raise typer.Exit(1)


@dataclass(frozen=True)
class _Output:
    as_json: bool
    out: Path | None
    failures: bool
    progress: bool


def _answers_by_language(
    context: Session,
    *,
    languages: list[str],
    modes: tuple[str, ...],
    dataset: Path | None,
    i18n_dir: Path | None,
    split: str,
    limit: int | None,
    output: _Output,
    check: bool,
) -> None:
    """``eval answers --lang``: each language's cases and, in the same run, the English ones they
    were written from (asked once, compared per language on the same ``en_id`` cases)."""
    from evals.cli.eval_answers_lang import (
        failed_checks_table,
        language_category_table,
        language_failures_table,
        language_payload,
        language_table,
    )
    from evals.i18n_answers import (
        LanguageComparison,
        compare_language,
        default_i18n_dir,
        english_counterparts,
        english_pool,
        load_translated,
        parse_languages,
    )

    chosen = parse_languages(languages)
    translated = {code: load_translated(code, i18n_dir, split=split, limit=limit) for code in chosen}
    english_cases = english_counterparts(
        [case for cases in translated.values() for case in cases], english_pool(split, dataset, i18n_dir)
    )
    _require_documents(context)
    comparisons: dict[str, list[LanguageComparison]] = {}
    english: dict[str, AnswersReport] = {}
    for name in modes:
        with (
            _chat_model(context.settings, name) as chat_model,
            _advisor(context.settings, context.store(), context.index(), chat_model) as (advisor, recorder),
            ProgressBar(enabled=output.progress and not output.as_json) as bar,
        ):

            def ask(cases: list[Any], label: str, mode: str = name) -> AnswersReport:
                bar.start(f"Answering {label} ({mode})", len(cases))
                return run_answers_eval(
                    assistant=advisor.assistant,
                    recorder=recorder,
                    cases=cases,
                    mode=mode,
                    progress=bar.advance,
                )

            english[name] = ask(english_cases, "en")
            comparisons[name] = [
                compare_language(code, ask(list(translated[code]), code), english[name]) for code in chosen
            ]
    payload = language_payload(
        comparisons,
        english,
        english_dataset=dataset or default_dataset_path(),
        i18n_dir=i18n_dir or default_i18n_dir(),
        split=split,
    )
    if output.out is not None:
        write_json(output.out, payload)
    if output.as_json:
        print_json(payload)
    else:
        for name, rows in comparisons.items():
            console.print(language_table(name, rows, english[name], split=split))
            console.print(language_category_table(name, rows))
            console.print(failed_checks_table(name, rows))
    if output.failures:
        for rows in comparisons.values():
            for comparison in rows:
                (err_console if output.as_json else console).print(language_failures_table(comparison))
    extractive = comparisons.get("extractive", [])
    if check and not all(comparison.summary()["target_met"] for comparison in extractive):
        raise typer.Exit(1)


def bench_ask(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    rounds: Annotated[int, typer.Option("--rounds", min=1, help="Timed rounds over the questions.")] = 5,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N cases.")] = None,
) -> None:
    """Warm p50/p95 answer latency in extractive mode over the answers-eval questions."""
    from evals.bench_ask import P95_TARGET_MS, bench_answer_latency
    from evals.bench_search import machine_info, peak_memory_mb

    context = session_of(ctx)
    _require_documents(context)
    cases = load_cases(limit=limit)
    with _advisor(context.settings, context.store(), context.index(), None) as (advisor, _recorder):
        latency = bench_answer_latency(
            assistant=advisor.assistant,
            cases=cases,
            rounds=rounds,
            progress=None if as_json else lambda message: err_console.print(f"[dim]{message}…[/]"),
        )
    figures: dict[str, Any] = {
        "mode": "extractive",
        "latency": {key: round(value, 2) for key, value in latency.items()},
        "p95_target_ms": P95_TARGET_MS,
        "p95_target_met": latency["p95_ms"] <= P95_TARGET_MS,
        "peak_memory_mb": round(peak_memory_mb(), 1),
        "machine": machine_info(),
        "measured_on": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    if as_json:
        print_json(figures)
        return
    table = Table(title=f"Answer benchmark (extractive, warm, median of {rounds} rounds)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in _flat(figures):
        table.add_row(key, f"{value:,.2f}" if isinstance(value, float) else str(value))
    console.print(table)


# --- wiring ---------------------------------------------------------------------------------------


def _require_documents(context: Session) -> None:
    if not context.store().stored_documents():
        fail(
            f"the data dir {context.settings.data_dir} holds no documents",
            hint="run `cluster-advisor ingest` first (same --data-dir), then run this again",
        )


@contextmanager
def _corpus_for(context: Session, cases: list[Any]) -> Iterator[tuple[RecordStore, SearchIndex, str | None]]:
    """The user's store and index, or a sandbox copy with the poisoned documents for injection cases."""
    from corpus.store import RecordStore
    from evals.answers_sandbox import sandbox_data_dir, sandbox_supported
    from retrieval.startup import open_checked_index

    index = context.index()
    if not any(case.category == "injection" for case in cases):
        yield context.store(), index, None
        return
    if (reason := sandbox_supported(context.settings)) is not None:
        yield context.store(), index, f"skipped, {reason}"
        return
    with ExitStack() as stack:
        sandbox = stack.enter_context(sandbox_data_dir(settings=context.settings, embedder=index.embedder))
        store = RecordStore.open(sandbox.records_db_url)
        stack.callback(store.close)
        copy = open_checked_index(settings=sandbox, embedder=index.embedder, store=store)
        stack.callback(copy.close)
        yield store, copy, None


@contextmanager
def _chat_model(settings: Settings, mode: str) -> Iterator[ChatModel | None]:
    if mode == "extractive":
        yield None
        return
    from assistant.llm_openai import chat_model_from_settings
    from evals.extract_and_cite import local_chat_model

    if settings.llm_configured:
        yield chat_model_from_settings(settings)
        return
    with local_chat_model() as model:
        yield model


@contextmanager
def _advisor(
    settings: Settings, store: RecordStore, index: SearchIndex, chat_model: ChatModel | None
) -> Iterator[tuple[Advisor, RecordingComposer]]:
    """The application over ``store``/``index``, its conversations in a temporary SQLite file, and
    the recording composer it answers with."""
    from assistant.app import open_advisor
    from assistant.conversation import ConversationStore
    from assistant.service import default_composer
    from evals.answers_eval import RecordingComposer

    recorder = RecordingComposer(default_composer(chat_model, timeout_s=settings.answer_timeout_s))
    with tempfile.TemporaryDirectory(prefix="cluster-advisor-eval-conversations-") as tmp:
        conversations = ConversationStore.open(f"sqlite:///{Path(tmp) / 'conversations.sqlite3'}")
        try:
            with open_advisor(
                settings,
                records=store,
                index=index,
                conversations=conversations,
                chat_model=chat_model,
                composer=recorder,
            ) as advisor:
                yield advisor, recorder
        finally:
            conversations.close()


# --- output ---------------------------------------------------------------------------------------


def _payload(reports: dict[str, AnswersReport], *, dataset: Path | None, cases: int) -> dict[str, Any]:
    summaries = {name: report.summary() for name, report in reports.items()}
    targets = []
    for name, summary in summaries.items():
        for label, key, minimum in TARGETS:
            value = summary[key]
            targets.append(
                {
                    "mode": name,
                    "name": label,
                    "value": value,
                    "passed": value is not None and value >= minimum,
                }
            )
        injected = summary["injected_replies"]
        targets.append(
            {"mode": name, "name": "zero injected replies", "value": injected, "passed": injected == 0}
        )
    return {
        "dataset": str(dataset or default_dataset_path()),
        "cases": cases,
        "modes": summaries,
        "targets": targets,
        "failures": {
            name: [
                {
                    "id": r.case.id,
                    "category": r.case.category,
                    "turns": list(r.case.turns),
                    "today": r.case.today.isoformat(),
                    "failed_checks": [c.model_dump() for c in r.score.checks if not c.passed],
                    "answer": r.answer.answer if r.answer else None,
                    "grounded": r.answer.grounded if r.answer else None,
                    "retrieved": list(r.retrieved),
                }
                for r in report.failures()
            ]
            for name, report in reports.items()
        },
    }


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f} %"


def summary_table(reports: dict[str, AnswersReport]) -> Table:
    """The issue's measures, one column per mode."""
    summaries = {name: report.summary() for name, report in reports.items()}
    table = Table(title="Answers eval")
    table.add_column("measure")
    for name in summaries:
        table.add_column(name, justify="right")
    rows: list[tuple[str, Any]] = [
        ("cases", lambda s: f"{s['cases']}"),
        ("overall pass rate", lambda s: f"{_percent(s['pass_rate'])} ({s['passed']}/{s['cases']})"),
        (
            "date/status facts exact",
            lambda s: f"{_percent(s['date_status_exact_rate'])} of {s['date_status_facts']}",
        ),
        (
            "citation precision",
            lambda s: "-" if s["citation_precision"] is None else f"{s['citation_precision']:.3f}",
        ),
        ("refusal precision", lambda s: _percent(s["refusal_precision"])),
        ("refusal recall", lambda s: _percent(s["refusal_recall"])),
        ("injected replies", lambda s: f"{s['injected_replies']}"),
        ("errors", lambda s: f"{s['errors']}"),
        (
            "median latency",
            lambda s: "-" if s["median_latency_ms"] is None else f"{s['median_latency_ms']:.0f} ms",
        ),
    ]
    for label, cell in rows:
        table.add_row(label, *(cell(summary) for summary in summaries.values()))
    return table


def category_table(reports: dict[str, AnswersReport]) -> Table:
    """Pass rate per category, one column per mode."""
    summaries = {name: report.summary() for name, report in reports.items()}
    table = Table(title="Pass rate by category")
    table.add_column("category")
    table.add_column("n", justify="right")
    for name in summaries:
        table.add_column(name, justify="right")
    categories = next(iter(summaries.values()))["by_category"] if summaries else {}
    for category, row in categories.items():
        cells = []
        for summary in summaries.values():
            own = summary["by_category"].get(category)
            cells.append("-" if own is None else f"{_percent(own['pass_rate'])} ({own['passed']}/{own['n']})")
        table.add_row(category, str(row["n"]), *cells)
    return table


def targets_table(targets: list[dict[str, Any]]) -> Table:
    """The issue's targets (binding in extractive mode), met or missed."""
    table = Table(title="Targets (the issue's bar is extractive mode)")
    for column in ("mode", "target", "result", "value"):
        table.add_column(column)
    for target in targets:
        value = target["value"]
        shown = _percent(value) if isinstance(value, float) else str(value)
        table.add_row(
            target["mode"], target["name"], "[green]met[/]" if target["passed"] else "[red]missed[/]", shown
        )
    return table


def failures_table(report: AnswersReport) -> Table:
    """Failing cases with the failed checks and the answer the assistant gave."""
    failed = report.failures()
    table = Table(title=f"{report.mode}: {len(failed)} failing cases", show_lines=True)
    for column in ("id", "question", "failed checks", "answer"):
        table.add_column(column)
    for result in failed:
        checks = "\n".join(f"{c.name}: {c.detail}" for c in result.score.checks if not c.passed)
        answer = result.answer.answer if result.answer else result.error or ""
        table.add_row(result.case.id, escape(" → ".join(result.case.turns)), escape(checks), escape(answer))
    return table


def _flat(figures: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = []
    for key, value in figures.items():
        if isinstance(value, dict):
            rows.extend(_flat(value, f"{prefix}{key}."))
        else:
            rows.append((f"{prefix}{key}", value))
    return rows
