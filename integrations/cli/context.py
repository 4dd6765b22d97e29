"""What every CLI command shares: the :class:`~assistant.session.Session` the root callback opens."""

from __future__ import annotations

import typer

from assistant.session import Session, session_of


def cli_context(ctx: typer.Context) -> Session:
    """The session the global callback put on the Typer context."""
    return session_of(ctx)
