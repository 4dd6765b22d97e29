"""Triage categories in German, French, Spanish, Italian and Polish, and the lexicon files."""

from __future__ import annotations

import pytest

from assistant.intents import CATEGORIES, understand
from assistant.triage_lexicon import LEXICON_LANGUAGES, lexicon, parse_lexicon, required_literal
from assistant.triage_rules import categorise, matched_cues
from evals.triage_eval import i18n_dev_dataset_path, i18n_holdout_dataset_path, load_cases
from retrieval.analysis import fold

CASES: dict[str, dict[str, str]] = {
    "de": {
        "funding_question": "Gibt es noch Fördermittel für Digitalisierungsprojekte von KMU in Bayern?",
        "partner_search": "Wir suchen einen Zulieferer für Leichtbauteile, kennt jemand eine passende Firma?",
        "event_matchmaking": "Kann ich mich noch für die Tagung in Linz anmelden? Gibt es eine Warteliste?",
        "membership_admin": "Bitte schickt uns die Rechnung für den Jahresbeitrag noch einmal.",
        "technical_issue": "Ich kann mich seit dem Update nicht mehr einloggen, Passwort wird abgelehnt.",
        "other": "Eine Journalistin fragt nach einem Interview über unsere Arbeit.",
    },
    "fr": {
        "funding_question": "Quelles subventions existent pour une PME qui veut se digitaliser ?",
        "partner_search": "Nous recherchons un fabricant de composites pour un projet, des contacts ?",
        "event_matchmaking": "Y a-t-il encore des places pour le salon de Lyon ? Inscription fermée ?",
        "membership_admin": "Comment renouveler notre adhésion pour l'année prochaine ?",
        "technical_issue": "Impossible de me connecter au portail, mot de passe refusé.",
        "other": "Une journaliste souhaite une interview sur le cluster, qui peut répondre ?",
    },
    "es": {
        "funding_question": "¿Hay convocatorias abiertas para proyectos de economía circular?",
        "partner_search": "Buscamos un proveedor de sensores en Alemania, ¿alguien tiene contactos?",
        "event_matchmaking": "¿Quedan plazas para la jornada de networking del clúster?",
        "membership_admin": "¿Nos podéis reenviar la factura de la cuota anual?",
        "technical_issue": "No puedo acceder a la plataforma, me dice contraseña incorrecta.",
        "other": "Un periodista quiere hacer una entrevista sobre el clúster.",
    },
    "it": {
        "funding_question": "Ci sono bandi aperti per la digitalizzazione delle PMI?",
        "partner_search": "Cerchiamo un fornitore di componenti in Austria, qualcuno ha contatti?",
        "event_matchmaking": "Ci sono ancora posti per il convegno di Milano?",
        "membership_admin": "Potete rimandarci la fattura della quota associativa?",
        "technical_issue": "Non riesco ad accedere al portale, la password viene rifiutata.",
        "other": "Una giornalista vorrebbe intervistare il presidente del cluster.",
    },
    "pl": {
        "funding_question": "Czy są otwarte nabory na dotacje dla MŚP z branży spożywczej?",
        "partner_search": "Szukamy dostawcy czujników w Niemczech, ktoś zna dobrą firmę?",
        "event_matchmaking": "Czy są jeszcze miejsca na konferencję w Poznaniu?",
        "membership_admin": "Prosimy o ponowne przesłanie faktury za składkę członkowską.",
        "technical_issue": "Nie mogę się zalogować do portalu, hasło jest odrzucane.",
        "other": "Dziennikarz prosi o wywiad z prezesem klastra.",
    },
}


@pytest.mark.parametrize(
    ("lang", "category", "text"),
    [(lang, category, text) for lang, texts in CASES.items() for category, text in texts.items()],
)
def test_every_category_in_every_language(lang: str, category: str, text: str) -> None:
    assert understand(text).category == category, matched_cues(text)


def test_code_mixed_requests_are_read_with_every_language_at_once() -> None:
    assert categorise("open calls für Wasserstoff-Projekte? Förderquote?") == "funding_question"
    assert categorise("hi, le portail ne marche plus, error 500") == "technical_issue"


def test_a_word_several_languages_share_counts_once() -> None:
    """ "webinar" is a cue in five languages; English requests score as before the lexicons."""
    cues = matched_cues("Is the webinar going to be recorded?")["event_matchmaking"]
    assert sum(1 for pattern, _ in cues if "webinar" in pattern) == 1
    assert categorise("Please add our new logo to our profile on the cluster website.") == "membership_admin"


def test_every_lexicon_has_every_category_and_seven_weekdays() -> None:
    assert set(LEXICON_LANGUAGES) == {"en", "de", "fr", "es", "it", "pl"}
    for lang in LEXICON_LANGUAGES:
        words = lexicon(lang)
        assert len(words.time.weekdays) == 7
        if lang != "en":  # English cues are the tuned rules in assistant/triage_rules.py
            assert set(words.cues) == set(CATEGORIES)


def test_a_broken_lexicon_fails_with_what_is_wrong() -> None:
    with pytest.raises(ValueError, match="unknown cue strengths for other"):
        parse_lexicon("xx", {"categories": {"other": {"mighty": ["x"]}}})
    with pytest.raises(ValueError, match="seven days"):
        parse_lexicon("xx", {"time": {"weekdays": [["lundi"]]}})
    with pytest.raises(ValueError, match="unknown parts of day or units"):
        parse_lexicon("xx", {"time": {"parts_of_day": {"teatime": ["x"]}}})


def test_a_cues_literal_pre_check_never_hides_a_match() -> None:
    assert required_literal("erreurs?") == "erreur"
    assert required_literal("fehler\\w*") == "fehler"
    assert required_literal("a|b") == "" and required_literal("(?:x)y") == ""
    texts = [
        fold(case.text)
        for path in (i18n_dev_dataset_path(), i18n_holdout_dataset_path())
        for case in load_cases(path)
    ]
    texts += [fold(text) for texts_of in CASES.values() for text in texts_of.values()]
    for lang in LEXICON_LANGUAGES:
        for cues in lexicon(lang).cues.values():
            for cue in cues:
                for text in texts:
                    assert (cue.search(text) is None) == (cue.pattern.search(text) is None), (cue, text)


@pytest.mark.parametrize(
    "text",
    [
        "Danke für das schöne Sommerfest, hat Spaß gemacht!",
        "Merci pour le salon, c'était génial",
        "Gracias por el taller, muy interesante",
        "Grazie per il convegno, bellissimo",
        "Dzięki za konferencję, było świetnie",
    ],
)
def test_thanks_for_a_past_event_is_no_event_request(text: str) -> None:
    assert categorise(text) == "other", matched_cues(text)


def test_thanks_with_a_question_about_the_event_stays_an_event_request() -> None:
    text = "Danke für den Workshop! Gibt es die Folien und die Aufzeichnung?"
    assert categorise(text) == "event_matchmaking"


@pytest.mark.parametrize(
    "text",
    [
        "Die App stürzt beim Öffnen der Teilnehmerliste der Konferenz ab",
        "L'appli plante quand j'ouvre le programme du salon",
        "La app se cierra al abrir el programa de la feria",
        "L'app si chiude quando apro il programma della fiera",
        "Aplikacja się zamyka, gdy otwieram program targów",
    ],
)
def test_an_app_crashing_on_an_event_page_is_a_technical_issue(text: str) -> None:
    assert categorise(text) == "technical_issue", matched_cues(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Wir brauchen einen Zulieferer aus Tschechien für den Antrag, Abgabe Freitag", "partner_search"),
        ("Necesitamos una empresa italiana para la propuesta, ¿alguna idea?", "partner_search"),
        ("Potrzebujemy firmy z Litwy do wniosku, jakieś pomysły?", "partner_search"),
        ("Potrzebujemy listu poparcia od klastra do wniosku", "other"),
        ("Bitte die Kontaktdaten in unserem Mitgliedsprofil aktualisieren", "membership_admin"),
        ("Merci de changer le contact principal de notre fiche membre", "membership_admin"),
        ("Podéis actualizar los datos de facturación de nuestra ficha de socio?", "membership_admin"),
        ("Potete aggiornare l'anagrafica del nostro profilo socio?", "membership_admin"),
        ("Prosimy o zmianę głównego kontaktu w karcie członka", "membership_admin"),
        ("Une association peut-elle être cheffe de file ?", "funding_question"),
        ("¿Hay ayudas para la internacionalización de clústeres?", "funding_question"),
        ("Un ente pubblico può fare da capofila?", "funding_question"),
    ],
)
def test_needing_a_partner_member_records_and_lead_applicants(text: str, category: str) -> None:
    assert categorise(text) == category, matched_cues(text)
