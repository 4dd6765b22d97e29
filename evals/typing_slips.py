"""How members mistype names, identifiers and programme names: one pure function per kind of slip.

The second typo tuning set (``questions_typos_dev2.jsonl``, built by
``scripts/build_questions_eval.py``) types the dev side's names with these. The first set's
generator (``misspell`` in that script) makes one kind only: a swap, a dropped or a doubled letter
inside a word of six letters or more. Members also hit the key next to the one they meant, drop the
last letter of a short word, run two words together or split one, drop or add accents, type all in
lower case, put words in another order, type the first two words of a long name, mix English and
native spellings, and leave dashes or a digit group out of an identifier.

Every function is deterministic in its ``seed`` and returns ``None`` when the slip does not apply to
the text (no accents to drop, a single word to reorder); the builder then takes the next item.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from corpus.folding import strip_accents

_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
NEIGHBOURS: dict[str, str] = {}
"""QWERTY keys beside each letter on its own row ("e" → "wr")."""
for _row in _KEYBOARD_ROWS:
    for _i, _key in enumerate(_row):
        NEIGHBOURS[_key] = _row[max(0, _i - 1) : _i] + _row[_i + 1 : _i + 2]

SMALL_WORDS = frozenset("a an and as at de del des di du e et for in la le les of on the to und y".split())
"""Joining words: never reordered, never the end of a shortened name."""

SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("cluster", "klaster", "clúster", "klastr"),
    ("association", "asociación", "associazione", "associação", "asociace"),
    ("technology", "technologie", "tecnologia", "tecnología", "technologii"),
    ("technologies", "technologien", "tecnologie", "tecnologías"),
    ("innovation", "innovazione", "innovación", "inovação", "innowacji"),
    ("centre", "center", "centro", "zentrum"),
    ("organisation", "organization", "organización"),
    ("defence", "defense", "défense", "difesa"),
    ("industry", "industrie", "industria"),
    ("industries", "industrien", "industrias", "indústrias"),
    ("energy", "energie", "energia", "energía"),
    ("digital", "digitale", "digitális"),
    ("institute", "institut", "instituto", "istituto"),
    ("agency", "agentur", "agencia", "agence"),
    ("network", "netzwerk", "netwerk", "réseau"),
    ("national", "nacional", "nazionale", "narodowy"),
    ("logistics", "logistik", "logística", "logistica"),
    ("mechatronics", "mechatronik", "mecatrónica"),
    ("aerospace", "aérospatiale", "aeroespacial", "aerospaziale"),
    ("automotive", "automobil", "automoción", "automotivo"),
    ("biotechnology", "biotechnologie", "biotecnología", "biotecnologia"),
    ("maritime", "maritim", "marítimo", "marittimo"),
    ("furniture", "mobiliario", "meble"),
    ("photonics", "photonik", "fotónica", "fotonica"),
    ("plastics", "kunststoff", "plásticos", "plastica"),
    ("textile", "textil", "tessile", "têxtil"),
)
"""An English word and how the same word is spelt in other languages of the corpus's names."""

_WORD = re.compile(r"[^\W\d_]+")
_ADDED_ACCENT = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}


def _digest(seed: str) -> str:
    return hashlib.sha256(seed.encode()).hexdigest()


def _number(seed: str, k: int) -> int:
    """The ``k``-th number drawn from ``seed`` (0 ≤ n < 65,536)."""
    digest = _digest(seed)
    return int(digest[(4 * k) % 60 : (4 * k) % 60 + 4], 16)


def _words(text: str, shortest: int) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(text) if m.end() - m.start() >= shortest]


def _letter_slips(
    text: str, seed: str, slips: int, shortest: int, slip: Callable[[str, int, str], str | None]
) -> str | None:
    """``slips`` slips made by ``slip(word, position, seed)`` inside words of ``shortest``+ letters."""
    typed = text
    chosen: list[int] = []
    for k in range(slips):
        spans = _words(typed, shortest)
        if not spans:
            return None
        # Two slips go to two words when the name has two long enough (a slip may change a word's
        # length, so words are counted again each time, by position).
        free = [i for i in range(len(spans)) if i not in chosen] or list(range(len(spans)))
        index = free[_number(seed, 2 * k) % len(free)]
        chosen.append(index)
        start, end = spans[index]
        word = typed[start:end]
        changed = slip(word, _number(seed, 2 * k + 1), f"{seed}/{k}")
        if changed is None:
            return None
        typed = typed[:start] + changed + typed[end:]
    return typed if typed != text else None


def _drop(word: str, n: int, _seed: str) -> str:
    position = 1 + n % (len(word) - 1)  # never the first letter; the last one often
    return word[:position] + word[position + 1 :]


def _double(word: str, n: int, _seed: str) -> str:
    position = n % len(word)
    return word[: position + 1] + word[position] + word[position + 1 :]


def _neighbour(word: str, n: int, seed: str) -> str | None:
    positions = [i for i in range(1, len(word)) if word[i].lower() in NEIGHBOURS]
    if not positions:
        return None
    position = positions[n % len(positions)]
    keys = NEIGHBOURS[word[position].lower()]
    key = keys[_number(seed, 7) % len(keys)]
    key = key.upper() if word[position].isupper() else key
    return word[:position] + key + word[position + 1 :]


def _swap(word: str, n: int, _seed: str) -> str | None:
    position = n % (len(word) - 1)
    if word[position] == word[position + 1]:
        return None
    return word[:position] + word[position + 1] + word[position] + word[position + 2 :]


def slips_for(text: str) -> int:
    """One slip in a name under 20 characters, two in a longer one."""
    return 1 if len(text) < 20 else 2


def dropped_letter(text: str, seed: str) -> str | None:
    """A letter dropped from a word of four letters or more, its last letter included ("Clustr")."""
    return _letter_slips(text, seed, slips_for(text), 4, _drop)


def doubled_letter(text: str, seed: str) -> str | None:
    """A letter typed twice in a word of three letters or more, its first one included ("Ssilicon")."""
    return _letter_slips(text, seed, slips_for(text), 3, _double)


def neighbour_key(text: str, seed: str) -> str | None:
    """A letter replaced by a key beside it on a QWERTY keyboard ("Cluater", "Horizin")."""
    return _letter_slips(text, seed, slips_for(text), 4, _neighbour)


def swapped_letters(text: str, seed: str) -> str | None:
    """Two neighbouring letters swapped, the first and the last ones included ("Eurpoe", "lCuster")."""
    return _letter_slips(text, seed, slips_for(text), 4, _swap)


def spacing(text: str, seed: str) -> str | None:
    """A space or hyphen missing or added: "Silicon Saxony" → "SiliconSaxony", "Bio-Tech" → "Bio Tech"
    or "BioTech", "Eurocluster" → "Euro cluster"."""
    options: list[str] = []
    for match in re.finditer(r"(?<=\w)-(?=\w)", text):
        before, after = text[: match.start()], text[match.end() :]
        options += [f"{before} {after}", before + after]
    for match in re.finditer(r"(?<=[^\W\d_]) (?=[^\W\d_])", text):
        before, after = text[: match.start()], text[match.end() :]
        options += [before + after, f"{before}-{after}"]
    for start, end in _words(text, 9):
        middle = start + (end - start) // 2
        options.append(text[:middle] + " " + text[middle:])
    if not options:
        return None
    return options[_number(seed, 0) % len(options)]


def accents(text: str, seed: str) -> str | None:
    """Accents dropped ("Île-de-France" → "Ile-de-France", hyphens too now and then) or, in a name with
    none, one added the way a French or Spanish writer would ("Innovation" → "Innovatión")."""
    if not text.isascii():
        plain = strip_accents(text)
        return plain.replace("-", " ") if _number(seed, 0) % 3 == 0 and "-" in plain else plain
    spans = [
        (start, end)
        for start, end in _words(text, 5)
        if any(c in _ADDED_ACCENT for c in text[start + 1 : end].lower())
    ]
    if not spans:
        return None
    start, end = spans[_number(seed, 1) % len(spans)]
    vowels = [i for i in range(start + 1, end) if text[i] in _ADDED_ACCENT]
    if not vowels:
        return None
    position = vowels[_number(seed, 2) % len(vowels)]
    return text[:position] + _ADDED_ACCENT[text[position]] + text[position + 1 :]


def lower_case(text: str, seed: str) -> str | None:
    """All in lower case, and now and then without its punctuation ("blue italian growth ... bigtc")."""
    lowered = text.lower()
    if _number(seed, 0) % 2:
        lowered = " ".join(re.sub(r"[^\w\s+&-]", " ", lowered).split())
    return lowered if lowered != text else None


def word_order(text: str, seed: str) -> str | None:
    """Two neighbouring words (not joining words) in the other order ("Cluster Arctic Construction")."""
    words = text.split()
    pairs = [
        i
        for i in range(len(words) - 1)
        if _WORD.fullmatch(words[i])
        and _WORD.fullmatch(words[i + 1])
        and not {words[i].lower(), words[i + 1].lower()} & SMALL_WORDS
        and words[i].lower() != words[i + 1].lower()
    ]
    if not pairs:
        return None
    i = pairs[_number(seed, 0) % len(pairs)]
    words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def first_words(text: str, seed: str, count: int = 2) -> str | None:
    """The first ``count`` words of a name of more words, when they are written as a name ("Andalusian
    Hydrogen Cluster" → "Andalusian Hydrogen"; not "Specialised training sessions"). Whether that still
    names one record is for the caller to check against the records."""
    del seed
    words = text.split()
    head = words[:count]
    if len(words) <= count or not all(_WORD.fullmatch(w) and w[0].isupper() for w in head):
        return None
    if head[-1].lower() in SMALL_WORDS or sum(len(w) for w in head) < 8:
        return None
    return " ".join(head)


def spelling_mix(text: str, seed: str) -> str | None:
    """One word in another language's spelling, or a native spelling in English ("Klaster" ↔ "Cluster",
    "Technologie" ↔ "Technology", "Center" ↔ "Centre")."""
    found = []
    for match in _WORD.finditer(text):
        for spellings in SPELLINGS:
            if match.group().lower() in spellings:
                others = [s for s in spellings if s != match.group().lower()]
                found.append((match.span(), others))
    if not found:
        return None
    (start, end), others = found[_number(seed, 0) % len(found)]
    other = others[_number(seed, 1) % len(others)]
    word = text[start:end]
    if word.isupper():
        other = other.upper()
    elif word[0].isupper():
        other = other[0].upper() + other[1:]
    return text[:start] + other + text[end:]


def identifier_dashes(identifier: str, seed: str) -> str | None:
    """An identifier with one dash left out, or none at all ("HORIZON-CL52026-D3-01", "HORIZONCL52026D301"),
    in lower case now and then."""
    dashes = [i for i, c in enumerate(identifier) if c == "-"]
    if not dashes:
        return None
    n = _number(seed, 0)
    if n % 4 == 0:
        typed = identifier.replace("-", "")
    else:
        position = dashes[_number(seed, 1) % len(dashes)]
        typed = identifier[:position] + identifier[position + 1 :]
    return typed.lower() if _number(seed, 2) % 3 == 0 else typed


def identifier_digits(identifier: str, seed: str) -> str | None:
    """A digit group typed wrong or left out: a year one off ("2025" for "2026"), a leading zero dropped
    ("-1" for "-01"), two digits swapped ("2062"), or a whole group missing ("HORIZON-CL5-D3-01")."""
    groups = identifier.split("-")
    numbered = [i for i, g in enumerate(groups) if g.isdigit()]
    options: list[str] = []
    for i in numbered:
        group = groups[i]
        variants = []
        if len(group) == 4:
            variants += [str(int(group) - 1), str(int(group) + 1), group[:2] + group[3] + group[2]]
        if len(group) == 2 and group.startswith("0"):
            variants.append(group[1])
        if len(group) == 2 and group[0] != group[1]:
            variants.append(group[::-1])
        options += ["-".join([*groups[:i], v, *groups[i + 1 :]]) for v in variants if v != group]
        if 0 < i < len(groups) - 1:
            options.append("-".join([*groups[:i], *groups[i + 1 :]]))
    if not options:
        return None
    return options[_number(seed, 0) % len(options)]


NAME_SLIPS: dict[str, Callable[[str, str], str | None]] = {
    "dropped": dropped_letter,
    "doubled": doubled_letter,
    "neighbour": neighbour_key,
    "spacing": spacing,
    "accents": accents,
    "lower": lower_case,
    "order": word_order,
    "short": first_words,
    "spelling": spelling_mix,
}
"""The kinds of slip in organisation names and call titles, by the name the case ids carry."""

IDENTIFIER_SLIPS: dict[str, Callable[[str, str], str | None]] = {
    "id-dashes": identifier_dashes,
    "id-digits": identifier_digits,
}

PROGRAMME_SLIPS: tuple[Callable[[str, str], str | None], ...] = (
    dropped_letter,
    doubled_letter,
    neighbour_key,
    swapped_letters,
    spacing,
    lower_case,
)
"""Programme names ("Horizn Europe", "Digital Eurpoe", "Euroclsuters", "HorizonEurope")."""
