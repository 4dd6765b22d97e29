"""Triage of members' requests: category, urgency with its reason, entities and owner.

Pure rules, used by the Slack triage cards and the triage eval alike: the category and entities
come from :meth:`assistant.service.Assistant.classify`, the deadlines of named calls from the
calls service, the routing table from the settings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict

from assistant.intents import Understanding
from assistant.triage_lexicon import all_lexicons
from assistant.triage_reply import N_
from assistant.triage_time import END_OF_DAY, named_moments
from corpus.i18n import ntranslator, translator
from retrieval.analysis import fold


class Triage(BaseModel):
    """The triage of one request (what a triage card shows)."""

    model_config = ConfigDict(frozen=True)

    category: str
    urgency: str
    urgency_reason: str
    entities: tuple[str, ...] = ()
    owner: str | None = None
    """A Slack user (``U…``/``W…``) or user-group (``S…``) id."""


_URGENT_WORDS = re.compile(
    r"\b(urgent(ly)?|asap|as soon as possible|immediately|blocked|blocking|"
    r"(cannot|can'?t|can not|unable to) (log ?in|sign ?in|access|submit|get in(to)?)|locked out|emergency|"
    r"quickly|at short notice|time-critical|last minute)\b",
    re.IGNORECASE,
)
"""English urgent wording; the other languages' is in their lexicons (``[urgency] urgent``)."""
_DISRUPTION_WORDS = re.compile(
    r"\b((is|are|was|seems|went) (\w+ ){0,2}down|outage|blank page|[45]0[0-4]( error| page)?|server error|"
    r"crash(es|ed|ing)?|keeps? (crashing|logging|freezing)|not loading|bounc(e|es|ed|ing)|"
    r"since (yesterday|this morning))\b",
    re.IGNORECASE,
)
"""A service disruption with no deadline: worth a look soon (medium), not an emergency. English here,
the other languages' in their lexicons (``[urgency] disruption``)."""
HIGH_WITHIN_DAYS = 7
MEDIUM_WITHIN_DAYS = 30
# the urgency reason's words, in the request's language (the ``triage`` gettext domain)
_A_DATE = N_("a date in the request ({day})")
_A_MOMENT = N_("“{phrase}” ({at})")
_A_CALL_DEADLINE = N_("the deadline of {name} ({day})")
_IS_IN = N_("{what} is {when}")
_SAYS = N_("says “{word}”")
_DISRUPTION = N_("a service disruption (“{word}”)")
_NOTHING = N_("no deadline or urgent wording")
_UNDER_AN_HOUR = N_("in under an hour")
_TODAY = N_("today")


def _without_calm_wording(folded: str) -> str:
    """``folded`` with every "not urgent" phrase of every language blanked out (same length), so
    "nicht eilig", "rien d'urgent" or "non è urgente" never reads as urgent."""
    spans = [m.span() for lexicon in all_lexicons() for m in lexicon.not_urgent.finditer(folded)]
    for start, end in spans:
        folded = folded[:start] + " " * (end - start) + folded[end:]
    return folded


def _first_match(english: re.Pattern[str], text: str, *, urgent: bool) -> str | None:
    written = text.replace("\u2019", "'")
    folded = fold(written)
    shown = written if len(written) == len(folded) else folded  # the words as written, if offsets kept
    if urgent:
        folded = _without_calm_wording(folded)
        found = english.search(folded)
        if found is not None:
            return shown[found.start() : found.end()]
    else:
        found = english.search(text)
        if found is not None:
            return found.group(0)
    for lexicon in all_lexicons():
        match = (lexicon.urgent if urgent else lexicon.disruption).search(folded)
        if match is not None:
            return shown[match.start() : match.end()]
    return None


def _in(at: dt.datetime, sent_at: dt.datetime, lang: str) -> str:
    """ "in 2 hours", "today", "in 3 days": how far a moment is from the message, in ``lang``."""
    _, ngettext = translator(lang, "triage"), ntranslator(lang, "triage")
    hours = (at - sent_at).total_seconds() / 3600
    if hours < 12:
        whole = max(round(hours), 1) if hours >= 1 else 0
        return ngettext("in {n} hour", "in {n} hours", whole).format(n=whole) if whole else _(_UNDER_AN_HOUR)
    days = (at.date() - sent_at.date()).days
    return _(_TODAY) if days == 0 else ngettext("in {n} day", "in {n} days", days).format(n=days)


def assess_urgency(
    text: str,
    *,
    dates: Sequence[dt.date],
    call_deadlines: Mapping[str, dt.date],
    sent_at: dt.datetime,
    lang: str = "en",
) -> tuple[str, str]:
    """``(urgency, reason)``: ``high``, ``medium`` or ``low``, and why.

    A deadline within :data:`HIGH_WITHIN_DAYS` days makes it high: a date written in the request,
    a moment it names relatively in any of the six languages ("in two hours", "tomorrow at 17:00",
    "on Thursday", "heute Mittag", "w czwartek": :func:`assistant.triage_time.named_moments`),
    or the deadline of a call it names. So do urgent words ("urgent", "dringend", "locked out",
    "compte bloqué"). A deadline within :data:`MEDIUM_WITHIN_DAYS` days, or a service disruption
    ("the site is down", "500 error", "en panne", "nie działa"), makes it medium.

    Args:
        text: The request, as written.
        dates: Calendar dates written in it.
        call_deadlines: Deadlines of the calls it names, by identifier.
        sent_at: When the message was sent (its Slack ``ts``): every relative word is read from
            this moment, never from the wall clock.
        lang: The language the reason is written in (the request's; English by default).
    """
    _ = translator(lang, "triage")
    today = sent_at.date()

    def end_of(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, END_OF_DAY, tzinfo=sent_at.tzinfo)

    upcoming = sorted(
        [(end_of(day), _(_A_DATE).format(day=day.isoformat())) for day in dates if day >= today]
        + [
            (moment.at, _(_A_MOMENT).format(phrase=moment.phrase, at=f"{moment.at:%Y-%m-%d %H:%M}"))
            for moment in named_moments(text, sent_at=sent_at)
        ]
        + [
            (end_of(day), _(_A_CALL_DEADLINE).format(name=name, day=day.isoformat()))
            for name, day in call_deadlines.items()
            if day >= today
        ]
    )
    word = _first_match(_URGENT_WORDS, text, urgent=True)
    if upcoming:
        at, what = upcoming[0]
        reason = _(_IS_IN).format(what=what, when=_in(at, sent_at, lang))
        days = (at.date() - today).days
        if days <= HIGH_WITHIN_DAYS:
            return "high", reason
        if word is not None:
            return "high", _(_SAYS).format(word=word)
        if days <= MEDIUM_WITHIN_DAYS:
            return "medium", reason
    if word is not None:
        return "high", _(_SAYS).format(word=word)
    disruption = _first_match(_DISRUPTION_WORDS, text, urgent=False)
    if disruption is not None:
        return "medium", _(_DISRUPTION).format(word=disruption)
    return "low", _(_NOTHING)


def message_moment(ts: str, zone: dt.tzinfo) -> dt.datetime:
    """When a Slack message was sent: its ``ts`` ("1772440200.000100", seconds since the epoch)
    as an aware datetime in ``zone`` (the workspace's time zone, where "heute Mittag" is noon).

    Raises:
        ValueError: ``ts`` is not a Slack timestamp.
    """
    try:
        seconds = float(ts)
    except ValueError:
        raise ValueError(f"not a Slack message timestamp: {ts!r}") from None
    return dt.datetime.fromtimestamp(seconds, tz=zone)


def route(category: str, routing: Mapping[str, str]) -> str | None:
    """The owner (user or user-group id) of ``category``, else the ``default`` route, else None."""
    return routing.get(category) or routing.get("default")


def entity_labels(understanding: Understanding) -> tuple[str, ...]:
    """The entities of a request as short labels (identifiers, countries, sectors, programmes, dates)."""
    entities = understanding.entities
    labels = [
        *entities.identifiers,
        *entities.countries,
        *entities.sectors,
        *entities.programmes,
        *(day.isoformat() for day in entities.dates),
    ]
    return tuple(dict.fromkeys(labels))


def triage_request(
    understanding: Understanding,
    *,
    routing: Mapping[str, str],
    call_deadlines: Mapping[str, dt.date],
    sent_at: dt.datetime,
    lang: str = "en",
) -> Triage:
    """The triage of one request: its category, urgency with the reason, entities and owner.

    Args:
        understanding: The request as :meth:`Assistant.classify` read it.
        routing: Category → owner (``default`` for the rest).
        call_deadlines: Deadlines of the calls the request names, by identifier.
        sent_at: When the request was sent (its Slack ``ts``, time-zone aware): urgency is judged
            from this moment.
        lang: The language the urgency reason is written in (the request's; English by default).
    """
    urgency, reason = assess_urgency(
        understanding.text,
        dates=understanding.entities.dates,
        call_deadlines=call_deadlines,
        sent_at=sent_at,
        lang=lang,
    )
    return Triage(
        category=understanding.category,
        urgency=urgency,
        urgency_reason=reason,
        entities=entity_labels(understanding),
        owner=route(understanding.category, routing),
    )
