"""Domain errors become HTTP statuses with ``{"detail": "..."}`` here, and nowhere else."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from assistant.errors import LLMUnavailable
from corpus.errors import (
    AdvisorError,
    EmptyDocument,
    FileTooLarge,
    InvalidInput,
    NotFound,
    StoreUnavailable,
    UnsupportedFile,
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


async def _advisor_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AdvisorError)
    status = status_for(exc)
    if status >= 500:
        logger.warning("%s: %s", type(exc).__name__, exc)
    return JSONResponse({"detail": str(exc)}, status_code=status)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    fields = [
        {"loc": [str(part) for part in error.get("loc", ())], "msg": error.get("msg", "")}
        for error in exc.errors()
    ]
    return JSONResponse({"detail": validation_message(exc), "errors": fields}, status_code=422)


def install_error_handlers(app: FastAPI) -> None:
    """Register the domain-error and validation handlers on ``app``."""
    app.add_exception_handler(AdvisorError, _advisor_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
