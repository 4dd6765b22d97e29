"""``app_uninstalled`` and ``tokens_revoked``: the app left the workspace, so its stored data goes.

Slack sends ``app_uninstalled`` to every app when it is removed, and ``tokens_revoked`` when tokens
are revoked (``tokens.bot``: the bot token this app posts with; ``tokens.oauth``: user tokens, of
which this app stores none). From then on nothing can be posted: queued answers and digests would
only fail, and who asked what is data the workspace no longer shares with us.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App

from integrations.slack.answering import Services
from integrations.slack.dedupe import once_per_event

logger = logging.getLogger(__name__)


def register(app: App, services: Services) -> None:
    """Register the ``app_uninstalled`` and ``tokens_revoked`` listeners."""
    store = services.store
    for event_type in ("app_uninstalled", "tokens_revoked"):
        app.event(event_type)(
            ack=_ack,
            lazy=[
                once_per_event(
                    store, lambda event, _client, context: _forget(services, event, context.team_id)
                )
            ],
        )


def _ack(ack: Ack) -> None:
    ack()


def _forget(services: Services, event: dict[str, Any], team_id: str | None) -> None:
    on_revoked(services, event, team_id)


def on_revoked(services: Services, event: dict[str, Any], team_id: str | None) -> dict[str, int] | None:
    """Drop the installation's stored data when the app was uninstalled or its bot token revoked.

    Returns:
        What was dropped by table, or None when only user tokens (which this app never stores) went.
    """
    kind = str(event.get("type") or "")
    if kind == "tokens_revoked" and not (event.get("tokens") or {}).get("bot"):
        logger.info("Slack user tokens revoked in workspace %s: none stored here, nothing to drop", team_id)
        return None
    dropped = services.store.forget_installation()
    logger.warning(
        "Slack %s in workspace %s: stored Slack data dropped (%s). SLACK_BOT_TOKEN no longer works: "
        "reinstall the app and set the new token to use Slack again.",
        kind,
        team_id,
        ", ".join(f"{table} {rows}" for table, rows in dropped.items()),
    )
    return dropped
