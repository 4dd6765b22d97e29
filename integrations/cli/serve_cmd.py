"""``cluster-advisor serve``: the HTTP API and the chat page (uvicorn)."""

from __future__ import annotations

import ipaddress
import logging
from typing import Annotated

import typer

from integrations.cli.context import cli_context

logger = logging.getLogger(__name__)


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to ``app``."""
    app.command("serve")(serve)


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    ctx: typer.Context,
    host: Annotated[
        str | None,
        typer.Option("--host", help="Address to bind (default 127.0.0.1, CLUSTER_ADVISOR_HOST)."),
    ] = None,
    port: Annotated[
        int | None,
        typer.Option("--port", min=1, max=65535, help="Port (default 8000, CLUSTER_ADVISOR_PORT)."),
    ] = None,
) -> None:
    """Serve the API (OpenAPI at /docs) and the chat page at /."""
    import uvicorn

    from integrations.api import create_app

    context = cli_context(ctx)
    settings = context.settings
    bind_host = host or settings.api_host
    bind_port = port or settings.api_port
    keys = settings.api_keys is not None and bool(settings.api_keys.get_secret_value().strip())
    if is_loopback(bind_host):
        logger.warning(
            "serving on http://%s:%d/ (loopback only: other machines cannot connect; use --host to change)",
            bind_host,
            bind_port,
        )
    elif not keys:
        logger.warning(
            "serving on %s:%d WITHOUT API keys: anyone who can reach it may use /v1 "
            "(set CLUSTER_ADVISOR_API_KEYS)",
            bind_host,
            bind_port,
        )
    else:
        logger.warning("serving on %s:%d; /v1 requires an API key", bind_host, bind_port)
    uvicorn.run(
        create_app(settings),
        host=bind_host,
        port=bind_port,
        log_level=logging.getLevelName(logging.getLogger().level).lower(),
        timeout_graceful_shutdown=5,
    )
