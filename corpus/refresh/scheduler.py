"""Scheduled refresh for ``serve`` (``CLUSTER_ADVISOR_REFRESH_HOURS``; off by default).

A daemon thread wakes every few minutes; it refreshes when it holds the lease (a row in SQL, see
:meth:`~corpus.refresh.log.RefreshLog.acquire_lease`) and the last completed refresh is older than
the interval. With ``serve --workers N`` every worker runs a scheduler over the same database, and
exactly one of them holds the lease and refreshes; if it dies, another takes over once its lease
expires. The refresh itself runs outside every request: it embeds before taking the write lock and
writes in short transactions (:mod:`corpus.refresh.apply`), so reads go on meanwhile.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable

from corpus.errors import AdvisorError
from corpus.refresh.log import RefreshLog

logger = logging.getLogger(__name__)

MAX_CHECK_S = 300.0
"""How often a scheduler looks whether a refresh is due (at most; less for short intervals)."""
MIN_LEASE_S = 1800.0
"""A lease outlives the longest refresh (a first refresh may embed hundreds of calls)."""


class RefreshScheduler:
    """Runs ``refresh`` every ``interval_s`` in a background thread, when this process holds the lease."""

    def __init__(
        self,
        *,
        log: RefreshLog,
        interval_s: float,
        refresh: Callable[[], object],
        holder: str | None = None,
        check_s: float | None = None,
        lease_s: float | None = None,
    ) -> None:
        self.log = log
        self.interval_s = interval_s
        self.refresh = refresh
        self.holder = holder or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.check_s = check_s if check_s is not None else min(MAX_CHECK_S, max(1.0, interval_s / 4))
        self.lease_s = lease_s if lease_s is not None else max(MIN_LEASE_S, 3 * self.check_s)
        self.runs = 0
        self.failures = 0
        self._standing_by = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="calls-refresh", daemon=True)

    def start(self) -> None:
        logger.info("calls refresh every %.1f h (lease holder %s)", self.interval_s / 3600, self.holder)
        self._thread.start()

    def stop(self, timeout_s: float = 10.0) -> None:
        """Stop after the refresh under way, if any, and give the lease up."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout_s)
        try:
            self.log.release_lease(holder=self.holder)
        except Exception:  # noqa: BLE001 - shutting down: a lease left behind only expires later
            logger.warning("could not release the refresh lease", exc_info=True)

    def due(self) -> bool:
        """Whether the last completed refresh is older than the interval (or there was none)."""
        last = self.log.last_refresh()
        if last is None:
            return True
        return dt.datetime.now(dt.UTC) - last.finished_at >= dt.timedelta(seconds=self.interval_s)

    def tick(self) -> bool:
        """Refresh now if this process holds the lease and a refresh is due; True when it ran one."""
        if not self.log.acquire_lease(holder=self.holder, ttl_s=self.lease_s):
            if not self._standing_by:  # said once, not at every check
                logger.info("another process holds the refresh lease; %s stands by", self.holder)
                self._standing_by = True
            return False
        self._standing_by = False
        if not self.due():
            return False
        self.runs += 1
        try:
            self.refresh()
            logger.info("scheduled refresh done by %s", self.holder)
        except AdvisorError as exc:  # RefreshFailed: nothing was written; try again at the next check
            self.failures += 1
            logger.warning("scheduled refresh failed, nothing was changed: %s", exc)
        return True

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.tick()
            except Exception:  # noqa: BLE001 - a broken database must not kill the server's thread
                self.failures += 1
                logger.exception("scheduled refresh crashed")
            self._stop.wait(self.check_s)
