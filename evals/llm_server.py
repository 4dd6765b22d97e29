"""A real HTTP server on loopback speaking OpenAI's chat-completions protocol: the one local model server.

LLM-mode evals run it with a deterministic responder (:func:`evals.extract_and_cite.extract_and_cite`,
or the red-team's :func:`evals.gullible_llm.gullible_reply`); the tests use the same server through
``tests/fakes/openai_server.py``. Reached by the real ``openai`` client (``base_url=server.base_url``),
it records every request and answers as programmed:

- a responder computing the reply from the messages (``reply_with("text")``, ``respond_with(fn)``);
- a queue of scripted :class:`Step` s consumed one per request (status codes, delays, raw bodies);
- ``reject_params``: request-body keys answered with OpenAI's 400 ``invalid_request_error``;
- ``POST /v1/embeddings`` with a deterministic :func:`hash_embedding` (``embed_with(fn)`` to change
  it), answered out of order on purpose: clients must sort by ``index``. Scripted steps apply too.

Streaming requests (``"stream": true``) get server-sent events, ``data: {...}`` chunks then
``data: [DONE]``. Use ``with FakeOpenAIServer() as server:`` (tests: the ``openai_server`` fixture).
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

logger = logging.getLogger(__name__)

Message = dict[str, Any]
Responder = Callable[[Sequence[Message]], str]
Embedder = Callable[[str], list[float]]
HASH_EMBEDDING_DIMENSION = 8


def hash_embedding(text: str) -> list[float]:
    """A deterministic, unnormalised 8-dimensional vector of ``text`` (the default embedder)."""
    digest = hashlib.sha256(text.encode()).digest()
    return [byte - 128.0 for byte in digest[:HASH_EMBEDDING_DIMENSION]]


@dataclass(frozen=True)
class Step:
    """How to answer one request.

    Attributes:
        status: HTTP status; anything but 200 sends an OpenAI-style error body.
        reply: The reply text (None: ask the server's responder).
        body: Raw bytes sent as-is with ``content_type`` (garbage, truncated JSON, broken SSE).
        content_type: Content type of ``body``.
        delay_s: Wait before answering (for time-outs).
        chunk_delay_s: Wait between streamed chunks (for stalls mid-stream).
        headers: Extra response headers (e.g. ``Retry-After``).
    """

    status: int = 200
    reply: str | None = None
    body: bytes | None = None
    content_type: str = "application/json"
    delay_s: float = 0.0
    chunk_delay_s: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordedRequest:
    """A request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    raw: bytes
    body: dict[str, Any] | None

    @property
    def messages(self) -> list[Message]:
        return list((self.body or {}).get("messages") or [])

    @property
    def stream(self) -> bool:
        return bool((self.body or {}).get("stream"))


def echo_last_user(messages: Sequence[Message]) -> str:
    """Responder: the content of the last user message."""
    users = [m for m in messages if m.get("role") == "user"]
    return str(users[-1].get("content", "")) if users else ""


def split_words(text: str) -> list[str]:
    """Word-sized pieces of ``text`` (each with its trailing whitespace), as streamed tokens."""
    pieces: list[str] = []
    for word in text.split(" "):
        pieces.append(word + " ")
    if pieces:
        pieces[-1] = pieces[-1][:-1]
    return [piece for piece in pieces if piece]


class FakeOpenAIServer:
    """An OpenAI-compatible chat-completions server in a background thread on a free loopback port."""

    def __init__(self, *, model: str = "fake-model") -> None:
        self.model = model
        self.requests: list[RecordedRequest] = []
        self.reject_params: set[str] = set()
        self.streamed_chunks = 0
        """Content chunks written to streaming responses."""
        self.abandoned_streams = 0
        """Streams whose client closed the connection before the end (it stopped listening)."""
        self._responder: Responder = lambda _messages: "This is the fake model's reply."
        self._embedder: Embedder = hash_embedding
        self._steps: deque[Step] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle ----------------------------------------------------------------------------

    def start(self) -> FakeOpenAIServer:
        """Bind a free port on 127.0.0.1 and serve in a daemon thread."""
        handler = type("_BoundHandler", (_Handler,), {"fake": self})
        self._httpd = _QuietServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, name="fake-openai", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; delayed handlers wake up and give up."""
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """The URL to give the client as ``base_url`` (ends with ``/v1``)."""
        return f"http://127.0.0.1:{self.port}/v1"

    # --- programming --------------------------------------------------------------------------

    def reply_with(self, text: str) -> None:
        """Answer every (unscripted) request with ``text``."""
        self._responder = lambda _messages: text

    def respond_with(self, responder: Responder) -> None:
        """Answer every (unscripted) request with ``responder(messages)``."""
        self._responder = responder

    def embed_with(self, embedder: Embedder) -> None:
        """Answer ``/v1/embeddings`` with ``embedder(text)`` for each input."""
        self._embedder = embedder

    def script(self, *steps: Step) -> None:
        """Queue steps; each request consumes the next one, then the responder takes over."""
        with self._lock:
            self._steps.extend(steps)

    # --- used by the handler ------------------------------------------------------------------

    def _record(self, request: RecordedRequest) -> Step:
        with self._lock:
            self.requests.append(request)
            return self._steps.popleft() if self._steps else Step()

    def _wait(self, seconds: float) -> bool:
        """Sleep ``seconds`` unless the server stops first; True when it stopped."""
        return seconds > 0 and self._stopping.wait(seconds)

    def _reply_for(self, step: Step, messages: Sequence[Message]) -> str:
        return step.reply if step.reply is not None else self._responder(messages)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (time-out tests) closes the socket under a delayed handler.
        logger.debug("fake OpenAI server: client %s went away", client_address)


class _Handler(BaseHTTPRequestHandler):
    fake: FakeOpenAIServer
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        logger.debug("fake OpenAI server: " + format, *args)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path.rstrip("/") == "/v1/models":
            self._send_json(200, {"object": "list", "data": [{"id": self.fake.model, "object": "model"}]})
        else:
            self._send_error(404, f"no route {self.path}", "not_found")

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        request = RecordedRequest("POST", self.path, dict(self.headers.items()), raw, body)
        step = self.fake._record(request)
        route = self.path.rstrip("/")
        if route not in {"/v1/chat/completions", "/v1/embeddings"}:
            self._send_error(404, f"no route {self.path}", "not_found")
            return
        if not isinstance(body, dict):
            self._send_error(
                400, "We could not parse the JSON body of your request.", "invalid_request_error"
            )
            return
        if self.fake._wait(step.delay_s):
            return
        rejected = sorted(name for name in self.fake.reject_params if name in body)
        if rejected:
            message = f"Unsupported parameter: '{rejected[0]}' is not supported with this model."
            self._send_error(400, message, "invalid_request_error", param=rejected[0])
        elif step.body is not None:
            self._send_raw(step.status, step.body, step.content_type, step.headers)
        elif step.status != 200:
            self._send_error(
                step.status, f"fake failure with status {step.status}", "server_error", step.headers
            )
        elif route == "/v1/embeddings":
            self._send_json(200, self._embeddings(body))
        elif body.get("stream"):
            self._send_stream(self.fake._reply_for(step, request.messages), step.chunk_delay_s)
        else:
            self._send_json(200, self._completion(self.fake._reply_for(step, request.messages)))

    # --- responses ----------------------------------------------------------------------------

    def _embeddings(self, body: dict[str, Any]) -> dict[str, Any]:
        raw = body.get("input", [])
        inputs = raw if isinstance(raw, list) else [raw]
        data = [
            {"object": "embedding", "index": i, "embedding": self.fake._embedder(str(text))}
            for i, text in enumerate(inputs)
        ]
        usage = {"prompt_tokens": len(inputs), "total_tokens": len(inputs)}
        return {"object": "list", "data": data[::-1], "model": body.get("model"), "usage": usage}

    def _completion(self, reply: str) -> dict[str, Any]:
        return {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.fake.model,
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": reply}, "finish_reason": "stop"}
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": len(reply.split()), "total_tokens": 1},
        }

    def _chunk(self, delta: dict[str, Any], finish_reason: str | None = None) -> bytes:
        chunk = {
            "id": "chatcmpl-fake",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": self.fake.model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
        }
        return f"data: {json.dumps(chunk)}\n\n".encode()

    def _send_stream(self, reply: str, chunk_delay_s: float) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        try:
            self.wfile.write(self._chunk({"role": "assistant", "content": ""}))
            for piece in split_words(reply):
                if self.fake._wait(chunk_delay_s):
                    return
                self.wfile.write(self._chunk({"content": piece}))
                self.wfile.flush()
                with self.fake._lock:
                    self.fake.streamed_chunks += 1
            self.wfile.write(self._chunk({}, finish_reason="stop"))
            self.wfile.write(b"data: [DONE]\n\n")
        except OSError:  # BrokenPipeError, ConnectionResetError: the client closed the stream
            with self.fake._lock:
                self.fake.abandoned_streams += 1

    def _send_json(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        self._send_raw(status, json.dumps(payload).encode(), "application/json", headers or {})

    def _send_error(
        self,
        status: int,
        message: str,
        kind: str,
        headers: dict[str, str] | None = None,
        *,
        param: str | None = None,
    ) -> None:
        error = {"error": {"message": message, "type": kind, "param": param, "code": None}}
        self._send_json(status, error, headers)

    def _send_raw(self, status: int, body: bytes, content_type: str, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
