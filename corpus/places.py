"""The one place table: countries from CLDR in every EU language, plus regions and macro-regions.

Country names come from CLDR through Babel (``babel.Locale(lang).territories``) in the EU's 24 official
languages: "Dänemark", "Danemark", "Dinamarca", "Danimarca", "Dania" and "Taani" all give ``DK``.
What CLDR lacks is written by hand in :mod:`corpus.place_names` (adjectives, irregular case forms,
regions, cities, macro-regions). Regular case endings are derived here, per language, from the CLDR
name (Polish "Dania" → "Danii", "Polska" → "Polsce"; German "Niederlande" → "Niederlanden",
"Dänemark" → "Dänemarks"), and adjective endings from the masculine singular ("dänisch" →
"dänische", "danés" → "daneses", "duński" → "duńskich").

Ingest reads :func:`country_to_iso2` (a whole field: a code or a name); query understanding
(:mod:`retrieval.query`) reads the phrase tables :data:`COUNTRY_FORMS`, :data:`REGION_FORMS` and
:data:`MACRO_REGION_FORMS`; answers show :func:`country_name`.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale

from corpus.folding import fold
from corpus.place_names import (
    ADJECTIVES,
    CASE_SENSITIVE_FORMS,
    CLDR_MACRO_REGIONS,
    ENGLISH_FORMS,
    IRREGULAR_FORMS,
    MACRO_REGION_FORMS,
    MACRO_REGION_LABELS,
    MACRO_REGIONS,
    NATIVE_FORMS,
    NOT_PLACE_WORDS,
    PRODUCT_LANGUAGES,
    REGION_FORMS,
)

__all__ = [
    "CASE_SENSITIVE_FORMS",
    "COUNTRY_FORMS",
    "EU_LANGUAGES",
    "ISO2_CODES",
    "MACRO_REGIONS",
    "MACRO_REGION_FORMS",
    "PRODUCT_LANGUAGES",
    "REGION_FORMS",
    "adjective_forms",
    "case_forms",
    "cldr_country_names",
    "cldr_region_names",
    "country_name",
    "country_to_iso2",
    "fold_name",
]

EU_LANGUAGES: tuple[str, ...] = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
)  # fmt: skip
"""The 24 official languages of the EU, whose CLDR country names are read."""

_NOT_COUNTRIES = frozenset("AC CP CQ DG EA IC TA EU EZ UN QO ZZ".split())
"""CLDR's two-letter territories that are not countries: exceptionally reserved ISO codes (Canary
Islands, Ceuta and Melilla, ...), groupings (EU, eurozone, UN) and "unknown region"."""
_ARTICLE = {"ga": re.compile(r"^(?:an|na)\s+", re.IGNORECASE), "mt": re.compile(r"^[a-zċġħż]{1,2}-")}
"""Irish and Maltese write the article into the name ("an Danmhairg", "id-Danimarka")."""
_DISPLAY_OVERRIDES = {"BA": "Bosnia and Herzegovina"}
"""English display names kept from before CLDR where the corpus's answers and evals use them."""


def fold_name(name: str) -> str:
    """A name compared whole: case, accents, punctuation and ``&`` ignored (``"Łódź"`` → ``"lodz"``)."""
    bare = fold(name.replace("&", " and "))
    return " ".join(re.sub(r"[\W_]+", " ", bare).split())


@cache
def _territories(lang: str) -> dict[str, str]:
    names = Locale(lang).territories
    return {
        code: _ARTICLE[lang].sub("", name) if lang in _ARTICLE else name
        for code, name in names.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    }


def cldr_country_names(iso2: str, languages: tuple[str, ...] = EU_LANGUAGES) -> dict[str, str]:
    """CLDR's name of a country in each of ``languages`` (``"DK"`` → ``{"de": "Dänemark", ...}``)."""
    code = iso2.upper()
    return {lang: name for lang in languages if (name := _territories(lang).get(code))}


ISO2_CODES: frozenset[str] = frozenset(_territories("en"))
"""Every country and territory code CLDR names (ISO 3166-1 alpha-2, plus XK for Kosovo)."""


def country_name(iso2: str | None, lang: str = "en") -> str | None:
    """Display name of an ISO2 code in ``lang`` (the code itself when unknown; None stays None)."""
    if iso2 is None:
        return None
    code = iso2.upper()
    if lang == "en" and code in _DISPLAY_OVERRIDES:
        return _DISPLAY_OVERRIDES[code]
    name = _territories(lang if lang in EU_LANGUAGES else "en").get(code)
    return name.replace(" & ", " and ") if name and lang == "en" else (name or code)


_LABEL_LANGUAGES = ("de", "fr", "es", "it", "pl")
_CLDR_CODE_OF_REGION = {name: code for code, name in CLDR_MACRO_REGIONS.items()}


def cldr_region_names(code: str) -> tuple[str, ...]:
    """CLDR's names of the UN M49 region ``code`` in the six product languages ("150": "Europe",
    "Europa", ...), each once."""
    names = (Locale(lang).territories.get(code) for lang in PRODUCT_LANGUAGES)
    return tuple(dict.fromkeys(name for name in names if name))


def macro_region_name(region: str, lang: str = "en") -> str:
    """Display name of a macro-region of :data:`MACRO_REGIONS` in ``lang``: CLDR's where it has one
    ("Eastern Europe" → "Osteuropa"), else :data:`MACRO_REGION_LABELS`; English, and a region
    neither knows, keep ``region``."""
    code = _CLDR_CODE_OF_REGION.get(region)
    if lang == "en" or lang not in _LABEL_LANGUAGES:
        return region
    if code is not None:
        name: str | None = Locale(lang).territories.get(code)
        return name or region
    labels = MACRO_REGION_LABELS.get(region)
    return labels[_LABEL_LANGUAGES.index(lang)] if labels else region


def _endings(word: str, rules: tuple[tuple[str, int, tuple[str, ...]], ...]) -> list[str]:
    """Apply the first rule whose ending ``word`` has: cut ``cut`` letters, add each suffix."""
    for ending, cut, suffixes in rules:
        if word.endswith(ending):
            stem = word[: len(word) - cut] if cut else word
            return [stem + suffix for suffix in suffixes]
    return []


_CASE_RULES: dict[str, tuple[tuple[str, int, tuple[str, ...]], ...]] = {
    # Polish locative, genitive, instrumental and accusative of one-word feminine names: Dania →
    # Danii, Danią, Danię; Francja → Francji, Francją, Francję; Polska → Polsce, Polski, Polską, Polskę;
    # Litwa → Litwie, Litwy, Litwą, Litwę ("na Litwę", "na Słowację": where a company expands to).
    "pl": (
        ("ia", 1, ("i", "ą", "ę")),
        ("ja", 1, ("i", "ą", "ę")),
        ("ka", 2, ("ce", "ki", "ką", "kę")),
        ("ta", 2, ("cie", "ty", "tą", "tę")),
        ("wa", 1, ("ie", "y", "ą", "ę")),
        ("na", 1, ("ie", "y", "ą", "ę")),
        ("ra", 2, ("rze", "ry", "rą", "rę")),
    ),
    # German dative plural (aus den Niederlanden) and genitive of neuter names (Dänemarks, Spaniens).
    "de": (("lande", 0, ("n",)), ("ei", 0, ()), ("e", 0, ()), ("s", 0, ()), ("z", 0, ()), ("", 0, ("s",))),
}


def case_forms(name: str, lang: str) -> list[str]:
    """Inflected forms of a one-word country name that its language builds by a regular ending."""
    rules = _CASE_RULES.get(lang)
    if rules is None or " " in name or "-" in name:
        return []
    return _endings(name, rules)


_ADJECTIVE_RULES: dict[str, tuple[tuple[str, int, tuple[str, ...]], ...]] = {
    "de": (("", 0, ("", "e", "en", "er", "es", "em")),),
    "fr": (
        ("ien", 0, ("", "ne", "s", "nes")),
        ("s", 0, ("", "e", "es")),
        ("e", 0, ("", "s")),
        ("c", 0, ("", "s", "que", "ques")),
        ("", 0, ("", "e", "s", "es")),
    ),
    "es": (
        ("án", 2, ("án", "ana", "anes", "anas")),
        ("és", 2, ("és", "esa", "eses", "esas")),
        ("ón", 2, ("ón", "ona", "ones", "onas")),
        ("o", 1, ("o", "a", "os", "as")),
        ("a", 1, ("a", "as")),
        ("e", 0, ("", "s")),
        ("", 0, ("", "a", "es", "as")),
    ),
    "it": (
        ("co", 1, ("o", "a", "i", "he", "hi")),
        ("o", 1, ("o", "a", "i", "e")),
        ("a", 1, ("a", "i", "e")),
        ("e", 1, ("e", "i")),
    ),
    "pl": (("i", 1, ("i", "a", "ie", "ich", "im", "imi", "iego", "iej", "ą")),),
}
"""Regular endings of adjectives from the masculine singular: gender, number and (Polish) case.
Italian "-co" gives both plurals ("tedeschi", "greci" is written "grechi" nowhere, so it is harmless)."""


def adjective_forms(iso2: str) -> dict[str, list[str]]:
    """The country's adjective in German, French, Spanish, Italian and Polish, every regular form."""
    entry = ADJECTIVES.get(iso2.upper())
    if entry is None:
        return {}
    bases = [part.strip() for part in entry.split("|")]
    forms: dict[str, list[str]] = {}
    for lang, base in zip(("de", "fr", "es", "it", "pl"), bases, strict=True):
        forms[lang] = list(dict.fromkeys(_endings(base, _ADJECTIVE_RULES[lang]) or [base]))
    return forms


def _split(forms: str) -> list[str]:
    return [form.strip() for form in forms.split(";") if form.strip()]


def _question_forms(code: str) -> tuple[str, ...]:
    """Every way a question may name a country: CLDR names in the EU languages, their regular and
    irregular case forms, English and product-language adjectives, native names."""
    forms: list[str] = []
    for lang, name in cldr_country_names(code).items():
        if fold_name(name) in NOT_PLACE_WORDS:
            continue
        forms.append(name)
        forms += case_forms(name, lang)
    for lang_forms in IRREGULAR_FORMS.values():
        forms += _split(lang_forms.get(code, ""))
    forms += _split(ENGLISH_FORMS.get(code, ""))
    forms += _split(NATIVE_FORMS.get(code, ""))
    for adjectives in adjective_forms(code).values():
        forms += adjectives
    return tuple(dict.fromkeys(form for form in forms if form not in CASE_SENSITIVE_FORMS))


COUNTRY_FORMS: dict[str, tuple[str, ...]] = {code: _question_forms(code) for code in sorted(ISO2_CODES)}
"""ISO2 → the forms questions use (matched case-insensitively on folded words by
:mod:`retrieval.query`; :data:`CASE_SENSITIVE_FORMS` apart)."""


def _macro_forms() -> dict[str, tuple[str, ...]]:
    forms = {name: _split(names) for name, names in MACRO_REGION_FORMS.items()}
    for code, name in CLDR_MACRO_REGIONS.items():
        for lang in EU_LANGUAGES:
            cldr = Locale(lang).territories.get(code)
            if cldr:
                forms[name].append(cldr)
    return {name: tuple(dict.fromkeys(found)) for name, found in forms.items()}


MACRO_REGION_FORM_TABLE: dict[str, tuple[str, ...]] = _macro_forms()
"""Macro-region name → its forms: hand-written in six languages plus CLDR's UN regions in 24."""


def _region_forms(forms: str) -> tuple[str, ...]:
    """A country's region and city forms, with the Polish case forms of the one-word ones ("Katalonia"
    → "Katalonii", "Barcelona" → "Barcelonie", "Lombardia" → "Lombardii"): Polish declines them as it
    declines country names, and a form no Polish speaker writes ("Bolognie") costs nothing."""
    names = _split(forms)
    return tuple(dict.fromkeys([*names, *(form for name in names for form in case_forms(name, "pl"))]))


REGION_FORM_TABLE: dict[str, tuple[str, ...]] = {
    code: _region_forms(forms) for code, forms in REGION_FORMS.items()
}
"""ISO2 → its regions' and big cities' forms."""


def _whole_names() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for code in sorted(ISO2_CODES):
        english = _territories("en")[code]
        # "Myanmar (Myanmar)", "Congo - Kinshasa": the part before a qualifier is a name too when unique.
        for name in (english, english.replace("&", "and"), *cldr_country_names(code).values()):
            lookup.setdefault(fold_name(name), code)
        for form in (*COUNTRY_FORMS[code], *_split(NATIVE_FORMS.get(code, ""))):
            lookup.setdefault(fold_name(form), code)
    for form, code in CASE_SENSITIVE_FORMS.items():
        lookup.setdefault(fold_name(form), code)
    return lookup


_WHOLE_NAMES = _whole_names()
_CODE_ALIASES = {"UK": "GB", "EL": "GR"}


def country_to_iso2(value: str) -> str | None:
    """ISO 3166-1 alpha-2 code for a code or a whole country name in any EU language, else None.

    Two-letter input is taken as a code (``uk`` → GB, ``el`` → GR as the EU writes Greece);
    anything else as a name: ``Germany``, ``Deutschland``, ``Allemagne`` and ``Niemcy`` all give ``DE``.
    """
    stripped = value.strip()
    if len(stripped) == 2 and stripped.isalpha():
        code = _CODE_ALIASES.get(stripped.upper(), stripped.upper())
        return code if code in ISO2_CODES else None
    return _WHOLE_NAMES.get(fold_name(stripped))
