"""A cached, read-only table of the stored calls and organisations, for exact plans and name look-ups.

Loaded from the record store once and reloaded when the store's fingerprint changes (an upload, an
ingest, a refresh), so counts and windows run over every record in memory in a few milliseconds.
It also resolves what users type loosely: identifiers in lower case or with spaces
("horizon cl5 2026 d3 01"), and organisation or call names with typos (rapidfuzz).
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Indel, Levenshtein

from assistant.calls import CallsService
from corpus.models import Audience, ClusterProfile, DocType, FundingCall
from corpus.store import RecordStore
from retrieval.analysis import fold
from retrieval.query import find_places

_TOKEN = re.compile(r"[A-Za-z0-9]+")
_NAME_PARTS = re.compile(r"\s+[-–—/]\s+|[():,;]")
_NAME_WORD = re.compile(r"[a-z0-9]+")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,5}\b")
"""An acronym as written ("CAP", "BSH"): short, but as distinctive as a rare word when typed in capitals."""
_CAPITALISED_RUN = re.compile(
    r"\b[A-Z][\w'’.-]*(?:\s+(?:(?:and|of|for|the|de|la|&)\s+)?(?:[A-Z][\w'’.-]*|\d[\w.]*))+"
)
"""Words written capitalised in a row, small joining words allowed: how a name is typed in a sentence."""
MIN_NAME_CHARS = 8
"""Shorter names are too easily found inside ordinary sentences."""
NAME_SCORE = 88.0
"""rapidfuzz ``ratio`` (0–100) a typed span must reach against a known name to stand for it."""
MAX_TITLE_WORDS = 10
"""Call titles up to this long can be named (longer ones are descriptions, not names)."""
RARE_WORD_MAX_NAMES = 3
IDENTIFIER_TYPOS = 2
"""Typos an identifier typed by hand may carry and still name its call."""
MIN_FUZZY_IDENTIFIER = 12
"""Shorter identifiers are too close to each other to correct a typo in them."""
PART_PENALTY = 10.0
"""Score taken off a match of a name's part, so that a whole name typed with typos still wins."""
COMMON_WORD_NAMES = 25
"""A name word shared by more names than this ("cluster", "innovation") does not identify a name."""
"""A name word shared by more names than this is not distinctive ("cluster", "digital")."""


@dataclass(frozen=True)
class NameMatch:
    """A record a question names, and how sure the match is (100: typed exactly)."""

    doc_id: str
    name: str
    score: float


@dataclass
class Catalog:
    """Every stored call and organisation, with look-up tables."""

    calls: tuple[FundingCall, ...] = ()
    clusters: tuple[ClusterProfile, ...] = ()
    audiences: dict[str, Audience] = field(default_factory=dict)
    _identifiers: dict[str, str] = field(default_factory=dict)
    """Identifier with only letters and digits, upper-cased → identifier as stored."""
    _first_parts: frozenset[str] = frozenset()
    _names: dict[str, tuple[str, str]] = field(default_factory=dict)
    """doc_id → (name as stored, folded name) for organisations and calls."""
    _rare: dict[str, list[str]] = field(default_factory=dict)
    _word_names: dict[str, int] = field(default_factory=dict)
    _name_ids: list[str] = field(default_factory=list)
    _plain_names: list[str] = field(default_factory=list)
    _is_part: list[bool] = field(default_factory=list)
    """Distinctive folded name word → doc ids whose name has it."""

    @classmethod
    def build(cls, calls: Iterable[FundingCall], clusters: Iterable[ClusterProfile]) -> Catalog:
        catalog = cls(calls=tuple(calls), clusters=tuple(clusters))
        for record in (*catalog.calls, *catalog.clusters):
            catalog.audiences[record.doc_id] = record.audience
        identifiers: dict[str, str] = {}
        for call in catalog.calls:
            for identifier in (call.topic_identifier, call.call_identifier):
                if identifier:
                    identifiers.setdefault(_squash(identifier), identifier.upper())
        catalog._identifiers = identifiers
        catalog._first_parts = frozenset(
            identifier.split("-", 1)[0] for identifier in identifiers.values() if "-" in identifier
        )
        names = {c.doc_id: c.name for c in catalog.clusters}
        names.update({c.doc_id: c.title for c in catalog.calls if len(c.title.split()) <= MAX_TITLE_WORDS})
        catalog._names = {doc_id: (name, fold(name)) for doc_id, name in names.items() if len(name) >= 3}
        counts = Counter(
            word for _, folded in catalog._names.values() for word in set(_NAME_WORD.findall(folded))
        )
        rare: dict[str, list[str]] = {}
        for doc_id, (_, folded) in catalog._names.items():
            for word in set(_NAME_WORD.findall(folded)):
                if len(word) >= 5 and counts[word] <= RARE_WORD_MAX_NAMES:
                    rare.setdefault(word, []).append(doc_id)
        catalog._rare = rare
        catalog._word_names = dict(counts)
        for doc_id, (_, folded) in catalog._names.items():
            # "WAGRALIM - the agri-food innovation cluster of Wallonia", "East Netherlands Development
            # Agency (Oost NL)": members type the short part; each part of 5+ letters is a name too.
            parts = [folded, *(part for part in _NAME_PARTS.split(folded) if len(part.strip()) >= 5)]
            whole = " ".join(_NAME_WORD.findall(folded))
            for part in dict.fromkeys(" ".join(_NAME_WORD.findall(p)) for p in parts):
                if part != whole and (
                    not any(w in rare and len(w) >= 5 for w in part.split()) or any(find_places(part))
                ):
                    continue  # a part of shared words ("aviation cluster") or a place names nobody
                catalog._name_ids.append(doc_id)
                catalog._plain_names.append(part)
                catalog._is_part.append(part != whole)
        return catalog

    def visible_calls(self, audiences: Iterable[Audience | str]) -> list[FundingCall]:
        """The calls a caller with these audiences may see."""
        allowed = {Audience(a) for a in audiences}
        return [call for call in self.calls if call.audience in allowed]

    def loose_identifiers(self, text: str) -> list[str]:
        """Identifiers typed loosely: lower case, spaces or underscores for dashes (longest first)."""
        tokens = _TOKEN.findall(text)
        found: list[str] = []
        position = 0
        while position < len(tokens):
            best: tuple[int, str] | None = None
            if tokens[position].upper() in self._first_parts:
                for end in range(position + 2, min(len(tokens), position + 10) + 1):
                    key = "".join(tokens[position:end]).upper()
                    if key in self._identifiers:
                        best = (end, self._identifiers[key])
            if best is not None:
                found.append(best[1])
                position = best[0]
            else:
                position += 1
        return list(dict.fromkeys(found))

    def name_of(self, doc_id: str) -> str:
        """The stored name or title of ``doc_id`` (the id itself when unknown)."""
        entry = self._names.get(doc_id)
        return entry[0] if entry else doc_id

    def has_identifier(self, identifier: str) -> bool:
        return _squash(identifier) in self._identifiers

    def nearest_identifier(self, identifier: str) -> str | None:
        """The one stored identifier ``identifier`` is a typo of (``HORIZZON-EIC-2026-BAS-02-SLCATEUP``):
        within :data:`IDENTIFIER_TYPOS` typos (a swap counts as one), closer than any other."""
        squashed = _squash(identifier)
        if len(squashed) < MIN_FUZZY_IDENTIFIER:
            return None
        found = process.extract(
            squashed, list(self._identifiers), scorer=OSA.distance, score_cutoff=IDENTIFIER_TYPOS, limit=2
        )
        if not found or (len(found) == 2 and found[1][1] == found[0][1]):
            return None  # none close, or two equally close: better to say so than to guess
        return self._identifiers[found[0][0]]

    def named_records(self, text: str) -> list[NameMatch]:
        """Organisations and short-titled calls ``text`` names, typos included, best first.

        rapidfuzz's ``partial_ratio`` finds names that appear (nearly) inside the text; each is then
        scored against the run of the text's words of its own length (:data:`NAME_SCORE`). A name
        made only of words that many names share ("Digital Innovation Cluster") is never matched.
        """
        folded = " ".join(_NAME_WORD.findall(fold(text)))
        words = folded.split()
        acronyms = {word.lower() for word in _ACRONYM.findall(text)}
        capitalised = [" ".join(_NAME_WORD.findall(fold(run))) for run in _CAPITALISED_RUN.findall(text)]
        found = process.extract(
            folded, self._plain_names, scorer=fuzz.partial_ratio, score_cutoff=NAME_SCORE - 8, limit=12
        )
        matches = []
        best: dict[str, NameMatch] = {}
        whole_found = False
        for plain, _score, index in found:
            doc_id = self._name_ids[index]
            name = self._names[doc_id][0]
            if len(plain) < MIN_NAME_CHARS and not (len(plain) >= 5 and " " not in plain):
                continue  # a short part counts only as one distinctive word ("wagralim")
            if not (
                self._distinctive(plain, words)
                or _shares_acronym(name, acronyms)
                or _written_as_name(plain, capitalised)
            ):
                continue
            score = _span_score(plain, words)
            if score < NAME_SCORE:
                continue
            if self._is_part[index]:
                score -= PART_PENALTY  # a whole name typed beats a short part of another
            else:
                whole_found = True
            if doc_id not in best or score > best[doc_id].score:
                best[doc_id] = NameMatch(doc_id=doc_id, name=name, score=score)
        matches = _longest_names(list(best.values()))
        if whole_found:
            matches = [m for m in matches if m.score >= NAME_SCORE]
        matches.sort(key=lambda m: (-m.score, -len(m.name), m.doc_id))
        return matches

    def _distinctive(self, folded_name: str, words: list[str]) -> bool:
        """Whether a word of the name that few names share (4+ letters, or a number) is typed, give or
        take a typo."""
        rare = [
            word
            for word in _NAME_WORD.findall(folded_name)
            if (len(word) >= 4 or (len(word) >= 2 and word.isdigit()))
            and self._word_names.get(word, 0) <= COMMON_WORD_NAMES
        ]
        # A number in a name ("Digital 113") must be typed exactly; a word may carry a typo.
        return any(
            (typed == word) if word.isdigit() else typo_ratio(word, typed) >= 80
            for word in rare
            for typed in words
        )


def _longest_names(matches: list[NameMatch]) -> list[NameMatch]:
    """Drop a match whose name lies inside another match's name ("ICT Cluster" inside "South
    Catalonia ICT Cluster"): the question typed the longer name."""
    plain = {m.doc_id: f" {' '.join(_NAME_WORD.findall(fold(m.name)))} " for m in matches}
    return [
        m
        for m in matches
        if not any(
            o.doc_id != m.doc_id
            and plain[m.doc_id] in plain[o.doc_id]
            and len(plain[o.doc_id]) > len(plain[m.doc_id])
            for o in matches
        )
    ]


def _written_as_name(folded_name: str, capitalised_runs: list[str]) -> bool:
    """Whether the name was typed capitalised like a name ("Green Custer", "INNDUSTRY CULSTER 4.0"):
    a name of common words only ("Green Cluster") is then a name, not words of a sentence."""
    numbers = {word for word in folded_name.split() if word.isdigit()}
    return len(folded_name.split()) >= 2 and any(
        typo_ratio(folded_name, run) >= NAME_SCORE and numbers <= set(run.split()) for run in capitalised_runs
    )


def _shares_acronym(name: str, typed_acronyms: set[str]) -> bool:
    """Whether the name has an acronym ("CAP Construction") that the question types in capitals too."""
    return any(word.lower() in typed_acronyms for word in _ACRONYM.findall(name))


def _squash(identifier: str) -> str:
    return "".join(_TOKEN.findall(identifier)).upper()


def typo_ratio(name: str, typed: str) -> float:
    """rapidfuzz's ``ratio`` (0–100), except that two neighbouring letters swapped count as one typo,
    as a dropped or a doubled letter does (``ratio`` counts a swap as two: in a short name such as
    "Wagralim" → "Wagarlim" that is the difference between found and missed)."""
    indel = Indel.distance(name, typed)
    swaps = Levenshtein.distance(name, typed) - OSA.distance(name, typed)
    total = len(name) + len(typed)
    return 100.0 * (1 - (indel - swaps) / total) if total else 100.0


def _span_score(folded_name: str, words: list[str]) -> float:
    """Best :func:`typo_ratio` between the name and a run of the text's words of about its length."""
    size = len(_NAME_WORD.findall(folded_name))
    plain_name = " ".join(_NAME_WORD.findall(folded_name))
    best = 0.0
    for width in {max(1, size - 1), size, size + 1}:
        for start in range(0, max(1, len(words) - width + 1)):
            span = " ".join(words[start : start + width])
            best = max(best, typo_ratio(plain_name, span))
    return best


class CatalogCache:
    """One :class:`Catalog` per store fingerprint; thread-safe, reloads after any write.

    The calls come from the calls service, which parses and caches them per fingerprint too, so a
    process parses the stored calls once for both.
    """

    def __init__(self, records: RecordStore, calls: CallsService) -> None:
        self._records = records
        self._calls = calls
        self._lock = threading.Lock()
        self._signature: tuple[int, str] | None = None
        self._catalog = Catalog()

    def get(self) -> Catalog:
        signature = self._records.signature()
        with self._lock:
            if signature != self._signature:
                calls = self._calls.all_calls()
                clusters = [
                    r
                    for r in self._records.iter_records(doc_type=DocType.CLUSTER)
                    if isinstance(r, ClusterProfile)
                ]
                self._catalog = Catalog.build(calls, clusters)
                self._signature = signature
            return self._catalog
