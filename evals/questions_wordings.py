"""How members ask, per question shape: the wordings of the questions eval, written by hand.

Two disjoint sets, one per split: ``DEV`` (what the planner may be tuned on) and ``HOLDOUT`` (other
templates, never tuned on). ``scripts/build_questions_eval.py`` fills the placeholders
(``{family}``, ``{n}``, ``{month}``, ``{id}``, ``{name}``, ``{a_home}`` = "a French", ...) from the
records; the gold never comes from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
