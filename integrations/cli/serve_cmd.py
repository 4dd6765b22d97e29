"""``cluster-advisor serve``: the HTTP API and the chat page (uvicorn)."""

from __future__ import annotations

import copy
import ipaddress
import logging
import os
from typing import Annotated, Any

import typer

from corpus.malloc import limit_malloc_arenas
from corpus.settings import Settings
from integrations.api.workers import default_workers, prepare_in_child, worker_environment
from integrations.cli.context import cli_context

logger = logging.getLogger(__name__)

KEEP_ALIVE_S = 65
"""Idle keep-alive connections stay open longer than clients and proxies keep theirs (60 s is
common): a server closing first races a client's next request on it (a read error in the soak)."""


WORKER_HEALTHCHECK_S = 60
"""Seconds a ``serve --workers`` process may take to answer uvicorn's health ping before it is
killed as hung and replaced."""


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
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            help="Processes sharing the port (default: the cores, capped by memory; "
            "CLUSTER_ADVISOR_WORKERS). Every process searches and answers; writes go one at a time. "
            "See docs/scale-out.md.",
        ),
    ] = None,
) -> None:
    """Serve the API (OpenAPI at /docs) and the chat page at /."""
    import uvicorn

    from integrations.api import create_app

    limit_malloc_arenas()  # before the server's threads start: RSS stays flat under load
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
    log_level = logging.getLevelName(logging.getLogger().level).lower()
    if workers is None:
        workers = default_workers(settings)
    if (
        workers > 1
        and settings.chroma_host is None
        and not prepare_in_child(settings, log_level=logging.getLogger().level)
    ):
        logger.warning(
            "nothing is ingested yet: serving from one process (ingest, then restart for %d)", workers
        )
        workers = 1
    if workers == 1:
        uvicorn.run(
            create_app(settings, freeze_heap=True),
            host=bind_host,
            port=bind_port,
            log_level=log_level,
            timeout_graceful_shutdown=5,
            timeout_keep_alive=KEEP_ALIVE_S,
            **_proxy_options(settings),
        )
        return
    logger.warning(
        "%d worker processes%s",
        workers,
        "" if settings.chroma_host else " on the embedded store (one writer at a time)",
    )
    os.environ.update(worker_environment(settings, workers))
    # Each worker process imports the app factory and builds its settings from the environment;
    # uvicorn's parent process restarts a worker that dies.
    uvicorn.run(
        "integrations.api.app:create_app_from_env",
        factory=True,
        workers=workers,
        # A worker answers the parent's health ping from a thread; while it starts (imports, the
        # model, the index: seconds of GIL-bound work, longer on a loaded machine) a 5 s default had
        # it killed as hung, again and again.
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_S,
        host=bind_host,
        port=bind_port,
        log_level=log_level,
        log_config=_worker_log_config(log_level),
        timeout_graceful_shutdown=5,
        timeout_keep_alive=KEEP_ALIVE_S,
        **_proxy_options(settings),
    )


def _proxy_options(settings: Settings) -> dict[str, Any]:
    """Behind a reverse proxy: whose forwarded headers to trust, and the path prefix (docs/deploy.md).

    Forwarded headers are trusted only when the operator says a proxy is in front (uvicorn's own
    default trusts them from loopback, so each forged ``X-Forwarded-For`` got a fresh rate-limit bucket).
    """
    return {
        "proxy_headers": settings.proxy_headers,
        "forwarded_allow_ips": settings.forwarded_allow_ips,
        "root_path": settings.root_path,
    }


def _worker_log_config(level: str) -> dict[str, Any]:
    """uvicorn's logging plus the root logger (the app's own messages), as the CLI configures it."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["advisor"] = {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    config["handlers"]["advisor"] = {
        "class": "logging.StreamHandler",
        "formatter": "advisor",
        "stream": "ext://sys.stderr",
    }
    config["loggers"][""] = {"handlers": ["advisor"], "level": level.upper()}
    return config
