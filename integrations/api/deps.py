"""What the routes share: the opened stores and the assistant, and typed FastAPI dependencies.

The server process is the one writer of its data dir (Chroma is not safe for several writing
processes), so one :class:`ApiServices` is opened per app: reads share its lock, a write has it alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from assistant.conversation import ConversationStore
from assistant.service import Assistant
from corpus.models import Audience, DocType, FundingCall
from corpus.settings import Settings
from corpus.store import RecordStore
from integrations.api.metrics import ApiMetrics
from integrations.api.rwlock import ReadWriteLock
from integrations.api.security import Caller, caller_of
from retrieval.index import SearchIndex
from retrieval.search import HybridRetriever


@dataclass
class ApiServices:
    """The stores, index and assistant one app serves from."""

    settings: Settings
    records: RecordStore
    index: SearchIndex
    conversations: ConversationStore
    assistant: Assistant
    owned: bool = True
    """Whether :meth:`close` closes the stores (False when a test lends them)."""
    lock: ReadWriteLock = field(default_factory=ReadWriteLock)
    _calls: list[FundingCall] | None = field(default=None, repr=False)
    _calls_signature: tuple[int, str] | None = field(default=None, repr=False)

    @property
    def retriever(self) -> HybridRetriever:
        return self.assistant.retriever

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Use the index and stores alongside other readers (never during a write)."""
        with self.lock.reading():
            yield

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Have the index alone for a write (uploads, deletions), then drop cached records."""
        with self.lock.writing():
            yield
            self._calls = None

    def calls(self) -> list[FundingCall]:
        """Every stored funding call (cached until the store changes: a write here, or a refresh by
        another worker on the same database)."""
        with self.lock.reading():
            signature = self.records.signature()
            if self._calls is None or signature != self._calls_signature:
                self._calls = [
                    record
                    for record in self.records.iter_records(doc_type=DocType.CALL)
                    if isinstance(record, FundingCall)
                ]
                self._calls_signature = signature
            return self._calls

    def close(self) -> None:
        if self.owned:
            self.conversations.close()
            self.index.close()
            self.records.close()


def open_services(settings: Settings) -> ApiServices:
    """Open the record store, the checked index, the conversation store and the assistant."""
    from assistant.llm_openai import chat_model_from_settings
    from retrieval.embeddings import embedder_from_settings
    from retrieval.startup import open_checked_index

    records = RecordStore.open(settings.records_db_url)
    index = open_checked_index(settings=settings, embedder=embedder_from_settings(settings), store=records)
    conversations = ConversationStore.from_settings(settings)
    assistant = Assistant(
        retriever=HybridRetriever(index),
        records=records,
        conversations=conversations,
        chat_model=chat_model_from_settings(settings),
        llm_timeout_s=settings.answer_timeout_s,
    )
    return ApiServices(
        settings=settings, records=records, index=index, conversations=conversations, assistant=assistant
    )


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
