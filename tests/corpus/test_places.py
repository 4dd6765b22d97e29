"""The one place table: CLDR country names in every EU language, case forms, adjectives, regions."""

from __future__ import annotations

import pytest

from corpus.places import (
    COUNTRY_FORMS,
    EU_LANGUAGES,
    adjective_forms,
    case_forms,
    cldr_country_names,
    country_name,
    country_to_iso2,
)
from retrieval.query import find_places


@pytest.mark.parametrize(
    "name", ["Dänemark", "Danemark", "Dinamarca", "Danimarca", "Dania", "Denmark", "Taani"]
)
def test_cldr_names_of_denmark_in_eu_languages_give_dk(name: str) -> None:
    assert country_to_iso2(name) == "DK"
    assert find_places(f"clusters in {name}")[0] == ["DK"]


def test_every_eu_language_names_every_eu_country() -> None:
    eu27 = "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
    assert len(EU_LANGUAGES) == 24
    for code in eu27:
        assert set(cldr_country_names(code)) == set(EU_LANGUAGES), code


def test_whole_field_names_for_ingest() -> None:
    assert country_to_iso2("Niemcy") == "DE"
    assert country_to_iso2("Deutschland") == "DE"
    assert country_to_iso2("uk") == "GB" and country_to_iso2("EL") == "GR"
    assert country_to_iso2("Ελλάδα") == "GR"  # native scripts are read from files, never from words
    assert country_to_iso2("Czech Republic") == "CZ"
    assert country_to_iso2("Bosnia and Herzegovina") == "BA"
    assert country_to_iso2("Atlantis") is None
    assert country_to_iso2("QQ") is None


def test_display_names() -> None:
    assert country_name("BA") == "Bosnia and Herzegovina"
    assert country_name("CZ") == "Czechia"
    assert country_name("GB") == "United Kingdom"
    assert country_name("DK", "de") == "Dänemark"
    assert country_name("DK", "pl") == "Dania"
    assert country_name("ZZ") == "ZZ" and country_name(None) is None


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("Klastry w Polsce", "PL"),
        ("partnerzy z Polski", "PL"),
        ("klastry w Niemczech", "DE"),
        ("firmy z Niemiec", "DE"),
        ("klastry we Francji", "FR"),
        ("współpraca z Francją", "FR"),
        ("klastry w Danii", "DK"),
        ("klastry na Litwie", "LT"),
        ("klastry na Malcie", "MT"),
        ("klastry we Włoszech", "IT"),
        ("klastry na Węgrzech", "HU"),
        ("Cluster in Dänemark", "DK"),
        ("Partner aus Österreich", "AT"),
        ("Firmen aus den Niederlanden", "NL"),
        ("die Cluster Dänemarks", "DK"),
        ("clusters en Espagne", "ES"),
        ("des partenaires d'Allemagne", "DE"),
        ("cluster in Italia", "IT"),
        ("cluster dall'Italia", "IT"),
        ("clústeres en Alemania", "DE"),
    ],
)
def test_inflected_country_names(question: str, code: str) -> None:
    assert find_places(question)[0] == [code]


def test_case_forms_follow_regular_endings() -> None:
    assert case_forms("Dania", "pl") == ["Danii", "Danią", "Danię"]
    assert case_forms("Polska", "pl") == ["Polsce", "Polski", "Polską", "Polskę"]
    assert case_forms("Litwa", "pl") == ["Litwie", "Litwy", "Litwą", "Litwę"]  # "na Litwę"
    assert case_forms("Niederlande", "de") == ["Niederlanden"]
    assert case_forms("Dänemark", "de") == ["Dänemarks"]
    assert case_forms("Schweiz", "de") == [] and case_forms("Türkei", "de") == []
    assert case_forms("Danemark", "fr") == []


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("dänische Cluster", "DK"),
        ("ein deutsches KMU", "DE"),
        ("des clusters danois", "DK"),
        ("une PME française", "FR"),
        ("clústeres daneses", "DK"),
        ("empresas alemanas", "DE"),
        ("cluster tedeschi", "DE"),
        ("aziende danesi", "DK"),
        ("duńskie klastry", "DK"),
        ("z niemieckich klastrów", "DE"),
    ],
)
def test_adjectives_in_the_product_languages(question: str, code: str) -> None:
    assert find_places(question)[0] == [code]


def test_adjective_forms_cover_genders_and_numbers() -> None:
    forms = adjective_forms("DK")
    assert {"dänisch", "dänische", "dänischen"} <= set(forms["de"])
    assert {"danois", "danoise", "danoises"} <= set(forms["fr"])
    assert {"danés", "danesa", "daneses", "danesas"} <= set(forms["es"])
    assert {"danese", "danesi"} <= set(forms["it"])
    assert {"duński", "duńskie", "duńskich"} <= set(forms["pl"])


@pytest.mark.parametrize(
    ("question", "region", "member"),
    [
        ("Cluster in Mitteleuropa", "Central Europe", "CZ"),
        ("clusters en Europe de l'Est", "Eastern Europe", "PL"),
        ("clústeres en los países nórdicos", "Nordics", "FI"),
        ("cluster nei paesi baltici", "Baltics", "LT"),
        ("klastry w Europie Środkowej", "Central Europe", "SK"),
        ("partners in the Nordics", "Nordics", "NO"),
        ("clústeres agroalimentarios en Europa del Este", "Eastern Europe", "RO"),
        ("clústeres de salud en el norte de Europa", "Northern Europe", "FI"),
        ("cluster della salute nel Nord Europa", "Northern Europe", "SE"),
        ("cluster agroalimentari nell'Europa dell'Est", "Eastern Europe", "BG"),
        ("cluster delle rinnovabili nel Sud Europa", "Southern Europe", "PT"),
    ],
)
def test_macro_regions_in_six_languages(question: str, region: str, member: str) -> None:
    countries, regions = find_places(question)
    assert regions == [region] and member in countries


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("Cluster in Bayern", "DE"),
        ("clusters en Catalogne", "ES"),
        ("klastry w Warszawie", "PL"),
        ("a Milano", "IT"),
        ("Lebensmittelcluster in Großpolen", "PL"),
        ("clústeres en la Gran Polonia", "PL"),
        # Polish declines one-word region and city names as it declines countries.
        ("klastry tekstylne w Katalonii", "ES"),
        ("klastry w Lombardii", "IT"),
        ("w okolicach Mediolanu", "IT"),
        ("klastry w Barcelonie", "ES"),
    ],
)
def test_regions_and_cities_in_the_product_languages(question: str, code: str) -> None:
    assert find_places(question)[0] == [code]


@pytest.mark.parametrize(
    "question",
    [
        "une réunion avec des clusters",
        "cada convocatoria abierta",
        "indie game studios",
        "la ira de los socios",
    ],
)
def test_ordinary_words_are_not_countries(question: str) -> None:
    assert find_places(question) == ([], [])


def test_every_form_maps_to_one_country() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for code, forms in COUNTRY_FORMS.items():
        for form in forms:
            key = form.casefold()
            if seen.setdefault(key, code) != code:
                clashes.append((form, seen[key], code))
    assert clashes == []
