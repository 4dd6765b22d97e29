"""Build the multilingual planner tuning set (issue 13): the questions eval's shapes in five languages.

    python scripts/build_questions_i18n.py        # writes evals/datasets/questions_i18n_dev.jsonl
                                                  # and questions_i18n_holdout.jsonl
    python scripts/build_questions_i18n.py dev2   # writes evals/datasets/questions_i18n_dev2.jsonl only
    python scripts/build_questions_i18n.py dev3   # writes evals/datasets/questions_i18n_dev3.jsonl only
    python scripts/build_questions_i18n.py dev4   # writes evals/datasets/questions_i18n_dev4.jsonl only

Questions in German, French, Spanish, Italian and Polish, and code-mixed ones ("open calls für
Wasserstoff"), written by hand the way members write (not word-for-word translations of the English
templates); every gold value comes from the bundled records through the items of
``scripts/build_questions_eval.py`` and :mod:`evals.questions_gold`, never from here. Written before
the planner was tuned for other languages; it is a *dev* set (tuned on), see docs/questions-eval.md.

The checks are the language-neutral ones, so the cases stay valid when answers are written in the
asker's language: which documents are cited (``must_cite``, ``cites_only``, ``cite_types``), counts as
digits in the first sentence, call names (identifiers, English titles) in the first sentence, and
``grounded``/``max_citations`` for refusals. Dates and amounts, which answers will format per
locale, are not checked as text. The id says the language (``i18n-de-count-01``); the category is
the shape.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import build_questions_eval as base  # noqa: E402

from corpus.models import FundingCall  # noqa: E402
from evals import questions_gold as gold  # noqa: E402
from evals.answers_eval import AnswerCase  # noqa: E402
from evals.questions_i18n_dev2_wordings import DEV2_LANGUAGES  # noqa: E402
from evals.questions_i18n_dev3_wordings import DEV3_LANGUAGES, DEV3_QUOTAS  # noqa: E402
from evals.questions_i18n_dev4_wordings import DEV4_LANGUAGES, DEV4_QUOTAS, Dev4Extras  # noqa: E402
from evals.questions_i18n_holdout_wordings import HOLDOUT_LANGUAGES  # noqa: E402
from evals.questions_i18n_wordings import LANGUAGES, LanguageWordings  # noqa: E402
from evals.questions_wordings import Wordings  # noqa: E402

OUT = ROOT / "evals" / "datasets" / "questions_i18n_dev.jsonl"
HOLDOUT_OUT = ROOT / "evals" / "datasets" / "questions_i18n_holdout.jsonl"
DEV2_OUT = ROOT / "evals" / "datasets" / "questions_i18n_dev2.jsonl"
DEV3_OUT = ROOT / "evals" / "datasets" / "questions_i18n_dev3.jsonl"
DEV4_OUT = ROOT / "evals" / "datasets" / "questions_i18n_dev4.jsonl"
NEUTRAL_CHECKS = (
    "turns",
    "today",
    "must_cite",
    "cites_only",
    "cite_types",
    "grounded",
    "max_citations",
    "note",
)

QUOTAS: dict[str, int] = {
    "count": 4,
    "window": 4,
    "window-all": 2,
    "superlative": 3,
    "follow-up-set": 4,
    "partners": 2,
    "none-open": 2,
    "budget": 1,
    "home-target": 2,
    "mixed": 2,
    "declined": 2,
    "out-of-scope": 1,
}
"""Cases per shape and language (29 per language)."""
HOLDOUT_QUOTAS: dict[str, int] = {
    "count": 3, "window": 3, "superlative": 2, "follow-up-set": 2, "partners": 1, "none-open": 1,
    "home-target": 1, "mixed": 1, "declined": 1,
}  # fmt: skip
"""Hold-out cases per shape and language (15 per language)."""
DEV2_QUOTAS: dict[str, int] = {
    "count": 3, "window": 4, "superlative": 10, "follow-up-set": 3, "partners": 1, "none-open": 1,
    "budget": 1, "home-target": 6, "mixed": 5, "declined": 1,
}  # fmt: skip
"""dev2 cases per shape and language (35 per language), weighted to the shapes the first round left
weak: superlatives, home vs target market, funding with partners."""
DEV2_SUPERLATIVES = ("first", "budget", "per-project", "opens-next", "closes-last")
"""dev2 asks each kind in turn; "closes-last" (the open call with the latest deadline) is dev2's own."""
MIXED_QUOTAS = {"count": 3, "window": 2, "superlative": 2, "partners": 2, "home-target": 2, "mixed": 2}
"""Code-mixed questions (English frames with words of the other languages, and the reverse)."""


def neutral(case: dict[str, Any]) -> dict[str, Any]:
    """Only the checks that do not depend on the answer's language (see the module docstring)."""
    kept = {key: value for key, value in case.items() if key in NEUTRAL_CHECKS}
    digits = [value for value in case.get("first_sentence_contains", []) if value.isdigit()]
    if digits:
        kept["first_sentence_contains"] = digits
    names = case.get("first_sentence_contains_any", [])
    if names and not set(names) & {*base.NONE_WORDS, *base.DECLINE_WORDS}:
        kept["first_sentence_contains_any"] = names
    return kept


_MAKERS: dict[str, Callable[[base.Builder], list[base.Item]]] = {
    "count": base.Builder.count,
    "window": base.Builder.window,
    "window-all": base.Builder.window_all,
    "superlative": base.Builder.superlative,
    "follow-up-set": base.Builder.follow_up_set,
    "partners": base.Builder.follow_up_set,
    "none-open": base.Builder.none_open,
    "budget": base.Builder.budget,
    "home-target": base.Builder.home_target,
    "mixed": base.Builder.mixed,
    "declined": base.Builder.declined,
}


def _items(builder: base.Builder, shape: str, words: LanguageWordings, dev_keys: set[str]) -> list[base.Item]:
    """The shape's items on the dev side of the English split (never a hold-out item), named in this
    language, filtered to what the language's wordings can say (countries with a written form)."""
    original = gold.FAMILIES
    gold.FAMILIES = tuple(
        replace(family, names=words.family_names[family.key])
        for family in original
        if family.key in words.family_names
    )
    try:
        items = [item for item in _MAKERS[shape](builder) if item.key in dev_keys]
    finally:
        gold.FAMILIES = original
    items.sort(key=lambda item: base._hash(item.key))
    known = set(words.country_in)
    if shape == "partners":
        return [
            i for i in items if i.key.startswith("follow-up|partners|") and set(i.key.split("|")[2:]) <= known
        ]
    if shape == "follow-up-set":
        return [i for i in items if not i.key.startswith("follow-up|partners|")]
    if shape == "home-target":
        return [i for i in items if set(i.key.split("|")[1:]) <= known]
    if shape == "mixed":
        return [i for i in items if _mixed_country(builder, i.key) in known]
    if shape == "budget":
        return [i for i in items if "|total|" in i.key]
    if shape.startswith("window"):
        return [i for i in items if i.key.split("|")[3] in words.templates.window]
    if shape == "superlative":
        return [i for i in items if i.key.split("|")[3] in words.templates.superlative]
    return items


def _mixed_country(builder: base.Builder, key: str) -> str:
    """The partner country the base builder picks for a mixed item (same hash rule)."""
    countries = sorted(c for c in builder.by_country if c != "US")
    _, family, today = key.split("|")
    return countries[int(base._hash(family + today), 16) % len(countries)]


def _case(lang: str, shape: str, n: int, fields: dict[str, Any]) -> dict[str, Any]:
    category = {
        "partners": "follow-up-set",
        "out-of-scope": "refusal",
        "definition-kind": "definition",
        "before-day": "window",
        "next-week": "window",
        "budget-over": "budget",
    }.get(shape, shape.removesuffix("-all"))
    case = {"id": f"i18n-{lang}-{shape}-{n + 1:02d}", "category": category, **neutral(fields)}
    case["today"] = case["today"].isoformat() if isinstance(case["today"], dt.date) else case["today"]
    AnswerCase.model_validate(case)
    return case


def build_language(
    builder: base.Builder,
    lang: str,
    words: LanguageWordings,
    quotas: dict[str, int],
    dev_keys: dict[str, set[str]],
) -> list[dict[str, Any]]:
    """One language's cases: the base builders filled with this language's wordings and names."""
    cases = []
    base.MONTHS = words.months  # type: ignore[assignment]  # the window and follow-up builders name months through this table
    base.place = words.place  # and countries through this function
    base.demonym = words.demonym
    base.with_article = words.from_demonym
    for shape, quota in quotas.items():
        if shape == "out-of-scope":
            for n, question in enumerate(words.out_of_scope[:quota]):
                fields = {
                    "turns": [question],
                    "today": base.DAYS[n % 4],
                    "grounded": False,
                    "max_citations": 0,
                    "note": "outside clusters, funding and policy",
                }
                cases.append(_case(lang, shape, n, fields))
            continue
        items = _items(builder, shape, words, dev_keys[shape])
        for n in range(min(quota, len(items))):
            fields = items[(n * 7) % len(items)].build(words.as_wordings(), n)
            cases.append(_case(lang, shape, n, fields))
    return cases


def build_cases(side: str = "dev") -> list[dict[str, Any]]:
    """The dev set (dev-side items, dev wordings) or the hold-out (hold-out items, hold-out wordings)."""
    builder = base.Builder()
    saved = (base.MONTHS, base.place, base.demonym, base.with_article)
    side_keys = {
        shape: {item.key for item in base.split(make(builder))[side]} for shape, make in _MAKERS.items()
    }
    languages = LANGUAGES if side == "dev" else HOLDOUT_LANGUAGES
    cases: list[dict[str, Any]] = []
    try:
        for lang, words in languages.items():
            quotas = MIXED_QUOTAS if lang == "mix" else (QUOTAS if side == "dev" else HOLDOUT_QUOTAS)
            found = build_language(builder, lang, words, quotas, side_keys)
            if side == "holdout":
                for case in found:
                    case["id"] = case["id"].replace("i18n-", "i18nh-", 1)
            cases += found
    finally:
        base.MONTHS, base.place, base.demonym, base.with_article = saved
    return cases


def _closes_last(builder: base.Builder) -> list[base.Item]:
    """The open call of a family with the latest deadline, on each day (dev2's own superlative kind)."""
    items = []
    for family in gold.FAMILIES:
        for today in base.DAYS:
            opened = gold.with_status(gold.family_calls(builder.calls, family), today, base.OPEN)
            value, tied = gold.extreme(opened, lambda call: call.deadline_date, largest=True)
            if isinstance(value, dt.date) and 1 <= len(tied) <= 4 and len(opened) >= 2:
                key = f"superlative|{family.key}|{today}|closes-last"
                build = builder._superlative(family, today, "closes-last", value, tied)
                items.append(base.Item(key, build, group=f"{family.key}|closes-last"))
    return items


def build_dev2() -> list[dict[str, Any]]:
    """dev2: the dev side's items (never a hold-out item), asked in dev2's wordings; items the first
    dev set asked in that language come last, and each language starts at another item."""
    # A question the hold-out asks word for word (an opening turn can coincide) is never asked.
    held = {turn for case in build_cases("holdout") for turn in case["turns"]}
    builder = base.Builder()
    saved = (base.MONTHS, base.place, base.demonym, base.with_article)
    dev_keys = {
        shape: {item.key for item in base.split(make(builder))["dev"]} for shape, make in _MAKERS.items()
    }
    cases: list[dict[str, Any]] = []
    try:
        for offset, (lang, words) in enumerate(DEV2_LANGUAGES.items()):
            cases += _dev2_language(builder, lang, words, dev_keys, offset, held)
    finally:
        base.MONTHS, base.place, base.demonym, base.with_article = saved
    for case in cases:
        case["id"] = case["id"].replace("i18n-", "i18n2-", 1)
    return cases


def _dev2_language(
    builder: base.Builder,
    lang: str,
    words: LanguageWordings,
    dev_keys: dict[str, set[str]],
    offset: int,
    held: set[str],
) -> list[dict[str, Any]]:
    base.MONTHS = words.months  # type: ignore[assignment]
    base.place = words.place
    base.demonym = words.demonym
    base.with_article = words.from_demonym
    cases = []
    for shape, quota in DEV2_QUOTAS.items():
        items = _items(builder, shape, words, dev_keys[shape])
        if shape == "superlative":
            items = _by_kind(items + _family_items(builder, words, _closes_last), offset)
        else:
            first_round = LANGUAGES[lang] if lang in LANGUAGES else None
            used = _first_round_keys(builder, shape, first_round, dev_keys[shape]) if first_round else set()
            fresh = [item for item in items if item.key not in used]
            items = fresh + [item for item in items if item.key in used]
            items = items[offset * 3 % max(len(items), 1) :] + items[: offset * 3 % max(len(items), 1)]
        asked = 0
        for n, item in enumerate(items):
            fields = item.build(words.as_wordings(), n)
            if asked < quota and not set(fields["turns"]) & held:
                cases.append(_case(lang, shape, asked, fields))
                asked += 1
    return cases


def _family_items(
    builder: base.Builder, words: LanguageWordings, make: Callable[[base.Builder], list[base.Item]]
) -> list[base.Item]:
    """``make``'s items for the families this language names (as :func:`_items` does)."""
    original = gold.FAMILIES
    gold.FAMILIES = tuple(
        replace(family, names=words.family_names[family.key])
        for family in original
        if family.key in words.family_names
    )
    try:
        return sorted(make(builder), key=lambda item: base._hash(item.key))
    finally:
        gold.FAMILIES = original


def _by_kind(items: list[base.Item], offset: int) -> list[base.Item]:
    """Superlative items taking each kind in turn, each language from another place in each kind."""
    kinds = [[item for item in items if item.key.split("|")[3] == kind] for kind in DEV2_SUPERLATIVES]
    kinds = [rows[offset * 2 % len(rows) :] + rows[: offset * 2 % len(rows)] for rows in kinds if rows]
    out = []
    for rank in range(max(len(rows) for rows in kinds)):
        out += [rows[rank] for rows in kinds if rank < len(rows)]
    return out


def _first_round_keys(
    builder: base.Builder, shape: str, words: LanguageWordings, dev_keys: set[str]
) -> set[str]:
    """The items the first i18n dev set asks in this language (as :func:`build_language` picks them)."""
    if shape not in QUOTAS:
        return set()
    items = _items(builder, shape, words, dev_keys)
    return {items[(n * 7) % len(items)].key for n in range(min(QUOTAS[shape], len(items)))}


_DEV3_MAKERS: dict[str, Callable[[base.Builder], list[base.Item]]] = {
    **_MAKERS,
    "window-all": base.Builder.window_all,
    "loose-id": base.Builder.loose_id,
    "definition": base.Builder.definition,
    "definition-kind": base.Builder.cluster_kind,
}
"""dev3 also asks loose identifiers and definitions (the English dev side's items)."""


def build_dev3() -> list[dict[str, Any]]:
    """dev3: dev-side items only, asked in dev3's wordings; a question that the hold-out, dev or dev2
    asks word for word is skipped, and each language starts at another item of each shape."""
    asked_before = {
        turn
        for case in [*build_cases("holdout"), *build_cases("dev"), *build_dev2()]
        for turn in case["turns"]
    }
    builder = base.Builder()
    saved = (base.MONTHS, base.place, base.demonym, base.with_article)
    dev_keys = {
        shape: {item.key for item in base.split(make(builder))["dev"]} for shape, make in _DEV3_MAKERS.items()
    }
    cases: list[dict[str, Any]] = []
    try:
        for offset, (lang, words) in enumerate(DEV3_LANGUAGES.items()):
            base.MONTHS = words.months  # type: ignore[assignment]
            base.place = words.place
            base.demonym = words.demonym
            base.with_article = words.from_demonym
            for shape, quota in DEV3_QUOTAS[lang].items():
                items = _dev3_items(builder, shape, words, dev_keys[shape])
                start = (5 * offset + 2) % max(len(items), 1)
                items = items[start:] + items[:start]
                asked = 0
                for n, item in enumerate(items):
                    fields = item.build(words.as_wordings(), n + offset)
                    if asked < quota and not set(fields["turns"]) & asked_before:
                        case = _case(lang, shape, asked, fields)
                        case["id"] = case["id"].replace("i18n-", "i18n3-", 1)
                        cases.append(case)
                        asked_before.update(fields["turns"])
                        asked += 1
    finally:
        base.MONTHS, base.place, base.demonym, base.with_article = saved
    return cases


def _dev3_items(
    builder: base.Builder, shape: str, words: LanguageWordings, dev_keys: set[str]
) -> list[base.Item]:
    """:func:`_items` for dev3's shapes (also loose identifiers and definitions)."""
    if shape == "superlative":
        items = _items(builder, shape, words, dev_keys)
        if "closes-last" in words.templates.superlative:
            items += _family_items(builder, words, _closes_last)  # dev2's own kind: no hold-out item
        return _by_kind(items, 0)
    if shape == "definition":
        terms = words.templates.definition
        return [i for i in _DEV3_MAKERS[shape](builder) if i.key in dev_keys and i.key.split("|")[1] in terms]
    if shape == "definition-kind":
        chosen = [i for i in _DEV3_MAKERS[shape](builder) if i.key in dev_keys]
        return chosen if words.templates.cluster_kind else []
    if shape == "loose-id":
        found = [i for i in _DEV3_MAKERS[shape](builder) if i.key in dev_keys]
        return (
            sorted(found, key=lambda item: base._hash(item.key)) if words.templates.loose_id != ("",) else []
        )
    return _items(builder, shape, words, dev_keys)


# --- dev4: other words, numbers and days as words, and three shapes of its own --------------------

BUDGET_THRESHOLDS = (1, 2, 5, 10, 20)
"""Millions of euros asked as "a budget over N million" (dev4's budget-over shape)."""
_DEV4_SHAPES = ("before-day", "next-week", "budget-over")


def _dev4_groups(builder: base.Builder) -> set[str]:
    """The (family, day) groups of the windows on the English dev side: dev4's own shapes ask only
    about these, so no hold-out group is ever asked."""
    return {item.group or item.key for item in base.split(builder.window() + builder.window_all())["dev"]}


def _dev4_items(builder: base.Builder, shape: str, extras: Dev4Extras, groups: set[str]) -> list[base.Item]:
    """Items of dev4's own shapes; the gold is computed here from the records, as the base builders do."""
    items: list[base.Item] = []
    families: list[gold.Family | None] = (
        [*gold.FAMILIES, None] if shape != "budget-over" else [*gold.FAMILIES]
    )
    for family in families:
        pool = builder.calls if family is None else gold.family_calls(builder.calls, family)
        for today in base.DAYS:
            group = f"{family.key if family else 'all'}|{today}"
            if group not in groups:
                continue
            for key, chosen, make in _dev4_candidates(builder, shape, extras, family, pool, today):
                if 1 <= len(chosen) <= (60 if family else 130):
                    items.append(base.Item(f"{shape}|{group}|{key}", make, group=group))
    return sorted(items, key=lambda item: base._hash(item.key))


def _dev4_candidates(
    builder: base.Builder,
    shape: str,
    extras: Dev4Extras,
    family: gold.Family | None,
    pool: list[FundingCall],
    today: dt.date,
) -> list[tuple[str, list[FundingCall], Callable[[Wordings, int], dict[str, Any]]]]:
    found = []
    if shape == "before-day":
        for ahead in (1, 2):
            month = (today.month - 1 + ahead) % 12 + 1
            day = dt.date(today.year + (month < today.month), month, 15)
            for variant, last, templates in (
                ("before", day - dt.timedelta(days=1), extras.before_day),
                ("by", day, extras.by_day),
            ):
                if templates:
                    chosen = gold.list_order(gold.deadline_between(pool, today, last))
                    phrase = extras.day_month[month - 1].format(day=day.day)
                    make = _dev4_window(family, today, templates, chosen, day=phrase, note=f"{variant} {day}")
                    found.append((f"{variant}|{day}", chosen, make))
    elif shape == "next-week":
        monday = today + dt.timedelta(days=7 - today.weekday())
        chosen = gold.list_order(gold.deadline_between(pool, monday, monday + dt.timedelta(days=6)))
        found.append(
            ("", chosen, _dev4_window(family, today, extras.next_week, chosen, note=f"week of {monday}"))
        )
    elif shape == "budget-over" and family is not None:
        opened = builder.family_open(family, today)
        for millions in BUDGET_THRESHOLDS:
            chosen = [c for c in opened if c.budget and (c.budget.total_eur or 0) >= millions * 1_000_000]
            if len(chosen) < len(opened):  # the threshold must leave some open call out
                found.append((str(millions), chosen, _budget_over(family, today, extras, chosen, millions)))
    return found


def _dev4_window(
    family: gold.Family | None,
    today: dt.date,
    templates: tuple[str, ...],
    chosen: list[FundingCall],
    *,
    note: str,
    day: str = "",
) -> Callable[[Wordings, int], dict[str, Any]]:
    def build(words: Wordings, n: int) -> dict[str, Any]:
        what = (
            base.pick(words.calls_of, n).format(family=base.pick(family.names, n))
            if family
            else base.pick(words.any_calls, n)
        )
        return {
            "turns": [base.pick(templates, n).format(what=what, day=day)],
            "today": today,
            "must_contain": [base.iso(chosen[0].deadline_date)],
            "must_cite": base.ids(chosen[:3]),
            "cites_only": base.ids(chosen),
            "note": f"{len(chosen)} calls, deadline {note} on {today}",
        }

    return build


def _budget_over(
    family: gold.Family, today: dt.date, extras: Dev4Extras, chosen: list[FundingCall], millions: int
) -> Callable[[Wordings, int], dict[str, Any]]:
    def build(words: Wordings, n: int) -> dict[str, Any]:
        question = base.pick(extras.budget_over, n).format(family=base.pick(family.names, n), amount=millions)
        return {
            "turns": [question],
            "today": today,
            "must_cite": base.ids(chosen[:3]),
            "cites_only": base.ids(chosen),
            "cite_types": ["call"],
            "note": f"{len(chosen)} open {family.name} calls, total budget at least EUR {millions} million",
        }

    return build


def build_dev4() -> list[dict[str, Any]]:
    """dev4: dev-side items only, in dev4's wordings, and dev4's own shapes over dev-side groups; a
    question an earlier set (hold-out included) asks word for word is skipped."""
    asked_before = {
        turn
        for case in [*build_cases("holdout"), *build_cases("dev"), *build_dev2(), *build_dev3()]
        for turn in case["turns"]
    }
    builder = base.Builder()
    saved = (base.MONTHS, base.place, base.demonym, base.with_article)
    dev_keys = {
        shape: {item.key for item in base.split(make(builder))["dev"]} for shape, make in _DEV3_MAKERS.items()
    }
    groups = _dev4_groups(builder)
    cases: list[dict[str, Any]] = []
    try:
        for offset, (lang, (words, extras)) in enumerate(DEV4_LANGUAGES.items()):
            base.MONTHS = words.months  # type: ignore[assignment]
            base.place = words.place
            base.demonym = words.demonym
            base.with_article = words.from_demonym
            for shape, quota in DEV4_QUOTAS[lang].items():
                if shape in _DEV4_SHAPES:
                    items = _family_dev4_items(builder, shape, words, extras, groups)
                else:
                    items = _dev3_items(builder, shape, words, dev_keys[shape])
                start = (7 * offset + 3) % max(len(items), 1)
                items = items[start:] + items[:start]
                asked = 0
                for n, item in enumerate(items):
                    if asked >= quota:
                        break
                    fields = item.build(words.as_wordings(), n + offset)
                    if not set(fields["turns"]) & asked_before and all(fields["turns"]):
                        case = _case(lang, shape, asked, fields)
                        case["id"] = case["id"].replace("i18n-", "i18n4-", 1)
                        cases.append(case)
                        asked_before.update(fields["turns"])
                        asked += 1
    finally:
        base.MONTHS, base.place, base.demonym, base.with_article = saved
    return cases


def _family_dev4_items(
    builder: base.Builder, shape: str, words: LanguageWordings, extras: Dev4Extras, groups: set[str]
) -> list[base.Item]:
    """:func:`_dev4_items` for the families this language names."""
    original = gold.FAMILIES
    gold.FAMILIES = tuple(
        replace(family, names=words.family_names[family.key])
        for family in original
        if family.key in words.family_names
    )
    try:
        return _dev4_items(builder, shape, extras, groups)
    finally:
        gold.FAMILIES = original


def main() -> None:
    if sys.argv[1:] == ["dev4"]:
        cases = build_dev4()
        DEV4_OUT.write_text("\n".join(json.dumps(case, ensure_ascii=False) for case in cases) + "\n", "utf-8")
        _print_counts("dev4", cases)
        return
    if sys.argv[1:] == ["dev3"]:
        cases = build_dev3()
        DEV3_OUT.write_text("\n".join(json.dumps(case, ensure_ascii=False) for case in cases) + "\n", "utf-8")
        per_language: dict[str, int] = {}
        for case in cases:
            per_language[case["id"].split("-")[1]] = per_language.get(case["id"].split("-")[1], 0) + 1
        print(f"dev3: {len(cases)} cases: " + ", ".join(f"{k} {v}" for k, v in per_language.items()))  # noqa: T201
        return
    if sys.argv[1:] == ["dev2"]:
        cases = build_dev2()
        DEV2_OUT.write_text("\n".join(json.dumps(case, ensure_ascii=False) for case in cases) + "\n", "utf-8")
        print(f"dev2: {len(cases)} cases")  # noqa: T201
        return
    for side, path in (("dev", OUT), ("holdout", HOLDOUT_OUT)):
        cases = build_cases(side)
        lines = [json.dumps(case, ensure_ascii=False) for case in cases]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        counts: dict[str, int] = {}
        for case in cases:
            lang = case["id"].split("-")[1]
            counts[lang] = counts.get(lang, 0) + 1
        print(f"{side}: {len(cases)} cases: " + ", ".join(f"{k} {v}" for k, v in counts.items()))  # noqa: T201


def _print_counts(name: str, cases: list[dict[str, Any]]) -> None:
    per_language: dict[str, int] = {}
    for case in cases:
        lang = case["id"].split("-")[1]
        per_language[lang] = per_language.get(lang, 0) + 1
    print(f"{name}: {len(cases)} cases: " + ", ".join(f"{k} {v}" for k, v in per_language.items()))  # noqa: T201


if __name__ == "__main__":
    main()
