"""The load generator's workload: closed-loop virtual users sending a weighted mix of real requests.

Each virtual user loops until the step ends: pick an endpoint by weight, send one request, wait
for the answer, record it, think (no think time by default; else a random exponential pause of
mean ``think_s``), repeat. A *closed* loop: the offered load is bounded by the number of users.
Without think time, by Little's law, latency grows with the number of users once the server is
saturated (mean latency ≈ users / throughput). Requests are realistic:

- ``search``: ``GET /v1/search`` with a question of ``evals/datasets/retrieval.jsonl`` and its
  own filters, judged on the eval day;
- ``ask``: ``POST /v1/ask`` with the turns of a case of ``evals/datasets/answers.jsonl``; a
  follow-up turn continues the conversation the first turn opened;
- ``slack``: a signed ``app_mention`` event posted to ``/slack/events`` (the answer is computed
  after the ack, by the server's Slack workers, and goes to the recording Web API).

A request fails when it raises (timeout, refused connection) or answers with a non-2xx status.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from evals.answers_eval import load_cases
from evals.bench_slack import CHANNEL, SIGNING_SECRET, sign
from evals.retrieval_eval import DEFAULT_EVAL_TODAY, load_questions
from evals.slack_web_api import BOT_USER_ID, TEAM_ID

if TYPE_CHECKING:
    import aiohttp

THINK_MS = 1000.0
"""Default mean pause of a user between requests: people read an answer before the next question."""

ENDPOINTS = ("search", "ask", "slack")
DEFAULT_MIX: Mapping[str, float] = {"search": 0.45, "ask": 0.35, "slack": 0.20}


@dataclass(frozen=True, slots=True)
class Sample:
    """One request: which endpoint, when it started (s since the step began), how long, outcome."""

    endpoint: str
    started_s: float
    latency_ms: float
    status: int
    """HTTP status; 0 when no response came back."""
    error: str | None = None
    """The exception's class name when the request raised."""

    @property
    def ok(self) -> bool:
        """Whether the request succeeded (a 2xx answer)."""
        return self.error is None and 200 <= self.status < 300


@dataclass(frozen=True)
class Workload:
    """What the virtual users send: search parameters, ask conversations, Slack texts, the mix."""

    searches: tuple[dict[str, str], ...]
    conversations: tuple[tuple[str, tuple[str, ...]], ...]
    """``(today, turns)`` of each ask case."""
    slack_texts: tuple[str, ...]
    mix: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_MIX))
    think_s: float = 0.0
    """Mean pause of a user between two requests (exponentially distributed); 0 for none."""


def default_workload(mix: Mapping[str, float] | None = None, *, think_s: float = 0.0) -> Workload:
    """The bundled eval questions as a workload, with ``mix`` (default 45/35/20 search/ask/slack).

    Raises:
        ValueError: An unknown endpoint in ``mix``, a negative weight, all weights zero, or a
            negative think time.
    """
    if think_s < 0:
        raise ValueError("think time must be >= 0")
    chosen = dict(mix or DEFAULT_MIX)
    if unknown := set(chosen) - set(ENDPOINTS):
        raise ValueError(f"unknown endpoint(s) in the mix: {', '.join(sorted(unknown))}")
    if any(weight < 0 for weight in chosen.values()) or sum(chosen.values()) <= 0:
        raise ValueError("mix weights must be >= 0 and not all zero")
    searches = []
    for question in load_questions():
        params = {"q": question.question, "k": "10"}
        params["today"] = (question.today or DEFAULT_EVAL_TODAY).isoformat()
        params.update(question.filters.model_dump(exclude_none=True))
        searches.append(params)
    cases = load_cases()
    conversations = tuple((case.today.isoformat(), case.turns) for case in cases)
    slack_texts = tuple(case.turns[0] for case in cases)
    return Workload(tuple(searches), conversations, slack_texts, chosen, think_s)


def parse_mix(text: str) -> dict[str, float]:
    """``"search=45,ask=35,slack=20"`` → weights by endpoint.

    Raises:
        ValueError: A part is not ``endpoint=number``.
    """
    mix: dict[str, float] = {}
    for part in filter(None, (piece.strip() for piece in text.split(","))):
        name, sep, weight = part.partition("=")
        if not sep:
            raise ValueError(f"mix part {part!r} is not endpoint=weight")
        mix[name.strip()] = float(weight)
    return mix


class SlackEvents:
    """Signed ``app_mention`` events with ids and timestamps unique to this run."""

    def __init__(self) -> None:
        self._run = uuid.uuid4().hex[:10]
        self._numbers = itertools.count(1)
        self.sent = 0
        self.acked = 0
        """Events the server acknowledged (2xx): each should lead to a posted message."""

    def next(self, text: str) -> tuple[bytes, dict[str, str]]:
        """The body and headers of the next event mentioning the bot with ``text``."""
        number = next(self._numbers)
        self.sent += 1
        ts = f"{1950000000 + number // 1_000_000}.{number % 1_000_000:06d}"
        body = json.dumps({
            "token": "legacy", "team_id": TEAM_ID, "api_app_id": "A00000001", "type": "event_callback",
            "event_id": f"EvLoad{self._run}{number:08d}", "event_time": int(time.time()),
            "event": {"type": "app_mention", "user": "ULOAD0001", "text": f"<@{BOT_USER_ID}> {text}",
                      "ts": ts, "channel": CHANNEL, "event_ts": ts},
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
        })  # fmt: skip
        stamp = str(int(time.time()))
        headers = {"Content-Type": "application/json", "X-Slack-Request-Timestamp": stamp,
                   "X-Slack-Signature": sign(SIGNING_SECRET, timestamp=stamp, body=body)}  # fmt: skip
        return body.encode(), headers


@dataclass
class _User:
    rng: random.Random
    turns: list[str] = field(default_factory=list)
    today: str = ""
    conversation: str | None = None


async def _send(
    endpoint: str, client: aiohttp.ClientSession, workload: Workload, user: _User, slack: SlackEvents
) -> int:
    if endpoint == "search":
        async with client.get("/v1/search", params=user.rng.choice(workload.searches)) as response:
            await response.read()
            return response.status
    if endpoint == "ask":
        if not user.turns:
            user.today, turns = user.rng.choice(workload.conversations)
            user.turns, user.conversation = list(turns), None
        body: dict[str, Any] = {"question": user.turns.pop(0), "today": user.today}
        if user.conversation is not None:
            body["conversation_id"] = user.conversation
        async with client.post("/v1/ask", json=body) as response:
            payload = await response.read()
            if response.status == 200:
                user.conversation = json.loads(payload).get("conversation_id")
            else:
                user.turns = []
            return response.status
    content, headers = slack.next(user.rng.choice(workload.slack_texts))
    async with client.post("/slack/events", data=content, headers=headers) as response:
        await response.read()
        if 200 <= response.status < 300:
            slack.acked += 1
        return response.status


async def run_users(
    *,
    base_url: str,
    workload: Workload,
    concurrency: int,
    duration_s: float,
    slack: SlackEvents,
    seed: int = 0,
    timeout_s: float = 30.0,
    on_second: Callable[[], None] | None = None,
) -> tuple[list[Sample], float]:
    """Run ``concurrency`` closed-loop users for ``duration_s``; requests in flight at the end finish.

    Returns:
        Every request's sample, and the wall-clock seconds from the start to the last answer.
    """
    names = [name for name in ENDPOINTS if workload.mix.get(name, 0) > 0]
    weights = [workload.mix[name] for name in names]
    # The [bench] extra installs aiohttp; importing it here keeps the CLI free of it.
    import aiohttp

    samples: list[Sample] = []
    # aiohttp: ~0.15 ms of CPU per request where httpx took ~2 ms (bench_slack measured it); the
    # client shares the machine with the server it measures.
    connector = aiohttp.TCPConnector(limit=concurrency)
    timeout = aiohttp.ClientTimeout(total=timeout_s)
    async with aiohttp.ClientSession(base_url=base_url, connector=connector, timeout=timeout) as client:
        start = time.perf_counter()
        stop_at = start + duration_s

        async def user_loop(user: _User) -> None:
            while time.perf_counter() < stop_at:
                endpoint = user.rng.choices(names, weights)[0]
                sent = time.perf_counter()
                status, error = 0, None
                try:
                    status = await _send(endpoint, client, workload, user, slack)
                except (aiohttp.ClientError, TimeoutError) as exc:
                    error = type(exc).__name__
                latency = (time.perf_counter() - sent) * 1000
                samples.append(Sample(endpoint, sent - start, latency, status, error))
                if workload.think_s > 0:
                    pause = user.rng.expovariate(1 / workload.think_s)
                    await asyncio.sleep(max(0.0, min(pause, stop_at - time.perf_counter())))

        async def ticker() -> None:
            while on_second is not None and time.perf_counter() < stop_at:
                await asyncio.sleep(1.0)
                on_second()

        users = [_User(random.Random(seed * 100_003 + number)) for number in range(concurrency)]
        await asyncio.gather(ticker(), *(user_loop(user) for user in users))
        wall_s = time.perf_counter() - start
    return samples, wall_s
