"""The English gold of the policy dev set (issue 13): facts of the bundled policy documents.

The policy dev set (``evals/datasets/i18n/policy_dev_<lang>.jsonl``, docs/languages-eval.md) is tuning
material for policy questions in German, French, Spanish, Italian and Polish: a number, a year, a name
or a phrase that one sentence of one policy document states, asked as a cluster manager asks it. Each
English case (``policy_dev_en.jsonl``) is a :class:`evals.answers_dev_gold.PolicyFact` whose gold is
computed by the answers dev set's rule (:func:`evals.answers_dev_gold.gold_case`): the fact must occur
in the document's text as a whole word, the answer must state it and cite the document.

None of these asks what a case of ``answers.jsonl`` or ``answers_dev_en.jsonl`` asks; they spread over
the mission, workshop, talk and presentation reports and the U.S. Cluster Mapping pages.
"""

from __future__ import annotations

from collections.abc import Sequence

from corpus.models import AnyRecord
from evals.answers_dev_gold import PolicyFact, gold_case
from evals.answers_eval import AnswerCase

POLICY_DEV_ENGLISH_FILE = "policy_dev_en.jsonl"
"""The policy dev set's English cases, as ``evals.i18n_answers`` reads them for ``policy-dev``."""

_MISSION = "policy:eu-cluster-mission-to-us-2017"
_WORKSHOP = "policy:us-eu-cluster-mapping-workshop-2015"
_TALK = "policy:eu-clusters-talk-global-perspectives-2024"
_MAPPING = "policy:us-cluster-mapping:"

POLICY_QUESTIONS: tuple[PolicyFact, ...] = (
    PolicyFact(
        "pq-01",
        "From how many EU countries did the cluster organisations on the 2017 mission to the U.S. come?",
        _MISSION,
        "10",
    ),
    PolicyFact(
        "pq-02",
        "How many bilateral meetings did the European clusters hold at the 2017 matchmaking in Washington?",
        _MISSION,
        "90",
    ),
    PolicyFact(
        "pq-03",
        "Which Commission official went with the European cluster delegation to the U.S. in May 2017?",
        _MISSION,
        "Christophe Guichard",
    ),
    PolicyFact(
        "pq-04",
        "How many U.S. cluster-like organisations were invited to meet the European delegation in 2017?",
        _MISSION,
        "13",
    ),
    PolicyFact(
        "pq-05",
        "Which city did the EU cluster delegation visit first on its 2017 trip to the United States?",
        _MISSION,
        "Philadelphia",
    ),
    PolicyFact(
        "pq-06",
        "Who opened the first day of the 2015 transatlantic cluster mapping workshop?",
        _WORKSHOP,
        "Michael Porter",
    ),
    PolicyFact(
        "pq-07",
        "How many projects has the French Pôles de compétitivité programme supported since 2005?",
        _WORKSHOP,
        "1,584",
    ),
    PolicyFact(
        "pq-08",
        "How much money did Germany's Leading-edge cluster competition give to cluster organisations?",
        _WORKSHOP,
        "€600 million",
    ),
    PolicyFact(
        "pq-09",
        "From the South Carolina experience, how long does it take to get a professional cluster "
        "organisation up and running?",
        _WORKSHOP,
        "three years",
    ),
    PolicyFact(
        "pq-10",
        "Where was the next EU-U.S. cluster matchmaking event planned after the 2015 mapping workshop?",
        _WORKSHOP,
        "Hannover",
    ),
    PolicyFact(
        "pq-11",
        "Who moderated the last day of the 2015 EU-US cluster workshop in Washington?",
        _WORKSHOP,
        "Emiliano Duch",
    ),
    PolicyFact("pq-12", "How many clusters are part of Norway's national cluster programme?", _TALK, "34"),
    PolicyFact(
        "pq-13",
        "Which Norwegian programmes focus on capacity building and skills development for clusters?",
        _TALK,
        "Arena Pro",
    ),
    PolicyFact(
        "pq-14",
        "How many companies do the cluster initiatives registered in Sintonía represent?",
        _TALK,
        "63,000",
    ),
    PolicyFact(
        "pq-15", "Since when has the U.S. Regional Innovation Cluster Programme existed?", _TALK, "2010"
    ),
    PolicyFact("pq-16", "Where is the next C2Lab in September 2024?", _TALK, "Strasbourg"),
    PolicyFact("pq-17", "Whose strategy inspired Norway to build meta clusters?", _TALK, "Denmark"),
    PolicyFact(
        "pq-18",
        "How many employees do Norway's regionally supported clusters usually have?",
        _TALK,
        "3 to 15",
    ),
    PolicyFact("pq-19", "What are the pillars of Iceland's cluster policy?", _TALK, "circular economy"),
    PolicyFact(
        "pq-20",
        "How many cluster categories has the U.S. cluster mapping research identified?",
        _MAPPING + "cluster_mapping_a_primer",
        "41",
    ),
    PolicyFact(
        "pq-21",
        "Which statistics are the raw data of the U.S. Cluster Mapping Project?",
        _MAPPING + "cluster_mapping_a_primer",
        "County Business Patterns",
    ),
    PolicyFact(
        "pq-22",
        "Up to which year does the Cluster Mapping Data Dashboard have data?",
        _MAPPING + "how_to_use_the_data_dashboard",
        "2009",
    ),
    PolicyFact(
        "pq-23",
        "Which company is building the future versions of the U.S. Cluster Mapping website?",
        _MAPPING + "project_partners",
        "Phase2 Technology",
    ),
    PolicyFact(
        "pq-24",
        "With data from which year was the original HBS Cluster Mapping Project website updated?",
        _MAPPING + "legacy_charts_and_maps",
        "2011",
    ),
    PolicyFact(
        "pq-25", "Who launched the U.S. Cluster Mapping Project?", _MAPPING + "learn", "Michael Porter"
    ),
    PolicyFact(
        "pq-26",
        "How many NAICS industries does the Apparel cluster of the U.S. benchmark definitions have?",
        "policy:us-cluster-definitions",
        "25",
    ),
    PolicyFact(
        "pq-27",
        "In how many countries is the U.S. Department of Commerce present?",
        "policy:global-cluster-hub-2016",
        "86",
    ),
    PolicyFact(
        "pq-28",
        "Roughly how many cluster organisations are there in the whole world?",
        "policy:why-globalise-cluster-internationalisation",
        "8.000",
    ),
)
"""The English questions: (id, question, document, fact)."""


def gold_cases(records: Sequence[AnyRecord]) -> list[AnswerCase]:
    """Every question's English case, in order.

    Raises:
        evals.answers_dev_gold.GoldError: A document is missing or does not state its fact.
    """
    return [gold_case(question, records) for question in POLICY_QUESTIONS]
