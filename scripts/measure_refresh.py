"""Time ``cluster-advisor refresh`` on the whole bundle replayed locally: unchanged, then 20 changes.

Usage (on a *copy* of an ingested data dir; the script writes to it)::

    PYTHONPATH=. python scripts/measure_refresh.py --data-dir /tmp/copy-of-data

It serves the bundled calls (1,368) from the loopback replay server of the tests in the search
API's format, runs ``cluster-advisor refresh --json`` (a real process) against it, then changes 20
calls (10 deadlines moved, 5 budgets changed, 5 new cascade calls) and runs it again. Prints each
run's wall time and the command's own JSON report.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from corpus.bundle import load_bundled_records
from corpus.models import Budget, DocType, FundingCall
from tests.fakes.ft_search import api_result, replay_for


def _run(data_dir: Path, base_url: str, today: str) -> dict[str, object]:
    env = {**os.environ, "CLUSTER_ADVISOR_FT_SEARCH_API": base_url}
    command = [sys.executable, "-m", "integrations.cli.main", "--data-dir", str(data_dir), "--today", today]
    start = time.perf_counter()
    done = subprocess.run(
        [*command, "refresh", "--json"], env=env, capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"refresh failed ({done.returncode}): {done.stderr.strip()}")
    report: dict[str, object] = json.loads(done.stdout)
    report["wall_s"] = round(wall, 2)
    return report


def _twenty_changes(calls: list[FundingCall]) -> list[FundingCall]:
    changed = list(calls)
    dated = [i for i, c in enumerate(changed) if c.deadline is not None and c.call_kind == "topic"]
    for i in dated[:10]:
        deadline = changed[i].deadline
        assert deadline is not None
        changed[i] = changed[i].model_copy(update={"deadline": deadline + dt.timedelta(days=14)})
    budgeted = [i for i, c in enumerate(changed) if c.budget and c.budget.total_eur and i not in dated[:10]]
    for i in budgeted[:5]:
        budget = changed[i].budget
        assert budget is not None and budget.total_eur is not None
        changed[i] = changed[i].model_copy(
            update={"budget": budget.model_copy(update={"total_eur": budget.total_eur + 500_000})}
        )
    template = next(c for c in calls if c.call_kind == "cascade")
    for n in range(5):
        ref = f"9990{n}COMPETITIVE_CALLen"
        changed.append(
            template.model_copy(
                update={
                    "title": f"Replayed new cascade call {n} for SMEs in clusters",
                    "provenance": (template.provenance[0].model_copy(update={"record_ref": ref}),),
                    "budget": Budget(total_eur=1_000_000 + n),
                }
            )
        )
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--today", default="2026-12-03")
    args = parser.parse_args()
    calls = [c for c in load_bundled_records(doc_types=[DocType.CALL]) if isinstance(c, FundingCall)]
    with replay_for(calls) as server:
        unchanged = _run(args.data_dir, server.base_url, args.today)
        print(json.dumps({"run": "unchanged feed", **unchanged}))  # noqa: T201 - a script's output
        server.results = [api_result(c) for c in _twenty_changes(calls)]
        changed = _run(args.data_dir, server.base_url, args.today)
        print(json.dumps({"run": "20 changes", **changed}))  # noqa: T201
        again = _run(args.data_dir, server.base_url, args.today)
        print(json.dumps({"run": "same 20-change feed again", **again}))  # noqa: T201


if __name__ == "__main__":
    main()
