"""Issue 13 audit, the API's refusals: ``/v1/ask`` errors raised before an answer language exists
follow ``lang``, else the question's language, else ``Accept-Language`` (through a real uvicorn)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.assistant.english_leaks import english_leaks, record_names
from tests.assistant.factories import corpus_records
from tests.integration.test_uvicorn import Server, ingest_test_corpus, request, running_server

pytestmark = pytest.mark.integration

LANGUAGES = ("de", "fr", "es", "it", "pl")
NAMES = record_names(corpus_records())
QUESTIONS = {
    "de": "Welche Ausschreibungen sind für Cluster offen?",
    "fr": "Quels appels sont ouverts pour les clusters ?",
    "es": "¿Qué convocatorias están abiertas para los clústeres?",
    "it": "Quali bandi sono aperti per i cluster?",
    "pl": "Jakie nabory są otwarte dla klastrów?",
}
EMPTY = {
    "de": "die Frage ist leer",
    "fr": "la question est vide",
    "es": "la pregunta está vacía",
    "it": "la domanda è vuota",
    "pl": "pytanie jest puste",
}
TOO_LONG = {
    "de": "Die Frage ist",
    "fr": "La question fait",
    "es": "La pregunta tiene",
    "it": "La domanda è lunga",
    "pl": "Pytanie ma",
}
UNKNOWN_CONVERSATION = {
    "de": "unbekannte Unterhaltung 'nope'",
    "fr": "conversation inconnue 'nope'",
    "es": "conversación desconocida 'nope'",
    "it": "conversazione sconosciuta 'nope'",
    "pl": "nieznana rozmowa 'nope'",
}
NOT_A_DATE = {
    "de": "body.today: muss ein Datum",
    "fr": "body.today : doit être une date",
    "es": "body.today: debe ser una fecha",
    "it": "body.today: deve essere una data",
    "pl": "body.today: musi być datą",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data_dir = tmp_path_factory.mktemp("ask-errors")
    ingest_test_corpus(data_dir)
    with running_server(data_dir) as running:
        yield running


def _refused(
    server: Server, body: dict[str, Any], *, lang: str, path: str = "/v1/ask", accept: str | None = None
) -> str:
    """POST ``body``; the refusal's detail, checked to be a 4xx in ``lang`` with no English in it."""
    headers = {"Accept-Language": accept} if accept else {}
    status, response_headers, raw = request("POST", f"{server.url}{path}", body, headers)
    assert 400 <= status < 500, raw
    detail = str(json.loads(raw)["detail"])
    assert response_headers.get("content-language") == lang, (response_headers, detail)
    assert detail.strip()
    if lang != "en":
        words = detail.replace("en, de, fr, es, it, pl", " ")  # language codes, not words
        assert english_leaks(words, NAMES) == [], detail
    return detail


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_empty_question_follows_accept_language(server: Server, lang: str) -> None:
    accept = f"{lang}-XX,{lang};q=0.9,en;q=0.5"
    blank = _refused(server, {"question": "   "}, lang=lang, accept=accept)  # refused by the service
    empty = _refused(server, {"question": ""}, lang=lang, accept=accept)  # refused by the body's schema
    streamed = _refused(server, {"question": " ? "}, lang=lang, accept=accept, path="/v1/ask/stream")
    assert all(detail.startswith(EMPTY[lang]) for detail in (blank, empty, streamed))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_too_long_question_follows_its_own_language_or_lang(server: Server, lang: str) -> None:
    native = " ".join([QUESTIONS[lang]] * 120)  # over the schema's 4,000 characters
    assert _refused(server, {"question": native}, lang=lang, accept="en").startswith(TOO_LONG[lang])
    english = "Which calls are open for clusters? " * 150
    chosen = _refused(server, {"question": english, "lang": lang}, lang=lang)
    assert chosen.startswith(TOO_LONG[lang])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_unknown_conversation_and_a_bad_field_follow_the_question(server: Server, lang: str) -> None:
    gone = _refused(server, {"question": QUESTIONS[lang], "conversation_id": "nope"}, lang=lang)
    assert gone.startswith(UNKNOWN_CONVERSATION[lang])
    bad_day = _refused(server, {"question": QUESTIONS[lang], "today": "20260510"}, lang=lang)
    assert bad_day.startswith(NOT_A_DATE[lang])
    extra = _refused(server, {"question": QUESTIONS[lang], "colour": "blue"}, lang=lang, accept="en")
    assert extra.startswith("body.colour")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_unsupported_lang_is_refused_in_the_questions_language(server: Server, lang: str) -> None:
    detail = _refused(server, {"question": QUESTIONS[lang], "lang": "pt"}, lang=lang)
    assert "'pt'" in detail and "en, de, fr, es, it, pl" in detail


def test_english_refusals_read_as_before(server: Server) -> None:
    assert _refused(server, {"question": "   "}, lang="en").startswith("the question is empty")
    assert _refused(server, {"question": ""}, lang="en", accept="pt-BR,pt").startswith(
        "body.question: String should have at least 1 character"
    )
    gone = _refused(server, {"question": "Which calls are open?", "conversation_id": "nope"}, lang="en")
    assert gone.startswith("unknown conversation 'nope'; start a new one")
