"""The translated retrieval dev set: the tuning material for cross-lingual retrieval (issue 13).

``evals/datasets/i18n/retrieval_dev_<lang>.jsonl`` holds, for German, French, Spanish, Italian and
Polish, queries written as a member in that country types them, each from a question of
``retrieval.jsonl`` (``en_id``) whose gold, filters and day it keeps exactly
(docs/languages-eval.md). A run scores each language's queries and the English questions with the
same ids through the same systems, so every figure has its English counterpart on the same cases.

It is a DEV split: tune on it. The hold-out of issue 13 is the translated answers eval
(:mod:`evals.i18n_answers`), whose recall@5 is measured on the answers' own retrieval.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from corpus.errors import InvalidInput
from evals.i18n_answers import Language, default_i18n_dir
from evals.jsonl import load_jsonl
from evals.metrics import METRIC_NAMES, mean_scores
from evals.retrieval_eval import EvalQuestion, SystemReport

RetrievalSplit = Literal["dev"]
RETRIEVAL_SPLITS: tuple[str, ...] = RetrievalSplit.__args__  # type: ignore[attr-defined]
"""Only a dev split: tuning material. The issue's hold-out is the translated answers eval."""


class TranslatedQuestion(EvalQuestion):
    """A line of ``retrieval_dev_<lang>.jsonl``: the English question ``en_id``'s gold, asked in ``lang``."""

    en_id: str
    lang: Language


def translated_questions_path(lang: str, directory: Path | None = None, *, split: str = "dev") -> Path:
    """Where the ``split`` queries of ``lang`` live (the bundled directory by default)."""
    return (directory or default_i18n_dir()) / f"retrieval_{split}_{lang}.jsonl"


def load_translated_questions(
    lang: str, directory: Path | None = None, *, split: str = "dev", limit: int | None = None
) -> list[TranslatedQuestion]:
    """The queries of ``retrieval_<split>_<lang>.jsonl`` in ``directory``, the first ``limit``.

    Raises:
        InvalidInput: An unknown split, the file is missing or invalid, or a query is in another
            language.
    """
    if split not in RETRIEVAL_SPLITS:
        raise InvalidInput(
            f"no translated retrieval split {split!r}: use {', '.join(RETRIEVAL_SPLITS)} "
            "(the hold-out of issue 13 is `eval answers --lang`)"
        )
    path = translated_questions_path(lang, directory, split=split)
    questions = load_jsonl(
        path,
        TranslatedQuestion,
        dataset="translated retrieval dataset",
        item="translated query",
        ids="question",
    )
    strays = [question.id for question in questions if question.lang != lang]
    if strays:
        raise InvalidInput(f"{path}: queries in another language than {lang!r}: {', '.join(strays)}")
    return questions[:limit] if limit is not None else questions


def english_questions_for(
    translated: Iterable[TranslatedQuestion], english: Sequence[EvalQuestion]
) -> list[EvalQuestion]:
    """The English questions the translated ones were written from, in the English file's order.

    Raises:
        InvalidInput: An ``en_id`` names no English question.
    """
    by_id = {question.id: question for question in english}
    wanted = {question.en_id for question in translated}
    unknown = sorted(wanted - set(by_id))
    if unknown:
        raise InvalidInput(
            f"translated queries name English questions that do not exist: {', '.join(unknown)}; "
            "check their en_id against the English dataset (--dataset)"
        )
    return [question for question in english if question.id in wanted]


def _rounded(row: Mapping[str, float]) -> dict[str, float]:
    return {name: round(row[name], 4) for name in METRIC_NAMES}


@dataclass
class LanguageRetrieval:
    """One language's queries through one system, next to English on the same ``en_id`` questions."""

    lang: str
    system: str
    report: SystemReport
    english: SystemReport

    def english_on_same(self) -> dict[str, float]:
        """English metrics averaged over exactly the ``en_id``s of this language's queries."""
        wanted = {getattr(result.question, "en_id", None) for result in self.report.results}
        return mean_scores([r.scores for r in self.english.results if r.question.id in wanted])

    def summary(self) -> dict[str, Any]:
        """The language's metrics, English's on the same questions and the ratios language / English."""
        own, english = self.report.overall, self.english_on_same()
        return {
            "lang": self.lang,
            "system": self.system,
            "questions": len(self.report.results),
            "metrics": _rounded(own),
            "english": _rounded(english),
            "ratio": {
                name: (round(own[name] / english[name], 4) if english[name] else None)
                for name in METRIC_NAMES
            },
            "by_category": {
                category: {key: round(value, 4) for key, value in row.items()}
                for category, row in self.report.by_category.items()
            },
            "misses_at_5": [
                {
                    "id": result.question.id,
                    "en_id": getattr(result.question, "en_id", None),
                    "question": result.question.question,
                    "gold": list(result.question.gold),
                    "returned": result.ranked[:5],
                }
                for result in self.report.failures(k=5)
            ],
        }


def compare_languages(
    translated: Mapping[str, Mapping[str, SystemReport]], english: Mapping[str, SystemReport]
) -> dict[str, list[LanguageRetrieval]]:
    """Per system, every language's report paired with the English report of the same run."""
    systems = list(english)
    return {
        system: [
            LanguageRetrieval(lang=lang, system=system, report=reports[system], english=english[system])
            for lang, reports in translated.items()
        ]
        for system in systems
    }


def languages_payload(
    comparisons: Mapping[str, Sequence[LanguageRetrieval]],
    english: Mapping[str, SystemReport],
    *,
    meta: Mapping[str, object],
) -> dict[str, Any]:
    """The JSON of ``eval retrieval --lang``: per system, English over every question asked and each
    language next to English on its own ``en_id``s."""
    return {
        **meta,
        "systems": {
            system: {
                "english": {
                    "questions": len(english[system].results),
                    "metrics": _rounded(english[system].overall),
                },
                "languages": {row.lang: row.summary() for row in rows},
            }
            for system, rows in comparisons.items()
        },
    }
