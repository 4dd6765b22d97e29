"""The real portal search API (opt in with ``--live`` where the internet is reachable)."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus.refresh.apply import fetch_search_api, map_feed
from corpus.settings import Settings


@pytest.mark.live
def test_the_real_search_api_lists_open_and_forthcoming_calls_we_can_map() -> None:
    settings = Settings(_env_file=None, refresh_concurrency=1)
    feed = fetch_search_api(settings)
    assert len(feed.records) > 100
    calls, skipped = map_feed(feed, today=dt.date.today())
    assert len(calls) >= 0.95 * len(feed.records), skipped[:5]
    kinds = {call.call_kind for call in calls}
    assert {"topic", "cascade"} <= kinds
    assert sum(1 for call in calls if call.deadline is not None) > 0.5 * len(calls)
