"""The Slack Web API client and the Slack settings every mode needs."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler, ServerErrorRetryHandler
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from corpus.errors import AdvisorError
from corpus.settings import Settings


class SlackNotConfigured(AdvisorError):
    """A Slack setting the chosen mode needs is missing."""


class AnyServerErrorRetryHandler(ServerErrorRetryHandler):
    """Retries every 5xx (the SDK's own handler only 500 and 503; gateways answer 502 and 504)."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and response.status_code >= 500


def web_client(settings: Settings) -> WebClient:
    """A Web API client on ``SLACK_API_URL`` that waits and retries when Slack answers ``ratelimited``
    (as long as ``Retry-After`` says) or fails with a 5xx (back-off 0.5, 1, 2, 4 s: an outage of
    a few seconds costs a delay, not the answer)."""
    if settings.slack_bot_token is None:
        raise SlackNotConfigured("SLACK_BOT_TOKEN is not set")
    base_url = (
        settings.slack_api_url if settings.slack_api_url.endswith("/") else settings.slack_api_url + "/"
    )
    client = WebClient(token=settings.slack_bot_token.get_secret_value(), base_url=base_url, timeout=15)
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=3))
    client.retry_handlers.append(
        AnyServerErrorRetryHandler(
            max_retry_count=4, interval_calculator=BackoffRetryIntervalCalculator(backoff_factor=0.5)
        )
    )
    return client


def signing_secret(settings: Settings) -> str:
    """``SLACK_SIGNING_SECRET``, which the HTTP endpoint needs.

    Raises:
        SlackNotConfigured: it is not set.
    """
    if settings.slack_signing_secret is None:
        raise SlackNotConfigured("SLACK_SIGNING_SECRET is not set (needed for the HTTP endpoint)")
    return settings.slack_signing_secret.get_secret_value()
