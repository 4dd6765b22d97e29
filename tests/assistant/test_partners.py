"""Partner reasons and sector matching (pure)."""

from __future__ import annotations

from assistant.entities import extract_entities
from assistant.partners import match_reasons, partner_line, place_reason
from corpus.models import SectorTag
from tests.factories import make_profile


def test_reasons_say_which_sector_matched_and_that_it_was_inferred() -> None:
    profile = make_profile("Czech Battery Cluster", country="CZ", city="Brno")
    entities = extract_entities("battery clusters in Central Europe")
    assert match_reasons(profile, entities) == ["battery (inferred from the name: name contains 'Battery')"]
    assert place_reason(profile, entities) == "in Central Europe"
    line = partner_line(profile, ["battery (inferred from the name)", "in Central Europe"], 2)
    assert (
        line == "Czech Battery Cluster — Brno, Czechia; matched on battery (inferred from the name); "
        "in Central Europe [2]"
    )


def test_given_sectors_technologies_and_us_categories() -> None:
    given = make_profile("Volt Net", sectors=(SectorTag(sector="battery", inferred=False),))
    assert match_reasons(given, extract_entities("battery partners")) == ["battery (stated in its profile)"]
    tech = make_profile("Cell Makers", sectors=(), technologies=("battery recycling",))
    assert match_reasons(tech, extract_entities("battery partners")) == ["technologies: battery recycling"]
    us = make_profile(
        "Ohio Aerospace Institute",
        country="US",
        sectors=(
            SectorTag(
                sector="Aerospace & Defence",
                inferred=True,
                evidence="US cluster category 'Aerospace Vehicles and Defense'",
                source="us-cluster-definition",
            ),
        ),
    )  # fmt: skip
    reasons = match_reasons(us, extract_entities("aerospace partners in the US"))
    assert reasons == [
        "Aerospace & Defence (inferred from its US cluster category: US cluster category "
        "'Aerospace Vehicles and Defense')"
    ]
    assert place_reason(us, extract_entities("aerospace partners in the US")) == "in United States"


def test_no_reason_for_an_unrelated_profile() -> None:
    profile = make_profile("Andalusian Agri-food Cluster", country="ES",
                           sectors=(SectorTag(sector="Agri-food", inferred=True),))  # fmt: skip
    entities = extract_entities("battery clusters in Central Europe")
    assert match_reasons(profile, entities) == [] and place_reason(profile, entities) is None
