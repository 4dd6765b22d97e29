"""``GET /v1/calls``: funding calls by status on a day, programme, deadline window and words;
``GET /v1/calls.ics``: the same calls' deadlines as a calendar file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Response

from assistant.calls import CallFacts
from corpus.errors import InvalidInput
from corpus.i18n import normalise_lang, translator
from integrations.api.deps import CallerDep, ServicesDep, default_today, visible_audiences
from integrations.api.ics import deadlines_calendar
from integrations.api.page import WEB_DOMAIN
from integrations.api.schemas import MAX_OFFSET, CallItem, CallsPage, IsoDate

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


@dataclass(frozen=True)
class ChosenCalls:
    """The calls the filters chose, soonest deadline first, and the day their status is judged on."""

    today: dt.date
    calls: list[CallFacts]


def chosen_calls(
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
) -> ChosenCalls:
    """The filters both call routes take (one definition, so the list and the calendar agree)."""
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
        calls = services.calls.listing(
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
    return ChosenCalls(today=day, calls=calls)


ChosenCallsDep = Annotated[ChosenCalls, Depends(chosen_calls)]


@router.get("/calls", response_model=CallsPage)
def list_calls(
    chosen: ChosenCallsDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> CallsPage:
    """Funding calls, soonest deadline first, with their status on ``today``."""
    page = chosen.calls[offset : offset + limit]
    return CallsPage(
        today=chosen.today,
        total=len(chosen.calls),
        offset=offset,
        limit=limit,
        calls=[call_item(facts) for facts in page],
    )


@router.get(
    "/calls.ics",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}, "description": "An RFC 5545 calendar."}},
)
def calls_calendar(
    chosen: ChosenCallsDep,
    lang: Annotated[
        str | None,
        Query(max_length=35, description="Language of the events' texts (en, de, fr, es, it, pl)."),
    ] = None,
) -> Response:
    """The deadlines of the calls the same filters as ``GET /v1/calls`` choose, as all-day events
    of an iCalendar file (calls without a deadline are left out)."""
    translate = translator(normalise_lang(lang), WEB_DOMAIN)
    body = deadlines_calendar(chosen.calls, stamp=dt.datetime.now(dt.UTC), translate=translate)
    return Response(
        content=body.encode("utf-8"),
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="deadlines.ics"'},
    )
