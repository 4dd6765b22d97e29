"""Saved searches: /advisor watch, the weekly digest on a fixed clock (restarts included), its buttons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from integrations.slack.answering import Services
from integrations.slack.background import ThreadWork
from integrations.slack.client import web_client
from integrations.slack.digest_blocks import ACTION_SNOOZE, ACTION_UNSUBSCRIBE
from integrations.slack.dispatch import Dispatcher
from integrations.slack.journal import JournaledWork
from integrations.slack.store import RELEASED, slack_jobs
from integrations.slack.support import publish_home
from integrations.slack.watch_store import WatchStore
from integrations.slack.watches import run_subcommand
from tests.fakes.slack_web_api import RESPONSE_URL_METHOD
from tests.slack.conftest import SlackHarness
from tests.slack.test_events import _wait

CHANNEL = "CWATCH001"
SUNDAY = dt.datetime(2026, 5, 10, 12, 0, tzinfo=dt.UTC)  # the corpus's TODAY
MONDAY_9 = dt.datetime(2026, 5, 11, 9, 0, tzinfo=dt.UTC)
HYDROGEN = "open calls on hydrogen"
INTERNATIONALISATION = "open calls for cluster internationalisation"


class FixedClock:
    """The time the scheduler sees: set by the test, never read from the machine."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@dataclass
class Digests:
    """A serving process's journaled work, driven by hand on a fixed clock."""

    slack: SlackHarness
    clock: FixedClock
    services: Services
    work: JournaledWork
    watches: WatchStore

    def command(self, text: str) -> str:
        name, _, rest = text.partition(" ")
        return run_subcommand(self.services, name=name, rest=rest, channel=CHANNEL, user="UOWNER001",
                              now=self.clock())  # fmt: skip

    def beat_at(self, now: dt.datetime) -> None:
        """One heartbeat at ``now``, then wait until every journaled job has run."""
        self.clock.now = now
        self.work.beat_once()
        _wait(lambda: self.slack.store.journaled_jobs() == 0)

    def digests(self) -> list[dict]:
        return [
            c.args for c in self.slack.api.calls_of("chat.postMessage") if c.args.get("channel") == CHANNEL
        ]


def _process(
    slack: SlackHarness, clock: FixedClock, *, lease: dt.timedelta = dt.timedelta(seconds=60)
) -> JournaledWork:
    services = Services(advisor=slack.advisor, store=slack.store, clock=clock)
    work = JournaledWork(ThreadWork(workers=1), slack.store, lease=lease, clock=clock)
    work.start(Dispatcher(services, web_client(slack.settings)), heartbeat=False)
    return work


@pytest.fixture
def digests(slack: SlackHarness) -> Iterator[Digests]:
    clock = FixedClock(SUNDAY)
    services = Services(advisor=slack.advisor, store=slack.store, clock=clock)
    work = _process(slack, clock)
    yield Digests(slack=slack, clock=clock, services=services, work=work, watches=WatchStore.of(slack.store))
    work.shutdown(wait=True)


def _text(message: dict) -> str:
    return str(message.get("blocks"))


def test_a_watch_keeps_asks_plan_and_the_digest_comes_at_the_channels_time(digests: Digests) -> None:
    reply = digests.command(f"watch {HYDROGEN}")
    assert reply.startswith(f"Saved search 1 for <#{CHANNEL}>") and "(1 match today)" in reply
    assert "every Monday at 09:00 (UTC)" in reply
    (watch,) = digests.watches.watches(CHANNEL)
    assert '"topic":"hydrogen"' in watch.plan and '"statuses":["open"]' in watch.plan
    assert watch.planned_on == dt.date(2026, 5, 10)

    digests.beat_at(MONDAY_9 - dt.timedelta(minutes=1))
    assert digests.digests() == []
    digests.beat_at(MONDAY_9)
    (posted,) = digests.digests()
    assert "Closing soon" in _text(posted) and "HORIZON-JU-CLEANH2-2026-01" in _text(posted)
    assert "deadline 2026-05-20 (in 9 days)" in _text(posted)
    assert "New" not in _text(posted)  # it matched when the watch was saved
    buttons = [e["action_id"] for b in posted["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert buttons == [ACTION_SNOOZE, ACTION_UNSUBSCRIBE]
    digests.beat_at(MONDAY_9 + dt.timedelta(hours=1))  # the same run is never claimed twice
    assert len(digests.digests()) == 1
    schedule = digests.watches.schedule(CHANNEL)
    assert schedule is not None and schedule.next_run_at == MONDAY_9 + dt.timedelta(days=7)


def test_calls_that_start_to_match_are_new_and_a_missed_week_gives_one_digest(digests: Digests) -> None:
    digests.command(f"watch {INTERNATIONALISATION}")
    seen = digests.watches.seen(digests.watches.watches(CHANNEL)[0].id)
    assert seen == {"call:HORIZON-CL4-2026-CLUSTER-01", "call:SMP-COSME-2026-CLUSTER-02"}
    # Down from May to July: one digest on the day it runs, not one per missed week.
    digests.beat_at(dt.datetime(2026, 7, 6, 9, 30, tzinfo=dt.UTC))
    (posted,) = digests.digests()
    assert "*New* (1)" in _text(posted) and "HORIZON-CL4-2027-CLUSTER-03" in _text(posted)  # opened 1 July
    assert "as of 2026-07-06" in _text(posted)
    schedule = digests.watches.schedule(CHANNEL)
    assert schedule is not None and schedule.next_run_at == dt.datetime(2026, 7, 13, 9, 0, tzinfo=dt.UTC)


def test_the_channel_chooses_day_time_and_zone(digests: Digests) -> None:
    digests.command(f"watch {HYDROGEN}")
    reply = digests.command("digest tue 08:30 Europe/Brussels")
    assert reply == (
        f"Digest of <#{CHANNEL}>: every Tuesday at 08:30 (Europe/Brussels); "
        "next on 2026-05-12 08:30 (Europe/Brussels)."
    )
    digests.beat_at(MONDAY_9)
    assert digests.digests() == []
    digests.beat_at(dt.datetime(2026, 5, 12, 6, 30, tzinfo=dt.UTC))  # 08:30 in Brussels (CEST)
    assert len(digests.digests()) == 1
    assert "Cannot do that" in digests.command("digest someday 25:00")


def test_restart_before_the_digest_ran_is_finished_by_another_process(digests: Digests) -> None:
    digests.command(f"watch {HYDROGEN}")
    # A process claims the digest (schedule moved, job journaled) and stops before running it.
    stopped = _process(digests.slack, digests.clock)
    stopped._inner.shutdown(wait=True)  # its queue is gone: the job is only in the journal
    digests.clock.now = MONDAY_9
    stopped.beat_once()
    assert digests.slack.store.journaled_jobs() == 1 and digests.digests() == []

    successor = _process(digests.slack, digests.clock, lease=dt.timedelta(0))  # its lease ran out
    successor.beat_once()
    _wait(lambda: digests.slack.store.journaled_jobs() == 0)
    assert len(digests.digests()) == 1
    successor.shutdown(wait=True)


def test_restart_in_the_middle_of_a_digest_posts_each_watch_once(digests: Digests) -> None:
    digests.command(f"watch {HYDROGEN}")
    digests.command("watch open calls on hydrogen valleys")
    digests.slack.api.refuse("chat.postMessage", error="fatal_error", after=1)  # after the first watch's
    digests.clock.now = MONDAY_9
    digests.work.beat_once()
    _wait(lambda: _owners(digests) == [RELEASED])  # the digest failed half-way and was given back
    first = digests.digests()
    assert len(first) == 1
    first_watch, second_watch = digests.watches.watches(CHANNEL)
    assert first_watch.last_digest is not None and second_watch.last_digest is None

    successor = _process(digests.slack, digests.clock, lease=dt.timedelta(0))  # the next heartbeat anywhere
    successor.beat_once()
    _wait(lambda: digests.slack.store.journaled_jobs() == 0)
    successor.shutdown(wait=True)
    posted = digests.digests()
    assert len(posted) == 2 and posted[0] == first[0]  # the first watch was not posted again
    assert "Weekly digest: open calls on hydrogen valleys" in _text(posted[1])


def _owners(digests: Digests) -> list[str]:
    with digests.slack.store.engine.connect() as conn:
        return [str(owner) for owner in conn.execute(select(slack_jobs.c.owner)).scalars()]


def test_watches_through_the_slash_command_are_listed_and_stopped(slack: SlackHarness) -> None:
    slack.send_command(f"watch {HYDROGEN}", channel=CHANNEL)
    saved = slack.api.wait_for(RESPONSE_URL_METHOD)[0].args
    assert saved["text"].startswith(f"Saved search 1 for <#{CHANNEL}>")
    assert saved["replace_original"] is True  # replaces "One moment…"
    slack.send_command("watch how many calls are open on cluster internationalisation?", channel=CHANNEL)
    slack.api.wait_for(RESPONSE_URL_METHOD, count=2)
    slack.send_command("watches", channel=CHANNEL)
    listed = slack.api.wait_for(RESPONSE_URL_METHOD, count=3)[2].args["text"]
    assert f"1. {HYDROGEN}\n2. how many calls" in listed and "every Monday at 09:00 (UTC)" in listed
    slack.send_command("unwatch 1", channel=CHANNEL)
    assert (
        slack.api.wait_for(RESPONSE_URL_METHOD, count=4)[3].args["text"]
        == f"Stopped saved search 1: {HYDROGEN}."
    )
    slack.send_command("unwatch 7", channel=CHANNEL)
    refused = slack.api.wait_for(RESPONSE_URL_METHOD, count=5)[4].args["text"]
    assert "/advisor unwatch N" in refused and "1 to 1" in refused
    assert [w.question for w in WatchStore.of(slack.store).watches(CHANNEL)] == [
        "how many calls are open on cluster internationalisation?"
    ]


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("battery clusters in Germany", "a watch follows funding calls"),
        ("closed calls on hydrogen", "closed calls never change"),
        ("   ", "say what to watch"),
        ("calls " * 80, "at most 300 characters"),
    ],
)
def test_what_a_watch_cannot_follow_is_refused_plainly(digests: Digests, question: str, reason: str) -> None:
    reply = digests.command(f"watch {question}")
    assert reply.startswith("Cannot do that:") and reason in reply
    assert digests.watches.watches(CHANNEL) == []


def test_snooze_and_unsubscribe_buttons(digests: Digests) -> None:
    digests.command(f"watch {HYDROGEN}")
    digests.beat_at(MONDAY_9)
    (posted,) = digests.slack.api.calls_of("chat.postMessage")
    watch_id = digests.watches.watches(CHANNEL)[0].id

    _press(digests.slack, posted, ACTION_SNOOZE, watch_id)
    note = digests.slack.api.wait_for("chat.update")[0].args
    assert "snoozed this saved search: no digest of it on 2026-05-18" in str(note["blocks"])
    assert not [b for b in note["blocks"] if b["type"] == "actions"]
    _wait(lambda: digests.watches.watches(CHANNEL)[0].snoozed_until is not None)
    last = digests.watches.watches(CHANNEL)[0].last_digest
    digests.beat_at(MONDAY_9 + dt.timedelta(days=7))  # skipped: the watch is not even looked at
    assert digests.watches.watches(CHANNEL)[0].last_digest == last
    digests.beat_at(MONDAY_9 + dt.timedelta(days=14))  # the week after, it is again
    assert digests.watches.watches(CHANNEL)[0].last_digest != last

    _press(digests.slack, posted, ACTION_UNSUBSCRIBE, watch_id, channel="COTHER001")  # copied elsewhere
    _press(digests.slack, posted, ACTION_UNSUBSCRIBE, watch_id)
    digests.slack.api.wait_for("chat.update", count=2)
    _wait(lambda: digests.watches.watches(CHANNEL) == [])
    assert "unsubscribed this channel" in str(digests.slack.api.calls_of("chat.update")[1].args["blocks"])


def test_a_snoozed_watch_skips_its_digest(digests: Digests) -> None:
    digests.command(f"watch {HYDROGEN}")
    watch = digests.watches.watches(CHANNEL)[0]
    digests.watches.snooze(watch.id, until=MONDAY_9 + dt.timedelta(days=1))
    digests.beat_at(MONDAY_9)
    assert digests.digests() == []


def test_app_home_lists_the_watches_of_the_users_channels(digests: Digests) -> None:
    digests.command(f"watch {HYDROGEN}")
    publish_home(digests.services, web_client(digests.slack.settings), user="UOWNER001")
    view = digests.slack.api.wait_for("views.publish")[0].args["view"]
    text = str(view["blocks"])
    assert "*Saved searches*" in text and f"<#{CHANNEL}>" in text and f"1. {HYDROGEN}" in text
    publish_home(digests.services, web_client(digests.slack.settings), user="USTRANGER")
    other = digests.slack.api.wait_for("views.publish", count=2)[1].args["view"]
    assert "Saved searches" not in str(other["blocks"])


def test_two_processes_claim_a_due_digest_once(digests: Digests) -> None:
    digests.command(f"watch {HYDROGEN}")
    one, two = WatchStore.of(digests.slack.store), WatchStore.of(digests.slack.store)
    claimed = one.claim_due_digests("process-a", now=MONDAY_9) + two.claim_due_digests(
        "process-b", now=MONDAY_9
    )
    assert len(claimed) == 1 and digests.slack.store.journaled_jobs() == 1


def _press(
    slack: SlackHarness, posted: object, action_id: str, watch_id: int, channel: str = CHANNEL
) -> None:
    message = posted.args  # type: ignore[attr-defined]
    payload = {
        "type": "block_actions",
        "user": {"id": "UMEMBER01"},
        "team": {"id": "T00000001"},
        "channel": {"id": channel},
        "message": {"ts": posted.result["ts"], "text": message["text"], "blocks": message["blocks"]},  # type: ignore[attr-defined]
        "actions": [{"action_id": action_id, "value": str(watch_id), "type": "button"}],
        "trigger_id": "1.2.3",
        "api_app_id": "A00000001",
    }
    assert slack.send_interaction(payload).status_code == 200
