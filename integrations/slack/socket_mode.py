"""Socket Mode: the same Bolt app over a WebSocket (no public URL; Slack skips signatures there)."""

from __future__ import annotations

import logging

from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk import WebClient

from assistant.app import Advisor
from integrations.slack.app import build_bolt_app
from integrations.slack.client import SlackNotConfigured, web_client
from integrations.slack.journal import journaled_background_work
from integrations.slack.store import SlackStore

logger = logging.getLogger(__name__)


def socket_mode_handler(*, advisor: Advisor, triage_store: SlackStore) -> SocketModeHandler:
    """A Socket Mode handler for the Bolt app (call ``.start()`` to block, ``.connect()`` not to).

    Raises:
        SlackNotConfigured: ``SLACK_APP_TOKEN`` (``xapp-…``) or ``SLACK_BOT_TOKEN`` is missing.
    """
    settings = advisor.settings
    if settings.slack_app_token is None:
        raise SlackNotConfigured("SLACK_APP_TOKEN (xapp-…) is not set; Socket Mode needs an app-level token")
    app = build_bolt_app(
        advisor=advisor,
        triage_store=triage_store,
        background=journaled_background_work(settings, triage_store),
        socket_mode=True,
    )
    client: WebClient = web_client(settings)
    return SocketModeHandler(app, settings.slack_app_token.get_secret_value(), web_client=client)
