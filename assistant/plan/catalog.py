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
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Indel, Levenshtein

from assistant.calls import CallsService
from assistant.plan.lexicon import english_reading
from corpus.models import Audience, ClusterProfile, DocType, FundingCall
from corpus.programmes import FAMILIES
from corpus.store import RecordStore
from retrieval.analysis import fold
from retrieval.query import find_places

_TOKEN = re.compile(r"[A-Za-z0-9]+")
_NAME_PARTS = re.compile(r"\s+[-–—/]\s+|[():,;]")
_NAME_WORD = re.compile(r"[a-z0-9]+")
_GROUPED = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+){2,}(?![\w-])")
"""Three or more groups joined by dashes: how an identifier is written."""
_YEAR_GROUP = re.compile(r"(?:^|-)20\d\d(?:-|$)")
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
MAX_TITLE_CHARS = 70
"""… and titles of more, short words up to this many characters ("Rethinking long-term care policy in the
face of EU demographic shifts")."""
RARE_WORD_MAX_NAMES = 3
IDENTIFIER_TYPOS = 2
"""Typos an identifier typed by hand may carry and still name its call."""
MIN_FUZZY_IDENTIFIER = 12
"""Shorter identifiers are too close to each other to correct a typo in them."""
PART_PENALTY = 10.0
"""Score taken off a match of a name's part, so that a whole name typed with typos still wins."""
COMMON_WORD_NAMES = 25
"""A name word shared by more names than this ("cluster", "innovation") does not identify a name."""
CORE_PENALTY = 4.0
"""Taken off a match of a name without its generic words at the ends, so that a whole name typed with
slips ("Northwesr Environental Business Council") beats one that is another name's core
("Environmental Business [Cluster]")."""
SPACING_PENALTY = 2.0
"""Taken off a match found only with the spaces left out, so that a name typed with its spaces wins."""
ORDER_PENALTY = 4.0
"""Taken off a match found only with the words sorted, so that a name typed in its order wins."""
PROGRAMME_SCORE = 85.0
""":func:`typo_ratio` a run of typed words (spaces left out) must reach against a programme's name:
one slip in "Horizon" ("Horzion", "Horizin"), two in "European Defence Fund"."""
MIN_PROGRAMME_CHARS = 6
"""Shorter programme names (acronyms: "EIC", "SMP") are too close to ordinary words to correct."""
PROGRAMME_SPAN_WORDS = 6
PREFIX_SCORE = 90.0
"""Score of a name typed by its first words: below a whole name typed exactly or nearly."""
PREFIX_WORDS = (2, 3)
"""A name typed by its first two or three words ("Andalusian Hydrogen" for "Andalusian Hydrogen Cluster")."""
AMBIGUOUS_PREFIX_NAMES = 3
"""First words shared by at most this many names are asked about ("which one did you mean?"); by more,
they are words of a sentence ("Polish Cluster of …" ×9)."""
MIN_TAIL_GROUPS = 3
"""An identifier typed without its programme prefix ("CL5-2026-D3-01") keeps at least this many groups."""
_YEAR_TOKEN = re.compile(r"20\d\d")
IDENTIFIER_LEAD_TOKENS = 3
"""Tokens before a year an identifier typed with spaces may start at ("horizon cl4 2026 …")."""
IDENTIFIER_TAIL_TOKENS = 6
"""Tokens after the year it may run to."""


@dataclass(frozen=True)
class NameMatch:
    """A record a question names, and how sure the match is (100: typed exactly)."""

    doc_id: str
    name: str
    score: float
    written: bool = False
    """Typed the way a name is written (capitalised words, or capitals), not as words of a sentence."""


@dataclass(frozen=True)
class ProgrammeSlip:
    """A programme's name typed with a slip, where it is in the question (character offsets)."""

    family: str
    start: int
    end: int


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
    _penalties: list[float] = field(default_factory=list)
    """Score taken off a match of each of ``_plain_names`` (a part, a name without its generic words)."""
    _without_a_group: dict[str, list[str]] = field(default_factory=dict)
    """An identifier with a number group left out ("HORIZON-CL5-D3-01") → the stored ones it may be."""
    _tails: dict[str, list[str]] = field(default_factory=dict)
    """An identifier without its first group, letters and digits only ("CL52026D301") → stored ones."""
    _prefixes: dict[str, list[str]] = field(default_factory=dict)
    """The first two or three folded words of a longer name → doc ids whose name starts so."""
    _indices: dict[str, list[int]] = field(default_factory=dict)
    """doc id → its positions in ``_plain_names``."""
    _vocabulary: frozenset[str] = frozenset()
    """Every folded word of a stored name or call title: a typed word in it is a word, not a slip."""
    _programme_names: list[str] = field(default_factory=list)
    _programme_families: list[str] = field(default_factory=list)
    _programme_words: list[frozenset[str]] = field(default_factory=list)

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
        for identifier in dict.fromkeys(identifiers.values()):
            groups = _TOKEN.findall(identifier)
            if len(groups) > MIN_TAIL_GROUPS and groups[1][0].isalpha():
                catalog._tails.setdefault("".join(groups[1:]), []).append(identifier)
            for i, group in enumerate(groups):
                if group.isdigit() and 0 < i < len(groups) - 1:
                    key = "".join(groups[:i] + groups[i + 1 :])
                    catalog._without_a_group.setdefault(key, []).append(identifier)
        names = {c.doc_id: c.name for c in catalog.clusters}
        names.update(
            {
                c.doc_id: c.title
                for c in catalog.calls
                if len(c.title.split()) <= MAX_TITLE_WORDS or len(c.title) <= MAX_TITLE_CHARS
            }
        )
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
        cores: dict[str, set[str]] = {}
        wholes: set[str] = set()
        for doc_id, (_, folded) in catalog._names.items():
            # "WAGRALIM - the agri-food innovation cluster of Wallonia", "East Netherlands Development
            # Agency (Oost NL)": members type the short part; each part of 5+ letters is a name too.
            parts = [folded, *(part for part in _NAME_PARTS.split(folded) if len(part.strip()) >= 5)]
            whole = " ".join(_NAME_WORD.findall(folded))
            wholes.add(whole)
            for part in dict.fromkeys(" ".join(_NAME_WORD.findall(p)) for p in parts):
                if part != whole and (
                    not any(w in rare and len(w) >= 5 for w in part.split()) or any(find_places(part))
                ):
                    continue  # a part of shared words ("aviation cluster") or a place names nobody
                catalog._add_name(doc_id, part, part=part != whole)
            # The planner reads a question with its lexicon phrases in English ("Cluster TIC SANTE" →
            # "Cluster digital health" when typed at a sentence's start or in lower case): the name is
            # also known as it is read there.
            readings = {
                " ".join(_NAME_WORD.findall(fold(reading)))
                for reading in (_reading(names[doc_id]), _reading(f"x {names[doc_id].lower()}")[2:])
            } - {whole}
            for reading in sorted(readings):
                if len(reading) >= MIN_NAME_CHARS:
                    catalog._add_name(doc_id, reading)
            cores[doc_id] = {_core(name) for name in (whole, *readings)} - {whole, *readings}
            words = whole.split()
            for size in PREFIX_WORDS:
                if len(words) > size:
                    catalog._prefixes.setdefault(" ".join(words[:size]), []).append(doc_id)
        # "the Silicon Saxony cluster", "Innovation Santé Nouvelle-Aquitaine" for "Alliance Innovation
        # Santé Nouvelle-Aquitaine": a generic word at either end is often added or left out. Not when
        # what is left starts another name too ("Polish Construction" [Cluster | Technology Platform]).
        for doc_id, names_left in cores.items():
            for core in sorted(names_left):
                if (
                    len(core) >= MIN_NAME_CHARS
                    and core not in wholes
                    and set(catalog._prefixes.get(core, ())) <= {doc_id}
                ):
                    catalog._add_name(doc_id, core, penalty=CORE_PENALTY)
        catalog._vocabulary = frozenset(
            word
            for text in (*names.values(), *(c.title for c in catalog.calls))
            for word in _NAME_WORD.findall(fold(text))
        )
        for family in FAMILIES:
            for alias in {family.name, *(a.strip() for a in family.aliases.split(";"))}:
                words = _NAME_WORD.findall(fold(alias))
                if len("".join(words)) >= MIN_PROGRAMME_CHARS and not any(w.isdigit() for w in words):
                    catalog._programme_names.append("".join(words))
                    catalog._programme_families.append(family.name)
                    catalog._programme_words.append(frozenset(words))
        return catalog

    def _add_name(self, doc_id: str, plain: str, *, part: bool = False, penalty: float = 0.0) -> None:
        """One more form ``doc_id``'s name may be typed in, folded."""
        self._indices.setdefault(doc_id, []).append(len(self._plain_names))
        self._name_ids.append(doc_id)
        self._plain_names.append(plain)
        self._is_part.append(part)
        self._penalties.append(PART_PENALTY if part else penalty)

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
            if self._starts_identifier(tokens[position].upper()):
                # From one token: dashes all left out ("horizoncl5202705d208"), or a first part run
                # into the next ("creamedia-2026-filmdist").
                alone = len(tokens[position]) >= MIN_FUZZY_IDENTIFIER  # not "I3", a programme
                for end in range(position + (1 if alone else 2), min(len(tokens), position + 10) + 1):
                    key = "".join(tokens[position:end]).upper()
                    if key in self._identifiers:
                        best = (end, self._identifiers[key])
            if best is None and tokens[position][0].isalpha():
                # The programme's prefix left out ("cl5 2026 d3 01", "MISS-2027-01-CLIMA-01"): the end
                # of exactly one stored identifier, with its year.
                for end in range(position + MIN_TAIL_GROUPS, min(len(tokens), position + 10) + 1):
                    key = "".join(tokens[position:end]).upper()
                    owners = set(self._tails.get(key, ()))
                    if len(owners) == 1 and any(_YEAR_TOKEN.fullmatch(t) for t in tokens[position:end]):
                        best = (end, owners.pop())
            if best is not None:
                found.append(best[1])
                position = best[0]
            else:
                position += 1
        return list(dict.fromkeys(found))

    def spaced_identifier_typos(self, text: str) -> list[str]:
        """Identifiers typed with spaces (or dashes) and a typo ("innovfudn 2025 nzt pilots", "HORIZON
        HLRH 2027 03 TOOL 02", "horizon cl2 2027 1 democracy 01"): runs of words around a year whose
        letters and digits are within :data:`IDENTIFIER_TYPOS` of exactly one stored identifier."""
        tokens = _TOKEN.findall(text)
        found: list[tuple[int, int, str]] = []
        for year, token in enumerate(tokens):
            if not _YEAR_TOKEN.fullmatch(token):
                continue
            for start in range(max(0, year - IDENTIFIER_LEAD_TOKENS), year):
                for end in range(year + 2, min(len(tokens), year + IDENTIFIER_TAIL_TOKENS) + 1):
                    typed = "".join(tokens[start:end])
                    stored = self.nearest_identifier(typed)
                    if stored is not None:
                        distance = OSA.distance(_squash(typed), _squash(stored))
                        found.append((distance, start - end, stored))
        if not found:
            return []
        best = min(found)
        return [best[2]]

    def _starts_identifier(self, token: str) -> bool:
        """Whether ``token`` is, or begins with, the first part of a stored identifier ("LIFE2026CET")."""
        return token in self._first_parts or (
            len(token) >= MIN_FUZZY_IDENTIFIER // 2
            and any(token[:k] in self._first_parts for k in range(2, len(token)))
        )

    def identifiers_missing_a_group(self, text: str) -> list[str]:
        """Identifiers typed with a number group left out and no year ("EP-LINC-SUBV-CONF-INT-01" for
        ``EP-LINC-SUBV-2026-CONF-INT-01``), when exactly one stored identifier fits."""
        found = []
        for match in _GROUPED.finditer(text):
            typed = match.group()
            if typed.split("-", 1)[0].upper() in self._first_parts and not _YEAR_GROUP.search(typed):
                candidates = self._without_a_group.get(_squash(typed), [])
                if len(set(candidates)) == 1:
                    found.append(candidates[0])
        return list(dict.fromkeys(found))

    def identifier_without_prefix(self, identifier: str) -> str | None:
        """The one stored identifier ``identifier`` is the end of, its programme prefix left out
        ("MISS-2027-01-CLIMA-01" for ``HORIZON-MISS-2027-01-CLIMA-01``)."""
        owners = set(self._tails.get(_squash(identifier), ()))
        return owners.pop() if len(owners) == 1 else None

    def name_of(self, doc_id: str) -> str:
        """The stored name or title of ``doc_id`` (the id itself when unknown)."""
        entry = self._names.get(doc_id)
        return entry[0] if entry else doc_id

    def has_identifier(self, identifier: str) -> bool:
        return _squash(identifier) in self._identifiers

    def stored_identifier(self, identifier: str) -> str | None:
        """The identifier as stored for one typed with other dashes or case ("creamedia-2026-filmdist")."""
        return self._identifiers.get(_squash(identifier))

    def mistyped_programmes(self, text: str) -> list[ProgrammeSlip]:
        """Programme names typed with slips: "Horizn Europe", "Digital Eurpoe", "Euroclsuters",
        "HorizonEurope", "Innov ation". A run of up to six words, spaces left out, within
        :data:`PROGRAMME_SCORE` of a programme's name or alias, whose other words are no words of any
        stored name or title (so "innovation funding" stays words, not "Innovation Fund"), and which
        is not the name with an ending ("horizons", "digitally")."""
        tokens = [(m.start(), m.end(), fold(m.group())) for m in re.finditer(r"[^\W_]+", text)]
        found: list[tuple[float, int, int, str]] = []
        # A slip is a word no stored name or title has: runs without one are not looked at (~5 ms saved).
        novel = [i for i, token in enumerate(tokens) if token[2] not in self._vocabulary]
        for first in range(len(tokens)):
            for last in range(first, min(len(tokens), first + PROGRAMME_SPAN_WORDS)):
                if not any(first <= i <= last for i in novel):
                    continue
                words = [token[2] for token in tokens[first : last + 1]]
                typed = "".join(words)
                if len(typed) < MIN_PROGRAMME_CHARS:
                    continue
                hits = process.extract(
                    typed, self._programme_names, scorer=fuzz.ratio, score_cutoff=75, limit=3
                )
                for name, _, index in hits:
                    own = self._programme_words[index]
                    slipped = [w for w in words if w not in own]
                    score = typo_ratio(name, typed)
                    if (
                        score < PROGRAMME_SCORE
                        or typed[0] != name[0]  # members seldom miss the first letter ("submissions")
                        # "European defence": words of a name, not a slip; the name as written: no slip.
                        or (not slipped and (typed != name or len(words) == len(own)))
                        or any(w in self._vocabulary for w in slipped)
                        or (len(words) == 1 and typed.startswith(name) and typed != name)
                        or any(_inflected(w, own) for w in slipped)  # "innovation funding", "horizons"
                    ):
                        continue
                    # A run of as many words as the name beats one with a word more or less ("many
                    # HorizonEurope" loses to "HorizonEurope", "Defence Funf" to "Eyropean Defence Funf").
                    fitted = score - 3.0 * abs(len(words) - len(own))
                    found.append((fitted, tokens[first][0], tokens[last][1], self._programme_families[index]))
                    break
        chosen: list[ProgrammeSlip] = []
        for fitted, start, end, family in sorted(found, key=lambda f: (-f[0], f[1] - f[2], f[1])):
            # The longest run of the same programme nearly as good ("Digitall Europe Programmme").
            around = [
                (s, e)
                for f, s, e, name in found
                if name == family and s <= start <= end <= e and f >= fitted - 3
            ]
            start, end = min(around, key=lambda span: (span[0] - span[1], span[0]))
            if all(end <= slip.start or start >= slip.end for slip in chosen):
                chosen.append(ProgrammeSlip(family=family, start=start, end=end))
        return sorted(chosen, key=lambda slip: slip.start)

    def nearest_identifier(self, identifier: str) -> str | None:
        """The one stored identifier ``identifier`` is a typo of (``HORIZZON-EIC-2026-BAS-02-SLCATEUP``):
        within :data:`IDENTIFIER_TYPOS` typos (a swap counts as one), closer than any other."""
        squashed = _squash(identifier)
        if len(squashed) < MIN_FUZZY_IDENTIFIER:
            return None
        found = process.extract(
            squashed, list(self._identifiers), scorer=OSA.distance, score_cutoff=IDENTIFIER_TYPOS, limit=2
        )
        if found and (len(found) == 1 or found[1][1] != found[0][1]):
            return self._identifiers[found[0][0]]
        if found:
            return None  # two equally close: better to say so than to guess
        left_out = set(self._without_a_group.get(squashed, []))  # "ERASMUS-EDU-ECHE-CERT-FP"
        return left_out.pop() if len(left_out) == 1 else None

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
        # Names whose rare words are typed but in another order ("Bioeconomy Circular Cluster"), which
        # partial_ratio does not see.
        seen = {index for _, _, index in found}
        for word in set(words):
            for doc_id in self._rare.get(word, ()):
                for index in self._indices.get(doc_id, ()):
                    if index not in seen and not self._is_part[index]:
                        seen.add(index)
                        found.append((self._plain_names[index], 0.0, index))
        matches = []
        best: dict[str, NameMatch] = self._named_by_prefix(capitalised)
        shared = Counter(m.score for m in best.values())  # first words several names share, typed alone
        by_prefix = max((score for score, n in shared.items() if n > 1), default=0.0)
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
            score -= self._penalties[index]  # a whole name typed beats a short part of another
            whole_found = whole_found or not self._is_part[index]
            if score < by_prefix and doc_id not in best:
                continue  # a name's first words typed exactly beat a name they are a slip of
            if doc_id not in best or score > best[doc_id].score:
                written = _written_as_name(plain, capitalised) or _typed_in_capitals(plain, text)
                best[doc_id] = NameMatch(doc_id=doc_id, name=name, score=score, written=written)
        matches = _longest_names(list(best.values()))
        if whole_found:
            matches = [m for m in matches if m.score >= NAME_SCORE]
        matches.sort(key=lambda m: (-m.score, -len(m.name), m.doc_id))
        return matches

    def _named_by_prefix(self, capitalised_runs: list[str]) -> dict[str, NameMatch]:
        """Names typed by their first two or three words, written as a name ("Andalusian Hydrogen",
        "CONSTRUCT CLUSTER"), when exactly one stored name starts so and none is just those words."""
        whole = set(self._plain_names)
        found: dict[str, NameMatch] = {}
        for run in capitalised_runs:
            words = run.split()
            for size in PREFIX_WORDS:
                for start in range(len(words) - size + 1):
                    typed = " ".join(words[start : start + size])
                    doc_ids = set(self._prefixes.get(typed, ()))
                    # Several names start so: only when those words are all the name typed ("tell me
                    # about Baltic Battery"), not words inside a longer name that goes on.
                    alone = size == len(words)
                    if (
                        not 1 <= len(doc_ids) <= (AMBIGUOUS_PREFIX_NAMES if alone else 1)
                        or typed in whole
                        or typed.replace(" ", "") in self._programme_names
                        or all(self._word_names.get(w, 0) > COMMON_WORD_NAMES for w in typed.split())
                        or all(any(find_places(w)) for w in typed.split() if len(w) > 2)
                    ):
                        continue
                    # Three words typed say more than two. Two or three names that start so are equally
                    # likely: the same score makes the planner ask which one was meant.
                    score = PREFIX_SCORE + size
                    for doc_id in doc_ids:
                        if doc_id not in found or found[doc_id].score < score:
                            name = self._names[doc_id][0]
                            found[doc_id] = NameMatch(doc_id=doc_id, name=name, score=score, written=True)
        return found

    def _distinctive(self, folded_name: str, words: list[str]) -> bool:
        """Whether a word of the name that few names share (4+ letters, or a number) is typed, give or
        take a typo."""
        rare = [
            word
            for word in _NAME_WORD.findall(folded_name)
            if (len(word) >= 4 or (len(word) >= 2 and word.isdigit()))
            and self._word_names.get(word, 0) <= COMMON_WORD_NAMES
        ]
        # A number in a name ("Digital 113") must be typed exactly; a word may carry a typo, be run into
        # the next one ("SpaceFlorida") or split in two ("Impro venet").
        typed_words = [*words, *(a + b for a, b in zip(words, words[1:], strict=False))]
        return any(
            (typed == word)
            if word.isdigit()
            else typo_ratio(word, typed) >= 80 or (len(word) >= 5 and word in typed)
            for word in rare
            for typed in typed_words
        )


_ENDINGS = ("s", "es", "ed", "ing", "ly", "er", "ers", "al")


def _inflected(word: str, name_words: frozenset[str]) -> bool:
    """Whether ``word`` is a word of the name with an English ending ("funding" of "fund"; "missionss"
    is a slip: a word ending in "s" takes "es")."""
    return any(
        word == own + ending and not (own.endswith("s") and ending == "s")
        for own in name_words
        for ending in _ENDINGS
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


GENERIC_NAME_WORDS = frozenset({"the", "cluster", "klaster", "association", "alliance", "network"})
"""Words members add to or leave out at either end of an organisation's name."""


def _core(plain_name: str) -> str:
    """A folded name without generic words at either end ("alliance innovation sante" → "innovation
    sante"), when two words or more are left."""
    words = plain_name.split()
    while len(words) > 2 and words[0] in GENERIC_NAME_WORDS:
        words.pop(0)
    while len(words) > 2 and words[-1] in GENERIC_NAME_WORDS:
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=16384)
def _reading(name: str) -> str:
    """:func:`english_reading` of a stored name, cached: the catalog is rebuilt after every write."""
    return english_reading(name)


def _typed_in_capitals(folded_name: str, text: str) -> bool:
    """Whether the name's words are typed in capitals ("BIT ALILANCE", "GREEN SYNERGY CLUSTR")."""
    runs = [" ".join(_NAME_WORD.findall(fold(run))) for run in _CAPITALS_RUN.findall(text)]
    return len(folded_name.split()) >= 2 and any(typo_ratio(folded_name, run) >= NAME_SCORE for run in runs)


_CAPITALS_RUN = re.compile(r"\b[A-Z][A-Z0-9&'’.-]+(?:\s+[A-Z0-9&][A-Z0-9&'’.-]*)+\b")


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
    compact_name = plain_name.replace(" ", "")
    sorted_name = " ".join(sorted(plain_name.split()))
    best = 0.0
    for width in {max(1, size - 1), size, size + 1}:
        for start in range(0, max(1, len(words) - width + 1)):
            run = words[start : start + width]
            span = " ".join(run)
            best = max(
                best,
                typo_ratio(plain_name, span),
                # A space left out or added ("SpaceFlorida", "Impro venet") is one slip, not two.
                typo_ratio(compact_name, "".join(run)) - SPACING_PENALTY,
                # The same words in another order ("Bioeconomy Circular Cluster").
                typo_ratio(sorted_name, " ".join(sorted(run))) - ORDER_PENALTY if width == size > 1 else 0.0,
            )
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
