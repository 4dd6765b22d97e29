from __future__ import annotations

import pytest

from retrieval.analysis import fold, tokenize
from retrieval.query import MAX_QUERY_CHARS, find_identifiers, understand_query

CENTRAL_EUROPE = ("AT", "CH", "CZ", "DE", "HU", "LI", "PL", "SI", "SK")


@pytest.mark.parametrize(
    ("query", "countries"),
    [
        ("Finnish hydrogen clusters", ("FI",)),
        ("automotive clusters in Andalusia", ("ES",)),
        ("Bavarian car suppliers", ("DE",)),
        ("Czechia or the Czech Republic", ("CZ",)),
        ("partners in the Netherlands and Belgium", ("BE", "NL")),
        ("Battery clusters in Central Europe we could work with?", CENTRAL_EUROPE),
        ("Nordic photonics", ("DK", "FI", "FO", "IS", "NO", "SE")),
        ("clusters in the Baltics", ("EE", "LT", "LV")),
        ("Iberian agri-food", ("ES", "PT")),
        ("Benelux logistics", ("BE", "LU", "NL")),
        ("DACH machinery", ("AT", "CH", "DE")),
        ("Western Balkans ICT", ("AL", "BA", "ME", "MK", "RS", "XK")),
        ("Northern Ireland and Ireland", ("GB", "IE")),
        ("clusters in Łódź and Košice", ("PL", "SK")),
        ("US cluster mapping", ("US",)),
        ("Polish EV batteries", ("PL",)),
        ("let us polish the text", ()),
        ("open innovation platforms", ()),
        ("the French Pôles de compétitivité programme", ("FR",)),
    ],
)
def test_places(query: str, countries: tuple[str, ...]) -> None:
    assert understand_query(query).countries == countries


def test_regions_are_named() -> None:
    assert understand_query("Battery clusters in Central Europe").regions == ("Central Europe",)
    assert understand_query("clusters in Andalusia").regions == ("Andalusia",)
    assert "Eastern Europe" in understand_query("Eastern Europe").regions


@pytest.mark.parametrize(
    ("query", "identifiers"),
    [
        ("When does HORIZON-CL3-2027-01-SSRI-01 close?", ["HORIZON-CL3-2027-01-SSRI-01"]),
        ("horizon-cl3-2027-01-ssri-01 deadline", ["HORIZON-CL3-2027-01-SSRI-01"]),
        ("Euroclusters under SMP-COSME-2024-CLUSTER-01.", ["SMP-COSME-2024-CLUSTER-01"]),
        ("I3-2026-INV1 and DIGITAL-2026-AI-01-TEF", ["I3-2026-INV1", "DIGITAL-2026-AI-01-TEF"]),
        ("LIFE-2026-SAP-ENV, EDF-2026-RA-CYBER-QSTN", ["LIFE-2026-SAP-ENV", "EDF-2026-RA-CYBER-QSTN"]),
        ("the HORIZON-CL5-2027-07 call", ["HORIZON-CL5-2027-07"]),
        ("Horizon 2020 and COVID-19 and cross-border", []),
    ],
)
def test_identifiers(query: str, identifiers: list[str]) -> None:
    assert find_identifiers(query) == identifiers


@pytest.mark.parametrize(
    ("query", "programmes"),
    [
        ("Horizon Europe calls on batteries", ("Horizon Europe",)),
        ("upcoming Digital Europe calls on AI", ("Digital Europe Programme",)),
        ("LIFE programme circular economy", ("LIFE",)),
        ("the meaning of life", ()),
        ("Interregional Innovation Investments calls", ("Interregional Innovation Investments (I3)",)),
        ("I3 calls", ("Interregional Innovation Investments (I3)",)),
        ("COSME support", ("Single Market Programme",)),
        ("Euroclusters open calls", ("Euroclusters",)),
        ("When does I3-2026-INV1 close?", ("Interregional Innovation Investments (I3)",)),
    ],
)
def test_programmes(query: str, programmes: tuple[str, ...]) -> None:
    assert understand_query(query).programmes == programmes


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("Which open calls fund cluster internationalisation?", "open"),
        ("upcoming calls on hydrogen", "forthcoming"),
        ("forthcoming LIFE calls", "forthcoming"),
        ("calls closing soon", "closing_soon"),
        ("calls that already closed", "closed"),
        ("open innovation in clusters", None),
        ("battery clusters", None),
        ("Is there an open call for scaling up agri-food?", "open"),
        ("Which Open Calls fund AI?", "open"),
        ("calls on hydrogen that are still open", "open"),
        ("Which Eurocluster open calls for SMEs can we still apply to?", "open"),
        # "open call" ending a name is the call's name, not a status.
        ("PowerUp NetZero open call", None),
        ("RESIST II open calls for product or process innovation", None),
        ("EIC Pathfinder Open 2026", None),
    ],
)
def test_status_intent(query: str, status: str | None) -> None:
    assert understand_query(query).status == status


@pytest.mark.parametrize(
    ("query", "sectors"),
    [
        ("EV batteries", ("battery",)),
        ("clusters working on cars", ("Mobility-Transport-Automotive",)),
        ("Finnish hydrogen", ("hydrogen",)),
        ("upcoming Digital Europe calls", ()),
        ("How many people work at the U.S. Department of Commerce?", ()),
        ("e-commerce platforms", ("Retail",)),
        ("AI and photonics", ("AI", "photonics")),
        ("capacity building for managers", ()),
    ],
)
def test_sectors(query: str, sectors: tuple[str, ...]) -> None:
    assert understand_query(query).sectors == sectors


def test_long_queries_are_cut_at_a_word_boundary() -> None:
    understanding = understand_query("battery " * 2000)
    assert understanding.truncated
    assert len(understanding.text) <= MAX_QUERY_CHARS
    assert understanding.text.endswith("battery")
    assert not understand_query("battery").truncated


def test_hidden_characters_are_removed() -> None:
    assert understand_query("bat\u200btery  \n clusters").text == "battery clusters"


def test_tokenizer_keeps_identifiers_whole_and_split() -> None:
    tokens = tokenize("HORIZON-CL3-2027-01-SSRI-01 for the EV batteries")
    assert tokens[:4] == ["horizon-cl3-2027-01-ssri-01", "horizon", "cl3", "2027"]
    assert "the" not in tokens and "for" not in tokens
    assert tokenize("batteries") == tokenize("battery")
    assert tokenize("internationalization") == tokenize("internationalisation")
    assert tokenize("Mobilitätscluster") == tokenize("mobilitatscluster")
    assert fold("Łódź Straße") == "lodz strasse"
