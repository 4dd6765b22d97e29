"""Which language a question is written in: the six the product answers in, and the others it names.

Two lingua detectors, each built once on first use and cached for the process:

- the *answer* detector, in lingua's high-accuracy mode (1- to 5-gram models, made for short text),
  over the six supported languages only;
- the *outside* detector, in low-accuracy mode (trigrams), over the 23 official EU languages lingua
  has (all but Maltese), which tells a Portuguese or Dutch question apart so that it gets an
  English answer that says so.

Why not one high-accuracy detector over the 23: it takes 743 MB of RSS and 6.2 s to load on the
project machine; the two detectors take 272 MB (212 + 60) and under 1 s (docs/languages.md has the
figures and how they were measured).

Questions are short and code-mixed ("open calls für Wasserstoff", "calls for hydrogen in Bayern"),
so before detection acronyms and identifiers in capitals, the words every language here borrows
from English ("call", "cluster", "partner", ...) and capitalised words after the first (place and
programme names) are set aside while enough words remain. When in doubt the answer is English, the
corpus's language: a top confidence below :data:`MIN_CONFIDENCE`, another language less than
:data:`ENGLISH_MARGIN` ahead of English, or the whole text read as English. The thresholds and
filters were chosen on the ``tune`` split of ``evals/datasets/languages.jsonl`` plus the English
questions of the answers and questions evals, and checked on a hold-out (figures in
docs/languages.md).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "it", "pl")
"""The languages answers are written in (ISO 639-1); the first is the default."""

DEFAULT_LANGUAGE = SUPPORTED_LANGUAGES[0]

EU_LANGUAGES: tuple[str, ...] = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
)  # fmt: skip
"""The official EU languages the outside detector knows (lingua has no Maltese model)."""

MIN_CONFIDENCE = 0.4
"""Below this top confidence of the answer detector the question is taken as English. Tuned on the
``tune`` split: 0.3-0.45 tie (56/62 with the filters); lower lets "Horizon Europe" read as Spanish."""

ENGLISH_MARGIN = 0.2
"""Another supported language must lead English by this much confidence ("semiconductor clusters in
Austria" read Spanish by 0.49 against English's 0.37 is English)."""

MIN_OUTSIDE_CONFIDENCE = 0.9
"""The outside detector must be this sure of a language outside the six (and see three words) before
the answer says the language is not supported: its trigram mode is overconfident on short text
("et la date limite ?" → Romanian 0.68)."""

ENGLISH_FUNCTION_WORDS = frozenset("the of for with about which what any are is there on from and".split())
"""Small English words no other supported language writes: a question holding one is English unless
the detector is sure otherwise ("open calls on hydrogen": with "open calls" set aside, lingua reads
"on hydrogen" as German at 0.47)."""
SURE_DESPITE_ENGLISH = 0.6
"""Confidence another language needs when the text holds an English function word."""

MIN_LETTERS = 3
"""Fewer letters than this ("ok", "?", "42") is not a language: English."""

BORROWED_WORDS = frozenset(
    "open call calls cluster clusters partner partners deadline deadlines budget budgets "
    "sme smes startup startups hub hubs network networks".split()
)
"""English words questions in every supported language use as they are ("open calls für ...")."""

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CODED_TOKEN = re.compile(r"\S*(?:\d|_)\S*")
"""A token with a digit or an underscore ("cef_t_2026_simobgen_newtech_works", "horizon-cl5-2026-d3-01",
"30"): an identifier or a number, in no language; its letters read as gibberish of some language."""


@dataclass(frozen=True)
class Detection:
    """The language of one text.

    Attributes:
        lang: ISO 639-1 code of the detected language (``"en"`` when unsure); may be outside
            :data:`SUPPORTED_LANGUAGES`.
        confidence: The detector's confidence in ``lang``, 0..1 (0 when the text has no words).
        supported: Whether ``lang`` is one of :data:`SUPPORTED_LANGUAGES`.
    """

    lang: str
    confidence: float
    supported: bool


@cache
def _answer_detector() -> LanguageDetector:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, lang.upper()) for lang in SUPPORTED_LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_preloaded_language_models().build()


@cache
def _outside_detector() -> LanguageDetector:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, lang.upper()) for lang in EU_LANGUAGES]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode()
    return builder.with_preloaded_language_models().build()


_warming = threading.Lock()


def warm_up() -> None:
    """Build both detectors now (2–8 s, ~250 MB), so that no asker's first question waits for them.

    The server calls it in a background thread at start-up; a question arriving meanwhile waits on
    the same lock instead of building a second copy.
    """
    _built(_answer_detector)
    _built(_outside_detector)


def _built(builder: Callable[[], LanguageDetector]) -> LanguageDetector:
    """The cached detector, built once even when several threads ask for it at the same time."""
    with _warming:
        return builder()


def detectors_ready() -> bool:
    """Whether both detectors are built (so a detection now takes a millisecond, not seconds)."""
    return _answer_detector.cache_info().currsize > 0 and _outside_detector.cache_info().currsize > 0


def start_warm_up() -> threading.Thread:
    """:func:`warm_up` in a daemon thread (returned, for tests and callers that want to wait)."""
    thread = threading.Thread(target=warm_up, name="language-detectors", daemon=True)
    thread.start()
    return thread


def _confidences(detector: LanguageDetector, text: str) -> list[tuple[str, float]]:
    """``(lang, confidence)`` pairs, most likely first."""
    return [
        (value.language.iso_code_639_1.name.lower(), value.value)
        for value in detector.compute_language_confidence_values(text)
    ]


def _telling_words(words: list[str]) -> list[str]:
    """The words that tell the language: without acronyms and identifiers in capitals, borrowed
    English words and later capitalised names; each filter applied only while enough words remain."""
    kept = [word for word in words if not (len(word) >= 2 and word.isupper())]
    words = kept or words
    kept = [word for word in words if word.lower() not in BORROWED_WORDS]
    words = kept if len(kept) >= 2 else words
    kept = [word for position, word in enumerate(words) if position == 0 or not word[0].isupper()]
    return kept if len(kept) >= 2 else words


def detect_language(text: str) -> Detection:
    """The language a question is written in; English when the text is too short or unclear.

    Args:
        text: A question or message, possibly short ("Danke") or code-mixed ("open calls für
            Wasserstoff").

    Returns:
        The detected language. ``supported`` is False for a language outside the six (a
        Portuguese question), which is then answered in English with a note.
    """
    words = _WORD.findall(_CODED_TOKEN.sub(" ", text))
    if sum(len(word) for word in words) < MIN_LETTERS:
        return Detection(DEFAULT_LANGUAGE, 0.0, True)
    telling = " ".join(_telling_words(words))
    if len(telling.split()) >= 3:
        outside, outside_confidence = _confidences(_built(_outside_detector), telling)[0]
        if outside not in SUPPORTED_LANGUAGES and outside_confidence >= MIN_OUTSIDE_CONFIDENCE:
            return Detection(outside, outside_confidence, False)
    scores = _confidences(_built(_answer_detector), telling)
    lang, confidence = scores[0]
    english = dict(scores).get(DEFAULT_LANGUAGE, 0.0)
    if lang != DEFAULT_LANGUAGE and (
        confidence < MIN_CONFIDENCE
        or confidence - english < ENGLISH_MARGIN
        or _confidences(_built(_answer_detector), " ".join(words))[0][0] == DEFAULT_LANGUAGE
        or (confidence < SURE_DESPITE_ENGLISH and any(w.lower() in ENGLISH_FUNCTION_WORDS for w in words))
    ):
        return Detection(DEFAULT_LANGUAGE, english, True)
    return Detection(lang, confidence, True)
