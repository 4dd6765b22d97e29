"""Block Kit rendering: pure functions from answers, triage results and home data to Slack blocks.

Slack limits a section's text to 3,000 characters and a message to 50 blocks; texts are cut to
fit. User text is escaped (``&``, ``<``, ``>``) so a question cannot inject a mention or a link.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from assistant.calls import CallFacts
from assistant.language import N_, doc_type_word
from assistant.models import Answer
from assistant.triage import Triage
from assistant.triage_card import card_words, category_name, entity_names, urgency_name
from corpus.i18n import format_date, normalise_lang, translator
from corpus.languages import DEFAULT_LANGUAGE, detect_language, detectors_ready
from integrations.slack.mrkdwn import markdown_to_mrkdwn

Block = dict[str, Any]

SECTION_LIMIT = 3000
MAX_SOURCES = 8

ACTION_HELPFUL = "advisor_helpful"
ACTION_NOT_HELPFUL = "advisor_not_helpful"
ACTION_ASK_SUPPORT = "advisor_ask_support"
ACTION_POST_DRAFT = "triage_post_draft"
ACTION_ASSIGN_ME = "triage_assign_me"
ACTION_RESOLVE = "triage_resolve"
TRIAGE_DRAFT_BLOCK = "triage_draft"
TRIAGE_SOURCES_BLOCK = "triage_sources"
"""The block ids of a triage card's draft reply and sources (their titles are in the request's
language, so "Post draft as reply" finds them by id)."""

_STATUS_BADGE = {
    "open": (":large_green_circle:", N_("open")),
    "forthcoming": (":large_blue_circle:", N_("forthcoming")),
    "closed": (":red_circle:", N_("closed")),
}


def escape(text: str) -> str:
    """Slack's mrkdwn escaping of user or corpus text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_SAFE_URL = re.compile(r"https?://[^\s<>|\x00-\x1f\x7f]+", re.IGNORECASE)


UNTITLED = N_("untitled")


def link(url: str | None, title: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """``<url|title>`` in mrkdwn, the title escaped ("untitled" in ``lang`` when it has none); just
    the title when ``url`` is not a plain http(s) address (``<``, ``>``, ``|``, spaces or control
    characters would inject mrkdwn)."""
    name = escape(title) or translator(lang)(UNTITLED)
    if url and _SAFE_URL.fullmatch(url):
        return f"<{url.replace('&', '&amp;')}|{name}>"
    return name


def cut(text: str, limit: int = SECTION_LIMIT) -> str:
    """``text`` shortened to ``limit`` characters (an ellipsis marks the cut)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


PLACEHOLDER_TEXT = N_("Looking through the corpus…")
FEEDBACK_BLOCK = "advisor_feedback"
"""The feedback buttons' block; in another language than English its id ends in ``.de``, ``.fr``...,
so the thank-you note a press brings is written in the answer's language."""


def slack_language(text: str, *, wait: bool = True) -> str:
    """The language to write the bot's own words in for ``text`` (a question): the detected one
    when it is one of the six, else English. With ``wait=False`` (what is posted at once: the
    placeholder, the command's acknowledgement within Slack's 3 s) English while the detectors are
    still being built at start-up, rather than waiting seconds for them."""
    if not wait and not detectors_ready():
        return DEFAULT_LANGUAGE
    detection = detect_language(text)
    return detection.lang if detection.supported else DEFAULT_LANGUAGE


def placeholder_text(lang: str = DEFAULT_LANGUAGE) -> str:
    """ "Looking through the corpus…" in ``lang``."""
    return translator(lang)(PLACEHOLDER_TEXT)


def placeholder_blocks(text: str = PLACEHOLDER_TEXT) -> list[Block]:
    """The message posted at once, before the answer is ready."""
    return [{"type": "context", "elements": [{"type": "mrkdwn", "text": f":hourglass_flowing_sand: {text}"}]}]


def streaming_blocks(partial: str) -> list[Block]:
    """A partial answer while it streams."""
    return [_section(cut(escape(partial) + " …"))]


def answer_blocks(
    answer: Answer, *, answer_id: str | None, call_facts: Mapping[str, CallFacts] | None = None
) -> list[Block]:
    """An answer: its text with ``[n]`` markers, the numbered sources, and the feedback buttons.

    Args:
        answer: The assistant's answer.
        answer_id: The stored answer's id (button values carry it); None hides the buttons.
        call_facts: Status and deadline of cited calls, by ``doc_id``.
    """
    # A model writes Markdown; the extractive composer writes plain text with "- " lines.
    text = markdown_to_mrkdwn(answer.answer) if answer.mode == "llm" else escape(answer.answer)
    return [_section(cut(text)), *answer_footer_blocks(answer, answer_id=answer_id, call_facts=call_facts)]


def answer_footer_blocks(
    answer: Answer, *, answer_id: str | None, call_facts: Mapping[str, CallFacts] | None = None
) -> list[Block]:
    """What follows an answer's text: the sources, a no-evidence note, the feedback buttons (also what
    ``chat.stopStream`` puts under a streamed answer), in the answer's language."""
    _ = translator(answer.lang)
    blocks: list[Block] = []
    if answer.citations:
        lines = [
            source_line(c.n, c.title, c.url, c.doc_type, (call_facts or {}).get(c.doc_id), lang=answer.lang)
            for c in answer.citations[:MAX_SOURCES]
        ]
        blocks.append({"type": "divider"})
        heading = _("Sources")
        blocks.append(_section(cut(f"*{heading}*\n" + "\n".join(lines))))
    if not answer.grounded:
        blocks.append(_context(_("No evidence in the corpus for this; try other words or ask support.")))
    if answer_id is not None:
        blocks.append(
            {
                "type": "actions",
                "block_id": FEEDBACK_BLOCK
                if answer.lang == DEFAULT_LANGUAGE
                else f"{FEEDBACK_BLOCK}.{answer.lang}",
                "elements": [
                    _button(_("Helpful"), ACTION_HELPFUL, answer_id, style="primary"),
                    _button(_("Not helpful"), ACTION_NOT_HELPFUL, answer_id),
                    _button(_("Ask support"), ACTION_ASK_SUPPORT, answer_id),
                ],
            }
        )
    return blocks


def source_line(
    n: int, title: str, url: str | None, doc_type: str, facts: CallFacts | None, *, lang: str = "en"
) -> str:
    """``[n] <url|title> · type`` plus the status badge and deadline of a call (in ``lang``)."""
    _ = translator(lang)
    parts = [f"[{n}] {link(url, title, lang)}", doc_type_word(doc_type, lang)]
    if facts is not None:
        icon, word = _STATUS_BADGE.get(facts.status, ("", facts.status))
        parts.append(f"{icon} {_(word)}".strip())
        if facts.deadline is not None:
            parts.append(_("deadline {day}").format(day=format_date(facts.deadline, lang)))
    return " · ".join(parts)


def feedback_done_blocks(blocks: Sequence[Block], *, helpful: bool, user: str) -> list[Block]:
    """The answer's blocks with the buttons replaced by a note of the verdict."""
    kept = [block for block in blocks if not str(block.get("block_id", "")).startswith(FEEDBACK_BLOCK)]
    return [*kept, _context(feedback_note(helpful=helpful, user=user, lang=feedback_language(blocks)))]


def feedback_language(blocks: Sequence[Block]) -> str:
    """The answer language the feedback block of ``blocks`` carries (English when none)."""
    for block in blocks:
        block_id = str(block.get("block_id", ""))
        if block_id.startswith(FEEDBACK_BLOCK + "."):
            return normalise_lang(block_id.removeprefix(FEEDBACK_BLOCK + "."))
    return DEFAULT_LANGUAGE


def context_block(text: str) -> Block:
    """A small grey line of mrkdwn ``text`` (escaped by the caller)."""
    return _context(text)


def section_block(text: str) -> Block:
    """A section of mrkdwn ``text`` (escaped by the caller), cut to Slack's limit."""
    return _section(cut(text))


def button_element(text: str, action_id: str, value: str, *, style: str | None = None) -> Block:
    """A button whose press Slack sends as ``action_id`` with ``value``."""
    return _button(text, action_id, value, style=style)


def feedback_note(*, helpful: bool, user: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The note that thanks ``user`` for their verdict on an answer (in ``lang``)."""
    _ = translator(lang)
    note = (
        _("{user} found this helpful. Thank you!")
        if helpful
        else _("{user} found this not helpful. Thank you!")
    )
    return note.format(user=f"<@{user}>")


def triage_blocks(card: Triage, *, draft: Answer, call_facts: Mapping[str, CallFacts] | None) -> list[Block]:
    """A triage card: category, urgency with its reason, entities, owner, draft reply, actions; its
    words in the request's language (the draft's, :mod:`assistant.triage_card`)."""
    words = card_words(draft.lang)
    owner = _mention(card.owner) if card.owner else f"_{words.no_route}_"
    entities = ", ".join(entity_names(card.entities, draft.lang))
    fields = [
        f"*{words.category}*\n{category_name(card.category, draft.lang)}",
        f"*{words.urgency}*\n{urgency_name(card.urgency, draft.lang)} ({escape(card.urgency_reason)})",
        f"*{words.owner}*\n{owner}",
        f"*{words.entities}*\n{escape(entities) or '—'}",
    ]
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": words.header}},
        {"type": "section", "fields": [{"type": "mrkdwn", "text": field} for field in fields]},
        {**_section(cut(f"*{words.draft_reply}*\n" + escape(draft.answer))), "block_id": TRIAGE_DRAFT_BLOCK},
    ]
    if draft.citations:
        lines = [
            source_line(c.n, c.title, c.url, c.doc_type, (call_facts or {}).get(c.doc_id), lang=draft.lang)
            for c in draft.citations[:MAX_SOURCES]
        ]
        sources = _section(cut(f"*{words.sources}*\n" + "\n".join(lines)))
        blocks.append({**sources, "block_id": TRIAGE_SOURCES_BLOCK})
    blocks.append(
        {
            "type": "actions",
            "block_id": "triage_actions",
            "elements": [
                _button(words.post_draft, ACTION_POST_DRAFT, "post", style="primary"),
                _button(words.assign_me, ACTION_ASSIGN_ME, "assign"),
                _button(words.resolve, ACTION_RESOLVE, "resolve"),
            ],
        }
    )
    return blocks


def draft_reply_blocks(draft_text: str, sources_text: str | None) -> list[Block]:
    """The drafted reply as posted to the member."""
    blocks = [_section(cut(draft_text))]
    if sources_text:
        blocks.append(_section(cut(sources_text)))
    return blocks


def button_texts(blocks: Sequence[Block]) -> list[str]:
    """The words on the buttons of ``blocks`` (a posted message's)."""
    return [
        str((element.get("text") or {}).get("text") or "")
        for block in blocks
        if block.get("type") == "actions"
        for element in block.get("elements") or []
    ]


def with_status(blocks: Sequence[Block], note: str) -> list[Block]:
    """``blocks`` plus (or with an updated) status line under them."""
    kept = [block for block in blocks if block.get("block_id") != "advisor_status"]
    return [*kept, {**_context(note), "block_id": "advisor_status"}]


def home_view(
    *,
    questions: Sequence[tuple[str, dt.datetime]],
    calls: Sequence[tuple[str, str | None, dt.date]],
    watches: Sequence[Block] = (),
    lang: str = DEFAULT_LANGUAGE,
) -> dict[str, Any]:
    """The App Home tab: the user's recent questions, calls closing soon (title, url, deadline), and
    ``watches``: the blocks listing the saved searches of the user's channels; in ``lang``."""
    _ = translator(lang)
    asked = "\n".join(
        f"• {escape(cut(q, 150))} _({format_date(when.date(), lang)})_" for q, when in questions
    )
    closing = "\n".join(
        f"• {link(url, title, lang)} · " + _("deadline {day}").format(day=format_date(deadline, lang))
        for title, url, deadline in calls
    )
    return {
        "type": "home",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": "Cluster Advisor"}},
            _section(
                cut(
                    _("*Your recent questions*")
                    + "\n"
                    + (asked or _("_none yet: mention me or send me a DM_"))
                )
            ),
            {"type": "divider"},
            _section(cut(_("*Calls closing in the next 30 days*") + "\n" + (closing or _("_none_")))),
            *([{"type": "divider"}, *watches] if watches else []),
        ],
    }


def _mention(slack_id: str) -> str:
    return f"<!subteam^{slack_id}>" if slack_id.startswith("S") else f"<@{slack_id}>"


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text or " "}}


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def _button(text: str, action_id: str, value: str, *, style: str | None = None) -> Block:
    button: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": text},
        "action_id": action_id,
        "value": value,
    }
    if style:
        button["style"] = style
    return button
