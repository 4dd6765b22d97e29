"""The triage vocabulary of each language, kept as data (``assistant/triage_lexicon/<lang>.toml``).

One file per language holds everything the offline triage reads in that language: weighted cue
words of the categories, urgent, not-urgent and disruption wording, and the words of relative time
(today, tomorrow, weekdays, parts of the day, "in two hours", "end of the month", due words, ...).
Adding a language is adding a file; :data:`LEXICON_LANGUAGES` lists the files found.

A cue may use a lookahead so that it matches one word while requiring the words after it: a
category's cues count once where their matches overlap, so a counter-cue written
``danke(?= … für )`` lowers the event score of "Danke für den Workshop" without overlapping the
strong cue "workshop".

Patterns are regular expressions written in lower case; they are matched on the folded text
(lower-cased, accents stripped: :func:`retrieval.analysis.fold`), so "giovedì", "giovedi" and
"GIOVEDÌ" match one cue. The patterns are folded too, so write no upper-case regex escape
(``\\W``, ``\\S``, ``\\D``, ``\\B``): folding turns them into their opposites.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from retrieval.analysis import fold

CUE_WEIGHTS: dict[str, float] = {"strong": 3.0, "hint": 2.0, "context": 1.0, "counter": -3.0}
"""Cue strength → weight, the scale of :mod:`assistant.triage_rules` (3 names the category alone)."""
PARTS_OF_DAY: dict[str, tuple[int, int]] = {
    "morning": (9, 0),
    "noon": (12, 0),
    "afternoon": (15, 0),
    "evening": (19, 0),
    "night": (22, 0),
}
"""Part of the day → the hour and minute it stands for when a request names it ("heute Mittag")."""
UNITS = ("minute", "hour", "day", "week", "month")


class Cue(NamedTuple):
    """One weighted cue of a category, with a literal its matches all contain (a cheap pre-check:
    most cues are absent from most requests, and ``in`` is far faster than a regex search)."""

    pattern: re.Pattern[str]
    weight: float
    literal: str

    def search(self, folded: str) -> re.Match[str] | None:
        """The first match in ``folded`` text, or None."""
        return self.pattern.search(folded) if self.literal in folded else None

    def finditer(self, folded: str) -> Iterator[re.Match[str]]:
        """Every match in ``folded`` text."""
        return self.pattern.finditer(folded) if self.literal in folded else iter(())


_META = set("\\()[]{}|.*+?^$")


def required_literal(source: str) -> str:
    """A plain prefix every match of ``source`` starts with ("" when there is none: a top-level
    alternative, or a pattern opening with a group or a class)."""
    depth = 0
    escaped = False
    for char in source:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            return ""
    prefix = ""
    for char in source:
        if char in _META:
            if char in "?*{" and prefix:  # the last letter is optional
                prefix = prefix[:-1]
            break
        prefix += char
    return prefix


def _pattern(parts: list[str] | str, *, whole_words: bool = True) -> re.Pattern[str]:
    alternatives = [parts] if isinstance(parts, str) else parts
    body = "|".join(f"(?:{fold(part)})" for part in alternatives) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])" if whole_words else body)


@dataclass(frozen=True)
class TimeWords:
    """The words of relative time of one language, compiled (see a lexicon file's ``[time]``)."""

    today: re.Pattern[str]
    tomorrow: re.Pattern[str]
    day_after_tomorrow: re.Pattern[str]
    no_deadline: re.Pattern[str]
    """Words that name a past moment or none ("gestern", "la semaine dernière", "good morning"):
    never a deadline, and no day or time word inside them counts."""
    since: re.Pattern[str]
    """Words that put the next time word in the past ("seit", "depuis", "desde", "od")."""
    past_verbs: re.Pattern[str]
    """Past-tense words that make a weekday in the same clause a past one ("was", "war", "fue")."""
    weekdays: tuple[re.Pattern[str], ...]
    """Monday … Sunday, each with its inflected forms."""
    weekday_needs_marker: bool
    weekday_markers: re.Pattern[str]
    """Words before a weekday that make it a due day ("by", "until"); required when
    :attr:`weekday_needs_marker` (English, where a bare weekday is mostly small talk)."""
    next_week_weekday: re.Pattern[str]
    """Words before a weekday that name that day of *next* week ("next Friday" in English)."""
    due_markers: re.Pattern[str]
    """Words before a day that make it a due day even in a past-tense clause ("wurde doppelt
    abgebucht, bitte bis Freitag", "a été prélevée deux fois, rembourser avant jeudi")."""
    parts_of_day: dict[str, re.Pattern[str]]
    numbers: dict[str, int]
    number_words: re.Pattern[str]
    within: re.Pattern[str]
    """Words before an amount of time ("in", "dans", "tra", "za")."""
    units: dict[str, re.Pattern[str]]
    end_of_week: re.Pattern[str]
    end_of_month: re.Pattern[str]
    next_week: re.Pattern[str]
    few_days: re.Pattern[str]
    half_hour: re.Pattern[str]
    clock_words: re.Pattern[str]
    """A clock time's words around the digits: "um", "uhr", "à", "a las", "alle", "o godzinie"."""


@dataclass(frozen=True)
class Lexicon:
    """Everything the offline triage reads in one language."""

    lang: str
    cues: dict[str, tuple[Cue, ...]]
    """Category → its weighted cues."""
    urgent: re.Pattern[str]
    not_urgent: re.Pattern[str]
    """Wording that says a request is *not* urgent ("nicht eilig", "rien d'urgent", "no es
    urgente"): urgent words inside it do not count."""
    disruption: re.Pattern[str]
    time: TimeWords


def _words(section: dict[str, Any], key: str) -> list[str]:
    value = section.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def _time_words(section: dict[str, Any]) -> TimeWords:
    numbers = {fold(word): int(value) for word, value in section.get("numbers", {}).items()}
    weekdays = section.get("weekdays", [[]] * 7)
    if len(weekdays) != 7:
        raise ValueError("a lexicon's [time] weekdays must list seven days, Monday first")
    parts = section.get("parts_of_day", {})
    units = section.get("units", {})
    unknown = (set(parts) - set(PARTS_OF_DAY)) | (set(units) - set(UNITS))
    if unknown:
        raise ValueError(f"unknown parts of day or units in a lexicon: {sorted(unknown)}")
    return TimeWords(
        today=_pattern(_words(section, "today")),
        tomorrow=_pattern(_words(section, "tomorrow")),
        day_after_tomorrow=_pattern(_words(section, "day_after_tomorrow")),
        no_deadline=_pattern(_words(section, "no_deadline")),
        since=_pattern(_words(section, "since")),
        past_verbs=_pattern(_words(section, "past_verbs")),
        weekdays=tuple(_pattern(forms) for forms in weekdays),
        weekday_needs_marker=bool(section.get("weekday_needs_marker", False)),
        weekday_markers=_pattern(_words(section, "weekday_markers")),
        next_week_weekday=_pattern(_words(section, "next_week_weekday")),
        due_markers=_pattern(_words(section, "due_markers")),
        parts_of_day={name: _pattern(forms) for name, forms in parts.items()},
        numbers=numbers,
        number_words=_pattern(sorted((re.escape(word) for word in numbers), key=len, reverse=True)),
        within=_pattern(_words(section, "within")),
        units={name: _pattern(forms) for name, forms in units.items()},
        end_of_week=_pattern(_words(section, "end_of_week")),
        end_of_month=_pattern(_words(section, "end_of_month")),
        next_week=_pattern(_words(section, "next_week")),
        few_days=_pattern(_words(section, "few_days")),
        half_hour=_pattern(_words(section, "half_hour")),
        clock_words=_pattern(_words(section, "clock_words")),
    )


def _cues(section: dict[str, Any]) -> dict[str, tuple[Cue, ...]]:
    cues: dict[str, tuple[Cue, ...]] = {}
    for category, strengths in section.items():
        unknown = set(strengths) - set(CUE_WEIGHTS)
        if unknown:
            raise ValueError(f"unknown cue strengths for {category}: {sorted(unknown)}")
        cues[category] = tuple(
            Cue(_pattern(part), CUE_WEIGHTS[strength], required_literal(fold(part)))
            for strength, parts in strengths.items()
            for part in parts
        )
    return cues


def parse_lexicon(lang: str, data: dict[str, Any]) -> Lexicon:
    """A :class:`Lexicon` from the parsed TOML of one language file.

    Raises:
        ValueError: An unknown cue strength, part of day or unit, or a weekday list not of seven.
        re.error: A pattern is not a valid regular expression.
    """
    urgency = data.get("urgency", {})
    return Lexicon(
        lang=lang,
        cues=_cues(data.get("categories", {})),
        urgent=_pattern(_words(urgency, "urgent")),
        not_urgent=_pattern(_words(urgency, "not_urgent")),
        disruption=_pattern(_words(urgency, "disruption")),
        time=_time_words(data.get("time", {})),
    )


def _files() -> dict[str, Any]:
    folder = resources.files("assistant") / "triage_lexicon"
    return {
        entry.name.removesuffix(".toml"): entry for entry in folder.iterdir() if entry.name.endswith(".toml")
    }


LEXICON_LANGUAGES: tuple[str, ...] = tuple(sorted(_files()))
"""The languages with a lexicon file (ISO 639-1)."""


@cache
def lexicon(lang: str) -> Lexicon:
    """The compiled lexicon of ``lang`` (one of :data:`LEXICON_LANGUAGES`).

    Raises:
        KeyError: No lexicon file for ``lang``.
    """
    entry = _files()[lang]
    return parse_lexicon(lang, tomllib.loads(entry.read_text(encoding="utf-8")))


def all_lexicons() -> tuple[Lexicon, ...]:
    """Every language's lexicon: requests are read with all of them at once, so a code-mixed
    request ("open calls für Wasserstoff") and a misdetected short one are still read."""
    return tuple(lexicon(lang) for lang in LEXICON_LANGUAGES)
