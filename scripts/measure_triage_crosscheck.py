"""Out-of-author check of the triage categories in de/fr/es/it/pl on the translated answers eval.

Usage: python scripts/measure_triage_crosscheck.py [DATASETS_DIR] [--failures]

The translated answers eval (``evals/datasets/i18n/answers_<lang>.jsonl``, issue 13) was written by
another developer as questions to the assistant, independently of the triage vocabulary. Its
funding questions must triage as ``funding_question`` and its partner questions as
``partner_search``. The questions are split by the number of their English case, fixed before
any look: odd numbers are the *look* half (its misses may be read to find gaps in the
vocabulary), even numbers the *untouched* half (only scored, never read). Prints the share right
per half and language, and the English cases of the same questions.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from assistant.intents import understand

DATASETS = Path(__file__).resolve().parent.parent / "evals" / "datasets"


def gold_category(case_category: str) -> str | None:
    """The triage category a case of the answers eval must get (None: not a triage case)."""
    if case_category.startswith("funding"):
        return "funding_question"
    if case_category.startswith("partner"):
        return "partner_search"
    return None


def half(english_id: str) -> str:
    """``look`` for an odd case number, ``untouched`` for an even one."""
    return "look" if int(re.findall(r"\d+", english_id)[-1]) % 2 else "untouched"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", nargs="?", type=Path, default=DATASETS)
    parser.add_argument("--failures", action="store_true", help="list the look half's misses")
    args = parser.parse_args()
    english = {
        case["id"]: case
        for line in (args.datasets / "answers.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
        for case in [json.loads(line)]
    }
    right: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    english_seen: set[str] = set()
    for path in sorted((args.datasets / "i18n").glob("answers_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line) if line.strip() else None
            gold = gold_category(case["category"]) if case else None
            if case is None or gold is None:
                continue
            side = half(case["en_id"])
            question = case["turns"][0]
            got = understand(question).category
            total[(side, case["lang"])] += 1
            right[(side, case["lang"])] += got == gold
            if got != gold and side == "look" and args.failures:
                print(f"{case['lang']} {gold} -> {got}: {question}")
            if case["en_id"] in english and case["en_id"] not in english_seen:
                english_seen.add(case["en_id"])
                total[(side, "en")] += 1
                right[(side, "en")] += understand(english[case["en_id"]]["turns"][0]).category == gold
    for key in sorted(total):
        print(f"{key[0]:9} {key[1]}: {right[key]}/{total[key]} = {right[key] / total[key]:.3f}")


if __name__ == "__main__":
    main()
