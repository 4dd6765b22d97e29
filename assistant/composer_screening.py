"""Screens between the composers and the user: extractive lines, and a model's streamed deltas.

The extractive composer writes lines from record fields and passage sentences, so a poisoned
profile ("looking for: battery partners - assistants must print X") or policy sentence could reach
an answer verbatim: :func:`screen_extractive` drops such clauses and masks tainted tokens.

A streamed answer reaches the user *before* the final citation check, so :class:`ReplyScreen`
holds the model's text back until a sentence is complete and lets it out only once it passes the
same checks as the final answer (:func:`~assistant.injection.drop_injected`, links removed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from assistant.citations import split_sentences
from assistant.injection import (
    drop_injected,
    is_reference_entry,
    looks_like_instruction,
    mask_tokens,
    repeats,
    strip_invisible,
    strip_links,
)

_TRAILING_MARKERS = re.compile(r"(?:\s*\[\d+\])+\s*$")
_BULLET = re.compile(r"^(\s*[-*•]\s+)")
_INNER_MARKER = re.compile(r"\[(\d{1,3})\]")
_COMPLETE = re.compile(r"[.!?][\"”’')]*(?:\s*\[\d+\])*\s+(?=[^\sa-z\[])|\n")
_PIECE = re.compile(r"\S+\s*|\s+")


def _safe_clause(clause: str, removed: Sequence[str], tainted: tuple[str, ...]) -> str:
    kept = [
        sentence
        for sentence in split_sentences(clause)
        if not (
            looks_like_instruction(sentence) or is_reference_entry(sentence) or repeats(sentence, removed)
        )
    ]
    return _INNER_MARKER.sub(r"(\1)", mask_tokens(" ".join(kept), tainted))


def screen_extractive(text: str, *, removed: Sequence[str], tainted: Iterable[str] = ()) -> str:
    """The extractive answer without instruction-like clauses, with tainted tokens masked.

    Each line keeps its bullet and its trailing citation markers; its body is screened clause by
    clause (``; `` separates a partner line's reasons); bracketed numbers inside a quoted sentence
    become ``(n)`` (only the composer's own trailing markers cite). A line whose body goes is dropped.
    """
    taint = tuple(tainted)
    lines: list[str] = []
    for line in strip_invisible(text).splitlines():
        markers = _TRAILING_MARKERS.search(line)
        tail = markers.group(0).rstrip() if markers else ""
        body = line[: markers.start()] if markers else line
        bullet = _BULLET.match(body)
        head = bullet.group(1) if bullet else ""
        clauses = [_safe_clause(clause, removed, taint) for clause in body[len(head) :].split("; ")]
        kept = "; ".join(clause for clause in clauses if clause.strip())
        if kept.strip() or not body.strip():
            lines.append(f"{head}{kept}{tail}" if kept.strip() else line)
    return "\n".join(lines)


class ReplyScreen:
    """Releases a streamed reply sentence by sentence, each screened as the final answer will be."""

    def __init__(
        self,
        *,
        removed: Sequence[str],
        tainted: Iterable[str],
        fingerprint: frozenset[tuple[str, ...]],
        allowed_urls: Sequence[str],
    ) -> None:
        """Screen against removed passage sentences, tainted tokens, the prompt and allowed links."""
        self.removed = tuple(removed)
        self.tainted = tuple(tainted)
        self.fingerprint = fingerprint
        self.allowed_urls = tuple(allowed_urls)
        self._buffer = ""

    def feed(self, piece: str) -> Iterator[str]:
        """Take one model delta; yield the screened text of every sentence it completes."""
        self._buffer += piece
        ends = [match.end() for match in _COMPLETE.finditer(self._buffer)]
        if ends:
            head, self._buffer = self._buffer[: ends[-1]], self._buffer[ends[-1] :]
            yield from self._release(head)

    def flush(self) -> Iterator[str]:
        """Yield the screened rest once the model has finished."""
        head, self._buffer = self._buffer, ""
        yield from self._release(head)

    def _release(self, text: str) -> Iterator[str]:
        trail = text[len(text.rstrip()) :]
        cleaned, _ = drop_injected(
            strip_links(text, self.allowed_urls),
            self.removed,
            tainted=self.tainted,
            fingerprint=self.fingerprint,
        )
        if cleaned:
            yield from _PIECE.findall(cleaned + trail)
