"""A second tuning set for the planner in five languages (issue 13): new wordings, weighted to the
shapes the first round left weak (superlatives, home vs target market, funding with partners).

Written by hand after the first i18n round had been tuned and before this round's tuning, without
looking at the i18n hold-out: the way a member in each country would ask ("welche Ausschreibung
endet zuerst", "le plus gros budget", "la convocatoria con más presupuesto", "quale chiude per
ultimo", "który nabór ma najwyższy budżet"; "wir sind ein deutsches KMU", "nous sommes une PME
française", "jesteśmy polską firmą"). ``scripts/build_questions_i18n.py dev2`` fills them from the
records; the gold never comes from here.

Placeholders are those of :mod:`evals.questions_i18n_wordings`, with one difference for home vs
target: ``{home}`` is the home country's *adjective* in the form the template needs (German neuter
"deutsches" after "ein … KMU", French and Spanish and Italian feminine after "une PME", "una pyme",
"una PMI", Polish instrumental feminine "polską" after "jesteśmy … firmą"), ``{a_home}`` its "from"
phrase ("aus Österreich", "z Niemiec"), ``{home_country}`` and ``{target}`` the "in" phrase
("w Niemczech", "na Węgrzech").
"""

from __future__ import annotations

from evals.questions_i18n_wordings import LanguageWordings, _words


def _table(rows: str) -> dict[str, str]:
    """``"DE: in Deutschland | FR: in Frankreich"`` → ``{"DE": "in Deutschland", ...}``."""
    pairs = (row.split(":", 1) for row in rows.split("|"))
    return {code.strip(): text.strip() for code, text in pairs}


GERMAN = LanguageWordings(
    templates=_words(
        count_open=(
            "Wie viele Calls hat {family} im Moment offen?",
            "Wie viele Ausschreibungen laufen gerade bei {family}?",
        ),
        count_forthcoming=(
            "Wie viele Ausschreibungen von {family} sind angekündigt, aber noch nicht offen?",
        ),
        window={
            "days": ("laufen in den kommenden {n} Tagen ab", "enden binnen {n} Tagen"),
            "weeks": ("enden in den nächsten {n} Wochen",),
            "this-month": ("enden bis Monatsende",),
            "next-month": ("laufen im kommenden Monat aus",),
            "before": ("enden noch vor {month}",),
            "opens": ("starten in den nächsten {n} Tagen",),
            "closed-last-month": ("sind im vergangenen Monat abgelaufen",),
        },
        calls_of=("{family}-Ausschreibungen", "Calls von {family}"),
        any_calls=("Calls", "Ausschreibungen"),
        window_frame=("Welche {what} {window}?", "Kannst du mir sagen, welche {what} {window}?"),
        superlative={
            "first": (
                "Welche Ausschreibung bei {family} endet zuerst?",
                "Welcher {family}-Call hat die früheste Deadline?",
            ),
            "budget": (
                "Welche {family}-Ausschreibung hat das höchste Budget?",
                "Welcher laufende Call von {family} ist am höchsten dotiert?",
            ),
            "per-project": (
                "Bei welcher {family}-Ausschreibung bekommt man pro Projekt am meisten?",
                "Welcher offene {family}-Call hat die höchste Förderung pro Projekt?",
            ),
            "opens-next": (
                "Welche {family}-Ausschreibung startet als nächstes?",
                "Wann öffnet die nächste {family}-Ausschreibung?",
            ),
            "closes-last": (
                "Welche {family}-Ausschreibung endet als letzte?",
                "Welcher offene {family}-Call hat die späteste Frist?",
            ),
        },
        set_opening=("Welche {family}-Ausschreibungen laufen gerade?",),
        which_first=("Und welche davon läuft als erste aus?",),
        the_second=("Und die zweite davon – bis wann läuft die?",),
        only_before=("Zeig nur die, die vor {month} enden",),
        how_many_then=("Wie viele bleiben dann übrig?",),
        partners_in=("Welche Clusterorganisationen gibt es {country}?",),
        and_in=("Und wie ist es {country}?",),
        none_open=("Kann man sich bei {family} derzeit irgendwo bewerben?",),
        budget_total=("Wie viel Geld steckt in {id}, und wie viele Projekte werden finanziert?",),
        home_target=(
            "Wir sind ein {home} KMU und suchen Partner {target}",
            "Wir sind ein Start-up {a_home} und möchten {target} expandieren. Welche "
            "Clusterorganisationen gibt es dort?",
            "Unser Unternehmen sitzt {home_country}, wir suchen Kooperationspartner {target}",
            "Hallo! Ein {home} KMU hier – welche Cluster {target} kämen als Partner in Frage?",
        ),
        mixed=(
            "Gibt es offene {family}-Ausschreibungen, für die wir uns mit Partnern {country} bewerben "
            "könnten?",
            "Wir planen ein Konsortium mit Firmen {country} – welche {family}-Calls sind noch offen?",
            "Welche {family}-Förderung passt für ein gemeinsames Projekt mit einem Cluster {country}?",
        ),
        declined=(
            "Melde uns bitte für die Einreichung bei {id} an",
            "Schreib {name} eine E-Mail und stell uns vor",
        ),
    ),
    family_names={
        "horizon": ("Horizon Europe", "Horizont Europa"),
        "eic": ("EIC",),
        "msca": ("MSCA",),
        "missions": ("EU-Missionen",),
        "digital": ("Digitales Europa",),
        "smp": ("Binnenmarktprogramm",),
        "life": ("LIFE",),
        "erasmus": ("Erasmus+",),
        "crea": ("Kreatives Europa",),
        "cef": ("CEF",),
        "edf": ("Europäischer Verteidigungsfonds", "EDF"),
        "cerv": ("CERV",),
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
    country_in=_table(
        "DE: in Deutschland | FR: in Frankreich | ES: in Spanien | IT: in Italien | PL: in Polen | "
        "DK: in Dänemark | AT: in Österreich | NL: in den Niederlanden | SE: in Schweden | "
        "CZ: in Tschechien | "
        "BE: in Belgien | PT: in Portugal | FI: in Finnland | RO: in Rumänien | HU: in Ungarn | "
        "GR: in Griechenland | IE: in Irland | BG: in Bulgarien | SK: in der Slowakei | SI: in Slowenien | "
        "LT: in Litauen | HR: in Kroatien | TR: in der Türkei | UA: in der Ukraine | EE: in Estland | "
        "LV: in Lettland"
    ),
    country_from=_table(
        "DE: aus Deutschland | FR: aus Frankreich | ES: aus Spanien | IT: aus Italien | PL: aus Polen | "
        "DK: aus Dänemark | AT: aus Österreich | NL: aus den Niederlanden | SE: aus Schweden | "
        "CZ: aus Tschechien | BE: aus Belgien | PT: aus Portugal | FI: aus Finnland | RO: aus Rumänien | "
        "HU: aus Ungarn | GR: aus Griechenland | IE: aus Irland | BG: aus Bulgarien | SK: aus der Slowakei | "
        "SI: aus Slowenien | LT: aus Litauen | HR: aus Kroatien | TR: aus der Türkei | UA: aus der Ukraine | "
        "EE: aus Estland | LV: aus Lettland"
    ),
    adjectives=_table(
        "DE: deutsches | FR: französisches | ES: spanisches | IT: italienisches | PL: polnisches | "
        "DK: dänisches | AT: österreichisches | NL: niederländisches | SE: schwedisches | "
        "CZ: tschechisches | "
        "BE: belgisches | PT: portugiesisches | FI: finnisches | RO: rumänisches | HU: ungarisches | "
        "GR: griechisches | IE: irisches | BG: bulgarisches | SK: slowakisches | SI: slowenisches | "
        "LT: litauisches | HR: kroatisches | TR: türkisches | UA: ukrainisches | EE: estnisches | "
        "LV: lettisches"
    ),
)

FRENCH = LanguageWordings(
    templates=_words(
        count_open=(
            "Il y a combien d'appels {family} ouverts actuellement ?",
            "Combien d'appels ouverts pour {family} aujourd'hui ?",
        ),
        count_forthcoming=("Combien d'appels {family} sont annoncés mais pas encore ouverts ?",),
        window={
            "days": ("se terminent dans les {n} prochains jours", "ferment sous {n} jours"),
            "weeks": ("ferment au cours des {n} prochaines semaines",),
            "this-month": ("ferment avant la fin du mois",),
            "next-month": ("se clôturent le mois prochain",),
            "before": ("se terminent avant {month}",),
            "opens": ("ouvrent au cours des {n} prochains jours",),
            "closed-last-month": ("se sont clôturés le mois dernier",),
        },
        calls_of=("appels {family}", "appels à projets {family}"),
        any_calls=("appels", "appels à projets"),
        window_frame=("Quels {what} {window} ?", "Tu peux me lister les {what} qui {window} ?"),
        superlative={
            "first": (
                "Quel appel {family} se termine le plus tôt ?",
                "Pour {family}, quelle est l'échéance la plus proche ?",
            ),
            "budget": (
                "Quel appel {family} a le plus gros budget ?",
                "Parmi les appels {family} ouverts, lequel est le mieux doté ?",
            ),
            "per-project": (
                "Quel appel {family} finance le plus par projet ?",
                "Quel appel {family} offre le montant le plus élevé par projet ?",
            ),
            "opens-next": (
                "Quel sera le prochain appel {family} à ouvrir ?",
                "Quand ouvre le prochain appel {family} ?",
            ),
            "closes-last": (
                "Quel appel {family} ouvert ferme en dernier ?",
                "Quel appel {family} a la date limite la plus tardive ?",
            ),
        },
        set_opening=("Liste les appels {family} ouverts",),
        which_first=("Lequel de ces appels se termine le premier ?",),
        the_second=("Quelle est l'échéance du deuxième ?",),
        only_before=("Garde seulement ceux qui ferment avant {month}",),
        how_many_then=("Combien en reste-t-il ?",),
        partners_in=("Y a-t-il des clusters {country} ?",),
        and_in=("Et {country}, il y en a ?",),
        none_open=("Est-ce qu'il y a un appel {family} ouvert aujourd'hui ?",),
        budget_total=("Combien d'argent pour {id}, et combien de projets seront retenus ?",),
        home_target=(
            "Nous sommes une PME {home} et cherchons des clusters partenaires {target}",
            "PME {home}, nous voulons nous implanter {target} : quels clusters contacter ?",
            "Notre société est établie {home_country} ; quels clusters {target} pourraient être nos "
            "partenaires ?",
            "Start-up {home}, on veut se lancer {target}. Des clusters à nous conseiller là-bas ?",
        ),
        mixed=(
            "Avec des partenaires {country}, à quels appels {family} ouverts pourrions-nous répondre ?",
            "Nous montons un consortium avec des entreprises {country} : quels appels {family} sont "
            "encore ouverts ?",
            "Quels financements {family} pour un projet commun avec un cluster {country} ?",
        ),
        declined=("Inscris-nous à {id}, s'il te plaît", "Peux-tu appeler {name} pour nous ?"),
    ),
    family_names={
        "horizon": ("Horizon Europe",),
        "eic": ("EIC",),
        "msca": ("MSCA",),
        "missions": ("missions de l'UE",),
        "digital": ("Europe numérique", "Digital Europe"),
        "smp": ("programme pour le marché unique",),
        "life": ("LIFE",),
        "erasmus": ("Erasmus+",),
        "crea": ("Europe créative",),
        "cef": ("MIE", "CEF"),
        "edf": ("Fonds européen de la défense",),
        "cerv": ("CERV",),
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
    country_in=_table(
        "DE: en Allemagne | FR: en France | ES: en Espagne | IT: en Italie | PL: en Pologne | "
        "DK: au Danemark | "
        "AT: en Autriche | NL: aux Pays-Bas | SE: en Suède | CZ: en Tchéquie | BE: en Belgique | "
        "PT: au Portugal | "
        "FI: en Finlande | RO: en Roumanie | HU: en Hongrie | GR: en Grèce | IE: en Irlande | "
        "BG: en Bulgarie | "
        "SK: en Slovaquie | SI: en Slovénie | LT: en Lituanie | HR: en Croatie | TR: en Turquie | "
        "UA: en Ukraine | "
        "EE: en Estonie | LV: en Lettonie"
    ),
    country_from=_table(
        "DE: d'Allemagne | FR: de France | ES: d'Espagne | IT: d'Italie | PL: de Pologne | DK: du Danemark | "
        "AT: d'Autriche | NL: des Pays-Bas | SE: de Suède | CZ: de Tchéquie | BE: de Belgique | "
        "PT: du Portugal | "
        "FI: de Finlande | RO: de Roumanie | HU: de Hongrie | GR: de Grèce | IE: d'Irlande | "
        "BG: de Bulgarie | "
        "SK: de Slovaquie | SI: de Slovénie | LT: de Lituanie | HR: de Croatie | TR: de Turquie | "
        "UA: d'Ukraine | "
        "EE: d'Estonie | LV: de Lettonie"
    ),
    adjectives=_table(
        "DE: allemande | FR: française | ES: espagnole | IT: italienne | PL: polonaise | DK: danoise | "
        "AT: autrichienne | NL: néerlandaise | SE: suédoise | CZ: tchèque | BE: belge | PT: portugaise | "
        "FI: finlandaise | RO: roumaine | HU: hongroise | GR: grecque | IE: irlandaise | BG: bulgare | "
        "SK: slovaque | SI: slovène | LT: lituanienne | HR: croate | TR: turque | UA: ukrainienne | "
        "EE: estonienne | LV: lettone"
    ),
)

SPANISH = LanguageWordings(
    templates=_words(
        count_open=(
            "¿Cuántas convocatorias tiene abiertas {family} ahora?",
            "¿Cuántas convocatorias de {family} siguen abiertas?",
        ),
        count_forthcoming=("¿Cuántas convocatorias de {family} están anunciadas pero todavía no abiertas?",),
        window={
            "days": ("cierran dentro de {n} días", "vencen en los próximos {n} días"),
            "weeks": ("vencen en las próximas {n} semanas",),
            "this-month": ("cierran antes de que acabe el mes",),
            "next-month": ("cierran el próximo mes",),
            "before": ("vencen antes de {month}",),
            "opens": ("abren en los próximos {n} días",),
            "closed-last-month": ("vencieron el mes pasado",),
        },
        calls_of=("convocatorias de {family}", "convocatorias del programa {family}"),
        any_calls=("convocatorias", "ayudas"),
        window_frame=("¿Qué {what} {window}?", "Dime qué {what} {window}"),
        superlative={
            "first": (
                "¿Qué convocatoria de {family} cierra antes?",
                "¿Cuál es la convocatoria de {family} con el plazo más cercano?",
            ),
            "budget": (
                "¿Cuál es la convocatoria de {family} con más presupuesto?",
                "¿Qué convocatoria abierta de {family} tiene el presupuesto más alto?",
            ),
            "per-project": (
                "¿Qué convocatoria de {family} financia más por proyecto?",
                "¿En qué convocatoria de {family} se recibe la cantidad más alta por proyecto?",
            ),
            "opens-next": (
                "¿Cuál será la siguiente convocatoria de {family} en abrirse?",
                "¿Cuándo abre la próxima convocatoria de {family}?",
            ),
            "closes-last": (
                "¿Qué convocatoria abierta de {family} cierra la última?",
                "¿Qué convocatoria de {family} tiene el plazo más tardío?",
            ),
        },
        set_opening=("Lista las convocatorias abiertas de {family}",),
        which_first=("¿Cuál de esas cierra antes?",),
        the_second=("¿Y la segunda hasta cuándo está abierta?",),
        only_before=("Quédate solo con las que cierran antes de {month}",),
        how_many_then=("¿Cuántas quedan?",),
        partners_in=("¿Qué organizaciones clúster existen {country}?",),
        and_in=("¿Y qué tal {country}?",),
        none_open=("¿Hay convocatorias de {family} abiertas hoy?",),
        budget_total=("¿Cuánto dinero tiene {id} y cuántos proyectos se financiarán?",),
        home_target=(
            "Somos una pyme {home} y queremos expandirnos {target}. ¿Qué clústeres hay allí?",
            "Somos una empresa {home} buscando socios {target}",
            "Nuestra empresa tiene sede {home_country} y buscamos clústeres {target}",
            "Hola, pyme {home} aquí: ¿con qué clústeres {target} podríamos contactar?",
        ),
        mixed=(
            "Con socios {country}, ¿a qué convocatorias abiertas de {family} podríamos presentarnos?",
            "Estamos formando un consorcio con empresas {country}; ¿qué convocatorias de {family} siguen "
            "abiertas?",
            "¿Qué financiación de {family} hay para un proyecto conjunto con un clúster {country}?",
        ),
        declined=("Envía un correo a {name} presentándonos", "Regístranos en {id}, por favor"),
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
        "cef": ("Mecanismo Conectar Europa", "CEF"),
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
    country_in=_table(
        "DE: en Alemania | FR: en Francia | ES: en España | IT: en Italia | PL: en Polonia | "
        "DK: en Dinamarca | "
        "AT: en Austria | NL: en los Países Bajos | SE: en Suecia | CZ: en Chequia | BE: en Bélgica | "
        "PT: en Portugal | FI: en Finlandia | RO: en Rumanía | HU: en Hungría | GR: en Grecia | "
        "IE: en Irlanda | "
        "BG: en Bulgaria | SK: en Eslovaquia | SI: en Eslovenia | LT: en Lituania | HR: en Croacia | "
        "TR: en Turquía | UA: en Ucrania | EE: en Estonia | LV: en Letonia"
    ),
    country_from=_table(
        "DE: de Alemania | FR: de Francia | ES: de España | IT: de Italia | PL: de Polonia | "
        "DK: de Dinamarca | "
        "AT: de Austria | NL: de los Países Bajos | SE: de Suecia | CZ: de Chequia | BE: de Bélgica | "
        "PT: de Portugal | FI: de Finlandia | RO: de Rumanía | HU: de Hungría | GR: de Grecia | "
        "IE: de Irlanda | "
        "BG: de Bulgaria | SK: de Eslovaquia | SI: de Eslovenia | LT: de Lituania | HR: de Croacia | "
        "TR: de Turquía | UA: de Ucrania | EE: de Estonia | LV: de Letonia"
    ),
    adjectives=_table(
        "DE: alemana | FR: francesa | ES: española | IT: italiana | PL: polaca | DK: danesa | "
        "AT: austriaca | "
        "NL: neerlandesa | SE: sueca | CZ: checa | BE: belga | PT: portuguesa | FI: finlandesa | "
        "RO: rumana | "
        "HU: húngara | GR: griega | IE: irlandesa | BG: búlgara | SK: eslovaca | SI: eslovena | "
        "LT: lituana | "
        "HR: croata | TR: turca | UA: ucraniana | EE: estonia | LV: letona"
    ),
)

ITALIAN = LanguageWordings(
    templates=_words(
        count_open=(
            "Quanti bandi ha aperti {family} al momento?",
            "A quanti bandi {family} si può ancora partecipare?",
        ),
        count_forthcoming=("Quanti bandi {family} sono annunciati ma non ancora aperti?",),
        window={
            "days": ("scadono nei prossimi {n} giorni", "chiudono tra {n} giorni"),
            "weeks": ("chiudono entro {n} settimane",),
            "this-month": ("chiudono entro la fine del mese",),
            "next-month": ("chiudono il prossimo mese",),
            "before": ("scadono prima di {month}",),
            "opens": ("aprono entro {n} giorni",),
            "closed-last-month": ("hanno chiuso il mese scorso",),
        },
        calls_of=("bandi {family}", "bandi del programma {family}"),
        any_calls=("bandi", "bandi aperti"),
        window_frame=("Quali {what} {window}?", "Dimmi quali {what} {window}"),
        superlative={
            "first": (
                "Quale bando {family} chiude per primo?",
                "Qual è il bando {family} con la scadenza più vicina?",
            ),
            "budget": (
                "Quale bando {family} ha più budget?",
                "Qual è il bando {family} aperto con la dotazione più alta?",
            ),
            "per-project": (
                "Quale bando {family} offre l'importo più alto per singolo progetto?",
                "Con quale bando {family} si ottiene di più per ogni progetto?",
            ),
            "opens-next": (
                "Quale sarà il prossimo bando {family} ad aprirsi?",
                "Quando apre il prossimo bando {family}?",
            ),
            "closes-last": (
                "Quale bando {family} chiude per ultimo?",
                "Qual è il bando {family} aperto con la scadenza più lontana?",
            ),
        },
        set_opening=("Elencami i bandi {family} aperti",),
        which_first=("Tra questi, quale scade per primo?",),
        the_second=("E il secondo fino a quando è aperto?",),
        only_before=("Tieni solo quelli che chiudono prima di {month}",),
        how_many_then=("Quanti ne restano?",),
        partners_in=("Ci sono cluster {country}?",),
        and_in=("E invece {country}?",),
        none_open=("C'è qualche bando {family} aperto oggi?",),
        budget_total=("Quanti soldi mette a disposizione {id} e quanti progetti verranno finanziati?",),
        home_target=(
            "Siamo una PMI {home} e vogliamo espanderci {target}: quali cluster ci sono?",
            "Siamo un'azienda {home}, cerchiamo partner {target}",
            "La nostra impresa si trova {home_country}; quali cluster {target} potrebbero essere partner?",
            "Startup {a_home} interessata a collaborare con cluster {target}",
        ),
        mixed=(
            "Con dei partner {country}, a quali bandi {family} aperti potremmo partecipare?",
            "Stiamo creando un consorzio con aziende {country}: quali bandi {family} sono ancora aperti?",
            "Quali finanziamenti {family} ci sono per un progetto comune con un cluster {country}?",
        ),
        declined=("Manda un'email a {name} per presentarci", "Registraci per {id}, grazie"),
    ),
    family_names={
        "horizon": ("Orizzonte Europa", "Horizon Europe"),
        "eic": ("EIC",),
        "msca": ("MSCA",),
        "missions": ("missioni UE",),
        "digital": ("Europa digitale",),
        "smp": ("programma per il mercato unico",),
        "life": ("LIFE",),
        "erasmus": ("Erasmus+",),
        "crea": ("Europa creativa",),
        "cef": ("CEF",),
        "edf": ("Fondo europeo per la difesa",),
        "cerv": ("CERV",),
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
    country_in=_table(
        "DE: in Germania | FR: in Francia | ES: in Spagna | IT: in Italia | PL: in Polonia | "
        "DK: in Danimarca | "
        "AT: in Austria | NL: nei Paesi Bassi | SE: in Svezia | CZ: in Repubblica Ceca | BE: in Belgio | "
        "PT: in Portogallo | FI: in Finlandia | RO: in Romania | HU: in Ungheria | GR: in Grecia | "
        "IE: in Irlanda | BG: in Bulgaria | SK: in Slovacchia | SI: in Slovenia | LT: in Lituania | "
        "HR: in Croazia | TR: in Turchia | UA: in Ucraina | EE: in Estonia | LV: in Lettonia"
    ),
    country_from=_table(
        "DE: dalla Germania | FR: dalla Francia | ES: dalla Spagna | IT: dall'Italia | PL: dalla Polonia | "
        "DK: dalla Danimarca | AT: dall'Austria | NL: dai Paesi Bassi | SE: dalla Svezia | "
        "CZ: dalla Repubblica Ceca | BE: dal Belgio | PT: dal Portogallo | FI: dalla Finlandia | "
        "RO: dalla Romania | HU: dall'Ungheria | GR: dalla Grecia | IE: dall'Irlanda | BG: dalla Bulgaria | "
        "SK: dalla Slovacchia | SI: dalla Slovenia | LT: dalla Lituania | HR: dalla Croazia | "
        "TR: dalla Turchia | "
        "UA: dall'Ucraina | EE: dall'Estonia | LV: dalla Lettonia"
    ),
    adjectives=_table(
        "DE: tedesca | FR: francese | ES: spagnola | IT: italiana | PL: polacca | DK: danese | "
        "AT: austriaca | "
        "NL: olandese | SE: svedese | CZ: ceca | BE: belga | PT: portoghese | FI: finlandese | RO: rumena | "
        "HU: ungherese | GR: greca | IE: irlandese | BG: bulgara | SK: slovacca | SI: slovena | "
        "LT: lituana | "
        "HR: croata | TR: turca | UA: ucraina | EE: estone | LV: lettone"
    ),
)

POLISH = LanguageWordings(
    templates=_words(
        count_open=(
            "Ile jest obecnie otwartych naborów {family}?",
            "Ile konkursów {family} trwa w tej chwili?",
        ),
        count_forthcoming=("Ile naborów {family} jest zapowiedzianych, ale jeszcze nieotwartych?",),
        window={
            "days": ("kończą się w ciągu najbliższych {n} dni", "zamykają się za {n} dni"),
            "weeks": ("zamykają się w najbliższych {n} tygodniach",),
            "this-month": ("kończą się przed końcem miesiąca",),
            "next-month": ("kończą się w przyszłym miesiącu",),
            "before": ("kończą się przed {month}",),
            "opens": ("ruszają w ciągu {n} dni",),
            "closed-last-month": ("zakończyły się w zeszłym miesiącu",),
        },
        calls_of=("nabory {family}", "konkursy programu {family}"),
        any_calls=("nabory", "konkursy"),
        window_frame=("Które {what} {window}?", "Jakie {what} {window}?"),
        superlative={
            "first": (
                "Który nabór {family} kończy się najszybciej?",
                "Jaki nabór {family} ma najbliższy termin składania wniosków?",
            ),
            "budget": (
                "Który nabór {family} ma najwyższy budżet?",
                "Który otwarty konkurs {family} ma najwięcej środków?",
            ),
            "per-project": (
                "W którym naborze {family} można dostać najwięcej na jeden projekt?",
                "Który konkurs {family} daje najwyższe dofinansowanie na projekt?",
            ),
            "opens-next": (
                "Który nabór {family} otworzy się najwcześniej?",
                "Kiedy rusza następny nabór {family}?",
            ),
            "closes-last": (
                "Który nabór {family} zamyka się najpóźniej?",
                "Który otwarty konkurs {family} ma najpóźniejszy termin?",
            ),
        },
        set_opening=("Wypisz otwarte nabory {family}",),
        which_first=("Który z tych naborów kończy się jako pierwszy?",),
        the_second=("A drugi – do kiedy trwa?",),
        only_before=("Zostaw tylko te, które kończą się przed {month}",),
        how_many_then=("Ile ich zostało?",),
        partners_in=("Jakie są klastry {country}?",),
        and_in=("A co {country}?",),
        none_open=("Czy trwa teraz jakiś nabór {family}?",),
        budget_total=("Ile pieniędzy jest w {id} i ile projektów dostanie dofinansowanie?",),
        home_target=(
            "Jesteśmy {home} firmą i szukamy partnerów {target}",
            "Prowadzimy {home} firmę i chcemy rozwinąć działalność {target}. Jakie klastry tam działają?",
            "Nasza firma jest {a_home}, szukamy klastrów {target}",
            "Nasze MŚP ma siedzibę {home_country}; z jakimi klastrami {target} warto się skontaktować?",
        ),
        mixed=(
            "Z partnerami {country}: do których otwartych naborów {family} możemy się zgłosić?",
            "Tworzymy konsorcjum z firmami {country} – jakie nabory {family} są jeszcze otwarte?",
            "Jakie finansowanie w ramach programu {family} na wspólny projekt z klastrem {country}?",
        ),
        declined=("Zarezerwuj spotkanie z {name}", "Zgłoś nasz wniosek do {id}"),
    ),
    family_names={
        "horizon": ("Horyzontu Europa", "Horyzont Europa"),
        "eic": ("EIC",),
        "msca": ("MSCA",),
        "missions": ("misji UE",),
        "digital": ("Cyfrowej Europy",),
        "smp": ("programu na rzecz jednolitego rynku",),
        "life": ("LIFE",),
        "erasmus": ("Erasmus+",),
        "crea": ("Kreatywnej Europy",),
        "cef": ("CEF",),
        "edf": ("Europejskiego Funduszu Obronnego",),
        "cerv": ("CERV",),
        "innovfund": ("Funduszu Innowacyjnego",),
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
    country_in=_table(
        "DE: w Niemczech | FR: we Francji | ES: w Hiszpanii | IT: we Włoszech | PL: w Polsce | DK: w Danii | "
        "AT: w Austrii | NL: w Holandii | SE: w Szwecji | CZ: w Czechach | BE: w Belgii | PT: w Portugalii | "
        "FI: w Finlandii | RO: w Rumunii | HU: na Węgrzech | GR: w Grecji | IE: w Irlandii | "
        "BG: w Bułgarii | "
        "SK: na Słowacji | SI: w Słowenii | LT: na Litwie | HR: w Chorwacji | TR: w Turcji | "
        "UA: na Ukrainie | "
        "EE: w Estonii | LV: na Łotwie"
    ),
    country_from=_table(
        "DE: z Niemiec | FR: z Francji | ES: z Hiszpanii | IT: z Włoch | PL: z Polski | DK: z Danii | "
        "AT: z Austrii | NL: z Holandii | SE: ze Szwecji | CZ: z Czech | BE: z Belgii | PT: z Portugalii | "
        "FI: z Finlandii | RO: z Rumunii | HU: z Węgier | GR: z Grecji | IE: z Irlandii | BG: z Bułgarii | "
        "SK: ze Słowacji | SI: ze Słowenii | LT: z Litwy | HR: z Chorwacji | TR: z Turcji | UA: z Ukrainy | "
        "EE: z Estonii | LV: z Łotwy"
    ),
    adjectives=_table(
        "DE: niemiecką | FR: francuską | ES: hiszpańską | IT: włoską | PL: polską | DK: duńską | "
        "AT: austriacką | "
        "NL: holenderską | SE: szwedzką | CZ: czeską | BE: belgijską | PT: portugalską | FI: fińską | "
        "RO: rumuńską | HU: węgierską | GR: grecką | IE: irlandzką | BG: bułgarską | SK: słowacką | "
        "SI: słoweńską | LT: litewską | HR: chorwacką | TR: turecką | UA: ukraińską | EE: estońską | "
        "LV: łotewską"
    ),
)

DEV2_LANGUAGES: dict[str, LanguageWordings] = {
    "de": GERMAN,
    "fr": FRENCH,
    "es": SPANISH,
    "it": ITALIAN,
    "pl": POLISH,
}
