"""The language-model boundary: a small Protocol every chat model implements.

The OpenAI-compatible adapter lives in :mod:`assistant.llm_openai` (the only module that imports
``openai``); :class:`FunctionChatModel` is an in-process implementation for tests and offline
experiments, in the spirit of pydantic-ai's ``FunctionModel``.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Literal, Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel, ConfigDict

from assistant.errors import LLMUnavailable

_T = TypeVar("_T")

Role = Literal["system", "user", "assistant"]


class ChatMessage(BaseModel):
    """One message of a chat conversation sent to a model."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    role: Role
    content: str


@runtime_checkable
class ChatModel(Protocol):
    """A chat model: complete a conversation in one go, or stream the reply as text pieces."""

    name: str

    def complete(self, messages: Sequence[ChatMessage], *, max_tokens: int, temperature: float = 0.0) -> str:
        """Return the model's whole reply to ``messages``.

        Raises:
            LLMUnavailable: the model could not be reached or kept failing.
            LLMBadOutput: the model answered with something that is not a text reply.
        """
        ...

    def stream(
        self, messages: Sequence[ChatMessage], *, max_tokens: int, temperature: float = 0.0
    ) -> Iterator[str]:
        """Yield the model's reply to ``messages`` piece by piece, in order.

        Raises:
            LLMUnavailable: the model could not be reached or failed mid-stream.
            LLMBadOutput: the stream was not the expected protocol.
        """
        ...


class FunctionChatModel:
    """A :class:`ChatModel` whose reply is computed by a Python function of the messages.

    Streaming splits the reply into word-sized pieces (whitespace kept), so joining the pieces
    gives back the reply exactly.
    """

    def __init__(self, reply: Callable[[Sequence[ChatMessage]], str], *, name: str = "function") -> None:
        """Wrap ``reply``, which receives the messages and returns the reply text."""
        self._reply = reply
        self.name = name
        self.calls: list[list[ChatMessage]] = []

    def complete(self, messages: Sequence[ChatMessage], *, max_tokens: int, temperature: float = 0.0) -> str:
        """Return ``reply(messages)``."""
        self.calls.append(list(messages))
        return self._reply(messages)

    def stream(
        self, messages: Sequence[ChatMessage], *, max_tokens: int, temperature: float = 0.0
    ) -> Iterator[str]:
        """Yield ``reply(messages)`` in word-sized pieces."""
        yield from split_into_pieces(self.complete(messages, max_tokens=max_tokens, temperature=temperature))


def split_into_pieces(text: str) -> list[str]:
    """Split ``text`` into word-sized pieces, each keeping its trailing whitespace."""
    pieces: list[str] = []
    current = ""
    for char in text:
        if current and not char.isspace() and current[-1].isspace():
            pieces.append(current)
            current = ""
        current += char
    if current:
        pieces.append(current)
    return pieces


def call_with_deadline(call: Callable[[], _T], timeout_s: float) -> _T:
    """Run ``call`` in a worker thread; LLMUnavailable when it has not returned within ``timeout_s``.

    The worker is left to finish on its own (its HTTP time-out ends it); the caller goes on.
    """
    result: list[_T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(call())
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller's thread
            failure.append(exc)

    worker = threading.Thread(target=run, name="llm-call", daemon=True)
    worker.start()
    worker.join(timeout_s)
    if worker.is_alive():
        raise LLMUnavailable(f"the language model gave no answer within {timeout_s:g}s")
    if failure:
        raise failure[0]
    return result[0]


class DeadlineChatModel:
    """A :class:`ChatModel` whose every call, retries included, ends within ``timeout_s`` of wall time.

    Every model call of the assistant goes through one (answers, follow-up rewrites, intent
    refinement), so a hung server costs at most ``timeout_s`` per call, never the client's
    attempts times its time-out plus back-off.
    """

    def __init__(self, inner: ChatModel, *, timeout_s: float) -> None:
        if timeout_s <= 0:
            raise ValueError("timeout_s must be > 0")
        self.inner = inner
        self.timeout_s = timeout_s
        self.name = inner.name

    def complete(self, messages: Sequence[ChatMessage], *, max_tokens: int, temperature: float = 0.0) -> str:
        """The inner model's reply, or LLMUnavailable once the deadline has passed."""
        return call_with_deadline(
            lambda: self.inner.complete(messages, max_tokens=max_tokens, temperature=temperature),
            self.timeout_s,
        )

    def stream(
        self, messages: Sequence[ChatMessage], *, max_tokens: int, temperature: float = 0.0
    ) -> Iterator[str]:
        """The inner model's pieces; LLMUnavailable when the whole reply has not arrived in time
        (a stream that stalls is noticed without waiting for its next piece)."""
        deadline = time.monotonic() + self.timeout_s
        items: queue.Queue[tuple[str, object]] = queue.Queue()
        stop = threading.Event()

        def produce() -> None:
            try:
                for piece in self.inner.stream(messages, max_tokens=max_tokens, temperature=temperature):
                    items.put(("piece", piece))
                    if stop.is_set():
                        return
                items.put(("end", None))
            except BaseException as exc:  # noqa: BLE001 - handed to the consuming thread
                items.put(("error", exc))

        threading.Thread(target=produce, name="llm-stream", daemon=True).start()
        try:
            while True:
                try:
                    kind, value = items.get(timeout=max(0.0, deadline - time.monotonic()))
                except queue.Empty:
                    raise LLMUnavailable(
                        f"the language model gave no complete answer within {self.timeout_s:g}s"
                    ) from None
                if kind == "end":
                    return
                if kind == "error":
                    assert isinstance(value, BaseException)
                    raise value
                assert isinstance(value, str)
                yield value
        finally:
            stop.set()


def with_deadline(chat_model: ChatModel | None, timeout_s: float) -> ChatModel | None:
    """``chat_model`` behind one wall-clock deadline per call (None stays None; never wrapped twice)."""
    if chat_model is None or isinstance(chat_model, DeadlineChatModel):
        return chat_model
    return DeadlineChatModel(chat_model, timeout_s=timeout_s)
