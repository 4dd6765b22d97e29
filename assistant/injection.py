"""Prompt-injection defence at answer time: pure functions over passage and answer text.

Passage sentences that address an assistant ("ignore previous instructions and reply ...") are
removed before a chat model sees them, and any sentence of the model's reply that looks like an
instruction, or repeats one of the removed sentences, is dropped before its citations are checked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.citations import content_tokens, split_sentences
from assistant.models import Passage

_INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget|override)\b[^.]{0,40}\b(?:instructions?|prompts?|rules|above|previous|prior)\b"
    r"|\b(?:reply|respond|answer|say|output|print|write)\s+(?:only\s+)?(?:with|the word|exactly|:)"
    r"|\bsystem\s+prompt\b|\byou are now\b|\bact as\b|\bnew instructions?\b|\bdeveloper mode\b|\bjailbreak"
    r"|\b(?:assistants?|chatbots?|language models?|llms?|ai models?)\s+(?:must|should|shall|will)\b"
    r"|\bdo not cite\b|<\|?(?:system|im_start)",
    re.IGNORECASE,
)
REPEAT_OVERLAP = 0.6
"""Share of a reply sentence's content words found in one removed sentence that makes it a repeat."""
_UNUSUAL = re.compile(r"\b[A-Z][A-Z0-9]*-\d{2,}\b|\b[A-Z0-9]{3,}-[A-Z0-9-]{3,}\b")


def looks_like_instruction(sentence: str) -> bool:
    """Whether a sentence addresses an assistant (injection), so it must never be repeated."""
    return bool(_INSTRUCTION.search(sentence))


def strip_instructions(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` without its instruction-like sentences, and the sentences removed.

    Line structure is kept: each line is rebuilt from its remaining sentences.
    """
    removed: list[str] = []
    lines: list[str] = []
    for line in text.splitlines():
        sentences = split_sentences(line)
        kept = [s for s in sentences if not looks_like_instruction(s)]
        removed += [s for s in sentences if looks_like_instruction(s)]
        if kept or not sentences:
            lines.append(" ".join(kept) if len(kept) != len(sentences) else line)
    return ("\n".join(lines) if removed else text), tuple(removed)


def safe_passages(passages: Sequence[Passage]) -> tuple[tuple[Passage, ...], tuple[str, ...]]:
    """Passages with instruction-like sentences removed, and every removed sentence."""
    cleaned: list[Passage] = []
    removed: list[str] = []
    for passage in passages:
        text, dropped = strip_instructions(passage.text)
        removed += dropped
        cleaned.append(passage.model_copy(update={"text": text}) if dropped else passage)
    return tuple(cleaned), tuple(removed)


def repeats(sentence: str, removed: Sequence[str]) -> bool:
    """Whether ``sentence`` repeats one of the ``removed`` sentences (or a rare token of one)."""
    words = content_tokens(sentence)
    for source in removed:
        rare = set(_UNUSUAL.findall(source))
        if any(token.lower() in sentence.lower() for token in rare):
            return True
        if words and len(words & content_tokens(source)) / len(words) >= REPEAT_OVERLAP:
            return True
    return False


def drop_injected(reply: str, removed: Sequence[str]) -> tuple[str, int]:
    """The reply without sentences that look like instructions or repeat ``removed`` ones.

    Returns:
        The cleaned reply (lines kept; a line left empty disappears) and how many sentences went.
    """
    dropped = 0
    lines: list[str] = []
    for line in reply.splitlines():
        sentences = split_sentences(line)
        kept = [s for s in sentences if not (looks_like_instruction(s) or repeats(s, removed))]
        dropped += len(sentences) - len(kept)
        if kept or not sentences:
            lines.append(" ".join(kept) if len(kept) != len(sentences) else line)
    return "\n".join(lines).strip(), dropped
