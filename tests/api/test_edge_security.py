"""Rate limits before auth, pruned buckets, the Bearer scheme in OpenAPI, security headers, the
operations endpoints' choice and cross-site writes (issue 15, items 9 and 14)."""

from __future__ import annotations

import pytest

from integrations.api.security import PRUNE_EVERY, RateLimiter
from tests.api.conftest import AppFactory

KEYS = "k-read,k-write:write"


def test_wrong_keys_are_rate_limited_too(make_client: AppFactory) -> None:
    client = make_client(CLUSTER_ADVISOR_API_KEYS=KEYS, CLUSTER_ADVISOR_RATE_LIMIT=3)
    statuses = [
        client.get("/v1/calls", headers={"Authorization": f"Bearer guess-{n}"}).status_code for n in range(5)
    ]
    assert statuses[:3] == [401, 401, 401] and statuses[3:] == [429, 429]
    # A valid key has a budget of its own, untouched by the guesses from the same address.
    assert client.get("/v1/calls", headers={"Authorization": "Bearer k-read"}).status_code == 200


def test_idle_rate_limit_buckets_are_pruned() -> None:
    now = [0.0]
    limiter = RateLimiter(per_minute=60, clock=lambda: now[0])
    for n in range(PRUNE_EVERY - 1):
        limiter.acquire(f"address:10.0.{n // 256}.{n % 256}")
    assert limiter.clients == PRUNE_EVERY - 1
    now[0] = 61.0  # every bucket has refilled: it is the same as a new one
    limiter.acquire("address:192.0.2.1")
    assert limiter.clients == 1


def test_openapi_declares_the_bearer_scheme_when_keys_are_required(make_client: AppFactory) -> None:
    schema = make_client(CLUSTER_ADVISOR_API_KEYS=KEYS).get("/openapi.json").json()
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert schema["paths"]["/v1/calls"]["get"]["security"] == [{"HTTPBearer": []}]
    assert "security" not in schema["paths"]["/healthz"]["get"]


@pytest.mark.parametrize("path", ["/", "/v1/calls", "/static/app.js", "/healthz"])
def test_security_headers_on_the_page_and_the_api(make_client: AppFactory, path: str) -> None:
    response = make_client().get(path)
    assert response.status_code == 200
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "script-src 'self'" in csp


def test_operations_endpoints_are_open_by_default_and_can_need_a_key(make_client: AppFactory) -> None:
    open_ops = make_client(CLUSTER_ADVISOR_API_KEYS=KEYS)
    assert open_ops.get("/metrics").status_code == 200
    assert open_ops.get("/readyz").status_code in {200, 503}
    closed = make_client(CLUSTER_ADVISOR_API_KEYS=KEYS, CLUSTER_ADVISOR_PROTECT_OPERATIONS=True)
    assert closed.get("/metrics").status_code == 401 and closed.get("/readyz").status_code == 401
    assert closed.get("/metrics", headers={"Authorization": "Bearer k-read"}).status_code == 200
    assert closed.get("/healthz").status_code == 200  # liveness probes need no key


def test_cross_site_writes_are_refused(make_writable_client: AppFactory) -> None:
    client = make_writable_client(
        CLUSTER_ADVISOR_WRITERS="anyone", CLUSTER_ADVISOR_ALLOWED_ORIGINS="https://portal.example"
    )
    note = {"file": ("kelp.md", b"# Kelp\n\nKelp farming cluster notes.\n", "text/markdown")}
    forged = client.post("/v1/documents", files=note, headers={"Origin": "https://evil.example"})
    assert forged.status_code == 403 and "cross-site" in forged.json()["detail"]
    assert client.delete("/v1/documents/x", headers={"Origin": "https://evil.example"}).status_code == 403
    assert client.get("/v1/documents").json()["total"] == 0
    for origin in ("http://testserver", "https://portal.example"):  # this server's page, an allowed one
        response = client.post("/v1/documents", files=note, headers={"Origin": origin})
        assert response.status_code == 201, response.text
        doc_id = response.json()["documents"][0]["doc_id"]
        assert client.delete(f"/v1/documents/{doc_id}", headers={"Origin": origin}).status_code == 204
    assert client.post("/v1/documents", files=note).status_code == 201  # no Origin: curl, a server
