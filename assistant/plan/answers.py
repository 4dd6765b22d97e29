"""Evidence that leads with the answer: the number, the one call, or "none is open", then the list.

Pure functions from a plan's :class:`~assistant.plan.executor.CallResult` to
:class:`~assistant.composer.Evidence`. The first sentence answers the question and says what was
counted; the supporting calls follow as cited bullets; a cut list says "showing K of N" and where
to see the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import urlencode

from assistant.calls import call_facts
from assistant.composer import Evidence
from assistant.entities import Entities
from assistant.funding import call_line, call_passage, status_phrase
from assistant.language import N_, _, answer_language, country, day, euros, ngettext
from assistant.partners import match_reasons, partner_line, profile_passage
from assistant.plan.executor import CallResult
from assistant.plan.models import AskedField, DateWindow, QueryPlan
from assistant.plan.problems import shown_problem
from corpus.models import CallStatus, ClusterProfile, FundingCall
from corpus.status import deadline_status

_NO_ENTITIES = Entities()
MAX_LISTED = 8
"""Calls listed under an answer; the rest are counted and linked."""
CAPABILITIES = N_(
    "I can find funding calls (open, closing soon, by programme, with deadlines and budgets), cluster "
    "organisations to partner with, and what cluster policy documents say, always with sources."
)
_SUPERLATIVE_WORDS = {
    ("first", "deadline"): N_("closes first"),
    ("last", "deadline"): N_("closes last"),
    ("first", "opening_date"): N_("opens next"),
    ("last", "opening_date"): N_("opens last"),
    ("largest", "total_budget"): N_("has the largest total budget"),
    ("smallest", "total_budget"): N_("has the smallest total budget"),
    ("largest", "amount_per_project"): N_("gives the most per project"),
    ("smallest", "amount_per_project"): N_("gives the least per project"),
    ("largest", "number_of_projects"): N_("funds the most projects"),
    ("smallest", "number_of_projects"): N_("funds the fewest projects"),
}
_COMES_FIRST = N_("comes first")


def declined(plan: QueryPlan, action: str = "do that") -> Evidence:
    """One sentence: what the product cannot do, and what it can do instead."""
    return Evidence(
        intent="action",
        question=plan.question,
        intro=_("I can't {action} for you: I only answer questions and never act on your behalf.").format(
            action=action if answer_language() == "en" else _("do that")
        ),
        notes=(_(CAPABILITIES),),
        grounded=False,
    )


def problem_answer(plan: QueryPlan, intent: str) -> Evidence:
    """The plan could not run as asked: say what was wrong and how to ask instead."""
    return Evidence(
        intent=intent,
        question=plan.question,
        intro=" ".join(shown_problem(problem) for problem in plan.problems),
        notes=(
            _(
                "Ask again with a valid period, identifier or programme, "
                "e.g. “open Horizon Europe calls closing before June”."
            ),
        ),
        grounded=False,
    )


def which_one(plan: QueryPlan, names: Sequence[str], intent: str) -> Evidence:
    """Two records are equally likely: ask which was meant."""
    listed = _(" or ").join(f"“{name}”" for name in names)
    return Evidence(
        intent=intent,
        question=plan.question,
        intro=_("Which one did you mean: {names}? Ask again with the full name.").format(names=listed),
        grounded=False,
    )


def organisation_evidence(plan: QueryPlan, profile: ClusterProfile) -> Evidence:
    """What the record says about one named organisation (found by name, typos included)."""
    where = ", ".join(part for part in (profile.city, country(profile.country or "")) if part)
    lead = (
        _("{name} is a cluster organisation in {where}").format(name=profile.name, where=where)
        if where
        else _("{name} is a cluster organisation").format(name=profile.name)
    )
    return Evidence(
        intent="partners",
        question=plan.question,
        passages=(profile_passage(profile, 1),),
        intro=f"{lead} [1]",
        lines=(partner_line(profile, match_reasons(profile, _NO_ENTITIES), 1),),
        focus_doc_ids=(profile.doc_id,),
    )


def call_answer(result: CallResult, *, today: dt.date) -> Evidence:
    """The answer to a funding plan, leading with what was asked, with the exact result for a model."""
    evidence = _call_evidence(result, today)
    table, required = result_table(result, today)
    return replace(evidence, result_table=table, required_facts=required)


def result_table(result: CallResult, today: dt.date) -> tuple[str, tuple[str, ...]]:
    """The computed result as text for a model, and the values its answer must state."""
    plan = result.plan
    rows = [f"matching: {headline(result.total, plan, today)}"]
    required: list[str] = []
    if plan.operation == "count":
        required.append(str(result.total))
    if result.chosen and plan.operation in {"first", "last", "largest", "smallest"}:
        for call in result.chosen:
            rows.append(f"answer: {_name(call)}{_value_words(call, plan, today)}")
        if len(result.chosen) == 1:
            chosen = result.chosen[0]
            required.append(chosen.title if chosen.call_kind == "cascade" else chosen.topic_identifier)
    if not result.calls and result.family_calls:
        rows.append("none matches; the answer must say so first")
    return "\n".join(rows), tuple(required)


def _call_evidence(result: CallResult, today: dt.date) -> Evidence:
    plan = result.plan
    if plan.previous == "item" and result.chosen:
        return _lookup(result.chosen, plan, today)
    if plan.operation == "lookup" or (plan.identifiers or plan.organisations) and plan.operation == "list":
        if result.calls:
            return _lookup(result.calls, plan, today)
    if not result.calls:
        return _nothing(result, today)
    if plan.operation == "count":
        return _count(result, today)
    if plan.operation in {"first", "last", "largest", "smallest"}:
        return _superlative(result, today)
    return _listing(result, today, lead=None)


def describe(plan: QueryPlan, *, plural: bool = True) -> str:
    """What was counted: ``Euroclusters cascade-funding calls about hydrogen``."""
    cascade = plan.call_kinds == ("cascade",)
    if cascade:
        noun = _("cascade-funding calls") if plural else _("cascade-funding call")
    else:
        noun = _("calls") if plural else _("call")
    text = _("{programmes} {calls}").format(programmes=" / ".join(plan.programmes), calls=noun)
    text = text.strip() if plan.programmes else noun
    if plan.identifiers:
        text = _("{calls} under {identifiers}").format(calls=text, identifiers=", ".join(plan.identifiers))
    if plan.topic:
        text = _("{calls} about {topic}").format(calls=text, topic=plan.topic)
    return text


def _status_words(plan: QueryPlan, today: dt.date) -> str:
    statuses = set(plan.statuses)
    if statuses == {"open"}:
        words = _("open on {day}")
    elif statuses == {"forthcoming"}:
        words = _("forthcoming (not yet open) on {day}")
    elif statuses == {"closed"}:
        words = _("closed on {day}")
    elif statuses == {"open", "forthcoming"}:
        words = _("open or forthcoming on {day}")
    else:
        words = _("as of {day}")
    return words.format(day=day(today))


def window_words(window: DateWindow) -> str:
    """``between 2026-05-10 and 2026-06-09``, ``on or before 2027-03-01`` (the answer's language)."""
    if window.start and window.end:
        return _("between {start} and {end}").format(start=day(window.start), end=day(window.end))
    if window.end:
        return _("on or before {end}").format(end=day(window.end))
    if window.start:
        return _("on or after {start}").format(start=day(window.start))
    return _("at any time")


def _conditions(plan: QueryPlan) -> str:
    parts = []
    if plan.deadline_window is not None:
        parts.append(_("with a deadline {window}").format(window=window_words(plan.deadline_window)))
    if plan.opening_window is not None:
        parts.append(_("opening {window}").format(window=window_words(plan.opening_window)))
    per_project = plan.budget_field == "amount_per_project"
    if plan.budget_min_eur is not None:
        least = (
            _("with at least {amount} per project") if per_project else _("with at least {amount} in total")
        )
        parts.append(least.format(amount=euros(plan.budget_min_eur)))
    if plan.budget_max_eur is not None:
        most = _("with at most {amount} per project") if per_project else _("with at most {amount} in total")
        parts.append(most.format(amount=euros(plan.budget_max_eur)))
    return (" " + _(" and ").join(parts)) if parts else ""


def headline(n: int, plan: QueryPlan, today: dt.date) -> str:
    """``7 Euroclusters calls are open on 2026-05-10`` — the count and exactly what was counted."""
    what = describe(plan, plural=n != 1)
    if not plan.statuses and plan.deadline_window is not None:
        rest = _conditions(plan.model_copy(update={"deadline_window": None}))
        text = ngettext(
            "{n} {calls} has a deadline {window}{rest} (as of {day})",
            "{n} {calls} have a deadline {window}{rest} (as of {day})",
            n,
        )
        window = window_words(plan.deadline_window)
        return text.format(n=n, calls=what, window=window, rest=rest, day=day(today))
    if not plan.statuses and plan.opening_window is not None:
        rest = _conditions(plan.model_copy(update={"opening_window": None}))
        text = ngettext(
            "{n} {calls} opens {window}{rest} (as of {day})",
            "{n} {calls} open {window}{rest} (as of {day})",
            n,
        )
        window = window_words(plan.opening_window)
        return text.format(n=n, calls=what, window=window, rest=rest, day=day(today))
    text = ngettext("{n} {calls} is {status}{conditions}", "{n} {calls} are {status}{conditions}", n)
    return text.format(n=n, calls=what, status=_status_words(plan, today), conditions=_conditions(plan))


def _phrase(plan: QueryPlan, today: dt.date) -> str:
    """What the counted calls have in common, without a verb: ``open on 2026-05-10``."""
    if not plan.statuses and plan.deadline_window is not None:
        return _("with a deadline {window}").format(window=window_words(plan.deadline_window))
    if not plan.statuses and plan.opening_window is not None:
        return _("opening {window}").format(window=window_words(plan.opening_window))
    return f"{_status_words(plan, today)}{_conditions(plan)}"


def _count(result: CallResult, today: dt.date) -> Evidence:
    lead = headline(result.total, result.plan, today)
    return _listing(result, today, lead=lead + (":" if result.calls else "."))


def _superlative(result: CallResult, today: dt.date) -> Evidence:
    plan = result.plan
    assert plan.sort_field is not None
    chosen = result.chosen
    if not chosen:
        lead = _(
            "None of the {n} matching {calls} ({status}) states its {field}, "
            "so I cannot say which {superlative}."
        ).format(
            n=result.total,
            calls=describe(plan),
            status=_status_words(plan, today),
            field=_(_FIELD_WORDS.get(plan.sort_field, plan.sort_field.replace("_", " "))),
            superlative=_(_SUPERLATIVE_WORDS[(plan.operation, plan.sort_field)]),
        )
        return _listing(result, today, lead=lead)
    ordered = list(chosen) + [call for call in result.calls if call not in chosen]
    verb = _(_SUPERLATIVE_WORDS.get((plan.operation, plan.sort_field), _COMES_FIRST))
    first = chosen[0]
    value = _value_words(first, plan, today)
    if len(chosen) == 1:
        lead = f"{_name(first)} {verb}{value} [1]"
    else:
        names = _(" and ").join(_name(call) for call in chosen[:3])
        more = _(" and {n} more").format(n=len(chosen) - 3) if len(chosen) > 3 else ""
        lead = _("{names} tie: each {superlative}{value}.").format(
            names=names + more, superlative=verb, value=value
        )
    lead += "\n" + _("The {n} {calls} {what}:").format(
        n=result.total, calls=describe(plan, plural=result.total != 1), what=_phrase(plan, today)
    )
    return _listing(result, today, lead=lead, calls=ordered)


def _value_words(call: FundingCall, plan: QueryPlan, today: dt.date) -> str:
    facts = call_facts(call, today)
    if plan.sort_field == "deadline":
        return _(", on {day}").format(day=day(call.deadline_date)) if call.deadline_date else ""
    if plan.sort_field == "opening_date":
        return _(", on {day}").format(day=day(call.opening_date)) if call.opening_date else ""
    if plan.sort_field == "total_budget":
        return f": {facts.budget_total}" if facts.budget_total else ""
    if plan.sort_field == "amount_per_project":
        return (
            _(": {amount} per project").format(amount=facts.budget_per_project)
            if facts.budget_per_project
            else ""
        )
    grants = call.budget.expected_grants if call.budget else None
    return _(": {n} projects expected").format(n=grants) if grants else ""


def _listing(
    result: CallResult, today: dt.date, *, lead: str | None, calls: Sequence[FundingCall] | None = None
) -> Evidence:
    plan = result.plan
    calls = list(calls if calls is not None else result.calls)
    shown = calls[:MAX_LISTED]
    if lead is None:
        lead = headline(result.total, plan, today) + (":" if shown else ".")
    notes: list[str] = []
    if len(calls) > len(shown):
        notes.append(_showing(len(shown), len(calls), plan, today))
    passages = tuple(call_passage(call, n, today) for n, call in enumerate(shown, 1))
    lines = tuple(call_line(call_facts(call, today), n) for n, call in enumerate(shown, 1))
    return Evidence(
        intent="funding",
        question=plan.question,
        passages=passages,
        intro=lead,
        lines=lines,
        notes=tuple(notes),
        focus_doc_ids=tuple(call.doc_id for call in shown),
    )


def _showing(shown: int, total: int, plan: QueryPlan, today: dt.date) -> str:
    return _("Showing {shown} of {total}; the full list: {link}").format(
        shown=shown, total=total, link=calls_link(plan, today)
    )


def calls_link(plan: QueryPlan, today: dt.date) -> str:
    """The ``/v1/calls`` query that lists the whole result."""
    query: dict[str, str] = {"today": today.isoformat()}
    if len(plan.statuses) == 1:
        query["status"] = plan.statuses[0]
    if plan.programmes:
        query["programme"] = plan.programmes[0]
    if plan.call_kinds:
        query["kind"] = plan.call_kinds[0]
    if plan.deadline_window is not None:
        if plan.deadline_window.start:
            query["deadline_from"] = plan.deadline_window.start.isoformat()
        if plan.deadline_window.end:
            query["deadline_to"] = plan.deadline_window.end.isoformat()
    if plan.opening_window is not None:
        if plan.opening_window.start:
            query["opening_from"] = plan.opening_window.start.isoformat()
        if plan.opening_window.end:
            query["opening_to"] = plan.opening_window.end.isoformat()
    if plan.budget_field == "total_budget":
        if plan.budget_min_eur is not None:
            query["budget_min"] = f"{plan.budget_min_eur:.0f}"
        if plan.budget_max_eur is not None:
            query["budget_max"] = f"{plan.budget_max_eur:.0f}"
    if plan.topic:
        query["q"] = plan.topic
    query["limit"] = "100"
    return "/v1/calls?" + urlencode(query)


def _nothing(result: CallResult, today: dt.date) -> Evidence:
    """No call matches: for an open/forthcoming question, cite the last closed and the next opening."""
    plan = result.plan
    what = describe(plan, plural=False)
    if set(plan.statuses) & {"open", "forthcoming"} or not plan.statuses:
        family = list(result.family_calls)
        closed = [c for c in family if deadline_status(c, today) == CallStatus.CLOSED and c.deadline_date]
        coming = [c for c in family if deadline_status(c, today) == CallStatus.FORTHCOMING and c.opening_date]
        open_now = [c for c in family if deadline_status(c, today) == CallStatus.OPEN]
        if family and (closed or coming):
            chosen: list[FundingCall] = []
            lines: list[str] = []
            lead = _("No {call} is {status}{conditions}.").format(
                call=what, status=_status_words(plan, today), conditions=_conditions(plan)
            )
            if open_now and (plan.deadline_window or plan.opening_window):
                others = describe(plan, plural=len(open_now) != 1)
                outside = ngettext(
                    "{n} {calls} is open on {day} outside that period.",
                    "{n} {calls} are open on {day} outside that period.",
                    len(open_now),
                )
                lead += " " + outside.format(n=len(open_now), calls=others, day=day(today))
            notes: tuple[str, ...] = ()
            if closed:
                last = max(closed, key=lambda c: (c.deadline_date or dt.date.min, c.topic_identifier))
                chosen.append(last)
                closed_on = day(last.deadline_date) if last.deadline_date else "?"
                lines.append(
                    _("The last one closed on {day}: {call}").format(day=closed_on, call=_name(last))
                    + f" [{len(chosen)}]"
                )
            if coming:
                nxt = min(coming, key=lambda c: (c.opening_date or dt.date.max, c.topic_identifier))
                chosen.append(nxt)
                opens_on = day(nxt.opening_date) if nxt.opening_date else "?"
                lines.append(
                    _("The next one opens on {day}: {call}").format(day=opens_on, call=_name(nxt))
                    + f" [{len(chosen)}]"
                )
            else:
                notes = (_("No forthcoming call of it is announced in the corpus."),)
            passages = tuple(call_passage(call, n, today) for n, call in enumerate(chosen, 1))
            return Evidence(
                intent="funding",
                question=plan.question,
                passages=passages,
                intro=lead,
                lines=tuple(lines),
                notes=notes,
                focus_doc_ids=tuple(call.doc_id for call in chosen),
            )
    asked = _status_words(plan, today)
    return Evidence(
        intent="funding",
        question=plan.question,
        intro=_("0 {calls} are {status}{conditions} in the corpus.").format(
            calls=describe(plan), status=asked, conditions=_conditions(plan)
        ),
        notes=(_("Try a wider period, another programme, or ask for forthcoming calls."),),
        grounded=False,
    )


def _name(call: FundingCall) -> str:
    if call.call_kind == "cascade":
        return _("{title} (cascade-funding call under {identifier})").format(
            title=call.title, identifier=call.topic_identifier
        )
    return f"{call.title} ({call.topic_identifier})"


def _lookup(calls: Sequence[FundingCall], plan: QueryPlan, today: dt.date) -> Evidence:
    """What the record says about the named call(s), the fields asked first."""
    shown = list(calls)[:MAX_LISTED]
    sentences = []
    for n, call in enumerate(shown, 1):
        sentences.append(_fields_sentence(call, plan, today, n))
    passages = tuple(call_passage(call, n, today) for n, call in enumerate(shown, 1))
    notes: tuple[str, ...] = ()
    if len(calls) > len(shown):
        notes = (_showing(len(shown), len(calls), plan, today),)
    if len(shown) == 1:
        return Evidence(
            intent="funding",
            question=plan.question,
            passages=passages,
            intro=sentences[0],
            lines=(call_line(call_facts(shown[0], today), 1),),
            notes=notes,
            focus_doc_ids=(shown[0].doc_id,),
        )
    return Evidence(
        intent="funding",
        question=plan.question,
        passages=passages,
        intro=_("{n} calls match {what}:").format(
            n=len(calls), what=", ".join(plan.identifiers) or _("the name")
        ),
        lines=tuple(sentences),
        notes=notes,
        focus_doc_ids=tuple(call.doc_id for call in shown),
    )


_FIELD_WORDS = {
    "deadline": N_("deadline"),
    "opening_date": N_("opening date"),
    "total_budget": N_("total budget"),
    "amount_per_project": N_("amount per project"),
    "number_of_projects": N_("number of projects"),
}
"""What a sort field is called in an answer ("states its total budget")."""
_MONEY_FIELDS: tuple[AskedField, ...] = ("total_budget", "amount_per_project", "number_of_projects")


def _fields_sentence(call: FundingCall, plan: QueryPlan, today: dt.date, n: int) -> str:
    """The asked fields first; a money question gets the whole budget (total, per project, how many).

    Asked "the budget", members next want to know how many projects it funds, and asked "how many
    winners", how much there is: the record's budget is stated whole, and what it lacks is said.
    """
    facts = call_facts(call, today)
    asked: list[AskedField] = list(plan.fields) or ["status"]
    if any(name in _MONEY_FIELDS for name in asked):
        asked = [name for name in asked if name not in _MONEY_FIELDS]
        wanted_money = [name for name in plan.fields if name in _MONEY_FIELDS]
        asked += wanted_money + [name for name in _MONEY_FIELDS if name not in wanted_money]
    parts: list[str] = []
    missing: list[str] = []
    budget = call.budget
    for name in asked:
        if name in {"deadline", "status", "opening_date"}:
            phrase = status_phrase(facts)
            if phrase not in parts:
                parts.append(phrase)
        elif name == "total_budget":
            if facts.budget_total:
                parts.append(_("total budget {amount}").format(amount=facts.budget_total))
            elif name in plan.fields:
                missing.append(_("a total budget"))
        elif name == "amount_per_project":
            if facts.budget_per_project:
                parts.append(_("{amount} per project").format(amount=facts.budget_per_project))
            elif name in plan.fields:
                missing.append(_("an amount per project (or per SME)"))
        elif name == "number_of_projects":
            if budget is not None and budget.expected_grants:
                parts.append(_("{n} projects expected to be funded").format(n=budget.expected_grants))
            elif name in plan.fields:
                missing.append(_("the number of projects it will fund"))
        elif name == "link" and call.url:
            parts.append(_("call page {url}").format(url=call.url))
    sentence = f"{_name(call)}: " + "; ".join(parts) if parts else _name(call)
    if missing:
        link = _("; see the call page: {url}").format(url=call.url) if call.url else ""
        sentence += _(". The record does not state {missing}{link}").format(
            missing=_(" or ").join(missing), link=link
        )
    return sentence + f" [{n}]"
