"""Domain errors become HTTP statuses with ``{"detail": "..."}`` here, and nowhere else."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from assistant.errors import LLMUnavailable
from assistant.language import N_
from corpus.errors import (
    AdvisorError,
    EmptyDocument,
    FileTooLarge,
    InvalidInput,
    NotFound,
    StoreUnavailable,
    UnsupportedFile,
)
from integrations.api.localized_errors import (
    ASK_PATHS,
    INTERNAL,
    UPSTREAM_AWAY,
    advisor_detail,
    asker_language,
    parsed_body,
    validation_detail,
)
from retrieval.errors import EmbeddingUnavailable, IndexUnavailable

logger = logging.getLogger(__name__)

_STATUS: list[tuple[type[AdvisorError], int]] = [
    (FileTooLarge, 413),
    (UnsupportedFile, 415),
    (EmptyDocument, 422),
    (InvalidInput, 422),
    (NotFound, 404),
    (IndexUnavailable, 503),
    (EmbeddingUnavailable, 503),
    (LLMUnavailable, 503),
    (StoreUnavailable, 503),
]


def status_for(error: AdvisorError) -> int:
    """The HTTP status of a domain error (500 for one we did not expect to reach the edge)."""
    return next((status for kind, status in _STATUS if isinstance(error, kind)), 500)


def validation_message(exc: RequestValidationError) -> str:
    """``body.question: String should have at least 1 character; query.k: ...`` (fields named)."""
    problems = []
    for error in exc.errors():
        location = ".".join(str(part) for part in error.get("loc", ()))
        problems.append(f"{location}: {error.get('msg', 'invalid')}" if location else error.get("msg", ""))
    return "; ".join(problems) or "invalid request"


_UPSTREAM: list[tuple[type[AdvisorError], str]] = [
    (IndexUnavailable, N_("the search index is unavailable")),
    (EmbeddingUnavailable, N_("the embedding model is unavailable")),
    (LLMUnavailable, N_("the language model is unavailable")),
    (StoreUnavailable, N_("the document store is unavailable")),
]
INTERNAL_ERROR = INTERNAL


def _upstream(error: AdvisorError) -> str | None:
    return next((text for kind, text in _UPSTREAM if isinstance(error, kind)), None)


def public_detail(error: AdvisorError) -> str:
    """The message a caller sees: the error's own for 4xx; for 5xx only what failed.

    Upstream messages carry the servers', stores' and libraries' own words (addresses, paths,
    response bodies); they go to the server log, not to the caller.
    """
    if status_for(error) < 500:
        return str(error)
    what = _upstream(error)
    return UPSTREAM_AWAY.format(what=what) if what else INTERNAL_ERROR


async def _advisor_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AdvisorError)
    status = status_for(exc)
    if status >= 500:
        logger.warning("%s: %s", type(exc).__name__, exc)
    detail = public_detail(exc)
    if request.url.path not in ASK_PATHS:
        return JSONResponse({"detail": detail}, status_code=status)
    lang = asker_language(parsed_body(await request.body()), request.headers.get("accept-language"))
    detail = advisor_detail(exc, lang, english=detail, status=status, upstream=_upstream(exc))
    return JSONResponse({"detail": detail}, status_code=status, headers={"Content-Language": lang})


async def _unexpected_error(_request: Request, _exc: Exception) -> JSONResponse:
    # Starlette re-raises the exception after this response; the server logs its traceback.
    return JSONResponse({"detail": INTERNAL_ERROR}, status_code=500)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    fields = [
        {"loc": [str(part) for part in error.get("loc", ())], "msg": error.get("msg", "")}
        for error in exc.errors()
    ]
    detail = validation_message(exc)
    if request.url.path not in ASK_PATHS:
        return JSONResponse({"detail": detail, "errors": fields}, status_code=422)
    lang = asker_language(exc.body, request.headers.get("accept-language"))
    detail = validation_detail(exc.errors(), lang, english=detail)
    return JSONResponse(
        {"detail": detail, "errors": fields}, status_code=422, headers={"Content-Language": lang}
    )


ERROR_SCHEMA: dict[str, Any] = {
    "title": "Error",
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {"type": "string", "description": "What went wrong and what to do, in one line."},
        "errors": {
            "type": "array",
            "description": "Validation errors only: one entry per invalid field.",
            "items": {
                "type": "object",
                "required": ["loc", "msg"],
                "properties": {
                    "loc": {"type": "array", "items": {"type": "string"}},
                    "msg": {"type": "string"},
                },
            },
        },
    },
}
"""Every error body: ``{"detail": "..."}`` (validation errors add ``errors``)."""

_MIDDLEWARE_ERRORS: dict[str, str] = {
    "401": "Missing or invalid API key (only when CLUSTER_ADVISOR_API_KEYS is set).",
    "413": "Request body over the size limit.",
    "429": "Too many requests from this client; see Retry-After.",
}


def document_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Make the OpenAPI document tell the error bodies the app really sends.

    FastAPI documents its own ``HTTPValidationError`` (``detail`` as a list), but
    :func:`_validation_error` answers ``{"detail": str, "errors": [...]}``; and the middleware's
    401, 413 and 429 on ``/v1`` (and the 400 for a body that is not JSON or multipart) appear in
    no route's ``responses``. Changes ``schema`` in place.
    """
    schemas = schema.setdefault("components", {}).setdefault("schemas", {})
    schemas["HTTPValidationError"] = ERROR_SCHEMA
    ref = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/HTTPValidationError"}}}}
    for path, operations in schema.get("paths", {}).items():
        if not path.startswith("/v1"):
            continue
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, description in _MIDDLEWARE_ERRORS.items():
                responses.setdefault(status, {"description": description, **ref})
            if "requestBody" in operation:
                responses.setdefault("400", {"description": "Body that cannot be parsed.", **ref})
            for status, entry in responses.items():
                if status[0] in "45" and status != "422":
                    entry.setdefault("content", ref["content"])
    return schema


def install_error_handlers(app: FastAPI) -> None:
    """Register the domain-error, validation and last-resort handlers on ``app``; document their bodies."""
    app.add_exception_handler(AdvisorError, _advisor_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected_error)
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document_errors(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
