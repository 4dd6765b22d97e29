"""The Slack Web API client and the Slack settings every mode needs."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from corpus.errors import AdvisorError
from corpus.settings import Settings


class SlackNotConfigured(AdvisorError):
    """A Slack setting the chosen mode needs is missing."""


def web_client(settings: Settings) -> WebClient:
    """A Web API client on ``SLACK_API_URL`` that waits and retries when Slack answers ``ratelimited``."""
    if settings.slack_bot_token is None:
        raise SlackNotConfigured("SLACK_BOT_TOKEN is not set")
    base_url = (
        settings.slack_api_url if settings.slack_api_url.endswith("/") else settings.slack_api_url + "/"
    )
    client = WebClient(token=settings.slack_bot_token.get_secret_value(), base_url=base_url, timeout=15)
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=3))
    return client


def signing_secret(settings: Settings) -> str:
    """``SLACK_SIGNING_SECRET``, which the HTTP endpoint needs.

    Raises:
        SlackNotConfigured: it is not set.
    """
    if settings.slack_signing_secret is None:
        raise SlackNotConfigured("SLACK_SIGNING_SECRET is not set (needed for the HTTP endpoint)")
    return settings.slack_signing_secret.get_secret_value()
