"""``serve --workers`` on the embedded defaults (SQLite, embedded Chroma): real processes, one data dir.

Every process searches the memory-mapped index files; a write takes the data dir's lock and is the
only process with Chroma open meanwhile (``integrations/api/workers.py``). Two set-ups:

- three replica processes, each on its own port (exactly what each ``serve --workers`` process runs,
  ``CLUSTER_ADVISOR_INDEX_REPLICA=true``), so the test chooses which process gets which request: an
  upload through one is found through the others within a second;
- ``serve --workers 2`` as an operator starts it (uvicorn's process manager): a worker killed with
  SIGKILL is replaced, and no request fails meanwhile.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import httpx
import psutil
import pytest

from corpus.ingest import IngestSource, ingest_sources
from corpus.settings import Settings
from corpus.store import RecordStore
from integrations.api.workers import WORKER_MEMORY_MB, default_workers, prepare_data_dir, worker_environment
from retrieval.embeddings import OnnxMiniLMEmbedder
from retrieval.index import SearchIndex
from tests.assistant.factories import TODAY, corpus_records
from tests.scaleout.serving import Served, start_serve, stop_served, wait_served

pytestmark = pytest.mark.integration

KEY = "embedded-workers-write-key-0123456789"
AUTH = {"Authorization": f"Bearer {KEY}"}
VISIBLE_WITHIN_S = 1.0


def _environment(data_dir: Path, **extra: str) -> dict[str, str]:
    """This process's environment without any Cluster Advisor, Slack or Chroma setting, plus ours."""
    prefixes = ("CLUSTER_ADVISOR_", "SLACK_", "CHROMA_", "OPENAI_")
    base = {k: v for k, v in os.environ.items() if not k.startswith(prefixes)}
    return base | {
        "CLUSTER_ADVISOR_DATA_DIR": str(data_dir),
        "CLUSTER_ADVISOR_TODAY": TODAY.isoformat(),
        "CLUSTER_ADVISOR_API_KEYS": f"{KEY}:write",
        "CLUSTER_ADVISOR_RATE_LIMIT": "0",
        "CLUSTER_ADVISOR_LOG_LEVEL": "info",
        "ANONYMIZED_TELEMETRY": "False",
        **extra,
    }


def _start(data_dir: Path, name: str, env: dict[str, str], *args: str) -> Served:
    return start_serve(env, data_dir.parent / f"{name}.log", *args)


def _wait(served: Served) -> None:
    wait_served(served, timeout_s=180)


_stop = stop_served


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The assistant tests' corpus in an embedded data dir, checked as ``serve --workers`` checks it."""
    data_dir = tmp_path_factory.mktemp("embedded-workers") / "data"
    settings = Settings(_env_file=None, data_dir=data_dir)
    records = RecordStore.open(settings.records_db_url)
    index = SearchIndex.open(settings=settings, embedder=OnnxMiniLMEmbedder())
    try:
        ingest_sources(
            store=records, index=index, sources=[IngestSource(origin="tests", records=corpus_records())]
        )
    finally:
        index.close()
        records.close()
    assert prepare_data_dir(settings)  # the dense matrix is there: workers can serve
    return data_dir


def _upload(url: str, name: str, text: str) -> httpx.Response:
    return httpx.post(
        f"{url}/v1/documents",
        files={"file": (name, text.encode(), "text/markdown")},
        headers=AUTH,
        timeout=60,
    )


def _found(url: str, word: str) -> bool:
    response = httpx.get(f"{url}/v1/search", params={"q": word, "k": 5}, headers=AUTH, timeout=30)
    assert response.status_code == 200, response.text
    return any(word in hit["text"].lower() for hit in response.json()["hits"])


def _seconds_until_found(url: str, word: str, *, limit_s: float = 10.0) -> float:
    started = time.monotonic()
    while not _found(url, word):
        if time.monotonic() - started > limit_s:
            return float("inf")
    return time.monotonic() - started


@pytest.fixture(scope="module")
def replicas(data_dir: Path) -> Iterator[list[Served]]:
    """Three replica processes on their own ports, one data dir."""
    env = _environment(data_dir, CLUSTER_ADVISOR_INDEX_REPLICA="true", CLUSTER_ADVISOR_EMBED_THREADS="1")
    group = [_start(data_dir, f"replica-{n}", env, "--workers", "1") for n in range(3)]
    try:
        for served in group:
            _wait(served)
        yield group
    finally:
        _stop(*group)


def test_an_upload_through_one_worker_is_found_through_every_other_within_a_second(
    replicas: list[Served],
) -> None:
    first, second, third = replicas
    for served in replicas:  # each has searched (and mapped) the index before the write
        assert not _found(served.url, "quorlaxite")
    response = _upload(
        first.url, "note-a.md", "# Quorlaxite membranes\n\nThe cluster tests quorlaxite membranes."
    )
    assert response.status_code == 201, response.text
    for served in (second, third):
        assert _seconds_until_found(served.url, "quorlaxite") <= VISIBLE_WITHIN_S

    # A write through another process keeps the first one's document (one writer at a time).
    response = _upload(
        third.url, "note-b.md", "# Vextrabond adhesives\n\nA pilot line for vextrabond adhesives."
    )
    assert response.status_code == 201, response.text
    for served in (first, second):
        assert _seconds_until_found(served.url, "vextrabond") <= VISIBLE_WITHIN_S
    for served in replicas:
        assert _found(served.url, "quorlaxite") and _found(served.url, "vextrabond")
        ready = httpx.get(f"{served.url}/readyz", timeout=30).json()
        assert ready["status"] == "ok", ready


def test_uploads_through_two_workers_at_once_both_land(replicas: list[Served]) -> None:
    """Concurrent writes through different processes queue on the data dir's lock; neither is lost."""
    import concurrent.futures

    texts = {
        replicas[0].url: ("note-c.md", "# Brontallium foils\n\nBrontallium foils for batteries."),
        replicas[1].url: ("note-d.md", "# Zephyrquartz sensors\n\nZephyrquartz sensors in drones."),
    }
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda item: _upload(item[0], *item[1]), texts.items()))
    assert [r.status_code for r in results] == [201, 201], [r.text for r in results]
    for served in replicas:
        assert _seconds_until_found(served.url, "brontallium") <= VISIBLE_WITHIN_S
        assert _seconds_until_found(served.url, "zephyrquartz") <= VISIBLE_WITHIN_S


def _serving_children(process: subprocess.Popen[bytes]) -> set[int]:
    """The uvicorn worker processes of a ``serve --workers`` parent (not multiprocessing's helpers)."""
    found = set()
    for child in psutil.Process(process.pid).children():
        try:
            if child.status() != psutil.STATUS_ZOMBIE and "resource_tracker" not in " ".join(child.cmdline()):
                found.add(child.pid)
        except psutil.Error:  # ended (the killed worker) between listing and looking
            continue
    return found


def test_a_killed_worker_is_replaced_without_failing_a_request(data_dir: Path) -> None:
    served = _start(data_dir, "group", _environment(data_dir), "--workers", "2")
    try:
        _wait(served)
        deadline = time.monotonic() + 120
        while len(_serving_children(served.process)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        before = _serving_children(served.process)
        assert len(before) == 2

        statuses: list[int] = []

        def search() -> None:
            # A new connection per request: a kept-alive connection to the killed process would be
            # that connection's loss, not the server's (clients reconnect).
            response = httpx.get(
                f"{served.url}/v1/search", params={"q": "battery", "k": 3}, headers=AUTH, timeout=30
            )
            statuses.append(response.status_code)

        for _ in range(5):
            search()
        victim = min(before)
        os.kill(victim, signal.SIGKILL)  # between two requests: none is in flight
        replaced_at = None
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            search()  # served by the surviving worker while the other is replaced
            now = _serving_children(served.process)
            if victim not in now and len(now) == 2 and replaced_at is None:
                replaced_at = len(statuses)
            if replaced_at is not None and len(statuses) >= replaced_at + 40:
                break
        after = _serving_children(served.process)
        assert replaced_at is not None, served.log.read_text(errors="replace")[-3000:]
        assert victim not in after and len(after) == 2
        assert statuses and set(statuses) == {200}, statuses
        assert httpx.get(f"{served.url}/readyz", timeout=30).status_code == 200
    finally:
        _stop(served)


def test_an_empty_data_dir_is_served_by_one_process(tmp_path: Path) -> None:
    """Nothing ingested: no index for the workers to map, so ``serve`` keeps one process (it says so)."""
    assert prepare_data_dir(Settings(_env_file=None, data_dir=tmp_path / "data")) is False


def test_default_workers_are_the_cores_capped_by_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(_env_file=None)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(8)))
    monkeypatch.setattr(psutil, "virtual_memory", lambda: SimpleNamespace(available=64 * 2**30))
    assert default_workers(settings) == 8
    scarce = SimpleNamespace(available=int(1.5 * WORKER_MEMORY_MB * 2**20))
    monkeypatch.setattr(psutil, "virtual_memory", lambda: scarce)
    assert default_workers(settings) == 1
    assert default_workers(Settings(_env_file=None, CLUSTER_ADVISOR_WORKERS=3)) == 3


def test_workers_get_the_replica_mode_and_their_share_of_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(4)))
    embedded = worker_environment(Settings(_env_file=None, data_dir=Path("/srv/data")), 2)
    assert embedded["CLUSTER_ADVISOR_INDEX_REPLICA"] == "true"
    assert embedded["CLUSTER_ADVISOR_EMBED_THREADS"] == "2"
    assert embedded["CLUSTER_ADVISOR_DATA_DIR"] == "/srv/data"
    server = worker_environment(Settings(_env_file=None, CHROMA_HOST="chroma.internal"), 8)
    assert "CLUSTER_ADVISOR_INDEX_REPLICA" not in server  # a Chroma server takes every process's writes
    assert server["CLUSTER_ADVISOR_EMBED_THREADS"] == "1"
