"""The ``cluster-advisor`` command line."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from typer.core import TyperGroup

from corpus.errors import AdvisorError
from corpus.redaction import install_redaction
from corpus.settings import Settings
from integrations.cli import (
    ask_cmd,
    backup_cmd,
    bench_cmd,
    bench_crash_cmd,
    corpus_cmd,
    eval_answers_cmd,
    eval_cmd,
    eval_redteam_cmd,
    eval_triage_cmd,
    ingest_cmd,
    refresh_cmd,
    search_cmd,
    serve_cmd,
    slack_cmd,
)
from integrations.cli.context import CliContext
from integrations.cli.output import err_console, fail


class _AdvisorGroup(TyperGroup):
    """Turns the errors we raise on purpose into one clear line and exit code 2, for every command."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except AdvisorError as exc:
            fail(str(exc))


app = typer.Typer(
    cls=_AdvisorGroup,
    name="cluster-advisor",
    help="Answers about EU funding calls, cluster partners and cluster policy, with sources.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
ingest_cmd.register(app)
refresh_cmd.register(app)
search_cmd.register(app)
ask_cmd.register(app)
serve_cmd.register(app)
slack_cmd.register(app)
backup_cmd.register(app)
app.add_typer(corpus_cmd.app, name="corpus")
app.add_typer(eval_cmd.app, name="eval")
app.add_typer(bench_cmd.app, name="bench")
bench_crash_cmd.register(bench_cmd.app)
eval_answers_cmd.register_eval(eval_cmd.app)
eval_answers_cmd.register_bench(bench_cmd.app)
eval_triage_cmd.register_eval(eval_cmd.app)
eval_redteam_cmd.register_eval(eval_cmd.app)
eval_triage_cmd.register_bench(bench_cmd.app)


@app.callback()
def main(
    ctx: typer.Context,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            envvar="CLUSTER_ADVISOR_DATA_DIR",
            help="Where the record store and indexes live.",
            show_default="./data",
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            envvar="CLUSTER_ADVISOR_TODAY",
            help="The day every date judgement uses (YYYY-MM-DD).",
            show_default="the real date",
        ),
    ] = None,
    log_level: Annotated[
        str,
        typer.Option("--log-level", envvar="CLUSTER_ADVISOR_LOG_LEVEL", help="debug, info, warning, error."),
    ] = "warning",
) -> None:
    """Cluster Advisor: funding calls, partners and policy for cluster organisations."""
    _configure_logging(log_level)
    overrides: dict[str, object] = {}
    if data_dir is not None:
        overrides["data_dir"] = data_dir
    if today is not None:
        try:
            overrides["today_override"] = dt.date.fromisoformat(today)
        except ValueError:
            fail(f"--today {today!r} is not a date", hint="use the form YYYY-MM-DD, e.g. --today 2026-05-10")
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'settings'}: {e['msg']}" for e in exc.errors()
        )
        fail(f"invalid settings: {problems}", hint="check your environment variables and .env file")
    install_redaction(settings)  # no token, key or password in any log line from here on
    ctx.obj = CliContext(settings=settings)
    ctx.call_on_close(ctx.obj.close)


def _configure_logging(level: str) -> None:
    numeric = getattr(logging, level.upper(), None)
    if not isinstance(numeric, int):
        fail(f"--log-level {level!r} is not a level", hint="use debug, info, warning or error")
    logging.basicConfig(
        level=numeric,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=[logging.StreamHandler(err_console.file)],
        force=True,
    )


def run() -> None:
    """Console-script entry point: user-facing errors become one clear line and exit code 2."""
    try:
        app()
    except AdvisorError as exc:
        fail(str(exc))


if __name__ == "__main__":
    run()
