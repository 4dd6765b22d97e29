"""When to say "the corpus has no evidence", and the calibration of that threshold.

Evidence is judged on the top retrieved passages with two signals: the cosine similarity of the
question to the best passage (the index's own embedder, so it costs one query embedding and one
restricted vector look-up) and how many of the question's *topical* words (content words minus
the vocabulary every question here shares: "call", "cluster", "open", ...) the passages contain.
:func:`calibrate` sweeps the similarity threshold over labelled questions and reports refusal
precision/recall, so the chosen :data:`REFUSAL_MIN_SIMILARITY` can be shown and re-checked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

from assistant.citations import content_tokens
from assistant.language import N_
from assistant.terms import bigrams, ordered_keys, phrase_share, rarity_weights, term_keys, weighted_coverage
from retrieval.crosslingual import query_language
from retrieval.embeddings_e5 import E5_MODEL_NAME
from retrieval.filters import SearchFilters
from retrieval.index import SearchIndex
from retrieval.query import clean_query
from retrieval.search import Hit, HybridRetriever
from retrieval.word_translation import is_function_word

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")

REFUSAL_MIN_SIMILARITY = 0.40
"""Best question-passage cosine similarity (all-MiniLM-L6-v2) below which nothing counts as evidence.

Calibrated with :func:`calibrate` on the bundled corpus (today 2026-05-10, 14 answerable and 10
off-topic questions): answerable questions scored 0.47-0.88, off-topic ones 0.18-0.44; 0.40 refused
9/10 off-topic with no false refusal (0.45 refused 10/10 but sits close to the lowest answerable)."""
REFUSAL_STRONG_SIMILARITY = 0.55
"""Above this similarity a passage counts as evidence even without a shared topical word (paraphrases)."""
CROSSLINGUAL_MIN_SIMILARITY = 0.80
CROSSLINGUAL_STRONG_SIMILARITY = 0.84
SIMILARITY_THRESHOLDS: dict[str, tuple[float, float]] = {
    E5_MODEL_NAME: (CROSSLINGUAL_MIN_SIMILARITY, CROSSLINGUAL_STRONG_SIMILARITY),
}
"""(least, strong) similarity per embedding model whose cosines sit on another scale than MiniLM's
(multilingual-e5-small's cluster around 0.7-0.9); other models use MiniLM's two thresholds."""
MIN_COVERAGE = 0.5
"""Least rarity-weighted share of a question's topical words one passage must hold (2+ topical words).

Used for call searches: "a Horizon call on underwater basket weaving" finds "underwater noise" calls
(0.30), while every answerable call question of the eval set reaches 0.59 or more."""
EVIDENCE_PASSAGES = 5
"""How many top hits are scored."""

GENERIC_TERMS = frozenset(
    """call fund funding grant grants apply application deadline deadlines open opening close closes closing
    closed forthcoming upcoming budget cluster organisation organization partner partnering work find
    looking list show tell give want need could would know about please many much us our we eu european
    europe what which who where when why how question help thing one ones new current currently available
    latest recent year month week day today soon next now there here something anything any""".split()
)

OUT_OF_SCOPE_TEXT = N_(
    "I found no evidence for that in the corpus, so I can't answer it. "
    "I can help with EU funding calls (open, forthcoming and closed, with deadlines and budgets), "
    "cluster organisations in Europe and the US (partner search by sector and country), and cluster "
    "policy documents."
)


def topical_terms(question: str) -> set[str]:
    """The question's content words that say what it is about (generic vocabulary removed)."""
    return {term for term in content_tokens(question) if term not in GENERIC_TERMS and not term.isdigit()}


def topical_words(question: str) -> list[str]:
    """The words of ``question`` that hold a topical term, as written (to look their translations up)."""
    return [word for word in _WORD.findall(question) if topical_terms(word)]


class EvidenceScore(BaseModel):
    """How strongly the retrieved passages bear on a question."""

    model_config = ConfigDict(frozen=True)

    similarity: float
    """Best cosine similarity between the question and a top passage (0 when none)."""
    overlap: int
    """Topical question words found in the top passages."""
    topical: int
    """Topical words in the question."""
    coverage: float = 1.0
    """Best single passage's rarity-weighted share of the topical words (0..1)."""
    phrases: float = 0.0
    """Best single passage's share of the question's adjacent word pairs ("technology hubs")."""
    lacking: int = 0
    """Words of a foreign question that mean English words the corpus lacks ("Papagei" → parrot)."""
    model: str = ""
    """The embedding model the similarity was measured with (its thresholds apply)."""

    @property
    def thresholds(self) -> tuple[float, float]:
        """(least similarity, similarity that counts without a shared word) for :attr:`model`."""
        return SIMILARITY_THRESHOLDS.get(self.model, (REFUSAL_MIN_SIMILARITY, REFUSAL_STRONG_SIMILARITY))


def dense_similarities(
    index: SearchIndex, question: str, chunk_ids: Sequence[str]
) -> tuple[dict[str, float], str]:
    """Cosine similarity of ``question`` to each of ``chunk_ids`` (one query embedding, one look-up),
    in the vector space its search used, and the name of that space's model."""
    # The search for these hits embedded the same text a moment ago: the index re-uses it.
    return index.question_similarities(clean_query(question)[0], chunk_ids)


class TopicalGroup(NamedTuple):
    """A topical word of a question and the words that stand for it in a passage."""

    terms: frozenset[str]
    translated: bool
    """The terms are E5's translations of a foreign word (they may be wrong: "soldi" → "solid")."""
    lacking: bool = False
    """A foreign word meaning an English word the corpus lacks ("Papagei" → parrot)."""


def evidence_groups(index: SearchIndex, question: str) -> list[TopicalGroup]:
    """The topical words evidence must share, each with the words that stand for it.

    An English question's words stand for themselves. A question in another language has its words
    translated into the corpus's English words where they can be ("Gebäuden" → buildings,
    architectures): any of them counts as that word being there. Then only what the corpus has is
    kept (names, acronyms, borrowed words, translations): a word in no English passage says nothing,
    unless it clearly means an English word the corpus lacks ("Papagei" → parrot): that word is
    missing, as an English question's "parrot" would be.
    """
    if query_language(question) == "en":
        return [TopicalGroup(frozenset({term}), translated=False) for term in sorted(topical_terms(question))]
    translations = index.english_translations(question)
    absent = index.absent_words(question)
    groups: list[TopicalGroup] = []
    for word in topical_words(question):
        if is_function_word(word):
            continue  # "um", "per": in the corpus only by chance
        lacking = absent.get(word)
        missing = topical_terms(lacking) if lacking and not index.lexical.search(lacking, n=1) else set()
        if missing:
            groups.append(TopicalGroup(frozenset(missing), translated=False, lacking=True))
            continue
        english = translations.get(word)
        # a translation's words stand for one word; a word's own terms each stand for themselves
        # ("I3-2026-INV1" → i3, inv1)
        alternatives = [topical_terms(" ".join(english))] if english else [{t} for t in topical_terms(word)]
        for terms in alternatives:
            known = frozenset(term for term in terms if index.lexical.search(term, n=1))
            if known and all(known != group.terms for group in groups):
                groups.append(TopicalGroup(known, translated=bool(english)))
    return groups


def evidence_terms(index: SearchIndex, question: str) -> set[str]:
    """Every word that counts as a topical word of ``question`` being in a passage
    (:func:`evidence_groups` flattened)."""
    return {term for group in evidence_groups(index, question) for term in group.terms}


def score_evidence(
    *, index: SearchIndex, question: str, hits: Sequence[Hit], topic: str | None = None
) -> EvidenceScore:
    """Score the top :data:`EVIDENCE_PASSAGES` hits as evidence for ``question``.

    The words passages must share are read from ``topic`` (default: the question), e.g. the question
    without its places when the places are a filter the hits were chosen by. A translated word
    counts only when a passage has it: a translation can show evidence, but a wrong one ("soldi" →
    "solid", "steckt" → "involves") must not make evidence look absent, so the share a passage must
    hold is measured on the question's own words.
    """
    top = list(hits[:EVIDENCE_PASSAGES])
    topic = question if topic is None else topic
    groups = evidence_groups(index, topic)
    texts = [f"{hit.title} {hit.text}" for hit in top]
    tokens = [content_tokens(text) for text in texts]
    found = {group.terms for group in groups if any(group.terms & words for words in tokens)}
    counted = [group.terms for group in groups if not group.translated]
    weights = rarity_weights(index, {term for group in counted for term in group})
    group_weights = {group: min(weights.get(term, 0.0) for term in group) for group in counted}
    pairs = bigrams(ordered_keys(index.english_rendering(topic)))
    coverage = max((weighted_coverage(group_weights, term_keys(text)) for text in texts), default=0.0)
    phrases = max((phrase_share(pairs, text) for text in texts), default=0.0)
    similarities, model = dense_similarities(index, question, [hit.chunk_id for hit in top])
    return EvidenceScore(
        model=model,
        similarity=round(max(similarities.values(), default=0.0), 4),
        overlap=len(found),
        topical=len(counted) + len({group.terms for group in groups if group.translated} & found),
        coverage=round(coverage if any(group_weights.values()) else 1.0, 4),
        phrases=round(phrases, 4),
        lacking=sum(group.lacking for group in groups),
    )


def has_evidence(
    score: EvidenceScore, *, min_similarity: float | None = None, min_coverage: float = 0.0
) -> bool:
    """Whether the passages are real evidence: similar enough and sharing a topical word.

    A question without topical words ("what is open for us?") is judged on similarity alone. With
    ``min_coverage``, a question of two or more topical words also needs one passage holding that
    rarity-weighted share of them (one shared word of "underwater basket weaving" is not enough).
    The similarity thresholds are those of the model that measured it (default: ``score.thresholds``).
    A question sharing no topical word is evidenced only by a strong similarity, and never when a
    word of it means something the corpus lacks.
    """
    least, strong = score.thresholds
    if score.similarity < (least if min_similarity is None else min_similarity):
        return False
    if score.topical >= 2 and score.coverage < min_coverage:
        return False
    if score.topical == 0 or score.overlap > 0:
        return True
    # a paraphrase shares no word but means the same; a question whose words mean things the corpus
    # lacks ("Papagei" → parrot) is not one, however close the multilingual model puts it
    return score.lacking == 0 and score.similarity >= strong


PREFER_MARGIN = 0.25
"""How much better (in phrase share, or in coverage) other passages must be to answer instead."""


def better_evidence(candidate: EvidenceScore, current: EvidenceScore) -> bool:
    """Whether ``candidate`` passages are clearly better evidence than ``current`` ones.

    Clearly better: at least as similar (within 0.02) and either holding clearly more of the
    question's word pairs ("Technology Hubs Initiative") or clearly more of its rare words.
    """
    if not has_evidence(candidate) or candidate.similarity < current.similarity - 0.02:
        return False
    return (
        candidate.phrases >= current.phrases + PREFER_MARGIN
        or candidate.coverage >= current.coverage + PREFER_MARGIN
    )


class CalibrationRow(BaseModel):
    """Refusal quality at one threshold."""

    threshold: float
    refusal_precision: float | None
    """Of the questions refused, the share that should have been refused."""
    refusal_recall: float | None
    """Of the questions that should be refused, the share refused."""
    answered_correctly: float
    """Share of all questions handled right (refused iff unanswerable)."""


class Calibration(BaseModel):
    """A threshold sweep and the best threshold found."""

    rows: list[CalibrationRow]
    best_threshold: float
    scores: list[tuple[str, bool, float, int]]
    """(question, answerable, similarity, topical overlap) per case."""


def calibrate(
    *,
    retriever: HybridRetriever,
    cases: Iterable[tuple[str, bool]],
    today: dt.date,
    thresholds: Sequence[float] = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5),
    k: int = EVIDENCE_PASSAGES,
) -> Calibration:
    """Sweep the similarity threshold over labelled questions.

    Args:
        retriever: The retriever the assistant uses.
        cases: ``(question, answerable)`` pairs; unanswerable ones should be refused.
        today: The day retrieval judges call status on.
        thresholds: Similarity thresholds to try.
        k: Hits scored per question.

    Returns:
        One row per threshold (refusal precision/recall, share handled right) and the threshold with
        the most questions handled right (the lower one on ties: fewer false refusals).
    """
    scored: list[tuple[str, bool, EvidenceScore]] = []
    for question, answerable in cases:
        result = retriever.search(query=question, k=k, filters=SearchFilters(), today=today)
        scored.append(
            (question, answerable, score_evidence(index=retriever.index, question=question, hits=result.hits))
        )
    rows: list[CalibrationRow] = []
    for threshold in thresholds:
        refused = [not has_evidence(score, min_similarity=threshold) for _, _, score in scored]
        should = [not answerable for _, answerable, _ in scored]
        true_refusals = sum(r and s for r, s in zip(refused, should, strict=True))
        rows.append(
            CalibrationRow(
                threshold=threshold,
                refusal_precision=round(true_refusals / sum(refused), 3) if any(refused) else None,
                refusal_recall=round(true_refusals / sum(should), 3) if any(should) else None,
                answered_correctly=round(
                    sum(r == s for r, s in zip(refused, should, strict=True)) / max(len(scored), 1), 3
                ),
            )
        )
    best = max(rows, key=lambda row: (row.answered_correctly, -row.threshold))
    return Calibration(
        rows=rows,
        best_threshold=best.threshold,
        scores=[(q, a, s.similarity, s.overlap) for q, a, s in scored],
    )


def format_calibration(calibration: Calibration) -> str:
    """The sweep as a plain-text table (threshold, refusal precision/recall, share handled right)."""

    def pct(value: float | None) -> str:
        return "   -" if value is None else f"{value * 100:5.1f}%"

    lines = ["threshold  refusal-precision  refusal-recall  handled-right"]
    for row in calibration.rows:
        mark = "  <- best" if row.threshold == calibration.best_threshold else ""
        lines.append(
            f"{row.threshold:9.2f}  {pct(row.refusal_precision):>17}  {pct(row.refusal_recall):>14}"
            f"  {pct(row.answered_correctly):>13}{mark}"
        )
    return "\n".join(lines)
