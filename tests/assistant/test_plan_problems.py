"""The planner's problems: English in the plan, the answer's language in the answer (issue 13)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from assistant.language import answering_in
from assistant.plan.models import DateWindow, QueryPlan
from assistant.plan.problems import (
    empty_budget_range,
    impossible_window,
    shown_problem,
    unknown_identifier,
    unknown_programme,
)

JUNE, MARCH = dt.date(2026, 6, 1), dt.date(2026, 3, 31)


def _model_message(build: object) -> str:
    with pytest.raises(ValidationError) as failed:
        build()  # type: ignore[operator]
    return str(failed.value.errors()[0]["msg"]).removeprefix("Value error, ")


@pytest.mark.parametrize(
    ("problem", "german"),
    [
        (
            unknown_identifier("HORIZON-X-1"),
            "Im Korpus gibt es keine Ausschreibung mit der Kennung HORIZON-X-1.",
        ),
        (
            unknown_programme("Zorglub", ["Horizon Europe", "LIFE"]),
            "Ein Programm namens „Zorglub“ kenne ich nicht; der Korpus enthält Ausschreibungen von "
            "Horizon Europe, LIFE und weiteren.",
        ),
        (
            impossible_window("between June and March", JUNE, MARCH),
            "Der Zeitraum vom 1. Juni 2026 bis 31. März 2026 endet, bevor er beginnt;",
        ),
        (
            _model_message(lambda: DateWindow(start=JUNE, end=MARCH)),
            "Der Zeitraum vom 1. Juni 2026 bis 31. März 2026 endet, bevor er beginnt;",
        ),
        (
            _model_message(lambda: DateWindow(start=JUNE, end=MARCH, phrase="from June to March")),
            "Der Zeitraum vom 1. Juni 2026 bis 31. März 2026 endet, bevor er beginnt;",
        ),
        (
            empty_budget_range(10_000_000, 5_000_000),
            "Dieser Budgetbereich ist leer: mindestens 10 Mio. € und höchstens 5 Mio. €",
        ),
    ],
)
def test_each_problem_is_written_in_the_answer_language(problem: str, german: str) -> None:
    assert shown_problem(problem) == problem  # English: the plan's own sentence
    with answering_in("de"):
        assert shown_problem(problem).replace("\xa0", " ").startswith(german)


def test_the_plan_keeps_the_english_sentence_and_an_unknown_one_stays_english() -> None:
    message = _model_message(
        lambda: QueryPlan(question="x", intent="funding", budget_min_eur=10_000_000, budget_max_eur=5_000_000)
    )
    assert message == "the budget range is empty: at least EUR 10,000,000 and at most EUR 5,000,000"
    with answering_in("pl"):
        assert shown_problem("Something new went wrong.") == "Something new went wrong."
        assert shown_problem(f"{message}; Something new.").startswith("Ten przedział budżetu jest pusty")
