"""Errors of the assistant layer.

User-facing errors (:class:`NotFound`, :class:`InvalidInput`, :class:`NoEvidence`) come from
``corpus.errors`` and are re-exported here so callers import one module; upstream failures of the
language model (:class:`LLMUnavailable`, :class:`LLMBadOutput`) are defined here. They become HTTP
status codes or Slack text only at the edge.
"""

from __future__ import annotations

from corpus.errors import AdvisorError, InvalidInput, NoEvidence, NotFound, StoreUnavailable

__all__ = [
    "AdvisorError",
    "InvalidInput",
    "LLMBadOutput",
    "LLMUnavailable",
    "NoEvidence",
    "NotFound",
    "StoreUnavailable",
]


class LLMUnavailable(AdvisorError):
    """The language model server could not be reached or kept failing (time-outs, 5xx, 429, refusals).

    Callers fall back to the extractive composer. The message never contains the API key.
    """


class LLMBadOutput(AdvisorError):
    """The language model answered, but with something unusable (not the protocol, no text)."""
