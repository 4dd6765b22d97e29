"""The sentence splitter on the abbreviations of EU texts, over sentences of the bundled corpus."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from assistant.citations import split_sentences as reexported
from assistant.sentence_split import BEFORE_NUMBER, continues_after, split_sentences
from corpus.bundle import load_bundled_records

# Verbatim from the bundled corpus (call texts and policy briefs); the number of sentences in each.
CORPUS_SENTENCES = [
    (
        "In both cases applicants are expected to explain in their application if/how their project will "
        "use EU harmonized (e.g. C-ROADS [2]) and sovereign digital infrastructure.",
        1,
    ),
    (
        "grid connection from the port to the grid outside of the port, and Shore side Power Banks (SPB) "
        "i.e. Energy Storage Systems in the form of batteries.",
        1,
    ),
    (
        "- The idea and justification of the breakthrough innovation potential: max. 3 pages - The approach "
        "and methodology to explore the innovation potential: max.",
        1,
    ),
    (
        "May 2016 on the interoperability of the rail system within the European Union (OJ L 138, 26.5.2016, "
        "p. 44) which replaces Directive 2008/57/EC as of 31 October 2020.",
        1,
    ),
    (
        "and it was supported by the U.S. Administration through the Department of Commerce, USA.",
        1,
    ),
    (
        "Dr. Christian Ketels from the Institute for Strategy and Competiveness, Harvard Business School, "
        "and a Senior Research Fellow of the Stockholm School of Economics, moderated the discussions.",
        1,
    ),
    ("Mr. Emiliano Duch from the World Bank.", 1),
    ("[1] Prior et al. (2020).", 1),
    (
        "A flagship Horizon Europe call of ca. EUR 600 million under the 2026-2027 work programme supports "
        "fit-for-deployment projects.",
        1,
    ),
    (
        "Call No. 1 for proposals for NGOs to participate in capacity building and receive financial support",
        1,
    ),
    (
        "recognises the right to work for persons with disabilities on an equal basis with others (Art. 27). "
        "However, only some apply.",
        2,
    ),
]


@pytest.mark.parametrize(("text", "count"), CORPUS_SENTENCES)
def test_abbreviations_do_not_end_a_sentence(text: str, count: int) -> None:
    assert len(split_sentences(text)) == count, split_sentences(text)


def test_the_issues_list_in_running_text() -> None:
    # The bundled corpus has no "approx. 5", "No. 1291/2013" or "Jan. 2026"; member documents do.
    text = (
        "Clusters help SMEs, e.g. Norway's Arena clusters. See Art. 5 of Regulation No. 1291/2013. "
        "The budget is approx. 5 million. It closes in Jan. 2026. Dr. Ketels wrote it."
    )
    assert split_sentences(text) == [
        "Clusters help SMEs, e.g. Norway's Arena clusters.",
        "See Art. 5 of Regulation No. 1291/2013.",
        "The budget is approx. 5 million.",
        "It closes in Jan. 2026.",
        "Dr. Ketels wrote it.",
    ]


def test_real_sentence_ends_after_the_same_words_still_split() -> None:
    assert split_sentences("The answer is No. The call is closed.") == [
        "The answer is No.",
        "The call is closed.",
    ]
    assert split_sentences("Rates rose in Dec. Then they fell.") == ["Rates rose in Dec.", "Then they fell."]
    assert split_sentences("It grew in the U.S. The EU followed.") == [
        "It grew in the U.S.",
        "The EU followed.",
    ]
    assert split_sentences("See p. 3 [2]. Then apply.") == ["See p. 3 [2].", "Then apply."]
    assert split_sentences("Budget approx. [1] The call opens.") == ["Budget approx. [1]", "The call opens."]


def test_markers_stay_with_their_sentence_and_citations_reexport_the_splitter() -> None:
    assert reexported is split_sentences
    assert split_sentences("Norway funds clusters [1]. Art. 5 applies [2].") == [
        "Norway funds clusters [1].",
        "Art. 5 applies [2].",
    ]
    assert not continues_after("", "5")


def _corpus_sentences() -> Iterator[str]:
    for record in load_bundled_records():
        for section in getattr(record, "sections", ()):
            yield from split_sentences(section.text)


def test_no_sentence_of_the_bundled_corpus_ends_on_an_abbreviation_before_a_number() -> None:
    # A sentence ending "No." or "Art." means the next one starts with the number it referred to.
    words = "|".join(sorted(BEFORE_NUMBER))
    ends_badly = re.compile(rf"(?:^|\W)(?:{words}|e\.g|i\.e|approx|cf)\.$", re.IGNORECASE)
    sentences = list(_corpus_sentences())
    assert len(sentences) > 20_000
    offenders = [s[-60:] for s in sentences if ends_badly.search(s)]
    # Left: real ends ("within 2 business days max.") and abbreviations at the end of a line (lines
    # are never joined). Measured: 30 of 23,280 sentences; the splitter before the guard had 211.
    assert len(offenders) <= 0.002 * len(sentences), offenders[:20]
