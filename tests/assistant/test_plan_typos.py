"""Names, identifiers and programmes typed with the slips members make (the second typo tuning set's
kinds): found when one record or programme is meant, left alone when words are just words, asked
about when two are as likely."""

from __future__ import annotations

import datetime as dt

from assistant.intents import understand
from assistant.plan.catalog import Catalog
from assistant.plan.models import QueryPlan
from assistant.plan.rules import plan_question
from tests.factories import make_call, make_profile

TODAY = dt.date(2026, 5, 10)


def _catalog() -> Catalog:
    calls = [
        make_call(
            f"HORIZON-CL5-2026-D3-0{i}",
            title=f"Solar topic {i}",
            opening_date=dt.date(2026, 1, 1),
            deadline=dt.datetime(2026, 5 + i, i, 15, tzinfo=dt.UTC),
        )
        for i in range(1, 5)
    ]
    calls.append(make_call("EP-LINC-SUBV-2026-CONF-INT-01", title="Conferences on interinstitutional topics"))
    calls.append(make_call("SMP-COSME-2024-CLUSTER-01", title="Joint cluster initiatives"))
    clusters = [
        make_profile("Silicon Saxony", doc_id="cluster:saxony"),
        make_profile("Andalusian Hydrogen Cluster", doc_id="cluster:h2"),
        make_profile("Circular Bioeconomy Cluster", doc_id="cluster:bio"),
        make_profile("Baltic Battery Alliance", doc_id="cluster:battery-1"),
        make_profile("Baltic Battery Association", doc_id="cluster:battery-2"),
    ]
    return Catalog.build(calls, clusters)


def _plan(text: str, catalog: Catalog | None = None) -> QueryPlan:
    understanding = understand(text)
    return plan_question(
        text,
        today=TODAY,
        intent=understanding.intent,
        entities=understanding.entities,
        catalog=catalog or _catalog(),
    )


def test_programme_names_with_slips_are_the_programme_and_no_topic() -> None:
    for typed, programme in (
        ("Horizn Europe", "Horizon Europe"),
        ("HorizonEurope", "Horizon Europe"),
        ("Digital Eurpoe", "Digital Europe Programme"),
        ("Euroclsuters", "Euroclusters"),
        ("Eyropean Defence Funf", "European Defence Fund"),
    ):
        plan = _plan(f"how many {typed} calls are open now?")
        assert plan.programmes == (programme,), typed
        assert plan.topic == "", typed


def test_words_that_look_like_a_programme_stay_words() -> None:
    assert "Innovation Fund" not in _plan("which calls offer innovation funding?").programmes
    assert "European Defence Fund" not in _plan("calls on the European defence industry").programmes
    assert _plan("when do submissions close for the Solar topic 2 call?").programmes == ()
    assert "Horizon Europe" not in _plan("new horizons for digitally skilled SMEs: which calls?").programmes


def test_identifiers_without_dashes_or_with_a_number_group_left_out() -> None:
    catalog = _catalog()
    assert _plan("deadline horizoncl52026d302?", catalog).identifiers == ("HORIZON-CL5-2026-D3-02",)
    plan = _plan("details on topic horizon-cl5-2026-d303 pls", catalog)
    assert plan.identifiers == ("HORIZON-CL5-2026-D3-03",)
    plan = _plan("what is EP-LINC-SUBV-CONF-INT-01 about and when does it close", catalog)
    assert plan.identifiers == ("EP-LINC-SUBV-2026-CONF-INT-01",) and plan.intent == "funding"
    assert catalog.nearest_identifier("HORIZON-CL5-D3-04") == "HORIZON-CL5-2026-D3-04"
    # The number group left out of four topics alike: none of them is meant more than another.
    assert catalog.nearest_identifier("HORIZON-CL5-2026-D3") is None
    plan = _plan("when does HORIZON-ZZZ-2031-NOPE-01 close?", catalog)
    assert not plan.identifiers and "no call with the identifier HORIZON-ZZZ-2031-NOPE-01" in plan.problems[0]


def test_names_with_spaces_run_together_words_reordered_or_cut_short() -> None:
    catalog = _catalog()
    assert _plan("which sector is SiliconSaxony active in?", catalog).organisations == ("cluster:saxony",)
    assert _plan("tell me about Silicon Sax ony", catalog).organisations == ("cluster:saxony",)
    plan = _plan("background on Bioeconomy Circular Cluster please", catalog)
    assert plan.organisations == ("cluster:bio",)
    assert _plan("where is Andalusian Hydrogen located", catalog).organisations == ("cluster:h2",)


def test_a_short_name_that_starts_two_names_is_not_guessed() -> None:
    plan = _plan("tell me about Baltic Battery", _catalog())
    assert plan.organisations == ()
