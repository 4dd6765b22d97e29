"""One search-API result into the grants-feed record shape (pure).

The bundle's calls were harvested by ``eu-grants-feed`` from this same API; turning a result into
that feed's record shape lets :func:`corpus.sources.ft_calls.parse_feed_record` and the merge rules
of :mod:`corpus.sources.merge_calls` map fresh calls exactly as they mapped the bundled ones.
Unlike that feed, the description is kept whole (the feed cut it at 1,100 characters).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Mapping
from typing import Any

from corpus.refresh.sedia import STATUS_IDS, TYPE_IDS, SearchResult

_BLOCK_END = re.compile(r"</(p|div|li|ul|ol|h[1-6]|tr|table)\s*>|<br\s*/?>", re.IGNORECASE)
_LIST_ITEM = re.compile(r"<li[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")

Lookups = Mapping[str, Mapping[str, str]]
"""``{facet name: {raw id: label}}`` (``frameworkProgramme``, ``programmeDivision``, ``status``)."""


def html_to_text(value: str | None) -> str | None:
    """Readable text of an HTML fragment: one paragraph per block, list items as ``- ``."""
    if not value:
        return None
    marked = _LIST_ITEM.sub("\n- ", _BLOCK_END.sub("\n", value))
    text = html.unescape(_TAG.sub(" ", marked)).replace("\r", "")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    joined = "\n\n".join(line for line in lines if line)
    return joined or None


def _all(metadata: Mapping[str, Any], name: str) -> list[str]:
    """The field's values as text (a bare value counts as a list of one; nulls dropped)."""
    values = metadata.get(name)
    if values is None:
        return []
    if not isinstance(values, list):
        values = [values]
    return [value if isinstance(value, str) else json.dumps(value) for value in values if value is not None]


def _first(metadata: Mapping[str, Any], name: str) -> str | None:
    values = _all(metadata, name)
    return values[0] if values and values[0] != "" else None


def _json(value: str | None) -> Any:
    if not value:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return None


def _iso(value: str | None) -> str | None:
    """An API date (``2026-05-06T00:00:00.000+0200``) as ISO 8601 in UTC; None when unreadable."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _number(value: object) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(str(value))
    except ValueError:
        return None
    return number if number == number and number not in (float("inf"), float("-inf")) else None


def budget_of(identifier: str | None, overview: Any) -> dict[str, Any] | None:
    """The budget lines of ``identifier`` in a ``budgetOverview`` object, summed (feed shape)."""
    if not identifier or not isinstance(overview, dict):
        return None
    actions_by_topic = overview.get("budgetTopicActionMap")
    if not isinstance(actions_by_topic, dict):
        return None
    lines = [
        action
        for actions in actions_by_topic.values()
        if isinstance(actions, list)
        for action in actions
        if isinstance(action, dict) and identifier in str(action.get("action") or "")
    ]
    if not lines:
        return None
    total = sum(
        _number(amount) or 0.0
        for line in lines
        if isinstance(line.get("budgetYearMap"), dict)
        for amount in line["budgetYearMap"].values()
    )
    grants = sum(int(_number(line.get("expectedGrants")) or 0) for line in lines)
    lows = [n for n in (_number(line.get("minContribution")) for line in lines) if n]
    highs = [n for n in (_number(line.get("maxContribution")) for line in lines) if n]
    years = overview.get("budgetYearsColumns")
    return {
        "totalBudgetEur": total or None,
        "expectedGrants": grants or None,
        "minContributionEur": min(lows) if lows else None,
        "maxContributionEur": max(highs) if highs else None,
        "years": [str(year) for year in years] if isinstance(years, list) else [],
    }


def _first_action(actions: Any) -> dict[str, Any]:
    if isinstance(actions, list) and actions and isinstance(actions[0], dict):
        return actions[0]
    return {}


def _labelled(ids: list[str], lookup: Mapping[str, str]) -> list[dict[str, str]]:
    return [{"id": raw, "label": lookup.get(raw, raw)} for raw in dict.fromkeys(ids)]


def feed_record(result: SearchResult, lookups: Lookups) -> dict[str, Any]:
    """The grants-feed record (``grants[]`` item of ``grants.json``) for one search result."""
    meta = result.metadata
    identifier = _first(meta, "identifier")
    action = _first_action(_json(_first(meta, "actions")))
    status_field = action.get("status")
    action_status: dict[str, Any] = status_field if isinstance(status_field, dict) else {}
    status_id = _first(meta, "status") or (str(action_status.get("id")) if action_status.get("id") else None)
    type_id = _first(meta, "type")
    deadline_field = action.get("deadlineDates")
    deadlines: list[Any] = deadline_field if isinstance(deadline_field, list) else []
    status_labels = lookups.get("status", {})
    return {
        "id": result.reference,
        "identifier": identifier,
        "title": _first(meta, "title") or result.summary or result.content or identifier,
        "summary": result.summary or _first(meta, "destinationDescription") or "",
        "url": _first(meta, "url") or result.url,
        "callIdentifier": _first(meta, "callIdentifier"),
        "callTitle": _first(meta, "callTitle"),
        "destination": _first(meta, "destinationDescription"),
        "abstract": html_to_text(_first(meta, "descriptionByte")),
        "actionType": _first(meta, "typesOfAction"),
        "status": {
            "id": status_id,
            "label": status_labels.get(status_id or "")
            or action_status.get("description")
            or STATUS_IDS.get(status_id or "")
            or status_id,
        },
        # The type's label decides the record kind: the fixed labels, not the facet's wording.
        "kind": {"id": type_id, "label": TYPE_IDS.get(type_id or "", type_id)},
        "startDate": _iso(_first(meta, "startDate")),
        "deadlineDate": _iso(_first(meta, "deadlineDate"))
        or (_iso(str(deadlines[0])) if deadlines else None),
        "plannedOpeningDate": _iso(action.get("plannedOpeningDate")),
        "deadlineModel": action.get("deadlineModel") or None,
        "frameworkProgrammes": _labelled(
            _all(meta, "frameworkProgramme"), lookups.get("frameworkProgramme", {})
        ),
        "programmeDivisions": _labelled(
            _all(meta, "programmeDivision"), lookups.get("programmeDivision", {})
        ),
        "budget": budget_of(identifier, _json(_first(meta, "budgetOverview"))),
    }
