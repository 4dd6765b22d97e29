"""How members ask in German, French, Spanish, Italian, Polish and code-mixed: the i18n planner set.

Written by hand before the planner was tuned for other languages, naturally rather than word for word
(``scripts/build_questions_i18n.py`` fills them from the records; the gold never comes from here).
Placeholders are those of :mod:`evals.questions_wordings`; ``{country}``, ``{target}`` and
``{home_country}`` are filled with the language's "in <country>" phrase (``place``) and
``{home}``/``{a_home}`` with its "from <country>" phrase (``demonym``), so that each language's
prepositions and cases are written by hand ("au Danemark", "w Niemczech", "aus den Niederlanden").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from evals.questions_wordings import Wordings


@dataclass(frozen=True)
class LanguageWordings:
    """One language's templates, names of programmes, months and country phrases."""

    templates: Wordings
    family_names: dict[str, tuple[str, ...]]
    months: tuple[str, ...]
    """Month names as the "before {month}" templates need them (Polish: instrumental, "przed marcem")."""
    country_in: dict[str, str]
    country_from: dict[str, str]
    out_of_scope: tuple[str, ...] = field(default=())
    adjectives: dict[str, str] = field(default_factory=dict)
    """The country's adjective as the home-target templates need it ("ein deutsches KMU", "une PME
    française", "polską firmą"); when given, ``{home}`` is the adjective and ``{a_home}`` the "from"
    phrase (otherwise both are the "from" phrase)."""

    def place(self, iso2: str) -> str:
        return self.country_in[iso2]

    def demonym(self, iso2: str) -> str:
        return self.adjectives[iso2] if self.adjectives else self.country_from[iso2]

    def from_demonym(self, word: str) -> str:
        """``{a_home}`` from what :meth:`demonym` gave: the "from" phrase of that country."""
        if not self.adjectives:
            return word
        codes = [code for code, adjective in self.adjectives.items() if adjective == word]
        return self.country_from[codes[0]]

    def as_wordings(self) -> Wordings:
        return self.templates


_NO = ("",)


def _words(**kwargs: object) -> Wordings:
    defaults: dict[str, object] = {
        "count_open": _NO, "count_forthcoming": _NO, "window": {}, "calls_of": _NO, "any_calls": _NO,
        "window_frame": _NO, "superlative": {}, "set_opening": _NO, "which_first": _NO, "the_second": _NO,
        "only_before": _NO, "how_many_then": _NO, "partners_in": _NO, "and_in": _NO, "none_open": _NO,
        "budget_total": _NO, "per_sme": _NO, "loose_id": _NO, "typo_cluster": _NO, "typo_call": _NO,
        "home_target": _NO, "mixed": _NO, "declined": _NO,
    }  # fmt: skip
    defaults.update(kwargs)
    return Wordings(**defaults)  # type: ignore[arg-type]


GERMAN = LanguageWordings(
    templates=_words(
        count_open=(
            "Wie viele Ausschreibungen von {family} sind gerade offen?",
            "wie viele {family}-Calls laufen aktuell noch?",
            "Anzahl der offenen Ausschreibungen im Programm {family}?",
        ),
        count_forthcoming=(
            "Wie viele {family}-Ausschreibungen kommen demnächst, sind aber noch nicht geöffnet?",
            "wie viele geplante Calls gibt es bei {family}?",
        ),
        window={
            "days": ("enden in den nächsten {n} Tagen", "schließen innerhalb von {n} Tagen"),
            "weeks": ("laufen in den nächsten {n} Wochen aus",),
            "this-month": ("enden noch in diesem Monat", "schließen bis Ende des Monats"),
            "next-month": ("enden nächsten Monat", "haben ihre Frist im nächsten Monat"),
            "before": ("schließen vor {month}", "haben eine Frist vor {month}"),
            "opens": ("öffnen in den nächsten {n} Tagen",),
            "closed-last-month": ("sind letzten Monat ausgelaufen", "haben im letzten Monat geschlossen"),
        },
        calls_of=("Ausschreibungen von {family}", "{family}-Calls"),
        any_calls=("Ausschreibungen", "Förderaufrufe"),
        window_frame=(
            "Welche {what} {window}?",
            "welche {what} {window}",
            "Sag mal, welche {what} {window}?",
        ),
        superlative={
            "first": (
                "Welche offene Ausschreibung von {family} endet zuerst?",
                "was ist die nächste Frist bei {family}?",
            ),
            "budget": ("Welcher offene {family}-Call hat das größte Budget?",),
            "per-project": ("Welche offene Ausschreibung von {family} gibt am meisten Geld pro Projekt?",),
            "opens-next": ("Welche {family}-Ausschreibung öffnet als nächste?",),
        },
        set_opening=(
            "Welche Ausschreibungen von {family} sind offen?",
            "zeig mir die offenen {family}-Calls",
        ),
        which_first=("Welche davon endet zuerst?", "und welche schließt am frühesten?"),
        the_second=("Die zweite – wann ist da die Frist?", "wann endet die zweite?"),
        only_before=("Nur die mit Frist vor {month}", "bitte nur die, die vor {month} schließen"),
        how_many_then=("Und wie viele sind das?",),
        partners_in=("Finde Clusterorganisationen {country}", "welche Cluster gibt es {country}?"),
        and_in=("Und {country}?", "wie sieht es {country} aus?"),
        none_open=(
            "Sind gerade Ausschreibungen von {family} offen?",
            "können wir uns aktuell noch bei {family} bewerben?",
        ),
        budget_total=("Wie hoch ist das Budget von {id} und wie viele Projekte werden gefördert?",),
        home_target=(
            "Wir sind ein KMU {a_home} und suchen Partner {target}",
            "Unsere Firma sitzt {home_country}. Mit welchen Clustern {target} könnten wir zusammenarbeiten?",
        ),
        mixed=(
            "Welche offenen Ausschreibungen von {family} könnten wir mit Partnern {country} einreichen?",
            "wir wollen mit einer Firma {country} zusammenarbeiten: welche {family}-Calls sind offen?",
        ),
        declined=(
            "Kannst du für nächsten Dienstag ein Treffen mit {name} buchen?",
            "Bitte reiche unseren Antrag für {id} vor der Frist ein",
        ),
    ),
    family_names={
        "horizon": ("Horizont Europa", "Horizon Europe"),
        "eic": ("EIC",),
        "missions": ("EU-Missionen",),
        "digital": ("Digitales Europa", "Digital Europe"),
        "smp": ("Binnenmarktprogramm",),
        "life": ("LIFE",),
        "erasmus": ("Erasmus+",),
        "crea": ("Kreatives Europa",),
        "edf": ("Europäischer Verteidigungsfonds",),
        "innovfund": ("Innovationsfonds",),
    },
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
    country_in={
        "DE": "in Deutschland",
        "FR": "in Frankreich",
        "ES": "in Spanien",
        "IT": "in Italien",
        "PL": "in Polen",
        "DK": "in Dänemark",
        "AT": "in Österreich",
        "NL": "in den Niederlanden",
        "SE": "in Schweden",
        "CZ": "in Tschechien",
        "BE": "in Belgien",
        "PT": "in Portugal",
        "FI": "in Finnland",
        "RO": "in Rumänien",
        "HU": "in Ungarn",
    },  # fmt: skip
    country_from={
        "DE": "aus Deutschland",
        "FR": "aus Frankreich",
        "ES": "aus Spanien",
        "IT": "aus Italien",
        "PL": "aus Polen",
        "DK": "aus Dänemark",
        "AT": "aus Österreich",
        "NL": "aus den Niederlanden",
        "SE": "aus Schweden",
        "CZ": "aus Tschechien",
        "BE": "aus Belgien",
        "PT": "aus Portugal",
        "FI": "aus Finnland",
        "RO": "aus Rumänien",
        "HU": "aus Ungarn",
    },  # fmt: skip
    out_of_scope=("Wie wird das Wetter morgen in Hamburg?",),
)

FRENCH = LanguageWordings(
    templates=_words(
        count_open=(
            "Combien d'appels {family} sont ouverts en ce moment ?",
            "combien d'appels du programme {family} sont encore ouverts ?",
            "Nombre d'appels {family} ouverts aujourd'hui ?",
        ),
        count_forthcoming=(
            "Combien d'appels {family} vont bientôt ouvrir ?",
            "combien d'appels {family} à venir, pas encore ouverts ?",
        ),
        window={
            "days": ("ferment dans les {n} prochains jours", "se clôturent d'ici {n} jours"),
            "weeks": ("ferment dans les {n} prochaines semaines",),
            "this-month": ("ferment d'ici la fin du mois", "se terminent ce mois-ci"),
            "next-month": ("ferment le mois prochain",),
            "before": ("ferment avant {month}", "ont une date limite avant {month}"),
            "opens": ("ouvrent dans les {n} prochains jours",),
            "closed-last-month": ("ont fermé le mois dernier",),
        },
        calls_of=("appels {family}", "appels du programme {family}"),
        any_calls=("appels", "appels à projets"),
        window_frame=(
            "Quels {what} {window} ?",
            "quels {what} {window}",
            "Montre-moi les {what} qui {window}",
        ),
        superlative={
            "first": (
                "Quel appel {family} ouvert ferme en premier ?",
                "quelle est la prochaine date limite pour {family} ?",
            ),
            "budget": ("Quel appel {family} ouvert a le plus gros budget ?",),
            "per-project": ("Quel appel {family} ouvert donne le plus d'argent par projet ?",),
            "opens-next": ("Quel est le prochain appel {family} à ouvrir ?",),
        },
        set_opening=("Quels appels {family} sont ouverts ?", "montre-moi les appels {family} ouverts"),
        which_first=("Lequel ferme en premier ?", "et lequel a la date limite la plus proche ?"),
        the_second=("Et le deuxième, il ferme quand ?", "quelle est la date limite du 2e ?"),
        only_before=(
            "Seulement ceux qui ferment avant {month}",
            "juste ceux avec une date limite avant {month}",
        ),
        how_many_then=("Et ça fait combien ?",),
        partners_in=("Trouve des organisations de clusters {country}", "quels clusters y a-t-il {country} ?"),
        and_in=("Et {country} ?", "et pour les clusters {country} ?"),
        none_open=(
            "Y a-t-il des appels {family} ouverts en ce moment ?",
            "peut-on encore candidater à un appel {family} ?",
        ),
        budget_total=("Quel est le budget de {id} et combien de projets seront financés ?",),
        home_target=(
            "Nous sommes une PME {a_home} et cherchons des partenaires {target}",
            "notre entreprise est basée {home_country}. "
            "Avec quels clusters {target} pourrions-nous travailler ?",
        ),
        mixed=(
            "Quels appels {family} ouverts pourrions-nous déposer avec des partenaires {country} ?",
            "on veut monter un projet avec une entreprise {country} : quels appels {family} sont ouverts ?",
        ),
        declined=(
            "Peux-tu réserver une réunion avec {name} mardi prochain ?",
            "envoie un e-mail à {name} pour présenter notre entreprise",
        ),
    ),
    family_names={
        "horizon": ("Horizon Europe",),
        "eic": ("EIC",),
        "missions": ("missions de l'UE",),
        "digital": ("Europe numérique", "Digital Europe"),
        "smp": ("programme pour le marché unique",),
        "life": ("LIFE",),
        "erasmus": ("Erasmus+",),
        "crea": ("Europe créative",),
        "edf": ("Fonds européen de la défense",),
        "innovfund": ("Fonds pour l'innovation",),
    },
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
    country_in={
        "DE": "en Allemagne",
        "FR": "en France",
        "ES": "en Espagne",
        "IT": "en Italie",
        "PL": "en Pologne",
        "DK": "au Danemark",
        "AT": "en Autriche",
        "NL": "aux Pays-Bas",
        "SE": "en Suède",
        "CZ": "en Tchéquie",
        "BE": "en Belgique",
        "PT": "au Portugal",
        "FI": "en Finlande",
        "RO": "en Roumanie",
        "HU": "en Hongrie",
    },  # fmt: skip
    country_from={
        "DE": "d'Allemagne",
        "FR": "de France",
        "ES": "d'Espagne",
        "IT": "d'Italie",
        "PL": "de Pologne",
        "DK": "du Danemark",
        "AT": "d'Autriche",
        "NL": "des Pays-Bas",
        "SE": "de Suède",
        "CZ": "de Tchéquie",
        "BE": "de Belgique",
        "PT": "du Portugal",
        "FI": "de Finlande",
        "RO": "de Roumanie",
        "HU": "de Hongrie",
    },  # fmt: skip
    out_of_scope=("Peux-tu me donner une recette de crêpes ?",),
)

SPANISH = LanguageWordings(
    templates=_words(
        count_open=(
            "¿Cuántas convocatorias de {family} están abiertas ahora mismo?",
            "cuántas convocatorias abiertas tiene {family} hoy",
            "¿Número de convocatorias {family} abiertas?",
        ),
        count_forthcoming=(
            "¿Cuántas convocatorias de {family} se abrirán próximamente?",
            "cuántas convocatorias de {family} están previstas pero aún no abiertas?",
        ),
        window={
            "days": ("cierran en los próximos {n} días", "vencen en {n} días"),
            "weeks": ("cierran en las próximas {n} semanas",),
            "this-month": ("cierran este mes", "terminan antes de fin de mes"),
            "next-month": ("cierran el mes que viene", "vencen el próximo mes"),
            "before": ("cierran antes de {month}",),
            "opens": ("se abren en los próximos {n} días",),
            "closed-last-month": ("cerraron el mes pasado",),
        },
        calls_of=("convocatorias de {family}", "convocatorias {family}"),
        any_calls=("convocatorias", "convocatorias de financiación"),
        window_frame=("¿Qué {what} {window}?", "qué {what} {window}", "Muéstrame las {what} que {window}"),
        superlative={
            "first": (
                "¿Qué convocatoria abierta de {family} cierra primero?",
                "¿cuál es el próximo plazo de {family}?",
            ),
            "budget": ("¿Qué convocatoria abierta de {family} tiene el mayor presupuesto?",),
            "per-project": ("¿Qué convocatoria abierta de {family} da más dinero por proyecto?",),
            "opens-next": ("¿Cuál es la próxima convocatoria de {family} que se abre?",),
        },
        set_opening=(
            "¿Qué convocatorias de {family} están abiertas?",
            "muéstrame las convocatorias abiertas de {family}",
        ),
        which_first=("¿Cuál de ellas cierra primero?", "¿y cuál vence antes?"),
        the_second=("La segunda, ¿cuándo cierra?", "¿cuál es el plazo de la segunda?"),
        only_before=("Solo las que cierran antes de {month}", "solo las que tienen plazo antes de {month}"),
        how_many_then=("¿Y cuántas son?",),
        partners_in=("Busca organizaciones de clúster {country}", "¿qué clústeres hay {country}?"),
        and_in=("¿Y {country}?", "¿y qué hay {country}?"),
        none_open=(
            "¿Hay alguna convocatoria de {family} abierta ahora?",
            "¿todavía podemos presentarnos a alguna convocatoria de {family}?",
        ),
        budget_total=("¿Cuál es el presupuesto de {id} y cuántos proyectos financiará?",),
        home_target=(
            "Somos una pyme {a_home} y buscamos socios {target}",
            "nuestra empresa está {home_country}. ¿Con qué clústeres {target} podríamos colaborar?",
        ),
        mixed=(
            "¿Qué convocatorias abiertas de {family} podríamos presentar con socios {country}?",
            "queremos colaborar con una empresa {country}: ¿qué convocatorias de {family} están abiertas?",
        ),
        declined=(
            "¿Puedes reservar una reunión con {name} para el martes?",
            "presenta nuestra propuesta para {id} antes del plazo, por favor",
        ),
    ),
    family_names={
        "horizon": ("Horizonte Europa", "Horizon Europe"),
        "eic": ("EIC",),
        "missions": ("misiones de la UE",),
        "digital": ("Europa Digital",),
        "smp": ("Programa para el Mercado Único",),
        "life": ("LIFE",),
        "erasmus": ("Erasmus+",),
        "crea": ("Europa Creativa",),
        "edf": ("Fondo Europeo de Defensa",),
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
    country_in={
        "DE": "en Alemania",
        "FR": "en Francia",
        "ES": "en España",
        "IT": "en Italia",
        "PL": "en Polonia",
        "DK": "en Dinamarca",
        "AT": "en Austria",
        "NL": "en los Países Bajos",
        "SE": "en Suecia",
        "CZ": "en Chequia",
        "BE": "en Bélgica",
        "PT": "en Portugal",
        "FI": "en Finlandia",
        "RO": "en Rumanía",
        "HU": "en Hungría",
    },  # fmt: skip
    country_from={
        "DE": "de Alemania",
        "FR": "de Francia",
        "ES": "de España",
        "IT": "de Italia",
        "PL": "de Polonia",
        "DK": "de Dinamarca",
        "AT": "de Austria",
        "NL": "de los Países Bajos",
        "SE": "de Suecia",
        "CZ": "de Chequia",
        "BE": "de Bélgica",
        "PT": "de Portugal",
        "FI": "de Finlandia",
        "RO": "de Rumanía",
        "HU": "de Hungría",
    },  # fmt: skip
    out_of_scope=("¿Quién ganó la liga de fútbol el año pasado?",),
)

ITALIAN = LanguageWordings(
    templates=_words(
        count_open=(
            "Quanti bandi {family} sono aperti in questo momento?",
            "quanti bandi del programma {family} sono ancora aperti?",
            "Numero di bandi {family} aperti oggi?",
        ),
        count_forthcoming=(
            "Quanti bandi {family} apriranno prossimamente?",
            "quanti bandi {family} sono previsti ma non ancora aperti?",
        ),
        window={
            "days": ("chiudono nei prossimi {n} giorni", "scadono entro {n} giorni"),
            "weeks": ("scadono nelle prossime {n} settimane",),
            "this-month": ("scadono entro fine mese", "chiudono questo mese"),
            "next-month": ("scadono il mese prossimo",),
            "before": ("chiudono prima di {month}",),
            "opens": ("aprono nei prossimi {n} giorni",),
            "closed-last-month": ("sono scaduti il mese scorso",),
        },
        calls_of=("bandi {family}", "bandi del programma {family}"),
        any_calls=("bandi", "bandi di finanziamento"),
        window_frame=("Quali {what} {window}?", "quali {what} {window}", "Mostrami i {what} che {window}"),
        superlative={
            "first": (
                "Quale bando {family} aperto scade per primo?",
                "qual è la prossima scadenza di {family}?",
            ),
            "budget": ("Quale bando {family} aperto ha il budget più alto?",),
            "per-project": ("Quale bando {family} aperto dà più soldi per progetto?",),
            "opens-next": ("Qual è il prossimo bando {family} ad aprire?",),
        },
        set_opening=("Quali bandi {family} sono aperti?", "fammi vedere i bandi {family} aperti"),
        which_first=("Quale di questi scade per primo?", "e quale chiude prima?"),
        the_second=("Il secondo, quando scade?", "qual è la scadenza del secondo?"),
        only_before=("Solo quelli che scadono prima di {month}", "solo quelli con scadenza prima di {month}"),
        how_many_then=("E quanti sono?",),
        partners_in=("Trova organizzazioni di cluster {country}", "quali cluster ci sono {country}?"),
        and_in=("E {country}?", "e per quanto riguarda i cluster {country}?"),
        none_open=(
            "Ci sono bandi {family} aperti adesso?",
            "possiamo ancora partecipare a un bando {family}?",
        ),
        budget_total=("Qual è il budget di {id} e quanti progetti finanzierà?",),
        home_target=(
            "Siamo una PMI {a_home} e cerchiamo partner {target}",
            "la nostra azienda ha sede {home_country}. Con quali cluster {target} potremmo collaborare?",
        ),
        mixed=(
            "Quali bandi {family} aperti potremmo presentare con partner {country}?",
            "vogliamo collaborare con un'azienda {country}: quali bandi {family} sono aperti?",
        ),
        declined=(
            "Puoi fissare un incontro con {name} per martedì prossimo?",
            "invia la nostra proposta per {id} prima della scadenza, per favore",
        ),
    ),
    family_names={
        "horizon": ("Orizzonte Europa", "Horizon Europe"),
        "eic": ("EIC",),
        "missions": ("missioni UE",),
        "digital": ("Europa digitale",),
        "smp": ("programma per il mercato unico",),
        "life": ("LIFE",),
        "erasmus": ("Erasmus+",),
        "crea": ("Europa creativa",),
        "edf": ("Fondo europeo per la difesa",),
        "innovfund": ("Fondo per l'innovazione",),
    },
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
    country_in={
        "DE": "in Germania",
        "FR": "in Francia",
        "ES": "in Spagna",
        "IT": "in Italia",
        "PL": "in Polonia",
        "DK": "in Danimarca",
        "AT": "in Austria",
        "NL": "nei Paesi Bassi",
        "SE": "in Svezia",
        "CZ": "in Repubblica Ceca",
        "BE": "in Belgio",
        "PT": "in Portogallo",
        "FI": "in Finlandia",
        "RO": "in Romania",
        "HU": "in Ungheria",
    },  # fmt: skip
    country_from={
        "DE": "dalla Germania",
        "FR": "dalla Francia",
        "ES": "dalla Spagna",
        "IT": "dall'Italia",
        "PL": "dalla Polonia",
        "DK": "dalla Danimarca",
        "AT": "dall'Austria",
        "NL": "dai Paesi Bassi",
        "SE": "dalla Svezia",
        "CZ": "dalla Repubblica Ceca",
        "BE": "dal Belgio",
        "PT": "dal Portogallo",
        "FI": "dalla Finlandia",
        "RO": "dalla Romania",
        "HU": "dall'Ungheria",
    },  # fmt: skip
    out_of_scope=("Mi consigli un buon film da vedere stasera?",),
)

POLISH = LanguageWordings(
    templates=_words(
        count_open=(
            "Ile naborów w programie {family} jest teraz otwartych?",
            "ile konkursów {family} jest jeszcze otwartych?",
            "Liczba otwartych naborów {family}?",
        ),
        count_forthcoming=(
            "Ile naborów {family} zostanie wkrótce otwartych?",
            "ile zapowiedzianych konkursów {family} jeszcze się nie otworzyło?",
        ),
        window={
            "days": ("zamykają się w ciągu {n} dni", "kończą się w najbliższych {n} dniach"),
            "weeks": ("zamykają się w ciągu {n} tygodni",),
            "this-month": ("zamykają się do końca miesiąca", "kończą się w tym miesiącu"),
            "next-month": ("zamykają się w przyszłym miesiącu",),
            "before": ("zamykają się przed {month}",),
            "opens": ("otwierają się w ciągu {n} dni",),
            "closed-last-month": ("zamknęły się w zeszłym miesiącu",),
        },
        calls_of=("nabory {family}", "konkursy w programie {family}"),
        any_calls=("nabory", "konkursy"),
        window_frame=("Które {what} {window}?", "jakie {what} {window}", "Pokaż {what}, które {window}"),
        superlative={
            "first": (
                "Który otwarty nabór {family} zamyka się najwcześniej?",
                "jaki jest najbliższy termin w {family}?",
            ),
            "budget": ("Który otwarty konkurs {family} ma największy budżet?",),
            "per-project": ("Który otwarty nabór {family} daje najwięcej pieniędzy na projekt?",),
            "opens-next": ("Który nabór {family} otworzy się jako następny?",),
        },
        set_opening=("Jakie nabory {family} są otwarte?", "pokaż otwarte konkursy {family}"),
        which_first=("Który z nich zamyka się najwcześniej?", "a który kończy się pierwszy?"),
        the_second=("A ten drugi – kiedy się zamyka?", "jaki jest termin drugiego?"),
        only_before=("Tylko te z terminem przed {month}", "tylko te, które zamykają się przed {month}"),
        how_many_then=("I ile ich jest?",),
        partners_in=("Znajdź organizacje klastrowe {country}", "jakie klastry działają {country}?"),
        and_in=("A {country}?", "a jak jest {country}?"),
        none_open=(
            "Czy są teraz otwarte nabory {family}?",
            "czy możemy jeszcze złożyć wniosek w jakimś naborze {family}?",
        ),
        budget_total=("Jaki jest budżet {id} i ile projektów zostanie sfinansowanych?",),
        home_target=(
            "Jesteśmy MŚP {a_home} i szukamy partnerów {target}",
            "nasza firma ma siedzibę {home_country}. Z jakimi klastrami {target} moglibyśmy współpracować?",
        ),
        mixed=(
            "Do jakich otwartych naborów {family} moglibyśmy aplikować z partnerami {country}?",
            "chcemy współpracować z firmą {country}: jakie nabory {family} są otwarte?",
        ),
        declined=(
            "Czy możesz umówić spotkanie z {name} na przyszły wtorek?",
            "wyślij proszę maila do {name} z przedstawieniem naszej firmy",
        ),
    ),
    family_names={
        "horizon": ("Horyzont Europa",),
        "eic": ("EIC",),
        "missions": ("misji UE",),
        "digital": ("Cyfrowa Europa",),
        "smp": ("Program na rzecz jednolitego rynku",),
        "life": ("LIFE",),
        "erasmus": ("Erasmus+",),
        "crea": ("Kreatywna Europa",),
        "edf": ("Europejski Fundusz Obronny",),
        "innovfund": ("Fundusz Innowacyjny",),
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
    country_in={
        "DE": "w Niemczech",
        "FR": "we Francji",
        "ES": "w Hiszpanii",
        "IT": "we Włoszech",
        "PL": "w Polsce",
        "DK": "w Danii",
        "AT": "w Austrii",
        "NL": "w Holandii",
        "SE": "w Szwecji",
        "CZ": "w Czechach",
        "BE": "w Belgii",
        "PT": "w Portugalii",
        "FI": "w Finlandii",
        "RO": "w Rumunii",
        "HU": "na Węgrzech",
    },  # fmt: skip
    country_from={
        "DE": "z Niemiec",
        "FR": "z Francji",
        "ES": "z Hiszpanii",
        "IT": "z Włoch",
        "PL": "z Polski",
        "DK": "z Danii",
        "AT": "z Austrii",
        "NL": "z Holandii",
        "SE": "ze Szwecji",
        "CZ": "z Czech",
        "BE": "z Belgii",
        "PT": "z Portugalii",
        "FI": "z Finlandii",
        "RO": "z Rumunii",
        "HU": "z Węgier",
    },  # fmt: skip
    out_of_scope=("Jaki jest najlepszy przepis na pierogi?",),
)

MIXED = LanguageWordings(
    templates=_words(
        count_open=(
            "wie viele open calls gibt es gerade bei {family}?",
            "how many convocatorias de {family} are open right now?",
            "combien de {family} calls sont open?",
        ),
        count_forthcoming=(
            "how many {family} calls öffnen demnächst?",
            "cuántas {family} calls will open soon?",
        ),
        window={
            "days": ("close in den nächsten {n} Tagen", "ferment dans les {n} prochains jours"),
            "this-month": ("close d'ici la fin du mois",),
            "next-month": ("scadono il mese prossimo",),
            "before": ("close before {month}",),
        },
        calls_of=("{family} calls",),
        any_calls=("calls", "open calls"),
        window_frame=("which {what} {window}?",),
        superlative={
            "first": ("welcher open {family} call closes first?", "quale {family} call aperto closes first?"),
            "budget": ("which open {family} call hat das größte Budget?",),
            "opens-next": ("cuál es el next {family} call to open?",),
        },
        partners_in=("clusters {country}?", "any partners {country}?"),
        and_in=("und {country}?", "and {country}?"),
        home_target=(
            "we're a KMU {a_home} looking for partners {target}",
            "nous sommes une SME {a_home}, looking for clusters {target}",
        ),
        mixed=(
            "open {family} calls für ein Projekt mit Partnern {country}?",
            "which {family} calls are abiertas, with socios {country}?",
        ),
    ),
    family_names={
        "horizon": ("Horizon Europe", "Horizont Europa"),
        "digital": ("Digital Europe",),
        "life": ("LIFE",),
        "erasmus": ("Erasmus+",),
        "eic": ("EIC",),
    },
    months=(
        "January",
        "Februar",
        "March",
        "avril",
        "May",
        "junio",
        "July",
        "agosto",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),  # fmt: skip
    country_in={
        "DE": "in Deutschland",
        "DK": "in Dänemark",
        "AT": "in Österreich",
        "NL": "in den Niederlanden",
        "ES": "en España",
        "FR": "en France",
        "IT": "in Italia",
        "PL": "w Polsce",
        "SE": "in Schweden",
    },  # fmt: skip
    country_from={
        "DE": "aus Deutschland",
        "DK": "aus Dänemark",
        "AT": "aus Österreich",
        "NL": "aus den Niederlanden",
        "ES": "de España",
        "FR": "de France",
        "IT": "dall'Italia",
        "PL": "z Polski",
        "SE": "aus Schweden",
    },  # fmt: skip
)

LANGUAGES: dict[str, LanguageWordings] = {
    "de": GERMAN,
    "fr": FRENCH,
    "es": SPANISH,
    "it": ITALIAN,
    "pl": POLISH,
    "mix": MIXED,
}
