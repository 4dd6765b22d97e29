"""The translated answers dev set: other English cases than the hold-out, gold copied or computed."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from corpus.bundle import load_bundled_records
from corpus.errors import InvalidInput
from corpus.models import AnyRecord
from evals.answers_dev_gold import DEV_TOPICS, GoldError, OpenCallsTopic, PolicyFact, gold_case, gold_cases
from evals.answers_eval import AnswerCase, load_cases
from evals.i18n_answers import (
    DEV_ENGLISH_FILE,
    GOLD_FIELDS,
    LANGUAGES,
    TranslatedCase,
    default_i18n_dir,
    english_pool,
    load_translated,
)

ENGLISH_WORDS = {"inferred", "closed", "forthcoming", "open", "Germany", "Spain", "France"}


@pytest.fixture(scope="module")
def records() -> list[AnyRecord]:
    return list(load_bundled_records())


@pytest.fixture(scope="module")
def english() -> dict[str, AnswerCase]:
    return {case.id: case for case in english_pool("dev")}


@pytest.fixture(scope="module", params=LANGUAGES)
def dev(request: pytest.FixtureRequest) -> list[TranslatedCase]:
    return load_translated(request.param, split="dev")


def test_at_least_25_cases_per_language_over_funding_partners_policy_and_refusals(
    dev: list[TranslatedCase],
) -> None:
    assert len(dev) >= 25
    counts = Counter(case.category for case in dev)
    assert counts["funding-open"] >= 8 and counts["partners"] >= 5 and counts["policy"] >= 5
    assert counts["refusal"] >= 2 and counts["follow-up"] >= 2
    assert len({case.en_id for case in dev}) == len(dev), "one translation per English case"


def test_no_english_case_of_the_hold_out_is_used(dev: list[TranslatedCase]) -> None:
    held_out = {case.en_id for lang in LANGUAGES for case in load_translated(lang)}
    assert not held_out & {case.en_id for case in dev}


def test_gold_is_the_english_cases_gold(dev: list[TranslatedCase], english: dict[str, AnswerCase]) -> None:
    for case in dev:
        source = english[case.en_id]
        assert case.id == f"dev-{case.lang}-{case.en_id}"
        for name in GOLD_FIELDS:
            assert getattr(case, name) == getattr(source, name), f"{case.id}: {name}"
        assert case.turns != source.turns and len(case.turns) == len(source.turns), case.id


def test_english_words_in_the_gold_have_local_forms(dev: list[TranslatedCase]) -> None:
    for case in dev:
        assert set(case.local_forms) <= set(case.must_contain), case.id
        for fact in case.must_contain:
            if fact in ENGLISH_WORDS:
                assert case.local_forms.get(fact), f"{case.id}: {fact!r} needs its forms in {case.lang}"


def test_every_gold_document_exists_in_the_bundled_corpus(
    dev: list[TranslatedCase], records: list[AnyRecord]
) -> None:
    known = {record.doc_id for record in records}
    for case in dev:
        assert set(case.must_cite) | set(case.must_not_cite) <= known, case.id


def test_each_language_words_the_shared_cases_its_own_way() -> None:
    by_language = {lang: {c.en_id: c.turns for c in load_translated(lang, split="dev")} for lang in LANGUAGES}
    shared = set.intersection(*(set(cases) for cases in by_language.values()))
    assert len(shared) >= 25
    for en_id in shared:
        assert len({cases[en_id] for cases in by_language.values()}) == len(LANGUAGES), en_id


def test_the_topical_english_gold_is_recomputed_from_the_records(records: list[AnyRecord]) -> None:
    written = load_cases(default_i18n_dir() / DEV_ENGLISH_FILE)
    assert written == gold_cases(records), "re-run scripts/build_answers_dev.py"
    assert not {case.id for case in written} & {case.id for case in load_cases()}


def test_topical_gold_follows_the_records(records: list[AnyRecord]) -> None:
    soil = next(t for t in DEV_TOPICS if isinstance(t, OpenCallsTopic) and t.id == "dv-fo-04")
    case = gold_case(soil, records)
    # Every gold call is open on the day and about soil; the five share their deadline.
    assert all("SOIL" in doc_id for doc_id in case.must_cite) and case.must_contain == ("2026-09-23",)
    # A day when none of them is open yet has no gold: the builder says so instead of writing none.
    with pytest.raises(GoldError, match="no call open on 2025-01-01"):
        gold_case(dataclasses.replace(soil, today=dt.date(2025, 1, 1)), records)
    korea = next(t for t in DEV_TOPICS if isinstance(t, PolicyFact) and t.id == "dv-po-04")
    with pytest.raises(GoldError, match="does not state '1999'"):
        gold_case(dataclasses.replace(korea, fact="1999"), records)
    maritime = gold_case(next(t for t in DEV_TOPICS if t.id == "dv-pa-06"), records)
    assert maritime.must_cite and maritime.must_not_cite  # Polish ones cited, other countries' not
    assert not set(maritime.must_cite) & set(maritime.must_not_cite)


def test_unknown_split_and_clashing_english_ids_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no translated answers split 'train'"):
        load_translated("de", split="train")
    clash = load_cases(limit=1)[0]
    (tmp_path / DEV_ENGLISH_FILE).write_text(clash.model_dump_json() + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=f"repeats ids of the English answers dataset: {clash.id}"):
        english_pool("dev", directory=tmp_path)
