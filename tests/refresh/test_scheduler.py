"""Scheduled refresh: the SQL lease (exactly one process refreshes) and the background thread in ``serve``."""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from assistant.app import open_advisor
from assistant.conversation import ConversationStore
from corpus.refresh.apply import run_refresh
from corpus.refresh.log import RefreshLog
from corpus.refresh.scheduler import RefreshScheduler
from integrations.api import create_app
from integrations.api.deps import ApiServices
from tests.refresh.conftest import World


def _wait_for(condition: Callable[[], bool], timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


def test_lease_is_exclusive_renewable_and_taken_over_when_released_or_expired(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lease.sqlite3'}"
    a, b = RefreshLog.open(url), RefreshLog.open(url)
    assert a.acquire_lease(holder="A", ttl_s=60)
    assert not b.acquire_lease(holder="B", ttl_s=60)
    assert a.acquire_lease(holder="A", ttl_s=60)  # renewal
    a.release_lease(holder="A")
    assert b.acquire_lease(holder="B", ttl_s=0.2)
    assert not a.acquire_lease(holder="A", ttl_s=60)
    _wait_for(lambda: a.acquire_lease(holder="A", ttl_s=60), timeout_s=10)  # B's lease expired
    a.close()
    b.close()


def _contend(url: str, holder: str, start: float, queue: multiprocessing.Queue[tuple[str, int]]) -> None:
    log = RefreshLog.open(url)
    while time.time() < start:  # every process asks at the same moment
        pass
    wins = sum(log.acquire_lease(holder=holder, ttl_s=600) for _ in range(20))
    queue.put((holder, wins))
    log.close()


def test_of_several_processes_exactly_one_gets_the_lease(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lease.sqlite3'}"
    RefreshLog.open(url).close()  # tables exist before the race
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[tuple[str, int]] = context.Queue()
    start = time.time() + 3.0
    workers = [context.Process(target=_contend, args=(url, f"worker-{n}", start, queue)) for n in range(4)]
    for worker in workers:
        worker.start()
    results = dict(queue.get(timeout=120) for _ in workers)
    for worker in workers:
        worker.join(timeout=60)
    winners = [holder for holder, wins in results.items() if wins]
    assert len(winners) == 1 and results[winners[0]] == 20


def test_two_schedulers_on_one_database_refresh_once(world: World) -> None:
    logs = [RefreshLog.open(world.settings.records_db_url) for _ in range(2)]
    schedulers = [
        RefreshScheduler(
            log=log,
            interval_s=3600,
            holder=f"worker-{n}",
            refresh=lambda log=log: run_refresh(  # type: ignore[misc]
                settings=world.settings, store=world.store, index=world.index, log=log
            ),
        )
        for n, log in enumerate(logs)
    ]
    ran: list[bool] = []
    barrier = threading.Barrier(2)

    def tick_often(scheduler: RefreshScheduler) -> None:
        barrier.wait()
        ran.extend(scheduler.tick() for _ in range(10))

    threads = [threading.Thread(target=tick_often, args=(s,)) for s in schedulers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sum(ran) == 1
    assert len([r for r in world.server.search_requests() if r.query["pageNumber"] == "1"]) == 1
    for log in logs:
        log.close()


def test_serve_refreshes_in_the_background_and_keeps_answering(world: World, tmp_path: Path) -> None:
    settings = world.with_today(world.settings.today, refresh_hours=0.5)
    services = ApiServices(
        advisor=open_advisor(
            settings,
            records=world.store,
            index=world.index,
            conversations=ConversationStore.open(f"sqlite:///{tmp_path / 'c.sqlite3'}"),
            chat_model=None,
        )
    )
    with TestClient(create_app(settings, services=services)) as client:
        _wait_for(lambda: client.get("/readyz").json()["calls_refreshed_at"] is not None)
        assert client.get("/v1/search", params={"q": "cluster"}).status_code == 200
    assert world.log.last_refresh() is not None
    # Off by default: no refresh thread without CLUSTER_ADVISOR_REFRESH_HOURS.
    assert world.settings.refresh_hours == 0
