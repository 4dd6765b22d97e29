"""The questions eval (issue 12): sizes, shapes, an honest split, and gold that the records bear out."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from corpus.bundle import load_bundled_records
from corpus.models import AnyRecord, CallStatus, FundingCall
from corpus.status import deadline_status
from evals import questions_gold as gold
from evals.answers_eval import AnswerCase, load_cases

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "evals" / "datasets" / "questions.jsonl"
HOLDOUT = ROOT / "evals" / "datasets" / "questions_holdout.jsonl"
DEV2 = ROOT / "evals" / "datasets" / "questions_dev2.jsonl"
TYPOS = ROOT / "evals" / "datasets" / "questions_typos_dev.jsonl"
TYPOS2 = ROOT / "evals" / "datasets" / "questions_typos_dev2.jsonl"
TYPOS3 = ROOT / "evals" / "datasets" / "questions_typos_dev3.jsonl"
DEFINITIONS = ROOT / "evals" / "datasets" / "questions_definitions_dev.jsonl"
SHAPES = {
    "count",
    "window",
    "superlative",
    "follow-up-set",
    "none-open",
    "budget",
    "loose-id",
    "typo",
    "home-target",
    "mixed",
    "declined",
    "definition",
}


@pytest.fixture(scope="module")
def dev() -> list[AnswerCase]:
    return load_cases(DEV)


@pytest.fixture(scope="module")
def holdout() -> list[AnswerCase]:
    return load_cases(HOLDOUT)


@pytest.fixture(scope="module")
def dev2() -> list[AnswerCase]:
    return load_cases(DEV2)


@pytest.fixture(scope="module")
def every_case(dev: list[AnswerCase], holdout: list[AnswerCase], dev2: list[AnswerCase]) -> list[AnswerCase]:
    return [*dev, *holdout, *dev2]


@pytest.fixture(scope="module")
def records() -> dict[str, AnyRecord]:
    return {record.doc_id: record for record in load_bundled_records()}


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_questions_eval", ROOT / "scripts" / "build_questions_eval.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_sizes_and_every_shape_in_every_split(
    dev: list[AnswerCase], holdout: list[AnswerCase], dev2: list[AnswerCase]
) -> None:
    assert len(dev) >= 160 and len(holdout) >= 60 and len(dev2) >= 120
    for cases, least in ((dev, 3), (holdout, 3), (dev2, 8)):
        counts = Counter(case.category for case in cases)
        assert set(counts) == SHAPES
        assert min(counts.values()) >= least


def test_the_files_are_what_the_script_writes_byte_for_byte() -> None:
    built = _builder().build_cases()
    for side, path in (("dev", DEV), ("holdout", HOLDOUT), ("dev2", DEV2)):
        lines = [json.dumps(case, ensure_ascii=False) for case in built[side]]
        assert path.read_text(encoding="utf-8") == "\n".join(lines) + "\n"


def test_the_typo_tuning_set_is_built_by_the_script_and_keeps_off_the_holdout(
    dev: list[AnswerCase], holdout: list[AnswerCase], dev2: list[AnswerCase]
) -> None:
    built = _builder().typo_tuning_cases()
    lines = [json.dumps(case, ensure_ascii=False) for case in built]
    assert TYPOS.read_text(encoding="utf-8") == "\n".join(lines) + "\n"
    typos = load_cases(TYPOS)
    assert len(typos) >= 150 and {c.category for c in typos} == {"typo"}
    held = {d for c in holdout if c.category == "typo" for d in c.must_cite}
    assert not held & {d for c in typos for d in c.must_cite}
    assert not {c.turns for c in typos} & {c.turns for c in (*dev, *holdout, *dev2)}


def test_the_second_typo_set_is_built_by_the_script_and_keeps_off_the_holdout(
    dev: list[AnswerCase], holdout: list[AnswerCase], dev2: list[AnswerCase]
) -> None:
    """Other kinds of slip (evals/typing_slips.py), every kind present, on dev-side items only: no
    record the hold-out's typo or loose-id cases name, no family-day count set the hold-out asks."""
    built = _builder().typo_kind_cases()
    lines = [json.dumps(case, ensure_ascii=False) for case in built]
    assert TYPOS2.read_text(encoding="utf-8") == "\n".join(lines) + "\n"
    cases = load_cases(TYPOS2)
    assert len(cases) >= 150 and {c.category for c in cases} == {"typo"}
    kinds = Counter(c.id.split("-", 1)[1].rsplit("-", 1)[0] for c in cases)
    assert set(kinds) == {
        *("dropped", "doubled", "neighbour", "spacing", "accents", "lower", "order", "short", "spelling"),
        *("id-dashes", "id-digits", "programme"),
    }
    assert min(kinds.values()) >= 10
    held = {d for c in holdout if c.category in {"typo", "loose-id"} for d in c.must_cite}
    assert not held & {d for c in cases for d in c.must_cite}
    held_sets = {(c.cites_only, c.today) for c in holdout if c.category == "count"}
    assert not held_sets & {(c.cites_only, c.today) for c in cases if c.cites_only}
    earlier = load_cases(TYPOS)
    assert not {c.turns for c in cases} & {c.turns for c in (*dev, *holdout, *dev2, *earlier)}


def test_the_third_typo_set_is_built_by_the_script_and_keeps_off_the_holdout(
    dev: list[AnswerCase], holdout: list[AnswerCase], dev2: list[AnswerCase], records: dict[str, AnyRecord]
) -> None:
    """New kinds of slip, names in context, two names typed alike and plain words (controls), on
    dev-side items only: no record the hold-out's typo or loose-id cases name (cited or named in the
    answer), no family-day count set the hold-out asks, no question of another set."""
    built = _builder().typo_dev3_cases()
    lines = [json.dumps(case, ensure_ascii=False) for case in built]
    assert TYPOS3.read_text(encoding="utf-8") == "\n".join(lines) + "\n"
    cases = load_cases(TYPOS3)
    assert len(cases) >= 150 and {c.category for c in cases} == {"typo"}
    kinds = Counter(c.id.split("-", 1)[1].rsplit("-", 1)[0] for c in cases)
    assert set(kinds) == {
        *("two-in-word", "each-word", "caps", "lower-slip", "punctuation", "transliterated", "by-ear"),
        *("generic", "country", "follow-up", "id-word", "id-prefix", "id-spaced", "ambiguous", "plain-words"),
    }
    assert min(kinds.values()) >= 5
    held_ids = {d for c in holdout if c.category in {"typo", "loose-id"} for d in c.must_cite}
    assert not held_ids & {d for c in cases for d in c.must_cite}
    held_names = {records[d].title for d in held_ids}
    assert not held_names & {text for c in cases for text in c.must_contain}
    held_sets = {(c.cites_only, c.today) for c in holdout if c.category == "count"}
    assert not held_sets & {(c.cites_only, c.today) for c in cases if c.cites_only}
    earlier = [*load_cases(TYPOS), *load_cases(TYPOS2)]
    assert not {c.turns for c in cases} & {c.turns for c in (*dev, *holdout, *dev2, *earlier)}
    for case in cases:
        if case.id.startswith("t3-ambiguous"):  # asks which one: cites nothing, names both
            assert case.max_citations == 0 and len(case.must_contain) == 2 and not case.must_cite


def test_the_definition_tuning_set_is_built_by_the_script_and_keeps_off_the_holdout(
    dev: list[AnswerCase], holdout: list[AnswerCase], dev2: list[AnswerCase]
) -> None:
    """Dev-side terms and U.S. categories only (the gold's note names the term or the category)."""
    built = _builder().definition_tuning_cases()
    lines = [json.dumps(case, ensure_ascii=False) for case in built]
    assert DEFINITIONS.read_text(encoding="utf-8") == "\n".join(lines) + "\n"
    cases = load_cases(DEFINITIONS)
    assert len(cases) >= 30 and {c.category for c in cases} == {"definition"}
    held = {c.note for c in holdout if c.category == "definition"}
    assert not held & {c.note for c in cases}
    assert not {c.turns for c in cases} & {c.turns for c in (*dev, *holdout, *dev2)}


def test_the_split_shares_no_question_and_no_single_record(
    dev: list[AnswerCase], holdout: list[AnswerCase]
) -> None:
    assert not {c.turns for c in dev} & {c.turns for c in holdout}
    assert not {c.id for c in dev} & {c.id for c in holdout}
    for shape in ("budget", "loose-id", "typo"):
        dev_docs = {d for c in dev if c.category == shape for d in c.must_cite}
        held_docs = {d for c in holdout if c.category == shape for d in c.must_cite}
        assert not dev_docs & held_docs, shape
    dev_targets = {c.cites_only for c in dev if c.category == "home-target"}
    assert not dev_targets & {c.cites_only for c in holdout if c.category == "home-target"}
    dev_days = {(c.turns, c.today) for c in dev}
    assert not dev_days & {(c.turns, c.today) for c in holdout}


def test_dev2_shares_no_question_with_dev_or_holdout_and_no_item_with_holdout(
    dev: list[AnswerCase], holdout: list[AnswerCase], dev2: list[AnswerCase]
) -> None:
    """dev2 is fresh tuning material: new questions, and nothing the hold-out asks about."""
    for other in (dev, holdout):
        assert not {c.turns for c in dev2} & {c.turns for c in other}
        assert not {c.id for c in dev2} & {c.id for c in other}
    for shape in ("budget", "loose-id", "typo"):
        docs = {d for c in dev2 if c.category == shape for d in c.must_cite}
        for other in (dev, holdout):
            assert not docs & {d for c in other if c.category == shape for d in c.must_cite}, shape
    held_targets = {c.cites_only for c in holdout if c.category == "home-target"}
    assert not {c.cites_only for c in dev2 if c.category == "home-target"} & held_targets
    # A family-day set the hold-out asks about in one shape is not asked in that shape in dev2 (the
    # split is per shape, as between dev and hold-out).
    held_sets = {(c.category, c.cites_only, c.today) for c in holdout if c.cites_only}
    assert not held_sets & {(c.category, c.cites_only, c.today) for c in dev2 if c.cites_only}


def test_dev2_takes_the_items_dev_leaves_first() -> None:
    module = _builder()
    pairs = [("a", "g1"), ("b", "g2"), ("c", "g1"), ("d", "g3"), ("e", "g3"), ("f", "g4")]
    items = [module.Item(key, lambda words, n: {}, group) for key, group in pairs]
    # dev's quota of 2 takes a and b (groups g1, g2). dev2: first the unused items of untouched groups,
    # one per group before a second (d, f, then e), then the unused one of a group dev touches (c),
    # then dev's own, asked again in dev2's wordings.
    assert [i.key for i in module.second_dev(items, 2)] == ["d", "f", "e", "c", "a", "b"]
    # A quota above the number of items: dev uses them all, dev2 asks them again.
    assert [i.key for i in module.second_dev(items[:2], 5)] == ["a", "b"]


def test_every_named_document_exists(every_case: list[AnswerCase], records: dict[str, AnyRecord]) -> None:
    for case in every_case:
        for doc_id in (*case.must_cite, *(case.cites_only or ())):
            assert doc_id in records, f"{case.id}: {doc_id}"
        if case.cites_only is not None:
            assert set(case.must_cite) <= set(case.cites_only), case.id


def _calls(records: dict[str, AnyRecord], ids: tuple[str, ...]) -> list[FundingCall]:
    return [r for d in ids if isinstance(r := records[d], FundingCall)]


def test_count_gold_is_the_number_of_matching_records(
    every_case: list[AnswerCase], records: dict[str, AnyRecord]
) -> None:
    """The number in the first sentence is the size of the set the case allows to cite, and that set is
    exactly one family's open (or forthcoming) calls on the day."""
    calls = [r for r in records.values() if isinstance(r, FundingCall)]
    for case in (c for c in every_case if c.category == "count"):
        assert case.cites_only is not None
        (number,) = case.first_sentence_contains
        assert int(number) == len(case.cites_only)
        statuses = {deadline_status(call, case.today) for call in _calls(records, case.cites_only)}
        assert len(statuses) == 1 and statuses <= {CallStatus.OPEN, CallStatus.FORTHCOMING}
        family_sets = [
            {c.doc_id for c in gold.with_status(gold.family_calls(calls, f), case.today, *statuses)}
            for f in gold.FAMILIES
        ]
        assert set(case.cites_only) in family_sets, case.id


def test_none_open_cases_have_no_open_call_and_name_the_last_deadline(
    every_case: list[AnswerCase], records: dict[str, AnyRecord]
) -> None:
    for case in (c for c in every_case if c.category == "none-open"):
        cited = _calls(records, case.must_cite)
        assert all(deadline_status(call, case.today) != CallStatus.OPEN for call in cited)
        dates = {call.deadline_date.isoformat() for call in cited if call.deadline_date} | {
            call.opening_date.isoformat() for call in cited if call.opening_date
        }
        assert dates & set(case.must_contain), case.id
        assert case.first_sentence_contains_any


def test_declined_cases_cite_nothing_and_are_not_grounded(every_case: list[AnswerCase]) -> None:
    for case in (c for c in every_case if c.category == "declined"):
        assert not case.grounded and case.max_citations == 0 and not case.must_cite
        assert "can't" in case.first_sentence_contains_any


def test_window_rules_of_the_gold() -> None:
    november, may = dt.date(2026, 11, 23), dt.date(2026, 5, 10)
    assert gold.next_occurrence_of_month(november, 3) == dt.date(2027, 3, 1)
    assert gold.next_occurrence_of_month(may, 7) == dt.date(2026, 7, 1)
    assert gold.last_day_of_month(dt.date(2026, 2, 3)) == dt.date(2026, 2, 28)
    assert gold.first_of_next_month(dt.date(2026, 12, 9)) == dt.date(2027, 1, 1)


def test_window_cases_give_the_earliest_date_of_their_set(
    every_case: list[AnswerCase], records: dict[str, AnyRecord]
) -> None:
    for case in (c for c in every_case if c.category == "window"):
        assert case.cites_only is not None
        calls = _calls(records, case.cites_only)
        deadlines = [c.deadline_date for c in calls if c.deadline_date is not None]
        openings = [
            c.opening_date for c in calls if c.opening_date is not None and c.opening_date > case.today
        ]
        firsts = {min(deadlines).isoformat()} | ({min(openings).isoformat()} if openings else set())
        assert set(case.must_contain) & firsts, case.id
