"""Errors of ``/v1/ask`` in the asker's language, even those raised before an answer language exists.

A question too long, an empty question, an unknown conversation, an unsupported ``lang`` or a
malformed field are refused before the service has chosen the answer's language. The error is
said in the language the answer would have been in: ``lang`` of the body when it is one of the
six, else the question's detected language, else the request's ``Accept-Language``; English when
none names one. English errors read exactly as they did (``detail`` is a contract of the API); the
``errors`` list of a validation error keeps pydantic's own words and locations, for programs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from assistant.language import EMPTY_QUESTION, N_, TOO_LONG, error_text, localized_error
from corpus.errors import AdvisorError, InvalidInput
from corpus.i18n import negotiate_language, translator
from corpus.languages import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, detect_language

ASK_PATHS = frozenset({"/v1/ask", "/v1/ask/stream"})
"""The routes whose errors follow the asker's language (the others answer programs, in English)."""
_SAMPLE_CHARS = 1000

REQUIRED = N_("{field}: required")
UNKNOWN_FIELD = N_("{field}: not a field of this request")
TOO_MANY_CHARACTERS = N_("{field}: at most {limit} characters")
NOT_A_DATE = N_("{field}: must be a date written YYYY-MM-DD, e.g. 2026-05-10")
NOT_ALLOWED = N_("{field}: must be one of {allowed}")
NOT_JSON = N_("the body is not valid JSON")
INVALID = N_("{field}: invalid value")
UPSTREAM_AWAY = N_("{what}; try again shortly (the server log has the reason)")
INTERNAL = N_("internal error; the server log has the reason")
_DATE_FIELDS = frozenset({"today", "deadline_from", "deadline_to"})


def asker_language(body: object, accept_language: str | None) -> str:
    """The language to refuse a ``/v1/ask`` request in (see the module's docstring).

    Args:
        body: The request body as parsed JSON (anything: it may be what was refused).
        accept_language: The ``Accept-Language`` header.
    """
    fields: Mapping[str, Any] = body if isinstance(body, Mapping) else {}
    requested = fields.get("lang")
    if isinstance(requested, str):
        lang = requested.strip().lower().replace("_", "-").split("-")[0]
        if lang in SUPPORTED_LANGUAGES:
            return lang
    question = fields.get("question")
    if isinstance(question, str) and any(char.isalpha() for char in question):
        detection = detect_language(question[:_SAMPLE_CHARS])
        if detection.confidence > 0:  # else too few letters to tell
            return detection.lang if detection.supported else DEFAULT_LANGUAGE
    return negotiate_language(accept_language)


def parsed_body(raw: bytes) -> object:
    """The JSON of a request body, or None when it is not JSON."""
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None


def advisor_detail(error: AdvisorError, lang: str, *, english: str, status: int, upstream: str | None) -> str:
    """A domain error's ``detail`` in ``lang`` (``english``, the API's English detail, in English): a
    user-facing error's message said again in ``lang`` (when it is a catalog message); a failure of
    the server as what failed (``upstream``, a catalog message) or as an internal error."""
    if lang == DEFAULT_LANGUAGE:
        return english
    _ = translator(lang)
    if status < 500:
        return error_text(error, lang)
    return _(UPSTREAM_AWAY).format(what=_(upstream)) if upstream else _(INTERNAL)


def validation_detail(errors: Sequence[Mapping[str, Any]], lang: str, *, english: str) -> str:
    """The ``detail`` of a refused ``/v1/ask`` body in ``lang`` (``english`` when it is English): the
    question's own problems as the service says them (too long, empty), the others field by field."""
    if lang == DEFAULT_LANGUAGE:
        return english
    return "; ".join(_problem(error, lang) for error in errors) or translator(lang)(INVALID).format(
        field="body"
    )


def _problem(error: Mapping[str, Any], lang: str) -> str:
    _ = translator(lang)
    location = tuple(str(part) for part in error.get("loc", ()))
    field = ".".join(location)
    kind = str(error.get("type", ""))
    context = error.get("ctx") or {}
    value = error.get("input")
    if location == ("body", "question"):
        if kind == "string_too_long" and isinstance(value, str):
            return _said(InvalidInput, TOO_LONG, lang, length=len(value), limit=int(context["max_length"]))
        if kind in ("string_too_short", "missing"):
            return _said(InvalidInput, EMPTY_QUESTION, lang)
    if kind == "json_invalid":
        return _(NOT_JSON)
    if kind == "missing":
        return _(REQUIRED).format(field=field)
    if kind == "extra_forbidden":
        return _(UNKNOWN_FIELD).format(field=field)
    if kind == "string_too_long" and "max_length" in context:
        return _(TOO_MANY_CHARACTERS).format(field=field, limit=context["max_length"])
    if location and location[-1] in _DATE_FIELDS:
        return _(NOT_A_DATE).format(field=field)
    if kind == "literal_error" and "expected" in context:
        allowed = str(context["expected"]).replace(" or ", ", ")
        return _(NOT_ALLOWED).format(field=field, allowed=allowed)
    return _(INVALID).format(field=field)


def _said(error_type: type[InvalidInput], template: str, lang: str, **fields: object) -> str:
    return str(localized_error(error_type, template, lang, **fields))
