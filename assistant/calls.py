"""The calls service: the facts of funding calls on a day, listings and closing-soon lists.

Every adapter asks it (``GET /v1/calls``, the CLI's source lines, Slack's source lines and App
Home, the funding answers), so "the status of a call on a day" is computed in one place:
:func:`call_facts`, over the primitive :func:`corpus.status.deadline_status`.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from assistant.language import _, euros
from corpus.models import Audience, CallStatus, DocType, FundingCall
from corpus.programmes import find_family
from corpus.status import days_until_deadline, deadline_status
from corpus.store import RecordStore

CLOSING_SOON_DAYS = 30
"""What "closing soon" means when nobody says how soon (App Home lists these)."""


class CallFacts(BaseModel):
    """The facts of one call on one day, as answers, listings and source lines state them."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    title: str
    identifier: str
    cascade: bool = False
    """A cascade-funding open call run under the topic ``identifier``."""
    status: CallStatus
    deadline: dt.date | None
    days_left: int | None
    """Whole days from the day asked to the deadline (negative once passed); None without one."""
    opening_date: dt.date | None
    programme: str | None
    budget_eur: float | None = None
    """The call's total budget in euros (None when the source gives none)."""
    budget_total: str | None
    budget_per_project: str | None
    action_type: str | None
    url: str | None


def call_facts(call: FundingCall, today: dt.date) -> CallFacts:
    """What is true of ``call`` on ``today`` (pure)."""
    budget = call.budget
    low = _euros(budget.min_contribution_eur) if budget else None
    high = _euros(budget.max_contribution_eur) if budget else None
    per_project = (
        _("{low} to {high}").format(low=low, high=high) if low and high and low != high else (low or high)
    )
    return CallFacts(
        doc_id=call.doc_id,
        title=call.title,
        identifier=call.topic_identifier,
        cascade=call.call_kind == "cascade",
        status=deadline_status(call, today),
        deadline=call.deadline_date,
        days_left=days_until_deadline(call, today),
        opening_date=call.opening_date,
        programme=call.programme,
        budget_eur=budget.total_eur if budget else None,
        budget_total=_euros(budget.total_eur) if budget else None,
        budget_per_project=per_project,
        action_type=call.action_type,
        url=call.url,
    )


def _euros(amount: float | None) -> str | None:
    return None if amount is None else euros(amount)


def _searchable_text(call: FundingCall) -> str:
    parts = [call.title, call.topic_identifier, call.call_identifier, call.programme, call.summary]
    return " ".join([part for part in parts if part] + list(call.keywords)).casefold()


class CallsService:
    """Funding calls from the record store, judged on the day each caller asks about.

    The parsed calls are cached and re-read when the store's calls change (checked with one cheap
    query per use, so a write by another process is seen too).
    """

    def __init__(self, records: RecordStore) -> None:
        """Serve the calls of ``records``."""
        self._records = records
        self._lock = threading.Lock()
        self._cached: list[FundingCall] = []
        self._revision: object = None

    def all_calls(self) -> list[FundingCall]:
        """Every stored funding call (whatever its audience), in doc-id order."""
        revision = self._records.signature()
        with self._lock:
            if revision != self._revision:
                self._cached = [
                    record
                    for record in self._records.iter_records(doc_type=DocType.CALL)
                    if isinstance(record, FundingCall)
                ]
                self._revision = revision
            return self._cached

    def facts(self, doc_id: str, *, today: dt.date) -> CallFacts | None:
        """The facts of the call ``doc_id`` on ``today`` (None when it is not a stored call)."""
        record = self._records.get_record(doc_id)
        return call_facts(record, today) if isinstance(record, FundingCall) else None

    def facts_of(self, doc_ids: Iterable[str], *, today: dt.date) -> dict[str, CallFacts]:
        """The facts on ``today`` of those of ``doc_ids`` that are stored calls, by doc id."""
        found: dict[str, CallFacts] = {}
        for doc_id in dict.fromkeys(doc_ids):
            if (facts := self.facts(doc_id, today=today)) is not None:
                found[doc_id] = facts
        return found

    def listing(
        self,
        *,
        today: dt.date,
        audiences: frozenset[Audience],
        status: CallStatus | str | None = None,
        programme: str | None = None,
        deadline_from: dt.date | None = None,
        deadline_to: dt.date | None = None,
        words: str | None = None,
        kind: str | None = None,
        opening_from: dt.date | None = None,
        opening_to: dt.date | None = None,
        budget_min: float | None = None,
        budget_max: float | None = None,
    ) -> list[CallFacts]:
        """The calls ``audiences`` may see that pass every filter, soonest deadline first (none last).

        Args:
            today: The day status and days left are judged on.
            audiences: The audiences the caller may see.
            status: Only calls with this status on ``today``.
            programme: A programme or call family by name or alias ("Euroclusters", "EIC": the
                membership rules of :mod:`corpus.programmes`, as the query planner counts them); any
                other text matches calls whose programme contains it (case-insensitive).
            deadline_from: Only calls with a deadline on or after this day.
            deadline_to: Only calls with a deadline on or before this day.
            words: Only calls whose title, identifiers, programme, summary or keywords hold every word.
            kind: Only calls of this kind (``topic``, ``cascade``, ``call_for_proposals``).
            opening_from: Only calls opening on or after this day.
            opening_to: Only calls opening on or before this day.
            budget_min: Only calls whose total budget is at least this (EUR).
            budget_max: Only calls whose total budget is at most this (EUR).
        """
        family = find_family(programme) if programme else None
        wanted = CallStatus(status) if status else None
        needed = (words or "").casefold().split()
        chosen: list[CallFacts] = []
        for call in self.all_calls():
            if call.audience not in audiences:
                continue
            deadline = call.deadline_date
            if deadline_from and (deadline is None or deadline < deadline_from):
                continue
            if deadline_to and (deadline is None or deadline > deadline_to):
                continue
            if family is not None and not family.includes(call):
                continue
            if family is None and programme and programme.casefold() not in (call.programme or "").casefold():
                continue
            if kind and call.call_kind != kind:
                continue
            opening = call.opening_date
            if opening_from and (opening is None or opening < opening_from):
                continue
            if opening_to and (opening is None or opening > opening_to):
                continue
            total = call.budget.total_eur if call.budget else None
            if budget_min is not None and (total is None or total < budget_min):
                continue
            if budget_max is not None and (total is None or total > budget_max):
                continue
            if needed and not all(word in _searchable_text(call) for word in needed):
                continue
            facts = call_facts(call, today)
            if wanted is None or facts.status == wanted:
                chosen.append(facts)
        return sorted(chosen, key=lambda facts: (facts.deadline or dt.date.max, facts.identifier))

    def closing_soon(
        self,
        *,
        today: dt.date,
        audiences: frozenset[Audience],
        within_days: int = CLOSING_SOON_DAYS,
        limit: int = 10,
    ) -> list[CallFacts]:
        """Open calls whose deadline is within ``within_days`` days of ``today``, soonest first."""
        return self.listing(
            today=today,
            audiences=audiences,
            status=CallStatus.OPEN,
            deadline_from=today,
            deadline_to=today + dt.timedelta(days=within_days),
        )[:limit]
