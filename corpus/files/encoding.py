"""Which text encoding is this file in? A byte-order mark, valid UTF-8, or a guess that is checked.

Members export CSVs from Excel in their Windows code page: cp1250 in Central Europe (Polish, Czech,
Slovak, Hungarian, Croatian), cp1252 in the West. The same bytes decode without error in both, so
reading a Polish file as cp1252 silently gives "Klaster £ódzki Przemys³owy". Hence the order:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides;
2. valid UTF-8 is UTF-8 (non-ASCII text that happens to be valid UTF-8 is practically never
   anything else);
3. otherwise charset-normalizer decodes the bytes in the European single-byte code pages
   (:data:`CANDIDATES`) and measures each reading's "chaos" (its confidence is ``100 - chaos``);
   readings that give the same text are one reading. Each remaining reading is checked word by
   word (:func:`implausible_words`): a symbol inside a word ("Przemys³owy") or letters that no one
   language writes together ("Øíèany" for "Říčany") mark mojibake. The reading with the fewest
   such words wins, then one whose accented letters all belong to one language, then one whose
   letters are clearly the more common where the readings differ ("très" over "trčs"). Anything
   still tied is refused as ambiguous ("Gdańsk" or "Gdañsk"), with both readings shown, so the user
   names the encoding (``ingest --encoding cp1250``) instead of getting garbage.

Measured on generated member lists (tests/corpus/test_encodings.py): charset-normalizer's own
ranking alone picked cp1252 for a Polish cp1250 sentence (chaos 0 for both readings) and cp775 for
a German cp1252 list, which is why its ranking is not trusted without the word check.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer.md import mess_ratio

from corpus.errors import InvalidInput, UnsupportedFile

CANDIDATES: tuple[str, ...] = ("cp1250", "cp1252", "iso8859_2", "iso8859_15")
"""Code pages a European spreadsheet export is in when it is not UTF-8."""
MAX_CHAOS = 20.0
"""A reading more than this share (%) of "mess" (charset-normalizer) is not text in that code page."""
CHAOS_MARGIN = 5.0
"""Readings this close in mess are equally likely; one must win on the word checks."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Non-ASCII lower-case letters of the Latin-script languages of Europe; a word's accented letters
# must all belong to one of them.
_ALPHABETS: tuple[frozenset[str], ...] = tuple(
    frozenset(letters)
    for letters in (
        "ąćęłńóśźż",  # Polish
        "áčďéěíňóřšťúůýž",  # Czech
        "áäčďéíĺľňóôŕšťúýž",  # Slovak
        "áéíóöőúüű",  # Hungarian
        "čćđšž",  # Croatian, Slovene, Bosnian, Serbian (Latin)
        "ăâîșțşţ",  # Romanian
        "äöüß",  # German
        "àâæçéèêëîïôœùûüÿ",  # French
        "áéíñóúü",  # Spanish
        "àçèéíïòóúü·",  # Catalan
        "àèéìíîòóù",  # Italian
        "ãáàâçéêíóôõú",  # Portuguese
        "éëïöüáèóú",  # Dutch
        "æøåéóàô",  # Danish, Norwegian
        "åäöé",  # Swedish, Finnish
        "áðéíóúýþæö",  # Icelandic
        "äõöüšž",  # Estonian
        "āčēģīķļņšūž",  # Latvian
        "ąčęėįšųūž",  # Lithuanian
        "çğıöşüâî",  # Turkish
        "ċġħżàèìòù",  # Maltese
        "ëç",  # Albanian
    )
)
_LETTER_USE: dict[str, int] = {
    letter: sum(letter in alphabet for alphabet in _ALPHABETS)
    for alphabet in _ALPHABETS
    for letter in alphabet
}
"""How many of the alphabets write each accented letter."""
_WORD = re.compile(r"\S+")
_C1_CONTROLS = re.compile("[\x80-\x9f]")
_SUPERSCRIPT_UNITS = re.compile(r"^(?:[kcdm]?m|ft|in)[²³]$", re.IGNORECASE)


@dataclass(frozen=True)
class Decoded:
    """Text and how it was decoded."""

    text: str
    encoding: str
    """The codec used, e.g. ``utf-8``, ``cp1250``."""
    how: str
    """``given``, ``bom``, ``utf-8`` or ``detected``."""
    confidence: float | None = None
    """For a detected code page: charset-normalizer's ``100 - chaos`` (%)."""


def decode_bytes(data: bytes, *, name: str, encoding: str | None = None) -> Decoded:
    """Decode a text file's bytes, by ``encoding`` when given, else as the module docstring says.

    Raises:
        InvalidInput: an unknown ``encoding``, bytes that are not valid in it, or an ambiguous guess.
        UnsupportedFile: bytes that are text in none of the candidate encodings.
    """
    if encoding is not None:
        return _decode_given(data, name=name, encoding=encoding)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec, "bom")
            except UnicodeDecodeError as exc:
                raise UnsupportedFile(
                    f"'{name}' starts with a {codec.upper()} mark but is not valid {codec.upper()}; "
                    "save it as UTF-8"
                ) from exc
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data, name=name)


def implausible_words(text: str) -> int:
    """How many words of ``text`` look like mojibake.

    A word is implausible when a symbol touches its letters ("Przemys³owy", "£ódzki"; units such as
    "m²" excepted) or when its accented letters belong to no single European alphabet ("Øíèany").
    """
    count = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        if _symbol_in_word(word) or not _one_alphabet(word):
            count += 1
    return count


def _decode_given(data: bytes, *, name: str, encoding: str) -> Decoded:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError as exc:
        raise InvalidInput(
            f"unknown encoding '{encoding}'; use a name such as utf-8, cp1250 (Central Europe), "
            "cp1252 (Western Europe) or utf-16"
        ) from exc
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    try:
        return Decoded(data.decode(codec), codec, "given")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"'{name}' is not valid {encoding} text (byte {exc.start} is 0x{data[exc.start]:02x}); "
            "check the encoding you named, or leave it out to have it detected"
        ) from exc


@dataclass(frozen=True)
class _Reading:
    text: str
    encodings: tuple[str, ...]
    chaos: float
    implausible: int
    one_alphabet: bool

    @property
    def rank(self) -> tuple[int, bool]:
        """Fewer garbled words first; then a text whose accented letters are all one language's."""
        return self.implausible, not self.one_alphabet


def _detect(data: bytes, *, name: str) -> Decoded:
    readings: dict[str, _Reading] = {}
    for codec in CANDIDATES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _C1_CONTROLS.search(text):
            continue  # e.g. cp1252's "€" read in ISO-8859-15: a control character, not text
        known = readings.get(text)
        if known is not None:
            readings[text] = _Reading(
                text, (*known.encodings, codec), known.chaos, known.implausible, known.one_alphabet
            )
            continue
        chaos = mess_ratio(text, maximum_threshold=1.0) * 100
        if chaos <= MAX_CHAOS:
            readings[text] = _Reading(text, (codec,), chaos, implausible_words(text), _one_alphabet(text))
    if not readings:
        raise UnsupportedFile(
            f"'{name}' is not UTF-8 and not text in any of {', '.join(CANDIDATES)}; save it as UTF-8 "
            "(in Excel: Save As → CSV UTF-8) or name its encoding (ingest --encoding)"
        )
    ranked = sorted(readings.values(), key=lambda r: (*r.rank, r.chaos))
    tied = [r for r in ranked if r.rank == ranked[0].rank and r.chaos - ranked[0].chaos < CHAOS_MARGIN]
    best = next((r for r in tied if all(_more_common(r, other) for other in tied if other is not r)), None)
    if best is None:
        first, second = tied[0], tied[1]
        raise InvalidInput(
            f"cannot tell the encoding of '{name}': it reads as {_sample(first, second)}; "
            f"name it (ingest --encoding {first.encodings[0]}, or {second.encodings[0]}; the upload "
            "form's 'encoding' field) or save the file as UTF-8"
        )
    if best.implausible:
        raise InvalidInput(
            f"'{name}' is not UTF-8 and reads as garbled text in every likely encoding "
            f"({best.implausible} garbled word(s) as {best.encodings[0]}); "
            "save it as UTF-8 or name its encoding (ingest --encoding)"
        )
    return Decoded(best.text, best.encodings[0], "detected", confidence=round(100.0 - best.chaos, 1))


def _more_common(reading: _Reading, other: _Reading) -> bool:
    """Whether ``reading``'s letters are clearly the more common where the two texts differ.

    A single-byte code page maps byte to character, so the texts differ position by position
    ("trčs"/"très", "ŕ"/"à"). At each such place the character written by more European alphabets
    wins ("à": 6, "ŕ": 1); ``reading`` must win at least twice as often as it loses.
    """
    wins = losses = 0
    for mine, theirs in zip(reading.text, other.text, strict=False):
        if mine != theirs:
            ours, their = _LETTER_USE.get(mine.lower(), 0), _LETTER_USE.get(theirs.lower(), 0)
            wins += ours > their
            losses += ours < their
    return wins > 0 and wins >= 2 * losses


def _sample(first: _Reading, second: _Reading) -> str:
    """Where the two readings differ: "'Gdańsk' in cp1250 or 'Gdañsk' in cp1252"."""
    for one, other in zip(_WORD.findall(first.text), _WORD.findall(second.text), strict=False):
        if one != other:
            return f"'{one[:40]}' in {first.encodings[0]} or '{other[:40]}' in {second.encodings[0]}"
    return f"{first.encodings[0]} or {second.encodings[0]}"  # pragma: no cover - texts differ


def _symbol_in_word(word: str) -> bool:
    core = word.strip("\"'()[]{}<>.,;:!?«»„“”‘’‚-–—…")
    if _SUPERSCRIPT_UNITS.match(core):
        return False
    for index, char in enumerate(core):
        if char.isascii() or not _is_symbol(char):
            continue
        neighbours = core[max(index - 1, 0) : index] + core[index + 1 : index + 2]
        if any(neighbour.isalpha() for neighbour in neighbours):
            return True
    return False


def _is_symbol(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] == "S" or category in {"No", "Lm", "Co", "Cn", "Cc"}


def _one_alphabet(word: str) -> bool:
    # Cased letters only: "º" in "1º" is a letter too, but no alphabet's; "µ" is a unit.
    accented = {
        char
        for char in word.lower()
        if not char.isascii() and unicodedata.category(char) == "Ll" and char != "µ"
    }
    return not accented or any(accented <= alphabet for alphabet in _ALPHABETS)
