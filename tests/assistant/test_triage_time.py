"""Relative time in six languages, read against a fixed message timestamp (never the wall clock)."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.triage import assess_urgency
from assistant.triage_time import named_moments

CET = dt.timezone(dt.timedelta(hours=1))
MONDAY_0930 = dt.datetime(2026, 3, 2, 9, 30, tzinfo=CET)
"""The message's own moment: Monday 2 March 2026, 09:30 CET."""


def _first(text: str, sent_at: dt.datetime = MONDAY_0930) -> dt.datetime | None:
    moments = named_moments(text, sent_at=sent_at)
    return moments[0].at if moments else None


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=CET)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English
        ("the event starts in two hours, can I still register?", _at(2, 11, 30)),
        ("we submit tomorrow at 17:00", _at(3, 17)),
        ("the form for the workshop on Thursday is full", _at(5, 23, 59)),
        ("locked out and the deadline is at noon today", _at(2, 12)),
        # German
        ("Die Matchmaking-Session beginnt in zwei Stunden", _at(2, 11, 30)),
        ("Abgabe ist heute Mittag!!", _at(2, 12)),
        ("Vorstandssitzung ist morgen um 17:00", _at(3, 17)),
        ("Workshop am Donnerstag ist ausgebucht", _at(5, 23, 59)),
        ("Der Antrag muss übermorgen raus", _at(4, 23, 59)),
        ("Mitgliedschaft läuft Ende des Monats aus", _at(31, 23, 59)),
        # French
        ("le webinaire commence dans deux heures", _at(2, 11, 30)),
        ("on dépose demain à 17h", _at(3, 17)),
        ("la date limite est aujourd'hui à midi", _at(2, 12)),
        ("l'atelier de jeudi affiche complet", _at(5, 23, 59)),
        ("d'ici la fin du mois", _at(31, 23, 59)),
        # Spanish
        ("mañana a las 17:00 es el webinar", _at(3, 17)),
        ("el evento empieza en dos horas", _at(2, 11, 30)),
        ("el plazo termina hoy a mediodía", _at(2, 12)),
        ("tenemos que presentar el jueves", _at(5, 23, 59)),
        ("cierra dentro de dos semanas", _at(16, 23, 59)),
        # Italian
        ("dobbiamo presentare giovedì", _at(5, 23, 59)),
        ("la sessione inizia tra due ore", _at(2, 11, 30)),
        ("domani alle 17 scade il bando", _at(3, 17)),
        ("il webinar comincia tra mezz'ora", _at(2, 10)),
        ("la scadenza è oggi a mezzogiorno", _at(2, 12)),
        # Polish
        ("warsztaty w czwartek", _at(5, 23, 59)),
        ("sesja zaczyna się za dwie godziny", _at(2, 11, 30)),
        ("jutro o 17:00 mija termin", _at(3, 17)),
        ("termin mija dziś w południe", _at(2, 12)),
        ("nabór zamyka się za trzy tygodnie", _at(23, 23, 59)),
    ],
)
def test_relative_time_is_read_from_the_message_moment(text: str, expected: dt.datetime) -> None:
    assert _first(text) == expected


@pytest.mark.parametrize(
    ("text", "sent_at"),
    [
        ("Heute Mittag ist das Portal abgestürzt", _at(2, 15)),  # noon had passed when it was written
        ("Die Suche liefert seit heute früh nichts", MONDAY_0930),
        ("Guten Morgen! Eine Frage zur Rechnung", _at(2, 7)),
        ("La web está caída desde esta mañana", _at(2, 17)),
        ("Stamattina la piattaforma era giù", MONDAY_0930),
        ("Dziś rano platforma nie działała", _at(2, 15, 30)),
        ("Danke für die Veranstaltung gestern", MONDAY_0930),
        ("La semana pasada estuve en el workshop", MONDAY_0930),
        ("The webinar on Thursday was great", MONDAY_0930),
        ("Happy Friday, and thanks!", MONDAY_0930),
        ("buenas tardes, una pregunta", _at(2, 8)),
    ],
)
def test_past_moments_greetings_and_small_talk_name_no_deadline(text: str, sent_at: dt.datetime) -> None:
    assert named_moments(text, sent_at=sent_at) == []


def test_the_same_words_are_judged_from_each_messages_own_timestamp() -> None:
    text = "Abgabefrist ist heute Mittag, ich bin ausgesperrt"
    morning = assess_urgency(text, dates=[], call_deadlines={}, sent_at=_at(2, 8, 30))
    assert morning == ("high", "“heute Mittag” (2026-03-02 12:00) is in 4 hours")
    afternoon = named_moments(text, sent_at=_at(2, 15))
    assert afternoon == []  # still high, but from "ausgesperrt", not from a passed noon
    assert assess_urgency(text, dates=[], call_deadlines={}, sent_at=_at(2, 15)) == (
        "high",
        "says “ausgesperrt”",
    )


def test_a_weekday_is_the_coming_one_from_the_message_day() -> None:
    sunday_evening = dt.datetime(2026, 3, 8, 20, 0, tzinfo=CET)
    assert _first("wir reichen am Dienstag ein", sunday_evening) == _at(10, 23, 59)
    friday = dt.datetime(2026, 3, 6, 9, 0, tzinfo=CET)
    assert _first("W poniedziałek mija termin", friday) == _at(9, 23, 59)
    assert _first("El lunes a las 17:00 acaba el plazo", friday) == _at(9, 17)


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("Das Anmeldeformular für den Workshop am Donnerstag ist schon voll", "high"),
        ("La mission d'affaires a lieu dans trois semaines", "medium"),
        ("La feria es dentro de diez días", "medium"),
        ("Il sito non si carica da ieri sera, errore 504", "medium"),
        ("Od wczoraj strona pokazuje błąd 500", "medium"),
        ("Wie hoch ist der Mitgliedsbeitrag?", "low"),
        ("Potrzebujemy listu poparcia, najlepiej w piątek", "high"),
        ("Compte verrouillé, c'est urgent", "high"),
    ],
)
def test_urgency_in_every_language(text: str, urgency: str) -> None:
    assert assess_urgency(text, dates=[], call_deadlines={}, sent_at=MONDAY_0930)[0] == urgency


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Abgabe am 12.03. um 10 Uhr", _at(12, 10)),
        ("Frist: 15.03.2026.", _at(15, 23, 59)),
        ("plazo: 15/03/26", _at(15, 23, 59)),
        ("Einreichung am 15. März", _at(15, 23, 59)),
        ("la date limite est le 10 mars à 12h", _at(10, 12)),
        ("el 15 de marzo de 2026 cierra", _at(15, 23, 59)),
        ("scade il 10 marzo", _at(10, 23, 59)),
        ("termin mija 15 marca", _at(15, 23, 59)),
    ],
)
def test_dates_written_in_numbers_or_month_names_in_every_language(text: str, expected: dt.datetime) -> None:
    assert _first(text) == expected


@pytest.mark.parametrize(
    "text", ["1.5 Mio Euro Budget", "support 24/7", "le 1er mars", "am 15. Januar", "um 17.30."]
)
def test_numbers_that_are_no_date_and_dates_already_past_name_no_deadline(text: str) -> None:
    assert named_moments(text, sent_at=MONDAY_0930) == []


@pytest.mark.parametrize(
    "text",
    [
        "Nicht eilig, aber: wie hoch ist die Förderquote?",
        "Rien d'urgent, juste une question sur la cotisation",
        "No es urgente, ¿cuándo abre la convocatoria?",
        "Niente di urgente, volevo solo sapere il costo della quota",
        "Nic pilnego, pytanie o składkę",
        "Nie jest pilne: kiedy nabór?",
    ],
)
def test_saying_it_is_not_urgent_is_not_urgent(text: str) -> None:
    assert assess_urgency(text, dates=[], call_deadlines={}, sent_at=MONDAY_0930)[0] == "low"


@pytest.mark.parametrize(
    "text",
    [
        "Schönen Freitag euch allen!",
        "Bon mercredi à toutes et à tous",
        "Feliz jueves, equipo",
        "Buon venerdì a tutti!",
        "Miłego piątku wszystkim",
        "Buona serata a tutti!",
        "Miłego wieczoru!",
        "Bonne journée et à la semaine prochaine !",
        "Se cayó ayer por la noche",
    ],
)
def test_weekday_and_evening_wishes_and_yesterday_evening_name_no_deadline(text: str) -> None:
    assert named_moments(text, sent_at=MONDAY_0930) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Beitrag wurde doppelt abgebucht, bitte bis Donnerstag zurückbuchen", _at(5, 23, 59)),
        ("La facture a été envoyée deux fois, corrigez-la avant jeudi svp", _at(5, 23, 59)),
        ("Ci avete addebitato due volte, sistemate entro giovedì", _at(5, 23, 59)),
    ],
)
def test_a_due_word_before_a_weekday_makes_it_a_deadline_even_in_a_past_clause(
    text: str, expected: dt.datetime
) -> None:
    assert _first(text) == expected


def test_next_week_is_its_middle_so_said_late_in_the_week_it_is_soon() -> None:
    assert _first("die Messe ist nächste Woche") == _at(11, 23, 59)  # said on a Monday: 9 days
    thursday = dt.datetime(2026, 3, 5, 10, 0, tzinfo=CET)
    assert _first("el brokerage de la semana que viene", thursday) == _at(11, 23, 59)
    said_thursday = assess_urgency("the brokerage next week", dates=[], call_deadlines={}, sent_at=thursday)
    said_monday = assess_urgency("the brokerage next week", dates=[], call_deadlines={}, sent_at=MONDAY_0930)
    assert (said_thursday[0], said_monday[0]) == ("high", "medium")


@pytest.mark.parametrize(
    "text",
    [
        "Die Suche findet seit Montag nichts mehr",
        "Le formulaire plante depuis vendredi",
        "El formulario da error desde el lunes",
        "Il modulo dà errore da venerdì",
        "Formularz wyrzuca błąd od poniedziałku",
    ],
)
def test_a_problem_since_a_past_day_is_a_disruption(text: str) -> None:
    assert assess_urgency(text, dates=[], call_deadlines={}, sent_at=MONDAY_0930)[0] == "medium"
