"""Partner answers: cluster organisations ranked, each with where it is and *why* it matched.

Retrieval picks candidates (restricted to the countries the question names, regions expanded);
each candidate's :class:`~corpus.models.ClusterProfile` is loaded from the record store and its
reasons are read from the record: matching sector tags with their evidence (inferred tags said to
be inferred), technologies, collaboration interests, and the country or region asked for.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from assistant.composer import Evidence
from assistant.entities import Entities
from assistant.language import N_, _, answer_language, country, region, sector
from assistant.models import Passage
from corpus.chunking import profile_card
from corpus.folding import fold
from corpus.models import ClusterProfile, DocType, SectorTag
from corpus.places import MACRO_REGIONS
from corpus.sectors import mentions_sector, sector_matches, sector_phrases
from corpus.store import RecordStore
from retrieval.filters import SearchFilters
from retrieval.search import Hit, HybridRetriever

MAX_PARTNERS = 6
SEARCH_K = 24


# How the ingest words an inferred tag's evidence (corpus.sectors); read back to word it in the
# answer's language with the quoted name or category, which stay as the record has them.
_EVIDENCE_FORMS = (
    N_("name contains '{word}'"),
    N_("US cluster category '{category}'"),
)


def _evidence(text: str) -> str:
    if answer_language() == "en":
        return text
    for form in _EVIDENCE_FORMS:
        head, _field, tail = form.partition("{")
        field, _brace, rest = tail.partition("}")
        if text.startswith(head) and text.endswith(rest) and len(text) > len(head) + len(rest):
            return _(form).format(**{field: text[len(head) : len(text) - len(rest)]})
    return text


def _tag_reason(tag: SectorTag) -> str:
    name = sector(tag.sector)
    if not tag.inferred:
        return _("{sector} (stated in its profile)").format(sector=name)
    evidence = f": {_evidence(tag.evidence)}" if tag.evidence else ""
    if tag.source == "us-cluster-definition":
        return _("{sector} (inferred from its US cluster category{evidence})").format(
            sector=name, evidence=evidence
        )
    return _("{sector} (inferred from the name{evidence})").format(sector=name, evidence=evidence)


def match_reasons(profile: ClusterProfile, entities: Entities) -> list[str]:
    """Why ``profile`` answers a partner question naming ``entities`` (empty: no stated match)."""
    reasons: list[str] = []
    for label in entities.sectors:
        tags = [tag for tag in profile.sectors if sector_matches(label, tag.sector)]
        # Prefer a tag stated in the profile over an inferred one for the same sector.
        tags.sort(key=lambda tag: tag.inferred)
        if tags:
            reasons.append(_tag_reason(tags[0]))
            continue
        technologies = [t for t in profile.technologies if mentions_sector(label, t)]
        if technologies:
            reasons.append(_("technologies: {names}").format(names=", ".join(technologies)))
        elif profile.description and mentions_sector(label, profile.description):
            mentioned = sector_phrases(label)[0] if answer_language() == "en" else sector(label)
            reasons.append(_("its description mentions {sector}").format(sector=mentioned))
    interests = [
        interest
        for interest in profile.collaboration_interests
        if any(mentions_sector(label, interest) for label in entities.sectors)
    ]
    if interests:
        reasons.append(_("looking for: {interests}").format(interests=", ".join(interests)))
    return reasons


def _macro_regions(entities: Entities) -> list[str]:
    return [name for name in entities.regions if name in MACRO_REGIONS]


def located_in(profile: ClusterProfile, entities: Entities) -> str | None:
    """The region or city the question names ("Bayern", "Milano") as the profile's city or name
    says it, else None. Records give a country and a city, not a region, so a question naming
    Bavaria searches Germany; only what the record itself says places an organisation there."""
    where = fold(f"{profile.city or ''} {profile.title}")
    for name in entities.regions:
        if name not in MACRO_REGIONS and re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", where):
            return name
    return None


def place_reason(profile: ClusterProfile, entities: Entities) -> str | None:
    """``in Central Europe`` / ``in Spain`` / ``in Bayern`` when the question asked for that place and
    the record is there (an organisation elsewhere in Germany is ``in Germany``, not in Bavaria)."""
    if not entities.countries or profile.country not in entities.countries:
        return None
    macro = _macro_regions(entities)
    if macro:
        return _in_place().format(place=region(macro[0]))
    return _in_place().format(place=located_in(profile, entities) or country(profile.country))


def _in_place() -> str:
    """The place reason's pattern; partner_line tells place reasons apart by its opening words."""
    return _("in {place}")


def partner_line(profile: ClusterProfile, reasons: Sequence[str], n: int) -> str:
    """One bullet: name — city, country; matched on ...; ``[n]``."""
    place = ", ".join(
        part for part in (profile.city, country(profile.country) if profile.country else None) if part
    )
    head = f"{profile.title} — {place}" if place else profile.title
    in_place = _in_place().split("{place}")[0]
    matched = [reason for reason in reasons if not reason.startswith(in_place)]
    places = [reason for reason in reasons if reason.startswith(in_place)]
    parts = ([_("matched on {reasons}").format(reasons="; ".join(matched))] if matched else []) + places
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
    # Those the record places in the region or city asked for first, then retrieval's order.
    scored.sort(key=lambda item: (item[0], located_in(item[2], entities) is None, item[1]))
    chosen = scored[:MAX_PARTNERS]
    where = _where(entities)
    if not chosen:
        wanted = ", ".join(sector(label) for label in entities.sectors) or _("that profile")
        none = (
            _("I found no cluster organisation in {place} matching {wanted} in the corpus.")
            if where
            else _("I found no cluster organisation matching {wanted} in the corpus.")
        )
        return Evidence(
            intent="partners",
            question=question,
            intro=none.format(place=where, wanted=wanted),
            notes=(_("Try a neighbouring sector or a wider region (e.g. 'Central Europe', 'Nordics')."),),
            grounded=False,
        )
    passages = tuple(
        profile_passage(profile, n) for n, (_group, _rank, profile, _why) in enumerate(chosen, 1)
    )
    lines = tuple(
        partner_line(profile, reasons, n) for n, (_group, _rank, profile, reasons) in enumerate(chosen, 1)
    )
    intro = (
        _("Cluster organisations in {place} that match, best first:")
        if where
        else _("Cluster organisations that match, best first:")
    )
    return Evidence(
        intent="partners",
        question=question,
        passages=passages,
        intro=intro.format(place=where),
        lines=lines,
        focus_doc_ids=tuple(profile.doc_id for _group, _rank, profile, _why in chosen),
    )


def _where(entities: Entities) -> str:
    """The place searched (a macro-region first, else its countries: a region or city is searched
    as its country, see :func:`located_in`), or ""."""
    macro = _macro_regions(entities)
    if macro:
        return region(macro[0])
    return ", ".join(country(code) for code in entities.countries)
