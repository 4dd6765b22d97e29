"""Build the English side of the policy dev set, and re-copy its gold into the five languages.

    python scripts/build_policy_dev.py      # writes evals/datasets/i18n/policy_dev_en.jsonl and
                                            # refreshes the gold of policy_dev_<lang>.jsonl

The English cases get their gold from the bundled policy documents through
:mod:`evals.policy_dev_gold` (the fact checked in the document's text; the answer states it and
cites the document). The translated cases (``policy_dev_<lang>.jsonl``: ``turns`` and
``local_forms`` written by hand) keep their wording and get that gold. Output is byte-identical on
re-run. See docs/languages-eval.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.bundle import load_bundled_records  # noqa: E402
from evals.dev_gold_files import english_line, recopy_gold, write_jsonl  # noqa: E402
from evals.i18n_answers import LANGUAGES, default_i18n_dir  # noqa: E402
from evals.policy_dev_gold import POLICY_DEV_ENGLISH_FILE, gold_cases  # noqa: E402

I18N = default_i18n_dir()


def main() -> None:
    cases = gold_cases(list(load_bundled_records()))
    write_jsonl([english_line(case) for case in cases], I18N / POLICY_DEV_ENGLISH_FILE)
    english = {case.id: english_line(case) for case in cases}
    for lang in LANGUAGES:
        path = I18N / f"policy_dev_{lang}.jsonl"
        if path.exists():
            recopy_gold(path, english)
    print(f"{len(cases)} English policy cases; gold re-copied into {', '.join(LANGUAGES)}")


if __name__ == "__main__":
    main()
