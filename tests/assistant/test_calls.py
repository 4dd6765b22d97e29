"""The calls service: facts on a day, listings, closing-soon lists, and its cache of stored calls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.calls import CallsService, call_facts
from corpus.models import Audience, CallStatus, FundingCall
from corpus.store import RecordStore
from tests.factories import make_call, make_profile

TODAY = dt.date(2026, 5, 10)
PUBLIC = frozenset({Audience.PUBLIC})
EVERYONE = frozenset(Audience)


def _call(identifier: str, opening: str, deadline: str | None, **extra: object) -> FundingCall:
    return make_call(
        identifier,
        opening_date=dt.date.fromisoformat(opening),
        deadline=None if deadline is None else dt.datetime.fromisoformat(f"{deadline}T15:00:00+00:00"),
        **extra,
    )


CALLS = [
    _call("OPEN-SOON", "2026-01-01", "2026-05-20", title="Battery recycling pilots"),
    _call("OPEN-LATER", "2026-01-01", "2026-09-01", programme="Single Market Programme (SMP)"),
    _call("OPEN-TODAY", "2026-01-01", "2026-05-10"),
    _call("CLOSED", "2025-01-01", "2026-05-09"),
    _call("FORTHCOMING", "2026-06-01", "2026-07-01"),
    _call("CONTINUOUS", "2026-01-01", None),
    _call("INTERNAL", "2026-01-01", "2026-05-15", audience=Audience.INTERNAL),
]


@pytest.fixture
def records(tmp_path: Path) -> Iterator[RecordStore]:
    store = RecordStore.open(f"sqlite:///{tmp_path / 'records.sqlite3'}")
    store.save([(call, call.doc_id, []) for call in CALLS], origin="tests")
    store.save([(make_profile(), "profile", [])], origin="tests")
    yield store
    store.close()


def test_facts_state_status_and_days_left_on_the_day_asked(records: RecordStore) -> None:
    calls = CallsService(records)
    soon = calls.facts("call:OPEN-SOON", today=TODAY)
    assert soon is not None and soon.status == CallStatus.OPEN and soon.days_left == 10
    later = calls.facts("call:OPEN-SOON", today=dt.date(2026, 5, 21))
    assert later is not None and later.status == CallStatus.CLOSED and later.days_left == -1
    assert calls.facts("profile:nowhere", today=TODAY) is None
    assert calls.facts(make_profile().doc_id, today=TODAY) is None  # stored, but not a call


def test_facts_of_keeps_only_stored_calls(records: RecordStore) -> None:
    found = CallsService(records).facts_of(
        ["call:CLOSED", make_profile().doc_id, "call:missing", "call:CLOSED"], today=TODAY
    )
    assert list(found) == ["call:CLOSED"] and found["call:CLOSED"].status == CallStatus.CLOSED


def test_listing_filters_by_status_audience_programme_deadline_and_words(records: RecordStore) -> None:
    calls = CallsService(records)
    open_public = [f.identifier for f in calls.listing(today=TODAY, audiences=PUBLIC, status="open")]
    assert open_public == ["OPEN-TODAY", "OPEN-SOON", "OPEN-LATER", "CONTINUOUS"]  # soonest first
    everyone = [f.identifier for f in calls.listing(today=TODAY, audiences=EVERYONE, status=CallStatus.OPEN)]
    assert "INTERNAL" in everyone
    smp = calls.listing(today=TODAY, audiences=PUBLIC, programme="single market")
    assert [f.identifier for f in smp] == ["OPEN-LATER"]
    windowed = calls.listing(
        today=TODAY, audiences=PUBLIC, deadline_from=dt.date(2026, 5, 10), deadline_to=dt.date(2026, 7, 1)
    )
    assert [f.identifier for f in windowed] == ["OPEN-TODAY", "OPEN-SOON", "FORTHCOMING"]
    assert [f.identifier for f in calls.listing(today=TODAY, audiences=PUBLIC, words="BATTERY pilots")] == [
        "OPEN-SOON"
    ]


def test_closing_soon_is_open_calls_due_within_the_window(records: RecordStore) -> None:
    calls = CallsService(records)
    closing = calls.closing_soon(today=TODAY, audiences=PUBLIC, within_days=30)
    assert [f.identifier for f in closing] == ["OPEN-TODAY", "OPEN-SOON"]
    assert [f.identifier for f in calls.closing_soon(today=TODAY, audiences=EVERYONE, limit=2)] == [
        "OPEN-TODAY",
        "INTERNAL",
    ]


def test_listing_sees_calls_saved_and_deleted_after_the_first_read(records: RecordStore) -> None:
    calls = CallsService(records)
    assert len(calls.all_calls()) == len(CALLS)
    added = _call("ADDED", "2026-01-01", "2026-05-12")
    records.save([(added, "added", [])], origin="tests")
    assert "ADDED" in [f.identifier for f in calls.closing_soon(today=TODAY, audiences=PUBLIC)]
    records.delete(["call:OPEN-SOON"])
    assert "OPEN-SOON" not in [f.identifier for f in calls.listing(today=TODAY, audiences=PUBLIC)]


def test_call_facts_is_the_one_status_computation() -> None:
    facts = call_facts(_call("X", "2026-06-01", "2026-07-01"), TODAY)
    assert facts.status == CallStatus.FORTHCOMING and facts.days_left == 52
    assert facts.budget_eur == 28_500_000 and facts.budget_total is not None
