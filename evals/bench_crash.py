"""Crash bench: ``kill -9`` a real ``cluster-advisor ingest`` at random moments and check each recovery.

A corpus of record files (funding calls and cluster profiles taken from the bundle) is ingested by
a child process that is killed with SIGKILL after a random delay (seeded); the ingest then goes
on in the next round, so the kills fall all along the ingest, start-up and index repair included.
When an ingest finishes before its kill, the corpus switches to its other version (changed,
removed and added records), so updates and removals are killed too. After every kill:

1. *committed* is read straight from SQLite (read-only), before anything else touches the data dir;
2. a fresh process (``python -m evals.bench_crash DATA_DIR``) opens the data dir as every command
   does — the start-up check repairs or rebuilds the index — and reports the records, the index
   contents, what the check did and how long it took, and whether a search answers;
3. :func:`round_problems` compares the two with the documents each corpus version should give.

A final ingest runs to the end; the data dir must then hold exactly the current version.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from corpus.settings import Settings

TODAY = "2026-05-10"
QUERY = "battery cluster funding"
CALLS_PER_FILE = 8
Expected = dict[str, tuple[str, int]]
"""doc_id → (stored content hash, number of chunks) of one corpus version."""


class CrashRound(BaseModel):
    """One round: an ingest started, killed (or finished), then checked by a fresh process."""

    round: int
    version: int
    delay_s: float
    killed: bool
    exit_code: int | None = None
    committed: int
    expected_total: int
    check: dict[str, Any] = {}
    problems: list[str] = []


class CrashBenchResult(BaseModel):
    """All rounds and the final uninterrupted ingest, with summary figures."""

    seed: int
    rounds: list[CrashRound]
    final_ingest: dict[str, Any] = {}
    final_check: dict[str, Any] = {}
    final_problems: list[str] = []

    @property
    def kills(self) -> list[CrashRound]:
        return [r for r in self.rounds if r.killed]

    def summary(self) -> dict[str, Any]:
        """Rounds, kills, recoveries, repairs/rebuilds detected, recovery times (ms)."""
        kills = self.kills
        times = [r.check.get("recovery_ms", 0.0) for r in kills if r.check.get("action", "none") != "none"]
        opened = [r.check.get("open_ms", 0.0) for r in kills if r.check]
        return {
            "seed": self.seed,
            "rounds": len(self.rounds),
            "kills": len(kills),
            "recoveries": sum(1 for r in kills if not r.problems),
            "failures": sum(1 for r in self.rounds if r.problems) + (1 if self.final_problems else 0),
            "repairs": sum(1 for r in kills if r.check.get("action") == "repaired"),
            "rebuilds": sum(1 for r in kills if r.check.get("action") == "rebuilt"),
            "clean_after_kill": sum(1 for r in kills if r.check.get("action") == "none"),
            "median_recovery_ms": round(statistics.median(times), 1) if times else 0.0,
            "max_recovery_ms": round(max(times), 1) if times else 0.0,
            "median_open_ms": round(statistics.median(opened), 1) if opened else 0.0,
            "committed_at_kill": [r.committed for r in kills],
            "final_documents": self.final_check.get("documents"),
            "final_problems": self.final_problems,
        }


def write_crash_corpus(directory: Path, *, calls: int, clusters: int, version: int) -> None:
    """Write ``calls-NNN.json`` and ``clusters.json`` (records from the bundle) for corpus ``version``.

    Version 1 differs from version 0: two calls in three have a revised description, every tenth
    cluster is gone and three new clusters appear.
    """
    from corpus.bundle import load_bundled_records
    from corpus.models import ClusterProfile, FundingCall

    records = list(load_bundled_records())
    call_rows = []
    for i, call in enumerate([r for r in records if isinstance(r, FundingCall)][:calls]):
        text = "\n\n".join(f"{s.heading}\n{s.text}" for s in call.sections)[:5000] or call.title
        if version == 1 and i % 3 != 2:  # most calls: an update phase embeds as much as it can
            text += "\n\nRevised: the deadline note and the eligible costs were updated."
        call_rows.append(
            {
                "identifier": f"CRASH-{i:04d}",
                "title": call.title,
                "programme": call.programme,
                "opening_date": call.opening_date.isoformat() if call.opening_date else None,
                "deadline": call.deadline.date().isoformat() if call.deadline else None,
                "description": text,
            }
        )
    profiles = [r for r in records if isinstance(r, ClusterProfile) and r.country][:clusters]
    cluster_rows = [
        {"name": p.title, "country": p.country, "city": p.city}
        for i, p in enumerate(profiles)
        if version == 0 or i % 10 != 0
    ]
    if version == 1:
        cluster_rows += [
            {"name": f"Crash Bench Battery Cluster {n}", "country": "DE", "city": "Dresden"} for n in range(3)
        ]
    directory.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(call_rows), CALLS_PER_FILE):  # one file, one commit: steady progress
        part = {"calls": call_rows[start : start + CALLS_PER_FILE]}
        (directory / f"calls-{start // CALLS_PER_FILE:03d}.json").write_text(
            json.dumps(part), encoding="utf-8"
        )
    (directory / "clusters.json").write_text(json.dumps({"clusters": cluster_rows}), encoding="utf-8")


def expected_documents(directory: Path) -> Expected:
    """What ingesting ``directory`` must store: each document's content hash and chunk count."""
    import datetime as dt

    from corpus.chunking import chunk_record
    from corpus.ingest import file_sources, stored_hash

    expected: Expected = {}
    sources = file_sources([directory], max_bytes=50 * 1024 * 1024, today=dt.date.fromisoformat(TODAY))
    for source in sources:
        for record in source.records:
            expected.setdefault(record.doc_id, (stored_hash(record), len(chunk_record(record))))
    return expected


def committed_documents(data_dir: Path) -> dict[str, str]:
    """doc_id → content hash of every committed document, read-only and without the application."""
    path = data_dir / "corpus.sqlite3"
    if not path.exists():
        return {}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        try:
            return dict(conn.execute("SELECT doc_id, content_hash FROM documents").fetchall())
        except sqlite3.OperationalError:  # killed before the tables were created
            return {}


def inspect_data_dir(settings: Settings) -> dict[str, Any]:
    """Open a data dir as every command does (start-up check included) and report what is in it."""
    from sqlalchemy import func, select

    from corpus.store import RecordStore, chunks, documents
    from retrieval.embeddings import embedder_from_settings
    from retrieval.filters import SearchFilters
    from retrieval.search import HybridRetriever
    from retrieval.startup import open_recovered_index

    started = time.perf_counter()
    store = RecordStore.open(settings.records_db_url)
    with store.engine.connect() as conn:
        docs = {row[0]: row[1] for row in conn.execute(select(documents.c.doc_id, documents.c.content_hash))}
        layout = conn.execute(
            select(
                chunks.c.doc_id, func.count(), func.min(chunks.c.position), func.max(chunks.c.position)
            ).group_by(chunks.c.doc_id)
        ).all()
        chunk_ids = set(conn.execute(select(chunks.c.chunk_id)).scalars())
    index, recovery = open_recovered_index(
        settings=settings, embedder=embedder_from_settings(settings), store=store
    )
    opened = time.perf_counter() - started
    try:
        hits = (
            HybridRetriever(index=index)
            .search(query=QUERY, k=5, filters=SearchFilters(), today=settings.today)
            .hits
        )
        health = index.health()
        return {
            "documents": len(docs),
            "hashes": docs,
            "chunks": {row[0]: [row[1], row[2], row[3]] for row in layout},
            "state": recovery.state,
            "detail": recovery.detail,
            "action": recovery.action,
            "repair": recovery.repair.model_dump() if recovery.repair else None,
            "recovery_ms": round(recovery.seconds * 1000, 1),
            "open_ms": round(opened * 1000, 1),
            "health_after": health.state,
            "vectors_match": index.vectors.chunk_ids() == chunk_ids,
            "bm25_match": set(index.catalog.row_of) == chunk_ids,
            "search_hits": len(hits),
            "hits_known": all(hit.doc_id in docs for hit in hits),
        }
    finally:
        index.close()
        store.close()


def round_problems(check: dict[str, Any], *, committed: dict[str, str], allowed: list[Expected]) -> list[str]:
    """What is wrong with a data dir after a kill (empty: recovered).

    Args:
        check: What :func:`inspect_data_dir` reported (in a fresh process, after the kill).
        committed: What SQLite held right after the kill, before the start-up check ran.
        allowed: The corpus versions a committed document may come from.
    """
    problems: list[str] = []
    if check.get("error"):
        return [f"the data dir did not open: {check['error']}"]
    if check["hashes"] != committed:
        problems.append(
            f"{check['documents']} documents after the start-up check, {len(committed)} committed"
        )
    for doc_id, digest in check["hashes"].items():
        versions = [version[doc_id] for version in allowed if doc_id in version]
        layout = check["chunks"].get(doc_id, [0, None, None])
        if not any(digest == v[0] for v in versions):
            problems.append(f"{doc_id}: stored content matches no corpus version")
        elif not any(layout == [v[1], 0, v[1] - 1] for v in versions if v[0] == digest):
            problems.append(f"{doc_id}: torn document, chunks {layout}")
    if check["health_after"] != "ok" and (check["documents"] or check["health_after"] != "missing"):
        problems.append(f"index {check['health_after']} after the start-up check")
    if not (check["vectors_match"] and check["bm25_match"]):
        problems.append("index chunks differ from the committed chunks")
    if check["documents"] and not (check["search_hits"] and check["hits_known"]):
        problems.append("search returned nothing, or documents that are not committed")
    return problems


_TREE = Path(__file__).resolve().parents[1]
"""The source tree the children run (``python -m`` from here): the same code as this process."""


def _check(data_dir: Path, *, fresh_process: bool) -> dict[str, Any]:
    """:func:`inspect_data_dir` in a fresh process, or here (Chroma's client cache dropped after)."""
    if not fresh_process:
        from chromadb.api.shared_system_client import SharedSystemClient

        try:
            return inspect_data_dir(_settings(data_dir))
        except Exception as exc:  # any failure to open or search is what the bench reports
            return {"error": f"{type(exc).__name__}: {exc}"}
        finally:
            SharedSystemClient.clear_system_cache()
    done = subprocess.run(
        [sys.executable, "-m", "evals.bench_crash", str(data_dir)],
        capture_output=True,
        text=True,
        check=False,
        cwd=_TREE,
    )
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["no output"])[-1]}
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _settings(data_dir: Path) -> Settings:
    return Settings(_env_file=None, data_dir=data_dir, today_override=TODAY)


def _ingest(data_dir: Path, corpus: Path, log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "integrations.cli.main", "--data-dir", str(data_dir), "--today", TODAY]
    with log.open("ab") as err:
        return subprocess.Popen(
            [*command, "ingest", str(corpus), "--no-progress", "--json"],
            stdout=subprocess.PIPE,
            stderr=err,
            cwd=_TREE,
        )


def run_crash_bench(
    *,
    workdir: Path,
    rounds: int = 20,
    seed: int = 7,
    max_delay_s: float = 10.0,
    calls: int = 40,
    clusters: int = 150,
    fresh_process: bool = True,
) -> CrashBenchResult:
    """Kill ``rounds`` ingests at random moments, check every recovery, then finish the ingest.

    Args:
        workdir: An empty folder for the corpus versions and the data dir.
        rounds: Kills wanted (ingests that finish before their kill are extra rounds).
        seed: Seed of the kill delays.
        max_delay_s: Kill delays are uniform in [0.2 s, window], the window starting at this; it
            grows by half after each kill that found nothing new committed (a slow start-up on a
            busy machine), up to four times this, so that the ingest always moves on, and becomes
            the duration of the last ingest that finished before its kill.
        calls: Funding calls in the corpus (records taken from the bundle).
        clusters: Cluster profiles in the corpus.
        fresh_process: Check each kill in a new process (as a restart does); else in this one.
    """
    rng = random.Random(seed)
    data_dir, log = workdir / "data", workdir / "ingest.log"
    versions = []
    for version in (0, 1):
        write_crash_corpus(workdir / f"corpus-v{version}", calls=calls, clusters=clusters, version=version)
        versions.append(expected_documents(workdir / f"corpus-v{version}"))
    # One folder ingested every time: a record's origin is its file, and removals are per origin.
    corpus = workdir / "corpus"
    write_crash_corpus(corpus, calls=calls, clusters=clusters, version=0)
    result = CrashBenchResult(seed=seed, rounds=[])
    version, window, before = 0, max_delay_s, committed_documents(data_dir)
    while len(result.kills) < rounds and len(result.rounds) < rounds * 3:
        delay = rng.uniform(0.2, window)
        child, started = _ingest(data_dir, corpus, log), time.monotonic()
        try:
            exit_code: int | None = child.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
            exit_code = None
        child.communicate()  # reap it and close its pipe
        committed = committed_documents(data_dir)
        check = _check(data_dir, fresh_process=fresh_process)
        record = CrashRound(
            round=len(result.rounds) + 1,
            version=version,
            delay_s=round(delay, 2),
            killed=exit_code is None,
            exit_code=exit_code,
            committed=len(committed),
            expected_total=len(versions[version]),
            check={k: v for k, v in check.items() if k not in ("hashes", "chunks")},
        )
        record.problems = round_problems(check, committed=committed, allowed=versions)
        if exit_code is not None:
            if exit_code != 0:
                record.problems.append(f"an uninterrupted ingest exited with {exit_code}")
            version = 1 - version
            write_crash_corpus(corpus, calls=calls, clusters=clusters, version=version)
        if exit_code is not None:  # finished first: aim the next kills within such a run
            window = max(1.0, time.monotonic() - started)
        elif committed == before:  # nothing new committed: the start-up alone outlasted the delay
            window = min(window * 1.5, max_delay_s * 4)
        before = committed
        result.rounds.append(record)
    final = _ingest(data_dir, corpus, log)
    out, _ = final.communicate()
    result.final_ingest = json.loads(out) if final.returncode == 0 else {"exit_code": final.returncode}
    check = _check(data_dir, fresh_process=True)
    result.final_check = {k: v for k, v in check.items() if k not in ("hashes", "chunks")}
    current = versions[version]
    result.final_problems = round_problems(check, committed=committed_documents(data_dir), allowed=[current])
    if final.returncode != 0:
        result.final_problems.append(f"the final ingest exited with {final.returncode}")
    if not check.get("error") and set(check["hashes"]) != set(current):
        result.final_problems.append("the final ingest did not leave exactly the corpus documents")
    return result


def _main(argv: list[str]) -> int:
    """``python -m evals.bench_crash DATA_DIR``: print :func:`inspect_data_dir` as JSON."""
    import logging

    logging.basicConfig(level=logging.ERROR)
    sys.stdout.write(json.dumps(inspect_data_dir(_settings(Path(argv[0])))) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
