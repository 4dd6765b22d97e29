"""The benchmark report: one Markdown file per run, its figures, its raw JSON, and an index.

``write_report`` takes the figures of ``cluster-advisor bench all`` (a JSON-able dict, see
:mod:`evals.bench_all`) and writes, under ``out_dir``: ``report-<day>[-quick].md``, the same
figures as ``report-<day>[-quick].json``, the PNG plots under ``figures/``, and ``README.md``,
an index of every report in the folder (newest first). Sections whose figures are missing are
left out, so a partial run still gives a report.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import psutil

from evals.bench_load import LoadReport
from evals.bench_search import machine_info
from evals.bench_soak import SoakReport


def machine_summary() -> dict[str, Any]:
    """:func:`evals.bench_search.machine_info` plus total RAM and the load average right now."""
    info = machine_info()
    info["ram_gb"] = round(psutil.virtual_memory().total / 2**30, 1)
    info["load_average_at_start"] = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return info


def report_stem(figures: Mapping[str, Any]) -> str:
    """``report-<day>`` (``-quick`` for a quick run) of the run's figures."""
    return f"report-{str(figures['measured_on'])[:10]}{'-quick' if figures.get('quick') else ''}"


def _ms(value: Any) -> str:
    return "–" if value is None else f"{float(value):,.1f}"


def _number(value: float | None) -> str:
    """Whole numbers without decimals (counts), others as :func:`_ms`."""
    return str(int(value)) if value is not None and float(value).is_integer() else _ms(value)


def _verdict(passed: bool | None) -> str:
    return "not run" if passed is None else ("pass" if passed else "**FAIL**")


def _figure(number: int, title: str, image: str, machine: str, command: str) -> list[str]:
    return [
        f"![{title}]({image})",
        "",
        f"*Figure {number}. {title}. Machine: {machine}. Command: `{command}`.*",
        "",
    ]


def _search_section(search: Mapping[str, Any]) -> list[str]:
    lines = [
        "## Search (in-process, warm)",
        "",
        f"Command: `{search.get('command', '')}`",
        "",
        "| mode | p50 ms | p95 ms | mean ms | queries |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, row in (search.get("latency") or {}).items():
        lines.append(
            f"| {label} | {_ms(row.get('p50_ms'))} | {_ms(row.get('p95_ms'))} | "
            f"{_ms(row.get('mean_ms'))} | {row.get('queries', '')} |"
        )
    return [*lines, ""]


def _ask_section(ask: Mapping[str, Any]) -> list[str]:
    latency = ask.get("latency") or {}
    return [
        "## Answers (in-process, extractive, warm)",
        "",
        f"Command: `{ask.get('command', '')}`",
        "",
        "| p50 ms | p95 ms | max ms | asks | p95 target |",
        "|---:|---:|---:|---:|---|",
        f"| {_ms(latency.get('p50_ms'))} | {_ms(latency.get('p95_ms'))} | {_ms(latency.get('max_ms'))} | "
        f"{latency.get('asks', '')} | <= {ask.get('p95_target_ms')} ms: "
        f"{_verdict(ask.get('p95_target_met'))} |",
        "",
    ]


def _slack_section(slack: Mapping[str, Any]) -> list[str]:
    lines = [
        "## Slack events (served app, mock Web API)",
        "",
        f"Command: `{slack.get('command', '')}`",
        "",
        f"{slack.get('events')} signed `app_mention` events, {slack.get('concurrency')} at a time; "
        f"HTTP status {slack.get('http_status')}.",
        "",
        "| measure | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, key in (("HTTP ack", "ack_ms"), ("first visible message", "first_message_ms")):
        row = slack.get(key) or {}
        lines.append(
            f"| {label} | {_ms(row.get('p50'))} | {_ms(row.get('p95'))} | {_ms(row.get('p99'))} | "
            f"{_ms(row.get('max'))} |"
        )
    return [*lines, ""]


def _load_table(load: LoadReport) -> list[str]:
    lines = [
        "| clients | endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | errors | server RSS max MB "
        "| server CPU % | client CPU % | Slack drain s |",
        "|" + "---:|" * 12,
    ]
    for step in load.steps:
        rows = [*step.endpoints.items(), ("all", step.total)]
        for name, stats in rows:
            extra = (
                (
                    f"{step.server_rss_mb_max} | {step.server_cpu_percent} | {step.client_cpu_percent} | "
                    f"{step.slack_drain_s}"
                )
                if name == "all"
                else " | | | "
            )
            lines.append(
                f"| {step.concurrency} | {name} | {stats.requests} | {stats.rps:.1f} | {_ms(stats.p50_ms)} | "
                f"{_ms(stats.p95_ms)} | {_ms(stats.p99_ms)} | {stats.errors} | {extra} |"
            )
    return [*lines, ""]


def _summary(figures: Mapping[str, Any]) -> list[str]:
    lines = ["## Summary", "", "| measure | value | target |", "|---|---:|---|"]
    if load := figures.get("load"):
        report = LoadReport.model_validate(load)
        lines.append(f"| knee (load) | {report.knee_concurrency or 'not reached'} clients | – |")
        for target in report.targets:
            lines.append(
                f"| {target.name} | {_number(target.measured)} | {target.target}: {_verdict(target.passed)} |"
            )
    if soak := figures.get("soak"):
        report_soak = SoakReport.model_validate(soak)
        lines.append(
            f"| RSS slope, soak second half | {report_soak.slope_mb_per_min:+.2f} MB/min | "
            f"< {report_soak.flat_threshold_mb_per_min} MB/min: {_verdict(report_soak.flat)} |"
        )
    if ingest := figures.get("ingest"):
        lines.append(f"| cold ingest | {ingest.get('chunks_per_s', 0):.1f} chunks/s | – |")
    return [*lines, ""]


def write_report(*, figures: Mapping[str, Any], out_dir: Path) -> Path:
    """Write the Markdown report, its JSON, its PNG figures and the folder's index.

    Args:
        figures: ``measured_on`` (ISO time), ``command``, ``machine``, ``quick`` and any of
            ``search``, ``ask``, ``slack``, ``ingest``, ``load``, ``soak``.
        out_dir: The report folder (``docs/benchmarks``); created when missing.

    Returns:
        The path of the Markdown report.
    """
    # matplotlib is imported here, not with the CLI: it costs every command a second otherwise.
    from evals.bench_plots import machine_line, plot_ingest, plot_latency, plot_soak, plot_throughput

    stem = report_stem(figures)
    machine = machine_line(figures.get("machine") or {})
    command = str(figures.get("command", ""))
    footer = f"Machine: {machine}. Command: {command}"
    out_dir.mkdir(parents=True, exist_ok=True)
    lines = [
        f"# Cluster Advisor benchmarks, {str(figures['measured_on'])[:10]}",
        "",
        f"Measured {figures['measured_on']} on {machine}.",
        "",
        f"Command: `{command}`",
        "",
    ]
    if figures.get("quick"):
        lines += [
            "> Quick run (short steps, small samples): a smoke test of the tooling, not figures to quote.",
            "",
        ]
    lines += _summary(figures)
    number = 0
    if search := figures.get("search"):
        lines += _search_section(search)
    if ask := figures.get("ask"):
        lines += _ask_section(ask)
    if slack := figures.get("slack"):
        lines += _slack_section(slack)
    if ingest := figures.get("ingest"):
        number += 1
        image = plot_ingest(ingest, out_dir / "figures" / f"{stem}-ingest.png", footer=footer)
        lines += [
            "## Ingest",
            "",
            f"Cold ingest of {ingest.get('documents')} documents "
            f"({'a subset of ' if ingest.get('subset') else ''}the bundled corpus) into a fresh data dir: "
            f"{ingest.get('chunks')} chunks in {ingest.get('seconds', 0):.1f} s, "
            f"{ingest.get('docs_per_s', 0):.1f} documents/s.",
            "",
        ]
        lines += _figure(number, "Ingest throughput", image.relative_to(out_dir).as_posix(), machine, command)
    if load_figures := figures.get("load"):
        load = LoadReport.model_validate(load_figures)
        processes = max((s.server_processes_max for s in load.steps), default=1)
        think = f"mean think time {load.think_ms:g} ms" if load.think_ms else "no think time"
        mix = ", ".join(f"{name} {weight:g}" for name, weight in load.mix.items())
        lines += [
            "## Load",
            "",
            f"Closed-loop virtual users, {think}, mix {mix}; "
            f"{load.duration_s:g} s per step; server in its own process (RSS at start "
            f"{load.server_rss_mb_start} MB; RSS and CPU are summed over the serving process and "
            f"its children (Slack answer workers), up to {processes} processes). "
            f"Knee rule: {load.knee_rule}. Knee: **{load.knee_concurrency or 'not reached'}**.",
            "",
        ]
        lines += _load_table(load)
        for title, plot, suffix in (
            ("Latency vs concurrency", plot_latency, "latency"),
            ("Throughput vs concurrency", plot_throughput, "throughput"),
        ):
            number += 1
            image = plot(load, out_dir / "figures" / f"{stem}-{suffix}.png", footer=footer)
            lines += _figure(number, title, image.relative_to(out_dir).as_posix(), machine, command)
    if soak_figures := figures.get("soak"):
        soak = SoakReport.model_validate(soak_figures)
        number += 1
        image = plot_soak(soak, out_dir / "figures" / f"{stem}-soak.png", footer=footer)
        lines += [
            "## Soak",
            "",
            f"{soak.concurrency} clients "
            f"({f'mean think time {soak.think_ms:g} ms' if soak.think_ms else 'no think time'}) "
            f"for {soak.minutes:g} min: {soak.total.requests} "
            f"requests, {soak.total.errors} errors; server RSS (summed over its {soak.processes_max} "
            "processes: the serving process and its children, the Slack answer workers) start "
            f"{soak.rss_mb_start} MB, end "
            f"{soak.rss_mb_end} MB, max {soak.rss_mb_max} MB; slope over the second half "
            f"{soak.slope_mb_per_min:+.2f} MB/min (flat below {soak.flat_threshold_mb_per_min} MB/min). "
            f"The Slack answers still queued at the end took {soak.slack_drain_s} s more.",
            "",
        ]
        lines += _figure(
            number, "Server memory over the soak", image.relative_to(out_dir).as_posix(), machine, command
        )
    report = out_dir / f"{stem}.md"
    report.write_text("\n".join(lines), encoding="utf-8")
    (out_dir / f"{stem}.json").write_text(json.dumps(figures, indent=2, default=str) + "\n", encoding="utf-8")
    write_index(out_dir)
    return report


def write_index(out_dir: Path) -> Path:
    """``README.md`` of the report folder: every ``report-*.md``, newest first, full runs first."""
    reports = sorted(out_dir.glob("report-*.md"), key=lambda p: p.stem, reverse=True)
    full = [p for p in reports if not p.stem.endswith("-quick")]
    quick = [p for p in reports if p.stem.endswith("-quick")]
    lines = [
        "# Benchmarks",
        "",
        "Written by `cluster-advisor bench all` (`make bench-all`); each report "
        "names the machine and the command behind every figure.",
        "",
    ]
    if full:
        lines += [f"Latest full run: [{full[0].stem}]({full[0].name})", ""]
    elif not quick:
        lines += ["No report yet: run `make bench-all` (about 30 minutes, on an otherwise idle machine).", ""]
    lines += [f"- [{p.stem}]({p.name}){' (quick smoke run)' if p in quick else ''}" for p in full + quick]
    out_dir.mkdir(parents=True, exist_ok=True)
    index = out_dir / "README.md"
    index.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return index
