"""Exactly one answer per Slack event: a global middleware over :meth:`SlackStore.claim_event`.

Slack retries an event it thinks went unacknowledged (``X-Slack-Retry-Num``) and, rarely, delivers
one ``event_id`` twice. Bolt does not de-duplicate, so the first delivery claims the id in SQL and
every later one (on any worker) is acknowledged without running a listener.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltResponse

from integrations.slack.store import SlackStore

logger = logging.getLogger(__name__)


def delivery_key(body: dict[str, Any]) -> str | None:
    """The id that identifies one Slack event across its deliveries, or None (not an Events API event)."""
    if body.get("type") != "event_callback":
        return None
    event_id = body.get("event_id")
    return str(event_id) if event_id else None


def dedupe_middleware(store: SlackStore) -> Callable[..., BoltResponse | None]:
    """A Bolt global middleware acknowledging repeated deliveries of an event without handling them."""

    def dedupe(body: dict[str, Any], next: Callable[[], None]) -> BoltResponse | None:  # noqa: A002
        key = delivery_key(body)
        if key is not None and not store.claim_event(key):
            logger.info("duplicate delivery of %s ignored", key)
            return BoltResponse(status=200, body="")
        next()
        return None

    return dedupe
