"""The SSE pump on its own: keep-alive on silence, errors as events, the iterator closed when cancelled."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Iterator

import pytest

from corpus.errors import InvalidInput
from integrations.api.sse import KEEPALIVE, EventPump, sse_stream


def _encode(item: str) -> bytes:
    return f"event: delta\ndata: {item}\n\n".encode()


def _error(exc: BaseException) -> bytes:
    return f"event: error\ndata: {exc}\n\n".encode()


async def _collect(stream: AsyncIterator[bytes]) -> list[bytes]:
    return [chunk async for chunk in stream]


def test_silence_becomes_keep_alive_comments_then_the_items_follow() -> None:
    release = threading.Event()

    def slow() -> Iterator[str]:
        release.wait(5)  # the composer waiting for the model's first token
        yield "first"
        yield "second"

    async def run() -> list[bytes]:
        pump = EventPump(slow(), _encode)
        chunks: list[bytes] = []
        async for chunk in sse_stream(pump, keepalive_s=0.05, on_error=_error):
            chunks.append(chunk)
            if chunks.count(KEEPALIVE) == 3:
                release.set()
        return chunks

    chunks = asyncio.run(run())
    assert KEEPALIVE == b": keep-alive\n\n"
    assert chunks[:3] == [KEEPALIVE] * 3
    assert [c for c in chunks if c != KEEPALIVE] == [_encode("first"), _encode("second")]


def test_an_error_inside_the_stream_is_an_error_event() -> None:
    def failing() -> Iterator[str]:
        yield "first"
        raise InvalidInput("the model said something odd")

    async def run() -> list[bytes]:
        return await _collect(sse_stream(EventPump(failing(), _encode), keepalive_s=5, on_error=_error))

    assert asyncio.run(run()) == [_encode("first"), _error(InvalidInput("the model said something odd"))]


def test_cancelling_the_response_closes_the_iterator_at_its_next_item() -> None:
    produced: list[int] = []
    closed = threading.Event()

    def endless() -> Iterator[str]:
        try:
            number = 0
            while True:
                number += 1
                produced.append(number)
                yield str(number)
                threading.Event().wait(0.01)  # a token every 10 ms
        finally:
            closed.set()  # GeneratorExit: the LLM's HTTP stream is closed here

    async def run() -> EventPump[str]:
        pump = EventPump(endless(), _encode)
        stream = sse_stream(pump, keepalive_s=5, on_error=_error)

        async def consume() -> None:
            async for _ in stream:
                pass

        task = asyncio.create_task(consume())
        while len(produced) < 3:
            await asyncio.sleep(0.01)
        task.cancel()  # what Starlette does when the client disconnects
        with pytest.raises(asyncio.CancelledError):
            await task
        return pump

    pump = asyncio.run(run())
    assert closed.wait(5) and pump.finished.wait(5)
    count = len(produced)
    threading.Event().wait(0.1)
    assert len(produced) == count  # nothing more was produced after the close
