from __future__ import annotations

import pytest

from assistant.sentences import (
    asks_count,
    asks_when,
    continues,
    defines,
    has_answer_type,
    quantities,
    question_profile,
    sentence_score,
)


def test_stems_and_country_adjectives_match_the_question() -> None:
    profile = question_profile("What did Norway do to internationalise its clusters?")
    both = "He addressed the internationalization efforts of Norwegian clusters."
    one = "Norway has been consistent in its cluster programs since the 1990s."
    assert sentence_score(both, profile) > sentence_score(one, profile) > 0


def test_definition_questions_prefer_the_defining_sentence() -> None:
    profile = question_profile("What is a cluster according to the U.S. Cluster Mapping Project?")
    assert profile.defined == "cluster"
    definition = "A cluster is a geographic concentration of competing and cooperating companies."
    other = "The Cluster Mapping Project is a national initiative based at Harvard Business School."
    assert sentence_score(definition, profile) > sentence_score(other, profile)
    assert defines("Clusters are groups of related firms.", "cluster")
    assert not defines("Cluster mapping measures co-location.", "cluster")


def test_count_and_when_questions_prefer_sentences_with_the_answer_type() -> None:
    count = question_profile("How many regions in Norway have a cluster policy?")
    with_number = "Each of Norway's 14 regions has a cluster policy."
    without = "Regions in Norway have a cluster policy of their own."
    assert sentence_score(with_number, count) > sentence_score(without, count)
    when = question_profile("When was the Cooperation Arrangement on Clusters signed?")
    dated = "The Cooperation Arrangement on Clusters was signed in April 2015."
    assert sentence_score(dated, when) > sentence_score(
        "The Cooperation Arrangement on Clusters was signed.", when
    )


def test_unrelated_sentences_score_zero_and_continuations_are_recognised() -> None:
    profile = question_profile("What did Norway do to internationalise its clusters?")
    assert sentence_score("Small firms face language barriers abroad.", profile) == 0.0
    assert continues("To address this, Norway was focusing on meta clusters.")
    assert not continues("Norway was focusing on meta clusters.")


@pytest.mark.parametrize(
    "question",
    [
        "How many bureaus does the U.S. Department of Commerce have?",
        "In Norway, how many regions have their own cluster policy?",
        "Aus wie vielen EU-Ländern kamen die Clusterorganisationen?",
        "Wie viel Geld hat der Spitzencluster-Wettbewerb vergeben?",
        "Les organisations venaient de combien de pays de l'UE ?",
        "¿Cuántas reuniones bilaterales tuvieron los clústeres?",
        "Quanti incontri bilaterali hanno avuto i cluster europei?",
        "Z ilu krajów UE pochodziły organizacje klastrowe?",
        "Ile projektów wsparł francuski program?",
    ],
)
def test_a_count_question_is_recognised_in_every_language(question: str) -> None:
    assert asks_count(question) and not asks_when(question)


@pytest.mark.parametrize(
    "question",
    [
        "Up to which year does the Data Dashboard have data?",
        "Seit wann gibt es das US-Programm Regional Innovation Cluster?",
        "Bis zu welchem Jahr reichen die Daten?",
        "Jusqu'à quelle année vont les données du tableau de bord ?",
        "¿Hasta qué año llegan los datos del panel?",
        "Fino a che anno arrivano i dati della Data Dashboard?",
        "Do którego roku sięgają dane w Data Dashboard?",
        "Od kiedy istnieje ten program?",
    ],
)
def test_a_year_question_is_recognised_in_every_language(question: str) -> None:
    assert asks_when(question) and not asks_count(question)


@pytest.mark.parametrize(
    "question",
    ["Welche Batterie-Cluster gibt es in Tschechien?", "Quali cluster di batterie ci sono in Cechia?",
     "What did Norway do to internationalise its clusters?", "Il y a des clusters en Île-de-France ?"],
)  # fmt: skip
def test_other_questions_ask_neither(question: str) -> None:
    assert not asks_count(question) and not asks_when(question)


def test_days_and_years_are_no_answer_to_how_many() -> None:
    assert quantities("On the 16-17th of May 2017, the European delegation attended the conference.") == set()
    assert quantities("On May 16, 2017 some 90 bilateral meetings took place.") == {"90"}
    assert quantities("It backed 1,584 projects since 2005 with up to €600 million.") == {"1,584", "€600"}
    count = question_profile("How many bilateral meetings took place in Washington in 2017?")
    assert not has_answer_type("On the 16-17th of May 2017, the delegation was in Washington.", count)
    assert has_answer_type("Some 90 bilateral EU-U.S. meetings took place.", count)
    when = question_profile("When did Iceland adopt its first cluster policy?")
    assert has_answer_type("Iceland's first cluster policy was implemented in 2021.", when)
    assert not has_answer_type("Iceland's cluster policy has four pillars.", when)
    assert has_answer_type("Anything at all.", question_profile("What did Norway do?"))
