"""Translations (gettext catalogs, English fallback) and locale formatting (corpus.i18n)."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus.i18n import (
    format_date,
    format_money,
    format_number,
    negotiate_language,
    normalise_lang,
    ntranslator,
    translator,
)


@pytest.mark.parametrize(
    ("tag", "lang"),
    [("de-AT", "de"), ("de_AT", "de"), ("PL", "pl"), (" fr-CA ", "fr"), ("es-419", "es"), ("en-GB", "en"),
     ("pt-BR", "en"), ("", "en"), (None, "en"), ("klingon!", "en"), ("x", "en")],
)  # fmt: skip
def test_normalise_lang(tag: str | None, lang: str) -> None:
    assert normalise_lang(tag) == lang


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        ("de-AT,de;q=0.9,en;q=0.5", "de"),
        ("pt-BR,pt;q=0.9,fr;q=0.3,en;q=0.2", "fr"),
        ("en;q=0.2, pl", "pl"),
        ("it;q=0, es;q=0.1", "es"),
        ("fr;q=0.5, it;q=0.5", "fr"),  # equal weights: the first listed
        ("*", "en"),
        ("", "en"),
        (None, "en"),
        ("de;q=abc, it", "it"),  # a malformed weight refuses that range, not the header
        ("ja, zh-CN", "en"),
    ],
)
def test_negotiate_language(header: str | None, lang: str) -> None:
    assert negotiate_language(header) == lang


@pytest.mark.parametrize(
    ("lang", "word"),
    [("en", "deadline"), ("de", "Frist"), ("fr", "date limite"), ("es", "plazo"), ("it", "scadenza"),
     ("pl", "termin"), ("de-AT", "Frist")],
)  # fmt: skip
def test_translator_uses_the_shipped_catalog(lang: str, word: str) -> None:
    assert translator(lang)("deadline") == word


@pytest.mark.parametrize("lang", ["de", "fr", "es", "it", "pl", "en", "pt", "xx"])
def test_a_message_with_no_translation_comes_back_in_english(lang: str) -> None:
    message = "A sentence no catalog has {n}"
    assert translator(lang)(message) == message
    assert translator(lang, domain="no-such-domain")("deadline") == "deadline"
    assert ntranslator(lang)("one {n} thing", "{n} things", 3) == "{n} things"
    assert ntranslator(lang)("one {n} thing", "{n} things", 1) == "one {n} thing"


@pytest.mark.parametrize(
    ("lang", "counts"),
    [
        ("en", ["in 0 days", "in 1 day", "in 2 days", "in 5 days", "in 22 days"]),
        ("de", ["in 0 Tagen", "in 1 Tag", "in 2 Tagen", "in 5 Tagen", "in 22 Tagen"]),
        ("fr", ["dans 0 jour", "dans 1 jour", "dans 2 jours", "dans 5 jours", "dans 22 jours"]),
        ("pl", ["za 0 dni", "za 1 dzień", "za 2 dni", "za 5 dni", "za 22 dni"]),
    ],
)
def test_plural_forms_follow_the_language(lang: str, counts: list[str]) -> None:
    ngettext = ntranslator(lang)
    message = ("deadline {day} (closes in {n} day)", "deadline {day} (closes in {n} days)")
    shown = [ngettext(*message, n).format(day="D", n=n) for n in (0, 1, 2, 5, 22)]
    assert [text.split("(")[1].split(")")[0].split(" ", 1)[1] for text in shown] == counts


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", "2027-02-02"),  # English keeps ISO dates: evals, docs and scripts read them
        ("de", "2. Februar 2027"),
        ("fr", "2 février 2027"),
        ("es", "2 de febrero de 2027"),
        ("it", "2 febbraio 2027"),
        ("pl", "2 lutego 2027"),
        ("de-CH", "2. Februar 2027"),
        ("pt", "2027-02-02"),
    ],
)
def test_format_date(lang: str, shown: str) -> None:
    assert format_date(dt.date(2027, 2, 2), lang) == shown


@pytest.mark.parametrize(
    ("amount", "currency", "lang", "shown"),
    [
        (36_000_000, "EUR", "de", "36 Mio. €"),
        (12_500_000, "EUR", "de", "12,5 Mio. €"),
        (1_250_000_000, "EUR", "de", "1,25 Mrd. €"),
        (60_000, "EUR", "de", "60.000 €"),
        (36_000_000, "EUR", "fr", "36 M €"),
        (60_000, "EUR", "fr", "60\u202f000 €"),
        (12_500_000, "EUR", "it", "12,5 Mln €"),
        (12_500_000, "EUR", "pl", "12,5 mln €"),
        (2_000_000, "EUR", "es", "2 M €"),
        # English euros keep the corpus's own form, which answers have always shown
        (12_500_000, "EUR", "en", "EUR 12.5 million"),
        (60_000, "EUR", "en", "EUR 60,000"),
        (36_000_000, "USD", "en", "$36M"),
    ],
)
def test_format_money(amount: float, currency: str, lang: str, shown: str) -> None:
    assert format_money(amount, currency, lang).replace("\xa0", " ") == shown


@pytest.mark.parametrize(
    ("lang", "shown"), [("en", "12,345.5"), ("de", "12.345,5"), ("it", "12.345,5"), ("fr", "12\u202f345,5")]
)  # fmt: skip
def test_format_number(lang: str, shown: str) -> None:
    assert format_number(12345.5, lang).replace("\xa0", " ") == shown
