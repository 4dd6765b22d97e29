"""What a saved search costs on a data dir: the plan (ask's planner) and one digest (ask's executor).

Usage: python scripts/measure_saved_search.py --data-dir DIR [--today 2026-05-10] [--rounds 5]

For each question: the median time to read it into a watch plan, and to compute its digest four
weeks later (every matching public call, new and closing soon), with the counts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from assistant.app import open_advisor  # noqa: E402
from assistant.watches import digest_of, matching_calls, watch_plan  # noqa: E402
from corpus.settings import Settings  # noqa: E402

QUESTIONS = (
    "open calls on hydrogen",
    "Horizon Europe calls on batteries",
    "open calls for cluster internationalisation",
    "calls closing in the next 30 days",
    "Interreg calls for SMEs in Poland",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 5, 10))
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    settings = Settings(_env_file=None, data_dir=args.data_dir, today_override=args.today)
    started = time.perf_counter()
    advisor = open_advisor(settings, chat_model=None)
    advisor.assistant.catalog.get()
    print(f"open + catalog: {time.perf_counter() - started:.1f} s")
    later = args.today + dt.timedelta(days=28)
    for question in QUESTIONS:
        plan_s, digest_s = [], []
        for _ in range(args.rounds):
            clock = time.perf_counter()
            plan = watch_plan(advisor.assistant, question, today=args.today)
            plan_s.append(time.perf_counter() - clock)
            clock = time.perf_counter()
            matching = matching_calls(advisor.assistant, plan, planned_on=args.today, today=later)
            digest = digest_of(matching, seen=set(), today=later)
            digest_s.append(time.perf_counter() - clock)
        print(
            f"{question!r}: plan {statistics.median(plan_s) * 1000:.1f} ms, digest "
            f"{statistics.median(digest_s) * 1000:.1f} ms (medians of {args.rounds}); "
            f"{len(matching)} matching and {len(digest.closing)} closing soon on {later}"
        )
    advisor.close()


if __name__ == "__main__":
    main()
