"""Which passage sentence answers a question: weighted term coverage plus the kind of answer asked.

Question words are compared as :func:`~assistant.terms.term_key` forms (stems, countries), so
"Norwegian clusters' internationalization" answers "What did Norway do to internationalise?".
Topical words and years weigh 1, the shared vocabulary ("cluster", "funding") a little. The answer
type adds a bonus: a number for "how many/how much", a date for "when", a defining sentence
("A cluster is a ...") for "what is a cluster ...".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.citations import content_tokens
from assistant.refusal import GENERIC_TERMS
from assistant.terms import term_key, term_keys

GENERIC_WEIGHT = 0.3
ANSWER_TYPE_BONUS = 0.3
DEFINITION_BONUS = 1.0
CONTINUATION_SHARE = 0.9
"""A sentence that continues a relevant one ("To address this, ...") scores this share of it."""

_QUESTION_WORDS = frozenset("how many much what which who whom where when why whose does do did".split())
_COUNT = re.compile(r"^\s*how (?:many|much)\b", re.IGNORECASE)
_WHEN = re.compile(r"^\s*(?:when|in which year|what year)\b", re.IGNORECASE)
_DEFINITION = re.compile(
    r"^\s*(?:what (?:is|are) (?:an?\s+|the\s+)?|define\s+(?:an?\s+)?|definition of (?:an?\s+)?)"
    r"([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"(?:\$|€|EUR\s?)?\b\d[\d,.]*\b")
_COUNT_ANYWHERE = re.compile(
    r"\b(?:how (?:many|much)|wie ?viel(?:e[nmrs]?)?|combien|cu[aá]nt[oa]s?|quant[ioea]|il[eu]|ilo[sś][cć])\b",
    re.IGNORECASE,
)
"""A question asking for a number in any of the six languages ("wie viele", "combien", "cuántos",
"quanti", "ile"/"ilu"), wherever it stands ("Z ilu krajów ...", "Les ... venaient de combien de pays")."""
_WHEN_ANYWHERE = re.compile(
    r"\b(?:when|which year|what year|wann|welche[mn]? jahr|quand|quelle ann[ée]e|cu[aá]ndo|qu[eé] a[nñ]o"
    r"|quando|(?:che|quale) anno|kiedy|kt[oó]r(?:y|ego|ym) rok(?:u)?)\b",
    re.IGNORECASE,
)
"""A question asking for a year or date in any of the six languages ("seit wann", "bis zu welchem
Jahr", "jusqu'à quelle année", "hasta qué año", "fino a che anno", "do którego roku")."""
_DATE_PART = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?(?:\s+of)?\s+(?:january|february|march"
    r"|april|may|june|july|august|september|october|november|december)\b"
    r"|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)\b|\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)
"""Numbers that are part of a date ("16-17th of May", "May 16", "2017"): no answer to "how many"."""
_DATE = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:january|february|march|april|may|june|july|august|september|october"
    r"|november|december)\b",
    re.IGNORECASE,
)
_CONTINUATION = re.compile(
    r"^\s*(?:to (?:address|tackle|solve|achieve|do) (?:this|that|these)|this|these|as a result|therefore"
    r"|in response|to that end|for this reason|consequently|thus)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class QuestionProfile:
    """What a sentence must hold to answer a question."""

    weights: dict[str, float]
    """Term key → weight (topical words and years 1, shared vocabulary :data:`GENERIC_WEIGHT`)."""
    numbers: frozenset[str]
    """Numbers written in the question (an answer must bring another)."""
    count: bool
    when: bool
    defined: str | None
    """The term a "what is a X" question defines, lower-case."""


def question_profile(question: str) -> QuestionProfile:
    """The weighted terms and answer type of ``question``."""
    weights: dict[str, float] = {}
    for word in content_tokens(question):
        if word in _QUESTION_WORDS:
            continue
        weight = GENERIC_WEIGHT if word in GENERIC_TERMS or (word.isdigit() and len(word) != 4) else 1.0
        key = term_key(word)
        weights[key] = max(weights.get(key, 0.0), weight)
    definition = _DEFINITION.match(question)
    defined = definition.group(1).lower() if definition else None
    if defined is not None:
        defined = " ".join(w for w in defined.split() if w not in {"according", "in", "for", "of"}) or None
    return QuestionProfile(
        weights=weights,
        numbers=frozenset(_NUMBER.findall(question)),
        count=bool(_COUNT.match(question)),
        when=bool(_WHEN.match(question)),
        defined=defined,
    )


def sentence_score(sentence: str, profile: QuestionProfile, *, closeness: float = 0.0) -> float:
    """Weighted share of the question's terms in ``sentence`` plus answer-type bonuses (0 if none).

    ``closeness`` is relevance measured another way (a question not in English shares few words
    with an English sentence: its multilingual similarity, see ``assistant.policy``); it adds to the
    share, so a close sentence gets the answer-type bonuses too ("wie viele" → a number)."""
    whole = sum(profile.weights.values())
    keys = term_keys(sentence)
    share = sum(w for key, w in profile.weights.items() if key in keys) / whole if whole else 0.0
    share += closeness
    if share == 0:
        return 0.0
    if profile.count and quantities(sentence) - profile.numbers:
        share += ANSWER_TYPE_BONUS
    if profile.when and _DATE.search(sentence):
        share += ANSWER_TYPE_BONUS
    if profile.defined and defines(sentence, profile.defined):
        share += DEFINITION_BONUS
    return share


def asks_count(question: str) -> bool:
    """Whether ``question``, in any of the six languages, asks how many or how much."""
    return bool(_COUNT.match(question) or _COUNT_ANYWHERE.search(question))


def asks_when(question: str) -> bool:
    """Whether ``question``, in any of the six languages, asks when or which year."""
    return bool(_WHEN.match(question) or _WHEN_ANYWHERE.search(question))


def quantities(sentence: str) -> set[str]:
    """The numbers of ``sentence`` that may answer "how many": not the days and years of its dates."""
    return set(_NUMBER.findall(_DATE_PART.sub(" ", sentence)))


def has_answer_type(sentence: str, profile: QuestionProfile) -> bool:
    """Whether ``sentence`` holds the kind of answer ``profile`` asks for: a new number for "how
    many", a date for "when" (True when the question asks for neither)."""
    if profile.count and not quantities(sentence) - profile.numbers:
        return False
    return not (profile.when and not _DATE.search(sentence))


def defines(sentence: str, term: str) -> bool:
    """Whether ``sentence`` defines ``term`` ("A cluster is a ...", "Clusters are ...", "Cluster: a ...")."""
    words = r"\s+".join(re.escape(word) for word in term.split())
    pattern = rf"^\W*(?:an?\s+|the\s+)?{words}s?\s*(?:is|are|:|—|-|means|refers to)\s+(?:an?\b|the\b|\w+)"
    return re.search(pattern, sentence, re.IGNORECASE) is not None


def continues(sentence: str) -> bool:
    """Whether ``sentence`` continues the one before it ("To address this, Norway ...")."""
    return bool(_CONTINUATION.match(sentence))
