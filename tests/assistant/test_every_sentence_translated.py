"""Issue 13 audit: every sentence the product writes is in the asker's language.

A battery of questions of every kind (funding list, count, first, none open, budget, look-up,
windows, partners, policy, refusal, declined action, definition, each problem the planner reports,
follow-ups) in German, French, Spanish, Italian and Polish goes through the real service on the
small real corpus; an answer fails when it carries an English sentence the product wrote
(:mod:`tests.assistant.english_leaks`). Each kind is asked twice: as a speaker of the language
writes it, and in English with the language chosen (``ask --lang``), so that a question the
planner reads differently in one language still has every answer writer's sentence checked.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from assistant.errors import AdvisorError, InvalidInput
from assistant.language import error_text, localized_error
from integrations.cli.main import app
from tests.assistant.english_leaks import english_leaks, record_names
from tests.assistant.factories import TODAY, Corpus, corpus, corpus_records

__all__ = ["corpus"]

LANGUAGES = ("de", "fr", "es", "it", "pl")
NAMES = record_names(corpus_records())

# kind -> (the English question, then the same in de, fr, es, it, pl)
BATTERY: dict[str, tuple[str, ...]] = {
    "list": (
        "Which calls are open for cluster internationalisation?",
        "Welche Ausschreibungen zur Internationalisierung von Clustern sind offen?",
        "Quels appels sont ouverts pour l'internationalisation des clusters ?",
        "¿Qué convocatorias están abiertas para la internacionalización de clústeres?",
        "Quali bandi sono aperti per l'internazionalizzazione dei cluster?",
        "Jakie nabory są otwarte na umiędzynarodowienie klastrów?",
    ),
    "count": (
        "How many calls are open?",
        "Wie viele Ausschreibungen sind offen?",
        "Combien d'appels sont ouverts ?",
        "¿Cuántas convocatorias están abiertas?",
        "Quanti bandi sono aperti?",
        "Ile naborów jest otwartych?",
    ),
    "first": (
        "Which open call closes first?",
        "Welche offene Ausschreibung endet zuerst?",
        "Quel appel ouvert se termine en premier ?",
        "¿Qué convocatoria abierta cierra primero?",
        "Quale bando aperto scade per primo?",
        "Który otwarty nabór kończy się najwcześniej?",
    ),
    "largest": (
        "Which open call has the largest budget?",
        "Welche offene Ausschreibung hat das größte Budget?",
        "Quel appel ouvert a le plus gros budget ?",
        "¿Qué convocatoria abierta tiene el mayor presupuesto?",
        "Quale bando aperto ha il budget più alto?",
        "Który otwarty nabór ma największy budżet?",
    ),
    "none_open": (
        "Are there open calls of the LIFE programme?",
        "Gibt es offene Ausschreibungen des LIFE-Programms?",
        "Y a-t-il des appels ouverts du programme LIFE ?",
        "¿Hay convocatorias abiertas del programa LIFE?",
        "Ci sono bandi aperti del programma LIFE?",
        "Czy są otwarte nabory programu LIFE?",
    ),
    "budget": (
        "What is the budget of HORIZON-CL4-2026-CLUSTER-01?",
        "Wie hoch ist das Budget von HORIZON-CL4-2026-CLUSTER-01?",
        "Quel est le budget de HORIZON-CL4-2026-CLUSTER-01 ?",
        "¿Cuál es el presupuesto de HORIZON-CL4-2026-CLUSTER-01?",
        "Qual è il budget di HORIZON-CL4-2026-CLUSTER-01?",
        "Jaki jest budżet HORIZON-CL4-2026-CLUSTER-01?",
    ),
    "budget_filter": (
        "Open calls with a budget over EUR 10 million",
        "Offene Ausschreibungen mit einem Budget über 10 Millionen Euro",
        "Appels ouverts avec un budget de plus de 10 millions d'euros",
        "Convocatorias abiertas con un presupuesto de más de 10 millones de euros",
        "Bandi aperti con un budget superiore a 10 milioni di euro",
        "Otwarte nabory z budżetem powyżej 10 milionów euro",
    ),
    "lookup": (
        "When does SMP-COSME-2026-CLUSTER-02 close?",
        "Wann endet SMP-COSME-2026-CLUSTER-02?",
        "Quand se termine SMP-COSME-2026-CLUSTER-02 ?",
        "¿Cuándo cierra SMP-COSME-2026-CLUSTER-02?",
        "Quando scade SMP-COSME-2026-CLUSTER-02?",
        "Kiedy kończy się SMP-COSME-2026-CLUSTER-02?",
    ),
    "closed_lookup": (
        "When did the deadline of I3-2025-INV1 pass?",
        "Wann endete die Frist von I3-2025-INV1?",
        "Quand la date limite de I3-2025-INV1 a-t-elle expiré ?",
        "¿Cuándo terminó el plazo de I3-2025-INV1?",
        "Quando è scaduto il termine di I3-2025-INV1?",
        "Kiedy minął termin I3-2025-INV1?",
    ),
    "window": (
        "Which calls close in the next 30 days?",
        "Welche Ausschreibungen enden in den nächsten 30 Tagen?",
        "Quels appels ferment dans les 30 prochains jours ?",
        "¿Qué convocatorias cierran en los próximos 30 días?",
        "Quali bandi chiudono nei prossimi 30 giorni?",
        "Które nabory zamykają się w ciągu 30 dni?",
    ),
    "closing_soon": (
        "Which calls close soon?",
        "Welche Ausschreibungen enden bald?",
        "Quels appels ferment bientôt ?",
        "¿Qué convocatorias cierran pronto?",
        "Quali bandi scadono a breve?",
        "Które nabory wkrótce się kończą?",
    ),
    "forthcoming": (
        "Which calls open next?",
        "Welche Ausschreibungen öffnen als nächstes?",
        "Quels appels ouvrent prochainement ?",
        "¿Qué convocatorias abren próximamente?",
        "Quali bandi apriranno prossimamente?",
        "Jakie nabory zostaną wkrótce otwarte?",
    ),
    "topic": (
        "Are there calls for hydrogen valleys?",
        "Gibt es Ausschreibungen für Wasserstofftäler?",
        "Y a-t-il des appels pour les vallées de l'hydrogène ?",
        "¿Hay convocatorias para valles del hidrógeno?",
        "Ci sono bandi per le valli dell'idrogeno?",
        "Czy są nabory na doliny wodorowe?",
    ),
    "partners": (
        "Battery clusters in Czechia?",
        "Welche Batterie-Cluster gibt es in Tschechien?",
        "Quels clusters de batteries y a-t-il en Tchéquie ?",
        "¿Qué clústeres de baterías hay en Chequia?",
        "Quali cluster di batterie ci sono in Cechia?",
        "Jakie klastry bateryjne działają w Czechach?",
    ),
    "partners_sector": (
        "Agri-food clusters in Spain",
        "Agrar- und Lebensmittelcluster in Spanien",
        "Clusters agroalimentaires en Espagne",
        "Clústeres agroalimentarios en España",
        "Cluster agroalimentari in Spagna",
        "Klastry rolno-spożywcze w Hiszpanii",
    ),
    "partners_region": (
        "Battery clusters in the Nordics or Central Europe",
        "Batterie-Cluster in Mitteleuropa",
        "Clusters de batteries en Europe centrale",
        "Clústeres de baterías en Europa Central",
        "Cluster di batterie in Europa centrale",
        "Klastry bateryjne w Europie Środkowej",
    ),
    "partners_none": (
        "Hydrogen clusters in Denmark?",
        "Wasserstoff-Cluster in Dänemark?",
        "Des clusters de l'hydrogène au Danemark ?",
        "¿Clústeres de hidrógeno en Dinamarca?",
        "Cluster dell'idrogeno in Danimarca?",
        "Klastry wodorowe w Danii?",
    ),
    "organisation": (
        "What is Aviation Valley?",
        "Was ist Aviation Valley?",
        "Qu'est-ce qu'Aviation Valley ?",
        "¿Qué es Aviation Valley?",
        "Che cos'è Aviation Valley?",
        "Czym jest Aviation Valley?",
    ),
    "policy": (
        "What did Norway do to internationalise clusters?",
        "Was hat Norwegen getan, um seine Cluster zu internationalisieren?",
        "Qu'a fait la Norvège pour internationaliser ses clusters ?",
        "¿Qué hizo Noruega para internacionalizar sus clústeres?",
        "Che cosa ha fatto la Norvegia per internazionalizzare i suoi cluster?",
        "Co zrobiła Norwegia, aby umiędzynarodowić swoje klastry?",
    ),
    "refusal": (
        "How do I bake a chocolate cake?",
        "Wie backe ich einen Schokoladenkuchen?",
        "Comment faire un gâteau au chocolat ?",
        "¿Cómo hago un pastel de chocolate?",
        "Come si prepara una torta al cioccolato?",
        "Jak upiec ciasto czekoladowe?",
    ),
    "action": (
        "Apply to HORIZON-CL4-2026-CLUSTER-01 for me.",
        "Reiche für mich einen Antrag für HORIZON-CL4-2026-CLUSTER-01 ein.",
        "Dépose une candidature à HORIZON-CL4-2026-CLUSTER-01 pour moi.",
        "Envía por mí una solicitud a HORIZON-CL4-2026-CLUSTER-01.",
        "Invia per me una domanda per HORIZON-CL4-2026-CLUSTER-01.",
        "Złóż za mnie wniosek do HORIZON-CL4-2026-CLUSTER-01.",
    ),
    "definition": (
        "What is cluster mapping?",
        "Was ist Cluster-Mapping?",
        "Qu'est-ce que la cartographie des clusters ?",
        "¿Qué es el mapeo de clústeres?",
        "Che cos'è la mappatura dei cluster?",
        "Co to jest mapowanie klastrów?",
    ),
    "impossible_window": (
        "Calls closing between June and March",
        "Ausschreibungen mit Frist zwischen Juni und März",
        "Appels qui ferment entre juin et mars",
        "Convocatorias que cierran entre junio y marzo",
        "Bandi che scadono tra giugno e marzo",
        "Nabory zamykane między czerwcem a marcem",
    ),
    "unknown_programme": (
        "Open calls of the Zorglub programme",
        "Offene Ausschreibungen des Zorglub-Programms",
        "Appels ouverts du programme Zorglub",
        "Convocatorias abiertas del programa Zorglub",
        "Bandi aperti del programma Zorglub",
        "Otwarte nabory programu Zorglub",
    ),
    "unknown_identifier": (
        "What is the deadline of HORIZON-XYZ-2031-NOPE-01?",
        "Wann ist die Frist von HORIZON-XYZ-2031-NOPE-01?",
        "Quelle est la date limite de HORIZON-XYZ-2031-NOPE-01 ?",
        "¿Cuál es el plazo de HORIZON-XYZ-2031-NOPE-01?",
        "Qual è la scadenza di HORIZON-XYZ-2031-NOPE-01?",
        "Jaki jest termin HORIZON-XYZ-2031-NOPE-01?",
    ),
    "empty_budget_range": (
        "Calls with a budget over EUR 10 million and under EUR 5 million",
        "Ausschreibungen mit einem Budget über 10 Millionen und unter 5 Millionen Euro",
        "Appels avec un budget de plus de 10 millions et de moins de 5 millions d'euros",
        "Convocatorias con un presupuesto de más de 10 millones y menos de 5 millones de euros",
        "Bandi con un budget superiore a 10 milioni e inferiore a 5 milioni di euro",
        "Nabory z budżetem powyżej 10 milionów i poniżej 5 milionów euro",
    ),
}

# kind -> (first question, follow-up) in English, then de, fr, es, it, pl
FOLLOW_UPS: dict[str, tuple[tuple[str, str], ...]] = {
    "its_budget": (
        ("When does SMP-COSME-2026-CLUSTER-02 close?", "And its budget?"),
        ("Wann endet SMP-COSME-2026-CLUSTER-02?", "Und das Budget?"),
        ("Quand se termine SMP-COSME-2026-CLUSTER-02 ?", "Et son budget ?"),
        ("¿Cuándo cierra SMP-COSME-2026-CLUSTER-02?", "¿Y su presupuesto?"),
        ("Quando scade SMP-COSME-2026-CLUSTER-02?", "E il suo budget?"),
        ("Kiedy kończy się SMP-COSME-2026-CLUSTER-02?", "A jaki ma budżet?"),
    ),
    "which_first": (
        ("Which calls are open?", "Which of them closes first?"),
        ("Welche Ausschreibungen sind offen?", "Welche davon endet zuerst?"),
        ("Quels appels sont ouverts ?", "Lequel ferme en premier ?"),
        ("¿Qué convocatorias están abiertas?", "¿Cuál de ellas cierra primero?"),
        ("Quali bandi sono aperti?", "Quale di questi scade per primo?"),
        ("Jakie nabory są otwarte?", "Który z nich kończy się najwcześniej?"),
    ),
    "the_second": (
        ("Which calls are open?", "Tell me more about the second one."),
        ("Welche Ausschreibungen sind offen?", "Erzähl mir mehr über die zweite."),
        ("Quels appels sont ouverts ?", "Parle-moi du deuxième."),
        ("¿Qué convocatorias están abiertas?", "Háblame de la segunda."),
        ("Quali bandi sono aperti?", "Parlami del secondo."),
        ("Jakie nabory są otwarte?", "Powiedz mi więcej o drugim."),
    ),
}

WORDINGS = ("native", "english")


def _question(questions: tuple[str, ...], lang: str, wording: str) -> str:
    return questions[0] if wording == "english" else questions[1 + LANGUAGES.index(lang)]


@pytest.mark.parametrize("wording", WORDINGS)
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", sorted(BATTERY))
def test_every_answer_is_written_in_the_askers_language(
    corpus: Corpus, kind: str, lang: str, wording: str
) -> None:
    question = _question(BATTERY[kind], lang, wording)
    answer = corpus.assistant().ask(question=question, today=TODAY, lang=lang)

    assert answer.lang == lang and answer.answer.strip()
    assert english_leaks(answer.answer, NAMES) == [], f"{question!r} ->\n{answer.answer}"


@pytest.mark.parametrize("wording", WORDINGS)
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", sorted(FOLLOW_UPS))
def test_follow_ups_stay_in_the_askers_language(corpus: Corpus, kind: str, lang: str, wording: str) -> None:
    pairs = FOLLOW_UPS[kind]
    first_question, follow_up = pairs[0] if wording == "english" else pairs[1 + LANGUAGES.index(lang)]
    assistant = corpus.assistant()
    first = assistant.ask(question=first_question, today=TODAY, lang=lang)
    answer = assistant.ask(question=follow_up, today=TODAY, conversation_id=first.conversation_id)

    assert answer.lang == lang and answer.answer.strip()
    assert english_leaks(answer.answer, NAMES) == [], f"{follow_up!r} ->\n{answer.answer}"


def test_the_detector_finds_english_and_allows_marked_quotes_and_names() -> None:
    """The audit's own check: it must catch an English sentence and pass what may stay English."""
    german = (
        "Aus „Why globalise?“:\n"
        "- „Norway funds joint international projects.“ (EN) [1]\n"
        "- Czech Battery Cluster — Brno, Tschechien [2] https://example.org/the-call\n"
        "extractive · 24 ms · weiter mit --conversation 5eb20e1d78c04c5a9c5e1b54766286be"
    )
    assert english_leaks(german, NAMES) == []
    leaks = english_leaks("I found no call with the identifier X-1 in the corpus.", NAMES)
    assert len(leaks) == 1 and "found" in leaks[0]
    assert english_leaks("- Batterie (abgeleitet aus dem Namen: name contains 'Battery')", NAMES)


@pytest.mark.parametrize(
    ("question", "lang", "message"),
    [
        ("Welche Ausschreibungen sind für Cluster offen? " * 100, None,
         "Die Frage ist 4.699 Zeichen lang; erlaubt sind 4.000."),
        ("Which calls are open for clusters? " * 150, "pl", "Pytanie ma 5 249 znaków; limit to 4 000."),
        ("Which calls are open for clusters? " * 150, None,
         "the question is 5,249 characters long; the limit is 4,000."),
    ],
)  # fmt: skip
def test_a_too_long_question_is_refused_in_the_askers_language(
    corpus: Corpus, question: str, lang: str | None, message: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        corpus.assistant().ask(question=question, today=TODAY, lang=lang)
    assert str(refused.value).replace("\xa0", " ").startswith(message)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_cli_answer_and_its_source_list_are_in_the_askers_language(corpus: Corpus, lang: str) -> None:
    base = ["--data-dir", str(corpus.settings.data_dir), "--today", TODAY.isoformat(), "ask", "--lang", lang]
    result = CliRunner().invoke(app, [*base, BATTERY["list"][0]])

    assert result.exit_code == 0, result.output
    assert english_leaks(result.output, NAMES) == [], result.output


EMPTY_QUESTION_IN = {
    "de": "die Frage ist leer",
    "fr": "la question est vide",
    "es": "la pregunta está vacía",
    "it": "la domanda è vuota",
    "pl": "pytanie jest puste",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_errors_before_an_answer_exists_are_in_the_askers_language(corpus: Corpus, lang: str) -> None:
    """An empty question (``lang`` the only clue), an unknown conversation (the question's language)
    and an unsupported ``lang`` (the question's): said in the language, and said again in any other
    one by an edge that learns it later."""
    assistant = corpus.assistant()
    native = BATTERY["list"][1 + LANGUAGES.index(lang)]
    refusals = []
    for question, chosen, conversation in (("  ", lang, None), (native, None, "nope"), (native, "pt", None)):
        with pytest.raises(AdvisorError) as refused:
            assistant.ask(question=question, today=TODAY, lang=chosen, conversation_id=conversation)
        refusals.append(refused.value)
    assert str(refusals[0]).startswith(EMPTY_QUESTION_IN[lang])
    for refusal in refusals:
        text = str(refusal).replace("en, de, fr, es, it, pl", " ")
        assert english_leaks(text, NAMES) == [], text
        assert refusal.template is not None and error_text(refusal, "en") != str(refusal)
    assert error_text(refusals[1], "en").startswith("unknown conversation 'nope'; start a new one")


def test_a_message_missing_from_the_catalogs_is_said_in_english() -> None:
    error = localized_error(
        InvalidInput, "a message no catalog has: {count} of {total}", "pl", count=1, total=4000
    )
    assert str(error).replace("\xa0", " ") == "a message no catalog has: 1 of 4 000"  # Polish digits
    assert error_text(error, "de") == "a message no catalog has: 1 of 4.000"
    assert error_text(error, "en") == "a message no catalog has: 1 of 4,000"
