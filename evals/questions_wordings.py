"""How members ask, per question shape: the wordings of the questions eval, written by hand.

Three disjoint sets, one per split: ``DEV`` (what the planner may be tuned on), ``HOLDOUT`` (other
templates, never tuned on) and ``DEV2`` (a second tuning set, written after dev had been tuned on, in
other phrasings: Slack-style, long-winded, polite, abbreviated). ``scripts/build_questions_eval.py``
fills the placeholders
(``{family}``, ``{n}``, ``{month}``, ``{id}``, ``{name}``, ``{a_home}`` = "a French", ...) from the
records; the gold never comes from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Wordings:
    """The templates of one split (each list is cycled through, one entry per case)."""

    count_open: tuple[str, ...]
    count_forthcoming: tuple[str, ...]
    window: dict[str, tuple[str, ...]]
    calls_of: tuple[str, ...]
    any_calls: tuple[str, ...]
    window_frame: tuple[str, ...]
    superlative: dict[str, tuple[str, ...]]
    set_opening: tuple[str, ...]
    which_first: tuple[str, ...]
    the_second: tuple[str, ...]
    only_before: tuple[str, ...]
    how_many_then: tuple[str, ...]
    partners_in: tuple[str, ...]
    and_in: tuple[str, ...]
    none_open: tuple[str, ...]
    budget_total: tuple[str, ...]
    per_sme: tuple[str, ...]
    loose_id: tuple[str, ...]
    typo_cluster: tuple[str, ...]
    typo_call: tuple[str, ...]
    home_target: tuple[str, ...]
    mixed: tuple[str, ...]
    declined: tuple[str, ...]
    definition: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cluster_kind: tuple[str, ...] = ()
    """A U.S. benchmark cluster category: traded or local (``{category}``)."""
    typo_salt: str = ""
    """Added to a record's id to seed its typos: another salt types the same name with other typos."""


DEV = Wordings(
    count_open=(
        "How many {family} calls are open today?",
        "how many {family} calls can we still apply to?",
        "number of open {family} calls right now?",
        "How many {family} calls are currently accepting applications",
        "quick one: how many {family} calls r open at the moment",
    ),
    count_forthcoming=(
        "How many {family} calls are coming up but not open yet?",
        "how many forthcoming {family} calls are there?",
        "Count of {family} calls that haven't opened yet?",
    ),
    window={
        "days": (
            "close in the next {n} days",
            "are closing within {n} days",
            "have a deadline in the next {n} days",
        ),
        "weeks": ("close in the next {n} weeks", "are due within {n} weeks"),
        "this-month": ("close this month", "are closing by the end of the month"),
        "next-month": ("close next month", "have their deadline next month"),
        "before": ("close before {month}", "are closing before {month}"),
        "opens": ("open in the next {n} days", "will open within {n} days"),
        "closed-last-month": ("closed last month", "had their deadline last month"),
    },
    calls_of=("{family} calls", "{family} calls"),
    any_calls=("calls", "funding calls", "calls"),
    window_frame=(
        "Which {what} {window}?",
        "what {what} {window}",
        "any {what} that {window}?",
        "Show me the {what} that {window}",
    ),
    superlative={
        "first": (
            "Which open {family} call closes first?",
            "what's the next {family} deadline?",
            "of the {family} calls open now, which one has the soonest deadline?",
        ),
        "budget": (
            "Which open {family} call has the largest budget?",
            "biggest {family} call open right now by total budget?",
        ),
        "per-project": (
            "Which open {family} call gives the most money per project?",
            "highest max grant per project among open {family} calls?",
        ),
        "opens-next": (
            "Which {family} call opens next?",
            "when does the next {family} call open?",
        ),
    },
    set_opening=(
        "Which {family} calls are open?",
        "show me the open {family} calls",
        "What {family} calls can I apply to right now?",
    ),
    which_first=("Which of them closes first?", "and which one closes soonest?"),
    the_second=("The second one — when does it close?", "when is the deadline of the 2nd one?"),
    only_before=("Only those with a deadline before {month}", "just the ones closing before {month} pls"),
    how_many_then=("And how many is that?", "how many is that then?"),
    partners_in=(
        "Find cluster organisations in {country}",
        "which clusters are there in {country}?",
        "any clusters in {country} we could partner with?",
    ),
    and_in=("And in {country}?", "what about {country}?"),
    none_open=(
        "Are any {family} calls open right now?",
        "any {family} calls still open?",
        "Can we still apply to any {family} call?",
        "is there an open {family} call at the moment",
    ),
    budget_total=(
        "What is the budget of {id} and how many projects will it fund?",
        "{id}: total budget and number of grants?",
        "how much money is in {id}, and how many projects do they expect to fund",
    ),
    per_sme=(
        "How much funding per SME does the '{title}' open call give?",
        "how much can an SME get from {title}?",
    ),
    loose_id=(
        "When does {id} close?",
        "deadline for {id}?",
        "is {id} still open",
    ),
    typo_cluster=(
        "Tell me about {name}",
        "what does {name} do?",
        "who is {name}",
    ),
    typo_call=(
        "When is the deadline for the call '{title}'?",
        "when does {title} close",
    ),
    home_target=(
        "We are {a_home} SME looking for partners in {target}",
        "we're {a_home} company and want to find a cluster in {target}",
        "Our firm is based in {home_country}. Which clusters in {target} could we work with?",
        "{home} startup here, looking at expanding into {target}: which clusters should we talk to?",
    ),
    mixed=(
        "Which open {family} calls could we apply to with partners in {country}?",
        "we want to team up with a company from {country}: which {family} calls are open?",
        "open {family} calls we could do together with partners in {country}?",
    ),
    declined=(
        "Can you book a meeting with {name} for next Tuesday?",
        "please send an email to {name} introducing our company",
        "Register us for the info day of {id}",
        "apply to {id} for us please",
        "Pay the participation fee for the matchmaking event with {name}",
        "can u email the contact person of {name} and ask for a call",
        "Submit our proposal for {id} before the deadline",
    ),
    definition={
        "cluster": (
            "What is the difference between a cluster and a cluster organisation?",
            "what exactly is a cluster?",
            "define an industrial cluster",
            "What do people mean by a 'cluster' in economic development?",
            "cluster vs cluster organisation - whats the difference",
        ),
        "traded-local": (
            "What is the difference between traded and local clusters?",
            "what is a traded cluster?",
            "traded vs local industries, what does that mean",
            "What makes an industry 'traded'?",
            "explain local clusters",
        ),
        "cluster-mapping": (
            "What is cluster mapping?",
            "what is the Cluster Mapping Project?",
            "what's cluster mapping for",
            "What does cluster mapping do?",
            "explain the US cluster mapping project",
        ),
        "sub-clusters": (
            "What is a sub-cluster?",
            "what are subclusters in the benchmark definitions?",
            "how are clusters split into sub-clusters",
            "What does sub-cluster mean?",
            "sub-clusters: what are they?",
        ),
    },
    cluster_kind=(
        "Is {category} a traded or a local cluster?",
        "in the US cluster definitions, what kind of cluster is {category}?",
        "{category} - traded cluster or local one?",
    ),
)

HOLDOUT = Wordings(
    count_open=(
        "how many {family} calls are still open?",
        "Do you know how many {family} calls we could submit to today?",
        "{family}: how many open calls?",
        "how many open calls does {family} have right now",
    ),
    count_forthcoming=(
        "How many {family} calls will open later?",
        "how many upcoming {family} calls are announced",
    ),
    window={
        "days": ("are due in the coming {n} days", "close within the next {n} days"),
        "weeks": ("have deadlines in the coming {n} weeks", "close within {n} weeks"),
        "this-month": ("still close this month", "end before the month is over"),
        "next-month": ("are due next month",),
        "before": ("have a deadline before {month}", "close before {month}"),
        "opens": ("are opening within the next {n} days", "start in the next {n} days"),
        "closed-last-month": ("closed during last month",),
    },
    calls_of=("{family} calls",),
    any_calls=("calls", "EU calls"),
    window_frame=(
        "list the {what} that {window}",
        "Are there {what} that {window}?",
        "which {what} {window}, please",
    ),
    superlative={
        "first": ("{family}: which open call has the earliest deadline?", "soonest closing {family} call?"),
        "budget": ("which {family} call that's open now has the most money in total?",),
        "per-project": ("largest amount per project in the open {family} calls?",),
        "opens-next": ("what is the next {family} call to open?",),
    },
    set_opening=("list the {family} calls we can apply to", "{family} calls open now?"),
    which_first=("which of those has the earliest deadline?",),
    the_second=("and the second one, what's its deadline?",),
    only_before=("just those closing before {month}", "filter to deadlines before {month}"),
    how_many_then=("so how many are left?",),
    partners_in=("we need partners in {country}, any clusters?", "clusters based in {country}?"),
    and_in=("same for {country}?", "and {country}?"),
    none_open=(
        "is anything open in {family} today?",
        "Could we apply to {family} right now?",
        "{family} - anything currently open??",
    ),
    budget_total=(
        "how big is {id} in total, and how many grants?",
        "{id} budget? how many projects get funded?",
    ),
    per_sme=("what is the grant amount per company in {title}?",),
    loose_id=("whats the deadline of {id}", "{id} - open or closed?", "Tell me about {id}"),
    typo_cluster=("info on {name} please", "Is {name} a cluster organisation?"),
    typo_call=("deadline of {title}?", "is the {title} call still open"),
    home_target=(
        "I run an SME in {home_country} and we look for partners in {target}",
        "we are from {home_country} and want partners in {target}",
        "{home} manufacturer wants to enter {target}, any cluster contacts there?",
    ),
    mixed=(
        "funding we could get with a consortium including {country}: open {family} calls?",
        "With partners from {country}, which {family} calls are open for us?",
    ),
    declined=(
        "book us a stand at the fair of {name}",
        "Could you register our company on the portal for {id}?",
        "send our proposal to {name}",
        "please pay the fee and sign us up for {id}",
        "email {name} that we'd like to join",
    ),
    definition={
        "cluster": ("how is a cluster defined?", "in plain words, what is a cluster", "meaning of cluster?"),
        "traded-local": (
            "traded vs local cluster?",
            "what does a local cluster mean",
            "traded cluster meaning",
        ),
        "cluster-mapping": (
            "what's the point of cluster mapping?",
            "cluster mapping - what is it?",
            "what does the cluster mapping project do",
        ),
        "sub-clusters": ("what's a subcluster?", "meaning of sub-cluster", "define sub-cluster"),
    },
    cluster_kind=("is {category} counted as a traded cluster or a local cluster in the U.S. benchmark?",),
)


DEV2 = Wordings(
    count_open=(
        "hi all! quick q — how many {family} calls are actually open atm?",
        "Hello, we're putting together our funding pipeline for next year and I'd like to know how many "
        "{family} calls are currently open for submissions. Thanks!",
        "sorry if this was asked before but whats the number of {family} calls still accepting proposals "
        "today?",
        "hey, how many open {family} calls do we have to choose from right now",
        "Good morning! Could you tell me how many {family} calls one can currently submit to?",
        "my director asked me: how many {family} calls r currently open? need a number not a list 🙏",
    ),
    count_forthcoming=(
        "hey, how many {family} calls are announced but not open for submission yet?",
        "Hi! Planning ahead here — how many upcoming {family} calls are in the pipeline (not open yet)?",
        "how many {family} calls are still to open? just need the count thx",
        "Quick one for our team meeting: number of {family} calls that will open later but aren't open yet?",
    ),
    window={
        "days": (
            "have a submission deadline in the next {n} days",
            "are closing in the coming {n} days",
            "end within {n} days from today",
        ),
        "weeks": (
            "close in the coming {n} weeks",
            "have a deadline within the next {n} wks",
            "are due in the next {n} weeks",
        ),
        "this-month": (
            "still close this month",
            "have a deadline before the end of this month",
            "are due by end of month",
        ),
        "next-month": ("are due next month", "close at some point next month"),
        "before": (
            "are due before {month}",
            "need to be submitted before {month}",
            "have their deadline ahead of {month}",
        ),
        "opens": (
            "are opening for submissions in the next {n} days",
            "start accepting proposals in the coming {n} days",
        ),
        "closed-last-month": ("already closed last month", "were due last month"),
    },
    calls_of=("{family} calls", "{family} calls for proposals"),
    any_calls=("funding opportunities", "calls for proposals", "grant calls", "calls"),
    window_frame=(
        "hey team, trying to plan our proposal writing — which {what} {window}?",
        "Hi! Could you list the {what} that {window}, please?",
        "any {what} which {window}? asking for our members newsletter",
        "pls list the {what} that {window} 🙏",
        "Good afternoon, I'm mapping deadlines for our members: what {what} {window}?",
    ),
    superlative={
        "first": (
            "hey, among the {family} calls that are open rn, which one closes earliest?",
            "Which currently open {family} call has the closest deadline? we want to start with the most "
            "urgent one",
            "what's the soonest deadline among the open {family} calls",
        ),
        "budget": (
            "Hi! Of all open {family} calls, which one has the biggest total budget?",
            "which {family} call that's open now has the most money overall (total budget)?",
            "Looking for the largest pot — which open {family} call has the highest overall budget?",
        ),
        "per-project": (
            "which open {family} call pays the most per project? i mean max EU contribution per grant",
            "Hello, among the {family} calls open today, which one offers the highest amount per project?",
            "what open {family} call has the largest grant size per project",
        ),
        "opens-next": (
            "what's the next {family} call to open?",
            "Hi all, any idea which {family} call is opening soonest? we missed the last round",
            "which upcoming {family} call opens first",
        ),
    },
    set_opening=(
        "hi! could you list the {family} calls that are currently open?",
        "Hello, we're a cluster organisation planning next year's applications. Which {family} calls are "
        "accepting applications at the moment?",
        "list of open {family} calls pls",
    ),
    which_first=(
        "ok and which one of those has the earliest deadline?",
        "thx! which closes soonest out of these?",
        "Which of these is due first?",
    ),
    the_second=(
        "what's the deadline for the second one on that list?",
        "and the 2nd call — when's it due?",
        "Could you tell me when the second one closes?",
    ),
    only_before=(
        "can you narrow that down to the ones due before {month}?",
        "only the ones with deadlines before {month} please",
        "ok, filter to those that close before {month}",
    ),
    how_many_then=("how many calls is that in total?", "so how many is that?", "and what's the count now?"),
    partners_in=(
        "hi! we're looking for clusters in {country}, who's there?",
        "Could you list the cluster organisations based in {country}?",
        "any cluster orgs in {country}? looking for partners for a joint project",
    ),
    and_in=("ok, and {country}?", "what about clusters in {country} then?", "same for {country} pls"),
    none_open=(
        "hi! quick q — are there any {family} calls still accepting applications?",
        "is there anything open among the {family} calls right now? we'd like to apply this quarter",
        "Hello, do you know if we can still submit to any {family} calls or have they all closed?",
        "any open {family} calls atm? if not, when's the next one?",
    ),
    budget_total=(
        "hi, what's the total budget for {id} and roughly how many projects will be funded?",
        "Could you tell me how much is available under {id}, and the number of grants they plan to award?",
        "{id} — how big is the budget and how many projects r they funding?",
        "Looking at {id} for our consortium: total budget? expected no. of projects?",
    ),
    per_sme=(
        "hey, how much money can a single SME get in the '{title}' open call?",
        "Hi! For {title}, what's the max funding per SME? trying to figure out if it's worth applying",
        "what's the grant amount per company in the {title} call?",
    ),
    loose_id=(
        "hi, when's the deadline for {id}? thx",
        "Could you check if {id} is still open and when it closes?",
        "{id} closing date pls",
        "we're writing a proposal for {id} — what's the submission deadline?",
        "Is {id} closed already or can we still make it?",
    ),
    typo_cluster=(
        "hi, can you tell me a bit about {name}?",
        "does anyone know {name}? what do they work on",
        "Looking for info on {name}, we might partner with them",
        "who are {name} and where are they based?",
    ),
    typo_call=(
        "hey, what's the deadline for '{title}'?",
        "Hi! When do submissions close for the {title} call?",
        "{title} — still open? when's the deadline?",
    ),
    home_target=(
        "we're {a_home} SME, any partners in {target} for a joint project?",
        "Hi! I'm with {a_home} cluster organisation and we'd like to connect with clusters in {target} — "
        "who should we contact?",
        "Hello from {home_country}! We're an SME exploring the market in {target}. Which cluster "
        "organisations there could help us?",
        "{home} company here 👋 looking for cluster partners in {target}, any suggestions?",
        "we are based in {home_country} but want to expand to {target} — which clusters are active there?",
    ),
    mixed=(
        "hi! we have a partner lined up in {country} — which {family} calls are open that we could apply "
        "to together?",
        "Which {family} calls are currently open for a consortium with a partner from {country}?",
        "we'd like to apply with an SME from {country}, what open {family} calls are there?",
        "Hello, our consortium includes organisations from {country}. What {family} calls can we apply to "
        "at the moment?",
    ),
    declined=(
        "hey, could you set up a call with {name} next week?",
        "Please register our company for {id}, thanks!",
        "can you forward our brochure to {name}?",
        "would you mind submitting the application for {id} on our behalf? deadline is close",
        "Hi! Can you reach out to {name} and introduce us? we're keen to collaborate",
        "pls pay the registration fee for the {id} info day",
        "could you sign us up for the brokerage event with {name}?",
    ),
    definition={
        "cluster": (
            "sorry for the basic question, but what's a cluster actually?",
            "Hi! can someone explain what a cluster is in the economic sense?",
            "how is a cluster different from a cluster organisation? we keep mixing them up in our docs",
            "what does 'cluster' mean exactly (as in industrial clusters)?",
        ),
        "traded-local": (
            "can someone explain traded vs local clusters?",
            "Hi, what's meant by a 'traded cluster'?",
            "what's the diff between a local cluster and a traded one",
            "in the cluster mapping data, what are traded industries?",
        ),
        "cluster-mapping": (
            "hey, what is cluster mapping exactly?",
            "Could you explain what the US Cluster Mapping Project is?",
            "what's the point of cluster mapping? our ministry keeps mentioning it",
            "cluster mapping — what is it and what is it used for?",
        ),
        "sub-clusters": (
            "what's a subcluster?",
            "Hi! How do sub-clusters work in the benchmark cluster definitions?",
            "can you explain what sub-clusters are",
            "what do they mean by sub-clusters when splitting clusters?",
        ),
    },
    cluster_kind=(
        "hey, is {category} considered a traded or a local cluster?",
        "Quick q on the US cluster definitions: {category} — traded or local?",
        "would {category} count as a local cluster or a traded one?",
    ),
)


TYPOS = tuple(
    replace(
        DEV,
        typo_cluster=(
            "Do you have anything on {name}?",
            "{name} - what sector are they in",
            "contact details for {name}?",
            "we met people from {name} at a fair, who are they",
            "{name}??",
            "Is {name} in your database",
        ),
        typo_call=(
            "{title} deadline pls",
            "when does {title} close",
            "What's the closing date of {title}",
            "is {title} still accepting applications?",
            "tell me about the {title} call",
        ),
        typo_salt=salt,
    )
    for salt in ("#1", "#2", "#3")
)
"""Typo tuning material (issue 12, written after the hold-out was first scored): dev-side names with
other typos, in wordings none of the three splits uses."""

TYPO_KINDS = replace(
    DEV,
    typo_cluster=(
        "what can you tell me about {name}",
        "I'm looking for {name}, do you have them?",
        "where is {name} located",
        "{name} – are they in the database?",
        "need some background on {name} before our meeting tomorrow",
        "which sector is {name} active in?",
        "does {name} have members in our field? what do they focus on",
    ),
    typo_call=(
        "when's {title} due",
        "{title}: when is the cut-off?",
        "can we still submit to {title}?",
        "what's the submission deadline of the {title} topic",
        "Need the closing date for {title} asap",
        "is the {title} topic open or closed",
    ),
    loose_id=(
        "deadline {id}?",
        "what is {id} about and when does it close",
        "{id} still open?",
        "details on topic {id} pls",
        "When do we have to submit for {id}",
    ),
    count_open=(
        "how many {family} calls are open now?",
        "{family} - number of calls open rn?",
        "any idea how many {family} calls are accepting proposals at the moment?",
        "count of currently open {family} calls",
    ),
    count_forthcoming=(
        "how many {family} calls are still to open?",
        "{family}: how many upcoming calls that aren't open yet",
    ),
    typo_salt="kinds",
)
"""The second typo tuning set (issue 12): dev-side names, identifiers and programme names with other
kinds of slip (:mod:`evals.typing_slips`), in wordings none of the splits or the first typo set uses."""

DEFINITIONS_DEV = replace(
    DEV,
    definition={
        "cluster": (
            "what do you mean by cluster here?",
            "can you give me a definition of a business cluster",
            "Is a cluster the same as a cluster organisation?",
            "what counts as a cluster in economic terms",
            "explain clusters to me, I'm new to this",
            "cluster organisation or cluster — are they the same thing?",
        ),
        "traded-local": (
            "what's the difference between a traded and a local cluster?",
            "local clusters vs traded clusters – how do they differ?",
            "what does traded mean in 'traded cluster'?",
            "how are local industries different from traded ones?",
            "define traded industries",
            "what is meant by local clusters",
        ),
        "cluster-mapping": (
            "what does cluster mapping mean",
            "Can you explain what the Cluster Mapping project is?",
            "what is cluster mapping used for?",
            "cluster mapping: definition?",
            "what do they mean by mapping clusters",
            "what is the U.S. Cluster Mapping Project?",
        ),
    },
    cluster_kind=(
        "is {category} traded or local?",
        "what type of cluster is {category} in the US definitions",
        "{category}: local or traded cluster?",
        "does {category} count as a traded cluster?",
    ),
)
"""Definition tuning material (issue 12): how members ask "what is X", "what does Y mean", "the
difference between A and B", for the dev side's terms and U.S. cluster categories only (the hold-out's
term has no wordings here)."""

TYPOS_DEV3 = replace(
    DEV,
    typo_cluster=(
        "has anyone here worked with {name}?",
        "{name} reached out to us about a project. who are they?",
        "Looking into {name} - what's their focus?",
        "quick q: {name}, which country are they from",
        "can you pull up {name} for me",
        "I keep hearing about {name}. what do they do exactly?",
        "any info about {name} pls",
        "we might partner with {name}, what should I know about them?",
        "is {name} a cluster we could get in touch with?",
        "profile of {name}",
    ),
    typo_call=(
        "deadline for {title}?",
        "when is {title} closing",
        "we want to apply to {title} - how long do we have?",
        "has {title} closed already?",
        "what's the due date on {title}",
        "{title} — still time to submit?",
        "pls check the closing date of {title}",
        "until when can we apply for {title}",
    ),
    loose_id=(
        "{id} - when's the deadline?",
        "looking at {id}, is it still open?",
        "can u check {id} for me, closing date?",
        "what's {id}",
        "deadline of topic {id}",
    ),
    count_open=(
        "{context} How many {family} calls are open right now?",
        "{context} how many {family} calls can we apply to at the moment?",
        "{context} Number of open {family} calls?",
    ),
    typo_salt="dev3",
)
"""The third typo tuning set (issue 12): dev-side names and identifiers with the slips of
:data:`evals.typing_slips.NAME_SLIPS_3` and :data:`~evals.typing_slips.IDENTIFIER_SLIPS_3`, in wordings
none of the other sets uses (written before the planner was changed for them)."""

TYPO3_WITH_COUNTRY = (
    "{name} in {country} — who are they?",
    "do you have {name} ({country}) in the database?",
    "what does {name} from {country} work on",
    "we met people from {name}, a cluster in {country}. any details?",
)
"""A mistyped organisation name with its country ("Silicon Saxny in Germany")."""

TYPO3_FOLLOW_UP_CLUSTER = (
    ("which clusters are there in {country}?", "and what about {name}?"),
    ("any cluster organisations in {country}", "ok, and {name} - where are they based?"),
    ("show me clusters in {country} pls", "tell me more about {name}"),
)
"""A conversation whose second turn names an organisation with a slip."""

TYPO3_FOLLOW_UP_CALL = (
    ("which calls close in the next 30 days?", "and {title}, when does that one close?"),
    ("are there open calls on digital skills?", "what about {title} - deadline?"),
)
"""A conversation whose second turn names a call by its title with a slip."""

TYPO3_AMBIGUOUS = (
    "tell me about {name}",
    "who are {name}?",
    "{name} - what do they do?",
    "contact details for {name}",
)
"""The first words of two stored names at once: the product must ask which one was meant."""

TYPO3_CONTEXT = (
    "we work in {words}.",
    "Our members are mostly in {words}.",
    "context: {words} sector here -",
    "hi! we do {words} stuff.",
)
"""Context made of the words of a stored name, in lower case, before a count question: the words are
words (no organisation is meant), and the answer is the count."""
