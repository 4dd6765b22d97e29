"""The typed query plan: what a question asks, before anything is retrieved.

Every field is explicit and validated, so a plan from the rules and a plan from an LLM's
structured output are the same object, and a contradictory plan (a window that ends before it
starts) is refused before it runs.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.plan.problems import empty_budget_range, window_ends_first

Intent = Literal["funding", "partners", "policy", "mixed", "out_of_scope", "action"]
"""``mixed``: funding and partners at once; ``action``: something the product cannot do (book, send)."""
Operation = Literal["list", "count", "first", "last", "largest", "smallest", "compare", "lookup", "explain"]
SortField = Literal["deadline", "opening_date", "total_budget", "amount_per_project", "number_of_projects"]
AskedField = Literal[
    "deadline",
    "opening_date",
    "status",
    "total_budget",
    "amount_per_project",
    "number_of_projects",
    "conditions",
    "link",
    "location",
]
StatusName = Literal["open", "forthcoming", "closed"]
PreviousRef = Literal["none", "set", "item"]
"""``set``: the previous answer's result set ("which of them"); ``item``: one of it ("the second one")."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DateWindow(_Frozen):
    """Days from ``start`` to ``end``, both included; an open side is None."""

    start: dt.date | None = None
    end: dt.date | None = None
    phrase: str = ""
    """The words the window was read from ("in the next 30 days")."""

    @model_validator(mode="after")
    def _ordered(self) -> DateWindow:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(window_ends_first(self.phrase, self.start, self.end))
        return self

    def contains(self, day: dt.date | None) -> bool:
        """Whether ``day`` falls inside (an unknown day never does)."""
        if day is None:
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    def describe(self) -> str:
        """``between 2026-05-10 and 2026-06-09``, ``before 2027-03-01`` and the like."""
        if self.start and self.end:
            return f"between {self.start.isoformat()} and {self.end.isoformat()}"
        if self.end:
            return f"on or before {self.end.isoformat()}"
        if self.start:
            return f"on or after {self.start.isoformat()}"
        return "at any time"


class QueryPlan(_Frozen):
    """One question as a typed plan (see DESIGN.md, "Questions as people ask them")."""

    question: str
    intent: Intent
    operation: Operation = "list"
    sort_field: SortField | None = None
    """What ``first``/``last``/``largest``/``smallest`` order by."""
    fields: tuple[AskedField, ...] = ()
    doc_types: tuple[Literal["call", "cluster", "policy"], ...] = ()
    statuses: tuple[StatusName, ...] = ()
    deadline_window: DateWindow | None = None
    opening_window: DateWindow | None = None
    programmes: tuple[str, ...] = ()
    """Canonical programme / family names of :mod:`corpus.programmes`."""
    call_kinds: tuple[Literal["topic", "cascade", "call_for_proposals"], ...] = ()
    identifiers: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    """Doc ids of named organisations or calls (resolved from names, typos included)."""
    target_countries: tuple[str, ...] = ()
    """ISO2 codes where results should be (partners there, calls open to them)."""
    home_countries: tuple[str, ...] = ()
    """The asker's own country ("we are a French SME"): never a search filter."""
    regions: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    topic: str = ""
    """The words left for topical relevance once filters are read ("hydrogen", "tourism SMEs")."""
    budget_min_eur: float | None = Field(default=None, ge=0)
    budget_max_eur: float | None = Field(default=None, ge=0)
    budget_field: Literal["total_budget", "amount_per_project"] = "total_budget"
    previous: PreviousRef = "none"
    item_index: int | None = Field(default=None, ge=0)
    """With ``previous == "item"``: which one of the previous result set (0 = the first)."""
    planner: Literal["rules", "llm"] = "rules"
    problems: tuple[str, ...] = ()
    """What could not be read and must be said to the user (an unknown programme, an unknown id)."""
    candidates: tuple[str, ...] = ()
    """Records equally likely to be the one meant: the answer asks which."""

    @model_validator(mode="after")
    def _consistent(self) -> QueryPlan:
        if (
            self.budget_min_eur is not None
            and self.budget_max_eur is not None
            and self.budget_max_eur < self.budget_min_eur
        ):
            raise ValueError(empty_budget_range(self.budget_min_eur, self.budget_max_eur))
        if self.operation in {"first", "last", "largest", "smallest"} and self.sort_field is None:
            raise ValueError(f"operation {self.operation!r} needs a sort_field")
        return self

    @property
    def structured(self) -> bool:
        """Whether the plan asks for something retrieval alone cannot compute (a count, a window, ...)."""
        return bool(
            self.operation in {"count", "first", "last", "largest", "smallest"}
            or self.deadline_window
            or self.opening_window
            or self.call_kinds
            or self.budget_min_eur is not None
            or self.budget_max_eur is not None
            or self.previous != "none"
            or (self.programmes and not self.topic)
        )

    def summary(self) -> str:
        """One log line."""
        parts = [f"intent={self.intent}", f"op={self.operation}"]
        for name in ("sort_field", "statuses", "programmes", "call_kinds", "identifiers", "target_countries"):
            value = getattr(self, name)
            if value:
                parts.append(f"{name}={value}")
        if self.deadline_window:
            parts.append(f"deadline {self.deadline_window.describe()}")
        if self.opening_window:
            parts.append(f"opening {self.opening_window.describe()}")
        if self.previous != "none":
            parts.append(f"previous={self.previous}:{self.item_index}")
        if self.topic:
            parts.append(f"topic={self.topic[:40]!r}")
        return " ".join(parts)
