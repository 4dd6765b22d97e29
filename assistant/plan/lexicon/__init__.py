"""Per-language lexicons: how German, French, Spanish, Italian and Polish questions say what the
planner's rules read, so that the same question gives the same :class:`QueryPlan` in any language.

Each module (``de``, ``fr``, ``es``, ``it``, ``pl``) is data: ``PHRASES`` maps a phrase of that
language to its *concept*, written as the English cue that :mod:`assistant.plan.rules` and
:mod:`assistant.intents` already read:

- counts: "how many", "number of", "how many is that";
- status: "open", "still open", "right now", "not yet open", "upcoming", "closed", "can we still apply";
- records: "calls", "funding", "grants", "programme", "projects", "partners", "clusters",
  "cluster organisations";
- order: "closes first", "the next deadline", "opens next", "closes last";
- budgets: "the largest budget", "the most money", "per project", "what is the budget";
- the previous answer: "which of them", "only those", "the second one", "the first one", "compare";
- definitions: "what is", "difference between";
- the asker and the target: "we are a", "our company is based in", "from", "looking for", "with partners";
- actions the product does not take: "can you", "book", "send", "submit", "register", "pay", "for us";
- topics outside the product: "weather", "recipe", "football", "who won".

:func:`english_reading` applies every lexicon at once (detection is unsure on short and code-mixed
questions: "open calls für Wasserstoff"), together with the date phrases of
:mod:`assistant.plan.dates_i18n` and each sector's names in the six languages (read as the sector's
English name, so retrieval's English passages match). Matching is on folded words with word
boundaries, longest phrase first; every other word, and any name (see
:func:`assistant.plan.rewrite.protected_spans`), stays as typed. An English question reads as itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.plan.dates_i18n import date_phrases
from assistant.plan.lexicon import de, es, fr, it, pl
from assistant.plan.rewrite import PhraseRewriter
from assistant.plan.rewrite import fold_phrase as fold
from corpus.place_names import ENGLISH_FORMS
from corpus.places import (
    COUNTRY_FORMS,
    MACRO_REGION_FORM_TABLE,
    REGION_FORM_TABLE,
    adjective_forms,
    country_name,
)
from corpus.programmes import FAMILIES
from corpus.sector_names import SECTOR_TRANSLATIONS
from corpus.sectors import ENGLISH_SECTOR_SYNONYMS, SECTOR_SYNONYMS, split_compounds

LEXICONS: dict[str, dict[str, str]] = {
    "de": de.PHRASES,
    "fr": fr.PHRASES,
    "es": es.PHRASES,
    "it": it.PHRASES,
    "pl": pl.PHRASES,
}
"""Language → its phrases and their concepts (English cues)."""


def _sector_readings() -> list[tuple[str, str]]:
    """Each sector's names in the five languages → its English name, except the names that are also
    English words of the vocabulary (French "batteries" and "défense" are English too: left as typed)."""
    english = {fold(phrase) for phrases in ENGLISH_SECTOR_SYNONYMS.values() for phrase in phrases}
    return [
        (phrase.strip(), SECTOR_SYNONYMS[label][0])
        for label, phrases in SECTOR_TRANSLATIONS.items()
        for phrase in phrases.split(";")
        if phrase.strip() and fold(phrase.strip()) not in english
    ]


def _country_readings() -> list[tuple[str, str]]:
    """Countries named in any EU language (CLDR names, their case forms, the product languages'
    adjectives) → the English name or adjective, so retrieval and evidence read English: "w Belgii"
    → "in Belgium", "dänische Cluster" → "Danish Cluster". English forms stay as typed."""
    english = {fold(form) for form in _english_country_forms()}
    readings: list[tuple[str, str]] = []
    for code, forms in COUNTRY_FORMS.items():
        name = country_name(code) or code
        adjectives = {form for lang_forms in adjective_forms(code).values() for form in lang_forms}
        adjective = next(iter(_split(ENGLISH_FORMS.get(code, ""))), name)
        readings += [
            (form, adjective if form in adjectives else name) for form in forms if fold(form) not in english
        ]
    return readings


def _english_country_forms() -> list[str]:
    forms = [name for code in COUNTRY_FORMS if (name := country_name(code))]
    forms += [form for entry in ENGLISH_FORMS.values() for form in _split(entry)]
    return forms


def _split(forms: str) -> list[str]:
    return [form.strip() for form in forms.split(";") if form.strip()]


@lru_cache(maxsize=1)
def _rewriter() -> PhraseRewriter:
    entries = [entry for phrases in LEXICONS.values() for entry in phrases.items()]
    return PhraseRewriter(
        [*date_phrases(), *_sector_readings(), *entries, *_country_readings()], keep=_names()
    )


def _names() -> list[str]:
    """Programme aliases and multi-word place names, kept whole (their words are not cues)."""
    programmes = [alias.strip() for family in FAMILIES for alias in family.aliases.split(";")]
    places = [
        form
        for table in (REGION_FORM_TABLE, MACRO_REGION_FORM_TABLE)
        for forms in table.values()
        for form in forms
        if " " in form or "-" in form
    ]
    return [name for name in (*programmes, *places, *fr.KEEP) if name]


def english_reading(text: str) -> str:
    """The question with every lexicon phrase read as its English concept (names kept as typed).

    ``"¿Qué convocatorias abiertas hay para clústeres agroalimentarios?"`` →
    ``"¿which calls open hay for clusters agri-food?"``: the planner and the intent rules read it as
    they read English; the question shown and stored stays the one asked.
    """
    # Spanish opens questions with "¿" and "¡"; the rules look for "and ..." at the start.
    # German sector compounds are read as two words ("Wasserstoffprojekte" → "Wasserstoff projekte").
    text = split_compounds(text.replace("¿", "").replace("¡", ""))
    return _rewriter().rewrite(_CLUSTER_COMPOUND.sub(r"\1 \2", text))


_CLUSTER_COMPOUND = re.compile(
    r"\b(?!(?:sub|meta|mega|super|micro|macro|inter|cross|euro)cluster)([^\W\d_]{3,}?)((?-i:c)luster(?:n|s)?)\b",
    re.IGNORECASE,
)
"""A German compound whose head is "cluster" and whose first part is no sector word ("Modecluster",
"Textil- und Modecluster"): read as two words, so the cluster word is seen (sector heads are split
by :func:`corpus.sectors.split_compounds` already)."""
