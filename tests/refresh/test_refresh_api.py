"""``refresh`` against the replay server: paging, changes, the change log, failures that change nothing."""

from __future__ import annotations

import datetime as dt
import socket

import pytest

from corpus.errors import RefreshFailed
from corpus.models import Budget, DocType, FundingCall
from corpus.refresh.apply import RefreshReport, run_refresh
from corpus.refresh.log import BUNDLE_CALLS_AS_OF, CallChange, call_freshness
from corpus.refresh.sedia import USER_AGENT
from retrieval.search import HybridRetriever
from tests.factories import make_call
from tests.fakes.ft_search import Fault, api_result
from tests.refresh.conftest import DAY_1, DAY_2, World, store_snapshot

PAGE = 10  # 30 calls: three pages


def refresh(world: World, day: dt.date = DAY_1, **overrides: object) -> RefreshReport:
    return run_refresh(
        settings=world.with_today(day, **overrides),
        store=world.store,
        index=world.index,
        log=world.log,
        backoff_s=0.01,
        page_size=PAGE,
    )


def test_unchanged_feed_pages_politely_and_reembeds_nothing(world: World) -> None:
    report = refresh(world)
    assert report.fetched == 30
    assert (report.added, report.changed, report.unchanged, report.missing) == (0, 0, 30, 0)
    assert world.embedder.embedded == 0
    searches = world.server.search_requests()
    assert sorted(int(r.query["pageNumber"]) for r in searches) == [1, 2, 3]
    assert {r.query["pageSize"] for r in searches} == {str(PAGE)}
    assert all(r.headers["User-Agent"] == USER_AGENT for r in world.server.requests)
    assert world.server.max_in_flight <= 2
    # Every call was seen on that day; the run is logged with its counts.
    assert set(world.log.seen()) == {c.doc_id for c in world.calls}
    run = world.log.last_refresh()
    assert run is not None and (run.fetched, run.unchanged) == (30, 30)


def _last_run_id(world: World) -> int:
    run = world.log.last_refresh()
    assert run is not None
    return run.refresh_id


def _moved(call: FundingCall) -> FundingCall:
    assert call.deadline is not None
    return call.model_copy(
        update={
            "deadline": call.deadline + dt.timedelta(days=21),
            "budget": Budget(
                total_eur=(call.budget.total_eur or 0) + 1_000_000 if call.budget else 1_000_000
            ),
        }
    )


def test_deadline_change_new_cascade_call_and_removed_call(world: World) -> None:
    refresh(world, DAY_1)
    moved = next(c for c in world.calls if c.call_kind == "topic" and c.deadline and c.budget)
    removed = next(c for c in world.calls if c.call_kind == "call_for_proposals")
    new_cascade = make_call(
        "SMP-COSME-2024-CLUSTER-01",
        doc_id="ignored",
        call_kind="cascade",
        title="Open call for SMEs: green transition vouchers",
        call_title="Joint Cluster Initiatives (EUROCLUSTERS)",
        source_status_label="Open for submission",
        deadline=dt.datetime(2027, 2, 27, 16, 0, tzinfo=dt.UTC),
        provenance=(make_call().provenance[0].model_copy(update={"record_ref": "99901COMPETITIVE_CALLen"}),),
    )
    feed = [_moved(c) if c.doc_id == moved.doc_id else c for c in world.calls if c.doc_id != removed.doc_id]
    world.server.results = [api_result(c) for c in [*feed, new_cascade]]

    report = refresh(world, DAY_2)

    assert (report.added, report.changed, report.missing) == (1, 1, 1)
    assert report.changes == {"new": 1, "deadline": 1, "budget": 1, "missing": 1}
    changes = world.log.changes(refresh_id=_last_run_id(world))
    assert moved.deadline is not None
    assert (
        CallChange(
            moved.doc_id,
            "deadline",
            moved.deadline.isoformat().replace("+00:00", "Z"),
            (moved.deadline + dt.timedelta(days=21)).isoformat().replace("+00:00", "Z"),
        )
        in changes
    )
    assert CallChange("call:cascade:99901", "new", None, "2027-02-27T16:00:00Z") in changes
    # Only the two written calls were re-embedded (their chunks, nothing else).
    written = [world.store.get_record(moved.doc_id), world.store.get_record("call:cascade:99901")]
    assert world.embedder.embedded == sum(len(world.store.chunks_of(r.doc_id)) for r in written if r)

    stored = world.store.get_record(moved.doc_id)
    assert isinstance(stored, FundingCall)
    assert stored.deadline == moved.deadline + dt.timedelta(days=21)
    assert stored.sections == moved.sections  # the full CordisData description is kept
    assert {p.source_dataset for p in stored.provenance} >= {"eu-ft-topics-cordisdata", "eu-ft-search-api"}

    cascade = world.store.get_record("call:cascade:99901")
    assert isinstance(cascade, FundingCall)
    assert (cascade.title, cascade.call_kind, cascade.topic_identifier) == (
        "Open call for SMEs: green transition vouchers",
        "cascade",
        "SMP-COSME-2024-CLUSTER-01",
    )
    hits = HybridRetriever(world.index).search(query="green transition vouchers SMEs", k=3, today=DAY_2).hits
    assert hits[0].doc_id == "call:cascade:99901"

    # The removed call is kept, with its last known dates, and says when it was last seen.
    kept = world.store.get_record(removed.doc_id)
    assert kept == removed
    freshness = call_freshness(world.store.engine, [removed.doc_id, moved.doc_id])
    assert freshness.last_seen == {removed.doc_id: DAY_1}
    assert [c.kind for c in freshness.changes[moved.doc_id]] == ["deadline", "budget"]

    # The next refresh of the same feed changes nothing and logs nothing new (missing is logged once).
    world.embedder.embedded = 0
    again = refresh(world, DAY_2)
    assert (again.added, again.changed, again.changes) == (0, 0, {})
    assert world.embedder.embedded == 0


def test_429_with_retry_after_is_honoured(world: World) -> None:
    world.server.fail_page(2, Fault("status", code=429, headers={"Retry-After": "1"}))
    report = refresh(world)
    assert report.unchanged == 30
    page_2 = [r for r in world.server.search_requests() if r.query["pageNumber"] == "2"]
    assert len(page_2) == 2
    assert page_2[1].at - page_2[0].at >= 0.9


def test_a_passing_503_is_retried(world: World) -> None:
    world.server.fail_page(3, Fault("status", code=503))
    assert refresh(world).unchanged == 30


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        (Fault("status", code=500), "answered 500"),
        (Fault("cut_body"), "connection broke"),
        (Fault("truncated_json"), "not whole JSON"),
        (Fault("schema"), "unexpected answer shape"),
        (Fault("short_page"), "cut short"),
    ],
    ids=["500-mid-paging", "body-cut-mid-transfer", "truncated-json", "schema-change", "short-page"],
)
def test_a_failure_mid_paging_leaves_the_store_exactly_as_it_was(
    world: World, fault: Fault, reason: str
) -> None:
    refresh(world, DAY_1)
    moved = world.calls[3]
    world.server.results = [
        api_result(_moved(c) if c.doc_id == moved.doc_id else c) for c in world.calls[:-1]
    ]
    before = store_snapshot(world)
    world.server.fail_page(2, *[fault] * 4)
    with pytest.raises(RefreshFailed, match=reason) as failure:
        refresh(world, DAY_2)
    assert "\n" not in str(failure.value)
    assert store_snapshot(world) == before
    assert world.embedder.embedded == 0


def test_no_server_listening_fails_cleanly(world: World) -> None:
    with socket.socket() as probe:  # a port the OS gave us and nobody listens on any more
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = store_snapshot(world)
    with pytest.raises(RefreshFailed, match="cannot connect"):
        refresh(world, ft_search_api_url=f"http://127.0.0.1:{port}/rest")
    assert store_snapshot(world) == before


def test_dns_failure_fails_cleanly(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    before = store_snapshot(world)
    with pytest.raises(RefreshFailed, match="cannot connect to api.example.invalid"):
        refresh(world, ft_search_api_url="http://api.example.invalid/search-api/prod/rest")
    assert store_snapshot(world) == before


def test_https_proxy_is_honoured(world: World) -> None:
    # The replay server stands in for the proxy: every request reaches it in absolute form.
    report = refresh(
        world, https_proxy=world.server.base_url, ft_search_api_url="http://ft.example.invalid/rest"
    )
    assert report.unchanged == 30
    assert world.server.search_requests()


def test_an_empty_feed_is_refused(world: World) -> None:
    world.server.results = []
    before = store_snapshot(world)
    with pytest.raises(RefreshFailed, match="lists no calls"):
        refresh(world)
    assert store_snapshot(world) == before


def test_bundle_reingest_keeps_refreshed_calls(world: World) -> None:
    from corpus.ingest import BUNDLE_ORIGIN, IngestSource, ingest_sources

    moved = world.calls[5]
    world.server.results = [api_result(_moved(c) if c.doc_id == moved.doc_id else c) for c in world.calls]
    refresh(world)
    report = ingest_sources(
        store=world.store,
        index=world.index,
        sources=[IngestSource(origin=BUNDLE_ORIGIN, records=list(world.calls))],
    )
    assert sum(report.updated.values()) == 0 and sum(report.removed.values()) == 0
    stored = world.store.get_record(moved.doc_id)
    assert isinstance(stored, FundingCall) and stored.deadline == _moved(moved).deadline
    assert world.store.counts()["documents"][DocType.CALL.value] == 30


def test_a_bundled_call_missing_at_the_first_refresh_was_last_seen_in_the_snapshot(world: World) -> None:
    gone = world.calls[7]
    world.server.results = [api_result(c) for c in world.calls if c.doc_id != gone.doc_id]
    report = refresh(world, DAY_2)
    assert (report.missing, report.changes) == (1, {"missing": 1})
    assert world.store.get_record(gone.doc_id) == gone
    freshness = call_freshness(world.store.engine, [gone.doc_id, world.calls[0].doc_id])
    assert freshness.last_seen == {gone.doc_id: BUNDLE_CALLS_AS_OF}


def test_bm25_built_before_the_write_lock_is_used_only_when_it_matches(world: World) -> None:
    from corpus.chunking import chunk_record

    moved = _moved(world.calls[2])
    chunks = {moved.doc_id: chunk_record(moved)}
    prepared = world.index.prepare_lexical(chunks)
    world.index.upsert_documents(chunks)
    world.index.flush(prepared)
    assert world.index.lexical is prepared  # saved as built: no rebuild under the lock

    other = _moved(world.calls[4])
    stale = world.index.prepare_lexical({other.doc_id: chunk_record(other)})
    world.index.upsert_documents({moved.doc_id: chunk_record(moved)})  # not what was prepared
    world.index.flush(stale)
    assert world.index.lexical is not stale
    assert world.index.health().ok
    assert world.index.count_chunks() == len(world.index.lexical.catalog)


def test_metadata_values_are_read_tolerantly_but_many_unmappable_records_are_refused(world: World) -> None:
    from corpus.refresh.normalise import feed_record
    from corpus.refresh.sedia import SearchResult

    raw = api_result(world.calls[0])
    raw["metadata"]["type"] = [1]  # a number where a string was seen
    raw["metadata"]["identifier"] = raw["metadata"]["identifier"][0]  # a bare value, not a list
    record = feed_record(SearchResult.model_validate(raw), {})
    assert (record["kind"]["label"], record["identifier"]) == ("Grant", world.calls[0].topic_identifier)

    broken = [api_result(c) for c in world.calls]
    for result in broken[:4]:  # 4 of 30: over the 10 % a refresh tolerates
        del result["metadata"]["identifier"]
    world.server.results = broken
    before = store_snapshot(world)
    with pytest.raises(RefreshFailed, match="4 of the 30 records .* could not be mapped"):
        refresh(world)
    assert store_snapshot(world) == before


def test_a_deleted_call_is_not_brought_back_by_a_refresh(world: World) -> None:
    from corpus.ingest import delete_documents

    doomed = world.calls[0].doc_id
    delete_documents(store=world.store, index=world.index, doc_ids=[doomed], deleted_by="key-admin")
    world.index.flush()
    report = refresh(world, DAY_1)
    assert world.store.get_record(doomed) is None and doomed not in world.index.indexed_doc_ids()
    assert any(doomed in line and "tombstone" in line for line in report.skipped)
