"""Definitions: "what is a cluster?" is answered from the passages that *define* the term.

A policy search for "cluster" finds hundreds of sentences that merely use the word; the one that
answers says "A cluster is a geographic concentration of ...". So the passages whose text defines
one of the question's terms ("<term> is/are/refers to/means ...", or a heading "What is a <term>?")
are kept first, and the sentence picker then reads only those.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.search import Hit

_WHAT_IS = re.compile(
    r"\b(?:what(?: exactly| really)?(?:'s| is| are)(?: exactly| really)?"
    r"(?: meant by| the (?:point|purpose|idea) of)?|"
    r"what does|define|definition of|meaning of|point of|purpose of|explain|"
    r"what (?:do|does) (?:you|they|we|people) mean by|what is meant by|what counts as)\s+"
    r"(?:an?\s+|the\s+)?(?:term\s+)?[\"'‘“]?([\w' -]{3,60}?)[\"'’”]?\s*"
    r"(?:exactly|really|precisely|actually|basically|here)?\s*"
    r"(?:\?|$|,| mean| in | according|\()",
    re.IGNORECASE,
)
_DIFFERENCE = re.compile(
    r"\b(?:difference between\s+)?(?:an?\s+)?([\w -]{3,40}?)\s+(?:vs\.?|versus|and|or)\s+"
    r"(?:an?\s+)?([\w -]{3,40}?)"
    r"(?:\s*[-–—?]|\s+(?:what|clusters?\b)|$)",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\bdifference between\s+", re.IGNORECASE)
_DIFFERENCE_OF = re.compile(
    r"^(?:an?\s+)?([\w -]{3,40}?)\s+(?:of|from)\s+(?:an?\s+)?([\w -]{3,40}?)\s*(?:[-–—?]|$)", re.IGNORECASE
)
"""A difference read from Spanish or German ("se diferencia un clúster de una organización clúster",
"unterscheidet einen Cluster von einer Clusterorganisation"): "of" or "from" joins the two terms."""
_SAME = re.compile(
    r"\b(?:is|are)\s+(?:an?\s+)?([\w -]{3,40}?)\s+the same(?: thing)? as\s+"
    r"(?:an?\s+)?([\w -]{3,40}?)\s*(?:\?|$)",
    re.IGNORECASE,
)
""""Is a cluster the same as a cluster organisation?": a difference asked the other way round."""
_DIFFERS = re.compile(
    r"\bhow\s+(?:does|do|is|are)?\s*(?:an?\s+)?([\w -]{3,40}?)\s+(?:differs?|different)\s+from\s+"
    r"(?:an?\s+)?([\w -]{3,40}?)\s*(?:[?.!]|$)",
    re.IGNORECASE,
)
""""How does a cluster differ from a cluster organisation?" (and Polish "czym klaster różni się od …",
read "how cluster differs from …")."""
_KIND_OF = re.compile(
    r"\b(?:[Ii]s|[Aa]re)\s+([A-Z][\w ,&-]{2,60}?)\s+"
    r"(?:(?:considered|classed|classified|counted|seen)\s+(?:as\s+)?)?"
    r"an?\s+(?:traded|local)\b"
    r"|\bwhat (?:kind|type|sort) of cluster is\s+([A-Z][\w ,&-]{2,60}?)\s*(?:\?|$| in )"
    r"|(?:^|:\s*)([A-Z][\w ,&-]{2,60}?)\s*(?:\s[-–—]|:)\s+(?:an?\s+)?(?:traded|local)"
    r"|\b[Ii]s\s+([A-Z][\w ,&-]{2,60}?)\s+(?:traded|local)\s+or\s+(?:traded|local)\b"
    r"|\b(?:[Dd]oes|[Dd]o|[Ww]ould|[Ww]ill)\s+([A-Z][\w ,&-]{2,60}?)\s+count as\s+an?\s+(?:traded|local)\b",
)
_FRAME = re.compile(
    r"^(?:the\s+)?(?:U\.?S\.?|EU|European)\s+|\s+(?:project|initiative|programme|scheme)$", re.IGNORECASE
)
_LEADING = re.compile(r"^(?:an?|the|industrial|exactly)\s+", re.IGNORECASE)


def defined_terms(question: str) -> list[str]:
    """The terms a question asks to define, longest first ("cluster organisation", "cluster")."""
    terms: list[str] = []
    for match in _KIND_OF.finditer(question):
        terms.extend(group for group in match.groups() if group)
    for match in _WHAT_IS.finditer(question):
        terms.append(match.group(1))
    # "What is the difference between a cluster and …": the terms start after "difference between".
    between = _BETWEEN.split(question, maxsplit=1)
    tail = between[-1]
    differences = list(_DIFFERENCE.finditer(tail))
    if len(between) > 1 and not differences:
        differences = list(_DIFFERENCE_OF.finditer(tail))  # "difference between a cluster of a …" (es/de)
    for match in (*differences, *_SAME.finditer(question), *_DIFFERS.finditer(question)):
        terms.extend([match.group(1), match.group(2)])
    if re.search(r"\btraded\b|\blocal (?:clusters?|industr(?:y|ies))\b", question, re.IGNORECASE):
        terms.append("traded")  # local clusters are defined against traded ones, in the same passages
    cleaned = []
    for term in terms:
        term = _LEADING.sub("", _LEADING.sub("", term.strip(" -'\"")))
        if len(term) >= 3:
            cleaned.append(term)
    for term in list(cleaned):
        bare = _FRAME.sub("", term).strip()
        if bare and bare != term:
            cleaned.append(bare)  # "the US cluster mapping project" is defined as "cluster mapping"
    # "an industrial cluster" asks what a cluster is; "the Ruritania cluster voucher scheme" does not.
    general = [
        t.split()[-1]
        for t in cleaned
        if len(t.split()) <= 2 and t.split()[-1].lower().rstrip("s") == "cluster"
    ][:1]
    specific = sorted(dict.fromkeys(t for t in cleaned if t not in general), key=lambda t: (-len(t), t))
    return [*specific, *general]


def _defines(term: str) -> re.Pattern[str]:
    stem = re.escape(term.rstrip("s"))
    return re.compile(
        r"(?:^|[.!?:]\s+|\n)(?:an?\s+|the\s+)?"
        + stem
        + r"s?(?:\s+(?:industr(?:y|ies)|clusters?|sectors?|project|initiative|programme|approach))?"
        r"(?:\s+\([^)]{0,40}\))?"
        r"\s+(?:is|are|refers? to|means|"
        r"can be defined as|is defined as)\s+(?!split|part|one|the (?:same|most)|a (?:traded|local))"
        r"|what is an?\s+" + stem + r"s?\b"
        r"|" + stem + r"s?\s+(?:is|are)\s+an?\s+(?:traded|local)\s+cluster",
        re.IGNORECASE,
    )


def definition_hits(question: str, hits: Sequence[Hit]) -> list[Hit]:
    """``hits`` that define a term of ``question`` first (all hits when none defines one)."""
    for term in defined_terms(question):
        pattern = _defines(term)
        defining = [hit for hit in hits if pattern.search(f"{hit.title}\n{hit.text}")]
        if defining:
            return defining
    return list(hits)
