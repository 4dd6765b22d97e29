"""The refresh tables on SQLite and PostgreSQL: runs, change log, sightings, freshness, the lease."""

from __future__ import annotations

import datetime as dt

from corpus.models import FundingCall
from corpus.refresh.apply import apply_refresh, plan_refresh
from corpus.refresh.log import CallChange, RefreshLog, call_freshness, freshness_json
from corpus.store import RecordStore
from tests.factories import make_call


def _refresh(store: RecordStore, log: RefreshLog, calls: list[FundingCall], day: dt.date) -> None:
    plan = plan_refresh(store=store, log=log, fresh=calls)
    apply_refresh(
        store=store,
        index=None,
        log=log,
        plan=plan,
        source="test",
        today=day,
        started_at=dt.datetime.now(dt.UTC),
    )


def test_refresh_log_round_trip_and_lease(db_url: str) -> None:
    store, log = RecordStore.open(db_url), RefreshLog.open(db_url)
    other = RefreshLog.open(db_url)
    assert freshness_json(store.engine) == {"calls_as_of": None, "calls_refreshed_at": None}
    calls = [make_call(f"HORIZON-CL5-2027-07-D3-{n:02d}") for n in range(3)]
    _refresh(store, log, calls, dt.date(2026, 12, 1))
    assert sorted(c.kind for c in log.changes()) == ["new", "new", "new"]

    moved = calls[0].model_copy(update={"deadline": dt.datetime(2028, 1, 5, 16, 0, tzinfo=dt.UTC)})
    _refresh(store, log, [moved, calls[1]], dt.date(2026, 12, 2))
    run = log.last_refresh()
    assert run is not None and (run.fetched, run.changed, run.missing) == (2, 1, 1)
    assert run.finished_at.tzinfo is not None
    assert set(log.changes(refresh_id=run.refresh_id)) == {
        CallChange(calls[0].doc_id, "deadline", "2027-12-01T16:00:00Z", "2028-01-05T16:00:00Z"),
        CallChange(calls[2].doc_id, "missing", "2027-12-01T16:00:00Z", None),
    }
    freshness = call_freshness(store.engine, [c.doc_id for c in calls])
    assert freshness.last_seen == {calls[2].doc_id: dt.date(2026, 12, 1)}
    assert [c.kind for c in freshness.changes[calls[0].doc_id]] == ["deadline"]
    assert freshness_json(store.engine)["calls_refreshed_at"] == run.finished_at.isoformat()

    assert log.acquire_lease(holder="A", ttl_s=60)
    assert not other.acquire_lease(holder="B", ttl_s=60)
    log.release_lease(holder="A")
    assert other.acquire_lease(holder="B", ttl_s=60)
    for closable in (store, log, other):
        closable.close()
