"""The partners dev set: 35 partner searches a language, gold computed from the cluster records."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from corpus.bundle import load_bundled_records
from corpus.models import AnyRecord
from evals.answers_dev_gold import GoldError
from evals.answers_eval import AnswerCase, load_cases
from evals.i18n_answers import (
    GOLD_FIELDS,
    LANGUAGES,
    PARTNERS_DEV_ENGLISH_FILE,
    TranslatedCase,
    default_i18n_dir,
    english_pool,
    load_translated,
    translated_path,
)
from evals.local_facts import contains_local_fact
from evals.partners_dev_gold import PARTNER_SEARCHES, gold_case, gold_cases, local_forms


@pytest.fixture(scope="module")
def records() -> list[AnyRecord]:
    return list(load_bundled_records())


@pytest.fixture(scope="module")
def english() -> dict[str, AnswerCase]:
    return {case.id: case for case in english_pool("partners-dev")}


@pytest.fixture(scope="module", params=LANGUAGES)
def cases(request: pytest.FixtureRequest) -> list[TranslatedCase]:
    return load_translated(request.param, split="partners-dev")


def test_the_split_reads_its_own_files() -> None:
    assert translated_path("pl", split="partners-dev").name == "partners_dev_pl.jsonl"


def test_at_least_30_partner_searches_per_language_one_per_english_case(cases: list[TranslatedCase]) -> None:
    assert len(cases) >= 30
    assert {case.category for case in cases} == {"partners"}
    assert len({case.en_id for case in cases}) == len(cases)


def test_every_kind_of_search_is_asked() -> None:
    kinds = Counter(search.kind for search in PARTNER_SEARCHES)
    assert kinds["country"] >= 15 and kinds["technology"] >= 3 and kinds["region"] >= 3
    assert kinds["home-target"] >= 2
    assert sum(1 for search in PARTNER_SEARCHES if search.region) >= 5  # macro-regions


def test_gold_is_the_english_cases_gold(cases: list[TranslatedCase], english: dict[str, AnswerCase]) -> None:
    for case in cases:
        source = english[case.en_id]
        assert case.id == f"pdev-{case.lang}-{case.en_id}"
        for name in GOLD_FIELDS:
            assert getattr(case, name) == getattr(source, name), f"{case.id}: {name}"
        assert case.turns != source.turns, case.id


def test_english_facts_have_their_forms_in_the_language(cases: list[TranslatedCase]) -> None:
    for case in cases:
        assert set(case.local_forms) == set(case.must_contain), case.id
        assert case.local_forms == local_forms(case, case.lang), "re-run scripts/build_partners_dev.py"


def test_each_language_words_the_cases_its_own_way() -> None:
    by_language = {
        lang: {c.en_id: c.turns for c in load_translated(lang, split="partners-dev")} for lang in LANGUAGES
    }
    for en_id in by_language["de"]:
        assert len({cases[en_id] for cases in by_language.values()}) == len(LANGUAGES), en_id


def test_the_english_gold_is_recomputed_from_the_records(records: list[AnyRecord]) -> None:
    written = load_cases(default_i18n_dir() / PARTNERS_DEV_ENGLISH_FILE)
    assert written == gold_cases(records), "re-run scripts/build_partners_dev.py"
    assert not {case.id for case in written} & {case.id for case in load_cases()}


def test_gold_follows_the_records(records: list[AnyRecord]) -> None:
    known = {record.doc_id for record in records}
    for case in gold_cases(records):
        assert case.must_cite and set(case.must_cite) | set(case.must_not_cite) <= known, case.id
        assert not set(case.must_cite) & set(case.must_not_cite), case.id
    home_target = gold_case(next(s for s in PARTNER_SEARCHES if s.id == "pd-34"), records)
    # The Polish home country's automotive clusters are not what a search for German partners wants.
    assert "cluster:eccp:polish-automotive-group-pgm" in home_target.must_not_cite
    baltics = gold_case(next(s for s in PARTNER_SEARCHES if s.region == "Baltics"), records)
    assert baltics.must_contain == ("inferred",)  # no single country to name
    nowhere = dataclasses.replace(PARTNER_SEARCHES[0], countries=("IS",))
    with pytest.raises(GoldError, match="no photonics organisation in IS"):
        gold_case(nowhere, records)


def test_local_forms_say_the_country_as_the_language_declines_it() -> None:
    hungary = next(s for s in PARTNER_SEARCHES if s.id == "pd-18")
    case = AnswerCase(id=hungary.id, category="partners", turns=("x",), today=hungary.today,
                      must_contain=("inferred", "Hungary"))  # fmt: skip
    forms = local_forms(case, "pl")
    assert contains_local_fact("Klaster — Budapeszt, Węgry [1]", "Hungary", lang="pl", forms=forms["Hungary"])
    assert contains_local_fact("(wywnioskowane z nazwy)", "inferred", lang="pl", forms=forms["inferred"])
    assert not contains_local_fact("Budapest, Hungary", "Hungary", lang="pl", forms=forms["Hungary"])
