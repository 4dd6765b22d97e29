"""Query plans: the rules read what is asked, the executor computes it over every record, answers lead."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from assistant.entities import extract_entities
from assistant.intents import understand
from assistant.llm import FunctionChatModel
from assistant.plan.answers import call_answer
from assistant.plan.catalog import Catalog
from assistant.plan.dates import WindowProblem, read_window
from assistant.plan.executor import execute_calls
from assistant.plan.models import DateWindow, QueryPlan
from assistant.plan.planner import LLMPlanner, merge_model_plan
from assistant.plan.rules import PreviousTurn, plan_question
from corpus.models import Budget
from tests.factories import make_call, make_profile

TODAY = dt.date(2026, 5, 10)


def _deadline(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day + "T15:00:00+00:00")


def _catalog() -> Catalog:
    calls = [
        make_call(f"HORIZON-CL5-2026-D3-0{i}", title=f"Solar topic {i}", opening_date=dt.date(2026, 1, 1),
                  deadline=_deadline(f"2026-0{5 + i}-0{i}"))
        for i in range(1, 5)
    ]  # fmt: skip
    calls.append(
        make_call(
            "HORIZON-EIC-2026-ACCELERATOR-01",
            title="EIC Accelerator",
            opening_date=dt.date(2026, 1, 1),
            deadline=_deadline("2026-10-01"),
            budget=Budget(total_eur=600_000_000, expected_grants=100, max_contribution_eur=2_500_000),
        )
    )
    euroclusters = [
        make_call(
            "SMP-COSME-2024-CLUSTER-01",
            doc_id=f"call:cascade:{n}",
            call_kind="cascade",
            title="GreenMantis Innovation Support Scheme" if n == 3 else f"Eurocluster open call {n}",
            programme="Single Market Programme (SMP)",
            opening_date=dt.date(2025, 9, 1),
            deadline=_deadline(f"2026-0{n + 4}-20"),
            budget=None,
        )
        for n in (2, 3, 4)
    ]
    forthcoming = make_call(
        "SMP-COSME-2024-CLUSTER-01",
        doc_id="call:cascade:9",
        call_kind="cascade",
        title="Eurocluster open call 9",
        programme="Single Market Programme (SMP)",
        opening_date=dt.date(2026, 9, 1),
        deadline=_deadline("2026-11-30"),
        budget=None,
    )
    clusters = [
        make_profile("Silesian Aviation Cluster", doc_id="cluster:silesian", country="PL"),
        make_profile("Pomeranian Maritime Cluster", doc_id="cluster:pomeranian", country="PL"),
    ]
    return Catalog.build([*calls, *euroclusters, forthcoming], clusters)


def _plan(text: str, catalog: Catalog | None = None, previous: PreviousTurn | None = None) -> QueryPlan:
    understanding = understand(text)
    return plan_question(
        text,
        today=TODAY,
        intent=understanding.intent,
        entities=understanding.entities,
        catalog=catalog or _catalog(),
        previous=previous,
    )


def _answer(text: str, previous: PreviousTurn | None = None) -> tuple[QueryPlan, str, tuple[str, ...]]:
    catalog = _catalog()
    plan = _plan(text, catalog, previous)
    result = execute_calls(
        plan, catalog=catalog, today=TODAY, previous_ids=previous.result_ids if previous else ()
    )
    evidence = call_answer(result, today=TODAY)
    return plan, evidence.extractive_text(), tuple(c.doc_id for c in result.calls)


def test_a_count_is_computed_over_every_record_and_leads_the_answer() -> None:
    plan, text, ids = _answer("How many Horizon Europe calls are open today?")
    assert plan.operation == "count" and plan.programmes == ("Horizon Europe",)
    assert plan.statuses == ("open",) and plan.deadline_window is None
    assert text.splitlines()[0] == "5 Horizon Europe calls are open on 2026-05-10:"
    assert len(ids) == 5


def test_a_relative_window_keeps_only_deadlines_inside_it() -> None:
    plan, text, ids = _answer("Which calls close in the next 30 days?")
    assert plan.deadline_window == DateWindow(
        start=TODAY, end=dt.date(2026, 6, 9), phrase="in the next 30 days"
    )
    assert ids == ("call:HORIZON-CL5-2026-D3-01",)
    assert text.startswith("1 call has a deadline between 2026-05-10 and 2026-06-09")


def test_which_closes_first_names_one_call_with_its_date() -> None:
    plan, text, _ = _answer("Which Euroclusters call closes first?")
    assert (plan.operation, plan.sort_field) == ("first", "deadline")
    assert text.splitlines()[0] == (
        "Eurocluster open call 2 (cascade-funding call under SMP-COSME-2024-CLUSTER-01) closes first, "
        "on 2026-06-20 [1]"
    )


def test_none_open_cites_the_last_closed_and_the_next_opening() -> None:
    catalog = _catalog()
    plan = _plan("Are any Euroclusters calls open?", catalog)
    result = execute_calls(plan, catalog=catalog, today=dt.date(2026, 8, 25))
    text = call_answer(result, today=dt.date(2026, 8, 25)).extractive_text()
    lines = text.splitlines()
    assert lines[0].startswith("No Euroclusters call is open")
    assert "The last one closed on 2026-08-20" in text
    assert "The next one opens on 2026-09-01" in text


def test_a_follow_up_picks_from_the_previous_result_set() -> None:
    plan, _, ids = _answer("Which Horizon Europe calls are open?")
    previous = PreviousTurn(plan=plan, result_ids=ids)
    second, text, second_ids = _answer("the second one — when does it close?", previous)
    assert second.previous == "item" and second.item_index == 1
    assert second_ids == (ids[1],)
    first, text, _ = _answer("which of them closes first?", previous)
    assert first.previous == "set" and first.operation == "first"
    assert "closes first" in text.splitlines()[0]
    narrowed, _, narrowed_ids = _answer("only those with a deadline before July", previous)
    assert narrowed.previous == "set" and set(narrowed_ids) < set(ids)


def test_loose_identifiers_and_typos_are_resolved() -> None:
    plan = _plan("what is the deadline of horizon eic 2026 accelerator 01?")
    assert plan.identifiers == ("HORIZON-EIC-2026-ACCELERATOR-01",)
    plan = _plan("Where is the Silesian Aviaton Clustr based?")
    assert plan.organisations == ("cluster:silesian",)


def test_budget_questions_give_the_number_of_projects_and_say_what_is_missing() -> None:
    _, text, _ = _answer(
        "What's the budget of HORIZON-EIC-2026-ACCELERATOR-01 and how many projects will it fund?"
    )
    assert "total budget EUR 600 million" in text and "100 projects expected to be funded" in text
    _, text, _ = _answer("how much can an SME get from the GreenMantis Inovation Suport Scheme?")
    assert "The record does not state an amount per project" in text and "https://" in text


def test_home_country_is_kept_apart_from_the_target_market() -> None:
    plan = _plan("We are a French SME looking for cluster partners in Denmark")
    assert plan.home_countries == ("FR",) and plan.target_countries == ("DK",)


def test_a_funding_question_naming_countries_stays_a_funding_question() -> None:
    plan = _plan("Are there open calls for clusters in Poland and Czechia?")
    assert plan.intent == "funding"


def test_actions_the_product_cannot_take_are_declined() -> None:
    assert _plan("Can you book a meeting with the Silesian Aviation Cluster?").intent == "action"
    assert _plan("Please send my application to the EIC").intent == "action"
    assert _plan("How do I register on the Funding & Tenders portal?").intent != "action"


def test_definitions_are_explained_from_policy() -> None:
    plan = _plan("What is the difference between a cluster and a cluster organisation?")
    assert (plan.intent, plan.operation) == ("policy", "explain")


def test_bad_input_becomes_a_stated_problem_never_an_exception() -> None:
    assert isinstance(
        read_window("calls closing between June and March", dt.date(2026, 11, 23)), WindowProblem
    )
    assert _plan("calls closing between June and March").problems
    assert _plan("What is the deadline of HORIZON-XYZ-2031-NOPE-01?").problems
    assert any("Zorglub" in p for p in _plan("open calls of the Zorglub programme").problems)
    with pytest.raises(ValidationError):
        DateWindow(start=dt.date(2026, 6, 1), end=dt.date(2026, 3, 1))


def test_budget_bounds_filter_exactly() -> None:
    plan, _, ids = _answer("open calls with a budget over EUR 100 million")
    assert plan.budget_min_eur == 100_000_000
    assert ids == ("call:HORIZON-EIC-2026-ACCELERATOR-01",)


def test_the_llm_planner_fills_the_same_plan_and_falls_back_on_bad_output() -> None:
    catalog = _catalog()
    text = "How many EIC calls are open?"
    understanding = understand(text)
    rules_plan = _plan(text, catalog)
    good = FunctionChatModel(
        lambda _m: (
            '{"intent": "funding", "operation": "count", "programmes": ["European Innovation Council"]}'
        )
    )
    plan = LLMPlanner(good).plan(
        text, today=TODAY, intent=understanding.intent, entities=understanding.entities, catalog=catalog
    )
    assert plan.planner == "llm" and plan.programmes == ("European Innovation Council",)
    for bad in (
        "not json",
        '{"intent": "funding", "operation": "first"}',
        '{"intent": "x"}',
        '{"hack": 1, "intent": "funding"}',
    ):
        model = FunctionChatModel(lambda _m, bad=bad: bad)
        plan = LLMPlanner(model).plan(
            text, today=TODAY, intent=understanding.intent, entities=understanding.entities, catalog=catalog
        )
        assert plan == rules_plan
    assert merge_model_plan('{"intent": "funding", "operation": "first"}', rules_plan) is None


def test_entities_of_a_question_are_unchanged_by_planning() -> None:
    assert extract_entities("LIFE calls in Denmark").countries == ("DK",)


def test_greetings_and_context_do_not_narrow_a_count() -> None:
    plan = _plan(
        "Good morning! Planning ahead for our board: how many Horizon Europe calls are open right now?"
    )
    assert plan.topic == "" and plan.operation == "count" and plan.statuses == ("open",)
    assert _plan("Which Horizon Europe calls on solar cells are open?").topic == "cell solar"
    assert _plan("Can a start-up still apply to the EIC Accelerator this year?").topic == "accelerator"


def test_a_date_in_the_context_is_not_a_window() -> None:
    plan = _plan("We're planning next year's applications. Which Horizon Europe calls are open?")
    assert plan.deadline_window is None and plan.opening_window is None


def test_forthcoming_and_open_now_wordings() -> None:
    assert _plan("how many EIC calls are still to open?").statuses == ("forthcoming",)
    assert _plan("any Horizon calls in the pipeline, not open yet?").statuses == ("forthcoming",)
    assert _plan("can we still submit to any Horizon calls or have they all closed?").statuses == ("open",)
    opening = _plan("which calls are opening for submissions in the next 30 days?")
    assert opening.opening_window is not None and opening.statuses == ("forthcoming",)


def test_a_budget_question_gets_the_whole_budget() -> None:
    _, text, _ = _answer("How big is the pot for HORIZON-EIC-2026-ACCELERATOR-01?")
    first = text.splitlines()[0]
    assert "total budget EUR 600 million" in first and "100 projects expected to be funded" in first


def test_names_need_a_cue_unless_typed_closely_and_long() -> None:
    assert _plan("who runs the Pomeranian Maritim Cluster").organisations == ("cluster:pomeranian",)
    assert _plan("maritime clusters in Poland?").organisations == ()
    assert _plan("Contact details for the Silesian Aviation Cluster").intent != "action"


def test_home_country_in_brackets_and_partner_contacts_in_a_target_market() -> None:
    plan = _plan("Our company (Italy) is looking for partners in Austria")
    assert (plan.home_countries, plan.target_countries) == (("IT",), ("AT",))
    plan = _plan("As a Dutch startup we want to enter the Danish market; who should we talk to?")
    assert plan.intent == "partners" and plan.target_countries == ("DK",)


def test_ordinals_written_as_digits_pick_from_the_previous_set() -> None:
    plan, _, ids = _answer("Which Horizon Europe calls are open?")
    second, _, picked = _answer(
        "when is the deadline of the 2nd one?", PreviousTurn(plan=plan, result_ids=ids)
    )
    assert second.previous == "item" and picked == (ids[1],)


def test_the_askers_own_organisation_names_the_home_country() -> None:
    for question, home, target in [
        ("I run a Portuguese textile SME and we want partners in Morocco", ("PT",), ("MA",)),
        ("A Greek agrifood cooperative wants to meet clusters in Italy", ("GR",), ("IT",)),
        ("Our Slovak firm wants partners in Czechia for a battery project", ("SK",), ("CZ",)),
    ]:
        plan = _plan(question)
        assert (plan.home_countries, plan.target_countries) == (home, target), question
    assert _plan("battery clusters in Central Europe?").home_countries == ()


def test_a_distinctive_part_of_a_long_name_names_it() -> None:
    catalog = Catalog.build(
        [],
        [
            make_profile(
                "WAGRALIM - the agri-food innovation cluster of Wallonia", doc_id="cluster:wagralim"
            ),
            make_profile("Eskisehir Chamber of Industry - Aviation Cluster", doc_id="cluster:eskisehir"),
            make_profile("Silesian Aviation Cluster", doc_id="cluster:silesian"),
        ],
    )
    assert _plan("tell me about wagralimm", catalog).organisations == ("cluster:wagralim",)
    assert _plan("who is Silesain Aviation Cluster", catalog).organisations == ("cluster:silesian",)


def test_acronyms_numbers_and_the_longest_typed_name() -> None:
    catalog = Catalog.build(
        [],
        [
            make_profile("CAP Construction", doc_id="cluster:cap"),
            make_profile("ICT Cluster", doc_id="cluster:ict"),
            make_profile("South Catalonia ICT Cluster", doc_id="cluster:south-catalonia"),
            make_profile("Digital 113", doc_id="cluster:digital-113"),
            make_profile("Silicon Saxony", doc_id="cluster:silicon-saxony"),
            *(make_profile(f"Digital Cluster {n}", doc_id=f"cluster:digital-{n}") for n in range(30)),
        ],
    )
    # An acronym typed in capitals is as distinctive as a rare word; lower-case "cap" is not.
    assert _plan("who are CAP Coonstruction and where are they based?", catalog).organisations == (
        "cluster:cap",
    )
    assert _plan("is there a cap on construction funding?", catalog).organisations == ()
    # The longer name typed wins over a name inside it.
    assert _plan("who is South Ctaalonia ICT Clluster", catalog).organisations == ("cluster:south-catalonia",)
    # A number in a name must be typed exactly.
    assert _plan("we met people from Digtial 113 at a fair, who are they", catalog).organisations == (
        "cluster:digital-113",
    )
    assert _plan("who is Digital 114", catalog).organisations == ()


def test_a_question_that_is_only_a_name_looks_it_up() -> None:
    catalog = Catalog.build([], [make_profile("Silicon Saxony", doc_id="cluster:silicon-saxony")])
    assert _plan("Silicon Sxaony??", catalog).organisations == ("cluster:silicon-saxony",)
    assert _plan("Is Sliicon Saxony in your database", catalog).organisations == ("cluster:silicon-saxony",)
    assert _plan("semiconductor clusters in Saxony with silicon expertise", catalog).organisations == ()


def test_a_name_of_common_words_counts_when_written_like_a_name() -> None:
    catalog = Catalog.build(
        [],
        [
            make_profile("Green Cluster", doc_id="cluster:green"),
            *(make_profile(f"Green Energy Cluster {n}", doc_id=f"cluster:green-{n}") for n in range(30)),
        ],
    )
    assert _plan("hi, can you tell me a bit about Green Custer?", catalog).organisations == ("cluster:green",)
    assert _plan("tell me about green clusters in Spain", catalog).organisations == ()


def test_an_identifier_typed_with_a_typo_names_the_one_call_it_is_close_to() -> None:
    catalog = _catalog()
    assert catalog.nearest_identifier("HORIZON-EIC-2026-ACCELERATR-01") == "HORIZON-EIC-2026-ACCELERATOR-01"
    assert catalog.nearest_identifier("HORIZON-EIC-2026-XYZ-99") is None
    plan = _plan("when does HORIZON-EIC-2026-ACCELERATR-01 close", catalog)
    assert plan.identifiers == ("HORIZON-EIC-2026-ACCELERATOR-01",) and not plan.problems
