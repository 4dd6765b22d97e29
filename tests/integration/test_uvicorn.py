"""The API through a real ``cluster-advisor serve`` (uvicorn) process on a free loopback port."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from corpus.ingest import IngestSource, ingest_sources
from corpus.settings import Settings
from corpus.store import RecordStore
from evals.bench_slack import wait_ready
from retrieval.embeddings import OnnxMiniLMEmbedder
from retrieval.index import SearchIndex
from tests.assistant.factories import TODAY, corpus_records

pytestmark = pytest.mark.integration

KEY = "integration-test-key"
# Runs the real CLI with the serve command registered (whether or not main.py registers it yet).
_SERVE = (
    "from integrations.cli.main import app, run\n"
    "from integrations.cli import serve_cmd\n"
    "if not any(c.name == 'serve' for c in app.registered_commands): serve_cmd.register(app)\n"
    "run()\n"
)


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def ingest_test_corpus(data_dir: Path) -> None:
    """The assistant tests' corpus, ingested into ``data_dir`` and closed (the server is the writer)."""
    settings = Settings(_env_file=None, data_dir=data_dir)
    records = RecordStore.open(settings.records_db_url)
    index = SearchIndex.open(settings=settings, embedder=OnnxMiniLMEmbedder())
    ingest_sources(
        store=records, index=index, sources=[IngestSource(origin="tests", records=corpus_records())]
    )
    index.flush()
    index.close()
    records.close()


@dataclass
class Server:
    url: str
    log: Path
    pid: int


@contextmanager
def running_server(data_dir: Path, *, env: dict[str, str] | None = None) -> Iterator[Server]:
    """``cluster-advisor serve`` on a free port over ``data_dir``, ready when yielded."""
    port = free_port()
    log = data_dir / "server.log"
    environment = {
        **os.environ,
        "CLUSTER_ADVISOR_DATA_DIR": str(data_dir),
        "CLUSTER_ADVISOR_TODAY": TODAY.isoformat(),
        "CLUSTER_ADVISOR_LOG_LEVEL": "info",
        "ANONYMIZED_TELEMETRY": "False",
        **(env or {}),
    }
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", _SERVE, "serve", "--port", str(port), "--workers", "1"],
            env=environment,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, process, timeout_s=90, log_tail=lambda: log.read_text(errors="replace"))
        yield Server(url=url, log=log, pid=process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:  # pragma: no cover - uvicorn stops on SIGTERM
            process.kill()
            process.wait()


def request(
    method: str, url: str, body: dict[str, Any] | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    """One HTTP request with the standard library: status, headers, body (errors included)."""
    data = json.dumps(body).encode() if body is not None else None
    wanted = {"Content-Type": "application/json", **(headers or {})}
    req = urllib.request.Request(url, data=data, method=method, headers=wanted)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data_dir = tmp_path_factory.mktemp("uvicorn")
    ingest_test_corpus(data_dir)
    with running_server(data_dir, env={"CLUSTER_ADVISOR_API_KEYS": KEY}) as running:
        yield running


AUTH = {"Authorization": f"Bearer {KEY}"}


def test_start_up_says_where_it_listens_and_never_logs_the_key(server: Server) -> None:
    status, _, body = request("GET", f"{server.url}/healthz")
    assert status == 200 and json.loads(body)["status"] == "ok"
    log = server.log.read_text()
    assert "loopback only" in log
    assert "start-up heap frozen" in log  # no full-collection pauses while serving
    assert KEY not in log


def test_ask_over_http_with_a_key(server: Server) -> None:
    question = {"question": "Which open calls fund cluster internationalisation?"}
    status, _, _ = request("POST", f"{server.url}/v1/ask", question)
    assert status == 401
    status, _, body = request("POST", f"{server.url}/v1/ask", question, AUTH)
    assert status == 200
    answer = json.loads(body)
    assert answer["grounded"] and answer["citations"] and answer["answer_id"]


def test_stream_over_http_arrives_as_events(server: Server) -> None:
    question = {"question": "Which open calls fund cluster internationalisation?"}
    status, headers, body = request("POST", f"{server.url}/v1/ask/stream", question, AUTH)
    assert status == 200 and headers["content-type"].startswith("text/event-stream")
    names = [
        line.removeprefix("event: ") for line in body.decode().splitlines() if line.startswith("event: ")
    ]
    assert names[0] == "delta" and names[-2:] == ["citations", "final"]


def test_calls_search_and_bad_requests_over_http(server: Server) -> None:
    status, _, body = request("GET", f"{server.url}/v1/calls?status=open", headers=AUTH)
    assert status == 200 and json.loads(body)["total"] == 3
    status, _, body = request("GET", f"{server.url}/v1/search?q=battery&type=cluster&k=2", headers=AUTH)
    assert status == 200 and len(json.loads(body)["hits"]) == 2
    status, _, body = request("POST", f"{server.url}/v1/ask", {"question": 42}, AUTH)
    assert status == 422 and "question" in json.loads(body)["detail"]
    status, _, body = request("POST", f"{server.url}/v1/ask", {"question": "x" * 100_000}, AUTH)
    assert status == 413
    status, _, body = request("GET", f"{server.url}/metrics")
    assert status == 200 and b"cluster_advisor_http_requests_total" in body


def test_forged_forwarded_for_headers_share_one_rate_limit_bucket(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """uvicorn's defaults trusted X-Forwarded-For from loopback: each forged address was a fresh bucket."""
    data_dir = tmp_path_factory.mktemp("uvicorn-xff")
    ingest_test_corpus(data_dir)
    with running_server(data_dir, env={"CLUSTER_ADVISOR_RATE_LIMIT": "2"}) as running:
        statuses = [
            request("GET", f"{running.url}/v1/calls?limit=1", headers={"X-Forwarded-For": f"203.0.113.{n}"})[
                0
            ]
            for n in range(4)
        ]
    assert statuses == [200, 200, 429, 429]
