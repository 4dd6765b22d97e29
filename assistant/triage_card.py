"""The triage card's words in the request's language: field names, category and urgency names,
entity names and buttons (the ``triage`` gettext domain, ``corpus/locales/<lang>/LC_MESSAGES/triage.po``).

The card a support channel gets for a member's request (:func:`integrations.slack.blocks.triage_blocks`)
is written in the language of the request, like its drafted reply (:mod:`assistant.triage_reply`)
and its urgency reason (:func:`assistant.triage.assess_urgency`). The card keeps the category and
urgency as data (``funding_question``, ``high``): only what it shows is translated. Countries show
their CLDR name ("DE" → "Deutschland", "Niemcy"); dates the locale's long form; sector and
programme labels, call identifiers as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.triage_reply import N_
from corpus.i18n import format_date, normalise_lang, translator
from corpus.languages import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES
from corpus.places import ISO2_CODES, country_name

HEADER = N_("Triage")
CATEGORY = N_("Category")
URGENCY = N_("Urgency")
OWNER = N_("Suggested owner")
ENTITIES = N_("Entities")
DRAFT_REPLY = N_("Draft reply")
SOURCES = N_("Sources")
NO_ROUTE = N_("no route configured")
POST_DRAFT = N_("Post draft as reply")
ASSIGN_ME = N_("Assign to me")
RESOLVE = N_("Mark resolved")
NOTIFICATION = N_("Triage: {category}, {urgency} urgency")
CATEGORY_NAMES: dict[str, str] = {
    "funding_question": N_("funding question"),
    "partner_search": N_("partner search"),
    "event_matchmaking": N_("event matchmaking"),
    "membership_admin": N_("membership admin"),
    "technical_issue": N_("technical issue"),
    "other": N_("other"),
}
"""A triage category as the card names it (English: the category with spaces, as before)."""
URGENCY_NAMES: dict[str, str] = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}
STATUS_NOTES: dict[str, str] = {
    "draft_posted": N_("Draft posted by {user}."),
    "assigned": N_("Assigned to {user}."),
    "resolved": N_("Resolved by {user}."),
}
"""The line a card gets when a staff member presses one of its buttons, in the card's language."""


@dataclass(frozen=True)
class CardWords:
    """The fixed words of a triage card in one language."""

    header: str
    category: str
    urgency: str
    owner: str
    entities: str
    draft_reply: str
    sources: str
    no_route: str
    post_draft: str
    assign_me: str
    resolve: str


def card_words(lang: str) -> CardWords:
    """The card's field names and buttons in ``lang`` (English where a translation is missing)."""
    _ = translator(lang, "triage")
    return CardWords(
        header=_(HEADER),
        category=_(CATEGORY),
        urgency=_(URGENCY),
        owner=_(OWNER),
        entities=_(ENTITIES),
        draft_reply=_(DRAFT_REPLY),
        sources=_(SOURCES),
        no_route=_(NO_ROUTE),
        post_draft=_(POST_DRAFT),
        assign_me=_(ASSIGN_ME),
        resolve=_(RESOLVE),
    )


def category_name(category: str, lang: str) -> str:
    """A triage category as the card shows it: ``funding_question`` → "Förderfrage" in German; an
    unknown category with its underscores as spaces."""
    name = CATEGORY_NAMES.get(category)
    return translator(lang, "triage")(name) if name else category.replace("_", " ")


def urgency_name(urgency: str, lang: str) -> str:
    """An urgency level as the card shows it: ``high`` → "hoch", "haute", "wysoka"."""
    name = URGENCY_NAMES.get(urgency)
    return translator(lang, "triage")(name) if name else urgency


def entity_names(entities: Sequence[str], lang: str) -> list[str]:
    """The card's entity labels as shown in ``lang``: a country code by its CLDR name, an ISO date
    in the locale's long form, the rest (sectors, programmes, call identifiers) as they are."""
    if normalise_lang(lang) == DEFAULT_LANGUAGE:
        return list(entities)  # English cards show the labels, as before languages existed
    shown: list[str] = []
    for label in entities:
        if len(label) == 2 and label.isupper() and label in ISO2_CODES:
            shown.append(country_name(label, lang) or label)
            continue
        try:
            day = dt.date.fromisoformat(label) if len(label) == 10 else None
        except ValueError:
            day = None
        shown.append(format_date(day, lang) if day is not None else label)
    return shown


def notification_text(category: str, urgency: str, lang: str) -> str:
    """The card message's plain text (what notifications show): "Triage: funding question, high urgency"."""
    return translator(lang, "triage")(NOTIFICATION).format(
        category=category_name(category, lang), urgency=urgency_name(urgency, lang)
    )


def status_note(kind: str, *, user: str, lang: str) -> str:
    """The card's status line after a button press (``kind``: a key of :data:`STATUS_NOTES`) by
    ``user`` (a Slack mention), in ``lang``: "Entwurf von <@U1> gepostet."."""
    return translator(lang, "triage")(STATUS_NOTES[kind]).format(user=user)


def card_language(button_texts: Sequence[str]) -> str:
    """The language a posted card was written in, told by its buttons' words (a card carries no
    language of its own; cards posted before languages existed are English)."""
    for lang in SUPPORTED_LANGUAGES:
        words = card_words(lang)
        if lang != DEFAULT_LANGUAGE and {words.post_draft, words.assign_me, words.resolve} & set(
            button_texts
        ):
            return lang
    return DEFAULT_LANGUAGE
