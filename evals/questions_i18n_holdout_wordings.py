"""The i18n planner hold-out's wordings: other templates than the dev set's, written after the
lexicons had been tuned on dev but without running them; never tuned on (see docs/questions-eval.md).

Programme names, months and country phrases are the dev set's (they are vocabulary, not wording).
"""

from __future__ import annotations

from dataclasses import replace

from evals.questions_i18n_wordings import FRENCH, GERMAN, ITALIAN, POLISH, SPANISH, LanguageWordings, _words

GERMAN_HOLDOUT = replace(
    GERMAN,
    templates=_words(
        count_open=(
            "Wie viele {family}-Ausschreibungen kann man derzeit noch einreichen?",
            "Gibt es viele offene Calls bei {family}? Wie viele genau?",
        ),
        count_forthcoming=("Wie viele Calls von {family} sind angekündigt, aber noch nicht offen?",),
        window={
            "days": ("laufen innerhalb der nächsten {n} Tage ab",),
            "this-month": ("enden bis Monatsende",),
            "next-month": ("laufen im kommenden Monat aus",),
            "before": ("enden noch vor {month}",),
            "opens": ("öffnen in den kommenden {n} Tagen",),
            "closed-last-month": ("sind im vergangenen Monat abgelaufen",),
            "weeks": ("enden in den kommenden {n} Wochen",),
        },
        calls_of=("Calls im Programm {family}",),
        any_calls=("EU-Ausschreibungen",),
        window_frame=("Welche {what} {window}?",),
        superlative={
            "first": ("Bei {family}: welcher offene Call hat die früheste Frist?",),
            "budget": ("Welche offene {family}-Ausschreibung hat insgesamt am meisten Geld?",),
            "per-project": ("Wo gibt es bei den offenen {family}-Calls am meisten Geld pro Projekt?",),
            "opens-next": ("Welcher Call von {family} öffnet als nächstes?",),
        },
        set_opening=("Liste die offenen Ausschreibungen von {family} auf",),
        which_first=("Welcher davon schließt am frühesten?",),
        the_second=("Und der zweite – bis wann läuft der?",),
        only_before=("Bitte nur die, deren Frist vor {month} liegt",),
        how_many_then=("Wie viele bleiben übrig?",),
        partners_in=("Wir brauchen Partner {country} – welche Cluster gibt es dort?",),
        and_in=("Und {country}?",),
        none_open=("Ist bei {family} heute irgendetwas offen?",),
        home_target=("Als KMU {a_home} suchen wir Cluster {target} für eine Kooperation",),
        mixed=("Welche offenen {family}-Calls passen für ein Konsortium mit Partnern {country}?",),
        declined=("Bitte melde uns für den Infotag von {id} an",),
    ),
)

FRENCH_HOLDOUT = replace(
    FRENCH,
    templates=_words(
        count_open=(
            "Il reste combien d'appels {family} ouverts aujourd'hui ?",
            "{family} : combien d'appels sont ouverts actuellement ?",
        ),
        count_forthcoming=("Combien d'appels {family} sont annoncés mais pas encore ouverts ?",),
        window={
            "days": ("se terminent dans les {n} prochains jours",),
            "this-month": ("ferment avant la fin du mois",),
            "next-month": ("se clôturent le mois prochain",),
            "before": ("se terminent avant {month}",),
            "opens": ("ouvriront dans les {n} prochains jours",),
            "closed-last-month": ("se sont clôturés le mois dernier",),
            "weeks": ("ferment dans les {n} prochaines semaines",),
        },
        calls_of=("appels du programme {family}",),
        any_calls=("appels européens",),
        window_frame=("Quels sont les {what} qui {window} ?",),
        superlative={
            "first": ("Parmi les appels {family} ouverts, lequel a la date limite la plus proche ?",),
            "budget": ("Quel appel {family} ouvert a le budget le plus élevé ?",),
            "per-project": ("Quel appel {family} ouvert finance le plus par projet ?",),
            "opens-next": ("Quel appel {family} ouvre en premier ?",),
        },
        set_opening=("Liste les appels {family} ouverts",),
        which_first=("Lequel se clôture en premier ?",),
        the_second=("Et le second, quelle est sa date limite ?",),
        only_before=("Juste ceux qui ferment avant {month}",),
        how_many_then=("Il y en a combien du coup ?",),
        partners_in=("Nous cherchons des clusters {country}, lesquels connais-tu ?",),
        and_in=("Et {country} ?",),
        none_open=("Est-ce qu'un appel {family} est ouvert aujourd'hui ?",),
        home_target=("PME {a_home}, nous voulons des partenaires {target}",),
        mixed=("Quels appels {family} ouverts pour un consortium avec des partenaires {country} ?",),
        declined=("Inscris-nous à la journée d'information de {id}",),
    ),
)

SPANISH_HOLDOUT = replace(
    SPANISH,
    templates=_words(
        count_open=(
            "¿Cuántas convocatorias de {family} siguen abiertas hoy?",
            "{family}: ¿cuántas convocatorias abiertas hay ahora?",
        ),
        count_forthcoming=("¿Cuántas convocatorias de {family} están anunciadas pero todavía no abiertas?",),
        window={
            "days": ("cierran dentro de los próximos {n} días",),
            "this-month": ("vencen antes de fin de mes",),
            "next-month": ("cierran el próximo mes",),
            "before": ("vencen antes de {month}",),
            "opens": ("abrirán en los próximos {n} días",),
            "closed-last-month": ("cerraron el mes pasado",),
            "weeks": ("cierran en las próximas {n} semanas",),
        },
        calls_of=("convocatorias del programa {family}",),
        any_calls=("convocatorias europeas",),
        window_frame=("Dime qué {what} {window}",),
        superlative={
            "first": ("De las convocatorias abiertas de {family}, ¿cuál tiene el plazo más cercano?",),
            "budget": ("¿Cuál es la convocatoria abierta de {family} con más presupuesto?",),
            "per-project": ("¿Qué convocatoria abierta de {family} da la mayor cantidad por proyecto?",),
            "opens-next": ("¿Qué convocatoria de {family} se abre primero?",),
        },
        set_opening=("Lista las convocatorias abiertas de {family}",),
        which_first=("¿Cuál de ellas cierra primero?",),
        the_second=("¿Y la segunda? ¿Cuándo vence?",),
        only_before=("Solo las que vencen antes de {month}",),
        how_many_then=("¿Cuántas quedan entonces?",),
        partners_in=("Necesitamos socios {country}, ¿qué clústeres conoces?",),
        and_in=("¿Y {country}?",),
        none_open=("¿Hay hoy alguna convocatoria de {family} abierta?",),
        home_target=("Pyme {a_home} busca clústeres {target} para colaborar",),
        mixed=("¿Qué convocatorias abiertas de {family} sirven para un consorcio con socios {country}?",),
        declined=("Inscríbenos en la jornada informativa de {id}",),
    ),
)

ITALIAN_HOLDOUT = replace(
    ITALIAN,
    templates=_words(
        count_open=(
            "Quanti bandi {family} sono ancora aperti oggi?",
            "{family}: quanti bandi sono aperti ora?",
        ),
        count_forthcoming=("Quanti bandi {family} sono annunciati ma non ancora aperti?",),
        window={
            "days": ("scadono nei prossimi {n} giorni",),
            "this-month": ("chiudono entro la fine del mese",),
            "next-month": ("chiudono il prossimo mese",),
            "before": ("scadono prima di {month}",),
            "opens": ("apriranno nei prossimi {n} giorni",),
            "closed-last-month": ("sono stati chiusi il mese scorso",),
            "weeks": ("chiudono nelle prossime {n} settimane",),
        },
        calls_of=("bandi del programma {family}",),
        any_calls=("bandi europei",),
        window_frame=("Dimmi quali {what} {window}",),
        superlative={
            "first": ("Tra i bandi {family} aperti, quale ha la scadenza più vicina?",),
            "budget": ("Qual è il bando {family} aperto con il budget più grande?",),
            "per-project": ("Quale bando {family} aperto finanzia di più per progetto?",),
            "opens-next": ("Quale bando {family} apre per primo?",),
        },
        set_opening=("Elenca i bandi {family} aperti",),
        which_first=("Quale di questi chiude prima?",),
        the_second=("E il secondo, entro quando?",),
        only_before=("Solo quelli con scadenza prima di {month}",),
        how_many_then=("Quanti ne restano?",),
        partners_in=("Cerchiamo partner {country}: quali cluster conosci?",),
        and_in=("E {country}?",),
        none_open=("C'è oggi un bando {family} aperto?",),
        home_target=("PMI {a_home} cerca cluster {target} per collaborare",),
        mixed=("Quali bandi {family} aperti vanno bene per un consorzio con partner {country}?",),
        declined=("Iscrivici alla giornata informativa di {id}",),
    ),
)

POLISH_HOLDOUT = replace(
    POLISH,
    templates=_words(
        count_open=(
            "Ile naborów {family} jest dziś jeszcze otwartych?",
            "{family}: ile konkursów jest teraz otwartych?",
        ),
        count_forthcoming=("Ile naborów {family} zapowiedziano, ale jeszcze ich nie otwarto?",),
        window={
            "days": ("kończą się w ciągu najbliższych {n} dni",),
            "this-month": ("zamykają się przed końcem miesiąca",),
            "next-month": ("kończą się w następnym miesiącu",),
            "before": ("kończą się przed {month}",),
            "opens": ("otworzą się w ciągu {n} dni",),
            "closed-last-month": ("zamknęły się w poprzednim miesiącu",),
            "weeks": ("zamykają się w ciągu {n} tygodni",),
        },
        calls_of=("nabory w programie {family}",),
        any_calls=("nabory UE",),
        window_frame=("Powiedz, które {what} {window}",),
        superlative={
            "first": ("Który z otwartych naborów {family} ma najbliższy termin?",),
            "budget": ("Który otwarty nabór {family} ma największy budżet?",),
            "per-project": ("Który otwarty konkurs {family} daje najwięcej na projekt?",),
            "opens-next": ("Który nabór {family} otworzy się jako następny?",),
        },
        set_opening=("Wypisz otwarte nabory {family}",),
        which_first=("Który z nich kończy się pierwszy?",),
        the_second=("A drugi – do kiedy?",),
        only_before=("Tylko te, które kończą się przed {month}",),
        how_many_then=("Ile ich zostaje?",),
        partners_in=("Szukamy partnerów {country}, jakie klastry znasz?",),
        and_in=("A {country}?",),
        none_open=("Czy dziś jest otwarty jakiś nabór {family}?",),
        home_target=("MŚP {a_home} szuka klastrów {target} do współpracy",),
        mixed=("Które otwarte nabory {family} pasują do konsorcjum z partnerami {country}?",),
        declined=("Zapisz nas na dzień informacyjny {id}",),
    ),
)

HOLDOUT_LANGUAGES: dict[str, LanguageWordings] = {
    "de": GERMAN_HOLDOUT,
    "fr": FRENCH_HOLDOUT,
    "es": SPANISH_HOLDOUT,
    "it": ITALIAN_HOLDOUT,
    "pl": POLISH_HOLDOUT,
}
