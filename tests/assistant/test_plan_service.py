"""Query plans through the Assistant: answers lead with the answer; follow-ups refine the last result set."""

from __future__ import annotations

import datetime as dt

from assistant.plan.definitions import defined_terms
from tests.assistant.factories import Corpus, corpus

__all__ = ["corpus"]

TODAY = dt.date(2026, 5, 10)


def test_a_count_leads_and_a_follow_up_picks_from_its_result_set(corpus: Corpus) -> None:
    assistant = corpus.assistant()
    first = assistant.ask(question="How many Horizon Europe calls are open?", today=TODAY)
    assert first.answer.splitlines()[0] == "2 Horizon Europe calls are open on 2026-05-10:"
    assert first.plan is not None and first.plan["operation"] == "count"
    follow = assistant.ask(
        question="which of them closes first?", today=TODAY, conversation_id=first.conversation_id
    )
    assert follow.plan is not None and follow.plan["previous"] == "set"
    assert "closes first" in follow.answer.splitlines()[0]
    cited = {c.doc_id for c in follow.citations}
    assert cited <= {c.doc_id for c in first.citations}


def test_actions_are_declined_in_one_sentence_without_sources(corpus: Corpus) -> None:
    answer = corpus.assistant().ask(
        question="Please book us a meeting with the Baltic Battery Cluster", today=TODAY
    )
    assert not answer.grounded and answer.citations == () and answer.intent == "action"
    assert answer.answer.startswith("I can't book anything for you")


def test_bad_input_gets_a_clear_answer_never_an_exception(corpus: Corpus) -> None:
    assistant = corpus.assistant()
    impossible = assistant.ask(question="Which calls close between June and March?", today=TODAY)
    assert not impossible.grounded and "not a possible period" in impossible.answer
    unknown_id = assistant.ask(question="When does HORIZON-ZZZ-2031-NOPE-01 close?", today=TODAY)
    assert (
        not unknown_id.grounded
        and "no call with the identifier HORIZON-ZZZ-2031-NOPE-01" in unknown_id.answer
    )
    unknown_programme = assistant.ask(question="open calls of the Zorglub programme", today=TODAY)
    assert not unknown_programme.grounded and "Zorglub" in unknown_programme.answer
    long_question = ("We are a cluster of SMEs in Poland. " * 110)[:3900] + " Which LIFE calls are open?"
    answered = assistant.ask(question=long_question, today=TODAY)
    assert answered.answer


def test_none_open_names_the_last_closed_and_the_next_opening(corpus: Corpus) -> None:
    answer = corpus.assistant().ask(question="Are any I3 calls open?", today=TODAY)
    lines = answer.answer.splitlines()
    assert lines[0].startswith("No Interregional Innovation Investments (I3) call is open on 2026-05-10")
    assert any("The last one closed on 2025-11-20" in line for line in lines)
    assert answer.grounded and answer.citations


def test_defined_terms_are_read_from_the_ways_people_ask() -> None:
    assert defined_terms("what exactly is a cluster?") == ["cluster"]
    assert defined_terms("define an industrial cluster") == ["cluster"]
    assert defined_terms("explain the US cluster mapping project")[-1] == "cluster mapping"
    assert "Processed Food" in defined_terms("Is Processed Food a traded or a local cluster?")
    assert defined_terms("What is the Ruritania cluster voucher scheme?")[-1] != "cluster"
