"""Build the English side of the translated answers dev set, and re-copy its gold into the languages.

    python scripts/build_answers_dev.py     # writes evals/datasets/i18n/answers_dev_en.jsonl and
                                            # refreshes the gold of answers_dev_<lang>.jsonl

The English cases of the new topical questions get their gold from the bundled records through
:mod:`evals.answers_dev_gold` (open calls on a topic, partners by sector and country, policy facts
checked in the text). The translated cases (``answers_dev_<lang>.jsonl``, written by hand: ``turns``
and ``local_forms``) keep their wording; their gold fields are re-copied from their English case
(``answers.jsonl`` or ``answers_dev_en.jsonl``), so a changed record or English case needs one
re-run. Output is byte-identical on re-run. See docs/languages-eval.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.bundle import load_bundled_records  # noqa: E402
from evals.answers_dev_gold import gold_cases  # noqa: E402
from evals.answers_eval import AnswerCase, load_cases  # noqa: E402
from evals.i18n_answers import DEV_ENGLISH_FILE, GOLD_FIELDS, LANGUAGES, default_i18n_dir  # noqa: E402

I18N = default_i18n_dir()


def english_line(case: AnswerCase) -> dict[str, Any]:
    """The case as ``answers.jsonl`` writes its cases (defaults of the optional checks left out)."""
    data = case.model_dump(mode="json", exclude_none=True)
    keep = ("id", "category", "turns", *GOLD_FIELDS[1:], "note")
    return {key: data[key] for key in keep if key in data and (data[key] != [] or key in _ALWAYS)}


_ALWAYS = {"must_contain", "must_cite", "must_not_cite", "must_not_contain"}


def write(rows: list[dict[str, Any]], path: Path) -> None:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def main() -> None:
    records = list(load_bundled_records())
    new_cases = gold_cases(records)
    write([english_line(case) for case in new_cases], I18N / DEV_ENGLISH_FILE)
    english = {case.id: english_line(case) for case in (*load_cases(), *new_cases)}
    for lang in LANGUAGES:
        path = I18N / f"answers_dev_{lang}.jsonl"
        if not path.exists():
            continue
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        refreshed = []
        for row in rows:
            source = english[row["en_id"]]
            gold = {key: source[key] for key in ("category", "today", *GOLD_FIELDS) if key in source}
            head = {key: row[key] for key in ("id", "en_id", "lang", "turns")}
            refreshed.append({**head, **gold, "local_forms": row.get("local_forms", {})})
        write(refreshed, path)
    print(f"{len(new_cases)} English dev cases; gold re-copied into {', '.join(LANGUAGES)}")


if __name__ == "__main__":
    main()
