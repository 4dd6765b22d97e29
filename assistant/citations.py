"""Citation checking: pure functions over an answer's text and the passages it was given.

A model's answer cites passages as ``[n]`` (also ``[1, 2]``, ``[1-3]``, ``[1][2]``,
``[Passage 2]``). :func:`check_citations` keeps only markers that point at a passage, renumbers
them compactly in order of first use, attaches to each citation the passage sentence that best
supports the claim, lists factual sentences left without a citation, and scores how well each
cited passage supports its sentence (token overlap), the "citation precision" of the evals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from assistant.models import Citation, Passage
from assistant.sentence_split import split_sentences as split_sentences  # re-exported for its callers

# One marker: [1], [1, 2], [1;2], [1-3], [1–3], [1 and 2], [Passage 2], [source 1].
_MARKER = re.compile(
    r"\[\s*(?:(?:passages?|sources?|docs?|documents?)\s*)?"
    r"(\d{1,3}(?:\s*(?:,|;|-|–|and)\s*\d{1,3})*)\s*\]",
    re.IGNORECASE,
)
_CANONICAL_MARKER = re.compile(r"\[(\d+)\]")
_NUMBER_OR_RANGE = re.compile(r"(\d+)\s*(?:[-–]\s*(\d+))?")
_MAX_RANGE = 20
_DIGIT = re.compile(r"\d")
_CONTRAST = re.compile(r"\b(?:but|however|although|though|while)\b", re.IGNORECASE)
_WORD = re.compile(r"\w+", re.UNICODE)
_HEDGE = re.compile(
    r"\b(?:i (?:do not|don't|cannot|can't|could not|couldn't) (?:know|find|say|tell|answer|determine)"
    r"|i'm not sure|i am not sure|not (?:enough|sufficient) information|no (?:relevant )?information"
    r"|no evidence|(?:passages|documents|sources|corpus) (?:do not|don't|does not|doesn't)"
    r"|(?:not|isn't|is not) (?:mentioned|covered|stated|specified) in|unable to (?:find|answer|determine)"
    r"|there (?:are|is) no (?:passages?|documents?|calls?|information|evidence))",
    re.IGNORECASE,
)
_FILLER = re.compile(
    r"^\s*(?:here (?:is|are)\b|in summary\b|sure\b|certainly\b|i hope this helps|hope this helps"
    r"|let me know\b|feel free\b|based on the (?:passages|documents)(?: provided)?[,:]?\s*$)",
    re.IGNORECASE,
)
_STOPWORDS = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been being it its this "
    "that these those there their they them he she his her we our you your i me my not no do does did "
    "has have had can could will would shall should may might must which who whom whose what when where "
    "how why than then so such also into over under about after before between per each any all some "
    "more most other only own same very just up out".split()
)
_QUOTE_LIMIT = 300


class SentenceCheck(BaseModel):
    """One sentence of the checked answer and the citations it carries."""

    model_config = ConfigDict(frozen=True)

    text: str
    """The sentence as it appears in the checked (renumbered) answer."""
    citations: tuple[int, ...]
    """New citation numbers in the sentence, in order."""
    factual: bool
    """Whether it states something that needs a source (not a hedge, heading or pleasantry)."""
    hedge: bool
    support: dict[int, float]
    """Per cited number: share of the sentence's content words found in that passage (0..1)."""

    @property
    def supported(self) -> float | None:
        """Best support among the sentence's citations; None when it cites nothing."""
        return max(self.support.values()) if self.support else None


class CheckedAnswer(BaseModel):
    """An answer after citation checking."""

    model_config = ConfigDict(frozen=True)

    text: str
    """The answer with invalid markers removed and the others renumbered ``[1]``, ``[2]``, ..."""
    citations: tuple[Citation, ...]
    """One per new number, in order: ``citations[k - 1].n == k``."""
    sentences: tuple[SentenceCheck, ...]
    uncited: tuple[str, ...]
    """Factual sentences without any valid citation."""
    dropped: tuple[int, ...]
    """Original marker numbers that pointed at no passage."""
    renumbered: dict[int, int]
    """Original passage number → new citation number."""
    valid: bool
    """At least one valid citation and no factual sentence left uncited."""
    refusal: bool
    """The answer only hedges ("I don't know ..."): it states nothing factual."""


@dataclass(frozen=True)
class Marker:
    """A run of adjacent citation markers in a text (``[1][2]`` or ``[1, 2]`` is one run)."""

    start: int
    end: int
    numbers: tuple[int, ...]


def find_markers(text: str) -> list[Marker]:
    """The citation marker runs in ``text``, in order; numbers keep their order, ranges expanded."""
    runs: list[Marker] = []
    for match in _MARKER.finditer(text):
        numbers = tuple(_expand(match.group(1)))
        previous = runs[-1] if runs else None
        if previous is not None and not text[previous.end : match.start()].strip():
            runs[-1] = Marker(previous.start, match.end(), previous.numbers + numbers)
        else:
            runs.append(Marker(match.start(), match.end(), numbers))
    return runs


def cited_numbers(text: str) -> list[int]:
    """Every number cited in ``text``, in order of first use, without repeats."""
    return list(dict.fromkeys(n for marker in find_markers(text) for n in marker.numbers))


def _expand(group: str) -> Iterable[int]:
    for match in _NUMBER_OR_RANGE.finditer(group):
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        if first <= last <= first + _MAX_RANGE:
            yield from range(first, last + 1)
        else:
            yield first


def content_tokens(text: str) -> set[str]:
    """Lower-cased content words of ``text`` (markers, stop-words removed; plural ``s`` stripped)."""
    tokens: set[str] = set()
    for word in _WORD.findall(_MARKER.sub(" ", text).lower()):
        if word in _STOPWORDS or (len(word) == 1 and not word.isdigit()):
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        tokens.add(word)
    return tokens


def support_score(sentence: str, passage_text: str) -> float:
    """Share of ``sentence``'s content words that occur in ``passage_text`` (1.0 for an empty sentence)."""
    words = content_tokens(sentence)
    return len(words & content_tokens(passage_text)) / len(words) if words else 1.0


def best_quote(passage_text: str, claims: Sequence[str]) -> str:
    """The passage sentence sharing the most content words with any of ``claims`` (first on ties)."""
    candidates = split_sentences(passage_text) or [passage_text.strip()]
    claim_words = [content_tokens(claim) for claim in claims]
    best, best_overlap = candidates[0], 0
    for candidate in candidates:
        words = content_tokens(candidate)
        overlap = max((len(words & claim) for claim in claim_words), default=0)
        if overlap > best_overlap:
            best, best_overlap = candidate, overlap
    return _shorten(best)


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _QUOTE_LIMIT:
        return text
    return text[:_QUOTE_LIMIT].rsplit(" ", 1)[0] + " …"


def is_hedge(sentence: str) -> bool:
    """Whether the sentence says the sources do not answer ("I don't know", "no information ...")."""
    return bool(_HEDGE.search(sentence))


def is_factual(sentence: str) -> bool:
    """Whether a sentence states something that needs a source.

    Not factual: hedges (unless they go on to state a number: "..., but it closes on 1 June"),
    pleasantries without any number ("Here are the calls that match"), questions, headings and
    lead-ins ending with ``:``, markdown headings, and fragments of fewer than three words.
    """
    bare = _MARKER.sub("", sentence).strip().strip("*_").strip()
    if not bare:
        return False
    # A hedge that goes on to state a dated fact ("I don't know the budget, but it closes on
    # 1 June") still needs a source; a plain refusal ("no call closes in 2026") does not.
    if is_hedge(bare) and not (_CONTRAST.search(bare) and _DIGIT.search(bare)):
        return False
    if _FILLER.search(bare) and not _DIGIT.search(bare):
        return False
    if bare.endswith((":", "?")) or bare.startswith("#"):
        return False
    return len(_WORD.findall(bare)) >= 3


def _rewrite(text: str, valid: dict[int, Passage]) -> tuple[str, dict[int, int], list[int]]:
    """Renumber valid markers in order of first use and remove the others."""
    renumbered: dict[int, int] = {}
    dropped: list[int] = []
    pieces: list[str] = []
    position = 0
    for marker in find_markers(text):
        kept: list[int] = []
        for number in marker.numbers:
            if number not in valid:
                dropped.append(number)
                continue
            new = renumbered.setdefault(number, len(renumbered) + 1)
            if new not in kept:
                kept.append(new)
        before = text[position : marker.start]
        if kept:
            pieces.append(before + "".join(f"[{n}]" for n in kept))
        else:
            # Removing "claim [9]." must give "claim.", not "claim .".
            pieces.append(before.rstrip(" \t") if before.strip(" \t") else before)
        position = marker.end
    pieces.append(text[position:])
    rewritten = "\n".join(line.rstrip() for line in "".join(pieces).splitlines()).strip()
    return rewritten, renumbered, list(dict.fromkeys(dropped))


def check_citations(answer_text: str, passages: Sequence[Passage]) -> CheckedAnswer:
    """Check and normalise the citations of ``answer_text`` against ``passages``.

    Args:
        answer_text: The composer's (usually the model's) answer with ``[n]`` markers.
        passages: The numbered evidence the answer was written from (``Passage.n``).

    Returns:
        The answer with invalid markers removed and valid ones renumbered 1..k in order of first
        use, one :class:`Citation` per new number (quote: the best-supporting passage sentence),
        per-sentence support scores, the uncited factual sentences, and the verdict ``valid``.
    """
    by_number = {passage.n: passage for passage in passages}
    text, renumbered, dropped = _rewrite(answer_text, by_number)
    passage_of = {new: by_number[old] for old, new in renumbered.items()}

    sentences: list[SentenceCheck] = []
    claims_of: dict[int, list[str]] = {new: [] for new in passage_of}
    for sentence in split_sentences(text):
        numbers = tuple(dict.fromkeys(int(n) for n in _CANONICAL_MARKER.findall(sentence)))
        support = {n: round(support_score(sentence, passage_of[n].text), 3) for n in numbers}
        for n in numbers:
            claims_of[n].append(sentence)
        hedge = is_hedge(sentence)
        sentences.append(
            SentenceCheck(
                text=sentence, citations=numbers, factual=is_factual(sentence), hedge=hedge, support=support
            )
        )

    citations = tuple(
        Citation(
            n=new,
            doc_id=passage.doc_id,
            doc_type=passage.doc_type,
            title=passage.title,
            identifier=passage.identifier,
            url=passage.url,
            quote=best_quote(passage.text, claims_of[new]),
        )
        for new, passage in sorted(passage_of.items())
    )
    uncited = tuple(s.text for s in sentences if s.factual and not s.citations)
    factual = [s for s in sentences if s.factual]
    return CheckedAnswer(
        text=text,
        citations=citations,
        sentences=tuple(sentences),
        uncited=uncited,
        dropped=tuple(dropped),
        renumbered=renumbered,
        valid=bool(citations) and not uncited,
        refusal=not factual and any(s.hedge for s in sentences),
    )


def citation_precision(checked: CheckedAnswer, *, threshold: float = 0.5) -> float | None:
    """Share of (sentence, cited passage) pairs whose support reaches ``threshold``; None if none."""
    scores = [score for sentence in checked.sentences for score in sentence.support.values()]
    return sum(score >= threshold for score in scores) / len(scores) if scores else None
