"""The i18n planner sets (issue 13): built by the script, language-neutral checks, hold-out kept apart."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

from evals.answers_eval import load_cases

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "evals" / "datasets" / "questions_i18n_dev.jsonl"
HOLDOUT = ROOT / "evals" / "datasets" / "questions_i18n_holdout.jsonl"
DEV2 = ROOT / "evals" / "datasets" / "questions_i18n_dev2.jsonl"
ENGLISH = [ROOT / "evals" / "datasets" / name for name in ("questions.jsonl", "questions_dev2.jsonl")]


def _script(name: str) -> ModuleType:
    sys.path.insert(0, str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_files_are_what_the_script_writes_byte_for_byte() -> None:
    script = _script("build_questions_i18n")
    for side, path in (("dev", DEV), ("holdout", HOLDOUT)):
        lines = [json.dumps(case, ensure_ascii=False) for case in script.build_cases(side)]
        assert path.read_text(encoding="utf-8") == "\n".join(lines) + "\n"


def test_at_least_25_questions_per_language_and_code_mixed_ones() -> None:
    languages = Counter(case.id.split("-")[1] for case in load_cases(DEV))
    assert all(languages[lang] >= 25 for lang in ("de", "fr", "es", "it", "pl"))
    assert languages["mix"] >= 10
    held = Counter(case.id.split("-")[1] for case in load_cases(HOLDOUT))
    assert all(held[lang] >= 15 for lang in ("de", "fr", "es", "it", "pl"))


def test_checks_do_not_depend_on_the_answer_language() -> None:
    for case in (*load_cases(DEV), *load_cases(HOLDOUT)):
        assert not case.must_contain and not case.must_not_contain
        assert all(value.isdigit() for value in case.first_sentence_contains)
        assert case.must_cite or not case.grounded


def test_the_holdout_asks_no_dev_question_and_no_dev_item() -> None:
    dev, holdout = load_cases(DEV), load_cases(HOLDOUT)
    assert not {c.turns for c in dev} & {c.turns for c in holdout}
    dev_cited = {d for c in dev if c.category == "budget" for d in c.must_cite}
    assert not dev_cited & {d for c in holdout if c.category == "budget" for d in c.must_cite}
    english = {turn for path in ENGLISH for c in load_cases(path) for turn in c.turns}
    assert not english & {turn for c in (*dev, *holdout) for turn in c.turns}


def test_dev2_is_what_the_script_writes_byte_for_byte() -> None:
    lines = [json.dumps(case, ensure_ascii=False) for case in _script("build_questions_i18n").build_dev2()]
    assert DEV2.read_text(encoding="utf-8") == "\n".join(lines) + "\n"


def test_dev2_has_30_questions_per_language_weighted_to_the_weak_shapes() -> None:
    cases = load_cases(DEV2)
    languages = Counter(case.id.split("-")[1] for case in cases)
    assert len(cases) >= 150 and all(languages[lang] >= 30 for lang in ("de", "fr", "es", "it", "pl"))
    shapes = Counter(case.category for case in cases)
    assert shapes["superlative"] >= 40 and shapes["home-target"] >= 25 and shapes["mixed"] >= 25
    for case in cases:
        assert not case.must_contain and not case.must_not_contain
        assert all(value.isdigit() for value in case.first_sentence_contains)


def test_dev2_shares_no_question_or_budget_item_with_the_holdout() -> None:
    """Counted, not listed: a failure must not print the hold-out's questions."""
    dev2, holdout = load_cases(DEV2), load_cases(HOLDOUT)
    shared_questions = len(
        {turn for c in dev2 for turn in c.turns} & {turn for c in holdout for turn in c.turns}
    )
    budget = {d for c in holdout if c.category == "budget" for d in c.must_cite}
    shared_budget_items = len({d for c in dev2 if c.category == "budget" for d in c.must_cite} & budget)
    assert shared_questions == 0
    assert shared_budget_items == 0


DEV3 = ROOT / "evals" / "datasets" / "questions_i18n_dev3.jsonl"


def test_dev3_is_what_the_script_writes_byte_for_byte() -> None:
    lines = [json.dumps(case, ensure_ascii=False) for case in _script("build_questions_i18n").build_dev3()]
    assert DEV3.read_text(encoding="utf-8") == "\n".join(lines) + "\n"


def test_dev3_is_weighted_to_polish_and_spanish_and_asks_every_shape() -> None:
    cases = load_cases(DEV3)
    languages = Counter(case.id.split("-")[1] for case in cases)
    assert len(cases) >= 120 and languages["pl"] >= 60 and languages["es"] >= 30
    assert all(languages[lang] >= 5 for lang in ("de", "fr", "it"))
    shapes = {case.category for case in cases}
    assert shapes >= {
        "count", "window", "superlative", "follow-up-set", "none-open", "budget", "loose-id", "home-target",
        "mixed", "declined", "definition",
    }  # fmt: skip
    plain = [case for case in cases if case.id.startswith("i18n3-pl-plain-")]
    assert len(plain) >= 10
    assert all(not set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ") & set(" ".join(case.turns)) for case in plain)
    for case in cases:
        assert not case.must_contain and not case.must_not_contain
        assert all(value.isdigit() for value in case.first_sentence_contains)
        assert case.must_cite or not case.grounded


def test_dev3_shares_no_question_with_any_other_i18n_set() -> None:
    """Counted, not listed: a failure must not print the hold-out's questions."""
    dev3 = {turn for c in load_cases(DEV3) for turn in c.turns}
    for path in (HOLDOUT, DEV, DEV2, *ENGLISH):
        others = {turn for c in load_cases(path) for turn in c.turns}
        assert len(dev3 & others) == 0, path.name
    holdout_budget = {d for c in load_cases(HOLDOUT) if c.category == "budget" for d in c.must_cite}
    dev3_budget = {d for c in load_cases(DEV3) if c.category == "budget" for d in c.must_cite}
    assert len(holdout_budget & dev3_budget) == 0


def test_inflected_names_take_their_case_from_the_template() -> None:
    from evals.questions_i18n_dev3_wordings import POLISH, POLISH_PLAIN

    slovakia = POLISH.place("SK")
    assert f"{slovakia}|{slovakia:do}|{slovakia:z}" == "na Słowacji|na Słowację|ze Słowacji"
    assert f"{POLISH_PLAIN.place('HU'):z}" == "z Wegier"
    horizon = POLISH.family_names["horizon"][0]
    assert f"naborów {horizon}, w {horizon:loc}" == "naborów Horyzontu Europa, w Horyzoncie Europa"


DEV4 = ROOT / "evals" / "datasets" / "questions_i18n_dev4.jsonl"
DEV4_OWN_SHAPES = ("before-day", "next-week", "budget-over")


def _id_shape(case_id: str) -> str:
    """``i18n4-pl-plain-before-day-02`` → ``before-day``."""
    parts = case_id.split("-")[2:-1]
    return "-".join(parts[1:] if parts[0] == "plain" else parts)


def test_dev4_is_what_the_script_writes_byte_for_byte() -> None:
    lines = [json.dumps(case, ensure_ascii=False) for case in _script("build_questions_i18n").build_dev4()]
    assert DEV4.read_text(encoding="utf-8") == "\n".join(lines) + "\n"


def test_dev4_is_weighted_to_polish_and_spanish_and_asks_its_own_shapes() -> None:
    cases = load_cases(DEV4)
    languages = Counter(case.id.split("-")[1] for case in cases)
    assert len(cases) >= 120 and languages["pl"] >= 70 and languages["es"] >= 30
    assert all(languages[lang] >= 5 for lang in ("de", "fr", "it"))
    shapes = Counter(_id_shape(case.id) for case in cases)
    assert all(shapes[shape] >= 8 for shape in DEV4_OWN_SHAPES)
    assert {case.category for case in cases} >= {
        "count", "window", "superlative", "follow-up-set", "none-open", "budget", "loose-id", "home-target",
        "mixed", "declined", "definition",
    }  # fmt: skip
    plain = [case for case in cases if case.id.startswith("i18n4-pl-plain-")]
    assert len(plain) >= 15
    assert all(not set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ") & set(" ".join(case.turns)) for case in plain)
    text = " ".join(turn for case in cases for turn in case.turns)
    for words in (
        "siedmiu dni",
        "przed 15 ",
        "do końca ",
        "w przyszłym tygodniu",
        "mln euro",
        "antes del 15 de",
    ):
        assert words in text, words
    for case in cases:
        assert not case.must_contain and not case.must_not_contain
        assert all(value.isdigit() for value in case.first_sentence_contains)
        assert case.must_cite or not case.grounded


def test_dev4_shares_no_question_with_any_other_i18n_set() -> None:
    """Counted, not listed: a failure must not print the hold-out's questions."""
    dev4 = {turn for c in load_cases(DEV4) for turn in c.turns}
    for path in (HOLDOUT, DEV, DEV2, DEV3, *ENGLISH):
        others = {turn for c in load_cases(path) for turn in c.turns}
        assert len(dev4 & others) == 0, path.name
    holdout_budget = {d for c in load_cases(HOLDOUT) if c.category == "budget" for d in c.must_cite}
    dev4_budget = {
        d for c in load_cases(DEV4) if _id_shape(c.id) == "budget" for d in c.must_cite
    }  # budget-over cases cite a family's open calls: another question than a call's own budget
    assert len(holdout_budget & dev4_budget) == 0


def test_dev4_writes_numbers_as_words_in_their_case() -> None:
    from evals.questions_i18n_dev4_wordings import POLISH, POLISH_PLAIN, SPANISH

    days = POLISH.templates.window["days"][0]
    assert days.format(n=7, month="") == "mają termin składania wniosków w ciągu siedmiu dni"
    assert (
        POLISH.templates.window["days"][2].format(n=30, month="")
        == "zamykają się przez najbliższe trzydzieści dni"
    )
    assert (
        POLISH_PLAIN.templates.window["weeks"][0].format(n=6, month="")
        == "zamykaja sie w ciagu szesciu tygodni"
    )
    assert SPANISH.templates.window["days"][0].format(n=14, month="") == "vencen en los próximos catorce días"
    october = POLISH.months[9]
    assert f"przed {october:d1} / do końca {october:prev}" == "przed 1 października / do końca września"
