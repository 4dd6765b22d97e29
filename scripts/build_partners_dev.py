"""Build the English side of the partners dev set, and re-copy its gold into the five languages.

    python scripts/build_partners_dev.py    # writes evals/datasets/i18n/partners_dev_en.jsonl and
                                            # refreshes the gold of partners_dev_<lang>.jsonl

The English cases get their gold from the bundled cluster records through
:mod:`evals.partners_dev_gold` (organisations of the countries asked for tagged with the sector; the
sector's organisations elsewhere must not be cited; "inferred" and the country name stated). The
translated cases (``partners_dev_<lang>.jsonl``: ``turns`` written by hand) get that gold, and
``local_forms`` for "inferred" and the country in their language. Output is byte-identical on
re-run. See docs/languages-eval.md.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.bundle import load_bundled_records  # noqa: E402
from evals.answers_eval import AnswerCase  # noqa: E402
from evals.dev_gold_files import english_line, recopy_gold, write_jsonl  # noqa: E402
from evals.i18n_answers import LANGUAGES, PARTNERS_DEV_ENGLISH_FILE, default_i18n_dir  # noqa: E402
from evals.partners_dev_gold import gold_cases, local_forms  # noqa: E402

I18N = default_i18n_dir()


def main() -> None:
    cases = gold_cases(list(load_bundled_records()))
    write_jsonl([english_line(case) for case in cases], I18N / PARTNERS_DEV_ENGLISH_FILE)
    english = {case.id: english_line(case) for case in cases}

    def forms(line: dict[str, Any], lang: str) -> dict[str, Any]:
        return {fact: list(names) for fact, names in local_forms(AnswerCase(**line), lang).items()}

    for lang in LANGUAGES:
        path = I18N / f"partners_dev_{lang}.jsonl"
        if path.exists():
            recopy_gold(path, english, local_forms=forms)
    print(f"{len(cases)} English partner cases; gold re-copied into {', '.join(LANGUAGES)}")


if __name__ == "__main__":
    main()
