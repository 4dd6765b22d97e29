"""Gold facts of the translated answers eval, matched in the language of the answer (pure functions).

The translated cases keep the English case's ``must_contain`` exactly; what changes is what counts as
saying the fact in another language (docs/languages-eval.md):

- an ISO date counts when written as ISO or in the language's Babel long, medium, short or full
  format ("2026-05-21", "21. Mai 2026", "21.05.2026"; French also "1er octobre 2026");
- an amount ("EUR 6.9 million", "$10 billion") counts when written as in the gold or as a number in
  the language's or English notation with a scale word and the currency ("6,9 Mio. €",
  "10 mil millones de dólares"), rounded no further than the digits shown ("7 Mio. €" is 6.9
  million written compactly, as Babel's compact currency format does);
- a word or phrase the product writes in English ("inferred", "closed", "Germany") counts only in
  the forms the case lists for its language (``local_forms``): whole words, ``*`` standing for any
  letters so that one form covers declensions ("Hiszpani*", "zamknięt*").

The eval does not call the product's formatter (``corpus/i18n.py``); it formats the gold itself, so
a bug there shows up here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from babel.dates import format_date

from evals.answers_eval import contains_fact, fact_kind

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_GOLD_MONEY = re.compile(r"^(?P<currency>EUR |\$)(?P<amount>\d+(?:\.\d+)?) (?P<scale>million|billion)$")
_SCALES = {"million": Decimal(10**6), "billion": Decimal(10**9)}
# Scale words and abbreviations, all languages at once (lower case): an amount in a German answer
# may sit in an English quote, and the words do not collide across the six languages.
_MILLION = r"mio\.?|millionen|million[se]?|milioni|milione|millón|millones|milion(?:y|ów|a)?|mln\.?|mn|m"
_BILLION = (
    r"mrd\.?|milliarden?|milliards?|mds?|mil millones|mil m|miliard(?:o|i|y|ów)?|mld\.?|mld|billions?|bn|b"
)
_CURRENCY = {
    "EUR": r"€|eur|euros?|euro",
    "USD": r"us\$|\$us|\$|usd|us-dollar|dollars?|dólar(?:es)?|dollari|dolar(?:y|ów)?",
}
_NUMBER = r"\d+(?:[., ]\d{3})*(?:[.,]\d+)?"


def normalised(text: str) -> str:
    """Lower case, curly apostrophes straightened, every run of whitespace (also no-break) one space."""
    return " ".join(text.translate(_QUOTES).lower().split())


# --- listed forms -----------------------------------------------------------------------------------


@cache
def _form_pattern(form: str) -> re.Pattern[str]:
    parts = normalised(form).split("*")
    body = r"\w*".join(re.escape(part) for part in parts)
    end = "" if form.endswith("*") else r"(?!\w)"
    return re.compile(r"(?<!\w)" + body + end)


def form_matches(text: str, form: str) -> bool:
    """Whether ``form`` occurs in ``text`` as whole words (``*`` = any letters; case ignored)."""
    return _form_pattern(form).search(normalised(text)) is not None


# --- dates --------------------------------------------------------------------------------------------


def date_forms(value: dt.date, lang: str) -> tuple[str, ...]:
    """How an answer in ``lang`` may write ``value``: ISO, or Babel's long/medium/short/full format."""
    forms = [value.isoformat()]
    forms.extend(
        format_date(value, format=style, locale=lang) for style in ("long", "medium", "short", "full")
    )
    if lang == "fr" and value.day == 1:
        # French writes the first of the month "1er"; CLDR's pattern has a plain "1".
        forms.append(f"1er {format_date(value, format='MMMM y', locale=lang)}")
    return tuple(dict.fromkeys(forms))


def contains_date(text: str, value: dt.date, lang: str) -> bool:
    """Whether ``text`` writes ``value`` in one of :func:`date_forms` (not as part of a longer number)."""
    flat = normalised(text)
    for form in date_forms(value, lang):
        wanted = normalised(form)
        if re.search(r"(?<![\d])" + re.escape(wanted) + r"(?!\d)", flat):
            return True
    return False


# --- money ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Amount:
    """An amount of money: ``value`` in units of ``currency`` (EUR, USD)."""

    currency: str
    value: Decimal


def parse_gold_amount(fact: str) -> Amount | None:
    """The amount of a gold fact written like "EUR 6.9 million" or "$10 billion"; None for other facts."""
    match = _GOLD_MONEY.match(fact.strip())
    if match is None:
        return None
    currency = "EUR" if match["currency"].strip() == "EUR" else "USD"
    return Amount(currency, Decimal(match["amount"]) * _SCALES[match["scale"]])


@cache
def _amount_patterns(currency: str) -> tuple[re.Pattern[str], ...]:
    mark = _CURRENCY[currency]
    scale = rf"(?:(?P<billion>{_BILLION})|(?P<million>{_MILLION}))"
    number = rf"(?<![\w.,])(?P<number>{_NUMBER})"
    return (
        # "EUR 6,9 Mio.", "€6.9M", "$10 billion"
        re.compile(rf"(?<!\w)(?:{mark}) ?{number} ?{scale}?(?!\w)"),
        # "6,9 Mio. €", "10 miliardi di dollari", "10 mil millones de dólares", "600 mln euro"
        re.compile(rf"{number} ?{scale}? ?(?:de |di |d'|del )?(?:{mark})(?!\w)"),
    )


def _readings(number: str) -> Iterator[tuple[Decimal, int]]:
    """Each value ``number`` can stand for, with its decimals: comma or point as the decimal mark."""
    for decimal_mark, group_marks in ((",", ". "), (".", ", ")):
        digits = number
        for mark in group_marks:
            digits = digits.replace(mark, "")
        head, _, tail = digits.partition(decimal_mark)
        if not head.isdigit() or (tail and not tail.isdigit()) or decimal_mark in tail:
            continue
        try:
            yield Decimal(f"{head}.{tail}" if tail else head), len(tail)
        except InvalidOperation:  # pragma: no cover - digits only by construction
            continue


def amounts_in(text: str, currency: str) -> Iterable[tuple[Decimal, Decimal]]:
    """Every ``(value, tolerance)`` an amount in ``currency`` in ``text`` can be read as."""
    flat = normalised(text)
    for pattern in _amount_patterns(currency):
        for match in pattern.finditer(flat):
            scale = Decimal(10**9) if match["billion"] else Decimal(10**6) if match["million"] else Decimal(1)
            for value, decimals in _readings(match["number"]):
                yield value * scale, scale * Decimal(5) / Decimal(10 ** (decimals + 1))


def contains_amount(text: str, amount: Amount) -> bool:
    """Whether ``text`` states ``amount``, to the precision it shows (see the module docstring)."""
    return any(
        abs(value - amount.value) <= tolerance for value, tolerance in amounts_in(text, amount.currency)
    )


# --- one fact --------------------------------------------------------------------------------------------


def contains_local_fact(text: str, fact: str, *, lang: str, forms: Iterable[str] | None = None) -> bool:
    """Whether an answer in ``lang`` states the English gold ``fact``.

    Args:
        text: The answer.
        fact: A ``must_contain`` entry of the English case.
        lang: The language of the question (ISO 639-1).
        forms: The case's listed forms of ``fact`` in ``lang``; when given, only they count.
    """
    if forms is not None:
        return any(form_matches(text, form) for form in forms)
    if fact_kind(fact) == "date":
        return contains_date(text, dt.date.fromisoformat(fact.strip()), lang)
    amount = parse_gold_amount(fact)
    if amount is not None:
        return contains_fact(text, fact) or contains_amount(text, amount)
    return contains_fact(text, fact)
