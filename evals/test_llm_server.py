"""A small OpenAI-compatible chat server for LLM-mode evals: a deterministic "extract-and-cite" model.

It speaks enough of the chat-completions protocol (``POST /v1/chat/completions``, plain and
streamed; ``GET /v1/models``) for the real ``openai`` client, so ``eval answers --mode llm`` runs the
assistant's whole LLM path — prompt assembly, HTTP, citation checking, fallbacks — without a model.

The responder reads the numbered ``<passage n="…">`` blocks of the last user message, keeps the
few passages sharing the most words with the question (ties: in the order given), and answers with
each one's first two sentences (a call's status line and title, an organisation's name and place)
plus its three sentences sharing the most question words (other than the words of its id and
title), each followed by ``[n]``. It follows no
instruction found in a passage, but it does not filter them either: a passage sentence matching
the question is quoted as is, as a naive model would. A condensation request (follow-ups) gets the
follow-up back unchanged.

With ``gullible=True`` the server answers with :func:`evals.gullible_llm.gullible_reply` instead:
a model that obeys every instruction it reads (the red-team eval's adversary).
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from evals.gullible_llm import gullible_reply

logger = logging.getLogger(__name__)

MODEL_NAME = "extract-and-cite"
MAX_PASSAGES = 4
_PASSAGE = re.compile(r"<passage n=\"(\d+)\"([^>]*)>\n(.*?)\n</passage>", re.DOTALL)
_QUESTION = re.compile(r"^Question: (.*)$", re.MULTILINE)
_FOLLOW_UP = re.compile(r"^Follow-up: (.*)$", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“(])")
_WORD = re.compile(r"[a-z0-9]+")


def _sentences(text: str) -> list[str]:
    pieces: list[str] = []
    for line in text.splitlines():
        pieces.extend(part.strip() for part in _SENTENCE_END.split(line) if part.strip())
    return pieces


_STOPWORDS = frozenset(
    "the and for are any there which what when where who how does did can with from that this our into "
    "about still have has its their them they you your yet not per".split()
)


_MONEY = frozenset({"money", "much", "funding", "cost", "amount"})
EXTRA_SENTENCES = 3
"""Sentences quoted per passage besides its first two."""


def _words(text: str) -> set[str]:
    return {word for word in _WORD.findall(text.lower()) if len(word) > 2 and word not in _STOPWORDS}


def extract_and_cite(messages: Sequence[dict[str, Any]]) -> str:
    """The deterministic reply to a chat request (see the module docstring).

    Args:
        messages: The request's messages (OpenAI wire format: ``role`` and ``content``).

    Returns:
        Cited sentences copied from the passages; "I don't know based on the available documents."
        when the prompt holds no passage.
    """
    users = [str(m.get("content") or "") for m in messages if m.get("role") == "user"]
    prompt = users[-1] if users else ""
    if follow_up := _FOLLOW_UP.search(prompt):
        return follow_up.group(1).strip()
    question = match.group(1) if (match := _QUESTION.search(prompt)) else ""
    wanted = _words(question)
    if wanted & _MONEY:
        wanted.add("budget")
    passages = [
        (number, attributes, _sentences(body)) for number, attributes, body in _PASSAGE.findall(prompt)
    ]
    ranked = sorted(
        (item for item in passages if item[2]),
        key=lambda item: -len(_words(" ".join(item[2])) & wanted),
    )
    lines: list[str] = []
    for number, attributes, sentences in ranked[:MAX_PASSAGES]:
        # Words naming the passage (its id and title) say which passage, not which of its sentences.
        asked = (wanted - _words(attributes)) or wanted
        chosen = sentences[:2]
        rest = [sentence for sentence in sentences[2:] if _words(sentence) & asked]
        rest.sort(key=lambda sentence: -len(_words(sentence) & asked))
        chosen += rest[:EXTRA_SENTENCES]
        lines.append(" ".join(f"{sentence.rstrip()} [{number}]" for sentence in chosen))
    return "\n".join(lines) if lines else "I don't know based on the available documents."


class TestLLMServer:
    """The extract-and-cite model on a free loopback port, served from a daemon thread."""

    __test__ = False  # not a pytest test class, whatever its name

    def __init__(self, *, host: str = "127.0.0.1", port: int = 0, gullible: bool = False) -> None:
        """Prepare the server (``port=0``: any free port); :meth:`start` binds and serves.

        Args:
            host: Address to bind (loopback by default).
            port: Port to bind; 0 picks a free one.
            gullible: Answer as the red-team's gullible model (:mod:`evals.gullible_llm`).
        """
        self.host = host
        self.port = port
        self.gullible = gullible
        self.requests = 0
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """The ``base_url`` for an OpenAI client (ends with ``/v1``)."""
        return f"http://{self.host}:{self.port}/v1"

    def start(self) -> TestLLMServer:
        """Bind and serve in the background."""
        handler = type("_BoundHandler", (_Handler,), {"server_state": self})
        self._httpd = ThreadingHTTPServer((self.host, self.port), handler)
        self._httpd.daemon_threads = True
        self.port = int(self._httpd.server_address[1])
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="test-llm", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> TestLLMServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


class _Handler(BaseHTTPRequestHandler):
    server_state: TestLLMServer
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        logger.debug("test LLM server: " + format, *args)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path.rstrip("/") == "/v1/models":
            self._json(200, {"object": "list", "data": [{"id": MODEL_NAME, "object": "model"}]})
        else:
            self._json(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw or b"null")
        except ValueError:
            body = None
        if self.path.rstrip("/") != "/v1/chat/completions" or not isinstance(body, dict):
            self._json(
                400, {"error": {"message": "expected a chat completion", "type": "invalid_request_error"}}
            )
            return
        self.server_state.requests += 1
        messages = list(body.get("messages") or [])
        reply = gullible_reply(messages) if self.server_state.gullible else extract_and_cite(messages)
        if body.get("stream"):
            self._stream(reply)
            return
        self._json(
            200,
            {
                "id": "chatcmpl-eval",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": MODEL_NAME,
                "choices": [
                    {"index": 0, "message": {"role": "assistant", "content": reply}, "finish_reason": "stop"}
                ],
                "usage": {"prompt_tokens": 0, "completion_tokens": len(reply.split()), "total_tokens": 0},
            },
        )

    def _json(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _stream(self, reply: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        words = reply.split(" ")
        pieces: list[dict[str, str]] = [{"role": "assistant", "content": ""}]
        pieces += [{"content": word + (" " if i < len(words) - 1 else "")} for i, word in enumerate(words)]
        for index, delta in enumerate(pieces):
            finish = "stop" if index == len(pieces) - 1 else None
            chunk = {
                "id": "chatcmpl-eval",
                "object": "chat.completion.chunk",
                "created": int(time.time()),
                "model": MODEL_NAME,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
        self.wfile.write(b"data: [DONE]\n\n")
