"""Where the slow Slack work runs: answer-worker processes (serving) or threads (tests, small installs).

A Bolt lazy listener does the quick part of its job at once (the placeholder a person sees) and
hands the rest, a :data:`~integrations.slack.jobs.SlackJob` (plain data), to a :class:`BackgroundWork`,
which has it run by a :class:`~integrations.slack.dispatch.Dispatcher`: this process's (threads) or
each worker process's own.

Answers are CPU-bound Python. Run in the serving process they hold its GIL and delay the HTTP
acks that Slack wants within 3 seconds. So by default (``SLACK_ANSWER_ISOLATION=process``) they run
in their own worker processes, at a lower CPU priority, each with its own assistant opened from
the settings; the serving process only verifies, acknowledges and posts placeholders. The queue
absorbs bursts; ``SLACK_ANSWER_WORKERS`` sets how many answers are computed at once.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from typing import Protocol

from corpus.settings import Settings
from integrations.slack.dispatch import Dispatcher
from integrations.slack.jobs import SlackJob

logger = logging.getLogger(__name__)

WORKER_NICENESS = 10
"""How much lower the answer workers' CPU priority is than the serving process's."""
_LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s[answer-worker]: %(message)s"


class BackgroundWork(Protocol):
    """Runs Slack jobs after the ack."""

    @property
    def pending(self) -> int:
        """Jobs submitted and not finished yet (queued or running)."""

    def submit(
        self, job: SlackJob, *, on_done: OnDone | None = None, on_failed: OnDone | None = None
    ) -> None:
        """Run ``job`` later; failures are logged by type (never with their payload).

        ``on_done`` is called once the job has run to its end, ``on_failed`` once it has raised (the
        Slack post failed, say); neither for a job dropped at shutdown.
        """

    def start(self, dispatcher: Dispatcher) -> None:
        """Called once, when the listeners are registered, with this process's dispatcher."""

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop accepting jobs; with ``wait``, finish those already queued."""


OnDone = Callable[[], None]
"""Called after a job has run."""


class _Counted:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending = 0

    @property
    def pending(self) -> int:
        with self._lock:
            return self._pending

    def _started(self) -> None:
        with self._lock:
            self._pending += 1

    def _done(
        self,
        label: str,
        future: Future[None],
        on_done: OnDone | None = None,
        on_failed: OnDone | None = None,
    ) -> None:
        with self._lock:
            self._pending -= 1
        if future.cancelled():
            return
        exc = future.exception()
        if exc is not None:
            logger.error("Slack %s failed: %s", label, type(exc).__name__)
        after = on_done if exc is None else on_failed
        if after is not None:
            try:
                after()
            except Exception as callback_exc:  # noqa: BLE001 - a bookkeeping failure must not stop the pool
                logger.error("Slack %s: after-job step failed: %s", label, type(callback_exc).__name__)


class ThreadWork(_Counted):
    """Jobs on a pool of threads of this process, run by this process's dispatcher."""

    def __init__(self, *, workers: int) -> None:
        super().__init__()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="slack-work")
        self._dispatcher: Dispatcher | None = None

    def start(self, dispatcher: Dispatcher) -> None:
        """Run the jobs with ``dispatcher`` from now on."""
        self._dispatcher = dispatcher

    def submit(
        self, job: SlackJob, *, on_done: OnDone | None = None, on_failed: OnDone | None = None
    ) -> None:
        """Run ``job`` on a thread (dropped with a warning once shutting down)."""
        if self._dispatcher is None:
            raise RuntimeError("ThreadWork.start(dispatcher) must come before jobs are submitted")
        self._started()
        try:
            future = self._pool.submit(self._dispatcher.run, job)
        except RuntimeError:
            self._done(job.label, _dropped())
            logger.warning("Slack %s dropped: shutting down", job.label)
            return
        future.add_done_callback(lambda f: self._done(job.label, f, on_done, on_failed))

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop the threads; with ``wait``, after the queued jobs."""
        self._pool.shutdown(wait=wait, cancel_futures=not wait)


class ProcessWork(_Counted):
    """Jobs in worker processes, each with its own dispatcher and services opened from ``settings``.

    This process's dispatcher (:meth:`start`) abandons a job whose worker died twice under it, so
    the person waiting is told instead of left with a placeholder.

    Args:
        settings: What each worker opens (data dir, database URL, Chroma, LLM, Slack API URL).
        workers: Processes, so answers computed at once.
    """

    def __init__(self, *, settings: Settings, workers: int) -> None:
        super().__init__()
        self._settings = settings
        self._workers = workers
        self._lock_pool = threading.Lock()
        # The workers' lifeline: this process holds the only write end and never writes. When it
        # ends, however it ends (kill -9 included), the kernel closes it and every worker reads EOF.
        self._lifeline, self._lifeline_keeper = multiprocessing.get_context("spawn").Pipe(duplex=False)
        self._pool = self._new_pool()
        self._pool.submit(_warm_up)  # open the assistant now, not on the first question
        self._dispatcher: Dispatcher | None = None

    def start(self, dispatcher: Dispatcher) -> None:
        """Abandon jobs through ``dispatcher`` when their worker keeps dying."""
        self._dispatcher = dispatcher

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self._workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self._settings, logging.getLogger().getEffectiveLevel(), self._lifeline),
        )

    def submit(
        self, job: SlackJob, *, on_done: OnDone | None = None, on_failed: OnDone | None = None
    ) -> None:
        """Queue ``job`` for a worker process (which runs it with its own dispatcher).

        A job whose worker died (killed, out of memory) runs once more on a fresh pool; if that one
        dies too, the job is abandoned.
        """
        self._started()
        self._submit(job, retry=True, on_done=on_done, on_failed=on_failed)

    def _submit(
        self, job: SlackJob, *, retry: bool, on_done: OnDone | None, on_failed: OnDone | None = None
    ) -> None:
        try:
            with self._lock_pool:
                pool = self._pool
                try:
                    future = pool.submit(_run_job, job)
                except BrokenProcessPool:
                    pool = self._replace(pool)
                    future = pool.submit(_run_job, job)
        except RuntimeError:  # shutting down
            self._done(job.label, _dropped())
            logger.warning("Slack %s dropped: shutting down", job.label)
            return

        def finished(done: Future[None]) -> None:
            exc = None if done.cancelled() else done.exception()
            if retry and isinstance(exc, BrokenProcessPool):
                with self._lock_pool:
                    self._replace(pool)
                self._submit(job, retry=False, on_done=on_done, on_failed=on_failed)
                return
            if isinstance(exc, BrokenProcessPool) and self._dispatcher is not None:
                self._dispatcher.abandon(job)
                self._done(job.label, done, on_done, on_done)  # given up with an apology: finished
                return
            self._done(job.label, done, on_done, on_failed)

        future.add_done_callback(finished)

    def _replace(self, broken: ProcessPoolExecutor) -> ProcessPoolExecutor:
        """A fresh pool instead of ``broken`` (once, however many jobs noticed it); call under the lock."""
        if self._pool is broken:
            logger.error("an answer worker died; starting a new one")
            broken.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
        return self._pool

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop the workers: the jobs running finish (with ``wait``), the queued ones are dropped.

        A stopping server should not hold its shutdown for a backlog of answers. Dropped jobs stay in
        the job journal (:mod:`integrations.slack.journal`), and the next serving process runs them.
        """
        queued = max(0, self.pending - self._workers)
        if queued:
            logger.warning("stopping: %d queued Slack job(s) left to the next start (journaled)", queued)
        self._pool.shutdown(wait=wait, cancel_futures=True)
        if wait:
            self._lifeline_keeper.close()  # any worker still alive now sees EOF and ends


def background_work(settings: Settings) -> BackgroundWork:
    """The background work the settings ask for (``SLACK_ANSWER_ISOLATION``, ``SLACK_ANSWER_WORKERS``)."""
    if settings.slack_answer_isolation == "thread":
        return ThreadWork(workers=settings.slack_answer_workers)
    return ProcessWork(settings=settings, workers=settings.slack_answer_workers)


def _dropped() -> Future[None]:
    future: Future[None] = Future()
    future.cancel()
    return future


# --- inside an answer-worker process -----------------------------------------------------------

_worker: Dispatcher | None = None


def _start_worker(settings: Settings, log_level: int, lifeline: Connection) -> None:
    """Worker initializer: tied to the serving process first, then lower priority, logging, and the
    services opened once for all jobs."""
    global _worker
    _exit_with_parent(lifeline)  # first: a serving process killed during our start-up ends us too
    from corpus.heap import freeze_startup_heap
    from corpus.malloc import limit_malloc_arenas
    from corpus.redaction import install_redaction

    limit_malloc_arenas()

    logging.basicConfig(level=log_level, format=_LOG_FORMAT, force=True)
    install_redaction(settings)
    try:
        os.nice(WORKER_NICENESS)
    except OSError:  # pragma: no cover - not permitted here; run at the same priority
        logger.info("could not lower the answer worker's priority")
    from assistant.app import open_advisor
    from integrations.slack.answering import Services
    from integrations.slack.client import web_client
    from integrations.slack.store import SlackStore

    services = Services(advisor=open_advisor(settings), store=SlackStore.from_settings(settings))
    _worker = Dispatcher(services, web_client(settings))
    freeze_startup_heap()  # after the indexes opened: no full-collection pauses mid-answer
    _default_termination()  # libraries opened above may have installed their own handlers
    logger.info("answer worker %d ready", os.getpid())


def _exit_with_parent(lifeline: Connection) -> None:
    """End this worker as soon as the serving process is gone (killed: nobody shuts the pool down).

    A thread blocks on the lifeline pipe, whose only write end the serving process holds: its
    end-of-file is the parent's death, seen at once and whatever this worker is doing (starting up,
    answering). SIGTERM keeps its default action (end the process), so ``kill`` always works too.
    """
    _default_termination()

    def watch() -> None:
        try:
            lifeline.recv_bytes()  # the parent never writes: this returns only by EOF or error
        except (EOFError, OSError):
            pass
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _default_termination() -> None:
    """SIGTERM ends this worker (no handler may hold its exit); Ctrl-C in a terminal is the
    serving process's business, which then shuts the pool down."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _warm_up() -> None:
    """Nothing: submitting it starts a worker, which opens its services."""


def _run_job(job: SlackJob) -> None:
    if _worker is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("answer worker not started")
    _worker.run(job)
