"""One wall-clock deadline on every model call, and composition outside the index lock (issue 15, item 7)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.app import open_advisor
from assistant.composer import LLM_MAX_TOKENS
from assistant.conversation import ConversationStore
from assistant.errors import LLMUnavailable
from assistant.llm import ChatMessage, DeadlineChatModel
from assistant.service import Assistant
from integrations.api import create_app
from integrations.api.deps import ApiServices
from tests.api.conftest import api_settings
from tests.assistant.factories import TODAY, Corpus, build_corpus, corpus  # noqa: F401 - the shared fixture


class HungModel:
    """A chat model whose calls block until ``release`` is set (a server that accepted and hung)."""

    name = "hung"

    def __init__(self) -> None:
        self.release = threading.Event()
        self.entered = threading.Event()
        self.calls = 0
        self.only_max_tokens: int | None = None
        """Hang only calls with this ``max_tokens`` (the others get an empty reply at once)."""

    def complete(self, messages: Sequence[ChatMessage], *, max_tokens: int, temperature: float = 0.0) -> str:
        if self.only_max_tokens is not None and max_tokens != self.only_max_tokens:
            return "{}"
        self.calls += 1
        self.entered.set()
        self.release.wait(120)
        return "Too late."

    def stream(
        self, messages: Sequence[ChatMessage], *, max_tokens: int, temperature: float = 0.0
    ) -> Iterator[str]:
        yield "A first piece, then silence. "
        self.entered.set()
        self.release.wait(120)
        yield "Too late."


def _finishes_within(seconds: float, work: Callable[[], Any]) -> Any:
    """``work()``'s result; fails (rather than hanging the suite) when it takes longer."""
    result: list[Any] = []
    thread = threading.Thread(target=lambda: result.append(work()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    return result[0]


def _assistant(corpus: Corpus, tmp_path: Path, chat_model: Any = None, timeout_s: float = 1.0) -> Assistant:  # noqa: F811
    """An assistant whose conversations live in a file (the calls below run on other threads)."""
    return Assistant(
        retriever=corpus.retriever,
        records=corpus.records,
        conversations=ConversationStore.open(f"sqlite:///{tmp_path / 'conversations.sqlite3'}"),
        chat_model=chat_model,
        llm_timeout_s=timeout_s,
    )


@pytest.fixture
def hung() -> Iterator[HungModel]:
    model = HungModel()
    yield model
    model.release.set()


def test_a_follow_up_rewrite_by_a_hung_model_ends_at_the_deadline(
    corpus: Corpus,  # noqa: F811
    hung: HungModel,
    tmp_path: Path,
) -> None:
    assistant = _assistant(corpus, tmp_path, hung)
    first = _finishes_within(
        30, lambda: assistant.ask(question="Which open calls fund cluster internationalisation?", today=TODAY)
    )
    assert first.mode == "extractive"  # the composer's own deadline already held before the fix
    calls_before = hung.calls
    started = time.monotonic()
    answer = _finishes_within(
        30,
        lambda: assistant.ask(
            question="and when is its deadline?", today=TODAY, conversation_id=first.conversation_id
        ),
    )
    assert hung.calls >= calls_before + 1 and answer.citations  # the rules' carry-over answered
    assert time.monotonic() - started < 15


def test_intent_refinement_by_a_hung_model_ends_at_the_deadline(
    corpus: Corpus,  # noqa: F811
    hung: HungModel,
    tmp_path: Path,
) -> None:
    assistant = _assistant(corpus, tmp_path, hung)
    understanding = _finishes_within(
        30, lambda: assistant.classify("Our invoice for the cluster fee is wrong")
    )
    assert hung.calls == 1 and understanding.refined_by != "model"


def test_a_stream_that_stalls_is_cut_at_the_deadline(hung: HungModel) -> None:
    model = DeadlineChatModel(hung, timeout_s=0.5)
    pieces: list[str] = []

    def read() -> None:
        with pytest.raises(LLMUnavailable, match=r"within 0\.5s"):
            for piece in model.stream([ChatMessage(role="user", content="hi")], max_tokens=10):
                pieces.append(piece)

    _finishes_within(30, read)
    assert pieces == ["A first piece, then silence. "]


def test_a_slow_answer_does_not_hold_the_index_lock(tmp_path: Path, hung: HungModel) -> None:
    own = next(build_corpus(tmp_path / "data"))
    settings = api_settings(
        own.settings.data_dir, CLUSTER_ADVISOR_WRITERS="anyone", CLUSTER_ADVISOR_ANSWER_TIMEOUT_S=60
    )
    conversations = ConversationStore.open(f"sqlite:///{tmp_path / 'conversations.sqlite3'}")
    hung.only_max_tokens = LLM_MAX_TOKENS  # the answer hangs; the query planner gets a quick reply
    services = ApiServices(
        advisor=open_advisor(
            settings, records=own.records, index=own.index, conversations=conversations, chat_model=hung
        )
    )
    with TestClient(create_app(settings, services=services)) as client:
        asked: dict[str, Any] = {}
        asking = threading.Thread(
            target=lambda: asked.update(
                response=client.post(
                    "/v1/ask", json={"question": "Which open calls fund cluster internationalisation?"}
                )
            )
        )
        asking.start()
        try:
            assert hung.entered.wait(60), "the answer never reached the model"
            note = b"# Kelp\n\nThe kelp farming cluster in Bodo tests seaweed lines.\n"
            uploaded = _finishes_within(
                30, lambda: client.post("/v1/documents", files={"file": ("kelp.md", note, "text/markdown")})
            )
            assert uploaded.status_code == 201, uploaded.text  # before the fix: blocked behind the answer
        finally:
            hung.release.set()
            asking.join(60)
        assert asked["response"].status_code == 200
    conversations.close()
    own.index.close()
    own.records.close()
