"""The English gold of the answers dev set's topical cases, computed from the bundled records.

The translated answers dev set (``evals/datasets/i18n/answers_dev_<lang>.jsonl``, docs/languages-eval.md)
asks English cases of ``answers.jsonl`` that the hold-out does not use, and new topical questions:
open calls on a topic, partners by sector and country, policy facts. Their English cases
(``answers_dev_en.jsonl``) get their gold here, from the records, never by hand:

- **funding-open**: the calls open on the case's day (:func:`evals.questions_gold.with_status`) whose
  title matches the topic's pattern (and, when given, whose identifier has the prefix); any of them
  answers (``must_cite_mode`` "any"). When they all close on one day, that date is a fact to state.
- **partners**: the cluster organisations of the country with the sector among their sector tags;
  any of them answers, and the organisations of that sector in other countries must not be cited.
- **policy**: the document, and a fact that must occur in its text (checked here).

``scripts/build_answers_dev.py`` writes the file from :data:`DEV_TOPICS`;
``tests/evals/test_answers_dev_dataset.py`` recomputes the gold and compares.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from corpus.models import AnyRecord, CallStatus, ClusterProfile, FundingCall, PolicyDocument
from evals.answers_eval import AnswerCase
from evals.questions_gold import with_status

DEFAULT_TODAY = dt.date(2026, 5, 10)


@dataclass(frozen=True)
class OpenCallsTopic:
    """``funding-open``: calls open on ``today`` whose title matches ``title_pattern`` (case ignored)."""

    id: str
    question: str
    title_pattern: str
    identifier_prefix: str = ""
    today: dt.date = DEFAULT_TODAY


@dataclass(frozen=True)
class PartnersTopic:
    """``partners``: cluster organisations in ``country`` (ISO code) tagged with ``sector``."""

    id: str
    question: str
    sector: str
    country: str
    today: dt.date = DEFAULT_TODAY


@dataclass(frozen=True)
class PolicyFact:
    """``policy``: ``fact`` stated by the policy document ``doc_id``."""

    id: str
    question: str
    doc_id: str
    fact: str
    today: dt.date = DEFAULT_TODAY


DevTopic = OpenCallsTopic | PartnersTopic | PolicyFact

DEV_TOPICS: tuple[DevTopic, ...] = (
    OpenCallsTopic(
        "dv-fo-01",
        "Are there open calls for recycling or reusing textiles?",
        r"(recycl|reuse|repair).*textile|textile.*(recycl|waste)",
    ),
    OpenCallsTopic("dv-fo-02", "Which open calls fund circular or recyclable packaging?", r"packaging"),
    OpenCallsTopic("dv-fo-03", "Open calls for the renovation of buildings", r"renovation"),
    OpenCallsTopic("dv-fo-04", "Open calls on soil health", r"\bsoils?\b"),
    OpenCallsTopic("dv-fo-05", "Open calls on space components for EU non-dependence", r"non-dependence"),
    OpenCallsTopic("dv-fo-06", "Which open calls are about drones?", r"drone"),
    OpenCallsTopic(
        "dv-fo-07",
        "Is there an open call on protecting cultural heritage from climate change?",
        r"cultural heritage",
    ),
    OpenCallsTopic("dv-fo-08", "Open calls on batteries", r"batter", today=dt.date(2026, 9, 1)),
    OpenCallsTopic(
        "dv-fo-09",
        "Open calls on hydrogen-powered aircraft",
        r"hydrogen",
        identifier_prefix="HORIZON-JU-CLEAN-AVIATION-",
    ),
    PartnersTopic("dv-pa-01", "Agri-food clusters in France", "Agri-food", "FR"),
    PartnersTopic("dv-pa-02", "Textile clusters in Spain", "Textile", "ES"),
    PartnersTopic(
        "dv-pa-03", "Which renewable energy clusters are there in Italy?", "Renewable Energy", "IT"
    ),
    PartnersTopic("dv-pa-04", "Health clusters in Hungary", "Health", "HU"),
    PartnersTopic(
        "dv-pa-05",
        "Mobility and automotive clusters in the Czech Republic",
        "Mobility-Transport-Automotive",
        "CZ",
    ),
    PartnersTopic("dv-pa-06", "Maritime clusters in Poland", "maritime", "PL"),
    PolicyFact(
        "dv-po-01",
        "How many factsheets on cluster policies does the European Cluster Collaboration Platform publish?",
        "policy:eu-clusters-talk-global-perspectives-2024",
        "56",
    ),
    PolicyFact(
        "dv-po-02",
        "In how many regions does Norway have its own cluster policy?",
        "policy:eu-clusters-talk-global-perspectives-2024",
        "14",
    ),
    PolicyFact(
        "dv-po-03",
        "From how many countries are the cluster initiatives registered in Sintonía?",
        "policy:eu-clusters-talk-global-perspectives-2024",
        "13",
    ),
    PolicyFact(
        "dv-po-04",
        "In which year did South Korea pass its New Industrial Clustering Act?",
        "policy:eu-clusters-talk-global-perspectives-2024",
        "2021",
    ),
    PolicyFact(
        "dv-po-05",
        "How many bureaus does the U.S. Department of Commerce have?",
        "policy:global-cluster-hub-2016",
        "12",
    ),
)


def open_calls_on_topic(calls: Iterable[FundingCall], topic: OpenCallsTopic) -> list[FundingCall]:
    """The calls open on the topic's day whose title matches its pattern, by identifier."""
    pattern = re.compile(topic.title_pattern, re.IGNORECASE)
    found = [
        call
        for call in with_status(calls, topic.today, CallStatus.OPEN)
        if pattern.search(call.title) and (call.identifier or "").startswith(topic.identifier_prefix)
    ]
    return sorted(found, key=lambda call: call.doc_id)


def clusters_of(clusters: Iterable[ClusterProfile], sector: str) -> list[ClusterProfile]:
    """The organisations with ``sector`` among their sector tags (given or inferred)."""
    return [cluster for cluster in clusters if any(tag.sector == sector for tag in cluster.sectors)]


def policy_text(document: PolicyDocument) -> str:
    """The document's text as the corpus holds it: title and sections."""
    return "\n".join([document.title, *(section.text for section in document.sections)])


class GoldError(ValueError):
    """A topic's gold cannot be computed from the records (no document, or the fact is not there)."""


def gold_case(topic: DevTopic, records: Sequence[AnyRecord]) -> AnswerCase:
    """The English case of ``topic`` with its gold computed from ``records``.

    Raises:
        GoldError: No call or organisation matches, or the policy document does not state the fact.
    """
    if isinstance(topic, OpenCallsTopic):
        calls = open_calls_on_topic((r for r in records if isinstance(r, FundingCall)), topic)
        if not calls:
            raise GoldError(f"{topic.id}: no call open on {topic.today} matches /{topic.title_pattern}/")
        deadlines = {call.deadline_date for call in calls}
        shared = deadlines.pop() if len(deadlines) == 1 else None
        return AnswerCase(
            id=topic.id,
            category="funding-open",
            turns=(topic.question,),
            today=topic.today,
            must_contain=(shared.isoformat(),) if shared is not None else (),
            must_cite=tuple(call.doc_id for call in calls),
            note=f"gold: calls open on {topic.today} whose title matches /{topic.title_pattern}/"
            + (f" with identifier {topic.identifier_prefix}*" if topic.identifier_prefix else ""),
        )
    if isinstance(topic, PartnersTopic):
        tagged = clusters_of((r for r in records if isinstance(r, ClusterProfile)), topic.sector)
        inside = sorted(c.doc_id for c in tagged if c.country == topic.country)
        if not inside:
            raise GoldError(f"{topic.id}: no {topic.sector} organisation in {topic.country}")
        return AnswerCase(
            id=topic.id,
            category="partners",
            turns=(topic.question,),
            today=topic.today,
            must_cite=tuple(inside),
            must_not_cite=tuple(sorted(c.doc_id for c in tagged if c.country != topic.country)),
            note=f"gold: organisations in {topic.country} tagged {topic.sector!r}; "
            "those of other countries must not be cited",
        )
    documents = {r.doc_id: r for r in records if isinstance(r, PolicyDocument)}
    document = documents.get(topic.doc_id)
    if document is None:
        raise GoldError(f"{topic.id}: no policy document {topic.doc_id}")
    if not re.search(rf"(?<!\w){re.escape(topic.fact)}(?!\w)", policy_text(document)):
        raise GoldError(f"{topic.id}: {topic.doc_id} does not state {topic.fact!r}")
    return AnswerCase(
        id=topic.id,
        category="policy",
        turns=(topic.question,),
        today=topic.today,
        must_contain=(topic.fact,),
        must_cite=(topic.doc_id,),
        note=f"gold: {topic.fact!r} checked in the text of {topic.doc_id}",
    )


def gold_cases(records: Sequence[AnyRecord], topics: Sequence[DevTopic] = DEV_TOPICS) -> list[AnswerCase]:
    """Every topic's English case, in the topics' order."""
    return [gold_case(topic, records) for topic in topics]
