"""Keep a server's pauses short: move the objects built at start-up out of the garbage collector's way.

A serving process holds about 300,000 long-lived objects after start-up (the indexes, the stores,
the models, the imported modules). CPython's full (generation 2) collection walks every one of them,
holding the GIL: 150–220 ms on the benchmark machine, during which every request in flight waits.
Under a Slack burst these pauses made the slowest acks. ``gc.freeze()`` moves the objects alive
after start-up to a permanent generation that collections skip, as large Python services do
(Instagram's "Dismissing Python garbage collection"); objects created later are collected as before.

Only for a process that owns its lifetime (``serve``, an answer worker): frozen objects that later
become cyclic garbage are never freed, which a test process building many apps would feel.
"""

from __future__ import annotations

import gc
import logging
import time

logger = logging.getLogger(__name__)


def freeze_startup_heap() -> int:
    """Collect once, then freeze every object still alive; returns how many are now frozen."""
    started = time.perf_counter()
    gc.collect()
    gc.freeze()
    frozen = gc.get_freeze_count()
    logger.info(
        "start-up heap frozen: %d objects skipped by the garbage collector (%.0f ms)",
        frozen,
        (time.perf_counter() - started) * 1000,
    )
    return frozen
