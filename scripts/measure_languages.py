"""Measure language detection: accuracy on evals/datasets/languages.jsonl, load time and memory.

Usage: python scripts/measure_languages.py [--split tune|holdout|all]

Prints, per split, how many texts `corpus.languages.detect_language` labels right (and the misses),
then the same for the English questions of the other evals (which must read as English: the answers
and questions evals on the tuning side, the rest held out), then the time and resident-memory growth
of building the two detectors (one process, measured around the first call), and the median time of
one detection afterwards.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import psutil

from corpus.languages import detect_language

DATASETS = Path(__file__).resolve().parent.parent / "evals" / "datasets"
DATASET = DATASETS / "languages.jsonl"
ENGLISH_QUESTIONS = {
    "tune": ("answers.jsonl", "questions.jsonl"),
    "holdout": ("questions_dev2.jsonl", "questions_holdout.jsonl", "retrieval.jsonl"),
}
"""The English eval questions on each side of the split (written before any tuning of detection)."""


def english_questions(files: tuple[str, ...]) -> list[str]:
    """Every distinct question (and conversation turn) of the given eval files."""
    texts: list[str] = []
    for name in files:
        for line in (DATASETS / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts += row.get("turns", [])
                texts += [row[key] for key in ("question", "query") if isinstance(row.get(key), str)]
    return list(dict.fromkeys(texts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="all", choices=["tune", "holdout", "all"])
    args = parser.parse_args()
    rows = [json.loads(line) for line in DATASET.read_text(encoding="utf-8").splitlines() if line.strip()]

    process = psutil.Process()
    rss_before = process.memory_info().rss
    started = time.perf_counter()
    detect_language("Welche Calls sind offen für Wasserstoff?")
    load_seconds = time.perf_counter() - started
    rss_growth = process.memory_info().rss - rss_before

    splits = ["tune", "holdout"] if args.split == "all" else [args.split]
    timings: list[float] = []
    for split in splits:
        chosen = [row for row in rows if row["split"] == split]
        misses = []
        for row in chosen:
            started = time.perf_counter()
            detection = detect_language(row["text"])
            timings.append(time.perf_counter() - started)
            if detection.lang != row["lang"]:
                misses.append(
                    f"{row['text']!r}: {row['lang']} read as {detection.lang} ({detection.confidence:.2f})"
                )
        right = len(chosen) - len(misses)
        print(f"{split}: {right}/{len(chosen)} right ({right / len(chosen):.1%})")
        for miss in misses:
            print(f"  miss {miss}")
        english = english_questions(ENGLISH_QUESTIONS[split])
        misread = [(text, detect_language(text)) for text in english]
        misread = [(text, detection) for text, detection in misread if detection.lang != "en"]
        print(
            f"{split}, English eval questions: {len(english) - len(misread)}/{len(english)} read as English"
        )
        for text, detection in misread:
            print(f"  miss {text!r}: en read as {detection.lang} ({detection.confidence:.2f})")
    print(f"first call (builds both detectors): {load_seconds:.2f} s, RSS +{rss_growth / 1e6:.0f} MB")
    print(
        f"one detection afterwards: median {statistics.median(timings) * 1000:.2f} ms, "
        f"max {max(timings) * 1000:.2f} ms"
    )


if __name__ == "__main__":
    main()
