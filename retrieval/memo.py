"""A per-thread memory of a function's last few results: one request's repeated work done once.

A request is served on one thread, and its steps often ask the same question twice: the planner and
the search both parse the query, the search and the refusal gate both embed it. Remembering the
last few results *of this thread* makes the second ask free without a process-wide cache, which
would also answer later requests that repeat a query — a benchmark that cycles through a fixed
question set would then measure the cache, not the work.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

RECENT = 4
"""Results kept per thread: a request asks about at most a few texts (question, topic, terms)."""


def recent_per_thread(function: Callable[[K], V], size: int = RECENT) -> Callable[[K], V]:
    """``function`` remembering, in each thread, its results for the last ``size`` arguments."""
    local = threading.local()

    @functools.wraps(function)
    def remembered(argument: K) -> V:
        recent: OrderedDict[K, V] | None = getattr(local, "recent", None)
        if recent is None:
            recent = local.recent = OrderedDict()
        if argument in recent:
            recent.move_to_end(argument)
            return recent[argument]
        value = function(argument)
        recent[argument] = value
        if len(recent) > size:
            recent.popitem(last=False)
        return value

    return remembered
