"""The manifests: one for Socket Mode and one for HTTP, declaring what the listeners use."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from integrations.api.security import SLACK_EVENTS_PATH
from integrations.cli.main import app
from integrations.slack.manifest import (
    EXAMPLE_BASE_URL,
    HTTP_MANIFEST,
    SOCKET_MANIFEST,
    app_manifest,
    manifest_yaml,
)
from integrations.slack.support import SHORTCUT_TRIAGE


def _cli(args: list[str], tmp_path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--data-dir", str(tmp_path), "slack", "manifest", *args])
    return result.exit_code, result.output


@pytest.mark.parametrize("base_url", [None, EXAMPLE_BASE_URL])
def test_manifest_matches_the_listeners(base_url: str | None) -> None:
    manifest = app_manifest(base_url=base_url)
    features, settings = manifest["features"], manifest["settings"]
    assert [c["command"] for c in features["slash_commands"]] == ["/advisor"]
    assert [s["callback_id"] for s in features["shortcuts"]] == [SHORTCUT_TRIAGE]
    events = set(settings["event_subscriptions"]["bot_events"])
    assert {"app_mention", "message.im", "message.mpim", "message.channels", "app_home_opened"} <= events
    assert {"app_uninstalled", "tokens_revoked"} <= events
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"chat:write", "commands", "app_mentions:read", "im:history", "mpim:history"} <= scopes
    assert settings["interactivity"]["is_enabled"] is True


def test_socket_mode_manifest_has_no_urls_and_http_one_has_every_url() -> None:
    socket = app_manifest(base_url=None)
    assert socket["settings"]["socket_mode_enabled"] is True
    assert "https://" not in yaml.safe_dump(socket)
    http = app_manifest(base_url="https://advisor.example.net/base/")
    url = "https://advisor.example.net/base" + SLACK_EVENTS_PATH
    assert http["settings"]["socket_mode_enabled"] is False
    assert http["settings"]["event_subscriptions"]["request_url"] == url
    assert http["settings"]["interactivity"]["request_url"] == url
    assert [c["url"] for c in http["features"]["slash_commands"]] == [url]


def test_shipped_manifests_are_the_generated_ones() -> None:
    assert SOCKET_MANIFEST.read_text(encoding="utf-8") == manifest_yaml(base_url=None)
    assert HTTP_MANIFEST.read_text(encoding="utf-8") == manifest_yaml(base_url=EXAMPLE_BASE_URL)
    assert yaml.safe_load(HTTP_MANIFEST.read_text(encoding="utf-8")) == app_manifest(
        base_url=EXAMPLE_BASE_URL
    )


def test_cli_prints_a_filled_manifest(tmp_path: Path) -> None:
    code, output = _cli(["--url", "https://slack.members.example.eu"], tmp_path)
    assert code == 0, output
    printed = yaml.safe_load(output)
    assert printed == app_manifest(base_url="https://slack.members.example.eu")
    assert printed["settings"]["event_subscriptions"]["request_url"] == (
        "https://slack.members.example.eu/slack/events"
    )
    code, output = _cli(["--socket"], tmp_path)
    assert code == 0, output
    assert yaml.safe_load(output)["settings"]["socket_mode_enabled"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "exactly one of --socket or --url"),
        (["--socket", "--url", "https://a.example.org"], "exactly one of --socket or --url"),
        (["--url", "http://advisor.example.org"], "https://"),
        (["--url", "advisor.example.org"], "https://"),
    ],
)
def test_cli_refuses_a_manifest_it_cannot_fill(args: list[str], message: str, tmp_path: Path) -> None:
    code, output = _cli(args, tmp_path)
    assert code == 2
    assert message in " ".join(output.split())


def test_slack_alone_still_runs_socket_mode(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["--data-dir", str(tmp_path), "slack"], env={"SLACK_APP_TOKEN": ""})
    assert result.exit_code == 2
    assert "SLACK_APP_TOKEN (xapp-…) is not set; Socket Mode needs an app-level token" in " ".join(
        result.output.split()
    )
