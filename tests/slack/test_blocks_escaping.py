"""Record URLs and titles cannot inject Slack mrkdwn (issue 15, item 11)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from corpus.files._fields import FieldError, url
from integrations.slack.blocks import home_view, link, source_line

EVIL_URLS = [
    "https://evil.example/a>|<!channel> click <https://evil.example/x",
    "https://evil.example/a|fake title",
    "https://evil.example/a b",
    "https://evil.example/\x00x",
    "javascript:alert(1)",
]


def _mentions_or_links(text: str) -> list[str]:
    return re.findall(r"<[^>]*>", text)


@pytest.mark.parametrize("address", EVIL_URLS)
def test_a_hostile_url_never_becomes_mrkdwn(address: str) -> None:
    line = source_line(1, "Call <!here> & co", address, "call", None)
    assert _mentions_or_links(line) == []  # plain, escaped title only
    assert "&lt;!here&gt; &amp; co" in line
    home = home_view(questions=[], calls=[("Call <!here>", address, dt.date(2026, 5, 20))])
    assert "<!channel>" not in str(home) and "<!here>" not in str(home)


def test_a_plain_url_is_linked_with_its_title_escaped() -> None:
    assert link("https://example.org/call?id=1&x=2", "A <b> title") == (
        "<https://example.org/call?id=1&amp;x=2|A &lt;b&gt; title>"
    )


@pytest.mark.parametrize("address", [*EVIL_URLS[:2], 'https://evil.example/"onmouseover=x'])
def test_record_urls_with_mrkdwn_or_html_characters_are_refused(address: str) -> None:
    with pytest.raises(FieldError, match="not a web address"):
        url("url", address)


def test_ordinary_record_urls_still_pass() -> None:
    assert (
        url(
            "url",
            "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/x?a=1&b=2",
        )
        is not None
    )
    assert url("url", "www.cluster.eu") == "https://www.cluster.eu"
