"""Saved searches: a question kept as its query plan, and the digest that plan yields on a later day.

A watch is read by the same planner as ``ask`` (:attr:`Assistant.planner`, over the same catalog)
and its digest is computed by the same executor (:func:`~assistant.plan.executor.execute_calls`), so
"open calls on hydrogen in Horizon Europe" means the same thing in a digest as in an answer. Pure
functions over the plan and the stored calls; storing and scheduling are the adapter's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assistant.errors import InvalidInput
from assistant.intents import understand
from assistant.language import N_, _, answering_in, localized_error
from assistant.plan.answers import describe, window_words
from assistant.plan.executor import execute_calls
from assistant.plan.lexicon import english_reading
from assistant.plan.models import DateWindow, QueryPlan
from assistant.plan.problems import shown_problem
from assistant.service import Assistant
from corpus.languages import DEFAULT_LANGUAGE
from corpus.models import Audience, FundingCall
from corpus.status import deadline_status

MAX_WATCH_CHARS = 300
CLOSING_SOON_DAYS = 14
"""A matching open call whose deadline is at most this many days after the digest day is "closing soon"."""
DIGEST_STATUSES = ("open", "forthcoming")
"""What a watch follows when its question names no status: calls one can still apply to."""
WATCHABLE_INTENTS = frozenset({"funding", "mixed"})
MAX_LISTED = 10
"""Calls listed per section of a digest (the rest are counted)."""


@dataclass(frozen=True)
class Digest:
    """What a watch yields on one day."""

    new: tuple[FundingCall, ...]
    """Matching calls not in any earlier digest of the watch (nor matching when it was saved)."""
    closing: tuple[FundingCall, ...]
    """Matching open calls closing within :data:`CLOSING_SOON_DAYS` days, soonest first."""
    matching: tuple[str, ...]
    """Doc ids of every matching call (what the watch has now seen)."""

    @property
    def empty(self) -> bool:
        """Nothing to tell: no new call and none closing soon."""
        return not self.new and not self.closing


EMPTY_WATCH = N_("say what to watch, e.g. /advisor watch open calls on hydrogen")
WATCH_TOO_LONG = N_("a watch is at most {limit} characters; say what to watch in a few words")
NOT_FUNDING = N_("a watch follows funding calls; say which, e.g. /advisor watch open calls on hydrogen")
SEVERAL_RECORDS = N_("that names more than one record; use its full name or identifier")
EARLIER_ANSWER = N_("a watch cannot refer to an earlier answer; name the calls to watch")
ONLY_CLOSED = N_("closed calls never change; watch open or forthcoming calls instead")
_STATUS_WORDS = {
    ("open",): N_("open {calls}"),
    ("forthcoming",): N_("forthcoming {calls}"),
    ("forthcoming", "open"): N_("open or forthcoming {calls}"),
}
"""What a watch follows, by its statuses: "open or forthcoming calls about hydrogen"."""


def watch_plan(
    assistant: Assistant, question: str, *, today: dt.date, lang: str = DEFAULT_LANGUAGE
) -> QueryPlan:
    """The plan a watch keeps for ``question``: ask's planner, held to what a digest can follow.

    The question is read as ``ask`` reads it (:func:`~assistant.plan.lexicon.english_reading`), so a
    watch may be written in any of the six languages; a refusal is said in ``lang``.

    Raises:
        InvalidInput: the question is empty or too long, is not about funding calls, names something
            the planner could not read, refers to an earlier answer, or follows only closed calls.
    """
    text = " ".join(question.split())
    if not any(char.isalnum() for char in text):
        raise localized_error(InvalidInput, EMPTY_WATCH, lang)
    if len(text) > MAX_WATCH_CHARS:
        raise localized_error(InvalidInput, WATCH_TOO_LONG, lang, limit=MAX_WATCH_CHARS)
    reading = english_reading(text)
    understanding = understand(reading)
    plan = assistant.planner.plan(
        reading,
        today=today,
        intent=understanding.intent,
        entities=understanding.entities,
        catalog=assistant.catalog.get(),
    )
    if plan.intent not in WATCHABLE_INTENTS:
        raise localized_error(InvalidInput, NOT_FUNDING, lang)
    if plan.problems:
        with answering_in(lang):
            raise InvalidInput(" ".join(shown_problem(problem) for problem in plan.problems))
    if plan.candidates:
        raise localized_error(InvalidInput, SEVERAL_RECORDS, lang)
    if plan.previous != "none":
        raise localized_error(InvalidInput, EARLIER_ANSWER, lang)
    if plan.statuses and not set(plan.statuses) - {"closed"}:
        raise localized_error(InvalidInput, ONLY_CLOSED, lang)
    # Every matching call, whatever the question's shape ("how many…", "the largest…").
    return plan.model_copy(update={"operation": "list", "sort_field": None, "item_index": None})


def describe_watch(plan: QueryPlan, lang: str = DEFAULT_LANGUAGE) -> str:
    """What a watch follows, in words ("open Horizon Europe calls about hydrogen"), in ``lang``.

    The topic the planner read is an English word of the corpus: in another language the
    description leaves it out (the reply shows the question as the asker wrote it beside it).
    """
    statuses = tuple(sorted({s for s in (plan.statuses or DIGEST_STATUSES) if s != "closed"}))
    with answering_in(lang):
        calls = describe(plan if lang == DEFAULT_LANGUAGE else plan.model_copy(update={"topic": None}))
        text = _(_STATUS_WORDS.get(statuses, "{calls}")).format(calls=calls)
        window = plan.deadline_window
        if window is not None:
            if lang == DEFAULT_LANGUAGE:
                text += f" with a deadline {window.phrase or window.describe()}"
            else:
                text = _("{calls} with a deadline {window}").format(calls=text, window=window_words(window))
    return text


def matching_calls(
    assistant: Assistant, plan: QueryPlan, *, planned_on: dt.date, today: dt.date
) -> list[FundingCall]:
    """The public calls ``plan`` matches on ``today``, deadline first.

    Date windows were read relative to ``planned_on`` ("in the next 30 days"): they move with the
    digest day, so a weekly digest keeps looking 30 days ahead.
    """
    shift = today - planned_on
    statuses = plan.statuses or DIGEST_STATUSES
    moved = plan.model_copy(
        update={
            "statuses": tuple(s for s in statuses if s != "closed"),
            "deadline_window": _moved(plan.deadline_window, shift),
            "opening_window": _moved(plan.opening_window, shift),
        }
    )
    result = execute_calls(
        moved, catalog=assistant.catalog.get(), today=today, audiences=(Audience.PUBLIC,), retriever=None
    )
    return list(result.calls)


def digest_of(matching: list[FundingCall], *, seen: set[str], today: dt.date) -> Digest:
    """New and closing-soon calls among ``matching`` (``seen``: doc ids an earlier digest had)."""
    horizon = today + dt.timedelta(days=CLOSING_SOON_DAYS)
    closing = [
        call
        for call in matching
        if deadline_status(call, today).value == "open"
        and call.deadline_date is not None
        and today <= call.deadline_date <= horizon
    ]
    closing.sort(key=lambda call: (call.deadline_date or today, call.doc_id))
    new = [call for call in matching if call.doc_id not in seen]
    return Digest(new=tuple(new), closing=tuple(closing), matching=tuple(call.doc_id for call in matching))


def _moved(window: DateWindow | None, shift: dt.timedelta) -> DateWindow | None:
    if window is None or not shift:
        return window
    return window.model_copy(
        update={
            "start": window.start + shift if window.start else None,
            "end": window.end + shift if window.end else None,
        }
    )
