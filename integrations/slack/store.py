"""Slack state in SQL: delivered event ids, thread ↔ conversation links, the triage log, the job
journal and the saved searches with their digest schedules.

One table per concern, in the conversation database by default (``CLUSTER_ADVISOR_DATABASE_URL``
or SQLite ``<data_dir>/slack.sqlite3``). Uniqueness lives in the database (``event_id`` is a
primary key), so several workers behind one load balancer share one de-duplication.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.engine import Engine

from corpus.settings import Settings
from corpus.sql import SqlStore, as_utc, insert_for, sql_text, utc_now

logger = logging.getLogger(__name__)

metadata = MetaData()

EVENT_RETENTION = dt.timedelta(days=1)
"""How long a delivered ``event_id`` is remembered. Slack retries an event three times within
about five minutes; a day covers that, and clock skew between workers, many times over."""
PRUNE_EVERY = dt.timedelta(hours=1)
"""How often a store deletes event ids older than :data:`EVENT_RETENTION` (from ``claim_event``)."""

slack_events = Table(
    "slack_events",
    metadata,
    Column("event_id", String(128), primary_key=True),
    Column("received_at", DateTime(timezone=True), nullable=False),
)

slack_threads = Table(
    "slack_threads",
    metadata,
    Column("channel", String(32), primary_key=True),
    Column("thread_ts", String(32), primary_key=True),
    Column("conversation_id", String(64), nullable=False),
    Column("user", String(32)),
    Column("question", String(300)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

slack_triage = Table(
    "slack_triage",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel", String(32), nullable=False),
    Column("message_ts", String(32), nullable=False),
    Column("requester", String(32)),
    Column("category", String(32), nullable=False),
    Column("urgency", String(16), nullable=False),
    Column("owner", String(32)),
    Column("assigned_to", String(32)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("first_response_at", DateTime(timezone=True)),
    Column("resolved_at", DateTime(timezone=True)),
    UniqueConstraint("channel", "message_ts", name="uq_slack_triage_message"),
)


slack_jobs = Table(
    "slack_jobs",
    metadata,
    Column("key", String(160), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("payload", Text, nullable=False),
    Column("owner", String(96), nullable=False),
    Column("heartbeat_at", DateTime(timezone=True), nullable=False),
    Column("attempts", Integer, nullable=False, default=1),
)


# --- saved searches (integrations/slack/watch_store.py reads and writes them) --------------------

slack_watches = Table(
    "slack_watches",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel", String(32), nullable=False, index=True),
    Column("question", String(300), nullable=False),
    Column("plan", Text, nullable=False),
    Column("planned_on", Date, nullable=False),
    Column("created_by", String(32)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("snoozed_until", DateTime(timezone=True)),
    Column("last_digest", String(96)),
    Column("lang", String(8), nullable=False, server_default="en"),
)
"""A channel's saved search: the question, its query plan as JSON and the day it was read."""

slack_watch_seen = Table(
    "slack_watch_seen",
    metadata,
    Column("watch_id", Integer, primary_key=True),
    Column("doc_id", String(128), primary_key=True),
    Column("seen_on", Date, nullable=False),
)
"""Calls a watch has already shown (or that matched when it was saved): not "new" again."""

slack_digest_schedules = Table(
    "slack_digest_schedules",
    metadata,
    Column("channel", String(32), primary_key=True),
    Column("weekday", Integer, nullable=False),
    Column("at_time", String(5), nullable=False),
    Column("timezone", String(64), nullable=False),
    Column("next_run_at", DateTime(timezone=True), nullable=False, index=True),
)
"""When a channel's weekly digest is due (``weekday`` 0 = Monday, ``at_time`` HH:MM in ``timezone``)."""


class JournaledJob(BaseModel):
    """A Slack job in the journal: queued or running somewhere, or left behind by a stopped process."""

    model_config = ConfigDict(frozen=True)

    key: str
    kind: str
    payload: str
    attempts: int


class TriageEvent(BaseModel):
    """One logged triage: what was decided and when staff responded and resolved it."""

    model_config = ConfigDict(frozen=True)

    id: int
    channel: str
    message_ts: str
    requester: str | None = None
    category: str
    urgency: str
    owner: str | None = None
    assigned_to: str | None = None
    created_at: dt.datetime
    first_response_at: dt.datetime | None = None
    resolved_at: dt.datetime | None = None


class ThreadQuestion(BaseModel):
    """A question asked in Slack (for the App Home's recent questions)."""

    model_config = ConfigDict(frozen=True)

    channel: str
    thread_ts: str
    question: str
    created_at: dt.datetime


def slack_db_url(settings: Settings) -> str:
    """``CLUSTER_ADVISOR_DATABASE_URL`` when set, else SQLite ``<data_dir>/slack.sqlite3``."""
    return settings.database_url or f"sqlite:///{settings.data_dir / 'slack.sqlite3'}"


RELEASED = "released"
"""Owner of a journaled job that failed and waits to be adopted again."""


class SlackStore(SqlStore):
    """Event de-duplication, thread links and the triage log."""

    metadata = metadata
    migrations = "slack"
    purpose = "Slack store"

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self._next_prune = dt.datetime.min.replace(tzinfo=dt.UTC)  # the first claim clears old runs' ids

    @property
    def engine(self) -> Engine:
        """The store's engine (shared with :class:`~integrations.slack.watch_store.WatchStore`)."""
        return self._engine

    @classmethod
    def from_settings(cls, settings: Settings) -> SlackStore:
        """Open the store at :func:`slack_db_url`."""
        return cls.open(slack_db_url(settings))

    # --- de-duplication -------------------------------------------------------------------------

    def claim_event(self, event_id: str) -> bool:
        """Record ``event_id``; True the first time, False for any later delivery (by any worker).

        One ``INSERT … ON CONFLICT DO NOTHING``: when workers race on the same id the database
        lets exactly one insert through; only that one gets its row back (``RETURNING``).
        """
        statement = (
            insert_for(self._engine, slack_events)
            .values(event_id=event_id[:128], received_at=utc_now())
            .on_conflict_do_nothing(index_elements=["event_id"])
            .returning(slack_events.c.event_id)
        )
        with self._engine.begin() as conn:
            claimed = conn.execute(statement).first() is not None
        if utc_now() >= self._next_prune:
            self._next_prune = utc_now() + PRUNE_EVERY
            self.prune_events()
        return claimed

    def prune_events(self, *, older_than: dt.timedelta = EVENT_RETENTION) -> int:
        """Forget event ids received more than ``older_than`` ago (Slack no longer retries them).

        Returns:
            How many were deleted.
        """
        cutoff = utc_now() - older_than
        with self._engine.begin() as conn:
            deleted = conn.execute(delete(slack_events).where(slack_events.c.received_at < cutoff)).rowcount
        if deleted:
            logger.info("forgot %d Slack event id(s) older than %s", deleted, older_than)
        return int(deleted or 0)

    # --- the job journal: work acknowledged to Slack and not finished yet ---------------------------

    def journal_job(self, *, key: str, kind: str, payload: str, owner: str) -> None:
        """Record a job ``owner`` (a serving process) has queued; a key already journaled is kept."""
        statement = (
            insert_for(self._engine, slack_jobs)
            .values(
                key=key[:160], kind=kind, payload=payload, owner=owner, heartbeat_at=utc_now(), attempts=1
            )
            .on_conflict_do_nothing(index_elements=["key"])
        )
        with self._engine.begin() as conn:
            conn.execute(statement)

    def finish_job(self, key: str) -> None:
        """Forget a job: it is done (or given up)."""
        with self._engine.begin() as conn:
            conn.execute(delete(slack_jobs).where(slack_jobs.c.key == key[:160]))

    def release_job(self, key: str) -> None:
        """Give a failed job back: no owner renews it, so the next heartbeat anywhere adopts it."""
        with self._engine.begin() as conn:
            conn.execute(
                update(slack_jobs)
                .where(slack_jobs.c.key == key[:160])
                .values(owner=RELEASED, heartbeat_at=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
            )

    def renew_jobs(self, owner: str) -> int:
        """Mark ``owner``'s jobs as still in hand (its heartbeat); returns how many it holds."""
        with self._engine.begin() as conn:
            result = conn.execute(
                update(slack_jobs).where(slack_jobs.c.owner == owner).values(heartbeat_at=utc_now())
            )
        return int(result.rowcount or 0)

    def adopt_stale_jobs(self, owner: str, *, stale_after: dt.timedelta) -> list[JournaledJob]:
        """Take over the jobs whose owner has not renewed them for ``stale_after`` (it stopped).

        Each job is taken with one conditional ``UPDATE`` on its previous owner and heartbeat, so when
        several processes look at once exactly one adopts it. ``attempts`` counts the adoptions.
        """
        cutoff = utc_now() - stale_after
        with self._engine.connect() as conn:
            stale = conn.execute(select(slack_jobs).where(slack_jobs.c.heartbeat_at < cutoff)).all()
        adopted: list[JournaledJob] = []
        for row in stale:
            claim = (
                update(slack_jobs)
                .where(
                    slack_jobs.c.key == row.key,
                    slack_jobs.c.owner == row.owner,
                    slack_jobs.c.heartbeat_at == row.heartbeat_at,
                )
                .values(owner=owner, heartbeat_at=utc_now(), attempts=row.attempts + 1)
            )
            with self._engine.begin() as conn:
                if conn.execute(claim).rowcount == 1:
                    adopted.append(
                        JournaledJob(
                            key=row.key, kind=row.kind, payload=row.payload, attempts=row.attempts + 1
                        )
                    )
        return adopted

    def journaled_jobs(self) -> int:
        """Jobs in the journal (queued, running, or waiting for adoption)."""
        with self._engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(slack_jobs)).scalar_one())

    # --- threads --------------------------------------------------------------------------------

    def link_thread(
        self, *, channel: str, thread_ts: str, conversation_id: str, user: str | None, question: str
    ) -> None:
        """Remember that the thread ``(channel, thread_ts)`` is the conversation ``conversation_id``."""
        statement = (
            insert_for(self._engine, slack_threads)
            .values(
                channel=channel,
                thread_ts=thread_ts,
                conversation_id=conversation_id,
                user=user,
                question=sql_text(question[:300]),
                created_at=utc_now(),
            )
            .on_conflict_do_update(
                index_elements=["channel", "thread_ts"], set_={"conversation_id": conversation_id}
            )
        )
        with self._engine.begin() as conn:
            conn.execute(statement)

    def conversation_for(self, *, channel: str, thread_ts: str) -> str | None:
        """The conversation of a thread the bot answered, or None."""
        query = select(slack_threads.c.conversation_id).where(
            slack_threads.c.channel == channel, slack_threads.c.thread_ts == thread_ts
        )
        with self._engine.connect() as conn:
            return conn.execute(query).scalar()

    def recent_questions(self, *, user: str, limit: int = 5) -> list[ThreadQuestion]:
        """The last questions ``user`` asked, newest first."""
        query = (
            select(slack_threads)
            .where(slack_threads.c.user == user)
            .order_by(slack_threads.c.created_at.desc())
            .limit(limit)
        )
        with self._engine.connect() as conn:
            rows = list(conn.execute(query))
        return [
            ThreadQuestion(
                channel=row.channel,
                thread_ts=row.thread_ts,
                question=row.question or "",
                created_at=as_utc(row.created_at),
            )
            for row in rows
        ]

    # --- the installation: what is dropped when the app leaves the workspace ---------------------

    def forget_installation(self) -> dict[str, int]:
        """Drop what this store holds for the workspace after ``app_uninstalled`` / ``tokens_revoked``.

        The bot token lives in the settings (``SLACK_BOT_TOKEN``), not here; it is dead once Slack sends
        these events. Dropped: the journaled jobs (they could not post any more), the thread links
        (who asked what), the delivered event ids and the saved searches with their digest schedules.
        The triage log keeps its counts and times for ``triage report`` but loses the user ids.

        Returns:
            Rows deleted (or anonymised, for the triage log) by table.
        """
        dropped: dict[str, int] = {}
        with self._engine.begin() as conn:
            for table in self.installation_tables():
                dropped[table.name] = int(conn.execute(delete(table)).rowcount or 0)
            anonymised = conn.execute(
                update(slack_triage).values(requester=None, owner=None, assigned_to=None)
            ).rowcount
            dropped[slack_triage.name] = int(anonymised or 0)
        return dropped

    @staticmethod
    def installation_tables() -> list[Table]:
        """The tables emptied by :meth:`forget_installation`, children first."""
        return [
            slack_jobs,
            slack_threads,
            slack_events,
            slack_watch_seen,
            slack_watches,
            slack_digest_schedules,
        ]

    # --- triage log -----------------------------------------------------------------------------

    def log_triage(
        self,
        *,
        channel: str,
        message_ts: str,
        requester: str | None,
        category: str,
        urgency: str,
        owner: str | None,
    ) -> TriageEvent:
        """Log a triage of one message (a second triage of the same message updates the first)."""
        values: dict[str, Any] = {"category": category, "urgency": urgency, "owner": owner}
        statement = (
            insert_for(self._engine, slack_triage)
            .values(
                channel=channel, message_ts=message_ts, requester=requester, created_at=utc_now(), **values
            )
            .on_conflict_do_update(index_elements=["channel", "message_ts"], set_=values)
        )
        with self._engine.begin() as conn:
            conn.execute(statement)
            found = self._find(conn, channel, message_ts)
        assert found is not None
        return found

    def triage_event(self, *, channel: str, message_ts: str) -> TriageEvent | None:
        """The logged triage of one message, or None."""
        with self._engine.connect() as conn:
            return self._find(conn, channel, message_ts)

    def mark_responded(self, *, channel: str, message_ts: str, by: str | None = None) -> None:
        """Set the first-response time (kept if already set); ``by`` becomes the assignee if none."""
        self._stamp(channel, message_ts, "first_response_at", assignee=by)

    def assign(self, *, channel: str, message_ts: str, user: str) -> None:
        """Assign the request to ``user`` (an assignment counts as the first response)."""
        with self._engine.begin() as conn:
            conn.execute(
                update(slack_triage)
                .where(slack_triage.c.channel == channel, slack_triage.c.message_ts == message_ts)
                .values(assigned_to=user)
            )
        self._stamp(channel, message_ts, "first_response_at")

    def mark_resolved(self, *, channel: str, message_ts: str) -> None:
        """Set the resolution time (and the first-response time if it was never set)."""
        self._stamp(channel, message_ts, "first_response_at")
        self._stamp(channel, message_ts, "resolved_at")

    def triage_events(self) -> list[TriageEvent]:
        """Every logged triage, oldest first."""
        with self._engine.connect() as conn:
            rows = list(conn.execute(select(slack_triage).order_by(slack_triage.c.id)))
        return [_triage(row._mapping) for row in rows]

    def _stamp(self, channel: str, message_ts: str, column: str, *, assignee: str | None = None) -> None:
        target = slack_triage.c[column]
        with self._engine.begin() as conn:
            where = (
                (slack_triage.c.channel == channel)
                & (slack_triage.c.message_ts == message_ts)
                & target.is_(None)
            )
            conn.execute(update(slack_triage).where(where).values({column: utc_now()}))
            if assignee is not None:
                conn.execute(
                    update(slack_triage)
                    .where(
                        slack_triage.c.channel == channel,
                        slack_triage.c.message_ts == message_ts,
                        slack_triage.c.assigned_to.is_(None),
                    )
                    .values(assigned_to=assignee)
                )

    @staticmethod
    def _find(conn: Any, channel: str, message_ts: str) -> TriageEvent | None:
        row = conn.execute(
            select(slack_triage).where(
                slack_triage.c.channel == channel, slack_triage.c.message_ts == message_ts
            )
        ).first()
        return _triage(row._mapping) if row is not None else None


def _triage(row: Any) -> TriageEvent:
    data = dict(row)
    for key in ("created_at", "first_response_at", "resolved_at"):
        if data[key] is not None:
            data[key] = as_utc(data[key])
    return TriageEvent(**data)
