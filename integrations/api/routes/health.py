"""``/healthz`` (the process is up), ``/readyz`` (the indexes are loaded), ``/metrics``."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

from corpus.refresh.log import freshness_json
from integrations.api.deps import MetricsDep, ServicesDep
from integrations.api.schemas import Health

router = APIRouter(tags=["operations"])


@router.get("/healthz", response_model=Health)
def healthz() -> Health:
    """The process is up."""
    return Health(status="ok")


@router.get("/readyz", response_model=Health, responses={503: {"model": Health}})
def readyz(services: ServicesDep) -> Response:
    """The search index is loaded and consistent (503 otherwise); how fresh the calls are."""
    with services.reading():
        health = services.index.health()
    body = Health(
        status=health.state,
        detail=health.detail,
        chunks=health.vector_chunks,
        **freshness_json(services.records.engine),
    )
    ready = health.state == "ok" and health.vector_chunks > 0
    return JSONResponse(body.model_dump(mode="json"), status_code=200 if ready else 503)


@router.get("/metrics", response_class=Response)
def metrics(registry: MetricsDep) -> Response:
    """Prometheus text format."""
    return Response(registry.exposition(), media_type=registry.content_type)
