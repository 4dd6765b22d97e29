"""Triage urgency and routing rules (pure)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from assistant.triage import assess_urgency, message_moment, route
from corpus.settings import Settings

CET = dt.timezone(dt.timedelta(hours=1))
SENT = dt.datetime(2026, 5, 10, 9, 0, tzinfo=CET)


def test_urgency_from_a_deadline_soon_words_or_nothing() -> None:
    soon = assess_urgency("When is it due?", dates=[dt.date(2026, 5, 13)], call_deadlines={}, sent_at=SENT)
    assert soon == ("high", "a date in the request (2026-05-13) is in 3 days")
    call = assess_urgency("budget?", dates=[], call_deadlines={"X-1": dt.date(2026, 5, 30)}, sent_at=SENT)
    assert call[0] == "medium" and "deadline of X-1" in call[1]
    assert assess_urgency("URGENT please help", dates=[], call_deadlines={}, sent_at=SENT)[0] == "high"
    assert assess_urgency("How do clusters work?", dates=[], call_deadlines={}, sent_at=SENT)[0] == "low"
    past = assess_urgency("It closed", dates=[dt.date(2026, 5, 1)], call_deadlines={}, sent_at=SENT)
    assert past[0] == "low"


def test_message_moment_reads_the_slack_ts_in_the_workspace_zone() -> None:
    brussels = ZoneInfo("Europe/Brussels")
    sent = message_moment("1772440200.000100", brussels)  # 2026-03-02 08:30 UTC
    assert sent.replace(microsecond=0) == dt.datetime(2026, 3, 2, 9, 30, tzinfo=brussels)
    with pytest.raises(ValueError, match="not a Slack message timestamp"):
        message_moment("yesterday", brussels)


def test_route_falls_back_to_default() -> None:
    routing = {"funding_question": "U1", "default": "S9"}
    assert route("funding_question", routing) == "U1"
    assert route("other", routing) == "S9"
    assert route("other", {}) is None


def test_an_unknown_triage_time_zone_is_refused_with_what_to_use() -> None:
    with pytest.raises(ValidationError, match="unknown time zone 'Mars/Olympus': use an IANA name"):
        Settings(_env_file=None, SLACK_TRIAGE_TIMEZONE="Mars/Olympus")
    assert (
        Settings(_env_file=None, SLACK_TRIAGE_TIMEZONE="Europe/Warsaw").slack_triage_timezone
        == "Europe/Warsaw"
    )
