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


# --- The third typo tuning set (questions_typos_dev3.jsonl): slips the first two sets do not make ---

_PHONETIC = (
    ("ph", "f"), ("f", "ph"), ("ck", "k"), ("k", "c"), ("c", "k"), ("y", "i"), ("i", "y"), ("ou", "u"),
    ("ss", "s"), ("ll", "l"), ("tt", "t"), ("nn", "n"), ("mm", "m"), ("rr", "r"), ("pp", "p"), ("cc", "c"),
    ("ti", "ci"), ("qu", "q"), ("w", "v"), ("v", "w"), ("ae", "e"), ("th", "t"),
)  # fmt: skip
"""A spelling by ear: the sound written the way another language, or a hurried writer, would."""
_VOWELS = "aeiou"
_TRANSLITERATIONS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "å": "aa", "ø": "oe", "æ": "ae", "ł": "l"}
_OTHER_ACCENT = {
    "é": "è", "è": "é", "á": "à", "à": "á", "ó": "ò", "ò": "ó", "í": "ì", "ú": "ù", "ñ": "n", "ç": "c",
}  # fmt: skip
_PUNCTUATION = re.compile(r"['’.()]|(?<=\w)-(?=\w)|\s&\s|\sand\s|\s[-–—/:]\s|,")
GENERIC_WORDS = frozenset("cluster klaster clúster association alliance network the".split())
"""Words members add to or leave out of an organisation's name ("the Silicon Saxony cluster")."""


def _any_slip(word: str, n: int, seed: str) -> str | None:
    """One of the four letter slips, chosen by the seed."""
    slip = (_drop, _double, _neighbour, _swap)[_number(seed, 9) % 4]
    return slip(word, n, seed)


def two_in_one_word(text: str, seed: str) -> str | None:
    """Two slips in the same word of seven letters or more ("Hydorgn", "Saxonny" → "Saxxonny")."""
    spans = _words(text, 7)
    if not spans:
        return None
    start, end = spans[_number(seed, 0) % len(spans)]
    word = text[start:end]
    first = _any_slip(word, _number(seed, 1), f"{seed}/a")
    if first is None:
        return None
    # The second slip in the other half of the word, so that the two do not undo each other.
    half = len(first) // 2
    left, right = first[:half], first[half:]
    if _number(seed, 2) % 2 and len(right) >= 3:
        second = _any_slip(right, _number(seed, 3), f"{seed}/b")
        typed_word = left + second if second is not None else None
    else:
        second = _drop(left, _number(seed, 3), seed) if len(left) >= 3 else None
        typed_word = second + right if second is not None else None
    if typed_word is None or typed_word == word:
        return None
    return text[:start] + typed_word + text[end:]


def slip_in_each_word(text: str, seed: str) -> str | None:
    """One slip in each of two words of four letters or more, short names too ("Silcon Saxny")."""
    if len(_words(text, 4)) < 2:
        return None
    return _letter_slips(text, seed, 2, 4, _any_slip)


def all_caps(text: str, seed: str) -> str | None:
    """The name in capitals, with a slip now and then ("SILICON SAXONY", "ANDALUSIAN HYDROGN CLUSTER")."""
    typed = text.upper()
    if _number(seed, 0) % 2:
        typed = _letter_slips(typed, seed, 1, 5, _any_slip) or typed
    return typed if typed != text else None


def lower_with_slip(text: str, seed: str) -> str | None:
    """All in lower case with one slip ("silicon saxnoy")."""
    return _letter_slips(text.lower(), seed, 1, 5, _any_slip)


def punctuation_dropped(text: str, seed: str) -> str | None:
    """Apostrophes, dots, brackets, commas and hyphens left out, "&" written "and" or the other way
    ("Women's Business Network (WBN)" → "Womens Business Network WBN", "Rhône-Alpes" → "Rhône Alpes")."""
    options: list[str] = []
    for match in _PUNCTUATION.finditer(text):
        found = match.group()
        before, after = text[: match.start()], text[match.end() :]
        if found.strip() == "&":
            options.append(f"{before} and {after}")
        elif found.strip() == "and":
            options.append(f"{before} & {after}")
        elif found == "-":
            options += [f"{before} {after}", before + after]
        elif found in "'’.,":
            options.append(before + after)
        elif found in "()":
            options.append(" ".join(re.sub(r"[()]", " ", text).split()))
        else:
            options.append(" ".join(f"{before} {after}".split()))  # " - ", " / ": the words stay apart
    if not options:
        return None
    # Now and then every mark at once, the way a name is typed from memory.
    if _number(seed, 1) % 3 == 0:
        plain = re.sub(r"['’.,]", "", text)
        plain = " ".join(re.sub(r"[():/–—]|(?<=\s)-(?=\s)", " ", plain).split())
        return plain if plain != text else None
    typed = options[_number(seed, 0) % len(options)]
    return typed if typed != text else None


def transliterated(text: str, seed: str) -> str | None:
    """A letter without an ASCII twin written the way a keyboard without it does ("Muenchen", "Lodz",
    "Oeresund"), or an accent typed as another one ("Innovaciò")."""
    lowered = text.lower()
    if any(letter in lowered for letter in _TRANSLITERATIONS):
        typed = "".join(
            (_TRANSLITERATIONS[c.lower()].capitalize() if c.isupper() else _TRANSLITERATIONS[c])
            if c.lower() in _TRANSLITERATIONS
            else c
            for c in text
        )
        return strip_accents(typed)
    accented = [i for i, c in enumerate(text) if c in _OTHER_ACCENT]
    if not accented:
        return None
    position = accented[_number(seed, 0) % len(accented)]
    return text[:position] + _OTHER_ACCENT[text[position]] + text[position + 1 :]


def by_ear(text: str, seed: str) -> str | None:
    """A sound spelt another way inside a word of five letters or more: "f" for "ph", "k" for "c", one
    letter for a double one, a wrong vowel ("Fotonics", "Klaster", "Mecatronics", "Hidrogen")."""
    options: list[str] = []
    for start, end in _words(text, 5):
        word = text[start:end]
        lower = word.lower()
        for sound, spelt in _PHONETIC:
            for match in re.finditer(re.escape(sound), lower[1:]):
                at = match.start() + 1
                typed = lower[:at] + spelt + lower[at + len(sound) :]
                options.append(text[:start] + _like(word, typed) + text[end:])
        for at in range(1, len(lower) - 1):
            if lower[at] in _VOWELS:
                vowel = _VOWELS[(_VOWELS.index(lower[at]) + 1 + _number(seed, 2) % 4) % 5]
                typed = lower[:at] + vowel + lower[at + 1 :]
                options.append(text[:start] + _like(word, typed) + text[end:])
    options = [o for o in dict.fromkeys(options) if o != text]
    if not options:
        return None
    return options[_number(seed, 0) % len(options)]


def _like(word: str, typed: str) -> str:
    """``typed`` written in ``word``'s case (capitalised or all capitals)."""
    if word.isupper() and len(word) > 1:
        return typed.upper()
    return typed[0].upper() + typed[1:] if word[0].isupper() else typed


def generic_word(text: str, seed: str) -> str | None:
    """A generic word added or left out at either end, and the name then often in lower case: "Silicon
    Saxony" → "the Silicon Saxony cluster", "Cluster Fabbrica Intelligente" → "Fabbrica Intelligente"."""
    words = text.split()
    kept = list(words)
    while kept and kept[0].lower().strip(",.") in GENERIC_WORDS:
        kept.pop(0)
    while kept and kept[-1].lower().strip(",.") in GENERIC_WORDS:
        kept.pop()
    if len(kept) < len(words):
        ends = {kept[0].lower(), kept[-1].lower()} if kept else set()
        if len(kept) < 2 or sum(len(w) for w in kept) < 8 or ends & SMALL_WORDS:
            return None
        typed = " ".join(kept)
    else:
        typed = f"the {text} {('cluster', 'network', 'association')[_number(seed, 1) % 3]}"
    return typed.lower() if _number(seed, 0) % 2 else typed


NAME_SLIPS_3: dict[str, Callable[[str, str], str | None]] = {
    "two-in-word": two_in_one_word,
    "each-word": slip_in_each_word,
    "caps": all_caps,
    "lower-slip": lower_with_slip,
    "punctuation": punctuation_dropped,
    "transliterated": transliterated,
    "by-ear": by_ear,
    "generic": generic_word,
}
"""The third set's kinds of slip in organisation names and call titles (case ids ``t3-<kind>-NN``)."""


def identifier_word_slip(identifier: str, seed: str) -> str | None:
    """A slip in a letter group of four or more, the dashes typed as spaces or kept, in lower case now
    and then ("horizon cl4 2026 clster 01", "HORIZON-EIC-2026-ACCELERATR-01")."""
    groups = identifier.split("-")
    lettered = [i for i, g in enumerate(groups) if len(g) >= 4 and g.isalpha()]
    if not lettered:
        return None
    i = lettered[_number(seed, 0) % len(lettered)]
    typed_group = (_drop, _neighbour, _swap)[_number(seed, 1) % 3](groups[i], _number(seed, 2), seed)
    if typed_group is None or typed_group == groups[i]:
        return None
    typed = "-".join([*groups[:i], typed_group, *groups[i + 1 :]])
    if _number(seed, 3) % 2:
        typed = typed.replace("-", " ")
    return typed.lower() if _number(seed, 4) % 2 else typed


def identifier_without_prefix(identifier: str, seed: str) -> str | None:
    """The programme's prefix left out ("CL5-2026-D3-01" for "HORIZON-CL5-2026-D3-01"), with spaces or
    in lower case now and then. Whether no other identifier ends so is for the caller to check."""
    groups = identifier.split("-")
    if len(groups) < 4 or not groups[1][0].isalpha():
        return None  # "2026-EURES-TMS" is no way to write an identifier
    typed = "-".join(groups[1:])
    n = _number(seed, 0)
    if n % 3 == 1:
        typed = typed.replace("-", " ")
    return typed.lower() if n % 2 else typed


def identifier_spaced_numbers(identifier: str, seed: str) -> str | None:
    """Spaces for dashes and a number group typed loosely: a leading zero dropped or a number run into
    the group before ("SMP COSME 2024 CLUSTER 1", "HORIZON CL42026 D3 01")."""
    groups = identifier.split("-")
    options: list[list[str]] = []
    for i, group in enumerate(groups):
        if len(group) == 2 and group.startswith("0") and group[1] != "0":
            options.append([*groups[:i], group[1], *groups[i + 1 :]])
        if group.isdigit() and 0 < i and not groups[i - 1].isdigit():
            options.append([*groups[: i - 1], groups[i - 1] + group, *groups[i + 1 :]])
    if not options:
        return None
    typed = " ".join(options[_number(seed, 0) % len(options)])
    return typed.lower() if _number(seed, 1) % 3 == 0 else typed


IDENTIFIER_SLIPS_3: dict[str, Callable[[str, str], str | None]] = {
    "id-word": identifier_word_slip,
    "id-prefix": identifier_without_prefix,
    "id-spaced": identifier_spaced_numbers,
}
"""The third set's kinds of slip in topic identifiers."""
