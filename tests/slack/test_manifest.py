"""The manifest declares what the listeners use."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrations.slack.support import SHORTCUT_TRIAGE

MANIFEST = Path(__file__).parents[2] / "integrations" / "slack" / "manifest.yml"


def test_manifest_matches_the_listeners() -> None:
    yaml = pytest.importorskip("yaml")
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    features, settings = manifest["features"], manifest["settings"]
    assert [c["command"] for c in features["slash_commands"]] == ["/advisor"]
    assert [s["callback_id"] for s in features["shortcuts"]] == [SHORTCUT_TRIAGE]
    events = set(settings["event_subscriptions"]["bot_events"])
    assert {"app_mention", "message.im", "message.channels", "app_home_opened"} <= events
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"chat:write", "commands", "app_mentions:read", "im:history", "reactions:write"} <= scopes
    assert settings["interactivity"]["is_enabled"] is True
