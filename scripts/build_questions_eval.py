"""Build the questions eval (issue 12) from the bundled records: wordings by hand, gold by script.

    python scripts/build_questions_eval.py            # writes evals/datasets/questions.jsonl (dev),
                                                      # evals/datasets/questions_holdout.jsonl and
                                                      # evals/datasets/questions_dev2.jsonl, and the
                                                      # typo tuning sets questions_typos_dev{,2}.jsonl
                                                      # and questions_definitions_dev.jsonl

The wordings below are written the way members write (informal, lower case, typos); every gold
value (counts, dates, amounts, which documents may be cited) is computed from
``corpus/data/*.jsonl.gz`` with :mod:`evals.questions_gold`. The split is fixed before any tuning:
the candidate items of each shape (a family on a day, a record, a pair of countries) are ordered by
a hash of their key and every third goes to the hold-out, so dev and hold-out never share an item,
and the hold-out uses its own wording templates. A second dev split (dev2, fresh tuning material once
dev has been tuned on) takes the dev side's items that dev does not use, then dev's own, and asks them
in a third set of wordings; it never takes a hold-out item. Output is byte-identical on re-run.
See docs/questions-eval.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.bundle import load_bundled_records  # noqa: E402
from corpus.folding import fold  # noqa: E402
from corpus.models import CallStatus, ClusterProfile, FundingCall, PolicyDocument  # noqa: E402
from corpus.places import country_name  # noqa: E402
from evals import questions_gold as gold  # noqa: E402
from evals.answers_eval import AnswerCase  # noqa: E402
from evals.questions_wordings import (  # noqa: E402
    DEFINITIONS_DEV,
    DEV,
    DEV2,
    HOLDOUT,
    TYPO3_AMBIGUOUS,
    TYPO3_CONTEXT,
    TYPO3_FOLLOW_UP_CALL,
    TYPO3_FOLLOW_UP_CLUSTER,
    TYPO3_WITH_COUNTRY,
    TYPO_KINDS,
    TYPOS,
    TYPOS_DEV3,
    Wordings,
)
from evals.typing_slips import (  # noqa: E402
    GENERIC_WORDS,
    IDENTIFIER_SLIPS,
    IDENTIFIER_SLIPS_3,
    NAME_SLIPS,
    NAME_SLIPS_3,
    PROGRAMME_SLIPS,
    SMALL_WORDS,
    dropped_letter,
    neighbour_key,
)

DAYS = (dt.date(2026, 3, 2), dt.date(2026, 5, 10), dt.date(2026, 9, 15), dt.date(2026, 11, 23))
DEV_PATH = ROOT / "evals" / "datasets" / "questions.jsonl"
HOLDOUT_PATH = ROOT / "evals" / "datasets" / "questions_holdout.jsonl"
DEV2_PATH = ROOT / "evals" / "datasets" / "questions_dev2.jsonl"
TYPOS_PATH = ROOT / "evals" / "datasets" / "questions_typos_dev.jsonl"
TYPOS2_PATH = ROOT / "evals" / "datasets" / "questions_typos_dev2.jsonl"
TYPOS3_PATH = ROOT / "evals" / "datasets" / "questions_typos_dev3.jsonl"
DEFINITIONS_PATH = ROOT / "evals" / "datasets" / "questions_definitions_dev.jsonl"
DEFINITION_KINDS = 4
"""U.S. cluster categories asked about in the definition tuning set (each in every wording)."""
TYPO_TUNING_ITEMS = 60
TYPO_KIND_CASES = 16
"""Cases per kind of slip in the second typo tuning set."""
TYPO3_CASES = 12
"""Cases per kind in the third typo tuning set."""
PER_SHAPE = {"dev": 15, "holdout": 7, "dev2": 12}
REPEATS = {"dev": 5, "holdout": 3, "dev2": 3}
"""At most this many cases per item (as many wordings as each definition term has in the split)."""
NONE_WORDS = ("no ", "none", "not open")
DECLINE_WORDS = ("can't", "cannot", "not able")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip
OPEN = CallStatus.OPEN
FORTHCOMING = CallStatus.FORTHCOMING


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class Item:
    """One candidate of a shape: a key (for the split) and how to turn it into a case."""

    key: str
    build: Callable[[Wordings, int], dict[str, Any]]
    group: str | None = None
    """Items of one group go to the same split (e.g. every question about one family on one day)."""


def split(items: Iterable[Item]) -> dict[str, list[Item]]:
    """Groups ordered by hash, every third group to the hold-out; items hash-ordered inside a side."""
    rows = list(items)
    groups = sorted({item.group or item.key for item in rows}, key=_hash)
    held = {group for i, group in enumerate(groups) if i % 3 == 1}
    ordered = sorted(rows, key=lambda item: _hash(item.key))
    return {
        "dev": [item for item in ordered if (item.group or item.key) not in held],
        "holdout": [item for item in ordered if (item.group or item.key) in held],
    }


def pick(options: Sequence[str], n: int) -> str:
    return options[n % len(options)]


def ids(calls: Iterable[Any]) -> list[str]:
    return [record.doc_id for record in calls]


def iso(day: dt.date | None) -> str:
    assert day is not None
    return day.isoformat()


class Builder:
    """The records, and one method per shape returning its candidate items."""

    def __init__(self) -> None:
        records = list(load_bundled_records())
        self.calls = [r for r in records if isinstance(r, FundingCall)]
        self.clusters = [r for r in records if isinstance(r, ClusterProfile)]
        self.policies = [r for r in records if isinstance(r, PolicyDocument)]
        titles: dict[str, int] = {}
        for record in records:
            titles[record.title.lower()] = titles.get(record.title.lower(), 0) + 1
        self.unique_title = {title for title, n in titles.items() if n == 1}
        self.by_country: dict[str, list[ClusterProfile]] = {}
        for cluster in sorted(self.clusters, key=lambda c: c.doc_id):
            if cluster.country:
                self.by_country.setdefault(cluster.country, []).append(cluster)

    def family_open(self, family: gold.Family, today: dt.date) -> list[FundingCall]:
        return gold.list_order(gold.with_status(gold.family_calls(self.calls, family), today, OPEN))

    # --- count ----------------------------------------------------------------------------------

    def count(self) -> list[Item]:
        items = []
        for family in gold.FAMILIES:
            for today in DAYS:
                for status in (OPEN, FORTHCOMING):
                    matching = gold.list_order(
                        gold.with_status(gold.family_calls(self.calls, family), today, status)
                    )
                    if not matching:
                        continue
                    items.append(
                        Item(
                            f"count|{family.key}|{today}|{status}",
                            self._count(family, today, status, matching),
                            group=f"{family.key}|{today}",
                        )
                    )
        return items

    def _count(
        self, family: gold.Family, today: dt.date, status: CallStatus, matching: list[FundingCall]
    ) -> Callable[[Wordings, int], dict[str, Any]]:
        def build(words: Wordings, n: int) -> dict[str, Any]:
            templates = words.count_open if status == OPEN else words.count_forthcoming
            question = pick(templates, n).format(family=pick(family.names, n))
            return {
                "turns": [question],
                "today": today,
                "first_sentence_contains": [str(len(matching))],
                "must_cite": ids(matching[:3]),
                "cites_only": ids(matching),
                "note": f"{len(matching)} {family.name} calls {status.value} on {today}",
            }

        return build

    # --- window ---------------------------------------------------------------------------------

    def window(self) -> list[Item]:
        """Windows over one family's calls (1 to 60 of them)."""
        return self._window_items(list(gold.FAMILIES), largest=60)

    def window_all(self) -> list[Item]:
        """Windows over every call ("which calls close in the next 30 days?"), up to 130 of them."""
        return self._window_items([None], largest=130)

    def _window_items(self, families: list[gold.Family | None], *, largest: int) -> list[Item]:
        items = []
        for family in families:
            pool = self.calls if family is None else gold.family_calls(self.calls, family)
            for today in DAYS:
                seen: set[frozenset[str]] = set()
                for kind, param, chosen in self._windows(pool, today):
                    # Two windows with the same calls on the same day ("14 days", "2 weeks") are one item.
                    if not 1 <= len(chosen) <= largest or frozenset(ids(chosen)) in seen:
                        continue
                    seen.add(frozenset(ids(chosen)))
                    key = f"window|{family.key if family else 'all'}|{today}|{kind}|{param}"
                    group = f"{family.key if family else 'all'}|{today}"
                    items.append(Item(key, self._window(family, today, kind, param, chosen), group=group))
        return items

    def _windows(self, pool: list[FundingCall], today: dt.date) -> list[tuple[str, int, list[FundingCall]]]:
        found: list[tuple[str, int, list[FundingCall]]] = []
        for days in (7, 14, 30, 60):
            found.append(("days", days, gold.closing_within(pool, today, days)))
        for weeks in (2, 3, 6):
            found.append(("weeks", weeks, gold.closing_within(pool, today, 7 * weeks)))
        found.append(("this-month", 0, gold.closing_this_month(pool, today)))
        found.append(("next-month", 0, gold.closing_next_month(pool, today)))
        for ahead in (2, 3, 4):
            month = (today.month - 1 + ahead) % 12 + 1
            found.append(("before", month, gold.closing_before_month(pool, today, month)))
        found.append(("opens", 30, gold.opening_within(pool, today, 30)))
        found.append(("opens", 60, gold.opening_within(pool, today, 60)))
        found.append(("closed-last-month", 0, gold.closed_last_month(pool, today)))
        return found

    def _window(
        self, family: gold.Family | None, today: dt.date, kind: str, param: int, chosen: list[FundingCall]
    ) -> Callable[[Wordings, int], dict[str, Any]]:
        def build(words: Wordings, n: int) -> dict[str, Any]:
            phrase = pick(words.window[kind], n).format(
                n=param, month=MONTHS[param - 1] if kind == "before" else ""
            )
            what = (
                pick(words.calls_of, n).format(family=pick(family.names, n))
                if family
                else pick(words.any_calls, n)
            )
            question = pick(words.window_frame, n + len(phrase)).format(what=what, window=phrase)
            if kind == "opens":
                ordered = sorted(chosen, key=lambda c: (c.opening_date, c.topic_identifier, c.doc_id))
                first = iso(ordered[0].opening_date)
            else:
                ordered = gold.list_order(chosen)
                first = iso(ordered[0].deadline_date)
            return {
                "turns": [question],
                "today": today,
                "must_contain": [first],
                "must_cite": ids(ordered[:3]),
                "cites_only": ids(ordered),
                "note": f"{len(chosen)} calls, window {kind} {param} on {today}; first {first}",
            }

        return build

    # --- superlative ----------------------------------------------------------------------------

    def superlative(self) -> list[Item]:
        items = []
        for family in gold.FAMILIES:
            for today in DAYS:
                members = gold.family_calls(self.calls, family)
                opened = gold.with_status(members, today, OPEN)
                candidates: list[tuple[str, object, list[FundingCall]]] = [
                    ("first", *gold.closes_first(opened)),
                    ("budget", *gold.largest_budget(opened)),
                    ("per-project", *gold.largest_per_project(opened)),
                    ("opens-next", *gold.opens_next(members, today)),
                ]
                for kind, value, tied in candidates:
                    if (
                        value is not None
                        and 1 <= len(tied) <= 4
                        and len(opened if kind != "opens-next" else members) >= 2
                    ):
                        key = f"superlative|{family.key}|{today}|{kind}"
                        build = self._superlative(family, today, kind, value, tied)
                        items.append(Item(key, build, group=f"{family.key}|{kind}"))
        return items

    def _superlative(
        self, family: gold.Family, today: dt.date, kind: str, value: object, tied: list[FundingCall]
    ) -> Callable[[Wordings, int], dict[str, Any]]:
        def build(words: Wordings, n: int) -> dict[str, Any]:
            question = pick(words.superlative[kind], n).format(family=pick(family.names, n))
            shown = value.isoformat() if isinstance(value, dt.date) else gold.eur(float(value))  # type: ignore[arg-type]
            return {
                "turns": [question],
                "today": today,
                "must_contain": [shown],
                "first_sentence_contains_any": sorted({gold.shown_name(c) for c in tied}),
                "must_cite": ids(tied),
                "note": f"{kind} of open {family.name} calls on {today}: {shown}",
            }

        return build

    # --- follow-up over a result set ------------------------------------------------------------

    def follow_up_set(self) -> list[Item]:
        items = []
        for family in gold.FAMILIES:
            for today in DAYS:
                opened = self.family_open(family, today)
                if not 3 <= len(opened) <= 40:
                    continue
                for variant in ("first", "second", "before", "before-count"):
                    build = self._follow_up(family, today, variant, opened)
                    if build is not None:
                        key = f"follow-up|{family.key}|{today}|{variant}"
                        items.append(Item(key, build, group=f"{family.key}|{today}"))
        countries = sorted(c for c, rows in self.by_country.items() if len(rows) >= 3 and c != "US")
        for first, second in zip(countries, countries[1:] + countries[:1], strict=True):
            build = self._partners_follow_up(first, second)
            items.append(Item(f"follow-up|partners|{first}|{second}", build, group=f"partners|{second}"))
        return items

    def _follow_up(
        self, family: gold.Family, today: dt.date, variant: str, opened: list[FundingCall]
    ) -> Callable[[Wordings, int], dict[str, Any]] | None:
        month = (today.month - 1 + 3) % 12 + 1
        subset = gold.list_order(gold.closing_before_month(opened, today, month))
        first_day, tied = gold.closes_first(opened)
        if variant == "first" and not (first_day and len(tied) <= 4):
            return None
        if variant == "second" and opened[1].deadline_date is None:
            return None
        if variant.startswith("before") and not 1 <= len(subset) < len(opened):
            return None

        def build(words: Wordings, n: int) -> dict[str, Any]:
            opening = pick(words.set_opening, n).format(family=pick(family.names, n))
            case: dict[str, Any] = {"today": today}
            if variant == "first":
                case |= {
                    "turns": [opening, pick(words.which_first, n)],
                    "must_contain": [iso(first_day)],
                    "first_sentence_contains_any": sorted({gold.shown_name(c) for c in tied}),
                    "must_cite": ids(tied),
                    "cites_only": ids(opened),
                }
            elif variant == "second":
                second = opened[1]
                case |= {
                    "turns": [opening, pick(words.the_second, n)],
                    "must_contain": [iso(second.deadline_date)],
                    "first_sentence_contains": [iso(second.deadline_date)],
                    "must_cite": [second.doc_id],
                }
            else:
                narrow = pick(words.only_before, n).format(month=MONTHS[month - 1])
                turns = [opening, narrow] + (
                    [pick(words.how_many_then, n)] if variant == "before-count" else []
                )
                case |= {"turns": turns, "must_cite": ids(subset[:3]), "cites_only": ids(subset)}
                if variant == "before-count":
                    case["first_sentence_contains"] = [str(len(subset))]
                else:
                    case["must_contain"] = [iso(subset[0].deadline_date)]
            case["note"] = f"turn 1: {len(opened)} open {family.name} calls on {today}; {variant}"
            return case

        return build

    def _partners_follow_up(self, first: str, second: str) -> Callable[[Wordings, int], dict[str, Any]]:
        targets = self.by_country[second]

        def build(words: Wordings, n: int) -> dict[str, Any]:
            return {
                "turns": [
                    pick(words.partners_in, n).format(country=place(first)),
                    pick(words.and_in, n).format(country=place(second)),
                ],
                "today": DAYS[n % len(DAYS)],
                "must_cite": ids(targets),
                "cites_only": ids(targets),
                "cite_types": ["cluster"],
                "note": f"clusters in {second} ({len(targets)})",
            }

        return build

    # --- none open ------------------------------------------------------------------------------

    def none_open(self) -> list[Item]:
        items = []
        for family in gold.FAMILIES:
            for today in DAYS:
                result = gold.none_open(gold.family_calls(self.calls, family), today)
                if result is not None and (result.last_closed or result.next_opening):
                    items.append(
                        Item(f"none-open|{family.key}|{today}", self._none_open(family, today, result))
                    )
        return items

    def _none_open(
        self, family: gold.Family, today: dt.date, result: gold.NoneOpen
    ) -> Callable[[Wordings, int], dict[str, Any]]:
        def build(words: Wordings, n: int) -> dict[str, Any]:
            facts = [d.isoformat() for d in (result.last_closed, result.next_opening) if d is not None]
            cite = result.last_closed_calls or result.next_opening_calls
            return {
                "turns": [pick(words.none_open, n).format(family=pick(family.names, n))],
                "today": today,
                "must_contain": facts,
                "first_sentence_contains_any": list(NONE_WORDS),
                "must_cite": ids(cite),
                "note": f"no open {family.name} call on {today}; last closed {result.last_closed}, "
                f"next opening {result.next_opening or 'none announced'}",
            }

        return build

    # --- budget ---------------------------------------------------------------------------------

    def budget(self) -> list[Item]:
        items = []
        named = [c for c in self.calls if c.call_kind != "cascade" and c.budget is not None]
        for call in named:
            assert call.budget is not None
            if call.budget.total_eur and call.budget.expected_grants:
                items.append(Item(f"budget|total|{call.doc_id}", self._budget_total(call)))
        for call in self.calls:
            if call.call_kind == "cascade" and call.url and call.title.lower() in self.unique_title:
                if call.budget is None or call.budget.max_contribution_eur is None:
                    items.append(Item(f"budget|per-sme|{call.doc_id}", self._per_sme(call)))
        # One cascade case in three, so most budget cases ask for numbers.
        return [item for item in items if "per-sme" not in item.key or int(_hash(item.key), 16) % 9 == 0]

    def _budget_total(self, call: FundingCall) -> Callable[[Wordings, int], dict[str, Any]]:
        assert call.budget is not None and call.budget.total_eur and call.budget.expected_grants
        total, grants = gold.eur(call.budget.total_eur), str(call.budget.expected_grants)

        def build(words: Wordings, n: int) -> dict[str, Any]:
            return {
                "turns": [pick(words.budget_total, n).format(id=call.topic_identifier)],
                "today": DAYS[n % len(DAYS)],
                "must_contain": [total],
                "first_sentence_contains": [total, grants],
                "must_cite": [call.doc_id],
                "note": f"total {total}, {grants} expected grants",
            }

        return build

    def _per_sme(self, call: FundingCall) -> Callable[[Wordings, int], dict[str, Any]]:
        def build(words: Wordings, n: int) -> dict[str, Any]:
            return {
                "turns": [pick(words.per_sme, n).format(title=call.title)],
                "today": DAYS[n % len(DAYS)],
                "must_contain": [call.url],
                "must_cite": [call.doc_id],
                "note": "the record gives no amount per SME: cite the call and link its page",
            }

        return build

    # --- loose identifiers and typos ------------------------------------------------------------

    def loose_id(self) -> list[Item]:
        parents = {c.topic_identifier for c in self.calls if c.call_kind == "cascade"}
        identifiers = [c.topic_identifier for c in self.calls]
        items = []
        for call in self.calls:
            ident = call.topic_identifier
            if call.call_kind != "topic" or ident in parents or call.deadline_date is None:
                continue
            if any(other != ident and other.lower().startswith(ident.lower() + "-") for other in identifiers):
                continue
            items.append(Item(f"loose-id|{call.doc_id}", self._loose(call)))
        return items

    def _loose(self, call: FundingCall) -> Callable[[Wordings, int], dict[str, Any]]:
        def build(words: Wordings, n: int) -> dict[str, Any]:
            ident = call.topic_identifier.lower()
            loose = (ident, ident.replace("-", " "), ident.replace("-", "_"), ident.replace("-", " ", 2))[
                n % 4
            ]
            return {
                "turns": [pick(words.loose_id, n).format(id=loose)],
                "today": DAYS[n % len(DAYS)],
                "must_contain": [iso(call.deadline_date)],
                "must_cite": [call.doc_id],
                "note": f"{call.topic_identifier} typed as {loose!r}",
            }

        return build

    def typo(self) -> list[Item]:
        items = []
        for cluster in self.clusters:
            name = cluster.title
            if len(name) >= 10 and name.lower() in self.unique_title and re.search(r"[A-Za-z]{6,}", name):
                items.append(Item(f"typo|{cluster.doc_id}", self._typo(cluster.doc_id, name, None)))
        for call in self.calls:
            title = call.title
            if call.call_kind == "topic" and 20 <= len(title) <= 70 and title.lower() in self.unique_title:
                if call.deadline_date is not None:
                    items.append(Item(f"typo|{call.doc_id}", self._typo(call.doc_id, title, call)))
        return items

    def _typo(
        self, doc_id: str, name: str, call: FundingCall | None
    ) -> Callable[[Wordings, int], dict[str, Any]]:
        def build(words: Wordings, n: int) -> dict[str, Any]:
            typed = misspell(name, seed=doc_id + words.typo_salt, typos=1 if len(name) < 20 else 2)
            case: dict[str, Any] = {"today": DAYS[n % len(DAYS)], "must_cite": [doc_id]}
            if call is None:
                case["turns"] = [pick(words.typo_cluster, n).format(name=typed)]
            else:
                case["turns"] = [pick(words.typo_call, n).format(title=typed)]
                case["must_contain"] = [iso(call.deadline_date)]
            case["note"] = f"{name!r} typed as {typed!r}"
            return case

        return build

    # --- countries ------------------------------------------------------------------------------

    def home_target(self) -> list[Item]:
        countries = sorted(c for c, rows in self.by_country.items() if len(rows) >= 2 and c != "US")
        return [
            Item(f"home-target|{home}|{target}", self._home_target(home, target), group=target)
            for home in countries
            for target in countries
            if home != target and (_hash(home + target)[0] in "0123")
        ]

    def _home_target(self, home: str, target: str) -> Callable[[Wordings, int], dict[str, Any]]:
        targets = ids(self.by_country[target])

        def build(words: Wordings, n: int) -> dict[str, Any]:
            return {
                "turns": [
                    pick(words.home_target, n).format(
                        home=demonym(home),
                        a_home=with_article(demonym(home)),
                        home_country=place(home),
                        target=place(target),
                    )
                ],
                "today": DAYS[n % len(DAYS)],
                "must_cite": targets,
                "cites_only": targets,
                "cite_types": ["cluster"],
                "note": f"home {home}, target {target}: only clusters in {target}",
            }

        return build

    def mixed(self) -> list[Item]:
        countries = sorted(c for c in self.by_country if c != "US")
        items = []
        for family in gold.FAMILIES:
            for today in DAYS:
                opened = self.family_open(family, today)
                if 1 <= len(opened) <= 60:
                    country = countries[int(_hash(family.key + str(today)), 16) % len(countries)]
                    build = self._mixed(family, today, country, opened)
                    items.append(Item(f"mixed|{family.key}|{today}", build, group=f"{family.key}|{today}"))
        return items

    def _mixed(
        self, family: gold.Family, today: dt.date, country: str, opened: list[FundingCall]
    ) -> Callable[[Wordings, int], dict[str, Any]]:
        def build(words: Wordings, n: int) -> dict[str, Any]:
            question = pick(words.mixed, n).format(family=pick(family.names, n), country=place(country))
            return {
                "turns": [question],
                "today": today,
                "must_cite": ids(opened[:3]),
                "cites_only": ids(opened),
                "cite_types": ["call"],
                "note": f"funding: {len(opened)} open {family.name} calls; {country} only names partners",
            }

        return build

    # --- declined and definitions ---------------------------------------------------------------

    def declined(self) -> list[Item]:
        names = [c.title for c in self.clusters if c.title.lower() in self.unique_title and len(c.title) < 40]
        idents = [c.topic_identifier for c in self.calls if c.call_kind == "topic"]
        return [
            Item(f"declined|{i}", self._declined(names[i * 37 % len(names)], idents[i * 53 % len(idents)]))
            for i in range(40)
        ]

    def _declined(self, name: str, ident: str) -> Callable[[Wordings, int], dict[str, Any]]:
        def build(words: Wordings, n: int) -> dict[str, Any]:
            return {
                "turns": [pick(words.declined, n).format(name=name, id=ident)],
                "today": DAYS[n % len(DAYS)],
                "grounded": False,
                "max_citations": 0,
                "first_sentence_contains_any": list(DECLINE_WORDS),
                "note": "an action the product cannot take",
            }

        return build

    def definition(self) -> list[Item]:
        items = []
        for term, pattern in DEFINITIONS.items():
            definers = sorted(p.doc_id for p in self.policies if re.search(pattern, policy_text(p)))
            if definers:
                items.append(Item(f"definition|{term}", self._definition(term, definers)))
        return items

    def cluster_kind(self) -> list[Item]:
        """Definition questions about one U.S. benchmark cluster category (traded or local)."""
        items = []
        kinds = [
            (m.group(1), m.group(2), policy.doc_id)
            for policy in self.policies
            for m in re.finditer(
                r"(?:^|\. )([A-Z][A-Za-z ,]+?) is an? (traded|local) cluster in the U\.S\.",
                policy_text(policy),
            )
        ]
        for category, kind, doc_id in sorted(kinds):
            items.append(Item(f"definition|kind|{category}", self._cluster_kind(category, kind, doc_id)))
        return items

    def _cluster_kind(
        self, category: str, kind: str, doc_id: str
    ) -> Callable[[Wordings, int], dict[str, Any]]:
        def build(words: Wordings, n: int) -> dict[str, Any]:
            return {
                "turns": [pick(words.cluster_kind, n).format(category=category)],
                "today": DAYS[n % len(DAYS)],
                "must_contain": [f"{kind} cluster"],
                "must_cite": [doc_id],
                "note": f"{category} is a {kind} cluster in the U.S. benchmark definitions",
            }

        return build

    def _definition(self, term: str, definers: list[str]) -> Callable[[Wordings, int], dict[str, Any]]:
        def build(words: Wordings, n: int) -> dict[str, Any]:
            return {
                "turns": [pick(words.definition[term], n)],
                "today": DAYS[n % len(DAYS)],
                "must_cite": definers,
                "note": f"policy documents defining {term!r}",
            }

        return build


DEFINITIONS = {
    "cluster": r"\bA cluster is an? ",
    "traded-local": r"\b[Tt]raded (clusters|industries)(, which| are those)",
    "cluster-mapping": r"\bCluster [Mm]apping (is designed|Project is an?)\b",
    "sub-clusters": r"split into sub-clusters",
}


def policy_text(policy: PolicyDocument) -> str:
    return " ".join(section.text for section in policy.sections)


DEMONYMS = {
    "AT": "Austrian", "BE": "Belgian", "BG": "Bulgarian", "CZ": "Czech", "DE": "German", "DK": "Danish",
    "EE": "Estonian", "ES": "Spanish", "FI": "Finnish", "FR": "French", "GR": "Greek", "HR": "Croatian",
    "HU": "Hungarian", "IE": "Irish", "IT": "Italian", "LT": "Lithuanian", "LV": "Latvian", "NL": "Dutch",
    "PL": "Polish", "PT": "Portuguese", "RO": "Romanian", "RS": "Serbian", "SE": "Swedish", "SI": "Slovenian",
    "SK": "Slovak", "TR": "Turkish", "UA": "Ukrainian", "MD": "Moldovan", "GE": "Georgian", "CY": "Cypriot",
    "AL": "Albanian", "LU": "Luxembourgish", "ME": "Montenegrin", "MK": "North Macedonian",
}  # fmt: skip


def place(iso2: str) -> str:
    """The country as written in a sentence ("the Netherlands")."""
    name = country_name(iso2) or iso2
    return f"the {name}" if name in {"Netherlands", "Czech Republic", "United Kingdom"} else name


def demonym(iso2: str) -> str:
    return DEMONYMS.get(iso2) or f"{country_name(iso2)}-based"


def with_article(word: str) -> str:
    """ "a French", "an Estonian" (a "U" is said "you": "a Ukrainian")."""
    return ("an " if word[0] in "AEIO" else "a ") + word


def misspell(name: str, *, seed: str, typos: int) -> str:
    """``name`` with ``typos`` deterministic 1-character typos inside its longer words."""
    text = list(name)
    digest = _hash(seed)
    spans = [m.span() for m in re.finditer(r"[A-Za-z]{6,}", name)]
    for k in range(typos):
        start, end = spans[int(digest[k * 8 : k * 8 + 4], 16) % len(spans)]
        pos = start + 1 + int(digest[k * 8 + 4 : k * 8 + 8], 16) % (end - start - 2)
        kind = int(digest[40 + k], 16) % 3
        if kind == 0:  # swap two neighbours
            text[pos], text[pos + 1] = text[pos + 1], text[pos]
        elif kind == 1:  # drop a letter
            text[pos] = ""
        else:  # double a letter
            text[pos] = text[pos] * 2
    typed = "".join(text)
    return typed if typed != name else name[:-1]


SHAPES: tuple[tuple[str, str, Callable[[Builder], list[Item]], dict[str, int]], ...] = (
    # (id stem, category, items, cases per split)
    ("count", "count", Builder.count, PER_SHAPE),
    ("window", "window", Builder.window, {"dev": 10, "holdout": 5, "dev2": 8}),
    ("window-all", "window", Builder.window_all, {"dev": 5, "holdout": 2, "dev2": 4}),
    ("superlative", "superlative", Builder.superlative, PER_SHAPE),
    ("follow-up-set", "follow-up-set", Builder.follow_up_set, PER_SHAPE),
    ("none-open", "none-open", Builder.none_open, PER_SHAPE),
    ("budget", "budget", Builder.budget, PER_SHAPE),
    ("loose-id", "loose-id", Builder.loose_id, PER_SHAPE),
    ("typo", "typo", Builder.typo, PER_SHAPE),
    ("home-target", "home-target", Builder.home_target, PER_SHAPE),
    ("mixed", "mixed", Builder.mixed, PER_SHAPE),
    ("declined", "declined", Builder.declined, PER_SHAPE),
    ("definition", "definition", Builder.definition, {"dev": 10, "holdout": 4, "dev2": 8}),
    ("definition-kind", "definition", Builder.cluster_kind, {"dev": 5, "holdout": 3, "dev2": 4}),
)


def second_dev(dev_side: list[Item], quota: int) -> list[Item]:
    """The dev side's items for dev2: those dev does not use, in groups dev does not touch first, then
    the rest of the unused ones, then dev's own (asked again in dev2's wordings). Within each of the
    first two parts, one item per group comes before a second one of any group, so that dev2 spreads
    over families, days and countries."""
    used = [dev_side[n % len(dev_side)] for n in range(min(quota, len(dev_side)))]
    used_groups = {item.group or item.key for item in used}
    unused = [item for item in dev_side if item not in used]
    fresh = [item for item in unused if (item.group or item.key) not in used_groups]
    return spread(fresh) + spread([item for item in unused if item not in fresh]) + used


def spread(items: list[Item]) -> list[Item]:
    """``items`` reordered round-robin over their groups (order kept inside a group and between groups)."""
    rank: dict[str, int] = {}
    ranked = []
    for position, item in enumerate(items):
        group = item.group or item.key
        rank[group] = rank.get(group, 0) + 1
        ranked.append((rank[group], position, item))
    return [item for _, _, item in sorted(ranked, key=lambda row: row[:2])]


def build_cases() -> dict[str, list[dict[str, Any]]]:
    """The three splits, every case validated as an :class:`AnswerCase`."""
    builder = Builder()
    out: dict[str, list[dict[str, Any]]] = {"dev": [], "holdout": [], "dev2": []}
    prefixes = {"dev": "q", "holdout": "h", "dev2": "d2"}
    for stem, shape, items_of, quotas in SHAPES:
        sides = split(items_of(builder))
        # dev2 draws only from the dev side, so the hold-out's items stay unseen by any tuning.
        sides["dev2"] = second_dev(sides["dev"], quotas["dev"])
        for side, words in (("dev", DEV), ("holdout", HOLDOUT), ("dev2", DEV2)):
            prefix = prefixes[side]
            chosen = sides[side]
            # A shape with fewer items than its quota (definitions: a handful of terms) asks each
            # item again in the next wording.
            quota = min(quotas[side], REPEATS[side] * len(chosen))
            for n in range(quota):
                fields = chosen[n % len(chosen)].build(words, n)
                case = {"id": f"{prefix}-{stem}-{n + 1:02d}", "category": shape, **fields}
                case["today"] = case["today"].isoformat()
                AnswerCase.model_validate(case)
                out[side].append(case)
    return out


def typo_tuning_cases() -> list[dict[str, Any]]:
    """Typo tuning material: dev-side names (never the hold-out's), each typed with other typos under
    each salt of :data:`TYPOS`, in wordings of their own."""
    items = split(Builder().typo())["dev"][:TYPO_TUNING_ITEMS]
    out = []
    for k, words in enumerate(TYPOS):
        for n, item in enumerate(items):
            case = {"id": f"ty{k + 1}-typo-{n + 1:02d}", "category": "typo", **item.build(words, n + k)}
            case["today"] = case["today"].isoformat()
            AnswerCase.model_validate(case)
            out.append(case)
    return out


def typo_kind_cases() -> list[dict[str, Any]]:
    """The second typo tuning set: dev-side names, identifiers and programme names typed with the kinds
    of slip of :mod:`evals.typing_slips`, in the wordings of :data:`TYPO_KINDS`. A typed form is kept
    only when the records still point to the one meant (:class:`SlipGold`); the gold is the shape's."""
    builder = Builder()
    sure = SlipGold(builder)
    records: dict[str, ClusterProfile | FundingCall] = {c.doc_id: c for c in builder.clusters}
    records.update((c.doc_id, c) for c in builder.calls)
    names = [records[item.key.split("|", 1)[1]] for item in split(builder.typo())["dev"]]
    out: list[dict[str, Any]] = []
    for k, (kind, slip) in enumerate(NAME_SLIPS.items()):
        # Each kind starts at its own place in the dev side's names, so kinds type different names.
        start = k * len(names) // len(NAME_SLIPS)
        ordered = names[start:] + names[:start]
        if kind == "accents":  # names with accents first: dropped ("Île-de-France" → "Ile de France")
            ordered.sort(key=lambda record: record.title.isascii())
        cases: list[dict[str, Any]] = []
        for record in ordered:
            typed = slip(record.title, f"{record.doc_id}|{kind}")
            if typed is None or not sure.name(typed, record.title, kind):
                continue
            n = len(cases)
            case: dict[str, Any] = {"today": DAYS[n % len(DAYS)], "must_cite": [record.doc_id]}
            if isinstance(record, FundingCall):
                case["turns"] = [pick(TYPO_KINDS.typo_call, n).format(title=typed)]
                case["must_contain"] = [iso(record.deadline_date)]
            else:
                case["turns"] = [pick(TYPO_KINDS.typo_cluster, n).format(name=typed)]
            case["note"] = f"{kind}: {record.title!r} typed as {typed!r}"
            cases.append({"id": f"t2-{kind}-{n + 1:02d}", "category": "typo", **case})
            if len(cases) == TYPO_KIND_CASES:
                break
        out += cases
    calls = [records[item.key.split("|", 1)[1]] for item in split(builder.loose_id())["dev"]]
    for k, (kind, slip) in enumerate(IDENTIFIER_SLIPS.items()):
        cases = []
        for call in calls[k * len(calls) // 2 :]:
            assert isinstance(call, FundingCall)
            typed = slip(call.topic_identifier, f"{call.doc_id}|{kind}")
            if typed is None or not sure.identifier(typed, call.topic_identifier):
                continue
            n = len(cases)
            cases.append(
                {
                    "id": f"t2-{kind}-{n + 1:02d}",
                    "category": "typo",
                    "turns": [pick(TYPO_KINDS.loose_id, n).format(id=typed)],
                    "today": DAYS[n % len(DAYS)],
                    "must_contain": [iso(call.deadline_date)],
                    "must_cite": [call.doc_id],
                    "note": f"{kind}: {call.topic_identifier} typed as {typed!r}",
                }
            )
            if len(cases) == TYPO_KIND_CASES:
                break
        out += cases
    out += _programme_slip_cases(builder, sure)
    for case in out:
        case["today"] = case["today"].isoformat()
        AnswerCase.model_validate(case)
    return out


def _programme_slip_cases(builder: Builder, sure: SlipGold) -> list[dict[str, Any]]:
    """Counts of a family's open or forthcoming calls (dev-side family-days) with the programme's name
    mistyped ("how many Horizn Europe calls are open now?")."""
    cases: list[dict[str, Any]] = []
    for item in split(builder.count())["dev"]:
        _, key, day, status_value = item.key.split("|")
        family = next(f for f in gold.FAMILIES if f.key == key)
        today, status = dt.date.fromisoformat(day), CallStatus(status_value)
        matching = gold.list_order(gold.with_status(gold.family_calls(builder.calls, family), today, status))
        n = len(cases)
        spelt = [name for name in family.names if name[0].isupper() and re.search(r"[A-Za-z]{5,}", name)]
        if not spelt:
            continue
        name = pick(spelt, n)
        slip = PROGRAMME_SLIPS[n % len(PROGRAMME_SLIPS)]
        typed = slip(name, f"{item.key}|programme")
        if typed is None or not sure.programme(typed, family):
            continue
        templates = TYPO_KINDS.count_open if status == OPEN else TYPO_KINDS.count_forthcoming
        cases.append(
            {
                "id": f"t2-programme-{n + 1:02d}",
                "category": "typo",
                "turns": [pick(templates, n).format(family=typed)],
                "today": today,
                "first_sentence_contains": [str(len(matching))],
                "must_cite": ids(matching[:3]),
                "cites_only": ids(matching),
                "note": f"{len(matching)} {family.name} calls {status.value} on {today}; "
                f"{name!r} typed as {typed!r}",
            }
        )
        if len(cases) == 2 * TYPO_KIND_CASES:
            break
    return cases


def typo_dev3_cases() -> list[dict[str, Any]]:
    """The third typo tuning set: dev-side names and identifiers with the slips of
    :data:`NAME_SLIPS_3` and :data:`IDENTIFIER_SLIPS_3` (two slips in a word, a slip in each word,
    capitals, punctuation, transliterations, spellings by ear, generic words added or left out, wrong or
    missing identifier prefixes), names with their country, names in a follow-up turn, two names typed
    alike (the product asks which) and a stored name's words as plain words before a count (no name
    meant). Items are the dev side's only; gold as in :func:`typo_kind_cases`."""
    builder = Builder()
    sure = SlipGold(builder)
    records: dict[str, ClusterProfile | FundingCall] = {c.doc_id: c for c in builder.clusters}
    records.update((c.doc_id, c) for c in builder.calls)
    names = [records[item.key.split("|", 1)[1]] for item in split(builder.typo())["dev"]]
    # The first two sets start at the dev side's first names; this one starts half-way.
    names = names[len(names) // 2 :] + names[: len(names) // 2]
    out: list[dict[str, Any]] = []
    for k, (kind, slip) in enumerate(NAME_SLIPS_3.items()):
        start = k * len(names) // len(NAME_SLIPS_3)
        ordered = names[start:] + names[:start]
        if kind in {"punctuation", "transliterated"}:  # names that have some first
            ordered.sort(key=lambda record: slip(record.title, f"{record.doc_id}|{kind}") is None)
        cases: list[dict[str, Any]] = []
        for record in ordered:
            if kind == "generic" and isinstance(record, FundingCall):
                continue  # "the Silicon Saxony cluster": organisations only
            typed = slip(record.title, f"{record.doc_id}|{kind}")
            if typed is None or not sure.name(typed, record.title, kind):
                continue
            cases.append(_name_case(f"t3-{kind}", len(cases), record, typed, kind))
            if len(cases) == TYPO3_CASES:
                break
        out += cases
    out += _country_and_follow_up_cases(names, sure)
    calls = [records[item.key.split("|", 1)[1]] for item in split(builder.loose_id())["dev"]]
    calls = calls[len(calls) // 3 :] + calls[: len(calls) // 3]
    for k, (kind, id_slip) in enumerate(IDENTIFIER_SLIPS_3.items()):
        cases = []
        for call in calls[k * len(calls) // 3 :] + calls[: k * len(calls) // 3]:
            assert isinstance(call, FundingCall)
            typed = id_slip(call.topic_identifier, f"{call.doc_id}|{kind}")
            if typed is None or not sure.identifier(typed, call.topic_identifier, kind):
                continue
            n = len(cases)
            cases.append(
                {
                    "id": f"t3-{kind}-{n + 1:02d}",
                    "category": "typo",
                    "turns": [pick(TYPOS_DEV3.loose_id, n).format(id=typed)],
                    "today": DAYS[n % len(DAYS)],
                    "must_contain": [iso(call.deadline_date)],
                    "must_cite": [call.doc_id],
                    "note": f"{kind}: {call.topic_identifier} typed as {typed!r}",
                }
            )
            if len(cases) == TYPO3_CASES:
                break
        out += cases
    out += _ambiguous_cases(builder, sure)
    out += _plain_word_cases(builder, sure)
    for case in out:
        case["today"] = case["today"].isoformat()
        AnswerCase.model_validate(case)
    return out


def _name_case(
    stem: str, n: int, record: ClusterProfile | FundingCall, typed: str, kind: str
) -> dict[str, Any]:
    case: dict[str, Any] = {"id": f"{stem}-{n + 1:02d}", "category": "typo", "today": DAYS[n % len(DAYS)]}
    if isinstance(record, FundingCall):
        case["turns"] = [pick(TYPOS_DEV3.typo_call, n).format(title=typed)]
        case["must_contain"] = [iso(record.deadline_date)]
    else:
        case["turns"] = [pick(TYPOS_DEV3.typo_cluster, n).format(name=typed)]
    case["must_cite"] = [record.doc_id]
    case["note"] = f"{kind}: {record.title!r} typed as {typed!r}"
    return case


def _country_and_follow_up_cases(
    names: list[ClusterProfile | FundingCall], sure: SlipGold
) -> list[dict[str, Any]]:
    """A mistyped organisation name with its country; a mistyped name or call title in a second turn."""
    with_country: list[dict[str, Any]] = []
    follow_ups: list[dict[str, Any]] = []
    start = len(names) // 3
    for record in names[start:] + names[:start]:
        seed = f"{record.doc_id}|dev3-context"
        typed = (dropped_letter, neighbour_key)[int(_hash(seed)[:4], 16) % 2](record.title, seed)
        if typed is None or not sure.name(typed, record.title, "context"):
            continue
        country = (
            country_name(record.country) if isinstance(record, ClusterProfile) and record.country else None
        )
        if country is None and isinstance(record, ClusterProfile):
            continue
        if isinstance(record, ClusterProfile) and len(with_country) <= len(follow_ups):
            if len(with_country) < TYPO3_CASES:
                n = len(with_country)
                with_country.append(
                    {
                        "id": f"t3-country-{n + 1:02d}",
                        "category": "typo",
                        "turns": [pick(TYPO3_WITH_COUNTRY, n).format(name=typed, country=country)],
                        "today": DAYS[n % len(DAYS)],
                        "must_cite": [record.doc_id],
                        "note": f"with its country: {record.title!r} typed as {typed!r}",
                    }
                )
                continue
        if len(follow_ups) < TYPO3_CASES:
            n = len(follow_ups)
            case: dict[str, Any] = {
                "id": f"t3-follow-up-{n + 1:02d}",
                "category": "typo",
                "today": DAYS[n % len(DAYS)],
                "must_cite": [record.doc_id],
                "note": f"in a second turn: {record.title!r} typed as {typed!r}",
            }
            if isinstance(record, FundingCall):
                first, second = TYPO3_FOLLOW_UP_CALL[n % len(TYPO3_FOLLOW_UP_CALL)]
                case["turns"] = [first, second.format(title=typed)]
                case["must_contain"] = [iso(record.deadline_date)]
            else:
                first, second = TYPO3_FOLLOW_UP_CLUSTER[n % len(TYPO3_FOLLOW_UP_CLUSTER)]
                case["turns"] = [first.format(country=country), second.format(name=typed)]
            follow_ups.append(case)
        if len(with_country) == len(follow_ups) == TYPO3_CASES:
            break
    return with_country + follow_ups


def _ambiguous_cases(builder: Builder, sure: SlipGold) -> list[dict[str, Any]]:
    """The first two or three words of exactly two stored organisation names, typed as a name ("Baltic
    Battery" for "Baltic Battery Alliance" and "Baltic Battery Association"): neither is more likely,
    so the answer asks which one was meant and cites nothing."""
    held = {item.key.split("|", 1)[1] for item in split(builder.typo())["holdout"]}
    starts: dict[str, list[ClusterProfile]] = {}
    for cluster in builder.clusters:
        words = cluster.title.split()
        for size in (2, 3):
            if len(words) > size:
                starts.setdefault(" ".join(words[:size]), []).append(cluster)
    cases: list[dict[str, Any]] = []
    pairs: set[frozenset[str]] = set()
    for typed, pair in sorted(starts.items(), key=lambda row: _hash(row[0])):
        doc_ids = frozenset(c.doc_id for c in pair)
        if len(pair) != 2 or doc_ids & held or doc_ids in pairs or pair[0].title == pair[1].title:
            continue
        words = typed.split()
        if (
            not all(re.fullmatch(r"[^\W\d_]+", w) and w[0].isupper() for w in words)
            or {words[0].lower(), words[-1].lower()} & SMALL_WORDS
            or all(w.lower() in GENERIC_WORDS for w in words)
            or not sure.ambiguous(typed, [c.title for c in pair])
        ):
            continue
        n = len(cases)
        pairs.add(doc_ids)
        first, second = sorted(pair, key=lambda c: c.title)
        cases.append(
            {
                "id": f"t3-ambiguous-{n + 1:02d}",
                "category": "typo",
                "turns": [pick(TYPO3_AMBIGUOUS, n).format(name=typed)],
                "today": DAYS[n % len(DAYS)],
                "first_sentence_contains": ["did you mean"],
                "must_contain": [first.title, second.title],
                "max_citations": 0,
                "grounded": False,
                "note": f"{typed!r} starts both {first.title!r} and {second.title!r}: ask which",
            }
        )
        if len(cases) == TYPO3_CASES:
            break
    return cases


def _plain_word_cases(builder: Builder, sure: SlipGold) -> list[dict[str, Any]]:
    """Counts of a family's open calls (dev-side family-days) after context made of a stored name's
    words in lower case ("we're a smart city cluster. How many EIC calls are open?"): the words name
    no organisation, the answer is the count."""
    names = [c.title for c in builder.clusters]
    shared = Counter(w for name in names for w in set(re.findall(r"[^\W\d_]+", fold(name))))
    words_of = []
    for name in sorted(names, key=_hash):
        typed = [w for w in re.findall(r"[^\W\d_]+", name) if fold(w) not in GENERIC_WORDS]
        words = [fold(w) for w in typed]
        # Plain words: each in several names (no rare word, no acronym), together in one name only.
        if (
            2 <= len(words) <= 3
            and not any(w.isupper() for w in typed)
            and not set(words) & SMALL_WORDS
            and all(len(w) >= 3 and shared[w] >= 3 for w in words)
            and sure.words_of_one_name(words)
        ):
            words_of.append(" ".join(words))
    cases: list[dict[str, Any]] = []
    for item in split(builder.count())["dev"]:
        _, key, day, status_value = item.key.split("|")
        if status_value != OPEN.value:
            continue
        family = next(f for f in gold.FAMILIES if f.key == key)
        today = dt.date.fromisoformat(day)
        matching = builder.family_open(family, today)
        if not matching:
            continue
        n = len(cases)
        context = pick(TYPO3_CONTEXT, n).format(words=words_of[n % len(words_of)])
        cases.append(
            {
                "id": f"t3-plain-words-{n + 1:02d}",
                "category": "typo",
                "turns": [pick(TYPOS_DEV3.count_open, n).format(context=context, family=family.names[0])],
                "today": today,
                "first_sentence_contains": [str(len(matching))],
                "must_cite": ids(matching[:3]),
                "cites_only": ids(matching),
                "note": f"{len(matching)} {family.name} calls open on {today}; "
                f"{words_of[n % len(words_of)]!r} are words, no organisation",
            }
        )
        if len(cases) == TYPO3_CASES:
            break
    return cases


def _compact(text: str) -> str:
    return "".join(re.findall(r"[a-z0-9]+", fold(text)))


def _sorted_words(text: str) -> str:
    return " ".join(sorted(re.findall(r"[a-z0-9]+", fold(text))))


class SlipGold:
    """Whether a mistyped name, identifier or programme still points to one record (or family) only:
    the gold of a typo case is the record meant, so a slip that makes another record as likely is no
    case. Computed over every stored name, title and identifier, independently of the planner."""

    def __init__(self, builder: Builder) -> None:
        titles = [r.title for r in (*builder.clusters, *builder.calls, *builder.policies)]
        self.compact = [_compact(t) for t in titles]
        self.sorted_words = [_sorted_words(t) for t in titles]
        self.word_runs = [f" {' '.join(re.findall(r'[a-z0-9]+', fold(t)))} " for t in titles]
        self.identifiers = sorted(
            {_compact(i) for c in builder.calls for i in (c.topic_identifier, c.call_identifier) if i}
        )

    def name(self, typed: str, meant: str, kind: str) -> bool:
        if kind == "order":
            key = _sorted_words(typed)
            return key == _sorted_words(meant) and self.sorted_words.count(key) == 1
        if kind == "short":
            run = f" {' '.join(re.findall(r'[a-z0-9]+', fold(typed)))} "
            return sum(run in other for other in self.word_runs) == 1
        if kind == "generic":  # the words left once the generic ones are dropped: of that name only
            core = set(re.findall(r"[a-z0-9]+", fold(typed))) - GENERIC_WORDS
            owners = [run for run in self.word_runs if core <= set(run.split())]
            return len(owners) == 1 and core <= set(re.findall(r"[a-z0-9]+", fold(meant)))
        return _closest_only(_compact(typed), _compact(meant), self.compact)

    def identifier(self, typed: str, meant: str, kind: str = "") -> bool:
        squashed, meant_squashed = _compact(typed), _compact(meant)
        if kind == "id-prefix":  # the prefix left out: the end of that identifier, of no other one
            return [other for other in self.identifiers if other.endswith(squashed)] == [meant_squashed]
        if any(other != meant_squashed and other.startswith(squashed) for other in self.identifiers):
            return False  # another stored identifier, or the parent of some: not a slip of this one
        return _closest_only(squashed, meant_squashed, self.identifiers)

    def ambiguous(self, typed: str, meant: list[str]) -> bool:
        """``typed`` starts each of the ``meant`` names, lies inside no other name and is none."""
        run = f" {' '.join(re.findall(r'[a-z0-9]+', fold(typed)))} "
        inside = [other for other in self.word_runs if run in other]
        starts = {f" {' '.join(re.findall(r'[a-z0-9]+', fold(name)))} " for name in meant}
        return len(inside) == len(meant) and all(other in starts and other != run for other in inside)

    def words_of_one_name(self, words: list[str]) -> bool:
        """The words are all in one stored name only (so a planner that reads them as a name would
        find it)."""
        return sum(set(words) <= set(run.split()) for run in self.word_runs) == 1

    def programme(self, typed: str, family: gold.Family) -> bool:
        """Closer to one of the family's names than to any other family's."""
        typed_compact = _compact(typed)
        distance = {
            f.key: min(Levenshtein.distance(typed_compact, _compact(name)) for name in f.names)
            for f in gold.FAMILIES
        }
        return all(distance[family.key] < d for key, d in distance.items() if key != family.key)


def _closest_only(typed: str, meant: str, pool: list[str]) -> bool:
    """``typed`` is nearer ``meant`` (Levenshtein, letters and digits only) than any other of ``pool``."""
    distance = Levenshtein.distance(typed, meant)
    return sum(Levenshtein.distance(typed, other, score_cutoff=distance) <= distance for other in pool) == 1


def definition_tuning_cases() -> list[dict[str, Any]]:
    """Definition tuning material: the dev side's terms, each asked in every wording of
    :data:`DEFINITIONS_DEV`, and a few dev-side U.S. cluster categories ("is X traded or local?")."""
    builder = Builder()
    terms = split(builder.definition())["dev"]
    kinds = split(builder.cluster_kind())["dev"][:DEFINITION_KINDS]
    out = []
    for item in terms:
        term = item.key.split("|", 1)[1]
        for n in range(len(DEFINITIONS_DEV.definition[term])):
            out.append((f"df-{term}-{n + 1:02d}", item.build(DEFINITIONS_DEV, n)))
    for k, item in enumerate(kinds):
        for n in range(len(DEFINITIONS_DEV.cluster_kind)):
            out.append(
                (
                    f"df-kind-{k * len(DEFINITIONS_DEV.cluster_kind) + n + 1:02d}",
                    item.build(DEFINITIONS_DEV, n + k),
                )
            )
    cases = []
    for case_id, fields in out:
        case = {"id": case_id, "category": "definition", **fields}
        case["today"] = case["today"].isoformat()
        AnswerCase.model_validate(case)
        cases.append(case)
    return cases


def write(cases: list[dict[str, Any]], path: Path) -> None:
    lines = [json.dumps(case, ensure_ascii=False) for case in cases]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    cases = build_cases()
    write(cases["dev"], DEV_PATH)
    write(cases["holdout"], HOLDOUT_PATH)
    write(cases["dev2"], DEV2_PATH)
    write(typo_tuning_cases(), TYPOS_PATH)
    write(typo_kind_cases(), TYPOS2_PATH)
    write(typo_dev3_cases(), TYPOS3_PATH)
    write(definition_tuning_cases(), DEFINITIONS_PATH)
    for side, rows in cases.items():
        shapes: dict[str, int] = {}
        for row in rows:
            shapes[row["category"]] = shapes.get(row["category"], 0) + 1
        print(f"{side}: {len(rows)} cases " + ", ".join(f"{k} {v}" for k, v in shapes.items()))  # noqa: T201


if __name__ == "__main__":
    main()
