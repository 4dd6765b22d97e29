"""Triage urgency and routing rules (pure)."""

from __future__ import annotations

import datetime as dt

from assistant.triage import assess_urgency, route

TODAY = dt.date(2026, 5, 10)


def test_urgency_from_a_deadline_soon_words_or_nothing() -> None:
    soon = assess_urgency("When is it due?", dates=[dt.date(2026, 5, 13)], call_deadlines={}, today=TODAY)
    assert soon == ("high", "a date in the request is in 3 days (2026-05-13)")
    call = assess_urgency("budget?", dates=[], call_deadlines={"X-1": dt.date(2026, 5, 30)}, today=TODAY)
    assert call[0] == "medium" and "deadline of X-1" in call[1]
    assert assess_urgency("URGENT please help", dates=[], call_deadlines={}, today=TODAY)[0] == "high"
    assert assess_urgency("How do clusters work?", dates=[], call_deadlines={}, today=TODAY)[0] == "low"
    past = assess_urgency("It closed", dates=[dt.date(2026, 5, 1)], call_deadlines={}, today=TODAY)
    assert past[0] == "low"


def test_route_falls_back_to_default() -> None:
    routing = {"funding_question": "U1", "default": "S9"}
    assert route("funding_question", routing) == "U1"
    assert route("other", routing) == "S9"
    assert route("other", {}) is None
