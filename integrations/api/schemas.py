"""Request and response models of the HTTP API (the answer and search shapes are the CLI's JSON)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from assistant.models import Citation

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: object) -> object:
    """Only ``YYYY-MM-DD`` (pydantic alone would read ``today=20260510`` as seconds since 1970)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        return value.strip()
    raise ValueError("must be a date written YYYY-MM-DD, e.g. 2026-05-10")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
"""A day, written ``YYYY-MM-DD`` and nothing else."""

MAX_OFFSET = 1_000_000_000
"""Largest ``offset`` a listing accepts: a page beyond any corpus, and far inside the 64-bit integer
the record store compares it with (2**63 made SQLite raise OverflowError: a 500)."""


class AskFilters(BaseModel):
    """Narrow what an answer may cite (the search filters a caller may set)."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["call", "cluster", "policy"] | None = None
    country: str | None = Field(default=None, max_length=64, description="ISO2 code or country name.")
    countries: list[str] = Field(default_factory=list, max_length=50)
    programme: str | None = Field(default=None, max_length=200)
    status: Literal["open", "forthcoming", "closed"] | None = None
    deadline_from: IsoDate | None = None
    deadline_to: IsoDate | None = None


class AskRequest(BaseModel):
    """``POST /v1/ask`` and ``/v1/ask/stream``."""

    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=1, max_length=4000, examples=["Which open calls fund clusters?"])
    conversation_id: str | None = Field(default=None, max_length=64)
    filters: AskFilters | None = None
    today: IsoDate | None = Field(default=None, description="The day dates are judged on (default: today).")
    lang: str | None = Field(
        default=None,
        max_length=20,
        examples=["de"],
        description="Answer in this language (en, de, fr, es, it, pl); default: the question's language.",
    )


class AskResponse(BaseModel):
    """The ``ask --json`` object; ``answer_id`` is the id feedback refers to."""

    answer: str
    citations: list[Citation]
    grounded: bool
    intent: str
    mode: Literal["llm", "extractive"]
    conversation_id: str
    timings_ms: dict[str, float]
    answer_id: str | None = None
    plan: dict[str, Any] | None = Field(
        default=None, description="The typed query plan the question became (see docs/query-plans.md)."
    )
    lang: str = Field(default="en", description="The language the answer is written in (ISO 639-1).")


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answer_id: str = Field(min_length=1, max_length=64)
    helpful: bool
    comment: str | None = Field(default=None, max_length=2000)


class FeedbackResponse(BaseModel):
    answer_id: str
    helpful: bool
    comment: str | None
    created_at: dt.datetime


class CallItem(BaseModel):
    doc_id: str
    identifier: str
    title: str
    programme: str | None
    status: Literal["open", "forthcoming", "closed"]
    opening_date: dt.date | None
    deadline: dt.date | None
    days_left: int | None
    budget_eur: float | None
    url: str | None


class CallsPage(BaseModel):
    today: dt.date
    total: int
    offset: int
    limit: int
    calls: list[CallItem]


class SectorItem(BaseModel):
    sector: str
    inferred: bool


class PartnerItem(BaseModel):
    rank: int
    doc_id: str
    name: str
    country: str | None
    city: str | None
    website: str | None
    sectors: list[SectorItem]
    reasons: list[str]


class PartnersResponse(BaseModel):
    query: str
    partners: list[PartnerItem]


class DocumentItem(BaseModel):
    doc_id: str
    doc_type: str
    title: str | None = None
    origin: str
    audience: str | None = None


class DocumentsPage(BaseModel):
    total: int
    offset: int
    limit: int
    documents: list[DocumentItem]


class UploadResponse(BaseModel):
    documents: list[DocumentItem]
    added: int
    updated: int
    unchanged: int
    problems: list[str]


class Health(BaseModel):
    status: str
    detail: str = ""
    chunks: int | None = None
    calls_as_of: str | None = None
    """Day of the stored call list: the last refresh, else the bundled snapshot (ISO date)."""
    calls_refreshed_at: str | None = None
    """When ``refresh`` last completed (ISO datetime), None when the calls were never refreshed."""
