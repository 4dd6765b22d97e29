"""``GET /v1/calls``: funding calls by status on a day, programme, deadline window and words."""

from __future__ import annotations

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
    with services.reading():
        chosen = services.calls.listing(
            today=day,
            audiences=visible_audiences(caller),
            status=status,
            programme=programme,
            deadline_from=deadline_from,
            deadline_to=deadline_to,
            words=q,
        )
    page = chosen[offset : offset + limit]
    return CallsPage(
        today=day,
        total=len(chosen),
        offset=offset,
        limit=limit,
        calls=[call_item(facts) for facts in page],
    )
