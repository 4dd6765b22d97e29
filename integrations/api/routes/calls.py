"""``GET /v1/calls``: funding calls by status on a day, programme, deadline window and words."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from assistant.calls import CallFacts
from corpus.errors import InvalidInput
from integrations.api.deps import CallerDep, ServicesDep, default_today, visible_audiences
from integrations.api.schemas import CallItem, CallsPage, IsoDate

router = APIRouter(prefix="/v1", tags=["calls"])


def call_item(facts: CallFacts) -> CallItem:
    """A call as the API lists it, with its status on the day asked."""
    return CallItem(
        doc_id=facts.doc_id,
        identifier=facts.identifier,
        title=facts.title,
        programme=facts.programme,
        status=facts.status.value,
        opening_date=facts.opening_date,
        deadline=facts.deadline,
        days_left=facts.days_left,
        budget_eur=facts.budget_eur,
        url=facts.url,
    )


@router.get("/calls", response_model=CallsPage)
def list_calls(
    services: ServicesDep,
    caller: CallerDep,
    status: Annotated[Literal["open", "forthcoming", "closed"] | None, Query()] = None,
    today: Annotated[IsoDate | None, Query(description="Day status is judged on.")] = None,
    programme: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Programme or call family by name or alias (Euroclusters, EIC); else contains.",
        ),
    ] = None,
    deadline_from: Annotated[IsoDate | None, Query()] = None,
    deadline_to: Annotated[IsoDate | None, Query()] = None,
    within_days: Annotated[
        int | None, Query(ge=0, le=3650, description="Deadline from today to today + N days.")
    ] = None,
    opening_from: Annotated[IsoDate | None, Query()] = None,
    opening_to: Annotated[IsoDate | None, Query()] = None,
    kind: Annotated[Literal["topic", "cascade", "call_for_proposals"] | None, Query()] = None,
    budget_min: Annotated[float | None, Query(ge=0, description="Total budget at least (EUR).")] = None,
    budget_max: Annotated[float | None, Query(ge=0, description="Total budget at most (EUR).")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in title, id, summary.")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> CallsPage:
    """Funding calls, soonest deadline first, with their status on ``today``."""
    if deadline_from and deadline_to and deadline_from > deadline_to:
        raise InvalidInput("deadline_from is after deadline_to")
    if opening_from and opening_to and opening_from > opening_to:
        raise InvalidInput("opening_from is after opening_to")
    if budget_min is not None and budget_max is not None and budget_min > budget_max:
        raise InvalidInput("budget_min is above budget_max")
    day = default_today(services.settings, today)
    if within_days is not None:
        if deadline_from or deadline_to:
            raise InvalidInput("give within_days or deadline_from/deadline_to, not both")
        deadline_from, deadline_to = day, day + dt.timedelta(days=within_days)
    with services.reading():
        chosen = services.calls.listing(
            today=day,
            audiences=visible_audiences(caller),
            status=status,
            programme=programme,
            deadline_from=deadline_from,
            deadline_to=deadline_to,
            words=q,
            kind=kind,
            opening_from=opening_from,
            opening_to=opening_to,
            budget_min=budget_min,
            budget_max=budget_max,
        )
    page = chosen[offset : offset + limit]
    return CallsPage(
        today=day,
        total=len(chosen),
        offset=offset,
        limit=limit,
        calls=[call_item(facts) for facts in page],
    )
