"""Errors of the corpus layer. User-facing errors are apart from upstream failures."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType


class AdvisorError(Exception):
    """Root of every error Cluster Advisor raises on purpose.

    An error whose message is a catalog message also keeps it as ``template`` and ``fields`` (see
    :func:`assistant.language.localized_error`), so an edge that learns the asker's language later
    (``Accept-Language`` on ``/v1/ask``) can say it in that language; ``str(error)`` is the message
    in the language known where it was raised (English when none was).
    """

    template: str | None = None
    fields: Mapping[str, object] = MappingProxyType({})


class InvalidInput(AdvisorError):
    """The user gave something we cannot use; the message says what and what to do."""


class UnsupportedFile(InvalidInput):
    """A file of a type we cannot read."""


class FileTooLarge(InvalidInput):
    """A file over the configured size limit."""


class EmptyDocument(InvalidInput):
    """A file with no usable text."""


class NotFound(AdvisorError):
    """A document, conversation or answer that does not exist."""


class NoEvidence(AdvisorError):
    """The corpus has nothing that answers the question."""


class StoreUnavailable(AdvisorError):
    """The record store cannot be opened or written."""


class RefreshFailed(AdvisorError):
    """A refresh of the calls could not complete (network, upstream error, unexpected answer).

    Nothing was written: the stores are exactly as they were. The message is one line.
    """


NOTHING_INGESTED = "nothing is ingested yet: run `cluster-advisor ingest`"
"""What every entry point says when the data dir holds no document (CLI exit 2, ``/readyz`` 503)."""


class NothingIngested(AdvisorError):
    """The data dir holds no document yet: ingest first."""

    def __init__(self, message: str = NOTHING_INGESTED) -> None:
        super().__init__(message)
