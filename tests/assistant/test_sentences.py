from __future__ import annotations

from assistant.sentences import continues, defines, question_profile, sentence_score


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
