"""A fourth tuning set for the planner in five languages (issue 13), weighted to Polish and Spanish.

Written by hand after the third i18n round, before this round's tuning and without looking at the
i18n hold-out. It asks in words the earlier sets did not use: calls and deadlines as "konkurs",
"program dofinansowania", "nabór wniosków", "ogłoszenie o naborze", "termin składania wniosków",
"plazo de presentación"; numbers written as words ("w ciągu siedmiu dni", "en los próximos treinta
días"); dates as a day and a month ("przed 1 października", "antes del 1 de octubre", "do końca
września", "hasta finales de septiembre"); informal imperatives ("pokaż", "wymień", "podaj",
"sprawdź", "dime", "muéstrame"); follow-ups ("a które z nich…", "a ile z tego…"). Three shapes of its
own (see ``scripts/build_questions_i18n.py dev4``): a deadline before or by a given day ("przed 15
września"), the calls closing next week ("w przyszłym tygodniu"), and open calls above a total
budget ("powyżej 5 mln euro", "más de 5 millones de euros"). Polish is asked once more without
diacritics. The gold never comes from here.

Placeholders are those of :mod:`evals.questions_i18n_dev3_wordings`, plus ``{n:gen}``/``{n:nom}``
(the window's number as a word, in a case) and ``{month:d1}``/``{month:prev}`` ("1 października" and
the month before, "września", for "przed 1 października" / "do końca września", which mean what
"before October" means); the new shapes use ``{day}`` ("15 września"), ``{amount}`` ("5").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from evals.questions_i18n_dev2_wordings import _table
from evals.questions_i18n_dev3_wordings import (
    _ES_ADJECTIVES,
    _ES_FROM,
    _ES_IN,
    _ES_TO,
    _PL_ADJECTIVES,
    _PL_FROM,
    _PL_IN,
    _PL_TO,
    Forms,
    _countries,
    _pl_family,
    _plain,
)
from evals.questions_i18n_wordings import LanguageWordings, _words


class Spelled(str):
    """A template whose ``{n}`` is written as a word: ``format(n=7)`` fills ``{n:gen}`` with
    "siedmiu" (the numeral's forms, per case, in ``numerals``)."""

    numerals: dict[int, Forms]

    def __new__(cls, template: str, numerals: dict[int, Forms]) -> Spelled:
        made = super().__new__(cls, template)
        made.numerals = numerals
        return made

    def format(self, *args: object, **kwargs: Any) -> str:
        number = kwargs.get("n")
        if isinstance(number, int) and number in self.numerals:
            kwargs["n"] = self.numerals[number]
        return str(self).format(*args, **kwargs)


def _numerals(nominative: str, **cases: str) -> dict[int, Forms]:
    """``"2 dwa | 3 trzy"`` (and per case the same) → number → its word with the cases as forms."""

    def rows(text: str) -> dict[int, str]:
        pairs = (row.strip().split(" ", 1) for row in text.split("|"))
        return {int(number): word for number, word in pairs}

    base = rows(nominative)
    other = {case: rows(text) for case, text in cases.items()}
    return {
        number: Forms(word, **{case: table[number] for case, table in other.items()})
        for number, word in base.items()
    }


def spelled(numerals: dict[int, Forms], *templates: str) -> tuple[str, ...]:
    """Templates of a window with a number, the number written as a word."""
    return tuple(Spelled(template, numerals) for template in templates)


@dataclass(frozen=True)
class Dev4Extras:
    """The wordings of dev4's own shapes (filled by ``scripts/build_questions_i18n.py dev4``)."""

    before_day: tuple[str, ...] = ()
    """Calls whose deadline is before ``{day}`` ("przed 15 września"): ``{what}`` are the calls."""
    by_day: tuple[str, ...] = ()
    """Calls whose deadline is on or before ``{day}`` ("do 15 września")."""
    next_week: tuple[str, ...] = ()
    """Calls closing next week (Monday to Sunday after the day asked)."""
    budget_over: tuple[str, ...] = ()
    """Open calls of ``{family}`` with a total budget of at least ``{amount}`` million euros."""
    day_month: tuple[str, ...] = field(default=())
    """How a day of a month is written: ``{day}`` and the month (``day_month[month - 1]``)."""


# --- Polish ---------------------------------------------------------------------------------------

_PL_NUMERALS = _numerals(
    "2 dwa | 3 trzy | 6 sześć | 7 siedem | 14 czternaście | 30 trzydzieści | 60 sześćdziesiąt",
    gen="2 dwóch | 3 trzech | 6 sześciu | 7 siedmiu | 14 czternastu | 30 trzydziestu | 60 sześćdziesięciu",
)
_PL_GENITIVE = (
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia"
).split()
_PL_INSTRUMENTAL = (
    "styczniem lutym marcem kwietniem majem czerwcem lipcem sierpniem wrześniem październikiem "
    "listopadem grudniem"
).split()
_PL_MONTHS = tuple(
    Forms(_PL_INSTRUMENTAL[i], d1=f"1 {_PL_GENITIVE[i]}", prev=_PL_GENITIVE[i - 1]) for i in range(12)
)

POLISH = LanguageWordings(
    templates=_words(
        count_open=(
            "Podaj liczbę otwartych naborów wniosków w programie {family:nom}",
            "ile konkursów {family} przyjmuje teraz wnioski?",
            "sprawdź, ile jest aktywnych konkursów {family}",
            "Ile ogłoszeń o naborze {family} jest aktualnie otwartych?",
            "w ilu konkursach {family} trwa teraz nabór wniosków?",
        ),
        count_forthcoming=(
            "Ile konkursów {family} jest zaplanowanych, ale jeszcze się nie rozpoczęło?",
            "podaj liczbę nadchodzących naborów {family}",
        ),
        window={
            "days": spelled(
                _PL_NUMERALS,
                "mają termin składania wniosków w ciągu {n:gen} dni",
                "kończą się w ciągu najbliższych {n:gen} dni",
                "zamykają się przez najbliższe {n} dni",
            ),
            "weeks": spelled(
                _PL_NUMERALS,
                "zamykają się w ciągu {n:gen} tygodni",
                "mają termin w najbliższych {n:gen} tygodniach",
            ),
            "this-month": (
                "zamykają się przed końcem bieżącego miesiąca",
                "mają termin składania wniosków w tym miesiącu",
            ),
            "next-month": (
                "kończą się w przyszłym miesiącu",
                "mają termin składania wniosków w kolejnym miesiącu",
            ),
            "before": (
                "kończą się przed {month:d1}",
                "mają termin najpóźniej do końca {month:prev}",
                "zamykają się do końca {month:prev}",
            ),
            "opens": spelled(
                _PL_NUMERALS, "ruszą w ciągu najbliższych {n:gen} dni", "zostaną otwarte w ciągu {n:gen} dni"
            ),
            "closed-last-month": (
                "zakończyły się w zeszłym miesiącu",
                "miały termin składania wniosków w poprzednim miesiącu",
            ),
        },
        calls_of=(
            "konkursy {family}",
            "nabory wniosków w programie {family:nom}",
            "programy dofinansowania w ramach {family}",
            "ogłoszenia o naborach {family}",
        ),
        any_calls=("konkursy", "nabory wniosków", "ogłoszenia o naborach", "programy dofinansowania"),
        window_frame=(
            "Wymień {what}, które {window}",
            "podaj {what}, które {window}",
            "sprawdź, jakie {what} {window}",
            "Pokaż {what}, które {window}.",
        ),
        superlative={
            "first": (
                "Który konkurs {family} ma najwcześniejszy termin składania wniosków?",
                "w którym naborze {family} termin upływa najwcześniej?",
                "podaj nabór {family} z najwcześniejszym terminem",
            ),
            "budget": (
                "Wskaż konkurs {family} z największym budżetem",
                "gdzie w {family:loc} jest najwięcej środków?",
                "który nabór wniosków {family} ma najwyższy budżet?",
            ),
            "per-project": (
                "W którym konkursie {family} można dostać najwyższe dofinansowanie na projekt?",
                "podaj nabór {family} z największą kwotą na jeden projekt",
            ),
            "opens-next": (
                "Kiedy ruszy najbliższy konkurs {family}?",
                "podaj następne ogłoszenie o naborze {family}",
            ),
            "closes-last": (
                "Który nabór {family} ma najpóźniejszy termin?",
                "w którym konkursie {family} termin mija najpóźniej?",
            ),
        },
        set_opening=(
            "Wymień otwarte konkursy {family}",
            "pokaż aktualne nabory wniosków w programie {family:nom}",
            "podaj otwarte programy dofinansowania {family}",
        ),
        which_first=(
            "a który z nich ma najwcześniejszy termin?",
            "a który z tych konkursów zamyka się najwcześniej?",
            "sprawdź, który z nich kończy się pierwszy",
        ),
        the_second=(
            "a do kiedy można składać wnioski w drugim?",
            "podaj termin drugiego z listy",
        ),
        only_before=(
            "a które z nich kończą się przed {month:d1}?",
            "a które z nich mają termin do końca {month:prev}?",
        ),
        how_many_then=("a ile z tego zostaje?", "a ile z nich to jest?"),
        partners_in=("Wymień klastry {country}", "podaj organizacje klastrowe {country}"),
        and_in=("a jak jest {country}?", "a klastry {country}?"),
        none_open=(
            "Czy trwa teraz jakiś nabór wniosków w {family:loc}?",
            "sprawdź, czy jest otwarty jakiś konkurs {family}",
            "czy w programie {family:nom} można teraz ubiegać się o dofinansowanie?",
        ),
        budget_total=(
            "Podaj budżet konkursu {id} i liczbę projektów, które zostaną sfinansowane",
            "ile pieniędzy jest w naborze {id} i ile projektów dostanie dofinansowanie?",
        ),
        loose_id=(
            "sprawdź termin składania wniosków w {id}",
            "kiedy mija termin {id}?",
            "podaj deadline dla {id}",
        ),
        home_target=(
            "Jesteśmy klastrem {a_home} i szukamy partnerów {target}. Wymień organizacje klastrowe.",
            "pokaż klastry {target} – jesteśmy {home} firmą i wchodzimy {target:do}",
            "Firma {a_home} szuka kontaktu z klastrami {target}; podaj je",
            "jako MŚP {a_home} chcemy współpracy z klastrami {target} – sprawdź, jakie są",
        ),
        mixed=(
            "Wymień otwarte konkursy {family}, w których możemy startować z partnerem {country:z}",
            "podaj nabory {family}, do których możemy złożyć wniosek razem z firmą {country:z}",
            "sprawdź otwarte programy dofinansowania {family} dla konsorcjum z partnerem {country}",
        ),
        declined=(
            "Napisz w naszym imieniu do {name}",
            "Wypełnij za nas wniosek w {id}",
            "zadzwoń do {name} i umów spotkanie",
        ),
        definition={
            "cluster": ("Wyjaśnij, czym klaster różni się od organizacji klastrowej",),
            "cluster-mapping": ("wyjaśnij mi, co to jest mapowanie klastrów",),
        },
    ),
    family_names={
        "horizon": (
            _pl_family("Horyzont Europa", "Horyzoncie Europa", "Horyzont Europa"),
            _pl_family("Horyzontu Europa", "Horyzoncie Europa", "Horyzont Europa"),
        ),
        "eic": (_pl_family("EIC", "EIC"),),
        "msca": (_pl_family("MSCA", "MSCA"),),
        "digital": (_pl_family("Cyfrowa Europa", "Cyfrowej Europie", "Cyfrowa Europa"),),
        "smp": (_pl_family("Jednolity Rynek", "Jednolitym Rynku", "Jednolity Rynek"),),
        "life": (_pl_family("LIFE", "LIFE"),),
        "erasmus": (_pl_family("Erasmus+", "Erasmusie+", "Erasmus+"),),
        "crea": (_pl_family("Kreatywna Europa", "Kreatywnej Europie", "Kreatywna Europa"),),
        "cef": (_pl_family("Łącząc Europę", "instrumencie „Łącząc Europę”", "Łącząc Europę"),),
        "edf": (_pl_family("EFO", "Europejskim Funduszu Obronnym", "Europejski Fundusz Obronny"),),
        "innovfund": (_pl_family("Fundusz Innowacyjny", "Funduszu Innowacyjnym", "Fundusz Innowacyjny"),),
    },
    months=_PL_MONTHS,
    country_in=_countries(_PL_IN, do=_PL_TO, z=_PL_FROM),
    country_from=_PL_FROM,
    adjectives=_PL_ADJECTIVES,
)
POLISH_EXTRAS = Dev4Extras(
    before_day=(
        "Wymień {what}, które kończą się przed {day}",
        "podaj {what} z terminem składania wniosków przed {day}",
        "sprawdź, które {what} zamykają się przed {day}",
    ),
    by_day=("pokaż {what} z terminem do {day}", "które {what} kończą się najpóźniej do {day}?"),
    next_week=(
        "Które {what} kończą się w przyszłym tygodniu?",
        "podaj {what} z terminem w przyszłym tygodniu",
        "sprawdź, jakie {what} zamykają się w następnym tygodniu",
    ),
    budget_over=(
        "Wymień otwarte konkursy {family} z budżetem powyżej {amount} mln euro",
        "podaj otwarte nabory {family}, w których budżet przekracza {amount} mln euro",
        "pokaż otwarte nabory {family} o budżecie ponad {amount} mln EUR",
    ),
    day_month=tuple(f"{{day}} {month}" for month in _PL_GENITIVE),
)


def _plain_value(value: Any) -> Any:
    if isinstance(value, Spelled):
        return Spelled(_plain(str(value)), {k: _plain_value(v) for k, v in value.numerals.items()})
    if isinstance(value, Forms):
        return Forms(_plain(str(value)), **{case: _plain(form) for case, form in value.forms.items()})
    if isinstance(value, str):
        return _plain(value)
    if isinstance(value, tuple):
        return tuple(_plain_value(item) for item in value)
    if isinstance(value, dict):
        return {key: _plain_value(item) for key, item in value.items()}
    return value


def without_diacritics(words: LanguageWordings) -> LanguageWordings:
    """The same wordings typed without diacritics (templates, numerals, names of programmes,
    countries and months)."""
    templates = replace(
        words.templates,
        **{
            name: _plain_value(getattr(words.templates, name))
            for name in words.templates.__dataclass_fields__
        },
    )
    return replace(
        words,
        templates=templates,
        family_names=_plain_value(words.family_names),
        months=_plain_value(words.months),
        country_in=_plain_value(words.country_in),
        country_from=_plain_value(words.country_from),
        adjectives=_plain_value(words.adjectives),
    )


POLISH_PLAIN = without_diacritics(POLISH)
POLISH_PLAIN_EXTRAS = Dev4Extras(
    **{name: _plain_value(getattr(POLISH_EXTRAS, name)) for name in Dev4Extras.__dataclass_fields__}
)

# --- Spanish --------------------------------------------------------------------------------------

_ES_NUMERALS = _numerals("2 dos | 3 tres | 6 seis | 7 siete | 14 catorce | 30 treinta | 60 sesenta")
_ES_MONTH_NAMES = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
).split()
_ES_MONTHS = tuple(
    Forms(_ES_MONTH_NAMES[i], d1=f"1 de {_ES_MONTH_NAMES[i]}", prev=_ES_MONTH_NAMES[i - 1]) for i in range(12)
)

SPANISH = LanguageWordings(
    templates=_words(
        count_open=(
            "Dime cuántas convocatorias de {family} tienen el plazo de presentación abierto",
            "¿cuántas ayudas de {family} admiten solicitudes ahora mismo?",
            "¿Cuántos programas de financiación de {family} están abiertos actualmente?",
        ),
        count_forthcoming=("¿Cuántas convocatorias de {family} están previstas pero aún no han abierto?",),
        window={
            "days": spelled(
                _ES_NUMERALS,
                "vencen en los próximos {n} días",
                "tienen el plazo de presentación abierto solo {n} días más",
            ),
            "weeks": spelled(_ES_NUMERALS, "vencen dentro de {n} semanas"),
            "this-month": ("vencen antes de que acabe el mes",),
            "next-month": ("vencen el mes próximo",),
            "before": ("vencen antes del {month:d1}", "cierran como tarde a finales de {month:prev}"),
            "opens": spelled(_ES_NUMERALS, "se abren en los próximos {n} días"),
            "closed-last-month": ("vencieron el mes anterior",),
        },
        calls_of=("convocatorias de {family}", "ayudas de {family}", "programas de financiación de {family}"),
        any_calls=("convocatorias", "ayudas", "líneas de financiación"),
        window_frame=(
            "Muéstrame {what} que {window}",
            "¿Cuáles {what} {window}?",
            "dime qué {what} {window}",
        ),
        superlative={
            "first": (
                "¿Qué convocatoria de {family} tiene el plazo de presentación más próximo?",
                "Dime la convocatoria de {family} que vence antes",
            ),
            "budget": (
                "¿Cuál es la convocatoria de {family} con mayor presupuesto?",
                "muéstrame la ayuda de {family} con más dotación",
            ),
            "per-project": ("¿Qué convocatoria de {family} da la mayor cantidad por proyecto?",),
            "opens-next": ("¿Cuándo se abre la siguiente convocatoria de {family}?",),
            "closes-last": ("¿Qué convocatoria abierta de {family} vence la última?",),
        },
        set_opening=(
            "Muéstrame las convocatorias abiertas de {family}",
            "dime qué ayudas de {family} siguen abiertas",
        ),
        which_first=("¿Y cuál de ellas tiene el plazo más corto?", "¿cuál vence primero?"),
        the_second=("¿y el plazo de la segunda?",),
        only_before=(
            "¿cuáles vencen antes del {month:d1}?",
            "solo las que vencen hasta finales de {month:prev}",
        ),
        how_many_then=("¿y cuántas quedan?",),
        partners_in=("Muéstrame clústeres {country}",),
        and_in=("¿y qué hay {country}?",),
        none_open=(
            "¿Tiene {family} alguna convocatoria con plazo de presentación abierto?",
            "Comprueba si hay alguna ayuda de {family} abierta",
        ),
        budget_total=("Dime el presupuesto de {id} y cuántos proyectos se financiarán",),
        loose_id=("¿Cuándo vence el plazo de presentación de {id}?", "fecha límite de {id}"),
        home_target=(
            "Somos un clúster {a_home} y buscamos socios {target}: dime qué clústeres hay",
            "Nuestra empresa es {home} y queremos expandirnos {target:a}. Muéstrame clústeres de allí",
        ),
        mixed=(
            "Dime qué convocatorias abiertas de {family} podemos pedir junto a un socio {country:de}",
            "Muéstrame ayudas abiertas de {family} para un consorcio con una empresa {country:de}",
        ),
        declined=(
            "Envía tú el correo a {name} por nosotros",
            "Rellena la solicitud de {id} en nuestro nombre",
        ),
        definition={"cluster": ("Explícame la diferencia entre un clúster y una organización clúster",)},
    ),
    family_names={
        "horizon": ("Horizonte Europa", "Horizon Europe"),
        "eic": ("EIC",),
        "msca": ("MSCA",),
        "digital": ("Europa Digital",),
        "smp": ("Mercado Único",),
        "life": ("LIFE",),
        "erasmus": ("Erasmus+",),
        "crea": ("Europa Creativa",),
        "edf": ("Fondo Europeo de Defensa",),
        "innovfund": ("Fondo de Innovación",),
    },
    months=_ES_MONTHS,
    country_in=_countries(_ES_IN, a=_ES_TO, de=_ES_FROM),
    country_from=_ES_FROM,
    adjectives=_ES_ADJECTIVES,
)
SPANISH_EXTRAS = Dev4Extras(
    before_day=("¿Cuáles {what} vencen antes del {day}?", "Muéstrame {what} con plazo antes del {day}"),
    by_day=("dime qué {what} vencen hasta el {day}",),
    next_week=("¿Qué {what} vencen la semana que viene?", "dime qué {what} cierran la próxima semana"),
    budget_over=(
        "Muéstrame convocatorias abiertas de {family} con un presupuesto de más de {amount} "
        "millones de euros",
        "¿Qué convocatorias abiertas de {family} superan los {amount} millones de euros de presupuesto?",
    ),
    day_month=tuple(f"{{day}} de {month}" for month in _ES_MONTH_NAMES),
)

# --- German, French, Italian: a few of the new kinds ----------------------------------------------

_DE_NUMERALS = _numerals("2 zwei | 3 drei | 6 sechs | 7 sieben | 14 vierzehn | 30 dreißig | 60 sechzig")
_DE_MONTH_NAMES = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
GERMAN = LanguageWordings(
    templates=_words(
        count_open=("Zeig mir, wie viele Förderprogramme von {family} gerade Anträge annehmen",),
        window={
            "days": spelled(_DE_NUMERALS, "in den kommenden {n} Tagen enden"),
            "before": ("vor dem {month:d1} enden",),
        },
        calls_of=("Förderaufrufe von {family}",),
        any_calls=("Förderprogramme",),
        window_frame=("Zeig mir {what}, die {window}",),
        superlative={"budget": ("Welcher {family}-Aufruf hat das größte Budget?",)},
        set_opening=("Nenn mir die offenen {family}-Aufrufe",),
        which_first=("Und welcher davon hat die früheste Einreichungsfrist?",),
        the_second=("Und die Frist des zweiten?",),
        only_before=("Nur die mit Frist vor dem {month:d1}",),
        how_many_then=("Wie viele bleiben dann übrig?",),
    ),
    family_names={"horizon": ("Horizont Europa",), "digital": ("Digitales Europa",), "life": ("LIFE",)},
    months=tuple(Forms(name, d1=f"1. {name}", prev="") for name in _DE_MONTH_NAMES),
    country_in=_table(
        "DE: in Deutschland | FR: in Frankreich | ES: in Spanien | IT: in Italien | PL: in Polen"
    ),
    country_from=_table(
        "DE: aus Deutschland | FR: aus Frankreich | ES: aus Spanien | IT: aus Italien | PL: aus Polen"
    ),
)
GERMAN_EXTRAS = Dev4Extras(
    before_day=("Welche {what} enden vor dem {day}?",),
    next_week=("Welche {what} enden nächste Woche?",),
    budget_over=("Zeig mir offene {family}-Aufrufe mit einem Budget über {amount} Mio. Euro",),
    day_month=tuple(f"{{day}}. {month}" for month in _DE_MONTH_NAMES),
)

_FR_NUMERALS = _numerals("2 deux | 3 trois | 6 six | 7 sept | 14 quatorze | 30 trente | 60 soixante")
_FR_MONTH_NAMES = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
)
FRENCH = LanguageWordings(
    templates=_words(
        count_open=("Donne-moi le nombre d'appels {family} encore ouverts aux candidatures",),
        window={
            "days": spelled(_FR_NUMERALS, "se clôturent dans les {n} prochains jours"),
            "before": ("se terminent avant le {month:d1}",),
        },
        calls_of=("appels à propositions {family}",),
        any_calls=("appels à candidatures",),
        window_frame=("Montre-moi les {what} qui {window}",),
        superlative={"budget": ("Quel appel {family} a le plus gros budget ?",)},
        set_opening=("Liste les appels {family} ouverts",),
        which_first=("Et lequel a la date limite la plus proche ?",),
        the_second=("Et la date limite du deuxième ?",),
        only_before=("Seulement ceux qui se terminent avant le {month:d1}",),
        how_many_then=("Il en reste combien ?",),
    ),
    family_names={"horizon": ("Horizon Europe",), "digital": ("Europe numérique",), "life": ("LIFE",)},
    months=tuple(Forms(name, d1=f"1er {name}", prev="") for name in _FR_MONTH_NAMES),
    country_in=_table("DE: en Allemagne | FR: en France | ES: en Espagne | IT: en Italie | PL: en Pologne"),
    country_from=_table("DE: d'Allemagne | FR: de France | ES: d'Espagne | IT: d'Italie | PL: de Pologne"),
)
FRENCH_EXTRAS = Dev4Extras(
    before_day=("Quels {what} se terminent avant le {day} ?",),
    next_week=("Quels {what} se clôturent la semaine prochaine ?",),
    budget_over=(
        "Montre-moi les appels {family} ouverts avec un budget de plus de {amount} millions d'euros",
    ),
    day_month=tuple(f"{{day}} {month}" for month in _FR_MONTH_NAMES),
)

_IT_NUMERALS = _numerals("2 due | 3 tre | 6 sei | 7 sette | 14 quattordici | 30 trenta | 60 sessanta")
_IT_MONTH_NAMES = (
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"
).split()
ITALIAN = LanguageWordings(
    templates=_words(
        count_open=("Dimmi quanti avvisi {family} accettano ancora domande",),
        window={
            "days": spelled(_IT_NUMERALS, "scadono entro {n} giorni"),
            "before": ("scadono prima del {month:d1}",),
        },
        calls_of=("avvisi {family}",),
        any_calls=("avvisi di finanziamento",),
        window_frame=("Mostrami gli {what} che {window}",),
        superlative={"budget": ("Quale bando {family} ha il budget più alto?",)},
        set_opening=("Elenca i bandi {family} aperti",),
        which_first=("E quale di questi ha la scadenza più vicina?",),
        the_second=("E la scadenza del secondo?",),
        only_before=("Solo quelli che scadono prima del {month:d1}",),
        how_many_then=("Quanti ne restano?",),
    ),
    family_names={"horizon": ("Orizzonte Europa",), "digital": ("Europa digitale",), "life": ("LIFE",)},
    months=tuple(Forms(name, d1=f"1º {name}", prev="") for name in _IT_MONTH_NAMES),
    country_in=_table("DE: in Germania | FR: in Francia | ES: in Spagna | IT: in Italia | PL: in Polonia"),
    country_from=_table(
        "DE: dalla Germania | FR: dalla Francia | ES: dalla Spagna | IT: dall'Italia | PL: dalla Polonia"
    ),
)
ITALIAN_EXTRAS = Dev4Extras(
    before_day=("Quali {what} scadono prima del {day}?",),
    next_week=("Quali {what} scadono la settimana prossima?",),
    budget_over=("Mostrami i bandi {family} aperti con un budget superiore a {amount} milioni di euro",),
    day_month=tuple(f"{{day}} {month}" for month in _IT_MONTH_NAMES),
)

DEV4_LANGUAGES: dict[str, tuple[LanguageWordings, Dev4Extras]] = {
    "pl": (POLISH, POLISH_EXTRAS),
    "pl-plain": (POLISH_PLAIN, POLISH_PLAIN_EXTRAS),
    "es": (SPANISH, SPANISH_EXTRAS),
    "de": (GERMAN, GERMAN_EXTRAS),
    "fr": (FRENCH, FRENCH_EXTRAS),
    "it": (ITALIAN, ITALIAN_EXTRAS),
}
"""Language → wordings and the wordings of dev4's own shapes; ``pl-plain`` counts as Polish."""

DEV4_QUOTAS: dict[str, dict[str, int]] = {
    "pl": {
        "count": 5, "window": 7, "window-all": 3, "superlative": 7, "follow-up-set": 5, "partners": 2,
        "none-open": 3, "budget": 2, "loose-id": 3, "home-target": 4, "mixed": 3, "declined": 3,
        "definition": 2, "before-day": 4, "next-week": 3, "budget-over": 3,
    },
    "pl-plain": {
        "count": 2, "window": 3, "superlative": 3, "follow-up-set": 2, "none-open": 1, "home-target": 2,
        "mixed": 1, "before-day": 2, "next-week": 1, "budget-over": 1,
    },
    "es": {
        "count": 3, "window": 5, "window-all": 2, "superlative": 5, "follow-up-set": 3, "partners": 1,
        "none-open": 2, "budget": 1, "loose-id": 2, "home-target": 2, "mixed": 2, "declined": 2,
        "definition": 1, "before-day": 3, "next-week": 2, "budget-over": 2,
    },
    **{
        lang: {
            "count": 1, "window": 2, "superlative": 1, "follow-up-set": 1, "before-day": 1, "next-week": 1,
            "budget-over": 1,
        }
        for lang in ("de", "fr", "it")
    },
}  # fmt: skip
"""Cases per shape and language: Polish 73 (18 of them without diacritics), Spanish 38, the others 8."""
