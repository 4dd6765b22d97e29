"""Two real ``cluster-advisor serve`` workers sharing one PostgreSQL database and one Chroma server.

What the workers share goes through the database: Slack event de-duplication, conversations,
feedback and the triage log. Worker A is ``serve --workers 2`` (two processes on one port, uvicorn's
process manager) and worker B one more process on its own port, so a test decides which process
group gets which request.
"""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import psutil
import pytest
from slack_sdk.signature import SignatureVerifier
from typer.testing import CliRunner

from assistant.conversation import ConversationStore
from corpus.ingest import IngestSource, ingest_sources
from corpus.settings import Settings
from corpus.store import RecordStore
from integrations.cli.main import app as cli_app
from integrations.slack.store import SlackStore
from retrieval.embeddings import OnnxMiniLMEmbedder
from retrieval.index import SearchIndex
from tests.assistant.factories import TODAY, corpus_records
from tests.fakes.postgres import PostgresServer
from tests.fakes.slack_web_api import BOT_USER_ID, TEAM_ID, MockSlackApi, mock_slack_api
from tests.scaleout.serving import Served, start_serve, stop_served, wait_served

pytestmark = pytest.mark.integration

SIGNING_SECRET = "scale-out-signing-secret-0123456789"
SUPPORT_CHANNEL = "CSUPPORT1"
QUESTION = "Which open calls fund cluster internationalisation?"
REQUEST = "Hi, we want to apply to SMP-COSME-2026-CLUSTER-02 - what is the budget and who can apply?"


@dataclass
class Cluster:
    """The shared servers and the settings every worker gets."""

    env: dict[str, str]
    database_url: str
    api: MockSlackApi
    data_dir: Path


Worker = Served
"""A ``serve`` process of the cluster."""


def _environment(extra: dict[str, str]) -> dict[str, str]:
    """This process's environment without any Cluster Advisor, Slack or Chroma setting, plus ``extra``."""
    prefixes = ("CLUSTER_ADVISOR_", "SLACK_", "CHROMA_", "OPENAI_")
    return {k: v for k, v in os.environ.items() if not k.startswith(prefixes)} | extra


def _ingest(settings: Settings) -> None:
    """The assistant tests' corpus into PostgreSQL and the Chroma server (the BM25 files in the data dir)."""
    records = RecordStore.open(settings.records_db_url)
    index = SearchIndex.open(settings=settings, embedder=OnnxMiniLMEmbedder())
    try:
        ingest_sources(
            store=records, index=index, sources=[IngestSource(origin="tests", records=corpus_records())]
        )
    finally:
        index.close()
        records.close()


@pytest.fixture(scope="module")
def cluster(
    postgres: PostgresServer, chroma_server: tuple[str, int], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Cluster]:
    database_url = postgres.create_database("workers")
    data_dir = tmp_path_factory.mktemp("workers")
    host, port = chroma_server
    _ingest(
        Settings(
            _env_file=None, data_dir=data_dir, database_url=database_url, chroma_host=host, chroma_port=port
        )
    )
    with mock_slack_api() as api:
        env = _environment(
            {
                "CLUSTER_ADVISOR_DATA_DIR": str(data_dir),
                "CLUSTER_ADVISOR_TODAY": TODAY.isoformat(),
                "CLUSTER_ADVISOR_DATABASE_URL": database_url,
                "CLUSTER_ADVISOR_LOG_LEVEL": "info",
                "CLUSTER_ADVISOR_WRITERS": "anyone",
                "CHROMA_HOST": host,
                "CHROMA_PORT": str(port),
                "SLACK_BOT_TOKEN": "xoxb-test-token",
                "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                "SLACK_API_URL": api.url,
                "SLACK_SUPPORT_CHANNELS": SUPPORT_CHANNEL,
                "SLACK_TRIAGE_ROUTING": json.dumps({"default": "UTRIAGE01"}),
                "SLACK_UPDATE_INTERVAL_S": "0",
                "ANONYMIZED_TELEMETRY": "False",
            }
        )
        yield Cluster(env=env, database_url=database_url, api=api, data_dir=data_dir)


def start_worker(cluster: Cluster, name: str, *args: str) -> Worker:
    """Start ``cluster-advisor serve`` with the cluster's settings on a free port (not yet ready)."""
    return start_serve(cluster.env, cluster.data_dir / f"{name}.log", *args)


def wait_ready(worker: Worker) -> None:
    """Wait until ``/readyz`` answers 200 (the worker opened the shared stores and the index)."""
    wait_served(worker, timeout_s=120)


stop = stop_served


@pytest.fixture(scope="module")
def workers(cluster: Cluster) -> Iterator[tuple[Worker, Worker]]:
    """Worker A (``serve --workers 2``: two processes on one port) and worker B (one more process, on
    another port): three processes, one database, one Chroma server."""
    a = start_worker(cluster, "worker-a", "--workers", "2")
    b = start_worker(cluster, "worker-b", "--workers", "1")
    try:
        wait_ready(a)
        wait_ready(b)
        yield a, b
    finally:
        stop(a, b)


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
    """POST ``body``; the status and body (HTTP errors included)."""
    request = urllib.request.Request(url, data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def post_json(url: str, payload: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    status, body = post(url, json.dumps(payload).encode(), {"Content-Type": "application/json"})
    return status, json.loads(body)


def signed(body: str, content_type: str, **extra: str) -> dict[str, str]:
    """Headers Slack sends: the v0 HMAC-SHA256 signature of ``body`` with the signing secret."""
    ts = str(int(time.time()))
    signature = SignatureVerifier(SIGNING_SECRET).generate_signature(timestamp=ts, body=body)
    assert signature is not None
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": signature,
        **extra,
    }


def event_body(event: dict[str, Any], *, event_id: str) -> str:
    return json.dumps(
        {
            "token": "legacy",
            "team_id": TEAM_ID,
            "api_app_id": "A00000001",
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
        }
    )


def mention(text: str, *, ts: str, channel: str = "CGENERAL1") -> dict[str, Any]:
    return {"type": "app_mention", "user": "UASKER001", "text": f"<@{BOT_USER_ID}> {text}", "ts": ts,
            "channel": channel, "event_ts": ts}  # fmt: skip


def deliver_to_all(urls: list[str], body: str, *, retry_from: int = 1) -> list[int]:
    """Deliver one event to every URL at the same moment (later ones marked as Slack's retries)."""
    start = threading.Barrier(len(urls))
    statuses: list[int] = [0] * len(urls)

    def send(n: int) -> None:
        extra = (
            {"X-Slack-Retry-Num": str(n), "X-Slack-Retry-Reason": "http_timeout"} if n >= retry_from else {}
        )
        headers = signed(body, "application/json", **extra)
        start.wait()
        statuses[n] = post(f"{urls[n]}/slack/events", body.encode(), headers)[0]

    threads = [threading.Thread(target=send, args=(n,)) for n in range(len(urls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return statuses


def answers_in_thread(api: MockSlackApi, thread_ts: str, *, settle_s: float = 1.5) -> int:
    """The answers posted in a thread: wait for the first, then long enough for any duplicate."""
    api.wait_for("chat.postMessage", thread_ts=thread_ts, timeout=30)
    time.sleep(settle_s)
    return len([c for c in api.calls_of("chat.postMessage") if c.args.get("thread_ts") == thread_ts])


def test_the_same_slack_event_on_both_workers_gets_one_answer(
    workers: tuple[Worker, Worker], cluster: Cluster
) -> None:
    a, b = workers
    body = event_body(mention(QUESTION, ts="1716000000.000100"), event_id="EvBOTHWORKERS1")
    assert deliver_to_all([a.url, b.url], body, retry_from=2) == [200, 200]
    assert answers_in_thread(cluster.api, "1716000000.000100") == 1

    # A retry (X-Slack-Retry-Num) of an answered event, on either worker, answers nothing more.
    body = event_body(mention(QUESTION, ts="1716000000.000200"), event_id="EvBOTHWORKERS2")
    assert deliver_to_all([a.url, b.url, a.url, b.url], body) == [200, 200, 200, 200]
    assert answers_in_thread(cluster.api, "1716000000.000200") == 1


def test_conversation_and_feedback_cross_workers(workers: tuple[Worker, Worker], cluster: Cluster) -> None:
    a, b = workers
    status, first = post_json(f"{a.url}/v1/ask", {"question": QUESTION})
    assert status == 200, first
    status, second = post_json(
        f"{b.url}/v1/ask",
        {"question": "When does the first one close?", "conversation_id": first["conversation_id"]},
    )
    assert status == 200, second
    assert second["conversation_id"] == first["conversation_id"]

    status, verdict = post_json(
        f"{b.url}/v1/feedback", {"answer_id": first["answer_id"], "helpful": False, "comment": "from B"}
    )
    assert status == 201, verdict
    status, verdict = post_json(f"{a.url}/v1/feedback", {"answer_id": second["answer_id"], "helpful": True})
    assert status == 201, verdict

    store = ConversationStore.open(cluster.database_url)
    try:
        turns = store.history(first["conversation_id"])
        assert [t.role for t in turns] == ["user", "assistant", "user", "assistant"]
        assert [t.id for t in turns if t.role == "assistant"] == [first["answer_id"], second["answer_id"]]
        assert [(f.helpful, f.comment) for f in store.feedback_for(first["answer_id"])] == [(False, "from B")]
        assert [f.helpful for f in store.feedback_for(second["answer_id"])] == [True]
    finally:
        store.close()


def test_triage_from_one_worker_is_resolved_on_the_other(
    workers: tuple[Worker, Worker], cluster: Cluster
) -> None:
    a, b = workers
    request_ts = "1716000001.000100"
    message = {"type": "message", "user": "UMEMBER01", "text": REQUEST, "ts": request_ts,
               "channel": SUPPORT_CHANNEL, "event_ts": request_ts, "channel_type": "channel"}  # fmt: skip
    body = event_body(message, event_id="EvTRIAGE0001")
    assert post(f"{a.url}/slack/events", body.encode(), signed(body, "application/json"))[0] == 200
    # Generous bounds: the card comes from an answer worker that may still be starting on a busy machine.
    card = cluster.api.wait_for(
        "chat.postMessage", channel=SUPPORT_CHANNEL, thread_ts=request_ts, timeout=180
    )[0]

    payload = {
        "type": "block_actions",
        "user": {"id": "USTAFF001"},
        "team": {"id": TEAM_ID},
        "channel": {"id": SUPPORT_CHANNEL},
        "message": {"ts": card.result["ts"], "thread_ts": request_ts, "text": card.args["text"],
                    "blocks": card.args["blocks"]},
        "actions": [{"action_id": "triage_resolve", "value": "x", "type": "button"}],
        "trigger_id": "1.2.3",
        "api_app_id": "A00000001",
    }  # fmt: skip
    form = urlencode({"payload": json.dumps(payload)})
    assert (
        post(f"{b.url}/slack/events", form.encode(), signed(form, "application/x-www-form-urlencoded"))[0]
        == 200
    )
    cluster.api.wait_for("reactions.add", name="white_check_mark", timestamp=request_ts, timeout=180)

    store = SlackStore.open(cluster.database_url)
    try:
        deadline = time.monotonic() + 180
        while (
            (logged := store.triage_event(channel=SUPPORT_CHANNEL, message_ts=request_ts)) is None
            or logged.resolved_at is None
        ) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert logged is not None, "the triage card was never logged"
        assert logged.resolved_at is not None and logged.first_response_at is not None
    finally:
        store.close()

    report = CliRunner().invoke(cli_app, ["triage", "report", "--json"], env=cluster.env)
    assert report.exit_code == 0, report.output
    summary = json.loads(report.stdout)
    assert summary["total"] == 1 and summary["resolved"] == 1


def test_a_document_uploaded_on_one_worker_is_found_on_the_other(workers: tuple[Worker, Worker]) -> None:
    a, b = workers
    note = b"# Tidal energy\n\nThe Orkney tidal turbines cluster tests marine energy converters at sea.\n"
    uploaded = httpx.post(
        f"{a.url}/v1/documents", files={"file": ("tidal.md", note, "text/markdown")}, timeout=60
    )
    assert uploaded.status_code == 201, uploaded.text
    doc_id = uploaded.json()["documents"][0]["doc_id"]

    hits = httpx.get(f"{b.url}/v1/search", params={"q": "Orkney tidal turbines"}, timeout=30).json()["hits"]
    assert hits[0]["doc_id"] == doc_id
    assert httpx.get(f"{b.url}/readyz", timeout=30).status_code == 200  # B's BM25 and the vectors agree

    assert httpx.delete(f"{b.url}/v1/documents/{doc_id}", timeout=60).status_code == 204
    hits = httpx.get(f"{a.url}/v1/search", params={"q": "Orkney tidal turbines"}, timeout=30).json()["hits"]
    assert doc_id not in {hit["doc_id"] for hit in hits}
    assert httpx.get(f"{a.url}/readyz", timeout=30).status_code == 200


def test_serve_workers_flag_runs_processes_on_one_port(
    workers: tuple[Worker, Worker], cluster: Cluster
) -> None:
    a, _ = workers
    assert len(_worker_processes(a.process.pid)) == 2
    body = event_body(mention(QUESTION, ts="1716000002.000100"), event_id="EvONEPORT0001")
    assert deliver_to_all([a.url] * 4, body) == [200] * 4
    assert answers_in_thread(cluster.api, "1716000002.000100") == 1
    for _ in range(4):  # any of A's processes answers, from the shared stores
        status, answer = post_json(f"{a.url}/v1/ask", {"question": QUESTION})
        assert status == 200 and answer["citations"]


def _worker_processes(pid: int) -> list[psutil.Process]:
    """uvicorn's worker processes under ``pid`` (multiprocessing also starts a resource tracker)."""
    return [child for child in psutil.Process(pid).children() if "spawn_main" in " ".join(child.cmdline())]
