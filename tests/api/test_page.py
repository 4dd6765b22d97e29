"""``GET /``: the chat page in the reader's language, and the ``web`` catalogs that translate it."""

from __future__ import annotations

import json
import re

import pytest
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from corpus.catalogs import LOCALES_DIR, placeholder_problems
from integrations.api.page import LANG_COOKIE, choose_language, page_messages, render_page

TRANSLATED = ("de", "fr", "es", "it", "pl")


def _ui_strings(html: str) -> dict[str, str]:
    match = re.search(r'<script id="ui-strings" type="application/json">(.*?)</script>', html, re.DOTALL)
    assert match, "the page carries its scripts' strings"
    strings: dict[str, str] = json.loads(match.group(1))
    return strings


@pytest.mark.parametrize(
    ("query", "cookie", "header", "expected"),
    [
        (None, None, None, ("en", "default")),
        (None, None, "de-AT,de;q=0.9,en;q=0.5", ("de", "header")),
        (None, None, "nl-NL,nl;q=0.9", ("en", "default")),  # nothing supported named: no choice made
        (None, None, "en-GB,en;q=0.9", ("en", "header")),
        (None, "pl", "de-DE", ("pl", "cookie")),  # the picker beats the browser's header
        ("fr", "pl", "de-DE", ("fr", "query")),
        ("xx", "it", None, ("it", "cookie")),  # an unknown ?lang= is passed over, not an error
    ],
)
def test_language_comes_from_query_then_picker_then_accept_language(
    query: str | None, cookie: str | None, header: str | None, expected: tuple[str, str]
) -> None:
    chosen = choose_language(query=query, cookie=cookie, accept_language=header)
    assert (chosen.lang, chosen.source) == expected


def test_every_page_string_has_a_translation_in_every_language() -> None:
    messages = set(page_messages())
    assert len(messages) > 80
    for lang in TRANSLATED:
        po = LOCALES_DIR / lang / "LC_MESSAGES" / "web.po"
        with po.open("rb") as source:
            catalog = read_po(source)
        translated = {message.id for message in catalog if message.id and message.string}
        assert messages - translated == set(), f"{po}: untranslated"
        assert placeholder_problems(po) == []


def test_the_web_template_lists_exactly_the_pages_messages() -> None:
    with (LOCALES_DIR / "web.pot").open("rb") as source:
        template = read_po(source)
    assert [message.id for message in template if message.id] == list(page_messages()), (
        "run `make web-catalogs-update` and translate the new entries"
    )


def test_the_page_in_german_from_accept_language(client: TestClient) -> None:
    response = client.get("/", headers={"Accept-Language": "de-DE,de;q=0.9,en;q=0.8"})
    assert response.status_code == 200
    assert response.headers["content-language"] == "de"
    assert "Accept-Language" in response.headers["vary"]
    html = response.text
    assert '<html lang="de">' in html and 'data-lang-source="header"' in html
    assert ">Fristen</button>" in html and "Was möchten Sie wissen?" in html
    assert '<option value="de" lang="de" selected>Deutsch</option>' in html
    assert _ui_strings(html)["Copy answer"] == "Antwort kopieren"
    assert "{{" not in html


def test_the_pickers_cookie_and_query_choose_the_language(client: TestClient) -> None:
    client.cookies.set(LANG_COOKIE, "pl")
    picked = client.get("/", headers={"Accept-Language": "de"})
    assert '<html lang="pl">' in picked.text and "Terminy" in picked.text
    client.cookies.clear()
    assert '<html lang="it">' in client.get("/", params={"lang": "it"}).text


def test_untranslated_english_page_and_script_strings_are_json_safe() -> None:
    html = render_page("en", "default")
    assert '<html lang="en">' in html and ">Deadlines</button>" in html
    strings = _ui_strings(html)
    assert strings["Copy answer"] == "Copy answer"
    assert "</script" not in html.split('id="ui-strings"', 1)[1].split("</script>", 1)[0]


def test_calendar_texts_in_the_asked_language(client: TestClient) -> None:
    text = client.get("/v1/calls.ics", params={"status": "open", "lang": "de"}).text.replace("\r\n ", "")
    assert "X-WR-CALNAME:Cluster Advisor – Fristen" in text
    assert "SUMMARY:Frist: Hydrogen valleys for clean industry" in text


def test_the_unfilled_template_is_not_served(client: TestClient) -> None:
    assert client.get("/static/index.html").status_code == 404
    assert client.get("/static/markup.js").status_code == 200
