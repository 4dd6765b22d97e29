"""The OpenAI adapter against a real HTTP server speaking the protocol, through the real client."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

import pytest
from pydantic import SecretStr

from assistant.errors import AdvisorError, LLMBadOutput, LLMUnavailable
from assistant.llm import ChatMessage, ChatModel
from assistant.llm_openai import OpenAIChatModel, chat_model_from_settings
from corpus.settings import Settings
from tests.fakes.openai_server import FakeOpenAIServer, Step, echo_last_user

FAKE_KEY = "sk-test-not-real"
MESSAGES = [
    ChatMessage(role="system", content="Answer briefly."),
    ChatMessage(role="user", content="When does the call close?"),
]


@pytest.fixture
def model(openai_server: FakeOpenAIServer) -> Iterator[OpenAIChatModel]:
    with OpenAIChatModel(
        base_url=openai_server.base_url,
        api_key=SecretStr(FAKE_KEY),
        model="fake-model",
        timeout_s=5,
        max_retries=2,
    ) as chat_model:
        yield chat_model


def test_complete_returns_the_reply_and_sends_the_messages(
    openai_server: FakeOpenAIServer, model: OpenAIChatModel
) -> None:
    openai_server.reply_with("It closes on 1 December 2027 [1].")

    assert model.complete(MESSAGES, max_tokens=50) == "It closes on 1 December 2027 [1]."

    (request,) = openai_server.requests
    assert request.path == "/v1/chat/completions"
    assert request.messages == [m.model_dump() for m in MESSAGES]
    assert request.body is not None
    assert request.body["model"] == "fake-model"
    assert request.body["temperature"] == 0.0
    assert request.headers["Authorization"] == f"Bearer {FAKE_KEY}"


def test_both_token_limits_are_sent(openai_server: FakeOpenAIServer, model: OpenAIChatModel) -> None:
    model.complete(MESSAGES, max_tokens=123)
    list(model.stream(MESSAGES, max_tokens=77))

    complete_body, stream_body = (r.body or {} for r in openai_server.requests)
    assert complete_body["max_tokens"] == 123
    assert complete_body["max_completion_tokens"] == 123
    assert stream_body["max_tokens"] == 77
    assert stream_body["max_completion_tokens"] == 77
    assert stream_body["stream"] is True


def test_the_model_satisfies_the_protocol(model: OpenAIChatModel) -> None:
    assert isinstance(model, ChatModel)
    assert model.name == "openai:fake-model"


def test_stream_yields_tokens_in_order(openai_server: FakeOpenAIServer, model: OpenAIChatModel) -> None:
    reply = "Cluster internationalisation is funded by the Euroclusters calls [1] and I3 [2]."
    openai_server.reply_with(reply)

    pieces = list(model.stream(MESSAGES, max_tokens=50))

    assert len(pieces) == len(reply.split(" "))
    assert "".join(pieces) == reply
    assert pieces[0] == "Cluster "


def test_stream_pieces_arrive_before_the_reply_ends(
    openai_server: FakeOpenAIServer, model: OpenAIChatModel
) -> None:
    openai_server.script(Step(reply="one two three four", chunk_delay_s=0.15))
    started = time.monotonic()
    stream = model.stream(MESSAGES, max_tokens=50)

    first = next(stream)
    first_at = time.monotonic() - started
    rest = list(stream)
    total = time.monotonic() - started

    assert first == "one "
    assert rest == ["two ", "three ", "four"]
    assert first_at < total - 0.3


def test_reply_computed_from_the_messages(openai_server: FakeOpenAIServer, model: OpenAIChatModel) -> None:
    openai_server.respond_with(echo_last_user)

    assert model.complete(MESSAGES, max_tokens=20) == "When does the call close?"


def test_retries_after_server_errors_then_succeeds(
    openai_server: FakeOpenAIServer, model: OpenAIChatModel
) -> None:
    openai_server.script(Step(status=500), Step(status=503))
    openai_server.reply_with("Recovered.")

    assert model.complete(MESSAGES, max_tokens=20) == "Recovered."
    assert len(openai_server.requests) == 3


def test_retries_after_rate_limit(openai_server: FakeOpenAIServer, model: OpenAIChatModel) -> None:
    openai_server.script(Step(status=429, headers={"Retry-After": "0"}))

    assert model.complete(MESSAGES, max_tokens=20) == "This is the fake model's reply."
    assert len(openai_server.requests) == 2


def test_stream_retries_before_the_first_token(
    openai_server: FakeOpenAIServer, model: OpenAIChatModel
) -> None:
    openai_server.script(Step(status=502))
    openai_server.reply_with("streamed after a retry")

    assert "".join(model.stream(MESSAGES, max_tokens=20)) == "streamed after a retry"
    assert len(openai_server.requests) == 2


def test_gives_up_after_the_retries_without_leaking_the_key(
    openai_server: FakeOpenAIServer, model: OpenAIChatModel, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    openai_server.script(*[Step(status=500, body=f'{{"error": "bad key {FAKE_KEY}"}}'.encode())] * 5)

    with pytest.raises(LLMUnavailable) as caught:
        model.complete(MESSAGES, max_tokens=20)

    message = str(caught.value)
    assert "failed after 3 attempt(s)" in message
    assert "HTTP 500" in message
    assert FAKE_KEY not in message
    assert FAKE_KEY not in caplog.text
    assert "retrying" in caplog.text.lower()
    assert len(openai_server.requests) == 3
    assert isinstance(caught.value, AdvisorError)


def test_no_retry_on_client_errors(openai_server: FakeOpenAIServer, model: OpenAIChatModel) -> None:
    openai_server.script(Step(status=401))

    with pytest.raises(LLMUnavailable, match="HTTP 401"):
        model.complete(MESSAGES, max_tokens=20)
    assert len(openai_server.requests) == 1


def test_timeout_gives_up_quickly(openai_server: FakeOpenAIServer) -> None:
    openai_server.script(Step(delay_s=3), Step(delay_s=3))
    with OpenAIChatModel(
        base_url=openai_server.base_url, api_key=None, model="m", timeout_s=0.3, max_retries=1
    ) as slow:
        started = time.monotonic()
        with pytest.raises(LLMUnavailable, match=r"no answer within 0\.3s"):
            slow.complete(MESSAGES, max_tokens=20)
        elapsed = time.monotonic() - started

    assert elapsed < 1.5
    assert len(openai_server.requests) == 2


def test_stream_that_stalls_midway_is_unavailable(openai_server: FakeOpenAIServer) -> None:
    openai_server.script(Step(reply="one two three", chunk_delay_s=2))
    with OpenAIChatModel(
        base_url=openai_server.base_url, api_key=None, model="m", timeout_s=0.3, max_retries=0
    ) as slow:
        stream = slow.stream(MESSAGES, max_tokens=20)
        with pytest.raises(LLMUnavailable, match="broke off"):
            list(stream)


def test_rejected_max_completion_tokens_falls_back_to_max_tokens(
    openai_server: FakeOpenAIServer, model: OpenAIChatModel
) -> None:
    openai_server.reject_params = {"max_completion_tokens"}

    assert model.complete(MESSAGES, max_tokens=40) == "This is the fake model's reply."
    assert model.complete(MESSAGES, max_tokens=40) == "This is the fake model's reply."

    first, second, third = (r.body or {} for r in openai_server.requests)
    assert "max_completion_tokens" in first
    assert "max_completion_tokens" not in second and second["max_tokens"] == 40
    assert "max_completion_tokens" not in third  # remembered: no second 400


def test_rejected_max_tokens_falls_back_to_max_completion_tokens(
    openai_server: FakeOpenAIServer, model: OpenAIChatModel
) -> None:
    openai_server.reject_params = {"max_tokens"}

    assert "".join(model.stream(MESSAGES, max_tokens=40)) == "This is the fake model's reply."

    first, second = (r.body or {} for r in openai_server.requests)
    assert "max_tokens" in first
    assert "max_tokens" not in second and second["max_completion_tokens"] == 40


def test_a_server_rejecting_both_limits_is_unavailable(
    openai_server: FakeOpenAIServer, model: OpenAIChatModel
) -> None:
    openai_server.reject_params = {"max_tokens", "max_completion_tokens"}

    with pytest.raises(LLMUnavailable, match="HTTP 400"):
        model.complete(MESSAGES, max_tokens=40)
    assert len(openai_server.requests) == 2


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"<html>502 Bad Gateway</html>", "text/html"),
        (b"{not json", "application/json"),
        (b'{"unexpected": "shape"}', "application/json"),
        (b'{"choices": []}', "application/json"),
        (
            b'{"choices": [{"index": 0, "message": {"role": "assistant", "content": null}}]}',
            "application/json",
        ),
    ],
)
def test_garbage_replies_are_bad_output(
    openai_server: FakeOpenAIServer, model: OpenAIChatModel, body: bytes, content_type: str
) -> None:
    openai_server.script(Step(body=body, content_type=content_type))

    with pytest.raises(LLMBadOutput):
        model.complete(MESSAGES, max_tokens=20)


def test_garbage_stream_is_bad_output(openai_server: FakeOpenAIServer, model: OpenAIChatModel) -> None:
    openai_server.script(Step(body=b"data: {broken\n\n", content_type="text/event-stream"))

    with pytest.raises(LLMBadOutput):
        list(model.stream(MESSAGES, max_tokens=20))


def test_stream_error_event_is_unavailable(openai_server: FakeOpenAIServer, model: OpenAIChatModel) -> None:
    event = b'data: {"error": {"message": "model overloaded", "type": "server_error"}}\n\n'
    openai_server.script(Step(body=event, content_type="text/event-stream"))

    with pytest.raises(LLMUnavailable, match="overloaded"):
        list(model.stream(MESSAGES, max_tokens=20))


def test_unreachable_server_is_unavailable() -> None:
    with FakeOpenAIServer() as server:
        base_url = server.base_url
    with OpenAIChatModel(base_url=base_url, api_key=None, model="m", timeout_s=1, max_retries=1) as m:
        with pytest.raises(LLMUnavailable, match="cannot connect"):
            m.complete(MESSAGES, max_tokens=20)


def test_no_key_sends_a_dummy_bearer(openai_server: FakeOpenAIServer) -> None:
    with OpenAIChatModel(base_url=openai_server.base_url, api_key=None, model="m") as keyless:
        keyless.complete(MESSAGES, max_tokens=5)

    assert openai_server.requests[0].headers["Authorization"] == "Bearer not-needed"


def test_chat_model_from_settings(openai_server: FakeOpenAIServer, monkeypatch: pytest.MonkeyPatch) -> None:
    assert chat_model_from_settings(Settings()) is None

    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    monkeypatch.setenv("CLUSTER_ADVISOR_LLM_MODEL", "local-llama")
    chat_model = chat_model_from_settings(Settings())

    assert isinstance(chat_model, OpenAIChatModel)
    assert chat_model.complete(MESSAGES, max_tokens=5) == "This is the fake model's reply."
    assert (openai_server.requests[0].body or {})["model"] == "local-llama"
    chat_model.close()
