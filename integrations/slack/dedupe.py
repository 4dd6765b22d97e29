"""Exactly one answer per Slack event, decided after the ack: :meth:`SlackStore.claim_event`.

Slack retries an event it thinks went unacknowledged (``X-Slack-Retry-Num``) and, rarely, delivers
one ``event_id`` twice. Bolt does not de-duplicate. Every delivery is acknowledged at once (the ack
never waits for a database write, which under load is what made acks slow); the lazy listener
then claims the event id in SQL before doing anything visible, and every later delivery (on any
worker sharing the store) stops there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from integrations.slack.store import SlackStore

logger = logging.getLogger(__name__)

EventListener = Callable[[dict[str, Any], WebClient, BoltContext], None]
"""``(event, client, context)``: what an event's lazy work needs."""


def delivery_key(body: dict[str, Any]) -> str | None:
    """The id that identifies one Slack event across its deliveries, or None (not an Events API event)."""
    if body.get("type") != "event_callback":
        return None
    event_id = body.get("event_id")
    return str(event_id) if event_id else None


def once_per_event(store: SlackStore, listener: EventListener) -> Callable[..., None]:
    """A Bolt lazy listener running ``listener`` for the first delivery of an event only.

    Bolt passes arguments by parameter name, hence the fixed names ``body``, ``event``, ``client``
    and ``context`` of the returned function.
    """

    def lazy(body: dict[str, Any], event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        key = delivery_key(body)
        if key is not None and not store.claim_event(key):
            logger.info("duplicate delivery of %s ignored", key)
            return
        listener(event, client, context)

    return lazy
