"""Slack answers computed in answer-worker processes: each opens its own services from the settings."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from corpus.settings import Settings
from integrations.slack import blocks
from integrations.slack.background import WORKER_NICENESS, ProcessWork, background_work
from integrations.slack.client import web_client
from integrations.slack.jobs import AnswerJob, ThreadLink
from integrations.slack.store import SlackStore
from tests.assistant.factories import TODAY, Corpus
from tests.fakes.slack_web_api import MockSlackApi, mock_slack_api
from tests.slack.conftest import SIGNING_SECRET


@pytest.fixture
def worker_settings(slack_corpus: Corpus, tmp_path: Path) -> Iterator[tuple[Settings, MockSlackApi]]:
    """Settings a worker can open: the ingested test corpus, stores in a fresh dir, the mock Web API."""
    data_dir = tmp_path / "data"  # a copy: the worker writes conversations and thread links there
    shutil.copytree(slack_corpus.settings.data_dir, data_dir)
    with mock_slack_api() as api:
        yield (
            Settings(
                _env_file=None,
                data_dir=data_dir,
                today_override=TODAY,
                slack_bot_token="xoxb-test-token",
                slack_signing_secret=SIGNING_SECRET,
                slack_api_url=api.url,
                slack_update_interval_s=0.0,
            ),
            api,
        )


def _final_answer(api: MockSlackApi, ts: str, *, timeout: float = 120.0) -> str:
    """The blocks of the ``chat.update`` that put the finished answer (with its buttons) into ``ts``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for call in api.calls_of("chat.update"):
            if call.args.get("ts") == ts and blocks.ACTION_HELPFUL in str(call.args.get("blocks")):
                return str(call.args.get("blocks"))
        time.sleep(0.05)
    raise AssertionError(f"no finished answer in {ts}: {api.summary()}")


def _answer_job(api: MockSlackApi, settings: Settings, question: str) -> AnswerJob:
    client = web_client(settings)
    placeholder = client.chat_postMessage(channel="CGENERAL1", thread_ts="111.1", text="Looking…")
    link = ThreadLink(channel="CGENERAL1", thread_ts="111.1", user="UASKER001", question=question)
    return AnswerJob(
        channel="CGENERAL1", ts=str(placeholder["ts"]), question=question, conversation_id=None, link=link
    )


def test_answers_are_computed_in_a_lower_priority_worker_process(
    worker_settings: tuple[Settings, MockSlackApi],
) -> None:
    settings, api = worker_settings
    work = background_work(settings)
    assert isinstance(work, ProcessWork)
    try:
        job = _answer_job(api, settings, "Which calls support battery value chains?")
        work.submit(job)
        shown = _final_answer(api, job.ts)
        assert "Sources" in shown and blocks.ACTION_HELPFUL in shown
        workers = [p for p in psutil.Process().children(recursive=True) if p.pid != os.getpid()]
        assert any(p.nice() >= psutil.Process().nice() + WORKER_NICENESS for p in workers)
    finally:
        work.shutdown(wait=True)
    assert work.pending == 0
    store = SlackStore.from_settings(settings)
    try:  # the worker linked the thread to the conversation, in the shared store
        assert store.conversation_for(channel="CGENERAL1", thread_ts="111.1") is not None
    finally:
        store.close()


def test_a_killed_worker_is_replaced_and_the_next_answer_still_arrives(
    worker_settings: tuple[Settings, MockSlackApi],
) -> None:
    settings, api = worker_settings
    work = ProcessWork(settings=settings, workers=1)
    try:
        first = _answer_job(api, settings, "Open calls on hydrogen?")
        work.submit(first)
        _final_answer(api, first.ts)
        for child in psutil.Process().children(recursive=True):
            if child.nice() >= psutil.Process().nice() + WORKER_NICENESS:
                os.kill(child.pid, signal.SIGKILL)
                child.wait(timeout=10)
        second = _answer_job(api, settings, "Battery clusters in Central Europe?")
        work.submit(second)
        assert "Sources" in _final_answer(api, second.ts)
    finally:
        work.shutdown(wait=True)


def test_answer_workers_end_when_the_serving_process_is_killed(
    worker_settings: tuple[Settings, MockSlackApi],
) -> None:
    settings, _api = worker_settings
    script = (
        "import time, psutil\n"
        "from corpus.settings import Settings\n"
        "from integrations.slack.background import ProcessWork\n"
        f"settings = Settings(_env_file=None, data_dir={str(settings.data_dir)!r})\n"
        "work = ProcessWork(settings=settings, workers=1)\n"
        "def workers():\n"
        "    return [c for c in psutil.Process().children() if 'spawn_main' in ' '.join(c.cmdline())]\n"
        "while not workers():\n"
        "    time.sleep(0.1)\n"
        "print(workers()[0].pid, flush=True)\n"
        "time.sleep(600)\n"
    )
    server = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        worker = psutil.Process(int(server.stdout.readline()))
        assert worker.is_running()
        # Killed at once, while the worker may still be starting (the case that left orphans).
        server.kill()  # kill -9: nobody shuts the pool down
        server.wait(timeout=60)
        gone, _alive = psutil.wait_procs([worker], timeout=60)  # returns as soon as it is gone
        assert gone, "the answer worker outlived the serving process"
    finally:
        server.kill()
        server.wait(timeout=60)
        if server.stdout is not None:
            server.stdout.close()


def test_an_answer_worker_ends_on_sigterm(worker_settings: tuple[Settings, MockSlackApi]) -> None:
    settings, _api = worker_settings
    work = ProcessWork(settings=settings, workers=1)
    try:
        deadline = time.monotonic() + 120
        while not (
            spawned := [c for c in psutil.Process().children() if "spawn_main" in " ".join(c.cmdline())]
        ):
            assert time.monotonic() < deadline, "no answer worker started"
            time.sleep(0.1)
        worker = spawned[0]
        worker.terminate()  # SIGTERM, at any point of its life: no handler holds the exit
        gone, _alive = psutil.wait_procs([worker], timeout=60)
        assert gone, "the answer worker ignored SIGTERM"
    finally:
        work.shutdown(wait=False)


def test_an_answer_worker_stuck_in_its_start_up_ends_with_the_serving_process(tmp_path: Path) -> None:
    """The worker opens its services from a database that accepts the connection and never answers:
    it hangs in start-up, where a watcher started after the services would never run."""
    silent = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    threading.Thread(target=lambda: accepted.append(silent.accept()[0]), daemon=True).start()
    url = f"postgresql+psycopg://advisor@127.0.0.1:{silent.getsockname()[1]}/advisor"
    script = (
        "import time\n"
        "from corpus.settings import Settings\n"
        "from integrations.slack.background import ProcessWork\n"
        f"settings = Settings(_env_file=None, data_dir={str(tmp_path)!r}, database_url={url!r})\n"
        "work = ProcessWork(settings=settings, workers=1)\n"
        "time.sleep(600)\n"
    )
    server = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 120
        while not accepted:  # the worker is now inside its start-up, waiting on the database
            assert time.monotonic() < deadline and server.poll() is None, (
                "the worker never reached the database"
            )
            time.sleep(0.1)
        (worker,) = [
            c for c in psutil.Process(server.pid).children() if "spawn_main" in " ".join(c.cmdline())
        ]
        server.kill()
        server.wait(timeout=60)
        gone, _alive = psutil.wait_procs([worker], timeout=60)
        assert gone, "the answer worker outlived the serving process"
    finally:
        server.kill()
        server.wait(timeout=60)
        for connection in accepted:
            connection.close()
        silent.close()
