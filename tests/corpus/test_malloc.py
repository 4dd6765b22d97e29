"""The malloc arena limit the serving processes set (glibc; a no-op where MALLOC_ARENA_MAX is set)."""

from __future__ import annotations

import subprocess
import sys


def _run(env: dict[str, str]) -> str:
    code = "from corpus.malloc import limit_malloc_arenas; print(limit_malloc_arenas())"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_glibc_accepts_the_limit_and_an_operator_setting_wins() -> None:
    base = {"PATH": "/usr/bin:/bin"}
    assert _run(base) == "True"  # Debian's glibc: mallopt(M_ARENA_MAX) succeeds
    assert _run({**base, "MALLOC_ARENA_MAX": "4"}) == "False"
