"""``kill -9`` of ``serve`` with Slack answers still queued: the next ``serve`` answers every placeholder.

Slack got its acks and will not send those events again; only the job journal remembers them.
Answers are made slow (a local OpenAI-compatible server that waits) so that they are still queued
when the serving process is killed.
"""

from __future__ import annotations

import os
import signal
import time
import urllib.request
from pathlib import Path

import pytest

from evals.bench_slack import SIGNING_SECRET as BENCH_SIGNING_SECRET
from evals.bench_slack import signed_mention
from integrations.slack import blocks
from integrations.slack.store import SlackStore
from tests.fakes.openai_server import FakeOpenAIServer, Step
from tests.fakes.slack_web_api import MockSlackApi, mock_slack_api
from tests.integration.test_uvicorn import ingest_test_corpus, running_server

pytestmark = pytest.mark.integration

QUESTIONS = (
    "Which calls support battery value chains?",
    "Open calls on hydrogen?",
    "Partners for a circular economy project?",
    "What does the cluster policy say about internationalisation?",
)


def _send_mention(url: str, number: int) -> None:
    body, headers = signed_mention(number, run="Restart", text=QUESTIONS[number])
    request = urllib.request.Request(f"{url}/slack/events", data=body, method="POST", headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200


def _answered(api: MockSlackApi) -> set[str]:
    """Placeholder ts that received a finished answer (with its buttons)."""
    return {
        str(call.args.get("ts"))
        for call in api.calls_of("chat.update")
        if blocks.ACTION_HELPFUL in str(call.args.get("blocks"))
    }


def _wait_until_journaled(data_dir: Path, count: int, *, timeout: float = 30.0) -> None:
    store = SlackStore.open(f"sqlite:///{data_dir / 'slack.sqlite3'}")
    try:
        deadline = time.monotonic() + timeout
        while store.journaled_jobs() < count:
            assert time.monotonic() < deadline, f"{store.journaled_jobs()} of {count} jobs journaled"
            time.sleep(0.02)
    finally:
        store.close()


def test_answers_queued_when_serve_is_killed_are_posted_after_the_restart(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    ingest_test_corpus(data_dir)
    with FakeOpenAIServer() as llm, mock_slack_api() as api:
        llm.script(*[Step(delay_s=8.0)] * 2)  # the first answers hang until the kill
        env = {
            "SLACK_BOT_TOKEN": "xoxb-restart-test",
            "SLACK_SIGNING_SECRET": BENCH_SIGNING_SECRET,
            "SLACK_API_URL": api.url,
            "SLACK_UPDATE_INTERVAL_S": "0",
            "SLACK_JOB_LEASE_S": "1.5",
            "OPENAI_BASE_URL": llm.base_url,
            "OPENAI_API_KEY": "sk-restart-test",
        }
        with running_server(data_dir, env=env) as first:
            for number in range(len(QUESTIONS)):
                _send_mention(first.url, number)
            api.wait_for("chat.postMessage", count=len(QUESTIONS), timeout=30)
            placeholders = {str(call.result.get("ts")) for call in api.calls_of("chat.postMessage")}
            _wait_until_journaled(data_dir, len(QUESTIONS))  # each job is journaled after its placeholder
            os.kill(first.pid, signal.SIGKILL)
            unanswered_at_kill = placeholders - _answered(api)
        assert len(unanswered_at_kill) >= len(QUESTIONS) - 1  # the test kills with work queued

        time.sleep(2.5)  # the killed process's answer worker notices and exits
        with running_server(data_dir, env={**env, "CLUSTER_ADVISOR_LOG_LEVEL": "info"}) as second:
            deadline = time.monotonic() + 120
            while not placeholders <= _answered(api) and time.monotonic() < deadline:
                time.sleep(0.2)
            log = second.log.read_text(errors="replace")
            assert placeholders <= _answered(api), f"{api.summary()}\n{log[-3000:]}"
        assert "resuming a Slack answer left unfinished by a stopped process" in log
    store = SlackStore.open(f"sqlite:///{data_dir / 'slack.sqlite3'}")
    try:
        assert store.journaled_jobs() == 0  # every resumed job was forgotten once it had run
    finally:
        store.close()
