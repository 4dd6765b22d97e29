"""gettext catalogs: ``corpus/locales/<lang>/LC_MESSAGES/<domain>.po`` compiled to ``.mo``.

The ``.po`` files are the source (kept in the repository, edited by hand); the ``.mo`` files are
built from them by the wheel build (``setup.py``), ``make install`` and
``python -m corpus.catalogs``, and are never committed. Each ``.mo`` carries the SHA-256 of the
``.po`` it was built from, so a missing or stale ``.mo`` is noticed and the ``.po`` is compiled in
memory instead (:func:`load_translations`): a catalog edit takes effect without a build step, and
nothing crashes for want of one.

This module imports only the standard library and Babel, so the build loads it by file path
before the package is installed.

A translation whose ``{placeholders}`` differ from its English message would break the
``str.format`` call that fills it; such an entry is left out at compile time (the English message
is used) and listed by :func:`placeholder_problems`, which the tests run over every catalog.
"""

from __future__ import annotations

import gettext
import hashlib
import io
import logging
import re
import struct
import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

logger = logging.getLogger(__name__)

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
"""Where the catalogs live: ``<lang>/LC_MESSAGES/<domain>.po`` and one ``<domain>.pot`` each."""

SOURCE_HASH_CONTEXT = "cluster-advisor-build"
SOURCE_HASH_ID = "source-sha256"
"""The entry (msgctxt, msgid) of a compiled ``.mo`` whose text is the SHA-256 of its ``.po``."""

_PLACEHOLDER = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")


def placeholders(text: str) -> set[str]:
    """The ``str.format`` fields of a message: ``"{n} of {total}"`` → ``{"n", "total"}``."""
    return set(_PLACEHOLDER.findall(text))


def _strings(value: str | tuple[str, ...] | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _unsafe(message: Message) -> bool:
    """Whether a translated entry names other placeholders than its English message."""
    wanted = set().union(*(placeholders(text) for text in _strings(message.id)))
    return any(text and placeholders(text) != wanted for text in _strings(message.string))


def placeholder_problems(po_path: Path) -> list[str]:
    """The entries of a ``.po`` file whose placeholders differ from the English message's."""
    with po_path.open("rb") as source:
        catalog = read_po(source)
    return [f"{po_path}: {message.id!r}" for message in catalog if message.id and _unsafe(message)]


def compile_po(po_bytes: bytes) -> bytes:
    """The ``.mo`` bytes of one ``.po`` file's bytes, with the source hash, without unsafe entries."""
    catalog: Catalog = read_po(io.BytesIO(po_bytes))
    for message in list(catalog):
        if message.id and _unsafe(message):
            logger.warning("catalog entry %r left out: its placeholders differ from the English", message.id)
            catalog.delete(message.id, context=message.context)
    catalog.add(SOURCE_HASH_ID, string=hashlib.sha256(po_bytes).hexdigest(), context=SOURCE_HASH_CONTEXT)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    return compiled.getvalue()


def compile_catalogs(locales_dir: Path = LOCALES_DIR, out_dir: Path | None = None) -> list[Path]:
    """Compile every ``.po`` under ``locales_dir`` to a ``.mo`` beside it (or at the same relative
    place under ``out_dir``). Returns the ``.mo`` paths written."""
    written = []
    for po_path in sorted(locales_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = (out_dir or locales_dir) / po_path.relative_to(locales_dir).with_suffix(".mo")
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        mo_path.write_bytes(compile_po(po_path.read_bytes()))
        written.append(mo_path)
    return written


def load_translations(lang: str, domain: str, locales_dir: Path = LOCALES_DIR) -> gettext.NullTranslations:
    """The translations of one language and domain: the compiled ``.mo`` when it matches its
    ``.po``, else the ``.po`` compiled in memory, else none (every message stays English)."""
    po_path = locales_dir / lang / "LC_MESSAGES" / f"{domain}.po"
    mo_path = po_path.with_suffix(".mo")
    po_bytes = po_path.read_bytes() if po_path.is_file() else None
    if mo_path.is_file():
        try:
            with mo_path.open("rb") as compiled:
                translations = gettext.GNUTranslations(compiled)
        except (OSError, ValueError, UnicodeError, struct.error) as error:  # truncated or foreign: rebuild
            logger.warning("%s is unreadable (%s); reading %s instead", mo_path, error, po_path.name)
        else:
            built_from = translations.pgettext(SOURCE_HASH_CONTEXT, SOURCE_HASH_ID)
            if po_bytes is None or built_from == hashlib.sha256(po_bytes).hexdigest():
                return translations
    if po_bytes is None:
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(compile_po(po_bytes)))


def main() -> None:
    """``python -m corpus.catalogs [LOCALES_DIR]``: compile every catalog in place."""
    locales_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else LOCALES_DIR
    problems = [
        problem
        for po in sorted(locales_dir.glob("*/LC_MESSAGES/*.po"))
        for problem in placeholder_problems(po)
    ]
    for problem in problems:
        logger.warning("placeholders differ from the English message: %s", problem)
    for mo_path in compile_catalogs(locales_dir):
        sys.stdout.write(f"compiled {mo_path.relative_to(locales_dir)}\n")


if __name__ == "__main__":
    main()
