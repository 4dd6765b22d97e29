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
from corpus.places import cldr_region_names
from retrieval.analysis import fold
from retrieval.query import understand_query
from retrieval.search import Hit

_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|from|based in|located in|around|near)\s+(?:the\s+)?"
    r"((?:[^\W\d_][\w'’-]*)(?:\s+(?:of\s+)?[^\W\d_][\w'’-]*){0,3})"
)
_NOT_PLACES = frozenset(
    {"eu", "the eu", "european union", "us", "u.s", "usa", "america"}
    # Europe as the six languages name it (CLDR), and Polish declining it ("w Europie")
    | {fold(name) for name in cldr_region_names("150")}
    | {"europie", "europy"}
)


def unknown_places(question: str, entities: Entities) -> list[str]:
    """Capitalised place-like names after a preposition that no place, sector or programme table knows."""
    del entities  # the question's own tables are re-read per name, so a partly known phrase is judged alone
    found: list[str] = []
    for match in _AFTER_PREPOSITION.finditer(question):
        name = _capitalised_run(match.group(1))
        if not name:
            continue
        if fold(name) in _NOT_PLACES:
            continue
        known = understand_query(name)
        if known.countries or known.regions or known.sectors or known.programmes or known.identifiers:
            continue
        found.append(name)
    return list(dict.fromkeys(found))


def _capitalised_run(words: str) -> str:
    """The leading words that are capitalised ("of" between them), in any alphabet: "Europie Środkowej"."""
    run: list[str] = []
    for word in words.split():
        if word[0].isupper():
            run.append(word)
        elif word != "of" or not run:
            break
        else:
            run.append(word)
    while run and run[-1] == "of":
        run.pop()
    return " ".join(run)


def place_in_hits(place: str, hits: Sequence[Hit]) -> bool:
    """Whether any hit's title or text mentions ``place`` (accents and case ignored)."""
    wanted = fold(place)
    return any(wanted in fold(f"{hit.title} {hit.text}") for hit in hits)
