"""The slow parts of Slack listeners as small picklable jobs, run by :mod:`integrations.slack.background`.

A job carries plain data (channel, message ts, question…) and does its work with the
:class:`~integrations.slack.answering.Services` and Web API client of whoever runs it: a thread of
the serving process, or a separate answer-worker process with its own.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Protocol

from slack_sdk import WebClient

if TYPE_CHECKING:
    from integrations.slack.answering import Services


class SlackJob(Protocol):
    """Slow work for Slack, replying through ``client``."""

    @property
    def label(self) -> str:
        """What the job does, for the log."""

    def run(self, services: Services, client: WebClient) -> None:
        """Do the work."""

    def abandon(self, client: WebClient) -> None:
        """Tell whoever waits that the work will not be done (it failed on every attempt)."""


ABANDONED_TEXT = "Sorry, I could not finish this answer (the service restarted). Please ask again."


@dataclass(frozen=True)
class ThreadLink:
    """The Slack thread an answer belongs to (so replies in it continue the conversation)."""

    channel: str
    thread_ts: str
    user: str | None
    question: str


@dataclass(frozen=True)
class AnswerJob:
    """Answer ``question`` into the placeholder message ``ts``."""

    channel: str
    ts: str
    question: str
    conversation_id: str | None
    link: ThreadLink | None
    label: str = "answer"

    def run(self, services: Services, client: WebClient) -> None:
        """Stream the answer into the placeholder, then show the Block Kit answer."""
        services.finish_answer(
            client,
            channel=self.channel,
            ts=self.ts,
            question=self.question,
            conversation_id=self.conversation_id,
            link=self.link,
        )

    def abandon(self, client: WebClient) -> None:
        """Replace the placeholder with an apology."""
        client.chat_update(channel=self.channel, ts=self.ts, text=ABANDONED_TEXT, blocks=[])


@dataclass(frozen=True)
class CommandJob:
    """Answer ``/advisor QUESTION`` ephemerally."""

    question: str
    channel: str
    user: str
    label: str = "/advisor"

    def run(self, services: Services, client: WebClient) -> None:
        """Answer and post the ephemeral reply."""
        services.answer_command(client, question=self.question, channel=self.channel, user=self.user)

    def abandon(self, client: WebClient) -> None:
        """Tell the asker, ephemerally."""
        client.chat_postEphemeral(channel=self.channel, user=self.user, text=ABANDONED_TEXT)


@dataclass(frozen=True)
class TriageJob:
    """Post a triage card in the thread of a member's request."""

    channel: str
    message_ts: str
    text: str
    requester: str | None
    label: str = "triage"

    def run(self, services: Services, client: WebClient) -> None:
        """Classify, draft, log and post the card."""
        from integrations.slack.support import post_triage

        post_triage(
            services,
            client,
            channel=self.channel,
            message_ts=self.message_ts,
            text=self.text,
            requester=self.requester,
        )

    def abandon(self, client: WebClient) -> None:
        """Nothing to tell: the member's message stays untriaged in the queue, for staff to see."""


@dataclass(frozen=True)
class HomeJob:
    """Publish the App Home tab of ``user``."""

    user: str
    label: str = "home"

    def run(self, services: Services, client: WebClient) -> None:
        """Publish the tab."""
        from integrations.slack.support import publish_home

        publish_home(services, client, user=self.user)

    def abandon(self, client: WebClient) -> None:
        """Nothing: the tab is published again the next time it is opened."""


# --- journal records: a job as plain JSON, so another process can finish it ---------------------

_KINDS: dict[str, type[AnswerJob] | type[CommandJob] | type[TriageJob]] = {
    "answer": AnswerJob,
    "command": CommandJob,
    "triage": TriageJob,
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
