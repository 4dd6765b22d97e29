"""Bearer keys, visibility of internal documents, body-size limits and rate limits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from integrations.api.security import RateLimiter, match_key, parse_api_keys
from tests.api.conftest import AppFactory, api_settings

KEYS = "s3cret-internal:write,s3cret-public:public"


def test_without_keys_every_route_is_open(client: TestClient) -> None:
    assert client.get("/v1/calls").status_code == 200


def test_keys_required_on_v1_when_configured(make_client: AppFactory) -> None:
    client = make_client(CLUSTER_ADVISOR_API_KEYS=KEYS)
    missing = client.get("/v1/calls")
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert "Bearer" in missing.json()["detail"]
    wrong = client.get("/v1/calls", headers={"Authorization": "Bearer s3cret"})
    assert wrong.status_code == 401
    basic = client.get("/v1/calls", headers={"Authorization": "Basic s3cret-internal"})
    assert basic.status_code == 401
    ok = client.get("/v1/calls", headers={"Authorization": "Bearer s3cret-internal"})
    assert ok.status_code == 200
    assert client.get("/healthz").status_code == 200  # operations stay open


def test_key_parsing_and_matching(tmp_path: Path) -> None:
    keys = parse_api_keys(api_settings(tmp_path, CLUSTER_ADVISOR_API_KEYS=" a , b:public "))
    assert [(key.secret, key.internal) for key in keys] == [(b"a", True), (b"b", False)]
    assert match_key("b", keys) is keys[1] and match_key("b:public", keys) is None


def test_internal_documents_only_with_a_key_that_allows_them(make_writable_client: AppFactory) -> None:
    client = make_writable_client(CLUSTER_ADVISOR_API_KEYS=KEYS)
    internal = {"Authorization": "Bearer s3cret-internal"}
    public = {"Authorization": "Bearer s3cret-public"}
    note = b"# Support note\n\nMembers asking about zeppelin refits go to the aerostat desk in Ghent.\n"
    upload = client.post(
        "/v1/documents",
        files={"file": ("zeppelin-note.md", note, "text/markdown")},
        data={"audience": "internal"},
        headers=internal,
    )
    assert upload.status_code == 201, upload.text
    doc_id = upload.json()["documents"][0]["doc_id"]
    try:
        hits = client.get("/v1/search", params={"q": "zeppelin refits aerostat"}, headers=internal).json()
        assert doc_id in {hit["doc_id"] for hit in hits["hits"]}
        hidden = client.get("/v1/search", params={"q": "zeppelin refits aerostat"}, headers=public).json()
        assert doc_id not in {hit["doc_id"] for hit in hidden["hits"]}
        assert client.get("/v1/documents", headers=public).json()["total"] == 0
        assert client.delete(f"/v1/documents/{doc_id}", headers=public).status_code == 403  # read-only key
        refused = client.post(
            "/v1/documents",
            files={"file": ("other.md", note, "text/markdown")},
            data={"audience": "internal"},
            headers=public,
        )
        assert refused.status_code == 403
    finally:
        assert client.delete(f"/v1/documents/{doc_id}", headers=internal).status_code == 204


def test_anonymous_callers_never_see_internal_documents(make_writable_client: AppFactory) -> None:
    client = make_writable_client(CLUSTER_ADVISOR_API_KEYS=KEYS, CLUSTER_ADVISOR_ANONYMOUS_READ=True)
    note = b"# Support note\n\nMembers asking about zeppelin refits go to the aerostat desk in Ghent.\n"
    upload = client.post(
        "/v1/documents",
        files={"file": ("zeppelin.md", note, "text/markdown")},
        data={"audience": "internal"},
        headers={"Authorization": "Bearer s3cret-internal"},
    )
    doc_id = upload.json()["documents"][0]["doc_id"]
    try:
        hits = client.get("/v1/search", params={"q": "zeppelin refits aerostat"}).json()["hits"]
        assert doc_id not in {hit["doc_id"] for hit in hits}
        answer = client.post(
            "/v1/ask", json={"question": "Who handles zeppelin refits at the aerostat desk?"}
        )
        assert doc_id not in {citation["doc_id"] for citation in answer.json()["citations"]}
    finally:
        client.app.state.services.records.delete([doc_id])  # type: ignore[attr-defined]
        client.app.state.services.index.delete_documents([doc_id])  # type: ignore[attr-defined]


def test_body_over_the_limit_is_413(make_client: AppFactory) -> None:
    client = make_client(CLUSTER_ADVISOR_MAX_BODY_BYTES=1000)
    response = client.post("/v1/ask", json={"question": "x" * 2000})
    assert response.status_code == 413 and "1,000" in response.json()["detail"]

    def chunks() -> Iterator[bytes]:
        yield b'{"question": "'
        for _ in range(10):
            yield b"y" * 200
        yield b'"}'

    streamed = client.post("/v1/ask", content=chunks(), headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413


def test_rate_limit_429_with_retry_after(make_client: AppFactory) -> None:
    client = make_client(CLUSTER_ADVISOR_RATE_LIMIT=3)
    statuses = [client.get("/v1/calls").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/v1/calls")
    assert int(limited.headers["retry-after"]) >= 1 and "per minute" in limited.json()["detail"]
    assert client.get("/healthz").status_code == 200


def test_rate_limiter_refills() -> None:
    now = [0.0]
    limiter = RateLimiter(per_minute=60, clock=lambda: now[0])
    assert [limiter.acquire("a") for _ in range(60)] == [0.0] * 60
    assert limiter.acquire("a") == pytest.approx(1.0)
    assert limiter.acquire("b") == 0.0
    now[0] = 2.0
    assert limiter.acquire("a") == 0.0
