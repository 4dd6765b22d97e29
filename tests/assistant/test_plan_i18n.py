"""The same plan whatever the language: lexicons, date phrases, programme and sector names (issue 13)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from assistant.intents import understand
from assistant.plan.catalog import Catalog
from assistant.plan.dates import ReadWindow, english_dates, read_window
from assistant.plan.dates_i18n import month_forms, polish_month_cases
from assistant.plan.executor import execute_calls
from assistant.plan.lexicon import LEXICONS, english_reading
from assistant.plan.models import QueryPlan
from assistant.plan.rewrite import PhraseRewriter, protected_spans
from assistant.plan.rules import PreviousTurn, plan_question
from corpus.sectors import split_compounds
from retrieval.query import find_programmes, find_sectors, understand_query
from tests.assistant.test_plan import _catalog

TODAY = dt.date(2026, 5, 10)
ROOT = Path(__file__).resolve().parents[2]
PLAN_FIELDS = (
    "intent", "operation", "sort_field", "statuses", "programmes", "deadline_window", "opening_window",
    "target_countries", "home_countries", "sectors", "previous", "item_index",
)  # fmt: skip


def _plan(text: str, catalog: Catalog | None = None, previous: PreviousTurn | None = None) -> QueryPlan:
    reading = english_reading(text)
    understanding = understand(reading)
    return plan_question(
        reading,
        today=TODAY,
        intent=understanding.intent,
        entities=understanding.entities,
        catalog=catalog or _catalog(),
        previous=previous,
    )


def _same(plan: QueryPlan, english: QueryPlan) -> None:
    for name in PLAN_FIELDS:
        got, wanted = getattr(plan, name), getattr(english, name)
        if name.endswith("_window") and got is not None and wanted is not None:
            got, wanted = (got.start, got.end), (wanted.start, wanted.end)
        assert got == wanted, f"{plan.question!r}: {name} {got!r} != {wanted!r}"


@pytest.mark.parametrize(
    ("english", "others"),
    [
        (
            "How many Horizon Europe calls are open right now?",
            [
                "Wie viele Ausschreibungen von Horizont Europa sind gerade offen?",
                "Combien d'appels Horizon Europe sont ouverts en ce moment ?",
                "¿Cuántas convocatorias de Horizonte Europa están abiertas ahora mismo?",
                "Quanti bandi Orizzonte Europa sono aperti in questo momento?",
                "Ile naborów w programie Horyzont Europa jest teraz otwartych?",
                "wie viele open calls gibt es gerade bei Horizon Europe?",
            ],
        ),
        (
            "Which Horizon Europe calls close in the next 30 days?",
            [
                "Welche Ausschreibungen von Horizont Europa enden in den nächsten 30 Tagen?",
                "Quels appels Horizon Europe ferment dans les 30 prochains jours ?",
                "¿Qué convocatorias de Horizonte Europa cierran en los próximos 30 días?",
                "Quali bandi Orizzonte Europa chiudono nei prossimi 30 giorni?",
                "Które nabory Horyzont Europa zamykają się w ciągu 30 dni?",
                "which Horizon Europe calls close in den nächsten 30 Tagen?",
            ],
        ),
        (
            "Which open Euroclusters call closes first?",
            [
                "Welche offene Ausschreibung von Euroclusters endet zuerst?",
                "Quel appel Euroclusters ouvert ferme en premier ?",
                "¿Qué convocatoria abierta de Euroclusters cierra primero?",
                "Quale bando Euroclusters aperto scade per primo?",
                "Który otwarty nabór Euroklastrów zamyka się najwcześniej?",
            ],
        ),
        (
            "We are a Danish SME looking for partners in Poland",
            [
                "Wir sind ein dänisches KMU und suchen Partner in Polen",
                "Nous sommes une PME danoise et cherchons des partenaires en Pologne",
                "Somos una pyme danesa y buscamos socios en Polonia",
                "Siamo una PMI danese e cerchiamo partner in Polonia",
                "Jesteśmy duńskim MŚP i szukamy partnerów w Polsce",
                "we're a dänisches KMU looking for partners w Polsce",
            ],
        ),
        (
            "Which open calls are there for agri-food clusters?",
            [
                "¿Qué convocatorias abiertas hay para clústeres agroalimentarios?",
                "Welche offenen Ausschreibungen gibt es für Lebensmittelcluster?",
                "Quels appels ouverts y a-t-il pour les clusters agroalimentaires ?",
                "Quali bandi aperti ci sono per i cluster agroalimentari?",
                "Jakie otwarte nabory są dla klastrów rolno-spożywczych?",
                "open calls für agroalimentare clusters?",
            ],
        ),
    ],
)
def test_a_question_gets_the_same_plan_in_every_language(english: str, others: list[str]) -> None:
    wanted = _plan(english)
    for question in others:
        _same(_plan(question), wanted)


def test_follow_ups_over_the_previous_result_set_in_every_language() -> None:
    catalog = _catalog()
    first = _plan("Which Horizon Europe calls are open?", catalog)
    ids = tuple(c.doc_id for c in execute_calls(first, catalog=catalog, today=TODAY, previous_ids=()).calls)
    previous = PreviousTurn(plan=first, result_ids=ids)
    firsts = ("Welche davon endet zuerst?", "Lequel ferme en premier ?", "¿Cuál de ellas cierra primero?",
              "Quale di questi scade per primo?", "Który z nich zamyka się najwcześniej?")  # fmt: skip
    for question in firsts:
        plan = _plan(question, catalog, previous)
        assert (plan.previous, plan.operation) == ("set", "first"), question
    seconds = ("Die zweite – wann ist da die Frist?", "Et le deuxième, il ferme quand ?",
               "La segunda, ¿cuándo cierra?", "Il secondo, quando scade?",
               "A ten drugi – kiedy się zamyka?")  # fmt: skip
    for question in seconds:
        plan = _plan(question, catalog, previous)
        assert (plan.previous, plan.item_index) == ("item", 1), question
    befores = ("Nur die mit Frist vor Juli", "Seulement ceux qui ferment avant juillet",
               "Solo las que cierran antes de julio", "Solo quelli che scadono prima di luglio",
               "Tylko te z terminem przed lipcem")  # fmt: skip
    for question in befores:
        plan = _plan(question, catalog, previous)
        assert plan.previous == "set" and plan.deadline_window is not None, question
        assert plan.deadline_window.end == dt.date(2026, 6, 30), question


@pytest.mark.parametrize(
    "question",
    [
        "Kannst du für nächsten Dienstag ein Treffen mit dem Silesian Aviation Cluster buchen?",
        "Peux-tu envoyer un e-mail au Silesian Aviation Cluster ?",
        "¿Puedes reservar una reunión con Silesian Aviation Cluster?",
        "Puoi prenotare un incontro con il Silesian Aviation Cluster?",
        "Czy możesz umówić spotkanie z Silesian Aviation Cluster?",
    ],
)
def test_actions_are_declined_in_every_language(question: str) -> None:
    assert _plan(question).intent == "action"


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("Welche Calls enden in den nächsten 30 Tagen?", "2026-05-10", "2026-06-09"),
        ("appels qui ferment d'ici la fin du mois", "2026-05-10", "2026-05-31"),
        ("convocatorias que cerraron el mes pasado", "2026-04-01", "2026-04-30"),
        ("bandi che scadono entro fine anno", "2026-05-10", "2026-12-31"),
        ("nabory zamykające się w ciągu 30 dni", "2026-05-10", "2026-06-09"),
        ("Ausschreibungen vor März", "2026-05-10", "2027-02-28"),
        ("appels avant mars", "2026-05-10", "2027-02-28"),
        ("nabory przed marcem", "2026-05-10", "2027-02-28"),
        ("convocatorias antes de septiembre", "2026-05-10", "2026-08-31"),
        ("bandi che chiudono prima di agosto", "2026-05-10", "2026-07-31"),
        ("Calls, die nächsten Monat enden", "2026-06-01", "2026-06-30"),
        ("nabory w przyszłym miesiącu", "2026-06-01", "2026-06-30"),
        ("ferment dans les 2 prochaines semaines", "2026-05-10", "2026-05-24"),
        ("el mes que viene", "2026-06-01", "2026-06-30"),
        ("scadono il mese prossimo", "2026-06-01", "2026-06-30"),
        ("bis Ende Juni", "2026-05-10", "2026-06-30"),
        ("w czerwcu", "2026-06-01", "2026-06-30"),
        ("Ausschreibungen, die in den kommenden zwei Wochen enden", "2026-05-10", "2026-05-24"),
        ("nabory, które kończą się w ciągu dwóch tygodni", "2026-05-10", "2026-05-24"),
        ("convocatorias que cierran antes de finales de junio", "2026-05-10", "2026-06-30"),
        ("bandi che scadono entro la fine di giugno", "2026-05-10", "2026-06-30"),
    ],
)
def test_relative_dates_in_every_language(question: str, start: str, end: str) -> None:
    found = read_window(question, TODAY)
    assert isinstance(found, ReadWindow), (question, english_dates(question))
    assert (found.window.start, found.window.end) == (
        dt.date.fromisoformat(start),
        dt.date.fromisoformat(end),
    )


FIRST, LAST, NEXT_OPENING = ("first", "deadline"), ("last", "deadline"), ("first", "opening_date")
LARGEST, PER_PROJECT = ("largest", "total_budget"), ("largest", "amount_per_project")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Welche Ausschreibung bei LIFE endet zuerst?", FIRST),
        ("Welcher EIC-Call hat die früheste Deadline?", FIRST),
        ("Welcher EIC-Call endet am spätesten?", LAST),
        ("Welche Horizont-Europa-Ausschreibung ist am höchsten dotiert?", LARGEST),
        ("Bei welcher LIFE-Ausschreibung bekommt man pro Projekt am meisten?", PER_PROJECT),
        ("Wann öffnet die nächste Erasmus+-Ausschreibung?", NEXT_OPENING),
        ("Quel appel LIFE se termine le plus tôt ?", FIRST),
        ("Quel appel EIC a la date limite la plus tardive ?", LAST),
        ("Parmi les appels LIFE ouverts, lequel est le mieux doté ?", LARGEST),
        ("Quel appel EIC offre le montant le plus élevé par projet ?", PER_PROJECT),
        ("Quand ouvre le prochain appel LIFE ?", NEXT_OPENING),
        ("¿Cuál es la convocatoria de LIFE con el plazo más cercano?", FIRST),
        ("¿Qué convocatoria abierta de LIFE cierra la última?", LAST),
        ("¿Cuál es la convocatoria de LIFE con más presupuesto?", LARGEST),
        ("¿Qué convocatoria del EIC financia más por proyecto?", PER_PROJECT),
        ("¿Cuál será la siguiente convocatoria de LIFE en abrirse?", NEXT_OPENING),
        ("Qual è il primo bando EIC a chiudere?", FIRST),
        ("Quale bando LIFE chiude per ultimo?", LAST),
        ("Quale bando LIFE ha più budget?", LARGEST),
        ("Quale bando EIC offre l'importo più alto per singolo progetto?", PER_PROJECT),
        ("Qual è il prossimo bando LIFE che apre?", NEXT_OPENING),
        ("Który nabór LIFE kończy się najszybciej?", FIRST),
        ("Który nabór CERV zamyka się najpóźniej?", LAST),
        ("Który nabór LIFE ma najwyższy budżet?", LARGEST),
        ("W którym naborze EIC można dostać najwięcej na jeden projekt?", PER_PROJECT),
        ("Kiedy rusza następny nabór LIFE?", NEXT_OPENING),
    ],
)
def test_superlatives_in_every_language(question: str, expected: tuple[str, str]) -> None:
    """Firsts, lasts and largests as members ask them; like "which call closes first", over the open
    calls (the next to open: over the forthcoming ones) even when "open" is not said."""
    plan = _plan(question)
    assert (plan.operation, plan.sort_field) == expected, (question, plan.question)
    assert plan.statuses == (("forthcoming",) if expected == NEXT_OPENING else ("open",)), question
    assert plan.programmes, question


@pytest.mark.parametrize(
    ("question", "home", "target"),
    [
        ("Wir sind ein deutsches KMU und suchen Partner in Dänemark", "DE", "DK"),
        ("Wir sind ein französisches KMU und suchen Partner aus Dänemark", "FR", "DK"),
        ("Unser Unternehmen sitzt in Lettland, wir suchen Kooperationspartner in der Ukraine", "LV", "UA"),
        ("Nous sommes une PME française et cherchons des clusters partenaires en Espagne", "FR", "ES"),
        ("PME croate, nous voulons nous implanter au Danemark : quels clusters contacter ?", "HR", "DK"),
        ("Notre société est établie en Lituanie ; quels clusters en Autriche seraient nos partenaires ?",
         "LT", "AT"),
        ("Somos una pyme española y buscamos socios en Suecia", "ES", "SE"),
        ("Nuestra empresa tiene sede en Letonia y buscamos clústeres en Estonia", "LV", "EE"),
        ("Como pyme española queremos entrar en el mercado polaco: ¿qué clústeres hay?", "ES", "PL"),
        ("Siamo una PMI italiana e vogliamo espanderci in Austria: quali cluster ci sono?", "IT", "AT"),
        ("Startup dalla Repubblica Ceca interessata a collaborare con cluster in Romania", "CZ", "RO"),
        ("La nostra startup ha sede in Austria e cerca cluster in Polonia", "AT", "PL"),
        ("Jesteśmy polską firmą i szukamy partnerów w Niemczech", "PL", "DE"),
        ("Jesteśmy polską firmą i szukamy partnerów z Niemiec", "PL", "DE"),
        ("Prowadzimy czeską firmę i chcemy rozwinąć działalność na Węgrzech. Jakie klastry tam działają?",
         "CZ", "HU"),
        ("Nasza firma jest z Ukrainy, szukamy klastrów w Rumunii", "UA", "RO"),
        ("We are a French SME looking for partners from Denmark", "FR", "DK"),
    ],
)  # fmt: skip
def test_home_country_and_target_market_in_every_language(question: str, home: str, target: str) -> None:
    plan = _plan(question)
    assert (plan.home_countries, plan.target_countries) == ((home,), (target,)), (question, plan.question)
    assert plan.intent == "partners", question


@pytest.mark.parametrize(
    "question",
    [
        "Wir planen ein Konsortium mit Firmen in Estland – welche LIFE-Calls sind noch offen?",
        "Nous montons un consortium avec des entreprises en Irlande : quels appels LIFE sont ouverts ?",
        "Buscamos convocatorias del EIC abiertas para presentarnos junto con una empresa francesa",
        "Stiamo creando un consorzio con aziende in Slovenia: quali bandi LIFE sono ancora aperti?",
        "Tworzymy konsorcjum z firmami w Słowenii – jakie nabory LIFE są jeszcze otwarte?",
    ],
)
def test_funding_with_partners_asks_for_open_calls_in_every_language(question: str) -> None:
    """The partner country only says who the calls are for: the answer is the open calls, and the
    consortium words are not a topic that would narrow them."""
    plan = _plan(question)
    assert plan.intent == "funding" and plan.programmes and plan.target_countries, question
    assert plan.statuses == ("open",) and plan.topic == "", (question, plan.question, plan.topic)


def test_month_names_come_from_cldr_with_the_polish_cases() -> None:
    assert "märz" in month_forms("de")[3] and "mars" in month_forms("fr")[3]
    assert {"marzec", "marca", "marcem", "marcu"} <= set(month_forms("pl")[3])
    assert polish_month_cases("lutego", 2) == ("lutym", "lutym")
    assert polish_month_cases("listopada", 11) == ("listopadem", "listopadzie")
    assert polish_month_cases("października", 10) == ("październikiem", "październiku")  # not "październikem"
    assert "set" not in month_forms("it")[9]  # "set" is an English word; "settembre" is read


@pytest.mark.parametrize(
    ("alias", "programme"),
    [
        ("Horizont Europa", "Horizon Europe"),
        ("Horyzont Europa", "Horizon Europe"),
        ("Horizon Europa", "Horizon Europe"),
        ("Orizzonte Europa", "Horizon Europe"),
        ("Europa digitale", "Digital Europe Programme"),
        ("Programa Europa Digital", "Digital Europe Programme"),
        ("Cyfrowa Europa", "Digital Europe Programme"),
        ("programme LIFE", "LIFE"),
        ("Erasmus+", "Erasmus+"),
        ("Binnenmarktprogramm", "Single Market Programme"),
        ("programme pour le marché unique", "Single Market Programme"),
        ("Europejskiego Funduszu Obronnego", "European Defence Fund"),
        ("Europe créative", "Creative Europe"),
    ],
)
def test_programme_names_in_the_product_languages(alias: str, programme: str) -> None:
    assert find_programmes(f"offene Calls {alias}") == [programme]
    assert understand_query(english_reading(f"Quels appels {alias} sont ouverts ?")).programmes == (
        programme,
    )


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("clústeres agroalimentarios", "Agri-food"),
        ("Lebensmittel", "Agri-food"),
        ("agroalimentaire", "Agri-food"),
        ("agroalimentare", "Agri-food"),
        ("rolno-spożywczy", "Agri-food"),
        ("klastry rolno-spożywcze", "Agri-food"),
        ("batteries", "battery"),
        ("Batterien", "battery"),
        ("baterie", "battery"),
        ("baterías", "battery"),
        ("Wasserstoff", "hydrogen"),
        ("wodór", "hydrogen"),
        ("idrogeno", "hydrogen"),
        ("Wasserstoffprojekte", "hydrogen"),
        ("Batteriecluster", "battery"),
        ("Gesundheitsbranche", "Health"),
        ("intelligenza artificiale", "AI"),
        ("cyberbezpieczeństwo", "cybersecurity"),
    ],
)
def test_sector_names_in_the_six_languages(phrase: str, sector: str) -> None:
    assert find_sectors(split_compounds(phrase)) == [sector]
    assert understand_query(phrase).sectors == (sector,)


def test_ordinary_german_words_are_not_split_as_compounds() -> None:
    assert (
        split_compounds("Clusterorganisationen und Partnerschaften")
        == "Clusterorganisationen und Partnerschaften"
    )


def test_names_identifiers_and_english_are_kept_as_typed() -> None:
    for kept in (
        "Tell me about Cluster Agroalimentario de Galicia",
        "What does Clust-ER Meccatronica e Motoristica do?",
        "How much money is available under CEF-E-2026-PCI-PMI-WORKS?",
        "we'd like to apply with an SME from Cyprus",
        "could you set up a call with Automation Region next week?",
        "American defense technology clusters",
    ):
        assert english_reading(kept) == kept


def test_every_english_eval_question_reads_as_itself() -> None:
    changed = []
    for name in ("questions.jsonl", "questions_dev2.jsonl", "questions_holdout.jsonl", "answers.jsonl"):
        for line in (ROOT / "evals" / "datasets" / name).read_text(encoding="utf-8").splitlines():
            changed += [turn for turn in json.loads(line)["turns"] if english_reading(turn) != turn]
    assert changed == []


def test_the_rewriter_reads_numbers_elisions_and_leaves_names() -> None:
    rewriter = PhraseRewriter([("in den nächsten {n} tagen", "in the next {n} days"), ("d'", "of")])
    assert rewriter.rewrite("Calls in den nächsten 45 Tagen") == "Calls in the next 45 days"
    assert rewriter.rewrite("combien d'appels") == "combien of appels"
    assert rewriter.rewrite("we'd like") == "we'd like"
    assert protected_spans("Tell me about Cluster Agroalimentario de Galicia") == [(14, 48)]


def test_every_lexicon_is_data_for_one_of_the_six_languages() -> None:
    assert set(LEXICONS) == {"de", "fr", "es", "it", "pl"}
    for phrases in LEXICONS.values():
        assert len(phrases) > 100 and all(isinstance(v, str) for v in phrases.values())


def test_a_word_shared_by_two_languages_keeps_each_reading() -> None:
    """All five lexicons apply at once, so a word of one language must not take over another's: Polish
    "termin" is a deadline, German "einen Termin" an appointment."""
    assert "deadline" in english_reading("Jaki jest termin drugiego?")
    assert "appointment" in english_reading("Buch mir bitte einen Termin mit dem Cluster")


@pytest.mark.parametrize(
    ("english", "others"),
    [
        (
            "How many EDF calls are coming up but not open yet?",
            [
                "Ile naborów Europejskiego Funduszu Obronnego ma dopiero ruszyć?",
                "ile jest zapowiedzianych naborow EDF, ktore jeszcze nie wystartowaly?",
            ],
        ),
        (
            "Which Single Market Programme calls close next month?",
            [
                "które konkursy w ramach programu na rzecz jednolitego rynku kończą się w następnym miesiącu",
                "ktore nabory w programie na rzecz jednolitego rynku zamykaja sie w przyszlym miesiacu",
            ],
        ),
        (
            "Which calls close within 30 days?",
            [
                "Jakie konkursy zamykają się w przeciągu 30 dni?",
                "Jakie konkursy zamykaja sie w przeciagu 30 dni?",
                "convocatorias que cierran en menos de 30 días",
            ],
        ),
        (
            "Which CERV call closes last?",
            [
                "Który nabór CERV zamyka się ostatni?",
                "¿Cuál de las convocatorias abiertas de CERV cierra más tarde?",
            ],
        ),
        (
            "Which open Horizon Europe call gives the most money per project?",
            [
                "W którym otwartym naborze Horyzontu Europa kwota na projekt jest najwyższa?",
                "¿Con qué convocatoria de Horizonte Europa se consigue más por proyecto?",
            ],
        ),
        (
            "We are a French company and want to find a cluster in Lithuania",
            ["Jesteśmy francuską firmą i chcemy wejść na Litwę. Z jakimi klastrami tam rozmawiać?"],
        ),
        (
            "Which open Horizon Europe calls are there?",
            [
                "¿Qué convocatorias vigentes tiene Horizonte Europa?",
                "Jakie mamy otwarte nabory Horyzontu Europa?",
            ],
        ),
    ],
)
def test_polish_cases_colloquial_frames_and_no_diacritics_read_as_english(
    english: str, others: list[str]
) -> None:
    wanted = _plan(english)
    for question in others:
        _same(_plan(question), wanted)


def test_a_kept_programme_name_is_not_swallowed_by_a_longer_phrase_before_it() -> None:
    reading = english_reading("które konkursy w ramach programu na rzecz jednolitego rynku są otwarte")
    assert "programu na rzecz jednolitego rynku" in reading
    assert find_programmes(reading) == ["Single Market Programme"]


def test_a_phrase_that_differs_from_its_reading_by_accents_only_is_read() -> None:
    assert english_reading("¿Qué es un clúster?") == "what is a cluster?"
    assert english_reading("Maritime Cluster in Polen") == "Maritime Cluster in Poland"  # typed as it reads


@pytest.mark.parametrize(
    "question",
    [
        "Ile europejskich organizacji klastrowych wzięło udział w misji do USA w 2017 roku?",
        "¿En qué año aprobó Corea del Sur su New Industrial Clustering Act?",
        "¿Cuántas organizaciones clúster europeas participaron en la misión de alto nivel a EE. UU. en 2017?",
        "Combien de décideurs, d'experts et de chercheurs ont assisté à l'atelier UE–États-Unis de 2015 ?",
        "Quante organizzazioni cluster europee hanno preso parte alla missione negli USA del 2017?",
        "Wie viele Factsheets veröffentlicht die European Cluster Collaboration Platform?",
        "Ile agencji ma Departament Handlu USA?",
        "Ilu decydentów, ekspertów i badaczy przyszło na warsztaty UE–USA o mapowaniu klastrów w 2015 roku?",
        "Comment le financement de l'internationalisation des clusters est-il généralement constitué ?",
        "Z czego zwykle składa się finansowanie internacjonalizacji klastrów na świecie?",
    ],
)
def test_policy_facts_about_events_and_institutions_abroad_are_policy_questions(question: str) -> None:
    plan = _plan(question)
    assert plan.intent == "policy", (question, english_reading(question))


@pytest.mark.parametrize(
    "question",
    [
        "Pôles agroalimentaires en France",
        "Polos agroalimentarios en España",
        "Poli tecnologici in Italia",
        "Klastry lotnicze w Niemczech",
        "Nous sommes une start-up espagnole et cherchons des pôles en Pologne",
        "Siamo una PMI tedesca e cerchiamo poli tecnologici in Spagna",
    ],
)
def test_partner_searches_with_poles_polos_poli_klastry_stay_partner_searches(question: str) -> None:
    assert _plan(question).intent == "partners", (question, english_reading(question))


@pytest.mark.parametrize(
    "question",
    [
        "Maritime partners in Spain for our Italian cluster",
        "Busco socios marítimos en España para nuestro clúster italiano",
    ],
)
def test_our_own_cluster_names_the_home_country(question: str) -> None:
    plan = _plan(question)
    assert (plan.intent, plan.target_countries, plan.home_countries) == ("partners", ("ES",), ("IT",))


def test_a_german_cluster_compound_without_a_sector_head_is_a_partner_search() -> None:
    assert english_reading("Textil- und Modecluster in Italien").endswith("Mode cluster in Italy")
    assert _plan("Textil- und Modecluster in Italien").intent == "partners"
    assert english_reading("what are subclusters?") == "what are subclusters?"


@pytest.mark.parametrize(
    ("english", "others"),
    [
        (
            "Which Horizon Europe calls close before 15 June?",
            [
                "Wymień konkursy Horyzont Europa, które kończą się przed 15 czerwca",
                "podaj nabory wnioskow Horyzontu Europa z terminem skladania wnioskow przed 15 czerwca",
                "¿Cuáles convocatorias de Horizonte Europa vencen antes del 15 de junio?",
                "Welche Förderaufrufe von Horizont Europa enden vor dem 15. Juni?",
                "Quels appels Horizon Europe se terminent avant le 15 juin ?",
                "Quali bandi Orizzonte Europa scadono prima del 15 giugno?",
            ],
        ),
        (
            "Which EIC calls close by 15 July?",
            [
                "które ogłoszenia o naborach EIC kończą się najpóźniej do 15 lipca?",
                "dime qué ayudas de EIC vencen hasta el 15 de julio",
            ],
        ),
        (
            "Which calls close within the next 7 days?",
            [
                "Wymień nabory wniosków, które kończą się w ciągu najbliższych siedmiu dni",
                "sprawdź, jakie programy dofinansowania zamykają się przez najbliższe siedem dni",
                "dime qué convocatorias vencen en los próximos siete días",
            ],
        ),
        (
            "Which calls close within 30 days?",
            [
                "Pokaz programy dofinansowania, ktore zamykaja sie w ciagu trzydziestu dni.",
                "¿Cuáles convocatorias tienen el plazo de presentación abierto solo treinta días más?",
                "Zeig mir Förderprogramme, die in den kommenden dreißig Tagen enden",
            ],
        ),
        (
            "Which Horizon Europe calls close next week?",
            [
                "sprawdź, jakie programy dofinansowania w ramach Horyzont Europa zamykają się "
                "w następnym tygodniu",
                "¿Qué programas de financiación de Horizonte Europa vencen la semana que viene?",
            ],
        ),
        (
            "How many Single Market Programme calls are open?",
            [
                "Ile konkursów Jednolity Rynek przyjmuje teraz wnioski?",
                "¿Cuántas ayudas de Mercado Único admiten solicitudes ahora mismo?",
            ],
        ),
        (
            "How many European Defence Fund calls are coming up but not open yet?",
            ["Ile konkursów EFO jest zaplanowanych, ale jeszcze się nie rozpoczęło?"],
        ),
        (
            "Which EIC call has the latest deadline?",
            [
                "Który nabór EIC ma najpóźniejszy termin?",
                "w którym konkursie EIC termin mija najpóźniej?",
                "¿Qué convocatoria abierta de EIC vence la última?",
            ],
        ),
        (
            "Which EIC call has the largest budget?",
            ["Wskaż konkurs EIC z największym budżetem", "muéstrame la ayuda de EIC con más dotación"],
        ),
        (
            "When does the next MSCA call open?",
            [
                "¿Cuándo se abre la siguiente convocatoria de MSCA?",
                "podaj następne ogłoszenie o naborze MSCA",
            ],
        ),
    ],
)
def test_round_four_words_numbers_days_and_programme_names_read_as_english(
    english: str, others: list[str]
) -> None:
    wanted = _plan(english)
    for question in others:
        _same(_plan(question), wanted)


@pytest.mark.parametrize(
    "question",
    [
        "Wymień otwarte konkursy EIC z budżetem powyżej 5 mln euro",
        "podaj otwarte nabory EIC, w ktorych budzet przekracza 5 mln euro",
        "Muéstrame convocatorias abiertas de EIC con un presupuesto de más de 5 millones de euros",
        "¿Qué convocatorias abiertas de EIC superan los 5 millones de euros de presupuesto?",
        "Zeig mir offene EIC-Aufrufe mit einem Budget über 5 Mio. Euro",
        "Montre-moi les appels EIC ouverts avec un budget de plus de 5 millions d'euros",
        "Mostrami i bandi EIC aperti con un budget superiore a 5 milioni di euro",
    ],
)
def test_a_budget_above_n_million_in_every_language(question: str) -> None:
    plan = _plan(question)
    assert plan.budget_min_eur == 5_000_000, english_reading(question)
    assert plan.statuses == ("open",) and plan.programmes == ("European Innovation Council",)


def test_a_programme_name_typed_without_polish_letters_is_no_topic() -> None:
    plan = _plan("Wymien otwarte konkursy Laczac Europe")
    assert plan.programmes == ("Connecting Europe Facility",) and plan.topic == ""


@pytest.mark.parametrize(
    "question",
    [
        "Napisz w naszym imieniu do Automation Region",
        "Wypełnij za nas wniosek w HORIZON-EIC-2026-ACCELERATOR-01",
    ],
)
def test_polish_requests_to_write_or_fill_in_for_us_are_declined(question: str) -> None:
    assert _plan(question).intent == "action"


@pytest.mark.parametrize(
    ("english", "others"),
    [
        (
            "How many Horizon Europe calls are open?",
            [
                "ile naborów Horyzontu Europa jest otwartych na dzień dzisiejszy?",
                "Ilość otwartych naborów w Horyzoncie Europa?",
                "Ile otwartych naborów ma Horyzont Europa?",
            ],
        ),
        (
            "How many Horizon Europe calls are upcoming?",
            [
                "Ile naborów Horyzontu Europa zostanie wkrótce ogłoszonych?",
                "ile będzie nowych naborów w Horyzoncie Europa?",
            ],
        ),
        (
            "Which Horizon Europe calls close before October?",
            ["Które nabory Horyzontu Europa kończą się przed październikiem?"],
        ),
        (
            "Which Horizon Europe calls close in the next 30 days?",
            ["Które nabory Horyzontu Europa kończą się w ciągu miesiąca?"],
        ),
        (
            "Which Horizon Europe calls open in the next 30 days?",
            ["Jakie nabory Horyzontu Europa otworzą się w ciągu 30 dni?"],
        ),
        (
            "Which Horizon Europe call has the largest budget?",
            ["Który konkurs Horyzontu Europa jest najbogatszy?"],
        ),
        (
            "Which Horizon Europe call closes first?",
            ["¿Cuál es el plazo de presentación más próximo en Horizonte Europa?"],
        ),
        (
            "Which Horizon Europe calls close next week?",
            ["¿Qué convocatorias de Horizonte Europa cierran la semana próxima?"],
        ),
        (
            "We are a Polish company looking for clusters in Germany",
            [
                "Nasza firma z Polski chce wejść na rynek niemiecki – jakie klastry tam działają?",
                "MŚP z Polski szuka klastrów niemieckich",
            ],
        ),
        ("Can you register us for the EIC Accelerator?", ["Zapisz nas do EIC Accelerator"]),
        (
            "Can you send an email to Automation Region?",
            ["Skontaktuj się w naszym imieniu z Automation Region"],
        ),
    ],
)
def test_more_polish_and_spanish_phrasings_read_as_english(english: str, others: list[str]) -> None:
    wanted = _plan(english)
    for question in others:
        _same(_plan(question), wanted)


@pytest.mark.parametrize(
    ("english", "others"),
    [
        (
            "How many EIC calls are upcoming?",
            ["Ile naborów EIC się jeszcze nie otworzyło?", "Ile przyszłych naborów EIC jest w planach?"],
        ),
        (
            "We are a Spanish company looking for clusters in Italy",
            [
                "Mamy firmę w Hiszpanii i szukamy klastra we Włoszech",
                "Startup z Hiszpanii szuka klastra we Włoszech",
            ],
        ),
        (
            "Can you book a meeting with Automation Region for us?",
            [
                "Zorganizuj nam spotkanie z Automation Region",
                "Przedstaw nas Automation Region",
                "¿Puedes concertar una reunión con Automation Region?",
                "Pide una cita con Automation Region por nosotros",
            ],
        ),
        (
            "Can you submit our application to HORIZON-EIC-2026-ACCELERATOR-01?",
            [
                "Prześlij nasz wniosek do HORIZON-EIC-2026-ACCELERATOR-01",
                "Aplikuj za nas do HORIZON-EIC-2026-ACCELERATOR-01",
            ],
        ),
    ],
)
def test_polish_forthcoming_home_market_and_requests_we_decline(english: str, others: list[str]) -> None:
    wanted = _plan(english)
    for question in others:
        _same(_plan(question), wanted)
