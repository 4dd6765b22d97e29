"""Execute a funding plan exactly: filters, windows and bounds over every stored call, then the operation.

Counts, firsts and largests are computed over every matching record, never over a top k. Topical
words narrow the set lexically over each call's title, summary and keywords (every word must
appear, compared on a 6-letter stem); the hybrid retriever only orders a topical list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from assistant.plan.catalog import Catalog
from assistant.plan.models import QueryPlan, SortField
from corpus.models import Audience, CallStatus, FundingCall
from corpus.programmes import in_programmes
from corpus.status import deadline_status
from retrieval.analysis import fold
from retrieval.filters import SearchFilters
from retrieval.search import HybridRetriever

_WORD = re.compile(r"[a-z0-9]+")
STEM = 6
TOPIC_SEARCH_K = 60


@dataclass(frozen=True)
class CallResult:
    """What a funding plan computed."""

    plan: QueryPlan
    calls: tuple[FundingCall, ...]
    """Every matching call, in the plan's order (deadline first unless ranked by topic)."""
    chosen: tuple[FundingCall, ...] = ()
    """For first/last/largest/smallest: the winner(s) (ties kept); for an item reference: that one."""
    family_calls: tuple[FundingCall, ...] = field(default=())
    """Without status filter: the same programme's calls, for "none open — last closed, next opens"."""

    @property
    def total(self) -> int:
        return len(self.calls)


def deadline_order(call: FundingCall) -> tuple[int, str, str]:
    """Deadline ascending (none last), then identifier, then doc id: the one order lists use."""
    deadline = call.deadline_date
    return (deadline.toordinal() if deadline else 10**7, call.topic_identifier, call.doc_id)


def sort_value(call: FundingCall, field_name: SortField) -> float | None:
    """The number a superlative compares (None when the record does not give it)."""
    budget = call.budget
    if field_name == "deadline":
        return float(call.deadline_date.toordinal()) if call.deadline_date else None
    if field_name == "opening_date":
        return float(call.opening_date.toordinal()) if call.opening_date else None
    if budget is None:
        return None
    if field_name == "total_budget":
        return budget.total_eur
    if field_name == "amount_per_project":
        return budget.max_contribution_eur or budget.min_contribution_eur
    return float(budget.expected_grants) if budget.expected_grants else None


def execute_calls(
    plan: QueryPlan,
    *,
    catalog: Catalog,
    today: dt.date,
    audiences: Iterable[Audience | str] = (Audience.PUBLIC,),
    previous_ids: Sequence[str] = (),
    retriever: HybridRetriever | None = None,
) -> CallResult:
    """Run ``plan`` over the catalog's calls visible to ``audiences``.

    Args:
        plan: A funding plan.
        catalog: The stored calls.
        today: The day statuses are computed for.
        audiences: What the caller may see.
        previous_ids: The previous answer's result set (in its order) for ``previous`` plans.
        retriever: Orders a topical list by relevance when given.
    """
    audiences = tuple(audiences)
    calls = catalog.visible_calls(audiences)
    if plan.previous != "none":
        by_id = {call.doc_id: call for call in calls}
        calls = [by_id[doc_id] for doc_id in previous_ids if doc_id in by_id]
        if plan.previous == "item" and plan.item_index is not None and plan.item_index < len(calls):
            picked = calls[plan.item_index]
            return CallResult(plan=plan, calls=(picked,), chosen=(picked,))
    calls = _narrow(calls, plan)
    family = tuple(sorted(calls, key=deadline_order))
    calls = [call for call in calls if _in_status(call, plan, today) and _in_windows(call, plan)]
    calls = [call for call in calls if _in_budget(call, plan)]
    ordered = sorted(calls, key=deadline_order) if plan.previous != "set" else calls
    if plan.previous == "set":
        ordered = sorted(calls, key=deadline_order)
    if plan.topic and plan.operation == "list" and retriever is not None and plan.previous == "none":
        ordered = _by_relevance(ordered, plan, retriever=retriever, today=today, audiences=audiences)
    chosen = _chosen(ordered, plan)
    return CallResult(plan=plan, calls=tuple(ordered), chosen=chosen, family_calls=family)


def _narrow(calls: list[FundingCall], plan: QueryPlan) -> list[FundingCall]:
    if plan.identifiers:
        # HORIZON-CL6-2026-01-CIRCBIO-02 means that topic, not also its "-two-stage" sibling.
        exact = [c for c in calls if any(c.topic_identifier.upper() == i.upper() for i in plan.identifiers)]
        calls = exact or [c for c in calls if any(_matches_identifier(c, i) for i in plan.identifiers)]
    if plan.organisations:
        wanted = set(plan.organisations)
        named = [c for c in calls if c.doc_id in wanted]
        calls = named or calls
    if plan.programmes:
        calls = [c for c in calls if in_programmes(c, plan.programmes)]
    if plan.call_kinds:
        calls = [c for c in calls if c.call_kind in plan.call_kinds]
    if plan.topic and not plan.identifiers and not plan.organisations and plan.previous == "none":
        calls = _on_topic(calls, plan.topic)
    return calls


def _matches_identifier(call: FundingCall, identifier: str) -> bool:
    wanted = identifier.upper()
    ids = {call.topic_identifier.upper(), (call.call_identifier or "").upper()}
    return wanted in ids or call.topic_identifier.upper().startswith(wanted + "-")


def _stems(text: str) -> set[str]:
    return {word[:STEM] for word in _WORD.findall(fold(text)) if len(word) > 2}


def _call_text(call: FundingCall) -> str:
    parts = [
        call.title,
        call.call_title or "",
        call.summary or "",
        " ".join(call.keywords),
        call.action_type or "",
    ]
    if call.sections:
        parts.append(call.sections[0].text[:1500])
    return " ".join(parts)


def _on_topic(calls: list[FundingCall], topic: str) -> list[FundingCall]:
    """Calls whose text has every topical word (or, if none has all, any of them)."""
    wanted = _stems(topic)
    if not wanted:
        return calls
    texts = {call.doc_id: _stems(_call_text(call)) for call in calls}
    every = [c for c in calls if wanted <= texts[c.doc_id]]
    if every:
        return every
    return [c for c in calls if wanted & texts[c.doc_id]]


def _in_status(call: FundingCall, plan: QueryPlan, today: dt.date) -> bool:
    if not plan.statuses:
        return True
    return deadline_status(call, today).value in plan.statuses


def _in_windows(call: FundingCall, plan: QueryPlan) -> bool:
    if plan.deadline_window is not None and not plan.deadline_window.contains(call.deadline_date):
        return False
    return plan.opening_window is None or plan.opening_window.contains(call.opening_date)


def _in_budget(call: FundingCall, plan: QueryPlan) -> bool:
    if plan.budget_min_eur is None and plan.budget_max_eur is None:
        return True
    value = sort_value(call, plan.budget_field)
    if value is None:
        return False
    if plan.budget_min_eur is not None and value < plan.budget_min_eur:
        return False
    return plan.budget_max_eur is None or value <= plan.budget_max_eur


def _chosen(calls: Sequence[FundingCall], plan: QueryPlan) -> tuple[FundingCall, ...]:
    if plan.operation not in {"first", "last", "largest", "smallest"} or plan.sort_field is None:
        return ()
    valued = [(value, call) for call in calls if (value := sort_value(call, plan.sort_field)) is not None]
    if not valued:
        return ()
    pick = min if plan.operation in {"first", "smallest"} else max
    best = pick(value for value, _ in valued)
    return tuple(call for value, call in valued if value == best)


def _by_relevance(
    calls: list[FundingCall],
    plan: QueryPlan,
    *,
    retriever: HybridRetriever,
    today: dt.date,
    audiences: tuple[Audience | str, ...],
) -> list[FundingCall]:
    """The same calls, most relevant to the topic first (calls the search missed keep deadline order)."""
    filters = SearchFilters.model_validate(
        {"doc_type": "call", "audiences": frozenset(Audience(a) for a in audiences)}
    )
    hits = retriever.search(query=plan.topic, k=TOPIC_SEARCH_K, filters=filters, today=today).hits
    rank: dict[str, int] = {}
    for position, hit in enumerate(hits):
        rank.setdefault(hit.doc_id, position)
    return sorted(calls, key=lambda call: (rank.get(call.doc_id, len(rank)), deadline_order(call)))


def status_of(call: FundingCall, today: dt.date) -> CallStatus:
    """The call's status on ``today`` (one place for the answers to ask)."""
    return deadline_status(call, today)
