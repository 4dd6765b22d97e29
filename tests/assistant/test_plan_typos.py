"""Names, identifiers and programmes typed with the slips members make (the second typo tuning set's
kinds): found when one record or programme is meant, left alone when words are just words, asked
about when two are as likely."""

from __future__ import annotations

import datetime as dt

from assistant.intents import understand
from assistant.plan.catalog import Catalog
from assistant.plan.lexicon import english_reading
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


def _catalog3() -> Catalog:
    """Names and identifiers for the third typo set's kinds of slip."""
    calls = [
        make_call("HORIZON-CL5-2026-D3-01", title="Solar topic 1"),
        make_call("HORIZON-MISS-2027-01-CLIMA-01", title="Climate resilience pathways"),
        make_call(
            "INNOVFUND-2025-NZT-PILOTS", title="Net-zero pilots", programme="Innovation Fund (INNOVFUND)"
        ),
        make_call("EDF-2026-LS-DA-DIS-OTHR", title="New abilities in over-the-horizon sensing"),
        make_call("HORIZON-JU-EUROHPC-2026-QML-07-01", title="Quantum Machine Learning"),
        make_call("RFCS-2026-BT-Coal", title="RFCS-2026-Big Tickets-Coal", programme="RFCS (RFCS)"),
        make_call(
            "HORIZON-CL2-2026-01-TRANSFO-09",
            title="Rethinking long-term care policy in the face of EU demographic shifts",
        ),
    ]
    clusters = [
        make_profile("Greenreality Network", doc_id="cluster:green"),
        make_profile("Bit Alliance", doc_id="cluster:bit"),
        make_profile("Wood Industry Cluster Albania", doc_id="cluster:wood-al"),
        make_profile("Wood Industry Cluster Slovenia", doc_id="cluster:wood-si"),
        make_profile("Hód Industry Cluster", doc_id="cluster:hod"),
        make_profile("Alliance Innovation Santé Nouvelle-Aquitaine", doc_id="cluster:ais"),
        make_profile("ACD Nouvelle-Aquitaine", doc_id="cluster:acd"),
        make_profile("Polish Construction Cluster", doc_id="cluster:pcc"),
        make_profile("Polish Construction Technology Platform", doc_id="cluster:pctp"),
        make_profile("Northwest Environmental Business Council", doc_id="cluster:nebc"),
        make_profile("Environmental Business Cluster", doc_id="cluster:ebc"),
        make_profile("Silicon Saxony", doc_id="cluster:saxony"),
        make_profile("Cluster TIC SANTE", doc_id="cluster:tic"),
    ]
    return Catalog.build(calls, clusters)


def test_a_name_is_found_when_the_question_relates_to_it_or_types_it_as_a_name() -> None:
    catalog = _catalog3()
    assert _plan("has anyone here worked with Greenreatiy Network?", catalog).organisations == (
        "cluster:green",
    )
    assert _plan("is BIT ALILANCE a cluster we could get in touch with?", catalog).organisations == (
        "cluster:bit",
    )
    assert _plan("the Silicon Saxony cluster: who are they?", catalog).organisations == ("cluster:saxony",)
    plan = _plan("has quantum machine larning closed already?", catalog)
    assert plan.organisations == ("call:HORIZON-JU-EUROHPC-2026-QML-07-01",) and plan.operation == "lookup"


def test_plain_words_and_list_questions_name_no_record() -> None:
    catalog = _catalog3()
    plan = _plan("hi! we do silicon saxony stuff. How many Horizon Europe calls are open right now?", catalog)
    assert plan.operation == "count" and plan.organisations == () and plan.candidates == ()
    # A name written as a name is no record asked about in a question about several records.
    assert _plan("which calls suit Bit Alliance style networks?", catalog).organisations == ()


def test_a_generic_word_at_an_end_left_out_and_a_whole_name_with_slips_beats_anothers_core() -> None:
    catalog = _catalog3()
    plan = _plan("is innovation santé nouvelle-aquitaine a cluster we could get in touch with?", catalog)
    assert plan.organisations == ("cluster:ais",)
    plan = _plan("Looking into Northwesr Environental Business Council - what's their focus?", catalog)
    assert plan.organisations == ("cluster:nebc",)


def test_the_first_words_of_two_names_typed_alone_are_asked_about() -> None:
    catalog = _catalog3()
    plan = _plan("tell me about Wood Industry Cluster", catalog)
    assert plan.organisations == () and set(plan.candidates) == {"cluster:wood-al", "cluster:wood-si"}
    plan = _plan("Polish Construction - what do they do?", catalog)
    assert set(plan.candidates) == {"cluster:pcc", "cluster:pctp"}


def test_identifiers_without_their_prefix_or_with_a_typo_between_spaces() -> None:
    catalog = _catalog3()
    assert _plan("looking at MISS-2027-01-CLIMA-01, is it still open?", catalog).identifiers == (
        "HORIZON-MISS-2027-01-CLIMA-01",
    )
    assert _plan("can u check cl5 2026 d3 01 for me", catalog).identifiers == ("HORIZON-CL5-2026-D3-01",)
    plan = _plan("can u check innovfudn 2025 nzt pilots for me, closing date?", catalog)
    assert plan.identifiers == ("INNOVFUND-2025-NZT-PILOTS",) and not plan.problems
    plan = _plan("HROIZON CL5 2026 D3 1 - when's the deadline?", catalog)
    assert plan.identifiers == ("HORIZON-CL5-2026-D3-01",)


def test_a_programme_word_inside_a_named_call_title_is_no_programme_filter() -> None:
    plan = _plan("deadline for New abilities in over-the-horizon senaiing?", _catalog3())
    assert plan.organisations == ("call:EDF-2026-LS-DA-DIS-OTHR",) and plan.programmes == ()


def test_a_name_is_found_in_the_question_as_the_planner_reads_it() -> None:
    """The service plans on the question with its lexicon phrases read in English; a name typed at
    the start of a sentence or in lower case is read so too ("Cluster TIC SANTE" → "… digital health")."""
    catalog = _catalog3()
    for typed in ("Cluster TIC SANTE - who are they?", "any info about cluster tic sante pls"):
        reading = english_reading(typed)
        assert reading != typed
        assert _plan(reading, catalog).organisations == ("cluster:tic",), reading


def test_a_call_title_that_looks_like_an_identifier_or_has_many_short_words() -> None:
    catalog = _catalog3()
    plan = _plan("when is RFCS-2026-BIG TICETS-COAL closing", catalog)
    assert plan.organisations == ("call:RFCS-2026-BT-Coal",) and plan.problems == ()
    plan = _plan(
        "what about Rethinking long-term care policy in the face of EU demographiv shidts - deadline?",
        catalog,
    )
    assert plan.organisations == ("call:HORIZON-CL2-2026-01-TRANSFO-09",)
    # An identifier nobody stores, inside no named title, is still said to be unknown.
    assert (
        "HORIZON-ZZZ-2031-NOPE-01" in _plan("when does HORIZON-ZZZ-2031-NOPE-01 close?", catalog).problems[0]
    )
