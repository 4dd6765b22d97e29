"""The translated answers eval: the hold-out that says whether questions in other languages work.

``evals/datasets/i18n/answers_<lang>.jsonl`` holds, for German, French, Spanish, Italian and Polish,
questions written as a member in that country asks them, each from an English case of
``answers.jsonl`` (``en_id``) whose gold it keeps exactly (docs/languages-eval.md). A run answers a
language's cases and the English cases with the same ids, and compares pass rate and retrieval
recall@5 per language with English on those same questions (target: ≥ 0.85 × English).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from corpus.errors import InvalidInput
from evals.answers_eval import AnswerCase, AnswersReport, CaseResult, load_cases
from evals.jsonl import load_jsonl
from evals.local_facts import contains_local_fact

Language = Literal["de", "fr", "es", "it", "pl"]
LANGUAGES: tuple[str, ...] = Language.__args__  # type: ignore[attr-defined]
I18nSplit = Literal["holdout", "dev", "partners-dev", "refusals-dev", "policy-dev"]
I18N_SPLITS: tuple[str, ...] = I18nSplit.__args__  # type: ignore[attr-defined]
"""``holdout``: ``answers_<lang>.jsonl``, never tuned on; ``dev``: ``answers_dev_<lang>.jsonl``, tuning
material written from other English cases; ``partners-dev``: ``partners_dev_<lang>.jsonl``, partner
searches only; ``refusals-dev``: ``refusals_dev_<lang>.jsonl``, off-topic questions and answerable ones
with rare words; ``policy-dev``: ``policy_dev_<lang>.jsonl``, facts of the policy documents
(docs/languages-eval.md)."""
DEV_ENGLISH_FILE = "answers_dev_en.jsonl"
"""The dev set's own English cases (topical questions whose gold is computed from the records by
``scripts/build_answers_dev.py``), next to the ``answers.jsonl`` cases it also uses."""
PARTNERS_DEV_ENGLISH_FILE = "partners_dev_en.jsonl"
"""The partners dev set's English cases (gold computed by ``scripts/build_partners_dev.py``)."""
_SPLIT_FILES = {
    "holdout": "answers_{lang}.jsonl",
    "dev": "answers_dev_{lang}.jsonl",
    "partners-dev": "partners_dev_{lang}.jsonl",
    "refusals-dev": "refusals_dev_{lang}.jsonl",
    "policy-dev": "policy_dev_{lang}.jsonl",
}
_SPLIT_ENGLISH_FILES = {
    "dev": DEV_ENGLISH_FILE,
    "partners-dev": PARTNERS_DEV_ENGLISH_FILE,
    "refusals-dev": "refusals_dev_en.jsonl",
    "policy-dev": "policy_dev_en.jsonl",
}
GOLD_FIELDS: tuple[str, ...] = (
    "category",
    "today",
    "must_contain",
    "must_cite",
    "must_cite_mode",
    "must_not_cite",
    "grounded",
    "must_not_contain",
    "first_sentence_contains",
    "first_sentence_contains_any",
    "cites_only",
    "cite_types",
    "max_citations",
)
"""What a translated case copies from its English case, exactly."""
RECALL_K = 5
TARGET_RATIO = 0.85
"""The issue's bar: every language at least this share of the English figure on the same questions."""


class TranslatedCase(AnswerCase):
    """A case of ``answers_<lang>.jsonl``: the English case ``en_id``'s gold, asked in ``lang``."""

    en_id: str
    lang: Language
    local_forms: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """For a ``must_contain`` entry the product writes in English ("inferred", "closed", "Germany"):
    the forms that count in ``lang`` instead (see :func:`evals.local_facts.form_matches`)."""

    def states(self, text: str, fact: str) -> bool:
        """Whether ``text`` states ``fact`` in the case's language (dates, money as locales write them)."""
        return contains_local_fact(text, fact, lang=self.lang, forms=self.local_forms.get(fact))


def default_i18n_dir() -> Path:
    """The bundled translated cases."""
    return Path(str(resources.files("evals").joinpath("datasets/i18n")))


def parse_languages(values: Iterable[str]) -> tuple[str, ...]:
    """The languages asked for with ``--lang`` (repeatable; ``all`` = every one), in a fixed order.

    Raises:
        InvalidInput: A value is not one of :data:`LANGUAGES` nor ``all``.
    """
    wanted: set[str] = set()
    for value in values:
        for part in value.split(","):
            tag = part.strip().lower().replace("_", "-").split("-")[0]
            if tag == "all":
                wanted.update(LANGUAGES)
            elif tag in LANGUAGES:
                wanted.add(tag)
            else:
                raise InvalidInput(
                    f"no translated answers eval for language {part.strip()!r}: "
                    f"use one of {', '.join(LANGUAGES)} or all (English runs alongside every one)"
                )
    return tuple(lang for lang in LANGUAGES if lang in wanted)


def translated_path(lang: str, directory: Path | None = None, *, split: str = "holdout") -> Path:
    """The file of ``lang``'s ``split`` cases: ``answers_<lang>.jsonl``, ``answers_dev_<lang>.jsonl`` or
    ``partners_dev_<lang>.jsonl``.

    Raises:
        InvalidInput: An unknown split.
    """
    if split not in I18N_SPLITS:
        raise InvalidInput(
            f"no translated answers split {split!r}: use holdout (the issue's measure, never tuned on), "
            "dev or partners-dev (tuning material)"
        )
    return (directory or default_i18n_dir()) / _SPLIT_FILES[split].format(lang=lang)


def load_translated(
    lang: str, directory: Path | None = None, *, split: str = "holdout", limit: int | None = None
) -> list[TranslatedCase]:
    """The ``split`` cases of ``lang`` in ``directory`` (bundled by default), the first ``limit``.

    Raises:
        InvalidInput: An unknown split, the file is missing or invalid, or a case is in another language.
    """
    path = translated_path(lang, directory, split=split)
    cases = load_jsonl(
        path, TranslatedCase, dataset="translated answers dataset", item="translated case", ids="case"
    )
    strays = [case.id for case in cases if case.lang != lang]
    if strays:
        raise InvalidInput(f"{path}: cases in another language than {lang!r}: {', '.join(strays)}")
    return cases[:limit] if limit is not None else cases


def english_pool(split: str, dataset: Path | None = None, directory: Path | None = None) -> list[AnswerCase]:
    """The English cases a split's ``en_id``s may name: ``answers.jsonl`` (``dataset``), and for
    ``dev`` (``partners-dev``) also that set's own English cases, ``answers_dev_en.jsonl``
    (``partners_dev_en.jsonl``) in ``directory``.

    Raises:
        InvalidInput: A file is missing or invalid, or an id is in both.
    """
    cases = load_cases(dataset)
    name = _SPLIT_ENGLISH_FILES.get(split)
    if name is None:
        return cases
    own = load_cases((directory or default_i18n_dir()) / name)
    clashes = sorted({case.id for case in cases} & {case.id for case in own})
    if clashes:
        raise InvalidInput(f"{name} repeats ids of the English answers dataset: {', '.join(clashes)}")
    return [*cases, *own]


def english_counterparts(
    translated: Iterable[TranslatedCase], english: Sequence[AnswerCase]
) -> list[AnswerCase]:
    """The English cases the translated ones were written from, in the English file's order.

    Raises:
        InvalidInput: An ``en_id`` names no English case.
    """
    by_id = {case.id: case for case in english}
    wanted = {case.en_id for case in translated}
    unknown = sorted(wanted - set(by_id))
    if unknown:
        raise InvalidInput(
            f"translated cases name English cases that do not exist: {', '.join(unknown)}",
        )
    return [case for case in english if case.id in wanted]


def recall_at_k(case: AnswerCase, passage_docs: Sequence[str], k: int = RECALL_K) -> float | None:
    """How much of the case's gold is among the documents of the first ``k`` passages the answer used.

    ``must_cite_mode`` "any" (one of several acceptable documents): 1.0 when any is there, else 0.0;
    "all": the share of them there. None for a case with nothing to cite (a refusal).
    """
    if not case.must_cite:
        return None
    top = set(passage_docs[:k])
    wanted = set(case.must_cite)
    if case.must_cite_mode == "all":
        return len(wanted & top) / len(wanted)
    return 1.0 if wanted & top else 0.0


def _mean(values: Iterable[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return round(statistics.fmean(present), 4) if present else None


def _ratio(part: float | None, whole: float | None) -> float | None:
    if part is None or whole is None or whole == 0:
        return None
    return round(part / whole, 4)


def _share(results: Sequence[CaseResult], part: str, whole: str) -> float | None:
    total = sum(getattr(r.score, whole) for r in results)
    return round(sum(getattr(r.score, part) for r in results) / total, 4) if total else None


def _failed_checks(results: Iterable[CaseResult]) -> dict[str, int]:
    counts = Counter(check.name for r in results for check in r.score.checks if not check.passed)
    return dict(sorted(counts.items()))


def _answer_lang(result: CaseResult) -> str | None:
    # ``Answer.lang`` arrives with the language work of issue 13; before that it is simply absent.
    return getattr(result.answer, "lang", None) if result.answer is not None else None


@dataclass
class LanguageComparison:
    """One language's results next to the English results of the same ``en_id`` cases."""

    lang: str
    report: AnswersReport
    english: list[CaseResult]

    def summary(self) -> dict[str, Any]:
        """Pass rate and recall@5 for the language and for English on the same questions, with ratios."""
        own, english = self.report.results, self.english
        pass_rate = _mean(float(r.score.passed) for r in own)
        english_pass_rate = _mean(float(r.score.passed) for r in english)
        recall = _mean(recall_at_k(r.case, r.passage_docs) for r in own)
        english_recall = _mean(recall_at_k(r.case, r.passage_docs) for r in english)
        pass_ratio, recall_ratio = _ratio(pass_rate, english_pass_rate), _ratio(recall, english_recall)
        langs = [_answer_lang(r) for r in own]
        by_category: dict[str, dict[str, int]] = defaultdict(
            lambda: {"n": 0, "passed": 0, "english_passed": 0}
        )
        english_passed = {r.case.id: r.score.passed for r in english}
        for result in own:
            row = by_category[result.case.category]
            row["n"] += 1
            row["passed"] += result.score.passed
            row["english_passed"] += english_passed.get(getattr(result.case, "en_id", ""), False)
        return {
            "lang": self.lang,
            "cases": len(own),
            "passed": sum(r.score.passed for r in own),
            "pass_rate": pass_rate,
            "recall_at_5": recall,
            "english_cases": len(english),
            "english_passed": sum(r.score.passed for r in english),
            "english_pass_rate": english_pass_rate,
            "english_recall_at_5": english_recall,
            "pass_rate_ratio": pass_ratio,
            "recall_at_5_ratio": recall_ratio,
            "target_ratio": TARGET_RATIO,
            "target_met": all(r is not None and r >= TARGET_RATIO for r in (pass_ratio, recall_ratio)),
            "answered_in_language": (
                None
                if all(lang is None for lang in langs)
                else _mean(float(lang == self.lang) for lang in langs)
            ),
            "date_status_exact_rate": _share(own, "date_status_found", "date_status_facts"),
            "english_date_status_exact_rate": _share(english, "date_status_found", "date_status_facts"),
            "errors": sum(r.error is not None for r in own),
            # Which checks fail, language next to English: where the gap is (refused, wrong fact, not found).
            "failed_checks": _failed_checks(own),
            "english_failed_checks": _failed_checks(english),
            "by_category": dict(by_category),
        }


def english_figures(report: AnswersReport) -> dict[str, Any]:
    """Pass rate and recall@5 of the English cases asked (every ``en_id`` of the languages run)."""
    results = report.results
    return {
        "cases": len(results),
        "passed": sum(r.score.passed for r in results),
        "pass_rate": _mean(float(r.score.passed) for r in results),
        "recall_at_5": _mean(recall_at_k(r.case, r.passage_docs) for r in results),
    }


def compare_language(lang: str, report: AnswersReport, english: AnswersReport) -> LanguageComparison:
    """Pair ``report`` (one language's cases) with the English results of the same ``en_id`` cases."""
    wanted = {getattr(result.case, "en_id", None) for result in report.results}
    return LanguageComparison(
        lang=lang, report=report, english=[r for r in english.results if r.case.id in wanted]
    )
