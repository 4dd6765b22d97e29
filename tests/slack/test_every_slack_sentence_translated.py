"""Issue 13 audit, Slack's last English: saved-search replies, digests, their buttons' notes, triage
button notes, "Ask support" notes, usage and early refusals, in German, French, Spanish, Italian and
Polish — signed Slack requests into the real Bolt app, the Web API on loopback, the scheduler on a
fixed clock. A text fails when it carries an English sentence the product wrote
(:mod:`tests.assistant.english_leaks`), after removing command syntax (``/advisor watch``) and
Slack's mentions; and a translation missing from a catalog gives the English sentence, never an
error or an empty message.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po, write_po

import corpus.i18n
from corpus.catalogs import LOCALES_DIR, load_translations
from corpus.languages import warm_up
from integrations.slack.digest_blocks import ACTION_SNOOZE, ACTION_UNSUBSCRIBE
from integrations.slack.schedule import DigestTime
from integrations.slack.watch_store import WatchStore
from tests.assistant.english_leaks import english_leaks, record_names
from tests.assistant.factories import corpus_records
from tests.fakes.slack_web_api import RESPONSE_URL_METHOD
from tests.slack.conftest import SUPPORT_CHANNEL, SlackHarness, mention, message
from tests.slack.test_events import _final_answer, _wait
from tests.slack.test_support import _card, _press
from tests.slack.test_watches import CHANNEL, MONDAY_9, SUNDAY, FixedClock, _process
from tests.slack.test_watches import _press as _press_digest

LANGUAGES = ("de", "fr", "es", "it", "pl")
NAMES = record_names(corpus_records())
OWNER = "UOWNER001"
WATCH = {
    "de": "offene Ausschreibungen zu Wasserstoff",
    "fr": "appels ouverts sur l'hydrogène",
    "es": "convocatorias abiertas sobre hidrógeno",
    "it": "bandi aperti sull'idrogeno",
    "pl": "otwarte nabory na wodór",
}
SAVED = {
    "de": "Gespeicherte Suche 1 für",
    "fr": "Recherche enregistrée 1 pour",
    "es": "Búsqueda guardada 1 para",
    "it": "Ricerca salvata 1 per",
    "pl": "Zapisane wyszukiwanie 1 dla",
}
THURSDAY = {"de": "Donnerstag", "fr": "jeudi", "es": "jueves", "it": "giovedì", "pl": "czwartek"}
REQUEST = {
    "de": "Bin aus dem Portal ausgesperrt, keine Passwort-Mail, und die Abgabefrist ist heute Mittag!!",
    "fr": "Nous cherchons un partenaire au Danemark pour un projet sur les batteries.",
    "es": "¿Hay convocatorias abiertas para clústeres agroalimentarios? Queremos presentar una propuesta.",
    "it": "Cerchiamo un partner in Danimarca per un progetto sulle batterie.",
    "pl": "Czy ktoś zna firmę z Danii, która produkuje czujniki? Szukamy partnera do projektu.",
}
QUESTION = {
    "de": "Wann endete die Frist von I3-2025-INV1?",
    "fr": "Quand la date limite de I3-2025-INV1 a-t-elle expiré ?",
    "es": "¿Cuándo terminó el plazo de la convocatoria I3-2025-INV1?",
    "it": "Quando è scaduto il termine di I3-2025-INV1?",
    "pl": "Kiedy minął termin I3-2025-INV1?",
}
_SLACK_LINK = re.compile(r"<https?://[^|>]*\|([^>]*)>")
"""A link: its title is a record's name."""
_NESTED = frozenset({"blocks", "elements", "fields", "text", "view"})
_SLACK_SYNTAX = re.compile(r"<[#@!][^>]*>|/advisor(?: [a-z]+)?|\bN\b")
"""Channel and user mentions, and command syntax (``/advisor unwatch N``): not sentences."""


def _texts(value: Any) -> list[str]:
    """Every ``text`` string of a message or view (blocks, buttons, fallback text), in order."""
    if isinstance(value, str) and value.startswith("["):  # blocks as the Web API got them: JSON
        return _texts(json.loads(value))
    if isinstance(value, dict):
        found = [value["text"]] if isinstance(value.get("text"), str) else []
        return found + [text for key, item in value.items() if key in _NESTED for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


def _assert_in_language(text: str) -> None:
    assert text.strip(), "an empty message"
    words = _SLACK_SYNTAX.sub(" ", _SLACK_LINK.sub(r"\1", text))
    assert english_leaks(words, NAMES) == [], text


def _replies(slack: SlackHarness, count: int) -> list[str]:
    return [str(call.args["text"]) for call in slack.api.wait_for(RESPONSE_URL_METHOD, count=count)]


@pytest.fixture(autouse=True)
def _detectors_built() -> None:
    warm_up()  # what Slack gets at once (acknowledgements) waits for no detector: build them first


@pytest.mark.parametrize("lang", LANGUAGES)
def test_saved_search_replies_follow_the_watch_and_the_user(slack: SlackHarness, lang: str) -> None:
    acked = slack.send_command(f"watch {WATCH[lang]}", channel=CHANNEL, user=OWNER).json()["text"]
    (saved,) = _replies(slack, 1)
    assert saved.startswith(SAVED[lang]) and f"<#{CHANNEL}>" in saved
    (watch,) = WatchStore.of(slack.store).watches(CHANNEL)
    assert watch.lang == lang
    commands = [
        "watches",
        f"digest {THURSDAY[lang]} 08:30 Europe/Brussels",
        "digest someday 25:00",
        "unwatch 7",
    ]
    for n, command in enumerate(commands, start=2):
        slack.send_command(command, channel=CHANNEL, user=OWNER)
        _replies(slack, n)
    replies = _replies(slack, 1 + len(commands))
    schedule = WatchStore.of(slack.store).schedule(CHANNEL)
    assert schedule is not None and schedule.when.weekday == 3  # Thursday, named in the watch's language
    usage = slack.send_command("", channel=CHANNEL, user=OWNER).json()["text"]
    slack.send_command("unwatch 1", channel=CHANNEL, user=OWNER)
    stopped = _replies(slack, 2 + len(commands))[-1]
    for text in [acked, *replies, usage, stopped]:
        _assert_in_language(text)
    assert WatchStore.of(slack.store).watches(CHANNEL) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_digest_and_its_buttons_notes_are_in_the_watchs_language(slack: SlackHarness, lang: str) -> None:
    slack.send_command(f"watch {WATCH[lang]}", channel=CHANNEL, user=OWNER)
    _replies(slack, 1)
    watches = WatchStore.of(slack.store)
    watches.set_schedule(CHANNEL, DigestTime(weekday=0, at=dt.time(9, 0)), now=SUNDAY)
    watch_id = watches.watches(CHANNEL)[0].id
    with slack.store.engine.begin() as conn:  # nothing seen yet: every matching call is new
        conn.exec_driver_sql("DELETE FROM slack_watch_seen")
    clock = FixedClock(MONDAY_9)
    work = _process(slack, clock)
    try:
        work.beat_once()
        _wait(lambda: slack.store.journaled_jobs() == 0)
    finally:
        work.shutdown(wait=True)
    (digest,) = [c for c in slack.api.calls_of("chat.postMessage") if c.args.get("channel") == CHANNEL]
    shown = _texts(digest.args)
    assert any("HORIZON-JU-CLEANH2-2026-01" in text for text in shown), shown
    for text in shown:
        _assert_in_language(text)

    _press_digest(slack, digest, ACTION_SNOOZE, watch_id)
    _press_digest(slack, digest, ACTION_UNSUBSCRIBE, watch_id)
    updates = slack.api.wait_for("chat.update", count=2)
    notes = [_texts(update.args["blocks"])[-1] for update in updates]
    assert all(note.startswith("<@UMEMBER01>") for note in notes), notes
    for note in notes:
        _assert_in_language(note)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_triage_button_notes_and_sources_are_in_the_cards_language(slack: SlackHarness, lang: str) -> None:
    slack.send_event(
        message(REQUEST[lang], ts="1772695800.000100", channel=SUPPORT_CHANNEL, user="UMEMBER01")
    )
    card = _card(slack)
    sources = [b for b in card.args["blocks"] if b.get("block_id") == "triage_sources"]
    for block in sources:
        _assert_in_language(block["text"]["text"])
    for action in ("triage_assign_me", "triage_resolve", "triage_post_draft"):
        _press(slack, action, card)
    updates = slack.api.wait_for("chat.update", count=3)
    notes = [next(b for b in u.args["blocks"] if b.get("block_id") == "advisor_status") for u in updates]
    for note in notes:
        text = note["elements"][0]["text"]
        assert "<@USTAFF001>" in text
        _assert_in_language(text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ask_support_and_an_empty_mention_are_in_the_askers_language(slack: SlackHarness, lang: str) -> None:
    slack.send_event(mention(QUESTION[lang], ts="1715000000.000700", user="UASKER001"))
    final = _final_answer(slack)
    actions = next(b for b in final["blocks"] if b["type"] == "actions")
    assert actions["block_id"] == f"advisor_feedback.{lang}"
    ask_support = next(e for e in actions["elements"] if e["action_id"] == "advisor_ask_support")
    slack.send_interaction(
        {
            "type": "block_actions",
            "user": {"id": "UASKER001"},
            "team": {"id": "T00000001"},
            "channel": {"id": "CGENERAL1"},
            "message": {"ts": "1715000000.000800", "text": final["text"], "blocks": final["blocks"]},
            "actions": [{**ask_support, "block_id": actions["block_id"], "type": "button"}],
            "response_url": slack.api.response_url("actions/1"),
            "trigger_id": "1.2.3",
            "api_app_id": "A00000001",
        }
    )
    (note,) = _replies(slack, 1)
    queued = next(
        c for c in slack.api.wait_for("chat.postMessage", count=2) if c.args.get("channel") == SUPPORT_CHANNEL
    )
    slack.send_event(mention("", ts="1715000000.000900", user="UASKER001"))  # nothing asked
    (placeholder,) = slack.api.wait_for("chat.postMessage", thread_ts="1715000000.000900")
    emptied = slack.api.wait_for("chat.update", ts=placeholder.result["ts"])[-1].args["text"]
    for text in (note, str(queued.args["text"]).replace(QUESTION[lang], " "), emptied):
        _assert_in_language(text)


# A missing translation: English, never a crash or an empty message ---------------------------------


@pytest.fixture
def german_catalog_without_slack_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The shipped catalogs, with every German saved-search and usage entry emptied."""
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, locales, ignore=shutil.ignore_patterns("*.mo"))
    po_path = locales / "de" / "LC_MESSAGES" / "messages.po"
    with po_path.open("rb") as source:
        catalog = read_po(source, locale="de")
    emptied = ("Saved search", "Usage:", "Cannot do that")
    for entry in catalog:
        if isinstance(entry.id, str) and entry.id.startswith(emptied):
            entry.string = ""
    with po_path.open("wb") as target:
        write_po(target, catalog)
    monkeypatch.setattr(
        corpus.i18n, "load_translations", lambda lang, domain: load_translations(lang, domain, locales)
    )
    corpus.i18n._translations.cache_clear()
    yield
    corpus.i18n._translations.cache_clear()


def test_a_missing_translation_falls_back_to_english(
    slack: SlackHarness, german_catalog_without_slack_entries: None
) -> None:
    slack.send_command(f"watch {WATCH['de']}", channel=CHANNEL, user=OWNER)
    _replies(slack, 1)
    slack.send_command("unwatch 7", channel=CHANNEL, user=OWNER)
    saved, refused = _replies(slack, 2)
    usage = slack.send_command("", channel=CHANNEL, user=OWNER).json()["text"]
    assert saved.startswith(f"Saved search 1 for <#{CHANNEL}>: ")
    assert "jeden Montag um 09:00 (UTC)" in saved  # what the catalog still has stays German
    assert refused.startswith("Cannot do that: sagen Sie, welche gespeicherte Suche")
    assert usage.startswith("Usage: /advisor")


def test_a_watch_the_detector_is_unsure_of_follows_the_users_language(slack: SlackHarness) -> None:
    slack.send_command(f"watch {WATCH['de']}", channel=CHANNEL, user=OWNER)
    _replies(slack, 1)
    slack.send_command(
        "watch Horizon Europe hydrogen calls", channel=CHANNEL, user=OWNER
    )  # names and borrowings
    slack.send_command("watch how many calls are open on cluster internationalisation?", channel="COTHER001")
    _replies(slack, 3)
    by_channel = {
        w.question: w.lang for c in (CHANNEL, "COTHER001") for w in WatchStore.of(slack.store).watches(c)
    }
    assert by_channel == {
        WATCH["de"]: "de",
        "Horizon Europe hydrogen calls": "de",  # the one who saved it writes German
        "how many calls are open on cluster internationalisation?": "en",  # a new user, and sure English
    }
