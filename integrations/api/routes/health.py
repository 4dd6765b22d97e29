"""``/healthz`` (the process is up), ``/readyz`` (the indexes are loaded), ``/metrics``."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

from corpus.errors import NOTHING_INGESTED
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
    ready = health.state == "ok" and health.vector_chunks > 0
    # A healthy but empty index (a fresh data dir) cannot answer anything: say what to do.
    detail = NOTHING_INGESTED if health.state in ("ok", "missing") and not ready else health.detail
    body = Health(
        status=health.state,
        detail=detail,
        chunks=health.vector_chunks,
        **freshness_json(services.records.engine),
    )
    return JSONResponse(body.model_dump(mode="json"), status_code=200 if ready else 503)


@router.get("/metrics", response_class=Response)
def metrics(registry: MetricsDep) -> Response:
    """Prometheus text format."""
    return Response(registry.exposition(), media_type=registry.content_type)
