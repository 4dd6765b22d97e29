"""``POST /v1/ask`` (one JSON answer) and ``POST /v1/ask/stream`` (server-sent events)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from assistant.streaming import AnswerEvent, event_payload
from integrations.api.deps import (
    ApiServices,
    CallerDep,
    MetricsDep,
    ServicesDep,
    default_today,
    visible_audiences,
)
from integrations.api.metrics import ApiMetrics
from integrations.api.schemas import AskFilters, AskRequest, AskResponse
from integrations.api.security import Caller
from retrieval.filters import SearchFilters, parse_filters

router = APIRouter(prefix="/v1", tags=["answers"])

_ERRORS: dict[int | str, dict[str, object]] = {
    404: {"description": "Unknown conversation id."},
    422: {"description": "Invalid question or filters; the detail names the field."},
    503: {"description": "The index or the language model is unavailable."},
}


def search_filters(filters: AskFilters | None, caller: Caller) -> SearchFilters:
    """The caller's filters, restricted to the audiences the caller may see."""
    given = filters or AskFilters()
    return parse_filters(
        doc_type=given.type,
        country=given.country,
        countries=tuple(given.countries),
        programme=given.programme,
        status=given.status,
        deadline_from=given.deadline_from,
        deadline_to=given.deadline_to,
        audiences=visible_audiences(caller),
    )


@router.post("/ask", response_model=AskResponse, responses=_ERRORS)
def ask(body: AskRequest, services: ServicesDep, caller: CallerDep, metrics: MetricsDep) -> dict[str, object]:
    """Answer a question from the corpus, with numbered citations (the ``ask --json`` object)."""
    filters = search_filters(body.filters, caller)
    with services.reading():  # retrieval reads the index; an upload waits only for this part
        compose = services.assistant.prepare_answer(
            question=body.question,
            today=default_today(services.settings, body.today),
            conversation_id=body.conversation_id,
            filters=filters,
        )
    answer = compose()  # a slow language model never holds the lock
    metrics.observe_answer(answer, llm_configured=services.settings.llm_configured)
    return answer.model_dump(mode="json")


def _sse(events: Iterator[AnswerEvent], services: ApiServices, metrics: ApiMetrics) -> Iterator[str]:
    for event in events:
        if event["event"] == "final":
            metrics.observe_answer(event["answer"], llm_configured=services.settings.llm_configured)
        payload = event_payload(event)
        yield f"event: {event['event']}\ndata: {json.dumps(payload, ensure_ascii=False)}\n\n"


@router.post(
    "/ask/stream",
    responses={**_ERRORS, 200: {"content": {"text/event-stream": {}}, "description": "Answer events."}},
)
def ask_stream(
    body: AskRequest, services: ServicesDep, caller: CallerDep, metrics: MetricsDep
) -> StreamingResponse:
    """Stream the answer as server-sent events: ``delta`` texts, ``citations``, then ``final``.

    The ``final`` event carries the whole answer (as ``POST /v1/ask`` returns it, with its
    ``answer_id``); it is authoritative and replaces the deltas.
    """
    filters = search_filters(body.filters, caller)
    with services.reading():
        events = services.assistant.ask_stream(
            question=body.question,
            today=default_today(services.settings, body.today),
            conversation_id=body.conversation_id,
            filters=filters,
        )
    return StreamingResponse(
        _sse(events, services, metrics),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
