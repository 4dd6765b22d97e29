"""Raw-source loaders: unit checks on small inputs, and the real raw files (../shared/data/raw)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from corpus.bundle import DEFAULT_BUNDLE_DIR, write_bundle
from corpus.models import CallStatus, ClusterProfile, FundingCall, PolicyDocument
from corpus.sources.eccp import clean_city, slugify
from corpus.sources.ft_calls import clean_label
from corpus.sources.ft_topics import clean_conditions, iter_concatenated_json, split_sections
from corpus.sources.policy_briefs import clean_markdown, split_markdown_sections
from corpus.sources.raw import RawLoadResult, load_raw_records
from corpus.status import deadline_status

RAW_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "raw"
needs_raw = pytest.mark.skipif(not RAW_DIR.is_dir(), reason=f"raw data folder {RAW_DIR} is absent")


# --- unit checks, no raw data needed -------------------------------------------------------------


def test_concatenated_json_with_bom_and_no_separators() -> None:
    text = '\ufeff{"a": 1}{"b": {"c": "}{"}}\n {"d": [1, 2]}'
    assert list(iter_concatenated_json(text)) == [{"a": 1}, {"b": {"c": "}{"}}, {"d": [1, 2]}]


def test_split_sections_on_headings_glued_to_text() -> None:
    sections = split_sections(
        "Objective:The ERC grants aim at this.Scope:Size of grants: EUR 150 000.Expected Outcome: More."
    )
    assert [(s.heading, s.text) for s in sections] == [
        ("Objective", "The ERC grants aim at this."),
        ("Scope", "Size of grants: EUR 150 000."),
        ("Expected Outcome", "More."),
    ]


def test_split_sections_keeps_leading_text_and_fixes_mojibake() -> None:
    sections = split_sections("Intro textâ€™s here.Scope:Do it.")
    assert sections[0].heading == "Description"
    assert "â€" not in sections[0].text
    assert sections[1].text == "Do it."


def test_split_sections_ignores_lower_case_scope_inside_a_sentence() -> None:
    assert len(split_sections("Expected Outcome:Within the scope: of this topic.")) == 1


def test_conditions_cleaning() -> None:
    text = clean_conditions(
        '">General conditions1. Admissibility conditions: see annex.2. Eligible countries'
    )
    assert text == "General conditions\n1. Admissibility conditions: see annex.\n2. Eligible countries"


def test_clean_label_unescapes_and_joins_lines() -> None:
    assert clean_label("GATE5.0 Open Call for Agrifood &amp; Technology SMEs ") == (
        "GATE5.0 Open Call for Agrifood & Technology SMEs"
    )
    assert clean_label("Title A\nTitle A\nTitle B") == "Title A Title B"
    assert clean_label("Research Fund for Coal %26 Steel (RFCS)") == "Research Fund for Coal & Steel (RFCS)"
    assert clean_label("Erasmus  (ERASMUS )") == "Erasmus (ERASMUS)"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Deutschland", None),
        ("España", None),
        ("Österreich", None),
        ("Albania", None),
        ("Польша", None),
        ("Luxembourg", "Luxembourg"),
        ("ZARAGOZA", "Zaragoza"),
        ("İZMİR", "İzmir"),
        ("93053 Regensburg", "Regensburg"),
        ("Aarhus - Head Quarters, hubs: Copenhagen and 4 other cities", "Aarhus"),
        ("Cluj-Napoca", "Cluj-Napoca"),
        ("", None),
        (None, None),
    ],
)
def test_clean_city(raw: str | None, expected: str | None) -> None:
    assert clean_city(raw) == expected


def test_slugify() -> None:
    assert slugify("Clúster de Automoción de Galicia (CEAGA)") == "cluster-de-automocion-de-galicia-ceaga"


def test_clean_markdown_removes_conversion_noise() -> None:
    text = clean_markdown(
        "[bookmark: _Hlk1][image: ]Intro\n\n- ✓ 12 bureaus\n\nSee [Country Factsheets](#) and \\$10 billion"
        "\n\nhttp://www.example.org/x\n"
    )
    assert text == "Intro\n\n- 12 bureaus\n\nSee Country Factsheets and $10 billion"


def test_clean_markdown_unwraps_double_spaced_extracts() -> None:
    raw = "First line of a \n\nparagraph ends here.  \n\n \n\nSecond paragraph \n\ngoes on.  \n"
    assert clean_markdown(raw) == "First line of a paragraph ends here.\n\nSecond paragraph goes on."


def test_markdown_sections() -> None:
    sections = split_markdown_sections("# Title\n\nIntro.\n\n## Part A\n\nText A.", default_heading="Doc")
    assert [(s.heading, s.text) for s in sections] == [("Title", "Intro."), ("Part A", "Text A.")]


# --- the real raw files ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def raw() -> RawLoadResult:
    if not RAW_DIR.is_dir():
        pytest.skip(f"raw data folder {RAW_DIR} is absent")
    return load_raw_records(RAW_DIR)


@pytest.fixture(scope="module")
def by_id(raw: RawLoadResult) -> dict[str, FundingCall | ClusterProfile | PolicyDocument]:
    return {record.doc_id: record for record in raw.records}


def _call(by_id: dict[str, object], doc_id: str) -> FundingCall:
    record = by_id[doc_id]
    assert isinstance(record, FundingCall)
    return record


@needs_raw
def test_counts(raw: RawLoadResult) -> None:
    kinds = [call.call_kind for call in raw.calls]
    assert (kinds.count("topic"), kinds.count("cascade"), kinds.count("call_for_proposals")) == (
        963,
        299,
        106,
    )
    assert sum(1 for c in raw.clusters if c.doc_id.startswith("cluster:eccp:")) == 1445
    assert sum(1 for c in raw.clusters if c.doc_id.startswith("cluster:us:")) == 145
    policy_ids = [p.doc_id for p in raw.policies]
    assert sum(1 for i in policy_ids if i.startswith("policy:us-cluster-mapping:")) == 10
    assert "policy:us-cluster-definitions" in policy_ids
    assert len(policy_ids) == 16
    assert len({r.doc_id for r in raw.records}) == len(raw.records)


@needs_raw
def test_merged_topic_has_full_sections_and_structured_budget(by_id: dict[str, object]) -> None:
    call = _call(by_id, "call:HORIZON-CL5-2027-07-D3-16")
    headings = [section.heading for section in call.sections]
    assert headings[:2] == ["Expected Outcome", "Scope"] and headings[-1] == "Conditions"
    assert len(call.sections[0].text) > 1100  # longer than the feed's truncated abstract
    assert (
        call.budget is not None and call.budget.total_eur == 28_500_000 and call.budget.expected_grants == 3
    )
    assert call.programme == "Horizon Europe (HORIZON)"
    assert call.call_kind == "topic" and call.topic_identifier == "HORIZON-CL5-2027-07-D3-16"
    assert {p.source_dataset for p in call.provenance} == {
        "eu-ft-calls-grantsfeed",
        "eu-ft-topics-cordisdata",
    }
    assert {p.retrieved_on for p in call.provenance} == {dt.date(2026, 8, 22), dt.date(2026, 8, 12)}


@needs_raw
def test_topic_without_cordis_record_uses_the_truncated_abstract(raw: RawLoadResult) -> None:
    feed_only = [c for c in raw.calls if c.call_kind == "topic" and len(c.provenance) == 1 and c.sections]
    assert len(feed_only) > 300
    assert any(call.sections[-1].text.endswith("…") for call in feed_only)


@needs_raw
def test_cascade_calls_are_distinct_with_their_own_titles(
    raw: RawLoadResult, by_id: dict[str, object]
) -> None:
    call = _call(by_id, "call:cascade:13501")
    assert call.title == "GreenMantis Innovation Support Scheme"
    assert call.topic_identifier == "SMP-COSME-2024-CLUSTER-01"
    assert call.call_title is not None and "EUROCLUSTERS" in call.call_title
    euroclusters = [
        c for c in raw.calls if c.call_kind == "cascade" and c.topic_identifier == call.topic_identifier
    ]
    assert len(euroclusters) == len({c.doc_id for c in euroclusters}) == 22
    # 21 titles: one call appears twice (same title and opening, a later deadline, a new feed id).
    assert len({c.title for c in euroclusters}) == 21
    assert all("Joint Cluster Initiatives" not in c.title for c in euroclusters)


@needs_raw
def test_text_is_clean(raw: RawLoadResult, by_id: dict[str, object]) -> None:
    dump = "\n".join(record.model_dump_json() for record in raw.records)
    assert "â€" not in dump
    assert "&amp;" not in dump
    assert all("\n" not in call.title for call in raw.calls)
    assert "Agrifood & Technology" in _call(by_id, "call:cascade:13382").title
    assert all(call.title != call.topic_identifier for call in raw.calls)


@needs_raw
def test_status_is_computed_from_dates(by_id: dict[str, object]) -> None:
    today = dt.date(2026, 5, 10)
    forthcoming = _call(by_id, "call:HORIZON-CL5-2027-07-D3-16")
    assert deadline_status(forthcoming, today) is CallStatus.FORTHCOMING
    closed = _call(by_id, "call:cascade:13382")  # deadline 2026-04-30, labelled "Open for submission"
    assert closed.deadline is not None and closed.deadline.date() == dt.date(2026, 4, 30)
    assert closed.source_status_label == "Open for submission"
    assert deadline_status(closed, today) is CallStatus.CLOSED
    assert deadline_status(closed, dt.date(2026, 4, 1)) is CallStatus.OPEN


@needs_raw
def test_odd_feed_records_are_kept_as_topics(by_id: dict[str, object]) -> None:
    charter = _call(by_id, "call:ERASMUS-EDU-2022-ECHE-CERT-FP")
    assert charter.call_kind == "topic"
    label = _call(by_id, "call:ESC-HUMAID-2021-QUAL-LABEL-FP")
    assert label.url is not None and label.url.endswith("topic-details/ESC-HUMAID-2021-QUAL-LABEL-FP")
    assert label.opening_date == dt.date(2021, 6, 10)  # 22:00 UTC is midnight in Brussels


@needs_raw
def test_eccp_profiles(raw: RawLoadResult) -> None:
    eccp = {c.title: c for c in raw.clusters if c.doc_id.startswith("cluster:eccp:")}
    albania = eccp["PROEKSPORT ALBANIA ASSOCIATION TEXTILE&FOOTWEAR"]
    assert albania.city is None and albania.country == "AL"
    photonic = eccp["PhotonicNet GmbH"]
    assert photonic.source_ecosystem_tag == "agri_food"
    sectors = {tag.sector for tag in photonic.sectors}
    assert "photonics" in sectors and "Agri-food" not in sectors
    assert all(tag.inferred for c in eccp.values() for tag in c.sectors)
    country_cities = {"Deutschland", "España", "Österreich", "Suomi", "Polska", "Italia"}
    assert not country_cities & {c.city for c in eccp.values()}


@needs_raw
def test_us_organisations_are_deduplicated(raw: RawLoadResult) -> None:
    csv_bytes = (RAW_DIR / "us-cluster-mapping" / "CurrentOrganizationsAndClusters.csv").read_bytes()
    assert b"\n" not in csv_bytes  # CR-only line endings
    us = {c.doc_id: c for c in raw.clusters if c.doc_id.startswith("cluster:us:")}
    space_florida = us["cluster:us:332"]
    assert space_florida.title == "Space Florida" and space_florida.country == "US"
    assert space_florida.cluster_categories == ("Aerospace Vehicles and Defense",)
    assert any(t.source == "us-cluster-definition" for t in space_florida.sectors)
    assert sum(len(c.cluster_categories) for c in us.values()) == 237  # distinct CSV rows
    assert all(list(c.cluster_categories) == sorted(set(c.cluster_categories)) for c in us.values())


@needs_raw
def test_policy_documents(by_id: dict[str, object]) -> None:
    hub = by_id["policy:global-cluster-hub-2016"]
    assert isinstance(hub, PolicyDocument)
    assert hub.title.startswith("Global Cluster Hub 2016") and hub.published == "2016"
    assert "Public domain" in hub.provenance[0].licence
    text = " ".join(section.text for section in hub.sections)
    assert "[image" not in text and "✓" not in text and "ADMINISTRATION" not in text
    talk = by_id["policy:eu-clusters-talk-global-perspectives-2024"]
    assert isinstance(talk, PolicyDocument) and len(talk.sections) >= 5
    assert "[" not in " ".join(s.text for s in talk.sections)
    definitions = by_id["policy:us-cluster-definitions"]
    assert isinstance(definitions, PolicyDocument) and len(definitions.sections) == 67  # 66 names + intro
    page = by_id["policy:us-cluster-mapping:clusters_101"]
    assert isinstance(page, PolicyDocument) and page.sections[0].heading == "What is a cluster?"


@needs_raw
def test_committed_bundle_is_up_to_date(raw: RawLoadResult, tmp_path: Path) -> None:
    manifest = write_bundle(raw.records, tmp_path, skipped=raw.skipped)
    for file in manifest.files:
        assert (tmp_path / file.name).read_bytes() == (DEFAULT_BUNDLE_DIR / file.name).read_bytes(), (
            f"{file.name} is stale: run python scripts/build_corpus.py --raw ../shared/data/raw"
        )
    committed = json.loads((DEFAULT_BUNDLE_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert committed["counts"] == manifest.counts
