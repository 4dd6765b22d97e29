"""``bench load`` on the scale-out path: PostgreSQL, a Chroma server and ``serve --workers N``, one machine.

Starts a throw-away PostgreSQL (``initdb``/``pg_ctl``) and ``chroma run`` on loopback ports (the same
helpers the scale-out tests use), ingests the bundled corpus into them once, then runs
``cluster-advisor bench load --think-ms 0 --mix search=1 --concurrency 1,20`` for each ``--workers``
value and writes each report to ``--out``:

    python scripts/bench_scaleout.py --workers 2,4 --duration 20 --out /tmp/scaleout
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.fakes.chroma import running_chroma
from tests.fakes.postgres import running_postgres

CLI = [sys.executable, "-m", "integrations.cli.main"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", default="2,4", help="serve --workers values, comma-separated")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per step")
    parser.add_argument("--warmup", type=float, default=15.0)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="scaleout-bench-") as tmp, running_postgres() as postgres:
        root = Path(tmp)
        (root / "chroma").mkdir()
        with running_chroma(root / "chroma") as (host, port):
            prefixes = ("CLUSTER_ADVISOR_", "SLACK_", "CHROMA_", "OPENAI_")
            env = {k: v for k, v in os.environ.items() if not k.startswith(prefixes)} | {
                "CLUSTER_ADVISOR_DATA_DIR": str(root / "data"),
                "CLUSTER_ADVISOR_DATABASE_URL": postgres.create_database("bench"),
                "CHROMA_HOST": host,
                "CHROMA_PORT": str(port),
                "ANONYMIZED_TELEMETRY": "False",
            }
            subprocess.run([*CLI, "ingest", "--no-progress"], env=env, check=True)
            for workers in (int(part) for part in args.workers.split(",")):
                command = [
                    *CLI, "bench", "load", "--think-ms", "0", "--mix", "search=1", "--concurrency", "1,20",
                    "--duration", str(args.duration), "--warmup", str(args.warmup),
                    "--workers", str(workers), "--json",
                ]  # fmt: skip
                done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
                report = json.loads(done.stdout)
                (args.out / f"scaleout-workers-{workers}.json").write_text(json.dumps(report, indent=2))
                for step in report["steps"]:
                    search = step["endpoints"]["search"]
                    print(
                        f"workers {workers} clients {step['concurrency']}: {search['rps']} req/s, "
                        f"p95 {search['p95_ms']} ms, errors {search['errors']}, "
                        f"cores used {step['cores_used']}"
                    )
                print(json.dumps(report["targets"]))


if __name__ == "__main__":
    main()
