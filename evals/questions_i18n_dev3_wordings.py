"""A third tuning set for the planner in five languages (issue 13), weighted to Polish and Spanish.

Written by hand after the second i18n round, before this round's tuning and without looking at the
i18n hold-out. Polish is asked with its full case inflection — a call is "nabór", "naboru",
"naborów", "naborze", "naborem"; a country "w Czechach", "do Niemiec", "z Niemiec", "na Słowacji",
"na Słowację"; a programme "Horyzontu Europa", "w Horyzoncie Europa" — with colloquial frames
("ile jest", "jakie mamy", "co się zamyka", "do kiedy") and once more typed without diacritics, as
on a phone ("nabory ktore sie zamykaja"). Spanish as members write it ("¿cuál cierra antes?", "de
aquí a fin de mes", "convocatorias vigentes"). German, French and Italian add a few of every shape.
``scripts/build_questions_i18n.py dev3`` fills them from the records; the gold never comes from here.

Placeholders are those of :mod:`evals.questions_i18n_dev2_wordings`. A name that must be inflected
carries its forms (:class:`Forms`), chosen with a format spec: ``{family:loc}`` "w Horyzoncie
Europa", ``{target:do}`` "do Niemiec", ``{country:z}`` "z Niemiec"; without a spec, the default form.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import Any

from evals.questions_i18n_dev2_wordings import _table
from evals.questions_i18n_wordings import LanguageWordings, _words
from evals.questions_wordings import Wordings


class Forms(str):
    """A name with its inflected forms: ``format(name, "loc")`` is the locative, ``format(name, "")``
    the default (the string itself)."""

    forms: dict[str, str]

    def __new__(cls, default: str, **forms: str) -> Forms:
        made = super().__new__(cls, default)
        made.forms = forms
        return made

    def __format__(self, spec: str) -> str:
        return self.forms[spec] if spec else str(self)


def _countries(rows: dict[str, str], **cases: dict[str, str]) -> dict[str, str]:
    """Each country's "in" phrase carrying its other cases (``do=…``, ``z=…``) as :class:`Forms`."""
    return {
        code: Forms(text, **{case: table[code] for case, table in cases.items()})
        for code, text in rows.items()
    }


# --- Polish ---------------------------------------------------------------------------------------

_PL_IN = _table(
    "DE: w Niemczech | FR: we Francji | ES: w Hiszpanii | IT: we Włoszech | PL: w Polsce | DK: w Danii | "
    "AT: w Austrii | NL: w Holandii | SE: w Szwecji | CZ: w Czechach | BE: w Belgii | PT: w Portugalii | "
    "FI: w Finlandii | RO: w Rumunii | HU: na Węgrzech | GR: w Grecji | IE: w Irlandii | BG: w Bułgarii | "
    "SK: na Słowacji | SI: w Słowenii | LT: na Litwie | HR: w Chorwacji | TR: w Turcji | UA: na Ukrainie | "
    "EE: w Estonii | LV: na Łotwie | RS: w Serbii | MD: w Mołdawii | GE: w Gruzji | CY: na Cyprze | "
    "AL: w Albanii | LU: w Luksemburgu | ME: w Czarnogórze | MK: w Macedonii Północnej"
)
_PL_TO = _table(
    "DE: do Niemiec | FR: do Francji | ES: do Hiszpanii | IT: do Włoch | PL: do Polski | DK: do Danii | "
    "AT: do Austrii | NL: do Holandii | SE: do Szwecji | CZ: do Czech | BE: do Belgii | PT: do Portugalii | "
    "FI: do Finlandii | RO: do Rumunii | HU: na Węgry | GR: do Grecji | IE: do Irlandii | BG: do Bułgarii | "
    "SK: na Słowację | SI: do Słowenii | LT: na Litwę | HR: do Chorwacji | TR: do Turcji | UA: na Ukrainę | "
    "EE: do Estonii | LV: na Łotwę | RS: do Serbii | MD: do Mołdawii | GE: do Gruzji | CY: na Cypr | "
    "AL: do Albanii | LU: do Luksemburga | ME: do Czarnogóry | MK: do Macedonii Północnej"
)
_PL_FROM = _table(
    "DE: z Niemiec | FR: z Francji | ES: z Hiszpanii | IT: z Włoch | PL: z Polski | DK: z Danii | "
    "AT: z Austrii | NL: z Holandii | SE: ze Szwecji | CZ: z Czech | BE: z Belgii | PT: z Portugalii | "
    "FI: z Finlandii | RO: z Rumunii | HU: z Węgier | GR: z Grecji | IE: z Irlandii | BG: z Bułgarii | "
    "SK: ze Słowacji | SI: ze Słowenii | LT: z Litwy | HR: z Chorwacji | TR: z Turcji | UA: z Ukrainy | "
    "EE: z Estonii | LV: z Łotwy | RS: z Serbii | MD: z Mołdawii | GE: z Gruzji | CY: z Cypru | "
    "AL: z Albanii | LU: z Luksemburga | ME: z Czarnogóry | MK: z Macedonii Północnej"
)
_PL_ADJECTIVES = _table(
    "DE: niemiecką | FR: francuską | ES: hiszpańską | IT: włoską | PL: polską | DK: duńską | "
    "AT: austriacką | NL: holenderską | SE: szwedzką | CZ: czeską | BE: belgijską | "
    "PT: portugalską | FI: fińską | "
    "RO: rumuńską | HU: węgierską | GR: grecką | IE: irlandzką | BG: bułgarską | SK: słowacką | "
    "SI: słoweńską | LT: litewską | HR: chorwacką | TR: turecką | UA: ukraińską | EE: estońską | "
    "LV: łotewską | RS: serbską | MD: mołdawską | GE: gruzińską | CY: cypryjską | AL: albańską | "
    "LU: luksemburską | ME: czarnogórską | MK: macedońską"
)


def _pl_family(genitive: str, locative: str, nominative: str | None = None) -> Forms:
    """A programme in the genitive ("naborów Horyzontu Europa") with its locative ("w Horyzoncie
    Europa") and nominative ("program Horyzont Europa")."""
    return Forms(genitive, loc=locative, nom=nominative or genitive)


POLISH = LanguageWordings(
    templates=_words(
        count_open=(
            "ile jest teraz otwartych naborów {family}?",
            "Ile mamy otwartych konkursów w ramach {family}?",
            "W ilu naborach {family} można dziś składać wnioski?",
            "policz otwarte nabory w {family:loc}",
            "Ile naborów {family} trwa obecnie?",
        ),
        count_forthcoming=(
            "Ile naborów {family} ma dopiero ruszyć?",
            "ile jest zapowiedzianych naborów w {family:loc}, które jeszcze nie wystartowały?",
        ),
        window={
            "days": (
                "mają termin składania wniosków w ciągu {n} dni",
                "zamykają się w przeciągu {n} dni",
                "kończą się w ciągu następnych {n} dni",
            ),
            "weeks": ("zamykają się w ciągu {n} tygodni", "mają deadline w najbliższych {n} tygodniach"),
            "this-month": (
                "zamykają się jeszcze w tym miesiącu",
                "mają termin do końca miesiąca",
                "kończą się przed końcem tego miesiąca",
            ),
            "next-month": ("zamykają się w następnym miesiącu", "mają termin w przyszłym miesiącu"),
            "before": ("kończą się jeszcze przed {month}", "mają termin przed {month}"),
            "opens": ("ruszają w ciągu najbliższych {n} dni", "wystartują w ciągu {n} dni"),
            "closed-last-month": ("zamknęły się w poprzednim miesiącu", "skończyły się w zeszłym miesiącu"),
        },
        calls_of=("nabory {family}", "konkursy w ramach {family}", "nabory w {family:loc}"),
        any_calls=("nabory", "konkursy", "nabory wniosków"),
        window_frame=(
            "Jakie {what} {window}?",
            "które {what} {window}",
            "Wypisz {what}, które {window}",
            "pokaż mi {what}, które {window}",
        ),
        superlative={
            "first": (
                "Który nabór {family} zamyka się jako pierwszy?",
                "co się najszybciej zamyka w {family:loc}?",
                "Jaki jest najbliższy deadline w {family:loc}?",
            ),
            "budget": (
                "W którym naborze {family} jest największy budżet?",
                "który otwarty konkurs {family} ma najwięcej pieniędzy?",
            ),
            "per-project": (
                "W którym otwartym naborze {family} kwota na projekt jest najwyższa?",
                "gdzie w {family:loc} dostanę najwięcej na jeden projekt?",
            ),
            "opens-next": (
                "Kiedy ruszy kolejny nabór {family}?",
                "jaki będzie następny nabór w {family:loc}?",
            ),
            "closes-last": (
                "Który nabór {family} zamyka się ostatni?",
                "do kiedy najdłużej można składać wnioski w {family:loc}?",
            ),
        },
        set_opening=(
            "Jakie mamy otwarte nabory {family}?",
            "jakie są teraz otwarte konkursy w {family:loc}?",
            "pokaż otwarte nabory w ramach {family}",
        ),
        which_first=(
            "a który z nich kończy się najwcześniej?",
            "który z tych naborów zamyka się pierwszy?",
            "i który ma najbliższy termin?",
        ),
        the_second=(
            "a drugi z nich – do kiedy?",
            "do kiedy trwa drugi nabór z listy?",
            "jaki termin ma drugi?",
        ),
        only_before=(
            "a tylko te, które kończą się przed {month}?",
            "zostaw tylko nabory z terminem przed {month}",
        ),
        how_many_then=("ile ich jest w sumie?", "czyli ile to naborów?"),
        partners_in=("Jakie organizacje klastrowe działają {country}?", "szukam klastrów {country}"),
        and_in=("a {country}?", "a co z klastrami {country}?"),
        none_open=(
            "Czy jest teraz otwarty jakiś nabór {family}?",
            "można jeszcze gdzieś złożyć wniosek w {family:loc}?",
            "czy coś jest teraz otwarte w {family:loc}?",
        ),
        budget_total=(
            "Jaki budżet ma {id} i ile projektów dofinansują?",
            "ile wynosi budżet naboru {id} i na ile projektów wystarczy?",
        ),
        loose_id=("do kiedy trwa {id}?", "jaki jest termin naboru {id}", "czy {id} jest jeszcze otwarty?"),
        home_target=(
            "Jesteśmy {home} firmą i chcemy wejść {target:do}. Z jakimi klastrami tam rozmawiać?",
            "firma {a_home}, planujemy ekspansję {target:do} – jakie klastry są {target}?",
            "Działamy {home_country}, szukamy klastrów {target}",
            "Jako MŚP {a_home} szukamy partnera {target}. Jakie klastry polecasz?",
            "mamy siedzibę {home_country} i chcemy współpracować z klastrem {target}",
        ),
        mixed=(
            "Z jakich otwartych naborów {family} moglibyśmy skorzystać razem z partnerem {country:z}?",
            "szukamy finansowania z {family} na projekt z firmą {country:z} – co jest otwarte?",
            "jakie nabory {family} są otwarte dla konsorcjum z partnerami {country}?",
            "Mamy partnera {country}. W jakim naborze {family} możemy razem złożyć wniosek?",
        ),
        declined=(
            "Umów nas na spotkanie z {name}",
            "złóż za nas wniosek do {id}",
            "Wyślij w naszym imieniu maila do {name}",
        ),
        definition={
            "cluster": (
                "Czym się różni klaster od organizacji klastrowej?",
                "co to właściwie jest klaster?",
            ),
            "cluster-mapping": ("Na czym polega mapowanie klastrów?", "co to jest cluster mapping?"),
            "traded-local": ("Czym się różnią klastry eksportowe (traded) od lokalnych?",),
        },
        cluster_kind=("Czy {category} to klaster typu traded czy lokalny?",),
    ),
    family_names={
        "horizon": (
            _pl_family("Horyzontu Europa", "Horyzoncie Europa", "Horyzont Europa"),
            _pl_family("Horizon Europe", "Horizon Europe"),
        ),
        "eic": (_pl_family("EIC", "EIC"),),
        "msca": (_pl_family("MSCA", "MSCA"),),
        "missions": (_pl_family("misji UE", "misjach UE"),),
        "digital": (_pl_family("Cyfrowej Europy", "Cyfrowej Europie", "Cyfrowa Europa"),),
        "smp": (_pl_family("programu na rzecz jednolitego rynku", "programie na rzecz jednolitego rynku"),),
        "life": (_pl_family("LIFE", "LIFE"),),
        "erasmus": (_pl_family("Erasmus+", "Erasmusie+", "Erasmus+"),),
        "crea": (_pl_family("Kreatywnej Europy", "Kreatywnej Europie", "Kreatywna Europa"),),
        "cef": (
            _pl_family("instrumentu „Łącząc Europę”", "instrumencie „Łącząc Europę”"),
            _pl_family("CEF", "CEF"),
        ),
        "edf": (_pl_family("Europejskiego Funduszu Obronnego", "Europejskim Funduszu Obronnym"),),
        "cerv": (_pl_family("CERV", "CERV"),),
        "innovfund": (_pl_family("Funduszu Innowacyjnego", "Funduszu Innowacyjnym"),),
    },
    months=(
        "styczniem",
        "lutym",
        "marcem",
        "kwietniem",
        "majem",
        "czerwcem",
        "lipcem",
        "sierpniem",
        "wrześniem",
        "październikiem",
        "listopadem",
        "grudniem",
    ),  # fmt: skip
    country_in=_countries(_PL_IN, do=_PL_TO, z=_PL_FROM),
    country_from=_PL_FROM,
    adjectives=_PL_ADJECTIVES,
)


def _plain(text: str) -> str:
    """``text`` typed without Polish letters, as on a phone without them ("które się" → "ktore sie")."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _plain_value(value: Any) -> Any:
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
    """The same wordings typed without diacritics (templates, programme and country names)."""
    templates: Wordings = replace(
        words.templates,
        **{name: _plain_value(getattr(words.templates, name)) for name in Wordings.__dataclass_fields__},
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
"""Polish typed without diacritics ("ile jest teraz otwartych naborow", "na Slowacji", "z Wegier")."""

# --- Spanish --------------------------------------------------------------------------------------

_ES_IN = _table(
    "DE: en Alemania | FR: en Francia | ES: en España | IT: en Italia | PL: en Polonia | DK: en Dinamarca | "
    "AT: en Austria | NL: en los Países Bajos | SE: en Suecia | CZ: en Chequia | BE: en Bélgica | "
    "PT: en Portugal | FI: en Finlandia | RO: en Rumanía | HU: en Hungría | GR: en Grecia | IE: en Irlanda | "
    "BG: en Bulgaria | SK: en Eslovaquia | SI: en Eslovenia | LT: en Lituania | HR: en Croacia | "
    "TR: en Turquía | UA: en Ucrania | EE: en Estonia | LV: en Letonia | RS: en Serbia | MD: en Moldavia | "
    "GE: en Georgia | CY: en Chipre | AL: en Albania | LU: en Luxemburgo | ME: en Montenegro | "
    "MK: en Macedonia del Norte"
)
_ES_FROM = {code: "de" + text.removeprefix("en") for code, text in _ES_IN.items()}
_ES_TO = {code: "a" + text.removeprefix("en") for code, text in _ES_IN.items()}
_ES_ADJECTIVES = _table(
    "DE: alemana | FR: francesa | ES: española | IT: italiana | PL: polaca | DK: danesa | AT: austriaca | "
    "NL: neerlandesa | SE: sueca | CZ: checa | BE: belga | PT: portuguesa | FI: finlandesa | RO: rumana | "
    "HU: húngara | GR: griega | IE: irlandesa | BG: búlgara | SK: eslovaca | SI: eslovena | LT: lituana | "
    "HR: croata | TR: turca | UA: ucraniana | EE: estonia | LV: letona | RS: serbia | MD: moldava | "
    "GE: georgiana | CY: chipriota | AL: albanesa | LU: luxemburguesa | ME: montenegrina | MK: macedonia"
)

SPANISH = LanguageWordings(
    templates=_words(
        count_open=(
            "¿cuántas convocatorias vigentes hay de {family}?",
            "¿Cuántas convocatorias de {family} están abiertas a día de hoy?",
            "Número de convocatorias de {family} con plazo abierto",
        ),
        count_forthcoming=("¿Cuántas convocatorias de {family} van a abrir próximamente?",),
        window={
            "days": ("cierran en menos de {n} días", "tienen el plazo en los próximos {n} días"),
            "weeks": ("cierran en las próximas {n} semanas",),
            "this-month": ("cierran de aquí a fin de mes", "terminan este mes"),
            "next-month": ("cierran el mes que viene",),
            "before": ("cierran antes de {month}",),
            "opens": ("abren en menos de {n} días",),
            "closed-last-month": ("cerraron el mes pasado",),
        },
        calls_of=("convocatorias de {family}", "convocatorias vigentes de {family}"),
        any_calls=("convocatorias", "convocatorias vigentes"),
        window_frame=("¿Qué {what} {window}?", "¿me dices qué {what} {window}?", "{what} que {window}"),
        superlative={
            "first": (
                "De las convocatorias de {family}, ¿cuál cierra antes?",
                "¿Cuál de las convocatorias de {family} vence primero?",
            ),
            "budget": ("¿Qué convocatoria de {family} tiene más dinero?",),
            "per-project": ("¿Con qué convocatoria de {family} se consigue más por proyecto?",),
            "opens-next": ("¿Cuál es la próxima convocatoria de {family} que se abre?",),
            "closes-last": ("¿Cuál de las convocatorias abiertas de {family} cierra más tarde?",),
        },
        set_opening=(
            "¿Qué convocatorias vigentes tiene {family}?",
            "convocatorias abiertas de {family}, porfa",
        ),
        which_first=("¿Cuál cierra antes?", "¿y cuál de ellas vence primero?"),
        the_second=("¿Y la segunda, hasta cuándo?",),
        only_before=("Solo las que cierran antes de {month}, por favor",),
        how_many_then=("¿Y cuántas son en total?",),
        partners_in=("Busco clústeres {country}",),
        and_in=("¿Y {country}?",),
        none_open=(
            "¿Hay algo abierto ahora mismo en {family}?",
            "¿Queda alguna convocatoria de {family} vigente?",
        ),
        budget_total=("¿Qué presupuesto tiene {id} y cuántos proyectos piensan financiar?",),
        loose_id=("¿Hasta cuándo está abierta {id}?", "plazo de {id}?"),
        home_target=(
            "Somos una pyme {home} y queremos entrar {target:a}: ¿qué clústeres hay?",
            "Empresa {home} busca clústeres {target} para colaborar",
            "Estamos {home_country} y queremos socios {target}",
            "Como startup {home}, ¿a qué clústeres {target} nos conviene escribir?",
        ),
        mixed=(
            "¿Qué convocatorias de {family} vigentes podríamos pedir con un socio {country:de}?",
            "Buscamos financiación de {family} para un proyecto con una empresa {country:de}, "
            "¿qué hay abierto?",
            "Queremos presentarnos con socios {country}: ¿qué convocatorias de {family} siguen abiertas?",
        ),
        declined=("Resérvanos una reunión con {name}", "Presenta tú la solicitud de {id} por nosotros"),
        definition={
            "cluster": ("¿En qué se diferencia un clúster de una organización clúster?",),
            "cluster-mapping": ("¿Qué es el mapeo de clústeres?",),
        },
    ),
    family_names={
        "horizon": ("Horizonte Europa", "Horizon Europe"),
        "eic": ("EIC",),
        "msca": ("MSCA",),
        "missions": ("misiones de la UE",),
        "digital": ("Europa Digital",),
        "smp": ("Programa para el Mercado Único",),
        "life": ("LIFE",),
        "erasmus": ("Erasmus+",),
        "crea": ("Europa Creativa",),
        "cef": ("CEF",),
        "edf": ("Fondo Europeo de Defensa",),
        "cerv": ("CERV",),
        "innovfund": ("Fondo de Innovación",),
    },
    months=(
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),  # fmt: skip
    country_in=_countries(_ES_IN, a=_ES_TO, de=_ES_FROM),
    country_from=_ES_FROM,
    adjectives=_ES_ADJECTIVES,
)

# --- German, French, Italian: a few of every shape ------------------------------------------------

GERMAN = LanguageWordings(
    templates=_words(
        count_open=("Wie viele {family}-Ausschreibungen kann man gerade einreichen?",),
        count_forthcoming=("Wie viele {family}-Calls sind schon angekündigt, aber noch zu?",),
        window={"days": ("laufen binnen {n} Tagen aus",), "this-month": ("enden bis Ende dieses Monats",)},
        calls_of=("{family}-Ausschreibungen",),
        any_calls=("Förderaufrufe",),
        window_frame=("Welche {what} {window}?",),
        superlative={"first": ("Welche {family}-Ausschreibung hat die nächste Deadline?",)},
        set_opening=("Welche {family}-Calls sind offen?",),
        which_first=("Welcher davon endet am frühesten?",),
        the_second=("Bis wann läuft der zweite?",),
        only_before=("Nur die, deren Frist vor {month} liegt",),
        how_many_then=("Wie viele sind es dann?",),
        none_open=("Ist bei {family} gerade irgendwas offen?",),
        home_target=("Wir sind ein {home} Start-up und suchen Cluster {target}",),
        mixed=("Mit einem Partner {country}: welche {family}-Calls laufen noch?",),
        definition={"cluster": ("Was unterscheidet einen Cluster von einer Clusterorganisation?",)},
        loose_id=("Bis wann läuft {id}?",),
    ),
    family_names={
        "horizon": ("Horizont Europa",),
        "eic": ("EIC",),
        "digital": ("Digitales Europa",),
        "life": ("LIFE",),
        "edf": ("EDF",),
        "erasmus": ("Erasmus+",),
    },  # fmt: skip
    months=(
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),  # fmt: skip
    country_in=_table(
        "DE: in Deutschland | FR: in Frankreich | ES: in Spanien | IT: in Italien | PL: in Polen | "
        "AT: in Österreich | NL: in den Niederlanden | CZ: in Tschechien | SK: in der Slowakei | "
        "HU: in Ungarn | BE: in Belgien | SE: in Schweden | DK: in Dänemark | RO: in Rumänien"
    ),
    country_from=_table(
        "DE: aus Deutschland | FR: aus Frankreich | ES: aus Spanien | IT: aus Italien | PL: aus Polen | "
        "AT: aus Österreich | NL: aus den Niederlanden | CZ: aus Tschechien | SK: aus der Slowakei | "
        "HU: aus Ungarn | BE: aus Belgien | SE: aus Schweden | DK: aus Dänemark | RO: aus Rumänien"
    ),
    adjectives=_table(
        "DE: deutsches | FR: französisches | ES: spanisches | IT: italienisches | PL: polnisches | "
        "AT: österreichisches | NL: niederländisches | CZ: tschechisches | SK: slowakisches | "
        "HU: ungarisches | BE: belgisches | SE: schwedisches | DK: dänisches | RO: rumänisches"
    ),
)

FRENCH = LanguageWordings(
    templates=_words(
        count_open=("Il y a combien d'appels {family} en cours ?",),
        count_forthcoming=("Combien d'appels {family} vont bientôt ouvrir ?",),
        window={"days": ("se terminent d'ici {n} jours",), "this-month": ("ferment avant la fin du mois",)},
        calls_of=("appels {family}",),
        any_calls=("appels à projets",),
        window_frame=("Quels {what} {window} ?",),
        superlative={"first": ("Parmi les appels {family}, lequel ferme en premier ?",)},
        set_opening=("Quels appels {family} sont ouverts ?",),
        which_first=("Et lequel se termine le plus tôt ?",),
        the_second=("Et le deuxième, il ferme quand ?",),
        only_before=("Garde seulement ceux qui ferment avant {month}",),
        how_many_then=("Ça en fait combien ?",),
        none_open=("Est-ce qu'il reste un appel {family} ouvert ?",),
        home_target=("Nous sommes une start-up {home} et cherchons des pôles {target}",),
        mixed=("Avec un partenaire {country}, quels appels {family} restent ouverts ?",),
        definition={"cluster": ("Quelle différence entre un cluster et une organisation de cluster ?",)},
        loose_id=("Jusqu'à quand est ouvert {id} ?",),
    ),
    family_names={
        "horizon": ("Horizon Europe",),
        "eic": ("EIC",),
        "digital": ("Europe numérique",),
        "life": ("LIFE",),
        "erasmus": ("Erasmus+",),
    },  # fmt: skip
    months=(
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),  # fmt: skip
    country_in=_table(
        "DE: en Allemagne | FR: en France | ES: en Espagne | IT: en Italie | PL: en Pologne | "
        "AT: en Autriche | NL: aux Pays-Bas | CZ: en Tchéquie | SK: en Slovaquie | HU: en Hongrie | "
        "BE: en Belgique | SE: en Suède | DK: au Danemark | RO: en Roumanie | PT: au Portugal"
    ),
    country_from=_table(
        "DE: d'Allemagne | FR: de France | ES: d'Espagne | IT: d'Italie | PL: de Pologne | AT: d'Autriche | "
        "NL: des Pays-Bas | CZ: de Tchéquie | SK: de Slovaquie | HU: de Hongrie | BE: de Belgique | "
        "SE: de Suède | DK: du Danemark | RO: de Roumanie | PT: du Portugal"
    ),
    adjectives=_table(
        "DE: allemande | FR: française | ES: espagnole | IT: italienne | PL: polonaise | AT: autrichienne | "
        "NL: néerlandaise | CZ: tchèque | SK: slovaque | HU: hongroise | BE: belge | SE: suédoise | "
        "DK: danoise | RO: roumaine | PT: portugaise"
    ),
)

ITALIAN = LanguageWordings(
    templates=_words(
        count_open=("Quanti bandi {family} sono aperti adesso?",),
        count_forthcoming=("Quanti bandi {family} apriranno a breve?",),
        window={"days": ("scadono nei prossimi {n} giorni",), "this-month": ("chiudono entro fine mese",)},
        calls_of=("bandi {family}",),
        any_calls=("bandi",),
        window_frame=("Quali {what} {window}?",),
        superlative={"first": ("Tra i bandi {family}, quale scade per primo?",)},
        set_opening=("Quali bandi {family} sono aperti?",),
        which_first=("E quale di questi chiude prima?",),
        the_second=("E il secondo fino a quando è aperto?",),
        only_before=("Solo quelli che scadono prima di {month}",),
        how_many_then=("Quindi quanti sono?",),
        none_open=("C'è ancora qualche bando {family} aperto?",),
        home_target=("Siamo una PMI {home} e cerchiamo poli tecnologici {target}",),
        mixed=("Con un partner {country}, quali bandi {family} sono ancora aperti?",),
        definition={"cluster": ("Che differenza c'è tra un cluster e un'organizzazione cluster?",)},
        loose_id=("Fino a quando è aperto {id}?",),
    ),
    family_names={
        "horizon": ("Orizzonte Europa",),
        "eic": ("EIC",),
        "digital": ("Europa digitale",),
        "life": ("LIFE",),
        "erasmus": ("Erasmus+",),
    },  # fmt: skip
    months=(
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ),  # fmt: skip
    country_in=_table(
        "DE: in Germania | FR: in Francia | ES: in Spagna | IT: in Italia | PL: in Polonia | "
        "AT: in Austria | NL: nei Paesi Bassi | CZ: in Cechia | SK: in Slovacchia | HU: in Ungheria | "
        "BE: in Belgio | "
        "SE: in Svezia | DK: in Danimarca | RO: in Romania | PT: in Portogallo"
    ),
    country_from=_table(
        "DE: dalla Germania | FR: dalla Francia | ES: dalla Spagna | IT: dall'Italia | PL: dalla Polonia | "
        "AT: dall'Austria | NL: dai Paesi Bassi | CZ: dalla Cechia | SK: dalla Slovacchia | "
        "HU: dall'Ungheria | BE: dal Belgio | SE: dalla Svezia | DK: dalla Danimarca | RO: dalla Romania | "
        "PT: dal Portogallo"
    ),
    adjectives=_table(
        "DE: tedesca | FR: francese | ES: spagnola | IT: italiana | PL: polacca | AT: austriaca | "
        "NL: olandese | CZ: ceca | SK: slovacca | HU: ungherese | BE: belga | SE: svedese | DK: danese | "
        "RO: rumena | PT: portoghese"
    ),
)

DEV3_LANGUAGES: dict[str, LanguageWordings] = {
    "pl": POLISH,
    "pl-plain": POLISH_PLAIN,
    "es": SPANISH,
    "de": GERMAN,
    "fr": FRENCH,
    "it": ITALIAN,
}
"""Language → wordings; ``pl-plain`` is Polish without diacritics (its cases count as Polish)."""

DEV3_QUOTAS: dict[str, dict[str, int]] = {
    "pl": {
        "count": 5, "window": 6, "window-all": 2, "superlative": 8, "follow-up-set": 4, "partners": 2,
        "none-open": 3, "budget": 2, "loose-id": 3, "home-target": 5, "mixed": 4, "declined": 3,
        "definition": 3, "definition-kind": 1,
    },
    "pl-plain": {
        "count": 2, "window": 2, "window-all": 1, "superlative": 3, "follow-up-set": 2, "none-open": 1,
        "home-target": 2, "mixed": 1, "declined": 1,
    },
    "es": {
        "count": 3, "window": 4, "window-all": 2, "superlative": 5, "follow-up-set": 3, "partners": 1,
        "none-open": 2, "budget": 1, "loose-id": 2, "home-target": 4, "mixed": 3, "declined": 2,
        "definition": 2,
    },
    **{
        lang: {
            "count": 1, "window": 1, "window-all": 1, "superlative": 1, "follow-up-set": 1, "none-open": 1,
            "home-target": 1, "mixed": 1, "definition": 1, "loose-id": 1,
        }
        for lang in ("de", "fr", "it")
    },
}  # fmt: skip
"""Cases per shape and language: Polish 64 (15 of them without diacritics), Spanish 34, the others 10."""
