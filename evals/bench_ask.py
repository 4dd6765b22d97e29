"""Answer benchmark: warm latency of ``Assistant.ask`` in extractive mode over the eval questions.

Every turn of every answers-eval case is asked once to warm up (model load, caches, first-call
costs), then in ``rounds`` timed rounds, follow-ups inside their conversation as in the eval. Each
round gives a p50 and a p95 over all questions; the reported figure is the median over rounds, so
one noisy round does not decide the number.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from evals.bench_search import percentile

if TYPE_CHECKING:
    from assistant.service import Assistant
    from evals.answers_eval import AnswerCase

P95_TARGET_MS = 300.0
"""The issue's target: p95 answer latency <= 300 ms warm, extractive mode."""


def time_case(assistant: Assistant, case: AnswerCase) -> list[float]:
    """Ask the case's turns in one conversation; the wall-clock milliseconds of each ``ask``."""
    conversation: str | None = None
    latencies = []
    for turn in case.turns:
        started = time.perf_counter()
        answer = assistant.ask(question=turn, today=case.today, conversation_id=conversation)
        latencies.append((time.perf_counter() - started) * 1000)
        conversation = answer.conversation_id
    return latencies


def bench_answer_latency(
    *,
    assistant: Assistant,
    cases: Sequence[AnswerCase],
    rounds: int = 5,
    progress: Callable[[str], None] | None = None,
) -> dict[str, float]:
    """Warm answer latency in ms: median over ``rounds`` of each round's p50, p95 and mean.

    Args:
        assistant: An assistant without a chat model (extractive mode).
        cases: The answers-eval cases whose turns are asked.
        rounds: Timed rounds after the warm-up pass.
        progress: Called with a short message before each pass.

    Raises:
        ValueError: ``rounds`` < 1, no cases, or an assistant with a chat model.
    """
    if rounds < 1 or not cases:
        raise ValueError("need at least one round and one case")
    if assistant.chat_model is not None:
        raise ValueError(
            "the answer benchmark measures extractive mode: use an assistant without a chat model"
        )
    if progress is not None:
        progress("warm-up pass")
    for case in cases:
        time_case(assistant, case)
    p50s, p95s, means, maxima = [], [], [], []
    for number in range(rounds):
        if progress is not None:
            progress(f"timed round {number + 1}/{rounds}")
        latencies = [ms for case in cases for ms in time_case(assistant, case)]
        p50s.append(percentile(latencies, 50))
        p95s.append(percentile(latencies, 95))
        means.append(statistics.fmean(latencies))
        maxima.append(max(latencies))
    questions = sum(len(case.turns) for case in cases)
    return {
        "p50_ms": statistics.median(p50s),
        "p95_ms": statistics.median(p95s),
        "mean_ms": statistics.median(means),
        "max_ms": statistics.median(maxima),
        "questions": float(questions),
        "asks": float(questions * rounds),
    }
