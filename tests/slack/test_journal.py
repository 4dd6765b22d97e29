"""The Slack job journal: queued work outlives its process, and a stopped process's jobs are finished."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

import pytest
from slack_sdk import WebClient

from integrations.slack import blocks
from integrations.slack.answering import Services
from integrations.slack.background import ThreadWork
from integrations.slack.client import web_client
from integrations.slack.dispatch import Dispatcher
from integrations.slack.jobs import (
    ABANDONED_TEXT,
    AnswerJob,
    CommandJob,
    HomeJob,
    ThreadLink,
    TriageJob,
    job_from_record,
    job_record,
)
from integrations.slack.journal import MAX_ATTEMPTS, JournaledWork
from tests.fakes.slack_web_api import MockSlackApi
from tests.slack.conftest import SlackHarness

LEASE = dt.timedelta(seconds=0.3)


def _wait(condition: Callable[[], bool], *, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _final_answer_in(api: MockSlackApi, ts: str) -> bool:
    return any(
        call.args.get("ts") == ts and blocks.ACTION_HELPFUL in str(call.args.get("blocks"))
        for call in api.calls_of("chat.update")
    )


def _placeholder_job(client: WebClient, question: str, thread_ts: str) -> AnswerJob:
    placeholder = client.chat_postMessage(channel="CGENERAL1", thread_ts=thread_ts, text="Looking…")
    link = ThreadLink(channel="CGENERAL1", thread_ts=thread_ts, user="UASKER001", question=question)
    return AnswerJob(
        channel="CGENERAL1", ts=str(placeholder["ts"]), question=question, conversation_id=None, link=link
    )


def _journal_as_stopped_process(slack: SlackHarness, job: AnswerJob) -> str:
    """Journal ``job`` as a process that then stopped (never renews it), and let its lease run out."""
    record = job_record(job)
    assert record is not None
    slack.store.journal_job(key=record.key, kind=record.kind, payload=record.payload, owner="gone:1:dead")
    time.sleep(LEASE.total_seconds() * 1.5)
    return record.key


def _dispatcher(slack: SlackHarness, client: WebClient) -> Dispatcher:
    return Dispatcher(Services(advisor=slack.advisor, store=slack.store), client)


def test_jobs_round_trip_through_their_journal_records() -> None:
    link = ThreadLink(channel="C1", thread_ts="1.1", user="U1", question="Open calls on hydrogen?")
    jobs = [
        AnswerJob(channel="C1", ts="1.2", question="Open calls?", conversation_id="c" * 32, link=link),
        AnswerJob(channel="D1", ts="1.3", question="Anything for SMEs?", conversation_id=None, link=None),
        TriageJob(channel="CSUP", message_ts="2.1", text="Our login is broken – urgent", requester="U2"),
        CommandJob(question="battery clusters in Central Europe?", channel="C1", user="U3"),
        CommandJob(question="Open calls?", channel="C2", user="U4", response_url="https://hooks.slack.com/x"),
    ]
    for job in jobs:
        record = job_record(job)
        assert record is not None
        assert job_from_record(record.kind, record.payload) == job
    assert job_record(HomeJob(user="U1")) is None  # republished on the next visit: not journaled
    commands = [job_record(jobs[3]) for _ in range(2)]
    assert commands[0] is not None and commands[1] is not None and commands[0].key != commands[1].key
    with pytest.raises(ValueError, match="unknown Slack job kind"):
        job_from_record("telepathy", "{}")
    with pytest.raises(ValueError, match="does not fit"):
        job_from_record("answer", '{"channel": "C1"}')


def test_a_job_left_by_a_stopped_process_is_finished_by_another(slack: SlackHarness) -> None:
    client = web_client(slack.settings)
    job = _placeholder_job(client, "Which calls support battery value chains?", "301.1")
    _journal_as_stopped_process(slack, job)
    work = JournaledWork(ThreadWork(workers=1), slack.store, lease=LEASE)
    try:
        work.start(_dispatcher(slack, client))
        _wait(lambda: _final_answer_in(slack.api, job.ts))
        _wait(lambda: slack.store.journaled_jobs() == 0)
    finally:
        work.shutdown(wait=True)
    # the resumed answer is a real one: linked to its thread, so follow-ups continue it
    assert slack.store.conversation_for(channel="CGENERAL1", thread_ts="301.1") is not None


def test_jobs_are_journaled_while_queued_and_forgotten_once_run(slack: SlackHarness) -> None:
    client = web_client(slack.settings)
    work = JournaledWork(ThreadWork(workers=1), slack.store, lease=dt.timedelta(seconds=60))
    try:
        work.start(_dispatcher(slack, client))
        jobs = [_placeholder_job(client, f"Open calls on topic {n}?", f"40{n}.1") for n in range(3)]
        for job in jobs:
            work.submit(job)
        assert slack.store.journaled_jobs() >= 1  # one runs, the others wait in the queue
        for job in jobs:
            _wait(lambda job=job: _final_answer_in(slack.api, job.ts))  # type: ignore[misc]
        _wait(lambda: slack.store.journaled_jobs() == 0)
        # a live process's jobs are never adopted by another, however long they take
        other = JournaledWork(ThreadWork(workers=1), slack.store, lease=dt.timedelta(seconds=60))
        assert other.beat_once() == 0
        other.shutdown()
    finally:
        work.shutdown(wait=True)


def test_a_job_that_failed_every_attempt_is_given_up_with_an_apology(slack: SlackHarness) -> None:
    client = web_client(slack.settings)
    job = _placeholder_job(client, "Partners for a hydrogen project?", "501.1")
    _journal_as_stopped_process(slack, job)
    for attempt in range(MAX_ATTEMPTS - 1):  # adopted by processes that stopped too
        assert len(slack.store.adopt_stale_jobs(f"gone:{attempt}:x", stale_after=dt.timedelta(0))) == 1
        time.sleep(0.01)
    time.sleep(LEASE.total_seconds() * 1.5)
    work = JournaledWork(ThreadWork(workers=1), slack.store, lease=LEASE)
    try:
        work.start(_dispatcher(slack, client))
        _wait(lambda: slack.store.journaled_jobs() == 0)
    finally:
        work.shutdown(wait=True)
    apology = [c for c in slack.api.calls_of("chat.update") if c.args.get("ts") == job.ts]
    assert [c.args.get("text") for c in apology] == [ABANDONED_TEXT]  # not answered a fourth time


def test_slack_5xx_answers_are_retried_with_back_off(slack: SlackHarness) -> None:
    client = web_client(slack.settings)
    job = _placeholder_job(client, "Which calls support battery value chains?", "601.1")
    slack.api.server_error("chat.update", times=2, status=502)
    work = JournaledWork(ThreadWork(workers=1), slack.store, lease=dt.timedelta(seconds=60))
    try:
        work.start(_dispatcher(slack, client))
        work.submit(job)
        _wait(lambda: _final_answer_in(slack.api, job.ts))
        _wait(lambda: slack.store.journaled_jobs() == 0)
    finally:
        work.shutdown(wait=True)
    assert [c.status for c in slack.api.calls if c.method == "chat.update"][:2] == [502, 502]


def test_a_job_whose_answer_could_not_be_posted_stays_journaled_and_is_run_again(slack: SlackHarness) -> None:
    client = web_client(slack.settings)
    job = _placeholder_job(client, "Partners for a hydrogen project?", "602.1")
    slack.api.server_error("chat.update", times=5, status=503)  # more than the client's retries
    work = JournaledWork(ThreadWork(workers=1), slack.store, lease=LEASE)
    try:
        work.start(_dispatcher(slack, client))
        work.submit(job)
        _wait(lambda: _final_answer_in(slack.api, job.ts))  # by the second attempt
        _wait(lambda: slack.store.journaled_jobs() == 0)
    finally:
        work.shutdown(wait=True)
    failed = [c for c in slack.api.calls if c.method == "chat.update" and c.status == 503]
    assert len(failed) == 5
