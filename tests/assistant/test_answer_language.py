"""Answers in the asker's language: chosen once per question, kept by the conversation, written
through the catalogs with locale dates and money (extractive mode, the small test corpus)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from assistant.errors import InvalidInput
from assistant.freshness import as_of_note, change_note
from assistant.language import answering_in, choose_language, country, quoted
from assistant.llm import FunctionChatModel
from assistant.prompts import build_answer_messages
from corpus.refresh.log import CallChange
from tests.assistant.factories import TODAY, Corpus, assert_citations_consistent, corpus

__all__ = ["corpus"]

ENGLISH_QUESTION = "Which calls are open for cluster internationalisation?"


def test_a_german_question_is_answered_in_german_with_a_german_date(corpus: Corpus) -> None:
    answer = corpus.assistant().ask(question="Wann endete die Frist von I3-2025-INV1?", today=TODAY)

    assert answer.lang == "de" and answer.grounded
    assert "geschlossen: Frist war am 20. November 2025 (vor 171 Tagen)" in answer.answer
    assert "2025-11-20" not in answer.answer
    assert answer.citations[0].identifier == "I3-2025-INV1"
    assert_citations_consistent(answer)


def test_lang_overrides_detection_dates_and_money_follow_the_locale(corpus: Corpus) -> None:
    answer = corpus.assistant().ask(question=ENGLISH_QUESTION, today=TODAY, lang="pl")

    assert answer.lang == "pl" and answer.grounded
    assert "HORIZON-CL4-2026-CLUSTER-01" in answer.answer
    assert "termin 3 czerwca 2026 (zamknięcie za 24 dni)" in answer.answer
    assert "12 mln € łącznie, od 2 mln € do 4 mln € na projekt" in answer.answer.replace("\xa0", " ")
    assert "deadline" not in answer.answer and "EUR" not in answer.answer
    assert_citations_consistent(answer)


def test_english_answers_keep_iso_dates_and_the_corpus_money_form(corpus: Corpus) -> None:
    answer = corpus.assistant().ask(question=ENGLISH_QUESTION, today=TODAY)

    assert answer.lang == "en"
    assert "deadline 2026-06-03 (closes in 24 days)" in answer.answer
    assert "EUR 12 million total, EUR 2 million to EUR 4 million per project" in answer.answer


@pytest.mark.parametrize(
    ("lang", "intro"),
    [
        ("de", "Ausschreibungen zu Ihrer Frage am 10. Mai 2026: zuerst die offenen"),
        ("fr", "Appels correspondant à votre question au 10 mai 2026 : d'abord ceux en cours"),
        ("es", "Convocatorias que responden a su pregunta el 10 de mayo de 2026: primero las abiertas"),
        ("it", "Bandi pertinenti alla sua domanda al 10 maggio 2026: prima quelli aperti"),
        ("pl", "Nabory pasujące do pytania na dzień 10 maja 2026: najpierw otwarte"),
    ],
)
def test_every_language_writes_its_own_intro(corpus: Corpus, lang: str, intro: str) -> None:
    answer = corpus.assistant().ask(question=ENGLISH_QUESTION, today=TODAY, lang=lang)
    assert answer.answer.startswith(intro)


def test_an_unsupported_language_gets_english_and_a_one_line_note(corpus: Corpus) -> None:
    answer = corpus.assistant().ask(
        question="Quais convocatórias estão abertas para a internacionalização de clusters?", today=TODAY
    )

    assert answer.lang == "en"
    note, rest = answer.answer.split("\n", 1)
    assert note.startswith("Your question looks Portuguese") and "here is the answer in English" in note
    assert rest.strip()  # the English answer follows the note


def test_the_conversation_keeps_its_language(corpus: Corpus) -> None:
    assistant = corpus.assistant()
    first = assistant.ask(question="Wann endete die Frist von I3-2025-INV1?", today=TODAY)
    follow = assistant.ask(question="and the budget?", today=TODAY, conversation_id=first.conversation_id)

    assert first.lang == follow.lang == "de"
    switched = assistant.ask(
        question="and the budget?", today=TODAY, conversation_id=first.conversation_id, lang="en"
    )
    assert switched.lang == "en"


def test_policy_quotes_from_english_sources_are_marked(corpus: Corpus) -> None:
    answer = corpus.assistant().ask(
        question="What did Norway do to internationalise clusters?", today=TODAY, lang="de"
    )

    assert answer.lang == "de" and answer.grounded
    assert answer.answer.startswith("Aus „Why globalise?“")
    lines = answer.answer.splitlines()[1:]
    assert lines and all(re.fullmatch(r"- „.+“ \(EN\) \[\d+\]", line) for line in lines), lines
    assert "Norwegian Innovation Clusters programme" in answer.answer


def test_a_refusal_is_translated(corpus: Corpus) -> None:
    answer = corpus.assistant().ask(question="Wie backe ich einen Schokoladenkuchen?", today=TODAY)
    assert answer.lang == "de" and not answer.grounded
    assert answer.answer.startswith("Dazu habe ich im Korpus keine Belege gefunden")


def test_stream_final_answer_carries_the_language_and_the_note(corpus: Corpus) -> None:
    events = list(
        corpus.assistant().ask_stream(
            question="Quais convocatórias estão abertas para a internacionalização de clusters?", today=TODAY
        )
    )
    assert events[0]["event"] == "delta" and str(events[0]["text"]).startswith(
        "Your question looks Portuguese"
    )
    final = events[-1]
    assert final["event"] == "final" and final["answer"].lang == "en"


def test_an_unknown_lang_is_a_clear_error(corpus: Corpus) -> None:
    with pytest.raises(InvalidInput, match="unsupported answer language 'pt'.*en, de, fr, es, it, pl"):
        corpus.assistant().ask(question=ENGLISH_QUESTION, today=TODAY, lang="pt")


@pytest.mark.parametrize(
    ("question", "requested", "conversation", "lang", "noted"),
    [
        ("Welche Calls sind offen?", None, None, "de", False),
        ("Welche Calls sind offen?", "it", None, "it", False),
        ("Welche Calls sind offen?", "FR-ca", None, "fr", False),
        ("and its deadline?", None, "pl", "pl", False),
        ("Welke oproepen zijn open voor clusterorganisaties?", None, None, "en", True),
        ("ok", None, None, "en", False),
    ],
)
def test_choose_language(
    question: str, requested: str | None, conversation: str | None, lang: str, noted: bool
) -> None:
    choice = choose_language(question, requested=requested, conversation=conversation)
    assert choice.lang == lang and bool(choice.note) == noted


def test_country_names_and_quotes_follow_the_answer_language() -> None:
    assert country("DK") == "Denmark"
    with answering_in("pl"):
        assert country("DK") == "Dania" and country("EL") == "Grecja"
        assert quoted("Clusters matter.") == "„Clusters matter.” (EN)"
    with answering_in("fr"):
        assert country("DK") == "Danemark"
    assert quoted("Clusters matter.") == "Clusters matter."


def test_the_llm_composer_is_told_the_answer_language(corpus: Corpus) -> None:
    model = FunctionChatModel(lambda messages: "Der Call HORIZON-CL4-2026-CLUSTER-01 ist offen [1].")
    answer = corpus.assistant(chat_model=model).ask(question=ENGLISH_QUESTION, today=TODAY, lang="de")

    answering = [call for call in model.calls if "<passages>" in call[-1].content]
    assert answering, "the model was never asked to answer"
    prompt = answering[-1][-1].content
    assert "Write the answer in German." in prompt and "'2. Februar 2027'" in prompt
    assert answer.lang == "de" and answer.mode == "llm"


def test_english_prompts_carry_no_language_instruction() -> None:
    messages = build_answer_messages(question="Which calls?", passages=(), today=TODAY)
    assert "Write the answer in" not in messages[-1].content
    german = build_answer_messages(question="Welche Calls?", passages=(), today=TODAY, lang="de")
    assert german[-1].content.endswith(
        "Write the answer in German. Keep call identifiers, organisation names, programme names and amounts "
        "as the passages give them; a sentence you quote word for word from an English passage stays in "
        "English, in quotation marks, followed by (EN). Write dates as in '2. Februar 2027'."
    )


def test_freshness_notes_in_german_with_german_dates_and_money() -> None:
    moved = CallChange("call:X", "deadline", "2027-05-12T15:00:00Z", "2027-06-02T15:00:00Z")
    budget = CallChange("call:X", "budget", "2000000", "3500000")
    with answering_in("de"):
        note = change_note([moved, budget], refreshed_on=dt.date(2026, 12, 3))
        stale = as_of_note(dt.date(2026, 8, 22), dt.date(2026, 8, 30))
    assert note is not None and note.replace("\xa0", " ") == (
        "bei der Aktualisierung am 3. Dezember 2026 geändert: Frist verschoben von 12. Mai 2027 auf "
        "2. Juni 2027, Gesamtbudget geändert von 2 Mio. € auf 3,5 Mio. €"
    )
    assert stale is not None and stale.startswith(
        "Ausschreibungen mit Stand 22. August 2026 (8 Tage vor dem 30. August 2026)"
    )
