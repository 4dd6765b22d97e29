"""``cluster-advisor slack`` (Socket Mode), ``slack manifest`` and ``cluster-advisor triage report``."""

from __future__ import annotations

from typing import Annotated

import typer

from corpus.console import console, print_json
from integrations.cli.context import cli_context

triage_app = typer.Typer(help="Support triage in Slack: the log of triaged requests.", no_args_is_help=True)
slack_app = typer.Typer(
    help="Run the Slack app in Socket Mode (needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN); "
    "`slack manifest` prints the app manifest.",
    invoke_without_command=True,
)


def register(app: typer.Typer) -> None:
    """Add the ``slack`` group (Socket Mode by default, ``manifest``) and the ``triage`` group to ``app``."""
    app.add_typer(slack_app, name="slack")
    app.add_typer(triage_app, name="triage")


@slack_app.callback()
def slack(ctx: typer.Context) -> None:
    """Run the Slack app in Socket Mode (needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN).

    `cluster-advisor slack manifest --socket | --url URL` prints the app manifest instead.
    """
    if ctx.invoked_subcommand is not None:
        return
    run_socket_mode(ctx)


@slack_app.command("manifest")
def manifest(
    socket: Annotated[
        bool, typer.Option("--socket", help="Socket Mode: no request URLs (run `cluster-advisor slack`).")
    ] = False,
    url: Annotated[
        str | None,
        typer.Option(
            "--url",
            metavar="URL",
            help="HTTP mode: the public https:// base URL of `cluster-advisor serve`.",
        ),
    ] = None,
) -> None:
    """Print a filled Slack app manifest (YAML) to paste at api.slack.com/apps -> From an app manifest."""
    from integrations.slack.manifest import manifest_yaml

    if socket == (url is not None):
        raise typer.BadParameter("give exactly one of --socket or --url URL", param_hint="--socket / --url")
    typer.echo(manifest_yaml(base_url=url), nl=False)


def run_socket_mode(ctx: typer.Context) -> None:
    """Connect the Bolt app over Socket Mode and block until Ctrl-C."""
    from integrations.slack.socket_mode import socket_mode_handler
    from integrations.slack.store import SlackStore

    context = cli_context(ctx)
    advisor = context.advisor()
    store = SlackStore.from_settings(context.settings)
    try:
        handler = socket_mode_handler(advisor=advisor, triage_store=store)
        console.print("[bold]Slack Socket Mode[/] connected; Ctrl-C to stop.", highlight=False)
        handler.start()  # type: ignore[no-untyped-call]
    finally:
        store.close()


@triage_app.command("report")
def report(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object for scripts.")] = False,
) -> None:
    """Counts of triaged requests by category and urgency, and median response and resolution times."""
    from integrations.slack.store import SlackStore
    from integrations.slack.triage import triage_report

    store = SlackStore.from_settings(cli_context(ctx).settings)
    try:
        summary = triage_report(store.triage_events())
    finally:
        store.close()
    if as_json:
        print_json(summary.model_dump(mode="json"))
        return
    console.print(f"[bold]Triaged requests[/]: {summary.total}", highlight=False)
    for name, counts in (("category", summary.by_category), ("urgency", summary.by_urgency)):
        shown = ", ".join(f"{key.replace('_', ' ')} {count}" for key, count in counts.items()) or "none"
        console.print(f"  by {name}: {shown}", highlight=False)
    first, resolution = _minutes(summary.median_first_response_min), _minutes(summary.median_resolution_min)
    console.print(f"  responded {summary.responded} · median first response {first}", highlight=False)
    console.print(f"  resolved {summary.resolved} · median resolution {resolution}", highlight=False)


def _minutes(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f} min"
