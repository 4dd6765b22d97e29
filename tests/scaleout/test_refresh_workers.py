"""Scheduled refresh with several real ``serve`` processes on PostgreSQL + a Chroma server: one refreshes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from corpus.bundle import load_bundled_records
from corpus.ingest import BUNDLE_ORIGIN, IngestSource, ingest_sources
from corpus.models import DocType, FundingCall
from corpus.refresh.log import RefreshLog
from corpus.settings import Settings
from corpus.store import RecordStore
from retrieval.embeddings import OnnxMiniLMEmbedder
from retrieval.index import SearchIndex
from tests.fakes.chroma import free_port
from tests.fakes.ft_search import replay_for
from tests.fakes.postgres import PostgresServer

pytestmark = pytest.mark.integration

_CLI = "from integrations.cli.main import run; run()"


def _wait_for(condition: Callable[[], bool], timeout_s: float = 240.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.2)


def _ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/readyz", timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


def test_of_three_serve_processes_exactly_one_refreshes(
    postgres: PostgresServer, chroma_server: tuple[str, int], tmp_path: Path
) -> None:
    calls = [c for c in load_bundled_records(doc_types=[DocType.CALL]) if isinstance(c, FundingCall)][:12]
    database_url = postgres.create_database("refresh_workers")
    host, port = chroma_server
    settings = Settings(
        _env_file=None, data_dir=tmp_path, database_url=database_url, chroma_host=host, chroma_port=port
    )
    store = RecordStore.open(database_url)
    index = SearchIndex.open(settings=settings, embedder=OnnxMiniLMEmbedder())
    ingest_sources(
        store=store, index=index, sources=[IngestSource(origin=BUNDLE_ORIGIN, records=list(calls))]
    )
    index.close()
    store.close()
    with replay_for(calls) as server:
        prefixes = ("CLUSTER_ADVISOR_", "SLACK_", "CHROMA_", "OPENAI_")
        env = {k: v for k, v in os.environ.items() if not k.startswith(prefixes)} | {
            "CLUSTER_ADVISOR_DATA_DIR": str(tmp_path),
            "CLUSTER_ADVISOR_DATABASE_URL": database_url,
            "CLUSTER_ADVISOR_LOG_LEVEL": "info",
            "CLUSTER_ADVISOR_REFRESH_HOURS": "24",
            "CLUSTER_ADVISOR_FT_SEARCH_API": server.base_url,
            "CHROMA_HOST": host,
            "CHROMA_PORT": str(port),
            "ANONYMIZED_TELEMETRY": "False",
        }
        logs, processes, urls = [], [], []
        for name, args in (("a", ["--workers", "2"]), ("b", ["--workers", "1"])):
            bind = free_port()
            log = tmp_path / f"{name}.log"
            with log.open("wb") as out:
                processes.append(
                    subprocess.Popen(
                        [sys.executable, "-c", _CLI, "serve", "--port", str(bind), *args],
                        env=env,
                        stdout=out,
                        stderr=subprocess.STDOUT,
                    )
                )
            logs.append(log)
            urls.append(f"http://127.0.0.1:{bind}")
        try:
            _wait_for(lambda: all(_ready(url) for url in urls))

            def said(text: str) -> int:
                return sum(log.read_text(errors="replace").count(text) for log in logs)

            # Three schedulers (two workers of A, one of B): one refreshes, two stand by.
            _wait_for(lambda: said("scheduled refresh done by") == 1 and said("stands by") == 2)
            page_1 = [r for r in server.search_requests() if r.query["pageNumber"] == "1"]
            assert len(page_1) == 1
            log_store = RefreshLog.open(database_url)
            run = log_store.last_refresh()
            log_store.close()
            assert run is not None and (run.fetched, run.unchanged) == (12, 12)
            for url in urls:
                assert httpx.get(f"{url}/readyz", timeout=5).json()["calls_refreshed_at"] is not None
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=60)
