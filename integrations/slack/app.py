"""Build the Bolt app: settings → a WebClient on ``SLACK_API_URL``, dedupe middleware, listeners."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App

from assistant.app import Advisor
from integrations.slack.answering import Services
from integrations.slack.background import BackgroundWork
from integrations.slack.client import signing_secret, web_client
from integrations.slack.dispatch import Dispatcher
from integrations.slack.listeners import register_listeners
from integrations.slack.store import SlackStore

logger = logging.getLogger(__name__)

LISTENER_THREADS = 8
"""Threads for the quick lazy parts (placeholders, button updates): Web API calls, mostly waiting."""


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
    services = Services(advisor=advisor, store=triage_store)
    register_listeners(app, services, background=background, dispatcher=Dispatcher(services, app.client))
    return app
