"""``GET /v1/calls``: funding calls by status on a day, programme, deadline window and words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from corpus.errors import InvalidInput
from corpus.models import Audience, FundingCall
from corpus.status import days_until_deadline, deadline_status
from integrations.api.deps import CallerDep, ServicesDep, default_today, visible_audiences
from integrations.api.schemas import CallItem, CallsPage, IsoDate

router = APIRouter(prefix="/v1", tags=["calls"])


def call_item(call: FundingCall, today: dt.date) -> CallItem:
    """A call as the API lists it, with its status on ``today``."""
    return CallItem(
        doc_id=call.doc_id,
        identifier=call.topic_identifier,
        title=call.title,
        programme=call.programme,
        status=deadline_status(call, today).value,
        opening_date=call.opening_date,
        deadline=call.deadline_date,
        days_left=days_until_deadline(call, today),
        budget_eur=call.budget.total_eur if call.budget else None,
        url=call.url,
    )


def _text(call: FundingCall) -> str:
    parts = [call.title, call.topic_identifier, call.call_identifier, call.programme, call.summary]
    return " ".join([part for part in parts if part] + list(call.keywords)).casefold()


def select_calls(
    calls: Iterable[FundingCall],
    *,
    today: dt.date,
    audiences: frozenset[Audience],
    status: str | None = None,
    programme: str | None = None,
    deadline_from: dt.date | None = None,
    deadline_to: dt.date | None = None,
    q: str | None = None,
) -> list[FundingCall]:
    """The calls that pass every filter, soonest deadline first (no deadline last)."""
    words = (q or "").casefold().split()
    chosen = []
    for call in calls:
        if call.audience not in audiences:
            continue
        if status and deadline_status(call, today).value != status:
            continue
        if programme and programme.casefold() not in (call.programme or "").casefold():
            continue
        deadline = call.deadline_date
        if deadline_from and (deadline is None or deadline < deadline_from):
            continue
        if deadline_to and (deadline is None or deadline > deadline_to):
            continue
        if words and not all(word in _text(call) for word in words):
            continue
        chosen.append(call)
    return sorted(chosen, key=lambda call: (call.deadline_date or dt.date.max, call.topic_identifier))


@router.get("/calls", response_model=CallsPage)
def list_calls(
    services: ServicesDep,
    caller: CallerDep,
    status: Annotated[Literal["open", "forthcoming", "closed"] | None, Query()] = None,
    today: Annotated[IsoDate | None, Query(description="Day status is judged on.")] = None,
    programme: Annotated[str | None, Query(max_length=200, description="Programme contains.")] = None,
    deadline_from: Annotated[IsoDate | None, Query()] = None,
    deadline_to: Annotated[IsoDate | None, Query()] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in title, id, summary.")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> CallsPage:
    """Funding calls, soonest deadline first, with their status on ``today``."""
    if deadline_from and deadline_to and deadline_from > deadline_to:
        raise InvalidInput("deadline_from is after deadline_to")
    day = default_today(services.settings, today)
    chosen = select_calls(
        services.calls(),
        today=day,
        audiences=visible_audiences(caller),
        status=status,
        programme=programme,
        deadline_from=deadline_from,
        deadline_to=deadline_to,
        q=q,
    )
    page = chosen[offset : offset + limit]
    return CallsPage(
        today=day,
        total=len(chosen),
        offset=offset,
        limit=limit,
        calls=[call_item(call, day) for call in page],
    )
