"""Find English the product wrote into an answer meant for another language.

What may stay English in a German, French, Spanish, Italian or Polish answer: quotes from English
sources marked as such (``„…“ (EN)``, ``« … » (EN)``), the names the records carry (call titles,
organisation names, programmes, action types, cities, identifiers) and links. Everything else is
the product's own writing and must be in the answer's language. What is left after removing the
allowed parts is searched for English words that are not words of the five other languages (so
"budget", "programme", "cluster" or "question", which French or German share, do not count).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpus.models import AnyRecord, ClusterProfile, FundingCall

ENGLISH_ONLY_WORDS = frozenset(
    """
    the and of is are were which with without found for from this that these those there here has
    have had been being be you your can cannot don can't only any none more see showing shown show
    mean did does about between before after until than then they their them would should could must
    what when where who how many its it open opens opened closed closes closing deadline deadlines
    calls call days ago projects project period earlier give know called others other answer
    answers ask asked again looking through thanks thank weekly saved searches new soon inferred
    stated profile category contains matching matched best first next funding partners policy
    organization watch watching digest snooze snoozed unsubscribe unsubscribed please try wider
    neighbouring evidence at by up out if yet one two each every why still while we our she such
    apply member members looks results result identifier's isn't aren't won't i'm
    battery hydrogen food wood water health tourism retail electronics semiconductors photonics
    plastics robotics renewable energy manufacturing economy creative mobility automotive aerospace
    defence intensive proximity biotechnology cybersecurity nanotechnology packaging nuclear
    environment nordics eastern western southern northern baltics mediterranean partnership
    """.split()
)
"""English words (sector labels' among them) no German, French, Spanish, Italian or Polish sentence
uses (checked by hand: "was", "will", "die", "also", "an", "am" are German; "on", "to", "my"
Polish; "no", "he", "me" Spanish; "or", "as", "match", "source" French; "per", "do", "i" Italian or
Polish)."""

_MARKED_QUOTE = re.compile(r"[„“«”\"][^\n]*?[“”»\"] ?\(EN\)")
_QUOTED = re.compile(r"[„“«]\s?([^„“«»”\n]+?)\s?[“”»]")
_URL = re.compile(r"<?https?://\S+")
_IDENTIFIER = re.compile(r"\b[A-Z0-9]+(?:[-_][A-Z0-9]+)+\b")
_HEX_ID = re.compile(r"\b(?=[0-9a-f]*\d)[0-9a-f]{8,}\b")
"""A conversation or request id: random hex can spell "be" or "add"."""
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def record_names(records: Iterable[AnyRecord]) -> tuple[str, ...]:
    """The names the records carry (titles, programmes, action types, cities), longest first."""
    names: set[str] = set()
    for record in records:
        names.add(record.title)
        if isinstance(record, FundingCall):
            names.update(n for n in (record.call_title, record.programme, record.action_type) if n)
        if isinstance(record, ClusterProfile):
            names.update(n for n in (record.name, record.city, *record.technologies) if n)
    return tuple(sorted(names, key=len, reverse=True))


def english_leaks(text: str, names: Iterable[str]) -> list[str]:
    """The lines of ``text`` with English the product wrote, each with its English words."""
    leaks = []
    for line in text.splitlines():
        rest = _URL.sub(" ", _MARKED_QUOTE.sub(" ", line))
        # a quoted part of a name ("der Name enthält „Battery“") is the record's own words
        rest = _QUOTED.sub(lambda m: " " if any(m.group(1) in name for name in names) else m.group(0), rest)
        for name in names:
            rest = rest.replace(name, " ")
        rest = _HEX_ID.sub(" ", _IDENTIFIER.sub(" ", rest))
        words = [w for w in _WORD.findall(rest) if w.lower() in ENGLISH_ONLY_WORDS]
        if words:
            leaks.append(f"{line!r}: {', '.join(words)}")
    return leaks
