"""Follow-up resolution: "and when is its deadline?", "any in Spain instead?", "what about forthcoming ones?".

Offline, by entity carry-over from the previous turn's :class:`TurnState` (stored with the
assistant turn): the last intent, the documents the last answer was about, its sectors, places,
programmes and status. A new country replaces the old one; a new status replaces the old one; "its"
/ "their" point at the documents last cited. With a chat model, :func:`condense_with_model` rewrites
the follow-up into a standalone question instead (the carry-over stays the fallback).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from assistant.entities import Entities
from assistant.intents import Intent, Understanding, classify_intent
from assistant.llm import ChatMessage, ChatModel
from assistant.prompts import build_condense_messages, parse_condensed_question

logger = logging.getLogger(__name__)

_STARTS_FOLLOW_UP = re.compile(
    r"^\s*(?:and|also|what about|how about|and what about|any|anything|same|ok(?:ay)?|then|instead|"
    r"but|only|just|now)\b",
    re.IGNORECASE,
)
_REFERS_BACK = re.compile(
    r"\b(?:its|it|they|them|their|those|these|that one|this one|the same|instead|ones|the first|"
    r"the second|the last|that call|this call|that cluster)\b",
    re.IGNORECASE,
)
_SINGULAR = re.compile(r"\b(?:its|it|that one|this one|the first|that call|this call)\b", re.IGNORECASE)
_PLURAL = re.compile(r"\b(?:they|them|their|those|these)\b", re.IGNORECASE)
_ABOUT_FACTS = re.compile(
    r"\b(?:deadlines?|close[sd]?|closing|opens?|opening|budgets?|how much|amount|link|url|programme|"
    r"status|still open|type of action|when)\b",
    re.IGNORECASE,
)
_SECOND = re.compile(r"\bthe second\b", re.IGNORECASE)
_SHORT_WORDS = 7


class TurnState(BaseModel):
    """What a later follow-up may refer to; stored as the assistant turn's ``entities``."""

    model_config = ConfigDict(frozen=True)

    intent: str
    query: str
    """The standalone question the turn answered."""
    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    status: str | None = None
    focus_doc_ids: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    plan: dict[str, Any] | None = None
    """The turn's :class:`~assistant.plan.models.QueryPlan` (JSON), refined by "which of them"."""
    result_ids: tuple[str, ...] = ()
    """Every record the turn's plan matched, in the answer's order ("the second one")."""
    lang: str | None = None
    """The language the turn was answered in (the conversation keeps it); None in older turns."""
    """Who the turn was answered for (document audiences it could draw on); () when not recorded."""

    @classmethod
    def from_stored(cls, data: dict[str, Any] | None) -> TurnState | None:
        """Read a stored state back (None when missing or unreadable)."""
        if not data:
            return None
        try:
            return cls.model_validate(data)
        except ValidationError:
            return None


class Resolved(BaseModel):
    """A question ready for retrieval: standalone text, intent, entities, and documents it points at."""

    model_config = ConfigDict(frozen=True)

    text: str
    intent: Intent
    entities: Entities
    focus_doc_ids: tuple[str, ...] = ()
    follow_up: bool = False
    picked_from: int = 0
    """When "its" picked one of several calls of the last answer: how many there were (else 0)."""


def is_follow_up(text: str, entities: Entities) -> bool:
    """Whether ``text`` leans on an earlier turn (it names no identifier of its own)."""
    if entities.identifiers:
        return False
    if _STARTS_FOLLOW_UP.search(text) or _REFERS_BACK.search(text):
        return True
    short = len(text.split()) <= _SHORT_WORDS
    return short and not (entities.sectors or entities.programmes) and not entities.countries


def resolve(understanding: Understanding, previous: TurnState | None) -> Resolved:
    """Resolve a question against the previous turn's state by entity carry-over (pure).

    Args:
        understanding: The new message's offline understanding.
        previous: The state of the last assistant turn, or None at the start of a conversation.
    """
    text, entities = understanding.text, understanding.entities
    if previous is None or previous.intent == "out_of_scope" or not is_follow_up(text, entities):
        return Resolved(text=text, intent=understanding.intent, entities=entities)

    focus: tuple[str, ...] = ()
    picked_from = 0
    intent: Intent = understanding.intent
    own = classify_intent(text, entities)
    refers_to_documents = bool(_SINGULAR.search(text) or _PLURAL.search(text))
    if (
        previous.intent == "funding"
        and previous.focus_doc_ids
        and refers_to_documents
        and _ABOUT_FACTS.search(text)
    ):
        intent = "funding"
        if _PLURAL.search(text):
            focus = previous.focus_doc_ids
        else:
            index = 1 if _SECOND.search(text) and len(previous.focus_doc_ids) > 1 else 0
            focus = (previous.focus_doc_ids[index],)
            picked_from = len(previous.focus_doc_ids) if len(previous.focus_doc_ids) > 1 else 0
    elif own == "policy" or (own == "funding" and previous.intent == "funding"):
        intent = previous.intent  # type: ignore[assignment]
    elif previous.intent == "partners" and own == "funding" and not entities.status and entities.countries:
        intent = "partners"  # "any in Spain instead?" after a partner search

    merged = Entities(
        countries=entities.countries or previous.countries,
        regions=entities.regions if entities.countries else previous.regions,
        sectors=entities.sectors or previous.sectors,
        programmes=entities.programmes or previous.programmes,
        identifiers=entities.identifiers,
        dates=entities.dates,
        organisation_types=entities.organisation_types,
        status=None if focus else (entities.status or _status(previous.status)),
    )
    standalone = f"{previous.query} {text}" if not focus else text
    return Resolved(
        text=standalone,
        intent=intent,
        entities=merged,
        focus_doc_ids=focus,
        follow_up=True,
        picked_from=picked_from,
    )


def _status(value: str | None) -> Any:
    return value if value in {"open", "forthcoming", "closed", "closing_soon"} else None


_OLD_MARKERS = re.compile(r"\s*\[\d{1,3}(?:\s*[,;\-–]\s*\d{1,3})*\]")


def history_messages(turns: Sequence[tuple[str, str]]) -> list[ChatMessage]:
    """``(role, content)`` pairs as chat messages (user/assistant only).

    Earlier answers lose their ``[n]`` markers: those numbered other passages, and a model that
    copied them would cite the new passages wrongly.
    """
    return [
        ChatMessage(
            role="user" if role == "user" else "assistant",
            content=content if role == "user" else _OLD_MARKERS.sub("", content),
        )
        for role, content in turns
        if role in {"user", "assistant"}
    ]


def condense_with_model(
    *, chat_model: ChatModel, history: Sequence[ChatMessage], follow_up: str
) -> str | None:
    """A standalone rewrite of ``follow_up`` by the chat model; None when the model fails."""
    try:
        reply = chat_model.complete(
            build_condense_messages(history=history, follow_up=follow_up), max_tokens=120
        )
    except Exception as exc:  # noqa: BLE001 - the offline carry-over is the fallback
        logger.info("condensation failed, using entity carry-over: %s", type(exc).__name__)
        return None
    return parse_condensed_question(reply, fallback=follow_up)
