"""HTTP client for the Funding & Tenders portal's public search API (SEDIA).

The requests are the ones the portal's own page and its public harvesters send
(``MichelNivard/eu-grants-feed`` ``scripts/update-data.mjs``, ``OscarSalgado/CordisData``
``src/cordis_data/api/sedia.py``): ``POST {base}/search?apiKey=SEDIA&text=***&pageSize=100&pageNumber=N``
with a multipart body whose parts are JSON blobs — ``query`` (an Elasticsearch bool query on the
``type`` and ``status`` facets), ``sort``, ``languages``, ``displayFields`` — and
``POST {base}/facet?apiKey=SEDIA&text=***`` for the labels of the facet ids.

Politeness: a ``User-Agent`` naming the project, at most two requests at once, back-off on 429 and
5xx honouring ``Retry-After``, time-outs. Every page is validated (pydantic) and counted; anything
unexpected raises :class:`~corpus.errors.RefreshFailed` before a single record is written.
"""

from __future__ import annotations

import email.utils
import json
import logging
import math
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from corpus.errors import RefreshFailed
from corpus.settings import Settings

logger = logging.getLogger(__name__)

_M = TypeVar("_M", bound=BaseModel)

USER_AGENT = "cluster-advisor-refresh/0.1 (+https://github.com/; EU cluster funding-call advisor)"
PAGE_SIZE = 100
MAX_RESULT_WINDOW = 10_000
"""The API serves no result past this position; a larger answer would need splitting by facet."""
SEARCH_TEXT = "***"
TYPE_IDS = {"1": "Grant", "2": "Calls for proposals", "8": "Cascade funding calls"}
"""The ``type`` facet ids of the calls we want (grant topics, calls for proposals, cascade calls)."""
STATUS_IDS = {"31094501": "Forthcoming", "31094502": "Open for submission", "31094503": "Closed"}
"""The ``status`` facet ids; closed calls are not asked for (a stored call keeps its last dates)."""
WANTED_STATUSES = ("31094501", "31094502")
DISPLAY_FIELDS = (
    "identifier",
    "title",
    "startDate",
    "deadlineDate",
    "status",
    "type",
    "callIdentifier",
    "callTitle",
    "frameworkProgramme",
    "programmeDivision",
    "typesOfAction",
    "budgetOverview",
    "actions",
    "url",
    "destinationDescription",
    "descriptionByte",
    "summary",
)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER_S = 120.0
"""A ``Retry-After`` longer than this is not waited for: the refresh fails and says so."""


class SearchResult(BaseModel):
    """One hit of the search API: ``reference`` is the portal's key, ``metadata`` lists per field."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    reference: str = Field(min_length=1)
    url: str | None = None
    summary: str | None = None
    content: str | None = None
    metadata: dict[str, Any]
    """Field → list of values (strings as observed; read tolerantly by :mod:`corpus.refresh.normalise`)."""


class SearchPage(BaseModel):
    """One page of the search API's answer."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    totalResults: int = Field(ge=0)  # noqa: N815 - the API's field name
    results: list[SearchResult]


class FacetValue(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    rawValue: str  # noqa: N815
    value: str


class Facet(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    name: str
    values: list[FacetValue] = []


class FacetPage(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    facets: list[Facet]


def calls_query() -> dict[str, Any]:
    """The search query: grant topics, calls for proposals and cascade calls, forthcoming or open."""
    return {
        "bool": {
            "must": [
                {"terms": {"type": sorted(TYPE_IDS)}},
                {"terms": {"status": list(WANTED_STATUSES)}},
            ]
        }
    }


def _json_part(value: object) -> tuple[str, bytes, str]:
    return ("blob", json.dumps(value).encode(), "application/json")


def build_client(settings: Settings, *, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """An ``httpx.Client`` with the project's User-Agent, time-outs, proxy and CA bundle.

    The environment is not read here (``trust_env=False``): ``HTTPS_PROXY`` and the CA bundle come
    from :class:`~corpus.settings.Settings`, like every other setting.
    """
    verify: Any = True
    if settings.ca_bundle is not None:
        if not settings.ca_bundle.is_file():
            raise RefreshFailed(
                f"the CA bundle {settings.ca_bundle} does not exist (CLUSTER_ADVISOR_CA_BUNDLE)"
            )
        import ssl

        verify = ssl.create_default_context(cafile=str(settings.ca_bundle))
    timeout = httpx.Timeout(settings.refresh_timeout_s)
    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
        timeout=timeout,
        proxy=settings.https_proxy or None,
        verify=verify,
        trust_env=False,
        transport=transport,
        follow_redirects=True,
    )


def retry_after_seconds(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date); None if absent/bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - (now if now is not None else time.time()))


class SearchApiClient:
    """Pages through the search API politely and returns validated pages, or raises RefreshFailed."""

    def __init__(
        self,
        *,
        client: httpx.Client,
        base_url: str,
        api_key: str,
        concurrency: int = 2,
        attempts: int = 4,
        backoff_s: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._client = client
        self._base = base_url.rstrip("/")
        self._api_key = api_key
        self._concurrency = max(1, min(2, concurrency))
        self._attempts = attempts
        self._backoff_s = backoff_s
        self._sleep = sleep
        self._lock = threading.Lock()
        self.requests = 0
        """Requests sent (retries included), for the report."""

    # --- requests ---------------------------------------------------------------------------------

    def _post(self, endpoint: str, params: Mapping[str, str], parts: Mapping[str, object], what: str) -> Any:
        url = f"{self._base}/{endpoint}"
        query = {"apiKey": self._api_key, "text": SEARCH_TEXT, **params}
        files = {name: _json_part(value) for name, value in parts.items()}
        last = ""
        for attempt in range(1, self._attempts + 1):
            with self._lock:
                self.requests += 1
            try:
                response = self._client.post(url, params=query, files=files)
                body = response.content  # reads the whole body: a cut-off one raises here
            except httpx.TimeoutException as exc:
                last = f"{what}: no answer within the time-out ({type(exc).__name__})"
            except httpx.ConnectError as exc:
                last = f"{what}: cannot connect to {httpx.URL(url).host} ({_short(exc)})"
            except httpx.TransportError as exc:
                last = f"{what}: the connection broke ({_short(exc)})"
            else:
                if response.status_code in RETRY_STATUSES:
                    last = f"{what}: the search API answered {response.status_code}"
                    wait = retry_after_seconds(response.headers.get("Retry-After"))
                    if wait is not None and wait > MAX_RETRY_AFTER_S:
                        raise RefreshFailed(f"{last} and asks to wait {wait:.0f} s; try again later")
                    if attempt < self._attempts:
                        self._sleep(wait if wait is not None else self._backoff(attempt))
                        continue
                    break
                if response.status_code != 200:
                    raise RefreshFailed(f"{what}: the search API answered {response.status_code}")
                try:
                    return json.loads(body)
                except ValueError as exc:  # a UnicodeDecodeError or a JSONDecodeError
                    raise RefreshFailed(
                        f"{what}: the answer is not whole JSON ({len(body)} bytes; {str(exc)[:120]})"
                    ) from exc
            if attempt < self._attempts:
                self._sleep(self._backoff(attempt))
        raise RefreshFailed(f"{last} (after {self._attempts} attempts)")

    def _backoff(self, attempt: int) -> float:
        return float(self._backoff_s * 2 ** (attempt - 1))

    def search_page(self, page: int, *, page_size: int = PAGE_SIZE) -> SearchPage:
        """One page of the calls query (1-based)."""
        what = f"search page {page}"
        raw = self._post(
            "search",
            {"pageSize": str(page_size), "pageNumber": str(page)},
            {
                "query": calls_query(),
                "sort": {"order": "DESC", "field": "startDate"},
                "languages": ["en"],
                "displayFields": list(DISPLAY_FIELDS),
            },
            what,
        )
        return _validated(SearchPage, raw, what)

    def facets(self) -> FacetPage:
        """Labels of the facet ids (programmes, divisions, status, type) for the calls query."""
        raw = self._post(
            "facet",
            {},
            {"query": calls_query(), "languages": ["en"], "displayLanguage": "en"},
            "facet labels",
        )
        return _validated(FacetPage, raw, "facet labels")

    # --- paging ----------------------------------------------------------------------------------

    def all_results(self, *, page_size: int = PAGE_SIZE) -> list[SearchResult]:
        """Every result of the calls query, every page checked to be whole.

        Raises:
            RefreshFailed: a request failed after its retries, a page has an unexpected shape or
                fewer results than its position promises, or the total moved while paging.
        """
        first = self.search_page(1, page_size=page_size)
        total = first.totalResults
        if total > MAX_RESULT_WINDOW:
            raise RefreshFailed(
                f"the search API reports {total} calls, past its {MAX_RESULT_WINDOW}-result window; "
                "narrow the query"
            )
        pages = max(1, math.ceil(total / page_size))
        _check_page(first, 1, total=total, page_size=page_size)
        rest: list[SearchPage] = []
        if pages > 1:
            with ThreadPoolExecutor(max_workers=self._concurrency, thread_name_prefix="ft-search") as pool:
                rest = list(pool.map(lambda n: self.search_page(n, page_size=page_size), range(2, pages + 1)))
        for number, page in enumerate(rest, 2):
            if page.totalResults != total:
                raise RefreshFailed(
                    f"the number of calls changed while paging ({total} on page 1, "
                    f"{page.totalResults} on page {number}); try again"
                )
            _check_page(page, number, total=total, page_size=page_size)
        results = [result for page in (first, *rest) for result in page.results]
        logger.info("fetched %d search results in %d pages (%d requests)", len(results), pages, self.requests)
        return results


def _check_page(page: SearchPage, number: int, *, total: int, page_size: int) -> None:
    expected = max(0, min(page_size, total - (number - 1) * page_size))
    if len(page.results) != expected:
        raise RefreshFailed(
            f"search page {number} holds {len(page.results)} results where {expected} were due "
            f"(total {total}): the answer was cut short"
        )


def _validated(model: type[_M], raw: Any, what: str) -> _M:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the answer"
        raise RefreshFailed(
            f"{what}: unexpected answer shape ({where}: {first['msg']}); the search API may have changed"
        ) from exc


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]


def facet_labels(page: FacetPage, names: Sequence[str]) -> dict[str, dict[str, str]]:
    """``{facet name: {raw id: label}}`` for the facets named."""
    found = {facet.name: {value.rawValue: value.value for value in facet.values} for facet in page.facets}
    return {name: found.get(name, {}) for name in names}
