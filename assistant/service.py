"""The Assistant: understand, resolve follow-ups, retrieve, compose, check, remember.

One entry point for the CLI, the web API, Slack and the answers eval. Offline by default (the
extractive composer); with a chat model, answers are generated, their citations checked, and the
extractive answer is the fallback.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from assistant.calls import CallsService
from assistant.composer import Composed, Composer, Evidence, ExtractiveComposer, LLMComposer
from assistant.conversation import ConversationStore, new_answer_id
from assistant.entities import Entities, extract_entities
from assistant.errors import InvalidInput, NotFound
from assistant.followups import Resolved, TurnState, condense_with_model, history_messages, resolve
from assistant.freshness import with_freshness
from assistant.funding import funding_evidence, search_calls
from assistant.intents import Understanding, refine_with_model, understand
from assistant.language import (
    EMPTY_QUESTION,
    UNKNOWN_CONVERSATION,
    LanguageChoice,
    _,
    answering_in,
    choose_language,
    day,
    localized_error,
    question_language,
    question_too_long,
)
from assistant.llm import ChatMessage, ChatModel, with_deadline
from assistant.models import Answer
from assistant.partners import partner_evidence, partner_query, search_partners
from assistant.places import place_in_hits, unknown_places
from assistant.plan.answers import call_answer, declined, organisation_evidence, problem_answer, which_one
from assistant.plan.catalog import CatalogCache
from assistant.plan.definitions import defined_terms, definition_hits
from assistant.plan.executor import execute_calls
from assistant.plan.lexicon import english_reading
from assistant.plan.models import QueryPlan
from assistant.plan.planner import LLMPlanner, Planner, RulePlanner
from assistant.plan.rules import PreviousTurn
from assistant.policy import asks_about_policy, policy_evidence, search_policy, with_whole_documents
from assistant.refusal import (
    MIN_COVERAGE,
    OUT_OF_SCOPE_TEXT,
    EvidenceScore,
    better_evidence,
    evidence_terms,
    has_evidence,
    score_evidence,
    topical_terms,
)
from assistant.streaming import AnswerEvent, citations_event, delta_event, final_event
from corpus.languages import detect_language
from corpus.models import Audience, ClusterProfile, DocType
from corpus.store import RecordStore
from retrieval.crosslingual import searching_in
from retrieval.filters import SearchFilters
from retrieval.query import find_places, without_places
from retrieval.search import Hit, HybridRetriever

logger = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 4000
"""Longer questions are refused with :class:`InvalidInput` (a pasted document is not a question)."""
HISTORY_TURNS = 6
_CALL_SEEKING = re.compile(
    r"\b(?:calls?|grants?|apply|applying|application|deadlines?|tenders?|proposals?|topics?|open|opens|closes?)\b",
    re.IGNORECASE,
)
"""Words of someone looking for a call to apply to (not asking about a programme in general)."""


@dataclass
class _Prepared:
    question: str
    conversation_id: str
    plan: QueryPlan
    result_ids: tuple[str, ...]
    understanding: Understanding
    evidence: Evidence
    history: list[ChatMessage]
    state: TurnState
    timings: dict[str, float]
    started: float
    language: LanguageChoice


class Assistant:
    """Answers questions about funding calls, cluster partners and cluster policy, with sources."""

    def __init__(
        self,
        *,
        retriever: HybridRetriever,
        records: RecordStore,
        conversations: ConversationStore,
        chat_model: ChatModel | None = None,
        llm_timeout_s: float = 20.0,
        planner: Planner | None = None,
        calls: CallsService | None = None,
        composer: Composer | None = None,
    ) -> None:
        """Wire the assistant (:func:`assistant.app.open_advisor` does it from the settings).

        Args:
            retriever: Hybrid search over the index.
            records: The record store (source of truth for call and profile facts).
            conversations: Multi-turn memory.
            chat_model: A chat model for generated answers, follow-up condensing and intent
                refinement; None for extractive answers only.
            llm_timeout_s: Wall-clock limit of every model call (retries included); an answer
                past it falls back to extractive, a rewrite or refinement to the offline rules.
            planner: Reads questions into query plans (default: the offline rules).
            calls: The calls service to share (its parsed calls feed the planner's catalog).
            composer: What writes the answers; by default :func:`default_composer` of ``chat_model``.
        """
        self.retriever = retriever
        self.records = records
        self.conversations = conversations
        # One wall-clock deadline on every model call: answers, follow-up rewrites, refinements.
        self.chat_model = with_deadline(chat_model, llm_timeout_s)
        self.composer: Composer = composer or default_composer(chat_model, timeout_s=llm_timeout_s)
        self.calls = calls or CallsService(records)
        self.catalog = CatalogCache(records, self.calls)
        self.planner: Planner = planner or (
            LLMPlanner(chat_model, timeout_s=min(llm_timeout_s, PLANNER_TIMEOUT_S))
            if chat_model is not None
            else RulePlanner()
        )

    # --- public API ---------------------------------------------------------------------------

    def classify(self, text: str) -> Understanding:
        """Intent, triage category and entities of ``text`` (rules; refined by the chat model if any)."""
        cleaned = _validated(text)
        understanding = understand(cleaned)
        if self.chat_model is not None:
            understanding = refine_with_model(understanding, chat_model=self.chat_model)
        return understanding

    def ask(
        self,
        *,
        question: str,
        today: dt.date,
        conversation_id: str | None = None,
        filters: SearchFilters | None = None,
        lang: str | None = None,
    ) -> Answer:
        """Answer ``question`` as of ``today``; the turn is stored in the conversation.

        The answer is written in ``lang`` when given, else in the conversation's language, else in
        the question's (see :func:`assistant.language.choose_language`).

        Raises:
            InvalidInput: Empty question, longer than :data:`MAX_QUESTION_CHARS`, or an
                unsupported ``lang``.
            NotFound: ``conversation_id`` names no conversation.
        """
        return self.prepare_answer(
            question=question, today=today, conversation_id=conversation_id, filters=filters, lang=lang
        )()

    def prepare_answer(
        self,
        *,
        question: str,
        today: dt.date,
        conversation_id: str | None = None,
        filters: SearchFilters | None = None,
        lang: str | None = None,
    ) -> Callable[[], Answer]:
        """:meth:`ask` in two steps: validation and retrieval now, composition when the returned
        function is called — so a caller holding the index's read lock can let it go before a
        slow language model answers.

        Raises:
            InvalidInput: Empty question, or longer than :data:`MAX_QUESTION_CHARS`.
            NotFound: ``conversation_id`` names no conversation.
        """
        prepared = self._prepare(question, today, conversation_id, filters, lang)

        def compose() -> Answer:
            clock = time.perf_counter()
            composed = self.composer.compose(
                evidence=prepared.evidence, today=today, history=prepared.history
            )
            prepared.timings["compose"] = _ms(clock)
            return self._finish(prepared, composed)

        return compose

    def ask_stream(
        self,
        *,
        question: str,
        today: dt.date,
        conversation_id: str | None = None,
        filters: SearchFilters | None = None,
        lang: str | None = None,
    ) -> Iterator[AnswerEvent]:
        """Answer as events: ``delta`` texts, then ``citations``, then ``final`` (the authoritative answer).

        Validation and retrieval happen before the iterator is returned, so bad input raises here.
        With a chat model the deltas are the model's raw tokens; the ``final`` answer is the checked
        one (markers renumbered, or the extractive fallback) and replaces them.
        """
        prepared = self._prepare(question, today, conversation_id, filters, lang)
        return self._stream(prepared, today)

    # --- steps ----------------------------------------------------------------------------------

    def _stream(self, prepared: _Prepared, today: dt.date) -> Iterator[AnswerEvent]:
        clock = time.perf_counter()
        composed: Composed | None = None
        if prepared.language.note:
            yield delta_event(prepared.language.note + "\n")
        for item in self.composer.stream(evidence=prepared.evidence, today=today, history=prepared.history):
            if isinstance(item, Composed):
                composed = item
            elif item:
                yield delta_event(item)
        if composed is None:  # pragma: no cover - every composer ends its stream with the answer
            composed = ExtractiveComposer().compose(evidence=prepared.evidence, today=today)
        prepared.timings["compose"] = _ms(clock)
        answer = self._finish(prepared, composed)
        yield citations_event(answer.citations)
        yield final_event(answer)

    def _prepare(
        self,
        question: str,
        today: dt.date,
        conversation_id: str | None,
        filters: SearchFilters | None,
        lang: str | None = None,
    ) -> _Prepared:
        started = time.perf_counter()
        text = _validated(question, lang)
        previous: TurnState | None = None
        history: list[ChatMessage] = []
        audiences = tuple(sorted(audience.value for audience in (filters or SearchFilters()).audiences))
        if conversation_id is not None:
            try:
                turns = self.conversations.history(conversation_id, limit=HISTORY_TURNS)
            except NotFound:
                turns = None  # said below in the asker's language, which the store does not know
            answered = [
                TurnState.from_stored(turn.entities) for turn in turns or () if turn.role == "assistant"
            ]
            # Its answers drew on documents this caller may not see: as if it did not exist.
            if turns is None or any(
                state and not set(state.audiences) <= set(audiences) for state in answered
            ):
                raise localized_error(
                    NotFound,
                    UNKNOWN_CONVERSATION,
                    question_language(text, requested=lang),
                    conversation=repr(conversation_id[:64]),
                )
            history = history_messages([(turn.role, turn.content) for turn in turns])
            previous = answered[-1] if answered else None  # None: no usable state (older turns)
        else:
            conversation_id = self.conversations.new_conversation()
        language = choose_language(text, requested=lang, conversation=previous.lang if previous else None)

        reading = english_reading(text)  # a question in any product language, read as the rules read English
        understanding = understand(reading)
        resolved = resolve(understanding, previous)
        catalog = self.catalog.get()
        plan = self.planner.plan(
            reading,
            today=today,
            intent=understanding.intent,
            entities=understanding.entities,
            catalog=catalog,
            previous=previous_turn(previous),
        )
        logger.info("plan: %s", plan.summary())
        if plan.previous != "none" or plan.intent in {"action"} or plan.structured:
            resolved = resolved.model_copy(update={"focus_doc_ids": (), "follow_up": False})
        query = resolved.text
        if resolved.follow_up and self.chat_model is not None and history:
            condensed = condense_with_model(chat_model=self.chat_model, history=history, follow_up=reading)
            query = condensed or query
        timings: dict[str, float] = {"understand": _ms(started)}

        clock = time.perf_counter()
        asked_in = _search_language(text, previous.lang if previous else None)
        # Every sentence of the evidence in the answer's language; searches in the question's.
        with answering_in(language.lang), searching_in(asked_in):
            planned = self._planned_evidence(plan, filters or SearchFilters(), today, previous)
            if planned is not None:
                evidence, result_ids = planned
            else:
                intent = _routed(resolved.intent, plan)
                evidence = self._evidence(
                    intent,
                    query,
                    _for_plan(resolved, plan),
                    filters or SearchFilters(),
                    today,
                )
                result_ids = evidence.focus_doc_ids
            evidence = with_freshness(evidence, self.records.engine, today)  # "calls as of D", what changed
        evidence = replace(evidence, lang=language.lang)
        timings["retrieval"] = _ms(clock)
        entities = resolved.entities
        state = TurnState(
            intent=evidence.intent,
            query=query,
            countries=entities.countries,
            regions=entities.regions,
            sectors=entities.sectors,
            programmes=entities.programmes,
            status=entities.status,
            focus_doc_ids=evidence.focus_doc_ids,
            audiences=audiences,
            plan=plan.model_dump(mode="json"),
            result_ids=result_ids[:MAX_RESULT_IDS],
            lang=language.lang,
        )
        return _Prepared(
            question=text,
            conversation_id=conversation_id,
            plan=plan,
            result_ids=result_ids,
            understanding=understanding.model_copy(update={"intent": resolved.intent, "entities": entities}),
            evidence=evidence,
            history=history,
            state=state,
            timings=timings,
            started=started,
            language=language,
        )

    def _planned_evidence(
        self, plan: QueryPlan, filters: SearchFilters, today: dt.date, previous: TurnState | None
    ) -> tuple[Evidence, tuple[str, ...]] | None:
        """Evidence computed from the plan, or None when retrieval answers it better (topical questions)."""
        if plan.intent == "action":
            return declined(plan, _action_words(plan.question)), ()
        intent = plan.intent if plan.intent in {"funding", "partners", "policy"} else "funding"
        if plan.problems:
            return problem_answer(plan, intent), ()
        if plan.candidates:
            catalog = self.catalog.get()
            names = [catalog.name_of(doc_id) for doc_id in plan.candidates]
            return which_one(plan, names, intent), ()
        if plan.operation == "explain" and plan.intent == "policy":
            return self._definition_evidence(plan, filters, today)
        named_cluster = next((o for o in plan.organisations if o.startswith("cluster:")), None)
        if named_cluster is not None and not plan.structured and plan.intent != "funding":
            record = self.records.get_record(named_cluster)
            if (
                isinstance(record, ClusterProfile)
                and Audience(record.audience) in filters.audiences
                # "Maritime clusters in France" names no organisation, whatever one in Lithuania is called
                and (not plan.target_countries or record.country in plan.target_countries)
            ):
                return organisation_evidence(plan, record), (record.doc_id,)
        calls_asked = plan.intent in {"funding", "mixed"} and (
            plan.structured or plan.identifiers or any(o.startswith("call:") for o in plan.organisations)
        )
        if not calls_asked:
            return None
        result = execute_calls(
            plan,
            catalog=self.catalog.get(),
            today=today,
            audiences=filters.audiences,
            previous_ids=previous.result_ids if previous else (),
            retriever=self.retriever,
        )
        return call_answer(result, today=today), tuple(call.doc_id for call in result.calls)

    def _definition_evidence(
        self, plan: QueryPlan, filters: SearchFilters, today: dt.date
    ) -> tuple[Evidence, tuple[str, ...]] | None:
        """A definition from the passages that define the term (None: the usual policy answer)."""
        wanted = filters.model_copy(update={"doc_type": DocType.POLICY})
        hits = self.retriever.search(query=plan.question, k=EXPLAIN_K, filters=wanted, today=today).hits
        seen = {hit.chunk_id for hit in hits}
        for term in defined_terms(plan.question)[
            :2
        ]:  # the defining passage may not share the question's words
            more = self.retriever.search(query=term, k=EXPLAIN_K // 2, filters=wanted, today=today).hits
            fresh = [hit for hit in more if hit.chunk_id not in seen]
            seen.update(hit.chunk_id for hit in fresh)
            hits += fresh
        defining = definition_hits(plan.question, hits)
        if not defining or len(defining) == len(hits):
            return None
        entities = extract_entities(plan.question)
        evidence = self._policy_sentences(plan.question, entities, defining)
        return (evidence, evidence.focus_doc_ids) if evidence.grounded else None

    def _evidence(
        self,
        intent: str,
        query: str,
        resolved: Resolved,
        filters: SearchFilters,
        today: dt.date,
    ) -> Evidence:
        entities = resolved.entities
        if intent == "out_of_scope":
            return Evidence(intent="out_of_scope", question=query, intro=_(OUT_OF_SCOPE_TEXT), grounded=False)
        if intent == "funding":
            if resolved.focus_doc_ids:
                evidence = funding_evidence(
                    records=self.records,
                    question=query,
                    entities=entities,
                    hits=(),
                    today=today,
                    focus_doc_ids=resolved.focus_doc_ids,
                )
                return _say_which(evidence, resolved.picked_from)
            return self._funding_evidence(query, entities, filters, today)
        if intent == "partners":
            return self._partner_evidence(query, resolved.text, entities, filters, today)
        return self._policy_evidence(query, entities, filters, today, refusal_intent="policy")

    def _funding_evidence(
        self, query: str, entities: Entities, filters: SearchFilters, today: dt.date
    ) -> Evidence:
        hits = search_calls(
            retriever=self.retriever, query=query, entities=entities, filters=filters, today=today
        )
        if entities.identifiers:
            return funding_evidence(
                records=self.records, question=query, entities=entities, hits=hits, today=today
            )
        calls = self._score(query, hits)
        if not self._evidenced(query, hits, score=calls, require_terms=True, min_coverage=MIN_COVERAGE):
            # "How should we plan funding applications?" is answered by the policy texts, if at all.
            evidence = self._policy_evidence(query, entities, filters, today, refusal_intent="funding")
            return evidence if evidence.grounded else _no_call(query, entities.status, today)
        if not (entities.programmes or entities.status or _CALL_SEEKING.search(query)):
            # "How much funding does the US Hubs Initiative have?" names no call: the policy texts may
            # answer it better than the calls that share its words.
            policy_hits = search_policy(retriever=self.retriever, query=query, filters=filters, today=today)
            if policy_hits and better_evidence(self._score(query, policy_hits), calls):
                evidence = self._policy_sentences(query, entities, policy_hits)
                if evidence.grounded:
                    return evidence
        return funding_evidence(
            records=self.records,
            question=query,
            entities=entities,
            hits=hits,
            today=today,
            terms=evidence_terms(self.retriever.index, query),
        )

    def _partner_evidence(
        self,
        query: str,
        raw: str,
        entities: Entities,
        filters: SearchFilters,
        today: dt.date,
    ) -> Evidence:
        # what the policy texts say, looked up once however many of the checks below ask for it
        from_policy = cache(
            lambda: self._policy_evidence(query, entities, filters, today, refusal_intent="partners")
        )
        if not entities.sectors and asks_about_policy(query, self.retriever.index.english_rendering(query)):
            # "Wie viele Cluster gehören zum nationalen Clusterprogramm Norwegens?" or "Qui animait
            # l'atelier UE-USA ?" names a country but asks what a policy text states, not for partners.
            if from_policy().grounded:
                return from_policy()
        unknown = unknown_places(raw, entities)
        hits = search_partners(
            retriever=self.retriever,
            query=partner_query(query, entities),
            entities=entities,
            filters=filters,
            today=today,
        )
        if unknown and not any(place_in_hits(place, hits) for place in unknown):
            return _no_partners_in(query, unknown)
        # the country is a filter the hits were chosen by, so what the search is about must be there
        # too: "clusters in Italy that breed racing pigeons" finds Italian clusters, not pigeons
        if not entities.sectors and not self._evidenced(
            query, hits, require_terms=True, topic=without_places(query)
        ):
            # "When was the EU-U.S. Cooperation Arrangement signed?" is a policy fact, not a search;
            # what neither the clusters nor the policy texts bear on is refused
            return from_policy()
        evidence = partner_evidence(records=self.records, question=query, entities=entities, hits=hits)
        if not evidence.grounded and not entities.sectors:
            # "Nach wessen Vorbild baut Norwegen Meta-Cluster auf?" finds no partner in Norway: what
            # a policy text says about Norway answers it better than "no organisation found".
            if from_policy().grounded:
                return from_policy()
        return evidence

    def _policy_evidence(
        self, query: str, entities: Entities, filters: SearchFilters, today: dt.date, *, refusal_intent: str
    ) -> Evidence:
        hits = search_policy(retriever=self.retriever, query=query, filters=filters, today=today)
        if not self._evidenced(query, hits, require_terms=False):
            return _refusal(refusal_intent, query)
        evidence = self._policy_sentences(query, entities, hits)
        return evidence if evidence.grounded else _refusal(refusal_intent, query)

    def _policy_sentences(self, question: str, entities: Entities, hits: Sequence[Hit]) -> Evidence:
        """The sentences of the policy ``hits`` that answer ``question``.

        A question not in English is matched on its words translated into English and its
        multilingual similarity, and the best documents are read whole: multilingual similarity
        finds the right document but ranks its passages poorly (the passage with the workshop's 77
        attendees came last of its document for the German question)."""
        index = self.retriever.index
        similarity = index.crosslingual_scorer(question)
        if similarity is None:
            return policy_evidence(question=question, entities=entities, hits=hits)
        return policy_evidence(
            question=question,
            entities=entities,
            hits=with_whole_documents(hits, index.document_chunks),
            similarity=similarity,
            words_of=index.english_rendering(question),
            read=None,
        )

    def _score(self, query: str, hits: list[Hit], topic: str | None = None) -> EvidenceScore:
        score = score_evidence(index=self.retriever.index, question=query, hits=hits, topic=topic)
        logger.debug("evidence for %r: %s", query[:80], score)
        return score

    def _evidenced(
        self,
        query: str,
        hits: list[Hit],
        *,
        require_terms: bool,
        score: EvidenceScore | None = None,
        min_coverage: float = 0.0,
        topic: str | None = None,
    ) -> bool:
        """Whether ``hits`` are evidence (with ``require_terms``, generic questions always pass); the
        words they must share are ``topic``'s (default: the query's)."""
        if not hits:
            return False
        if require_terms and not topical_terms(query if topic is None else topic):
            return True
        return has_evidence(score or self._score(query, hits, topic), min_coverage=min_coverage)

    def _finish(self, prepared: _Prepared, composed: Composed) -> Answer:
        prepared.timings["total"] = _ms(prepared.started)
        note = prepared.language.note
        answer = Answer(
            answer_id=new_answer_id(),
            answer=f"{note}\n{composed.text}" if note else composed.text,
            citations=composed.citations,
            grounded=composed.grounded,
            intent=prepared.evidence.intent,
            mode=composed.mode,
            conversation_id=prepared.conversation_id,
            timings_ms=prepared.timings,
            plan=prepared.plan.model_dump(mode="json"),
            lang=prepared.language.lang,
        )
        self.conversations.append_turn(
            conversation_id=prepared.conversation_id,
            role="user",
            content=prepared.question,
            intent=prepared.understanding.intent,
            entities=prepared.understanding.entities.model_dump(mode="json"),
        )
        self.conversations.append_turn(
            conversation_id=prepared.conversation_id,
            turn_id=answer.answer_id,
            role="assistant",
            content=answer.answer,
            intent=answer.intent,
            entities=prepared.state.model_dump(mode="json"),
            answer=answer.model_dump(mode="json"),
        )
        return answer


PLANNER_TIMEOUT_S = 8.0
"""Longest wait for an LLM plan before the rules' plan is used (the answer has its own deadline)."""
EXPLAIN_K = 40
"""Policy passages read for a definition (the defining one is rarely the top hit for one word)."""
MAX_RESULT_IDS = 500
"""Result ids kept with a turn for "which of them" (more than any answer lists)."""
_ACTION_VERB = re.compile(
    r"\b(book|reserve|schedule|arrange|send|e-?mail|register|enrol|sign (?:us|me) up|subscribe|submit|"
    r"apply|pay|call|phone|contact|fill (?:in|out)|sign|order|buy|cancel|invite|remind)\b",
    re.IGNORECASE,
)


def previous_turn(state: TurnState | None) -> PreviousTurn | None:
    """The previous turn's plan and result set, when it stored them."""
    if state is None or not state.plan:
        return None
    try:
        plan = QueryPlan.model_validate(state.plan)
    except ValueError:
        return None
    return PreviousTurn(plan=plan, result_ids=state.result_ids)


def _search_language(question: str, conversation: str | None) -> str:
    """The language the question's searches are for (any language, not only the six answered in): its
    detected one; for a follow-up read as English ("und Polen?" is unsure), the conversation's."""
    detected = detect_language(question).lang
    return detected if detected != "en" else (conversation or "en")


def _action_words(question: str) -> str:  # English: the answer says "do that" in other languages
    match = _ACTION_VERB.search(question)
    return f"{match.group(1).lower()} anything" if match else "do that"


def _routed(intent: str, plan: QueryPlan) -> str:
    """The rules' intent, corrected where the plan knows better.

    A funding question that names countries is not a partner search; a question for contacts in a
    target market ("we want to enter the Danish market; who should we talk to?") is one.
    """
    if plan.intent == "funding" and intent == "partners":
        return "funding"
    if plan.intent == "partners" and plan.target_countries and intent in {"policy", "out_of_scope"}:
        return "partners"
    return intent


def _for_plan(resolved: Resolved, plan: QueryPlan) -> Resolved:
    """Partner searches look in the target market only ("we are a French SME looking at Denmark")."""
    if not plan.home_countries or not plan.target_countries:
        return resolved
    target = set(plan.target_countries)
    regions = tuple(region for region in plan.regions if set(find_places(region)[0]) & target)
    entities = resolved.entities.model_copy(update={"countries": plan.target_countries, "regions": regions})
    return resolved.model_copy(update={"entities": entities})


def default_composer(chat_model: ChatModel | None, *, timeout_s: float) -> Composer:
    """Generated answers checked against their passages when there is a chat model, else extractive."""
    return LLMComposer(chat_model, timeout_s=timeout_s) if chat_model is not None else ExtractiveComposer()


def _validated(question: str, lang: str | None = None) -> str:
    text = question.strip() if isinstance(question, str) else ""
    if not any(char.isalnum() for char in text):
        raise localized_error(InvalidInput, EMPTY_QUESTION, question_language("", requested=lang))
    if len(text) > MAX_QUESTION_CHARS:
        raise question_too_long(text, MAX_QUESTION_CHARS, requested=lang)
    return text


def _refusal(intent: str, query: str) -> Evidence:
    return Evidence(intent=intent, question=query, intro=_(OUT_OF_SCOPE_TEXT), grounded=False)


def _say_which(evidence: Evidence, picked_from: int) -> Evidence:
    """Name the call "its" was taken to mean when the previous answer listed several."""
    if not picked_from or not evidence.grounded or len(evidence.passages) != 1:
        return evidence
    passage = evidence.passages[0]
    name = f"{passage.title} ({passage.identifier})" if passage.identifier else passage.title
    intro = _("For {name}, the first of the {n} calls in my last answer: {answer}").format(
        name=name, n=picked_from, answer=evidence.intro
    )
    return replace(evidence, intro=intro)


def _no_partners_in(query: str, places: list[str]) -> Evidence:
    where = _(" or ").join(places)
    return Evidence(
        intent="partners",
        question=query,
        intro=_("I found no cluster organisations in {place} in the corpus.").format(place=where),
        notes=(
            _(
                "The corpus covers cluster organisations in Europe (ECCP) and the United States; "
                "try a European country or region."
            ),
        ),
        grounded=False,
    )


def _no_call(query: str, status: str | None, today: dt.date) -> Evidence:
    none = {
        "forthcoming": _("I found no evidence of forthcoming calls on that topic on {day} in the corpus."),
        "closed": _("I found no evidence of closed calls on that topic on {day} in the corpus."),
    }.get(
        status or "",
        _("I found no evidence of open or forthcoming calls on that topic on {day} in the corpus."),
    )
    return Evidence(
        intent="funding",
        question=query,
        intro=none.format(day=day(today)),
        notes=(
            _(
                "The corpus covers EU funding calls (open, forthcoming and closed), cluster organisations "
                "and cluster policy; try broader words or another programme."
            ),
        ),
        grounded=False,
    )


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)
