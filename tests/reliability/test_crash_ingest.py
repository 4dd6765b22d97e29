"""``kill -9`` at random moments of a real ``cluster-advisor ingest``, 20+ times, then resume.

"Committed" means: the documents SQLite holds right after the kill, read read-only before the
application touches the data dir. After each kill the data dir must open with exactly those
documents (none torn: each has all its chunks of one corpus version), the start-up check must
leave an index whose vectors and BM25 rows are exactly the committed chunks, and a search must
answer from committed documents only. A last, uninterrupted ingest must resume (not redo what was
committed) and end with exactly the corpus. The moments, the checks and the figures are those of
``cluster-advisor bench crash`` (:mod:`evals.bench_crash`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.bench_crash import run_crash_bench

pytestmark = pytest.mark.slow


def test_kill_9_during_ingest_never_leaves_the_data_dir_unusable(tmp_path: Path) -> None:
    result = run_crash_bench(
        workdir=tmp_path,
        rounds=20,
        seed=20260510,
        max_delay_s=8.0,
        calls=24,
        clusters=96,
        fresh_process=False,
    )
    summary = json.dumps(result.summary())
    kills = result.kills
    assert len(kills) >= 20, summary
    assert [(r.round, r.problems) for r in result.rounds if r.problems] == [], summary
    assert result.final_problems == [], summary

    # Every kill was followed by an open data dir, whatever the moment: before the first commit,
    # in the middle of the ingest (some documents committed, the index being written), or later.
    assert all(r.check.get("documents") == r.committed for r in kills)
    assert any(r.committed == 0 for r in kills)
    assert any(0 < r.committed < r.expected_total for r in kills), summary
    assert any(r.check.get("action") in ("repaired", "rebuilt") for r in kills), summary

    # The final ingest resumed: what was committed and indexed before it was not written again.
    final = result.final_ingest
    written = sum(final["added"].values()) + sum(final["updated"].values())
    assert sum(final["unchanged"].values()) > 0 and written < result.final_check["documents"]
    assert result.final_check["action"] == "none" and result.final_check["health_after"] == "ok"
