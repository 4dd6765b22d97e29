"""The drafted reply of a triage card, in the request's language (the ``triage`` catalog)."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from assistant.triage_card import CATEGORY_NAMES, HEADER, NOTIFICATION, URGENCY_NAMES
from assistant.triage_reply import FOLLOW_UPS, GREETING, OPENINGS, SIGN_OFF, URGENT_NOTE, draft_reply
from corpus.catalogs import LOCALES_DIR

EXPECTED = {
    "en": ("Hello,", "Thank you for your question about funding. Here is what we found:"),
    "de": ("Hallo,", "Vielen Dank für Ihre Frage zur Förderung. Das haben wir gefunden:"),
    "fr": ("Bonjour,", "Merci pour votre question sur les financements. Voici ce que nous avons trouvé :"),
    "es": ("Hola:", "Gracias por su consulta sobre financiación. Esto es lo que hemos encontrado:"),
    "it": ("Buongiorno,", "Grazie per la sua domanda sui finanziamenti. Ecco cosa abbiamo trovato:"),
    "pl": ("Dzień dobry,", "Dziękujemy za pytanie o finansowanie. Oto, co znaleźliśmy:"),
}


@pytest.mark.parametrize("lang", sorted(EXPECTED))
def test_the_reply_is_written_in_the_requests_language(lang: str) -> None:
    reply = draft_reply(category="funding_question", urgency="low", answer="ANSWER [1]", lang=lang)
    greeting, opening = EXPECTED[lang]
    assert reply.startswith(f"{greeting}\n\n{opening}\n\nANSWER [1]\n\n")


def test_an_urgent_request_without_evidence_gets_the_note_and_who_will_reply() -> None:
    reply = draft_reply(category="technical_issue", urgency="high", answer=None, lang="de")
    assert reply == (
        "Hallo,\n\nWir haben Ihre Anfrage als dringend markiert.\n\n"
        "Unser Technikteam kümmert sich darum und meldet sich bei Ihnen.\n\n"
        "Viele Grüße\nIhr Cluster-Support-Team"
    )


def test_a_language_without_a_catalog_or_an_unknown_category_falls_back_never_empty() -> None:
    reply = draft_reply(category="gossip", urgency="low", answer="A", lang="sv")
    assert reply.startswith("Hello,\n\nThank you for your message. Here is what we found:\n\nA")
    assert "A colleague will get back to you shortly." in reply


@pytest.mark.parametrize("lang", ["de", "fr", "es", "it", "pl"])
def test_every_triage_message_is_translated(lang: str) -> None:
    """The reply's, the card's and the urgency reasons' words are all in the template, and every
    entry of the template is translated (plural entries in every form of the language)."""
    with (LOCALES_DIR / "triage.pot").open("rb") as source:
        template = {message.id for message in read_po(source) if message.id}
    wanted = {GREETING, URGENT_NOTE, SIGN_OFF, *OPENINGS.values(), *FOLLOW_UPS.values()}
    card = {HEADER, NOTIFICATION, *CATEGORY_NAMES.values(), *URGENCY_NAMES.values()}
    assert wanted | card <= {text for entry in template for text in _strings(entry)}
    with (LOCALES_DIR / lang / "LC_MESSAGES" / "triage.po").open("rb") as source:
        catalog = read_po(source)
    translated = {
        message.id for message in catalog if message.id and message.string and all(_strings(message.string))
    }
    assert template <= translated


def _strings(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)
