"""Typed values the assistant passes around: evidence passages, citations and the answer contract.

:class:`Answer` is the object ``cluster-advisor ask --json`` prints and ``POST /v1/ask`` returns
(see DESIGN.md); keep its field names stable.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

AnswerMode = Literal["llm", "extractive"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Passage(_Frozen):
    """One numbered piece of evidence given to a composer; ``n`` is the number cited as ``[n]``."""

    n: int = Field(ge=1)
    doc_id: str
    chunk_id: str
    doc_type: str
    """``call``, ``cluster`` or ``policy``."""
    title: str
    identifier: str | None = None
    url: str | None = None
    text: str


class Citation(_Frozen):
    """A source an answer cites as ``[n]``, with the passage sentence that supports the claim."""

    n: int = Field(ge=1)
    doc_id: str
    doc_type: str
    title: str
    identifier: str | None = None
    url: str | None = None
    quote: str


class Answer(_Frozen):
    """The answer contract of ``ask --json``: every ``[n]`` in ``answer`` is an entry of ``citations``."""

    answer: str
    citations: tuple[Citation, ...] = ()
    grounded: bool
    """False when the answer says the corpus has no evidence."""
    intent: str
    mode: AnswerMode
    conversation_id: str
    timings_ms: dict[str, float] = Field(default_factory=dict)
    plan: dict[str, Any] | None = None
    """The typed query plan the question became (see :class:`assistant.plan.models.QueryPlan`)."""
    answer_id: str | None = None
    """The stored answer's id (what feedback refers to); None only for an answer never stored."""
    lang: str = "en"
    """The language the answer is written in (ISO 639-1; see :mod:`assistant.language`)."""
