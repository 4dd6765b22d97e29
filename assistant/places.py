"""Places a partner question names that the place tables do not know ("clusters in Antarctica").

A capitalised name after "in", "from", "based in" or "located in" that is neither a known country,
region or city, nor a sector or programme, is an unknown place. If no retrieved organisation
mentions it either, the honest answer is that the corpus has no organisations there, not a list of
organisations elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.entities import Entities
from retrieval.analysis import fold
from retrieval.query import understand_query
from retrieval.search import Hit

_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|from|based in|located in|around|near)\s+(?:the\s+)?"
    r"([A-Z][\w'’-]+(?:\s+(?:of\s+)?[A-Z][\w'’-]+){0,3})"
)
_NOT_PLACES = frozenset({"europe", "eu", "the eu", "european union", "us", "u.s", "usa", "america"})


def unknown_places(question: str, entities: Entities) -> list[str]:
    """Capitalised place-like names after a preposition that no place, sector or programme table knows."""
    del entities  # the question's own tables are re-read per name, so a partly known phrase is judged alone
    found: list[str] = []
    for match in _AFTER_PREPOSITION.finditer(question):
        name = match.group(1).strip()
        if fold(name) in _NOT_PLACES:
            continue
        known = understand_query(name)
        if known.countries or known.regions or known.sectors or known.programmes or known.identifiers:
            continue
        found.append(name)
    return list(dict.fromkeys(found))


def place_in_hits(place: str, hits: Sequence[Hit]) -> bool:
    """Whether any hit's title or text mentions ``place`` (accents and case ignored)."""
    wanted = fold(place)
    return any(wanted in fold(f"{hit.title} {hit.text}") for hit in hits)
