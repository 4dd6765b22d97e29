"""English corpus words for the topical words of a question in another language.

Cross-lingual dense search (:mod:`retrieval.crosslingual`) finds passages by meaning, but a foreign
question's own words reach neither BM25 nor the checks that read words: "Drohnen", "patrimonio" or
"agencji" are in no English passage, so evidence looked absent ("Welche offenen Ausschreibungen
drehen sich um Drohnen?" was refused) and a policy sentence holding the fact shared no word with
the question. This module finds, for each such word, the English words of the corpus that mean the
same, by nearest neighbours in multilingual-e5-small's space: the word is embedded as a query, the
corpus vocabulary as passages (``Drohnen`` → ``drones``, ``Behörden`` → ``authorities``,
``patrimonio`` → ``heritage``, ``warsztaty`` → ``workshops``).

The vocabulary is the bundle's: every lower-case word of four or more letters in three or more
chunks that is not an English stopword, an acronym, or two words glued by a page's markup
("environmentHe"). ``make corpus`` writes it with its E5 vectors into the bundle folder
(:data:`GLOSSARY_WORDS`, :data:`GLOSSARY_VECTORS`: about 7,000 words, 2.6 MB, a minute to compute on an
idle machine, too long for a start-up). Words only in a user's files are not in it; their passages
are still found by the multilingual matrix.

A translation counts only when it is close (cosine ≥ :data:`MIN_SIMILARITY`) and within
:data:`MARGIN` of the best one: E5's nearest English word for a foreign function word or a name is
far ("lanzacohetes" → nothing), and a second close word covers inflection ("drone", "drones").

Beside the corpus's words, the glossary holds general English words the corpus lacks (the whole
words of the bundled MiniLM tokenizer's vocabulary, :data:`GENERAL_WORDS`): a foreign word that
clearly means one of them ("Papagei"/"perroquet" → parrot, "pizza", "lotería" → lottery) is a word
the corpus has nothing on, which is what an off-topic question's English words are. Without them,
such a word was either untranslated (and said nothing) or given its nearest corpus word ("recette" →
ingredients).
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import numpy.typing as npt
from stop_words import get_stop_words  # type: ignore[import-untyped]

from corpus.bundle import DEFAULT_BUNDLE_DIR
from corpus.models import Chunk
from retrieval.analysis import STOPWORDS_EN, fold, strip_accents

if TYPE_CHECKING:
    from retrieval.embeddings_e5 import E5SmallEmbedder

logger = logging.getLogger(__name__)

GLOSSARY_WORDS = "glossary-e5-words.json"
GLOSSARY_VECTORS = "glossary-e5-vectors.npy"
"""Files in the bundle folder: the corpus's English words (a JSON list) and their multilingual-e5-small
vectors (int8, one row per word); plain files, so the same build writes the same bytes."""
_INT8_SCALE = 127.0
"""Vectors are stored as round(127 × component): a unit vector's components lie in (-1, 1), and the
rounding moved no cosine of the bundle's glossary by more than 0.007, under half of :data:`MARGIN`
(and it takes half the bytes of float16)."""
GENERAL_WORDS = "glossary-e5-general-words.json"
GENERAL_VECTORS = "glossary-e5-general-vectors.npy"
GENERAL_DIR = Path(__file__).parent / "model_files"
"""Where the general words live: beside the tokenizer they come from, not in the bundle folder (whose
size is kept small), as they are a language resource rather than corpus data."""
_TOKENIZER_FILE = GENERAL_DIR / "tokenizer.json"
MIN_SIMILARITY = 0.875
"""Least cosine (E5 query side to passage side) for an English word to translate a foreign one.
Measured on the translated retrieval dev set's words: right translations scored 0.87–0.94
("Wettbewerbsfähigkeit" → "competitiveness" 0.868, "hidrógeno" → "hydrogen" 0.914), the nearest
word of a foreign function word or a rare compound 0.84–0.87."""
MARGIN = 0.015
"""Words this close to the best translation count too ("drone" beside "drones")."""
ABSENT_MIN_SIMILARITY = 0.90
ABSENT_MARGIN = 0.045
"""A foreign word means an English word the corpus lacks when that general word is this close
(cosine ≥ 0.90) and clearly closer (by 0.045) than every corpus word. Measured on the translated dev
sets' words (answers, partners, refusals): off-topic words scored 0.90–0.95 with margins up to 0.09
("salon" 0.947 vs 0.861, "opera" 0.942 vs 0.881); the words of answerable questions whose general
neighbour was closer stayed under one or the other ("Mailand" → maitland 0.896, margin 0.041;
"Baviera" → bavaria 0.921, margin 0.031)."""
MAX_TRANSLATIONS = 3
"""English words kept per foreign word."""
MAX_REMEMBERED = 100_000
"""Translated words a process remembers (about 100 bytes each) before it starts afresh."""
MIN_CHUNKS = 3
"""A vocabulary word is in at least this many chunks (rarer ones are mostly typos and fragments)."""

QueryEmbedding = Callable[[Sequence[str]], Sequence[Sequence[float]]]
"""E5 query-side embedding of several short texts at once (:meth:`CrossLingualEncoder.embed_queries`)."""

TRANSLATED_LANGUAGES = ("de", "fr", "es", "it", "pl")
_QUESTION_WORDS = """
    wann wieviel wieviele gibt welcher welches welchen bitte gerne offen offene offenen offener
    combien quels quelles quel quelle lequel laquelle existe ouvert ouverts ouverte ouvertes
    cuántos cuántas cuánto cuál cuáles hay dónde abierta abiertas abierto abiertos
    quali quale quanti quante quanto sono aperto aperti aperta aperte
    czego ilu jaki jaka jakie jakich który która których kiedy gdzie czy otwarte otwarty otwartych
"""
"""Question and cue words the stop-word lists lack ("czego", "quali", "offenen"): the planner reads
them; translated, they would add noise ("offenen" → "offences")."""
_FOREIGN_STOPWORDS = frozenset(
    fold(word) for lang in TRANSLATED_LANGUAGES for word in [*get_stop_words(lang), *_QUESTION_WORDS.split()]
)
"""Function words of the five product languages besides English ("welche", "comment", "czego"):
never translated (E5's nearest English word for them is noise such as "whose"). One set for all five,
as the question's language may be guessed wrong for a short question."""

_TOKEN = re.compile(r"[A-Za-z]+")
_GLUED = re.compile(r"[a-z][A-Z]")
_QUESTION_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def glossary_words(texts: Iterable[str]) -> list[str]:
    """The vocabulary of ``texts`` worth translating into: sorted, deterministic.

    A word is kept when it is alphabetic, four letters or more, not an English stopword, written in
    lower case in most of its occurrences (not an acronym such as "MSAI"), never glued to the next
    word by markup ("environmentHe"), and in at least :data:`MIN_CHUNKS` of ``texts``.
    """
    chunks: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    glued: set[str] = set()
    for text in texts:
        words_here: set[str] = set()
        for raw in _TOKEN.findall(strip_accents(text)):
            if _GLUED.search(raw):
                glued.add(raw.lower())
                continue
            word = raw.lower()
            seen[word] += 1
            if not raw.isupper():
                lower[word] += 1
            words_here.add(word)
        chunks.update(words_here)
    return sorted(
        word
        for word, count in chunks.items()
        if count >= MIN_CHUNKS
        and len(word) >= 4
        and word not in STOPWORDS_EN
        and word not in glued
        and lower[word] * 2 > seen[word]
    )


def write_glossary(
    words: Sequence[str],
    vectors: npt.NDArray[np.float32],
    out_dir: Path,
    *,
    files: tuple[str, str] = (GLOSSARY_WORDS, GLOSSARY_VECTORS),
) -> Path:
    """Write glossary files (``words`` and their passage-side E5 vectors, int8) into ``out_dir``: the
    corpus's words by default, the general words with ``files=(GENERAL_WORDS, GENERAL_VECTORS)``;
    the path of the words file."""
    words_file, vectors_file = files
    path = out_dir / words_file
    path.write_text(json.dumps(list(words), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    quantised = np.clip(np.rint(np.asarray(vectors, dtype=np.float32) * _INT8_SCALE), -127, 127).astype(
        np.int8
    )
    np.save(out_dir / vectors_file, quantised, allow_pickle=False)
    return path


def general_vocabulary(corpus_words: Iterable[str], tokenizer_file: Path = _TOKENIZER_FILE) -> list[str]:
    """General English words for the glossary: the whole lower-case words of four or more letters of
    the bundled MiniLM tokenizer's vocabulary (BERT's, 30,522 pieces, Apache-2.0), English stopwords
    and ``corpus_words`` left out; sorted."""
    vocabulary = json.loads(tokenizer_file.read_text(encoding="utf-8"))["model"]["vocab"]
    corpus = set(corpus_words)
    return sorted(
        word
        for word in vocabulary
        if len(word) >= 4
        and word.isascii()
        and word.isalpha()
        and word.islower()
        and word not in STOPWORDS_EN
        and word not in corpus
    )


def chunk_words_text(chunk: Chunk) -> str:
    """The text of a chunk the glossary's vocabulary is read from (its title and its text)."""
    return f"{chunk.title} {chunk.text}"


def build_bundle_glossary(
    out_dir: Path, embedder: E5SmallEmbedder, general_dir: Path = GENERAL_DIR
) -> tuple[Path, int]:
    """Write the glossary of the bundle in ``out_dir`` (``make corpus``); the path and word count."""
    from corpus.bundle import load_bundled_records
    from retrieval.shipped_vectors import bundle_chunks

    chunks = bundle_chunks(load_bundled_records(out_dir))
    words = glossary_words(chunk_words_text(chunk) for chunk in chunks)
    vectors = np.asarray(embedder.embed_documents(words), dtype=np.float32)
    path = write_glossary(words, vectors, out_dir)
    general = general_vocabulary(words)
    general_vectors = np.asarray(embedder.embed_documents(general), dtype=np.float32)
    write_glossary(general, general_vectors, general_dir, files=(GENERAL_WORDS, GENERAL_VECTORS))
    return path, len(words) + len(general)


class WordMeaning(NamedTuple):
    """What a foreign word means in English, as far as the glossary can tell."""

    english: tuple[str, ...]
    """Corpus words that translate it (none when nothing is close)."""
    absent: str | None = None
    """A general English word it means more clearly than any corpus word ("Papagei" → parrot). The
    glossary holds only the corpus's frequent words, so the caller checks the corpus for it."""


NOTHING = WordMeaning(())


class Glossary:
    """English words and their E5 vectors, searched by a foreign word's E5 query vector: the corpus's
    words, and optionally general words the corpus lacks."""

    def __init__(
        self,
        words: Sequence[str],
        vectors: npt.NDArray[np.floating],
        general: tuple[Sequence[str], npt.NDArray[np.floating]] | None = None,
    ) -> None:
        """Args: ``words`` and one L2-normalised passage-side vector per word (rows in that order);
        ``general``: the same for general English words the corpus lacks."""
        if len(words) != len(vectors):
            raise ValueError(f"the glossary has {len(words)} words but {len(vectors)} vectors")
        general_words, general_vectors = general if general is not None else ((), np.zeros((0, 0)))
        if len(general_words) != len(general_vectors):
            raise ValueError(
                f"the general glossary has {len(general_words)} words but {len(general_vectors)} vectors"
            )
        self.words = tuple(words)
        self._known = frozenset(self.words)
        self._vectors = np.asarray(vectors, dtype=np.float32)
        self.general_words = tuple(general_words)
        self._general_vectors = np.asarray(general_vectors, dtype=np.float32)

    def __contains__(self, word: object) -> bool:
        return word in self._known

    @classmethod
    def load(cls, directory: Path, general_dir: Path | None = None) -> Glossary:
        """Read the files :func:`write_glossary` wrote into ``directory``, and the general words in
        ``general_dir`` (default ``directory``) when they are there."""
        words, vectors = _read_words(directory, GLOSSARY_WORDS, GLOSSARY_VECTORS)
        general_dir = directory if general_dir is None else general_dir
        general = None
        if (general_dir / GENERAL_WORDS).is_file() and (general_dir / GENERAL_VECTORS).is_file():
            general = _read_words(general_dir, GENERAL_WORDS, GENERAL_VECTORS)
        return cls(words, vectors, general)

    def nearest(self, query_vectors: npt.NDArray[np.float32]) -> list[WordMeaning]:
        """For each query vector, what it means: the corpus words that translate it, or a general
        word the corpus lacks that it clearly means."""
        if not len(query_vectors):
            return []
        scores = query_vectors @ self._vectors.T
        general = query_vectors @ self._general_vectors.T if len(self.general_words) else None
        found = []
        for row_number, row in enumerate(scores):
            best = np.argsort(-row)[:MAX_TRANSLATIONS]
            top = float(row[best[0]])
            english = tuple(
                self.words[i] for i in best if top >= MIN_SIMILARITY and float(row[i]) >= top - MARGIN
            )
            absent = None
            if general is not None:
                other = int(np.argmax(general[row_number]))
                score = float(general[row_number, other])
                if score >= ABSENT_MIN_SIMILARITY and score >= top + ABSENT_MARGIN:
                    absent = self.general_words[other]
            found.append(WordMeaning(english, absent))
        return found


def _read_words(
    directory: Path, words_file: str, vectors_file: str
) -> tuple[list[str], npt.NDArray[np.float32]]:
    words = json.loads((directory / words_file).read_text(encoding="utf-8"))
    vectors = np.load(directory / vectors_file, allow_pickle=False).astype(np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    return [str(word) for word in words], vectors


@lru_cache(maxsize=1)
def bundled_glossary(bundle_dir: Path = DEFAULT_BUNDLE_DIR) -> Glossary | None:
    """The bundle's glossary, or None (logged once) when the bundle has none."""
    if not (bundle_dir / GLOSSARY_WORDS).is_file() or not (bundle_dir / GLOSSARY_VECTORS).is_file():
        logger.warning("no glossary in %s: foreign words stay untranslated", bundle_dir)
        return None
    return Glossary.load(bundle_dir, GENERAL_DIR)


class WordTranslator:
    """Translate the words of a question into the corpus's English words, remembering what it did."""

    def __init__(self, glossary: Glossary, embed_queries: QueryEmbedding) -> None:
        """Args:
        glossary: The English words to translate into.
        embed_queries: E5 query-side embedding of several short texts at once.
        """
        self.glossary = glossary
        self._embed_queries = embed_queries
        self._known: dict[str, WordMeaning] = {}
        self._lock = threading.Lock()

    def translations(self, text: str) -> dict[str, tuple[str, ...]]:
        """Each word of ``text`` that is not an English corpus word → the English words it means
        (only words with a translation are listed)."""
        return {word: meaning.english for word, meaning in self.meanings(text).items() if meaning.english}

    def absent_words(self, text: str) -> dict[str, str]:
        """Each word of ``text`` that clearly means an English word the corpus lacks → that word."""
        return {word: meaning.absent for word, meaning in self.meanings(text).items() if meaning.absent}

    def meanings(self, text: str) -> dict[str, WordMeaning]:
        """What each content word of ``text`` that is not an English corpus word means."""
        words = _content_words(text)
        todo = [
            word
            for word in dict.fromkeys(words)
            if word not in self._known and word.lower() not in self.glossary
        ]
        fresh: dict[str, WordMeaning] = {}
        if todo:
            vectors = np.asarray(self._embed_queries(todo), dtype=np.float32)
            fresh = dict(zip(todo, self.glossary.nearest(vectors), strict=True))
            with self._lock:
                if len(self._known) > MAX_REMEMBERED:
                    self._known.clear()  # a server's memory stays bounded; words are cheap to redo
                self._known.update(fresh)
        return {
            word: fresh.get(word) or self._known.get(word, NOTHING)
            for word in words
            if word.lower() not in self.glossary
        }

    def english_words(self, text: str) -> list[str]:
        """The English words that translate ``text``'s words, in the question's order, once each."""
        return list(dict.fromkeys(word for english in self.translations(text).values() for word in english))

    def rendering(self, text: str) -> str:
        """``text`` with each translated word replaced by its English words ("um Drohnen" → "um drones
        drone"): what checks reading the question's words (evidence, sentence scoring) then read."""
        found = self.translations(text)
        if not found:
            return text
        return _QUESTION_WORD.sub(lambda m: " ".join(found.get(m.group(0), (m.group(0),))), text)


def is_function_word(word: str) -> bool:
    """Whether ``word`` is a function word of one of the five other product languages ("um", "czego")."""
    return fold(word) in _FOREIGN_STOPWORDS


def _content_words(text: str) -> list[str]:
    return [
        word
        for word in _QUESTION_WORD.findall(text)
        if len(word) >= 4
        and word.lower() not in STOPWORDS_EN
        and fold(word) not in _FOREIGN_STOPWORDS
        and not word.isupper()
    ]
