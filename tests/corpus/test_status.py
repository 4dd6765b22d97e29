import datetime as dt

import pytest

from corpus.models import CallStatus
from corpus.status import days_until_deadline, deadline_status
from tests.factories import make_call

OPENS = dt.date(2026, 3, 1)
CLOSES = dt.datetime(2026, 5, 20, 15, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 2, 28), CallStatus.FORTHCOMING),
        (dt.date(2026, 3, 1), CallStatus.OPEN),
        (dt.date(2026, 5, 20), CallStatus.OPEN),
        (dt.date(2026, 5, 21), CallStatus.CLOSED),
    ],
)
def test_status_is_computed_from_dates_and_the_day_asked(today: dt.date, expected: CallStatus) -> None:
    call = make_call(opening_date=OPENS, deadline=CLOSES, source_status_label="Open for submission")
    assert deadline_status(call, today) is expected


def test_stale_source_label_is_ignored() -> None:
    call = make_call(opening_date=OPENS, deadline=CLOSES, source_status_label="Forthcoming")
    assert deadline_status(call, dt.date(2026, 6, 1)) is CallStatus.CLOSED


def test_call_without_deadline_stays_open_once_opened() -> None:
    call = make_call(opening_date=OPENS, deadline=None)
    assert deadline_status(call, dt.date(2030, 1, 1)) is CallStatus.OPEN
    assert days_until_deadline(call, dt.date(2030, 1, 1)) is None


def test_days_until_deadline_counts_calendar_days() -> None:
    call = make_call(opening_date=OPENS, deadline=CLOSES)
    assert days_until_deadline(call, dt.date(2026, 5, 17)) == 3
    assert days_until_deadline(call, dt.date(2026, 5, 22)) == -2
