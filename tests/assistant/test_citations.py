"""Citation checking: markers found, invalid ones dropped, renumbering, uncited claims, support."""

from __future__ import annotations

import pytest

from assistant.citations import (
    check_citations,
    citation_precision,
    cited_numbers,
    find_markers,
    is_factual,
    split_sentences,
    support_score,
)
from assistant.models import Passage

CALL = Passage(
    n=1,
    doc_id="call:I3-2026-INV1",
    chunk_id="call:I3-2026-INV1#0",
    doc_type="call",
    title="I3 investment strand",
    identifier="I3-2026-INV1",
    url="https://example.org/i3",
    text=(
        "The I3 call opens on 15 January 2026. The deadline is 30 June 2026 at 17:00 Brussels time. "
        "The total budget is EUR 20 million, with up to EUR 5 million per project."
    ),
)
NORWAY = Passage(
    n=2,
    doc_id="policy:norway",
    chunk_id="policy:norway#3",
    doc_type="policy",
    title="Cluster policy in Norway",
    text="Norway launched the Arena programme in 2002. Arena supports cluster internationalisation.",
)
PASSAGES = [CALL, NORWAY]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("claim [1].", [(1,)]),
        ("claim [1, 2].", [(1, 2)]),
        ("claim [1][2] and [3]", [(1, 2), (3,)]),
        ("claim [1] [2].", [(1, 2)]),
        ("claim [2-4].", [(2, 3, 4)]),
        ("claim [Passage 2] and [sources 1; 3]", [(2,), (1, 3)]),
        ("no markers [a] or [] here", []),
    ],
)
def test_find_markers(text: str, expected: list[tuple[int, ...]]) -> None:
    assert [marker.numbers for marker in find_markers(text)] == expected


def test_cited_numbers_in_order_of_first_use() -> None:
    assert cited_numbers("b [3] a [1][3] c [2, 1]") == [3, 1, 2]


def test_valid_answer_keeps_its_citations() -> None:
    checked = check_citations(
        "The deadline is 30 June 2026 [1]. Norway launched Arena in 2002 [2].", PASSAGES
    )

    assert checked.valid
    assert checked.text == "The deadline is 30 June 2026 [1]. Norway launched Arena in 2002 [2]."
    assert [c.doc_id for c in checked.citations] == ["call:I3-2026-INV1", "policy:norway"]
    assert checked.citations[0].quote == "The deadline is 30 June 2026 at 17:00 Brussels time."
    assert checked.citations[0].url == "https://example.org/i3"
    assert checked.citations[1].quote == "Norway launched the Arena programme in 2002."
    assert checked.uncited == () and checked.dropped == ()


def test_markers_pointing_nowhere_are_removed_cleanly() -> None:
    checked = check_citations(
        "Norway launched Arena in 2002 [7]. The deadline is 30 June 2026 [1, 9].", PASSAGES
    )

    assert checked.text == "Norway launched Arena in 2002. The deadline is 30 June 2026 [1]."
    assert checked.dropped == (7, 9)
    assert checked.uncited == ("Norway launched Arena in 2002.",)
    assert not checked.valid


def test_citations_are_renumbered_compactly_in_order_of_first_use() -> None:
    passages = [CALL.model_copy(update={"n": 4}), NORWAY.model_copy(update={"n": 9})]
    checked = check_citations(
        "Arena started in 2002 [9]. The deadline is 30 June 2026 [4][9]. Arena [9].", passages
    )

    assert checked.text == "Arena started in 2002 [1]. The deadline is 30 June 2026 [2][1]. Arena [1]."
    assert checked.renumbered == {9: 1, 4: 2}
    assert [(c.n, c.doc_id) for c in checked.citations] == [(1, "policy:norway"), (2, "call:I3-2026-INV1")]


def test_combined_and_repeated_markers_are_normalised() -> None:
    checked = check_citations("The budget is EUR 20 million [1, 1][1] [2].", PASSAGES)

    assert checked.text == "The budget is EUR 20 million [1][2]."
    assert checked.sentences[0].citations == (1, 2)


def test_uncited_factual_sentences_are_reported() -> None:
    answer = (
        "Here are the calls that match:\n"
        "- The I3 call closes on 30 June 2026 [1].\n"
        "- It gives up to EUR 5 million per project.\n"
        "Hope this helps!"
    )
    checked = check_citations(answer, PASSAGES)

    assert checked.uncited == ("- It gives up to EUR 5 million per project.",)
    assert not checked.valid
    assert not checked.refusal


def test_marker_after_the_full_stop_belongs_to_its_sentence() -> None:
    checked = check_citations(
        "The deadline is 30 June 2026. [1] Norway launched Arena in 2002. [2]", PASSAGES
    )

    assert [s.citations for s in checked.sentences] == [(1,), (2,)]
    assert checked.valid


def test_a_plain_refusal_is_not_an_uncited_claim_but_is_not_valid() -> None:
    checked = check_citations("I don't know based on the available documents.", PASSAGES)

    assert checked.uncited == ()
    assert checked.citations == ()
    assert checked.refusal
    assert not checked.valid


def test_an_answer_whose_every_marker_is_invalid_has_no_citations() -> None:
    checked = check_citations("The deadline is 30 June 2026 [3]. [4]", PASSAGES)

    assert checked.text == "The deadline is 30 June 2026."
    assert checked.citations == ()
    assert not checked.valid


def test_empty_answer_is_not_valid() -> None:
    checked = check_citations("", PASSAGES)

    assert checked.text == "" and not checked.valid and not checked.refusal


def test_support_scores_and_citation_precision() -> None:
    checked = check_citations(
        "The deadline is 30 June 2026 [1]. The deadline is 30 June 2026 [2]. Arena dates from 2002 [2].",
        PASSAGES,
    )

    first, wrong, right = checked.sentences
    assert first.supported == 1.0
    assert wrong.supported is not None and wrong.supported < 0.5
    assert right.supported is not None and right.supported >= 0.5
    assert citation_precision(checked) == pytest.approx(2 / 3)


def test_support_score_basics() -> None:
    assert support_score("Budgets of clusters", "the cluster budget") == 1.0
    assert support_score("Budgets of clusters", "nothing related") == 0.0
    assert support_score("[1]", "anything") == 1.0


@pytest.mark.parametrize(
    ("sentence", "factual"),
    [
        ("The deadline is 30 June 2026 [1].", True),
        ("I don't know based on the available documents.", False),
        ("The passages do not mention a budget for 2026.", False),
        ("I don't know the budget, but the call closes on 30 June 2026.", True),
        ("Open calls:", False),
        ("## Funding", False),
        ("Would you like partners too?", False),
        ("Here are the calls that match your question.", False),
        ("Yes.", False),
    ],
)
def test_is_factual(sentence: str, factual: bool) -> None:
    assert is_factual(sentence) is factual


def test_split_sentences_keeps_decimals_abbreviations_and_lines() -> None:
    text = "The budget is EUR 2.5 million, e.g. for pilots. It closes on 1 June [1].\n- Item two [2]"

    assert split_sentences(text) == [
        "The budget is EUR 2.5 million, e.g. for pilots.",
        "It closes on 1 June [1].",
        "- Item two [2]",
    ]


def test_long_quotes_are_shortened() -> None:
    long_text = "Cluster " + "word " * 200 + "end."
    checked = check_citations("Cluster word end [1].", [CALL.model_copy(update={"text": long_text})])

    quote = checked.citations[0].quote
    assert len(quote) <= 302 and quote.endswith("…")
