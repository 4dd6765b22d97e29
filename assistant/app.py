"""The composition root: the application, built once from the settings.

:func:`open_advisor` opens the record store, the checked search index, the conversation store, the
chat model, the composer, the assistant and the calls service. Every adapter (the HTTP API, the
CLI, the Slack answer workers, the evals) serves from the :class:`Advisor` it returns and never
constructs these itself, so a setting such as ``CLUSTER_ADVISOR_ANSWER_TIMEOUT_S`` reaches every path.

A caller may lend parts it already holds (a test's ingested corpus, an eval's sandbox copy, a local
model server); lent parts are used as they are and left open by :meth:`Advisor.close`.
"""

from __future__ import annotations

import enum
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Final

from assistant.calls import CallsService
from assistant.composer import Composer
from assistant.conversation import ConversationStore
from assistant.llm import ChatModel
from assistant.service import Assistant
from corpus.settings import Settings
from corpus.store import RecordStore
from retrieval.index import SearchIndex
from retrieval.search import HybridRetriever


class _FromSettings(enum.Enum):
    FROM_SETTINGS = "from settings"


FROM_SETTINGS: Final = _FromSettings.FROM_SETTINGS
"""Open the chat model the settings configure (none when no LLM is configured)."""


@dataclass
class Advisor:
    """Everything the application serves from: stores, index, assistant and calls service."""

    settings: Settings
    records: RecordStore
    index: SearchIndex
    conversations: ConversationStore
    assistant: Assistant
    calls: CallsService
    _opened: ExitStack = field(default_factory=ExitStack, repr=False)

    @property
    def retriever(self) -> HybridRetriever:
        """The hybrid retriever over :attr:`index`."""
        return self.assistant.retriever

    @property
    def chat_model(self) -> ChatModel | None:
        """The chat model answers are generated with (None: extractive answers only)."""
        return self.assistant.chat_model

    def close(self) -> None:
        """Close what :func:`open_advisor` opened (lent parts stay open), newest first."""
        self._opened.close()

    def __enter__(self) -> Advisor:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_advisor(
    settings: Settings,
    *,
    records: RecordStore | None = None,
    index: SearchIndex | None = None,
    conversations: ConversationStore | None = None,
    chat_model: ChatModel | None | _FromSettings = FROM_SETTINGS,
    composer: Composer | None = None,
) -> Advisor:
    """Open the application described by ``settings``.

    Args:
        settings: Data dir, database URLs, Chroma, embedding backend, LLM and its time-outs.
        records: A record store to use instead of opening ``settings.records_db_url``.
        index: A search index to use instead of opening (and checking) the data dir's.
        conversations: A conversation store to use instead of opening the configured one.
        chat_model: The chat model; by default the one the settings configure; None for
            extractive answers only.
        composer: What writes the answers (evals wrap the default one to record its passages);
            by default generated-and-checked with a chat model, else extractive.

    Raises:
        StoreUnavailable: A database cannot be opened.
        IndexModelMismatch: The index was built with another embedding model.
        IndexUnavailable: Chroma cannot be opened or reached.
    """
    opened = ExitStack()
    try:
        if records is None:
            records = RecordStore.open(settings.records_db_url)
            opened.callback(records.close)
        if index is None:
            from retrieval.embeddings import embedder_from_settings
            from retrieval.startup import open_checked_index

            embedder = embedder_from_settings(settings)
            if settings.index_replica:  # a `serve --workers` process: the parent checked the index
                index = SearchIndex.open_replica(settings=settings, embedder=embedder)
            else:
                index = open_checked_index(settings=settings, embedder=embedder, store=records)
            opened.callback(index.close)
        if conversations is None:
            conversations = ConversationStore.from_settings(settings)
            opened.callback(conversations.close)
        if isinstance(chat_model, _FromSettings):
            from assistant.llm_openai import chat_model_from_settings

            chat_model = chat_model_from_settings(settings)
            if (close_model := getattr(chat_model, "close", None)) is not None:
                opened.callback(close_model)
        calls = CallsService(records)
        assistant = Assistant(
            calls=calls,
            retriever=HybridRetriever(index),
            records=records,
            conversations=conversations,
            chat_model=chat_model,
            llm_timeout_s=settings.answer_timeout_s,
            composer=composer,
        )
    except BaseException:
        opened.close()
        raise
    return Advisor(
        settings=settings,
        records=records,
        index=index,
        conversations=conversations,
        assistant=assistant,
        calls=calls,
        _opened=opened,
    )
