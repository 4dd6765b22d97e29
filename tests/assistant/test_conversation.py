"""The conversation store on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.conversation import ConversationStore, conversations_db_url
from assistant.errors import NotFound
from corpus.settings import Settings


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ConversationStore]:
    opened = ConversationStore.open(f"sqlite:///{tmp_path / 'db' / 'conversations.sqlite3'}")
    yield opened
    opened.close()


def test_new_conversation_ids_are_unique_hex(store: ConversationStore) -> None:
    first, second = store.new_conversation(), store.new_conversation(channel="slack")

    assert first != second
    assert len(first) == 32 and int(first, 16) >= 0
    assert store.exists(first) and store.exists(second)
    assert not store.exists("0" * 32)
    assert not store.exists("")


def test_history_is_in_order_and_limited(store: ConversationStore) -> None:
    conversation = store.new_conversation()
    for index in range(6):
        store.append_turn(conversation_id=conversation, role="user", content=f"question {index}")
        store.append_turn(
            conversation_id=conversation,
            role="assistant",
            content=f"answer {index} [1]",
            intent="funding",
            entities={"countries": ["ES"], "call_ids": [f"I3-{index}"]},
            answer={"answer": f"answer {index} [1]", "grounded": True},
        )

    everything = store.history(conversation, limit=100)
    last_three = store.history(conversation, limit=3)

    assert [t.content for t in everything[:3]] == ["question 0", "answer 0 [1]", "question 1"]
    assert len(everything) == 12
    assert [t.content for t in last_three] == ["answer 4 [1]", "question 5", "answer 5 [1]"]
    assert last_three[-1].entities == {"countries": ["ES"], "call_ids": ["I3-5"]}
    assert last_three[-1].intent == "funding"
    assert last_three[-1].answer == {"answer": "answer 5 [1]", "grounded": True}
    assert last_three[-1].created_at.tzinfo is not None
    assert store.history(conversation, limit=0) == []


def test_conversations_do_not_mix(store: ConversationStore) -> None:
    one, two = store.new_conversation(), store.new_conversation()
    store.append_turn(conversation_id=one, role="user", content="in one")
    store.append_turn(conversation_id=two, role="user", content="in two")

    assert [t.content for t in store.history(one)] == ["in one"]
    assert store.history(two)[0].conversation_id == two


def test_unknown_conversation_says_how_to_start_a_new_one(store: ConversationStore) -> None:
    with pytest.raises(NotFound, match="unknown conversation 'nope'.*start a new one"):
        store.history("nope")
    with pytest.raises(NotFound):
        store.append_turn(conversation_id="nope", role="user", content="hello")
    with pytest.raises(NotFound):
        store.history("x" * 10_000)


def test_answers_and_feedback(store: ConversationStore) -> None:
    conversation = store.new_conversation()
    question_id = store.append_turn(conversation_id=conversation, role="user", content="q")
    answer_id = store.append_turn(
        conversation_id=conversation, role="assistant", content="a", answer={"x": 1}
    )

    assert store.get_answer(answer_id).answer == {"x": 1}
    with pytest.raises(NotFound):
        store.get_answer(question_id)  # a question is not an answer

    store.record_feedback(answer_id=answer_id, helpful=False, comment="wrong deadline")
    store.record_feedback(answer_id=answer_id, helpful=True)

    verdicts = store.feedback_for(answer_id)
    assert [(v.helpful, v.comment) for v in verdicts] == [(False, "wrong deadline"), (True, None)]
    with pytest.raises(NotFound, match="no answer with id 'missing'"):
        store.record_feedback(answer_id="missing", helpful=True)


def test_data_survives_reopening(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    first = ConversationStore.open(url)
    conversation = first.new_conversation()
    first.append_turn(conversation_id=conversation, role="user", content="persisted")
    first.close()

    second = ConversationStore.open(url)
    assert [t.content for t in second.history(conversation)] == ["persisted"]
    second.close()


def test_url_from_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLUSTER_ADVISOR_DATA_DIR", str(tmp_path))
    assert conversations_db_url(Settings()) == f"sqlite:///{tmp_path / 'conversations.sqlite3'}"

    store = ConversationStore.from_settings(Settings())
    assert store.exists(store.new_conversation())
    store.close()
    assert (tmp_path / "conversations.sqlite3").exists()

    monkeypatch.setenv("CLUSTER_ADVISOR_DATABASE_URL", "sqlite:///:memory:")
    assert conversations_db_url(Settings()) == "sqlite:///:memory:"
