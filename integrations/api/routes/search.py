"""``GET /v1/search``: hybrid search with the CLI's options, in the ``search --json`` shape."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from integrations.api.deps import CallerDep, ServicesDep, default_today, visible_audiences
from integrations.api.schemas import IsoDate
from retrieval.filters import parse_filters

router = APIRouter(prefix="/v1", tags=["search"])


def rank_scores(body: dict[str, Any]) -> dict[str, Any]:
    """Replace each hit's fused score by ``1 / rank`` (in place; returns ``body``).

    The raw fusion score says how the ranker weighs the corpus (and, compared across queries,
    something of what else is indexed); callers that may not see internal documents get only the
    order, in the same ``score`` field the contract names.
    """
    for hit in body.get("hits", []):
        hit["score"] = round(1.0 / hit["rank"], 6)
    return body


@router.get("/search", responses={422: {"description": "Invalid parameter; the detail names it."}})
def search(
    services: ServicesDep,
    caller: CallerDep,
    q: Annotated[str, Query(min_length=1, max_length=1000, description="What to look for.")],
    k: Annotated[int, Query(ge=1, le=100, description="How many hits.")] = 10,
    type: Annotated[Literal["call", "cluster", "policy"] | None, Query()] = None,
    country: Annotated[str | None, Query(max_length=64, description="ISO2 code, e.g. DE.")] = None,
    status: Annotated[Literal["open", "forthcoming", "closed"] | None, Query()] = None,
    programme: Annotated[str | None, Query(max_length=200)] = None,
    today: Annotated[IsoDate | None, Query(description="Day call status is judged on.")] = None,
) -> dict[str, Any]:
    """Hybrid search (BM25 + embeddings): ``{"query", "hits", "timings_ms"}`` as ``search --json``.

    ``score`` is the fused score for keys that may see internal documents; for everyone else it
    is ``1 / rank`` (the order only, never the raw score).
    """
    filters = parse_filters(
        doc_type=type,
        country=country,
        status=status,
        programme=programme,
        audiences=visible_audiences(caller),
    )
    with services.reading():
        result = services.retriever.search(
            query=q, k=k, filters=filters, today=default_today(services.settings, today)
        )
    body = result.model_dump(mode="json")
    return body if caller.internal else rank_scores(body)
