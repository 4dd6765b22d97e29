"""Measure install and start-up as a new user meets them (the README's quick-start table).

Usage: python scripts/measure_start.py [--rounds 3] [--embed-rounds 3] [--out FILE.json]

From one run, on a fresh clone of this checkout's committed HEAD in a temp dir:
  1. install: `make install` (venv + `.[dev,bench,postgres]`, what `make run`/`make test` use) and,
     apart, a core-only install (`pip install .`, no extras), each timed once (pip's cache warm);
  2. ready: `make run` on the fresh clone until `/readyz` answers 200 (ingest + stats + serve);
  3. cold ingest of the bundle into an empty data dir, with the shipped vectors (median of
     --rounds) and without them (`--no-shipped-vectors`, median of --embed-rounds);
  4. re-ingest of the unchanged bundle (median of --rounds);
  5. wheel size (`python -m build --wheel`) and repository size (tracked files; the vectors' share).
Every time is the whole command's wall time, model and library loading included.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _run(cmd: list[str], *, cwd: Path, env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return time.perf_counter() - started


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(ANONYMIZED_TELEMETRY="False", **extra)
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ready_after(clone: Path, env: dict[str, str]) -> float:
    """Seconds from `make run` to the first 200 from /readyz."""
    port = _free_port()
    started = time.perf_counter()
    process = subprocess.Popen(
        ["make", "run", f"PORT={port}"],
        cwd=clone,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as response:
                    if response.status == 200:
                        return time.perf_counter() - started
            except OSError:
                pass
            if process.poll() is not None:
                raise SystemExit("make run stopped before it was ready")
            time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(timeout=60)


def _tracked_bytes(clone: Path) -> tuple[int, int]:
    names = subprocess.run(["git", "ls-files", "-z"], cwd=clone, capture_output=True, check=True).stdout
    paths = [clone / name for name in names.decode().split("\0") if name]
    total = sum(path.stat().st_size for path in paths if path.is_file())
    vectors = sum(path.stat().st_size for path in paths if path.name.startswith("vectors-"))
    return total, vectors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--embed-rounds", type=int, default=3, help="rounds of the (slow) ingest without vectors"
    )
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    figures: dict[str, object] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average_at_start": os.getloadavg(),
        "rounds": args.rounds,
        "embed_rounds": args.embed_rounds,
    }
    with tempfile.TemporaryDirectory(prefix="measure-start-") as tmp:
        work = Path(tmp)
        clone = work / "clone"
        _run(["git", "clone", "--quiet", str(REPO), str(clone)], cwd=work)
        env = _clean_env()
        figures["install_make_s"] = round(_run(["make", "install"], cwd=clone, env=env), 1)
        core = work / "core-venv"
        _run([sys.executable, "-m", "venv", str(core)], cwd=work, env=env)
        figures["install_core_s"] = round(
            _run([str(core / "bin" / "pip"), "install", "--quiet", str(clone)], cwd=work, env=env), 1
        )
        figures["ready_after_make_run_s"] = round(_ready_after(clone, env), 1)
        cli = str(clone / ".venv" / "bin" / "cluster-advisor")

        def ingest(data: Path, *extra: str) -> float:
            return _run([cli, "--data-dir", str(data), "ingest", "--no-progress", *extra], cwd=work, env=env)

        with_vectors, without, again = [], [], []
        for n in range(args.rounds):
            data = work / f"data-{n}"
            with_vectors.append(ingest(data))
            again.append(ingest(data))
            shutil.rmtree(data)
        for n in range(args.embed_rounds):
            data = work / f"data-embed-{n}"
            without.append(ingest(data, "--no-shipped-vectors"))
            shutil.rmtree(data)
        measured = {
            "cold_ingest_shipped_vectors_s": with_vectors,
            "cold_ingest_embedding_s": without,
            "reingest_unchanged_s": again,
        }
        for key, values in measured.items():
            figures[key] = {
                "median": round(statistics.median(values), 1),
                "runs": [round(v, 1) for v in values],
            }
        dist = work / "dist"
        _run(
            [
                str(clone / ".venv" / "bin" / "python"),
                "-m",
                "build",
                "--wheel",
                "--outdir",
                str(dist),
                str(clone),
            ],
            cwd=work,
            env=env,
        )
        (wheel,) = dist.glob("*.whl")
        figures["wheel_bytes"] = wheel.stat().st_size
        total, vectors = _tracked_bytes(clone)
        figures["repo_tracked_bytes"] = total
        figures["repo_vectors_bytes"] = vectors
    figures["load_average_at_end"] = os.getloadavg()
    text = json.dumps(figures, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
