"""Errors of the corpus layer. User-facing errors are apart from upstream failures."""

from __future__ import annotations


class AdvisorError(Exception):
    """Root of every error Cluster Advisor raises on purpose."""


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
