"""The load and soak generators against the real served app, and the pure parts of the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.settings import Settings
from evals.bench_load import (
    EndpointStats,
    LoadReport,
    StepResult,
    check_targets,
    endpoint_stats,
    find_knee,
    run_steps,
)
from evals.bench_report import machine_summary, write_report
from evals.bench_server import served_for_load, warm_up
from evals.bench_soak import SoakReport, second_half_slope, slope_per_minute, soak
from evals.bench_workload import Sample, default_workload, parse_mix
from tests.assistant.factories import TODAY, build_corpus

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def small_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small test corpus, ingested and closed (the served app opens a copy of it)."""
    path = tmp_path_factory.mktemp("load-corpus")
    for _ in build_corpus(path):  # runs to the end: index and store closed
        pass
    return path


def _settings(data_dir: Path) -> Settings:
    # One serve process: these tests check the benchmark's mechanics in a few seconds of load, not
    # the workers (tests/scaleout/test_embedded_workers.py), whose start-up would share those seconds.
    return Settings(_env_file=None, data_dir=data_dir, today_override=TODAY, serve_workers=1)


def _ordered(stats: EndpointStats) -> bool:
    assert stats.p50_ms is not None and stats.p95_ms is not None and stats.p99_ms is not None
    assert stats.max_ms is not None
    return 0 < stats.p50_ms <= stats.p95_ms <= stats.p99_ms <= stats.max_ms


def test_load_step_then_soak_on_the_served_app(small_data_dir: Path) -> None:
    settings = _settings(small_data_dir)
    workload = default_workload()
    with served_for_load(settings) as target:  # one server for both runs: start-up is the slow part
        warm_up(target, workload, seconds=1.0)
        report = run_steps(target=target, workload=workload, concurrency=(2,), duration_s=2.0)
        soaked = soak(target=target, workload=workload, concurrency=2, minutes=0.05)

    (step,) = report.steps
    assert step.concurrency == 2 and step.wall_s >= 2.0
    assert set(step.endpoints) == {"search", "ask", "slack"}
    for name, stats in step.endpoints.items():
        assert stats.requests > 0, name
        assert stats.errors == 0 and stats.error_kinds == {}, (name, stats.error_kinds)
        assert _ordered(stats), (name, stats)
    assert step.total.requests == sum(s.requests for s in step.endpoints.values())
    assert step.total.rps == pytest.approx(step.total.requests / step.wall_s, rel=0.01)
    assert step.server_rss_mb_max >= step.server_rss_mb_end > 50  # the server loaded a model
    assert 0 < step.server_main_rss_mb_max <= step.server_rss_mb_max and step.server_processes_max >= 1
    assert step.server_cpu_percent > 0 and step.slack_drain_s >= 0
    assert report.server_rss_mb_start > 0
    assert report.knee_concurrency is None  # one step: nothing to compare
    assert [t.passed for t in report.targets] == [None, None, None]  # 20 clients not run

    assert soaked.total.requests > 0 and soaked.total.errors == 0
    assert len(soaked.rss_timeline) >= 3
    times = [t for t, _ in soaked.rss_timeline]
    assert times == sorted(times) and times[0] == 0 and times[-1] >= 2
    assert soaked.rss_mb_max >= max(soaked.rss_mb_start, soaked.rss_mb_end) > 50
    assert soaked.flat == (soaked.slope_mb_per_min < soaked.flat_threshold_mb_per_min)
    assert len(soaked.main_rss_timeline) == len(soaked.rss_timeline)
    assert all(
        main <= tree
        for (_, main), (_, tree) in zip(soaked.main_rss_timeline, soaked.rss_timeline, strict=True)
    )


def test_knee_is_where_throughput_stops_growing_while_p95_rises() -> None:
    clients = [1, 5, 10, 20, 40]
    assert find_knee(clients, [10, 40, 55, 58, 57], [50, 60, 100, 200, 400]) == 5  # 2x clients, +38 %
    # the measured curve of docs/benchmarks (users with think time): the knee is at 40
    measured = [1.0, 5.2, 10.2, 19.6, 36.0, 40.9]
    assert find_knee([1, 5, 10, 20, 40, 80], measured, [80, 94, 115, 166, 383, 4023]) == 40
    assert find_knee(clients, [10, 20, 40, 80, 160], [50, 50, 50, 50, 50]) is None
    # flat throughput but p95 not rising (noise): no knee yet
    assert find_knee([1, 5], [10.0, 10.5], [100, 90]) is None
    assert find_knee([1, 5, 10], [10.0, 10.5, 10.4], [100, 90, 300]) == 5
    assert find_knee([1, 5], [10.0, 10.5], [None, 90]) is None
    assert find_knee([], [], []) is None


def test_endpoint_stats_counts_errors_by_kind() -> None:
    samples = [Sample("search", 0.0, float(ms), 200) for ms in range(1, 98)]
    samples += [Sample("search", 0.0, 500.0, 503), Sample("search", 0.0, 30000.0, 0, "ReadTimeout")]
    samples += [Sample("search", 0.0, 5.0, 200)]
    stats = endpoint_stats(samples, wall_s=10.0)
    assert stats.requests == 100 and stats.errors == 2 and stats.error_rate == 0.02
    assert stats.error_kinds == {"HTTP 503": 1, "ReadTimeout": 1}
    assert stats.rps == 10.0 and stats.max_ms == 30000.0
    assert _ordered(stats)
    empty = endpoint_stats([], wall_s=1.0)
    assert empty.requests == 0 and empty.p95_ms is None and empty.error_rate == 0.0


def test_targets_at_twenty_clients() -> None:
    fast = EndpointStats(
        requests=10, errors=0, error_rate=0, rps=1, p50_ms=10, p95_ms=90, p99_ms=95, max_ms=99
    )
    slow = fast.model_copy(update={"p95_ms": 600.0})
    step = StepResult(
        concurrency=20,
        wall_s=1,
        endpoints={"search": fast, "ask": slow},
        total=fast,
        server_rss_mb_max=1,
        server_rss_mb_end=1,
        server_cpu_percent=1,
        client_cpu_percent=1,
        slack_drain_s=0,
    )
    assert [t.passed for t in check_targets([step])] == [True, True, False]
    assert [t.measured for t in check_targets([step])] == [0, 90.0, 600.0]


def test_closed_loop_targets_compare_twenty_clients_with_one() -> None:
    """Without think time (issue 19): 0 errors, search p95 <= 250 ms at 20, throughput 20/1 >= 1.7."""
    single = EndpointStats(
        requests=500, errors=0, error_rate=0, rps=50, p50_ms=18, p95_ms=25, p99_ms=30, max_ms=40
    )
    busy = single.model_copy(update={"rps": 95.0, "p95_ms": 240.0})
    steps = [
        StepResult(
            concurrency=clients,
            wall_s=10,
            endpoints={"search": stats},
            total=stats,
            server_rss_mb_max=1,
            server_rss_mb_end=1,
            server_cpu_percent=1,
            client_cpu_percent=1,
            slack_drain_s=0,
        )
        for clients, stats in ((1, single), (20, busy))
    ]
    checks = check_targets(steps, think_ms=0)
    assert [t.measured for t in checks] == [0, 240.0, 1.9]
    assert [t.passed for t in checks] == [True, True, True]
    queued = [steps[0], steps[1].model_copy(update={"total": busy.model_copy(update={"rps": 60.0})})]
    assert [t.passed for t in check_targets(queued, think_ms=0)] == [True, True, False]  # 1.2x: one core
    assert [t.passed for t in check_targets(steps[1:], think_ms=0)] == [True, True, None]  # no 1-client step


def test_slope_per_minute_and_second_half() -> None:
    times = [float(t) for t in range(0, 601, 10)]
    assert slope_per_minute(times, [100 + 2 * t / 60 for t in times]) == pytest.approx(2.0)
    assert slope_per_minute([0.0], [1.0]) == 0.0
    # a steep warm-up in the first half, flat afterwards
    timeline = [(t, 100 + t if t < 300 else 400.0) for t in times]
    assert second_half_slope(timeline) == pytest.approx(0.0)
    with pytest.raises(ValueError):
        slope_per_minute([0.0, 1.0], [1.0])


def test_workload_mix_and_questions() -> None:
    assert parse_mix("search=45, ask=35,slack=20") == {"search": 45.0, "ask": 35.0, "slack": 20.0}
    workload = default_workload({"search": 1, "ask": 0})
    assert workload.searches and workload.conversations and workload.slack_texts
    assert all(params["q"] and params["today"] for params in workload.searches)
    for bad in ({"upload": 1.0}, {"search": -1.0}, {"search": 0.0}):
        with pytest.raises(ValueError):
            default_workload(bad)
    assert default_workload(think_s=1.5).think_s == 1.5
    with pytest.raises(ValueError):
        default_workload(think_s=-1)
    with pytest.raises(ValueError):
        parse_mix("search:45")


def _synthetic_figures() -> dict[str, object]:
    def stats(p95: float, rps: float) -> EndpointStats:
        return EndpointStats(
            requests=int(rps * 60),
            errors=0,
            error_rate=0,
            rps=rps,
            p50_ms=p95 / 3,
            p95_ms=p95,
            p99_ms=p95 * 1.3,
            max_ms=p95 * 2,
        )

    steps = [
        StepResult(
            concurrency=c,
            wall_s=60,
            endpoints={
                "search": stats(20 * c, 5 * r),
                "ask": stats(90 * c, 3 * r),
                "slack": stats(5 + c, 2 * r),
            },
            total=stats(80 * c, 10 * r),
            server_rss_mb_max=600 + c,
            server_rss_mb_end=600 + c,
            server_cpu_percent=150,
            client_cpu_percent=20,
            slack_drain_s=1,
        )
        for c, r in ((1, 1.0), (5, 3.0), (20, 3.2), (40, 3.1))
    ]
    load = LoadReport(
        steps=steps,
        duration_s=60,
        mix={"search": 45, "ask": 35, "slack": 20},
        knee_concurrency=5,
        targets=check_targets(steps),
        server_rss_mb_start=550,
    )
    timeline = [(float(t), 600 + min(t, 60) / 10) for t in range(0, 600)]
    soak = SoakReport(
        concurrency=20,
        minutes=10,
        wall_s=600,
        endpoints={"search": stats(50, 5)},
        total=stats(50, 5),
        rss_timeline=timeline,
        rss_mb_start=600,
        rss_mb_end=606,
        rss_mb_max=606,
        slope_mb_per_min=0.0,
        flat=True,
        slack_drain_s=2,
    )
    return {
        "measured_on": "2026-05-10T12:00:00+00:00",
        "command": "cluster-advisor --data-dir data bench all",
        "quick": False,
        "machine": machine_summary(),
        "search": {
            "command": "cluster-advisor bench search --json",
            "latency": {"hybrid": {"p50_ms": 12.0, "p95_ms": 18.5, "mean_ms": 13.0, "queries": 725}},
        },
        "ask": {
            "command": "cluster-advisor bench ask --json",
            "p95_target_ms": 300.0,
            "p95_target_met": True,
            "latency": {"p50_ms": 120.0, "p95_ms": 250.0, "max_ms": 400.0, "asks": 340},
        },
        "slack": {
            "command": "cluster-advisor bench slack --json",
            "events": 200,
            "concurrency": 20,
            "http_status": {"200": 200},
            "ack_ms": {"p50": 5, "p95": 20, "p99": 40, "max": 50},
            "first_message_ms": {"p50": 50, "p95": 200, "p99": 300, "max": 400},
        },
        "ingest": {
            "documents": 150,
            "chunks": 520,
            "seconds": 9.5,
            "docs_per_s": 15.8,
            "chunks_per_s": 54.7,
            "subset": True,
            "timeline": [[0.0, 0], [3.0, 180], [6.2, 360], [9.5, 520]],
        },
        "load": load.model_dump(mode="json"),
        "soak": soak.model_dump(mode="json"),
    }


def test_report_writes_markdown_json_plots_and_index(tmp_path: Path) -> None:
    figures = _synthetic_figures()
    report = write_report(figures=figures, out_dir=tmp_path)

    assert report == tmp_path / "report-2026-05-10.md"
    text = report.read_text(encoding="utf-8")
    machine = figures["machine"]
    assert isinstance(machine, dict)
    images = sorted((tmp_path / "figures").glob("*.png"))
    assert [p.name for p in images] == [
        "report-2026-05-10-ingest.png",
        "report-2026-05-10-latency.png",
        "report-2026-05-10-soak.png",
        "report-2026-05-10-throughput.png",
    ]
    for image in images:
        assert image.read_bytes().startswith(PNG_SIGNATURE) and image.stat().st_size > 10_000
        assert f"](figures/{image.name})" in text
    assert text.count("*Figure ") == 4
    assert text.count("Command: `cluster-advisor --data-dir data bench all`") >= 4
    assert text.count(str(machine["cpu"])) >= 5 and f"{machine['cores']} cores" in text
    assert "Knee: **5**" in text and "**FAIL**" in text  # ask p95 at 20 clients is 1800 ms
    assert "| 20 | search |" in text and "18.5" in text and "flat below 1.0 MB/min" in text
    assert json.loads((tmp_path / "report-2026-05-10.json").read_text())["load"]["knee_concurrency"] == 5
    index = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "Latest full run: [report-2026-05-10](report-2026-05-10.md)" in index


def test_report_of_a_quick_partial_run(tmp_path: Path) -> None:
    figures = {"measured_on": "2026-05-11T08:00:00+00:00", "command": "c", "quick": True, "machine": {}}
    report = write_report(figures=figures, out_dir=tmp_path)
    assert report.name == "report-2026-05-11-quick.md"
    assert "Quick run" in report.read_text(encoding="utf-8")
    assert not (tmp_path / "figures").exists()
    assert "(quick smoke run)" in (tmp_path / "README.md").read_text(encoding="utf-8")
