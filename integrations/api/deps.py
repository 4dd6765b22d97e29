"""What the routes share: the opened application and its lock, and typed FastAPI dependencies.

One :class:`ApiServices` is opened per app: reads share its lock, a write has it alone. Chroma is
not safe for several writing processes: one ``serve`` process is the one writer of its data dir,
and the processes of ``serve --workers N`` write one at a time (:mod:`integrations.api.workers`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from assistant.app import Advisor, open_advisor
from assistant.calls import CallsService
from assistant.conversation import ConversationStore
from assistant.service import Assistant
from corpus.models import Audience
from corpus.settings import Settings
from corpus.store import RecordStore
from integrations.api.metrics import ApiMetrics
from integrations.api.rwlock import ReadWriteLock
from integrations.api.security import Caller, caller_of
from integrations.api.workers import data_dir_write_lock
from retrieval.index import SearchIndex
from retrieval.search import HybridRetriever


@dataclass
class ApiServices:
    """The application one app serves from (:func:`assistant.app.open_advisor`), and its lock."""

    advisor: Advisor
    lock: ReadWriteLock = field(default_factory=ReadWriteLock)

    @property
    def settings(self) -> Settings:
        return self.advisor.settings

    @property
    def records(self) -> RecordStore:
        return self.advisor.records

    @property
    def index(self) -> SearchIndex:
        return self.advisor.index

    @property
    def conversations(self) -> ConversationStore:
        return self.advisor.conversations

    @property
    def assistant(self) -> Assistant:
        return self.advisor.assistant

    @property
    def calls(self) -> CallsService:
        return self.advisor.calls

    @property
    def retriever(self) -> HybridRetriever:
        return self.advisor.retriever

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Use the index and stores alongside other readers (never during a write)."""
        with self.lock.reading():
            yield

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Have the index alone for a write (uploads, deletions).

        Also the data dir's lock, so that of several ``serve`` processes one at a time writes, each
        starting from the index the last one saved; a replica has Chroma open only meanwhile
        (:mod:`integrations.api.workers`).
        """
        with (
            self.lock.writing(),
            data_dir_write_lock(self.settings.data_dir),
            self.index.writer_session(),
        ):
            yield

    def close(self) -> None:
        """Close what the advisor opened (parts a test lent it stay open)."""
        self.advisor.close()


def open_services(settings: Settings) -> ApiServices:
    """Open the application from ``settings`` (see :func:`assistant.app.open_advisor`)."""
    return ApiServices(advisor=open_advisor(settings))


def get_services(request: Request) -> ApiServices:
    services = request.app.state.services
    if not isinstance(services, ApiServices):  # pragma: no cover - set by the lifespan
        raise RuntimeError("services not opened")
    return services


def get_settings(request: Request) -> Settings:
    settings = request.app.state.settings
    if not isinstance(settings, Settings):  # pragma: no cover - set by create_app
        raise RuntimeError("settings missing")
    return settings


def get_metrics(request: Request) -> ApiMetrics:
    metrics = request.app.state.metrics
    if not isinstance(metrics, ApiMetrics):  # pragma: no cover - set by create_app
        raise RuntimeError("metrics missing")
    return metrics


def get_caller(request: Request) -> Caller:
    return caller_of(request)


def visible_audiences(caller: Caller) -> frozenset[Audience]:
    """Public for anonymous callers; public and internal for keys that allow internal documents."""
    return frozenset(Audience) if caller.internal else frozenset({Audience.PUBLIC})


def default_today(settings: Settings, today: dt.date | None) -> dt.date:
    """The day asked, else the configured day (``CLUSTER_ADVISOR_TODAY``, else the real date)."""
    return today or settings.today


ServicesDep = Annotated[ApiServices, Depends(get_services)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
MetricsDep = Annotated[ApiMetrics, Depends(get_metrics)]
CallerDep = Annotated[Caller, Depends(get_caller)]
