"""Profile the ``GET /v1/search`` hot path in one process (cProfile), as the route runs it.

Opens the application on ``--data-dir`` (a copy of an ingested data dir), warms it up, then runs
every question of ``evals/datasets/retrieval.jsonl`` ``--rounds`` times through the same calls the
route makes (``HybridRetriever.search`` and the JSON dump) under cProfile timed in process CPU
time, and prints the top functions by cumulative and by own time, plus the CPU and wall
milliseconds per search. Run it with ``PYTHONPATH`` at another checkout for its "before".

    python scripts/profile_search.py --data-dir /tmp/copy --rounds 3 --out docs/profiles/search-before.txt
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import time
from pathlib import Path

from assistant.app import open_advisor
from corpus.settings import Settings
from evals.answers_eval import load_cases
from evals.retrieval_eval import DEFAULT_EVAL_TODAY, load_questions
from retrieval.filters import parse_filters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--ask",
        action="store_true",
        help="Profile /v1/ask's work instead: the first turn of each answers case.",
    )
    args = parser.parse_args()
    settings = Settings(data_dir=args.data_dir)
    questions = load_questions()
    cases = load_cases()
    with open_advisor(settings, chat_model=None) as advisor:
        retriever = advisor.retriever

        def one_round() -> None:
            if args.ask:
                for case in cases:
                    advisor.assistant.ask(question=case.turns[0], today=case.today)
                return
            for question in questions:
                given = question.filters
                filters = parse_filters(doc_type=given.type, country=given.country, status=given.status)
                result = retriever.search(
                    query=question.question, k=10, filters=filters, today=question.today or DEFAULT_EVAL_TODAY
                )
                result.model_dump(mode="json")

        one_round()  # warm-up: first calls, lazy imports
        # CPU time of the whole process (onnxruntime's threads included): what a search costs the
        # machine, and steadier than wall time on a machine shared with other jobs.
        profiler = cProfile.Profile(time.process_time)
        started, cpu_started = time.perf_counter(), time.process_time()
        profiler.enable()
        for _ in range(args.rounds):
            one_round()
        profiler.disable()
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    searches = args.rounds * (len(cases) if args.ask else len(questions))
    text = io.StringIO()
    unit = "answer" if args.ask else "search"
    text.write(
        f"{searches} {unit}s under cProfile: {cpu * 1000 / searches:.2f} ms of CPU and "
        f"{elapsed * 1000 / searches:.2f} ms of wall time per {unit} "
        f"(load average {os.getloadavg()[0]:.1f})\n"
    )
    stats = pstats.Stats(profiler)
    for name in ("embed_query", "understand_query", "get_scores"):
        calls = sum(row[1] for (_, _, function), row in stats.stats.items() if function == name)  # type: ignore[attr-defined]
        text.write(f"{name}: {calls / searches:.2f} calls per {unit}\n")
    text.write("\n")
    for order in ("cumulative", "tottime"):
        text.write(f"--- top {args.top} by {order} ---\n")
        pstats.Stats(profiler, stream=text).strip_dirs().sort_stats(order).print_stats(args.top)
    report = text.getvalue()
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
