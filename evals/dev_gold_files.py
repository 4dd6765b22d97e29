"""Writing the translated dev sets' files: English cases as ``answers.jsonl`` writes them, and the
gold of each translated case re-copied from its English case (its wording kept).

Shared by ``scripts/build_answers_dev.py`` and ``scripts/build_partners_dev.py``; the output is
byte-identical on re-run.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from evals.answers_eval import AnswerCase
from evals.i18n_answers import GOLD_FIELDS

_ALWAYS = {"must_contain", "must_cite", "must_not_cite", "must_not_contain"}

LocalForms = Callable[[dict[str, Any], str], dict[str, Any]]
"""A translated case's ``local_forms`` from its English line and language (None: keep the file's)."""


def english_line(case: AnswerCase) -> dict[str, Any]:
    """The case as ``answers.jsonl`` writes its cases (defaults of the optional checks left out)."""
    data = case.model_dump(mode="json", exclude_none=True)
    keep = ("id", "category", "turns", *GOLD_FIELDS[1:], "note")
    return {key: data[key] for key in keep if key in data and (data[key] != [] or key in _ALWAYS)}


def write_jsonl(rows: list[dict[str, Any]], path: Path) -> None:
    """One JSON object a line, non-ASCII kept."""
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def recopy_gold(
    path: Path, english: Mapping[str, dict[str, Any]], *, local_forms: LocalForms | None = None
) -> None:
    """Re-copy every gold field of ``path``'s translated cases from their English lines (by ``en_id``);
    ``id``, ``en_id``, ``lang`` and ``turns`` are kept, ``local_forms`` too unless computed."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    refreshed = []
    for row in rows:
        source = english[row["en_id"]]
        gold = {key: source[key] for key in ("category", "today", *GOLD_FIELDS) if key in source}
        head = {key: row[key] for key in ("id", "en_id", "lang", "turns")}
        forms = local_forms(source, row["lang"]) if local_forms else row.get("local_forms", {})
        refreshed.append({**head, **gold, "local_forms": forms})
    write_jsonl(refreshed, path)
