"""The offline planner: deterministic rules that turn a question into a :class:`QueryPlan`.

It reads the operation (how many, which closes first, the largest budget), the fields asked, the
date windows, programmes and call families, identifiers typed loosely, named organisations, the
asker's home country apart from the target market, budget bounds, and references to the previous
answer's result set ("which of them", "the second one", "only those before March").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pydantic import ValidationError

from assistant.citations import content_tokens
from assistant.entities import Entities
from assistant.plan.catalog import Catalog, NameMatch, ProgrammeSlip
from assistant.plan.dates import ReadWindow, WindowProblem, read_window
from assistant.plan.models import AskedField, DateWindow, Operation, QueryPlan, SortField, StatusName
from assistant.plan.problems import unknown_identifier, unknown_programme
from corpus.programmes import FAMILIES
from retrieval.analysis import fold
from retrieval.query import find_places, find_programmes, find_sectors

CLOSING_SOON_DAYS = 30
""""Closing soon" means a deadline within this many days."""


def _rx(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.IGNORECASE)


_ACTION = re.compile(
    r"(?:\b(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+|kindly\s+)?|"
    r"\bwould you mind\s+|^\s*(?:please\s+|pls\s+|kindly\s+)?)"
    r"(book|reserve|schedule|arrange|send|e-?mail|mail|post|forward|register|enrol|enroll|sign\s+(?:us|me)\s+up|"
    r"subscribe|submit|file|apply|pay|call|phone|ring|contact|reach out|introduce|set up a (?:call|meeting)|"
    r"fill (?:in|out)|sign|order|buy|purchase|cancel|invite|notify|remind|"
    r"booking|sending|emailing|registering|submitting|applying|paying|calling|contacting|filling (?:in|out)|"
    r"signing|arranging|scheduling|reserving)\b(?!\s*:)"
    r"(?!\s+(?:details?|info|information|persons?|people|page|data|address(?:es)?|list|form|points?)\b)(?!\s+(?-i:[A-Z]{2,})\b)",
    re.IGNORECASE,
)
_ACTION_FOR_ME = re.compile(
    r"\b(book\w*|send\w*|e-?mail\w*|regist\w*|submit\w*|apply\w*|applying|pay\w*|contact\w*|"
    r"fill\w* (?:in|out)|sign\w*)\b[^.?!]{0,60}"
    r"\b(for (?:me|us)|on (?:my|our) behalf)\b",
    re.IGNORECASE,
)
_DEFINITION = re.compile(
    r"\b(?:difference between|differ(?:s|ence)? from|what(?: exactly| really)?(?:'s| is| are)\s+(?:an?\s+|the\s+)?(?:meaning of\s+)?"
    r"(?!the (?:deadline|budget|status|link|url|opening)\b)|what does .{2,60}? mean|define|definition of|"
    r"meaning of|explain (?:what|the (?:term|concept|difference))|is there a difference|"
    r"traded or (?:an? )?local|local or (?:an? )?traded|what kind of cluster|traded cluster or|what makes|"
    r"\bvs\.?\b|versus|whats the difference|explain the|the same(?: thing)? as|are they the same|what counts as|"
    r"what (?:do|does) (?:you|they|we|people) mean by|what is meant by|count as an? (?:traded|local)|"
    r"(?:traded|local) or (?:traded|local)|what (?:type|sort) of cluster)",
    re.IGNORECASE,
)
_DEFINED_TERMS = _rx(
    r"clusters?",
    r"cluster organi[sz]ations?",
    r"cluster managers?",
    r"cluster management",
    r"smart speciali[sz]ation",
    r"cascade funding",
    r"financial support to third parties",
    r"ecosystems?",
    r"clusters? policy",
    r"triple helix",
    r"innovation hubs?",
    r"lump sums?",
    r"eurocluster",
    r"traded",
    r"local (?:clusters?|industr(?:y|ies))",
    r"cluster mapping",
    r"sub-?clusters?",
)
# "count as a traded cluster" asks a kind, not a number.
_COUNT = _rx(r"how many", r"number of", r"count(?! as\b)", r"how much calls", r"total of")
_FIRST_DEADLINE = _rx(
    r"next\b[^.?!]{0,60}\bdeadlines?",
    r"(?:closes|closing|ends?|due) (?:the )?soonest",
    r"(?:is |are )?due (?:first|next|earliest)",
    r"clos(?:es|ing) (?:first|soonest|next|earliest)",
    r"(?:first|next|soonest) to close",
    r"(?:earliest|soonest|nearest|next|closest) deadline",
    r"deadline (?:comes|is) first",
    r"most urgent",
    r"ends? (?:first|soonest)",
    r"\bfirst\b[^.?!]{0,40}\bto close",  # "il primo bando EIC a chiudere" reads "the first one call EIC to close"
)
_LAST_DEADLINE = _rx(
    r"clos(?:es|ing) (?:last|latest)",
    r"last to close",
    r"latest deadline",
    r"(?:longest|most) time",
    r"\blast\b[^.?!]{0,40}\bto close",
)
_FIRST_OPENING = _rx(
    r"(?:when|which)\b[^.?!]{0,20}\bnext\b[^.?!]{0,60}\bopen",
    r"next\b[^.?!]{0,60}\b(?:to open|opening)",
    r"opens? (?:first|next|soonest|earliest)",
    r"(?:first|next) to open",
    r"earliest opening",
    r"opening (?:first|next)",
)
_LARGEST = _rx(
    r"largest", r"biggest", r"highest", r"most money", r"most generous", r"maximum budget", r"richest", r"max"
)
_SMALLEST = _rx(r"smallest", r"lowest", r"least money", r"minimum budget", r"cheapest")
_PER_PROJECT = _rx(
    r"per (?:project|grant|proposal|sme|company|beneficiary|applicant|startup|start-up|participant)",
    r"amount per",
    r"grant size",
    r"how much (?:can|could|would|do|does) (?:we|i|an? sme|a company|each|one|a startup)",
    r"how much (?:funding )?(?:does|do) (?:each|one)",
    r"maximum (?:grant|amount|funding)",
    r"lump sum",
    r"each (?:sme|project|company)",
)
_NUMBER_OF_PROJECTS = _rx(
    r"how many (?:projects|grants|proposals|beneficiaries|awards|winners|smes|companies|applicants)"
    r"(?! (?:are|is) open)",
    r"how many (?:will|would|do|does|are|is)\b[^.?!]{0,30}\b(?:funded|selected|financed|awarded|supported)",
    r"no\.? of (?:projects|grants|awards)",
    r"number of (?:projects|grants|proposals|beneficiaries|awards)",
    r"most projects",
    r"(?:fund|support|finance) how many",
    r"how many (?:will|would) (?:be|get) funded",
)
_FIELD_PATTERNS: tuple[tuple[AskedField, re.Pattern[str]], ...] = (
    ("deadline", _rx(r"deadlines?", r"clos(?:e|es|ing)", r"due", r"until when", r"how long", r"cut-?off", r"when .{0,30}(?:apply|submit)")),
    ("opening_date", _rx(r"when does it open", r"when (?:do|does|will) .{0,40}open", r"opening date")),
    ("status", _rx(r"still open", r"is it open", r"status", r"can (?:we|i) still", r"(?:still )?accepting (?:applications|proposals|submissions)")),
    ("total_budget", _rx(r"budget", r"how much (?:money|funding)", r"total (?:funding|amount)", r"funding available", r"worth", r"pot", r"how big", r"size of the (?:call|budget|grant)", r"how much (?:is|was|will be) (?:available|allocated|on offer|in it|in there)", r"how much (?:money )?is (?:in|there)", r"envelope")),
    ("amount_per_project", _PER_PROJECT),
    ("number_of_projects", _NUMBER_OF_PROJECTS),
    ("conditions", _rx(r"conditions?", r"eligib\w*", r"who can apply", r"requirements?", r"criteria", r"consortium")),
    ("link", _rx(r"link", r"url", r"web ?page", r"website", r"where (?:can|do|should) (?:we|i) apply", r"portal page")),
    ("location", _rx(r"where is", r"where are", r"based", r"located", r"which city", r"which country")),
)  # fmt: skip
_CASCADE = _rx(
    r"cascade(?:[- ]funding)?(?: calls?)?",
    r"fstp",
    r"financial support (?:to|for) third parties",
    r"third[- ]party (?:funding|calls?)",
    r"open calls? for smes",
    r"sme open calls?",
)
_LOOKUP_CUE = _rx(
    r"tell me (?:\w+ ){0,3}about", r"who (?:is|are)", r"(?:do|does) (?:you|anyone|anybody) know", r"know (?:anything )?about",
    r"what do they (?:do|work on)", r"what (?:is|are) they (?:doing|working on)",
    r"who (?:runs|leads|manages|coordinates|is behind)", r"contact (?:details?|info|person)", r"what (?:does|do|is) .{3,80}? (?:do|does|doing|about)",
    r"what is", r"where (?:is|are)", r"info(?:rmation)? (?:on|about)", r"details (?:on|of|about)",
    r"contact", r"website", r"describe", r"based", r"how much", r"when", r"deadline", r"budget",
    r"(?:is|are) .{3,60} (?:open|still open)", r"(?:is|are) .{3,60} (?:still )?active",
    r"anything (?:on|about)", r"in (?:your|the) (?:database|data|records?|lists?|corpus)",
    r"what (?:sectors?|fields?|industry|industries|areas?)", r"who are they", r"clos(?:e|es|ing)",
    r"accepting (?:applications|proposals|submissions)", r"(?:heard|know) of",
    r"background (?:on|about)", r"do you have (?:them|it|anything (?:on|about))", r"what do they focus on",
    r"located",
    r"(?:what|which) (?:sectors?|fields?|industry|industries|areas?)", r"active in", r"due\b",
    r"cut-?off", r"closing date",
    # Relating to one organisation or call: "worked with X", "X reached out", "has X closed?"
    r"(?:work|worked|working|partner|partnered|partnering|collaborat\w*|cooperat\w*|team(?:ed)? up|met|meet|meeting|talk\w*|speak\w*|deal\w*) with",
    r"get in touch", r"reach(?:ed|es|ing)? out", r"profile", r"(?:hearing|heard|read|reading) about", r"looking into",
    r"pull up", r"(?:about|know|contact) them", r"their (?:focus|members|work|website|address|field|sector)s?",
    r"work on", r"how long do we have", r"still time", r"(?:still )?submit (?:to|for)", r"any details",
    r"(?:people|someone|somebody|colleagues?|a team|the team) from", r"(?:has|have|is|was) .{3,80}? (?:closed|over|finished|expired)",
)  # fmt: skip
_WHO_TO_TALK_TO = _rx(
    r"who (?:should|could|can|shall) (?:we|i) (?:talk|speak|reach out|turn|go) to", r"who (?:can|could) help",
    r"contacts? in", r"who to (?:contact|talk to)", r"(?:network|ecosystem) in", r"introduc\w* to",
    r"(?:enter|expand (?:to|into)|go to) the \w+ market",
)  # fmt: skip
_CALL_WORDS = _rx(
    r"calls?",
    r"grants?",
    r"funding",
    r"deadlines?",
    r"topics?",
    r"tenders?",
    r"apply",
    r"proposals?",
    r"programmes?",
)
_PARTNER_WORDS = _rx(
    r"partners?", r"cluster organi[sz]ations?", r"clusters (?:in|from|based)", r"collaborat\w*", r"consortium partners?",
    r"who (?:could|can) we work with", r"networks?",
)  # fmt: skip
_OPEN_WORDS = _rx(
    r"open",
    r"still apply",
    r"can (?:we|i) (?:still )?apply",
    r"accepting",
    r"currently",
    r"right now",
    r"available",
)
_HOME = re.compile(
    r"\b(?:we(?:'re| are)|i(?:'m| am)|as an?|our (?:company|firm|cluster|sme|startup|organi[sz]ation) (?:is )?(?:in|from)|"
    r"(?:we|i) (?:are |am )?(?:based|located|headquartered) in|(?:we|i) come from|(?<!partners )(?<!partner )(?<!clusters )(?<!companies )from|"
    r"(?:is|are) (?:based|located|headquartered) in)\b[^.,;?!]{0,40}"
    r"|\bour (?:company|firm|sme|startup|start-up|cluster|organi[sz]ation|business)\s*\([^)]{2,40}\)"
    r"|\b\w+\s+(?:start-?ups?|smes?|compan(?:y|ies)|firms?|business(?:es)?|manufacturers?|team)\s+here\b"
    r"|^\s*(?:hi,?\s+)?(?:an?\s+)?\w+\s+(?:start-?up|sme|company|firm|business|manufacturer|cluster)\b"
    # French, Spanish and Italian put the adjective after the noun: "PME croate, nous ..." → "sme Croatian".
    r"|^\s*(?:hello,?\s+)?(?:an?\s+)?(?:start-?up|sme|company|firm)\s+(?:(?-i:[A-Z])\w+|from\b[^.,;?!]{0,40})"
    r"|\b(?:i|we) (?:run|own|manage|lead|work (?:at|for)) (?:an?|our)\b[^.,;?!]{0,40}"
    # "a Greek agrifood cooperative wants ...", "our Slovak firm": the asker's own organisation (a
    # cluster or organisation named this way is usually what they look for, so not those).
    r"|(?:^|[.!?]\s+|\bour\s+)(?:an?\s+)?\w+(?:\s+[\w-]+){0,2}\s+(?:smes?|start-?ups?|compan(?:y|ies)|firms?|"
    r"business(?:es)?|manufacturers?|cooperatives?|co-ops?|producers?|suppliers?)\b"
    # "for our Italian cluster", "para nuestro clúster italiano" (read "our cluster Italian"): the asker's.
    r"|\bour\s+(?-i:[A-Z])\w+\s+(?:cluster|organi[sz]ation)\b"
    r"|\bour\s+(?:cluster|organi[sz]ation|company|firm|sme|start-?up|business)\s+(?-i:[A-Z])\w+",
    re.IGNORECASE,
)
_TARGET_CUE = _rx(
    r"looking at", r"looking for", r"expand(?:ing)? (?:to|into)", r"enter(?:ing)?", r"export(?:ing)? to", r"partners? in",
    r"market in", r"in", r"to", r"into", r"with",
)  # fmt: skip
_SET_REF = _rx(
    r"how many (?:is|are) (?:that|those|these|they|there of them)",
    r"(?:is|are) (?:that|those|they) (?:all|still)",
    r"(?:of|among|from) (?:them|those|these|the above|that list|this list|the list)",
    r"which one",
    r"(?:only|just) (?:those|the ones|ones|these)",
    r"those|these|them",
    r"the (?:first|second|third|fourth|fifth|sixth|last) (?:one|call|of them)",
    r"the (?:second|third|fourth|fifth|sixth)\b",
)
_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "sixth": 5, "last": -1}
_ORDINAL = re.compile(
    r"\b(?:the|that)\s+(first|second|third|fourth|fifth|sixth|last)\s*(?:one|call|of them|in the list)?\b"
    r"|\b(?:number|no\.?|#)\s*(\d)\b"
    r"|\bthe\s+(\d)(?:st|nd|rd|th)\b",
    re.IGNORECASE,
)
_AMOUNT = (
    r"(?:eur|€)?\s*(\d+(?:[.,]\d+)?)\s*(k|m|mn|million|millions|billion|bn|thousand)?\s*(?:eur|euros?|€)?"
)
_MIN_BUDGET = re.compile(
    r"\b(?:over|more than|above|at least|min(?:imum)?|exceeding|greater than|upwards of)\s+" + _AMOUNT,
    re.IGNORECASE,
)
_MAX_BUDGET = re.compile(
    r"\b(?:under|less than|below|at most|max(?:imum)?|up to|no more than)\s+" + _AMOUNT, re.IGNORECASE
)
_NAMED_PROGRAMME = re.compile(r"\b((?:[A-Z][\w+&-]*\s+){0,3}[A-Z][\w+&-]*)\s+(?:programme|program)\b")
_GENERIC_PROGRAMME_WORDS = frozenset(
    "eu european the this that which what any a an our your national regional funding work research "
    "innovation cluster clusters framework".split()
)
_STRUCTURAL = frozenset(
    """
    call calls grant grants fund funds funding funded deadline deadlines close closes closing closed open opens
    opening opened forthcoming upcoming many number count first last next soon soonest earliest latest largest
    biggest highest smallest lowest budget budgets project projects topic topics programme programmes program
    days day weeks week months month year today tomorrow apply application applications available still
    currently right now which what when where who how much per amount total list show give tell find there
    sme smes start startup startups company companies euro euros eur million thousand those these them one ones only just second
    third fourth fifth cascade fstp link url page website deadline status conditions eligible eligibility
    before after between until till within during coming following upcoming past previous since
    due end yet haven havent accepting accept moment quick money partner partners team together
    collaborate work could would should can will want need looking look please pls thanks hey
    anything something everything any all some more other else exactly really also
    opportunity opportunities scheme schemes support financing finance applying cut off
    cutoff submit submission newest recent recently date dates time whats overview summary full
    complete entire whole sum get got r u ur im ive up coming soonest join participate part take
    proposal proposals submission submissions application applications round rounds
    january february march april may june july august september october november december
    """.split()
)


@dataclass(frozen=True)
class PreviousTurn:
    """What the previous answer computed, for "which of them" and "the second one"."""

    plan: QueryPlan
    result_ids: tuple[str, ...]


def plan_question(
    text: str,
    *,
    today: dt.date,
    intent: str,
    entities: Entities,
    catalog: Catalog,
    previous: PreviousTurn | None = None,
) -> QueryPlan:
    """Read ``text`` into a plan (pure given the catalog).

    Args:
        text: The question as typed.
        today: The day windows and statuses are computed for.
        intent: The rule classifier's intent (funding, partners, policy, out_of_scope).
        entities: What the question names (places, programmes, identifiers, status).
        catalog: Stored calls and organisations, for loose identifiers and names.
        previous: The previous turn's plan and result ids, for references to them.
    """
    problems: list[str] = []
    if _is_action(text):
        return QueryPlan(question=text, intent="action", operation="explain")

    operation, sort_field = _operation(text)
    fields = _fields(text)
    window = read_window(_question_part(text), today)
    deadline_window = opening_window = None
    window_past = False
    if isinstance(window, WindowProblem):
        problems.append(window.message)
    elif isinstance(window, ReadWindow):
        window_past = window.past
        if window.about_opening:
            opening_window = window.window
        else:
            deadline_window = window.window

    identifiers = list(entities.identifiers)
    identifiers += [i for i in catalog.loose_identifiers(text) if i not in identifiers]
    identifiers += [i for i in catalog.identifiers_missing_a_group(text) if i not in identifiers]
    if not identifiers:  # "innovfudn 2025 nzt pilots": spaces for dashes and a typo
        identifiers = catalog.spaced_identifier_typos(text)
    identifiers = list(dict.fromkeys(_correct_identifier(i, catalog) for i in identifiers))
    identifiers = [  # "HORIZON-EIC-2026" read inside a mistyped "HORIZON-EIC-2026-ACCELERATR-01"
        i
        for i in identifiers
        if not any(o != i and o.upper().startswith(i.upper() + "-") for o in identifiers)
    ]
    unknown = [i for i in identifiers if not catalog.has_identifier(i) and not _is_parent(i, catalog)]
    identifiers = [i for i in identifiers if i not in unknown]

    programmes = list(entities.programmes)
    programmes += [name for name in _lowercase_acronyms(text) if name not in programmes]
    slips = [] if identifiers else catalog.mistyped_programmes(text)
    sectors = entities.sectors
    if slips:  # "Horizn Europe", "Eyropean Defence Funf": the programme, and its words no topic or sector
        inside = {name for slip in slips for name in find_programmes(text[slip.start : slip.end])}
        programmes = [name for name in programmes if name not in inside]
        programmes += [slip.family for slip in slips if slip.family not in programmes]
        slipped_sectors = {sector for slip in slips for sector in find_sectors(text[slip.start : slip.end])}
        sectors = tuple(sector for sector in sectors if sector not in slipped_sectors)
        text_for_topic = _with_programmes_named(text, slips)
    else:
        text_for_topic = text
    if identifiers:
        programmes = []  # an identifier says more than its programme
    identifier_problems_at = len(problems)  # they come first, before the programmes'
    problems += _unknown_programmes(text_for_topic, programmes)
    call_kinds: tuple[str, ...] = ("cascade",) if _CASCADE.search(text) else ()

    named = [] if identifiers else _named(text, catalog)
    organisations, candidates = _resolve_names(named)
    # "RFCS-2026-Big Tickets-Coal" is a call's title, not an identifier: no "unknown identifier" then.
    named_titles = " ".join(fold(catalog.name_of(doc_id)) for doc_id in (*organisations, *candidates))
    problems[identifier_problems_at:identifier_problems_at] = [
        unknown_identifier(i) for i in unknown if fold(i) not in named_titles
    ]
    about_one = not _LIST_NOUNS.search(text)
    if organisations and organisations[0].startswith("call:") and programmes and about_one:
        # "New abilities in over-the-horizon sensing": a programme's word inside the named call's title.
        title = fold(catalog.name_of(organisations[0]))
        programmes = [name for name in programmes if not _in_title(name, title)]

    home, target = _home_and_target(text, entities.countries)
    resolved_intent = _intent(
        text, intent, entities, operation, deadline_window or opening_window, programmes, call_kinds, target
    )

    if organisations and organisations[0].startswith("cluster:") and not _CALL_WORDS.search(text):
        resolved_intent = "partners"  # "who are <organisation>?" is about the organisation
    named_call = identifiers or (organisations and organisations[0].startswith("call:"))
    if named_call and resolved_intent in {"out_of_scope", "policy"}:
        resolved_intent = "funding"  # a call named by its identifier or its title is asked about
    statuses = _statuses(entities, deadline_window, opening_window, window_past, operation, sort_field, text)
    if entities.status == "closing_soon" and deadline_window is None:
        deadline_window = DateWindow(
            start=today, end=today + dt.timedelta(days=CLOSING_SOON_DAYS), phrase="closing soon"
        )

    budget_min, budget_max = _budget_bounds(text)
    budget_field: str = "amount_per_project" if _PER_PROJECT.search(text) else "total_budget"

    previous_ref, item_index = _previous_reference(text, previous)
    one_call = len(organisations) == 1 and organisations[0].startswith("call:")
    if operation == "list" and (identifiers or (organisations and fields) or (one_call and about_one)):
        operation = "lookup"  # "has <call title> closed already?" asks about that call
    if operation == "lookup":
        statuses = ()  # a named call is answered about whatever its status
    call_operation = operation in {"count", "first", "last", "largest", "smallest"} or bool(
        {"deadline", "opening_date", "total_budget", "amount_per_project", "number_of_projects"} & set(fields)
    )
    if _DEFINITION.search(text) and _DEFINED_TERMS.search(text) and not identifiers and not organisations:
        if not call_operation and not (deadline_window or opening_window) and previous_ref == "none":
            resolved_intent, operation = "policy", "explain"

    data: dict[str, object] = {
        "question": text,
        "intent": resolved_intent,
        "operation": operation,
        "sort_field": sort_field,
        "fields": tuple(fields),
        "doc_types": doc_types_for(resolved_intent),
        "statuses": statuses,
        "deadline_window": deadline_window,
        "opening_window": opening_window,
        "programmes": tuple(programmes),
        "call_kinds": call_kinds,
        "identifiers": tuple(identifiers),
        "organisations": tuple(organisations),
        "target_countries": tuple(target),
        "home_countries": tuple(home),
        "regions": entities.regions,
        "sectors": sectors,
        "topic": _topic(_IDENTIFIER_TEXT.sub(" ", text) if identifiers else text_for_topic, programmes),
        "budget_min_eur": budget_min,
        "budget_max_eur": budget_max,
        "budget_field": budget_field,
        "previous": previous_ref,
        "item_index": item_index,
        "problems": tuple(problems),
        "candidates": tuple(candidates),
    }
    if previous is not None and previous_ref != "none":
        data = _refine(previous.plan, data)
    try:
        return QueryPlan.model_validate(data)
    except ValidationError as error:
        message = "; ".join(str(e.get("msg", "")).removeprefix("Value error, ") for e in error.errors())
        data.update(budget_min_eur=None, budget_max_eur=None, problems=(*problems, message))
        return QueryPlan.model_validate(data)


_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")
_WINDOW_RELEVANT = _rx(
    r"calls?",
    r"grants?",
    r"deadlines?",
    r"clos\w*",
    r"open\w*",
    r"due",
    r"submi\w*",
    r"apply",
    r"topics?",
    r"proposals?",
    r"ends?",
    r"expir\w*",
    r"launch\w*",
    r"funding",
)


def _question_part(text: str) -> str:
    """The sentences that ask about calls: "planning next year's budget. Which calls close in May?" → the second.

    A date phrase in the context ("we're planning next year's applications") is not a filter.
    """
    sentences = [s for s in _SENTENCE.findall(text) if s.strip()]
    relevant = [s for s in sentences if _WINDOW_RELEVANT.search(s)]
    return " ".join(relevant) if relevant else text


_PROPER_NOUN = re.compile(r"\b[A-Z][\w&.-]*(?:\s+(?:[A-Z][\w&.-]*|of|for|and|de|la|del|di))*\s+[A-Z][\w&.-]*")
SURE_NAME_SCORE = 92.0
"""A long name typed this closely stands for the record even without "who is" or "tell me about"."""


_WORD = re.compile(r"[^\W_]+")
NAME_ALONE_SHARE = 0.5
"""A name that makes up at least this share of the question's words ("Silicon Saxony??") is the question."""
SHORT_QUESTION_WORDS = 6


_LIST_NOUNS = _rx(
    r"calls",
    r"topics",
    r"grants",
    r"clusters",
    r"organi[sz]ations",
    r"partners",
    r"networks",
    r"opportunities",
)
"""A question about several records ("calls on quantum machine learning"): a title it types is topic words."""


def _named(text: str, catalog: Catalog) -> list[NameMatch]:
    """Records the question names: with a look-up cue, a close match of a name of 3+ words, a name
    that is most of the question, or a name typed the way names are written (capitalised or in
    capitals) in a question that is not about several records."""
    cue = bool(_LOOKUP_CUE.search(text))
    words = len(_WORD.findall(text))
    short = words <= SHORT_QUESTION_WORDS
    if not cue and not short and not _PROPER_NOUN.search(text):
        return []  # a name typed closely enough to stand alone is written like a name (~8 ms saved)
    about_several = bool(_LIST_NOUNS.search(text))
    return [
        match
        for match in catalog.named_records(text)
        if cue
        or (match.score >= SURE_NAME_SCORE and len(match.name.split()) >= 3)
        or len(match.name.split()) >= NAME_ALONE_SHARE * words  # the name is the question: a cue enough
        or (match.written and not about_several)
    ]


_ACTION_LAST = re.compile(
    r"\b(?:can|could|would) you\b[^.?!]{0,80}\b(?:book|arrange|send|register|pay|submit)\s*[?.!]?\s*$",
    re.IGNORECASE,
)
"""German puts the verb last ("Kannst du für Dienstag ein Treffen mit X buchen?" reads "can you ...
a meeting with X book?"): a request whose last word is the action."""


def _is_action(text: str) -> bool:
    if re.match(r"^\s*(?:how|what|when|where|which|who|why|is|are|do|does)\b", text, re.IGNORECASE):
        # "How do I register on the portal?" asks how, it does not ask us to do it.
        return bool(_ACTION_FOR_ME.search(text))
    return bool(_ACTION.search(text) or _ACTION_FOR_ME.search(text) or _ACTION_LAST.search(text))


def _operation(text: str) -> tuple[Operation, SortField | None]:
    per_project = bool(_PER_PROJECT.search(text))
    if _FIRST_DEADLINE.search(text):
        return "first", "deadline"
    if _LAST_DEADLINE.search(text):
        return "last", "deadline"
    if _FIRST_OPENING.search(text):
        return "first", "opening_date"
    if _LARGEST.search(text) and not _COUNT.search(text):
        if _NUMBER_OF_PROJECTS.search(text) or re.search(r"\bmost projects\b", text, re.IGNORECASE):
            return "largest", "number_of_projects"
        return "largest", "amount_per_project" if per_project else "total_budget"
    if _SMALLEST.search(text) and not _COUNT.search(text):
        return "smallest", "amount_per_project" if per_project else "total_budget"
    if _COUNT.search(text) and not _NUMBER_OF_PROJECTS.search(text):
        return "count", None
    if re.search(r"\b(?:compare|comparison|versus|vs\.?)\b", text, re.IGNORECASE):
        return "compare", None
    return "list", None


def _fields(text: str) -> list[AskedField]:
    return [name for name, pattern in _FIELD_PATTERNS if pattern.search(text)]


def _with_programmes_named(text: str, slips: list[ProgrammeSlip]) -> str:
    """``text`` with each mistyped programme name written as the programme's name."""
    for slip in sorted(slips, key=lambda s: -s.start):
        text = text[: slip.start] + slip.family + text[slip.end :]
    return text


def _correct_identifier(identifier: str, catalog: Catalog) -> str:
    """A stored identifier as is; one typed without its programme prefix or with a typo, the one stored
    identifier it stands for."""
    if _is_parent(identifier, catalog):
        return identifier
    return (
        catalog.stored_identifier(identifier)
        or catalog.identifier_without_prefix(identifier)
        or catalog.nearest_identifier(identifier)
        or identifier
    )


def _is_parent(identifier: str, catalog: Catalog) -> bool:
    """A call identifier that is the prefix of stored topic identifiers (``HORIZON-CL5-2026-D3``)."""
    wanted = identifier.upper() + "-"
    return any(call.topic_identifier.upper().startswith(wanted) for call in catalog.calls)


def _unknown_programmes(text: str, known: list[str]) -> list[str]:
    problems = []
    known_folded = {fold(name) for name in known}
    aliases = {fold(a.strip()) for f in FAMILIES for a in f.aliases.split(";")}
    for match in _NAMED_PROGRAMME.finditer(text):
        name = match.group(1).strip()
        words = [w for w in name.split() if w.lower() not in _GENERIC_PROGRAMME_WORDS]
        if not words:
            continue
        candidate = " ".join(words)
        folded = fold(candidate)
        if folded in aliases or folded in known_folded or any(folded in k or k in folded for k in aliases):
            continue
        problems.append(unknown_programme(candidate, [f.name for f in FAMILIES[:8]]))
    return problems


def _in_title(programme: str, folded_title: str) -> bool:
    """Whether one of the programme's names is words of the (folded) title."""
    names = [programme, *FAMILIES_BY_NAME.get(programme, "").split(";")]
    return any(
        re.search(rf"\b{re.escape(fold(name.strip()))}\b", folded_title) for name in names if name.strip()
    )


def _resolve_names(named: list[NameMatch]) -> tuple[list[str], list[str]]:
    if not named:
        return [], []
    best = named[0]
    tied = [m for m in named if m.score >= best.score - 0.5 and fold(m.name) != fold(best.name)]
    if tied and best.score < 100:
        return [], [best.doc_id, *[m.doc_id for m in tied][:3]]
    return [best.doc_id], []


def _home_and_target(text: str, countries: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Split the countries named into the asker's home and the target market."""
    if not countries:
        return [], []
    home: set[str] = set()
    for match in _HOME.finditer(text):
        clause = match.group(0)
        # "we are a French SME looking at Canada": the home clause ends where the target begins.
        clause = re.split(
            r"\b(?:looking|seeking|searching|interested|want|wanting|expand|entering|to find|and)\b", clause
        )[0]
        found, _ = find_places(clause)
        home.update(found)
    target = [c for c in countries if c not in home]
    if not target:
        return sorted(home), []
    return sorted(home), target


def _intent(
    text: str,
    intent: str,
    entities: Entities,
    operation: Operation,
    window: DateWindow | None,
    programmes: list[str],
    call_kinds: tuple[str, ...],
    target: list[str],
) -> str:
    calls = bool(_CALL_WORDS.search(text) or programmes or call_kinds or entities.identifiers)
    partners = bool(_PARTNER_WORDS.search(text))
    if target and not calls and _WHO_TO_TALK_TO.search(text):
        return "partners"  # "we want to enter the Danish market; who should we talk to?"
    if calls and partners and target and intent in {"funding", "partners"}:
        return (
            "mixed"
            if re.search(r"\b(?:and|also|plus)\b", text, re.IGNORECASE) and intent == "partners"
            else intent
        )
    if calls and (
        operation in {"count", "first", "last", "largest", "smallest"} or window or programmes or call_kinds
    ):
        return "funding"
    if intent == "partners" and calls and not partners:
        # "Are there calls for clusters in Poland?" names countries, but asks for funding.
        return "funding"
    return intent if intent in {"funding", "partners", "policy", "out_of_scope"} else "policy"


_FORTHCOMING_WORDS = _rx(
    r"coming up", r"not (?:yet )?open(?:ed)?(?: yet)?", r"(?:haven'?t|have not|hasn'?t|has not) (?:yet )?opened",
    r"yet to open", r"will open", r"opening (?:soon|later)", r"upcoming", r"forthcoming", r"still to open",
    r"(?:are|is) to open", r"to be opened", r"not yet (?:launched|published)", r"in the pipeline",
    r"will (?:be )?(?:launch|publish)\w*",
)  # fmt: skip
_OR_CLOSED = _rx(
    r"or (?:have|are|did) (?:they|these|those|it|all of them) (?:all )?(?:closed|expired|over|ended)"
)
_OPEN_NOW_WORDS = _rx(
    r"(?:still )?submit to", r"still (?:submit|apply|get in)",
    r"accepting (?:applications|proposals|submissions)", r"at the moment", r"right now", r"currently open",
    r"can (?:we|i|one) (?:still )?apply", r"still open", r"open (?:for|to) (?:applications|submissions)",
)  # fmt: skip


def _statuses(
    entities: Entities,
    deadline_window: DateWindow | None,
    opening_window: DateWindow | None,
    window_past: bool,
    operation: Operation,
    sort_field: SortField | None,
    text: str,
) -> tuple[StatusName, ...]:
    asked = entities.status
    opening_ahead = (opening_window is not None and not window_past) or (
        operation == "first" and sort_field == "opening_date"
    )
    if opening_ahead and not re.search(r"\b(?:open now|currently open|already open)\b", text, re.IGNORECASE):
        return ("forthcoming",)
    if _FORTHCOMING_WORDS.search(text):
        asked = "forthcoming"
    elif _OPEN_NOW_WORDS.search(text) and (asked is None or _OR_CLOSED.search(text)):
        asked = "open"  # "can we still submit, or have they all closed?" asks what is open
    if asked == "closed":
        return ("closed",)
    if asked == "forthcoming":
        return ("forthcoming",)
    if asked in {"open", "closing_soon"}:
        return ("open",)
    if deadline_window is not None:
        return ("closed",) if window_past else ()
    if opening_window is not None:
        return () if window_past else ("forthcoming",)
    if operation == "first" and sort_field == "opening_date":
        return ("forthcoming",)
    if _OPEN_WORDS.search(text) or operation in {"count", "first", "last", "largest", "smallest"}:
        return ("open",)
    return ("open", "forthcoming")


def _amount(number: str, unit: str | None) -> float:
    value = float(number.replace(",", "."))
    scale = {
        "k": 1e3,
        "thousand": 1e3,
        "m": 1e6,
        "mn": 1e6,
        "million": 1e6,
        "millions": 1e6,
        "billion": 1e9,
        "bn": 1e9,
    }
    return value * scale.get((unit or "").lower(), 1.0)


def _budget_bounds(text: str) -> tuple[float | None, float | None]:
    low = _MIN_BUDGET.search(text)
    high = _MAX_BUDGET.search(text)
    money = re.compile(
        r"(?:eur|€|euros?|million|\bm\b|\bk\b|thousand|billion|budget|grant|funding)", re.IGNORECASE
    )

    def value(match: re.Match[str] | None) -> float | None:
        if match is None or not money.search(match.group(0) + text[match.end() : match.end() + 12]):
            return None
        return _amount(match.group(1), match.group(2))

    return value(low), value(high)


def _previous_reference(text: str, previous: PreviousTurn | None) -> tuple[str, int | None]:
    if previous is None or not previous.result_ids:
        return "none", None
    ordinal = _ORDINAL.search(text)
    if ordinal:
        word = ordinal.group(1)
        digit = ordinal.group(2) or ordinal.group(3)
        index = _ORDINALS[word.lower()] if word else int(digit) - 1
        if index == -1:
            index = len(previous.result_ids) - 1
        if 0 <= index < len(previous.result_ids):
            return "item", index
    if _SET_REF.search(text) or re.match(r"^\s*(?:and\s+)?(?:only|just|which)\b", text, re.IGNORECASE):
        return "set", None
    return "none", None


def _refine(previous: QueryPlan, data: dict[str, object]) -> dict[str, object]:
    """A follow-up over the previous result set keeps the previous filters and adds its own."""
    merged = dict(data)
    merged["intent"] = (
        previous.intent if previous.intent in {"funding", "partners", "mixed"} else data["intent"]
    )
    merged["doc_types"] = previous.doc_types
    for key in ("programmes", "call_kinds", "target_countries", "sectors", "regions"):
        if not data[key]:
            merged[key] = getattr(previous, key)
    if not data["topic"] or data["previous"] != "none":
        merged["topic"] = previous.topic
    if data["previous"] == "set" and not (data["deadline_window"] or data["opening_window"]):
        merged["statuses"] = data["statuses"] if _explicit_status(str(data["question"])) else ()
    elif data["previous"] == "set":
        merged["statuses"] = ()
    if data["previous"] == "item":
        merged["operation"] = "lookup"
        merged["statuses"] = ()
    return merged


def _explicit_status(text: str) -> bool:
    return bool(re.search(r"\b(?:open|closed|forthcoming|upcoming|expired)\b", text, re.IGNORECASE))


def doc_types_for(intent: str) -> tuple[str, ...]:
    """The record types a plan of this intent looks at."""
    return {
        "funding": ("call",),
        "partners": ("cluster",),
        "mixed": ("call", "cluster"),
        "policy": ("policy",),
    }.get(intent, ())


_TOPIC_LEAD = re.compile(
    r"\b(?:on|about|regarding|concerning|covering|targeting|related to|relating to|focused on|focusing on|"
    r"dealing with|around|for|in the (?:field|area|domain|sector)s? of)\s+",
    re.IGNORECASE,
)
_TOPIC_BEFORE = re.compile(
    r"\b((?:[\w-]+\s+){0,2}[\w-]+)\s+(?:calls?|grants?|funding|topics?|opportunit(?:y|ies)|programmes?)\b",
    re.IGNORECASE,
)
_NAME_WORD_IN_TEXT = re.compile(r"(?<![.!?:]\s)(?<!^)\b([A-Z][a-z]{3,})\b")
_PHRASE_STOP = frozenset(
    """
    that which with and or but open opens closing closes close before after by from this next are is do does
    can could to in where we our i you r u still currently right now at please pls thx thanks asap so if
    then when what who how would should will a an the any some all my your their us me them it its
    """.split()
)
MAX_TOPIC_WORDS = 4


def _topic(text: str, programmes: list[str]) -> str:
    """What the calls should be about: the words after "on/about/for ...", before "calls", or a name.

    Only those places say what a call is about ("calls on hydrogen", "battery calls", "the EIC
    Accelerator"); the rest of a question is greetings, context and filters ("hi! planning ahead for
    our board meeting ..."), and programme names, places, dates, statuses and operations are
    filters that must not narrow the set a second time.
    """
    phrases = [text[m.end() : m.end() + 80] for m in _TOPIC_LEAD.finditer(text)]
    phrases += [" ".join(reversed(m.group(1).split())) for m in _TOPIC_BEFORE.finditer(text)]
    phrases += [m.group(1) for m in _NAME_WORD_IN_TEXT.finditer(text)]
    # Folded, so a name typed without its letters ("Laczac Europe" for "Łącząc Europę") is no topic either.
    alias_words = {
        fold(word) for name in programmes for word in content_tokens(FAMILIES_BY_NAME.get(name, ""))
    }
    terms: list[str] = []
    for phrase in phrases:
        for position, word in enumerate(re.findall(r"[\w'-]+|[^\w\s]", phrase)):
            folded = word.lower().strip("'\"")
            if folded in _PHRASE_STOP or not folded[:1].isalnum():
                break  # the phrase ends where the grammar or the punctuation begins
            if folded in _STRUCTURAL:
                if position == 0:
                    continue  # "for SMEs on ...": a filter word first, the topic may follow
                break
            terms += [term for term in content_tokens(folded) if _topical(term, alias_words)]
    return " ".join(sorted(dict.fromkeys(terms))[:MAX_TOPIC_WORDS])


def _topical(term: str, alias_words: set[str]) -> bool:
    return (
        term not in _STRUCTURAL
        and fold(term) not in alias_words
        and term not in _ALL_FAMILY_WORDS
        and len(term) > 2
        and not term.isdigit()
        and not any(find_places(term))
        and not any(find_places(term + "s"))
        and term not in _GREETINGS
    )


_GREETINGS = frozenset("hello hey good morning afternoon evening thank thanks quick question".split())


FAMILIES_BY_NAME = {family.name: family.aliases for family in FAMILIES}
_ACRONYMS = {
    alias.strip(): family.name
    for family in FAMILIES
    for alias in family.aliases.split(";")
    if alias.strip().isupper() and len(alias.strip()) <= 8
}
_ACRONYM_BEFORE_CALLS = re.compile(
    r"\b([a-z][a-z0-9+]{1,9})\s+(?:calls?|grants?|programmes?|programs?|funding|topics?|deadlines?)\b",
    re.IGNORECASE,
)


def _lowercase_acronyms(text: str) -> list[str]:
    """Programme acronyms typed in lower case before "calls" ("open eic calls", "any i3 calls")."""
    return list(
        dict.fromkeys(
            _ACRONYMS[match.group(1).upper()]
            for match in _ACRONYM_BEFORE_CALLS.finditer(text)
            if match.group(1).upper() in _ACRONYMS
        )
    )


_ALL_FAMILY_WORDS = {
    word for family in FAMILIES for word in content_tokens(f"{family.name}; {family.aliases}")
}
_IDENTIFIER_TEXT = re.compile(
    r"\b[A-Za-z][A-Za-z0-9]{0,11}(?:[- _][A-Za-z0-9]+)*[- _]20\d\d(?:[- _][A-Za-z0-9]+)+"
    # typed without its dashes ("horizoncl5202705d208", "LIFE2026CETEMPOWER")
    r"|\b(?=[A-Za-z0-9]*\d)[A-Za-z][A-Za-z0-9]{9,}\b"
)
