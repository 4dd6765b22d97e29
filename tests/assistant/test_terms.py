from __future__ import annotations

from assistant.entities import entities_from
from assistant.places import unknown_places
from assistant.refusal import EvidenceScore, better_evidence, has_evidence
from assistant.terms import bigrams, ordered_keys, phrase_share, term_key, term_keys, weighted_coverage
from retrieval.query import understand_query


def test_country_adjectives_and_ize_spellings_are_one_term() -> None:
    assert term_key("norwegian") == term_key("norway") == term_key("norwegians")
    assert (
        term_key("internationalization") == term_key("internationalise") == term_key("internationalisation")
    )
    assert term_key("hubs") == term_key("hub") and term_key("french") != term_key("norway")


def test_weighted_coverage_counts_rare_words_more() -> None:
    weights = {"underwater": 7.0, "basket": 9.6, "weaving": 9.6, "horizon": 1.4}
    assert round(weighted_coverage(weights, term_keys("Underwater noise in Horizon calls")), 2) == 0.30
    assert weighted_coverage(weights, term_keys("Underwater basket weaving under Horizon")) == 1.0
    assert weighted_coverage({}, {"x"}) == 0.0


def test_phrase_share_finds_adjacent_word_pairs() -> None:
    pairs = bigrams(ordered_keys("Regional Innovation and Technology Hubs Initiative"))
    text = "the Regional Innovation and Technology Hubs Initiative has $10 billion"
    assert phrase_share(pairs, text) == 1.0
    assert phrase_share(pairs, "technology for regional hubs of innovation") == 0.0


def test_coverage_below_the_minimum_is_no_evidence_for_multi_word_questions() -> None:
    weak = EvidenceScore(similarity=0.49, overlap=2, topical=4, coverage=0.30)
    assert has_evidence(weak) and not has_evidence(weak, min_coverage=0.5)
    single = EvidenceScore(similarity=0.6, overlap=1, topical=1, coverage=0.0)
    assert has_evidence(single, min_coverage=0.5)  # one topical word: judged as before


def test_better_evidence_needs_similar_passages_with_clearly_more_of_the_question() -> None:
    calls = EvidenceScore(similarity=0.63, overlap=5, topical=5, coverage=1.0, phrases=0.25)
    policy = EvidenceScore(similarity=0.64, overlap=5, topical=5, coverage=1.0, phrases=1.0)
    assert better_evidence(policy, calls) and not better_evidence(calls, policy)
    dissimilar = policy.model_copy(update={"similarity": 0.5})
    assert not better_evidence(dissimilar, calls)


def _entities(text: str):  # type: ignore[no-untyped-def]
    return entities_from(understand_query(text), text)


def test_unknown_places_are_names_no_place_table_knows() -> None:
    question = "Which cluster organisations in Narnia work on penguin tourism?"
    assert unknown_places(question, _entities(question)) == ["Narnia"]
    for known in (
        "Battery clusters in Central Europe?",
        "hydrogen clusters in Spain",
        "clusters in the EU",
        "Cluster in Dänemark",  # CLDR names in every EU language are known places
        "clusters in Antarctica",
        "digital clusters in Europie Środkowej",  # a capital outside ASCII starts a name too
        "Klastry in Europa del Este",  # "Europa" is Europe, whatever the region after it
    ):
        assert unknown_places(known, _entities(known)) == []
    question = "klastry in Łomżyńskie"
    assert unknown_places(question, _entities(question)) == ["Łomżyńskie"]
