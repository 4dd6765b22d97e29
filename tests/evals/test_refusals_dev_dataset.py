"""The refusals dev set: off-topic questions in six languages, each translated case on its English one."""

from __future__ import annotations

import pytest

from evals.i18n_answers import LANGUAGES, english_counterparts, english_pool, load_translated, translated_path


def test_the_split_names_its_files() -> None:
    assert translated_path("pl", split="refusals-dev").name == "refusals_dev_pl.jsonl"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_asks_the_same_off_topic_questions_in_its_own_words(lang: str) -> None:
    english = [case for case in english_pool("refusals-dev") if case.id.startswith("rd-")]
    translated = load_translated(lang, split="refusals-dev")
    assert len(translated) >= 16
    assert {case.en_id for case in translated} == {case.id for case in english}
    assert english_counterparts(translated, english) == english
    wordings = {case.en_id: case.turns[-1] for case in translated}
    for case in english:
        assert case.category == "refusal" and case.grounded is False and not case.must_cite
        assert wordings[case.id] != case.turns[-1]  # written in the language, not copied
    for case in translated:
        assert case.category == "refusal" and case.grounded is False and not case.must_cite
