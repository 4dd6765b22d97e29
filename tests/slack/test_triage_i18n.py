"""Triage cards for requests in other languages: urgency from the message's own timestamp."""

from __future__ import annotations

from typing import Any

from tests.slack.conftest import SUPPORT_CHANNEL, SlackHarness, message
from tests.slack.test_support import _card, _press

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
    assert "*Kategorie*\ntechnisches Problem" in fields
    assert "*Dringlichkeit*\nhoch" in fields and "„heute Mittag“" in fields and "2026-03-05 12:00" in fields
    assert "<!subteam^SHELPDESK>" in fields
    logged = slack.store.triage_event(channel=SUPPORT_CHANNEL, message_ts=THURSDAY_0830_CET)
    assert logged is not None and logged.category == "technical_issue" and logged.urgency == "high"


def test_the_drafted_reply_is_written_in_the_requests_language(slack: SlackHarness) -> None:
    request = "Gibt es offene Calls für Batterie-Cluster? Wir möchten bis Freitag einreichen."
    slack.send_event(message(request, ts=THURSDAY_0830_CET, channel=SUPPORT_CHANNEL, user="UMEMBER01"))
    card = _card(slack)
    draft = next(b["text"]["text"] for b in card.args["blocks"] if b.get("block_id") == "triage_draft")
    assert draft.startswith("*Antwortentwurf*\nHallo,\n\n")
    assert "Viele Grüße" in draft and "Hello," not in draft
    assert "Förderfrage" in _fields(card) and "„Freitag“" in _fields(card)


def test_the_cards_words_and_buttons_are_in_the_requests_language(slack: SlackHarness) -> None:
    request = "Czy ktoś zna firmę z Danii, która produkuje czujniki? Szukamy partnera do projektu."
    slack.send_event(message(request, ts=THURSDAY_0830_CET, channel=SUPPORT_CHANNEL, user="UMEMBER01"))
    card = _card(slack)
    header = next(b for b in card.args["blocks"] if b["type"] == "header")
    assert header["text"]["text"] == "Klasyfikacja zgłoszenia"
    assert card.args["text"].startswith("Klasyfikacja: poszukiwanie partnerów, pilność ")
    fields = _fields(card)
    assert "*Kategoria*\nposzukiwanie partnerów" in fields and "*Pilność*\nniska" in fields
    assert "Dania" in fields  # the country by its Polish name, not "DK"
    actions = next(b for b in card.args["blocks"] if b.get("block_id") == "triage_actions")
    assert [e["text"]["text"] for e in actions["elements"]] == [
        "Opublikuj projekt jako odpowiedź",
        "Przypisz do mnie",
        "Oznacz jako rozwiązane",
    ]


def test_posting_a_translated_draft_posts_the_reply_without_its_title(slack: SlackHarness) -> None:
    slack.send_event(message(REQUEST, ts=THURSDAY_0830_CET, channel=SUPPORT_CHANNEL, user="UMEMBER01"))
    card = _card(slack)
    _press(slack, "triage_post_draft", card)
    reply = slack.api.wait_for("chat.postMessage", count=2, channel=SUPPORT_CHANNEL)[1]
    assert reply.args["thread_ts"] == THURSDAY_0830_CET
    assert reply.args["text"].startswith("Hallo,") and "Antwortentwurf" not in reply.args["text"]
