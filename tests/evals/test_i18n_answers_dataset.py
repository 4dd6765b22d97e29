"""The translated answers eval: enough cases per language, the English gold copied, known documents."""

from __future__ import annotations

from collections import Counter

import pytest

from corpus.bundle import load_bundled_records
from evals.answers_eval import AnswerCase, fact_kind, load_cases
from evals.i18n_answers import GOLD_FIELDS, LANGUAGES, TranslatedCase, load_translated
from evals.local_facts import parse_gold_amount

# What the English product writes as words: a translated case must say what counts in its language.
ENGLISH_WORDS = {"inferred", "closed", "forthcoming", "open", "Germany", "Spain", "France"}


@pytest.fixture(scope="module")
def english() -> dict[str, AnswerCase]:
    return {case.id: case for case in load_cases()}


@pytest.fixture(scope="module", params=LANGUAGES)
def translated(request: pytest.FixtureRequest) -> list[TranslatedCase]:
    return load_translated(request.param)


def test_at_least_40_cases_per_language_covering_every_kind_of_question(
    translated: list[TranslatedCase],
) -> None:
    assert len(translated) >= 40
    counts = Counter(case.category for case in translated)
    for category in ("funding-open", "funding-specific-call", "funding-closed-call", "partners", "policy"):
        assert counts[category] >= 4, category
    assert counts["refusal"] >= 5 and counts["follow-up"] >= 4
    assert all(len(case.turns) >= 2 for case in translated if case.category == "follow-up")
    assert len({case.en_id for case in translated}) == len(translated), "one translation per English case"


def test_gold_is_the_english_cases_gold(
    translated: list[TranslatedCase], english: dict[str, AnswerCase]
) -> None:
    for case in translated:
        source = english[case.en_id]
        assert case.id == f"{case.lang}-{case.en_id}"
        for name in GOLD_FIELDS:
            assert getattr(case, name) == getattr(source, name), f"{case.id}: {name}"
        # Written in the language, not copied: the questions differ from the English ones.
        assert case.turns != source.turns, case.id
        assert len(case.turns) == len(source.turns), case.id


def test_every_gold_document_exists_in_the_bundled_corpus(translated: list[TranslatedCase]) -> None:
    known = {record.doc_id for record in load_bundled_records()}
    for case in translated:
        for doc_id in (*case.must_cite, *case.must_not_cite):
            assert doc_id in known, f"{case.id}: {doc_id}"


def test_english_words_in_the_gold_have_local_forms(translated: list[TranslatedCase]) -> None:
    for case in translated:
        assert set(case.local_forms) <= set(case.must_contain), case.id
        for fact in case.must_contain:
            if fact in ENGLISH_WORDS:
                assert case.local_forms.get(fact), f"{case.id}: {fact!r} needs its forms in {case.lang}"
            if fact_kind(fact) == "date" or parse_gold_amount(fact) is not None:
                assert fact not in case.local_forms, f"{case.id}: {fact!r} is matched by format"


def test_the_languages_ask_mostly_the_same_english_cases() -> None:
    by_language = {lang: {case.en_id: case.turns for case in load_translated(lang)} for lang in LANGUAGES}
    shared = set.intersection(*(set(cases) for cases in by_language.values()))
    assert len(shared) >= 40
    # ... worded differently in each language.
    for en_id in shared:
        assert len({cases[en_id] for cases in by_language.values()}) == len(LANGUAGES), en_id
