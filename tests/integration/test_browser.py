"""The chat page in real headless Chromium (Debian's ``chromium``, driven by Playwright's client).

Skips with a clear message when Chromium or the ``playwright`` package is missing; ``.ci/run``
installs Chromium from Debian's packages. Playwright's own browser download is never used.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.test_uvicorn import Server, ingest_test_corpus, running_server

pytestmark = pytest.mark.integration

CHROMIUM = os.environ.get("CLUSTER_ADVISOR_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SCREENSHOT_DIR = os.environ.get("CLUSTER_ADVISOR_SCREENSHOTS")
"""Set to a folder to keep screenshots of the page (desktop and phone)."""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package to run this test")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the 'playwright' package is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data_dir = tmp_path_factory.mktemp("browser")
    ingest_test_corpus(data_dir)
    with running_server(data_dir) as running:
        yield running


def _shot(page: Any, name: str) -> None:
    if SCREENSHOT_DIR:
        Path(SCREENSHOT_DIR).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOT_DIR) / name), full_page=name != "phone.png")


def test_ask_stream_cite_filter_and_feedback(browser: Any, server: Server) -> None:
    # The page runs under its Content-Security-Policy, so the waits below use locators, never
    # wait_for_function (a string evaluated as script, which the policy refuses).
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.set_default_timeout(20_000)
    try:
        page.goto(server.url + "/")
        assert page.title() == "Cluster Advisor"
        page.locator("#today-label", has_text="2026-05-10").wait_for()
        # How fresh the calls are (from /readyz): the bundled snapshot's day until a refresh.
        page.locator("#calls-as-of", has_text="calls as of 2026-08-22").wait_for()

        # Ask with the keyboard; the answer streams in, then its numbered sources appear.
        page.fill("#question", "Which open calls fund cluster internationalisation?")
        page.press("#question", "Enter")
        page.wait_for_selector(".msg.bot .sources .source")
        answer = page.locator(".msg.bot .bubble").last
        assert "[" not in answer.inner_text() or answer.locator("a.cite").count() > 0
        assert answer.locator("a.cite").count() >= 1
        page.wait_for_selector(".msg.bot .source .badge.open")
        _shot(page, "chat-answer.png")

        # Clicking a citation marker opens its source with the supporting quote.
        answer.locator("a.cite").first.click()
        first_source = page.locator(".msg.bot .source").first
        assert first_source.locator(".source-head").get_attribute("aria-expanded") == "true"
        assert first_source.locator("blockquote").is_visible()

        # Feedback on the answer.
        page.click("text=✓ Helpful")
        page.wait_for_selector("text=Thanks for your feedback.")

        # Open calls only: every cited call is open on the day.
        page.click("#new-conversation")
        page.check("#filter-open")
        page.fill("#question", "Which calls fund cluster internationalisation?")
        page.click("#send")
        page.wait_for_selector(".msg.bot .sources .source .badge.open")
        page.wait_for_load_state("networkidle")
        badges = page.locator(".msg.bot .source .badge.open, .msg.bot .source .badge.closed")
        texts = [badges.nth(i).inner_text() for i in range(badges.count())]
        assert texts and all(text.startswith("open") for text in texts), texts

        # The upcoming-deadlines view lists the calls open on the day, soonest first.
        page.click("#tab-deadlines")
        page.wait_for_selector(".deadline")
        titles = page.locator(".deadline h3").all_inner_texts()
        assert titles == [
            "Hydrogen valleys for clean industry",
            "Cluster internationalisation for SMEs",
            "Euroclusters for battery value chains",
        ]
        _shot(page, "deadlines.png")
    finally:
        page.close()


def test_phone_layout_has_no_horizontal_scroll(browser: Any, server: Server) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740}, device_scale_factor=2)
    try:
        page.goto(server.url + "/")
        page.fill("#question", "Battery clusters in Central Europe we could work with?")
        page.press("#question", "Enter")
        page.wait_for_selector(".msg.bot .sources .source", timeout=20_000)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        _shot(page, "phone.png")
    finally:
        page.close()


KEY = "browser-test-key"


@pytest.fixture(scope="module")
def keyed_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("browser-keyed")
    ingest_test_corpus(data_dir)
    return data_dir


def _ask(page: Any, question: str) -> None:
    page.fill("#question", question)
    page.press("#question", "Enter")
    page.wait_for_selector(".msg.bot .sources .source")


def test_with_keys_set_the_page_asks_for_a_key_and_keeps_it_for_the_tab_only(
    browser: Any, keyed_data_dir: Path
) -> None:
    with running_server(keyed_data_dir, env={"CLUSTER_ADVISOR_API_KEYS": KEY}) as keyed:
        context = browser.new_context()
        page = context.new_page()
        page.set_default_timeout(20_000)
        try:
            page.goto(keyed.url + "/")
            page.wait_for_selector("#key-form:not([hidden])")  # the first call got a 401
            assert "needs an API key" in page.inner_text("#key-reason")
            page.fill("#api-key", "wrong-key")
            page.click("#key-save")
            page.wait_for_selector("#key-form:not([hidden])")
            page.locator("#key-reason", has_text="refused").wait_for()
            page.fill("#api-key", KEY)
            page.click("#key-save")
            page.locator("#today-label", has_text="2026-05-10").wait_for()
            assert page.locator("#key-form").is_hidden()
            _ask(page, "Which open calls fund cluster internationalisation?")
            assert page.evaluate("sessionStorage.getItem('cluster-advisor.api-key')") == KEY
            assert page.evaluate("localStorage.length") == 0 and KEY not in page.evaluate("document.cookie")
            page.reload()  # the same tab keeps its key
            page.locator("#today-label", has_text="2026-05-10").wait_for()
            assert page.locator("#key-form").is_hidden()
            other = context.new_page()  # another tab starts without it
            other.goto(keyed.url + "/")
            other.wait_for_selector("#key-form:not([hidden])", timeout=20_000)
            other.close()
            page.click("#key-toggle")
            page.click("#key-forget")
            page.reload()
            page.wait_for_selector("#key-form:not([hidden])")
        finally:
            context.close()


def test_operator_anonymous_mode_answers_without_a_key(browser: Any, keyed_data_dir: Path) -> None:
    env = {"CLUSTER_ADVISOR_API_KEYS": KEY, "CLUSTER_ADVISOR_ANONYMOUS_READ": "true"}
    with running_server(keyed_data_dir, env=env) as keyed:
        page = browser.new_page()
        page.set_default_timeout(20_000)
        console: list[str] = []
        page.on("console", lambda message: console.append(message.text))
        try:
            response = page.goto(keyed.url + "/")
            assert "default-src 'self'" in response.headers["content-security-policy"]
            page.locator("#today-label", has_text="2026-05-10").wait_for()
            _ask(page, "Which open calls fund cluster internationalisation?")
            assert page.locator("#key-form").is_hidden()
            assert page.evaluate("sessionStorage.length") == 0
            assert not [text for text in console if "Content Security Policy" in text], console
        finally:
            page.close()
