"""Gold facts matched in the answer's language: dates, money, listed forms."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from corpus.errors import InvalidInput
from evals.i18n_answers import TranslatedCase, parse_languages, recall_at_k
from evals.local_facts import (
    Amount,
    contains_amount,
    contains_date,
    contains_local_fact,
    date_forms,
    form_matches,
    parse_gold_amount,
)

MAY_21 = dt.date(2026, 5, 21)


@pytest.mark.parametrize(
    ("lang", "written"),
    [
        ("de", "Die Frist endet am 21. Mai 2026 [1]."),
        ("de", "Frist: 21.05.2026"),
        ("fr", "Date limite : 21 mai 2026."),
        ("es", "El plazo termina el 21 de mayo de 2026."),
        ("es", "Plazo: 21 may 2026"),
        ("it", "Scadenza: 21 maggio 2026"),
        ("pl", "Termin upływa 21 maja 2026 r."),
        ("pl", "Termin: 21.05.2026"),
        ("de", "Deadline 2026-05-21 (ISO)"),
    ],
)
def test_a_date_counts_written_iso_or_as_the_locale_writes_it(lang: str, written: str) -> None:
    assert contains_date(written, MAY_21, lang)
    assert contains_local_fact(written, "2026-05-21", lang=lang)


@pytest.mark.parametrize(
    ("lang", "written"),
    [
        ("de", "Die Frist endet am 21. Juni 2026."),  # another month
        ("fr", "Date limite : 21 mai 2027."),  # another year
        ("de", "am 121.05.2026"),  # part of a longer number
        ("es", "May 21, 2026"),  # English format in a Spanish answer
        ("pl", "21 maj 2025"),
    ],
)
def test_another_date_or_another_format_does_not_count(lang: str, written: str) -> None:
    assert not contains_date(written, MAY_21, lang)


def test_date_forms_come_from_babel_and_french_writes_the_first_1er() -> None:
    assert "21. Mai 2026" in date_forms(MAY_21, "de")
    assert "21 maja 2026" in date_forms(MAY_21, "pl")
    first = dt.date(2026, 10, 1)
    assert contains_date("jusqu'au 1er octobre 2026", first, "fr")
    assert contains_date("jusqu'au 1 octobre 2026", first, "fr")


@pytest.mark.parametrize(
    ("fact", "written"),
    [
        ("EUR 6.9 million", "Budget: 6,9 Mio. €"),
        ("EUR 6.9 million", "Budget : 6,9\u00a0M\u00a0€"),
        ("EUR 6.9 million", "Presupuesto: 6,9 millones de euros"),
        ("EUR 6.9 million", "Budget: 6,9 milioni di euro"),
        ("EUR 6.9 million", "Budżet: 6,9 mln EUR"),
        ("EUR 6.9 million", "Budget: EUR 6.9 million (a quote)"),
        ("EUR 6.9 million", "Budget: 7 Mio. €"),  # compact, rounded to the digits shown
        ("EUR 166.04 million", "166,04 Mio. €"),
        ("EUR 600 million", "600.000.000 €"),
        ("EUR 12.5 million", "12,5 mln euro"),
        ("$10 billion", "10 Mrd. $"),
        ("$10 billion", "10 mil millones de dólares"),
        ("$10 billion", "10.000 millones de dólares"),
        ("$10 billion", "10 miliardi di dollari"),
        ("$10 billion", "10 mld USD"),
        ("$10 billion", "The initiative has $10 billion."),
    ],
)
def test_an_amount_counts_in_the_locale_notation(fact: str, written: str) -> None:
    assert contains_local_fact(written, fact, lang="de")


@pytest.mark.parametrize(
    ("fact", "written"),
    [
        ("EUR 6.9 million", "Budget: 6,8 Mio. €"),
        ("EUR 6.9 million", "Budget: 6,9 Mrd. €"),  # billion, not million
        ("EUR 6.9 million", "Budget: 6,9 Mio. $"),  # another currency
        ("EUR 6.9 million", "Frist 2026-05-21, 6,9 Punkte"),  # no currency
        ("EUR 166.04 million", "167 Mio. €"),
        ("$10 billion", "10 Mio. $"),
    ],
)
def test_another_amount_does_not_count(fact: str, written: str) -> None:
    amount = parse_gold_amount(fact)
    assert amount is not None
    assert not contains_amount(written, amount)


def test_a_compact_amount_counts_when_it_is_the_gold_rounded_to_the_digits_shown() -> None:
    amount = parse_gold_amount("EUR 166.04 million")
    assert amount is not None
    assert contains_amount("166 Mio. €", amount)
    assert contains_amount("166,0 Mio. €", amount)
    assert not contains_amount("166,1 Mio. €", amount)


def test_gold_amounts_parse_and_other_facts_are_not_amounts() -> None:
    assert parse_gold_amount("EUR 166.04 million") == Amount("EUR", Decimal("166040000.00"))
    assert parse_gold_amount("$10 billion") == Amount("USD", Decimal(10**10))
    assert parse_gold_amount("EUR 4 million to EUR 8 million") is None
    assert parse_gold_amount("2026-05-21") is None


def test_listed_forms_are_whole_words_with_star_for_endings() -> None:
    assert form_matches("Das ist abgeleitet.", "abgeleitet*")
    assert form_matches("Sektoren (abgeleitete Angaben)", "abgeleitet*")
    assert form_matches("klastry w Hiszpanii", "Hiszpani*")
    assert form_matches("Europejskiego Funduszu Obronnego", "Europejsk* Fundusz* Obronn*")
    assert form_matches("Cet appel est clos.", "clos")
    assert not form_matches("This call is closed.", "clos")  # an English answer is not French
    assert not form_matches("nieabgeleitet", "abgeleitet*")


def _case(**fields: object) -> TranslatedCase:
    base: dict[str, object] = {
        "id": "de-pa-03",
        "en_id": "pa-03",
        "lang": "de",
        "category": "partners",
        "turns": ["Photonik-Cluster in Deutschland"],
        "today": "2026-05-10",
        "must_contain": ["inferred", "Germany"],
        "must_cite": ["cluster:eccp:photonics-bw-e-v"],
        "local_forms": {"inferred": ["abgeleitet*"], "Germany": ["Deutschland"]},
    }
    return TranslatedCase.model_validate(base | fields)


def test_a_listed_form_replaces_the_english_word() -> None:
    case = _case()
    assert case.states("Photonik-Cluster in Deutschland (Sektor abgeleitet)", "Germany")
    assert not case.states("Photonics clusters in Germany (sector inferred)", "Germany")
    assert not case.states("Photonics clusters in Germany (sector inferred)", "inferred")
    # A fact without listed forms is matched as the English case matches it.
    assert case.states("Frist 21.05.2026", "2026-05-21")


def test_parse_languages() -> None:
    assert parse_languages(["all"]) == ("de", "fr", "es", "it", "pl")
    assert parse_languages(["pl", "de-AT", "de"]) == ("de", "pl")
    assert parse_languages(["fr,it"]) == ("fr", "it")
    with pytest.raises(InvalidInput, match="use one of de, fr, es, it, pl or all"):
        parse_languages(["sv"])


def test_recall_at_5_counts_the_gold_in_the_first_five_passages() -> None:
    case = _case()
    assert recall_at_k(case, ["a", "b", "c", "d", "cluster:eccp:photonics-bw-e-v"]) == 1.0
    assert recall_at_k(case, ["a", "b", "c", "d", "e", "cluster:eccp:photonics-bw-e-v"]) == 0.0
    both = _case(must_cite=["x", "y"], must_cite_mode="all")
    assert recall_at_k(both, ["x", "a"]) == 0.5
    assert recall_at_k(_case(must_cite=[], must_contain=[], local_forms={}, grounded=False), ["a"]) is None
