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
        # A phone's shot is its screen: a full-page one repeats the sticky header and question box.
        phone = page.viewport_size["width"] < 600
        page.screenshot(path=str(Path(SCREENSHOT_DIR) / name), full_page=not phone)


def test_ask_stream_cite_filter_and_feedback(browser: Any, server: Server) -> None:
    # The page runs under its Content-Security-Policy, so the waits below use locators, never
    # wait_for_function (a string evaluated as script, which the policy refuses).
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(server.url + "/")
        assert page.title() == "Cluster Advisor"
        page.locator('#today-label[data-iso="2026-05-10"]', has_text="May 10, 2026").wait_for()
        # How fresh the calls are (from /readyz): the bundled snapshot's day until a refresh.
        page.locator('#calls-as-of[data-iso="2026-08-22"]', has_text="calls as of").wait_for()

        # Ask with the keyboard; the answer streams in, then its numbered sources appear.
        page.fill("#question", "Which open calls fund cluster internationalisation?")
        page.press("#question", "Enter")
        page.wait_for_selector(".msg.bot .sources .source")
        answer = page.locator(".msg.bot .bubble").last
        assert "[" not in answer.inner_text() or answer.locator("a.cite").count() > 0
        assert answer.locator("a.cite").count() >= 1
        page.wait_for_selector(".msg.bot .source .badge.open")

        # Hovering a citation shows its card: title, identifier, type and, for a call, its status.
        answer.locator("a.cite").first.hover()
        card = page.locator("#cite-card")
        card.wait_for(state="visible")
        first_citation = page.locator(".msg.bot .source").first
        assert (
            card.locator(".card-title").inner_text() == first_citation.locator(".source-title").inner_text()
        )
        if first_citation.locator(".badge.open").count():
            card.locator(".badge.open", has_text="deadline").wait_for()
        page.mouse.move(0, 0)
        card.wait_for(state="hidden")

        # Copy the answer: its text and its sources go to the clipboard.
        page.click(".msg.bot .feedback button.copy")
        page.locator(".msg.bot .action-status", has_text="Answer copied.").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert "Sources:" in copied and first_citation.locator(".source-title").inner_text() in copied

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
    finally:
        context.close()


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
            page.locator('#today-label[data-iso="2026-05-10"]').wait_for()
            assert page.locator("#key-form").is_hidden()
            _ask(page, "Which open calls fund cluster internationalisation?")
            assert page.evaluate("sessionStorage.getItem('cluster-advisor.api-key')") == KEY
            # With a key, answers may quote internal documents: the history is kept for this tab only
            # (sessionStorage, like the key), nothing of it lasts in localStorage; nor the key, nor a cookie.
            assert page.evaluate("sessionStorage.getItem('cluster-advisor.history')")
            assert page.evaluate("localStorage.getItem('cluster-advisor.history')") is None
            stored = page.evaluate("JSON.stringify(Object.assign({}, localStorage))")
            assert KEY not in stored and KEY not in page.evaluate("document.cookie")
            # The calendar export sends the key too (a plain link could not).
            page.click("#tab-deadlines")
            page.locator(".deadline").first.wait_for()
            with page.expect_download() as download_info:
                page.click("#ics-export")
            assert "BEGIN:VEVENT" in Path(download_info.value.path()).read_text(encoding="utf-8")
            page.click("#tab-ask")
            page.reload()  # the same tab keeps its key
            page.locator('#today-label[data-iso="2026-05-10"]').wait_for()
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
            page.locator('#today-label[data-iso="2026-05-10"]').wait_for()
            _ask(page, "Which open calls fund cluster internationalisation?")
            assert page.locator("#key-form").is_hidden()
            assert page.evaluate("sessionStorage.length") == 0
            assert not [text for text in console if "Content Security Policy" in text], console
        finally:
            page.close()


def test_conversation_history_in_the_sidebar_reopens_and_continues(browser: Any, server: Server) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(server.url + "/")
        assert page.locator("#history-empty").is_visible()
        _ask(page, "Which open calls fund cluster internationalisation?")
        page.locator("#history-list .history-item").first.wait_for()
        first_answer = page.locator(".msg.bot .bubble").last.inner_text()
        conversation = page.evaluate("JSON.parse(localStorage.getItem('cluster-advisor.history'))[0]")
        assert conversation["title"] == "Which open calls fund cluster internationalisation?"

        page.click("#new-conversation")
        assert page.locator(".msg").count() == 0
        _ask(page, "Battery clusters in Central Europe we could work with?")
        page.locator("#history-list .history-item").nth(1).wait_for()
        titles = page.locator("#history-list .history-title").all_inner_texts()
        assert titles == [
            "Battery clusters in Central Europe we could work with?",
            "Which open calls fund cluster internationalisation?",
        ]

        # A reload keeps the history; opening a conversation shows its answer and continues it.
        page.reload()
        page.click("#history-list .history-open >> text=Which open calls fund")
        page.locator(".msg.bot .bubble", has_text=first_answer[:40]).wait_for()
        assert page.locator(".msg.bot .bubble").last.inner_text() == first_answer
        assert page.locator(".msg.bot .sources .source").count() >= 1
        page.fill("#question", "And which of them closes first?")
        page.press("#question", "Enter")
        page.locator(".msg.bot .feedback").nth(1).wait_for()
        stored = page.evaluate("JSON.parse(localStorage.getItem('cluster-advisor.history'))")
        assert stored[0]["id"] == conversation["id"] and len(stored[0]["turns"]) == 2

        # Removing one forgets it in this browser; "Clear history" forgets them all.
        page.click("#history-list .history-remove >> nth=1")
        assert page.locator("#history-list .history-item").count() == 1
        page.click("#history-clear")
        assert page.locator("#history-list .history-item").count() == 0
        assert page.evaluate("localStorage.getItem('cluster-advisor.history')") is None
    finally:
        context.close()


def test_deadlines_filters_and_calendar_export(browser: Any, server: Server) -> None:
    icalendar = pytest.importorskip("icalendar")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(server.url + "/")
        page.click("#tab-deadlines")
        page.locator("#deadlines-status", has_text="Calls found: 3").wait_for()

        page.select_option("#deadline-window", "30")  # open and closing within 30 days of 2026-05-10
        page.locator("#deadlines-status", has_text="Calls found: 2").wait_for()
        assert page.locator(".deadline h3").all_inner_texts() == [
            "Hydrogen valleys for clean industry",
            "Cluster internationalisation for SMEs",
        ]
        page.fill("#deadline-filter", "internationalisation")
        page.locator("#deadlines-status", has_text="Calls found: 1").wait_for()
        assert page.locator(".deadline h3").all_inner_texts() == ["Cluster internationalisation for SMEs"]

        # The calendar export takes the same filters as the list.
        href = page.get_attribute("#ics-export", "href") or ""
        assert "within_days=30" in href and "q=internationalisation" in href
        with page.expect_download() as download_info:
            page.click("#ics-export")
        download = download_info.value
        assert download.suggested_filename == "deadlines.ics"
        events = icalendar.Calendar.from_ical(Path(download.path()).read_bytes()).walk("VEVENT")
        summaries = [str(event["SUMMARY"]) for event in events]
        assert summaries == ["Deadline: Cluster internationalisation for SMEs"]
        assert events[0].decoded("DTSTART").isoformat() == "2026-06-03"

        # A programme by name (the list offers the programmes seen).
        page.fill("#deadline-filter", "")
        page.select_option("#deadline-window", "")
        page.fill("#deadline-programme", "Single Market Programme")
        page.locator(".deadline h3", has_text="Euroclusters").wait_for()
        page.locator(".deadline h3", has_text="Cluster internationalisation").wait_for(state="detached")
        assert page.locator(".deadline h3").all_inner_texts() == ["Euroclusters for battery value chains"]
        assert page.locator("#programmes option[value='Horizon Europe (HORIZON)']").count() == 1

        page.fill("#deadline-programme", "")
        page.select_option("#deadline-status", "forthcoming")
        page.locator(".deadline[data-status='forthcoming']").first.wait_for()
        statuses = page.locator(".deadline").evaluate_all("nodes => nodes.map(n => n.dataset.status)")
        assert statuses and set(statuses) == {"forthcoming"}
        page.select_option("#deadline-status", "closed")
        page.locator(".deadline[data-status='closed']").first.wait_for()
        assert page.locator(".deadline .days.closed").count() == page.locator(".deadline").count()
    finally:
        context.close()


def test_deadlines_come_a_page_at_a_time(browser: Any, server: Server) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(20_000)
    try:
        page.goto(server.url + "/")
        page.locator('#today-label[data-iso="2026-05-10"]').wait_for()
        page.evaluate("document.querySelector('#deadlines').dataset.pageSize = '3'")  # 100 by default
        page.click("#tab-deadlines")
        page.select_option("#deadline-status", "")  # every status: the 8 calls of the test corpus
        page.locator("#deadlines-status", has_text="Calls found: 8 (showing 3)").wait_for()
        page.click("#deadlines-more")
        page.locator("#deadlines-status", has_text="Calls found: 8 (showing 6)").wait_for()
        page.click("#deadlines-more")
        page.locator("#deadlines-status", has_text="Calls found: 8").wait_for()
        page.locator("#deadlines-more").wait_for(state="hidden")
        identifiers = page.locator(".deadline .meta span:nth-child(2)").all_inner_texts()
        assert len(identifiers) == len(set(identifiers)) == 8  # each call once, none skipped
    finally:
        page.close()


def _background(page: Any) -> str:
    return str(page.evaluate("getComputedStyle(document.documentElement).backgroundColor"))


def test_dark_mode_follows_the_system_and_the_toggle_is_kept(browser: Any, server: Server) -> None:
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(server.url + "/")
        assert _background(page) == "rgb(15, 20, 27)"  # the dark palette, from the system's setting
        assert page.get_attribute("#theme-toggle", "aria-pressed") == "true"
        page.click("#theme-toggle")
        assert _background(page) == "rgb(245, 247, 251)"
        assert page.get_attribute("#theme-toggle", "aria-pressed") == "false"
        page.reload()
        page.locator("#theme-toggle[aria-pressed='false']").wait_for()
        assert _background(page) == "rgb(245, 247, 251)"  # the choice outlives a reload
        page.emulate_media(color_scheme="light")
        page.click("#theme-toggle")
        assert _background(page) == "rgb(15, 20, 27)"
    finally:
        context.close()


MARKDOWN_ANSWER = (
    "**Two calls** fit [1]. <img src=x onerror=\"document.title='pwned'\">\n"
    "\n"
    "- The *internationalisation* call closes first [1]\n"
    "- More on [the portal](https://ec.europa.eu/info/funding-tenders) and "
    "[a trap](javascript:document.title='pwned')\n"
    "\n"
    "1. Check the `HORIZON-CL4-2026-CLUSTER-01` topic\n"
    "2. Apply before the deadline\n"
)


@pytest.fixture(scope="module")
def llm_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Any]]:
    from tests.fakes.openai_server import FakeOpenAIServer

    data_dir = tmp_path_factory.mktemp("browser-llm")
    ingest_test_corpus(data_dir)
    with FakeOpenAIServer() as llm:
        env = {
            "CLUSTER_ADVISOR_LLM_MODEL": llm.model,
            "OPENAI_BASE_URL": llm.base_url,
            "OPENAI_API_KEY": "not-a-real-key",
        }
        with running_server(data_dir, env=env) as running:
            yield running, llm


def test_an_llm_answer_in_markdown_renders_from_the_safe_subset(
    browser: Any, llm_server: tuple[Server, Any]
) -> None:
    from tests.fakes.openai_server import Step

    server, llm = llm_server
    llm.script(Step(), Step(reply=MARKDOWN_ANSWER))  # the planner's request, then the composer's
    page = browser.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(server.url + "/")
        _ask(page, "Which open calls fund cluster internationalisation?")
        answer = page.locator(".msg.bot .bubble").last
        answer.locator("strong", has_text="Two calls").wait_for()
        assert answer.locator("ul > li").count() == 2 and answer.locator("ol > li").count() == 2
        assert answer.locator("em").inner_text() == "internationalisation"
        assert answer.locator("code").inner_text() == "HORIZON-CL4-2026-CLUSTER-01"
        assert answer.locator("a.cite").count() >= 1
        # Markup in the data stays text: no element, no handler. (The server drops the answer's
        # Markdown links itself; the page's own link rules are tested on the renderer below.)
        assert answer.locator("img").count() == 0 and page.title() == "Cluster Advisor"
        assert "<img src=x" in answer.inner_text()
        assert answer.locator("a:not(.cite)").count() == 0
    finally:
        page.close()


RENDER_CASES = """
async (text) => {
  const { renderMarkup } = await import("./static/markup.js");
  const box = document.createElement("div");
  renderMarkup(box, text, (n) => {
    const a = document.createElement("a");
    a.className = "cite";
    a.textContent = n;
    return a;
  });
  return box.innerHTML;
}
"""


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("**bold** and *it* [2]", '<p><strong>bold</strong> and <em>it</em> <a class="cite">2</a></p>'),
        ("- one\n- **two** [1]", '<ul><li>one</li><li><strong>two</strong> <a class="cite">1</a></li></ul>'),
        ("3. three\n4. four", '<ol start="3"><li>three</li><li>four</li></ol>'),
        (
            "[portal](https://ec.europa.eu/x?a=1&b=2)",
            '<p><a href="https://ec.europa.eu/x?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">'
            "portal</a></p>",
        ),
        ("[trap](javascript:alert(1))", "<p>[trap](javascript:alert(1))</p>"),
        ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
        ("**<b>x</b>**", "<p><strong>&lt;b&gt;x&lt;/b&gt;</strong></p>"),
        (
            "see https://example.org/a.",
            '<p>see <a href="https://example.org/a" target="_blank" '
            'rel="noopener noreferrer">https://example.org/a</a>.</p>',
        ),
        (
            "## Heading\n> quoted `code`",
            '<p class="md-heading"><strong>Heading</strong></p>'
            "<blockquote>quoted <code>code</code></blockquote>",
        ),
        ("```\n<script>x</script>\n```", "<pre><code>&lt;script&gt;x&lt;/script&gt;</code></pre>"),
        ("a_b_c and 2*3*4 and [1](x)", "<p>a_b_c and 2*3*4 and [1](x)</p>"),
    ],
)
def test_the_markdown_subset_builds_only_safe_nodes(
    browser: Any, server: Server, text: str, html: str
) -> None:
    page = browser.new_page()
    try:
        page.goto(server.url + "/")
        assert page.evaluate(RENDER_CASES, text) == html
    finally:
        page.close()


def test_keyboard_focus_order_and_arrow_keys_between_the_tabs(browser: Any, server: Server) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(20_000)
    try:
        page.goto(server.url + "/")
        page.locator('#today-label[data-iso="2026-05-10"]').wait_for()
        page.focus("#skip")  # the first stop of the page
        order = [page.evaluate("document.activeElement.id")]
        for _ in range(6):
            page.keyboard.press("Tab")
            order.append(page.evaluate("document.activeElement.id || document.activeElement.className"))
        # Skip link, the tab list (one stop), the settings, the history, then the conversation.
        assert order == [
            "skip",
            "tab-ask",
            "lang-picker",
            "theme-toggle",
            "key-toggle",
            "new-conversation",
            "example",
        ]
        page.focus("#tab-ask")
        page.keyboard.press("ArrowRight")
        assert page.evaluate("document.activeElement.id") == "tab-deadlines"
        assert page.locator("#view-deadlines").is_visible() and page.locator("#view-ask").is_hidden()
        page.keyboard.press("ArrowLeft")
        assert page.evaluate("document.activeElement.id") == "tab-ask"
        assert page.locator("#view-ask").is_visible()
    finally:
        page.close()
