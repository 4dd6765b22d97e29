"""Soak test: constant load on the real serve app for minutes, its resident memory sampled each second.

Same served app, workload and client as :mod:`evals.bench_load` (see :mod:`evals.bench_server`),
after the same warm-up. The verdict looks at the
server's RSS: the least-squares slope over the second half of the run (the first half is the
warm-up of caches, allocator pools and conversation stores) must be below
:data:`FLAT_MB_PER_MIN` for the memory to count as flat.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence

from pydantic import BaseModel

from corpus.settings import Settings
from evals.bench_load import EndpointStats, StepProgress, endpoint_stats, stats_by_endpoint
from evals.bench_server import LoadTarget, drive, served_for_load, wait_for_slack, warm_up
from evals.bench_workload import THINK_MS, Workload, default_workload

FLAT_MB_PER_MIN = 1.0
"""Largest RSS growth (MB per minute, second half of the soak) that still counts as flat."""


class SoakReport(BaseModel):
    """A soak run: throughput and latency over the whole run, and the server's RSS over time."""

    concurrency: int
    minutes: float
    wall_s: float
    endpoints: dict[str, EndpointStats]
    total: EndpointStats
    rss_timeline: list[tuple[float, float]]
    """``(seconds since the soak began, RSS MB)`` once a second while under load, summed over the
    server's process tree."""
    main_rss_timeline: list[tuple[float, float]] = []
    """The same for the serving process alone (without Slack answer workers)."""
    processes_max: int = 1
    think_ms: float = 0.0
    rss_mb_start: float
    rss_mb_end: float
    rss_mb_max: float
    slope_mb_per_min: float
    """Least-squares RSS slope over the second half of the run."""
    flat_threshold_mb_per_min: float = FLAT_MB_PER_MIN
    flat: bool
    slack_drain_s: float


def slope_per_minute(times_s: Sequence[float], values: Sequence[float]) -> float:
    """Least-squares slope of ``values`` against ``times_s``, per minute (0 with fewer than 2 points).

    Raises:
        ValueError: The sequences differ in length.
    """
    if len(times_s) != len(values):
        raise ValueError("times and values differ in length")
    count = len(values)
    if count < 2:
        return 0.0
    mean_t = sum(times_s) / count
    mean_v = sum(values) / count
    spread = sum((t - mean_t) ** 2 for t in times_s)
    if spread == 0:
        return 0.0
    covariance = sum((t - mean_t) * (v - mean_v) for t, v in zip(times_s, values, strict=True))
    return covariance / spread * 60


def second_half_slope(timeline: Sequence[tuple[float, float]]) -> float:
    """:func:`slope_per_minute` over the samples of the second half of ``timeline`` (by time)."""
    if not timeline:
        return 0.0
    half = timeline[-1][0] / 2
    tail = [(t, v) for t, v in timeline if t >= half]
    return slope_per_minute([t for t, _ in tail], [v for _, v in tail])


def soak(
    *,
    target: LoadTarget,
    workload: Workload,
    concurrency: int = 20,
    minutes: float = 10.0,
    seed: int = 0,
    progress: StepProgress | None = None,
) -> SoakReport:
    """Hold ``concurrency`` users on an already served (and warm) ``target`` for ``minutes``."""
    duration_s = minutes * 60
    first = len(target.sampler.samples)
    tick = progress(f"soak, {concurrency} clients", int(duration_s)) if progress else None
    samples, wall_s = drive(
        target, workload, concurrency=concurrency, duration_s=duration_s, seed=seed, tick=tick
    )
    ended = time.perf_counter()
    drain_s = wait_for_slack(target.api, target.slack)
    # under load only: while the Slack backlog drains afterwards the server is no longer soaked
    soaked = [s for s in target.sampler.samples[max(0, first - 1) :] if s.at <= ended]
    began = soaked[0].at
    timeline = [(round(s.at - began, 1), round(s.rss_mb, 1)) for s in soaked]
    main_timeline = [(round(s.at - began, 1), round(s.main_rss_mb, 1)) for s in soaked]
    slope = second_half_slope(timeline)
    return SoakReport(
        concurrency=concurrency,
        minutes=minutes,
        wall_s=round(wall_s, 2),
        endpoints=stats_by_endpoint(samples, wall_s),
        total=endpoint_stats(samples, wall_s),
        think_ms=workload.think_s * 1000,
        rss_timeline=timeline,
        main_rss_timeline=main_timeline,
        processes_max=max(s.processes for s in soaked),
        rss_mb_start=timeline[0][1],
        rss_mb_end=timeline[-1][1],
        rss_mb_max=max(rss for _, rss in timeline),
        slope_mb_per_min=round(slope, 3),
        flat=slope < FLAT_MB_PER_MIN,
        slack_drain_s=drain_s,
    )


def run_soak(
    *,
    settings: Settings,
    concurrency: int = 20,
    minutes: float = 10.0,
    mix: Mapping[str, float] | None = None,
    think_ms: float = THINK_MS,
    warmup_s: float = 5.0,
    seed: int = 0,
    progress: StepProgress | None = None,
) -> SoakReport:
    """Serve a copy of ``settings.data_dir``, warm it up, and hold ``concurrency`` users for ``minutes``.

    Args:
        settings: Settings of an ingested data dir.
        concurrency: Virtual users for the whole run.
        minutes: Length of the run.
        mix: Endpoint weights (default as :func:`evals.bench_workload.default_workload`).
        think_ms: Mean pause of each user between requests (0: none, the default).
        warmup_s: Unrecorded requests at 2 users first (0 to skip).
        seed: Seed of the users' random choices.
        progress: Called once with a description and the seconds; the callable it returns is
            ticked once a second.
    """
    workload = default_workload(mix, think_s=think_ms / 1000)
    with served_for_load(settings) as target:
        warm_up(target, workload, seconds=warmup_s, seed=seed)
        return soak(
            target=target,
            workload=workload,
            concurrency=concurrency,
            minutes=minutes,
            seed=seed,
            progress=progress,
        )
