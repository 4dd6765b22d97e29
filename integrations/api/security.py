"""Bearer keys, per-client rate limits and request-body limits, as plain ASGI middleware.

Keys come from ``CLUSTER_ADVISOR_API_KEYS`` (comma-separated ``KEY[:role]``; roles in
:data:`corpus.settings.API_KEY_ROLES`: ``public`` sees public documents only, ``read`` internal ones
too, ``write`` may also upload, ``admin`` may also delete any document). They are compared in
constant time and never logged: a caller is known by a short hash of its key.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Request
from fastapi.security import HTTPBearer
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from corpus.settings import Settings, api_key_entries

_SCOPE_KEY = "cluster_advisor.caller"
PROTECTED_PREFIX = "/v1"
OPERATIONS_PATHS = ("/readyz", "/metrics")
"""Open by default (probes, Prometheus); behind the key with ``CLUSTER_ADVISOR_PROTECT_OPERATIONS``."""
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
DOCS_PATHS = ("/docs", "/redoc")
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
)
"""The chat page loads only its own files; nothing may frame it."""
PRUNE_EVERY = 1024
"""Rate-limit calls between two sweeps of idle buckets."""
SLACK_EVENTS_PATH = "/slack/events"
SLACK_MAX_BODY_BYTES = 1024 * 1024
"""Slack's own payloads (interactivity carries whole messages) may exceed the API's body limit."""
UPLOAD_OVERHEAD_BYTES = 1024 * 1024
"""Room for the multipart envelope around an uploaded file."""


BEARER = HTTPBearer(
    auto_error=False,
    description="An API key from CLUSTER_ADVISOR_API_KEYS (KEY, KEY:public, KEY:write or KEY:admin).",
)
"""The scheme OpenAPI declares for ``/v1``; :class:`AuthMiddleware` does the checking."""

ANONYMOUS_OWNER = "anonymous"


@dataclass(frozen=True)
class Caller:
    """Who is calling: ``client`` is a key hash or an address; never the key itself."""

    client: str
    authenticated: bool = False
    internal: bool = False
    can_write: bool = False
    """May add documents (and change or delete its own uploads)."""
    admin: bool = False
    """May also delete any document, bundled ones included."""
    owner: str = ANONYMOUS_OWNER
    """The namespace of this caller's uploads: ``upload:<owner>:…``."""

    @property
    def upload_prefix(self) -> str:
        """Every document this caller uploads gets an id starting with this prefix, so an upload can
        never replace a bundled document or another caller's upload."""
        return f"upload:{self.owner}:"


@dataclass(frozen=True)
class ApiKey:
    secret: bytes
    internal: bool
    write: bool = False
    admin: bool = False


def parse_api_keys(settings: Settings) -> list[ApiKey]:
    """The configured keys (empty list: no auth); the settings have refused malformed values."""
    if settings.api_keys is None:
        return []
    return [
        ApiKey(
            secret=secret.encode(),
            internal=role != "public",
            write=role in {"write", "admin"},
            admin=role == "admin",
        )
        for secret, role in api_key_entries(settings.api_keys.get_secret_value())
    ]


def key_caller(key: ApiKey, writers: str) -> Caller:
    """The caller a matched key makes (``writers``: :attr:`Settings.api_writers`)."""
    digest = hashlib.sha256(key.secret).hexdigest()[:12]
    return Caller(
        client=f"key:{digest}",
        authenticated=True,
        internal=key.internal,
        can_write=key.write or writers in {"any-key", "anyone"},
        admin=key.admin,
        owner=f"key-{digest}",
    )


def match_key(presented: str, keys: list[ApiKey]) -> ApiKey | None:
    """The key equal to ``presented``; every key is compared, each in constant time."""
    candidate = presented.encode()
    found: ApiKey | None = None
    for key in keys:
        if hmac.compare_digest(candidate, key.secret):
            found = key
    return found


def caller_of(request: Request) -> Caller:
    """The caller the auth middleware identified (anonymous by address otherwise)."""
    caller = request.scope.get(_SCOPE_KEY)
    if isinstance(caller, Caller):
        return caller
    return Caller(client=request.client.host if request.client else "unknown")


def _error(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


def _bearer(scope: Scope) -> str | None:
    for name, value in scope.get("headers", []):
        if name == b"authorization":
            text = value.decode("latin-1")
            scheme, _, token = text.partition(" ")
            return token.strip() if scheme.lower() == "bearer" and token.strip() else None
    return None


class AuthMiddleware:
    """Identifies callers; on ``/v1`` routes requires a valid Bearer key when keys are configured."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        keys: list[ApiKey],
        writers: str = "write-keys",
        anonymous_read: bool = False,
        protect_operations: bool = False,
    ) -> None:
        self.app = app
        self.keys = keys
        self.writers = writers
        self.anonymous_read = anonymous_read
        self.protected = (PROTECTED_PREFIX, *(OPERATIONS_PATHS if protect_operations else ()))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        address = client[0] if client else "unknown"
        caller = Caller(client=address, can_write=self.writers == "anyone")
        if self.keys and scope["path"].startswith(self.protected):
            token = _bearer(scope)
            key = match_key(token, self.keys) if token else None
            if key is not None:
                caller = key_caller(key, self.writers)
            # Without a key, the operator's anonymous mode reads public documents, as an open server does.
            elif token is not None or not self.anonymous_read:
                response = _error(
                    401,
                    "missing or invalid API key: send 'Authorization: Bearer <key>'",
                    {"WWW-Authenticate": "Bearer"},
                )
                await response(scope, receive, send)
                return
        scope[_SCOPE_KEY] = caller
        await self.app(scope, receive, send)


class RateLimiter:
    """A token bucket per client: ``per_minute`` requests, refilled continuously."""

    def __init__(self, *, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.refill_per_s = per_minute / 60.0
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()
        self._calls = 0

    @property
    def clients(self) -> int:
        """Buckets held (idle ones are swept every :data:`PRUNE_EVERY` calls)."""
        with self._lock:
            return len(self._buckets)

    def acquire(self, client: str) -> float:
        """Take one token; returns 0 when allowed, else the seconds to wait."""
        now = self.clock()
        with self._lock:
            self._calls += 1
            if self._calls % PRUNE_EVERY == 0:
                self._prune(now)
            tokens, last = self._buckets.get(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.refill_per_s)
            if tokens >= 1:
                self._buckets[client] = (tokens - 1, now)
                return 0.0
            self._buckets[client] = (tokens, now)
            return (1 - tokens) / self.refill_per_s

    def _prune(self, now: float) -> None:
        """Forget buckets refilled to the brim: a new one would be the same (call under the lock)."""
        full_after = self.capacity / self.refill_per_s
        self._buckets = {
            client: (tokens, last)
            for client, (tokens, last) in self._buckets.items()
            if now - last < full_after
        }


class RateLimitMiddleware:
    """429 with ``Retry-After`` once a client has used its ``/v1`` budget.

    It runs before authentication, so wrong keys are limited too: a valid key has its own bucket,
    anything else (no key, a wrong one) the bucket of its address. The address is the socket's,
    unless the operator turned on forwarded headers for a known proxy (``CLUSTER_ADVISOR_PROXY_HEADERS``).
    """

    def __init__(self, app: ASGIApp, *, limiter: RateLimiter, keys: list[ApiKey] | None = None) -> None:
        self.app = app
        self.limiter = limiter
        self.keys = keys or []

    def client_of(self, scope: Scope) -> str:
        token = _bearer(scope) if self.keys else None
        key = match_key(token, self.keys) if token else None
        if key is not None:
            return f"key:{hashlib.sha256(key.secret).hexdigest()[:12]}"
        client = scope.get("client")
        return f"address:{client[0]}" if client else "address:unknown"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(PROTECTED_PREFIX):
            wait = self.limiter.acquire(self.client_of(scope))
            if wait > 0:
                seconds = max(1, math.ceil(wait))
                response = _error(
                    429,
                    f"too many requests: at most {int(self.limiter.capacity)} per minute; "
                    f"retry in {seconds} s",
                    {"Retry-After": str(seconds)},
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class BodyLimitMiddleware:
    """413 for bodies over the limit, by ``Content-Length`` and by counting what arrives."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int, max_upload_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_upload_bytes = max_upload_bytes + UPLOAD_OVERHEAD_BYTES

    def limit_for(self, scope: Scope) -> int:
        path = scope["path"].rstrip("/")
        if scope["method"] == "POST" and path == f"{PROTECTED_PREFIX}/documents":
            return self.max_upload_bytes
        if scope["method"] == "POST" and path == SLACK_EVENTS_PATH:
            return SLACK_MAX_BODY_BYTES
        return self.max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        detail = f"request body too large: the limit is {limit:,} bytes"
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                await _error(413, detail)(scope, receive, send)
                return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise HTTPException(status_code=413, detail=detail)
            return message

        await self.app(scope, limited_receive, send)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


class OriginCheckMiddleware:
    """Refuses cross-site writes: a POST/PUT/PATCH/DELETE on ``/v1`` whose ``Origin`` is neither this
    server nor an allowed origin. Browsers send ``Origin`` on such requests (a keyless multipart
    upload is a "simple" request they send cross-site without asking); curl and servers send none."""

    def __init__(self, app: ASGIApp, *, allowed: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.allowed = frozenset(origin.rstrip("/").lower() for origin in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] in UNSAFE_METHODS
            and scope["path"].startswith(PROTECTED_PREFIX)
        ):
            origin = _header(scope, b"origin")
            if origin is not None and not self._allowed(origin, scope):
                response = _error(
                    403,
                    f"cross-site request refused: Origin {origin[:100]!r} is not this server; "
                    "an operator may allow it in CLUSTER_ADVISOR_ALLOWED_ORIGINS",
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def _allowed(self, origin: str, scope: Scope) -> bool:
        wanted = origin.rstrip("/").lower()
        host = (_header(scope, b"host") or "").lower()
        return wanted in self.allowed or (bool(host) and wanted in {f"http://{host}", f"https://{host}"})


class SecurityHeadersMiddleware:
    """``X-Content-Type-Options``, ``X-Frame-Options`` and ``Referrer-Policy`` on every response, and
    a strict Content-Security-Policy on all but FastAPI's own ``/docs`` pages (which load Swagger
    UI from a CDN with inline script)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = not scope["path"].startswith(DOCS_PATHS)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"no-referrer"),
                ]
                if csp:
                    headers.append((b"content-security-policy", PAGE_CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
