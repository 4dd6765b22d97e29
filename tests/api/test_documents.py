"""``POST/GET/DELETE /v1/documents``: uploads of every kind, bad files, listing, removal everywhere."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import openpyxl
from fastapi.testclient import TestClient

from tests.api.conftest import AppFactory

NOTE = b"# Tidal energy clusters\n\nOrkney tidal turbines are tested by the marine energy cluster.\n"


def _upload(
    client: TestClient, name: str, data: bytes, content_type: str = "application/octet-stream"
) -> Any:
    return client.post("/v1/documents", files={"file": (name, data, content_type)})


def test_upload_search_list_and_delete(writable_client: TestClient) -> None:
    client = writable_client
    response = _upload(client, "tidal.md", NOTE, "text/markdown")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["added"] == 1 and body["documents"][0]["doc_type"] == "policy"
    doc_id = body["documents"][0]["doc_id"]
    hits = client.get("/v1/search", params={"q": "Orkney tidal turbines"}).json()["hits"]
    assert hits[0]["doc_id"] == doc_id
    assert _upload(client, "tidal.md", NOTE).json()["unchanged"] == 1
    listed = client.get("/v1/documents").json()
    assert [item["doc_id"] for item in listed["documents"]] == [doc_id]
    assert client.delete(f"/v1/documents/{doc_id}").status_code == 204
    hits = client.get("/v1/search", params={"q": "Orkney tidal turbines"}).json()["hits"]
    assert doc_id not in {hit["doc_id"] for hit in hits}
    assert client.get("/v1/documents").json()["total"] == 0
    again = client.delete(f"/v1/documents/{doc_id}")
    assert again.status_code == 404 and doc_id in again.json()["detail"]


def test_csv_records_upload(writable_client: TestClient) -> None:
    client = writable_client
    csv = b"name,country,city,description\nOrkney Marine Cluster,GB,Kirkwall,Tidal and wave energy testing\n"
    response = _upload(client, "profiles.csv", csv, "text/csv")
    assert response.status_code == 201, response.text
    doc = response.json()["documents"][0]
    assert doc["doc_type"] == "cluster"
    assert client.delete(f"/v1/documents/{doc['doc_id']}").status_code == 204


def test_xlsx_member_list_upload(writable_client: TestClient) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Name", "Country", "City", "Description"])
    sheet.append(
        ["Klaster Łódzki Przemysłowy", "PL", "Łódź", "Textile and fashion companies of the Łódź region"]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = _upload(writable_client, "member-clusters.xlsx", buffer.getvalue())
    assert response.status_code == 201, response.text
    [doc] = response.json()["documents"]
    assert doc["doc_type"] == "cluster" and doc["title"] == "Klaster Łódzki Przemysłowy"
    assert writable_client.delete(f"/v1/documents/{doc['doc_id']}").status_code == 204


def test_csv_upload_in_an_ambiguous_code_page_is_422_until_its_encoding_is_named(
    writable_client: TestClient,
) -> None:
    client = writable_client
    csv = "name,country,city\nInterizon,PL,Gdańsk\n".encode("cp1250")
    refused = _upload(client, "profiles.csv", csv, "text/csv")
    assert refused.status_code == 422
    assert (
        "cannot tell the encoding" in refused.json()["detail"]
        and "'encoding' field" in refused.json()["detail"]
    )
    assert client.get("/v1/documents").json()["total"] == 0
    named = client.post(
        "/v1/documents", files={"file": ("profiles.csv", csv, "text/csv")}, data={"encoding": "cp1250"}
    )
    assert named.status_code == 201, named.text
    doc_id = named.json()["documents"][0]["doc_id"]
    hits = client.get("/v1/search", params={"q": "Interizon Gdańsk", "type": "cluster"}).json()["hits"]
    assert any(hit["doc_id"] == doc_id and "Gdańsk" in hit["text"] for hit in hits)
    assert client.delete(f"/v1/documents/{doc_id}").status_code == 204
    unknown = client.post(
        "/v1/documents", files={"file": ("p.csv", csv, "text/csv")}, data={"encoding": "klingon"}
    )
    assert unknown.status_code == 422 and "unknown encoding 'klingon'" in unknown.json()["detail"]


def test_bad_uploads_are_4xx_and_lose_nothing(writable_client: TestClient) -> None:
    client = writable_client
    before = client.get("/v1/calls").json()["total"]
    unsupported = _upload(client, "tool.exe", b"MZ\x90\x00binary")
    assert unsupported.status_code == 415 and "tool.exe" in unsupported.json()["detail"]
    corrupt = _upload(client, "report.pdf", b"%PDF-1.7\n garbage without objects")
    assert corrupt.status_code in {415, 422} and "report.pdf" in corrupt.json()["detail"]
    empty = _upload(client, "empty.txt", b"   ")
    assert empty.status_code == 422
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b"A" * 200_000_000 + b"</w:document>")
    bombed = _upload(client, "bomb.docx", bomb.getvalue())
    assert bombed.status_code in {413, 422}, bombed.text
    missing_file = client.post("/v1/documents", data={"audience": "public"})
    assert missing_file.status_code == 422 and "file" in missing_file.json()["detail"]
    assert client.get("/v1/calls").json()["total"] == before
    assert client.get("/v1/documents").json()["total"] == 0


def test_upload_over_the_file_limit_is_413(make_writable_client: AppFactory) -> None:
    client = make_writable_client(CLUSTER_ADVISOR_MAX_FILE_BYTES=1000, CLUSTER_ADVISOR_WRITERS="anyone")
    response = _upload(client, "big.txt", b"word " * 400)
    assert response.status_code == 413 and "big.txt" in response.json()["detail"]
    huge = _upload(client, "huge.txt", b"word " * 300_000)
    assert huge.status_code == 413
