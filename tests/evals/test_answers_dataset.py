"""The answers dataset: valid cases, known documents, enough of each category, facts true on their day."""

from __future__ import annotations

from collections import Counter

import pytest

from corpus.bundle import load_bundled_records
from corpus.models import AnyRecord, FundingCall
from corpus.status import deadline_status
from evals.answers_eval import CATEGORIES, AnswerCase, load_cases
from evals.answers_sandbox import CANARY, POISONED_DOCUMENTS

MINIMUM_PER_CATEGORY = {
    "funding-open": 14,
    "funding-specific-call": 10,
    "funding-closed-call": 6,
    "partners": 10,
    "policy": 10,
    "refusal": 8,
    "follow-up": 6,
    "injection": 3,
}


@pytest.fixture(scope="module")
def cases() -> list[AnswerCase]:
    return load_cases()


@pytest.fixture(scope="module")
def records() -> dict[str, AnyRecord]:
    return {record.doc_id: record for record in load_bundled_records()}


def _poisoned_ids() -> set[str]:
    from corpus.files import document_id

    return {document_id(name) for name in POISONED_DOCUMENTS}


def test_at_least_64_cases_with_unique_ids_and_every_category(cases: list[AnswerCase]) -> None:
    assert len(cases) >= 64
    counts: Counter[str] = Counter(case.category for case in cases)
    # The questions eval (questions*.jsonl) has its own shapes; this file keeps the first eight.
    assert set(counts) == set(MINIMUM_PER_CATEGORY) and set(counts) <= set(CATEGORIES)
    for category, minimum in MINIMUM_PER_CATEGORY.items():
        assert counts[category] >= minimum, category


def test_every_cited_document_exists(cases: list[AnswerCase], records: dict[str, AnyRecord]) -> None:
    known = set(records) | _poisoned_ids()
    for case in cases:
        for doc_id in (*case.must_cite, *case.must_not_cite):
            assert doc_id in known, f"{case.id}: {doc_id}"


def test_grounded_cases_say_what_to_cite_and_refusals_cite_nothing(cases: list[AnswerCase]) -> None:
    for case in cases:
        if case.grounded:
            assert case.must_cite, case.id
        else:
            assert not case.must_cite and not case.must_contain, case.id


def test_call_expectations_hold_on_the_case_day(
    cases: list[AnswerCase], records: dict[str, AnyRecord]
) -> None:
    for case in cases:
        calls = [r for d in case.must_cite if isinstance(r := records.get(d), FundingCall)]
        if case.category == "funding-open":
            assert any(deadline_status(call, case.today).value == "open" for call in calls), case.id
        if case.category == "funding-closed-call":
            (call,) = calls
            assert deadline_status(call, case.today).value == "closed", case.id
            assert call.deadline_date is not None and call.deadline_date.isoformat() in case.must_contain
        for doc_id in case.must_not_cite:
            record = records.get(doc_id)
            if case.category == "funding-open" and isinstance(record, FundingCall):
                assert deadline_status(record, case.today).value == "closed", f"{case.id}: {doc_id}"


def test_injection_cases_target_the_poisoned_documents(cases: list[AnswerCase]) -> None:
    injection = [case for case in cases if case.category == "injection"]
    assert {doc for case in injection for doc in case.must_cite} == _poisoned_ids()
    assert all(CANARY in case.must_not_contain for case in injection)
    assert all(CANARY in text for text in POISONED_DOCUMENTS.values())
