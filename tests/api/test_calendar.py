"""``GET /v1/calls.ics`` and :mod:`integrations.api.ics`: RFC 5545 as strict clients read it."""

from __future__ import annotations

import datetime as dt
import re

import icalendar
from fastapi.testclient import TestClient

from assistant.calls import CallFacts
from corpus.models import CallStatus
from integrations.api.ics import deadlines_calendar, escape_text, fold

STAMP = dt.datetime(2026, 5, 10, 8, 30, tzinfo=dt.UTC)


def _call(**overrides: object) -> CallFacts:
    fields: dict[str, object] = {
        "doc_id": "call:HORIZON-X-01",
        "title": "Clusters, hydrogen; and \\ backslashes",
        "identifier": "HORIZON-X-01",
        "status": CallStatus.OPEN,
        "deadline": dt.date(2026, 5, 20),
        "days_left": 10,
        "opening_date": dt.date(2026, 1, 15),
        "programme": "Horizon Europe",
        "budget_total": "EUR 12 million",
        "budget_per_project": None,
        "action_type": None,
        "url": "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/horizon-x-01",
    }
    fields.update(overrides)
    return CallFacts.model_validate(fields)


def _lines(body: bytes) -> list[bytes]:
    assert body.endswith(b"\r\n")
    return body[:-2].split(b"\r\n")


def test_every_line_ends_in_crlf_and_is_at_most_75_octets() -> None:
    long_title = "Łódź ŻÓŁĆ " * 20 + "end"
    body = deadlines_calendar([_call(title=long_title)], stamp=STAMP).encode("utf-8")
    assert b"\n" not in body.replace(b"\r\n", b"")  # no bare LF anywhere
    lines = _lines(body)
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # a fold never cuts a UTF-8 sequence
    unfolded = body.decode().replace("\r\n ", "")
    assert f"SUMMARY:Deadline: {long_title}\r\n" in unfolded


def test_text_is_escaped_and_parses_back_to_the_same_words() -> None:
    assert escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"
    calendar = icalendar.Calendar.from_ical(deadlines_calendar([_call()], stamp=STAMP))
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Deadline: Clusters, hydrogen; and \\ backslashes"
    assert "Programme: Horizon Europe" in str(event["DESCRIPTION"]).split("\n")


def test_deadline_is_an_all_day_event_with_uid_dtstamp_and_url() -> None:
    calendar = icalendar.Calendar.from_ical(deadlines_calendar([_call()], stamp=STAMP))
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == dt.date(2026, 5, 20)  # a date, not a date-time: all day
    assert event.decoded("DTEND") == dt.date(2026, 5, 21)  # DTEND is exclusive
    assert event.decoded("DTSTAMP") == STAMP
    assert str(event["UID"]) == "call:HORIZON-X-01-deadline@cluster-advisor"
    assert str(event["URL"]).startswith("https://ec.europa.eu/")


def test_calls_without_a_deadline_and_unsafe_urls_are_left_out() -> None:
    body = deadlines_calendar(
        [_call(deadline=None, days_left=None), _call(doc_id="call:b", url="javascript:alert(1)")],
        stamp=STAMP,
    )
    calendar = icalendar.Calendar.from_ical(body)
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]).startswith("call:b-") and "URL" not in event


def test_fold_keeps_short_lines_whole() -> None:
    assert fold("SUMMARY:short") == "SUMMARY:short\r\n"
    folded = fold("X:" + "a" * 200)
    # 75 + (1 + 74) + (1 + 53): the leading space of a continuation line counts.
    assert [len(part) for part in folded[:-2].split("\r\n")] == [75, 75, 54]


def test_calls_ics_takes_the_same_filters_as_the_list(client: TestClient) -> None:
    response = client.get("/v1/calls.ics", params={"status": "open"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert "deadlines.ics" in response.headers["content-disposition"]
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    listed = client.get("/v1/calls", params={"status": "open"}).json()["calls"]
    assert [str(e["UID"]) for e in events] == [f"{c['doc_id']}-deadline@cluster-advisor" for c in listed]
    assert [e.decoded("DTSTART").isoformat() for e in events] == [c["deadline"] for c in listed]

    soon = client.get("/v1/calls.ics", params={"status": "open", "within_days": 15})
    soon_events = icalendar.Calendar.from_ical(soon.content).walk("VEVENT")
    assert [str(e["UID"]) for e in soon_events] == [f"{listed[0]['doc_id']}-deadline@cluster-advisor"]
    life = client.get("/v1/calls.ics", params={"programme": "life programme"})
    assert re.findall(r"SUMMARY:[^\r]*", life.text) and "LIFE" in life.text.replace("\r\n ", "")


def test_calls_ics_bad_filters_get_the_lists_clear_error(client: TestClient) -> None:
    backwards = {"deadline_from": "2026-06-01", "deadline_to": "2026-05-01"}
    response = client.get("/v1/calls.ics", params=backwards)
    assert response.status_code == 422 and "deadline_from is after deadline_to" in response.text
