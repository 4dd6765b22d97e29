"""Term matching shared by evidence scoring and sentence selection: stems, places, rarity.

Question and passage words are compared as Snowball stems (with "-ize" spelt "-ise", so
"internationalization" ~ "internationalise"), and a country's name and adjective are the same term
("Norwegian" ~ "Norway"). Rarity weights come from the lexical index's document frequencies, so a
rare word of a question ("underwater", "penguin") counts for more than a common one ("innovation").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

import Stemmer  # type: ignore[import-not-found]  # PyStemmer ships no type stubs

from assistant.citations import content_tokens
from corpus.places import COUNTRY_FORMS
from retrieval.analysis import fold, tokenize
from retrieval.index import SearchIndex

_STEMMER = Stemmer.Stemmer("english")
_WORD = re.compile(r"\w+", re.UNICODE)
_IZE = re.compile(r"(?<=[a-z]{3})iz(e|es|ed|ing|ation|ations|er|ers)$")
_COUNTRY_WORDS: dict[str, str] = {
    fold(form): f"country:{code.lower()}"
    for code, forms in COUNTRY_FORMS.items()
    for form in forms
    if " " not in form and len(form) > 3
}
"""Single-word country names, adjectives and demonyms (folded) → one term per country."""


@lru_cache(maxsize=65536)
def term_key(word: str) -> str:
    """The comparable form of a lower-case word: its country, or its stem ("-ize" as "-ise")."""
    folded = fold(word)
    country = _COUNTRY_WORDS.get(folded) or _COUNTRY_WORDS.get(folded + "s")
    if country:
        return country
    stem: str = _STEMMER.stemWord(_IZE.sub(r"is\1", folded))
    return stem


def term_keys(text: str) -> set[str]:
    """The comparable forms of the content words of ``text``."""
    return {term_key(word) for word in content_tokens(text)}


def rarity_weights(index: SearchIndex, terms: Iterable[str]) -> dict[str, float]:
    """An IDF-like weight per term from the lexical index (unknown or unindexed terms weigh most)."""
    total = len(index.catalog)
    weights: dict[str, float] = {}
    for term in terms:
        if not tokenize(term):
            continue  # a stop-word of the lexical index ("through"): says nothing about the topic
        found = len(index.lexical.search(term, n=total)) if total else 0
        weights[term] = math.log((total + 1) / (found + 1)) + 1.0
    return weights


def weighted_coverage(terms: Mapping[str, float] | Mapping[frozenset[str], float], keys: set[str]) -> float:
    """Weighted share (0..1) of ``terms`` whose comparable form is in ``keys``: word → weight, or a
    group of words that stand for one (a foreign word's translations) → weight, covered by any."""
    whole = sum(terms.values())
    if whole <= 0:
        return 0.0
    covered = sum(
        weight
        for term, weight in terms.items()
        if (term_key(term) in keys if isinstance(term, str) else {term_key(word) for word in term} & keys)
    )
    return covered / whole


def ordered_keys(text: str) -> list[str]:
    """The comparable forms of the content words of ``text``, in reading order (repeats kept)."""
    keys: list[str] = []
    for word in _WORD.findall(text.lower()):
        tokens = content_tokens(word)
        if tokens:
            keys.append(term_key(next(iter(tokens))))
    return keys


def bigrams(keys: list[str]) -> set[tuple[str, str]]:
    """Adjacent pairs of ``keys`` ("technology hubs" → ``("technolog", "hub")``)."""
    return set(zip(keys, keys[1:], strict=False))


def phrase_share(question_pairs: set[tuple[str, str]], text: str) -> float:
    """Share (0..1) of the question's adjacent word pairs that are adjacent in ``text`` too."""
    if not question_pairs:
        return 0.0
    return len(question_pairs & bigrams(ordered_keys(text))) / len(question_pairs)
