"""The chat page at phone and desktop widths, light and dark, checked by axe-core; and in German.

Real Chromium against a real ``cluster-advisor serve``. axe-core comes from the
``axe-playwright-python`` wheel (a dev dependency; its ``axe.min.js`` is injected into the page),
so nothing is downloaded at test time. With ``CLUSTER_ADVISOR_SCREENSHOTS=docs/screenshots`` the
screenshots in ``docs/`` are refreshed.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.integration.test_browser import _shot, browser, server  # noqa: F401 - shared fixtures
from tests.integration.test_uvicorn import Server

pytestmark = pytest.mark.integration

QUESTION = "Which open calls fund cluster internationalisation?"
BLOCKING_IMPACTS = {"serious", "critical"}


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """The serious and critical axe-core violations on the page as it is now."""
    axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python missing")
    results = axe.Axe().run(page)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results.response["violations"]
        if v["impact"] in BLOCKING_IMPACTS
    ]


def _ask(page: Any, question: str) -> None:
    page.fill("#question", question)
    page.press("#question", "Enter")
    page.wait_for_selector(".msg.bot .sources .source")
    page.wait_for_selector(".msg.bot .source .badge.open")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_no_serious_accessibility_violations_at_phone_and_desktop_widths(
    browser: Any,  # noqa: F811
    server: Server,  # noqa: F811
    width: int,
    scheme: str,
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": 844 if width < 600 else 900},
        device_scale_factor=2 if width < 600 else 1,
        color_scheme=scheme,
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(server.url + "/")
        page.locator('#today-label[data-iso="2026-05-10"]').wait_for()
        assert axe_violations(page) == [], "the welcome page"
        if scheme == "light":
            _shot(page, f"welcome-{width}.png")

        _ask(page, QUESTION)
        page.locator(".msg.bot .source-head").first.click()  # a quote shown, as a reader would
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{overflow}px of horizontal scroll at {width}px"
        assert axe_violations(page) == [], "an answer with its sources"
        _shot(page, f"chat-{width}-{scheme}.png")

        if width < 600:  # the history is a drawer behind the "Conversations" button
            assert page.locator("#history").is_hidden()
            page.click("#history-toggle")
            page.locator("#history-list .history-item").first.wait_for()
            assert axe_violations(page) == [], "the history drawer"
            page.click("#history-toggle")

        page.click("#tab-deadlines")
        page.locator(".deadline").first.wait_for()
        assert axe_violations(page) == [], "the deadlines view"
        _shot(page, f"deadlines-{width}-{scheme}.png")
    finally:
        context.close()


def test_the_page_in_german_and_the_language_picker(browser: Any, server: Server) -> None:  # noqa: F811
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    asked: list[dict[str, Any]] = []
    page.on(
        "request",
        lambda request: (
            asked.append(json.loads(request.post_data or "{}"))
            if request.url.endswith("/v1/ask/stream")
            else None
        ),
    )
    try:
        page.goto(server.url + "/")  # Chromium sends Accept-Language: de-DE
        assert page.get_attribute("html", "lang") == "de"
        assert page.locator("#tab-deadlines").inner_text() == "Fristen"
        assert page.locator("#lang-picker").input_value() == "de"
        page.locator("#today-label", has_text="10. Mai 2026").wait_for()
        page.locator("#calls-as-of", has_text="mitgelieferter Stand").wait_for()
        assert page.get_attribute("#question", "placeholder", timeout=1000) == (
            "Stellen Sie eine Frage … (Eingabe zum Senden, Umschalt+Eingabe für eine neue Zeile)"
        )

        # A suggested question, in German, asked with the page's language; the answer is German.
        page.click("text=Welche offenen Ausschreibungen fördern die Internationalisierung von Clustern?")
        page.locator(".msg.bot .feedback").first.wait_for()
        assert asked[-1]["lang"] == "de"
        assert asked[-1]["question"].startswith("Welche offenen Ausschreibungen")
        # A question typed in English on the German page is answered in German too, with its
        # sources' badges and buttons in German.
        page.click("#new-conversation")
        page.fill("#question", QUESTION)
        page.press("#question", "Enter")
        page.locator(".msg.bot .sources .source").first.wait_for()
        assert asked[-1] == {**asked[-1], "question": QUESTION, "lang": "de"}
        assert "Frist" in page.locator(".msg.bot .bubble").last.inner_text()
        page.locator(".msg.bot .feedback button.copy", has_text="Antwort kopieren").first.wait_for()
        page.locator(".msg.bot .source .badge.open", has_text="offen · Frist").first.wait_for()
        assert page.locator("#history-list .history-when").all_inner_texts() == ["Fragen: 1", "Fragen: 1"]
        assert axe_violations(page) == [], "the German page with an answer"
        _shot(page, "chat-1280-de.png")

        page.click("#tab-deadlines")
        page.locator("#deadlines-status", has_text="Gefundene Ausschreibungen: 3").wait_for()
        assert page.locator(".deadline .badge.open").first.inner_text() == "offen · Frist 20. Mai 2026"
        assert "lang=de" in (page.get_attribute("#ics-export", "href") or "")  # the calendar in German too

        # The picker: French now, and still French after a reload (its cookie beats the header).
        page.select_option("#lang-picker", "fr")
        page.wait_for_url("**/")
        page.locator("#tab-deadlines", has_text="Échéances").wait_for()
        assert page.get_attribute("html", "lang") == "fr"
        page.reload()
        assert page.locator("#tab-deadlines").inner_text() == "Échéances"
        page.select_option("#lang-picker", "en")
        page.locator("#tab-deadlines", has_text="Deadlines").wait_for()
    finally:
        context.close()
