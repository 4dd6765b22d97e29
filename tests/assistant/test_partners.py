"""Partner reasons and sector matching (pure)."""

from __future__ import annotations

from assistant.entities import extract_entities
from assistant.partners import located_in, match_reasons, partner_line, place_reason
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


def test_a_region_or_city_is_claimed_only_where_the_record_says_it() -> None:
    entities = extract_entities("aerospace clusters in Bavaria")
    assert entities.countries == ("DE",)  # a region is searched as its country
    in_munich = make_profile("Aerospace Bavaria Network", country="DE", city="Munich")
    in_hamburg = make_profile("Hamburg Aviation", country="DE", city="Hamburg")
    assert located_in(in_munich, entities) == "Bavaria" and place_reason(in_munich, entities) == "in Bavaria"
    # The records give a city, not a region: Hamburg is in Germany, and not said to be in Bavaria.
    assert located_in(in_hamburg, entities) is None and place_reason(in_hamburg, entities) == "in Germany"
    milan = extract_entities("health clusters around Milano")
    assert (
        place_reason(make_profile("Life Sciences Lombardy", country="IT", city="Milano"), milan)
        == "in Milano"
    )
