"""The translated retrieval dev set: enough queries per language, the English gold copied, written anew."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from corpus.bundle import load_bundled_records
from corpus.errors import InvalidInput
from evals.i18n_answers import LANGUAGES
from evals.i18n_retrieval import (
    TranslatedQuestion,
    english_questions_for,
    load_translated_questions,
)
from evals.retrieval_eval import EvalQuestion, load_questions

GOLD_FIELDS = ("gold", "doc_type", "category", "filters", "today")


@pytest.fixture(scope="module")
def english() -> dict[str, EvalQuestion]:
    return {question.id: question for question in load_questions()}


@pytest.fixture(scope="module", params=LANGUAGES)
def translated(request: pytest.FixtureRequest) -> list[TranslatedQuestion]:
    return load_translated_questions(request.param)


def test_at_least_30_queries_per_language_over_funding_partners_and_policy(
    translated: list[TranslatedQuestion],
) -> None:
    assert len(translated) >= 30
    types = Counter(question.doc_type for question in translated)
    assert types["call"] >= 10 and types["cluster"] >= 8 and types["policy"] >= 8
    assert len({question.en_id for question in translated}) == len(translated), "one query per English one"


def test_gold_filters_and_day_are_the_english_questions(
    translated: list[TranslatedQuestion], english: dict[str, EvalQuestion]
) -> None:
    for question in translated:
        source = english[question.en_id]
        assert question.id == f"rd-{question.lang}-{question.en_id}"
        for name in GOLD_FIELDS:
            assert getattr(question, name) == getattr(source, name), f"{question.id}: {name}"
        assert question.question.casefold() != source.question.casefold(), question.id


def test_every_gold_document_exists_in_the_bundled_corpus(translated: list[TranslatedQuestion]) -> None:
    known = {record.doc_id for record in load_bundled_records()}
    for question in translated:
        assert set(question.gold) <= known, question.id


def test_each_language_words_the_shared_questions_its_own_way() -> None:
    by_language = {
        lang: {q.en_id: q.question.casefold() for q in load_translated_questions(lang)} for lang in LANGUAGES
    }
    shared = set.intersection(*(set(queries) for queries in by_language.values()))
    assert len(shared) >= 30
    for en_id in shared:
        assert len({queries[en_id] for queries in by_language.values()}) == len(LANGUAGES), en_id


def test_unknown_split_and_unknown_english_ids_are_clear_errors(english: dict[str, EvalQuestion]) -> None:
    with pytest.raises(InvalidInput, match="no translated retrieval split 'holdout'"):
        load_translated_questions("de", split="holdout")
    stray = load_translated_questions("de", limit=1)[0].model_copy(update={"en_id": "zz-99"})
    with pytest.raises(InvalidInput, match="zz-99"):
        english_questions_for([stray], list(english.values()))


def test_a_query_in_another_language_is_refused(tmp_path: Path) -> None:
    source = load_translated_questions("de", limit=1)[0]
    (tmp_path / "retrieval_dev_fr.jsonl").write_text(source.model_dump_json() + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="another language than 'fr'"):
        load_translated_questions("fr", tmp_path)
