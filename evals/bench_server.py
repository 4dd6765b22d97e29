"""The served app a load or soak test drives, and how its process tree is watched.

:func:`served_for_load` copies the data dir to a temporary folder (serving writes conversations),
starts the recording Slack Web API and ``cluster-advisor serve`` in its own process (Slack
configured, rate limit off) and samples the server's memory and CPU once a second. One served app
can take several runs in a row (a warm-up, load steps, a soak).

RSS is summed over the server and its child processes (Slack answers may run in worker
processes), so pages they share count once per process: an upper bound, steady when nothing leaks.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil
from pydantic import BaseModel

from corpus.settings import Settings
from evals.bench_slack import bench_settings, serve_app
from evals.bench_workload import Sample, SlackEvents, Workload, run_users
from evals.slack_web_api import MockSlackApi, mock_slack_api


@dataclass(frozen=True, slots=True)
class ProcessSample:
    """A process tree's resident memory and CPU use at one moment (``perf_counter`` seconds)."""

    at: float
    rss_mb: float
    """Summed over the tree."""
    cpu_percent: float
    """Summed over the tree (100 = one core busy)."""
    main_rss_mb: float = 0.0
    """The serving process alone."""
    processes: int = 1


class ProcessSampler:
    """Samples a process tree's RSS and CPU share once per ``interval_s`` on a daemon thread.

    The tree is the process and its children (the server may compute Slack answers in worker
    processes): RSS is summed over them, CPU shares too (100 = one core busy).

    Args:
        pid: The process to watch (the server).
        interval_s: Seconds between samples.
    """

    def __init__(self, pid: int, *, interval_s: float = 1.0) -> None:
        self._root = psutil.Process(pid)
        self._known: dict[int, Any] = {pid: self._root}
        self._interval_s = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)
        self.samples: list[ProcessSample] = []

    def __enter__(self) -> ProcessSampler:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _tree(self) -> list[Any]:
        try:
            children = self._root.children(recursive=True)
        except psutil.Error:
            return []
        alive = {self._root.pid: self._root}
        for child in children:
            # keep the Process objects: cpu_percent measures from that object's previous call
            alive[child.pid] = self._known.get(child.pid, child)
        self._known = alive
        return list(alive.values())

    def _sample(self) -> None:
        rss = cpu = main = 0.0
        tree = self._tree()
        if not tree:  # the server ended: nothing more to sample
            self._stop.set()
            return
        for process in tree:
            try:
                resident = process.memory_info().rss / (1024 * 1024)
                cpu += process.cpu_percent(None)
            except psutil.Error:  # a worker ended between listing and sampling
                continue
            rss += resident
            main = resident if process is self._root else main
        self.samples.append(ProcessSample(time.perf_counter(), rss, cpu, main, len(tree)))

    def _run(self) -> None:
        while not self._stop.wait(self._interval_s):
            self._sample()

    def memory_by_process(self) -> list[ProcessMemory]:
        """Each process of the tree now: resident (RSS) and unique (USS: pages no other process
        shares, such as the memory-mapped index files) megabytes, the largest first."""
        found = []
        for process in self._tree():
            try:
                info = process.memory_full_info()
                depth = 0 if process is self._root else (1 if process.ppid() == self._root.pid else 2)
            except psutil.Error:  # ended between listing and looking
                continue
            found.append(
                ProcessMemory(
                    pid=process.pid,
                    depth=depth,
                    rss_mb=round(info.rss / 2**20, 1),
                    uss_mb=round(info.uss / 2**20, 1),
                )
            )
        return sorted(found, key=lambda item: -item.rss_mb)

    def between(self, start: float, end: float) -> list[ProcessSample]:
        """The samples taken from ``start`` to ``end`` (``perf_counter`` seconds)."""
        return [sample for sample in list(self.samples) if start <= sample.at <= end]


class ProcessMemory(BaseModel):
    """One process of the server's tree: what it is and its memory."""

    pid: int
    depth: int
    """0: the process started (``serve``); 1: its children (the ``serve --workers`` processes, or
    with one worker the Slack answer workers); 2: their children (their Slack answer workers)."""
    rss_mb: float
    uss_mb: float


@dataclass
class LoadTarget:
    """A served app ready for load: its URL, its sampler, the Slack Web API and the events sent."""

    base_url: str
    sampler: ProcessSampler
    api: MockSlackApi
    slack: SlackEvents


@contextmanager
def copied_data_dir(source: Path) -> Iterator[Path]:
    """A temporary copy of the data dir ``source`` (without its eval cache), removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="cluster-advisor-load-") as tmp:
        target = Path(tmp) / "data"
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("eval-cache"))
        yield target


@contextmanager
def served_for_load(settings: Settings) -> Iterator[LoadTarget]:
    """Serve a copy of ``settings.data_dir`` with Slack on and no rate limit; sample the server."""
    with copied_data_dir(settings.data_dir) as data_dir, mock_slack_api() as api:
        configured = bench_settings(settings, api_url=api.url).model_copy(
            update={"data_dir": data_dir, "api_rate_limit_per_minute": 0}
        )
        with serve_app(configured) as served, ProcessSampler(served.pid) as sampler:
            yield LoadTarget(served.base_url, sampler, api, SlackEvents())


def wait_for_slack(
    api: MockSlackApi, slack: SlackEvents, *, idle_s: float = 1.5, timeout_s: float = 90.0
) -> float:
    """Wait until every acknowledged Slack event got its message and the Web API was idle ``idle_s``."""
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        with api._lock:
            done = len(api.posted_at) >= slack.acked
            idle = time.perf_counter() - api.last_call_at >= idle_s
        if done and (idle or slack.acked == 0):
            break
        time.sleep(0.1)
    return round(time.monotonic() - started, 2)


def warm_up(
    target: LoadTarget,
    workload: Workload,
    *,
    seconds: float,
    seed: int = 0,
    tick: Callable[[], None] | None = None,
) -> None:
    """Unrecorded requests from 2 clients for ``seconds`` (caches, first calls); Slack queue drained."""
    if seconds <= 0:
        return
    drive(target, workload, concurrency=2, duration_s=seconds, seed=seed, tick=tick)
    wait_for_slack(target.api, target.slack)


def drive(
    target: LoadTarget,
    workload: Workload,
    *,
    concurrency: int,
    duration_s: float,
    seed: int = 0,
    tick: Callable[[], None] | None = None,
) -> tuple[list[Sample], float]:
    """``concurrency`` users on ``target`` for ``duration_s``: the samples and the wall time."""
    return asyncio.run(
        run_users(
            base_url=target.base_url,
            workload=workload,
            concurrency=concurrency,
            duration_s=duration_s,
            slack=target.slack,
            seed=seed,
            on_second=tick,
        )
    )
