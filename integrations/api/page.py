"""The chat page in the reader's language: ``index.html`` with its strings from the ``web`` catalog.

``templates/index.html`` marks each interface string ``{{t:English text}}`` and each value ``{{v:name}}``.
The scripts mark theirs ``t("English text")``; the page carries their translations as a JSON
object (a ``<script type="application/json">`` element: data, never run, so the page's
Content-Security-Policy stays ``script-src 'self'``). The English texts are the gettext msgids of
the ``web`` domain (``corpus/locales/<lang>/LC_MESSAGES/web.po``); :func:`page_messages` lists
them all, for the catalogs' completeness test and for ``pybabel extract``-free updates.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, TypeGuard

from corpus.i18n import negotiate_language, translator
from corpus.languages import SUPPORTED_LANGUAGES
from integrations.api.ics import CALENDAR_MESSAGES

STATIC_DIR = Path(__file__).parent / "static"
TEMPLATE = Path(__file__).parent / "templates" / "index.html"
"""The page's template: outside ``static/``, so it is never served unfilled."""
WEB_DOMAIN = "web"
LANG_COOKIE = "cluster_advisor_lang"
"""Set by the page's language picker; read before ``Accept-Language``."""

LANGUAGE_NAMES = {
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "it": "Italiano",
    "pl": "Polski",
}
"""Each language by its own name (a reader looks for their language, not its English name)."""

_PLACEHOLDER = re.compile(r"\{\{(t|v):(.+?)\}\}", re.DOTALL)
_SCRIPT_MESSAGE = re.compile(r'\bt\(\s*"((?:[^"\\\n]|\\.)*)"')
_ENGLISH_HEADER = re.compile(r"(?:^|,)\s*en(?:[-_][A-Za-z0-9]+)?\s*(?:;|,|$)", re.IGNORECASE)

LangSource = Literal["query", "cookie", "header", "default"]


@dataclass(frozen=True)
class PageLanguage:
    """The language the page is shown in and where the choice came from."""

    lang: str
    source: LangSource


def supported(tag: str | None) -> TypeGuard[str]:
    """Whether ``tag`` names one of the page's languages exactly (``"de"``, not ``"de-AT"``)."""
    return tag is not None and tag.strip().lower() in SUPPORTED_LANGUAGES


def choose_language(*, query: str | None, cookie: str | None, accept_language: str | None) -> PageLanguage:
    """``?lang=``, then the picker's cookie, then ``Accept-Language``; English when none names one.

    An unsupported ``?lang=`` or cookie value is passed over (the next source decides), never an
    error: an old bookmark must still open the page.
    """
    if supported(query):
        return PageLanguage(query.strip().lower(), "query")
    if supported(cookie):
        return PageLanguage(cookie.strip().lower(), "cookie")
    if accept_language:
        lang = negotiate_language(accept_language)
        if lang != "en" or _ENGLISH_HEADER.search(accept_language):
            return PageLanguage(lang, "header")
    return PageLanguage("en", "default")


@cache
def _template() -> str:
    return TEMPLATE.read_text(encoding="utf-8")


@cache
def script_messages() -> tuple[str, ...]:
    """The ``t("...")`` texts of the page's scripts, in order of first use."""
    found: dict[str, None] = {}
    for script in sorted(STATIC_DIR.glob("*.js")):
        for literal in _SCRIPT_MESSAGE.findall(script.read_text(encoding="utf-8")):
            found[json.loads(f'"{literal}"')] = None
    return tuple(found)


@cache
def page_messages() -> tuple[str, ...]:
    """Every msgid of the ``web`` domain: the page's, its scripts' and the calendar export's."""
    template = [" ".join(text.split()) for kind, text in _PLACEHOLDER.findall(_template()) if kind == "t"]
    return tuple(dict.fromkeys([*template, *script_messages(), *CALENDAR_MESSAGES]))


def _language_options(lang: str) -> str:
    return "".join(
        f'<option value="{code}" lang="{code}"{" selected" if code == lang else ""}>'
        f"{html.escape(LANGUAGE_NAMES.get(code, code))}</option>"
        for code in SUPPORTED_LANGUAGES
    )


def _strings_json(translate: Callable[[str], str]) -> str:
    strings = {message: translate(message) for message in script_messages()}
    # Inside <script>, "</script>" would end the element: "<" is written as a JSON escape.
    return json.dumps(strings, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")


@cache
def render_page(lang: str, source: LangSource) -> str:
    """The chat page's HTML in ``lang`` (every string escaped for HTML)."""
    translate = translator(lang, WEB_DOMAIN)
    values = {
        "lang": lang,
        "lang_source": source,
        "language_options": _language_options(lang),
        "strings": _strings_json(translate),
    }

    def fill(match: re.Match[str]) -> str:
        kind, text = match.group(1), match.group(2)
        if kind == "v":
            return values[text]
        return html.escape(translate(" ".join(text.split())), quote=True)

    return _PLACEHOLDER.sub(fill, _template())


def write_template(path: Path) -> int:
    """Write the ``web`` domain's template (``web.pot``) from :func:`page_messages`; the count written.

    ``pybabel extract`` cannot read the ``{{t:...}}`` marks of ``index.html``, so the page lists its
    own messages; ``pybabel update -D web`` then merges the template into each language's ``.po``.
    """
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    template = Catalog(project="cluster-advisor", copyright_holder="Cluster Advisor contributors")
    for message in page_messages():
        template.add(message)
    with path.open("wb") as out:
        write_po(out, template, width=100, omit_header=False)
    return len(page_messages())


def main() -> None:
    """``make web-catalogs-update``'s first step: rewrite ``corpus/locales/web.pot``."""
    from corpus.catalogs import LOCALES_DIR

    written = write_template(LOCALES_DIR / "web.pot")
    print(f"{written} messages written to {LOCALES_DIR / 'web.pot'}")  # noqa: T201 - a dev command's output
