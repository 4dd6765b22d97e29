"""Streaming an answer into Slack: the chat streaming methods where the workspace has them, else edits.

Slack's own streaming (``chat.startStream`` / ``appendStream`` / ``stopStream``, slack_sdk's
:meth:`~slack_sdk.WebClient.chat_stream`) shows the answer growing in a new message of the thread,
with the sources and buttons added when it stops; the "is thinking…" status under the thread
(``assistant.threads.setStatus``) shows while the answer is prepared. Workspaces (or Slack
versions, or the API proxies in front of them) that lack a method answer ``unknown_method`` or
refuse it: then this process stops trying (:class:`SlackFeatures`) and the answer is streamed as
today, by editing its placeholder (``chat.update``, throttled).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.web.chat_stream import ChatStream

from assistant.language import N_
from integrations.slack.blocks import Block, escape

logger = logging.getLogger(__name__)

THINKING_STATUS = N_("is thinking…")
"""Slack shows it after the app's name ("Cluster Advisor is thinking…"), in the question's language."""
STREAM_BUFFER_CHARS = 120
"""Characters gathered before a stream call (slack_sdk's default is 256: ~2 s of a fast model).
Fewer would cost more calls of a method Slack rate-limits per message; more would show less often."""
UNSUPPORTED_ERRORS = frozenset(
    {
        "unknown_method",
        "method_deprecated",
        "not_allowed_token_type",
        "missing_scope",
        "not_allowed",
        "feature_not_enabled",
        "team_not_allowed",
        "method_not_supported_for_channel_type",
    }
)
"""Errors meaning "this workspace does not offer the method to this app": fall back, stop trying."""


def is_unsupported(exc: SlackApiError) -> bool:
    """Whether Slack refused a method because it is not available here (not a passing failure)."""
    return exc.response.status_code == 404 or exc.response.get("error") in UNSUPPORTED_ERRORS


@dataclass
class SlackFeatures:
    """What this process has learnt the workspace does not offer (asked once, then remembered)."""

    streaming: bool = True
    status: bool = True
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def lacks(self, feature: str, exc: SlackApiError) -> None:
        """Remember that ``feature`` (``"streaming"`` or ``"status"``) is not offered here."""
        with self._lock:
            if getattr(self, feature):
                logger.info(
                    "Slack %s not available (%s); falling back for the rest of this process",
                    feature,
                    exc.response.get("error"),
                )
            setattr(self, feature, False)


def set_status(
    client: WebClient, features: SlackFeatures, *, channel: str, thread_ts: str, status: str
) -> None:
    """Show (or with ``status=""`` clear) the bot's status under a thread, where the workspace has it.

    Never raises for a Slack refusal: the status is a courtesy, the answer comes anyway.
    """
    if not features.status:
        return
    try:
        client.assistant_threads_setStatus(channel_id=channel, thread_ts=thread_ts, status=status)
    except SlackApiError as exc:
        if is_unsupported(exc):
            features.lacks("status", exc)
        else:
            logger.info("could not set the thread status: %s", exc.response.get("error"))


class NativeStream:
    """One answer streamed with the chat streaming methods into a new reply of ``thread_ts``.

    ``recipient_team`` and ``recipient_user`` (the asker) are required by Slack in channels.
    """

    def __init__(
        self,
        client: WebClient,
        *,
        channel: str,
        thread_ts: str,
        recipient_team: str | None,
        recipient_user: str | None,
    ) -> None:
        self._stream: ChatStream = client.chat_stream(
            channel=channel,
            thread_ts=thread_ts,
            recipient_team_id=recipient_team,
            recipient_user_id=recipient_user,
            buffer_size=STREAM_BUFFER_CHARS,
        )
        self.text = ""

    @property
    def ts(self) -> str | None:
        """The streamed message's ts, once Slack started it (None while everything is buffered)."""
        return self._stream.ts

    def append(self, delta: str) -> None:
        """Add ``delta`` to the answer (sent when enough is buffered).

        Raises:
            SlackApiError: Slack refused a streaming call (see :func:`is_unsupported`).
        """
        self.text += delta
        # Slack text rules: escaped, so corpus or model text cannot make a mention or a link.
        self._stream.append(markdown_text=escape(delta))

    def stop(self, footer: list[Block]) -> str:
        """Finish the message, with ``footer`` (sources, buttons) under the text; returns its ts.

        Raises:
            SlackApiError: Slack refused a streaming call.
        """
        self._stream.stop(blocks=footer)
        ts = self._stream.ts
        if ts is None:  # pragma: no cover - stop() starts the stream when nothing was sent yet
            raise RuntimeError("the stream stopped without a message")
        return ts
