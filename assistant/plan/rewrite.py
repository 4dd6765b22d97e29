"""Phrase rewriting on folded text: the engine under the planner's lexicons and date phrases.

A :class:`PhraseRewriter` holds phrases (in any language) and their English readings. It finds the
phrases in a text on folded words (case and accents ignored, whole words only, the longest phrase at
each place), and replaces each with its reading, leaving every other character as typed: names,
identifiers and numbers the lexicon does not know stay untouched. ``{n}`` in a phrase stands for a
number, carried into the reading ("in den nächsten {n} Tagen" → "in the next {n} days").

Names are protected: a run of two or more capitalised words that does not start a sentence
("Cluster Agroalimentario de Galicia", "Horizont Europa") is never rewritten, so an organisation's
name is found by the name matcher as it was typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpus.folding import fold, fold_char

_NUMBER = re.compile(r"\d{1,3}")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;¿¡]\s*|\n)\s*$")


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """``text`` lower-cased without accents, and for each folded character the index it came from."""
    folded: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        for piece in fold_char(char):
            folded.append(piece)
            offsets.append(index)
    offsets.append(len(text))
    return "".join(folded), offsets


_TOKEN = re.compile(r"\w+")


def fold_phrase(text: str) -> str:
    """:func:`fold_with_offsets` without the offsets, for whole phrases (fast: built once per phrase)."""
    return fold(text)


def _tokens(phrase: str) -> tuple[str, ...]:
    return tuple(
        "{n}" if token.isdigit() else token
        for token in _TOKEN.findall(fold_phrase(phrase.replace("{n}", " 0 ")))
    )


def _folded_words(text: str) -> set[str]:
    return set(_TOKEN.findall(fold_phrase(text)))


_NAME_JOINERS = frozenset("de del della di do da dos das des du la le of for and und für i y e et".split())
"""Small words inside names between capitalised words ("Cluster Agroalimentario de Galicia")."""
_IDENTIFIER_LIKE = re.compile(r"\w+(?:[-/_]\w+)+")


def protected_spans(text: str, known: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Spans of names: two or more capitalised words in a row (a sentence's first word counts unless
    it is a lexicon word, "Welche"), of which at least one is not a ``known`` (lexicon) word:
    "Cluster Agroalimentario de Galicia" is a name, German "bis Ende März" (nouns are capitalised) is not."""
    spans: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        words = {token for match in run for token in _folded_words(match.group())}
        if len(run) >= 2 and not words <= known:
            spans.append((run[0].start(), run[-1].end()))
        run.clear()

    joiner: re.Match[str] | None = None  # "de" of "Cluster Agroalimentario de Galicia", pending
    for match in _WORD.finditer(text):
        word = match.group()
        between = text[(joiner or run[-1]).end() : match.start()] if run else ""
        if run and between.strip():
            joiner = None
            close()
        opens_sentence = not run and _SENTENCE_START.search(text[: match.start()]) is not None
        if word[0].isupper() and not (opens_sentence and _folded_words(word) <= known):
            if joiner is not None:
                run.append(joiner)
            joiner = None
            run.append(match)
        elif run and joiner is None and word in _NAME_JOINERS:
            joiner = match
        else:
            joiner = None
            close()
    close()
    # Identifiers ("CEF-E-2026-PCI-PMI-WORKS"): hyphenated runs with a digit are never read.
    spans += [m.span() for m in _IDENTIFIER_LIKE.finditer(text) if any(ch.isdigit() for ch in m.group())]
    return spans


class PhraseRewriter:
    """Phrases → English readings, applied on folded words, longest phrase first."""

    def __init__(self, entries: Iterable[tuple[str, str]], *, keep: Iterable[str] = ()) -> None:
        """
        Args:
            entries: (phrase, English reading) pairs; the first reading of a phrase wins.
            keep: Phrases left as typed even where a shorter phrase inside them has a reading
                (programme and place names: "programme pour le marché unique", "Europa Środkowa").
        """
        self._by_first: dict[str, list[tuple[tuple[str, ...], str | None]]] = {}
        seen: set[tuple[str, ...]] = set()
        self._elided: set[tuple[str, ...]] = set()
        pairs: list[tuple[str, str | None]] = [(name, None) for name in keep]
        for phrase, reading in [*pairs, *entries]:
            key = _tokens(phrase)
            # A phrase that reads as itself is left out, but not one that differs by its accents only:
            # Spanish "clúster" is read "cluster", so the rules' English patterns see it.
            if not key or key in seen or (reading is not None and phrase.lower() == reading.lower()):
                continue
            seen.add(key)
            if phrase.endswith(("'", "’")):
                self._elided.add(key)  # "d'", "l'", "dall'": only before an apostrophe
            self._by_first.setdefault(key[0], []).append((key, reading))
        for options in self._by_first.values():
            options.sort(key=lambda option: -len(option[0]))
        self._size = len(seen)
        self._vocabulary = frozenset(token for key in seen for token in key)

    def __len__(self) -> int:
        return self._size

    def rewrite(self, text: str) -> str:
        """``text`` with every known phrase replaced by its reading (names and unknown words kept)."""
        folded, offsets = fold_with_offsets(text)
        tokens = [(m.group(), offsets[m.start()], offsets[m.end()]) for m in _TOKEN.finditer(folded)]
        words = ["{n}" if token.isdigit() and len(token) <= 3 else token for token, _, _ in tokens]
        names = protected_spans(text, self._vocabulary)
        out: list[str] = []
        position = index = 0
        kept = {i for i in range(len(tokens)) if (found := self._match(words, i)) and found[1] is None}
        while index < len(tokens):
            found = self._match(words, index, kept)
            if found is None:
                index += 1
                continue
            length, reading = found
            start, end = tokens[index][1], tokens[index + length - 1][2]
            if reading is None:
                index += length  # a name kept whole
                continue
            if text[start:end].lower() == reading.lower():
                index += length  # typed as it reads ("cluster" for the entry "clúster"): left as typed
                continue
            if any(start < name_end and name_start < end for name_start, name_end in names):
                index += 1
                continue
            after_apostrophe = text[end : end + 1] in {"'", "’"}
            elided = tuple(words[index : index + length]) in self._elided
            if (elided and not after_apostrophe) or (
                position < start and text[start - 1 : start] in {"'", "’"}
            ):
                index += 1  # "we'd" is not the French "d'"; a word after an apostrophe is not a phrase start
                continue
            if elided or (len(tokens[index + length - 1][0]) == 1 and after_apostrophe):
                end += 1  # an elided article read with its phrase: "combien d'appels" → "how many calls"
                reading += " "
            numbers = [tokens[i][0] for i in range(index, index + length) if words[i] == "{n}"]
            out.append(text[position:start])
            out.append(reading.replace("{n}", numbers[0]) if numbers else reading)
            position = end
            index += length
        out.append(text[position:])
        return "".join(out)

    def _match(
        self, words: list[str], index: int, kept: set[int] | frozenset[int] = frozenset()
    ) -> tuple[int, str | None] | None:
        """The longest phrase at ``index`` that no kept name starts inside: "w ramach programu na rzecz
        jednolitego rynku" reads "w ramach" and keeps the programme's name whole."""
        for key, reading in self._by_first.get(words[index], ()):
            if tuple(words[index : index + len(key)]) == key:
                if reading is not None and any(index < i < index + len(key) for i in kept):
                    continue
                return len(key), reading
        return None
