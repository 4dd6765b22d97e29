"""Text analysis shared by the lexical index and query understanding: folding and tokenising.

The BM25 tokenizer lowercases, folds accents (``Mobilitätscluster`` → ``mobilitatscluster``), keeps
hyphenated identifiers whole *and* split (``HORIZON-CL3-2027-01-SSRI-01`` gives the whole token
plus ``horizon``, ``cl3``, ``2027``, ...), drops English stopwords, unifies British/American ``-ise``
spellings and stems with Snowball, so that "batteries" finds "battery".
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer  # type: ignore[import-not-found]  # PyStemmer ships no type stubs

from corpus.folding import fold as fold
from corpus.folding import strip_accents as strip_accents

_WORD = re.compile(r"[a-z0-9]+(?:[-_/][a-z0-9]+)*")
_RAW_WORD = re.compile(r"[A-Za-z0-9]+")
_IZE = re.compile(r"(?<=[a-z]{3})iz(e|es|ed|ing|ation|ations|er|ers)$")

STOPWORDS_EN = frozenset(
    """a about above after again against all am an and any are aren't as at be because been before
    being below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was we were what when where which while who whom
    why will with would you your yours yourself yourselves please tell show find give list want
    looking need us""".split()
)
"""English stopwords (a classic list plus request verbs common in questions: "show me", "find")."""

_STEMMER = Stemmer.Stemmer("english")


def plain_words(text: str) -> list[str]:
    """Alphanumeric runs with accents stripped and case kept: ``"EV-batteries in Łódź"`` →
    ``["EV", "batteries", "in", "Lodz"]`` (for phrase matching that may need the case)."""
    return _RAW_WORD.findall(strip_accents(text))


def words(text: str) -> list[str]:
    """Folded word tokens with compound (hyphenated) words kept whole, no stopword removal."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    stem: str = _STEMMER.stemWord(_IZE.sub(r"is\1", word))
    return stem


def tokenize(text: str) -> list[str]:
    """BM25 tokens of ``text``: compound tokens whole and split, stopwords out, stemmed.

    Args:
        text: Any text (a passage, a title, a query).

    Returns:
        Tokens in reading order; a compound word yields its whole form first, then its parts.
    """
    tokens: list[str] = []
    for word in words(text):
        if "-" in word or "_" in word or "/" in word:
            tokens.append(word)
            tokens.extend(_stem(part) for part in re.split(r"[-_/]", word) if part not in STOPWORDS_EN)
        elif word not in STOPWORDS_EN:
            tokens.append(_stem(word))
    return tokens


def phrase_key(text: str) -> tuple[str, ...]:
    """Lowercased plain words of a name or title, for exact phrase matching in a query (no stemming)."""
    return tuple(word.lower() for word in plain_words(text))
