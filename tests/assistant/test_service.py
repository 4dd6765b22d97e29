"""The Assistant end to end, extractive mode, over a small ingested corpus (real index and store)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from assistant.errors import InvalidInput, NotFound
from assistant.plan.models import QueryPlan
from assistant.service import MAX_QUESTION_CHARS
from corpus.models import Audience
from retrieval.filters import SearchFilters
from tests.assistant.factories import INJECTION_PAYLOAD, TODAY, Corpus, assert_citations_consistent, corpus

__all__ = ["corpus"]


def test_funding_lists_open_calls_with_deadline_and_budget_never_a_closed_one(corpus: Corpus) -> None:
    answer = corpus.assistant().ask(
        question="Which calls are open for cluster internationalisation?", today=TODAY
    )

    assert answer.intent == "funding" and answer.grounded and answer.mode == "extractive"
    assert "HORIZON-CL4-2026-CLUSTER-01" in answer.answer
    assert "deadline 2026-06-03 (closes in 24 days)" in answer.answer
    assert "EUR 12 million total, EUR 2 million to EUR 4 million per project" in answer.answer
    # The closed I3 call is about internationalisation too, but it is closed on TODAY.
    assert "I3-2025-INV1" not in answer.answer
    assert all(c.identifier != "I3-2025-INV1" for c in answer.citations)
    assert re.search(r"\[1\]$", answer.answer.splitlines()[1])
    assert_citations_consistent(answer)
    assert set(answer.timings_ms) >= {"retrieval", "compose", "total"}


def test_open_calls_are_sorted_by_deadline(corpus: Corpus) -> None:
    answer = corpus.assistant().ask(
        question="Which calls are open for cluster internationalisation?", today=TODAY
    )
    deadlines = re.findall(r"deadline (\d{4}-\d\d-\d\d)", answer.answer)
    assert deadlines == sorted(deadlines) and len(deadlines) >= 2


def test_a_closed_call_asked_by_identifier_is_said_to_be_closed_with_its_date(corpus: Corpus) -> None:
    answer = corpus.assistant().ask(question="When does I3-2025-INV1 close?", today=TODAY)

    assert answer.grounded and answer.intent == "funding"
    assert "I3-2025-INV1" in answer.answer
    assert "closed: the deadline was 2025-11-20 (171 days ago)" in answer.answer
    assert "open," not in answer.answer
    assert answer.citations[0].identifier == "I3-2025-INV1"


def test_unknown_identifier_is_not_invented(corpus: Corpus) -> None:
    answer = corpus.assistant().ask(question="When does HORIZON-XX-2026-99 close?", today=TODAY)
    assert not answer.grounded and answer.citations == ()
    assert "no call with the identifier HORIZON-XX-2026-99" in answer.answer


def test_partners_in_a_region_with_reasons_and_inferred_marked(corpus: Corpus) -> None:
    answer = corpus.assistant().ask(
        question="Battery clusters in Central Europe we could work with?", today=TODAY
    )

    assert answer.intent == "partners" and answer.grounded
    assert "Czech Battery Cluster — Brno, Czechia" in answer.answer
    assert "battery (inferred from the name: name contains 'Battery')" in answer.answer
    assert (
        "Bavarian Battery Alliance — Munich, Germany; matched on battery (stated in its profile)"
        in answer.answer
    )
    assert "in Central Europe" in answer.answer
    assert "Portugal" not in answer.answer and "Vilnius" not in answer.answer
    assert {c.doc_type for c in answer.citations} == {"cluster"}
    assert_citations_consistent(answer)


def test_follow_up_any_in_spain_instead_replaces_the_country_and_keeps_the_sector(corpus: Corpus) -> None:
    assistant = corpus.assistant()
    first = assistant.ask(question="Battery clusters in Central Europe we could work with?", today=TODAY)
    second = assistant.ask(
        question="any in Spain instead?", today=TODAY, conversation_id=first.conversation_id
    )

    assert second.conversation_id == first.conversation_id
    assert second.intent == "partners"
    assert "Basque Energy Storage Cluster — Bilbao, Spain" in second.answer
    assert "Czech" not in second.answer and "Agri-food" not in second.answer


def test_follow_up_its_deadline_answers_about_the_first_cited_call(corpus: Corpus) -> None:
    assistant = corpus.assistant()
    first = assistant.ask(question="Which calls are open for cluster internationalisation?", today=TODAY)
    first_call = first.citations[0]
    second = assistant.ask(
        question="and when is its deadline?", today=TODAY, conversation_id=first.conversation_id
    )

    assert second.intent == "funding" and second.grounded
    assert [c.doc_id for c in second.citations] == [first_call.doc_id]
    assert "deadline 2026-06-03 (closes in 24 days)" in second.answer
    assert len(first.citations) > 1  # "its" after a list: the answer says which call it took
    assert f"For {first_call.title} ({first_call.identifier}), the first of" in second.answer


def test_follow_up_forthcoming_ones_switches_the_status(corpus: Corpus) -> None:
    assistant = corpus.assistant()
    first = assistant.ask(question="Which calls are open for cluster internationalisation?", today=TODAY)
    second = assistant.ask(
        question="what about forthcoming ones?", today=TODAY, conversation_id=first.conversation_id
    )
    assert second.grounded and "forthcoming, opens" in second.answer
    assert ", open," not in second.answer and "— open" not in second.answer


def test_policy_answer_is_cited_sentences_without_image_or_link_leftovers(corpus: Corpus) -> None:
    answer = corpus.assistant().ask(question="What did Norway do to internationalise clusters?", today=TODAY)

    assert answer.intent == "policy" and answer.grounded
    assert "Norwegian Innovation Clusters programme" in answer.answer
    assert "[image]" not in answer.answer and "https://" not in answer.answer
    for line in answer.answer.splitlines()[1:]:
        assert re.search(r"\[\d+\]$", line)
    assert answer.citations[0].title == "Why globalise?"
    assert "Norway" in answer.citations[0].quote


@pytest.mark.parametrize(
    "question",
    ["What's the weather in Paris?", "Write me a poem about the sea", "Who is the president of France?"],
)
def test_out_of_scope_questions_are_refused_with_what_the_corpus_covers(
    corpus: Corpus, question: str
) -> None:
    answer = corpus.assistant().ask(question=question, today=TODAY)

    assert not answer.grounded and answer.citations == ()
    assert "no evidence" in answer.answer and "EU funding calls" in answer.answer
    assert not re.search(r"\[\d+\]", answer.answer)


def test_injected_document_does_not_leak_its_payload(corpus: Corpus) -> None:
    answer = corpus.assistant().ask(
        question="What are good tips for cluster funding applications?", today=TODAY
    )

    assert answer.grounded  # the useful sentences of that document are still used
    assert "measurable benefits" in answer.answer
    assert INJECTION_PAYLOAD not in answer.answer
    assert "ignore previous" not in answer.answer.lower()


def test_every_turn_is_stored_and_unknown_conversations_are_refused(corpus: Corpus) -> None:
    assistant = corpus.assistant()
    answer = assistant.ask(question="What did Norway do to internationalise clusters?", today=TODAY)
    turns = assistant.conversations.history(answer.conversation_id)
    assert [t.role for t in turns] == ["user", "assistant"]
    assert turns[1].answer is not None and turns[1].answer["answer"] == answer.answer

    with pytest.raises(NotFound, match="unknown conversation"):
        assistant.ask(question="and its deadline?", today=TODAY, conversation_id="no-such-conversation")


@pytest.mark.parametrize("question", ["", "   ", "?!"])
def test_empty_question_is_invalid_input(corpus: Corpus, question: str) -> None:
    with pytest.raises(InvalidInput, match="empty"):
        corpus.assistant().ask(question=question, today=TODAY)


def test_huge_question_is_invalid_input_with_the_limit(corpus: Corpus) -> None:
    with pytest.raises(InvalidInput, match="limit is 4,000"):
        corpus.assistant().ask(question="cluster " * (MAX_QUESTION_CHARS // 4), today=TODAY)


def test_extractive_stream_deltas_join_to_the_final_answer(corpus: Corpus) -> None:
    events = list(
        corpus.assistant().ask_stream(
            question="Which calls are open for cluster internationalisation?", today=TODAY
        )
    )
    kinds = [event["event"] for event in events]
    assert kinds[-2:] == ["citations", "final"] and set(kinds[:-2]) == {"delta"} and len(kinds) > 3
    final = events[-1]["answer"]  # type: ignore[typeddict-item]
    assert "".join(event["text"] for event in events[:-2]) == final.answer  # type: ignore[typeddict-item]
    assert events[-2]["citations"] == [c.model_dump(mode="json") for c in final.citations]  # type: ignore[typeddict-item]


def test_stream_validates_before_returning(corpus: Corpus) -> None:
    with pytest.raises(InvalidInput):
        corpus.assistant().ask_stream(question="", today=TODAY)


def test_classify_returns_intent_category_and_entities(corpus: Corpus) -> None:
    understanding = corpus.assistant().classify(
        "Hi, we are an SME looking for battery partners in the Nordics before 2026-09-30"
    )
    assert understanding.intent == "partners" and understanding.category == "partner_search"
    assert understanding.entities.sectors == ("battery",)
    assert "FI" in understanding.entities.countries and "Nordics" in understanding.entities.regions
    assert [d.isoformat() for d in understanding.entities.dates] == ["2026-09-30"]
    assert "sme" in understanding.entities.organisation_types


def test_partners_in_a_place_without_organisations_are_not_replaced_by_other_countries(
    corpus: Corpus,
) -> None:
    answer = corpus.assistant().ask(
        question="Which cluster organisations in Antarctica work on battery storage?", today=TODAY
    )
    assert not answer.grounded and answer.citations == ()
    assert "no cluster organisation" in answer.answer and "Antarctica" in answer.answer


def test_a_call_sharing_one_word_of_a_several_word_topic_is_no_evidence(corpus: Corpus) -> None:
    answer = corpus.assistant().ask(question="Is there a call on hydrogen basket weaving looms?", today=TODAY)
    assert not answer.grounded and "Hydrogen valleys" not in answer.answer


def test_a_conversation_answered_from_internal_documents_is_unknown_to_a_public_caller(
    corpus: Corpus,
) -> None:
    assistant = corpus.assistant()
    staff = SearchFilters(audiences=frozenset({Audience.PUBLIC, Audience.INTERNAL}))
    first = assistant.ask(question="Open calls for clusters?", today=TODAY, filters=staff)
    with pytest.raises(NotFound, match="unknown conversation"):
        assistant.ask(
            question="and when is its deadline?", today=TODAY, conversation_id=first.conversation_id
        )
    follow_up = assistant.ask(
        question="and when is its deadline?",
        today=TODAY,
        conversation_id=first.conversation_id,
        filters=staff,
    )
    assert follow_up.conversation_id == first.conversation_id
    public = assistant.ask(question="Open calls for clusters?", today=TODAY)
    assert (  # a wider audience may continue a public conversation
        assistant.ask(
            question="and when is its deadline?",
            today=TODAY,
            conversation_id=public.conversation_id,
            filters=staff,
        ).conversation_id
        == public.conversation_id
    )


def test_a_name_like_the_question_in_another_country_does_not_turn_a_search_into_a_look_up(
    corpus: Corpus,
) -> None:
    """ "Maritime clusters in France" once resolved to "Maritime cluster" (Klaipeda): a name the
    planner finds in a search for another country is no organisation the question names."""
    assistant = corpus.assistant()
    planner = assistant.planner

    class NamingAviationValley:
        def plan(self, question: str, **context: Any) -> QueryPlan:
            named = planner.plan(question, **context)
            return named.model_copy(update={"organisations": ("cluster:test:aviation-valley",)})

    assistant.planner = NamingAviationValley()  # type: ignore[assignment]
    searched = assistant.ask(question="Which aviation clusters are in Spain?", today=TODAY)
    assert searched.intent == "partners" and "Rzeszow" not in searched.answer
    looked_up = assistant.ask(question="Which aviation clusters are in Poland?", today=TODAY)
    assert "Aviation Valley" in looked_up.answer and "Rzeszow" in looked_up.answer


def test_a_partner_search_in_a_country_about_what_nobody_there_does_is_refused(corpus: Corpus) -> None:
    """The country is the filter the clusters were found by: "clusters in Spain that teach flamenco"
    listed every Spanish cluster, since "Spain" was the one word the passages shared."""
    assistant = corpus.assistant()
    off_topic = assistant.ask(question="Which clusters in Spain teach flamenco dancing?", today=TODAY)
    assert not off_topic.grounded and not off_topic.citations
    found = assistant.ask(question="Which aviation clusters are in Poland?", today=TODAY)
    assert found.grounded and "Aviation Valley" in found.answer
