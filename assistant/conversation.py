"""Multi-turn memory in SQL: conversations, their turns (with the answers given) and feedback.

SQLite in the data dir by default (``conversations.sqlite3``), any SQLAlchemy URL when
``CLUSTER_ADVISOR_DATABASE_URL`` is set. One engine per store; thread-safe through the engine.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    insert,
    select,
)
from sqlalchemy.exc import SQLAlchemyError

from assistant.errors import NotFound, StoreUnavailable
from assistant.language import UNKNOWN_CONVERSATION, localized_error
from corpus.settings import Settings
from corpus.sql import SqlStore, as_utc, sql_text, utc_now

logger = logging.getLogger(__name__)

TurnRole = Literal["user", "assistant"]
_MAX_ID = 64

metadata = MetaData()

conversations = Table(
    "conversations",
    metadata,
    Column("id", String(_MAX_ID), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("channel", String(32), nullable=False),
)

turns = Table(
    "turns",
    metadata,
    Column("id", String(_MAX_ID), primary_key=True),
    Column(
        "conversation_id", String(_MAX_ID), ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False
    ),
    Column("position", Integer, nullable=False),
    Column("role", String(16), nullable=False),
    Column("content", Text, nullable=False),
    Column("intent", String(32)),
    Column("entities", JSON, nullable=False),
    Column("answer", JSON),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_turns_conversation", "conversation_id", "position"),
)

feedback = Table(
    "feedback",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "answer_id", String(_MAX_ID), ForeignKey("turns.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("helpful", Boolean, nullable=False),
    Column("comment", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


class Turn(BaseModel):
    """One message of a conversation; assistant turns carry the answer object they returned."""

    model_config = ConfigDict(frozen=True)

    id: str
    conversation_id: str
    role: TurnRole
    content: str
    intent: str | None = None
    entities: dict[str, Any] = {}
    answer: dict[str, Any] | None = None
    created_at: dt.datetime


class Feedback(BaseModel):
    """A user's verdict on one answer."""

    model_config = ConfigDict(frozen=True)

    answer_id: str
    helpful: bool
    comment: str | None = None
    created_at: dt.datetime


def new_answer_id() -> str:
    """A fresh turn id (32 hex characters); an assistant turn's id is its answer's ``answer_id``."""
    return uuid.uuid4().hex


def conversations_db_url(settings: Settings) -> str:
    """``CLUSTER_ADVISOR_DATABASE_URL`` when set, else SQLite ``<data_dir>/conversations.sqlite3``."""
    return settings.database_url or f"sqlite:///{settings.data_dir / 'conversations.sqlite3'}"


class ConversationStore(SqlStore):
    """Read and write conversations, turns and feedback."""

    metadata = metadata
    migrations = "conversations"
    purpose = "conversation store"

    @classmethod
    def from_settings(cls, settings: Settings) -> ConversationStore:
        """Open the store at :func:`conversations_db_url`."""
        return cls.open(conversations_db_url(settings))

    # --- conversations ------------------------------------------------------------------------

    def new_conversation(self, *, channel: str = "cli") -> str:
        """Create a conversation and return its id (32 hex characters)."""
        conversation_id = uuid.uuid4().hex
        with self._write() as conn:
            conn.execute(
                insert(conversations).values(id=conversation_id, created_at=utc_now(), channel=channel[:32])
            )
        return conversation_id

    def exists(self, conversation_id: str) -> bool:
        """Whether a conversation with this id exists."""
        if not conversation_id or len(conversation_id) > _MAX_ID:
            return False
        with self._read() as conn:
            found = conn.execute(select(conversations.c.id).where(conversations.c.id == conversation_id))
            return found.first() is not None

    def append_turn(
        self,
        *,
        conversation_id: str,
        role: TurnRole,
        content: str,
        intent: str | None = None,
        entities: dict[str, Any] | None = None,
        answer: dict[str, Any] | None = None,
        turn_id: str | None = None,
    ) -> str:
        """Add a turn at the end of a conversation and return its id (an assistant turn's is the answer id).

        Args:
            turn_id: The id to store the turn under (the answer's ``answer_id``); a new one if None.

        Raises:
            NotFound: the conversation does not exist.
        """
        self._require(conversation_id)
        turn_id = turn_id or new_answer_id()
        with self._write() as conn:
            last = conn.execute(
                select(func.max(turns.c.position)).where(turns.c.conversation_id == conversation_id)
            ).scalar()
            conn.execute(
                insert(turns).values(
                    id=turn_id,
                    conversation_id=conversation_id,
                    position=(last if last is not None else -1) + 1,
                    role=role,
                    content=sql_text(content),
                    intent=intent,
                    entities=entities or {},
                    answer=answer,
                    created_at=utc_now(),
                )
            )
        return turn_id

    def history(self, conversation_id: str, *, limit: int = 10) -> list[Turn]:
        """The last ``limit`` turns of a conversation, oldest first.

        Raises:
            NotFound: the conversation does not exist (the message says how to start a new one).
        """
        self._require(conversation_id)
        query = (
            select(turns)
            .where(turns.c.conversation_id == conversation_id)
            .order_by(turns.c.position.desc())
            .limit(max(limit, 0))
        )
        with self._read() as conn:
            rows = list(conn.execute(query))
        return [_turn(row._mapping) for row in reversed(rows)]

    def get_answer(self, answer_id: str) -> Turn:
        """The assistant turn with this id.

        Raises:
            NotFound: no answer has this id.
        """
        row = None
        if answer_id and len(answer_id) <= _MAX_ID:
            with self._read() as conn:
                row = conn.execute(
                    select(turns).where(turns.c.id == answer_id, turns.c.role == "assistant")
                ).first()
        if row is None:
            raise NotFound(f"no answer with id {answer_id[:_MAX_ID]!r}")
        return _turn(row._mapping)

    def record_feedback(self, *, answer_id: str, helpful: bool, comment: str | None = None) -> Feedback:
        """Store a verdict on an answer (several verdicts per answer are kept).

        Raises:
            NotFound: no answer has this id.
        """
        self.get_answer(answer_id)
        record = Feedback(
            answer_id=answer_id, helpful=helpful, comment=sql_text(comment), created_at=utc_now()
        )
        with self._write() as conn:
            conn.execute(insert(feedback).values(**record.model_dump()))
        return record

    def feedback_for(self, answer_id: str) -> list[Feedback]:
        """Every verdict recorded on an answer, oldest first."""
        query = select(feedback).where(feedback.c.answer_id == answer_id).order_by(feedback.c.id)
        with self._read() as conn:
            return [
                Feedback(
                    answer_id=row.answer_id,
                    helpful=row.helpful,
                    comment=row.comment,
                    created_at=as_utc(row.created_at),
                )
                for row in conn.execute(query)
            ]

    # --- internals ----------------------------------------------------------------------------

    def _require(self, conversation_id: str) -> None:
        if not self.exists(conversation_id):
            shown = conversation_id[:_MAX_ID]
            raise localized_error(NotFound, UNKNOWN_CONVERSATION, conversation=repr(shown))

    def _read(self) -> AbstractContextManager[Connection]:
        return _connection(self._engine, write=False)

    def _write(self) -> AbstractContextManager[Connection]:
        return _connection(self._engine, write=True)


@contextmanager
def _connection(engine: Engine, *, write: bool) -> Iterator[Connection]:
    """A connection (in a transaction when writing) whose SQL errors become StoreUnavailable."""
    try:
        with engine.begin() if write else engine.connect() as conn:
            yield conn
    except SQLAlchemyError as exc:
        raise StoreUnavailable(f"the conversation store failed: {type(exc).__name__}") from exc


def _turn(row: Any) -> Turn:
    return Turn(
        id=row["id"],
        conversation_id=row["conversation_id"],
        role=row["role"],
        content=row["content"],
        intent=row["intent"],
        entities=row["entities"] or {},
        answer=row["answer"],
        created_at=as_utc(row["created_at"]),
    )
