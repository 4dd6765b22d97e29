"""The answers evaluation: every case of ``answers.jsonl`` asked of the real Assistant, then scored.

A case passes when its last answer contains every ``must_contain`` fact, cites its ``must_cite``
documents (any or all of them, per ``must_cite_mode``), cites none of ``must_not_cite``, is
grounded (or refused) as expected, and contains none of ``must_not_contain`` (answer text and
citation quotes). The questions eval (``questions*.jsonl``, docs/questions-eval.md) adds checks on
the answer's first sentence (``first_sentence_contains``, ``..._any``: whole tokens) and on what may be
cited (``cites_only``, ``cite_types``, ``max_citations``). The scoring functions are pure;
:func:`run_answers_eval` asks the questions. Injection cases need poisoned documents:
:mod:`evals.answers_sandbox` ingests them into a copy of the data dir.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from evals.jsonl import load_jsonl

if TYPE_CHECKING:
    from assistant.composer import Composed, Composer, Evidence
    from assistant.llm import ChatMessage
    from assistant.models import Answer, Passage
    from assistant.service import Assistant

Category = Literal[
    "funding-open",
    "funding-specific-call",
    "funding-closed-call",
    "partners",
    "policy",
    "refusal",
    "follow-up",
    "injection",
    # Shapes of the questions eval (evals/datasets/questions*.jsonl, docs/questions-eval.md).
    "count",
    "window",
    "superlative",
    "follow-up-set",
    "none-open",
    "budget",
    "loose-id",
    "typo",
    "home-target",
    "mixed",
    "declined",
    "definition",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
FactKind = Literal["date", "status", "other"]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A sentence ends at ". " before an upper-case letter or a citation marker.
_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z\[])")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_STATUS_WORDS = frozenset({"open", "closed", "forthcoming"})


class AnswerCase(BaseModel):
    """One line of ``evals/datasets/answers.jsonl``; the checks apply to the answer to the last turn."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    category: Category
    turns: tuple[str, ...] = Field(min_length=1)
    today: dt.date
    must_contain: tuple[str, ...] = ()
    must_cite: tuple[str, ...] = ()
    must_cite_mode: Literal["any", "all"] = "any"
    must_not_cite: tuple[str, ...] = ()
    grounded: bool = True
    must_not_contain: tuple[str, ...] = ()
    first_sentence_contains: tuple[str, ...] = ()
    """Every one must appear in the first sentence (see :func:`first_sentence`), numbers as whole tokens."""
    first_sentence_contains_any: tuple[str, ...] = ()
    """At least one must appear in the first sentence (same matching)."""
    cites_only: tuple[str, ...] | None = None
    """When given, every cited document must be one of these (an empty answer passes this check)."""
    cite_types: tuple[str, ...] | None = None
    """When given, every citation's document type must be one of these."""
    max_citations: int | None = Field(default=None, ge=0)
    note: str | None = None

    def states(self, text: str, fact: str) -> bool:
        """Whether the answer ``text`` states the ``must_contain`` entry ``fact`` (see :func:`contains_fact`).

        The translated cases (:mod:`evals.i18n_answers`) also accept the fact in their language.
        """
        return contains_fact(text, fact)


def default_dataset_path() -> Path:
    """The bundled answer cases."""
    return Path(str(resources.files("evals").joinpath("datasets/answers.jsonl")))


def load_cases(path: Path | None = None, *, limit: int | None = None) -> list[AnswerCase]:
    """Read and validate the cases (the first ``limit`` when given).

    Raises:
        InvalidInput: The file is missing, a line is not a valid case, or ids repeat.
    """
    cases = load_jsonl(
        path or default_dataset_path(), AnswerCase, dataset="answers dataset", item="answer case", ids="case"
    )
    return cases[:limit] if limit is not None else cases


# --- scoring (pure) -----------------------------------------------------------------------------


def fact_kind(fact: str) -> FactKind:
    """``date`` for an ISO date, ``status`` for open/closed/forthcoming, else ``other``."""
    text = fact.strip().lower()
    if _ISO_DATE.match(text):
        return "date"
    return "status" if text in _STATUS_WORDS else "other"


def _normalised(text: str) -> str:
    return " ".join(text.lower().split())


def contains_fact(text: str, fact: str) -> bool:
    """Whether ``fact`` occurs in ``text`` (case and runs of whitespace ignored; status as a word)."""
    if fact_kind(fact) == "status":
        return re.search(rf"\b{re.escape(fact.strip().lower())}\b", text.lower()) is not None
    return _normalised(fact) in _normalised(text)


def first_sentence(text: str) -> str:
    """The answer's first non-blank line, cut after its first sentence end (". " + capital or "[")."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    end = _SENTENCE_END.search(line)
    return line[: end.start() + 1] if end else line


def contains_token(text: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``text`` as a whole token (case, whitespace and quote style ignored).

    A needle that starts or ends with a letter or digit must not continue a longer token there:
    ``7`` is not found in ``17``, ``2027``, ``7.5``, ``2026-07-01`` or ``[7]``; ``no`` is not found in
    ``not``; ``HORIZON-CL4-2026-01`` is not found in ``HORIZON-CL4-2026-01-02``.
    """
    wanted = _normalised(needle.translate(_QUOTES))
    if not wanted:
        return False
    # Citation markers ("[7]") are not tokens of the text.
    before = r"(?<![\w\[])(?<!\w[-.,/])" if re.match(r"\w", wanted) else ""
    after = r"(?![\w\]])(?![-.,/]\w)" if re.search(r"\w$", wanted) else ""
    pattern = before + re.escape(wanted) + after
    return re.search(pattern, _normalised(text.translate(_QUOTES))) is not None


class Check(BaseModel):
    """One check of a case: its name, whether it passed, and what was found."""

    model_config = ConfigDict(frozen=True)

    name: str
    passed: bool
    detail: str = ""


class CaseScore(BaseModel):
    """How an answer did on its case."""

    model_config = ConfigDict(frozen=True)

    passed: bool
    checks: tuple[Check, ...]
    date_status_facts: int
    date_status_found: int
    injected: bool
    """A ``must_not_contain`` string (the injection canary) appears in the answer or its quotes."""
    citation_precision: float | None = None


def score_answer(case: AnswerCase, answer: Answer, *, citation_precision: float | None = None) -> CaseScore:
    """Score ``answer`` (to the case's last turn) against ``case``."""
    text = answer.answer
    cited = [citation.doc_id for citation in answer.citations]
    checks = [
        Check(name="grounded", passed=answer.grounded == case.grounded, detail=f"got {answer.grounded}")
    ]
    missing = [fact for fact in case.must_contain if not case.states(text, fact)]
    if case.must_contain:
        checks.append(Check(name="must_contain", passed=not missing, detail="missing: " + ", ".join(missing)))
    if case.must_cite:
        wanted = set(case.must_cite)
        ok = wanted <= set(cited) if case.must_cite_mode == "all" else bool(wanted & set(cited))
        checks.append(
            Check(name=f"must_cite ({case.must_cite_mode})", passed=ok, detail="cited: " + ", ".join(cited))
        )
    wrong = sorted(set(case.must_not_cite) & set(cited))
    if case.must_not_cite:
        checks.append(Check(name="must_not_cite", passed=not wrong, detail="cited: " + ", ".join(wrong)))
    shown = " ".join([text, *(citation.quote for citation in answer.citations)])
    leaked = [bad for bad in case.must_not_contain if _normalised(bad) in _normalised(shown)]
    if case.must_not_contain:
        checks.append(Check(name="must_not_contain", passed=not leaked, detail="found: " + ", ".join(leaked)))
    checks.extend(_shape_checks(case, answer))
    dated = [fact for fact in case.must_contain if fact_kind(fact) != "other"]
    return CaseScore(
        passed=all(check.passed for check in checks),
        checks=tuple(checks),
        date_status_facts=len(dated),
        date_status_found=sum(fact not in missing for fact in dated),
        injected=bool(leaked),
        citation_precision=citation_precision,
    )


def _shape_checks(case: AnswerCase, answer: Answer) -> list[Check]:
    """The checks of the questions eval: the first sentence, and which documents may be cited."""
    checks: list[Check] = []
    lead = first_sentence(answer.answer)
    if case.first_sentence_contains:
        missing = [item for item in case.first_sentence_contains if not contains_token(lead, item)]
        checks.append(
            Check(
                name="first_sentence_contains",
                passed=not missing,
                detail=f"missing: {', '.join(missing)}; first sentence: {lead}",
            )
        )
    if case.first_sentence_contains_any:
        found = any(contains_token(lead, item) for item in case.first_sentence_contains_any)
        checks.append(
            Check(
                name="first_sentence_contains_any",
                passed=found,
                detail=f"none of: {', '.join(case.first_sentence_contains_any)}; first sentence: {lead}",
            )
        )
    cited = list(dict.fromkeys(citation.doc_id for citation in answer.citations))
    if case.cites_only is not None:
        allowed = set(case.cites_only)
        outside = [doc_id for doc_id in cited if doc_id not in allowed]
        checks.append(Check(name="cites_only", passed=not outside, detail="outside: " + ", ".join(outside)))
    if case.cite_types is not None:
        wrong = sorted({c.doc_type for c in answer.citations} - set(case.cite_types))
        checks.append(Check(name="cite_types", passed=not wrong, detail="cited types: " + ", ".join(wrong)))
    if case.max_citations is not None:
        count = len(answer.citations)
        checks.append(
            Check(name="max_citations", passed=count <= case.max_citations, detail=f"{count} citations")
        )
    return checks


def refusal_scores(pairs: Iterable[tuple[bool, bool]]) -> tuple[float | None, float | None]:
    """Refusal precision and recall over ``(should_refuse, refused)`` pairs (None when undefined)."""
    rows = list(pairs)
    true_pos = sum(should and refused for should, refused in rows)
    refused = sum(refused for _, refused in rows)
    should = sum(should for should, _ in rows)
    return (true_pos / refused if refused else None, true_pos / should if should else None)


# --- running ------------------------------------------------------------------------------------


@dataclass
class CaseResult:
    """One case through the assistant."""

    case: AnswerCase
    answer: Answer | None
    score: CaseScore
    latency_ms: float
    error: str | None = None
    retrieved: tuple[str, ...] = ()
    """Documents of the passages the composer was given for the last turn."""
    passage_docs: tuple[str, ...] = ()
    """The document of each of those passages, in the order given (for recall@k)."""


@dataclass
class AnswersReport:
    """All results of one mode, and the summary figures of the issue."""

    mode: str
    results: list[CaseResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """Pass rates (overall and per category), fact rate, citation precision, refusal and latency."""
        results = self.results
        by_category: dict[str, list[bool]] = defaultdict(list)
        for result in results:
            by_category[result.case.category].append(result.score.passed)
        facts = sum(r.score.date_status_facts for r in results)
        found = sum(r.score.date_status_found for r in results)
        precisions = [r.score.citation_precision for r in results if r.score.citation_precision is not None]
        refusal_precision, refusal_recall = refusal_scores(
            (not r.case.grounded, r.answer is not None and not r.answer.grounded) for r in results
        )
        latencies = [r.latency_ms for r in results if r.answer is not None]
        quotes = [
            len(c.quote) for r in results if r.answer is not None for c in r.answer.citations if c.quote
        ]
        return {
            "mode": self.mode,
            "cases": len(results),
            "passed": sum(r.score.passed for r in results),
            "pass_rate": _share(sum(r.score.passed for r in results), len(results)),
            "by_category": {
                name: {"n": len(rows), "passed": sum(rows), "pass_rate": _share(sum(rows), len(rows))}
                for name, rows in sorted(by_category.items(), key=lambda item: CATEGORIES.index(item[0]))
            },
            "date_status_facts": facts,
            "date_status_exact_rate": _share(found, facts),
            "citation_precision": round(statistics.fmean(precisions), 4) if precisions else None,
            # Quote length shows what the sentence splitter does to the evidence a reader sees.
            "quotes": len(quotes),
            "median_quote_chars": statistics.median(quotes) if quotes else None,
            "refusal_precision": _round(refusal_precision),
            "refusal_recall": _round(refusal_recall),
            "injected_replies": sum(r.score.injected for r in results),
            "errors": sum(r.error is not None for r in results),
            "median_latency_ms": round(statistics.median(latencies), 1) if latencies else None,
            "skipped": list(self.skipped),
        }

    def failures(self) -> list[CaseResult]:
        """The cases that did not pass."""
        return [result for result in self.results if not result.score.passed]


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


class RecordingComposer:
    """A composer that keeps the passages of the last answer (for precision), injected into the
    assistant (``open_advisor(..., composer=RecordingComposer(default_composer(...)))``)."""

    def __init__(self, inner: Composer) -> None:
        self.inner = inner
        self.mode = inner.mode
        self.last_passages: tuple[Passage, ...] = ()

    def compose(self, *, evidence: Evidence, today: dt.date, history: Sequence[ChatMessage] = ()) -> Composed:
        self.last_passages = evidence.passages
        return self.inner.compose(evidence=evidence, today=today, history=history)

    def stream(self, *, evidence: Evidence, today: dt.date, history: Sequence[ChatMessage] = ()) -> Any:
        self.last_passages = evidence.passages
        return self.inner.stream(evidence=evidence, today=today, history=history)


def answer_precision(answer: Answer, passages: Sequence[Passage]) -> float | None:
    """Citation precision of ``answer``: its final ``[n]`` mapped back to the passages it came from.

    The composer renumbers markers; each citation is matched to the given passage of the same
    document whose text holds the citation's quote (the first of that document otherwise).
    """
    from assistant.citations import check_citations, citation_precision

    renumbered: list[Passage] = []
    for citation in answer.citations:
        same_doc = [p for p in passages if p.doc_id == citation.doc_id]
        if not same_doc:
            return None
        quote = citation.quote.rstrip(" …")
        source = next((p for p in same_doc if _normalised(quote) in _normalised(p.text)), same_doc[0])
        renumbered.append(source.model_copy(update={"n": citation.n}))
    return citation_precision(check_citations(answer.answer, renumbered)) if renumbered else None


def run_case(
    assistant: Assistant, case: AnswerCase, *, recorder: RecordingComposer | None = None
) -> CaseResult:
    """Ask the case's turns in one conversation and score the last answer.

    ``recorder``, the composer ``assistant`` answers with, gives the passages citations are scored
    against (without it, citation precision is not measured).
    """
    conversation: str | None = None
    answer: Answer | None = None
    latency = 0.0
    try:
        for turn in case.turns:
            if recorder is not None:
                # An answer that never reaches the composer (a refusal) must not keep the previous passages.
                recorder.last_passages = ()
            started = time.perf_counter()
            answer = assistant.ask(question=turn, today=case.today, conversation_id=conversation)
            latency = (time.perf_counter() - started) * 1000
            conversation = answer.conversation_id
    except Exception as exc:  # noqa: BLE001 - a crash is a failed case with its reason, not a dead run
        error = f"{type(exc).__name__}: {exc}"
        failed = CaseScore(
            passed=False,
            checks=(Check(name="answered", passed=False, detail=error),),
            date_status_facts=0,
            date_status_found=0,
            injected=False,
        )
        return CaseResult(case=case, answer=None, score=failed, latency_ms=latency, error=error)
    assert answer is not None
    passages = recorder.last_passages if recorder is not None else ()
    precision = answer_precision(answer, passages) if passages and answer.citations else None
    return CaseResult(
        case=case,
        answer=answer,
        score=score_answer(case, answer, citation_precision=precision),
        latency_ms=latency,
        retrieved=tuple(dict.fromkeys(p.doc_id for p in passages)),
        passage_docs=tuple(p.doc_id for p in passages),
    )


def run_answers_eval(
    *,
    assistant: Assistant,
    recorder: RecordingComposer | None,
    cases: Sequence[AnswerCase],
    mode: str,
    progress: Callable[[int], None] | None = None,
) -> AnswersReport:
    """Run ``cases`` through ``assistant``, built with ``recorder`` as its composer (see :func:`run_case`)."""
    report = AnswersReport(mode=mode)
    for case in cases:
        report.results.append(run_case(assistant, case, recorder=recorder))
        if progress is not None:
            progress(1)
    return report
