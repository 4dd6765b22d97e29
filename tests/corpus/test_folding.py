"""One way to fold text for matching (issue 14): the same table of letters everywhere."""

from __future__ import annotations

from assistant.plan.rewrite import fold_phrase, fold_with_offsets
from corpus.folding import fold, fold_char, fold_same_length, strip_accents
from corpus.places import fold_name
from corpus.sectors import fold as sector_fold
from retrieval.analysis import fold as retrieval_fold


def test_every_folder_reads_the_one_table() -> None:
    text = "Łódź Straße Æble Škoda Øresund Đakovo"
    assert strip_accents(text) == "Lodz Strasse AEble Skoda Oresund Dakovo"
    assert fold(text) == "lodz strasse aeble skoda oresund dakovo"
    assert retrieval_fold(text) == fold_phrase(text) == fold_with_offsets(text)[0] == fold(text)
    assert fold_name("Bosnia & Herzegovina") == "bosnia and herzegovina"


def test_same_length_folding_keeps_positions() -> None:
    text = "Straße in Łódź"
    assert len(fold_same_length(text)) == len(text)
    assert fold_same_length(text) == sector_fold(text) == "strase in lodz"
    assert fold_char("ß") == "ss" and fold_char("É") == "e" and fold_char("?") == "?"


def test_offsets_point_back_into_the_text() -> None:
    folded, offsets = fold_with_offsets("Groß")
    assert folded == "gross" and offsets == [0, 1, 2, 3, 3, 4]
