"""Triage cards for requests in other languages: urgency from the message's own timestamp."""

from __future__ import annotations

from typing import Any

from tests.slack.conftest import SUPPORT_CHANNEL, SlackHarness, message
from tests.slack.test_support import _card

REQUEST = "Bin aus dem Portal ausgesperrt, keine Passwort-Mail, und die Abgabefrist ist heute Mittag!!"
THURSDAY_0830_CET = "1772695800.000100"
"""Slack ``ts`` of Thursday 5 March 2026, 08:30 in Brussels (07:30 UTC)."""


def _fields(card: Any) -> str:
    return " ".join(f["text"] for b in card.args["blocks"] if "fields" in b for f in b["fields"])


def test_a_german_request_is_triaged_from_the_moment_it_was_sent(slack: SlackHarness) -> None:
    """The test clock is years away from the message: "heute Mittag" is read from its ``ts``."""
    slack.send_event(message(REQUEST, ts=THURSDAY_0830_CET, channel=SUPPORT_CHANNEL, user="UMEMBER01"))
    card = _card(slack)
    fields = _fields(card)
    assert "technical issue" in fields
    assert "high" in fields and "“heute Mittag”" in fields and "2026-03-05 12:00" in fields
    assert "<!subteam^SHELPDESK>" in fields
    logged = slack.store.triage_event(channel=SUPPORT_CHANNEL, message_ts=THURSDAY_0830_CET)
    assert logged is not None and logged.category == "technical_issue" and logged.urgency == "high"


def test_the_drafted_reply_is_written_in_the_requests_language(slack: SlackHarness) -> None:
    request = "Gibt es offene Calls für Batterie-Cluster? Wir möchten bis Freitag einreichen."
    slack.send_event(message(request, ts=THURSDAY_0830_CET, channel=SUPPORT_CHANNEL, user="UMEMBER01"))
    card = _card(slack)
    sections = [b["text"]["text"] for b in card.args["blocks"] if b.get("type") == "section" and "text" in b]
    draft = next(text for text in sections if text.startswith("*Draft reply*"))
    assert draft.startswith("*Draft reply*\nHallo,\n\n")
    assert "Viele Grüße" in draft and "Hello," not in draft
    assert "funding question" in _fields(card) and "“Freitag”" in _fields(card)
