"""What the product writes, in the asker's language: gettext translations and Babel formatting.

- :func:`translator` / :func:`ntranslator` give the ``gettext`` / ``ngettext`` of one language and
  catalog domain (``messages`` for answers, ``web`` for the chat page, ``triage`` for triage cards;
  catalogs in :mod:`corpus.catalogs`). A message with no translation comes back as the English
  message itself, never as an empty string or an error.
- :func:`format_date`, :func:`format_money`, :func:`format_number` write dates, amounts and numbers
  the locale's way ("2. Februar 2027", "36 Mio. €"). English keeps what answers printed before
  languages existed (ISO dates, "EUR 12.5 million"): evals, docs and users' scripts read them.
- :func:`normalise_lang` and :func:`negotiate_language` turn a language tag or an HTTP
  ``Accept-Language`` header into one of the supported languages.
"""

from __future__ import annotations

import datetime as dt
import gettext
import re
from collections.abc import Callable
from functools import cache

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.numbers import format_compact_currency, format_currency, format_decimal

from corpus.catalogs import load_translations
from corpus.languages import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES

DOMAINS: tuple[str, ...] = ("messages", "web", "triage")
"""The catalog domains; each has one owner and one ``.pot`` template."""

_TAG = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$")


def normalise_lang(tag: str | None) -> str:
    """A supported language from a language tag: ``"de-AT"`` → ``"de"``, ``"PL"`` → ``"pl"``;
    an unknown, unsupported or missing tag → ``"en"``."""
    match = _TAG.match(tag or "")
    lang = match.group(1).lower() if match else ""
    return lang if lang in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def negotiate_language(accept_language: str | None) -> str:
    """The supported language an HTTP ``Accept-Language`` header prefers most.

    ``"de-AT,de;q=0.9,en;q=0.5"`` → ``"de"``; ranges with ``q=0`` are refused; ``*``, an empty
    or malformed header, or one naming no supported language → ``"en"``.
    """
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        match = _TAG.match(tag)
        if match and quality > 0 and match.group(1).lower() in SUPPORTED_LANGUAGES:
            ranked.append((-quality, position, match.group(1).lower()))
    return min(ranked)[2] if ranked else DEFAULT_LANGUAGE


@cache
def _translations(lang: str, domain: str) -> gettext.NullTranslations:
    if lang == DEFAULT_LANGUAGE:  # the messages are written in English
        return gettext.NullTranslations()
    return load_translations(lang, domain)


def translator(lang: str, domain: str = "messages") -> Callable[[str], str]:
    """The ``gettext`` of one language: ``_ = translator("de"); _("Open calls")``.

    Args:
        lang: A language tag (normalised with :func:`normalise_lang`).
        domain: The catalog domain.

    Returns:
        A function from an English message to its translation, or to the message itself when the
        catalog has none (never ``""``).
    """
    translations = _translations(normalise_lang(lang), domain)

    def translate(message: str) -> str:
        return translations.gettext(message) or message

    return translate


def ntranslator(lang: str, domain: str = "messages") -> Callable[[str, str, int], str]:
    """The ``ngettext`` of one language: ``ngettext("{n} call", "{n} calls", n)`` with the
    language's plural rules (Polish has three forms); English forms when there is no translation."""
    translations = _translations(normalise_lang(lang), domain)

    def translate_plural(singular: str, plural: str, count: int) -> str:
        return translations.ngettext(singular, plural, count) or (singular if count == 1 else plural)

    return translate_plural


def format_date(value: dt.date, lang: str) -> str:
    """A date for an answer: ISO in English ("2027-02-02", what evals and scripts read), the
    locale's long form elsewhere ("2. Februar 2027", "2 février 2027", "2 lutego 2027")."""
    lang = normalise_lang(lang)
    if lang == DEFAULT_LANGUAGE:
        return value.isoformat()
    return babel_format_date(value, format="long", locale=lang)


def format_number(value: float, lang: str) -> str:
    """A number with the locale's separators: ``12345.5`` → "12,345.5" / "12.345,5" / "12 345,5"."""
    return format_decimal(value, locale=normalise_lang(lang))


@cache
def _whole_currency_pattern(lang: str) -> str:
    pattern: str = Locale.parse(lang).currency_formats["standard"].pattern
    return pattern.replace(".00", "")


def format_money(amount: float, currency: str, lang: str) -> str:
    """An amount of money: compact from a million on ("36 Mio. €", "12,5 M €", "1,25 mld €"),
    whole units below ("60.000 €"). English euros keep the corpus's "EUR 12.5 million" /
    "EUR 60,000"; other English currencies use Babel's ("$36M")."""
    lang = normalise_lang(lang)
    if lang == DEFAULT_LANGUAGE and currency.upper() == "EUR":
        # The corpus's own form, which English answers have always shown (imported here: the
        # chunker's text splitter is not needed to format a date or a number).
        from corpus.chunking import format_eur

        return format_eur(amount) or ""
    if abs(amount) >= 1_000_000:
        return format_compact_currency(amount, currency, locale=lang, fraction_digits=2)
    return format_currency(
        round(amount), currency, format=_whole_currency_pattern(lang), locale=lang, currency_digits=False
    )
