"""F&T calls from the eu-grants-feed snapshots (``grants.json`` + the union of all snapshots).

The union file is the list of calls (1,368: Grant topics, cascade-funding calls, calls for
proposals); ``grants.json`` is the latest snapshot, whose content wins for the records it holds.
Records are parsed into :class:`FeedCall` (cleaned, typed); :mod:`corpus.sources.merge_calls`
turns them into :class:`~corpus.models.FundingCall` records.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import re
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, ValidationError

from corpus.models import Budget
from corpus.sources import GRANTSFEED, SkippedItem
from corpus.text import clean_text

logger = logging.getLogger(__name__)

LATEST_FILE = "grants.json"
UNION_FILE = "grants_union_all_snapshots.json"
BRUSSELS = ZoneInfo("Europe/Brussels")
PORTAL_TOPIC_URL = (
    "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/"
)

CallKind = Literal["topic", "cascade", "call_for_proposals"]
_KIND_BY_LABEL: dict[str, CallKind] = {
    "Grant": "topic",
    "Cascade funding calls": "cascade",
    "Calls for proposals": "call_for_proposals",
}
_LEADING_DIGITS = re.compile(r"^\d+")
_NUMERIC = re.compile(r"^\d+$")
_SPACE_BEFORE_CLOSE = re.compile(r"\s+\)")


class FeedCall(BaseModel):
    """One eu-grants-feed record, cleaned (the raw fields we use, typed)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    feed_id: str
    kind: CallKind
    identifier: str
    title: str
    summary: str | None = None
    url: str | None = None
    call_identifier: str | None = None
    call_title: str | None = None
    destination: str | None = None
    abstract: str | None = None
    action_type: str | None = None
    status_label: str | None = None
    opening_date: dt.date | None = None
    deadline: dt.datetime | None = None
    deadline_model: str | None = None
    programme: str | None = None
    programme_divisions: tuple[str, ...] = ()
    budget: Budget | None = None

    @property
    def cascade_number(self) -> str:
        """Leading digits of the feed id ("13501COMPETITIVE_CALLen" → "13501")."""
        match = _LEADING_DIGITS.match(self.feed_id)
        return match.group(0) if match else self.feed_id


def clean_label(text: str | None) -> str | None:
    """Clean a short label or title: mojibake, HTML entities, URL-encoded ``&``, one line.

    Repeated lines (some PROSPECT titles repeat themselves) are kept once.
    """
    if not text:
        return None
    unescaped = html.unescape(text.replace("%26", "&"))
    lines: dict[str, None] = {}
    for line in clean_text(unescaped).split("\n"):
        if line.strip():
            lines.setdefault(line.strip(), None)
    joined = " ".join(lines)
    return _SPACE_BEFORE_CLOSE.sub(")", joined) or None


def _parse_datetime(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(dt.UTC)


def _opening_date(raw: dict[str, Any]) -> dt.date | None:
    # Opening days are midnight Brussels time ("2021-06-09T22:00:00Z" opens on 10 June).
    moment = _parse_datetime(raw.get("startDate") or raw.get("plannedOpeningDate"))
    return moment.astimezone(BRUSSELS).date() if moment else None


def _budget(raw: dict[str, Any] | None) -> Budget | None:
    if not raw:
        return None
    budget = Budget(
        total_eur=raw.get("totalBudgetEur"),
        expected_grants=raw.get("expectedGrants"),
        min_contribution_eur=raw.get("minContributionEur"),
        max_contribution_eur=raw.get("maxContributionEur"),
        years=tuple(str(year) for year in raw.get("years") or ()),
    )
    return None if budget == Budget() else budget


def _url(raw: dict[str, Any], identifier: str) -> str | None:
    url = raw.get("url") or None
    # A few old records point at the portal's JSON API; the page is what a reader wants.
    if url and "/opportunities/data/topicDetails/" in url:
        return PORTAL_TOPIC_URL + identifier
    return url


def parse_feed_record(raw: dict[str, Any]) -> FeedCall:
    """Turn one raw feed record into a :class:`FeedCall`.

    Raises:
        KeyError: when ``id`` or ``identifier`` is missing.
        ValueError: when the record's kind is unknown.
    """
    kind_label = (raw.get("kind") or {}).get("label")
    if kind_label not in _KIND_BY_LABEL:
        raise ValueError(f"unknown call kind {kind_label!r}")
    identifier = str(raw["identifier"]).strip()
    programmes = [clean_label(p.get("label")) for p in raw.get("frameworkProgrammes") or ()]
    divisions = [clean_label(d.get("label")) for d in raw.get("programmeDivisions") or ()]
    abstract = clean_text(html.unescape(raw.get("abstract") or "")) or None
    return FeedCall(
        feed_id=str(raw["id"]),
        kind=_KIND_BY_LABEL[kind_label],
        identifier=identifier,
        title=clean_label(raw.get("title")) or identifier,
        summary=clean_label(raw.get("summary")),
        url=_url(raw, identifier),
        call_identifier=(raw.get("callIdentifier") or "").strip() or None,
        call_title=clean_label(raw.get("callTitle")),
        destination=clean_label(raw.get("destination")),
        abstract=abstract,
        action_type=clean_label(raw.get("actionType")),
        status_label=(raw.get("status") or {}).get("label"),
        opening_date=_opening_date(raw),
        deadline=_parse_datetime(raw.get("deadlineDate")),
        deadline_model=raw.get("deadlineModel") or None,
        programme=next((p for p in programmes if p), None),
        # Unresolved divisions come as bare numeric ids: useless to a reader.
        programme_divisions=tuple(d for d in dict.fromkeys(divisions) if d and not _NUMERIC.match(d)),
        budget=_budget(raw.get("budget")),
    )


def _read_grants(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    records = data["grants"] if isinstance(data, dict) else data
    return [record for record in records if isinstance(record, dict)]


def read_feed(source_dir: Path) -> tuple[list[FeedCall], list[SkippedItem]]:
    """Read the union of all snapshots, with the latest snapshot's content where it has the record.

    Args:
        source_dir: the ``eu-ft-calls-grantsfeed`` folder.

    Returns:
        One :class:`FeedCall` per feed id (union file order), and the records left out with why.

    Raises:
        FileNotFoundError: when either file is missing.
    """
    union = _read_grants(source_dir / UNION_FILE)
    latest = {str(record.get("id")): record for record in _read_grants(source_dir / LATEST_FILE)}
    # Union first, then anything only in the latest snapshot (not expected, but cheap to honour).
    ordered: dict[str, dict[str, Any]] = {}
    for record in union:
        ordered.setdefault(str(record.get("id")), record)
    for feed_id, record in latest.items():
        ordered[feed_id] = record
    calls: list[FeedCall] = []
    skipped: list[SkippedItem] = []
    for feed_id, record in ordered.items():
        try:
            calls.append(parse_feed_record(record))
        except (KeyError, ValueError, ValidationError) as error:
            skipped.append(SkippedItem(dataset=GRANTSFEED.dataset, record_ref=feed_id, reason=str(error)))
    logger.info("read %d feed calls (%d in the latest snapshot)", len(calls), len(latest))
    return calls, skipped
