"""The English gold of the partners dev set (issue 13), computed from the bundled cluster records.

The partners dev set (``evals/datasets/i18n/partners_dev_<lang>.jsonl``, docs/languages-eval.md) is
tuning material for partner searches in German, French, Spanish, Italian and Polish: sector by
country, by macro-region, by region or city, technology words that are no sector label, home vs
target country. Its English cases (``partners_dev_en.jsonl``) get their gold here, by the rule of the
English partner cases of ``answers.jsonl`` and of :mod:`evals.answers_dev_gold`:

- ``must_cite`` (any of them): the cluster organisations of the countries asked for (a macro-region's
  members; a region or city counts as its country, as the product reads it) with the sector among
  their sector tags, given or inferred;
- ``must_not_cite``: the organisations tagged with that sector in every other country (for a home vs
  target question, the home country's among them);
- ``must_contain``: "inferred" when every organisation to cite has the sector only as an inferred tag
  (the answer must say so), and for a single country its English name (the answer names it).

Translated cases copy this gold and say "inferred" and the country in their language
(:func:`local_forms`): the catalog's word for inferred, and the country's CLDR name with its regular
case forms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from corpus.models import AnyRecord, ClusterProfile
from corpus.place_names import MACRO_REGIONS
from corpus.places import case_forms, country_name
from evals.answers_dev_gold import DEFAULT_TODAY, GoldError, clusters_of
from evals.answers_eval import AnswerCase

INFERRED = "inferred"
INFERRED_FORMS: dict[str, tuple[str, ...]] = {
    "de": ("abgeleitet*", "hergeleitet*"),
    "fr": ("déduit*", "inféré*"),
    "es": ("deducid*", "inferid*"),
    "it": ("dedott*", "desunt*"),
    "pl": ("wywnioskowan*",),
}
"""How an answer in each language says a sector was inferred (the answers dev set's forms)."""


@dataclass(frozen=True)
class PartnerSearch:
    """A partner search for ``sector`` in ``countries`` (ISO codes), or in the ``region``'s members."""

    id: str
    question: str
    sector: str
    countries: tuple[str, ...] = ()
    region: str = ""
    """A macro-region of :data:`corpus.place_names.MACRO_REGIONS`; its members are the countries."""
    kind: str = "country"
    """What the case exercises: country, macro-region, region (a region or city), technology, home-target."""
    today: dt.date = DEFAULT_TODAY

    def wanted(self) -> tuple[str, ...]:
        """The ISO codes whose organisations answer."""
        return tuple(MACRO_REGIONS[self.region]) if self.region else self.countries


PARTNER_SEARCHES: tuple[PartnerSearch, ...] = (
    # Sector by country.
    PartnerSearch("pd-01", "Photonics clusters in France", "photonics", ("FR",)),
    PartnerSearch("pd-02", "Agri-food clusters in Italy", "Agri-food", ("IT",)),
    PartnerSearch("pd-03", "Health and medical technology clusters in Germany", "Health", ("DE",)),
    PartnerSearch(
        "pd-04", "Automotive and mobility clusters in Spain", "Mobility-Transport-Automotive", ("ES",)
    ),
    PartnerSearch("pd-05", "Digital and ICT clusters in Poland", "Digital", ("PL",)),
    PartnerSearch("pd-06", "Renewable energy clusters in Germany", "Renewable Energy", ("DE",)),
    PartnerSearch("pd-07", "Aerospace clusters in Italy", "Aerospace & Defence", ("IT",)),
    PartnerSearch("pd-08", "Maritime clusters in France", "maritime", ("FR",)),
    PartnerSearch("pd-09", "Textile and fashion clusters in Italy", "Textile", ("IT",)),
    PartnerSearch("pd-10", "Tourism clusters in Spain", "Tourism", ("ES",)),
    PartnerSearch("pd-11", "Construction clusters in the Czech Republic", "Construction", ("CZ",)),
    PartnerSearch("pd-12", "Electronics clusters in Austria", "Electronics", ("AT",)),
    PartnerSearch("pd-13", "Chemical industry clusters in Poland", "Energy-Intensive Industries", ("PL",)),
    PartnerSearch(
        "pd-14", "Creative industries clusters in France", "Cultural & Creative Industries", ("FR",)
    ),
    PartnerSearch("pd-15", "Biotech clusters in Spain", "biotechnology", ("ES",)),
    PartnerSearch("pd-16", "Circular economy clusters in Finland", "circular economy", ("FI",)),
    PartnerSearch("pd-17", "Water clusters in Finland", "water", ("FI",)),
    PartnerSearch("pd-18", "Digital clusters in Hungary", "Digital", ("HU",)),
    PartnerSearch("pd-19", "Health clusters in Romania", "Health", ("RO",)),
    # Technology words that are not sector labels.
    PartnerSearch(
        "pd-20", "Composites and plastics clusters in Germany", "plastics", ("DE",), kind="technology"
    ),
    PartnerSearch("pd-21", "Nanotechnology clusters in Poland", "nanotechnology", ("PL",), kind="technology"),
    PartnerSearch(
        "pd-22",
        "Advanced manufacturing and 3D printing clusters in Italy",
        "advanced manufacturing",
        ("IT",),
        kind="technology",
    ),
    PartnerSearch("pd-23", "Laser and optics clusters in Italy", "photonics", ("IT",), kind="technology"),
    # Sector by macro-region.
    PartnerSearch("pd-24", "Digital clusters in Central Europe", "Digital", region="Central Europe"),
    PartnerSearch("pd-25", "Agri-food clusters in Eastern Europe", "Agri-food", region="Eastern Europe"),
    PartnerSearch("pd-26", "Health clusters in Northern Europe", "Health", region="Northern Europe"),
    PartnerSearch(
        "pd-27",
        "Transport and logistics clusters in the Baltics",
        "Mobility-Transport-Automotive",
        region="Baltics",
    ),
    PartnerSearch("pd-28", "Tourism clusters in the Balkans", "Tourism", region="Balkans"),
    PartnerSearch(
        "pd-29", "Renewable energy clusters in Southern Europe", "Renewable Energy", region="Southern Europe"
    ),
    # A region or city: read as its country.
    PartnerSearch("pd-30", "Aerospace clusters in Bavaria", "Aerospace & Defence", ("DE",), kind="region"),
    PartnerSearch("pd-31", "Textile clusters in Catalonia", "Textile", ("ES",), kind="region"),
    PartnerSearch("pd-32", "Agri-food clusters in Greater Poland", "Agri-food", ("PL",), kind="region"),
    PartnerSearch("pd-33", "Health clusters around Milan", "Health", ("IT",), kind="region"),
    # Home vs target.
    PartnerSearch(
        "pd-34",
        "We are a Polish company looking for automotive partners in Germany",
        "Mobility-Transport-Automotive",
        ("DE",),
        kind="home-target",
    ),
    PartnerSearch(
        "pd-35",
        "We are an Italian cluster looking for maritime partners in Spain",
        "maritime",
        ("ES",),
        kind="home-target",
    ),
)


def _inferred_only(profile: ClusterProfile, sector: str) -> bool:
    return all(tag.inferred for tag in profile.sectors if tag.sector == sector)


def gold_case(search: PartnerSearch, records: Sequence[AnyRecord]) -> AnswerCase:
    """The English case of ``search`` with its gold computed from ``records``.

    Raises:
        GoldError: No organisation of the countries asked for carries the sector.
    """
    tagged = clusters_of((r for r in records if isinstance(r, ClusterProfile)), search.sector)
    wanted = set(search.wanted())
    inside = sorted((c for c in tagged if c.country in wanted), key=lambda c: c.doc_id)
    if not inside:
        raise GoldError(f"{search.id}: no {search.sector} organisation in {', '.join(sorted(wanted))}")
    facts: list[str] = []
    if all(_inferred_only(profile, search.sector) for profile in inside):
        facts.append(INFERRED)
    if len(wanted) == 1:
        facts.append(country_name(next(iter(wanted))) or "")
    where = search.region or ", ".join(search.countries)
    return AnswerCase(
        id=search.id,
        category="partners",
        turns=(search.question,),
        today=search.today,
        must_contain=tuple(facts),
        must_cite=tuple(c.doc_id for c in inside),
        must_not_cite=tuple(sorted(c.doc_id for c in tagged if c.country not in wanted)),
        note=f"gold ({search.kind}): organisations in {where} tagged {search.sector!r}; "
        "those of other countries must not be cited",
    )


def gold_cases(
    records: Sequence[AnyRecord], searches: Sequence[PartnerSearch] = PARTNER_SEARCHES
) -> list[AnswerCase]:
    """Every search's English case, in the searches' order."""
    return [gold_case(search, records) for search in searches]


def local_forms(
    case: AnswerCase, lang: str, searches: Iterable[PartnerSearch] = PARTNER_SEARCHES
) -> dict[str, tuple[str, ...]]:
    """How a case's English facts are said in ``lang``: "inferred" in the catalog's word, the country
    by its CLDR name in the language and that name's regular case forms ("Niemcy", "Węgry")."""
    en_id = getattr(case, "en_id", case.id)  # a translated case names its English one
    search = next(s for s in searches if s.id == en_id)
    forms: dict[str, tuple[str, ...]] = {}
    for fact in case.must_contain:
        if fact == INFERRED:
            forms[fact] = INFERRED_FORMS[lang]
        elif len(search.wanted()) == 1:
            name = country_name(search.wanted()[0], lang) or fact
            forms[fact] = tuple(dict.fromkeys((name, *case_forms(name, lang))))
    return forms
