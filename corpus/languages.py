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
    _place_words()
    _country_name_languages()


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


def _telling_words(words: list[str], *, keep_nouns: bool = False) -> list[str]:
    """The words that tell the language: without acronyms and identifiers in capitals, borrowed
    English words and later capitalised names (with ``keep_nouns``, only place names: German
    capitalises every noun); each filter applied only while enough words remain."""
    kept = [word for word in words if not (len(word) >= 2 and word.isupper())]
    words = kept or words
    kept = [word for word in words if word.lower() not in BORROWED_WORDS]
    words = kept if len(kept) >= 2 else words
    kept = [
        word
        for position, word in enumerate(words)
        if position == 0 or not word[0].isupper() or (keep_nouns and not _names_place(word))
    ]
    return kept if len(kept) >= 2 else words


@cache
def _place_words() -> frozenset[str]:
    """Every word of the place table's names (countries in the EU languages, regions, cities,
    macro-regions, Europe), folded."""
    from corpus.folding import fold
    from corpus.places import COUNTRY_FORMS, MACRO_REGION_FORM_TABLE, REGION_FORM_TABLE, cldr_region_names

    tables = (COUNTRY_FORMS, REGION_FORM_TABLE, MACRO_REGION_FORM_TABLE)
    names = [
        *(form for table in tables for forms in table.values() for form in forms),
        *cldr_region_names("150"),
    ]
    return frozenset(fold(word) for name in names for word in _WORD.findall(name))


def _names_place(word: str) -> bool:
    from corpus.folding import fold

    return fold(word) in _place_words()


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
    named_in = _languages_naming_places(words)
    if len(telling.split()) >= 3:
        outside, outside_confidence = _confidences(_built(_outside_detector), telling)[0]
        # The trigram detector must name the language on the whole text too, and the text must not
        # name a country as only the six write it: on a few words it is sure of the wrong language
        # ("Clústeres de la industria química en" is Estonian, "... en Polonia" is not).
        if (
            outside not in SUPPORTED_LANGUAGES
            and outside_confidence >= MIN_OUTSIDE_CONFIDENCE
            and _confidences(_built(_outside_detector), " ".join(words))[0][0] == outside
            and (named_in is None or outside in named_in)
        ):
            return Detection(outside, outside_confidence, False)
    detection = _supported_language(words, telling)
    hinted = _named_as(named_in, telling) if not _has_english_function_word(words) else None
    if hinted is not None and detection.lang not in (named_in or ()):
        return hinted
    if detection.lang == DEFAULT_LANGUAGE and not _has_english_function_word(words):
        # Unsure with the capitalised words set aside; German capitalises its nouns, which tell the
        # language ("Cluster der Lebensmittelwirtschaft in Italien" is more than "der in").
        nouns = " ".join(_telling_words(words, keep_nouns=True))
        if nouns != telling:
            with_nouns = _supported_language(words, nouns)
            if with_nouns.lang == "de":  # the one language that capitalises nouns
                return with_nouns
    return detection


def _has_english_function_word(words: list[str]) -> bool:
    return any(word.lower() in ENGLISH_FUNCTION_WORDS for word in words)


@cache
def _country_name_languages() -> dict[str, frozenset[str]]:
    """Each country name as an EU language writes it (CLDR, with the Polish and German case forms,
    accents kept, case ignored) → the languages that write it so ("pologne" → fr, "polonia" → es,
    it, ro, ...; "włoszech" → pl)."""
    from corpus.place_names import IRREGULAR_FORMS
    from corpus.places import ISO2_CODES, case_forms, cldr_country_names

    table: dict[str, set[str]] = {}
    for code in ISO2_CODES:
        for lang, name in cldr_country_names(code).items():
            for form in (name, *case_forms(name, lang)):
                table.setdefault(form.casefold(), set()).add(lang)
    for lang, irregular in IRREGULAR_FORMS.items():
        for forms in irregular.values():
            for form in forms.split(";"):
                table.setdefault(form.strip().casefold(), set()).add(lang)
    return {form: frozenset(langs) for form, langs in table.items()}


def _languages_naming_places(words: list[str]) -> frozenset[str] | None:
    """The languages that write every country the text names as it names them (None: it names none,
    or no language writes them all so)."""
    table = _country_name_languages()
    found: list[frozenset[str]] = []
    lowered = [word.casefold() for word in words]
    position = 0
    while position < len(lowered):
        pair = " ".join(lowered[position : position + 2])
        if position + 1 < len(lowered) and pair in table:
            found.append(table[pair])
            position += 2
            continue
        if lowered[position] in table and words[position][0].isupper():
            found.append(table[lowered[position]])
        position += 1
    if not found:
        return None
    common = frozenset.intersection(*found)
    return common or None


def _named_as(named_in: frozenset[str] | None, telling: str) -> Detection | None:
    """The language the country names are written in, when English does not write them so: the one of
    the six that does ("Clusters biotech en Espagne" is French), else the one of them the detector
    reads best, if at least as well as English ("Cluster ICT in Polonia" is Italian, not Spanish)."""
    if named_in is None or DEFAULT_LANGUAGE in named_in:
        return None
    scores = dict(_confidences(_built(_answer_detector), telling))
    english = scores.get(DEFAULT_LANGUAGE, 0.0)
    named = [lang for lang in SUPPORTED_LANGUAGES if lang in named_in]
    if len(named) == 1:  # only one of the six writes the name so: "Clusters biotech en Espagne"
        return Detection(named[0], scores.get(named[0], 0.0), True)
    candidates = [lang for lang in named if scores.get(lang, 0.0) >= english]
    if not candidates:
        return None
    best = max(candidates, key=lambda lang: scores.get(lang, 0.0))
    return Detection(best, scores.get(best, 0.0), True)


def _supported_language(words: list[str], telling: str) -> Detection:
    """The answer detector's reading of ``telling`` (English when unsure, see :func:`detect_language`)."""
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
