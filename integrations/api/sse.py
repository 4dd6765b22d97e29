"""Server-sent events from a blocking answer stream: keep-alive comments, and stop when the client goes.

The assistant's answer stream is a blocking iterator (retrieval is done; the composer may wait up
to the LLM deadline before its first token). It runs in a thread of its own (:class:`EventPump`)
and the response awaits its events with a time-out: each time-out sends an SSE comment
(``: keep-alive``), so proxies that drop silent connections keep this one. When the client
disconnects, Starlette cancels the response, and the pump stops at the answer's next event and
closes the iterator, which closes the LLM's HTTP stream (``OpenAIChatModel.stream``'s ``finally``):
the model stops generating for nobody. A thread cannot be interrupted inside a blocking read, so
"stops" means at the next token, or at the LLM deadline if no token comes.

The bytes are FastAPI's SSE wire format (:func:`fastapi.sse.format_sse_event`) in its
:class:`~fastapi.sse.EventSourceResponse`.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Generic, Literal, TypeVar

from fastapi.sse import format_sse_event

logger = logging.getLogger(__name__)

KEEPALIVE = format_sse_event(comment="keep-alive")
"""An SSE comment: ignored by ``EventSource`` clients, but it keeps the connection busy."""

Item = TypeVar("Item")
_Kind = Literal["item", "error", "end"]


class EventPump(Generic[Item]):
    """Runs a blocking iterator in its own thread and hands its items to the event loop.

    Each item is converted by ``convert`` in the pump thread (so database reads for the final
    event do not block the loop). :meth:`stop` makes the thread stop at the next item and close
    the iterator.
    """

    def __init__(self, items: Iterator[Item], convert: Callable[[Item], bytes]) -> None:
        self._items = items
        self._convert = convert
        self._stop = threading.Event()
        self.finished = threading.Event()
        """Set once the iterator is closed and the thread is done."""
        self._loop = asyncio.get_running_loop()
        self._queue: asyncio.Queue[tuple[_Kind, bytes | BaseException | None]] = asyncio.Queue()
        self._thread = threading.Thread(target=self._run, name="sse-answer", daemon=True)

    def start(self) -> EventPump[Item]:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop at the next item (the iterator is closed in the pump thread)."""
        self._stop.set()

    async def next(self, timeout: float) -> tuple[_Kind, bytes | BaseException | None] | None:
        """The next converted item, an error, or the end; None when ``timeout`` passes first."""
        # asyncio.timeout, not wait_for: on Python 3.11 wait_for loses a cancellation that arrives
        # as the queue hands over an item, and a client that hung up would be streamed to forever.
        try:
            async with asyncio.timeout(timeout):
                return await self._queue.get()
        except TimeoutError:
            return None

    def _put(self, kind: _Kind, value: bytes | BaseException | None) -> None:
        try:
            self._loop.call_soon_threadsafe(self._queue.put_nowait, (kind, value))
        except RuntimeError:  # the loop closed (server shutting down): nobody is listening
            self._stop.set()

    def _run(self) -> None:
        try:
            for item in self._items:
                if self._stop.is_set():
                    logger.info("the client went away: answer stream stopped before its end")
                    break
                self._put("item", self._convert(item))
        except Exception as exc:  # handed to the response, which reports it as an error event
            self._put("error", exc)
        finally:
            close = getattr(self._items, "close", None)
            if callable(close):
                try:
                    close()
                except Exception:  # pragma: no cover - closing a generator that raised again
                    logger.exception("closing the answer stream failed")
            self._put("end", None)
            self.finished.set()


async def sse_stream(
    pump: EventPump[Item], *, keepalive_s: float, on_error: Callable[[BaseException], bytes]
) -> AsyncIterator[bytes]:
    """The pump's events as SSE bytes, a keep-alive comment after each ``keepalive_s`` of silence.

    An error inside the stream (after the 200 status went out) becomes the event ``on_error``
    makes of it. The pump is stopped however the response ends: finished, failed or cancelled
    by a client that went away.
    """
    pump.start()
    try:
        while True:
            received = await pump.next(keepalive_s)
            if received is None:
                yield KEEPALIVE
                continue
            kind, value = received
            if kind == "end":
                return
            if kind == "error":
                assert isinstance(value, BaseException)
                yield on_error(value)
                continue
            assert isinstance(value, bytes)
            yield value
    finally:
        pump.stop()
