"""Funding answers: calls that match, with status, deadline and budget computed for the day asked.

The record store is the source of truth for every fact: retrieval only chooses which calls; each
call's :class:`~corpus.models.FundingCall` is then loaded and its status computed for ``today``.
Closed calls are never listed as open; a call asked for by identifier (or as "its deadline" in a
follow-up) is answered about even when closed, saying since when.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from assistant.calls import CallFacts, call_facts
from assistant.citations import content_tokens
from assistant.composer import Evidence
from assistant.entities import Entities
from assistant.language import _, answering_in, day, ngettext
from assistant.models import Passage
from assistant.refusal import topical_terms
from corpus.chunking import call_card
from corpus.models import CallStatus, DocType, FundingCall
from corpus.status import deadline_status
from corpus.store import RecordStore
from retrieval.filters import SearchFilters
from retrieval.query import programme_prefixes
from retrieval.search import Hit, HybridRetriever

MAX_CALLS = 6
"""Calls listed in one answer."""
SEARCH_K = 20
FORTHCOMING_SOON_DAYS = 90
"""When the user asks what is *open*, forthcoming calls opening within this many days are added."""


def status_phrase(facts: CallFacts) -> str:
    """``open, deadline 2026-06-03 (closes in 24 days)`` and the like (in the answer's language)."""
    if facts.status == CallStatus.CLOSED:
        ago = -(facts.days_left or 0)
        closed = ngettext(
            "closed: the deadline was {day} ({n} day ago)",
            "closed: the deadline was {day} ({n} days ago)",
            ago,
        )
        return closed.format(day=day(facts.deadline) if facts.deadline else "?", n=ago)
    opening = (
        _("opens {day}").format(day=day(facts.opening_date))
        if facts.opening_date
        else _("opening date not given")
    )
    if facts.deadline is None or facts.days_left is None:
        deadline = _("no fixed deadline (continuous submission)")
    elif facts.days_left == 0:
        deadline = _("deadline {day} (closes today)").format(day=day(facts.deadline))
    else:
        closes = ngettext(
            "deadline {day} (closes in {n} day)", "deadline {day} (closes in {n} days)", facts.days_left
        )
        deadline = closes.format(day=day(facts.deadline), n=facts.days_left)
    if facts.status == CallStatus.FORTHCOMING:
        return _("forthcoming, {opening}, {deadline}").format(opening=opening, deadline=deadline)
    if facts.opening_date:
        return _("open, opened {day}, {deadline}").format(day=day(facts.opening_date), deadline=deadline)
    return _("open, {deadline}").format(deadline=deadline)


def call_line(facts: CallFacts, n: int) -> str:
    """One bullet: title, identifier, status and dates, programme, budget, type of action, ``[n]``."""
    label = (
        _("cascade-funding call under {identifier}").format(identifier=facts.identifier)
        if facts.cascade
        else facts.identifier
    )
    parts = [f"{facts.title} ({label}) — {status_phrase(facts)}"]
    if facts.programme:
        parts.append(facts.programme)
    budget = []
    if facts.budget_total:
        budget.append(_("{amount} total").format(amount=facts.budget_total))
    if facts.budget_per_project:
        budget.append(_("{amount} per project").format(amount=facts.budget_per_project))
    if budget:
        parts.append(_("budget {amounts}").format(amounts=", ".join(budget)))
    if facts.action_type:
        parts.append(facts.action_type)
    return "; ".join(parts) + f" [{n}]"


def call_passage_text(call: FundingCall, today: dt.date) -> str:
    """The call's record as evidence: its status on ``today`` first, then its card.

    Always English, whatever the answer's language: it is the source a model reads and a citation
    quotes, like the card under it.
    """
    with answering_in("en"):
        facts = call_facts(call, today)
        return f"Status on {today.isoformat()}: {status_phrase(facts)}.\n{call_card(call)}"


def call_passage(call: FundingCall, n: int, today: dt.date) -> Passage:
    """The passage numbered ``n`` for ``call``."""
    return Passage(
        n=n,
        doc_id=call.doc_id,
        chunk_id=f"{call.doc_id}#0",
        doc_type=DocType.CALL.value,
        title=call.title,
        identifier=call.topic_identifier,
        url=call.url,
        text=call_passage_text(call, today),
    )


def sort_calls(calls: Sequence[FundingCall], today: dt.date) -> list[FundingCall]:
    """Open first by deadline (none last), then forthcoming by opening date, then closed (latest first)."""

    def key(call: FundingCall) -> tuple[int, int]:
        status = deadline_status(call, today)
        if status == CallStatus.OPEN:
            return (0, call.deadline_date.toordinal() if call.deadline_date else 10**7)
        if status == CallStatus.FORTHCOMING:
            return (1, call.opening_date.toordinal() if call.opening_date else 10**7)
        return (2, -(call.deadline_date.toordinal() if call.deadline_date else 0))

    return sorted(calls, key=key)


def matches_identifier(call: FundingCall, identifier: str) -> bool:
    """Whether ``call`` is the one ``identifier`` names (topic or call id, or a cascade call's parent)."""
    wanted = identifier.upper()
    ids = {call.topic_identifier.upper(), (call.call_identifier or "").upper()}
    return wanted in ids or call.topic_identifier.upper().startswith(wanted + "-")


def load_calls(records: RecordStore, doc_ids: Sequence[str]) -> list[FundingCall]:
    """The calls among ``doc_ids`` in the record store, in order (missing ones skipped)."""
    calls = []
    for doc_id in dict.fromkeys(doc_ids):
        record = records.get_record(doc_id)
        if isinstance(record, FundingCall):
            calls.append(record)
    return calls


def _status_filters(base: SearchFilters, entities: Entities, today: dt.date) -> SearchFilters:
    update: dict[str, object] = {"doc_type": DocType.CALL}
    if base.status is None and base.deadline_from is None and base.deadline_to is None:
        if entities.status == "closed":
            update["status"] = CallStatus.CLOSED
        elif entities.status == "forthcoming":
            update["status"] = CallStatus.FORTHCOMING
        elif entities.status == "closing_soon":
            update["status"] = CallStatus.OPEN
        else:
            update["deadline_from"] = today  # open or forthcoming: never a closed call
    return base.model_copy(update=update)


def _keep(call: FundingCall, entities: Entities, today: dt.date) -> bool:
    """Drop forthcoming calls far off when the user asked what is *open*."""
    if entities.status != "open" or deadline_status(call, today) != CallStatus.FORTHCOMING:
        return True
    return call.opening_date is None or (call.opening_date - today).days <= FORTHCOMING_SOON_DAYS


def search_calls(
    *, retriever: HybridRetriever, query: str, entities: Entities, filters: SearchFilters, today: dt.date
) -> list[Hit]:
    """Call hits for ``query``: status-filtered unless the question names identifiers."""
    wanted = filters.model_copy(update={"doc_type": DocType.CALL})
    if not entities.identifiers:
        wanted = _status_filters(filters, entities, today)
    return retriever.search(query=query, k=SEARCH_K, filters=wanted, today=today).hits


def funding_evidence(
    *,
    records: RecordStore,
    question: str,
    entities: Entities,
    hits: Sequence[Hit],
    today: dt.date,
    focus_doc_ids: Sequence[str] = (),
    terms: set[str] | None = None,
) -> Evidence:
    """Evidence for a funding question.

    Args:
        records: The source of truth for call facts.
        question: The standalone question.
        entities: What it names (identifiers, status asked).
        hits: Call hits from :func:`search_calls` (ignored when ``focus_doc_ids`` is given).
        today: The day status is computed for.
        focus_doc_ids: Calls a follow-up refers to ("its deadline"): answered about, whatever their status.
        terms: The question's topical words a listed call must share (default: all of them; for a
            question not in English, :func:`assistant.refusal.evidence_terms` keeps those the corpus has).
    """
    named = bool(focus_doc_ids or entities.identifiers)
    if focus_doc_ids:
        calls = load_calls(records, focus_doc_ids)
    else:
        calls = load_calls(records, [hit.doc_id for hit in hits])
        if entities.identifiers:
            calls = [c for c in calls if any(matches_identifier(c, i) for i in entities.identifiers)]
            if not calls:
                shown = ", ".join(entities.identifiers)
                return Evidence(
                    intent="funding",
                    question=question,
                    intro=_("I found no call with the identifier {identifiers} in the corpus.").format(
                        identifiers=shown
                    ),
                    notes=(
                        _("Check the identifier, or ask about a topic (e.g. 'open calls on batteries')."),
                    ),
                    grounded=False,
                )
        else:
            calls = _on_topic(calls, hits, topical_terms(question) if terms is None else terms)
            calls = _in_programmes(calls, entities.programmes)
            calls = [
                c
                for c in calls
                if deadline_status(c, today) != CallStatus.CLOSED or entities.status == "closed"
            ]
            calls = [c for c in calls if _keep(c, entities, today)]
    calls = sort_calls(calls[:MAX_CALLS] if not named else calls[: MAX_CALLS * 2], today)[:MAX_CALLS]
    if not calls:
        none = {
            "forthcoming": _("I found no forthcoming call matching your question on {day} in the corpus."),
            "closed": _("I found no closed call matching your question on {day} in the corpus."),
        }.get(
            entities.status or "",
            _("I found no open or forthcoming call matching your question on {day} in the corpus."),
        )
        return Evidence(
            intent="funding",
            question=question,
            intro=none.format(day=day(today)),
            notes=(_("Try broader words, another programme, or ask for forthcoming calls."),),
            grounded=False,
        )
    passages = tuple(call_passage(call, n, today) for n, call in enumerate(calls, 1))
    lines = tuple(call_line(call_facts(call, today), n) for n, call in enumerate(calls, 1))
    return Evidence(
        intent="funding",
        question=question,
        passages=passages,
        intro=_intro(calls, named=named, entities=entities, today=today),
        lines=lines,
        focus_doc_ids=tuple(call.doc_id for call in calls),
    )


def _in_programmes(calls: list[FundingCall], programmes: Sequence[str]) -> list[FundingCall]:
    """Calls of the programmes the question names ("LIFE funding"), when any is among them."""
    if not programmes:
        return calls

    def belongs(call: FundingCall) -> bool:
        label = (call.programme or "").casefold()
        for name in programmes:
            if any(call.topic_identifier.upper().startswith(p) for p in programme_prefixes(name)):
                return True
            if label and name.casefold() in label:
                return True
        return False

    return [call for call in calls if belongs(call)] or calls


def _stem(term: str) -> str:
    return term[:7] if len(term) >= 7 else term


def _on_topic(calls: list[FundingCall], hits: Sequence[Hit], terms: set[str]) -> list[FundingCall]:
    """Calls whose retrieved text shares a topical word with the question (all calls if none does).

    Sorting by deadline throws the retrieval order away, so an unrelated call that merely passed
    the status filter must not be listed: with topical words in the question, only calls that
    mention one of them (compared on a 7-letter stem: internationalise ~ internationalisation) stay.
    """
    if not terms:
        return calls
    stems = {_stem(term) for term in terms}
    texts: dict[str, str] = {}
    for hit in hits:
        texts[hit.doc_id] = f"{texts.get(hit.doc_id, '')} {hit.title} {hit.text}"
    kept = [
        call for call in calls if stems & {_stem(word) for word in content_tokens(texts.get(call.doc_id, ""))}
    ]
    return kept or calls[:3]


def _intro(calls: Sequence[FundingCall], *, named: bool, entities: Entities, today: dt.date) -> str:
    statuses = {deadline_status(call, today) for call in calls}
    if named:
        intro = _("What the call record says, with status on {day}:")
    elif entities.status == "forthcoming":
        intro = _("Forthcoming calls (not open yet on {day}) that match, earliest opening first:")
    elif statuses == {CallStatus.CLOSED}:
        intro = _("Calls matching your question that are closed on {day}, latest deadline first:")
    elif statuses == {CallStatus.FORTHCOMING}:
        intro = _("No matching call is open on {day}; these are forthcoming, earliest opening first:")
    elif CallStatus.FORTHCOMING in statuses:
        intro = _("Calls matching your question on {day}: open ones first by deadline, then forthcoming:")
    else:
        intro = _("Calls open on {day} that match your question, soonest deadline first:")
    return intro.format(day=day(today))
