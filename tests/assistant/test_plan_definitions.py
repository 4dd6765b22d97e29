"""How members ask for a definition: "what do you mean by X", "is A the same as B", "X: local or traded?"."""

from __future__ import annotations

import datetime as dt

from assistant.intents import understand
from assistant.plan.catalog import Catalog
from assistant.plan.definitions import defined_terms
from assistant.plan.rules import plan_question


def test_the_terms_of_other_ways_to_ask() -> None:
    assert defined_terms("what do you mean by cluster here?") == ["cluster"]
    assert defined_terms("what counts as a cluster in economic terms")[-1] == "cluster"
    assert set(defined_terms("Is a cluster the same as a cluster organisation?")) >= {
        "cluster organisation",
        "cluster",
    }
    assert "traded" in defined_terms("what is meant by local clusters")
    for question in (
        "is Processed Food traded or local?",
        "Processed Food: local or traded cluster?",
        "does Processed Food count as a traded cluster?",
        "what type of cluster is Processed Food in the US definitions",
    ):
        assert "Processed Food" in defined_terms(question), question


def test_a_kind_question_is_a_definition_not_a_count() -> None:
    text = "does Processed Food count as a traded cluster?"
    understanding = understand(text)
    plan = plan_question(
        text,
        today=dt.date(2026, 5, 10),
        intent=understanding.intent,
        entities=understanding.entities,
        catalog=Catalog.build([], []),
    )
    assert (plan.intent, plan.operation) == ("policy", "explain")


def test_how_one_term_differs_from_another_defines_both() -> None:
    from assistant.plan.definitions import defined_terms
    from assistant.plan.lexicon import english_reading

    assert defined_terms("How does a cluster differ from a cluster organisation?") == [
        "cluster organisation",
        "cluster",
    ]
    polish = english_reading("Wyjaśnij, czym klaster różni się od organizacji klastrowej")
    assert defined_terms(polish) == ["cluster organisation", "cluster"]
