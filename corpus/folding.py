"""Folding text for matching: case and accents ignored, the same way everywhere.

One table of the letters Unicode decomposition does not split into a base letter and an accent
("ł", "ø", "ß", "æ"...), and the functions built on it: :func:`strip_accents` (case kept),
:func:`fold` (lower case too), :func:`fold_char` (one character, for code that keeps offsets) and
:func:`fold_same_length` (one character for one character, for text matched by position).
"""

from __future__ import annotations

import re
import unicodedata

UNDECOMPOSED = {
    "ß": "ss",
    "ẞ": "SS",
    "ł": "l",
    "Ł": "L",
    "ø": "o",
    "Ø": "O",
    "đ": "d",
    "Đ": "D",
    "æ": "ae",
    "Æ": "AE",
    "œ": "oe",
    "Œ": "OE",
    "ı": "i",
    "þ": "th",
    "Þ": "Th",
}
"""Letters that Unicode decomposition does not split into a base letter and an accent."""

_UNDECOMPOSED_RE = re.compile("[" + "".join(UNDECOMPOSED) + "]")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def strip_accents(text: str) -> str:
    """``"Łódź Straße"`` → ``"Lodz Strasse"`` (case kept)."""
    if text.isascii():
        return text
    text = _UNDECOMPOSED_RE.sub(lambda match: UNDECOMPOSED[match.group()], text)
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def fold(text: str) -> str:
    """Lower case without accents: ``"Škoda Mobilitätscluster"`` → ``"skoda mobilitatscluster"``."""
    return strip_accents(text).casefold()


def fold_char(char: str) -> str:
    """One character folded; it may become two letters (``"ß"`` → ``"ss"``) or stay as it is."""
    lowered = char.lower()
    if lowered in UNDECOMPOSED:
        return UNDECOMPOSED[lowered]
    return _COMBINING.sub("", unicodedata.normalize("NFKD", lowered)) or lowered


def fold_same_length(text: str) -> str:
    """:func:`fold` one character for one character (``"ß"`` → ``"s"``), so positions still match."""
    out: list[str] = []
    for char in text:
        folded = fold_char(char)
        out.append(folded[0] if folded else char)
    return "".join(out)
