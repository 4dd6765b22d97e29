"""Freezing the start-up heap: long-lived objects leave the collector's generations; new garbage is freed.

Run in a child interpreter: freezing is for a process that owns its lifetime, not for pytest's.
"""

from __future__ import annotations

import json
import subprocess
import sys

_CHILD = """
import gc, json, weakref
from corpus.heap import freeze_startup_heap

class Node:
    def __init__(self):
        self.peer = self

long_lived = [Node() for _ in range(50_000)]       # what start-up builds (indexes, models)
before = len(gc.get_objects())
frozen = freeze_startup_heap()
after = len(gc.get_objects())                      # objects the collector still walks
later = Node()                                     # a cycle created while serving...
probe = weakref.ref(later)
del later
gc.collect()                                       # ...is still freed
print(json.dumps({"before": before, "after": after, "frozen": frozen,
                  "later_freed": probe() is None, "kept": len(long_lived)}))
"""


def _run_child() -> dict[str, int | bool]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD], capture_output=True, text=True, timeout=60, check=True
    )
    result: dict[str, int | bool] = json.loads(done.stdout)
    return result


def test_start_up_objects_are_frozen_and_later_cycles_still_collected() -> None:
    result = _run_child()
    assert result["frozen"] >= 50_000
    assert result["after"] < 10_000 < result["before"]
    assert result["later_freed"] is True
    assert result["kept"] == 50_000
