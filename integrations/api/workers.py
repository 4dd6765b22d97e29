"""``serve --workers N`` on one machine: N processes on one port, reads in every one, one writer at a time.

The design (docs/scale-out.md, *Several processes on the embedded store*):

- **Reads in every process, from shared files.** Each worker opens the index as a *replica*
  (:meth:`retrieval.index.SearchIndex.open_replica`): the BM25 index and the dense matrix are
  memory-mapped from ``data/bm25/`` (one copy in the page cache for all workers), and no worker
  keeps Chroma open. A search re-maps them when the directory's generation changes (one ``stat``).
- **One writer at a time.** A write (upload, deletion, refresh) takes the data dir's cross-process
  lock (:func:`data_dir_write_lock`), opens Chroma, writes, saves the new BM25 index and dense matrix
  as one directory swap, and closes Chroma: at any moment at most one process has the embedded
  Chroma open (Chroma is not safe for several processes). Every other worker serves the next search
  from the new generation, so a committed write is seen everywhere at once.
- **SQL stores** (records, conversations, feedback, Slack journal) are SQLite in WAL mode with a
  busy timeout, which several processes share; PostgreSQL for several machines.
- **Process management** is uvicorn's: the parent restarts a worker that dies, and a request in
  flight on the dead worker is the only one lost; the others are served by the remaining workers.

Before the workers start, the parent runs the start-up checks once (:func:`prepare_data_dir`):
repair or rebuild a damaged index, and write the dense matrix of a data dir that predates it.
"""

from __future__ import annotations

import fcntl
import logging
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import psutil  # type: ignore[import-untyped,unused-ignore]

from corpus.settings import Settings

logger = logging.getLogger(__name__)

WRITE_LOCK = "index.lock"
"""File in the data dir whose exclusive ``flock`` a process holds while it writes the index."""
WORKER_MEMORY_MB = 600
"""Memory to reserve per worker when choosing the default number (measured RSS ~0.4-0.5 GB each,
plus its share of the answer workers and the page cache of the shared index files)."""


def default_workers(settings: Settings) -> int:
    """Workers ``serve`` starts unless told: ``CLUSTER_ADVISOR_WORKERS``, else one per core, as many
    as the available memory holds (:data:`WORKER_MEMORY_MB` each), at least one."""
    if settings.serve_workers is not None:
        return settings.serve_workers
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    available_mb = psutil.virtual_memory().available / (1024 * 1024)
    return max(1, min(cores, int(available_mb // WORKER_MEMORY_MB)))


def embed_threads_per_worker(workers: int) -> int:
    """Each worker's share of the cores for the embedding model (onnxruntime threads), at least one."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, cores // workers)


@contextmanager
def data_dir_write_lock(data_dir: Path) -> Iterator[None]:
    """Hold the data dir's write lock (blocking) across processes; released on exit or process death."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with (data_dir / WRITE_LOCK).open("a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def prepare_data_dir(settings: Settings) -> bool:
    """The start-up checks, run once before the workers: a damaged index is repaired or rebuilt from
    the records, a missing dense matrix written. Returns whether the workers can serve (False: the
    data dir has no index yet — nothing ingested — so one process serves it as before)."""
    from corpus.store import RecordStore
    from retrieval.embeddings import embedder_from_settings
    from retrieval.startup import open_checked_index

    with data_dir_write_lock(settings.data_dir):
        records = RecordStore.open(settings.records_db_url)
        try:
            embedder = embedder_from_settings(settings)
            index = open_checked_index(settings=settings, embedder=embedder, store=records)
            try:
                return index.current_dense() is not None
            finally:
                index.close()
        finally:
            records.close()


def prepare_in_child(settings: Settings, *, log_level: int) -> bool:
    """:func:`prepare_data_dir` in a short-lived child process, so that the parent — uvicorn's
    process manager, which serves nothing — does not keep the index, the model and Chroma in memory
    (~235 MB) beside the workers."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        1, mp_context=context, initializer=_log_to_stderr, initargs=(log_level,)
    ) as pool:
        return pool.submit(prepare_data_dir, settings).result()


def _log_to_stderr(level: int) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)


def worker_environment(settings: Settings, workers: int) -> dict[str, str]:
    """What each worker process needs besides the parent's environment: the CLI's global options,
    the replica mode on the embedded store, and its share of the cores."""
    env = {"CLUSTER_ADVISOR_DATA_DIR": str(settings.data_dir)}
    if settings.today_override is not None:
        env["CLUSTER_ADVISOR_TODAY"] = settings.today_override.isoformat()
    if settings.chroma_host is None:
        env["CLUSTER_ADVISOR_INDEX_REPLICA"] = "true"
    if settings.embed_threads is None:
        env["CLUSTER_ADVISOR_EMBED_THREADS"] = str(embed_threads_per_worker(workers))
    # numpy's BLAS would start a thread per core in every worker for a 1 ms matrix-vector product.
    env["OPENBLAS_NUM_THREADS"] = env["OMP_NUM_THREADS"] = "1"
    return env
