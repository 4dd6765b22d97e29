"""What refreshes did, in SQL: runs, the change log, when each call was last seen, and the lease.

Tables (their own ``MetaData``, in the record store's database so one backup holds them):

- ``call_refreshes`` — one row per *completed* refresh (a failed one writes nothing): when, from
  which source, and its counts.
- ``call_changes`` — the change log: new calls, changed deadlines / opening days / budgets, calls
  gone from the feed; old and new values as text.
- ``call_sightings`` — per call: first and last day a refresh saw it in the feed. A call missing
  from the feed is never deleted; this row says when it was last seen.
- ``refresh_lease`` — which process may refresh (``serve --workers N``: exactly one does).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    Connection,
    Date,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    select,
    update,
)
from sqlalchemy.exc import SQLAlchemyError

from corpus.ingest import BUNDLE_ORIGIN
from corpus.sources import GRANTSFEED
from corpus.sql import SqlStore, insert_for, key_text, sql_text
from corpus.store import documents

metadata = MetaData()

call_refreshes = Table(
    "call_refreshes",
    metadata,
    Column("refresh_id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True), nullable=False, index=True),
    Column("source", Text, nullable=False),
    Column("fetched", Integer, nullable=False),
    Column("added", Integer, nullable=False),
    Column("changed", Integer, nullable=False),
    Column("unchanged", Integer, nullable=False),
    Column("missing", Integer, nullable=False),
)

call_changes = Table(
    "call_changes",
    metadata,
    Column("change_id", Integer, primary_key=True, autoincrement=True),
    Column(
        "refresh_id", Integer, ForeignKey("call_refreshes.refresh_id", ondelete="CASCADE"), nullable=False
    ),
    Column("doc_id", key_text(), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("old_value", Text),
    Column("new_value", Text),
    Index("ix_call_changes_doc", "doc_id", "refresh_id"),
)

call_sightings = Table(
    "call_sightings",
    metadata,
    Column("doc_id", key_text(), primary_key=True),
    Column("first_seen", Date, nullable=False),
    Column("last_seen", Date, nullable=False),
    Column("last_refresh_id", Integer, nullable=False),
)

refresh_lease = Table(
    "refresh_lease",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("holder", Text, nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

BUNDLE_CALLS_AS_OF = GRANTSFEED.retrieved_on
"""The day of the bundled calls (the grants-feed snapshot they were built from)."""

CHANGE_KINDS = ("new", "deadline", "opening", "budget", "missing")
"""What the change log records: a new call, a moved deadline or opening day, a changed total
budget, a call no longer in the feed (kept, with its last known dates)."""


@dataclass(frozen=True)
class CallChange:
    """One entry of the change log (values as text: ISO dates, euro amounts, or None)."""

    doc_id: str
    kind: str
    old_value: str | None = None
    new_value: str | None = None


@dataclass(frozen=True)
class RefreshRun:
    """A completed refresh."""

    refresh_id: int
    started_at: dt.datetime
    finished_at: dt.datetime
    source: str
    fetched: int
    added: int
    changed: int
    unchanged: int
    missing: int


@dataclass(frozen=True)
class CallFreshness:
    """What the answers say about freshness: the last refresh, and what it changed for some calls."""

    last_refresh: RefreshRun | None
    changes: dict[str, tuple[CallChange, ...]]
    """doc_id → the changes the last refresh recorded for it."""
    last_seen: dict[str, dt.date]
    """doc_id → last day a refresh saw it (only for calls missing at the last refresh)."""


def _utc(moment: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes: they were written in UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _run(row: object) -> RefreshRun:
    mapping = row._mapping  # type: ignore[attr-defined]
    return RefreshRun(
        refresh_id=int(mapping["refresh_id"]),
        started_at=_utc(mapping["started_at"]),
        finished_at=_utc(mapping["finished_at"]),
        source=str(mapping["source"]),
        fetched=int(mapping["fetched"]),
        added=int(mapping["added"]),
        changed=int(mapping["changed"]),
        unchanged=int(mapping["unchanged"]),
        missing=int(mapping["missing"]),
    )


class RefreshLog(SqlStore):
    """Read and write the refresh tables (see the module docstring)."""

    metadata = metadata
    migrations = "refresh"
    purpose = "refresh log"

    @property
    def engine(self) -> Engine:
        return self._engine

    # --- reads --------------------------------------------------------------------------------

    def last_refresh(self) -> RefreshRun | None:
        """The latest completed refresh, or None when calls were never refreshed."""
        return last_refresh(self._engine)

    def seen(self) -> dict[str, dt.date]:
        """doc_id → last day seen, for every call a refresh has seen."""
        with self._engine.connect() as conn:
            return {row.doc_id: row.last_seen for row in conn.execute(select(call_sightings))}

    def seen_runs(self) -> dict[str, int]:
        """doc_id → the last refresh that saw it in the feed."""
        with self._engine.connect() as conn:
            return {
                row.doc_id: int(row.last_refresh_id)
                for row in conn.execute(select(call_sightings.c.doc_id, call_sightings.c.last_refresh_id))
            }

    def changes(self, *, refresh_id: int | None = None) -> list[CallChange]:
        """The change log (of one refresh, or all), oldest first."""
        query = select(call_changes).order_by(call_changes.c.change_id)
        if refresh_id is not None:
            query = query.where(call_changes.c.refresh_id == refresh_id)
        with self._engine.connect() as conn:
            return [
                CallChange(row.doc_id, row.kind, row.old_value, row.new_value) for row in conn.execute(query)
            ]

    # --- writes -------------------------------------------------------------------------------

    def begin_run(self, conn: Connection, *, started_at: dt.datetime, source: str) -> int:
        """Insert the run row (counts filled by :meth:`finish_run` in the same transaction)."""
        result = conn.execute(
            call_refreshes.insert().values(
                started_at=started_at,
                finished_at=started_at,
                source=sql_text(source) or "",
                fetched=0,
                added=0,
                changed=0,
                unchanged=0,
                missing=0,
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])

    def finish_run(self, conn: Connection, run_id: int, *, counts: dict[str, int]) -> None:
        conn.execute(
            update(call_refreshes)
            .where(call_refreshes.c.refresh_id == run_id)
            .values(finished_at=dt.datetime.now(dt.UTC), **counts)
        )

    def record_changes(self, conn: Connection, run_id: int, changes: Sequence[CallChange]) -> None:
        if changes:
            conn.execute(
                call_changes.insert(),
                [
                    {
                        "refresh_id": run_id,
                        "doc_id": change.doc_id,
                        "kind": change.kind,
                        "old_value": sql_text(change.old_value),
                        "new_value": sql_text(change.new_value),
                    }
                    for change in changes
                ],
            )

    def record_sightings(self, conn: Connection, run_id: int, doc_ids: Iterable[str], day: dt.date) -> None:
        rows = [
            {"doc_id": doc_id, "first_seen": day, "last_seen": day, "last_refresh_id": run_id}
            for doc_id in doc_ids
        ]
        for start in range(0, len(rows), 500):
            statement = insert_for(self._engine, call_sightings).values(rows[start : start + 500])
            conn.execute(
                statement.on_conflict_do_update(
                    index_elements=[call_sightings.c.doc_id],
                    set_={"last_seen": statement.excluded.last_seen, "last_refresh_id": run_id},
                )
            )

    # --- the lease ----------------------------------------------------------------------------

    def acquire_lease(self, *, holder: str, ttl_s: float, name: str = "calls") -> bool:
        """Take (or keep) the lease ``name`` for ``ttl_s`` seconds; True when ``holder`` has it.

        Atomic on SQLite and PostgreSQL: one conditional ``UPDATE`` decides, so of several
        processes asking at once exactly one gets a free or expired lease.
        """
        now = dt.datetime.now(dt.UTC)
        expires = now + dt.timedelta(seconds=ttl_s)
        with self._engine.begin() as conn:
            conn.execute(
                insert_for(self._engine, refresh_lease)
                .values(name=name, holder="", expires_at=now - dt.timedelta(seconds=1))
                .on_conflict_do_nothing(index_elements=[refresh_lease.c.name])
            )
            taken = conn.execute(
                update(refresh_lease)
                .where(refresh_lease.c.name == name)
                .where((refresh_lease.c.holder == holder) | (refresh_lease.c.expires_at < now))
                .values(holder=holder, expires_at=expires)
            ).rowcount
        return bool(taken)

    def release_lease(self, *, holder: str, name: str = "calls") -> None:
        """Give the lease up (at shutdown), so another process need not wait for it to expire."""
        with self._engine.begin() as conn:
            conn.execute(
                update(refresh_lease)
                .where(refresh_lease.c.name == name, refresh_lease.c.holder == holder)
                .values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1))
            )


# --- reads for the answer path and stats (any engine on the record store's database) -----------


def last_refresh(engine: Engine) -> RefreshRun | None:
    """The latest completed refresh on ``engine``'s database (None when none, or no tables yet)."""
    query = select(call_refreshes).order_by(call_refreshes.c.refresh_id.desc()).limit(1)
    try:
        with engine.connect() as conn:
            row = conn.execute(query).first()
    except SQLAlchemyError:  # the refresh tables do not exist until the first refresh
        return None
    return None if row is None else _run(row)


def call_freshness(engine: Engine, doc_ids: Sequence[str]) -> CallFreshness:
    """The last refresh and, for ``doc_ids``, what it changed and (if gone) when they were last seen."""
    run = last_refresh(engine)
    if run is None or not doc_ids:
        return CallFreshness(last_refresh=run, changes={}, last_seen={})
    ids = list(dict.fromkeys(doc_ids))
    changes: dict[str, list[CallChange]] = {}
    last_seen: dict[str, dt.date] = {}
    with engine.connect() as conn:
        for row in conn.execute(
            select(call_changes)
            .where(call_changes.c.refresh_id == run.refresh_id, call_changes.c.doc_id.in_(ids))
            .order_by(call_changes.c.change_id)
        ):
            changes.setdefault(row.doc_id, []).append(
                CallChange(row.doc_id, row.kind, row.old_value, row.new_value)
            )
        sighted: set[str] = set()
        for row in conn.execute(
            select(
                call_sightings.c.doc_id, call_sightings.c.last_seen, call_sightings.c.last_refresh_id
            ).where(call_sightings.c.doc_id.in_(ids))
        ):
            sighted.add(row.doc_id)
            if row.last_refresh_id != run.refresh_id:
                last_seen[row.doc_id] = row.last_seen
        # A bundled call no refresh has ever seen was last seen in the bundle's snapshot.
        unseen = [doc_id for doc_id in ids if doc_id not in sighted]
        if unseen:
            for row in conn.execute(
                select(documents.c.doc_id).where(
                    documents.c.doc_id.in_(unseen), documents.c.origin == BUNDLE_ORIGIN
                )
            ):
                last_seen[row.doc_id] = BUNDLE_CALLS_AS_OF
    return CallFreshness(
        last_refresh=run,
        changes={doc_id: tuple(found) for doc_id, found in changes.items()},
        last_seen=last_seen,
    )


def refresh_count(engine: Engine) -> int:
    """How many refreshes completed (0 without the tables)."""
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(call_refreshes)).scalar() or 0)
    except SQLAlchemyError:
        return 0


def calls_as_of(run: RefreshRun | None) -> dt.date:
    """The day the stored call list is from: the last refresh, else the bundle's snapshot day."""
    return run.finished_at.date() if run is not None else BUNDLE_CALLS_AS_OF


def freshness_json(engine: Engine) -> dict[str, str | None]:
    """``{"calls_as_of": date, "calls_refreshed_at": datetime}`` for stats and ``/readyz``.

    ``calls_refreshed_at`` is None before the first refresh; ``calls_as_of`` too when no call is loaded.
    """
    run = last_refresh(engine)
    if run is None:
        with engine.connect() as conn:
            any_call = conn.execute(select(documents.c.doc_id).where(documents.c.doc_type == "call").limit(1))
            if any_call.first() is None:  # nothing loaded: no day to name
                return {"calls_as_of": None, "calls_refreshed_at": None}
    return {
        "calls_as_of": calls_as_of(run).isoformat(),
        "calls_refreshed_at": run.finished_at.isoformat() if run is not None else None,
    }
