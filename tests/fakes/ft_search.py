"""A replay server on loopback speaking the F&T portal's search API (SEDIA), for refresh tests.

It answers what the portal's public harvesters send (``eu-grants-feed`` ``scripts/update-data.mjs``,
``CordisData`` ``api/sedia.py``): ``POST /search?apiKey=SEDIA&text=***&pageSize=N&pageNumber=P`` with
a multipart body of JSON parts ``query``/``sort``/``languages``/``displayFields``, and
``POST /facet?apiKey=SEDIA&text=***``. Answers have the API's shape: ``{"totalResults", "pageNumber",
"pageSize", "results": [{"reference", "url", "summary", "content", "metadata": {field: [str]}}]}``,
with ``budgetOverview`` and ``actions`` as JSON strings, dates like ``2026-05-06T00:00:00.000+0200``.
A request of another shape is answered 400, so the client's requests are checked too.

Fixtures are built from call records with :func:`api_result` (the inverse of the harvester's
mapping). ``GET /grants.json`` serves the same calls as a grants-feed daily snapshot. Faults are
scripted per page (:class:`Fault`): a status with headers (429 + ``Retry-After``, 500), a body cut
short mid-transfer, a complete but truncated JSON body, a changed schema.
"""

from __future__ import annotations

import datetime as dt
import json
import ssl
import threading
import zlib
from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

from corpus.models import FundingCall

BRUSSELS = ZoneInfo("Europe/Brussels")
STATUS_ID = {"Forthcoming": "31094501", "Open for submission": "31094502", "Closed": "31094503"}
TYPE_ID = {"topic": "1", "call_for_proposals": "2", "cascade": "8"}
EXPECTED_QUERY = {
    "bool": {
        "must": [
            {"terms": {"type": ["1", "2", "8"]}},
            {"terms": {"status": ["31094501", "31094502"]}},
        ]
    }
}


def _api_date(moment: dt.datetime | dt.date | None) -> str | None:
    if moment is None:
        return None
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time(0, 0), tzinfo=BRUSSELS)
    return moment.astimezone(BRUSSELS).strftime("%Y-%m-%dT%H:%M:%S.000%z")


def programme_id(label: str) -> str:
    """A stable numeric facet id for a programme label (the real ids are opaque numbers too)."""
    return str(43_000_000 + zlib.crc32(label.encode()) % 1_000_000)


def _feed_ref(call: FundingCall) -> str:
    for provenance in call.provenance:
        if provenance.record_ref and provenance.source_dataset == "eu-ft-calls-grantsfeed":
            return provenance.record_ref
    return call.provenance[0].record_ref if call.provenance and call.provenance[0].record_ref else call.doc_id


def api_result(call: FundingCall, *, description: str | None = None) -> dict[str, Any]:
    """The search-API result that the harvester's mapping turns back into ``call``'s feed record."""
    cascade = call.call_kind == "cascade"
    status = STATUS_ID.get(call.source_status_label or "", "31094502")
    meta: dict[str, list[str]] = {
        "identifier": [call.topic_identifier],
        "title": [(call.call_title or call.topic_identifier) if cascade else call.title],
        "type": [TYPE_ID[call.call_kind]],
        "status": [status],
    }

    def put(name: str, value: str | None) -> None:
        if value:
            meta[name] = [value]

    put("callIdentifier", call.call_identifier)
    put("callTitle", call.title if cascade else call.call_title)
    put("startDate", _api_date(call.opening_date))
    put("deadlineDate", _api_date(call.deadline))
    put("typesOfAction", call.action_type)
    put("destinationDescription", call.destination)
    put("url", call.url)
    text = description or "\n".join(section.text for section in call.sections)
    put("descriptionByte", "".join(f"<p>{line}</p>" for line in text.split("\n") if line) or None)
    if call.programme:
        meta["frameworkProgramme"] = [programme_id(call.programme)]
    if call.programme_divisions:
        meta["programmeDivision"] = [programme_id(d) for d in call.programme_divisions]
    meta["actions"] = [
        json.dumps(
            [
                {
                    "status": {
                        "id": int(status),
                        "abbreviation": "",
                        "description": call.source_status_label,
                    },
                    "types": [{"typeOfAction": call.action_type}] if call.action_type else [],
                    "plannedOpeningDate": _api_date(call.opening_date),
                    "deadlineModel": call.deadline_model,
                    "deadlineDates": [_api_date(call.deadline)] if call.deadline else [],
                }
            ]
        )
    ]
    budget = call.budget
    if budget is not None:
        line: dict[str, Any] = {
            "action": f"{call.topic_identifier} - {call.action_type or 'action'}",
            "budgetYearMap": {(budget.years[0] if budget.years else "2026"): budget.total_eur}
            if budget.total_eur
            else {},
        }
        if budget.expected_grants is not None:
            line["expectedGrants"] = budget.expected_grants
        if budget.min_contribution_eur is not None:
            line["minContribution"] = budget.min_contribution_eur
        if budget.max_contribution_eur is not None:
            line["maxContribution"] = budget.max_contribution_eur
        meta["budgetOverview"] = [
            json.dumps({"budgetTopicActionMap": {"1": [line]}, "budgetYearsColumns": list(budget.years)})
        ]
    return {
        "apiVersion": "2.138",
        "reference": _feed_ref(call),
        "url": call.url,
        "title": call.title,
        "contentType": "text/html",
        "language": "en",
        "databaseLabel": "SEDIA",
        "database": "SEDIA",
        "summary": call.title if cascade else (call.summary or call.title),
        "weight": 1.0,
        "content": call.title,
        "metadata": meta,
    }


def grants_feed_record(call: FundingCall) -> dict[str, Any]:
    """The grants-feed ``grants[]`` record of ``call`` (for ``GET /grants.json``)."""
    from corpus.refresh.normalise import feed_record
    from corpus.refresh.sedia import SearchResult

    result = SearchResult.model_validate(api_result(call))
    return feed_record(result, {"frameworkProgramme": _labels(call), "programmeDivision": _labels(call)})


def _labels(call: FundingCall) -> dict[str, str]:
    labels = [label for label in (call.programme, *call.programme_divisions) if label]
    return {programme_id(label): label for label in labels}


FaultKind = Literal["status", "cut_body", "truncated_json", "schema", "short_page"]


@dataclass(frozen=True)
class Fault:
    """How to spoil one answer.

    ``status`` sends ``code`` with ``headers``; ``cut_body`` promises the whole page in
    ``Content-Length`` but closes the connection halfway; ``truncated_json`` sends half the JSON as a
    complete body; ``schema`` renames ``results`` (an API change); ``short_page`` drops results.
    """

    kind: FaultKind
    code: int = 500
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SeenRequest:
    path: str
    query: dict[str, str]
    parts: dict[str, Any]
    headers: dict[str, str]
    at: float


class FtSearchReplay:
    """The replay server. ``with FtSearchReplay(results) as server:``; ``server.base_url``."""

    def __init__(
        self,
        results: Sequence[dict[str, Any]],
        *,
        facets: dict[str, dict[str, str]] | None = None,
        tls: tuple[Path, Path] | None = None,
    ):
        self.results: list[dict[str, Any]] = list(results)
        self.facets = facets or {}
        self.feed_records: list[dict[str, Any]] = []
        self.faults: dict[int, deque[Fault]] = defaultdict(deque)
        self.requests: list[SeenRequest] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.scheme = "http"
        if tls is not None:  # HTTPS with the test's own certificate (for CA-bundle tests)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(certfile=str(tls[0]), keyfile=str(tls[1]))
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
            self.scheme = "https"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"{self.scheme}://{host!s}:{port}"

    def fail_page(self, page: int, *faults: Fault) -> None:
        """Spoil the next answers for ``page`` (one fault per request, in order)."""
        self.faults[page].extend(faults)

    def search_requests(self) -> list[SeenRequest]:
        return [r for r in self.requests if r.path.endswith("/search")]

    def __enter__(self) -> FtSearchReplay:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- answering ---------------------------------------------------------------------------------

    def _page(self, number: int, size: int) -> dict[str, Any]:
        start = (number - 1) * size
        return {
            "apiVersion": "2.138",
            "terms": "***",
            "responseTime": 12,
            "totalResults": len(self.results),
            "pageNumber": number,
            "pageSize": size,
            "sort": "startDate:DESC",
            "queryLanguage": {"language": "en", "probability": 0.0},
            "spellingSuggestion": "",
            "bestBets": [],
            "results": self.results[start : start + size],
            "warnings": [],
        }

    def _facet_page(self) -> dict[str, Any]:
        facets = [
            {
                "name": name,
                "count": len(values),
                "values": [{"rawValue": raw, "value": label, "count": 1} for raw, label in values.items()],
            }
            for name, values in self.facets.items()
        ]
        return {"apiVersion": "2.138", "terms": "***", "facets": facets}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        replay = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
                return

            def _send(self, code: int, body: bytes, headers: dict[str, str] | None = None) -> None:
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802 - stdlib name
                if urlsplit(self.path).path == "/grants.json":
                    body = json.dumps({"generatedAt": "2026-12-01T06:00:00Z", "grants": replay.feed_records})
                    self._send(200, body.encode())
                    return
                self._send(404, b'{"error": "not found"}')

            def do_POST(self) -> None:  # noqa: N802 - stdlib name
                with replay._lock:
                    replay.in_flight += 1
                    replay.max_in_flight = max(replay.max_in_flight, replay.in_flight)
                try:
                    self._post()
                finally:
                    with replay._lock:
                        replay.in_flight -= 1

            def _post(self) -> None:
                import time

                url = urlsplit(self.path)
                query = {key: values[0] for key, values in parse_qs(url.query).items()}
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                parts = _multipart(self.headers.get("Content-Type", ""), raw)
                seen = SeenRequest(url.path, query, parts, dict(self.headers.items()), time.monotonic())
                with replay._lock:
                    replay.requests.append(seen)
                problem = _check(url.path, query, parts)
                if problem:
                    self._send(400, json.dumps({"error": problem}).encode())
                    return
                if url.path.endswith("/facet"):
                    self._send(200, json.dumps(replay._facet_page()).encode())
                    return
                number, size = int(query["pageNumber"]), int(query["pageSize"])
                with replay._lock:
                    fault = replay.faults[number].popleft() if replay.faults[number] else None
                page = replay._page(number, size)
                body = json.dumps(page).encode()
                if fault is None:
                    self._send(200, body)
                elif fault.kind == "status":
                    self._send(fault.code, b'{"error": "scripted"}', fault.headers)
                elif fault.kind == "cut_body":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                elif fault.kind == "truncated_json":
                    self._send(200, body[: len(body) // 2])
                elif fault.kind == "schema":
                    page["items"] = page.pop("results")
                    self._send(200, json.dumps(page).encode())
                else:  # short_page
                    page["results"] = page["results"][:-1]
                    self._send(200, json.dumps(page).encode())

        return Handler


def _multipart(content_type: str, body: bytes) -> dict[str, Any]:
    if not content_type.startswith("multipart/form-data"):
        return {}
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
    )
    parts: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        try:
            parts[str(name)] = json.loads(payload if isinstance(payload, bytes) else b"")
        except ValueError:
            parts[str(name)] = payload
    return parts


def _check(path: str, query: dict[str, str], parts: dict[str, Any]) -> str | None:
    """What is wrong with a request, compared with what the portal's page sends (None: nothing)."""
    if query.get("apiKey") != "SEDIA" or query.get("text") != "***":
        return "apiKey=SEDIA and text=*** expected"
    if parts.get("query") != EXPECTED_QUERY:
        return f"unexpected query {parts.get('query')!r}"
    if parts.get("languages") != ["en"]:
        return "languages ['en'] expected"
    if path.endswith("/search"):
        if not query.get("pageNumber", "").isdigit() or not query.get("pageSize", "").isdigit():
            return "pageNumber and pageSize expected"
        if parts.get("sort") != {"order": "DESC", "field": "startDate"}:
            return "sort by startDate DESC expected"
        if "deadlineDate" not in (parts.get("displayFields") or []):
            return "displayFields expected"
    elif not path.endswith("/facet"):
        return f"unknown endpoint {path}"
    return None


def replay_for(calls: Sequence[FundingCall]) -> FtSearchReplay:
    """A replay server listing ``calls`` (with the facet labels of their programmes)."""
    labels: dict[str, str] = {}
    for call in calls:
        labels.update(_labels(call))
    server = FtSearchReplay(
        [api_result(call) for call in calls],
        facets={
            "frameworkProgramme": labels,
            "programmeDivision": labels,
            "status": {value: key for key, value in STATUS_ID.items()},
            "type": {"1": "Grant", "2": "Calls for proposals", "8": "Cascade funding calls"},
        },
    )
    server.feed_records = [grants_feed_record(call) for call in calls]
    return server
