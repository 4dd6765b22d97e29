"""``POST /v1/ask/stream`` over a real ``cluster-advisor serve`` (uvicorn) with a slow OpenAI-compatible LLM.

The LLM is the fake OpenAI server on loopback, made slow: silent before its first token (keep-alive
comments must fill the silence) or slow between tokens (a client that hangs up must stop it).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.fakes.openai_server import FakeOpenAIServer, Step
from tests.integration.test_uvicorn import Server, ingest_test_corpus, running_server

pytestmark = pytest.mark.integration

QUESTION = {"question": "Which open calls fund cluster internationalisation?"}
KEEPALIVE_S = 0.2


@pytest.fixture(scope="module")
def llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, llm: FakeOpenAIServer) -> Iterator[Server]:
    data_dir = tmp_path_factory.mktemp("sse")
    ingest_test_corpus(data_dir)
    env = {
        "CLUSTER_ADVISOR_LLM_MODEL": llm.model,
        "OPENAI_BASE_URL": llm.base_url,
        "OPENAI_API_KEY": "not-a-real-key",
        "CLUSTER_ADVISOR_SSE_KEEPALIVE_S": str(KEEPALIVE_S),
        "CLUSTER_ADVISOR_RATE_LIMIT": "0",
    }
    with running_server(data_dir, env=env) as running:
        yield running


def _wait_for(condition: Callable[[], bool], *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def _script_composer(llm: FakeOpenAIServer, step: Step) -> None:
    """``step`` for the composer's streaming request; the query planner's request comes first.

    The planner asks the model for a structured plan before the stream starts (its answer here
    is not a plan, so the rules' plan is used); only the composer's silence can be filled.
    """
    llm.script(Step(), step)


def _blocks(lines: Iterator[str]) -> Iterator[list[str]]:
    """SSE blocks (the lines between blank lines) as they arrive."""
    block: list[str] = []
    for line in lines:
        if line:
            block.append(line)
        elif block:
            yield block
            block = []


def test_keep_alive_comments_fill_the_silence_while_the_llm_thinks(
    server: Server, llm: FakeOpenAIServer
) -> None:
    _script_composer(llm, Step(delay_s=1.5, reply="The Euroclusters call funds internationalisation [1]."))
    asked_before = len(llm.requests)
    seen: list[tuple[float, str]] = []
    started = time.monotonic()
    with httpx.stream("POST", f"{server.url}/v1/ask/stream", json=QUESTION, timeout=30) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        for block in _blocks(response.iter_lines()):
            kind = "keep-alive" if block == [": keep-alive"] else block[0].removeprefix("event: ")
            seen.append((time.monotonic() - started, kind))
    kinds = [kind for _, kind in seen]
    first_delta = kinds.index("delta")
    assert kinds[:first_delta].count("keep-alive") >= 2, seen
    assert seen[first_delta][0] >= 1.0  # the deltas came after the LLM's silence
    assert kinds[-2:] == ["citations", "final"]
    asked = llm.requests[asked_before:]
    assert [request.stream for request in asked] == [False, True]  # the plan, then the answer


def test_a_client_that_hangs_up_stops_the_llm_stream(server: Server, llm: FakeOpenAIServer) -> None:
    sentence = "Clusters gain from internationalisation support [1]. "
    reply = sentence * 80  # deltas are let out sentence by sentence, after screening
    words = len(reply.split())
    _script_composer(llm, Step(chunk_delay_s=0.1, reply=reply))
    abandoned_before, chunks_before = llm.abandoned_streams, llm.streamed_chunks
    got_delta = False
    with httpx.stream("POST", f"{server.url}/v1/ask/stream", json=QUESTION, timeout=30) as response:
        assert response.status_code == 200
        for line in response.iter_lines():
            if line == "event: delta":
                got_delta = True
                break  # hang up after the first sentence
    hung_up = time.monotonic()
    assert got_delta
    _wait_for(
        lambda: llm.abandoned_streams > abandoned_before, timeout=20, what="the LLM stream to be closed"
    )
    assert time.monotonic() - hung_up < 10
    assert llm.streamed_chunks - chunks_before < words / 2  # all 560 tokens at 0.1 s would take 56 s
    _wait_for(
        lambda: "the client went away: answer stream stopped" in server.log.read_text(errors="replace"),
        timeout=10,
        what="the server to log the stop",
    )


def test_the_stream_still_answers_after_a_client_hung_up(server: Server, llm: FakeOpenAIServer) -> None:
    _script_composer(llm, Step(reply="The Euroclusters call funds internationalisation [1]."))
    with httpx.stream("POST", f"{server.url}/v1/ask/stream", json=QUESTION, timeout=30) as response:
        text = "".join(response.iter_text())
    assert "event: final" in text
    log: Path = server.log
    assert "Traceback" not in log.read_text(errors="replace")
