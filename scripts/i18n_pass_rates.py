"""Pass rate per language and per shape of an ``eval answers --out`` run on an i18n questions set.

    python scripts/i18n_pass_rates.py RESULTS.json [DATASET.jsonl]

The language is the second part of a case id (``i18n-de-count-01`` → ``de``), the shape the case's
category. Prints the rate per language, per shape, and each language's passed/total per shape.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _rates(rows: list[tuple[str, bool]]) -> dict[str, list[int]]:
    totals: dict[str, list[int]] = {}
    for key, passed in rows:
        count = totals.setdefault(key, [0, 0])
        count[0] += passed
        count[1] += 1
    return totals


def main() -> None:
    results = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    dataset = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "evals/datasets/questions_i18n_dev.jsonl"
    cases = [json.loads(line) for line in dataset.read_text(encoding="utf-8").splitlines() if line.strip()]
    failed = {case["id"] for case in results["failures"]["extractive"]}
    rows = [(case["id"].split("-")[1], case["category"], case["id"] not in failed) for case in cases]
    for lang, (passed, total) in _rates([(lang, ok) for lang, _, ok in rows]).items():
        print(f"{lang:4} {passed:3}/{total:3}  {100 * passed / total:5.1f} %")  # noqa: T201
    passed = sum(ok for _, _, ok in rows)
    print(f"all  {passed:3}/{len(rows):3}  {100 * passed / len(rows):5.1f} %")  # noqa: T201
    languages = list(dict.fromkeys(lang for lang, _, _ in rows))
    print(f"\n{'shape':14} {'all':>14}  " + "  ".join(f"{lang:>5}" for lang in languages))  # noqa: T201
    by_shape = _rates([(shape, ok) for _, shape, ok in rows])
    cells = _rates([(f"{lang}|{shape}", ok) for lang, shape, ok in rows])
    for shape, (passed, total) in by_shape.items():
        row = [
            f"{cells[key][0]}/{cells[key][1]}" if (key := f"{lang}|{shape}") in cells else "-"
            for lang in languages
        ]
        print(
            f"{shape:14} {passed:3}/{total:<3} {100 * passed / total:5.1f} %  "
            + "  ".join(f"{c:>5}" for c in row)
        )  # noqa: T201,E501


if __name__ == "__main__":
    main()
