"""gettext catalogs: compiling, the stale/missing .mo fallback, and the shipped catalogs' health."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from corpus.catalogs import (
    LOCALES_DIR,
    compile_catalogs,
    compile_po,
    load_translations,
    placeholder_problems,
)
from corpus.languages import SUPPORTED_LANGUAGES

PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"Language: de\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Open calls"
msgstr "{greeting}Offene Calls"

msgid "Closes on {date}"
msgstr "Schließt am {date}"

msgid "Untranslated"
msgstr ""

#, fuzzy
msgid "Guessed"
msgstr "Geraten"

msgid "Sources"
msgstr "Quellen"
"""


def _write_catalog(root: Path, text: str = PO, lang: str = "de") -> Path:
    po_path = root / lang / "LC_MESSAGES" / "messages.po"
    po_path.parent.mkdir(parents=True, exist_ok=True)
    po_path.write_text(text, encoding="utf-8")
    return po_path


def test_the_po_alone_is_read_in_memory(tmp_path: Path) -> None:
    _write_catalog(tmp_path)
    translations = load_translations("de", "messages", tmp_path)
    assert translations.gettext("Closes on {date}") == "Schließt am {date}"
    assert translations.gettext("Sources") == "Quellen"


def test_unsafe_empty_and_fuzzy_entries_stay_english(tmp_path: Path) -> None:
    po_path = _write_catalog(tmp_path)
    translations = load_translations("de", "messages", tmp_path)
    # A translation naming a placeholder the English has not would break str.format: left out.
    assert translations.gettext("Open calls") == "Open calls"
    assert translations.gettext("Untranslated") == "Untranslated"
    assert translations.gettext("Guessed") == "Guessed"
    assert placeholder_problems(po_path) == [f"{po_path}: 'Open calls'"]


def test_a_compiled_mo_is_used_while_it_matches_its_po(tmp_path: Path) -> None:
    _write_catalog(tmp_path)
    (mo_path,) = compile_catalogs(tmp_path)
    assert mo_path == tmp_path / "de" / "LC_MESSAGES" / "messages.mo"
    mo_path.write_bytes(mo_path.read_bytes().replace(b"Quellen", b"QUELLEN"))
    assert load_translations("de", "messages", tmp_path).gettext("Sources") == "QUELLEN"


def test_a_stale_mo_gives_way_to_the_edited_po(tmp_path: Path) -> None:
    po_path = _write_catalog(tmp_path)
    compile_catalogs(tmp_path)
    po_path.write_text(PO.replace('"Quellen"', '"Belege"'), encoding="utf-8")
    assert load_translations("de", "messages", tmp_path).gettext("Sources") == "Belege"


def test_a_damaged_mo_gives_way_to_the_po(tmp_path: Path) -> None:
    _write_catalog(tmp_path)
    (mo_path,) = compile_catalogs(tmp_path)
    mo_path.write_bytes(mo_path.read_bytes()[:40])
    assert load_translations("de", "messages", tmp_path).gettext("Sources") == "Quellen"


def test_a_mo_without_its_po_is_still_used(tmp_path: Path) -> None:
    po_path = _write_catalog(tmp_path)
    compile_catalogs(tmp_path)
    po_path.unlink()
    assert load_translations("de", "messages", tmp_path).gettext("Sources") == "Quellen"


def test_no_catalog_means_english(tmp_path: Path) -> None:
    assert load_translations("it", "messages", tmp_path).gettext("Sources") == "Sources"


def test_compile_po_is_deterministic() -> None:
    assert compile_po(PO.encode()) == compile_po(PO.encode())


def test_the_command_compiles_into_the_given_dir(tmp_path: Path) -> None:
    _write_catalog(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "corpus.catalogs", str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "compiled de/LC_MESSAGES/messages.mo" in done.stdout
    assert (tmp_path / "de" / "LC_MESSAGES" / "messages.mo").is_file()


# The shipped catalogs --------------------------------------------------------------------------

SHIPPED = sorted(LOCALES_DIR.glob("*/LC_MESSAGES/*.po"))
PLURALS = {"de": 2, "fr": 2, "es": 2, "it": 2, "pl": 3}


def _key(message_id: str | tuple[str, ...]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def _catalog(po_path: Path):  # type: ignore[no-untyped-def]
    with po_path.open("rb") as source:
        return read_po(source)


def test_catalogs_exist_for_the_five_other_languages() -> None:
    assert {path.parts[-3] for path in SHIPPED} >= set(SUPPORTED_LANGUAGES) - {"en"}
    assert (LOCALES_DIR / "messages.pot").is_file()


@pytest.mark.parametrize("po_path", SHIPPED, ids=lambda path: "/".join(path.parts[-3:]))
def test_shipped_catalogs_keep_placeholders_and_gettext_plural_forms(po_path: Path) -> None:
    assert placeholder_problems(po_path) == []
    catalog = _catalog(po_path)
    # The classic gettext plural forms (CLDR's "many" form for fr/es/it would confuse translators).
    assert catalog.num_plurals == PLURALS[po_path.parts[-3]]


@pytest.mark.parametrize(
    "po_path",
    [path for path in SHIPPED if path.name == "messages.po"],
    ids=lambda path: path.parts[-3],
)
def test_every_answer_message_is_translated(po_path: Path) -> None:
    template = _catalog(LOCALES_DIR / "messages.pot")
    catalog = _catalog(po_path)
    wanted = {_key(message.id) for message in template if message.id}
    missing = []
    for message in catalog:
        if not message.id:
            continue
        key = _key(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        if key in wanted and (message.fuzzy or not all(strings)):
            missing.append(key)
        wanted.discard(key)
    assert not missing, f"untranslated: {sorted(missing)}"
    assert not wanted, f"not in the catalog (run make catalogs-update): {sorted(wanted)}"
