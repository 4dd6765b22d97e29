"""Every SQL store through the same code on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from assistant.conversation import ConversationStore
from assistant.errors import NotFound
from corpus.ingest import IngestSource, ingest_sources
from corpus.models import Chunk
from corpus.store import RecordStore
from integrations.slack.store import SlackStore
from tests.factories import make_call, make_policy, make_profile

pytestmark = pytest.mark.integration


class InMemoryIndex:
    """A ChunkIndex keeping chunks in a dict (the SQL side is what is under test here)."""

    def __init__(self) -> None:
        self.chunks: dict[str, list[Chunk]] = {}

    def upsert_documents(
        self, chunks_by_doc: Mapping[str, Sequence[Chunk]], *, progress: Callable[[int], None] | None = None
    ) -> None:
        for doc_id, chunks in chunks_by_doc.items():
            self.chunks[doc_id] = list(chunks)

    def delete_documents(self, doc_ids: Iterable[str]) -> None:
        for doc_id in doc_ids:
            self.chunks.pop(doc_id, None)

    def indexed_doc_ids(self) -> set[str]:
        return set(self.chunks)


def _records() -> list[Any]:
    return [
        make_call(),
        make_call("HORIZON-CL4-2026-01-01", title="Batteries – Zürich “quoted” \x00 title"),
        make_profile(),
        make_policy(),
        make_policy("file:" + "deep/" * 80 + "notes.md", title="A file with a very long path"),
    ]


def _ingest(store: RecordStore, records: list[Any], index: InMemoryIndex) -> Any:
    return ingest_sources(store=store, index=index, sources=[IngestSource(origin="bundle", records=records)])


def test_record_store_ingest_update_and_delete(db_url: str) -> None:
    store = RecordStore.open(db_url)
    index = InMemoryIndex()
    try:
        report = _ingest(store, _records(), index)
        assert dict(report.added) == {"call": 2, "cluster": 1, "policy": 2}
        assert store.counts()["documents"] == {"call": 2, "cluster": 1, "policy": 2}
        for record in _records():
            assert store.get_record(record.doc_id) == record
        assert [r.doc_id for r in store.iter_records()] == sorted(r.doc_id for r in _records())
        chunks = list(store.iter_chunks())
        assert [(c.doc_id, c.position) for c in chunks] == sorted((c.doc_id, c.position) for c in chunks)

        again = _ingest(store, _records(), index)
        assert sum(again.unchanged.values()) == 5 and not again.added and not again.updated

        changed = [make_call(title="Tandem PV, revised"), make_profile(), make_policy()]
        report = _ingest(store, changed, index)
        assert dict(report.updated) == {"call": 1}
        assert store.get_record("call:HORIZON-CL4-2026-01-01") is None
        assert all(c.title == "Tandem PV, revised" for c in store.chunks_of("call:HORIZON-CL5-2027-07-D3-16"))
        assert store.delete(["policy:why-globalise", "policy:nope"]) == 1
        assert store.counts()["documents"] == {"call": 1, "cluster": 1, "policy": 0}
    finally:
        store.close()


def test_conversations_turns_and_feedback(db_url: str) -> None:
    store = ConversationStore.open(db_url)
    try:
        conversation = store.new_conversation(channel="slack:" + "C" * 40)
        store.append_turn(conversation_id=conversation, role="user", content="Zürich \x00 calls? ✓")
        answer = {
            "answer": "Two calls [1] \x00.",
            "citations": [{"n": 1, "quote": "“quoted” ünïcode"}],
            "x": None,
        }
        answer_id = store.append_turn(
            conversation_id=conversation,
            role="assistant",
            content="Two calls [1].",
            intent="funding",
            entities={"countries": ["DE", "CH"], "nested": {"k": [1, 2.5, True]}},
            answer=answer,
        )
        history = store.history(conversation)
        assert [t.role for t in history] == ["user", "assistant"]
        assert history[0].content.startswith("Zürich") and history[0].content.endswith("calls? ✓")
        assert history[1].answer == answer
        assert history[1].entities == {"countries": ["DE", "CH"], "nested": {"k": [1, 2.5, True]}}
        assert all(t.created_at.tzinfo is not None for t in history)
        assert abs(history[1].created_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)

        store.record_feedback(answer_id=answer_id, helpful=True)
        store.record_feedback(answer_id=answer_id, helpful=False, comment="missing the deadline")
        assert [f.helpful for f in store.feedback_for(answer_id)] == [True, False]
        with pytest.raises(NotFound):
            store.record_feedback(answer_id="0" * 32, helpful=True)
        with pytest.raises(NotFound):
            store.history("f" * 32)
    finally:
        store.close()


def test_slack_threads_and_triage_log(db_url: str) -> None:
    store = SlackStore.open(db_url)
    try:
        assert store.claim_event("Ev1") is True
        assert store.claim_event("Ev1") is False
        store.link_thread(channel="C1", thread_ts="1.1", conversation_id="a" * 32, user="U1", question="q1")
        store.link_thread(channel="C1", thread_ts="1.1", conversation_id="b" * 32, user="U1", question="q1")
        store.link_thread(
            channel="C1", thread_ts="1.2", conversation_id="c" * 32, user="U1", question="q" * 900
        )
        assert store.conversation_for(channel="C1", thread_ts="1.1") == "b" * 32
        assert [q.thread_ts for q in store.recent_questions(user="U1")] == ["1.2", "1.1"]

        first = store.log_triage(
            channel="C2", message_ts="2.1", requester="U9", category="other", urgency="low", owner=None
        )
        second = store.log_triage(
            channel="C2", message_ts="2.1", requester="U9", category="funding_question", urgency="high",
            owner="UFUNDING1",
        )  # fmt: skip
        assert second.id == first.id and second.category == "funding_question"
        store.mark_responded(channel="C2", message_ts="2.1", by="USTAFF")
        store.mark_resolved(channel="C2", message_ts="2.1")
        logged = store.triage_event(channel="C2", message_ts="2.1")
        assert logged is not None and logged.assigned_to == "USTAFF"
        assert logged.first_response_at is not None and logged.resolved_at is not None
        assert logged.resolved_at >= logged.first_response_at >= logged.created_at
        assert [event.id for event in store.triage_events()] == [first.id]
    finally:
        store.close()


def test_all_stores_share_one_database(db_url: str) -> None:
    """One ``CLUSTER_ADVISOR_DATABASE_URL`` holds every store's tables, opened at once by many threads."""

    def open_all(_: int) -> None:
        for opener in (RecordStore.open, ConversationStore.open, SlackStore.open):
            opener(db_url).close()

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(open_all, range(6)))
    records, conversations = RecordStore.open(db_url), ConversationStore.open(db_url)
    try:
        assert records.counts()["documents"] == {"call": 0, "cluster": 0, "policy": 0}
        assert not conversations.exists("0" * 32)
    finally:
        records.close()
        conversations.close()


def test_old_event_ids_are_forgotten_and_recent_ones_still_refuse_duplicates(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from integrations.slack import store as slack_store

    now = dt.datetime.now(dt.UTC)
    store = SlackStore.open(db_url)
    try:
        monkeypatch.setattr(slack_store, "utc_now", lambda: now - dt.timedelta(days=2))
        assert store.claim_event("EvOLD") is True  # received two days ago (and pruned nothing)
        store.close()
        store = SlackStore.open(db_url)  # a restart
        monkeypatch.setattr(slack_store, "utc_now", lambda: now)
        assert store.claim_event("EvNEW") is True  # the first claim after start-up prunes
        assert store.claim_event("EvNEW") is False
        assert store.claim_event("EvOLD") is True  # forgotten: Slack stopped retrying it long ago
        assert store.prune_events() == 0
        assert store.claim_event("EvLATER") is True  # within the hour: no new prune
        monkeypatch.setattr(slack_store, "utc_now", lambda: now + dt.timedelta(hours=30))
        assert store.prune_events() == 3
    finally:
        store.close()


def test_job_journal_is_adopted_only_when_stale_and_by_one_process(db_url: str) -> None:
    stores = [SlackStore.open(db_url) for _ in range(4)]
    try:
        first = stores[0]
        first.journal_job(key="answer:C1:1.1", kind="answer", payload="{}", owner="A")
        first.journal_job(key="answer:C1:1.1", kind="answer", payload="{}", owner="A")  # kept once
        first.journal_job(key="triage:C2:2.1", kind="triage", payload="{}", owner="A")
        assert first.journaled_jobs() == 2
        assert first.adopt_stale_jobs("B", stale_after=dt.timedelta(minutes=1)) == []  # A is alive
        assert first.renew_jobs("A") == 2
        first.finish_job("triage:C2:2.1")
        time.sleep(0.05)  # A stops renewing
        with ThreadPoolExecutor(max_workers=4) as pool:
            adopted = list(
                pool.map(
                    lambda n: stores[n].adopt_stale_jobs(f"P{n}", stale_after=dt.timedelta(seconds=0.01)),
                    range(4),
                )
            )
        winners = [job for jobs in adopted for job in jobs]
        assert [(job.key, job.attempts) for job in winners] == [("answer:C1:1.1", 2)]
        assert first.journaled_jobs() == 1
        first.finish_job("answer:C1:1.1")
        assert first.journaled_jobs() == 0
    finally:
        for store in stores:
            store.close()


def test_claim_event_race_between_threads_has_one_winner(db_url: str) -> None:
    stores = [SlackStore.open(db_url) for _ in range(4)]  # four engines: four "workers"
    barrier = threading.Barrier(16)

    def claim(n: int) -> bool:
        barrier.wait()
        return stores[n % 4].claim_event("EvRACE")

    try:
        with ThreadPoolExecutor(max_workers=16) as pool:
            results = list(pool.map(claim, range(16)))
    finally:
        for store in stores:
            store.close()
    assert results.count(True) == 1


def test_thread_links_and_triage_races_raise_nothing(db_url: str) -> None:
    store = SlackStore.open(db_url)
    barrier = threading.Barrier(8)

    def both(n: int) -> None:
        barrier.wait()
        store.link_thread(channel="C1", thread_ts="9.9", conversation_id=f"{n:032d}", user="U", question="q")
        store.log_triage(
            channel="C1", message_ts="9.9", requester="U", category="other", urgency="low", owner=None
        )

    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(both, range(8)))
        assert store.conversation_for(channel="C1", thread_ts="9.9") is not None
        assert len(store.triage_events()) == 1
    finally:
        store.close()


def _claim_many(url: str, ids: list[str], start: Any) -> int:
    store = SlackStore.open(url)
    start.wait()
    try:
        return sum(store.claim_event(event_id) for event_id in ids)
    finally:
        store.close()


def test_claim_event_race_between_processes_has_one_winner_per_event(postgres_url: str) -> None:
    ids = [f"EvPROC{n:04d}" for n in range(60)]
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        start = manager.Event()
        with context.Pool(4) as pool:
            pending = [pool.apply_async(_claim_many, (postgres_url, ids, start)) for _ in range(4)]
            start.set()
            wins = [result.get(timeout=60) for result in pending]
    assert sum(wins) == len(ids)
