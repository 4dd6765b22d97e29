"""The digest's weekly moment: read from the command, next run across daylight-saving changes."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus.errors import InvalidInput
from integrations.slack.schedule import DigestTime, local_day, next_run, parse_digest_time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thu 08:30", DigestTime(3, dt.time(8, 30))),
        ("Thursday 8:30 Europe/Brussels", DigestTime(3, dt.time(8, 30), "Europe/Brussels")),
        ("MO 17:05 America/New_York", DigestTime(0, dt.time(17, 5), "America/New_York")),
    ],
)
def test_digest_times_are_read(text: str, expected: DigestTime) -> None:
    assert parse_digest_time(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("t 08:30", "not a day of the week"),  # tuesday or thursday?
        ("friday 25:00", "not a time of day"),
        ("friday noon", "not a time of day"),
        ("friday 09:00 Mars/Olympus", "not a time zone"),
        ("friday", "say when"),
    ],
)
def test_bad_digest_times_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_digest_time(text)


@pytest.mark.parametrize(
    "day", ["Donnerstag", "jeudi", "jueves", "giovedì", "Giovedi", "czwartek", "czw", "jue", "thu"]
)
def test_the_weekday_may_be_named_in_any_of_the_six_languages(day: str) -> None:
    assert parse_digest_time(f"{day} 08:30 Europe/Brussels") == DigestTime(
        3, dt.time(8, 30), "Europe/Brussels"
    )


def test_a_day_two_languages_read_differently_is_refused_in_the_askers_language() -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_digest_time("do 08:30", "de")  # Donnerstag, or domingo / domenica (Sunday)?
    assert str(refused.value).startswith(
        "'do' ist kein Wochentag; /advisor digest TAG HH:MM [ZEITZONE], z. B."
    )
    assert parse_digest_time("śr 07:00") == DigestTime(2, dt.time(7, 0))  # środa


def test_next_run_follows_the_zone_across_daylight_saving() -> None:
    brussels_monday_9 = DigestTime(0, dt.time(9, 0), "Europe/Brussels")
    before_dst = dt.datetime(2026, 3, 23, 9, 0, tzinfo=dt.UTC)  # Monday 10:00 CET: this week's has passed
    assert next_run(brussels_monday_9, after=before_dst) == dt.datetime(
        2026, 3, 30, 7, 0, tzinfo=dt.UTC
    )  # CEST
    exactly = dt.datetime(2026, 3, 30, 7, 0, tzinfo=dt.UTC)
    assert next_run(brussels_monday_9, after=exactly) == dt.datetime(2026, 4, 6, 7, 0, tzinfo=dt.UTC)
    assert next_run(brussels_monday_9, after=exactly - dt.timedelta(seconds=1)) == exactly
    assert local_day(dt.datetime(2026, 5, 11, 23, 30, tzinfo=dt.UTC), "Europe/Brussels") == dt.date(
        2026, 5, 12
    )
