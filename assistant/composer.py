"""Composers: turn gathered evidence into a cited answer, with or without a language model.

Both implement :class:`Composer`. The :class:`ExtractiveComposer` (default, offline) writes the
answerers' structured lines; the :class:`LLMComposer` asks a chat model to answer from the same
passages as delimited data, checks its citations and falls back to the extractive answer when the
model fails, times out, or leaves no valid citation.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from assistant.citations import check_citations, split_sentences
from assistant.composer_screening import ReplyScreen, screen_extractive
from assistant.errors import AdvisorError, LLMUnavailable
from assistant.injection import (
    drop_injected,
    passage_taint,
    prompt_fingerprint,
    safe_passages,
    strip_links,
)
from assistant.llm import ChatMessage, ChatModel, DeadlineChatModel
from assistant.models import AnswerMode, Citation, Passage
from assistant.prompts import answer_system_prompt, build_answer_messages

logger = logging.getLogger(__name__)

LLM_MAX_TOKENS = 700


@dataclass(frozen=True)
class Evidence:
    """What an answerer found: numbered passages plus the extractive answer's lines.

    Attributes:
        intent: funding, partners, policy or out_of_scope.
        question: The standalone question the evidence answers.
        passages: Numbered ``1..k`` in the order the extractive lines cite them.
        intro: The extractive answer's first line (a lead-in ending with ``:``, or a refusal).
        lines: The extractive bullets, each citing its passage as ``[n]``.
        grounded: False when the corpus holds no evidence (``intro`` then says so).
        focus_doc_ids: Documents the answer is about, for follow-ups ("its deadline").
    """

    intent: str
    question: str
    passages: tuple[Passage, ...] = ()
    intro: str = ""
    lines: tuple[str, ...] = ()
    grounded: bool = True
    focus_doc_ids: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())
    """Uncited remarks placed after the bullets (hedges, suggestions): never factual claims."""
    llm_footer: tuple[str, ...] = field(default=())
    """Computed lines a model's answer ends with, verbatim (the extractive answer already carries
    them in its lines and notes): what the last refresh changed, "Calls as of D"."""
    result_table: str = ""
    """The query plan's exact result (counts, the chosen call), given to a model as settled fact."""
    required_facts: tuple[str, ...] = ()
    """Values a model's answer must state as computed (the count, the chosen identifier); otherwise
    the answer is rejected and the extractive one is used."""
    lang: str = "en"
    """The language the answer is written in (the writers wrote ``intro``, ``lines`` and ``notes`` in
    it; a model is told to answer in it)."""

    def extractive_text(self) -> str:
        """The answer for chat: intro line, then one ``- `` bullet per line, then notes."""
        parts = [self.intro] if self.intro else []
        parts += [f"- {line}" for line in self.lines]
        parts += list(self.notes)
        return "\n".join(parts)


class Composed(BaseModel):
    """A composer's checked answer."""

    model_config = ConfigDict(frozen=True)

    text: str
    citations: tuple[Citation, ...]
    mode: AnswerMode
    grounded: bool


StreamItem = str | Composed
"""A composer's stream: text deltas, then exactly one :class:`Composed` (authoritative) at the end."""


class Composer(Protocol):
    """Writes the answer for a piece of evidence."""

    mode: AnswerMode

    def compose(self, *, evidence: Evidence, today: dt.date, history: Sequence[ChatMessage] = ()) -> Composed:
        """The whole checked answer."""
        ...

    def stream(
        self, *, evidence: Evidence, today: dt.date, history: Sequence[ChatMessage] = ()
    ) -> Iterator[StreamItem]:
        """Text deltas, then the checked :class:`Composed` answer."""
        ...


class ExtractiveComposer:
    """Selected sentences and structured facts, no model, no network."""

    mode: AnswerMode = "extractive"

    def compose(self, *, evidence: Evidence, today: dt.date, history: Sequence[ChatMessage] = ()) -> Composed:
        """The evidence's lines, screened (see :mod:`assistant.composer_screening`) and cited."""
        text = evidence.extractive_text()
        if not evidence.grounded or not evidence.passages:
            return Composed(text=text, citations=(), mode="extractive", grounded=False)
        passages, removed = safe_passages(evidence.passages)
        text = screen_extractive(text, removed=removed, tainted=passage_taint(evidence.passages))
        checked = check_citations(text, passages)
        return Composed(
            text=checked.text,
            citations=checked.citations,
            mode="extractive",
            grounded=bool(checked.citations),
        )

    def stream(
        self, *, evidence: Evidence, today: dt.date, history: Sequence[ChatMessage] = ()
    ) -> Iterator[StreamItem]:
        """One delta per line (sentences for the intro), then the checked answer."""
        composed = self.compose(evidence=evidence, today=today, history=history)
        lines = composed.text.splitlines()
        for number, line in enumerate(lines):
            ending = "\n" if number + 1 < len(lines) else ""
            pieces = split_sentences(line) if number == 0 else [line]
            for index, piece in enumerate(pieces):
                yield piece + (" " if index + 1 < len(pieces) else ending)
        yield composed


class LLMComposer:
    """Answers through a chat model; checked citations; extractive fallback on any failure."""

    mode: AnswerMode = "llm"

    def __init__(self, chat_model: ChatModel, *, timeout_s: float = 20.0) -> None:
        """Use ``chat_model``; give up (and fall back) after ``timeout_s`` seconds of wall time."""
        self.chat_model: ChatModel = DeadlineChatModel(chat_model, timeout_s=timeout_s)
        self.timeout_s = timeout_s
        self.fallback = ExtractiveComposer()

    def compose(self, *, evidence: Evidence, today: dt.date, history: Sequence[ChatMessage] = ()) -> Composed:
        """The model's answer with checked citations, or the extractive one when it cannot be trusted."""
        if not evidence.grounded or not evidence.passages:
            return self.fallback.compose(evidence=evidence, today=today)
        messages = self._messages(evidence, today, history)
        try:
            reply = self.chat_model.complete(messages, max_tokens=LLM_MAX_TOKENS)
        except Exception as exc:  # noqa: BLE001 - any model failure means the extractive answer
            logger.warning("language model failed, answering extractively: %s", _describe(exc))
            return self.fallback.compose(evidence=evidence, today=today)
        return self._checked(reply, evidence, today)

    def stream(
        self, *, evidence: Evidence, today: dt.date, history: Sequence[ChatMessage] = ()
    ) -> Iterator[StreamItem]:
        """The model's tokens as they come, then the checked answer (extractive if the check fails)."""
        if not evidence.grounded or not evidence.passages:
            yield from self.fallback.stream(evidence=evidence, today=today)
            return
        messages = self._messages(evidence, today, history)
        pieces: list[str] = []
        screen = self._screen(evidence, today)
        started = time.monotonic()
        try:
            for piece in self.chat_model.stream(messages, max_tokens=LLM_MAX_TOKENS):
                pieces.append(piece)
                # Deltas reach the user before the final check: only screened sentences are let out.
                yield from screen.feed(piece)
                if time.monotonic() - started > self.timeout_s:
                    raise LLMUnavailable(f"no complete answer within {self.timeout_s:g}s")
            yield from screen.flush()
        except Exception as exc:  # noqa: BLE001 - any model failure means the extractive answer
            logger.warning("language model stream failed, answering extractively: %s", _describe(exc))
            yield self.fallback.compose(evidence=evidence, today=today)
            return
        yield self._checked("".join(pieces), evidence, today)

    def _messages(
        self, evidence: Evidence, today: dt.date, history: Sequence[ChatMessage]
    ) -> list[ChatMessage]:
        passages, removed = safe_passages(evidence.passages)
        if removed:
            logger.warning("removed %d instruction-like passage sentence(s) before the model", len(removed))
        return build_answer_messages(
            question=evidence.question,
            passages=passages,
            today=today,
            history=history,
            result_table=evidence.result_table,
            lang=evidence.lang,
        )

    def _screen(self, evidence: Evidence, today: dt.date) -> ReplyScreen:
        _, removed = safe_passages(evidence.passages)
        return ReplyScreen(
            removed=removed,
            tainted=passage_taint(evidence.passages),
            fingerprint=prompt_fingerprint(answer_system_prompt(today)),
            allowed_urls=tuple(p.url for p in evidence.passages if p.url),
        )

    def _checked(self, reply: str, evidence: Evidence, today: dt.date) -> Composed:
        passages, removed = safe_passages(evidence.passages)
        reply = strip_links(reply, [p.url for p in evidence.passages if p.url])
        reply, dropped = drop_injected(
            reply,
            removed,
            tainted=passage_taint(evidence.passages),
            fingerprint=prompt_fingerprint(answer_system_prompt(today)),
        )
        if dropped:
            logger.warning("dropped %d answer sentence(s): injected instructions or prompt text", dropped)
        checked = check_citations(reply, passages)
        if checked.dropped:
            logger.info("removed citation markers pointing nowhere: %s", list(checked.dropped))
        if not checked.citations:
            logger.warning("the model's answer has no valid citation; answering extractively")
            return self.fallback.compose(evidence=evidence, today=today)
        missing = missing_facts(checked.text, evidence.required_facts)
        if missing:
            logger.warning(
                "the model's answer contradicts the computed result (missing %s); extractive", missing
            )
            return self.fallback.compose(evidence=evidence, today=today)
        text = "\n".join((checked.text, *evidence.llm_footer))
        return Composed(text=text, citations=checked.citations, mode="llm", grounded=True)


def missing_facts(text: str, required: Sequence[str]) -> list[str]:
    """The required values ``text`` does not state as whole tokens ("7" is not in "17" or "2027")."""
    return [
        fact
        for fact in required
        if not re.search(r"(?<![\w.-])" + re.escape(fact) + r"(?![\w-]|\.\d)", text, re.IGNORECASE)
    ]


def _describe(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, AdvisorError) else type(exc).__name__
