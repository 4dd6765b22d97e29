"""Build the Bolt app: settings → a WebClient on ``SLACK_API_URL``, dedupe middleware, listeners."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from assistant.app import Advisor
from corpus.errors import AdvisorError
from corpus.settings import Settings
from integrations.slack.background import BackgroundWork
from integrations.slack.listeners import register_listeners
from integrations.slack.store import SlackStore

logger = logging.getLogger(__name__)

LISTENER_THREADS = 8
"""Threads for the quick lazy parts (placeholders, button updates): Web API calls, mostly waiting."""


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


def build_bolt_app(
    *,
    advisor: Advisor,
    triage_store: SlackStore,
    background: BackgroundWork,
    socket_mode: bool = False,
) -> App:
    """The Bolt app with every listener registered.

    Args:
        advisor: The application; its settings need ``SLACK_BOT_TOKEN``, and ``SLACK_SIGNING_SECRET``
            unless ``socket_mode``.
        triage_store: Event de-duplication, thread links and the triage log.
        background: Runs the slow work (answers, triage); its owner shuts it down.
        socket_mode: Socket Mode (no signature checks, listeners may run after the ack).

    Raises:
        SlackNotConfigured: a required Slack setting is missing.
    """
    settings = advisor.settings
    secret = None if socket_mode else signing_secret(settings)
    app = App(
        client=web_client(settings),
        signing_secret=secret,
        # HTTP mode: the response is sent when the ack listener returns; the work runs in lazy listeners.
        process_before_response=not socket_mode,
        token_verification_enabled=False,
        request_verification_enabled=not socket_mode,
        logger=logging.getLogger("integrations.slack.bolt"),
        listener_executor=ThreadPoolExecutor(max_workers=LISTENER_THREADS, thread_name_prefix="slack-lazy"),
    )
    register_listeners(app, advisor, store=triage_store, background=background)
    return app
