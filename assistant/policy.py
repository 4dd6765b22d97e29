"""Policy answers: the few passage sentences that answer the question, each cited.

Sentences of the top policy passages are scored by the share of the question's topical words they
contain, with a small prior for better-ranked passages; boilerplate (link lists, ``[image]``
leftovers, navigation, fragments) and anything phrased as an instruction to an assistant (prompt
injection: "ignore previous instructions", "reply with ...") are never selected.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from assistant.citations import content_tokens, split_sentences
from assistant.composer import Evidence
from assistant.entities import Entities
from assistant.injection import looks_like_instruction
from assistant.language import _, quoted
from assistant.models import Passage
from assistant.sentences import (
    CONTINUATION_SHARE,
    QuestionProfile,
    asks_count,
    asks_when,
    continues,
    has_answer_type,
    question_profile,
    sentence_score,
)
from corpus.models import Chunk, DocType
from retrieval.filters import SearchFilters
from retrieval.search import Hit, HybridRetriever

MAX_SENTENCES = 3
MAX_PER_PASSAGE = 2
PASSAGES_READ = 5
SEARCH_K = 8
MIN_WORDS = 6
MAX_CHARS = 450
RANK_PRIOR = 0.15
"""Weight of the passage's rank (1/rank) next to the sentence's term overlap (0..1)."""

_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
"""A web address inside a sentence: removed (a sentence that is mostly links is boilerplate)."""
_BOILERPLATE = re.compile(
    r"\[image\]|\[img\]|!\[|https?://|www\.|click here|read more|cookie|all rights reserved|subscribe"
    r"|newsletter|skip to|back to top|share on|follow us|\|\s*\w+\s*\|",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z]{2,}")
_LEFTOVER = re.compile(r"\[(?:image|img|figure|graphic)\]", re.IGNORECASE)
"""Converter leftovers removed before sentences are split (the sentence around them stays usable)."""


def is_boilerplate(sentence: str) -> bool:
    """Link lists, image leftovers, navigation, fragments and over-long run-ons."""
    if _BOILERPLATE.search(sentence) or len(sentence) > MAX_CHARS:
        return True
    words = _WORD.findall(sentence)
    if len(words) < MIN_WORDS:
        return True
    letters = sum(char.isalpha() for char in sentence)
    return letters < 0.6 * len(sentence.replace(" ", ""))


def candidate_sentences(text: str) -> list[str]:
    """The sentences of a passage that may be quoted (its context header line dropped)."""
    lines = text.splitlines()
    body = "\n".join(lines[1:]) if len(lines) > 1 and " — " in lines[0] else text
    body = _LEFTOVER.sub(" ", body)
    return [
        sentence
        for sentence in map(_without_links, split_sentences(body))
        if not is_boilerplate(sentence) and not looks_like_instruction(sentence)
    ]


def _without_links(sentence: str) -> str:
    """``sentence`` without its web addresses, unless it is mostly links (then kept, to be rejected).

    Mostly links: several addresses and little else ("See https://a and https://b for more."). A
    sentence that names two sites in passing keeps its words: "a delegation of 19 European cluster
    organisations from 10 EU countries … was organised by BILAT USA 4.0 www.… and the ECCP www.…"."""
    links = _URL.findall(sentence)
    text = " ".join(_URL.sub(" ", sentence).split())
    if len(links) > 1 and (len(_WORD.findall(text)) < 2 * MIN_WORDS or len(text) < sum(map(len, links))):
        return sentence
    return text


def _stem(word: str) -> str:
    return word[:7] if len(word) >= 7 else word


def score_sentence(sentence: str, terms: set[str], rank: int) -> float:
    """Share of ``terms`` in the sentence (7-letter stems: globalise ~ globalisation) plus a rank prior."""
    if not terms:
        return RANK_PRIOR / rank
    stems = {_stem(word) for word in content_tokens(sentence)}
    overlap = sum(_stem(term) in stems for term in terms) / len(terms)
    return overlap + RANK_PRIOR / rank if overlap else 0.0


def search_policy(
    *, retriever: HybridRetriever, query: str, filters: SearchFilters, today: dt.date
) -> list[Hit]:
    """Policy-document hits for ``query``."""
    wanted = filters.model_copy(update={"doc_type": DocType.POLICY})
    return retriever.search(query=query, k=SEARCH_K, filters=wanted, today=today).hits


WHOLE_DOCUMENTS = 2
"""Documents read whole for a question not in English (:func:`with_whole_documents`)."""


def with_whole_documents(
    hits: Sequence[Hit], chunks_of: Callable[[str], Sequence[Chunk]], documents: int = WHOLE_DOCUMENTS
) -> list[Hit]:
    """The best :data:`PASSAGES_READ` ``hits``, then every other passage of the best ``documents``
    documents among them, in reading order (a policy document has about ten)."""
    read = list(hits[:PASSAGES_READ])
    seen = {hit.chunk_id for hit in read}
    for doc_id in list(dict.fromkeys(hit.doc_id for hit in read))[:documents]:
        for chunk in chunks_of(doc_id):
            if chunk.chunk_id not in seen:
                seen.add(chunk.chunk_id)
                read.append(Hit.of(chunk, rank=len(read) + 1, score=0.0))
    return read


def policy_evidence(
    *,
    question: str,
    entities: Entities,
    hits: Sequence[Hit],
    similarity: Callable[[Sequence[str]], Sequence[float]] | None = None,
    words_of: str | None = None,
    read: int | None = PASSAGES_READ,
) -> Evidence:
    """Evidence for a policy question: up to :data:`MAX_SENTENCES` cited sentences.

    Sentences are ranked by :func:`~assistant.sentences.sentence_score` plus a prior for better
    ranked passages; a sentence continuing a relevant passage ("To address this, ...") inherits most
    of the best score just before it (fading by sentence), since it usually carries the answer.

    Args:
        similarity: For a question not in English (its words are not in the English sentences): the
            question's similarity to each sentence in a multilingual vector space, which then scores
            the sentences too (:func:`crosslingual_score`).
        words_of: The question as its words are matched against the sentences: for a question not
            in English, with its words translated into English ones (default: ``question``).
        read: How many of ``hits`` to read (None: all).
    """
    profile = answer_profile(question, words_of)
    sentences = [candidate_sentences(hit.text) for hit in hits[:read]]
    closeness = _closeness(sentences, similarity, profile)
    scored: list[tuple[float, int, int, str]] = []
    for rank, (hit, passage) in enumerate(zip(hits, sentences, strict=False), 1):
        previous = 0.0
        for position, sentence in enumerate(passage):
            if _same_text(sentence, hit.title):
                previous = 0.0
                continue  # a title repeated in the body says nothing
            score = sentence_score(sentence, profile, closeness=closeness.get((rank, position), 0.0))
            if similarity is not None and not has_answer_type(sentence, profile):
                score *= ANSWER_TYPE_MISS
            if previous and continues(sentence):
                score = max(score, CONTINUATION_SHARE * previous)
            previous = max(score, CONTINUATION_SHARE * previous)  # the paragraph's topic fades slowly
            if score > 0:
                scored.append((score + RANK_PRIOR / rank, rank, position, sentence))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    chosen: list[tuple[int, int, str]] = []
    per_passage: dict[int, int] = {}
    seen: set[str] = set()
    for _score, rank, position, sentence in scored:
        key = " ".join(sentence.lower().split())
        if per_passage.get(rank, 0) >= MAX_PER_PASSAGE or key in seen:
            continue
        chosen.append((rank, position, sentence))
        per_passage[rank] = per_passage.get(rank, 0) + 1
        seen.add(key)
        if len(chosen) >= MAX_SENTENCES:
            break
    if not chosen:
        return Evidence(
            intent="policy",
            question=question,
            intro=_("I found no passage in the policy documents that answers this."),
            grounded=False,
        )
    numbers: dict[int, int] = {}
    for rank, _position, _sentence in chosen:
        numbers.setdefault(rank, len(numbers) + 1)
    passages = tuple(_passage(hits[rank - 1], n) for rank, n in numbers.items())
    # The sentences are the English sources' own words: marked as quotes in another language.
    lines = tuple(f"{quoted(_as_claim(sentence))} [{numbers[rank]}]" for rank, _position, sentence in chosen)
    titles = list(dict.fromkeys(hits[rank - 1].title for rank in numbers))
    return Evidence(
        intent="policy",
        question=question,
        passages=passages,
        intro=_("From {titles}:").format(titles=_join(titles)),
        lines=lines,
        focus_doc_ids=tuple(dict.fromkeys(hits[rank - 1].doc_id for rank in numbers)),
    )


ANSWER_TYPE_MISS = 0.5
"""For a question not in English: the share of its score a sentence keeps when it lacks the kind of
answer asked (no new number for "wie viele", no date for "seit wann"). Its translated words match
the English sentences poorly, so the kind of answer is the stronger sign of the sentence that holds it."""


def answer_profile(question: str, words_of: str | None = None) -> QuestionProfile:
    """What a sentence must hold to answer ``question``: the terms of ``words_of`` (its words in
    English) or of ``question``, and the kind of answer asked in the question's own language too
    ("Z ilu krajów ..." asks a number, "Do którego roku ..." a year)."""
    profile = question_profile(words_of or question)
    rendered = words_of or question
    return replace(
        profile,
        count=profile.count or asks_count(question) or asks_count(rendered),
        when=profile.when or asks_when(question) or asks_when(rendered),
    )


def asks_fact(question: str) -> bool:
    """Whether ``question``, in any of the six languages, asks how many, how much, when or which year:
    a fact a policy text states rather than a list of calls or partners."""
    return asks_count(question) or asks_when(question)


_POLICY_SUBJECT = re.compile(
    r"\b(?:workshops?|missions?|matchmaking|delegations?|seminars?|conferences?|programmes?|programs?"
    r"|polic(?:y|ies)|strateg(?:y|ies))\b",
    re.IGNORECASE,
)
"""What a policy text reports on: events (a workshop, mission, matchmaking), programmes, policies."""


def asks_about_policy(question: str, english: str | None = None) -> bool:
    """Whether ``question`` asks a fact (:func:`asks_fact`) or about a policy event, programme or
    policy ("Qui animait la dernière journée de l'atelier UE-USA ?": ``english``, its words in
    English, says "workshop")."""
    return asks_fact(question) or bool(_POLICY_SUBJECT.search(english or question))


CROSSLINGUAL_FLOOR = 0.78
"""Multilingual (E5) similarity of a question to a sentence below which the sentence is not about it."""
CROSSLINGUAL_SCALE = 10.0
"""Score per unit of similarity above the floor: 0.88, a close match, scores 1 (all topical words)."""


CROSSLINGUAL_SENTENCES = 16
"""Sentences embedded per question, the best-ranked passages' first. E5 embeds ~900 tokens/s on two
cores: 16 sentences cut at :data:`CROSSLINGUAL_SENTENCE_CHARS` cost ~0.3 s on a quiet machine (24
whole ones 0.55 s), paid only by policy questions not in English."""
CROSSLINGUAL_SENTENCE_CHARS = 200


def crosslingual_score(similarity: float) -> float:
    """A sentence's score from its multilingual similarity to the question (0 at or below the floor)."""
    return min(1.5, max(0.0, similarity - CROSSLINGUAL_FLOOR) * CROSSLINGUAL_SCALE)


def _closeness(
    sentences: list[list[str]],
    similarity: Callable[[Sequence[str]], Sequence[float]] | None,
    profile: QuestionProfile,
) -> dict[tuple[int, int], float]:
    """(rank, position) → :func:`crosslingual_score` of each sentence; empty without ``similarity``.

    The cost is per sentence, so :data:`CROSSLINGUAL_SENTENCES` of every passage read are embedded:
    those holding the kind of answer asked first (a number for "combien": the sentence with the
    workshop's 77 attendees is in the middle of its document), sharing most translated words
    first, then the best-ranked passages'."""
    if similarity is None:
        return {}

    def priority(place: tuple[int, int]) -> tuple[bool, float]:
        sentence = sentences[place[0] - 1][place[1]]
        return not has_answer_type(sentence, profile), -sentence_score(sentence, profile)

    every = [(rank, at) for rank, passage in enumerate(sentences, 1) for at in range(len(passage))]
    places = sorted(every, key=priority)[:CROSSLINGUAL_SENTENCES]  # stable: rank order among equals
    scores = similarity([sentences[rank - 1][at][:CROSSLINGUAL_SENTENCE_CHARS] for rank, at in places])
    return {place: crosslingual_score(score) for place, score in zip(places, scores, strict=True)}


def _same_text(sentence: str, title: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(re.findall(r"\w+", text.lower()))

    return norm(sentence) == norm(title)


def _as_claim(sentence: str) -> str:
    text = " ".join(sentence.split()).lstrip("-•*· ").strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _join(titles: Sequence[str]) -> str:
    quoted = [_("“{title}”").format(title=title) for title in titles]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + _(" and ") + quoted[-1]


def _passage(hit: Hit, n: int) -> Passage:
    return Passage(
        n=n,
        doc_id=hit.doc_id,
        chunk_id=hit.chunk_id,
        doc_type=hit.doc_type.value,
        title=hit.title,
        identifier=hit.identifier,
        url=hit.url,
        text=hit.text,
    )
