"""``cluster-advisor serve`` as real processes for the scale-out tests: start, wait until ready, stop."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from evals.bench_slack import wait_ready
from tests.fakes.chroma import free_port

CLI = "from integrations.cli.main import run; run()"


@dataclass
class Served:
    """One ``serve`` process (with its uvicorn workers, if any) on a loopback port."""

    url: str
    log: Path
    process: subprocess.Popen[bytes]


def start_serve(env: dict[str, str], log: Path, *args: str) -> Served:
    """Start ``cluster-advisor serve`` with ``env`` on a free port (not yet ready); output to ``log``."""
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", CLI, "serve", "--port", str(port), *args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return Served(url=f"http://127.0.0.1:{port}", log=log, process=process)


def wait_served(served: Served, *, timeout_s: float = 120) -> None:
    """Wait until ``/readyz`` answers 200 (the process opened its stores and the index)."""
    wait_ready(
        served.url,
        served.process,
        timeout_s=timeout_s,
        log_tail=lambda: served.log.read_text(errors="replace"),
    )


def stop_served(*group: Served) -> None:
    """SIGTERM every process at once (uvicorn shuts down gracefully), then wait for each."""
    for served in group:
        served.process.terminate()
    for served in group:
        try:
            served.process.wait(timeout=30)
        except subprocess.TimeoutExpired:  # pragma: no cover - uvicorn stops on SIGTERM
            served.process.kill()
            served.process.wait()
