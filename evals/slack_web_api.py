"""A real HTTP server on loopback playing Slack's Web API, recording every call the app makes.

The one Slack fake: the benchmarks run it (when did the first message arrive?) and the tests take it
from ``tests/fakes/slack_web_api.py`` (what did the app call?).

``WebClient(base_url=server.url)`` (or ``SLACK_API_URL``) points the app at it. Methods answer as
Slack does (``ok``, ``ts``, ``channel``); :meth:`MockSlackApi.rate_limit` makes the next calls of a
method answer ``429 ratelimited`` with ``Retry-After``. It also serves response URLs
(:meth:`MockSlackApi.response_url`, what a slash command or a button carries): each post to one is
recorded as a call of the method :data:`RESPONSE_URL_METHOD`, with ``path`` among its args.

By default it plays a workspace without the chat streaming methods (``chat.startStream``,
``chat.appendStream``, ``chat.stopStream`` answer ``unknown_method``, as Slack answers a method it
does not offer); :meth:`MockSlackApi.offer_streaming` makes them work, each stream kept as the
message it builds (:meth:`MockSlackApi.streamed_text`).
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

BOT_USER_ID = "UBOT00001"
BOT_ID = "BBOT00001"
TEAM_ID = "T00000001"
RESPONSE_URL_METHOD = "response_url"
"""The method name under which posts to a response URL are recorded."""
RESPONSE_URL_PREFIX = "/response/"
STREAM_METHODS = frozenset({"chat.startStream", "chat.appendStream", "chat.stopStream"})


@dataclass
class Call:
    """One Web API call: the method, its arguments (JSON or form) and the Authorization header."""

    method: str
    args: dict[str, Any]
    authorization: str | None
    status: int = 200
    result: dict[str, Any] = field(default_factory=dict)


@dataclass
class MockSlackApi:
    """The recorded state of the mock server."""

    url: str = ""
    calls: list[Call] = field(default_factory=list)
    posted_at: dict[str, float] = field(default_factory=dict)
    """``thread_ts`` -> ``time.perf_counter()`` when its first ``chat.postMessage`` arrived."""
    last_call_at: float = 0.0
    updates: int = 0
    """Successful ``chat.update`` calls (an answer replacing its placeholder makes one at least)."""
    streaming: bool = False
    """Whether the chat streaming methods exist here (see :meth:`offer_streaming`)."""
    missing: set[str] = field(default_factory=set)
    """Methods answered ``unknown_method`` (see :meth:`withdraw`)."""
    _streams: dict[str, str] = field(default_factory=dict)
    _refusing: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    _limited: dict[str, tuple[int, int]] = field(default_factory=dict)
    _failing: dict[str, tuple[int, int]] = field(default_factory=dict)
    _ts: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def rate_limit(self, method: str, *, times: int = 1, retry_after: int = 1) -> None:
        """The next ``times`` calls of ``method`` answer 429 ``ratelimited`` with ``Retry-After``."""
        with self._lock:
            self._limited[method] = (times, retry_after)

    def server_error(self, method: str, *, times: int = 1, status: int = 503) -> None:
        """The next ``times`` calls of ``method`` answer ``status`` (a Slack outage: 500, 502, 503)."""
        with self._lock:
            self._failing[method] = (times, status)

    def offer_streaming(self) -> None:
        """Serve ``chat.startStream`` / ``appendStream`` / ``stopStream`` from now on."""
        with self._lock:
            self.streaming = True

    def refuse(self, method: str, *, error: str, after: int = 0, times: int = 1) -> None:
        """After ``after`` more successful calls of ``method``, answer the next ``times`` with
        ``{"ok": false, "error": error}`` (HTTP 200, as Slack refuses a call)."""
        with self._lock:
            self._refusing[method] = (after, times, error)

    def withdraw(self, method: str) -> None:
        """Answer ``method`` with ``unknown_method`` from now on (a method this workspace lacks)."""
        with self._lock:
            self.missing.add(method)

    def streamed_text(self, ts: str) -> str:
        """The markdown streamed into the message ``ts`` so far."""
        with self._lock:
            return self._streams.get(ts, "")

    def response_url(self, name: str) -> str:
        """A response URL served here (``name`` tells the posts to it apart: ``args["path"]``)."""
        return self.url.removesuffix("/api/") + RESPONSE_URL_PREFIX + name

    def calls_of(self, method: str) -> list[Call]:
        """The successful calls of ``method`` so far, in order."""
        with self._lock:
            return [
                c for c in self.calls if c.method == method and c.status == 200 and "error" not in c.result
            ]

    def wait_for(self, method: str, *, count: int = 1, timeout: float = 20.0, **match: Any) -> list[Call]:
        """Wait until ``count`` successful calls of ``method`` (whose args include ``match``) were made."""
        deadline = time.monotonic() + timeout
        while True:
            found = [c for c in self.calls_of(method) if all(c.args.get(k) == v for k, v in match.items())]
            if len(found) >= count or time.monotonic() > deadline:
                assert len(found) >= count, f"{method}: {len(found)} calls of {count}; all: {self.summary()}"
                return found
            time.sleep(0.02)

    def snapshot(self) -> dict[str, Any]:
        """What a benchmark in another process reads (``GET …/_state``): arrival times and counts."""
        with self._lock:
            return {"posted_at": dict(self.posted_at), "updates": self.updates, "calls": len(self.calls),
                    "last_call_at": self.last_call_at}  # fmt: skip

    def summary(self) -> list[str]:
        """``method status`` of every call, for assertion messages."""
        with self._lock:
            return [f"{call.method} {call.status}" for call in self.calls]

    def respond(
        self, method: str, args: dict[str, Any], authorization: str | None
    ) -> tuple[int, dict[str, Any]]:
        with self._lock:
            times, retry_after = self._limited.get(method, (0, 0))
            if times > 0:
                self._limited[method] = (times - 1, retry_after)
                self.calls.append(Call(method, args, authorization, status=429))
                return 429, {"ok": False, "error": "ratelimited", "retry_after": retry_after}
            after, refusals, error = self._refusing.get(method, (0, 0, ""))
            if refusals > 0 and after > 0:
                self._refusing[method] = (after - 1, refusals, error)
            elif refusals > 0:
                self._refusing[method] = (0, refusals - 1, error)
                self.calls.append(Call(method, args, authorization, status=200, result={"error": error}))
                return 200, {"ok": False, "error": error}
            failures, status = self._failing.get(method, (0, 0))
            if failures > 0:
                self._failing[method] = (failures - 1, status)
                self.calls.append(Call(method, args, authorization, status=status))
                return status, {"ok": False, "error": "internal_error"}
            self._ts += 1
            ts = f"1700000000.{self._ts:06d}"
            self.calls.append(Call(method, args, authorization, result={"ts": ts}))
            self.last_call_at = time.perf_counter()
            self.updates += method == "chat.update"
            if method == "chat.postMessage" and isinstance(args.get("thread_ts"), str):
                self.posted_at.setdefault(args["thread_ts"], self.last_call_at)
        if not authorization or not authorization.startswith("Bearer xoxb-"):
            return 200, {"ok": False, "error": "not_authed"}
        if method in self.missing or (method in STREAM_METHODS and not self.streaming):
            return 200, {"ok": False, "error": "unknown_method"}
        if method in STREAM_METHODS:
            return 200, self._stream(method, args, ts)
        if method == "auth.test":
            return 200, {"ok": True, "user_id": BOT_USER_ID, "bot_id": BOT_ID, "team_id": TEAM_ID,
                         "user": "advisor", "team": "Test", "url": "https://test.slack.com/"}  # fmt: skip
        if method in {"chat.postMessage", "chat.update"}:
            channel = args.get("channel")
            return 200, {"ok": True, "channel": channel, "ts": args.get("ts") or ts,
                         "message": {"text": args.get("text"), "ts": args.get("ts") or ts}}  # fmt: skip
        if method == "chat.postEphemeral":
            return 200, {"ok": True, "message_ts": ts}
        if method == "conversations.replies":
            return 200, {"ok": True, "messages": [], "has_more": False}
        return 200, {"ok": True}

    def _stream(self, method: str, args: dict[str, Any], ts: str) -> dict[str, Any]:
        """A streaming method: the stream's text grows with each call's markdown text chunks."""
        stream_ts = ts if method == "chat.startStream" else str(args.get("ts") or "")
        with self._lock:
            if method != "chat.startStream" and stream_ts not in self._streams:
                return {"ok": False, "error": "message_not_found"}
            text = str(args.get("markdown_text") or "") + "".join(
                str(chunk.get("text") or "")
                for chunk in args.get("chunks") or []
                if chunk.get("type") == "markdown_text"
            )
            self._streams[stream_ts] = self._streams.get(stream_ts, "") + text
        return {"ok": True, "channel": args.get("channel"), "ts": stream_ts}


def _handler(state: MockSlackApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            body = json.dumps(state.snapshot() if self.path.endswith("/_state") else {}).encode()
            self.send_response(200 if self.path.endswith("/_state") else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            method = self.path.rstrip("/").rsplit("/", 1)[-1]
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
            if self.path.startswith(RESPONSE_URL_PREFIX):
                self._response_url(raw)
                return
            if "json" in (self.headers.get("Content-Type") or ""):
                args: dict[str, Any] = json.loads(raw or "{}")
            else:
                args = dict(parse_qsl(raw))
                for key in ("blocks", "view"):
                    if isinstance(args.get(key), str):
                        args[key] = json.loads(args[key])
            status, payload = state.respond(method, args, self.headers.get("Authorization"))
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            if status == 429:
                self.send_header("Retry-After", str(payload.get("retry_after", 1)))
            self.end_headers()
            self.wfile.write(body)

        def _response_url(self, raw: str) -> None:
            """A post to a response URL: Slack answers a plain ``ok`` (no token: the URL is the secret)."""
            args: dict[str, Any] = {**json.loads(raw or "{}"), "path": self.path}
            status, payload = state.respond(RESPONSE_URL_METHOD, args, "Bearer xoxb-response-url")
            body = b"ok" if status == 200 else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/plain" if status == 200 else "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            return

    return Handler


@contextmanager
def mock_slack_api() -> Iterator[MockSlackApi]:
    """Run the mock Web API on a free loopback port for the duration of the block."""
    state = MockSlackApi()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}/api/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main() -> None:
    """``python -m evals.slack_web_api``: serve on a free port, print the URL, stop when stdin closes.

    A benchmark runs it in its own process, so the mock's threads never share an interpreter
    with the client being timed.
    """
    with mock_slack_api() as api:
        print(api.url, flush=True)  # noqa: T201 - the parent reads the URL from stdout
        sys.stdin.read()


if __name__ == "__main__":
    main()
