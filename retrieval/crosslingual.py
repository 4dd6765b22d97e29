"""Cross-lingual search: questions in German, Polish, ... find the English passages that answer them.

The default embedder (all-MiniLM-L6-v2) is English: a German question's topic words
("Wettbewerbsfähigkeit", "Wasserstoff") reach neither BM25 nor MiniLM. So the index keeps a second
dense matrix, ``vectors-crosslingual.npy``, next to ``vectors.npy`` in the BM25 index directory
(:mod:`retrieval.dense`; written and swapped in with it): every chunk embedded by the bundled
multilingual-e5-small (:mod:`retrieval.embeddings_e5`), one vector space for ~100 languages. A
question that is not in English is searched with BM25 and that matrix instead of MiniLM's; an
English question is searched exactly as before, so English results cannot change.

Where the vectors come from, cheapest first: the rows of the previous matrix (unchanged chunks), the
vectors computed by :meth:`CrossLingualEncoder.prepare` before a write lock (the ingest's embedding
step), the bundle's shipped E5 vectors (:mod:`retrieval.shipped_vectors`: the bundled corpus costs
no embedding), and last the model itself. ``CLUSTER_ADVISOR_CROSSLINGUAL=off`` turns the matrix off
(an English-only deployment that ingests many files saves the second embedding); with
``CLUSTER_ADVISOR_EMBEDDINGS=e5-small`` the main matrix is already multilingual and none is kept.

The language a search is for is the asker's (set by the assistant with :func:`searching_in`), else
the detected language of the query text (:func:`corpus.languages.detect_language`).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from corpus.settings import Settings
from retrieval.analysis import STOPWORDS_EN
from retrieval.embeddings import Embedder
from retrieval.embeddings_e5 import E5_DIMENSION, E5_MODEL_NAME
from retrieval.memo import recent_per_thread

if TYPE_CHECKING:
    from retrieval.embeddings_e5 import E5SmallEmbedder
    from retrieval.shipped_vectors import ShippedVectorLookup
    from retrieval.word_translation import Glossary, WordTranslator

logger = logging.getLogger(__name__)

CROSSLINGUAL_VECTORS = "vectors-crosslingual.npy"
"""File name of the multilingual matrix inside the BM25 index directory."""

_asker_language: ContextVar[str | None] = ContextVar("asker_language", default=None)


@contextmanager
def searching_in(lang: str | None) -> Iterator[None]:
    """Searches in this block are for a question in ``lang`` (ISO 639-1; None: detect from the text)."""
    token = _asker_language.set(lang)
    try:
        yield
    finally:
        _asker_language.reset(token)


def query_language(text: str) -> str:
    """The language a search for ``text`` is for: the asker's when set, else the text's detected one."""
    asked = _asker_language.get()
    if asked is not None:
        return asked
    from corpus.languages import detect_language  # lingua loads on first use only

    return detect_language(text).lang


_CUE_WORDS = frozenset(
    """call calls open opening opened closing closes closed forthcoming upcoming fund funds funding
    funded grant grants programme program programmes deadline deadlines apply application applications
    proposal proposals topic topics currently still now today any some""".split()
)
"""English words the planner's reading puts in place of a question's cue phrases ("offene
Ausschreibungen" → "open calls"): in a multilingual query they match every short "Open Call" title
literally and drown the topic, which the question's own words carry."""
_WORD = re.compile(r"[\w'’-]+", re.UNICODE)


def topic_text(text: str) -> str:
    """``text`` without English stopwords and cue words, for a cross-lingual search (the whole text
    when nothing else is left: a question that is only cue words)."""
    kept = [word for word in _WORD.findall(text) if word.lower() not in STOPWORDS_EN | _CUE_WORDS]
    return " ".join(kept) if kept else text


class CrossLingualEncoder:
    """The multilingual model and the vectors it already has: shipped ones and those prepared here."""

    name = E5_MODEL_NAME
    dimension = E5_DIMENSION

    def __init__(
        self, *, shipped: ShippedVectorLookup | None = None, glossary: Glossary | None = None
    ) -> None:
        """Prepare; the model loads on the first text it must embed (the bundle needs none).

        Args:
            shipped: Vectors of the bundled corpus by text (default: the bundle's E5 file).
            glossary: English words to translate a question's words into (default: the bundle's,
                read on the first question that needs it).
        """
        if shipped is None:
            from retrieval.shipped_vectors import bundle_vector_lookup

            # The lookup reads only the model's name and dimension: no engine is needed to find them.
            shipped = bundle_vector_lookup(self, notify=logger.info)  # type: ignore[arg-type]
        self._shipped = shipped
        self._model: E5SmallEmbedder | None = None
        self._glossary = glossary
        self._translator: WordTranslator | None = None
        self._loading = threading.Lock()
        self._prepared: dict[str, npt.NDArray[np.float32]] = {}
        self.embedded = 0
        """Texts this encoder had to embed (neither prepared nor shipped): for reports and tests."""
        self.embed_query = recent_per_thread(self._embed_query)

    def _engine(self) -> E5SmallEmbedder:
        with self._loading:
            if self._model is None:
                from retrieval.embeddings_e5 import E5SmallEmbedder  # the C engine loads only when needed

                self._model = E5SmallEmbedder()
            return self._model

    def _embed_query(self, text: str) -> tuple[float, ...]:
        return tuple(self._engine().embed_query(text))

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        """Embed several short queries (single words to translate) in one engine call."""
        return self._engine().embed_queries(texts)

    @property
    def translator(self) -> WordTranslator | None:
        """Translates a question's words into the corpus's English words (None without a glossary)."""
        if self._translator is None:
            from retrieval.word_translation import WordTranslator, bundled_glossary

            glossary = self._glossary or bundled_glossary()
            if glossary is None:
                return None
            self._translator = WordTranslator(glossary, self.embed_queries)
        return self._translator

    def text_similarities(self, question: str, texts: Sequence[str]) -> list[float]:
        """Cosine similarity of the question to each of ``texts`` (embedded now, passage side)."""
        if not texts:
            return []
        query = np.asarray(self.embed_query(question), dtype=np.float32)
        vectors = np.asarray(self._engine().embed_documents(list(texts)), dtype=np.float32)
        scores: list[float] = np.einsum("ij,j->i", vectors, query).tolist()
        return scores

    def prepare(self, texts: Sequence[str]) -> None:
        """Compute the vectors of ``texts`` now (before a write lock), kept until the next :meth:`vectors`."""
        missing = [text for text in dict.fromkeys(texts) if text not in self._prepared]
        for text, vector in zip(missing, self._lookup(missing), strict=True):
            self._prepared[text] = vector

    def vectors(self, texts_by_id: Mapping[str, str]) -> dict[str, npt.NDArray[np.float32]]:
        """The vector of each chunk (chunk id → its embedded text); what was prepared is used up."""
        texts = list(texts_by_id.values())
        known = [self._prepared.pop(text, None) for text in texts]
        todo = [text for text, vector in zip(texts, known, strict=True) if vector is None]
        computed = iter(self._lookup(todo))
        return {
            chunk_id: vector if vector is not None else next(computed)
            for chunk_id, vector in zip(texts_by_id, known, strict=True)
        }

    def _lookup(self, texts: Sequence[str]) -> list[npt.NDArray[np.float32]]:
        """Shipped vectors where the bundle has them, the model's for the rest."""
        if not texts:
            return []
        found = self._shipped(texts)
        todo = [i for i, vector in enumerate(found) if vector is None]
        if todo:
            logger.info("embedding %d passage(s) for cross-lingual search (multilingual-e5-small)", len(todo))
            embedded = self._engine().embed_documents([texts[i] for i in todo])  # batched by the engine
            for i, vector in zip(todo, embedded, strict=True):
                found[i] = np.asarray(vector, dtype=np.float32)
            self.embedded += len(todo)
        return [vector for vector in found if vector is not None]


def encoder_from_settings(settings: Settings, embedder: Embedder) -> CrossLingualEncoder | None:
    """The cross-lingual encoder the settings ask for; None when off or the main model is already E5."""
    if settings.crosslingual == "off" or embedder.name == E5_MODEL_NAME:
        return None
    return CrossLingualEncoder()
