"""A foreign question's words translated into the corpus's English words (multilingual-e5-small)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from corpus.bundle import DEFAULT_BUNDLE_DIR
from retrieval.crosslingual import searching_in
from retrieval.embeddings_e5 import E5SmallEmbedder
from retrieval.index import SearchIndex
from retrieval.search import HybridRetriever
from retrieval.word_translation import (
    ABSENT_MARGIN,
    ABSENT_MIN_SIMILARITY,
    GENERAL_DIR,
    GENERAL_VECTORS,
    GENERAL_WORDS,
    GLOSSARY_VECTORS,
    GLOSSARY_WORDS,
    MARGIN,
    MIN_SIMILARITY,
    Glossary,
    WordTranslator,
    bundled_glossary,
    general_vocabulary,
    glossary_words,
    is_function_word,
    write_glossary,
)
from tests.retrieval.conftest import CachedEmbedder, make_settings
from tests.retrieval.factories import TODAY, cluster_chunk


@pytest.fixture(scope="module")
def e5() -> E5SmallEmbedder:
    return E5SmallEmbedder()


@pytest.fixture(scope="module")
def translator(e5: E5SmallEmbedder) -> WordTranslator:
    glossary = bundled_glossary()
    assert glossary is not None, "the bundle ships its glossary (make corpus)"
    return WordTranslator(glossary, e5.embed_queries)


def test_the_vocabulary_keeps_words_not_acronyms_glued_words_stopwords_or_rarities() -> None:
    texts = [
        "Drones for agriculture. The MSAI programme. See the environmentHe annex.",
        "Drones and batteries; MSAI again; environmentHe again.",
        "drones, batteries and the MSAI; environmentHe",
        "batteries",
        "rare word once",
    ]
    words = glossary_words(texts)
    assert words == sorted(words)
    assert "drones" in words and "batteries" in words
    assert "msai" not in words  # written in capitals: an acronym, not a word to translate into
    assert "environmenthe" not in words  # two words glued by markup
    assert "again" not in words  # in two texts only
    assert "the" not in words and "once" not in words


def test_the_glossary_round_trips_and_keeps_only_close_translations(tmp_path: Path) -> None:
    vectors = np.eye(4, dtype=np.float32)
    vectors[1] = [0.999, 0.045, 0.0, 0.0]  # "drones" next to "drone"
    path = write_glossary(["drone", "drones", "heritage", "hydrogen"], vectors, tmp_path)
    assert path.name == GLOSSARY_WORDS and (tmp_path / GLOSSARY_VECTORS).is_file()
    glossary = Glossary.load(tmp_path)
    assert "drones" in glossary and "Drohnen" not in glossary
    near_both = np.array([[1.0, 0.0, 0.0, 0.0]], dtype=np.float32)
    near_one = np.array([[0.0, 0.0, 0.95, 0.312]], dtype=np.float32)  # heritage 0.95, hydrogen 0.31
    far = np.array([[0.5, 0.5, 0.5, 0.5]], dtype=np.float32)  # about 0.5 to each: nothing is close
    found = glossary.nearest(np.vstack([near_both, near_one, far]))
    assert [meaning.english for meaning in found] == [("drone", "drones"), ("heritage",), ()]
    assert all(meaning.absent is None for meaning in found)  # no general words in this glossary
    assert 0.5 < MIN_SIMILARITY


def test_a_word_clearly_meaning_a_general_word_the_corpus_lacks_is_marked_absent(tmp_path: Path) -> None:
    write_glossary(["drone", "heritage"], np.eye(3, dtype=np.float32)[:2], tmp_path)
    parrot = np.array([[0.0, 0.0, 1.0]], dtype=np.float32)
    write_glossary(["parrot"], parrot, tmp_path, files=(GENERAL_WORDS, GENERAL_VECTORS))
    glossary = Glossary.load(tmp_path)
    assert glossary.general_words == ("parrot",) and "parrot" not in glossary  # not a corpus word
    papagei = np.array([[0.0, 0.3, 0.954]], dtype=np.float32)  # parrot 0.95, heritage 0.30
    between = np.array([[0.0, 0.68, 0.733]], dtype=np.float32)  # parrot 0.73, heritage 0.68: not clear
    close_to_both = np.array([[0.0, 0.88, 0.92]], dtype=np.float32)  # parrot 0.92, heritage 0.88: too near
    found = glossary.nearest(np.vstack([papagei, between, close_to_both]))
    assert found[0].absent == "parrot"
    assert found[1].absent is None and found[2].absent is None
    assert ABSENT_MIN_SIMILARITY > MIN_SIMILARITY and ABSENT_MARGIN > MARGIN


def test_the_general_vocabulary_is_the_tokenizers_whole_words_the_corpus_lacks() -> None:
    words = general_vocabulary(["drone", "heritage"])
    assert "parrot" in words and "lottery" in words and "pizza" in words
    assert "drone" not in words and "heritage" not in words  # the corpus's own
    assert "about" not in words and "the" not in words  # English stopwords
    assert all(word.isalpha() and word.islower() and len(word) >= 4 for word in words)
    assert words == sorted(words)
    shipped = json.loads((GENERAL_DIR / GENERAL_WORDS).read_text(encoding="utf-8"))
    corpus = json.loads((DEFAULT_BUNDLE_DIR / GLOSSARY_WORDS).read_text(encoding="utf-8"))
    assert shipped == general_vocabulary(corpus)


def test_a_glossary_of_another_length_is_refused() -> None:
    with pytest.raises(ValueError, match="2 words but 3 vectors"):
        Glossary(["a", "b"], np.zeros((3, 4), dtype=np.float32))


def test_the_bundled_glossary_is_the_bundles_own_vocabulary() -> None:
    words = json.loads((DEFAULT_BUNDLE_DIR / GLOSSARY_WORDS).read_text(encoding="utf-8"))
    vectors = np.load(DEFAULT_BUNDLE_DIR / GLOSSARY_VECTORS)
    assert len(words) == len(vectors) > 5000 and vectors.dtype == np.int8
    assert {"drones", "hydrogen", "heritage", "authorities", "workshops"} <= set(words)
    assert np.allclose(np.linalg.norm(vectors.astype(np.float32) / 127, axis=1), 1.0, atol=0.02)


@pytest.mark.parametrize(
    ("question", "word", "english"),
    [
        ("Welche offenen Ausschreibungen drehen sich um Drohnen?", "Drohnen", "drones"),
        ("Wie viele Behörden gehören zum US-Handelsministerium?", "Behörden", "authorities"),
        ("C'è un bando per proteggere il patrimonio culturale?", "patrimonio", "heritage"),
        ("Convocatorias sobre aviones propulsados por hidrógeno", "hidrógeno", "hydrogen"),
        ("Ilu ekspertów przyszło na warsztaty UE–USA?", "warsztaty", "workshops"),
        ("Combien de pays dans la délégation ?", "délégation", "delegation"),
    ],
)
def test_a_foreign_topic_word_becomes_the_english_corpus_word(
    translator: WordTranslator, question: str, word: str, english: str
) -> None:
    assert english in translator.translations(question)[word]
    assert english in translator.english_words(question)
    assert english in translator.rendering(question) and word not in translator.rendering(question)


@pytest.mark.parametrize(
    ("question", "word", "lacking"),
    [
        ("Quelle est la meilleure recette de pâte à pizza ?", "pizza", "pizza"),
        ("Quelles organisations de clusters en Italie élèvent des pigeons voyageurs ?", "pigeons", "pigeons"),
        ("¿Hay alguna ayuda para abrir un estudio de tatuajes?", "estudio", None),
        ("Comment réparer un robinet de cuisine qui goutte ?", "cuisine", "cuisine"),
        ("Czy są fundusze unijne na klub robótek na drutach dla emerytów?", "klub", "club"),
    ],
)
def test_a_foreign_word_meaning_what_the_corpus_lacks_is_found(
    translator: WordTranslator, question: str, word: str, lacking: str | None
) -> None:
    assert translator.absent_words(question).get(word) == lacking


def test_words_of_answerable_questions_are_not_taken_for_missing_ones(translator: WordTranslator) -> None:
    for question in (
        "Welche offenen Ausschreibungen drehen sich um Drohnen?",
        "Cluster für Wasserstoff in Bayern",
        "Clústeres de turismo en Baviera",
        "Convocatorias abiertas para la rehabilitación de edificios",
        "Otwarte nabory dotyczące zdrowia gleby",
    ):
        assert translator.absent_words(question) == {}, question


def test_function_words_english_words_and_acronyms_are_not_translated(translator: WordTranslator) -> None:
    found = translator.translations("Welche offenen calls für hydrogen in der EU czego comment USA?")
    assert not {"Welche", "für", "der", "czego", "comment", "calls", "hydrogen", "USA"} & set(found)
    assert is_function_word("Welche") and is_function_word("czego") and not is_function_word("Drohnen")
    assert translator.rendering("What is open on hydrogen?") == "What is open on hydrogen?"


def test_a_word_is_embedded_once_per_process(e5: E5SmallEmbedder) -> None:
    glossary = bundled_glossary()
    assert glossary is not None
    embedded: list[str] = []

    def counting(texts: list[str]) -> list[list[float]]:
        embedded.extend(texts)
        return e5.embed_queries(texts)

    translator = WordTranslator(glossary, counting)  # type: ignore[arg-type]
    translator.translations("Drohnen und Wasserstoff")
    translator.translations("Wasserstoff und Drohnen, Drohnen")
    assert sorted(embedded) == ["Drohnen", "Wasserstoff"]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory, embedder: CachedEmbedder) -> Iterator[SearchIndex]:
    settings = make_settings(tmp_path_factory.mktemp("word-translation"), crosslingual="e5-small")
    opened = SearchIndex.open(settings=settings, embedder=embedder)
    drones = "Unmanned aerial vehicles: drones for inspection and delivery."
    food = "Food processing companies and agritech start-ups."
    opened.upsert_documents(
        {
            "cl-drones": cluster_chunk(
                "cl-drones", "Sky Works", country="FR", city="Toulouse", sectors="aerospace", about=drones
            ),
            "cl-food": cluster_chunk(
                "cl-food", "Agri Valley", country="FR", city="Rennes", sectors="agrifood", about=food
            ),
        }
    )
    opened.flush()
    yield opened
    opened.close()


def test_a_foreign_question_reaches_bm25_through_its_translated_words(index: SearchIndex) -> None:
    with searching_in("de"):
        assert "drones" in index.english_words("Cluster für Drohnen")
        assert "drones" in index.english_rendering("Cluster für Drohnen")
        hits = HybridRetriever(index).search(query="Cluster für Drohnen", k=2, mode="bm25", today=TODAY).hits
    assert [hit.doc_id for hit in hits][:1] == ["cl-drones"]  # BM25 alone: only the translation matches
    with searching_in("en"):  # an English question is read as it is
        assert index.english_words("Cluster für Drohnen") == []
        assert index.english_rendering("drone clusters") == "drone clusters"
