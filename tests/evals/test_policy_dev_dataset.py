"""The policy dev set: 28 policy facts a language, gold computed from the bundled policy documents."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from corpus.bundle import load_bundled_records
from corpus.models import AnyRecord
from evals.answers_dev_gold import DEV_TOPICS, GoldError, PolicyFact, gold_case
from evals.answers_eval import AnswerCase, load_cases
from evals.i18n_answers import (
    GOLD_FIELDS,
    LANGUAGES,
    TranslatedCase,
    default_i18n_dir,
    english_pool,
    load_translated,
    translated_path,
)
from evals.policy_dev_gold import POLICY_DEV_ENGLISH_FILE, POLICY_QUESTIONS, gold_cases


@pytest.fixture(scope="module")
def records() -> list[AnyRecord]:
    return list(load_bundled_records())


@pytest.fixture(scope="module")
def english() -> dict[str, AnswerCase]:
    return {case.id: case for case in english_pool("policy-dev")}


@pytest.fixture(scope="module", params=LANGUAGES)
def cases(request: pytest.FixtureRequest) -> list[TranslatedCase]:
    return load_translated(request.param, split="policy-dev")


def test_the_split_reads_its_own_files() -> None:
    assert translated_path("it", split="policy-dev").name == "policy_dev_it.jsonl"


def test_at_least_24_policy_questions_per_language_one_per_english_case(cases: list[TranslatedCase]) -> None:
    assert len(cases) >= 24
    assert {case.category for case in cases} == {"policy"}
    assert len({case.en_id for case in cases}) == len(cases) == len(POLICY_QUESTIONS)


def test_the_questions_spread_over_the_documents_and_ask_no_existing_case() -> None:
    documents = Counter(question.doc_id for question in POLICY_QUESTIONS)
    assert len(documents) >= 8 and max(documents.values()) <= 8
    asked = {case.turns[0].lower() for case in load_cases()} | {
        topic.question.lower() for topic in DEV_TOPICS if isinstance(topic, PolicyFact)
    }
    assert not {question.question.lower() for question in POLICY_QUESTIONS} & asked
    assert len({(q.doc_id, q.fact) for q in POLICY_QUESTIONS}) == len(POLICY_QUESTIONS)


def test_gold_is_the_english_cases_gold(cases: list[TranslatedCase], english: dict[str, AnswerCase]) -> None:
    for case in cases:
        source = english[case.en_id]
        assert case.id == f"pol-{case.lang}-{case.en_id}"
        for name in GOLD_FIELDS:
            assert getattr(case, name) == getattr(source, name), f"{case.id}: {name}"
        assert case.turns != source.turns, case.id


def test_a_word_fact_has_its_forms_in_the_language_and_english(cases: list[TranslatedCase]) -> None:
    for case in cases:
        assert set(case.local_forms) <= set(case.must_contain), case.id
        for fact, forms in case.local_forms.items():
            # the sentence quoted from the English source states it in English: that form counts
            assert fact in forms, case.id
    french = {case.en_id: case for case in load_translated("fr", split="policy-dev")}
    assert french["pq-10"].states("prévu à Hanovre en avril 2016", "Hannover")
    assert french["pq-10"].states("at the occasion of the Hannover Fair in April 2016.", "Hannover")
    polish = {case.en_id: case for case in load_translated("pl", split="policy-dev")}
    assert polish["pq-17"].states("wzorem była strategia Danii", "Denmark")
    assert not polish["pq-17"].states("the Danish strategy", "Denmark")


def test_each_language_words_the_cases_its_own_way() -> None:
    by_language = {
        lang: {c.en_id: c.turns for c in load_translated(lang, split="policy-dev")} for lang in LANGUAGES
    }
    for en_id in by_language["de"]:
        assert len({cases[en_id] for cases in by_language.values()}) == len(LANGUAGES), en_id


def test_the_english_gold_is_recomputed_from_the_records(records: list[AnyRecord]) -> None:
    written = load_cases(default_i18n_dir() / POLICY_DEV_ENGLISH_FILE)
    assert written == gold_cases(records), "re-run scripts/build_policy_dev.py"
    assert not {case.id for case in written} & {case.id for case in load_cases()}
    numbers = [case for case in written if any(char.isdigit() for char in case.must_contain[0])]
    assert len(numbers) >= 12 and len(written) - len(numbers) >= 8  # numbers and years; names, phrases


def test_a_fact_the_document_does_not_state_is_refused(records: list[AnyRecord]) -> None:
    workshop = next(q for q in POLICY_QUESTIONS if q.fact == "1,584")
    with pytest.raises(GoldError, match="does not state '1,585'"):
        gold_case(dataclasses.replace(workshop, fact="1,585"), records)
    with pytest.raises(GoldError, match="no policy document"):
        gold_case(dataclasses.replace(workshop, doc_id="policy:nowhere"), records)
