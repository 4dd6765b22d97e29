"""Policy questions not in English pick the sentence with the fact (issue 13): the real multilingual
model and word translation over the bundled policy documents, through the whole service too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.conversation import ConversationStore
from assistant.entities import extract_entities
from assistant.policy import policy_evidence
from assistant.service import Assistant
from corpus.bundle import load_bundled_records
from corpus.chunking import chunk_record
from corpus.ingest import IngestSource, ingest_sources
from corpus.models import PolicyDocument, Section
from corpus.settings import Settings
from corpus.store import RecordStore
from retrieval.crosslingual import CrossLingualEncoder, topic_text
from retrieval.embeddings import OnnxMiniLMEmbedder
from retrieval.index import SearchIndex
from retrieval.search import Hit, HybridRetriever
from tests.assistant.factories import TODAY
from tests.factories import make_policy, make_profile

MISSION = "policy:eu-cluster-mission-to-us-2017"
DASHBOARD = "policy:us-cluster-mapping:how_to_use_the_data_dashboard"


@pytest.fixture(scope="module")
def encoder() -> CrossLingualEncoder:
    return CrossLingualEncoder()


@pytest.fixture(scope="module")
def documents() -> dict[str, PolicyDocument]:
    wanted = {MISSION, DASHBOARD}
    records = load_bundled_records()
    return {r.doc_id: r for r in records if isinstance(r, PolicyDocument) and r.doc_id in wanted}


def _hits(document: PolicyDocument) -> list[Hit]:
    """The document's passages as ingest cuts them, in reading order (a foreign question reads it whole)."""
    return [Hit.of(chunk, rank=rank, score=1 / rank) for rank, chunk in enumerate(chunk_record(document), 1)]


@pytest.mark.parametrize(
    ("doc_id", "question", "fact"),
    [
        (MISSION, "Wie viele bilaterale Gespräche hatten die europäischen Cluster beim Matchmaking 2017 in "
                  "Washington?", "90"),
        (MISSION, "Ile spotkań dwustronnych odbyły europejskie klastry podczas matchmakingu w Waszyngtonie "
                  "w 2017 r.?", "90"),
        (DASHBOARD, "Do którego roku sięgają dane w Data Dashboard serwisu Cluster Mapping?", "2009"),
        (DASHBOARD, "Fino a che anno arrivano i dati della Data Dashboard di Cluster Mapping?", "2009"),
    ],
)  # fmt: skip
def test_the_sentence_with_the_number_or_year_asked_is_quoted(
    encoder: CrossLingualEncoder, documents: dict[str, PolicyDocument], doc_id: str, question: str, fact: str
) -> None:
    translator = encoder.translator
    assert translator is not None
    evidence = policy_evidence(
        question=question,
        entities=extract_entities(question),
        hits=_hits(documents[doc_id]),
        similarity=lambda texts: encoder.text_similarities(topic_text(question), texts),
        words_of=translator.rendering(question),
        read=None,
    )
    assert any(fact in line for line in evidence.lines), evidence.lines


NORWAY_TALK = make_policy(
    "norway-talk",
    title="Global perspectives on cluster policies",
    sections=(
        Section(
            heading="Norway",
            text=(
                "Tor-Arne Bellika, from Norway, discussed their work on innovation in the Nordics. "
                "He highlighted that each of Norway's 14 regions had its own cluster policy. "
                "While 34 clusters are part of the national programme, there are an additional 70 to 80 "
                "clusters supported by the regions. Finland built its meta clusters on the model of "
                "Denmark's strategy of funding only one cluster per sector."
            ),
        ),
    ),
)

WORKSHOP = make_policy(
    "mapping-workshop",
    title="Transatlantic cluster mapping workshop",
    sections=(
        Section(
            heading="Washington",
            text=(
                "The final day of the workshop was held in Washington, D.C. and moderated by Mr. Emiliano "
                "Duch from the World Bank. The participants discussed cluster mapping portals."
            ),
        ),
    ),
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    settings = Settings(_env_file=None, data_dir=tmp_path_factory.mktemp("policy-crosslingual"))
    records = RecordStore.open(settings.records_db_url)
    index = SearchIndex.open(settings=settings, embedder=OnnxMiniLMEmbedder())
    norwegian = make_profile("Oslo Cancer Cluster", country="NO", city="Oslo", sectors=())
    american = make_profile(
        "Washington Technology Industry Association", country="US", city="Seattle", sectors=()
    )
    source = IngestSource(origin="tests", records=[NORWAY_TALK, WORKSHOP, norwegian, american])
    ingest_sources(store=records, index=index, sources=[source])
    index.flush()
    conversations = ConversationStore.open("sqlite:///:memory:")
    yield Assistant(retriever=HybridRetriever(index), records=records, conversations=conversations)
    index.close()
    records.close()


@pytest.mark.parametrize(
    "question",
    [
        "Wie viele Cluster gehören zum nationalen Clusterprogramm Norwegens?",
        "Ile klastrów należy do krajowego programu klastrowego Norwegii?",
    ],
)
def test_a_count_question_naming_a_country_is_answered_from_the_policy_text(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.ask(question=question, today=TODAY)
    assert answer.grounded and answer.intent == "policy", answer.answer
    assert answer.citations[0].doc_id == "policy:norway-talk"  # the sentence with the number first
    assert "34 clusters" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Qui animait la dernière journée de l'atelier UE-USA à Washington ?",
        "Chi ha moderato l'ultima giornata del workshop UE-USA a Washington?",
        "¿Quién moderó la última jornada del taller UE-EE. UU. en Washington?",
    ],
)
def test_a_question_about_a_workshop_naming_a_country_is_answered_from_the_policy_text(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.ask(question=question, today=TODAY)
    assert answer.grounded and answer.intent == "policy", answer.answer
    assert answer.citations[0].doc_id == "policy:mapping-workshop"
    assert "Emiliano Duch" in answer.answer


@pytest.mark.parametrize(
    ("question", "doc_id"),
    [
        ("Welche Cluster gibt es in Norwegen?", "cluster:test:oslo-cancer-cluster"),
        (
            "Quels clusters y a-t-il aux États-Unis ?",
            "cluster:test:washington-technology-industry-association",
        ),
    ],
)
def test_a_partner_search_in_that_country_is_still_one(
    assistant: Assistant, question: str, doc_id: str
) -> None:
    answer = assistant.ask(question=question, today=TODAY)
    assert answer.intent == "partners", answer.answer
    assert doc_id in {c.doc_id for c in answer.citations}


def test_a_partner_search_that_finds_no_partner_is_answered_from_the_policy_text(
    assistant: Assistant,
) -> None:
    answer = assistant.ask(question="Nach wessen Vorbild baut Finnland Meta-Cluster auf?", today=TODAY)
    assert answer.grounded and answer.intent == "policy", answer.answer
    assert "Denmark" in answer.answer and answer.citations[0].doc_id == "policy:norway-talk"
