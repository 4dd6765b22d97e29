"""The one dispatcher: runs Slack jobs (plain data) with the services and Web API client it holds.

Each process that runs jobs has one: the serving process (thread workers) and every answer-worker
process (its own services, opened from the settings). Jobs never call back into the services
themselves, so jobs, services and workers import one another in one direction only.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from corpus.i18n import translator
from integrations.slack import support, watches
from integrations.slack.answering import Services, reply_ephemeral
from integrations.slack.blocks import slack_language
from integrations.slack.jobs import (
    ABANDONED_TEXT,
    AnswerJob,
    CommandJob,
    DigestJob,
    HomeJob,
    SlackJob,
    TriageJob,
)

logger = logging.getLogger(__name__)


class Dispatcher:
    """Runs and abandons :data:`~integrations.slack.jobs.SlackJob` s.

    Args:
        services: What the jobs need (the application and the Slack store).
        client: The Web API client replies go through.
    """

    def __init__(self, services: Services, client: WebClient) -> None:
        self.services = services
        self.client = client

    def run(self, job: SlackJob) -> None:
        """Do the work of ``job``."""
        services, client = self.services, self.client
        match job:
            case AnswerJob():
                services.finish_answer(
                    client,
                    channel=job.channel,
                    ts=job.ts,
                    question=job.question,
                    conversation_id=job.conversation_id,
                    link=job.link,
                    thread_ts=job.thread_ts,
                    team=job.team,
                )
            case CommandJob():
                services.answer_command(
                    client,
                    question=job.question,
                    channel=job.channel,
                    user=job.user,
                    response_url=job.response_url,
                )
            case TriageJob():
                support.post_triage(
                    services,
                    client,
                    channel=job.channel,
                    message_ts=job.message_ts,
                    text=job.text,
                    requester=job.requester,
                )
            case HomeJob():
                support.publish_home(services, client, user=job.user)
            case DigestJob():
                watches.post_digests(services, client, job)

    def abandon(self, job: SlackJob) -> None:
        """Tell whoever waits that ``job`` will not be done (it failed on every attempt)."""
        try:
            match job:
                case AnswerJob():
                    self.client.chat_update(
                        channel=job.channel, ts=job.ts, text=_abandoned(job.question), blocks=[]
                    )
                case CommandJob():
                    reply_ephemeral(
                        self.client,
                        channel=job.channel,
                        user=job.user,
                        response_url=job.response_url,
                        text=_abandoned(job.question),
                    )
                case TriageJob() | HomeJob() | DigestJob():
                    # The request stays untriaged in the queue for staff to see; the tab is published
                    # again the next time it is opened.
                    return
        except SlackApiError as exc:
            logger.warning(
                "could not tell Slack the %s was given up: %s", job.label, exc.response.get("error")
            )


def _abandoned(question: str) -> str:
    """The apology for an answer given up, in the question's language."""
    return translator(slack_language(question))(ABANDONED_TEXT)
