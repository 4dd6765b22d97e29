"""Questions in other languages through the whole service: planned, retrieved and answered (issue 13)."""

from __future__ import annotations

import pytest

from tests.assistant.factories import TODAY, Corpus, corpus

__all__ = ["corpus"]


@pytest.mark.parametrize(
    "question",
    [
        "Welche Batterie-Cluster gibt es in Tschechien?",
        "Quels clusters de batteries y a-t-il en Tchéquie ?",
        "¿Qué clústeres de baterías hay en Chequia?",
        "Quali cluster di batterie ci sono in Cechia?",
        "Jakie klastry bateryjne działają w Czechach?",
        "battery clusters in Tschechien?",
    ],
)
def test_partners_in_a_country_named_in_any_language(corpus: Corpus, question: str) -> None:
    answer = corpus.assistant().ask(question=question, today=TODAY)
    assert answer.grounded, answer.answer
    assert "cluster:test:czech-battery-cluster" in {c.doc_id for c in answer.citations}, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "¿Qué convocatorias abiertas hay para el hidrógeno?",
        "Welche offenen Ausschreibungen gibt es für Wasserstoffprojekte?",
        "Quels appels ouverts y a-t-il pour l'hydrogène ?",
        "Quali bandi aperti ci sono per l'idrogeno?",
        "Jakie otwarte nabory są dla wodoru?",
        "open calls für Wasserstoff?",
    ],
)
def test_open_calls_for_a_sector_asked_in_any_language_are_not_refused(corpus: Corpus, question: str) -> None:
    answer = corpus.assistant().ask(question=question, today=TODAY)
    assert answer.grounded, answer.answer
    assert "call:HORIZON-JU-CLEANH2-2026-01" in {c.doc_id for c in answer.citations}, answer.answer


def test_the_question_is_stored_as_asked(corpus: Corpus) -> None:
    assistant = corpus.assistant()
    answer = assistant.ask(question="Wie viele Ausschreibungen von Horizont Europa sind offen?", today=TODAY)
    turns = assistant.conversations.history(answer.conversation_id, limit=2)
    assert turns[0].content == "Wie viele Ausschreibungen von Horizont Europa sind offen?"
