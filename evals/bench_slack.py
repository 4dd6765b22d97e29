"""Slack HTTP-mode latency: signed ``app_mention`` events to the real serve app, Web API mocked.

The serve app (``cluster-advisor serve``, Slack configured) runs in its own process on a free
loopback port, as in production; ``SLACK_API_URL`` points at a small recording Web API server on loopback (the
mock the tests use, :mod:`evals.slack_web_api`). Measured per event: time from sending the signed request
to the HTTP ack, and to the placeholder ``chat.postMessage`` reaching the mock (the first message a
user sees).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

import httpx
from pydantic import SecretStr

from corpus.settings import Settings
from evals.slack_web_api import BOT_USER_ID, TEAM_ID

logger = logging.getLogger(__name__)

CHANNEL = "CBENCH001"
SIGNING_SECRET = "bench-signing-secret-0123456789"
QUESTIONS = (
    "Which funding calls for SMEs close in the next two months?",
    "Find clusters in Spain working on renewable energy",
    "What is the cluster policy on internationalisation?",
    "Is there an open call on circular economy?",
    "Partners for a hydrogen project in Germany?",
)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve_app(settings: Settings, *, start_timeout_s: float = 180.0) -> Iterator[ServedApp]:
    """``cluster-advisor serve`` in its own process on a free loopback port, as an operator runs it.

    A separate process keeps the benchmark's client off the server's interpreter (one GIL each),
    so the figures are the server's. Settings reach it as environment variables.
    """
    port = _free_port()
    env = {**os.environ, **settings_env(settings), "CLUSTER_ADVISOR_PORT": str(port)}
    command = [sys.executable, "-m", "integrations.cli.main", "serve", "--host", "127.0.0.1"]
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed below, after the process
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base_url, process, timeout_s=start_timeout_s, log_tail=_file_tail(log))
        yield ServedApp(base_url=base_url, pid=process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@dataclass(frozen=True)
class ServedApp:
    """A running serve process."""

    base_url: str
    pid: int


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment variables that give a child process ``settings`` (secrets included)."""
    env: dict[str, str] = {}
    for name, field_info in type(settings).model_fields.items():
        value = getattr(settings, name)
        if field_info.alias is None or value is None:
            continue
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        env[field_info.alias] = (
            json.dumps(value) if isinstance(value, dict | list) else value.isoformat()
            if hasattr(value, "isoformat") else str(value)
        )  # fmt: skip
    return env


class ServeNotReady(RuntimeError):
    """A ``serve`` process exited, or did not answer ``/readyz`` in time (the message has its log tail)."""


def wait_ready(
    base_url: str, process: subprocess.Popen[Any], *, timeout_s: float, log_tail: Callable[[], str] = str
) -> None:
    """Wait until the ``serve`` process at ``base_url`` answers ``GET /readyz`` with 200.

    The one ready-polling loop: the benchmarks and the tests that start ``serve`` (or uvicorn
    workers) in their own process use it.

    Args:
        base_url: ``http://127.0.0.1:PORT``.
        process: The server process (an exit ends the wait at once).
        timeout_s: How long start-up (index checks, model loading) may take.
        log_tail: The end of the server's log, for the error message.

    Raises:
        ServeNotReady: The process exited, or was not ready within ``timeout_s``.
    """
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServeNotReady(f"the serve process exited with {process.returncode}:\n{log_tail()[-3000:]}")
        try:
            if httpx.get(f"{base_url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise ServeNotReady(f"the serve process was not ready within {timeout_s:.0f} s:\n{log_tail()[-3000:]}")


def _file_tail(log: IO[bytes]) -> Callable[[], str]:
    def tail() -> str:
        log.seek(0)
        return log.read().decode("utf-8", "replace")

    return tail


def bench_settings(settings: Settings, *, api_url: str) -> Settings:
    """``settings`` with Slack configured against ``api_url`` (support channels and routing kept)."""
    return settings.model_copy(
        update={
            "slack_bot_token": SecretStr("xoxb-bench-token"),
            "slack_signing_secret": SecretStr(SIGNING_SECRET),
            "slack_api_url": api_url,
        }
    )


def sign(secret: str, *, timestamp: str, body: str) -> str:
    """Slack's v0 request signature: ``v0=`` + HMAC-SHA256 of ``v0:{timestamp}:{body}``."""
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed_mention(event_no: int, *, run: str, text: str | None = None) -> tuple[bytes, dict[str, str]]:
    """A signed ``app_mention`` delivery (body, headers): message ts ``1900000000.{event_no}``,
    event id ``EvBench{run}{event_no}``, asking ``text`` (default: one of :data:`QUESTIONS`)."""
    ts = f"1900000000.{event_no:06d}"
    text = text or QUESTIONS[event_no % len(QUESTIONS)]
    body = json.dumps({
        "token": "legacy", "team_id": TEAM_ID, "api_app_id": "A00000001", "type": "event_callback",
        "event_id": f"EvBench{run}{event_no:06d}", "event_time": int(time.time()),
        "event": {"type": "app_mention", "user": "UBENCH001", "text": f"<@{BOT_USER_ID}> {text}",
                  "ts": ts, "channel": CHANNEL, "event_ts": ts},
        "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
    })  # fmt: skip
    stamp = str(int(time.time()))
    signature = sign(SIGNING_SECRET, timestamp=stamp, body=body)
    headers = {"Content-Type": "application/json", "X-Slack-Request-Timestamp": stamp,
               "X-Slack-Signature": signature}  # fmt: skip
    return body.encode(), headers


async def _send_all(
    base_url: str, *, events: int, concurrency: int, first: int = 0
) -> list[tuple[str, float, float, int]]:
    """``(event ts, sent at, ack ms, status)`` of each event, ``concurrency`` clients at a time.

    The sender is aiohttp: it costs about 0.15 ms of CPU per request where httpx costs about 2 ms
    (measured on this machine), and on a 2-core box the sender's CPU is taken from the server it
    times. Slack's own senders are not on the server's machine.
    """
    # The [bench] extra installs aiohttp; importing it here keeps the CLI free of it.
    import aiohttp

    run = str(int(time.time()))
    gate = asyncio.Semaphore(concurrency)
    connector = aiohttp.TCPConnector(limit=concurrency)
    timeout = aiohttp.ClientTimeout(total=30.0)
    async with aiohttp.ClientSession(base_url=base_url, connector=connector, timeout=timeout) as client:

        async def one(number: int) -> tuple[str, float, float, int]:
            body, headers = signed_mention(number, run=run)
            async with gate:
                sent = time.perf_counter()
                async with client.post("/slack/events", data=body, headers=headers) as response:
                    await response.read()
                    return (
                        f"1900000000.{number:06d}",
                        sent,
                        (time.perf_counter() - sent) * 1000,
                        response.status,
                    )

        return list(await asyncio.gather(*(one(n) for n in range(first, first + events))))


def percentiles(values: Sequence[float]) -> dict[str, float]:
    """p50, p95, p99 and max of ``values`` in the same unit (nearest-rank; empty -> {})."""
    if not values:
        return {}
    ordered = sorted(values)

    def rank(q: float) -> float:
        return ordered[min(len(ordered) - 1, max(0, int(q * len(ordered) + 0.999999) - 1))]

    return {"p50": round(rank(0.50), 1), "p95": round(rank(0.95), 1), "p99": round(rank(0.99), 1),
            "max": round(ordered[-1], 1), "mean": round(statistics.fmean(ordered), 1)}  # fmt: skip


WARM_UP_EVENTS = 4
"""Events answered before timing starts (the answer workers open their indexes on the first)."""


@dataclass(frozen=True)
class WebApiProcess:
    """The loopback Slack Web API running in its own process."""

    url: str

    def state(self) -> dict[str, Any]:
        """Arrival time of each thread's first message (``perf_counter``, system-wide), and counts."""
        state: dict[str, Any] = httpx.get(f"{self.url}_state", timeout=10).json()
        return state


@contextmanager
def web_api_process() -> Iterator[WebApiProcess]:
    """Run :mod:`evals.slack_web_api` in a child process for the duration of the block."""
    process = subprocess.Popen(
        [sys.executable, "-m", "evals.slack_web_api"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        yield WebApiProcess(url=process.stdout.readline().strip())
    finally:
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()  # the mock stops when its stdin closes
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _settled(
    api: WebApiProcess, *, done: Callable[[dict[str, Any]], bool], timeout_s: float
) -> dict[str, Any]:
    deadline = time.monotonic() + timeout_s
    state = api.state()
    while not done(state) and time.monotonic() < deadline:
        time.sleep(0.2)
        state = api.state()
    return state


def bench_slack_events(
    *, settings: Settings, events: int, concurrency: int, settle_timeout_s: float = 180.0
) -> dict[str, Any]:
    """Serve the app with Slack configured, send ``events`` signed mentions, time ack and placeholder.

    Args:
        settings: Settings of an ingested data dir (Slack settings are replaced for the run).
        events: Number of ``app_mention`` events.
        concurrency: Clients sending at the same time.
        settle_timeout_s: How long to wait for the placeholders and for the answers to finish.

    Returns:
        ``ack_ms`` and ``first_message_ms`` percentiles, status counts and missing placeholders.
    """
    with web_api_process() as api:
        configured = bench_settings(settings, api_url=api.url)
        with serve_app(configured) as served:
            base_url = served.base_url
            asyncio.run(_send_all(base_url, events=WARM_UP_EVENTS, concurrency=1, first=900_000))
            warm = _settled(api, done=lambda s: s["updates"] >= WARM_UP_EVENTS, timeout_s=settle_timeout_s)
            started = time.perf_counter()
            sent = asyncio.run(_send_all(base_url, events=events, concurrency=concurrency))
            wall_s = time.perf_counter() - started
            state = _settled(
                api,
                done=lambda s: (
                    all(ts in s["posted_at"] for ts, *_ in sent)
                    and time.perf_counter() - s["last_call_at"] > 2.0
                ),
                timeout_s=settle_timeout_s,
            )
        posted_at: dict[str, float] = state["posted_at"]
        first = [(posted_at[ts] - at) * 1000 for ts, at, _, _ in sent if ts in posted_at]
        statuses: dict[str, int] = {}
        for *_, status in sent:
            statuses[str(status)] = statuses.get(str(status), 0) + 1
        return {
            "events": events,
            "concurrency": concurrency,
            "send_wall_s": round(wall_s, 2),
            "http_status": statuses,
            "ack_ms": percentiles([ack for _, _, ack, _ in sent]),
            "first_message_ms": percentiles(first),
            "missing_first_message": len(sent) - len(first),
            "web_api_calls": state["calls"] - warm["calls"],
        }
