"""``POST /v1/ask`` (one JSON answer) and ``POST /v1/ask/stream`` (server-sent events)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

from fastapi import APIRouter
from fastapi.sse import EventSourceResponse, format_sse_event
from starlette.concurrency import run_in_threadpool

from assistant.streaming import AnswerEvent, event_payload
from corpus.errors import AdvisorError
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
from integrations.api.sse import EventPump, sse_stream
from retrieval.filters import SearchFilters, parse_filters

router = APIRouter(prefix="/v1", tags=["answers"])
logger = logging.getLogger(__name__)

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
            lang=body.lang,
        )
    answer = compose()  # a slow language model never holds the lock
    metrics.observe_answer(answer, llm_configured=services.settings.llm_configured)
    return answer.model_dump(mode="json")


def _event_bytes(event: AnswerEvent, services: ApiServices, metrics: ApiMetrics) -> bytes:
    """One answer event in SSE form; the final one as ``POST /v1/ask`` returns it."""
    payload = event_payload(event)
    if event["event"] == "final":
        metrics.observe_answer(event["answer"], llm_configured=services.settings.llm_configured)
    return format_sse_event(event=event["event"], data_str=json.dumps(payload, ensure_ascii=False))


def _error_bytes(exc: BaseException) -> bytes:
    """An ``error`` event for a failure after the stream started (the status code already went out)."""
    if isinstance(exc, AdvisorError):
        detail = str(exc)
    else:
        logger.error("answer stream failed", exc_info=exc)
        detail = "the answer failed on the server; please ask again"
    return format_sse_event(event="error", data_str=json.dumps({"event": "error", "detail": detail}))


@router.post(
    "/ask/stream",
    # No response_class=EventSourceResponse here: FastAPI would take the route for a generator
    # endpoint, and errors raised before the stream (422, 404) must keep their status codes.
    responses={**_ERRORS, 200: {"content": {"text/event-stream": {}}, "description": "Answer events."}},
)
async def ask_stream(
    body: AskRequest, services: ServicesDep, caller: CallerDep, metrics: MetricsDep
) -> EventSourceResponse:
    """Stream the answer as server-sent events: ``delta`` texts, ``citations``, then ``final``.

    The ``final`` event carries the whole answer (as ``POST /v1/ask`` returns it, with its
    ``answer_id``); it is authoritative and replaces the deltas. While the answer is being
    composed, an SSE comment (``: keep-alive``) goes out every ``CLUSTER_ADVISOR_SSE_KEEPALIVE_S``
    seconds; a failure after the stream started is an ``error`` event with a ``detail``. When the
    client disconnects, composing stops at the next token (see :mod:`integrations.api.sse`).
    """
    filters = search_filters(body.filters, caller)

    def prepare() -> Iterator[AnswerEvent]:
        # Bad input and retrieval failures raise here, before any byte of the 200 response.
        with services.reading():
            return services.assistant.ask_stream(
                question=body.question,
                today=default_today(services.settings, body.today),
                conversation_id=body.conversation_id,
                filters=filters,
                lang=body.lang,
            )

    events = await run_in_threadpool(prepare)
    pump = EventPump(events, lambda event: _event_bytes(event, services, metrics))
    return EventSourceResponse(
        sse_stream(pump, keepalive_s=services.settings.sse_keepalive_s, on_error=_error_bytes),
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
