"""The in-process chat model implements the same protocol as the OpenAI adapter."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from assistant.llm import ChatMessage, ChatModel, FunctionChatModel, split_into_pieces


def test_function_chat_model_completes_and_streams() -> None:
    def reply(messages: Sequence[ChatMessage]) -> str:
        return f"You said: {messages[-1].content} [1]"

    model = FunctionChatModel(reply, name="echo")
    messages = [ChatMessage(role="user", content="hello  world")]

    assert isinstance(model, ChatModel)
    assert model.complete(messages, max_tokens=10) == "You said: hello  world [1]"
    pieces = list(model.stream(messages, max_tokens=10))
    assert pieces == ["You ", "said: ", "hello  ", "world ", "[1]"]
    assert len(model.calls) == 2


@pytest.mark.parametrize("text", ["", "one", " lead", "a b\nc  d ", "trailing   "])
def test_pieces_join_back_to_the_text(text: str) -> None:
    assert "".join(split_into_pieces(text)) == text


def test_chat_message_roles_are_checked() -> None:
    with pytest.raises(ValueError):
        ChatMessage(role="tool", content="x")
