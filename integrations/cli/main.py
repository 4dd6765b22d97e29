"""The ``cluster-advisor`` command line."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from typer.core import TyperGroup

from assistant.app import Advisor
from assistant.session import Session
from corpus.console import err_console, fail
from corpus.errors import AdvisorError
from corpus.permissions import private_umask
from corpus.redaction import install_redaction
from corpus.settings import Settings
from corpus.version import package_version
from integrations.cli import (
    ask_cmd,
    backup_cmd,
    corpus_cmd,
    ingest_cmd,
    refresh_cmd,
    search_cmd,
    serve_cmd,
    slack_cmd,
)


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

COMMANDS_GROUP = "cluster_advisor.commands"
"""Entry-point group of functions ``register(app)`` that add commands from outside (``evals``)."""
CommandPlugin = Callable[[typer.Typer], None]


def installed_command_plugins() -> list[CommandPlugin]:
    """The ``register(app)`` functions installed packages declare in :data:`COMMANDS_GROUP`."""
    plugins: list[CommandPlugin] = []
    for entry_point in entry_points(group=COMMANDS_GROUP):
        try:
            plugins.append(entry_point.load())
        except ImportError as exc:  # a plugin whose extra is not installed: the product still runs
            logging.getLogger(__name__).warning("command plugin %s not loaded: %s", entry_point.name, exc)
    return plugins


def add_commands(cli: typer.Typer, plugins: Iterable[CommandPlugin]) -> typer.Typer:
    """Let each plugin add its commands to ``cli``; returns ``cli``."""
    for register in plugins:
        register(cli)
    return cli


add_commands(app, installed_command_plugins())


def _print_version(value: bool) -> None:
    if value:
        print(f"cluster-advisor {package_version()}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    _version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
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
    private_umask()  # data dirs, backups and logs written from here on are the owner's only
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
    ctx.obj = Session(settings=settings, api_app=_api_app)
    ctx.call_on_close(ctx.obj.close)


def _api_app(settings: Settings, advisor: Advisor) -> Any:
    from integrations.api.app import create_app_for  # FastAPI loads only for the commands that need it

    return create_app_for(settings, advisor)


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
