"""``/v1/search``, ``/v1/calls``, ``/v1/partners``, ``/healthz``, ``/readyz``, ``/metrics``, ``/docs``."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_search_returns_the_cli_json_shape(client: TestClient) -> None:
    response = client.get("/v1/search", params={"q": "battery cluster", "k": 3, "type": "cluster"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"query", "hits", "timings_ms"}
    assert len(body["hits"]) == 3 and {hit["doc_type"] for hit in body["hits"]} == {"cluster"}
    assert set(body["hits"][0]) >= {
        "rank",
        "doc_id",
        "chunk_id",
        "title",
        "identifier",
        "url",
        "score",
        "text",
    }


def test_search_status_is_judged_on_the_day(client: TestClient) -> None:
    response = client.get("/v1/search", params={"q": "cluster internationalisation", "status": "open"})
    statuses = {hit["metadata"]["status"] for hit in response.json()["hits"]}
    assert statuses == {"open"}


def test_search_bad_parameters_name_the_parameter(client: TestClient) -> None:
    assert "q" in client.get("/v1/search").json()["detail"]
    bad_k = client.get("/v1/search", params={"q": "x", "k": 0})
    assert bad_k.status_code == 422 and "k" in bad_k.json()["detail"]
    bad_type = client.get("/v1/search", params={"q": "x", "type": "memo"})
    assert bad_type.status_code == 422 and "type" in bad_type.json()["detail"]


def test_calls_open_today_sorted_by_deadline(client: TestClient) -> None:
    response = client.get("/v1/calls", params={"status": "open"})
    assert response.status_code == 200
    body = response.json()
    assert body["today"] == "2026-05-10"
    identifiers = [call["identifier"] for call in body["calls"]]
    assert identifiers == [
        "HORIZON-JU-CLEANH2-2026-01",
        "HORIZON-CL4-2026-CLUSTER-01",
        "SMP-COSME-2026-CLUSTER-02",
    ]
    assert body["calls"][0]["days_left"] == 10 and body["calls"][0]["status"] == "open"


def test_calls_filters_and_paging(client: TestClient) -> None:
    later = client.get("/v1/calls", params={"status": "open", "today": "2026-06-10"}).json()
    assert [call["identifier"] for call in later["calls"]] == ["SMP-COSME-2026-CLUSTER-02"]
    life = client.get("/v1/calls", params={"programme": "life programme"}).json()
    assert [call["identifier"] for call in life["calls"]] == ["LIFE-2027-SAP-ENV"]
    words = client.get("/v1/calls", params={"q": "hydrogen valleys"}).json()
    assert [call["identifier"] for call in words["calls"]] == ["HORIZON-JU-CLEANH2-2026-01"]
    window = client.get(
        "/v1/calls", params={"deadline_from": "2026-09-01", "deadline_to": "2026-10-31"}
    ).json()
    assert {call["identifier"] for call in window["calls"]} == {
        "SMP-COSME-2026-CLUSTER-02",
        "HORIZON-CL5-2027-07-D3-16",
    }
    page = client.get("/v1/calls", params={"limit": 2, "offset": 2}).json()
    assert page["total"] == 8 and len(page["calls"]) == 2
    backwards = client.get("/v1/calls", params={"deadline_from": "2026-10-01", "deadline_to": "2026-01-01"})
    assert backwards.status_code == 422 and "deadline_from" in backwards.json()["detail"]


def test_partners_ranked_with_reasons(client: TestClient) -> None:
    response = client.get("/v1/partners", params={"q": "battery clusters in Central Europe", "limit": 5})
    assert response.status_code == 200
    partners = response.json()["partners"]
    assert partners[0]["reasons"], partners[0]
    names = [partner["name"] for partner in partners]
    assert "Czech Battery Cluster" in names[:3]
    assert any("inferred" in reason for partner in partners for reason in partner["reasons"])
    only_de = client.get("/v1/partners", params={"q": "battery", "country": "DE"}).json()["partners"]
    assert [partner["country"] for partner in only_de] == ["DE"]


def test_health_readiness_docs_and_metrics(client: TestClient) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["chunks"] > 0
    assert client.get("/docs").status_code == 200
    assert "/v1/ask/stream" in client.get("/openapi.json").json()["paths"]
    client.post("/v1/ask", json={"question": "Which open calls fund cluster internationalisation?"})
    client.post("/v1/ask", json={"question": "What is the recipe for a chocolate cake?"})
    text = client.get("/metrics").text
    assert 'cluster_advisor_http_requests_total{method="POST",route="/v1/ask",status="200"} 2.0' in text
    assert 'cluster_advisor_answers_total{intent="funding",mode="extractive"}' in text
    assert "cluster_advisor_refusals_total" in text
    assert 'cluster_advisor_http_request_seconds_count{route="/healthz"} 1.0' in text


def test_calls_accept_the_planner_filters_and_match_its_counts(client: TestClient) -> None:
    """Families by name or alias, kinds, opening windows, budget bounds: the link an answer gives works."""
    euroclusters = client.get("/v1/calls", params={"programme": "Euroclusters", "today": "2026-05-10"}).json()
    assert euroclusters["total"] >= 1
    assert all("CLUSTER" in call["identifier"] for call in euroclusters["calls"])
    by_alias = client.get("/v1/calls", params={"programme": "eurocluster", "today": "2026-05-10"}).json()
    assert by_alias["total"] == euroclusters["total"]
    rich = client.get("/v1/calls", params={"budget_min": 20_000_000, "today": "2026-05-10"}).json()
    assert rich["calls"] and all(call["budget_eur"] >= 20_000_000 for call in rich["calls"])
    soon = client.get("/v1/calls", params={"within_days": 30, "today": "2026-05-10"}).json()
    assert all(call["deadline"] <= "2026-06-09" for call in soon["calls"])
    opening = client.get(
        "/v1/calls", params={"opening_from": "2026-06-01", "opening_to": "2026-12-31", "today": "2026-05-10"}
    ).json()
    assert all("2026-06-01" <= call["opening_date"] <= "2026-12-31" for call in opening["calls"])
    assert client.get("/v1/calls", params={"budget_min": 5, "budget_max": 1}).status_code == 422
    assert (
        client.get("/v1/calls", params={"within_days": 5, "deadline_from": "2026-01-01"}).status_code == 422
    )
    assert client.get("/v1/calls", params={"kind": "nonsense"}).status_code == 422


def test_the_answer_count_and_its_calls_link_agree(client: TestClient) -> None:
    answer = client.post(
        "/v1/ask", json={"question": "How many Horizon Europe calls are open?", "today": "2026-05-10"}
    ).json()
    count = int(answer["answer"].split()[0])
    listed = client.get(
        "/v1/calls", params={"programme": "Horizon Europe", "status": "open", "today": "2026-05-10"}
    ).json()
    assert listed["total"] == count
    assert answer["plan"]["operation"] == "count" and answer["answer_id"]


@pytest.mark.parametrize("path", ["/v1/calls", "/v1/documents"])
def test_an_offset_beyond_any_corpus_is_a_clear_422_not_a_crash(client: TestClient, path: str) -> None:
    # 2**63 reached SQLite and raised OverflowError (a 500), found by the OpenAPI fuzz test
    response = client.get(path, params={"limit": 1, "offset": 2**63})
    assert response.status_code == 422
    assert "offset" in response.text
    assert client.get(path, params={"limit": 1, "offset": 1_000_000_000}).status_code == 200
