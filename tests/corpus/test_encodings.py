"""Members' CSV exports in their real encodings: detected, named with ``encoding``, or refused.

The files are generated here in the code page Excel writes on a Polish, Czech or Western
European Windows, so each test holds the exact bytes a member would upload.
"""

from __future__ import annotations

import datetime as dt

import pytest

from corpus.errors import InvalidInput, UnsupportedFile
from corpus.files import FileLoadResult, load_bytes
from corpus.files.encoding import decode_bytes, implausible_words
from corpus.models import ClusterProfile

MEMBERS = (
    "name;country;city;sectors\r\n"
    "Klaster Łódzki Przemysłowy;PL;Łódź;textiles\r\n"
    "Śląski Klaster Lotniczy;PL;Bielsko-Biała;aerospace\r\n"
    "Pomorski Klaster ICT Interizon;PL;Gdańsk;digital\r\n"
    "Moravskoslezský automobilový klastr;CZ;Ostrava;automotive\r\n"
    "Český nanotechnologický klastr;CZ;Olomouc;nanotechnology\r\n"
    "Klastr Mobility Říčany;CZ;Říčany;mobility\r\n"
)
WESTERN = (
    "name,country,city\n"
    "Pôle Véhicule du Futur,FR,Mulhouse\n"
    "Pôle de compétitivité très actif à Lyon,FR,Lyon\n"
    "Clúster de Energía de Navarra,ES,Pamplona\n"
    "Münchner Kreis für Rüstungsindustrie,DE,München\n"
)


def load(data: bytes, filename: str = "member-clusters.csv", encoding: str | None = None) -> FileLoadResult:
    return load_bytes(
        data, filename=filename, max_bytes=1_000_000, retrieved_on=dt.date(2026, 5, 10), encoding=encoding
    )


def names(result: FileLoadResult) -> list[str]:
    assert all(isinstance(record, ClusterProfile) for record in result.records)
    return [record.title for record in result.records]


def expected_names(text: str) -> list[str]:
    return [line.split(";" if ";" in line else ",")[0] for line in text.splitlines()[1:]]


@pytest.mark.parametrize(
    ("encoded", "how"),
    [
        (MEMBERS.encode("cp1250"), "detected"),
        (MEMBERS.encode("iso8859_2"), "detected"),
        (MEMBERS.encode("utf-8-sig"), "bom"),
        (MEMBERS.encode("utf-16"), "bom"),
        (MEMBERS.encode("utf-8"), "utf-8"),
    ],
    ids=["cp1250", "iso8859-2", "utf-8-bom", "utf-16", "utf-8"],
)
def test_polish_and_czech_member_list_reads_right_in_every_encoding(encoded: bytes, how: str) -> None:
    assert decode_bytes(encoded, name="members.csv").how == how
    result = load(encoded)
    assert names(result) == expected_names(MEMBERS)
    assert [record.city for record in result.records][:3] == ["Łódź", "Bielsko-Biała", "Gdańsk"]  # type: ignore[attr-defined]
    assert not result.problems


def test_cp1250_is_detected_with_its_confidence() -> None:
    decoded = decode_bytes(MEMBERS.encode("cp1250"), name="members.csv")
    assert (decoded.encoding, decoded.how) == ("cp1250", "detected")
    assert decoded.confidence is not None and decoded.confidence >= 80


def test_a_polish_sentence_is_not_read_as_cp1252() -> None:
    # charset-normalizer alone ranks cp1252 ("³ódzkiego", chaos 0) first for this sentence.
    text = "Klaster zrzesza firmy z regionu łódzkiego. Współpraca z uczelniami."
    assert decode_bytes(text.encode("cp1250"), name="note.txt").text == text


def test_western_cp1252_export_reads_right() -> None:
    result = load(WESTERN.encode("cp1252"))
    assert names(result) == expected_names(WESTERN)


def test_spanish_and_hungarian_letters_pick_their_code_page() -> None:
    spanish = "Clúster de Energía, España, Año 2024, 1º puesto"
    assert decode_bytes(spanish.encode("cp1252"), name="es.txt").text == spanish
    hungarian = "Pannon Autóipari Klaszter, Győr, műszaki fejlesztés"
    assert decode_bytes(hungarian.encode("cp1250"), name="hu.txt").text == hungarian


def test_ambiguous_file_is_refused_with_both_readings_and_the_fix() -> None:
    # "Gdańsk" in cp1250 is "Gdañsk" in cp1252: both are real spellings, nothing tells them apart.
    data = "name,country,city\nInterizon,PL,Gdańsk\n".encode("cp1250")
    with pytest.raises(InvalidInput) as caught:
        load(data)
    message = str(caught.value)
    assert "cannot tell the encoding of 'member-clusters.csv'" in message
    assert "'Interizon,PL,Gdańsk' in cp1250" in message and "'Interizon,PL,Gdañsk' in cp1252" in message
    assert "--encoding cp1250" in message and "UTF-8" in message
    # Named, it loads.
    assert [r.city for r in load(data, encoding="cp1250").records] == ["Gdańsk"]  # type: ignore[attr-defined]
    assert [r.city for r in load(data, encoding="cp1252").records] == ["Gdañsk"]  # type: ignore[attr-defined]


def test_named_encoding_overrides_detection() -> None:
    data = MEMBERS.encode("cp1250")
    assert names(load(data, encoding="cp1250")) == expected_names(MEMBERS)
    assert names(load(MEMBERS.encode("utf-8-sig"), encoding="utf-8")) == expected_names(MEMBERS)


def test_bytes_invalid_in_the_named_encoding_are_a_clear_error() -> None:
    with pytest.raises(InvalidInput, match=r"'member-clusters.csv' is not valid utf-8 text \(byte \d+ is 0x"):
        load(MEMBERS.encode("cp1250"), encoding="utf-8")


def test_unknown_encoding_name_is_a_clear_error() -> None:
    with pytest.raises(InvalidInput, match="unknown encoding 'polish'; use a name such as utf-8, cp1250"):
        load(MEMBERS.encode("cp1250"), encoding="polish")


def test_text_in_no_code_page_is_unsupported() -> None:
    with pytest.raises(UnsupportedFile, match="not UTF-8 and not text in any of cp1250, cp1252"):
        load(b"name\n" + b"\x81\x8d\x8f\x90\x9d" * 20)


@pytest.mark.parametrize(
    ("text", "garbled"),
    [
        ("Klaster £ódzki Przemys³owy", 2),
        ("Klastr Mobility Øíèany", 1),
        ("Klaster Łódzki Przemysłowy", 0),
        ("Budget 5 000 €, 120 m², 1º puesto, «Pôle»", 0),
        ("Münchner Kreis, Straße, Győr", 0),
    ],
)
def test_mojibake_words_are_counted(text: str, garbled: int) -> None:
    assert implausible_words(text) == garbled
