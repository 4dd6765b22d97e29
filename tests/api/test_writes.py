"""Who may write: read-only public and anonymous callers, upload namespaces, own-upload deletes,
admin keys, tombstones that ``ingest`` respects, and no existence leak through writes (issue 15, 1–2)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from corpus.ingest import IngestSource, ingest_sources
from corpus.models import Audience, FundingCall
from corpus.settings import Settings, api_key_entries
from tests.api.conftest import AppFactory
from tests.assistant.factories import Corpus, corpus_records

READER, PUBLIC, WRITER, OTHER_WRITER, ADMIN = "k-read", "k-pub", "k-write", "k-write-2", "k-admin"
KEYS = f"{READER},{PUBLIC}:public,{WRITER}:write,{OTHER_WRITER}:WRITE,{ADMIN}:admin"
BUNDLED_CALL = "call:SMP-COSME-2026-CLUSTER-02"
EVIL_CSV = (
    b"identifier,title,deadline,url\n"
    b"SMP-COSME-2026-CLUSTER-02,Euroclusters for battery value chains,2026-05-12,https://evil.example/apply\n"
)


def _as(key: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"} if key else {}


def _upload(client: TestClient, key: str | None, name: str, data: bytes, **form: str) -> Any:
    return client.post(
        "/v1/documents", files={"file": (name, data, "text/plain")}, data=form, headers=_as(key)
    )


def _bundled_call(own_corpus: Corpus) -> FundingCall:
    record = own_corpus.records.get_record(BUNDLED_CALL)
    assert isinstance(record, FundingCall)
    return record


@pytest.mark.parametrize("key", [None, PUBLIC, READER])
def test_callers_without_write_permission_are_read_only(
    make_writable_client: AppFactory, own_corpus: Corpus, key: str | None
) -> None:
    client = make_writable_client(CLUSTER_ADVISOR_API_KEYS=KEYS, CLUSTER_ADVISOR_ANONYMOUS_READ=True)
    before = _bundled_call(own_corpus)
    refused = _upload(client, key, "calls.csv", EVIL_CSV)
    assert refused.status_code == 403 and "write permission" in refused.json()["detail"]
    deleted = client.delete(f"/v1/documents/{BUNDLED_CALL}", headers=_as(key))
    assert deleted.status_code == 403 and "write permission" in deleted.json()["detail"]
    assert _bundled_call(own_corpus) == before


def test_open_server_is_read_only_for_anonymous_callers_by_default(make_writable_client: AppFactory) -> None:
    client = make_writable_client()
    assert _upload(client, None, "calls.csv", EVIL_CSV).status_code == 403
    assert client.delete("/v1/documents/policy:no-such-doc").status_code == 403


def test_an_upload_never_replaces_a_bundled_call(
    make_writable_client: AppFactory, own_corpus: Corpus
) -> None:
    # The operator lets every key write: a public key's upload still lands in its own namespace.
    client = make_writable_client(CLUSTER_ADVISOR_API_KEYS=KEYS, CLUSTER_ADVISOR_WRITERS="any-key")
    before = _bundled_call(own_corpus)
    response = _upload(client, PUBLIC, "calls.csv", EVIL_CSV)
    assert response.status_code == 201, response.text
    doc_id = response.json()["documents"][0]["doc_id"]
    try:
        assert doc_id.startswith("upload:key-") and doc_id.endswith(f":{BUNDLED_CALL}")
        assert response.json()["added"] == 1 and response.json()["updated"] == 0
        after = _bundled_call(own_corpus)
        assert after == before and after.url != "https://evil.example/apply"
        calls = client.get("/v1/calls", params={"q": "SMP-COSME-2026-CLUSTER-02"}, headers=_as(READER)).json()
        bundled = [item for item in calls["calls"] if item["doc_id"] == BUNDLED_CALL]
        assert bundled and bundled[0]["url"] != "https://evil.example/apply"
    finally:
        assert client.delete(f"/v1/documents/{doc_id}", headers=_as(PUBLIC)).status_code == 204


def test_owners_change_and_delete_their_own_uploads_and_only_those(make_writable_client: AppFactory) -> None:
    client = make_writable_client(CLUSTER_ADVISOR_API_KEYS=KEYS)
    note = b"# Kelp notes\n\nThe kelp farming cluster meets in Bodo every spring.\n"
    mine = _upload(client, WRITER, "kelp.md", note)
    theirs = _upload(client, OTHER_WRITER, "kelp.md", note)
    assert mine.status_code == theirs.status_code == 201
    mine_id, theirs_id = (r.json()["documents"][0]["doc_id"] for r in (mine, theirs))
    assert mine_id != theirs_id  # same file, two namespaces
    changed = _upload(client, WRITER, "kelp.md", note + b"\nNow also in Tromso.\n")
    assert changed.json()["updated"] == 1 and changed.json()["documents"][0]["doc_id"] == mine_id
    refused = client.delete(f"/v1/documents/{theirs_id}", headers=_as(WRITER))
    assert refused.status_code == 403 and "own uploads" in refused.json()["detail"]
    assert client.delete(f"/v1/documents/{BUNDLED_CALL}", headers=_as(WRITER)).status_code == 403
    assert client.delete(f"/v1/documents/{mine_id}", headers=_as(WRITER)).status_code == 204
    assert client.delete(f"/v1/documents/{theirs_id}", headers=_as(ADMIN)).status_code == 204


def test_deleting_keeps_a_tombstone_that_ingest_respects(
    make_writable_client: AppFactory, own_corpus: Corpus
) -> None:
    client = make_writable_client(CLUSTER_ADVISOR_API_KEYS=KEYS)
    doomed = "policy:cluster-mapping-primer"
    original = own_corpus.records.get_record(doomed)
    assert original is not None and original.audience is Audience.PUBLIC
    assert client.delete(f"/v1/documents/{doomed}", headers=_as(ADMIN)).status_code == 204
    try:
        assert own_corpus.records.get_record(doomed) is None
        assert doomed in own_corpus.records.tombstoned_ids()
        hits = client.get("/v1/search", params={"q": original.title, "k": 50}, headers=_as(READER)).json()
        assert doomed not in {hit["doc_id"] for hit in hits["hits"]}
        report = ingest_sources(
            store=own_corpus.records,
            index=own_corpus.index,
            sources=[IngestSource(origin="tests", records=corpus_records())],
        )
        assert own_corpus.records.get_record(doomed) is None
        assert any(doomed in line and "tombstone" in line for line in report.skipped)
    finally:
        own_corpus.records.clear_tombstones([doomed])
        ingest_sources(
            store=own_corpus.records,
            index=own_corpus.index,
            sources=[IngestSource(origin="tests", records=corpus_records())],
        )
    assert own_corpus.records.get_record(doomed) is not None


def test_internal_ids_answer_exactly_as_missing_ones(
    make_writable_client: AppFactory, own_corpus: Corpus
) -> None:
    client = make_writable_client(CLUSTER_ADVISOR_API_KEYS=KEYS, CLUSTER_ADVISOR_WRITERS="any-key")
    secret_note = b"# Support desk\n\nZeppelin refits go to the aerostat desk in Ghent.\n"
    upload = _upload(client, WRITER, "desk.md", secret_note, audience="internal")
    internal_id = upload.json()["documents"][0]["doc_id"]
    try:
        for doc_id in (internal_id, f"{internal_id}-missing"):
            answer = client.delete(f"/v1/documents/{doc_id}", headers=_as(PUBLIC))
            assert answer.status_code == 404
            assert answer.json() == {"detail": f"no document with id {doc_id!r}"}
        # The same file from the public key is the public key's own document, never the internal one.
        same_name = _upload(client, PUBLIC, "desk.md", b"# Support desk\n\nReplaced by a stranger.\n")
        assert same_name.status_code == 201 and same_name.json()["documents"][0]["doc_id"] != internal_id
        stored = own_corpus.records.get_record(internal_id)
        assert stored is not None and "stranger" not in stored.model_dump_json()
        client.delete(f"/v1/documents/{same_name.json()['documents'][0]['doc_id']}", headers=_as(PUBLIC))
    finally:
        assert client.delete(f"/v1/documents/{internal_id}", headers=_as(WRITER)).status_code == 204


@pytest.mark.parametrize("value", [",", "a,,b", "a:root", ":write", "  ,  "])
def test_malformed_key_lists_are_refused_at_start(value: str) -> None:
    with pytest.raises(ValueError) as raised:
        Settings(_env_file=None, CLUSTER_ADVISOR_API_KEYS=value)
    assert "CLUSTER_ADVISOR_API_KEYS" in str(raised.value) or "api_keys" in str(raised.value)
    assert "root" not in str(raised.value)  # the value itself is never echoed


def test_role_suffix_is_case_insensitive() -> None:
    assert api_key_entries("a:PUBLIC, b:Admin ,c") == [("a", "public"), ("b", "admin"), ("c", "read")]
