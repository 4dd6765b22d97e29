"""Pure helpers of the benchmark."""

from __future__ import annotations

import pytest

from evals.bench_search import bench_filters, machine_info, peak_memory_mb, percentile
from evals.retrieval_eval import EvalQuestion


def test_percentile_interpolates_between_ranks() -> None:
    values = [10.0, 20.0, 30.0, 40.0]
    assert percentile(values, 50) == 25.0
    assert percentile(values, 0) == 10.0 and percentile(values, 100) == 40.0
    assert percentile([5.0], 95) == 5.0
    assert percentile(list(map(float, range(1, 101))), 95) == pytest.approx(95.05)
    with pytest.raises(ValueError):
        percentile([], 50)


def test_bench_filters_add_type_and_open_status_for_calls() -> None:
    call = EvalQuestion(id="c", question="q", gold=("call:x",), doc_type="call", category="call-by-topic")
    org = EvalQuestion(
        id="o",
        question="q",
        gold=("cluster:x",),
        doc_type="cluster",
        category="org-by-sector-country",
        filters={"country": "LT"},  # type: ignore[arg-type]
    )
    assert bench_filters(call) == {"type": "call", "status": "open"}
    assert bench_filters(org) == {"type": "cluster", "country": "LT"}


def test_machine_info_and_memory() -> None:
    info = machine_info()
    assert info["cores"] >= 1 and info["cpu"] and info["python"].count(".") == 2
    assert peak_memory_mb() > 1
