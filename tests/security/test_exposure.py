"""What leaves through the public API: no internal document, no raw score, no stack trace or path.

Anonymous callers (no keys configured) and ``KEY:public`` callers must never see an internal
document, by any route, in any shape (ids, titles, quotes, streamed text). The internal key is the
control: the same requests find the internal documents, so a pass is not vacuous.

Scores (decided against DESIGN.md, whose ``search --json`` contract names ``score: float``): the
field stays, but for callers that may not see internal documents it is ``1 / rank`` (the order
only); the internal key gets the fused score. No other score-like key (distance, similarity, rrf,
bm25, dense, fused, ranks) appears in any response.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from corpus.errors import StoreUnavailable
from corpus.files import load_bytes
from corpus.ingest import IngestSource, ingest_sources
from corpus.models import Audience, Section
from corpus.settings import Settings
from corpus.store import RecordStore
from integrations.api import create_app
from retrieval.embeddings import OnnxMiniLMEmbedder
from retrieval.errors import IndexUnavailable
from retrieval.index import SearchIndex
from retrieval.search import HybridRetriever
from tests.api.conftest import api_settings, services_for
from tests.assistant.factories import TODAY, Corpus, corpus_records
from tests.factories import make_call, make_policy, make_profile

INTERNAL_KEY = "exposure-internal-key"
PUBLIC_KEY = "exposure-public-key"
MARKERS = (
    "QX-77",
    "VX-88",
    "MX-99",
    "Zeppelin refit vouchers",
    "Aerostat Zeppelin Cluster",
    "Refit desk memo",
)
"""Words only the internal documents hold; no question below contains them."""
QUESTIONS = [
    "Who handles zeppelin refits at the aerostat desk?",
    "Which open calls fund zeppelin refits for cluster members?",
    "When does INTERNAL-ZEPPELIN-2026 close?",
    "Zeppelin and aerostat clusters in Belgium we could work with?",
]
SEARCHES = [
    "zeppelin refit aerostat",
    "INTERNAL-ZEPPELIN-2026",
    "aerostat clusters Ghent Belgium",
    "refit memo",
]
SCORE_WORDS = re.compile(r"distance|similar|rrf|bm25|dense|fused|fusion|ranks|logit|embedding|vector")


def internal_records() -> list[Any]:
    """An internal policy text, call, cluster profile and uploaded-file document."""
    memo = make_policy(
        "internal-refit-memo",
        title="Refit desk memo",
        audience=Audience.INTERNAL,
        sections=(
            Section(
                heading="Zeppelin refits",
                text="Members asking about zeppelin refits go to the aerostat desk in Ghent. "
                "Use the internal budget code QX-77 for every refit request.",
            ),
        ),
    )
    call = make_call(
        "INTERNAL-ZEPPELIN-2026",
        title="Zeppelin refit vouchers",
        audience=Audience.INTERNAL,
        opening_date=TODAY.replace(month=1, day=1),
        summary="Vouchers (code VX-88) for cluster members who refit zeppelins and aerostats.",
        sections=(Section(heading="Scope", text="Zeppelin and aerostat refit vouchers, code VX-88."),),
    )
    profile = make_profile(
        "Aerostat Zeppelin Cluster",
        country="BE",
        city="Ghent",
        audience=Audience.INTERNAL,
        description="Zeppelin and aerostat makers in Ghent; member code MX-99.",
    )
    upload = load_bytes(
        b"# Zeppelin note\n\nThe aerostat desk keeps the QX-77 refit list.\n",
        filename="zeppelin-note.md",
        max_bytes=1_000_000,
        audience=Audience.INTERNAL,
        retrieved_on=TODAY,
    ).records
    return [memo, call, profile, *upload]


INTERNAL_IDS = frozenset(
    {"policy:internal-refit-memo", "call:INTERNAL-ZEPPELIN-2026", "policy:file:zeppelin-note-md"}
)


@pytest.fixture(scope="module")
def exposure_corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    """The small test corpus plus internal documents."""
    settings = Settings(_env_file=None, data_dir=tmp_path_factory.mktemp("exposure-corpus"))
    records = RecordStore.open(settings.records_db_url)
    index = SearchIndex.open(settings=settings, embedder=OnnxMiniLMEmbedder())
    ingest_sources(
        store=records,
        index=index,
        sources=[
            IngestSource(origin="tests", records=corpus_records()),
            IngestSource(origin="api-upload", records=internal_records()),
        ],
    )
    index.flush()
    yield Corpus(settings=settings, index=index, records=records, retriever=HybridRetriever(index))
    index.close()
    records.close()


@pytest.fixture(scope="module")
def internal_ids(exposure_corpus: Corpus) -> frozenset[str]:
    profile_ids = {
        doc_id
        for doc_id in exposure_corpus.records.stored_documents()
        if doc_id.startswith("cluster:test:aero")
    }
    assert len(profile_ids) == 1
    return INTERNAL_IDS | profile_ids


def _client(corpus: Corpus, tmp: Path, **overrides: object) -> Iterator[TestClient]:
    settings = api_settings(corpus.settings.data_dir, CLUSTER_ADVISOR_RATE_LIMIT=0, **overrides)
    app = create_app(settings, services=services_for(corpus, settings, tmp))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture(scope="module")
def open_client(exposure_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    # Writes open to anyone, so the write paths are probed for leaks too.
    yield from _client(
        exposure_corpus, tmp_path_factory.mktemp("exposure-open"), CLUSTER_ADVISOR_WRITERS="anyone"
    )


@pytest.fixture(scope="module")
def keyed_client(exposure_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    yield from _client(
        exposure_corpus,
        tmp_path_factory.mktemp("exposure-keyed"),
        CLUSTER_ADVISOR_API_KEYS=f"{INTERNAL_KEY},{PUBLIC_KEY}:public",
        CLUSTER_ADVISOR_WRITERS="any-key",
    )


def _as(key: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"} if key else {}


@pytest.fixture(params=["anonymous", "public-key"])
def public_caller(
    request: pytest.FixtureRequest, open_client: TestClient, keyed_client: TestClient
) -> tuple[TestClient, dict[str, str]]:
    """An anonymous caller of an app without keys, or a ``KEY:public`` caller of an app with keys."""
    if request.param == "anonymous":
        return open_client, {}
    return keyed_client, _as(PUBLIC_KEY)


def _responses(client: TestClient, headers: dict[str, str]) -> Iterator[tuple[str, str]]:
    """``(what, body text)`` of every read route, for the questions and searches above."""
    for query in SEARCHES:
        for kind in (None, "call", "cluster", "policy"):
            params = {"q": query, "k": 100, **({"type": kind} if kind else {})}
            yield f"search {params}", _ok(client.get("/v1/search", params=params, headers=headers))
    for question in QUESTIONS:
        yield f"ask {question}", _ok(client.post("/v1/ask", json={"question": question}, headers=headers))
        stream = client.post("/v1/ask/stream", json={"question": question}, headers=headers)
        yield f"stream {question}", _ok(stream)
    for status in ("open", "forthcoming", "closed", None):
        params = {"limit": 200, **({"status": status} if status else {})}
        yield f"calls {params}", _ok(client.get("/v1/calls", params=params, headers=headers))
    yield "calls q", _ok(client.get("/v1/calls", params={"q": "zeppelin"}, headers=headers))
    yield "partners", _ok(client.get("/v1/partners", params={"q": SEARCHES[2], "limit": 50}, headers=headers))
    for origin in ("api-upload", "tests"):
        listed = client.get("/v1/documents", params={"origin": origin, "limit": 200}, headers=headers)
        yield f"documents {origin}", _ok(listed)


def _ok(response: Any) -> str:
    assert response.status_code == 200, response.text[:300]
    return str(response.text)


def test_public_callers_never_see_internal_documents(
    public_caller: tuple[TestClient, dict[str, str]], internal_ids: frozenset[str]
) -> None:
    client, headers = public_caller
    for what, text in _responses(client, headers):
        for secret in (*internal_ids, *MARKERS):
            assert secret not in text, f"{secret!r} leaked through {what}"


def test_the_internal_key_sees_them_so_the_check_is_not_vacuous(
    keyed_client: TestClient, internal_ids: frozenset[str]
) -> None:
    seen = "\n".join(text for _, text in _responses(keyed_client, _as(INTERNAL_KEY)))
    assert all(doc_id in seen for doc_id in internal_ids)
    assert all(marker in seen for marker in ("QX-77", "Zeppelin refit vouchers", "Aerostat Zeppelin Cluster"))


def test_internal_documents_cannot_be_deleted_or_replaced_by_public_callers(
    public_caller: tuple[TestClient, dict[str, str]], exposure_corpus: Corpus, internal_ids: frozenset[str]
) -> None:
    client, headers = public_caller
    for doc_id in internal_ids:
        unknown = client.delete(f"/v1/documents/{doc_id}", headers=headers)
        assert unknown.status_code == 404 and unknown.json() == client.delete(
            "/v1/documents/policy:no-such-doc", headers=headers
        ).json() | {"detail": f"no document with id {doc_id!r}"}
    # Same file name as the internal upload: it once got the same id and replaced the internal document.
    # Now it lands in the caller's own namespace, and the internal documents stay as they were.
    overwrite = client.post(
        "/v1/documents",
        files={
            "file": ("zeppelin-note.md", b"# Zeppelin note\n\nReplaced by a stranger.\n", "text/markdown")
        },
        headers=headers,
    )
    calls_csv = b"identifier,title,deadline\nINTERNAL-ZEPPELIN-2026,Now public,2026-12-01\n"
    replaced = client.post(
        "/v1/documents", files={"file": ("my_calls.csv", calls_csv, "text/csv")}, headers=headers
    )
    for response in (overwrite, replaced):
        assert response.status_code == 201, response.text
        (item,) = response.json()["documents"]
        assert item["doc_id"].startswith("upload:") and item["doc_id"] not in internal_ids
        assert client.delete(f"/v1/documents/{item['doc_id']}", headers=headers).status_code == 204
    for doc_id in internal_ids:
        record = exposure_corpus.records.get_record(doc_id)
        assert record is not None and record.audience is Audience.INTERNAL
    memo = exposure_corpus.records.get_record("policy:file:zeppelin-note-md")
    assert memo is not None and "stranger" not in memo.model_dump_json()


def test_continuing_an_internal_conversation_with_a_public_key_shows_nothing_internal(
    keyed_client: TestClient,
) -> None:
    first = keyed_client.post("/v1/ask", json={"question": QUESTIONS[0]}, headers=_as(INTERNAL_KEY)).json()
    assert "QX-77" in json.dumps(first)  # the internal caller is told
    follow_up = keyed_client.post(
        "/v1/ask",
        json={"question": "And which budget code do they use?", "conversation_id": first["conversation_id"]},
        headers=_as(PUBLIC_KEY),
    )
    text = follow_up.text
    assert not any(marker in text for marker in MARKERS), text[:500]


def _keys(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield f"{path}.{key}", item
            yield from _keys(item, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item, f"{path}[]")


def _json_bodies(text: str) -> Iterator[Any]:
    if text.startswith("event:"):
        for line in text.splitlines():
            if line.startswith("data: "):
                yield json.loads(line.removeprefix("data: "))
    else:
        yield json.loads(text)


def test_no_raw_score_in_any_public_response(public_caller: tuple[TestClient, dict[str, str]]) -> None:
    client, headers = public_caller
    scores = 0
    for what, text in _responses(client, headers):
        for body in _json_bodies(text):
            for path, _value in _keys(body):
                name = path.rsplit(".", 1)[-1].lower()
                if ".timings_ms." in path:
                    continue  # milliseconds per stage ("bm25", "dense"), not scores
                assert not SCORE_WORDS.search(name), f"{path} in {what}"
                if "score" in name:
                    assert path == ".hits[].score", f"{path} in {what}"
            for hit in body.get("hits", []) if isinstance(body, dict) else []:
                assert hit["score"] == round(1 / hit["rank"], 6), (what, hit["rank"], hit["score"])
                scores += 1
    assert scores > 0


def test_the_internal_key_gets_the_fused_scores(keyed_client: TestClient) -> None:
    hits = keyed_client.get("/v1/search", params={"q": SEARCHES[0]}, headers=_as(INTERNAL_KEY)).json()["hits"]
    assert any(hit["score"] != round(1 / hit["rank"], 6) for hit in hits)


# --- error bodies --------------------------------------------------------------------------------

LEAKS = re.compile(r"Traceback|File \"|\.py\b|/tmp/|/work/|/srv/|/home/|sqlite:|Error\(|0x[0-9a-f]{6,}")


def _failing_app(corpus: Corpus, tmp: Path) -> FastAPI:
    """The real app plus routes that fail the ways upstream components fail."""
    settings = api_settings(corpus.settings.data_dir, CLUSTER_ADVISOR_RATE_LIMIT=0)
    app = create_app(settings, services=services_for(corpus, settings, tmp))

    @app.get("/v1/fail/index")
    def index_down() -> None:
        raise IndexUnavailable("cannot open the Chroma persistent dir /srv/secret/chroma: sqlite3.Error(...)")

    @app.get("/v1/fail/store")
    def store_down() -> None:
        raise StoreUnavailable("cannot open the record store at sqlite:////srv/secret/corpus.sqlite3")

    @app.get("/v1/fail/bug")
    def bug() -> None:
        raise RuntimeError("unexpected state in /work/main/assistant/service.py line 12")

    return app


def test_error_bodies_hold_no_trace_path_or_internal_message(exposure_corpus: Corpus, tmp_path: Path) -> None:
    with TestClient(_failing_app(exposure_corpus, tmp_path), raise_server_exceptions=False) as client:
        responses = {
            "unknown route": client.get("/v1/nothing-here"),
            "wrong method": client.put("/v1/search"),
            "invalid parameter": client.get("/v1/search", params={"q": "x", "k": "many"}),
            "malformed JSON": client.post(
                "/v1/ask", content=b'{"question": ', headers={"Content-Type": "application/json"}
            ),
            "undecodable body": client.post(
                "/v1/ask", content=b"\xff\xfe\x00", headers={"Content-Type": "application/json"}
            ),
            "unknown conversation": client.post(
                "/v1/ask", json={"question": "hydrogen valleys", "conversation_id": "nope"}
            ),
            "unsupported upload": client.post("/v1/documents", files={"file": ("x.exe", b"MZ\x00\x00", "x")}),
            "static traversal": client.get("/static/../../corpus/settings.py"),
            "index down": client.get("/v1/fail/index"),
            "store down": client.get("/v1/fail/store"),
            "bug": client.get("/v1/fail/bug"),
        }
    for what, response in responses.items():
        assert 400 <= response.status_code < 600, what
        assert response.headers["content-type"].startswith("application/json"), what
        detail = response.json()["detail"]
        assert isinstance(detail, str) and detail, what
        assert not LEAKS.search(response.text), f"{what}: {response.text}"
    assert responses["index down"].status_code == 503
    assert responses["index down"].json()["detail"].startswith("the search index is unavailable")
    assert responses["store down"].json()["detail"].startswith("the document store is unavailable")
    assert responses["bug"].status_code == 500
    assert responses["bug"].json() == {"detail": "internal error; the server log has the reason"}
