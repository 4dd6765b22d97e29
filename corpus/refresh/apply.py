"""A refresh: fetch the feed whole, plan against the store, embed, then write in short transactions.

1. **Fetch** (:func:`fetch_search_api` / :func:`fetch_grants_feed`): every page, validated; any
   failure raises :class:`~corpus.errors.RefreshFailed` and nothing has been written.
2. **Map** (:func:`map_feed`): feed records → :class:`~corpus.models.FundingCall` through the
   bundle's loader and merge rules (one record per call, cascade calls under their own id).
3. **Plan** (:func:`plan_refresh`, reads only): a call already stored keeps its description (from
   the fuller CordisData text) and takes the feed's dates, budget, status label and link; a new call
   is taken whole. Only records whose content hash changes are written (and re-embedded). Stored
   calls missing from the feed are never deleted.
4. **Apply** (:func:`apply_refresh`): chunks are embedded first, outside any lock; then the
   index and the store are written under ``lock`` in one hold (short SQL transactions, the vectors
   ready, the BM25 rebuild), and the change log, the sightings and the run row go in one transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx
from pydantic import ValidationError

from corpus.chunking import chunk_record
from corpus.errors import RefreshFailed
from corpus.ingest import REFRESH_ORIGIN, stored_hash
from corpus.models import Budget, Chunk, DocType, FundingCall, Provenance
from corpus.refresh.grantsfeed import read_grants_feed
from corpus.refresh.log import CallChange, RefreshLog
from corpus.refresh.normalise import feed_record
from corpus.refresh.sedia import PAGE_SIZE, SearchApiClient, build_client, facet_labels
from corpus.settings import Settings
from corpus.sources import GRANTSFEED
from corpus.sources.ft_calls import FeedCall, parse_feed_record
from corpus.sources.merge_calls import call_doc_id, merge_calls
from corpus.store import RecordStore

logger = logging.getLogger(__name__)

SEARCH_API_DATASET = "eu-ft-search-api"
MAX_SKIPPED_SHARE = 0.1
"""More records than this share that cannot be mapped is a changed format: the refresh is refused."""
_EC_REUSE = "European Commission reuse policy (Decision 2011/833/EU; CC BY 4.0 unless stated otherwise)"
_FRESH_FIELDS = ("opening_date", "deadline", "deadline_model", "source_status_label", "url")
"""What a refresh takes from the feed for a call already stored (None in the feed keeps the old value)."""


@dataclass(frozen=True)
class FetchedFeed:
    """Every record of one fetch, in the grants-feed record shape."""

    source: str
    """``search-api <url>`` or ``grants-feed <url>``: what the run row and provenance name."""
    source_url: str
    dataset: str
    records: list[dict[str, object]]
    requests: int = 0


class RefreshIndex(Protocol):
    """What a refresh needs of the search index (``retrieval.index.SearchIndex`` implements it)."""

    def embed_chunks(self, chunks: Sequence[Chunk]) -> dict[str, list[float]]: ...

    def upsert_documents(
        self,
        chunks_by_doc: Mapping[str, Sequence[Chunk]],
        *,
        progress: Callable[[int], None] | None = None,
        vectors: Mapping[str, Sequence[float]] | None = None,
    ) -> None: ...

    def prepare_lexical(self, chunks_by_doc: Mapping[str, Sequence[Chunk]]) -> Any: ...

    def flush(self, prepared: Any = None) -> None: ...


# --- 1. fetch ------------------------------------------------------------------------------------


def fetch_search_api(
    settings: Settings,
    *,
    transport: httpx.BaseTransport | None = None,
    backoff_s: float = 1.0,
    page_size: int = PAGE_SIZE,
) -> FetchedFeed:
    """Every open or forthcoming call from the portal's search API (facet labels, then all pages)."""
    with build_client(settings, transport=transport) as client:
        api = SearchApiClient(
            client=client,
            base_url=settings.ft_search_api_url,
            api_key=settings.ft_search_api_key,
            concurrency=settings.refresh_concurrency,
            backoff_s=backoff_s,
        )
        lookups = facet_labels(api.facets(), ("frameworkProgramme", "programmeDivision", "status", "type"))
        results = api.all_results(page_size=page_size)
    unique = {result.reference: result for result in reversed(results)}  # first occurrence wins
    records: list[dict[str, object]] = [
        feed_record(result, lookups) for result in results if unique.get(result.reference) is result
    ]
    return FetchedFeed(
        source=f"search-api {settings.ft_search_api_url}",
        source_url=settings.ft_search_api_url,
        dataset=SEARCH_API_DATASET,
        records=records,
        requests=api.requests,
    )


def fetch_grants_feed(
    settings: Settings, url: str, *, transport: httpx.BaseTransport | None = None
) -> FetchedFeed:
    """Every call of a grants-feed daily snapshot at ``url`` (a mirror of ``data/grants.json``)."""
    with build_client(settings, transport=transport) as client:
        records = read_grants_feed(url, client=client)
    return FetchedFeed(
        source=f"grants-feed {url}",
        source_url=url,
        dataset=GRANTSFEED.dataset,
        records=list(records),
        requests=1,
    )


# --- 2. map --------------------------------------------------------------------------------------


def map_feed(
    feed: FetchedFeed, *, today: dt.date, known_ids: Collection[str] = ()
) -> tuple[list[FundingCall], list[str]]:
    """The feed's records as funding calls (bundle rules), with the records left out and why.

    Calls in ``known_ids`` (already stored) keep their stored description, so their abstract is
    not cleaned and split at all: that is most of the mapping's time on an unchanged feed.
    """
    parsed: list[FeedCall] = []
    skipped: list[str] = []
    for raw in feed.records:
        ref = str(raw.get("id"))
        if not raw.get("identifier") or not str(raw.get("identifier")).strip():
            skipped.append(f"{ref}: no topic identifier")
            continue
        try:
            light = parse_feed_record({**raw, "abstract": None})
            parsed.append(light if call_doc_id(light) in known_ids else parse_feed_record(dict(raw)))
        except (KeyError, ValueError, ValidationError, TypeError) as exc:
            skipped.append(f"{ref}: {str(exc).splitlines()[0]}")
    calls, merge_skipped = merge_calls(parsed, [])
    skipped.extend(f"{item.record_ref}: {item.reason}" for item in merge_skipped)
    by_ref = {call_ref(call): call for call in calls}
    provenance = {
        ref: Provenance(
            source_dataset=feed.dataset,
            source_url=feed.source_url,
            licence=f"EC data: {_EC_REUSE}",
            retrieved_on=today,
            record_ref=ref,
        )
        for ref in by_ref
    }
    return [call.model_copy(update={"provenance": (provenance[call_ref(call)],)}) for call in calls], skipped


def call_ref(call: FundingCall) -> str:
    return call.provenance[0].record_ref or call.doc_id if call.provenance else call.doc_id


# --- 3. plan -------------------------------------------------------------------------------------


@dataclass
class RefreshPlan:
    """What a refresh will write; computed from reads only."""

    fetched: int
    writes: list[FundingCall] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    seen: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    changes: list[CallChange] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def merge_budget(old: Budget | None, new: Budget | None) -> Budget | None:
    """The feed's budget figures where it has them, the stored ones where it has none."""
    if new is None:
        return old
    if old is None:
        return new
    return Budget(
        total_eur=new.total_eur if new.total_eur is not None else old.total_eur,
        expected_grants=new.expected_grants if new.expected_grants is not None else old.expected_grants,
        min_contribution_eur=new.min_contribution_eur
        if new.min_contribution_eur is not None
        else old.min_contribution_eur,
        max_contribution_eur=new.max_contribution_eur
        if new.max_contribution_eur is not None
        else old.max_contribution_eur,
        years=new.years or old.years,
    )


def refreshed_call(old: FundingCall, fresh: FundingCall) -> FundingCall:
    """``old`` with the feed's dates, budget, status label and link (pure; see the module docstring)."""
    update: dict[str, object] = {
        name: getattr(fresh, name) for name in _FRESH_FIELDS if getattr(fresh, name) is not None
    }
    update["budget"] = merge_budget(old.budget, fresh.budget)
    merged = old.model_copy(update=update)
    if merged.content_hash() == old.content_hash():
        return old
    kept = tuple(p for p in old.provenance if p.source_dataset != fresh.provenance[0].source_dataset)
    return merged.model_copy(update={"provenance": (*kept, *fresh.provenance)})


def _iso(moment: dt.datetime | dt.date | None) -> str | None:
    if moment is None:
        return None
    if isinstance(moment, dt.datetime):
        return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    return moment.isoformat()


def _amount(value: float | None) -> str | None:
    return None if value is None else f"{value:.0f}"


def call_changes(old: FundingCall | None, new: FundingCall) -> list[CallChange]:
    """The change-log entries between a stored call and its refreshed version (pure)."""
    if old is None:
        return [CallChange(new.doc_id, "new", None, _iso(new.deadline))]
    found = []
    if old.deadline != new.deadline:
        found.append(CallChange(new.doc_id, "deadline", _iso(old.deadline), _iso(new.deadline)))
    if old.opening_date != new.opening_date:
        found.append(CallChange(new.doc_id, "opening", _iso(old.opening_date), _iso(new.opening_date)))
    old_total = old.budget.total_eur if old.budget else None
    new_total = new.budget.total_eur if new.budget else None
    if old_total != new_total:
        found.append(CallChange(new.doc_id, "budget", _amount(old_total), _amount(new_total)))
    return found


def plan_refresh(
    *, store: RecordStore, log: RefreshLog, fresh: Sequence[FundingCall], skipped: Sequence[str] = ()
) -> RefreshPlan:
    """Compare the fresh calls with the stored ones (reads only)."""
    stored = {
        record.doc_id: record
        for record in store.iter_records(doc_type=DocType.CALL)
        if isinstance(record, FundingCall)
    }
    previous = log.last_refresh()
    sightings = log.seen_runs()
    plan = RefreshPlan(fetched=len(fresh), skipped=list(skipped))
    for call in fresh:
        plan.seen.append(call.doc_id)
        old = stored.get(call.doc_id)
        new = call if old is None else refreshed_call(old, call)
        if old is not None and new is old:
            plan.unchanged += 1
            continue
        plan.writes.append(new)
        (plan.added if old is None else plan.changed).append(call.doc_id)
        plan.changes.extend(call_changes(old, new))
    fresh_ids = set(plan.seen)
    for doc_id, old in sorted(stored.items()):
        if doc_id in fresh_ids:
            continue
        plan.missing.append(doc_id)
        # Logged once, at the refresh where it left the feed (or at the first refresh ever).
        last_run = sightings.get(doc_id)
        if (previous is None and last_run is None) or (
            previous is not None and last_run == previous.refresh_id
        ):
            plan.changes.append(CallChange(doc_id, "missing", _iso(old.deadline), None))
    return plan


# --- 4. apply ------------------------------------------------------------------------------------


@dataclass
class RefreshReport:
    """What a refresh did (``refresh --json``)."""

    source: str
    fetched: int
    added: int
    changed: int
    unchanged: int
    missing: int
    reembedded_documents: int
    chunks_written: int
    changes: dict[str, int]
    skipped: list[str]
    refreshed_at: dt.datetime
    timings_ms: dict[str, float]

    def as_json(self) -> dict[str, object]:
        return {
            "source": self.source,
            "fetched": self.fetched,
            "added": self.added,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "missing": self.missing,
            "reembedded_documents": self.reembedded_documents,
            "chunks_written": self.chunks_written,
            "changes": self.changes,
            "skipped": self.skipped,
            "refreshed_at": self.refreshed_at.isoformat(),
            "timings_ms": self.timings_ms,
        }


LockFactory = Callable[[], AbstractContextManager[object]]


def apply_refresh(
    *,
    store: RecordStore,
    index: RefreshIndex | None,
    log: RefreshLog,
    plan: RefreshPlan,
    source: str,
    today: dt.date,
    started_at: dt.datetime,
    lock: LockFactory = nullcontext,
    batch_size: int = 64,
) -> RefreshReport:
    """Write ``plan``: embed outside ``lock``, then short writes under it (see the module docstring)."""
    timings: dict[str, float] = {}
    deleted = store.tombstoned_ids()  # a deleted call stays deleted, as with ingest and restore
    kept_deleted = [
        f"{source}: {record.doc_id!r} was deleted (tombstone); not added again"
        for record in plan.writes
        if record.doc_id in deleted
    ]
    items = [
        (record, stored_hash(record), chunk_record(record))
        for record in plan.writes
        if record.doc_id not in deleted
    ]
    chunks_by_doc = {record.doc_id: chunks for record, _, chunks in items}
    with _timed(timings, "embed"):
        vectors = (
            index.embed_chunks([c for chunks in chunks_by_doc.values() for c in chunks])
            if index and items
            else {}
        )
    with _timed(timings, "bm25_build"):
        prepared = index.prepare_lexical(chunks_by_doc) if index and items else None
    with _timed(timings, "write"):
        if items:
            # One hold of the write lock for the index and the records: a search between two
            # batches would rebuild BM25 from a half-written refresh. The vectors and the BM25
            # index are ready, so the hold is Chroma upserts, short SQL transactions, a file save.
            with _timed(timings, "write_locked"), lock():
                for start in range(0, len(items), batch_size):
                    batch = items[start : start + batch_size]
                    if index is not None:
                        index.upsert_documents({r.doc_id: chunks for r, _, chunks in batch}, vectors=vectors)
                    store.save(batch, origin=REFRESH_ORIGIN)
                if index is not None:
                    index.flush(prepared)
        counts = {
            "fetched": plan.fetched,
            "added": len(plan.added),
            "changed": len(plan.changed),
            "unchanged": plan.unchanged,
            "missing": len(plan.missing),
        }
        with log.engine.begin() as conn:
            run_id = log.begin_run(conn, started_at=started_at, source=source)
            log.record_changes(conn, run_id, plan.changes)
            log.record_sightings(conn, run_id, plan.seen, today)
            log.finish_run(conn, run_id, counts=counts)
    by_kind: dict[str, int] = {}
    for change in plan.changes:
        by_kind[change.kind] = by_kind.get(change.kind, 0) + 1
    return RefreshReport(
        source=source,
        fetched=plan.fetched,
        added=len(plan.added),
        changed=len(plan.changed),
        unchanged=plan.unchanged,
        missing=len(plan.missing),
        reembedded_documents=len(items),
        chunks_written=sum(len(chunks) for _, _, chunks in items),
        changes=by_kind,
        skipped=[*plan.skipped, *kept_deleted],
        refreshed_at=dt.datetime.now(dt.UTC),
        timings_ms=timings,
    )


@contextmanager
def _timed(timings: dict[str, float], name: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[name] = round((time.perf_counter() - start) * 1000, 1)


def run_refresh(
    *,
    settings: Settings,
    store: RecordStore,
    index: RefreshIndex | None,
    log: RefreshLog,
    grants_feed_url: str | None = None,
    lock: LockFactory = nullcontext,
    transport: httpx.BaseTransport | None = None,
    backoff_s: float = 1.0,
    page_size: int = PAGE_SIZE,
) -> RefreshReport:
    """Fetch, map, plan and apply one refresh (the CLI command and the scheduler both call this).

    Raises:
        RefreshFailed: the fetch failed or was refused; nothing was written.
    """
    started = dt.datetime.now(dt.UTC)
    t0 = time.perf_counter()
    if grants_feed_url is not None:
        feed = fetch_grants_feed(settings, grants_feed_url, transport=transport)
    else:
        feed = fetch_search_api(settings, transport=transport, backoff_s=backoff_s, page_size=page_size)
    fetch_ms = round((time.perf_counter() - t0) * 1000, 1)
    if not feed.records:
        raise RefreshFailed(
            f"{feed.source} lists no calls at all; refusing to mark every stored call as gone"
        )
    t1 = time.perf_counter()
    calls, skipped = map_feed(feed, today=settings.today, known_ids=store.stored_documents().keys())
    map_ms = round((time.perf_counter() - t1) * 1000, 1)
    if len(skipped) > MAX_SKIPPED_SHARE * len(feed.records):
        raise RefreshFailed(
            f"{len(skipped)} of the {len(feed.records)} records of {feed.source} could not be mapped "
            f"(first: {skipped[0]}); the answer's format may have changed"
        )
    t1 = time.perf_counter()
    plan = plan_refresh(store=store, log=log, fresh=calls, skipped=skipped)
    plan_ms = round((time.perf_counter() - t1) * 1000, 1)
    report = apply_refresh(
        store=store,
        index=index,
        log=log,
        plan=plan,
        source=feed.source,
        today=settings.today,
        started_at=started,
        lock=lock,
    )
    report.timings_ms = {"fetch": fetch_ms, "map": map_ms, "plan": plan_ms, **report.timings_ms}
    report.timings_ms["total"] = round((time.perf_counter() - t0) * 1000, 1)
    logger.info(
        "refresh from %s: %d fetched, %d added, %d changed, %d unchanged, %d missing",
        feed.source,
        report.fetched,
        report.added,
        report.changed,
        report.unchanged,
        report.missing,
    )
    return report
