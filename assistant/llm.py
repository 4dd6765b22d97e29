"""The language-model boundary: a small Protocol every chat model implements.

The OpenAI-compatible adapter lives in :mod:`assistant.llm_openai` (the only module that imports
``openai``); :class:`FunctionChatModel` is an in-process implementation for tests and offline
experiments, in the spirit of pydantic-ai's ``FunctionModel``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

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
