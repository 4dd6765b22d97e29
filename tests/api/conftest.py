"""An app over the small ingested test corpus, and TestClients for it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.app import open_advisor
from assistant.conversation import ConversationStore
from corpus.settings import Settings
from integrations.api import create_app
from integrations.api.deps import ApiServices
from tests.assistant.factories import TODAY, Corpus, build_corpus, corpus  # noqa: F401 - the shared fixture

AppFactory = Callable[..., TestClient]


def api_settings(data_dir: Path, **overrides: Any) -> Settings:
    """Settings for an app under test: the corpus's data dir, the tests' fixed day."""
    return Settings(_env_file=None, data_dir=data_dir, today_override=TODAY, **overrides)


def services_for(corpus: Corpus, settings: Settings, conversations_dir: Path) -> ApiServices:  # noqa: F811
    """Services lent by the shared corpus (not closed by the app)."""
    conversations = ConversationStore.open(f"sqlite:///{conversations_dir / 'conversations.sqlite3'}")
    advisor = open_advisor(
        settings, records=corpus.records, index=corpus.index, conversations=conversations, chat_model=None
    )
    return ApiServices(advisor=advisor)


def _client_factory(corpus: Corpus, tmp_path: Path) -> Iterator[AppFactory]:  # noqa: F811
    clients: list[TestClient] = []

    def make(**overrides: Any) -> TestClient:
        settings = api_settings(corpus.settings.data_dir, **overrides)
        services = services_for(corpus, settings, tmp_path)
        client = TestClient(create_app(settings, services=services))
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def make_client(corpus: Corpus, tmp_path: Path) -> Iterator[AppFactory]:  # noqa: F811
    """``make_client(**settings_overrides)``: a TestClient over the shared, read-only corpus."""
    yield from _client_factory(corpus, tmp_path)


@pytest.fixture(scope="module")
def own_corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    """A corpus of this test module's own, for tests that add and remove documents."""
    yield from build_corpus(tmp_path_factory.mktemp("api-writable"))


@pytest.fixture
def make_writable_client(own_corpus: Corpus, tmp_path: Path) -> Iterator[AppFactory]:
    """``make_writable_client(**settings_overrides)``: a TestClient over the module's own corpus."""
    yield from _client_factory(own_corpus, tmp_path)


@pytest.fixture
def writable_client(make_writable_client: AppFactory) -> TestClient:
    """A TestClient over the module's own corpus whose operator lets anyone write (no keys)."""
    return make_writable_client(CLUSTER_ADVISOR_WRITERS="anyone")


@pytest.fixture
def client(make_client: AppFactory) -> TestClient:
    """A TestClient with default settings (no API keys)."""
    return make_client()
