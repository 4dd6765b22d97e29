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

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.bundle import load_bundled_records  # noqa: E402
from evals.answers_dev_gold import gold_cases  # noqa: E402
from evals.answers_eval import load_cases  # noqa: E402
from evals.dev_gold_files import english_line, recopy_gold, write_jsonl  # noqa: E402
from evals.i18n_answers import DEV_ENGLISH_FILE, LANGUAGES, default_i18n_dir  # noqa: E402

I18N = default_i18n_dir()


def main() -> None:
    records = list(load_bundled_records())
    new_cases = gold_cases(records)
    write_jsonl([english_line(case) for case in new_cases], I18N / DEV_ENGLISH_FILE)
    english = {case.id: english_line(case) for case in (*load_cases(), *new_cases)}
    for lang in LANGUAGES:
        path = I18N / f"answers_dev_{lang}.jsonl"
        if path.exists():
            recopy_gold(path, english)
    print(f"{len(new_cases)} English dev cases; gold re-copied into {', '.join(LANGUAGES)}")


if __name__ == "__main__":
    main()
