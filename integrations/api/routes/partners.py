"""``GET /v1/partners``: cluster organisations ranked for a need, each with why it matches."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from assistant.entities import extract_entities
from assistant.partners import match_reasons, partner_query, place_reason, search_partners
from corpus.models import ClusterProfile
from integrations.api.deps import CallerDep, ServicesDep, default_today, visible_audiences
from integrations.api.schemas import IsoDate, PartnerItem, PartnersResponse, SectorItem
from retrieval.filters import parse_filters

router = APIRouter(prefix="/v1", tags=["partners"])


@router.get("/partners", response_model=PartnersResponse)
def partners(
    services: ServicesDep,
    caller: CallerDep,
    q: Annotated[str, Query(min_length=1, max_length=1000, examples=["battery clusters in Central Europe"])],
    country: Annotated[str | None, Query(max_length=64, description="ISO2 code, e.g. CZ.")] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
    today: Annotated[IsoDate | None, Query()] = None,
) -> PartnersResponse:
    """Organisations that match the need in ``q``: stated or inferred sectors, and places, first."""
    entities = extract_entities(q)
    filters = parse_filters(country=country, audiences=visible_audiences(caller))
    with services.reading():
        hits = search_partners(
            retriever=services.retriever,
            query=partner_query(q, entities),
            entities=entities,
            filters=filters,
            today=default_today(services.settings, today),
        )
    ranked: list[tuple[int, int, ClusterProfile, list[str]]] = []
    for position, doc_id in enumerate(dict.fromkeys(hit.doc_id for hit in hits)):
        profile = services.records.get_record(doc_id)
        if not isinstance(profile, ClusterProfile):
            continue
        reasons = match_reasons(profile, entities)
        if (place := place_reason(profile, entities)) is not None:
            reasons.append(place)
        ranked.append((0 if reasons else 1, position, profile, reasons))
    ranked.sort(key=lambda item: (item[0], item[1]))
    items = [
        PartnerItem(
            rank=rank,
            doc_id=profile.doc_id,
            name=profile.name,
            country=profile.country,
            city=profile.city,
            website=profile.website or profile.url,
            sectors=[SectorItem(sector=tag.sector, inferred=tag.inferred) for tag in profile.sectors],
            reasons=reasons,
        )
        for rank, (_, _, profile, reasons) in enumerate(ranked[:limit], 1)
    ]
    return PartnersResponse(query=q, partners=items)
