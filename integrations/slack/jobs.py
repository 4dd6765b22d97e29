"""The slow parts of Slack listeners as plain, picklable data, run by :mod:`integrations.slack.dispatch`.

A job carries only data (channel, message ts, question…); the one
:class:`~integrations.slack.dispatch.Dispatcher` of whichever process runs it (a thread of the serving
process, or an answer-worker process) does the work with the services it holds.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from assistant.language import N_

ABANDONED_TEXT = N_("Sorry, I could not finish this answer (the service restarted). Please ask again.")


@dataclass(frozen=True)
class ThreadLink:
    """The Slack thread an answer belongs to (so replies in it continue the conversation)."""

    channel: str
    thread_ts: str
    user: str | None
    question: str


@dataclass(frozen=True)
class AnswerJob:
    """Answer ``question`` into the placeholder message ``ts`` (of the thread ``thread_ts``, if any; a
    thread's answer may be streamed natively, for which Slack wants the asker's ``team``)."""

    channel: str
    ts: str
    question: str
    conversation_id: str | None
    link: ThreadLink | None
    label: str = "answer"
    thread_ts: str | None = None
    team: str | None = None


@dataclass(frozen=True)
class CommandJob:
    """Answer ``/advisor QUESTION`` ephemerally, through the command's response URL when it has one
    (replacing the "Looking…" acknowledgement), else with ``chat.postEphemeral``."""

    question: str
    channel: str
    user: str
    label: str = "/advisor"
    response_url: str | None = None


@dataclass(frozen=True)
class TriageJob:
    """Post a triage card in the thread of a member's request."""

    channel: str
    message_ts: str
    text: str
    requester: str | None
    label: str = "triage"


@dataclass(frozen=True)
class HomeJob:
    """Publish the App Home tab of ``user``."""

    user: str
    label: str = "home"


@dataclass(frozen=True)
class DigestJob:
    """Post the weekly digest of every watch of ``channel`` for the run due at ``run_at`` (ISO, UTC),
    reporting on ``day`` (ISO: the channel's day when the run was claimed, later than ``run_at``'s
    when the service was down at that time)."""

    channel: str
    run_at: str
    day: str
    label: str = "digest"

    @property
    def run_key(self) -> str:
        """Names this run (a watch posted for it is not posted again when the job is re-run)."""
        return f"{self.channel}@{self.run_at}"


SlackJob = AnswerJob | CommandJob | TriageJob | HomeJob | DigestJob
"""Every kind of Slack job."""
SubmitJob = Callable[[SlackJob], None]
"""Hands a job to the background work (what listeners are given instead of the work itself)."""


# --- journal records: a job as plain JSON, so another process can finish it ---------------------

_KINDS: dict[str, type[AnswerJob] | type[CommandJob] | type[TriageJob] | type[DigestJob]] = {
    "answer": AnswerJob,
    "command": CommandJob,
    "triage": TriageJob,
    "digest": DigestJob,
}


@dataclass(frozen=True)
class JobRecord:
    """A job as the journal stores it: a unique key, its kind and its fields as JSON."""

    key: str
    kind: str
    payload: str


def job_record(job: SlackJob) -> JobRecord | None:
    """The journal record of ``job``, or None for work not worth finishing later (App Home)."""
    if isinstance(job, AnswerJob):
        key = f"answer:{job.channel}:{job.ts}"
    elif isinstance(job, TriageJob):
        key = f"triage:{job.channel}:{job.message_ts}"
    elif isinstance(job, CommandJob):
        key = f"command:{uuid.uuid4().hex}"
    elif isinstance(job, DigestJob):
        key = f"digest:{job.run_key}"
    else:
        return None
    kind = next(name for name, cls in _KINDS.items() if isinstance(job, cls))
    return JobRecord(key=key, kind=kind, payload=json.dumps(asdict(job), ensure_ascii=False))


def job_from_record(kind: str, payload: str) -> SlackJob:
    """The job a journal record describes.

    Raises:
        ValueError: an unknown kind or fields that do not fit it (a record from another version).
    """
    cls = _KINDS.get(kind)
    if cls is None:
        raise ValueError(f"unknown Slack job kind {kind!r}")
    fields: dict[str, Any] = json.loads(payload)
    if cls is AnswerJob and fields.get("link") is not None:
        fields["link"] = ThreadLink(**fields["link"])
    try:
        return cls(**fields)
    except TypeError as exc:
        raise ValueError(f"a {kind} job record that does not fit: {exc}") from exc
