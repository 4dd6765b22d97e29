"""The bundled eval question set: schema, balance, and gold ids that exist in the bundled corpus."""

from __future__ import annotations

from collections import Counter

import pytest

from corpus.bundle import load_bundled_records
from evals.retrieval_eval import EvalQuestion, load_questions


@pytest.fixture(scope="module")
def questions() -> list[EvalQuestion]:
    return load_questions()


def test_dataset_is_large_and_covers_every_category(questions: list[EvalQuestion]) -> None:
    assert len(questions) >= 130
    categories = Counter(q.category for q in questions)
    assert set(categories) == {
        "call-by-topic",
        "call-by-identifier",
        "call-by-programme",
        "cascade-call",
        "org-by-sector-country",
        "org-by-name",
        "policy-fact",
    }
    types = Counter(q.doc_type for q in questions)
    assert types["call"] >= 55 and types["cluster"] >= 40 and types["policy"] >= 35


def test_questions_are_unique_and_gold_matches_doc_type(questions: list[EvalQuestion]) -> None:
    texts = [q.question.casefold() for q in questions]
    assert len(texts) == len(set(texts))
    for question in questions:
        assert all(gold.startswith(f"{question.doc_type}:") for gold in question.gold), question.id
        assert len(set(question.gold)) == len(question.gold), question.id
        if question.filters.type is not None:
            assert question.filters.type == question.doc_type, question.id
        if question.filters.status is not None:
            assert question.today is not None, f"{question.id}: a status filter needs the day asked"


def test_cascade_questions_point_at_cascade_calls(questions: list[EvalQuestion]) -> None:
    for question in questions:
        if question.category == "cascade-call":
            assert all(gold.startswith("call:cascade:") for gold in question.gold), question.id


def test_every_gold_id_exists_in_the_bundled_corpus(questions: list[EvalQuestion]) -> None:
    doc_ids = {record.doc_id for record in load_bundled_records()}
    assert doc_ids, "the bundled corpus is empty: run `make corpus`"
    missing = {gold for question in questions for gold in question.gold if gold not in doc_ids}
    assert not missing, f"gold ids missing from the bundle: {sorted(missing)}"
