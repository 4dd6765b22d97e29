"""Call status on a given day, computed from dates — never copied from a source's stale label."""

from __future__ import annotations

import datetime as dt

from corpus.models import CallStatus, FundingCall


def deadline_status(call: FundingCall, today: dt.date) -> CallStatus:
    """Status of ``call`` on ``today``.

    Forthcoming before its opening date, closed after its deadline day, open in between (the
    deadline day itself counts as open: F&T deadlines fall at 17:00 Brussels time). A call with no
    deadline (continuous submission) stays open once it has opened.
    """
    if call.opening_date is not None and today < call.opening_date:
        return CallStatus.FORTHCOMING
    deadline = call.deadline_date
    if deadline is not None and today > deadline:
        return CallStatus.CLOSED
    return CallStatus.OPEN


def days_until_deadline(call: FundingCall, today: dt.date) -> int | None:
    """Whole days from ``today`` to the deadline (negative once passed); None without a deadline."""
    deadline = call.deadline_date
    return None if deadline is None else (deadline - today).days
