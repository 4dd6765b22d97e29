from corpus.chunking import MAX_CHUNK_CHARS, budget_sentence, chunk_record, format_eur
from corpus.models import Budget, DocType, Section
from tests.factories import make_call, make_policy, make_profile


def test_call_chunks_follow_sections_and_carry_call_facts() -> None:
    call = make_call()
    chunks = chunk_record(call)
    assert [c.position for c in chunks] == list(range(len(chunks)))
    assert chunks[0].section == "Overview"
    assert "Identifier: HORIZON-CL5-2027-07-D3-16" in chunks[0].text
    assert "Deadline: 2027-12-01" in chunks[0].text
    assert "total budget EUR 28.5 million" in chunks[0].text
    sections = [c.section for c in chunks]
    assert sections[1] == "Expected Outcome"
    assert sections.count("Scope") >= 2, "a long section is split"
    for chunk in chunks:
        assert chunk.doc_id == call.doc_id
        assert chunk.chunk_id == f"{call.doc_id}#{chunk.position}"
        assert chunk.identifier == "HORIZON-CL5-2027-07-D3-16"
        assert chunk.metadata["deadline_ymd"] == 20271201
        assert chunk.metadata["opening_ymd"] == 20270804
        assert chunk.metadata["programme"] == "Horizon Europe (HORIZON)"
        assert chunk.metadata["budget_total_eur"] == 28_500_000.0
        assert len(chunk.text) <= MAX_CHUNK_CHARS + 200  # context header on top of the split size
    assert chunks[2].text.startswith(
        "Industrial processes for tandem PV technologies (HORIZON-CL5-2027-07-D3-16) — Scope"
    )


def test_cascade_call_card_names_its_parent_topic() -> None:
    call = make_call(
        "SMP-COSME-2024-CLUSTER-01",
        doc_id="call:cascade:13501",
        call_kind="cascade",
        title="GreenMantis Innovation Support Scheme",
        call_title="Joint Cluster Initiatives (EUROCLUSTERS) for Europe's recovery",
        sections=(),
        budget=None,
    )
    (card,) = chunk_record(call)
    assert card.title == "GreenMantis Innovation Support Scheme"
    assert "under SMP-COSME-2024-CLUSTER-01 — Joint Cluster Initiatives (EUROCLUSTERS)" in card.text
    assert card.metadata["call_kind"] == "cascade"


def test_profile_is_one_card_that_says_sectors_are_inferred() -> None:
    (card,) = chunk_record(make_profile())
    assert card.doc_type is DocType.CLUSTER
    assert card.text.startswith("Cluster organisation: Baltic Battery Cluster (Vilnius, Lithuania)")
    assert "Sectors (inferred from name/category): battery" in card.text
    assert card.metadata == {
        "audience": "public",
        "doc_type": "cluster",
        "country": "LT",
        "city": "Vilnius",
        "sectors": "battery",
        "sectors_inferred": True,
    }


def test_policy_document_is_chunked_by_heading() -> None:
    chunks = chunk_record(make_policy())
    assert [c.section for c in chunks] == ["Born global", "Barriers"]
    assert chunks[0].text == "Why globalise? — Born global\nClusters help SMEs internationalise."


def test_policy_without_sections_still_yields_a_chunk() -> None:
    chunks = chunk_record(make_policy(sections=()))
    assert len(chunks) == 1


def test_empty_section_text_is_dropped() -> None:
    chunks = chunk_record(make_policy(sections=(Section(heading="Empty", text="   "),)))
    assert chunks == [] or all(c.text.strip() for c in chunks)


def test_money_formatting() -> None:
    assert format_eur(2_000_000) == "EUR 2 million"
    assert format_eur(60_000) == "EUR 60,000"
    assert format_eur(None) is None
    assert budget_sentence(
        Budget(total_eur=3_000_000, min_contribution_eur=1_000_000, max_contribution_eur=1_500_000)
    ) == ("Budget: total budget EUR 3 million, EUR 1 million to EUR 1.5 million per project.")
    assert budget_sentence(Budget()) is None


def test_boilerplate_conditions_embed_their_header_only() -> None:
    call = make_call(
        sections=(
            Section(heading="Scope", text="Pilot lines for tandem cells."),
            Section(heading="Conditions", text="General conditions. Admissibility conditions apply. " * 30),
        )
    )
    chunks = chunk_record(call)
    scope = next(c for c in chunks if c.section == "Scope")
    conditions = [c for c in chunks if c.section == "Conditions"]
    assert scope.embed_text is None and scope.dense_text == scope.text
    assert conditions and all(c.embed_text is not None and len(c.dense_text) <= 200 for c in conditions)
    assert all(c.dense_text.startswith("Industrial processes for tandem PV technologies") for c in conditions)
    assert all(len(c.text) > 200 for c in conditions), "BM25 and readers keep the full text"
