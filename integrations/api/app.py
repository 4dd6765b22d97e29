"""The app factory: routes, error handlers, middleware, the chat page."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from assistant.app import Advisor
from corpus.heap import freeze_startup_heap
from corpus.languages import start_warm_up as start_language_warm_up
from corpus.redaction import install_redaction
from corpus.refresh.apply import run_refresh
from corpus.refresh.log import RefreshLog
from corpus.refresh.scheduler import RefreshScheduler
from corpus.settings import Settings
from corpus.version import package_version
from integrations.api.deps import ApiServices, open_services
from integrations.api.errors import install_error_handlers
from integrations.api.metrics import ApiMetrics, MetricsMiddleware
from integrations.api.routes import ask, calls, documents, feedback, health, page, partners, search
from integrations.api.security import (
    BEARER,
    AuthMiddleware,
    BodyLimitMiddleware,
    OriginCheckMiddleware,
    RateLimiter,
    RateLimitMiddleware,
    SecurityHeadersMiddleware,
    parse_api_keys,
)

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"


def slack_configured(settings: Settings) -> bool:
    """Slack's HTTP mode needs the bot token and the signing secret."""
    return settings.slack_bot_token is not None and settings.slack_signing_secret is not None


def create_app(
    settings: Settings, *, services: ApiServices | None = None, freeze_heap: bool = False
) -> FastAPI:
    """The Cluster Advisor HTTP app.

    Args:
        settings: The settings (API keys, limits, data dir).
        services: Already opened stores and assistant (tests); opened from ``settings`` at
            start-up and closed at shutdown when None.
        freeze_heap: Freeze the objects alive after start-up out of the garbage collector's reach
            (:mod:`corpus.heap`), for a process that only serves this app (``serve``).

    Returns:
        The FastAPI application (OpenAPI at ``/docs``, chat page at ``/``).
    """
    install_redaction(settings)  # every process serving the app (each worker too) masks its secrets

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        opened = services or open_services(settings)
        app.state.services = opened
        slack_work = slack_store = None
        if slack_configured(settings):
            # Slack's HTTP mode shares this app; its Bolt app needs the opened assistant.
            from integrations.slack.http import build_slack_router
            from integrations.slack.journal import journaled_background_work
            from integrations.slack.store import SlackStore

            slack_store = SlackStore.from_settings(settings)
            slack_work = journaled_background_work(settings, slack_store)
            app.include_router(
                build_slack_router(advisor=opened.advisor, background=slack_work, triage_store=slack_store)
            )
            logger.info("Slack events served at POST /slack/events")
        scheduler = start_refresh_scheduler(settings, opened) if settings.refresh_hours > 0 else None
        start_language_warm_up()  # the language detectors take seconds to build: not on a question
        if freeze_heap:
            freeze_startup_heap()  # full collections no longer pause every request for ~0.2 s
        try:
            yield
        finally:
            if scheduler is not None:
                scheduler.stop()
                scheduler.log.close()
            if slack_work is not None:
                slack_work.shutdown(wait=True)  # answers in flight finish before the stores close
            if slack_store is not None:
                slack_store.close()
            if services is None:
                opened.close()

    app = FastAPI(
        title="Cluster Advisor",
        summary="Answers about EU funding calls, cluster partners and cluster policy, with sources.",
        version=package_version(),
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.metrics = metrics = ApiMetrics()
    if services is not None:
        app.state.services = services
    install_error_handlers(app)
    keys = parse_api_keys(settings)
    # With keys required, OpenAPI declares the Bearer scheme (/docs gets an Authorize button); the
    # middleware does the checking. An open server (or anonymous reads) declares none: no key needed.
    bearer = [Depends(BEARER)] if keys and not settings.api_anonymous_read else []
    app.include_router(health.router)
    app.include_router(page.router)
    for module in (ask, search, calls, partners, documents, feedback):
        app.include_router(module.router, dependencies=bearer)

    # Outermost last: metrics → security headers → body limit → rate limit → origin check → auth.
    app.add_middleware(
        AuthMiddleware,
        keys=keys,
        writers=settings.api_writers,
        anonymous_read=settings.api_anonymous_read,
        protect_operations=settings.api_protect_operations,
    )
    app.add_middleware(
        OriginCheckMiddleware,
        allowed=frozenset(o.strip() for o in settings.api_allowed_origins.split(",") if o.strip()),
    )
    if settings.api_rate_limit_per_minute > 0:  # before auth: wrong keys are limited too
        app.add_middleware(
            RateLimitMiddleware,
            limiter=RateLimiter(per_minute=settings.api_rate_limit_per_minute),
            keys=keys,
        )
    app.add_middleware(
        BodyLimitMiddleware,
        max_body_bytes=settings.api_max_body_bytes,
        max_upload_bytes=settings.max_file_bytes,
    )
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(MetricsMiddleware, metrics=metrics)

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    logger.info("API keys %s", "required on /v1" if keys else "not configured: /v1 is open")
    return app


def start_refresh_scheduler(settings: Settings, services: ApiServices) -> RefreshScheduler:
    """Refresh the calls every ``CLUSTER_ADVISOR_REFRESH_HOURS`` in the background (one worker at a time)."""
    log = RefreshLog.open(settings.records_db_url)
    scheduler = RefreshScheduler(
        log=log,
        interval_s=settings.refresh_hours * 3600,
        refresh=lambda: run_refresh(
            settings=settings, store=services.records, index=services.index, log=log, lock=services.writing
        ),
    )
    scheduler.start()
    return scheduler


def create_app_for(settings: Settings, advisor: Advisor) -> FastAPI:
    """The app serving an already opened ``advisor`` (left open at shutdown): the CLI session's
    :data:`~assistant.session.ApiAppFactory`, for dev commands that probe the API in-process."""
    return create_app(settings, services=ApiServices(advisor=advisor))


def create_app_from_env() -> FastAPI:
    """The app with settings from the environment: the factory ``serve --workers N`` hands to uvicorn,
    which calls it once in each worker process (``integrations.api.app:create_app_from_env``)."""
    return create_app(Settings(), freeze_heap=True)
