"""The slow parts of Slack listeners as small picklable jobs, run by :mod:`integrations.slack.background`.

A job carries plain data (channel, message ts, question…) and does its work with the
:class:`~integrations.slack.answering.Services` and Web API client of whoever runs it: a thread of
the serving process, or a separate answer-worker process with its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

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


@dataclass(frozen=True)
class HomeJob:
    """Publish the App Home tab of ``user``."""

    user: str
    label: str = "home"

    def run(self, services: Services, client: WebClient) -> None:
        """Publish the tab."""
        from integrations.slack.support import publish_home

        publish_home(services, client, user=self.user)
