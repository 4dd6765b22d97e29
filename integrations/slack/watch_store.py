"""Saved searches in the Slack store: watches, the calls each has shown, and the digest schedules.

The digest scheduler is restart-safe the way answers are: a due digest is claimed (the schedule
moved to its next run) and journaled as a job (``slack_jobs``) in one transaction, by exactly one
process; a process that dies before the digest is posted leaves the job to be adopted
(:mod:`integrations.slack.journal`). A watch remembers the run it was last posted for
(``last_digest``), so an adopted digest never posts a watch twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Engine

from corpus.languages import DEFAULT_LANGUAGE
from corpus.sql import as_utc, insert_for, sql_text, utc_now
from integrations.slack.jobs import DigestJob, job_record
from integrations.slack.schedule import DigestTime, local_day, next_run
from integrations.slack.store import (
    JournaledJob,
    SlackStore,
    slack_digest_schedules,
    slack_jobs,
    slack_watch_seen,
    slack_watches,
)


class Watch(BaseModel):
    """A channel's saved search."""

    model_config = ConfigDict(frozen=True)

    id: int
    channel: str
    question: str
    plan: str
    """The :class:`~assistant.plan.models.QueryPlan` as JSON."""
    planned_on: dt.date
    created_by: str | None = None
    created_at: dt.datetime
    snoozed_until: dt.datetime | None = None
    last_digest: str | None = None
    lang: str = DEFAULT_LANGUAGE
    """The language the watch was saved in: its replies, notes and digests are written in it."""

    def snoozed_at(self, moment: dt.datetime) -> bool:
        """Whether the watch sleeps at ``moment``."""
        return self.snoozed_until is not None and moment < self.snoozed_until


class Schedule(BaseModel):
    """A channel's digest time and its next run."""

    model_config = ConfigDict(frozen=True)

    channel: str
    when: DigestTime
    next_run_at: dt.datetime


class WatchStore:
    """Watches and digest schedules over the Slack store's engine (see :class:`SlackStore.watches`)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @classmethod
    def of(cls, store: SlackStore) -> WatchStore:
        """The watches kept in ``store``'s database."""
        return cls(store.engine)

    # --- watches ----------------------------------------------------------------------------------

    def add_watch(
        self, *, channel: str, question: str, plan_json: str, planned_on: dt.date, user: str | None,
        seen: Iterable[str], default_time: DigestTime, now: dt.datetime, lang: str = DEFAULT_LANGUAGE,
    ) -> tuple[Watch, Schedule]:  # fmt: skip
        """Save a watch (the calls matching now count as seen) and give the channel a schedule if it
        has none yet. Returns the watch and the channel's schedule."""
        with self._engine.begin() as conn:
            watch_id = conn.execute(
                insert(slack_watches)
                .values(
                    channel=channel,
                    question=sql_text(question[:300]),
                    plan=plan_json,
                    planned_on=planned_on,
                    created_by=user,
                    created_at=utc_now(),
                    lang=lang,
                )
                .returning(slack_watches.c.id)
            ).scalar_one()
            rows = [
                {"watch_id": watch_id, "doc_id": doc_id[:128], "seen_on": planned_on} for doc_id in set(seen)
            ]
            if rows:
                conn.execute(insert(slack_watch_seen), rows)
            conn.execute(
                insert_for(self._engine, slack_digest_schedules)
                .values(**_schedule_values(channel, default_time, next_run(default_time, after=now)))
                .on_conflict_do_nothing(index_elements=["channel"])
            )
        watch = self.watch(watch_id)
        schedule = self.schedule(channel)
        assert watch is not None and schedule is not None
        return watch, schedule

    def watch(self, watch_id: int) -> Watch | None:
        """One watch by id, or None."""
        with self._engine.connect() as conn:
            row = conn.execute(select(slack_watches).where(slack_watches.c.id == watch_id)).first()
        return _watch(row._mapping) if row is not None else None

    def watches(self, channel: str) -> list[Watch]:
        """A channel's watches, oldest first (their position is the N of ``/advisor unwatch N``)."""
        query = select(slack_watches).where(slack_watches.c.channel == channel).order_by(slack_watches.c.id)
        with self._engine.connect() as conn:
            return [_watch(row._mapping) for row in conn.execute(query)]

    def channels_watched_by(self, user: str) -> list[str]:
        """Channels in which ``user`` saved a watch (for their App Home)."""
        query = select(slack_watches.c.channel).where(slack_watches.c.created_by == user).distinct()
        with self._engine.connect() as conn:
            return sorted(str(channel) for channel in conn.execute(query).scalars())

    def latest_watch_by(self, user: str) -> Watch | None:
        """The watch ``user`` saved last, in any channel (its language is the one they last used)."""
        query = (
            select(slack_watches)
            .where(slack_watches.c.created_by == user)
            .order_by(slack_watches.c.created_at.desc(), slack_watches.c.id.desc())
            .limit(1)
        )
        with self._engine.connect() as conn:
            row = conn.execute(query).first()
        return _watch(row._mapping) if row is not None else None

    def remove_watch(self, watch_id: int) -> bool:
        """Delete a watch and what it has seen; False when it was already gone."""
        with self._engine.begin() as conn:
            conn.execute(delete(slack_watch_seen).where(slack_watch_seen.c.watch_id == watch_id))
            return bool(conn.execute(delete(slack_watches).where(slack_watches.c.id == watch_id)).rowcount)

    def snooze(self, watch_id: int, *, until: dt.datetime) -> bool:
        """Skip the watch's digests until ``until``; False when it is gone."""
        with self._engine.begin() as conn:
            changed = conn.execute(
                update(slack_watches).where(slack_watches.c.id == watch_id).values(snoozed_until=until)
            ).rowcount
        return bool(changed)

    def seen(self, watch_id: int) -> set[str]:
        """Doc ids the watch has shown or matched."""
        query = select(slack_watch_seen.c.doc_id).where(slack_watch_seen.c.watch_id == watch_id)
        with self._engine.connect() as conn:
            return {str(doc_id) for doc_id in conn.execute(query).scalars()}

    def record_digest(self, watch_id: int, *, run_key: str, matching: Iterable[str], day: dt.date) -> None:
        """After a watch's digest was posted for ``run_key``: its matches are seen, the run is done."""
        with self._engine.begin() as conn:
            known = set(
                conn.execute(
                    select(slack_watch_seen.c.doc_id).where(slack_watch_seen.c.watch_id == watch_id)
                ).scalars()
            )
            rows = [{"watch_id": watch_id, "doc_id": d[:128], "seen_on": day} for d in set(matching) - known]
            if rows:
                conn.execute(insert(slack_watch_seen), rows)
            conn.execute(
                update(slack_watches).where(slack_watches.c.id == watch_id).values(last_digest=run_key)
            )

    # --- schedules ----------------------------------------------------------------------------------

    def schedule(self, channel: str) -> Schedule | None:
        """A channel's digest schedule, or None (it has never had a watch)."""
        query = select(slack_digest_schedules).where(slack_digest_schedules.c.channel == channel)
        with self._engine.connect() as conn:
            row = conn.execute(query).first()
        return _schedule(row._mapping) if row is not None else None

    def set_schedule(self, channel: str, when: DigestTime, *, now: dt.datetime) -> Schedule:
        """Set the channel's digest time; its next run is the first such moment after ``now``."""
        values = _schedule_values(channel, when, next_run(when, after=now))
        statement = (
            insert_for(self._engine, slack_digest_schedules)
            .values(**values)
            .on_conflict_do_update(
                index_elements=["channel"], set_={k: v for k, v in values.items() if k != "channel"}
            )
        )
        with self._engine.begin() as conn:
            conn.execute(statement)
        found = self.schedule(channel)
        assert found is not None
        return found

    def claim_due_digests(self, owner: str, *, now: dt.datetime) -> list[JournaledJob]:
        """Claim every digest due at ``now`` for ``owner`` (a serving process): each schedule moves to
        its next run and its digest is journaled as a job, in one transaction, by one process only."""
        now = now.astimezone(dt.UTC)
        query = select(slack_digest_schedules).where(slack_digest_schedules.c.next_run_at <= now)
        with self._engine.connect() as conn:
            due = list(conn.execute(query))
        claimed: list[JournaledJob] = []
        for row in due:
            schedule = _schedule(row._mapping)
            run_at = schedule.next_run_at
            day = local_day(max(now, run_at), schedule.when.timezone)
            job = DigestJob(channel=schedule.channel, run_at=run_at.isoformat(), day=day.isoformat())
            record = job_record(job)
            assert record is not None
            move = (
                update(slack_digest_schedules)
                .where(
                    slack_digest_schedules.c.channel == schedule.channel,
                    slack_digest_schedules.c.next_run_at == row.next_run_at,  # as stored: one claim
                )
                .values(next_run_at=next_run(schedule.when, after=max(now, run_at)))
            )
            with self._engine.begin() as conn:
                if conn.execute(move).rowcount != 1:
                    continue  # another process claimed it first
                conn.execute(
                    insert_for(self._engine, slack_jobs)
                    .values(
                        key=record.key,
                        kind=record.kind,
                        payload=record.payload,
                        owner=owner,
                        heartbeat_at=utc_now(),
                        attempts=1,
                    )  # fmt: skip
                    .on_conflict_do_nothing(index_elements=["key"])
                )
            claimed.append(JournaledJob(key=record.key, kind=record.kind, payload=record.payload, attempts=1))
        return claimed

    def count(self) -> int:
        """Watches stored, in every channel."""
        with self._engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(slack_watches)).scalar_one())


def _schedule_values(channel: str, when: DigestTime, next_run_at: dt.datetime) -> dict[str, object]:
    return {
        "channel": channel,
        "weekday": when.weekday,
        "at_time": when.at_text,
        "timezone": when.timezone,
        "next_run_at": next_run_at,
    }


def _watch(row: object) -> Watch:
    data = dict(row)  # type: ignore[call-overload]
    for key in ("created_at", "snoozed_until"):
        if data[key] is not None:
            data[key] = as_utc(data[key])
    return Watch(**data)


def _schedule(row: object) -> Schedule:
    data = dict(row)  # type: ignore[call-overload]
    hours, minutes = (int(part) for part in str(data["at_time"]).split(":"))
    when = DigestTime(
        weekday=int(data["weekday"]), at=dt.time(hours, minutes), timezone=str(data["timezone"])
    )
    return Schedule(channel=str(data["channel"]), when=when, next_run_at=as_utc(data["next_run_at"]))
