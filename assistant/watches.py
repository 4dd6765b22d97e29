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
from assistant.plan.answers import describe
from assistant.plan.executor import execute_calls
from assistant.plan.models import DateWindow, QueryPlan
from assistant.service import Assistant
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


def watch_plan(assistant: Assistant, question: str, *, today: dt.date) -> QueryPlan:
    """The plan a watch keeps for ``question``: ask's planner, held to what a digest can follow.

    Raises:
        InvalidInput: the question is empty or too long, is not about funding calls, names something
            the planner could not read, refers to an earlier answer, or follows only closed calls.
    """
    text = " ".join(question.split())
    if not any(char.isalnum() for char in text):
        raise InvalidInput("say what to watch, e.g. /advisor watch open calls on hydrogen")
    if len(text) > MAX_WATCH_CHARS:
        raise InvalidInput(
            f"a watch is at most {MAX_WATCH_CHARS} characters; say what to watch in a few words"
        )
    understanding = understand(text)
    plan = assistant.planner.plan(
        text,
        today=today,
        intent=understanding.intent,
        entities=understanding.entities,
        catalog=assistant.catalog.get(),
    )
    if plan.intent not in WATCHABLE_INTENTS:
        raise InvalidInput(
            "a watch follows funding calls; say which, e.g. /advisor watch open calls on hydrogen"
        )
    if plan.problems:
        raise InvalidInput(" ".join(plan.problems))
    if plan.candidates:
        raise InvalidInput("that names more than one record; use its full name or identifier")
    if plan.previous != "none":
        raise InvalidInput("a watch cannot refer to an earlier answer; name the calls to watch")
    if plan.statuses and not set(plan.statuses) - {"closed"}:
        raise InvalidInput("closed calls never change; watch open or forthcoming calls instead")
    # Every matching call, whatever the question's shape ("how many…", "the largest…").
    return plan.model_copy(update={"operation": "list", "sort_field": None, "item_index": None})


def describe_watch(plan: QueryPlan) -> str:
    """What a watch follows, in words ("open Horizon Europe calls about hydrogen")."""
    statuses = [s for s in (plan.statuses or DIGEST_STATUSES) if s != "closed"]
    text = f"{' or '.join(statuses)} {describe(plan)}"
    if plan.deadline_window is not None:
        text += f" with a deadline {plan.deadline_window.phrase or plan.deadline_window.describe()}"
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
