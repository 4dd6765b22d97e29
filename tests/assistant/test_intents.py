"""Offline intent, category and entity rules; the optional model refinement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from assistant.entities import extract_entities, find_dates
from assistant.errors import LLMUnavailable
from assistant.intents import refine_with_model, understand
from assistant.llm import ChatMessage, FunctionChatModel


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Which open calls fund cluster internationalisation?", "funding"),
        ("When does I3-2026-INV1 close?", "funding"),
        ("What is open for us?", "funding"),
        ("Battery clusters in Central Europe we could work with?", "partners"),
        ("Hydrogen clusters in the Nordics", "partners"),
        ("We need partners for an agri-food project", "partners"),
        ("What did Norway do to internationalise clusters?", "policy"),
        ("What is cluster mapping?", "policy"),
        ("What's the weather in Paris?", "out_of_scope"),
        ("write me a poem about clusters", "out_of_scope"),
        ("Tell me a joke", "out_of_scope"),
    ],
)
def test_intent_rules(question: str, intent: str) -> None:
    assert understand(question).intent == intent


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("I can't log in to the member portal, it shows an error", "technical_issue"),
        ("Is there a B2B matchmaking event in Lyon next month?", "event_matchmaking"),
        ("How much is the membership fee this year?", "membership_admin"),
        ("Any open calls for hydrogen?", "funding_question"),
        ("Looking for battery partners in Spain", "partner_search"),
        ("Thanks for the newsletter!", "other"),
    ],
)
def test_triage_categories(message: str, category: str) -> None:
    assert understand(message).category == category


def test_entities_cover_places_sectors_programmes_identifiers_dates_and_organisation_types() -> None:
    entities = extract_entities(
        "Can SMEs and universities in Iberia apply to Horizon Europe call HORIZON-CL5-2027-07-D3-16 on "
        "batteries before 3 June 2026?"
    )
    assert set(entities.countries) == {"ES", "PT"} and entities.regions == ("Iberia",)
    assert entities.sectors == ("battery",)
    assert "Horizon Europe" in entities.programmes
    assert entities.identifiers == ("HORIZON-CL5-2027-07-D3-16",)
    assert entities.dates == (dt.date(2026, 6, 3),)
    assert set(entities.organisation_types) >= {"sme", "university"}


def test_find_dates_reads_three_forms_and_skips_impossible_days() -> None:
    assert find_dates("2026-02-30, June 3, 2026 and 2026-07-01") == [dt.date(2026, 6, 3), dt.date(2026, 7, 1)]


def test_model_refinement_uses_allowed_labels_only() -> None:
    def reply(messages: Sequence[ChatMessage]) -> str:
        return "partners event_matchmaking"

    refined = refine_with_model(understand("Any events soon?"), chat_model=FunctionChatModel(reply))
    assert (refined.intent, refined.category, refined.refined_by) == (
        "partners",
        "event_matchmaking",
        "model",
    )

    garbage = refine_with_model(
        understand("Any events soon?"), chat_model=FunctionChatModel(lambda m: "banana")
    )
    assert garbage.refined_by == "rules"


def test_model_failure_keeps_the_rules() -> None:
    def fail(messages: Sequence[ChatMessage]) -> str:
        raise LLMUnavailable("down")

    rules = understand("Which open calls fund clusters?")
    assert refine_with_model(rules, chat_model=FunctionChatModel(fail)) == rules


def test_how_questions_about_definitions_are_policy() -> None:
    assert understand("How are US benchmark cluster definitions built?").intent == "policy"


@pytest.mark.parametrize(
    "question",
    [
        "How many European cluster organisations took part in the 2017 high-level mission to the U.S.?",
        "When was the EU-U.S. Cooperation Arrangement on Clusters signed?",
    ],
)
def test_fact_questions_about_past_events_go_to_the_policy_texts(question: str) -> None:
    assert understand(question).intent == "policy"


def test_deadline_questions_stay_funding_questions() -> None:
    assert understand("When is the deadline for the EdTech Accelerator call?").intent == "funding"


def test_category_contract_is_unchanged_for_callers() -> None:
    from assistant import intents, triage_rules

    assert intents.CATEGORIES is triage_rules.CATEGORIES
    assert intents.CATEGORIES == (
        "funding_question", "partner_search", "event_matchmaking",
        "membership_admin", "technical_issue", "other",
    )  # fmt: skip
    assert intents.classify_category("Any open calls for hydrogen?", "funding") == "funding_question"


@pytest.mark.parametrize(
    "question",
    [
        "In which year did South Korea pass its New Industrial Clustering Act?",
        "How many bureaus does the U.S. Department of Commerce have?",
        "How many factsheets on cluster policies does the European Cluster Collaboration Platform publish?",
        "In how many regions did the ministry of Norway run a cluster workshop?",
    ],
)
def test_fact_questions_about_institutions_and_acts_abroad_are_policy(question: str) -> None:
    assert understand(question).intent == "policy"


@pytest.mark.parametrize(
    "question",
    ["How many Horizon Europe calls are open?", "How many EU Missions calls close this month?"],
)
def test_fact_questions_about_calls_stay_funding(question: str) -> None:
    assert understand(question).intent == "funding"
