"""The triage report (and its CLI), Slack settings and the Socket Mode entry."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
import typer
from typer.testing import CliRunner

from assistant.session import Session
from corpus.settings import Settings
from integrations.cli import slack_cmd
from integrations.slack.blocks import answer_blocks, escape
from integrations.slack.client import SlackNotConfigured
from integrations.slack.store import SlackStore
from integrations.slack.triage import triage_report

TODAY = dt.date(2026, 5, 10)


def test_user_text_cannot_inject_mentions() -> None:
    assert escape("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; &lt;@U1&gt;"


def test_blocks_without_answer_id_have_no_buttons() -> None:
    from assistant.models import Answer

    answer = Answer(answer="I found nothing.", grounded=False, intent="policy", mode="extractive",
                    conversation_id="c1")  # fmt: skip
    blocks = answer_blocks(answer, answer_id=None)
    assert all(block["type"] != "actions" for block in blocks)


def _store_with_events(path: Path) -> SlackStore:
    store = SlackStore.open(f"sqlite:///{path}")
    for ts, category in (
        ("1.1", "funding_question"),
        ("1.2", "funding_question"),
        ("1.3", "technical_issue"),
    ):
        store.log_triage(
            channel="C1", message_ts=ts, requester="U1", category=category, urgency="low", owner=None
        )
    store.mark_responded(channel="C1", message_ts="1.1", by="U2")
    store.mark_resolved(channel="C1", message_ts="1.1")
    store.assign(channel="C1", message_ts="1.2", user="U3")
    return store


def test_triage_report_counts_and_medians(tmp_path: Path) -> None:
    store = _store_with_events(tmp_path / "slack.sqlite3")
    report = triage_report(store.triage_events())
    store.close()
    assert report.total == 3
    assert report.by_category == {"funding_question": 2, "technical_issue": 1}
    assert report.responded == 2 and report.resolved == 1
    assert report.median_first_response_min is not None and report.median_first_response_min >= 0


def test_event_claim_is_shared_by_two_store_instances(tmp_path: Path) -> None:
    first = SlackStore.open(f"sqlite:///{tmp_path / 's.sqlite3'}")
    second = SlackStore.open(f"sqlite:///{tmp_path / 's.sqlite3'}")
    assert first.claim_event("Ev1") is True
    assert second.claim_event("Ev1") is False
    first.close()
    second.close()


def test_triage_report_command(tmp_path: Path) -> None:
    _store_with_events(tmp_path / "slack.sqlite3").close()
    root = typer.Typer()

    @root.callback()
    def main(ctx: typer.Context) -> None:
        ctx.obj = Session(settings=Settings(_env_file=None, data_dir=tmp_path))

    slack_cmd.register(root)
    result = CliRunner().invoke(root, ["triage", "report", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["total"] == 3
    text = CliRunner().invoke(root, ["triage", "report"])
    assert "funding question 2" in text.output and "median first response" in text.output


def test_routing_table_is_read_from_json_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_TRIAGE_ROUTING", '{"technical_issue": "S123"}')
    monkeypatch.setenv("SLACK_SUPPORT_CHANNELS", "C1, C2")
    settings = Settings(_env_file=None)
    assert settings.slack_triage_routing == {"technical_issue": "S123"}
    assert settings.slack_support_channel_ids == frozenset({"C1", "C2"})


def test_socket_mode_needs_an_app_token(tmp_path: Path) -> None:
    from integrations.slack.socket_mode import socket_mode_handler

    settings = Settings(_env_file=None, data_dir=tmp_path, slack_bot_token="xoxb-test")
    with pytest.raises(SlackNotConfigured, match="SLACK_APP_TOKEN"):
        socket_mode_handler(advisor=SimpleNamespace(settings=settings), triage_store=None)  # type: ignore[arg-type]
