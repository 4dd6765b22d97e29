"""The language an answer is written in: chosen once per question, used by every answer writer.

:func:`choose_language` decides it: the asker's explicit choice (``ask --lang``, ``/v1/ask``
``lang``), else the conversation's language, else :func:`corpus.languages.detect_language` of the
question. A question in a language outside the six is answered in English with a one-line note.

The writers (``assistant/plan/answers.py``, ``funding.py``, ``partners.py``, ``policy.py``, ...)
write through :func:`_`, :func:`ngettext`, :func:`day` and :func:`country`, which follow the
language set by :func:`answering_in`. Why a context variable rather than a ``lang`` argument: the
language is decided once and every one of some thirty pure writer functions needs it; threading it
through all their signatures would touch every call site the planner work also edits. It is set
only around the synchronous building of an answer's evidence (``Assistant._prepare``); composers
read ``Evidence.lang`` instead, because they may run later or in another thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeVar

from babel import Locale

from assistant.errors import AdvisorError, InvalidInput
from corpus.i18n import format_date, format_money, format_number, ntranslator, translator
from corpus.languages import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, detect_language
from corpus.places import country_name, macro_region_name
from corpus.sector_names import sector_label

_ANSWER_LANGUAGE: ContextVar[str] = ContextVar("answer_language", default=DEFAULT_LANGUAGE)

# Country codes of the EU's own usage (records carry them) that CLDR spells differently.
_CLDR_TERRITORY = {"EL": "GR", "UK": "GB"}


@dataclass(frozen=True)
class LanguageChoice:
    """The answer language of one question.

    Attributes:
        lang: One of :data:`~corpus.languages.SUPPORTED_LANGUAGES`.
        note: The one-line note an answer starts with when the question's language is not
            supported ("" otherwise), in English like the answer.
    """

    lang: str
    note: str = ""


def choose_language(
    question: str, *, requested: str | None = None, conversation: str | None = None
) -> LanguageChoice:
    """The language to answer ``question`` in.

    Args:
        question: The question as asked.
        requested: The asker's explicit choice (``--lang``, ``lang``), which overrides the rest.
        conversation: The language of the conversation the question continues (kept, so a short
            follow-up does not switch language).

    Raises:
        InvalidInput: ``requested`` is not a supported language.
    """
    if requested is not None and requested.strip():
        lang = requested.strip().lower().replace("_", "-").split("-")[0]
        if lang not in SUPPORTED_LANGUAGES:
            raise localized_error(
                InvalidInput,
                UNSUPPORTED_LANGUAGE,
                choose_language(question, conversation=conversation).lang,  # the question's, as no other
                requested=repr(requested[:20]),
                languages=", ".join(SUPPORTED_LANGUAGES),
            )
        return LanguageChoice(lang)
    if conversation in SUPPORTED_LANGUAGES:
        return LanguageChoice(conversation)
    detection = detect_language(question)
    if detection.supported:
        return LanguageChoice(detection.lang)
    return LanguageChoice(DEFAULT_LANGUAGE, unsupported_note(detection.lang))


def unsupported_note(lang: str) -> str:
    """``Your question looks Portuguese; I answer in English, German, ...; so in English:``."""
    english = Locale("en")
    name = english.languages.get(lang, lang)
    supported = ", ".join(english.languages[code] for code in SUPPORTED_LANGUAGES[:-1])
    return (
        f"Your question looks {name}, which I cannot answer in yet (I answer in {supported} and "
        f"{english.languages[SUPPORTED_LANGUAGES[-1]]}), so here is the answer in English."
    )


@contextmanager
def answering_in(lang: str) -> Iterator[None]:
    """Write the answer's sentences in ``lang`` inside the block (English outside)."""
    token = _ANSWER_LANGUAGE.set(lang if lang in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _ANSWER_LANGUAGE.reset(token)


def answer_language() -> str:
    """The language answers are being written in (English outside :func:`answering_in`)."""
    return _ANSWER_LANGUAGE.get()


def _(message: str) -> str:
    """``message`` in the answer language (the English message when the catalog has none)."""
    return translator(_ANSWER_LANGUAGE.get())(message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it (tables of English phrases that are
    translated with :func:`_` where they are written into an answer)."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for ``count`` in the answer language."""
    return ntranslator(_ANSWER_LANGUAGE.get())(singular, plural, count)


def day(value: dt.date) -> str:
    """A date in an answer: ISO in English, "17. Dezember 2026" in German (see corpus.i18n)."""
    return format_date(value, _ANSWER_LANGUAGE.get())


def euros(amount: float) -> str:
    """An amount in euros in an answer: "EUR 12.5 million" in English, "12,5 Mio. €" in German."""
    return format_money(amount, "EUR", _ANSWER_LANGUAGE.get())


def country(code: str) -> str:
    """A country's name in the answer language (CLDR): ``"DK"`` → "Denmark" / "Dänemark" / "Dania"."""
    lang = _ANSWER_LANGUAGE.get()
    english = country_name(code) or code
    if lang == DEFAULT_LANGUAGE:
        return english
    territory = _CLDR_TERRITORY.get(code.upper(), code.upper())
    name: str | None = Locale.parse(lang).territories.get(territory)
    return name or english


def region(name: str) -> str:
    """A macro-region's name in the answer language: "Central Europe" → "Mitteleuropa"."""
    return macro_region_name(name, _ANSWER_LANGUAGE.get())


def sector(label: str) -> str:
    """A sector's name in the answer language: ``"battery"`` → "battery" / "Batterien" / "baterie"
    (the sector vocabulary's names, :data:`corpus.sector_names.SECTOR_LABELS`)."""
    return sector_label(label, _ANSWER_LANGUAGE.get())


def quoted(sentence: str) -> str:
    """A sentence quoted from an English source: as it is in an English answer, in the language's
    quotation marks with "(EN)" after it otherwise (``„…“ (EN)``), so nobody takes it for a
    translation."""
    if _ANSWER_LANGUAGE.get() == DEFAULT_LANGUAGE:
        return sentence
    return _("“{quote}” (EN)").format(quote=sentence)


TOO_LONG = N_(
    "the question is {length} characters long; the limit is {limit}. Ask the question itself in a few "
    "sentences (to add a document to the corpus, use ingest)."
)
EMPTY_QUESTION = N_("the question is empty: ask about funding calls, cluster partners or cluster policy")
UNKNOWN_CONVERSATION = N_(
    "unknown conversation {conversation}; start a new one by asking without a conversation id (the "
    "answer carries the new id)"
)
UNSUPPORTED_LANGUAGE = N_("unsupported answer language {requested}: use one of {languages}")
_SAMPLE_CHARS = 1000
"""How much of an over-long question is read for its language (enough, and detection stays quick)."""

E = TypeVar("E", bound=AdvisorError)


def localized_error(error_type: type[E], template: str, lang: str = DEFAULT_LANGUAGE, **fields: object) -> E:
    """An error whose message is the catalog message ``template`` in ``lang``; it keeps the template
    and fields, so an edge that knows the asker's language better can say it again
    (:func:`error_text`). Whole numbers among ``fields`` are written in the language's form."""
    error = error_type(_rendered(template, lang, fields))
    error.template, error.fields = template, MappingProxyType(dict(fields))
    return error


def error_text(error: AdvisorError, lang: str) -> str:
    """``error``'s message in ``lang`` when it is a catalog message, else its message as raised."""
    if error.template is None:
        return str(error)
    return _rendered(error.template, lang, error.fields)


def _rendered(template: str, lang: str, fields: Mapping[str, object]) -> str:
    def shown(value: object) -> object:
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:,}" if lang == DEFAULT_LANGUAGE else format_number(value, lang)
        return value

    return translator(lang)(template).format(**{name: shown(value) for name, value in fields.items()})


def question_too_long(text: str, limit: int, *, requested: str | None = None) -> InvalidInput:
    """The error for a question longer than ``limit``, in the asker's language (``requested``, else
    the language of the question's start; English for a language outside the six)."""
    return localized_error(
        InvalidInput, TOO_LONG, question_language(text, requested=requested), length=len(text), limit=limit
    )


def question_language(text: str, *, requested: str | None = None) -> str:
    """The language to say an error about ``text`` in: ``requested``, else the language of the
    text's start (English when unsure, outside the six, or when ``requested`` is no language)."""
    try:
        return choose_language(text[:_SAMPLE_CHARS], requested=requested).lang
    except InvalidInput:  # an unknown ``lang``: the other error is the one to report first
        return DEFAULT_LANGUAGE


DOC_TYPE_WORDS = {"call": N_("call"), "cluster": N_("cluster"), "policy": N_("policy")}
"""A cited document's type as source lists show it (``[1] Title · call``)."""


def doc_type_word(doc_type: str, lang: str) -> str:
    """A document type in ``lang``: ``"call"`` → "Ausschreibung"; an unknown type as it is."""
    word = DOC_TYPE_WORDS.get(doc_type)
    return translator(lang)(word) if word else doc_type
