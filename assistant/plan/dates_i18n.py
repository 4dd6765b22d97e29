"""Date phrases of German, French, Spanish, Italian and Polish questions, read as the English that
:mod:`assistant.plan.dates` parses ("in den nächsten 30 Tagen" → "in the next 30 days").

Month names come from CLDR through Babel (``get_month_names``, wide and abbreviated, format and
stand-alone forms: "März", "mars", "marzo", "marca", "marzec"); Polish also says a month in the
instrumental ("przed marcem") and the locative ("w marcu"), which CLDR lacks and
:func:`polish_month_cases` derives from the genitive by the regular endings. Each language's
prepositions before a month ("vor", "avant", "antes de", "prima di", "przed") are read with the
month, never alone, so "vor zwei Wochen" is not read as "before".
"""

from __future__ import annotations

from functools import cache, lru_cache

from babel.dates import get_month_names

ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
LANGUAGES = ("de", "fr", "es", "it", "pl")

_POLISH_IRREGULAR = {
    2: ("lutym", "lutym"),
    10: ("październikiem", "październiku"),
    11: ("listopadem", "listopadzie"),
}


def polish_month_cases(genitive: str, month: int) -> tuple[str, str]:
    """(instrumental, locative) of a Polish month from its genitive: "marca" → ("marcem", "marcu")."""
    if month in _POLISH_IRREGULAR:
        return _POLISH_IRREGULAR[month]
    stem = genitive[:-1]
    return stem + "em", stem + "u"


@cache
def month_forms(lang: str) -> dict[int, tuple[str, ...]]:
    """Every CLDR form of each month in ``lang`` (plus the Polish cases), lower-case."""
    forms: dict[int, list[str]] = {month: [] for month in range(1, 13)}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for month, name in get_month_names(width, context=context, locale=lang).items():
                forms[month].append(name.lower().rstrip("."))
    if lang == "pl":
        for month, genitive in get_month_names("wide", context="format", locale="pl").items():
            forms[month] += polish_month_cases(genitive.lower(), month)
    # Abbreviations shorter than four letters ("set", "ago", "mar") are English words: left out.
    wide = {
        month: name.lower() for month, name in get_month_names("wide", context="format", locale=lang).items()
    }
    return {
        month: tuple(dict.fromkeys(f for f in found if len(f) >= 4 or f == wide[month]))
        for month, found in forms.items()
    }


_UNITS: dict[str, dict[str, tuple[str, ...]]] = {
    "de": {"days": ("tagen", "tage"), "weeks": ("wochen",), "months": ("monaten", "monate")},
    "fr": {"days": ("jours",), "weeks": ("semaines",), "months": ("mois",)},
    "es": {"days": ("días",), "weeks": ("semanas",), "months": ("meses",)},
    "it": {"days": ("giorni",), "weeks": ("settimane",), "months": ("mesi",)},
    "pl": {"days": ("dni", "dniach"), "weeks": ("tygodni", "tygodniach", "tygodnie"),
           "months": ("miesięcy", "miesiącach", "miesiące")},
}  # fmt: skip

_NEXT_N: dict[str, dict[str, str]] = {
    "de": {
        "in den nächsten {n} {unit}": "in the next {n} {unit}",
        "in den kommenden {n} {unit}": "in the next {n} {unit}",
        "innerhalb der nächsten {n} {unit}": "within the next {n} {unit}",
        "innerhalb von {n} {unit}": "within {n} {unit}",
        "binnen {n} {unit}": "within {n} {unit}",
        "in {n} {unit}": "in {n} {unit}",
        "in den letzten {n} {unit}": "in the last {n} {unit}",
    },
    "fr": {
        "dans les {n} prochains {unit}": "in the next {n} {unit}",
        "dans les {n} prochaines {unit}": "in the next {n} {unit}",
        "au cours des {n} prochains {unit}": "in the next {n} {unit}",
        "au cours des {n} prochaines {unit}": "in the next {n} {unit}",
        "dans les {n} {unit}": "within {n} {unit}",
        "d'ici {n} {unit}": "within {n} {unit}",
        "sous {n} {unit}": "within {n} {unit}",
        "dans {n} {unit}": "in {n} {unit}",
        "au cours des {n} derniers {unit}": "in the last {n} {unit}",
        "au cours des {n} dernières {unit}": "in the last {n} {unit}",
    },
    "es": {
        "en los próximos {n} {unit}": "in the next {n} {unit}",
        "en las próximas {n} {unit}": "in the next {n} {unit}",
        "en los siguientes {n} {unit}": "in the next {n} {unit}",
        "dentro de {n} {unit}": "within {n} {unit}",
        "en {n} {unit}": "in {n} {unit}",
        "en menos de {n} {unit}": "within {n} {unit}",
        "de aquí a {n} {unit}": "within {n} {unit}",
        "en los últimos {n} {unit}": "in the last {n} {unit}",
        "en las últimas {n} {unit}": "in the last {n} {unit}",
        "solo {n} {unit} más": "within {n} {unit}",
        "abierto solo {n} {unit} más": "closing within {n} {unit}",
        "abierta solo {n} {unit} más": "closing within {n} {unit}",
        "abiertos solo {n} {unit} más": "closing within {n} {unit}",
        "abiertas solo {n} {unit} más": "closing within {n} {unit}",
        "{n} {unit} más": "within {n} {unit}",
    },
    "it": {
        "nei prossimi {n} {unit}": "in the next {n} {unit}",
        "nelle prossime {n} {unit}": "in the next {n} {unit}",
        "entro {n} {unit}": "within {n} {unit}",
        "entro i prossimi {n} {unit}": "within the next {n} {unit}",
        "tra {n} {unit}": "in {n} {unit}",
        "fra {n} {unit}": "in {n} {unit}",
        "negli ultimi {n} {unit}": "in the last {n} {unit}",
        "nelle ultime {n} {unit}": "in the last {n} {unit}",
    },
    "pl": {
        "w ciągu najbliższych {n} {unit}": "within the next {n} {unit}",
        "w ciągu {n} {unit}": "within {n} {unit}",
        "w najbliższych {n} {unit}": "in the next {n} {unit}",
        "w ciągu następnych {n} {unit}": "within the next {n} {unit}",
        "za {n} {unit}": "in {n} {unit}",
        "w przeciągu {n} {unit}": "within {n} {unit}",
        "w przeciągu najbliższych {n} {unit}": "within the next {n} {unit}",
        "w ciągu kolejnych {n} {unit}": "within the next {n} {unit}",
        "w kolejnych {n} {unit}": "in the next {n} {unit}",
        "przez najbliższe {n} {unit}": "in the next {n} {unit}",
        "w ciągu ostatnich {n} {unit}": "in the last {n} {unit}",
        "w ostatnich {n} {unit}": "in the last {n} {unit}",
    },
}
"""Windows of N days, weeks or months; ``{unit}`` is each of the language's unit words."""

_NUMBER_WORDS: dict[str, dict[str, int]] = {
    "de": {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
           "zehn": 10, "zwölf": 12, "vierzehn": 14, "fünfzehn": 15, "zwanzig": 20, "einundzwanzig": 21,
           "dreißig": 30, "fünfundvierzig": 45, "sechzig": 60, "neunzig": 90},
    "fr": {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "dix": 10,
           "douze": 12, "quatorze": 14, "quinze": 15, "vingt": 20, "vingt et un": 21, "trente": 30,
           "quarante-cinq": 45, "soixante": 60, "quatre-vingt-dix": 90},
    "es": {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "diez": 10,
           "doce": 12, "catorce": 14, "quince": 15, "veinte": 20, "veintiún": 21, "veintiuno": 21,
           "treinta": 30, "cuarenta y cinco": 45, "sesenta": 60, "noventa": 90},
    "it": {"due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "dieci": 10,
           "dodici": 12, "quattordici": 14, "quindici": 15, "venti": 20, "ventuno": 21, "trenta": 30,
           "quarantacinque": 45, "sessanta": 60, "novanta": 90},
    "pl": {"dwa": 2, "dwóch": 2, "dwu": 2, "trzy": 3, "trzech": 3, "cztery": 4, "czterech": 4, "pięć": 5,
           "pięciu": 5, "sześć": 6, "sześciu": 6, "siedem": 7, "siedmiu": 7, "osiem": 8, "ośmiu": 8,
           "dziesięć": 10, "dziesięciu": 10, "czternaście": 14, "czternastu": 14, "piętnaście": 15,
           "piętnastu": 15, "dwadzieścia": 20, "dwudziestu": 20, "dwadzieścia jeden": 21,
           "dwudziestu jeden": 21, "trzydzieści": 30, "trzydziestu": 30, "czterdzieści pięć": 45,
           "czterdziestu pięciu": 45, "sześćdziesiąt": 60, "sześćdziesięciu": 60, "dziewięćdziesiąt": 90,
           "dziewięćdziesięciu": 90},
}  # fmt: skip
"""Numbers written as words in the windows of N days, weeks or months ("in den kommenden zwei Wochen")."""

_PERIODS: dict[str, dict[str, str]] = {
    "de": {
        "bis ende des monats": "by the end of the month", "bis zum monatsende": "by the end of the month",
        "bis monatsende": "by the end of the month", "ende des monats": "end of the month",
        "noch in diesem monat": "this month", "in diesem monat": "this month", "diesen monat": "this month",
        "im nächsten monat": "next month", "nächsten monat": "next month", "kommenden monat": "next month",
        "im kommenden monat": "next month", "im letzten monat": "last month", "letzten monat": "last month",
        "im vergangenen monat": "last month",
        "vergangenen monat": "last month", "vorigen monat": "last month",
        "diese woche": "this week", "nächste woche": "next week", "letzte woche": "last week",
        "bis ende des jahres": "by the end of the year", "bis jahresende": "by the end of the year",
        "dieses jahr": "this year", "nächstes jahr": "next year", "letztes jahr": "last year",
        "heute": "today", "morgen": "tomorrow",
    },
    "fr": {
        "d'ici la fin du mois": "by the end of the month", "avant la fin du mois": "by the end of the month",
        "jusqu'à la fin du mois": "by the end of the month", "fin du mois": "end of the month",
        "ce mois-ci": "this month", "ce mois ci": "this month", "ce mois": "this month",
        "le mois prochain": "next month", "mois prochain": "next month", "le mois dernier": "last month",
        "mois dernier": "last month", "cette semaine": "this week", "la semaine prochaine": "next week",
        "la semaine dernière": "last week", "d'ici la fin de l'année": "by the end of the year",
        "avant la fin de l'année": "by the end of the year", "cette année": "this year",
        "l'année prochaine": "next year", "l'an prochain": "next year", "l'année dernière": "last year",
        "l'an dernier": "last year", "aujourd'hui": "today", "demain": "tomorrow",
    },
    "es": {
        "antes de fin de mes": "by the end of the month", "antes de final de mes": "by the end of the month",
        "antes de que acabe el mes": "by the end of the month", "a finales de mes": "by the end of the month",
        "hasta fin de mes": "by the end of the month", "fin de mes": "end of the month",
        "de aquí a fin de mes": "by the end of the month",
        "de aquí a final de mes": "by the end of the month",
        "de aquí a finales de mes": "by the end of the month",
        "antes de que termine el mes": "by the end of the month",
        "este mes": "this month", "el mes que viene": "next month", "el próximo mes": "next month",
        "el mes próximo": "next month", "el mes pasado": "last month", "el último mes": "last month",
        "esta semana": "this week", "la semana que viene": "next week", "la próxima semana": "next week",
        "la semana pasada": "last week", "la semana próxima": "next week",
        "en menos de un mes": "within a month", "antes de fin de año": "by the end of the year",
        "este año": "this year", "el año que viene": "next year", "el próximo año": "next year",
        "el año pasado": "last year", "hoy": "today", "mañana": "tomorrow",
    },
    "it": {
        "entro fine mese": "by the end of the month", "entro la fine del mese": "by the end of the month",
        "prima della fine del mese": "by the end of the month", "fine mese": "end of the month",
        "questo mese": "this month", "il mese prossimo": "next month", "il prossimo mese": "next month",
        "mese prossimo": "next month", "il mese scorso": "last month", "lo scorso mese": "last month",
        "mese scorso": "last month", "questa settimana": "this week", "la settimana prossima": "next week",
        "la prossima settimana": "next week", "la settimana scorsa": "last week",
        "entro fine anno": "by the end of the year", "entro la fine dell'anno": "by the end of the year",
        "quest'anno": "this year", "l'anno prossimo": "next year", "l'anno scorso": "last year",
        "oggi": "today", "domani": "tomorrow",
    },
    "pl": {
        "do końca miesiąca": "by the end of the month", "przed końcem miesiąca": "by the end of the month",
        "do końca tego miesiąca": "by the end of the month",
        "przed końcem tego miesiąca": "by the end of the month",
        "jeszcze w tym miesiącu": "this month",
        "w tym miesiącu": "this month", "w przyszłym miesiącu": "next month",
        "w następnym miesiącu": "next month", "w kolejnym miesiącu": "next month",
        "w zeszłym miesiącu": "last month", "w poprzednim miesiącu": "last month",
        "w ubiegłym miesiącu": "last month",
        "w tym tygodniu": "this week", "w przyszłym tygodniu": "next week",
        "w następnym tygodniu": "next week", "w kolejnym tygodniu": "next week",
        "w nadchodzącym tygodniu": "next week", "w bieżącym tygodniu": "this week",
        "w bieżącym miesiącu": "this month", "do końca bieżącego miesiąca": "by the end of the month",
        "przed końcem bieżącego miesiąca": "by the end of the month",
        "w zeszłym tygodniu": "last week", "w ciągu miesiąca": "within a month",
        "w ciągu tygodnia": "within a week",
        "w ciągu najbliższego miesiąca": "within a month", "w ciągu najbliższego tygodnia": "within a week",
        "do końca roku": "by the end of the year", "w tym roku": "this year",
        "w przyszłym roku": "next year", "w zeszłym roku": "last year", "dzisiaj": "today", "dziś": "today",
        "jutro": "tomorrow",
    },
}  # fmt: skip
"""Named periods: this/next/last month, week and year, the end of the month or year, today."""

_BEFORE_MONTH: dict[str, dict[str, str]] = {
    "de": {"vor": "before", "bis": "by", "bis ende": "by the end of", "bis zum": "by", "ab": "from",
           "nach": "after", "im": "in", "seit": "since", "zwischen": "between"},
    "fr": {"avant": "before", "avant fin": "by the end of", "avant la fin de": "by the end of",
           "d'ici": "by", "jusqu'à": "until", "jusqu'en": "until", "en": "in", "après": "after",
           "à partir de": "from", "depuis": "since",
           "entre": "between", "début": "in early", "fin": "by the end of"},
    "es": {"antes de": "before", "antes del": "before", "antes de finales de": "by the end of",
           "antes de fin de": "by the end of", "antes del final de": "by the end of",
           "hasta": "until", "en": "in", "después de": "after",
           "a partir de": "from", "desde": "since", "entre": "between", "a finales de": "by the end of"},
    "it": {"prima di": "before", "entro": "by", "entro la fine di": "by the end of",
           "prima della fine di": "by the end of", "entro fine di": "by the end of", "fino a": "until",
           "a": "in", "dopo": "after",
           "da": "from", "tra": "between", "fra": "between", "entro fine": "by the end of"},
    "pl": {"przed": "before", "do": "by", "do końca": "by the end of", "w": "in", "po": "after",
           "od": "from", "między": "between", "pomiędzy": "between"},
}  # fmt: skip
"""Prepositions read only before a month name ("vor März" → "before March")."""
_BEFORE_DAY: dict[str, tuple[str, dict[str, str]]] = {
    "de": ("{n} {month}", {"vor dem": "before", "vor": "before", "bis zum": "by", "bis": "by",
                           "spätestens am": "by", "nach dem": "after", "ab dem": "from", "ab": "from"}),
    "fr": ("{n} {month}", {"avant le": "before", "d'ici le": "by", "jusqu'au": "by", "au plus tard le": "by",
                           "après le": "after", "à partir du": "from"}),
    "es": ("{n} de {month}", {"antes del": "before", "hasta el": "by", "como tarde el": "by",
                              "a más tardar el": "by", "después del": "after", "a partir del": "from",
                              "desde el": "from"}),
    "it": ("{n} {month}", {"prima del": "before", "entro il": "by", "fino al": "by", "dopo il": "after",
                           "dal": "from"}),
    "pl": ("{n} {month}", {"przed": "before", "do": "by", "najpóźniej do": "by", "po": "after",
                           "od": "from"}),
}  # fmt: skip
"""A day of a month after a preposition ("przed 15 września", "antes del 15 de septiembre", "vor dem
15. September") → "before 15 September"; the month in the form a date takes (CLDR's format forms:
the Polish genitive)."""
_MONTH_AND = {"de": "und", "fr": "et", "es": "y", "it": "e", "pl": "a"}
"""The "and" of "between March and June", read only between two months."""


@lru_cache(maxsize=1)
def date_phrases() -> tuple[tuple[str, str], ...]:
    """Every date phrase of the five languages with its English reading."""
    entries: list[tuple[str, str]] = []
    for lang in LANGUAGES:
        for native, english in _NEXT_N[lang].items():
            for unit, words in _UNITS[lang].items():
                entries += [
                    (native.replace("{unit}", word), english.replace("{unit}", unit)) for word in words
                ]
                entries += [
                    (native.replace("{unit}", word).replace("{n}", number), english.replace("{unit}", unit)
                     .replace("{n}", str(value)))
                    for word in words
                    for number, value in _NUMBER_WORDS[lang].items()
                ]  # fmt: skip
        entries += list(_PERIODS[lang].items())
        months = month_forms(lang)
        for number, forms in months.items():
            english_month = ENGLISH_MONTHS[number - 1]
            for form in forms:
                entries += [
                    (f"{prep} {form}", f"{reading} {english_month}")
                    for prep, reading in _BEFORE_MONTH[lang].items()
                ]
                entries += [(f"{form} {_MONTH_AND[lang]}", f"{english_month} and")]
                entries.append((form, english_month))
        entries += _day_phrases(lang)
    return tuple(entries)


def _day_phrases(lang: str) -> list[tuple[str, str]]:
    """A preposition, a day and a month ("przed 15 września") → "before 15 September"."""
    pattern, prepositions = _BEFORE_DAY[lang]
    names = get_month_names("wide", context="format", locale=lang)
    return [
        (
            f"{prep} " + pattern.format(n="{n}", month=name.lower()),
            f"{reading} {{n}} {ENGLISH_MONTHS[number - 1]}",
        )
        for number, name in names.items()
        for prep, reading in prepositions.items()
    ]
