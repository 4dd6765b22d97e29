"""Streaming answer events and their server-sent-events form.

A stream is ``delta`` events (text pieces, in order), then one ``citations`` event, then one
``final`` event carrying the whole :class:`~assistant.models.Answer`, which is authoritative: with
a chat model the deltas are the model's raw tokens, and the final answer may differ (citation
markers renumbered, or the extractive fallback).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Literal, TypedDict

from assistant.models import Answer, Citation


class DeltaEvent(TypedDict):
    event: Literal["delta"]
    text: str


class CitationsEvent(TypedDict):
    event: Literal["citations"]
    citations: list[dict[str, object]]


class FinalEvent(TypedDict):
    event: Literal["final"]
    answer: Answer


AnswerEvent = DeltaEvent | CitationsEvent | FinalEvent


def delta_event(text: str) -> DeltaEvent:
    """A piece of answer text."""
    return {"event": "delta", "text": text}


def citations_event(citations: Sequence[Citation]) -> CitationsEvent:
    """The final answer's citations, as JSON-ready dicts."""
    return {"event": "citations", "citations": [citation.model_dump(mode="json") for citation in citations]}


def final_event(answer: Answer) -> FinalEvent:
    """The checked answer."""
    return {"event": "final", "answer": answer}


def event_payload(event: AnswerEvent) -> dict[str, object]:
    """An event as a JSON-ready dict (the answer dumped in the ``ask --json`` shape)."""
    if event["event"] == "final":
        return {"event": "final", "answer": event["answer"].model_dump(mode="json")}
    return dict(event)


def to_sse(events: Iterable[AnswerEvent]) -> Iterator[str]:
    """Server-sent events: ``event: <name>`` and one ``data:`` JSON line per event."""
    for event in events:
        payload = event_payload(event)
        yield f"event: {event['event']}\ndata: {json.dumps(payload, ensure_ascii=False)}\n\n"
