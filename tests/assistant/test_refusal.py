"""The evidence test behind refusals, and its calibration sweep."""

from __future__ import annotations

from assistant.refusal import (
    CROSSLINGUAL_MIN_SIMILARITY,
    CROSSLINGUAL_STRONG_SIMILARITY,
    REFUSAL_MIN_SIMILARITY,
    EvidenceScore,
    calibrate,
    has_evidence,
    topical_terms,
)
from retrieval.embeddings_e5 import E5_MODEL_NAME
from tests.assistant.factories import TODAY, Corpus, corpus

__all__ = ["corpus"]


def test_topical_terms_drop_the_vocabulary_every_question_shares() -> None:
    assert topical_terms("Which open calls fund cluster internationalisation?") == {"internationalisation"}
    assert topical_terms("What is open for us?") == set()


def test_has_evidence_needs_similarity_and_a_shared_topical_word() -> None:
    assert has_evidence(EvidenceScore(similarity=0.5, overlap=1, topical=2))
    assert not has_evidence(EvidenceScore(similarity=REFUSAL_MIN_SIMILARITY - 0.01, overlap=2, topical=2))
    assert not has_evidence(EvidenceScore(similarity=0.45, overlap=0, topical=2))
    assert has_evidence(EvidenceScore(similarity=0.6, overlap=0, topical=2))  # a close paraphrase
    assert has_evidence(EvidenceScore(similarity=0.45, overlap=0, topical=0))  # a generic question


def test_a_multilingual_similarity_is_judged_on_its_own_scale() -> None:
    # E5's cosines sit high (unrelated texts ~0.75): MiniLM's 0.40 would let everything through.
    e5 = {"model": E5_MODEL_NAME, "overlap": 0, "topical": 0}
    assert not has_evidence(EvidenceScore(similarity=CROSSLINGUAL_MIN_SIMILARITY - 0.01, **e5))
    assert has_evidence(EvidenceScore(similarity=CROSSLINGUAL_MIN_SIMILARITY, **e5))
    # Topical words the corpus has (a name, an acronym) must still be found, or the match be close.
    named = {"model": E5_MODEL_NAME, "overlap": 0, "topical": 1}
    assert not has_evidence(EvidenceScore(similarity=CROSSLINGUAL_STRONG_SIMILARITY - 0.01, **named))
    assert has_evidence(EvidenceScore(similarity=CROSSLINGUAL_STRONG_SIMILARITY, **named))
    # Any other model (MiniLM, OpenAI) keeps MiniLM's calibrated thresholds.
    assert has_evidence(EvidenceScore(similarity=0.45, overlap=0, topical=0, model="text-embedding-3-small"))


def test_calibration_separates_answerable_from_unanswerable_questions(corpus: Corpus) -> None:
    cases = [
        ("What did Norway do to internationalise clusters?", True),
        ("What is cluster mapping?", True),
        ("Battery clusters in Central Europe", True),
        ("Hydrogen valleys funding", True),
        ("Who is the president of France?", False),
        ("Best pizza recipe with pineapple", False),
        ("How do I repair a bicycle tyre puncture?", False),
    ]
    result = calibrate(retriever=corpus.retriever, cases=cases, today=TODAY)

    assert [row.threshold for row in result.rows] == sorted(row.threshold for row in result.rows)
    at_default = next(row for row in result.rows if row.threshold == REFUSAL_MIN_SIMILARITY)
    assert at_default.answered_correctly == 1.0
    assert at_default.refusal_precision == 1.0 and at_default.refusal_recall == 1.0
    assert len(result.scores) == len(cases)


def test_format_calibration_marks_the_best_threshold() -> None:
    from assistant.refusal import Calibration, CalibrationRow, format_calibration

    calibration = Calibration(
        rows=[
            CalibrationRow(threshold=0.2, refusal_precision=None, refusal_recall=0.0, answered_correctly=0.5),
            CalibrationRow(threshold=0.3, refusal_precision=1.0, refusal_recall=1.0, answered_correctly=1.0),
        ],
        best_threshold=0.3,
        scores=[],
    )
    table = format_calibration(calibration).splitlines()
    assert table[0].startswith("threshold") and table[2].endswith("<- best") and "-" in table[1]
