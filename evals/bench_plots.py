"""The benchmark report's figures (PNG, matplotlib's Agg canvas; no display, no pyplot state).

Every figure carries a footer naming the machine and the command that produced it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from evals.bench_load import ASK_P95_TARGET_MS, SEARCH_P95_TARGET_MS, LoadReport
from evals.bench_soak import SoakReport

_COLOURS = {"search": "tab:blue", "ask": "tab:orange", "slack": "tab:green", "total": "black"}
_TARGETS = {"search": SEARCH_P95_TARGET_MS, "ask": ASK_P95_TARGET_MS}


def machine_line(machine: Mapping[str, Any]) -> str:
    """One line describing the machine: cores, CPU model, RAM, Python, OS, load at start."""
    parts = [f"{machine.get('cores', '?')} cores", str(machine.get("cpu", "unknown CPU"))]
    if machine.get("ram_gb"):
        parts.append(f"{machine['ram_gb']} GB RAM")
    parts.append(f"Python {machine.get('python', '?')}")
    if machine.get("os"):
        parts.append(str(machine["os"]))
    if machine.get("load_average_at_start") is not None:
        parts.append(f"load average at start {machine['load_average_at_start']}")
    return ", ".join(parts)


def _new_figure(columns: int = 1, *, width: float = 7.5) -> tuple[Figure, list[Axes]]:
    figure = Figure(figsize=(width, 4.6), layout="constrained")
    axes = figure.subplots(1, columns, squeeze=False)[0]
    return figure, list(axes)


def _save(figure: Figure, path: Path, *, footer: str) -> Path:
    text = "\n".join(textwrap.wrap(footer, width=int(figure.get_figwidth() * 17)))
    # supxlabel takes part in the constrained layout, so the footer never overlaps the axes
    figure.supxlabel(text, x=0.01, ha="left", fontsize=7, color="dimgray")
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)
    return path


def _concurrency_axis(ax: Axes, concurrency: Sequence[int]) -> None:
    ax.set_xscale("log")
    ax.set_xticks(list(concurrency), [str(c) for c in concurrency])
    ax.minorticks_off()
    ax.set_xlabel("concurrent clients")
    ax.grid(True, alpha=0.3)


def plot_latency(load: LoadReport, path: Path, *, footer: str) -> Path:
    """p50/p95/p99 latency against concurrency, one panel per endpoint, p95 targets dashed."""
    names = [name for name in ("search", "ask", "slack") if any(name in s.endpoints for s in load.steps)]
    figure, axes = _new_figure(max(1, len(names)), width=4.0 * max(1, len(names)))
    concurrency = [s.concurrency for s in load.steps]
    for ax, name in zip(axes, names, strict=False):
        for key, style in (("p50_ms", ":"), ("p95_ms", "-"), ("p99_ms", "--")):
            values = [getattr(s.endpoints[name], key) if name in s.endpoints else None for s in load.steps]
            ax.plot(
                concurrency,
                [v if v is not None else float("nan") for v in values],
                style,
                marker="o",
                color=_COLOURS[name],
                label=key.removesuffix("_ms"),
            )
        if name in _TARGETS:
            ax.axhline(_TARGETS[name], color="red", linestyle="--", linewidth=0.8, label="p95 target")
        _concurrency_axis(ax, concurrency)
        ax.set_yscale("log")
        ax.set_ylabel("latency (ms)")
        ax.set_title({"slack": "slack events (ack)"}.get(name, f"/v1/{name}"))
        ax.legend(fontsize=8)
    figure.suptitle("Latency vs concurrency")
    return _save(figure, path, footer=footer)


def plot_throughput(load: LoadReport, path: Path, *, footer: str) -> Path:
    """Requests per second against concurrency (total and per endpoint), the knee marked."""
    figure, (ax,) = _new_figure()
    concurrency = [s.concurrency for s in load.steps]
    ax.plot(concurrency, [s.total.rps for s in load.steps], "-o", color="black", label="total")
    for name in ("search", "ask", "slack"):
        if any(name in s.endpoints for s in load.steps):
            values = [s.endpoints[name].rps if name in s.endpoints else 0.0 for s in load.steps]
            ax.plot(concurrency, values, "-o", color=_COLOURS[name], alpha=0.7, label=name)
    if load.knee_concurrency is not None:
        ax.axvline(
            load.knee_concurrency, color="red", linestyle="--", label=f"knee ({load.knee_concurrency})"
        )
    _concurrency_axis(ax, concurrency)
    ax.set_ylabel("requests per second")
    ax.set_ylim(bottom=0)
    errors = sum(s.total.errors for s in load.steps)
    ax.set_title(f"Throughput vs concurrency ({load.duration_s:g} s per step, {errors} errors in all)")
    ax.legend(fontsize=8)
    return _save(figure, path, footer=footer)


def plot_ingest(ingest: Mapping[str, Any], path: Path, *, footer: str) -> Path:
    """Chunks indexed over time during a cold ingest, with the mean rate."""
    figure, (ax,) = _new_figure()
    timeline = ingest.get("timeline") or [[0.0, 0]]
    ax.plot([t for t, _ in timeline], [c for _, c in timeline], "-", color="tab:purple")
    ax.set_xlabel("seconds since the ingest began")
    ax.set_ylabel("chunks written (cumulative)")
    ax.set_ylim(bottom=0)
    ax.grid(True, alpha=0.3)
    ax.set_title(
        f"Cold ingest: {ingest.get('documents', 0)} documents, {ingest.get('chunks', 0)} chunks in "
        f"{ingest.get('seconds', 0):.1f} s ({ingest.get('chunks_per_s', 0):.1f} chunks/s)"
    )
    return _save(figure, path, footer=footer)


def plot_soak(soak: SoakReport, path: Path, *, footer: str) -> Path:
    """The server's RSS over the soak, with the least-squares fit of its second half."""
    figure, (ax,) = _new_figure()
    minutes = [t / 60 for t, _ in soak.rss_timeline]
    tree_label = f"server RSS, {soak.processes_max} processes" if soak.processes_max > 1 else "server RSS"
    ax.plot(minutes, [rss for _, rss in soak.rss_timeline], "-", color="tab:red", label=tree_label)
    if soak.processes_max > 1 and soak.main_rss_timeline:
        ax.plot(
            [t / 60 for t, _ in soak.main_rss_timeline],
            [rss for _, rss in soak.main_rss_timeline],
            "-",
            color="tab:gray",
            label="serving process alone",
        )
    if soak.rss_timeline:
        end = minutes[-1]
        tail = [(m, rss) for m, (_, rss) in zip(minutes, soak.rss_timeline, strict=True) if m >= end / 2]
        mean_m = sum(m for m, _ in tail) / len(tail)
        mean_rss = sum(rss for _, rss in tail) / len(tail)
        fit = [mean_rss + soak.slope_mb_per_min * (m - mean_m) for m, _ in tail]
        ax.plot(
            [m for m, _ in tail],
            fit,
            "--",
            color="black",
            label=f"fit, second half: {soak.slope_mb_per_min:+.2f} MB/min",
        )
    if soak.rss_timeline:  # at least 50 MB of scale, so noise of a few MB does not look like a trend
        low, high = soak.rss_timeline[0][1], soak.rss_mb_max
        low = min(low, *(rss for _, rss in soak.rss_timeline + soak.main_rss_timeline))
        pad = max(0.0, 50 - (high - low)) / 2 + 2
        ax.set_ylim(low - pad, high + pad)
    ax.set_xlabel("minutes")
    ax.set_ylabel("resident memory (MB), server process tree")
    ax.grid(True, alpha=0.3)
    verdict = "flat" if soak.flat else "GROWING"
    ax.set_title(f"Server memory over a {soak.minutes:g}-minute soak, {soak.concurrency} clients: {verdict}")
    ax.legend(fontsize=8)
    return _save(figure, path, footer=footer)
