"""Load test: the real serve app in its own process, driven at increasing concurrency.

The server runs as :func:`evals.bench_server.served_for_load` starts it (a copy of the data dir,
Slack on against a recording Web API, rate limit off, its own process on a loopback port, so the
client's CPU is not the server's; RSS and CPU sampled once a second). After a short warm-up, each
step runs :func:`evals.bench_workload.run_users` with the next level of concurrency for the same
duration; between steps the Slack answers the step queued are left to finish (``slack_drain_s``).

Knee rule (:func:`find_knee`): the knee is the first concurrency ``c[i]`` such that going to
``c[i+1]`` raises total throughput by less than half as much as it raises the number of clients
(doubling the clients adds under 50 %) while the p95 over all requests rises — more clients past
that point mostly queue. No knee means throughput was still keeping up at the last step.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence

import psutil
from pydantic import BaseModel

from corpus.settings import Settings
from evals.bench_search import percentile
from evals.bench_server import LoadTarget, ProcessMemory, drive, served_for_load, wait_for_slack, warm_up
from evals.bench_workload import ENDPOINTS, THINK_MS, Sample, Workload, default_workload

DEFAULT_CONCURRENCY = (1, 5, 10, 20, 40, 80)
KNEE_EFFICIENCY = 0.5
"""At the knee, throughput grows less than this share of the growth in clients."""
KNEE_RULE = (
    "first concurrency after which the next step raises total throughput by less than half as much as "
    "the number of clients, while the overall p95 rises"
)
TARGET_CONCURRENCY = 20
SEARCH_P95_TARGET_MS = 100.0
ASK_P95_TARGET_MS = 500.0
CLOSED_LOOP_SEARCH_P95_TARGET_MS = 250.0
"""Search p95 at 20 clients without think time (issue 19), where the server is saturated."""
SCALING_TARGET = 1.7
"""Throughput at 20 clients over 1 client, closed loop (issue 19): more than one core at work."""

StepProgress = Callable[[str, int], Callable[[], None]]
"""``(description, seconds)`` → a callable ticked once per second of the step."""


class EndpointStats(BaseModel):
    """Requests of one endpoint (or all) in one step."""

    requests: int
    errors: int
    error_rate: float
    rps: float
    p50_ms: float | None
    p95_ms: float | None
    p99_ms: float | None
    max_ms: float | None
    error_kinds: dict[str, int] = {}


class StepResult(BaseModel):
    """One concurrency level: per-endpoint and overall figures, server memory and CPU."""

    concurrency: int
    wall_s: float
    endpoints: dict[str, EndpointStats]
    total: EndpointStats
    server_rss_mb_max: float
    server_rss_mb_end: float
    """RSS summed over the server's process tree (serving process + Slack answer workers)."""
    server_main_rss_mb_max: float = 0.0
    """The serving process alone."""
    server_processes_max: int = 1
    server_cpu_percent: float
    """Mean CPU share of the server process (100 = one core busy)."""
    cores_used: float = 0.0
    """The same as cores: mean CPU of the server's process tree over the step / 100."""
    server_memory: list[ProcessMemory] = []
    """Each server process at the end of the step: RSS and USS (unique pages), largest first."""
    client_cpu_percent: float
    slack_drain_s: float
    """Seconds after the step until the Slack answers it queued were all posted."""


class TargetCheck(BaseModel):
    """One target of the issue, at :data:`TARGET_CONCURRENCY` clients."""

    name: str
    target: str
    measured: float | None
    passed: bool | None
    """None when the step was not run."""


class LoadReport(BaseModel):
    """A whole load test."""

    workers: int | None = None
    """``serve --workers`` of the run (None: serve's default, the cores capped by memory)."""
    steps: list[StepResult]
    duration_s: float
    mix: dict[str, float]
    think_ms: float = 0.0
    knee_concurrency: int | None
    knee_rule: str = KNEE_RULE
    targets: list[TargetCheck]
    server_rss_mb_start: float


def endpoint_stats(samples: Sequence[Sample], wall_s: float) -> EndpointStats:
    """Counts, throughput and latency percentiles (ms, interpolated) of ``samples``."""
    latencies = [sample.latency_ms for sample in samples]
    errors = [sample for sample in samples if not sample.ok]
    kinds: dict[str, int] = {}
    for sample in errors:
        kind = sample.error or f"HTTP {sample.status}"
        kinds[kind] = kinds.get(kind, 0) + 1

    def pct(q: float) -> float | None:
        return round(percentile(latencies, q), 1) if latencies else None

    return EndpointStats(
        requests=len(samples),
        errors=len(errors),
        error_rate=round(len(errors) / len(samples), 4) if samples else 0.0,
        rps=round(len(samples) / wall_s, 2) if wall_s > 0 else 0.0,
        p50_ms=pct(50),
        p95_ms=pct(95),
        p99_ms=pct(99),
        max_ms=round(max(latencies), 1) if latencies else None,
        error_kinds=kinds,
    )


def stats_by_endpoint(samples: Sequence[Sample], wall_s: float) -> dict[str, EndpointStats]:
    """:func:`endpoint_stats` of each endpoint that has samples."""
    return {
        name: endpoint_stats([s for s in samples if s.endpoint == name], wall_s)
        for name in ENDPOINTS
        if any(s.endpoint == name for s in samples)
    }


def find_knee(
    concurrency: Sequence[int], throughput: Sequence[float], p95_ms: Sequence[float | None]
) -> int | None:
    """The knee of a load curve (see the module docstring), or None if throughput kept growing."""
    for i in range(len(concurrency) - 1):
        low, high = p95_ms[i], p95_ms[i + 1]
        more_clients = concurrency[i + 1] / concurrency[i] - 1
        flat = throughput[i + 1] < throughput[i] * (1 + KNEE_EFFICIENCY * more_clients)
        if flat and low is not None and high is not None and high > low:
            return concurrency[i]
    return None


def check_targets(
    steps: Sequence[StepResult], *, at: int = TARGET_CONCURRENCY, think_ms: float = THINK_MS
) -> list[TargetCheck]:
    """The targets at ``at`` clients: no errors, search p95 ≤ 100 ms, ask p95 ≤ 500 ms with think
    time (people reading answers); closed loop (``think_ms`` 0): 0 errors, search p95 ≤ 250 ms and
    throughput ≥ 1.7 × that of one client (:func:`check_closed_loop`)."""
    if think_ms == 0:
        return check_closed_loop(steps, at=at)
    step = _step_at(steps, at)
    return [
        _errors_check(step, at),
        _at_most(f"search p95 at {at} clients (ms)", _p95(step, "search"), SEARCH_P95_TARGET_MS),
        _at_most(f"ask p95 at {at} clients (ms)", _p95(step, "ask"), ASK_P95_TARGET_MS),
    ]


def check_closed_loop(steps: Sequence[StepResult], *, at: int = TARGET_CONCURRENCY) -> list[TargetCheck]:
    """Issue 19's targets of a closed-loop run: 0 errors and search p95 ≤ 250 ms at ``at`` clients,
    and throughput at ``at`` clients ≥ :data:`SCALING_TARGET` × throughput at 1 (same run)."""
    step = _step_at(steps, at)
    single = _step_at(steps, 1)
    ratio = round(step.total.rps / single.total.rps, 2) if step and single and single.total.rps > 0 else None
    return [
        _errors_check(step, at),
        _at_most(
            f"search p95 at {at} clients, closed loop (ms)",
            _p95(step, "search"),
            CLOSED_LOOP_SEARCH_P95_TARGET_MS,
        ),
        TargetCheck(
            name=f"throughput {at} clients / 1 client",
            target=f">= {SCALING_TARGET}",
            measured=ratio,
            passed=None if ratio is None else ratio >= SCALING_TARGET,
        ),
    ]


def _step_at(steps: Sequence[StepResult], concurrency: int) -> StepResult | None:
    return next((s for s in steps if s.concurrency == concurrency), None)


def _p95(step: StepResult | None, endpoint: str) -> float | None:
    measured = step.endpoints.get(endpoint) if step else None
    return measured.p95_ms if measured else None


def _errors_check(step: StepResult | None, at: int) -> TargetCheck:
    return TargetCheck(
        name=f"errors at {at} clients",
        target="0",
        measured=step.total.errors if step else None,
        passed=step.total.errors == 0 if step else None,
    )


def _at_most(name: str, measured: float | None, target: float) -> TargetCheck:
    return TargetCheck(
        name=name,
        target=f"<= {target:.0f}",
        measured=measured,
        passed=None if measured is None else measured <= target,
    )


def run_step(
    *,
    target: LoadTarget,
    workload: Workload,
    concurrency: int,
    duration_s: float,
    seed: int = 0,
    tick: Callable[[], None] | None = None,
) -> StepResult:
    """One step of ``concurrency`` users for ``duration_s``, then the Slack backlog drains."""
    client = psutil.Process()
    cpu_before = sum(client.cpu_times()[:2])
    began = time.perf_counter()
    samples, wall_s = drive(
        target, workload, concurrency=concurrency, duration_s=duration_s, seed=seed, tick=tick
    )
    ended = time.perf_counter()
    client_cpu = (sum(client.cpu_times()[:2]) - cpu_before) / wall_s * 100
    window = target.sampler.between(began, ended) or target.sampler.samples[-1:]
    memory = target.sampler.memory_by_process()
    drain_s = wait_for_slack(target.api, target.slack)
    return StepResult(
        concurrency=concurrency,
        wall_s=round(wall_s, 2),
        endpoints=stats_by_endpoint(samples, wall_s),
        total=endpoint_stats(samples, wall_s),
        server_rss_mb_max=round(max(s.rss_mb for s in window), 1),
        server_rss_mb_end=round(window[-1].rss_mb, 1),
        server_main_rss_mb_max=round(max(s.main_rss_mb for s in window), 1),
        server_processes_max=max(s.processes for s in window),
        server_cpu_percent=round(sum(s.cpu_percent for s in window) / len(window), 1),
        cores_used=round(sum(s.cpu_percent for s in window) / len(window) / 100, 2),
        server_memory=memory,
        client_cpu_percent=round(client_cpu, 1),
        slack_drain_s=drain_s,
    )


def run_steps(
    *,
    target: LoadTarget,
    workload: Workload,
    concurrency: Sequence[int] = DEFAULT_CONCURRENCY,
    duration_s: float = 60.0,
    seed: int = 0,
    progress: StepProgress | None = None,
) -> LoadReport:
    """One :func:`run_step` per concurrency level on an already served (and warm) ``target``."""
    rss_start = target.sampler.samples[-1].rss_mb
    steps = []
    for users in concurrency:
        tick = progress(f"{users} clients", int(duration_s)) if progress else None
        steps.append(
            run_step(
                target=target,
                workload=workload,
                concurrency=users,
                duration_s=duration_s,
                seed=seed + users,
                tick=tick,
            )
        )
    knee = find_knee(
        [s.concurrency for s in steps], [s.total.rps for s in steps], [s.total.p95_ms for s in steps]
    )
    return LoadReport(
        steps=steps,
        duration_s=duration_s,
        mix=dict(workload.mix),
        think_ms=workload.think_s * 1000,
        knee_concurrency=knee,
        targets=check_targets(steps, think_ms=workload.think_s * 1000),
        server_rss_mb_start=round(rss_start, 1),
    )


def run_load(
    *,
    settings: Settings,
    concurrency: Sequence[int] = DEFAULT_CONCURRENCY,
    duration_s: float = 60.0,
    mix: Mapping[str, float] | None = None,
    think_ms: float = THINK_MS,
    warmup_s: float = 5.0,
    seed: int = 0,
    progress: StepProgress | None = None,
    workers: int | None = None,
) -> LoadReport:
    """Serve a copy of ``settings.data_dir``, warm it up, and run one step per concurrency level.

    Args:
        settings: Settings of an ingested data dir (Slack and the rate limit are set for the run).
        concurrency: Virtual users of each step, in order.
        duration_s: Seconds each step sends requests.
        mix: Endpoint weights (default 45 % search, 35 % ask, 20 % Slack events).
        think_ms: Mean pause of each user between requests (0: none, the default).
        warmup_s: Unrecorded requests at 2 users before the first step (0 to skip).
        seed: Seed of the users' random choices.
        progress: Called before each step; the callable it returns is ticked once a second.
        workers: ``serve --workers`` (None: serve's default, the cores capped by memory).
    """
    workload = default_workload(mix, think_s=think_ms / 1000)
    if workers is not None:
        settings = settings.model_copy(update={"serve_workers": workers})
    with served_for_load(settings) as target:
        tick = progress("warm-up", int(warmup_s)) if progress and warmup_s > 0 else None
        warm_up(target, workload, seconds=warmup_s, seed=seed, tick=tick)
        report = run_steps(
            target=target,
            workload=workload,
            concurrency=concurrency,
            duration_s=duration_s,
            seed=seed,
            progress=progress,
        )
    return report.model_copy(update={"workers": workers})
