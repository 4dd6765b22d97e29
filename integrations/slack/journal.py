"""Slack work that survives a restart: every queued job is journaled in SQL until it has run.

Slack gets its ack within milliseconds and never sends the event again, so a job queued in memory
(an answer behind its "Looking through the corpus…" placeholder, a triage card) would be lost with
the process: killed, out of memory, or stopped with a backlog. :class:`JournaledWork` records each
job in the Slack store (:meth:`~integrations.slack.store.SlackStore.journal_job`) before queueing
it, and deletes it once it has run to its end (the answer posted). A job that failed (Slack
answered 5xx after the client's retries, say) is released: the next heartbeat of any process adopts
it and runs it again, so its placeholder never stays at "Looking…".

Each serving process renews its jobs' heartbeat every ``SLACK_JOB_LEASE_S / 3`` seconds. Jobs whose
heartbeat is older than the lease belong to a process that stopped: any serving process sharing the
store adopts them (one conditional ``UPDATE`` each, so one adopter wins) and runs them again. A job
adopted :data:`MAX_ATTEMPTS` times is given up: its placeholder says so, instead of waiting forever.

The heartbeat also runs the weekly digests of saved searches: a digest due by the clock is claimed
and journaled in one transaction (:meth:`~integrations.slack.watch_store.WatchStore.claim_due_digests`),
then runs like any job, so a digest interrupted by a restart is adopted and finished elsewhere.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable

from corpus.settings import Settings
from corpus.sql import utc_now
from integrations.slack.background import BackgroundWork, OnDone, background_work
from integrations.slack.dispatch import Dispatcher
from integrations.slack.jobs import SlackJob, job_from_record, job_record
from integrations.slack.store import JournaledJob, SlackStore
from integrations.slack.watch_store import WatchStore

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
"""Runs of one job (the first, then adoptions after its process stopped) before it is given up."""


def process_owner_id() -> str:
    """This process's name in the journal: host, pid and a random part (pids are reused)."""
    return f"{socket.gethostname()[:48]}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


class JournaledWork:
    """A :class:`BackgroundWork` that journals its jobs, and resumes those a stopped process left.

    Args:
        inner: Where the jobs run (answer-worker processes or threads).
        store: The Slack store shared by every serving process.
        lease: How long a job may go without a heartbeat before another process adopts it.
    """

    def __init__(
        self,
        inner: BackgroundWork,
        store: SlackStore,
        *,
        lease: dt.timedelta,
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self._inner = inner
        self._store = store
        self._watches = WatchStore.of(store)
        self._lease = lease
        self._clock = clock
        self.owner = process_owner_id()
        self._stopping = threading.Event()
        self._heartbeat: threading.Thread | None = None
        self._dispatcher: Dispatcher | None = None

    @property
    def pending(self) -> int:
        """Jobs submitted here and not finished yet."""
        return self._inner.pending

    def submit(
        self, job: SlackJob, *, on_done: OnDone | None = None, on_failed: OnDone | None = None
    ) -> None:
        """Journal ``job``, then queue it; its record is deleted once it has run to its end, and
        released for another attempt when it failed."""
        record = job_record(job)
        if record is not None:
            self._store.journal_job(
                key=record.key, kind=record.kind, payload=record.payload, owner=self.owner
            )
            on_done = self._finisher(record.key, on_done)
            on_failed = self._releaser(record.key, on_failed)
        self._inner.submit(job, on_done=on_done, on_failed=on_failed)

    def start(self, dispatcher: Dispatcher, *, heartbeat: bool = True) -> None:
        """Start the inner work and the heartbeat, which adopts jobs left by stopped processes (at once,
        then periodically), queues due digests, and abandons, through ``dispatcher``, the jobs that
        failed too often. Without ``heartbeat``, the caller calls :meth:`beat_once` (tests on a fixed
        clock)."""
        if self._dispatcher is not None:
            return
        self._dispatcher = dispatcher
        self._inner.start(dispatcher)
        if not heartbeat:
            return
        self._heartbeat = threading.Thread(target=self._beat, name="slack-journal", daemon=True)
        self._heartbeat.start()

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop the heartbeat, then the inner work (jobs it drops stay journaled for the next start)."""
        self._stopping.set()
        if self._heartbeat is not None:
            self._heartbeat.join(timeout=10)
        self._inner.shutdown(wait=wait)

    def beat_once(self) -> int:
        """Renew this process's jobs, adopt stale ones, and queue the digests due by the clock (each
        claimed and journaled by one process only); returns how many jobs were adopted."""
        self._store.renew_jobs(self.owner)
        adopted = self._store.adopt_stale_jobs(self.owner, stale_after=self._lease)
        for entry in adopted:
            self._resume(entry)
        for entry in self._watches.claim_due_digests(self.owner, now=self._clock()):
            self._resume(entry, adopted=False)
        return len(adopted)

    def _beat(self) -> None:
        interval = self._lease.total_seconds() / 3
        while not self._stopping.is_set():
            try:
                self.beat_once()
            except Exception as exc:  # noqa: BLE001 - the database may be away for a while; try again
                logger.warning("Slack job journal: heartbeat failed (%s); retrying", type(exc).__name__)
            self._stopping.wait(interval)

    def _resume(self, entry: JournaledJob, *, adopted: bool = True) -> None:
        if self._dispatcher is None:
            raise RuntimeError("JournaledWork.start() must come before jobs are resumed")
        try:
            job = job_from_record(entry.kind, entry.payload)
        except ValueError as exc:
            logger.error("Slack job journal: %s; record %s dropped", exc, entry.key)
            self._store.finish_job(entry.key)
            return
        if entry.attempts > MAX_ATTEMPTS:
            logger.error("Slack %s given up after %d attempts", job.label, MAX_ATTEMPTS)
            self._dispatcher.abandon(job)
            self._store.finish_job(entry.key)
            return
        if adopted:
            logger.warning("resuming a Slack %s left unfinished by a stopped process", job.label)
        self._inner.submit(
            job, on_done=self._finisher(entry.key, None), on_failed=self._releaser(entry.key, None)
        )

    def _releaser(self, key: str, then: OnDone | None) -> OnDone:
        def failed() -> None:
            self._store.release_job(key)  # adopted again (and counted) at the next heartbeat
            if then is not None:
                then()

        return failed

    def _finisher(self, key: str, then: OnDone | None) -> OnDone:
        def finished() -> None:
            self._store.finish_job(key)
            if then is not None:
                then()

        return finished


def journaled_background_work(settings: Settings, store: SlackStore) -> JournaledWork:
    """:func:`~integrations.slack.background.background_work`, journaled in ``store``."""
    return JournaledWork(
        background_work(settings), store, lease=dt.timedelta(seconds=settings.slack_job_lease_s)
    )
