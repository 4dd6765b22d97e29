"""Call facts, lines and ordering on a fixed day (pure)."""

from __future__ import annotations

import datetime as dt

from assistant.calls import call_facts
from assistant.funding import call_line, call_passage_text, matches_identifier, sort_calls
from corpus.models import Budget
from tests.factories import make_call

TODAY = dt.date(2026, 5, 10)


def _call(identifier: str, opening: str | None, deadline: str | None, **extra: object):  # type: ignore[no-untyped-def]
    return make_call(
        identifier,
        opening_date=dt.date.fromisoformat(opening) if opening else None,
        deadline=dt.datetime.fromisoformat(f"{deadline}T15:00:00+00:00") if deadline else None,
        **extra,
    )


def test_open_call_line_has_status_deadline_days_budget_programme_and_action() -> None:
    budget = Budget(total_eur=12_000_000, min_contribution_eur=2e6, max_contribution_eur=4e6)
    call = _call("HORIZON-CL4-2026-01", "2026-01-15", "2026-06-03", budget=budget)
    line = call_line(call_facts(call, TODAY), 3)
    assert line.startswith("Industrial processes for tandem PV technologies (HORIZON-CL4-2026-01) — open, ")
    assert "opened 2026-01-15, deadline 2026-06-03 (closes in 24 days)" in line
    assert "budget EUR 12 million total, EUR 2 million to EUR 4 million per project" in line
    assert "Horizon Europe (HORIZON)" in line and "HORIZON Innovation Actions" in line
    assert line.endswith("[3]")


def test_closed_forthcoming_today_and_continuous_calls() -> None:
    closed = call_line(call_facts(_call("X-2025-01", "2025-01-01", "2025-11-20"), TODAY), 1)
    assert "— closed: the deadline was 2025-11-20 (171 days ago)" in closed and "open" not in closed
    forthcoming = call_line(call_facts(_call("X-2026-02", "2026-06-20", "2026-10-01"), TODAY), 1)
    assert "— forthcoming, opens 2026-06-20, deadline 2026-10-01" in forthcoming
    today = call_line(call_facts(_call("X-2026-03", "2026-01-01", "2026-05-10"), TODAY), 1)
    assert "deadline 2026-05-10 (closes today)" in today and "— open" in today
    continuous = call_line(call_facts(_call("X-2026-04", "2026-01-01", None), TODAY), 1)
    assert "no fixed deadline (continuous submission)" in continuous


def test_cascade_calls_are_labelled_with_their_parent_topic() -> None:
    call = _call("SMP-COSME-2024-CLUSTER-01", "2026-04-01", "2026-06-30", call_kind="cascade",
                 title="Open call for SME internationalisation vouchers")  # fmt: skip
    line = call_line(call_facts(call, TODAY), 1)
    assert "(cascade-funding call under SMP-COSME-2024-CLUSTER-01)" in line


def test_sort_open_by_deadline_then_forthcoming_by_opening_then_closed() -> None:
    calls = [
        _call("C-2025-01", "2025-01-01", "2025-12-01"),
        _call("F-2026-02", "2026-09-01", "2026-12-01"),
        _call("O-2026-03", "2026-01-01", "2026-08-01"),
        _call("F-2026-04", "2026-06-01", "2026-12-01"),
        _call("O-2026-05", "2026-01-01", "2026-05-20"),
    ]
    order = [call.topic_identifier for call in sort_calls(calls, TODAY)]
    assert order == ["O-2026-05", "O-2026-03", "F-2026-04", "F-2026-02", "C-2025-01"]


def test_passage_text_states_the_status_for_the_day_then_the_card() -> None:
    text = call_passage_text(_call("O-2026-03", "2026-01-01", "2026-08-01"), TODAY)
    assert text.startswith(
        "Status on 2026-05-10: open, opened 2026-01-01, deadline 2026-08-01 (closes in 83 days)."
    )
    assert "Identifier: O-2026-03" in text


def test_identifier_matching_covers_topic_call_and_cascade_children() -> None:
    call = _call(
        "HORIZON-CL4-2026-01-TWIN-02", "2026-01-01", "2026-08-01", call_identifier="HORIZON-CL4-2026-01"
    )
    assert matches_identifier(call, "horizon-cl4-2026-01-twin-02")
    assert matches_identifier(call, "HORIZON-CL4-2026-01")
    assert not matches_identifier(call, "HORIZON-CL4-2026-0")


def test_named_programme_keeps_its_calls_when_any_matched() -> None:
    from assistant.funding import _in_programmes

    life = _call(
        "LIFE-2026-CET-INDUSTRY",
        "2026-04-21",
        "2026-09-16",
        programme="Programme for the Environment and Climate Action (LIFE)",
    )
    smp = _call(
        "SMP-COSME-2023-TOURSME-01", "2026-03-02", "2026-05-11", programme="Single Market Programme (SMP)"
    )
    assert _in_programmes([smp, life], ["LIFE"]) == [life]
    assert _in_programmes([smp], ["LIFE"]) == [smp]  # nothing of that programme: keep what was found
