"""A/B of the Slack benchmark's sender: httpx (used until 2026-11-23) against aiohttp (used now).

Usage: python scripts/ab_slack_sender.py --data-dir DIR [--today 2026-05-10] [--rounds 3]

Both senders time the same server code, interleaved round by round, in one script. On a 2-core
machine the sender's CPU is taken from the server it times; this shows how much of the ack
latency was the sender's. Prints one JSON line per run, then the medians per sender.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from corpus.settings import Settings  # noqa: E402
from evals import bench_slack  # noqa: E402

AIOHTTP_SEND = bench_slack._send_all


async def httpx_send(
    base_url: str, *, events: int, concurrency: int, first: int = 0
) -> list[tuple[str, float, float, int]]:
    """The previous sender: httpx's AsyncClient, ``concurrency`` requests in flight."""
    run = str(int(time.time()))
    gate = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, timeout=30.0, limits=limits) as client:

        async def one(number: int) -> tuple[str, float, float, int]:
            body, headers = bench_slack.signed_mention(number, run=run)
            async with gate:
                sent = time.perf_counter()
                response = await client.post("/slack/events", content=body, headers=headers)
                ack_ms = (time.perf_counter() - sent) * 1000
                return f"1900000000.{number:06d}", sent, ack_ms, response.status_code

        return list(await asyncio.gather(*(one(n) for n in range(first, first + events))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="an ingested data dir")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 5, 10))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    settings = Settings(data_dir=args.data_dir, today_override=args.today)
    runs: dict[str, list[dict[str, dict[str, float]]]] = {"httpx": [], "aiohttp": []}
    for round_no in range(args.rounds):
        for name, sender in (("httpx", httpx_send), ("aiohttp", AIOHTTP_SEND)):
            bench_slack._send_all = sender
            result = bench_slack.bench_slack_events(settings=settings, events=200, concurrency=20)
            runs[name].append(result)
            print(json.dumps({"sender": name, "round": round_no, **result}), flush=True)
    for name, results in runs.items():
        medians = {
            measure: {q: statistics.median(r[measure][q] for r in results) for q in ("p50", "p95", "p99")}
            for measure in ("ack_ms", "first_message_ms")
        }
        print(json.dumps({"sender": name, "median_of_runs": medians}))


if __name__ == "__main__":
    main()
