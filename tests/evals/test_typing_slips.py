"""The kinds of slip of the second typo tuning set: each one does what its name says, deterministically."""

from __future__ import annotations

from evals import typing_slips as slips


def test_letter_slips_change_one_word_by_one_letter() -> None:
    name = "Silicon Saxony"
    dropped = slips.dropped_letter(name, "a")
    doubled = slips.doubled_letter(name, "a")
    neighbour = slips.neighbour_key(name, "a")
    assert dropped is not None and len(dropped) == len(name) - 1
    assert doubled is not None and len(doubled) == len(name) + 1
    assert neighbour is not None and len(neighbour) == len(name) and neighbour != name
    changed = [(a, b) for a, b in zip(name, neighbour, strict=True) if a != b]
    assert len(changed) == 1 and changed[0][1].lower() in slips.NEIGHBOURS[changed[0][0].lower()]
    assert slips.dropped_letter(name, "a") == dropped  # deterministic in the seed


def test_two_slips_in_a_long_name_go_to_two_words() -> None:
    name = "Andalusian Hydrogen Cluster"
    typed = slips.dropped_letter(name, "seed")
    assert typed is not None
    assert sum(a != b for a, b in zip(name.split(), typed.split(), strict=True)) == 2


def test_spacing_accents_case_order_and_spelling() -> None:
    assert slips.spacing("Bio-Tech", "x") in {"Bio Tech", "BioTech"}
    assert slips.spacing("Silicon Saxony", "x") in {"SiliconSaxony", "Silicon-Saxony", "Silic on Saxony"}
    assert slips.accents("Île-de-France", "x") in {"Ile-de-France", "Ile de France"}
    assert slips.accents("Innovation", "x") != "Innovation"
    assert slips.accents("CAP", "x") is None
    assert slips.lower_case("Blue Cluster", "x") == "blue cluster"
    assert sorted(str(slips.word_order("Arctic Construction Cluster", "x")).split()) == sorted(
        "Arctic Construction Cluster".split()
    )
    assert slips.word_order("Cluster", "x") is None
    assert slips.first_words("Andalusian Hydrogen Cluster", "x") == "Andalusian Hydrogen"
    assert slips.first_words("Specialised training sessions", "x") is None
    assert slips.first_words("Blue Cluster", "x") is None
    mixed = slips.spelling_mix("Danish Life Science Cluster", "x")
    assert mixed is not None and mixed.split()[:3] == ["Danish", "Life", "Science"]
    assert mixed.split()[3] in {"Klaster", "Clúster", "Klastr"}


def test_identifier_slips() -> None:
    ident = "HORIZON-CL5-2026-D3-01"
    for seed in "abcdefgh":
        dashes = slips.identifier_dashes(ident, seed)
        assert dashes is not None and dashes.replace("-", "").upper() == ident.replace("-", "")
        assert dashes.count("-") < ident.count("-")
        digits = slips.identifier_digits(ident, seed)
        assert digits is not None and digits != ident and digits.split("-")[0] == "HORIZON"
    assert "HORIZON-CL5-D3-01" in {slips.identifier_digits(ident, s) for s in map(str, range(40))}


def test_the_third_sets_name_slips() -> None:
    name = "Andalusian Hydrogen Cluster"
    two = slips.two_in_one_word(name, "a")
    assert two is not None and sum(a != b for a, b in zip(name.split(), two.split(), strict=True)) == 1
    each = slips.slip_in_each_word("Silicon Saxony", "a")
    assert each is not None
    assert all(a != b for a, b in zip("Silicon Saxony".split(), each.split(), strict=True))
    assert str(slips.all_caps("Silicon Saxony", "a")).isupper()
    lowered = slips.lower_with_slip("Silicon Saxony", "a")
    assert lowered is not None and lowered.islower() and lowered != "silicon saxony"
    assert slips.punctuation_dropped("Women's Business Network (WBN)", "2") == "Womens Business Network (WBN)"
    assert slips.punctuation_dropped("Silicon Saxony", "a") is None
    assert slips.transliterated("Łódź Photonics Cluster", "a") == "Lodz Photonics Cluster"
    assert slips.transliterated("Münchner Kreis", "a") == "Muenchner Kreis"
    assert slips.transliterated("Pôle Véhicule du Futur", "a") in {"Pôle Vèhicule du Futur"}
    assert slips.by_ear("Photonics Bretagne", "a") not in {None, "Photonics Bretagne"}
    shortened = slips.generic_word("Andalusian Hydrogen Cluster", "a")
    assert shortened in {"Andalusian Hydrogen", "andalusian hydrogen"}
    assert str(slips.generic_word("Silicon Saxony", "a")).lower().startswith("the silicon saxony ")


def test_the_third_sets_identifier_slips() -> None:
    ident = "HORIZON-CL5-2026-D3-01"
    typed = {slips.identifier_without_prefix(ident, s) for s in "abcdef"}
    assert typed <= {"CL5-2026-D3-01", "cl5-2026-d3-01", "CL5 2026 D3 01", "cl5 2026 d3 01"}
    assert slips.identifier_without_prefix("CERV-2026-DAPHNE-PROTECTION", "a") is None
    spaced = {slips.identifier_spaced_numbers("SMP-COSME-2024-CLUSTER-01", str(s)) for s in range(12)}
    assert "SMP COSME 2024 CLUSTER 1" in spaced and "SMP COSME2024 CLUSTER 01" in spaced
    for seed in "abcdefgh":
        word = slips.identifier_word_slip(ident, seed)
        assert word is not None and word.upper().replace(" ", "-") != ident
