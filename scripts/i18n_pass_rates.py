"""Pass rate per language of an ``eval answers --out`` run on ``questions_i18n_dev.jsonl``.

    python scripts/i18n_pass_rates.py RESULTS.json [DATASET.jsonl]

The language is the second part of a case id (``i18n-de-count-01`` → ``de``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    results = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    dataset = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "evals/datasets/questions_i18n_dev.jsonl"
    lines = dataset.read_text(encoding="utf-8").splitlines()
    ids = [json.loads(line)["id"] for line in lines if line.strip()]
    failed = {case["id"] for case in results["failures"]["extractive"]}
    totals: dict[str, list[int]] = {}
    for case_id in ids:
        lang = case_id.split("-")[1]
        passed, total = totals.setdefault(lang, [0, 0])
        totals[lang] = [passed + (case_id not in failed), total + 1]
    for lang, (passed, total) in totals.items():
        print(f"{lang:4} {passed:3}/{total:3}  {100 * passed / total:5.1f} %")  # noqa: T201
    passed = sum(p for p, _ in totals.values())
    print(f"all  {passed:3}/{len(ids):3}  {100 * passed / len(ids):5.1f} %")  # noqa: T201


if __name__ == "__main__":
    main()
