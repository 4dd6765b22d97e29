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
