"""Slack answers in the question's language: the text, the sources' status words and the buttons."""

from __future__ import annotations

from tests.slack.conftest import SlackHarness, mention
from tests.slack.test_events import _final_answer, _sources_text


def test_a_german_mention_gets_a_german_answer_sources_and_buttons(slack: SlackHarness) -> None:
    slack.send_event(mention("Wann endete die Frist von I3-2025-INV1?", ts="1715000000.000900"))
    final = _final_answer(slack)

    text = _sources_text(final["blocks"])
    assert "geschlossen: Frist war am 20. November 2025" in text, text
    assert "*Quellen*" in text and ":red_circle: geschlossen" in text and "deadline" not in text
    buttons = [b for b in final["blocks"] if b["type"] == "actions"][0]["elements"]
    assert [b["text"]["text"] for b in buttons] == ["Hilfreich", "Nicht hilfreich", "Support fragen"]
