"""The triage report: counts and median response times of the Slack triage log.

The triage rules themselves (category, urgency, owner) are :mod:`assistant.triage`.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from integrations.slack.store import TriageEvent


class TriageReport(BaseModel):
    """Counts and median response times of the triage log."""

    model_config = ConfigDict(frozen=True)

    total: int
    by_category: dict[str, int]
    by_urgency: dict[str, int]
    responded: int
    resolved: int
    median_first_response_min: float | None
    median_resolution_min: float | None


def triage_report(events: Sequence[TriageEvent]) -> TriageReport:
    """Summarise the triage log."""
    first = [_minutes(e.created_at, e.first_response_at) for e in events if e.first_response_at]
    done = [_minutes(e.created_at, e.resolved_at) for e in events if e.resolved_at]
    return TriageReport(
        total=len(events),
        by_category=dict(Counter(e.category for e in events).most_common()),
        by_urgency=dict(Counter(e.urgency for e in events).most_common()),
        responded=len(first),
        resolved=len(done),
        median_first_response_min=round(statistics.median(first), 2) if first else None,
        median_resolution_min=round(statistics.median(done), 2) if done else None,
    )


def _minutes(start: dt.datetime, end: dt.datetime | None) -> float:
    assert end is not None
    return max((end - start).total_seconds() / 60, 0.0)
