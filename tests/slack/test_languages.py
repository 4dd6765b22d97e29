"""Slack answers in the question's language: the text, the sources' status words and the buttons."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from assistant.watches import Digest
from corpus.languages import warm_up
from corpus.models import FundingCall
from integrations.slack.digest_blocks import digest_blocks, digest_text, home_watch_blocks
from integrations.slack.schedule import DigestTime
from tests.assistant.factories import TODAY
from tests.factories import make_call
from tests.slack.conftest import SlackHarness, mention, message
from tests.slack.test_events import _final_answer, _sources_text, _wait


def test_a_german_mention_gets_a_german_answer_sources_and_buttons(slack: SlackHarness) -> None:
    slack.send_event(mention("Wann endete die Frist von I3-2025-INV1?", ts="1715000000.000900"))
    final = _final_answer(slack)

    text = _sources_text(final["blocks"])
    assert "geschlossen: Frist war am 20. November 2025" in text, text
    assert "*Quellen*" in text and ":red_circle: geschlossen" in text and "deadline" not in text
    buttons = [b for b in final["blocks"] if b["type"] == "actions"][0]["elements"]
    assert [b["text"]["text"] for b in buttons] == ["Hilfreich", "Nicht hilfreich", "Support fragen"]


def test_the_placeholder_and_the_feedback_note_follow_the_question(slack: SlackHarness) -> None:
    warm_up()  # the placeholder waits for no detector: once they are built it is in the language
    slack.send_event(mention("Wann endete die Frist von I3-2025-INV1?", ts="1715000000.000901"))
    placeholder = slack.api.wait_for("chat.postMessage")[0]
    assert placeholder.args["text"] == "Ich durchsuche den Korpus…"
    final = _final_answer(slack)

    assert "· Ausschreibung ·" in _sources_text(final["blocks"])  # the cited document's type
    actions = [b for b in final["blocks"] if b["type"] == "actions"][0]
    assert actions["block_id"] == "advisor_feedback.de"
    payload = {
        "type": "block_actions",
        "user": {"id": "UASKER001"},
        "team": {"id": "T00000001"},
        "channel": {"id": "CGENERAL1"},
        "container": {"type": "message", "message_ts": placeholder.result["ts"]},
        "message": {"ts": placeholder.result["ts"], "text": final["text"], "blocks": final["blocks"]},
        "actions": [
            {
                "action_id": "advisor_helpful",
                "block_id": actions["block_id"],
                "value": actions["elements"][0]["value"],
                "type": "button",
            }
        ],
        "trigger_id": "1.2.3",
        "api_app_id": "A00000001",
    }
    assert slack.send_interaction(payload).status_code == 200
    deadline = time.monotonic() + 20
    while not (
        notes := [c for c in slack.api.calls_of("chat.update") if "Danke!" in str(c.args.get("blocks"))]
    ):
        assert time.monotonic() < deadline, slack.api.summary()
        time.sleep(0.02)
    assert "<@UASKER001> fand das hilfreich. Danke!" in str(notes[0].args["blocks"])


def _call(identifier: str, deadline: str) -> FundingCall:
    return make_call(
        identifier,
        title="Hydrogen valleys",
        deadline=dt.datetime.fromisoformat(f"{deadline}T15:00:00+00:00"),
    )


@pytest.mark.parametrize(
    ("lang", "header", "context", "line"),
    [
        ("en", "Weekly digest: offene Ausschreibungen zu Wasserstoff",
         "Saved search · calls as of 2026-05-10", "deadline 2026-05-11 (in 1 day)"),
        ("de", "Wochenübersicht: offene Ausschreibungen zu Wasserstoff",
         "Gespeicherte Suche · Ausschreibungen, Stand 10. Mai 2026", "Frist 11. Mai 2026 (in 1 Tag)"),
        ("pl", "Tygodniowe podsumowanie: offene Ausschreibungen zu Wasserstoff",
         "Zapisane wyszukiwanie · nabory, stan na 10 maja 2026", "termin 5 czerwca 2026 (za 26 dni)"),
    ],
)  # fmt: skip
def test_the_weekly_digest_is_written_in_the_watch_language(
    lang: str, header: str, context: str, line: str
) -> None:
    calls = (_call("HORIZON-A-1", "2026-05-11"), _call("HORIZON-B-2", "2026-06-05"))
    digest = Digest(new=calls, closing=calls[:1], matching=())
    question = "offene Ausschreibungen zu Wasserstoff"
    blocks = digest_blocks(question=question, watch_id=7, digest=digest, day=TODAY, lang=lang)

    text = str(blocks)
    assert header in text and context in text and line in text
    buttons = [e["text"]["text"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
    english = ["Snooze a week", "Unsubscribe"]
    assert (buttons == english) == (lang == "en")
    assert digest_text(question, digest, lang).startswith(header.split(":")[0])


def test_app_home_is_written_in_the_language_the_user_last_asked_in(slack: SlackHarness) -> None:
    question = "Welche offenen Ausschreibungen gibt es für Wasserstoff?"
    slack.send_event(message(question, ts="1715000001.000700", channel="DUSER0001", channel_type="im"))
    _final_answer(slack)
    _wait(lambda: bool(slack.store.recent_questions(user="UASKER001")))
    slack.send_event({"type": "app_home_opened", "user": "UASKER001", "channel": "DUSER0001", "tab": "home"})
    view = slack.api.wait_for("views.publish", user_id="UASKER001")[0].args["view"]

    text = " ".join(b["text"]["text"] for b in view["blocks"] if b.get("type") == "section")
    assert "*Ihre letzten Fragen*" in text and "*Ausschreibungen, die in den nächsten 30 Tagen enden*" in text
    assert "Hydrogen valleys for clean industry" in text and "Frist 20. Mai 2026" in text
    assert "deadline" not in text and "Your recent questions" not in text


def test_app_home_saved_searches_and_their_schedule_in_polish() -> None:
    when = DigestTime(weekday=3, at=dt.time(8, 30), timezone="Europe/Warsaw")
    blocks = home_watch_blocks(
        [("CWATCH001", when, ["otwarte nabory na wodór"]), ("CWATCH002", None, [])], "pl"
    )

    text = str(blocks)
    assert "*Zapisane wyszukiwania*" in text
    assert "<#CWATCH001> · podsumowanie: co tydzień (czwartek) o 08:30 (Europe/Warsaw)" in text
    assert "nie zaplanowano" in text and "_nie ma już żadnych_" in text
    assert when.describe() == "every Thursday at 08:30 (Europe/Warsaw)"  # English unchanged


def test_the_command_acknowledgement_follows_the_question_once_the_detectors_are_built(
    slack: SlackHarness,
) -> None:
    warm_up()
    response = slack.send_command("Welche offenen Ausschreibungen gibt es für Wasserstoff?")
    assert response.json() == {"response_type": "ephemeral", "text": "Ich durchsuche den Korpus…"}
    english = slack.send_command("Which open calls fund cluster internationalisation?")
    assert english.json()["text"] == "Looking through the corpus…"
