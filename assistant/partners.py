"""Partner answers: cluster organisations ranked, each with where it is and *why* it matched.

Retrieval picks candidates (restricted to the countries the question names, regions expanded);
each candidate's :class:`~corpus.models.ClusterProfile` is loaded from the record store and its
reasons are read from the record: matching sector tags with their evidence (inferred tags said to
be inferred), technologies, collaboration interests, and the country or region asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from assistant.composer import Evidence
from assistant.entities import Entities
from assistant.models import Passage
from corpus.chunking import profile_card
from corpus.geo import country_name
from corpus.models import ClusterProfile, DocType, SectorTag
from corpus.sectors import mentions_sector, sector_matches, sector_phrases
from corpus.store import RecordStore
from retrieval.filters import SearchFilters
from retrieval.search import Hit, HybridRetriever

MAX_PARTNERS = 6
SEARCH_K = 24


def _tag_reason(tag: SectorTag) -> str:
    if not tag.inferred:
        return f"{tag.sector} (stated in its profile)"
    evidence = f": {tag.evidence}" if tag.evidence else ""
    if tag.source == "us-cluster-definition":
        return f"{tag.sector} (inferred from its US cluster category{evidence})"
    return f"{tag.sector} (inferred from the name{evidence})"


def match_reasons(profile: ClusterProfile, entities: Entities) -> list[str]:
    """Why ``profile`` answers a partner question naming ``entities`` (empty: no stated match)."""
    reasons: list[str] = []
    for sector in entities.sectors:
        tags = [tag for tag in profile.sectors if sector_matches(sector, tag.sector)]
        # Prefer a tag stated in the profile over an inferred one for the same sector.
        tags.sort(key=lambda tag: tag.inferred)
        if tags:
            reasons.append(_tag_reason(tags[0]))
            continue
        technologies = [t for t in profile.technologies if mentions_sector(sector, t)]
        if technologies:
            reasons.append("technologies: " + ", ".join(technologies))
        elif profile.description and mentions_sector(sector, profile.description):
            reasons.append(f"its description mentions {sector_phrases(sector)[0]}")
    interests = [
        interest
        for interest in profile.collaboration_interests
        if any(mentions_sector(sector, interest) for sector in entities.sectors)
    ]
    if interests:
        reasons.append("looking for: " + ", ".join(interests))
    return reasons


def place_reason(profile: ClusterProfile, entities: Entities) -> str | None:
    """``in Central Europe`` / ``in Spain`` when the question asked for that place."""
    if not entities.countries or profile.country not in entities.countries:
        return None
    macro = [region for region in entities.regions if ":" not in region]
    return f"in {macro[0]}" if macro else f"in {country_name(profile.country) or profile.country}"


def partner_line(profile: ClusterProfile, reasons: Sequence[str], n: int) -> str:
    """One bullet: name — city, country; matched on ...; ``[n]``."""
    place = ", ".join(part for part in (profile.city, country_name(profile.country)) if part)
    head = f"{profile.title} — {place}" if place else profile.title
    matched = [reason for reason in reasons if not reason.startswith("in ")]
    places = [reason for reason in reasons if reason.startswith("in ")]
    parts = ([f"matched on {'; '.join(matched)}"] if matched else []) + places
    return "; ".join([head, *parts]) + f" [{n}]"


def profile_passage(profile: ClusterProfile, n: int) -> Passage:
    """The passage numbered ``n`` for ``profile`` (its card, inferred sectors marked)."""
    return Passage(
        n=n,
        doc_id=profile.doc_id,
        chunk_id=f"{profile.doc_id}#0",
        doc_type=DocType.CLUSTER.value,
        title=profile.title,
        url=profile.website or profile.url,
        text=profile_card(profile),
    )


def partner_query(question: str, entities: Entities) -> str:
    """The retrieval text: the question plus the sector names it implies."""
    extra = [sector_phrases(sector)[0] for sector in entities.sectors]
    return " ".join([question, *extra]) if extra else question


def search_partners(
    *, retriever: HybridRetriever, query: str, entities: Entities, filters: SearchFilters, today: dt.date
) -> list[Hit]:
    """Cluster hits, restricted to the countries the question (or the caller's filters) name."""
    update: dict[str, object] = {"doc_type": DocType.CLUSTER}
    if entities.countries and not filters.countries:
        update["countries"] = tuple(entities.countries)
    wanted = filters.model_copy(update=update)
    return retriever.search(query=query, k=SEARCH_K, filters=wanted, today=today).hits


def partner_evidence(
    *, records: RecordStore, question: str, entities: Entities, hits: Sequence[Hit]
) -> Evidence:
    """Evidence for a partner search: profiles with a stated reason first, in retrieval order."""
    scored: list[tuple[int, int, ClusterProfile, list[str]]] = []
    for rank, doc_id in enumerate(dict.fromkeys(hit.doc_id for hit in hits)):
        profile = records.get_record(doc_id)
        if not isinstance(profile, ClusterProfile):
            continue
        reasons = match_reasons(profile, entities)
        if (place := place_reason(profile, entities)) is not None:
            reasons.append(place)
        sector_hit = bool(reasons) and (not entities.sectors or len(reasons) > (place is not None))
        scored.append((0 if sector_hit else 1, rank, profile, reasons))
    if entities.sectors:
        scored = [item for item in scored if item[0] == 0]
    scored.sort(key=lambda item: (item[0], item[1]))
    chosen = scored[:MAX_PARTNERS]
    where = _where(entities)
    if not chosen:
        wanted = ", ".join(entities.sectors) or "that profile"
        return Evidence(
            intent="partners",
            question=question,
            intro=f"I found no cluster organisation{where} matching {wanted} in the corpus.",
            notes=("Try a neighbouring sector or a wider region (e.g. 'Central Europe', 'Nordics').",),
            grounded=False,
        )
    passages = tuple(profile_passage(profile, n) for n, (_, _, profile, _) in enumerate(chosen, 1))
    lines = tuple(partner_line(profile, reasons, n) for n, (_, _, profile, reasons) in enumerate(chosen, 1))
    return Evidence(
        intent="partners",
        question=question,
        passages=passages,
        intro=f"Cluster organisations{where} that match, best first:",
        lines=lines,
        focus_doc_ids=tuple(profile.doc_id for _, _, profile, _ in chosen),
    )


def _where(entities: Entities) -> str:
    macro = [region for region in entities.regions if ":" not in region]
    if macro:
        return f" in {macro[0]}"
    names = [country_name(code) or code for code in entities.countries]
    return f" in {', '.join(names)}" if names else ""
