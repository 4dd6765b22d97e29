"""Secrets never reach a log line: every log record is scrubbed as it is made.

Two nets. The configured secret values (API keys, tokens, the signing secret, passwords inside
URLs) are replaced wherever they appear, whatever wrote them (our code, uvicorn, openai, httpx,
slack_sdk, SQLAlchemy). And shapes that are secrets whoever configured them (Slack ``xox?-``
and ``xapp-`` tokens, ``sk-`` keys, ``user:password@`` in URLs, Bearer values) are masked too.

:func:`install_redaction` sets a process-wide log record factory, so it covers every logger and
every handler, including those uvicorn configures after we do; the entrypoints (CLI, app factory)
call it once the settings are known.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from corpus.settings import Settings

REDACTED = "[REDACTED]"
MIN_SECRET_LENGTH = 6
"""Shorter configured values are not masked: replacing every ``abc`` would garble the logs."""

_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bxox[abeoprs]-[A-Za-z0-9-]{6,}"), REDACTED),
    (re.compile(r"\bxapp-[A-Za-z0-9-]{6,}"), REDACTED),
    (re.compile(r"\bsk-[A-Za-z0-9_-]{16,}"), REDACTED),
    (re.compile(r"(?i)(\bbearer\s+)[A-Za-z0-9._~+/=-]{6,}"), rf"\g<1>{REDACTED}"),
    (re.compile(r"(\b[a-z][a-z0-9+.-]*://[^\s/:@]*:)[^\s/@]+@"), rf"\g<1>{REDACTED}@"),
)


class Redactor:
    """Masks known secret values and secret-shaped strings in text."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        """Remember ``secrets`` (longest first, so a key is not half-masked by its own prefix)."""
        values = {value for value in secrets if len(value) >= MIN_SECRET_LENGTH}
        self.secrets = sorted(values, key=len, reverse=True)

    def redact(self, text: str) -> str:
        """``text`` with every secret replaced by ``[REDACTED]``."""
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        for pattern, replacement in _SHAPES:
            text = pattern.sub(replacement, text)
        return text

    def scrub(self, record: logging.LogRecord) -> None:
        """Redact a record in place: its message (formatted now), traceback and stack."""
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string is logging's to report, not ours
            return
        clean = self.redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and record.exc_info[1] is not None and not record.exc_text:
            trace = logging.Formatter().formatException(record.exc_info)
            cleaned_trace = self.redact(trace)
            if cleaned_trace != trace:
                record.exc_text = cleaned_trace
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)


class RedactingFilter(logging.Filter):
    """The same scrubbing as a handler filter, for handlers set up outside our entrypoints."""

    def __init__(self, redactor: Redactor) -> None:
        """Scrub with ``redactor``."""
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        """Scrub ``record``; never drops it."""
        self.redactor.scrub(record)
        return True


def secret_values(settings: Settings) -> list[str]:
    """Every secret the settings hold: tokens, keys, signing secret, passwords in URLs."""
    values = [
        secret.get_secret_value()
        for secret in (
            settings.openai_api_key,
            settings.slack_bot_token,
            settings.slack_signing_secret,
            settings.slack_app_token,
        )
        if secret is not None
    ]
    if settings.api_keys is not None:
        for item in settings.api_keys.get_secret_value().split(","):
            key = item.strip().removesuffix(":public")
            values += [key, item.strip()]
    for url in (settings.database_url, settings.openai_base_url, settings.slack_api_url):
        password = _url_password(url)
        if password:
            values.append(password)
    return [value for value in values if value]


def _url_password(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return urlsplit(url).password
    except ValueError:
        return None


_base_factory: Callable[..., logging.LogRecord] | None = None


def install_redaction(settings: Settings | None = None, *, extra: Iterable[str] = ()) -> Redactor:
    """Scrub every log record of this process from now on (idempotent; the latest call wins).

    Args:
        settings: Whose secrets to mask (None: only the secret shapes).
        extra: More values to mask.

    Returns:
        The redactor in use (for output that does not go through logging).
    """
    global _base_factory
    redactor = Redactor([*(secret_values(settings) if settings else []), *extra])
    if _base_factory is None:
        _base_factory = logging.getLogRecordFactory()
    base = _base_factory

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = base(*args, **kwargs)
        redactor.scrub(record)
        return record

    logging.setLogRecordFactory(factory)
    return redactor
