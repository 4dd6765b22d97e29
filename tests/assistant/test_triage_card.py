"""The triage card's words in the request's language (the ``triage`` catalog)."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.triage import assess_urgency
from assistant.triage_card import card_words, category_name, entity_names, notification_text, urgency_name

CET = dt.timezone(dt.timedelta(hours=1))
MONDAY_0930 = dt.datetime(2026, 3, 2, 9, 30, tzinfo=CET)


def test_english_cards_read_as_before() -> None:
    words = card_words("en")
    assert (words.header, words.category, words.urgency, words.post_draft) == (
        "Triage",
        "Category",
        "Urgency",
        "Post draft as reply",
    )
    assert category_name("funding_question", "en") == "funding question"
    assert notification_text("technical_issue", "high", "en") == "Triage: technical issue, high urgency"
    labels = ["DE", "Horizon Europe", "2026-03-15"]
    assert entity_names(labels, "en") == labels


@pytest.mark.parametrize(
    ("lang", "category", "urgency", "button", "country"),
    [
        ("de", "Förderfrage", "hoch", "Mir zuweisen", "Dänemark"),
        ("fr", "question de financement", "haute", "Me l'attribuer", "Danemark"),
        ("es", "consulta de financiación", "alta", "Asignármelo", "Dinamarca"),
        ("it", "domanda sui finanziamenti", "alta", "Assegna a me", "Danimarca"),
        ("pl", "pytanie o finansowanie", "wysoka", "Przypisz do mnie", "Dania"),
    ],
)
def test_the_card_speaks_the_requests_language(
    lang: str, category: str, urgency: str, button: str, country: str
) -> None:
    assert category_name("funding_question", lang) == category
    assert urgency_name("high", lang) == urgency
    assert card_words(lang).assign_me == button
    shown = entity_names(["DK", "Horizon Europe", "I3-2026-INV1"], lang)
    assert shown == [country, "Horizon Europe", "I3-2026-INV1"]
    assert category in notification_text("funding_question", "high", lang)


def test_entity_dates_are_written_the_locales_way() -> None:
    assert entity_names(["2027-02-02"], "de") == ["2. Februar 2027"]


def test_an_unknown_category_or_language_never_breaks_the_card() -> None:
    assert category_name("something_new", "de") == "something new"
    assert urgency_name("unknown", "pl") == "unknown"
    assert card_words("xx").header == "Triage"


@pytest.mark.parametrize(
    ("lang", "text", "reason"),
    [
        ("de", "Abgabe ist heute Mittag", "„heute Mittag“ (2026-03-02 12:00) ist in 2 Stunden"),
        ("fr", "dépôt demain", "« demain » (2026-03-03 23:59) : dans 1 jour"),
        ("pl", "termin za trzy dni", "„za trzy dni” (2026-03-05 23:59): za 3 dni"),
        ("pl", "raport za pięć godzin", "„za pięć godzin” (2026-03-02 14:30): za 5 godzin"),
        ("es", "la web está caída", "una interrupción del servicio («caída»)"),
        ("it", "quota annuale?", "nessuna scadenza né parole urgenti"),
    ],
)
def test_the_urgency_reason_is_written_in_the_requests_language(lang: str, text: str, reason: str) -> None:
    assert assess_urgency(text, dates=[], call_deadlines={}, sent_at=MONDAY_0930, lang=lang)[1] == reason
