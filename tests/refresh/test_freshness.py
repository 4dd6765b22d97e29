"""Users see freshness: change notes and the as-of note in answers, ``corpus stats``, ``/readyz``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from assistant.app import open_advisor
from assistant.conversation import ConversationStore
from assistant.freshness import as_of_note, change_note
from assistant.service import Assistant
from corpus.models import FundingCall
from corpus.refresh.apply import run_refresh
from corpus.refresh.log import BUNDLE_CALLS_AS_OF, CallChange, RefreshLog
from integrations.api import create_app
from integrations.api.deps import ApiServices
from integrations.cli.main import app
from retrieval.search import HybridRetriever
from tests.fakes.ft_search import api_result
from tests.refresh.conftest import DAY_1, DAY_2, World

REFRESHED = dt.date(2026, 12, 3)


def test_change_note_says_what_moved() -> None:
    moved = CallChange("call:X", "deadline", "2027-05-12T15:00:00Z", "2027-06-02T15:00:00Z")
    assert change_note([moved], refreshed_on=REFRESHED) == (
        "changed at the refresh of 3 December 2026: deadline moved from 12 May to 2 June 2027"
    )
    budget = CallChange("call:X", "budget", "2000000", "3500000")
    across_years = CallChange("call:X", "deadline", "2026-12-20T16:00:00Z", "2027-01-15T16:00:00Z")
    assert change_note([across_years, budget], refreshed_on=REFRESHED) == (
        "changed at the refresh of 3 December 2026: deadline moved from 20 December 2026 to 15 January 2027, "
        "total budget changed from EUR 2 million to EUR 3.5 million"
    )
    assert change_note([CallChange("call:X", "new", None, None)], refreshed_on=REFRESHED) == (
        "new in the portal's list on 3 December 2026"
    )
    assert change_note([], refreshed_on=REFRESHED, last_seen=dt.date(2026, 11, 20)) == (
        "no longer in the portal's list of open and forthcoming calls; last seen 20 November 2026"
    )
    assert change_note([], refreshed_on=REFRESHED) is None


def test_as_of_note_only_when_older_than_a_week() -> None:
    as_of = dt.date(2026, 8, 22)
    assert as_of_note(as_of, dt.date(2026, 5, 10)) is None  # a day before the data: evals unchanged
    assert as_of_note(as_of, dt.date(2026, 8, 29)) is None
    note = as_of_note(as_of, dt.date(2026, 8, 30))
    assert note is not None and note.startswith("Calls as of 22 August 2026 (8 days before 2026-08-30)")


def _cli(world: World, day: dt.date, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        app, ["--data-dir", str(world.settings.data_dir), "--today", day.isoformat(), *args]
    )
    return result.exit_code, result.stdout


def test_ask_after_a_refresh_that_moved_a_deadline_gives_the_new_date_and_says_so(world: World) -> None:
    run_refresh(settings=world.settings, store=world.store, index=world.index, log=world.log)
    call = next(c for c in world.calls if c.call_kind == "topic" and c.deadline)
    assert call.deadline is not None
    new_deadline = dt.datetime(2027, 3, 16, 16, 0, tzinfo=dt.UTC)  # extended past the day asked
    world.server.results = [
        api_result(c.model_copy(update={"deadline": new_deadline}) if c.doc_id == call.doc_id else c)
        for c in world.calls
    ]
    run_refresh(settings=world.with_today(DAY_2), store=world.store, index=world.index, log=world.log)
    world.index.close()  # the CLI opens the data dir itself

    code, out = _cli(world, DAY_2, "ask", f"When is the deadline of {call.topic_identifier}?", "--json")
    assert code == 0, out
    answer = json.loads(out)["answer"]
    assert f"deadline {new_deadline.date().isoformat()}" in answer
    old, new = call.deadline.date(), new_deadline.date()
    assert f"deadline moved from {old.day} {old:%B}" in answer and f"to {new.day} {new:%B %Y}" in answer
    assert "Calls as of" not in answer  # refreshed today: fresh

    code, out = _cli(world, DAY_2, "corpus", "stats", "--json")
    stats = json.loads(out)
    assert set(stats) >= {"documents", "chunks", "calls_as_of", "calls_refreshed_at"}
    assert stats["documents"]["call"] == 30
    assert stats["calls_as_of"] == dt.datetime.now(dt.UTC).date().isoformat()


def test_stale_bundle_answers_say_calls_as_of(world: World) -> None:
    assistant = Assistant(
        retriever=HybridRetriever(world.index),
        records=world.store,
        conversations=ConversationStore.open(f"sqlite:///{world.settings.data_dir / 'c.sqlite3'}"),
    )
    late = dt.date(2026, 12, 3)
    answer = assistant.ask(question="Which Euroclusters calls are open?", today=late)
    assert f"Calls as of {BUNDLE_CALLS_AS_OF.day} August 2026" in answer.answer
    early = assistant.ask(question="Which Euroclusters calls are open?", today=DAY_1 - dt.timedelta(days=200))
    assert "Calls as of" not in early.answer


def test_readyz_and_stats_show_freshness(world: World, tmp_path: Path) -> None:
    services = ApiServices(
        advisor=open_advisor(
            world.settings,
            records=world.store,
            index=world.index,
            conversations=ConversationStore.open(f"sqlite:///{tmp_path / 'c.sqlite3'}"),
            chat_model=None,
        )
    )
    with TestClient(create_app(world.settings, services=services)) as client:
        before = client.get("/readyz").json()
        assert (
            before["calls_as_of"] == BUNDLE_CALLS_AS_OF.isoformat() and before["calls_refreshed_at"] is None
        )
        run_refresh(settings=world.settings, store=world.store, index=world.index, log=world.log)
        after = client.get("/readyz").json()
    assert after["status"] == "ok" and after["chunks"] > 0
    refreshed_at = dt.datetime.fromisoformat(after["calls_refreshed_at"])
    assert abs((dt.datetime.now(dt.UTC) - refreshed_at).total_seconds()) < 120
    assert isinstance(world.store.get_record(world.calls[0].doc_id), FundingCall)


def test_calls_route_sees_a_refresh_made_by_another_worker(world: World, tmp_path: Path) -> None:
    services = ApiServices(
        advisor=open_advisor(
            world.settings,
            records=world.store,
            index=world.index,
            conversations=ConversationStore.open(f"sqlite:///{tmp_path / 'c.sqlite3'}"),
            chat_model=None,
        )
    )
    call = next(c for c in world.calls if c.deadline)
    new_deadline = dt.datetime(2027, 4, 20, 15, 0, tzinfo=dt.UTC)

    def deadline_listed(client: TestClient) -> str | None:
        page = client.get("/v1/calls", params={"limit": 100}).json()
        return next((c["deadline"] for c in page["calls"] if c["doc_id"] == call.doc_id), None)

    with TestClient(create_app(world.settings, services=services)) as client:
        assert deadline_listed(client) == call.deadline.date().isoformat()  # type: ignore[union-attr]
        world.server.results = [
            api_result(c.model_copy(update={"deadline": new_deadline}) if c.doc_id == call.doc_id else c)
            for c in world.calls
        ]
        # Another worker refreshes: this app's lock and caches are not involved.
        other = RefreshLog.open(world.settings.records_db_url)
        run_refresh(settings=world.settings, store=world.store, index=world.index, log=other)
        other.close()
        assert deadline_listed(client) == "2027-04-20"


def test_a_model_answer_ends_with_the_refresh_change_and_the_as_of_note(world: World) -> None:
    from assistant.llm import FunctionChatModel

    call = next(c for c in world.calls if c.call_kind == "topic" and c.deadline)
    assert call.deadline is not None
    new_deadline = dt.datetime(2027, 3, 16, 16, 0, tzinfo=dt.UTC)
    world.server.results = [
        api_result(c.model_copy(update={"deadline": new_deadline}) if c.doc_id == call.doc_id else c)
        for c in world.calls
    ]
    run_refresh(settings=world.settings, store=world.store, index=world.index, log=world.log)
    model = FunctionChatModel(lambda messages: "The call closes on 16 March 2027 [1].")
    assistant = Assistant(
        retriever=HybridRetriever(world.index),
        records=world.store,
        conversations=ConversationStore.open(f"sqlite:///{world.settings.data_dir / 'c.sqlite3'}"),
        chat_model=model,
    )
    fresh = assistant.ask(question=f"When is the deadline of {call.topic_identifier}?", today=DAY_2)
    assert fresh.mode == "llm"
    assert fresh.answer.startswith("The call closes on 16 March 2027 [1].")
    old = call.deadline.date()
    assert f"deadline moved from {old.day} {old:%B}" in fresh.answer
    # The model was given the change too, in the call's passage.
    assert any("Refresh: changed at the refresh" in m.content for m in model.calls[-1])
    # Asked a year later, the same answer also says how old the call list is.
    late = assistant.ask(
        question=f"When is the deadline of {call.topic_identifier}?", today=DAY_2.replace(year=2027)
    )
    assert late.mode == "llm" and "Calls as of" in late.answer.splitlines()[-1]
