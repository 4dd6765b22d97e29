"""Scored keyword rules for the triage category of a member's request (offline, no model).

Each category has weighted cues: regular expressions matched case-insensitively as whole words.
A cue with a negative weight is a counter-cue ("join our consortium" is not a membership
request). A request's score for a category is the sum of the weights of its cues that match (each
cue counts once); the answering intent adds a small hint. The highest score wins, ties go to the
category first in :data:`PRIORITY`, and a best score under :data:`MIN_SCORE` means ``other``.

Weights: 3 for a cue that on its own names the category ("invoice", "webinar", "locked out"), 2
for a strong hint, 1 or 1.5 for context that only helps. In :data:`RULES` the cues of one weight
are written as one string, separated by ``"; "``; ``<ORG>``, ``<NOT_US>``, ``<CANT>``, ``<THING>``
and ``<SYMPTOM>`` stand for the shared patterns below, and ``A && B`` needs both ``A`` and ``B``
anywhere in the text.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal, NamedTuple

from assistant.triage_lexicon import Cue as LexiconCue
from assistant.triage_lexicon import all_lexicons
from retrieval.analysis import fold

Category = Literal[
    "funding_question", "partner_search", "event_matchmaking", "membership_admin", "technical_issue", "other"
]
CATEGORIES: tuple[Category, ...] = (
    "funding_question",
    "partner_search",
    "event_matchmaking",
    "membership_admin",
    "technical_issue",
    "other",
)
PRIORITY: tuple[Category, ...] = (
    "technical_issue",
    "event_matchmaking",
    "membership_admin",
    "partner_search",
    "funding_question",
    "other",
)
"""Tie-break order: the more specific, actionable queues first."""
MIN_SCORE = 1.5
"""A request whose best score is lower than this is ``other``."""
INTENT_HINT = 1.0
"""Added to funding / partner search when the answering intent is funding / partners."""
CALL_IDENTIFIER = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*(?:-[A-Z0-9]+){2,}(?![\w-])")
"""An F&T call or topic identifier ("I3-2026-INV1", "HORIZON-CL5-2027-07-D3-32"), as written."""
IDENTIFIER_HINT = 2.0
"""Added to funding when the request names a call identifier: in any language, a request naming a
call asks about that call ("Czy HORIZON-CL5-2027-07-D3-32 jest już otwarty?")."""

_SHARED = {
    "<ORG>": (
        r"(?:partners?|clusters?|sme'?s?|compan(?:y|ies)|start-?ups?|universit(?:y|ies)|"
        r"(?:research )?labs?|institutes?|suppliers?|providers?|foundr(?:y|ies)|(?:sub)?contractors?|"
        r"vendors?|producers?|makers?|firms?|consultanc(?:y|ies)|testing facilit(?:y|ies)|hospitals?|"
        r"clinics?|municipalit(?:y|ies)|cities|utilities|farms?|retailers?|buyers?|customers?|investors?|"
        r"manufacturers?|integrators?|distributors?|end[- ]?users?|hubs?|organi[sz]ations?|experts?|"
        r"co-?applicants?|counterparts?|someone|somebody|pilot (?:sites?|customers?))"
    ),
    # after an organisation word: the cluster's own staff, or the partner-search tool, is no partner
    "<NOT_US>": r"(?! (?:manager|management|team|office|secretariat|staff|search))",
    "<CANT>": r"(?:can'?t|cannot|can not|could ?n'?t|unable to|not able to|impossible to)",
    "<THING>": (
        r"(?:website|site|portal|platform|app|form|page|links?|log ?in|account|e-?mails?|mails?|"
        r"calendar|drive|folder|files?|pdf|attachment|dashboard|(?:chat)?bot|system|tool|button|browser|"
        r"server|database|search)"
    ),
    "<SYMPTOM>": (
        r"(?:slow|sluggish|lag\w*|stopped|problems?|issues?|wrong|failed|denied|corrupt\w*|"
        r"missing|empty|blank|weird|strange|stuck|hangs?|frozen|disappeared|can'?t|cannot|doesn'?t|won'?t|"
        r"isn'?t|not)"
    ),
}

# fmt: off
RULES: dict[Category, tuple[tuple[float, str], ...]] = {
    "technical_issue": (
        (3, "errors?; bugs?; crash(?:es|ed|ing)?; glitch(?:es)?; broken; outage; not working; "
            "stopped working; (?:does|do|did|is|are)(?: not|n'?t) work(?:ing)?; "
            "won'?t (?:work|load|open); <CANT> (?:log ?in|sign ?in|log on|access|get in(?:to)?|open|"
            "upload|download|attach|load|reset|see the); locked out; passwords?|pwd; unlock\\w*; "
            "account (?:is |was |got |has been )?(?:locked|blocked|disabled|suspended); (?:not|never|"
            "n'?t) (?:displaying|showing|loading|appearing|opening|saving|sending|syncing|updating|"
            "responding); (?:does|do|did|is|are|was|won)(?: not|n'?t) (?:display|show|load|open|save|send|"
            "sync|update|respond|accept|scan|print|play|connect|arrive|install|start|run|launch); "
            "(?:returns?|shows?|finds?) (?:nothing|no results); nothing (?:loads|happens|shows|works); "
            "(?:verification|activation|confirmation) (?:e-?mails?|links?|codes?|sms); "
            "activate (?:my|our|the) account; exceptions?|stack ?trace|throws?; rejects?|invalid; 2fa; "
            "two[- ]factor; mfa; authentication; (?:verification|login|security) codes?; time[sd]? ?out; "
            "[45]0[0-4]; (?:blank|empty|white) (?:page|screen); "
            "(?:page|site|portal|form)s? (?:is |are )?not loading; bounc(?:e|es|ed|ing); "
            "spam(?: folder)?; "
            "(?:links?|invites?|invitations?|codes?|tokens?|sessions?)\\b.{0,30}\\bexpired; "
            "expired (?:links?|invites?|invitations?|codes?|tokens?); "
            "umlauts?|accents|special characters|(?:character )?encoding|garbled; greyed out; "
            "fail(?:s|ed|ing|ures?)?; (?:website|site|portal|platform|server|system|app|tool|"
            "page)s? (?:is |seems |went |was |are )?down; "
            "keeps? (?:crashing|freezing|logging|loading|spinning|answering|showing|failing|reloading); "
            "(?:access|permission) denied|forbidden|unauthori[sz]ed; corrupt\\w*; "
            "could(?: not|n'?t) be (?:sent|saved|uploaded|loaded|opened|found|processed|delivered); "
            "technical (?:problems?|issues?|difficult\\w*); cach(?:e|ing); takes? (?:ages|forever|minutes)"),
        (2, "<THING> && <SYMPTOM>; uploads?; uploading; slow|sluggish|laggy; sync\\w*; downloads?; "
            "log(?:ging)? (?:me |us )?out; sso; spinner; whitelist\\w*; "
            "(?:mail|email|e-mail|browser|account) settings; never arrives?; breaks?; freez\\w+; "
            "(?:chat)?bot; browsers?; firefox|chrome|safari|edge browser"),
        (1, "log ?in; sign ?in; website; portal; platform; app; links?; button; excel; export; "
            "teams|zoom; accounts?; forms?; search (?:function|bar|box|field)"),
    ),
    "event_matchmaking": (
        (3, "events?; matchmaking; b2b; brokerage; webinars?; conferences?; workshops?; meet-?ups?; "
            "summit; (?:trade )?fairs?; trade ?shows?; expo; exhibitions?; delegations?; site visits?; "
            "study trips?; (?:trade|business|study|economic) (?:missions?|trips?|visits?|tours?); "
            "(?:info(?:rmation)?|online|virtual|live|networking|pitch(?:ing)?) sessions?; "
            "(?:innovation|info|open|demo|networking|partnering|cluster) days?; hackathons?; roadshows?; "
            "booths?; pavilions?; forums?; round ?tables?; seminars?; symposi(?:um|a); congress(?:es)?; "
            "festival; gala; reception; award ceremony; open house; field ?trips?; "
            "partnering (?:events?|sessions?); (?:one-to-one|1:1|bilateral|b2b) meetings?; "
            "book (?:me|us) .{0,30}meetings?; (?:speaking|meeting|time) slots?; "
            "meeting (?:schedule|requests?|agenda); "
            "networking (?:dinner|lunch|breakfast|reception|evening); breakfast; masterclass(?:es)?"),
        (2, "agenda; speakers?; pitch(?:es|ing)?; panel(?:ists?)?; stands?; recordings?; recorded; "
            "slides; attend(?:ing|ees?|ance)?; (?:sign(?:ed)? up|register|registration) (?:for|to); "
            "excursion; missions?; accommodation; seats?; participants list|list of participants; visit; "
            "(?:working group|wg) meetings?; catering|dress code|badges?|cloakroom"),
        (1, "sessions?; host; venue; registration; sign(?:ed)? up; meetings?; lunch|dinner; video"),
    ),
    "membership_admin": (
        (3, "memberships?; (?:member(?:ship)?|annual|yearly) fees?; invoices?; renew(?:al|ing)?; "
            "become (?:a |an |full |associate )*members?; "
            "(?:as|register as|sign up as|accept(?:ed)? as) (?:a |an )?(?:\\w+ )?members?; join (?:the|"
            "your|this) (?:cluster|network|association)(?! (?:visit|trip|event|mission|delegation|meeting|"
            "tour|stand|booth|webinar|workshop|dinner|day|summit|pavilion)); "
            "direct debit|bank transfer|pay by|purchase order|po number; member(?:s'?)? directory; "
            "members?(?:'|-only)? (?:area|list|database|record|page|section)s?; "
            "member(?:ship)? (?:number|id|status|benefits|package|tier|account|category); "
            "general assembly; annual (?:general )?meeting; by proxy; board (?:members?|elections?); "
            "statutes; by-?laws; notice period; unsubscribe\\w*; stop sending; gdpr; "
            "(?:personal|our|my) data; personal (?:details|information); "
            "delete (?:my|our) .{0,20}(?:details|data|account|profile|information); "
            "(?:main )?contact person; vat(?: number)?; (?:full|associate) members?; "
            "membership (?:certificate|confirmation); "
            "(?:certificate|confirmation|proof) (?:that|of|confirming) .{0,30}members?"),
        (2, "fees?; payments?; paid; billing; receipt; certificate; mailing list; (?:update|change|"
            "correct|replace|remove|add)\\w* .{0,40}?(?:profile|address|contact|details|records?|listing|"
            "entry|colleague|logo|(?:company|organi[sz]ation) name); "
            "(?:our|my) (?:company )?(?:profile|address|contact details|listing); "
            "reduced rate|discount\\w*; cancel (?:our|my) (?:membership|subscription); vote|voting"),
        (1, "pay; logo; newsletter; access; colleagues?; privacy; reminders?; members?(?:-only)?; "
            "details; tier"),
        (-3, "join (?:our|the|a|their|your) (?:consortium|project|proposal|bid)"),
        (-2, "(?:a|our|one of our|the) members? (?:wants?|needs?|is looking|would like|asks?); "
             "(?:has|have) members; our members'? (?:solution|product)"),
    ),
    "partner_search": (
        (3, "consortium partners?; (?:put|get) (?:us|me|them) in touch; "
            "(?:make |an )?intro(?:duction)?s? to; twin(?:ning)? with; introduc\\w+ (?:us|me|them); "
            "connect (?:us|me|them) (?:with|to); (?:which|what) (?:members?|"
            "<ORG>) (?:\\w+ ){0,3}?(?:produce|make|offer|work|do|have|are|can|could|supply|provide|"
            "develop|manufacture|research)\\w*; join (?:our|the|a|their) (?:consortium|project|proposal); "
            "(?:looking|searching|search|seeking|asking) (?:for )?(?:a |an |some |any |"
            "the )?(?:\\w+ ){0,3}?<ORG><NOT_US>; (?:find|know|recommend|suggest|identify|need|want|meet|"
            "reach) (?:a |an |some |any |another |other |a third )?(?:\\w+ ){0,3}?<ORG><NOT_US>; "
            "who (?:in the network |here |else )?(?:works?|is working|does|is doing|has experience|"
            "could supply); "
            "any ?(?:one|body) (?:in the network |here )?(?:doing|working|who|with|making|producing); "
            "(?:any|some) contacts?; list of (?:\\w+ ){0,2}(?:clusters|companies|organi[sz]ations|smes); "
            "co-?applicants?; counterparts?; technology providers?; end[- ]users?; team up; value chain; "
            "step in; (?:establish|make|build|share|find|get|exchange) (?:\\w+ ){0,2}contacts?; "
            "interested in (?:testing|piloting|trialling|using|buying|adopting|co-developing)"),
        (2, "partnering; partners?; collaborat\\w+; cooperat\\w+; work with; "
            "joint (?:project|venture|application); contacts? (?:in|at|for|from|of|with); consortium; "
            "approach; pilot sites?; suppliers?; distributors?; providers?"),
        (1, "(?:clusters?|compan(?:y|ies)|smes?|organi[sz]ations?) (?:in|from|based in|located in); "
            "any ?one know; network; know (?:of )?(?:a|an|any|some); "
            "any (?:ideas|suggestions|recommendations)"),
        (-3, "partner ?search (?:page|tool|database|platform|form)"),
    ),
    "funding_question": (
        (3, "grants?; funding; subsid(?:y|ies|ised); co-?financ\\w+; co-?fund\\w*; cut-?offs?; "
            "beneficiar(?:y|ies); vouchers?; state aid; de minimis; lump sums?; timesheets?; "
            "personnel costs; eligible costs; financial report\\w*; grant agreement; cascade; "
            "(?:open|funding|eu|upcoming|next|new) calls?; calls? for (?:proposals|projects|tenders); "
            "(?:submission|proposal) (?:portal|deadline); (?:be|act as) (?:the |a )?coordinator; "
            "eligib\\w+; apply for (?:a |the )?(?:grant|funding|call|programme|voucher|loan)s?; money; "
            "funds?|funded; tenders?; resubmi\\w+; success rates?; evaluation summary reports?|esr; "
            "(?:innovation |digitali[sz]ation )?cheques?; own contribution|match funding; "
            "work ?programmes?; (?:support|funding|financing) (?:programmes?|schemes?|instruments?); "
            "seal of excellence; trl ?\\d?; top-?ups?; in-kind contributions?; indirect costs|overheads; "
            "pre-?financing; funding rates?|reimburs\\w+; financ(?:e|ing) (?:for|of|options?|instruments?)"),
        (2, "calls?; proposals?; budget; co-?funding rate; programmes?; evaluation (?:results?|report); "
            "submi(?:t|ssion); concept note; schemes?; instruments?; evaluators?|scores?; "
            "bonus(?:es)?|incentives?|tax credits?; reopen\\w*"),
        (1.5, "horizon europe|horizon 2020|heu|eic|eurostars|eureka|interreg|life (?:programme|call)s?|"
              "digital europe|erdf|efre|cosme|single market programme|i3|euroclusters|innovation fund|"
              "just transition fund|jtf|pathfinder|connecting europe facility|erasmus\\+?|rrf|"
              "recovery and resilience"),
        (1, "deadline; topics?; costs?; apply; application; project; loans?; round; financ\\w+"),
        (-3, "(?:video|phone|conference|zoom|teams) calls?; calendar invites?"),
    ),
    "other": (
        (3, "journalists?; interviews?; press(?: release)?; media; articles?; quotes?; position papers?; "
            "opinion; statement; (?:public )?consultation; strateg(?:y|ies); "
            "(?:annual|activity) reports?; internships?; vacanc(?:y|ies); jobs?; thesis; complaints?; "
            "templates?; letters? of (?:support|intent|recommendation); support letters?; lawyers?; "
            "legal advice; opening hours; (?:office|offices) (?:is |be )?(?:open|closed); parking; "
            "(?:use|using) (?:the|your|its) (?:cluster'?s? )?logo; congratulations; kudos; sponsor\\w*; "
            "code of conduct; privacy policy"),
        (2, "thanks?(?: you)?(?: (?:so|very) much| a lot)?; students?; brochure; policy; award"),
        (1, "office; permission; allowed"),
    ),
}
# fmt: on


class Cue(NamedTuple):
    """One weighted pattern of a category."""

    pattern: re.Pattern[str]
    weight: float


def _compile(phrase: str) -> re.Pattern[str]:
    for token, pattern in _SHARED.items():
        phrase = phrase.replace(token, pattern)
    words = [r"(?<![\w-])(?:" + part.strip() + r")(?![\w-])" for part in phrase.split("&&")]
    if len(words) == 1:
        return re.compile(words[0], re.IGNORECASE)
    return re.compile("^" + "".join(f"(?=.*?{word})" for word in words), re.IGNORECASE | re.DOTALL)


CUES: dict[Category, tuple[Cue, ...]] = {
    category: tuple(
        Cue(_compile(phrase), float(weight)) for weight, phrases in rules for phrase in phrases.split("; ")
    )
    for category, rules in RULES.items()
}
"""The compiled :data:`RULES`."""


@cache
def _lexicon_cues(category: Category) -> tuple[LexiconCue, ...]:
    """The cues of ``category`` in every other language's lexicon (matched on folded text),
    strongest first."""
    cues = (cue for lexicon in all_lexicons() for cue in lexicon.cues.get(category, ()))
    return tuple(sorted(cues, key=lambda cue: -cue.weight))


def _matches(category: Category, normalised: str, folded: str) -> list[tuple[str, float]]:
    """The cues of ``category`` that count for a text: every English cue that matches, then the
    other languages' cues whose match overlaps no counted one, strongest first.

    A word several languages share ("webinar", "logo", "partner") or an English cue already
    covers counts once, so English requests score as they did before the lexicons existed.
    """
    counted: list[tuple[int, int]] = []
    matches: list[tuple[str, float]] = []
    for cue in CUES[category]:
        found = cue.pattern.search(normalised)
        if found is not None:
            matches.append((cue.pattern.pattern, cue.weight))
            if not cue.pattern.pattern.startswith("^"):  # an && cue spans the whole text
                counted.append(found.span())
    for other in _lexicon_cues(category):
        for found in other.finditer(folded):
            start, end = found.span()
            if not any(start < other_end and other_start < end for other_start, other_end in counted):
                matches.append((other.pattern.pattern, other.weight))
                counted.append((start, end))
                break
    return matches


def _normalise(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'")


def score_categories(text: str, *, intent: str | None = None) -> dict[Category, float]:
    """The score of each category for ``text`` (sum of the weights of the cues that match).

    Args:
        text: The request, as written.
        intent: The answering intent (``funding`` / ``partners`` add :data:`INTENT_HINT`), if known.

    Returns:
        A score per category, in :data:`CATEGORIES` order.
    """
    normalised = _normalise(text)
    folded = fold(normalised)
    scores = {
        category: sum(weight for _, weight in _matches(category, normalised, folded))
        for category in CATEGORIES
    }
    if CALL_IDENTIFIER.search(normalised):
        scores["funding_question"] += IDENTIFIER_HINT
    if intent == "funding":
        scores["funding_question"] += INTENT_HINT
    elif intent == "partners":
        scores["partner_search"] += INTENT_HINT
    return scores


def best_category(scores: dict[Category, float]) -> Category:
    """The winning category: the highest score, ties by :data:`PRIORITY`, ``other`` under "
    ":data:`MIN_SCORE`."""
    best = max(PRIORITY, key=lambda category: (scores.get(category, 0.0), -PRIORITY.index(category)))
    return best if scores.get(best, 0.0) >= MIN_SCORE else "other"


def categorise(text: str, *, intent: str | None = None) -> Category:
    """The triage category of ``text`` by the scored rules.

    Args:
        text: The request, as written.
        intent: The answering intent, if known (a hint for funding and partner search).
    """
    return best_category(score_categories(text, intent=intent))


def matched_cues(text: str) -> dict[Category, list[tuple[str, float]]]:
    """The cues of each category that match ``text``, as ``(pattern, weight)``: why a request got its "
    "category."""
    normalised = _normalise(text)
    folded = fold(normalised)
    return {category: _matches(category, normalised, folded) for category in CATEGORIES}
