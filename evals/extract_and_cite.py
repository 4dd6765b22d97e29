"""A deterministic "extract-and-cite" model for LLM-mode evals, served by :mod:`evals.llm_server`.

Served on loopback and reached by the real ``openai`` client, it lets ``eval answers --mode llm``
run the assistant's whole LLM path — prompt assembly, HTTP, citation checking, fallbacks — without
a model.

The responder reads the numbered ``<passage n="…">`` blocks of the last user message, keeps the
few passages sharing the most words with the question (ties: in the order given), and answers with
each one's first two sentences (a call's status line and title, an organisation's name and place)
plus its three sentences sharing the most question words (other than the words of its id and
title), each followed by ``[n]``. It follows no
instruction found in a passage, but it does not filter them either: a passage sentence matching
the question is quoted as is, as a naive model would. A condensation request (follow-ups) gets the
follow-up back unchanged.

The red-team eval serves :func:`evals.gullible_llm.gullible_reply` instead: a model that obeys
every instruction it reads (its adversary). :func:`local_chat_model` serves either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from evals.gullible_llm import gullible_reply
from evals.llm_server import FakeOpenAIServer

if TYPE_CHECKING:
    from assistant.llm import ChatModel


MODEL_NAME = "extract-and-cite"
MAX_PASSAGES = 4
_PASSAGE = re.compile(r"<passage n=\"(\d+)\"([^>]*)>\n(.*?)\n</passage>", re.DOTALL)
_QUESTION = re.compile(r"^Question: (.*)$", re.MULTILINE)
_FOLLOW_UP = re.compile(r"^Follow-up: (.*)$", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“(])")
_WORD = re.compile(r"[a-z0-9]+")


def _sentences(text: str) -> list[str]:
    pieces: list[str] = []
    for line in text.splitlines():
        pieces.extend(part.strip() for part in _SENTENCE_END.split(line) if part.strip())
    return pieces


_STOPWORDS = frozenset(
    "the and for are any there which what when where who how does did can with from that this our into "
    "about still have has its their them they you your yet not per".split()
)


_MONEY = frozenset({"money", "much", "funding", "cost", "amount"})
EXTRA_SENTENCES = 3
"""Sentences quoted per passage besides its first two."""


def _words(text: str) -> set[str]:
    return {word for word in _WORD.findall(text.lower()) if len(word) > 2 and word not in _STOPWORDS}


def extract_and_cite(messages: Sequence[dict[str, Any]]) -> str:
    """The deterministic reply to a chat request (see the module docstring).

    Args:
        messages: The request's messages (OpenAI wire format: ``role`` and ``content``).

    Returns:
        Cited sentences copied from the passages; "I don't know based on the available documents."
        when the prompt holds no passage.
    """
    users = [str(m.get("content") or "") for m in messages if m.get("role") == "user"]
    prompt = users[-1] if users else ""
    if follow_up := _FOLLOW_UP.search(prompt):
        return follow_up.group(1).strip()
    question = match.group(1) if (match := _QUESTION.search(prompt)) else ""
    wanted = _words(question)
    if wanted & _MONEY:
        wanted.add("budget")
    passages = [
        (number, attributes, _sentences(body)) for number, attributes, body in _PASSAGE.findall(prompt)
    ]
    ranked = sorted(
        (item for item in passages if item[2]),
        key=lambda item: -len(_words(" ".join(item[2])) & wanted),
    )
    lines: list[str] = []
    for number, attributes, sentences in ranked[:MAX_PASSAGES]:
        # Words naming the passage (its id and title) say which passage, not which of its sentences.
        asked = (wanted - _words(attributes)) or wanted
        chosen = sentences[:2]
        rest = [sentence for sentence in sentences[2:] if _words(sentence) & asked]
        rest.sort(key=lambda sentence: -len(_words(sentence) & asked))
        chosen += rest[:EXTRA_SENTENCES]
        lines.append(" ".join(f"{sentence.rstrip()} [{number}]" for sentence in chosen))
    return "\n".join(lines) if lines else "I don't know based on the available documents."


@contextmanager
def local_chat_model(*, gullible: bool = False) -> Iterator[ChatModel]:
    """The real ``openai`` client on the extract-and-cite model (or, with ``gullible``, the red-team's
    gullible one), served on loopback for as long as the context lasts."""
    from assistant.llm_openai import OpenAIChatModel

    with FakeOpenAIServer(model=MODEL_NAME) as server:
        server.respond_with(gullible_reply if gullible else extract_and_cite)
        model = OpenAIChatModel(base_url=server.base_url, api_key=None, model=MODEL_NAME, timeout_s=10.0)
        try:
            yield model
        finally:
            model.close()
