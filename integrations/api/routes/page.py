"""``GET /``: the chat page, in the language of ``?lang=``, the picker's cookie or ``Accept-Language``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Cookie, Header, Query
from fastapi.responses import HTMLResponse

from integrations.api.page import LANG_COOKIE, choose_language, render_page

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def chat_page(
    lang: Annotated[str | None, Query(max_length=35)] = None,
    picked: Annotated[str | None, Cookie(alias=LANG_COOKIE, max_length=35)] = None,
    accept_language: Annotated[str | None, Header(max_length=500)] = None,
) -> HTMLResponse:
    """The page, rendered once per language and cached."""
    chosen = choose_language(query=lang, cookie=picked, accept_language=accept_language)
    return HTMLResponse(
        render_page(chosen.lang, chosen.source),
        headers={"Content-Language": chosen.lang, "Vary": "Accept-Language, Cookie"},
    )
