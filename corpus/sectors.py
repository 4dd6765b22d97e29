"""The one sector vocabulary: the labels records carry, the phrases questions use, one matcher;
and sector inference for name-only cluster profiles.

Records are tagged with the labels of :data:`ECOSYSTEMS` and :data:`TECHNOLOGIES`; questions name
them through :data:`SECTOR_SYNONYMS` (read by :func:`retrieval.query.find_sectors`); retrieval's
sector boost and the partner answers compare the two with :func:`sector_matches`.

The ECCP registry gives only a name (often in the national language) and the US cluster file only
a name and its US cluster categories, so sectors are *inferred* and flagged as such:

- from the name, with keywords in English and the registry's main languages (word-start matching
  on accent-folded lower-case text; short acronyms such as ``AI`` or ``ICT`` match case-sensitively
  as whole words), mapped to the 14 EU industrial ecosystems plus finer technology tags;
- from US cluster categories (benchmark cluster definitions and their sub-clusters), mapped by hand.

Keyword mini-language: ``stem*`` = a word starting with ``stem``; ``*stem*`` = ``stem`` anywhere
(for compounds such as "Elektromobilität"); a plain word must match whole; ``=AI`` is
case-sensitive. Longer keywords are tried first and a word claimed by one keyword is not matched
again, so "Biomasa" is renewable energy and not the generic ``bio*``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from corpus.folding import fold_same_length
from corpus.models import SectorTag
from corpus.sector_names import COMPOUND_TAILS, SECTOR_TRANSLATIONS

AEROSPACE = "Aerospace & Defence"
AGRI_FOOD = "Agri-food"
CONSTRUCTION = "Construction"
CREATIVE = "Cultural & Creative Industries"
DIGITAL = "Digital"
ELECTRONICS = "Electronics"
ENERGY_INTENSIVE = "Energy-Intensive Industries"
RENEWABLES = "Renewable Energy"
HEALTH = "Health"
MOBILITY = "Mobility-Transport-Automotive"
PROXIMITY = "Proximity & Social Economy"
RETAIL = "Retail"
TEXTILE = "Textile"
TOURISM = "Tourism"

ECOSYSTEMS: tuple[str, ...] = (
    AEROSPACE, AGRI_FOOD, CONSTRUCTION, CREATIVE, DIGITAL, ELECTRONICS, ENERGY_INTENSIVE,
    RENEWABLES, HEALTH, MOBILITY, PROXIMITY, RETAIL, TEXTILE, TOURISM,
)  # fmt: skip
"""The 14 EU industrial ecosystems (canonical labels)."""

SOURCE_NAME = "name-keywords"
SOURCE_US = "us-cluster-definition"

ECOSYSTEM_KEYWORDS: dict[str, tuple[str, ...]] = {
    AEROSPACE: ("aerospace*", "aeroespacial*", "aerospazio*", "aerospatial*", "aeronautic*", "aeronautique*",
                "aero", "aviation*", "aviacion*", "aviazione*", "lotnicz*", "luftfahrt*",
                "*luft- und raumfahrt*", "defence", "defense", "defensa", "difesa", "verteidigung*",
                "obronn*", "aircraft*", "savunma*", "havacilik*"),
    AGRI_FOOD: ("agri*", "agro*", "agra*", "food*", "aliment*", "lebensmittel*", "ernahrung*", "zywnos*",
                "wine*", "vino", "vinho", "wein*", "vitivin*", "dairy", "lacte*", "meat", "carne", "fleisch*",
                "fish*", "pesca", "pesquer*", "aquacult*", "acuicult*", "acquacolt*", "olive*", "olivar*",
                "fruit*", "frut*", "hortofrut*", "horticult*", "beverage*", "cheese*", "farm", "farming",
                "farmers", "cereal*", "apicult*", "nutrition*", "tobacco", "gastronom*", "bioeconom*",
                "forestry", "forest", "forst*", "landwirtschaft*", "spozyw*", "potravin*", "elelmiszer*",
                "vegetal*", "vin", "vins", "aceite*", "ganader*", "porcin*", "carnic*", "voedsel*",
                "*tuinbouw*", "livsmedel*", "skog*", "ruoka*", "metsa*", "gida", "maisto*", "toidu*",
                "partikas*", "hrana", "prehran*", "nutri*", "honey", "hemp", "greenhouse*"),
    CONSTRUCTION: ("construct*", "construc*", "costruz*", "build*", "bau", "bauwirtschaft*", "bauwesen*",
                   "bauindustrie*", "*bauen", "*holzbau*", "budownict*", "stavebn*", "edilizia", "edil*",
                   "housing", "architect*", "stone", "marble", "marmol*", "furniture*", "mueble*", "mobili",
                   "mobilier*", "mobel*", "habitat", "budow*", "mebl*", "nabytk*", "epitoipar*", "arredo*",
                   "piedra*", "bouw*", "mebel*", "mobilya*", "granit*", "batiment*", "interior*",
                   "sustainable cit*"),
    CREATIVE: ("creativ*", "kreativ*", "creative industries", "cultur*", "kultur*", "media", "medien*",
               "multimedia*", "audiovisu*", "film*", "cinema*", "game", "games", "gaming", "videogam*",
               "videojuego*", "music*", "musik*", "design*", "disen*", "disseny*", "publishing", "heritage",
               "patrimoni*", "arts", "art", "entertainment"),
    DIGITAL: ("=ICT", "=TIC", "=IKT", "=IT", "software*", "informati*", "informat*", "data", "big data",
              "cloud", "internet*", "telecom*", "blockchain*", "=IoT", "fintech*", "geospatial*",
              "smart cit*",
              "=ITC", "numerique*", "yazilim*", "bilisim*", "informac*", "communication technolog*",
              "communications technolog*", "e-business", "digi*"),
    ELECTRONICS: ("electronic*", "electronique*", "elektron*", "elettronic*", "electronica*", "sensor*",
                  "mechatron*", "meccatron*", "electrical", "elektrotech*", "electrotecn*", "smart systems",
                  "electromec*"),
    ENERGY_INTENSIVE: ("chemi*", "quimic*", "chimi*", "kemi*", "steel*", "stahl*", "acero", "metal*",
                       "metall*", "foundr*", "giesserei*", "fundicion*", "paper*", "papier*", "pulp",
                       "papel*", "glass*", "glas", "vidrio*", "vetro*", "ceramic*", "keramik*", "ceramica*",
                       "cement*", "mining", "miner*", "bergbau*", "gornict*", "werkstoff*",
                       "process industr*", "rubber*", "kimya*", "materia*", "biorefin*",
                       "bio-based", "biobased"),
    RENEWABLES: ("*energ*", "solar*", "photovolt*", "fotovolt*", "wind", "windenergie*", "windkraft*",
                 "eolic*", "renewabl*", "renovabl*", "renouvelable*", "erneuerbar*", "rinnovabil*",
                 "odnawialn*", "biomas*", "biogas*", "bioenerg*", "biofuel*", "geotherm*", "cleantech*",
                 "clean tech*", "smart grid*", "electricit*", "jeoterm*"),
    HEALTH: ("health*", "salud", "saude", "sanit*", "gesundheit*", "sante", "zdrow*", "zdrav*", "terveys*",
             "halsa*", "sundhed*", "gezondheid*", "zorg*", "salute", "salut", "sanatate", "egeszseg*",
             "saglik*", "medik*", "medycz*", "medic*", "medizin*", "medtech*", "medycyn*", "pharma*",
             "farma*", "farmac*", "life science*", "lifescience*", "life-science*", "ciencias de la vida",
             "scienze della vita", "sciences de la vie", "lebenswissenschaft*", "hospital*", "ageing",
             "aging", "dental*", "ortho*", "cosmet*", "nutraceut*", "bio*", "care", "wellbeing", "medi",
             "genom*", "immun*", "infect*", "diagnos*"),
    MOBILITY: ("automo*", "auto", "autocluster*", "car", "cars", "vehic*", "fahrzeug*", "pojazd*", "fordon*",
               "otomotiv*", "avtomo*", "autoipar*", "dopravn*", "rayli", "*mobilit*", "movilidad*",
               "mobilidade*", "transport*", "trasport*", "logisti*", "logistyk*", "freight*", "shipping*",
               "rail*", "ferroviar*", "motor*", "bicycl*", "bike*", "cycling", "fahrrad*", "autoklast*"),
    PROXIMITY: ("social econom*", "economia social", "economie sociale", "social", "sociale", "solidar*",
                "cooperativ*", "handwerk*", "craft*", "artesan*", "artisan*", "sicherheit*", "civil security",
                "civil protection"),
    RETAIL: ("retail*", "commerce", "e-commerce*", "comercio*", "commercio*", "handel*", "einzelhandel*",
             "shop*", "shopping"),
    TEXTILE: ("textil*", "tessil*", "tekstil*", "tekstyl*", "fashion*", "moda", "apparel*", "clothing",
              "garment*", "footwear*", "shoe*", "calzad*", "calzatur*", "schuh*", "leather*", "cuero",
              "cuoio", "hosiery", "calcado*", "giyim*", "deri"),
    TOURISM: ("touris*", "turis*", "turyst*", "turiz*", "hospitality", "hotel*", "travel*", "wellness",
              "cestovni ruch"),
}  # fmt: skip

TECHNOLOGY_KEYWORDS: dict[str, tuple[str, ...]] = {
    "AI": ("=AI", "=KI", "artificial intelligence", "inteligencia artificial", "intelligenza artificiale",
           "intelligence artificielle", "kunstliche intelligenz", "machine learning"),
    "battery": ("batter*", "bateri*", "batterie*", "akumulator*", "energy storage", "energiespeicher*"),
    "biotechnology": ("biotech*", "biotecnolog*", "biotechnolog*", "biotehnolog*"),
    "circular economy": ("circular*", "circul*", "recycl*", "recicla*", "kreislauf*", "waste"),
    "cybersecurity": ("cyber*", "ciber*", "cyberbezpiecz*", "cyber security", "cyber-security"),
    "drones": ("drone", "drones", "dron*", "=UAV", "unmanned*"),
    "hydrogen": ("hydrogen*", "wasserstoff*", "hidrogeno*", "hydrogene*", "idrogeno*", "wodor*", "=H2"),
    "maritime": ("maritim*", "marittim*", "maritiem*", "marine", "marina", "marino", "marin", "naval*",
                 "shipbuild*", "blue econom*", "nautic*", "nautique*", "offshore*", "ocean*", "sea", "mar",
                 "mer", "meri", "morsk*"),
    "nanotechnology": ("nano*",),
    "photonics": ("photonic*", "photonik*", "fotonik*", "fotonic*", "optic*", "optik*", "optoelectron*",
                  "laser*", "lazer*", "light", "microoptic*", "optiq*", "photoniq*", "lighting", "lys",
                  "lumiere", "luce", "licht", "opto*"),
    "robotics": ("robot*",),
    "semiconductors": ("semiconductor*", "halbleiter*", "microelectron*", "mikroelektron*", "chips",
                       "silicon"),
    "space": ("*raumfahrt*", "satellit*", "kosmicz*", "espacial", "spaziale", "rymd*", "space*"),
    "advanced manufacturing": ("manufactur*", "industry 4.0", "industrie 4.0", "industria 4.0", "=3D",
                               "additive manufactur*", "advanced manufactur*", "machinery", "maschinenbau*",
                               "fabricacion avanzada", "meccanic*", "strojir*", "makine*",
                               "production technolog*", "bienes de equipo", "capital goods", "automation",
                               "automati*", "automatiz*", "*maschinen*", "anlagenbau*", "factory",
                               "factories", "fabbrica*", "tool", "tools", "tooling", "engineering",
                               "mecani*"),
    "plastics": ("plastic*", "plast", "plastik*", "kunststof*", "polymer*", "composite*", "compositi",
                 "plasturg*"),
    "wood": ("wood*", "madera*", "holz*", "drewn*", "drzewn*", "legno", "bois", "timber", "drvn*", "drvo",
             "lemn*", "puu*", "roundwood*", "drev*", "lesn*", "puit*"),
    "packaging": ("packag*", "pack*", "*pack", "embalaj*", "envase*", "verpackung*"),
    "nuclear": ("nuclear*", "nuklear*", "nukle*", "nucleaire*"),
    "sport": ("sport*", "deport*"),
    "water": ("wasser*", "agua", "acqua", "woda", "eau", "aigua", "vatten", "water*"),
    "environment": ("umwelt*", "ambiental*", "ambiente", "ekolog*", "ecolog*", "ecotech*", "greentech*",
                    "green tech*", "enviro*"),
}  # fmt: skip

TECHNOLOGIES: tuple[str, ...] = tuple(TECHNOLOGY_KEYWORDS)
"""Finer technology tags, next to the ecosystems."""

TECHNOLOGY_ECOSYSTEMS: dict[str, tuple[str, ...]] = {
    "AI": (DIGITAL,), "battery": (RENEWABLES,), "biotechnology": (HEALTH,), "cybersecurity": (DIGITAL,),
    "drones": (AEROSPACE,), "hydrogen": (RENEWABLES,), "maritime": (MOBILITY,), "photonics": (ELECTRONICS,),
    "robotics": (DIGITAL,), "semiconductors": (ELECTRONICS,), "space": (AEROSPACE,),
    "plastics": (ENERGY_INTENSIVE,), "wood": (CONSTRUCTION,),
}  # fmt: skip
"""Ecosystems a technology tag implies (e.g. a battery cluster is in Renewable Energy)."""

# US benchmark cluster categories (2007 definitions in clusters-list.json and the 2013 names used by
# the organisations file) → ecosystems and technology tags, read off their sub-clusters.
US_CATEGORY_TAGS: dict[str, tuple[str, ...]] = {
    "Aerospace Vehicles and Defense": (AEROSPACE, "space"),
    "Aerospace Engines": (AEROSPACE,),
    "Agricultural Inputs and Services": (AGRI_FOOD,),
    "Agricultural Products": (AGRI_FOOD,),
    "Analytical Instruments": (ELECTRONICS, "photonics"),
    "Apparel": (TEXTILE,),
    "Automotive": (MOBILITY,),
    "Biopharmaceuticals": (HEALTH, "biotechnology"),
    "Building Fixtures, Equipment and Services": (CONSTRUCTION,),
    "Business Services": (DIGITAL,),
    "Casino Hotels": (TOURISM,),
    "Chemical Products": (ENERGY_INTENSIVE,),
    "Coal Mining": (ENERGY_INTENSIVE,),
    "Combination Energy Services": (RENEWABLES,),
    "Communications Equipment": (ELECTRONICS, DIGITAL),
    "Communications Equipment and Services": (ELECTRONICS, DIGITAL),
    "Construction Materials": (CONSTRUCTION, ENERGY_INTENSIVE),
    "Construction Products and Services": (CONSTRUCTION,),
    "Distribution Services": (RETAIL, MOBILITY),
    "Downstream Metal Products": (ENERGY_INTENSIVE, "advanced manufacturing"),
    "Education and Knowledge Creation": (),
    "Electric Power Generation and Transmission": (RENEWABLES,),
    "Entertainment": (CREATIVE,),
    "Fertilizers": (AGRI_FOOD, ENERGY_INTENSIVE),
    "Financial Services": (PROXIMITY,),
    "Fishing and Fishing Products": (AGRI_FOOD, "maritime"),
    "Food Processing and Manufacturing": (AGRI_FOOD,),
    "Footwear": (TEXTILE,),
    "Forest Products": (ENERGY_INTENSIVE, "wood"),
    "Forestry": (AGRI_FOOD, "wood"),
    "Forestry and Primary Wood Processing": (AGRI_FOOD, "wood"),
    "Furniture": (CONSTRUCTION, "wood"),
    "Heavy Construction Services": (CONSTRUCTION,),
    "Heavy Machinery": ("advanced manufacturing",),
    "Hospitality and Tourism": (TOURISM,),
    "Information Technology": (DIGITAL, ELECTRONICS),
    "Information Technology and Analytical Instruments": (DIGITAL, ELECTRONICS),
    "Jewelry and Precious Metals": (PROXIMITY,),
    "Leather and Related Products": (TEXTILE,),
    "Lighting and Electrical Equipment": (ELECTRONICS, "battery"),
    "Livestock Processing": (AGRI_FOOD,),
    "Local Commercial Services": (PROXIMITY,),
    "Local Community and Civic Organizations": (PROXIMITY,),
    "Local Education and Training": (PROXIMITY,),
    "Local Entertainment and Media": (CREATIVE,),
    "Local Financial Services": (PROXIMITY,),
    "Local Food and Beverage Processing and Distribution": (AGRI_FOOD, RETAIL),
    "Local Health Services": (HEALTH,),
    "Local Hospitality Establishments": (TOURISM,),
    "Local Household Goods and Services": (RETAIL, PROXIMITY),
    "Local Industrial Products and Services": (PROXIMITY,),
    "Local Logistical Services": (MOBILITY,),
    "Local Motor Vehicle Products and Services": (MOBILITY, RETAIL),
    "Local Personal Services (Non-Medical)": (PROXIMITY,),
    "Local Real Estate, Construction, and Development": (CONSTRUCTION,),
    "Local Retail Clothing and Accessories": (RETAIL, TEXTILE),
    "Local Utilities": (RENEWABLES,),
    "Marketing, Design, and Publishing": (CREATIVE,),
    "Medical Devices": (HEALTH,),
    "Metal Manufacturing": (ENERGY_INTENSIVE,),
    "Metal Mining": (ENERGY_INTENSIVE,),
    "Metalworking Technology": (ENERGY_INTENSIVE, "advanced manufacturing"),
    "Motor Driven Products": (ELECTRONICS, "battery"),
    "Nonmetal Mining": (ENERGY_INTENSIVE,),
    "Oil and Gas Production and Transportation": (ENERGY_INTENSIVE,),
    "Oil and Gas Products and Services": (ENERGY_INTENSIVE,),
    "Performing Arts": (CREATIVE,),
    "Plastics": (ENERGY_INTENSIVE, "plastics"),
    "Power Generation and Transmission": (RENEWABLES,),
    "Prefabricated Enclosures": (CONSTRUCTION,),
    "Printing Services": (CREATIVE,),
    "Processed Food": (AGRI_FOOD,),
    "Production Technology": ("advanced manufacturing",),
    "Production Technology and Heavy Machinery": ("advanced manufacturing",),
    "Publishing and Printing": (CREATIVE,),
    "Recreational and Small Electric Goods": (PROXIMITY, ELECTRONICS),
    "Sporting, Recreational and Children's Goods": (PROXIMITY,),
    "Textile Manufacturing": (TEXTILE,),
    "Textiles": (TEXTILE,),
    "Tobacco": (AGRI_FOOD,),
    "Transportation and Logistics": (MOBILITY,),
    "Upstream Metal Manufacturing": (ENERGY_INTENSIVE,),
    "Video Production and Distribution": (CREATIVE,),
    "Water Transport": (MOBILITY, "maritime"),
    "Water Transportation": (MOBILITY, "maritime"),
}


def _synonym(keyword: str) -> str:
    return keyword.lstrip("=").strip("*")


def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text`` with the same length (character by character)."""
    return fold_same_length(text)


# --- the query vocabulary -------------------------------------------------------------------------

SECTOR_SYNONYMS: dict[str, tuple[str, ...]] = {
    "battery": ("battery", "batteries", "EV batteries", "EV battery", "battery cells", "energy storage",
                "accumulators"),
    "hydrogen": ("hydrogen", "fuel cells", "fuel cell", "electrolysers", "electrolyzers", "H2"),
    MOBILITY: ("automotive", "cars", "car", "vehicles", "vehicle", "electric vehicles", "EV", "EVs",
               "e-mobility", "mobility", "transport", "logistics", "rail", "railway"),
    "maritime": ("maritime", "shipping", "shipbuilding", "blue economy"),
    AEROSPACE: ("aerospace", "aviation", "defence", "defense", "aircraft"),
    "space": ("space", "satellites", "satellite"),
    "drones": ("drones", "drone", "UAV", "UAVs"),
    AGRI_FOOD: ("agri-food", "agrifood", "agriculture", "farming", "food", "food processing", "agritech",
                "dairy", "wine"),
    CONSTRUCTION: ("construction", "construction industry", "buildings", "architecture", "housing"),
    CREATIVE: ("creative industries", "cultural and creative", "media", "design", "games", "film"),
    DIGITAL: ("digital", "ICT", "software", "big data", "cloud", "blockchain", "IoT", "internet of things"),
    "AI": ("artificial intelligence", "AI", "machine learning"),
    "cybersecurity": ("cybersecurity", "cyber security"),
    ELECTRONICS: ("electronics", "sensors"),
    "semiconductors": ("semiconductors", "semiconductor", "microelectronics", "chips"),
    "photonics": ("photonics", "optics", "lasers"),
    ENERGY_INTENSIVE: ("energy-intensive industries", "chemicals", "chemical", "steel", "metals",
                       "metalworking", "cement", "glass", "pulp and paper", "ceramics", "advanced materials",
                       "materials"),
    "plastics": ("plastics", "composites"),
    "nanotechnology": ("nanotechnology", "nanotech", "nanomaterials", "graphene"),
    RENEWABLES: ("renewable energy", "renewables", "solar", "photovoltaics", "PV", "wind energy", "wind",
                 "geothermal", "bioenergy", "clean energy", "energy efficiency", "cleantech", "clean tech"),
    HEALTH: ("health", "healthcare", "medical devices", "medtech", "life sciences", "pharma",
             "pharmaceuticals"),
    "biotechnology": ("biotechnology", "biotech"),
    PROXIMITY: ("social economy", "social enterprises", "proximity economy"),
    RETAIL: ("retail", "retailers", "retail trade", "e-commerce"),
    TEXTILE: ("textiles", "textile", "clothing", "fashion", "footwear", "leather"),
    TOURISM: ("tourism", "travel", "hospitality"),
    "wood": ("wood", "forestry", "timber", "furniture"),
    "water": ("water", "water management", "wastewater"),
    "circular economy": ("circular economy", "recycling", "waste management"),
    "advanced manufacturing": ("advanced manufacturing", "industry 4.0", "automation",
                               "additive manufacturing", "3D printing", "machinery", "mechatronics"),
    "robotics": ("robotics", "robots"),
}  # fmt: skip
"""The sectors a question can name, keyed by the labels the ingest writes on records (an ecosystem
such as ``"Mobility-Transport-Automotive"`` or a technology tag such as ``"battery"``), each with the
phrases that name it in a question (matched on whole words, longest phrase first; the first phrase
is the sector's plain name). Each phrase names the finest label the ingest tags for it ("EV
batteries" is ``battery``, not Renewable Energy), so a boost prefers exactly what was asked. Words
with other common meanings stay out ("commerce" alone is the US Department of Commerce more often
than retail)."""

ENGLISH_SECTOR_SYNONYMS: dict[str, tuple[str, ...]] = dict(SECTOR_SYNONYMS)
"""The English phrases alone (a translation that is also an English phrase, "batteries", is English)."""

SECTOR_SYNONYMS = {
    label: (
        *english,
        *(phrase.strip() for phrase in SECTOR_TRANSLATIONS.get(label, "").split(";") if phrase.strip()),
    )
    for label, english in SECTOR_SYNONYMS.items()
}
"""The vocabulary in the six product languages: the English phrases first (the first is the sector's
plain name), then German, French, Spanish, Italian and Polish (:mod:`corpus.sector_names`)."""

QUERY_SECTORS: tuple[str, ...] = tuple(SECTOR_SYNONYMS)
"""Every sector label a question can name."""


def _label_key(label: str) -> str:
    return " ".join(fold(label).replace("&", "and").replace("-", " ").split())


_PHRASE_KEYS: dict[str, frozenset[str]] = {
    label: frozenset({_label_key(label), *(_label_key(phrase) for phrase in phrases)})
    for label, phrases in SECTOR_SYNONYMS.items()
}


def sector_phrases(label: str) -> tuple[str, ...]:
    """The phrases that name ``label`` in a question, lower-case (the label itself if it has none)."""
    return tuple(phrase.lower() for phrase in SECTOR_SYNONYMS.get(label, (label,)))


def sector_matches(wanted: str, tag: str) -> bool:
    """Whether a record's sector ``tag`` is the sector label ``wanted`` (the one matcher).

    The same label in any case or spacing ("Renewable Energy", "renewable-energy"), or a tag that is
    one of the label's phrases (a loaded profile stating "software" is Digital).
    """
    key = _label_key(tag)
    return key in _PHRASE_KEYS.get(wanted, frozenset({_label_key(wanted)}))


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    forms = sorted({fold(phrase) for phrase in phrases}, key=len, reverse=True)
    body = "|".join(re.escape(form).replace(r"\ ", r"[\s-]+") for form in forms)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


_MENTIONS: dict[str, re.Pattern[str]] = {
    label: _phrase_pattern((label, *phrases)) for label, phrases in SECTOR_SYNONYMS.items()
}


def mentions_sector(label: str, text: str) -> bool:
    """Whether ``text`` (a description, a technology, an interest) names the sector ``label``.

    Whole words only, in any case and accents: "AI" is not the "ai" of "maintain".
    """
    pattern = _MENTIONS.get(label) or _phrase_pattern((label,))
    return pattern.search(fold(text)) is not None


_ONE_WORD_FORMS = frozenset(
    fold(phrase)
    for phrases in SECTOR_SYNONYMS.values()
    for phrase in phrases
    if phrase.isalpha() and len(phrase) > 2
)
_COMPOUND = re.compile(  # a head of three letters at least ("Baucluster": construction)
    r"\b(\w{3,}?)(-?)(" + "|".join(sorted(COMPOUND_TAILS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)


def split_compounds(text: str) -> str:
    """German compounds of a sector name and a known tail, split in two so the sector is read.

    ``"Wasserstoffprojekte"`` → ``"Wasserstoff projekte"``, ``"Batteriecluster"`` → ``"Batterie cluster"``
    (a linking ``s`` is dropped: ``"Tourismusbranche"`` keeps its own ``s``, ``"Gesundheitsbranche"``
    gives ``"Gesundheit"``). Any other word is left alone.
    """

    def split(match: re.Match[str]) -> str:
        head, _, tail = match.groups()
        for candidate in (head, head[:-1] if head.endswith("s") else None):
            if candidate and fold(candidate) in _ONE_WORD_FORMS:
                return f"{candidate} {tail}"
        return match.group(0)

    return _COMPOUND.sub(split, text)


def any_sector_matches(wanted: Sequence[str], tags: Iterable[str]) -> bool:
    """Whether any of a record's sector ``tags`` is any of the ``wanted`` labels."""
    tag_list = [tag for tag in tags if tag]
    return any(sector_matches(label, tag) for label in wanted for tag in tag_list)


@dataclass(frozen=True)
class _Rule:
    keyword: str
    pattern: re.Pattern[str]
    case_sensitive: bool
    tags: tuple[str, ...]


def _rule(keyword: str, tags: Sequence[str]) -> _Rule:
    case_sensitive = keyword.startswith("=")
    word = keyword.lstrip("=")
    core = word.strip("*")
    body = re.escape(core if case_sensitive else fold(core)).replace(r"\ ", r"[\s-]+")
    start = "" if word.startswith("*") else r"(?<!\w)"
    end = "" if word.endswith("*") else r"(?!\w)"
    return _Rule(keyword, re.compile(start + body + end), case_sensitive, tuple(dict.fromkeys(tags)))


def _build_rules() -> tuple[_Rule, ...]:
    tags_by_keyword: dict[str, list[str]] = {}
    for ecosystem, keywords in ECOSYSTEM_KEYWORDS.items():
        for keyword in keywords:
            tags_by_keyword.setdefault(keyword, []).append(ecosystem)
    for technology, keywords in TECHNOLOGY_KEYWORDS.items():
        for keyword in keywords:
            tags_by_keyword.setdefault(keyword, []).extend(
                (technology, *TECHNOLOGY_ECOSYSTEMS.get(technology, ()))
            )
    rules = [_rule(keyword, tags) for keyword, tags in tags_by_keyword.items()]
    # Longest keyword first: specific words claim their span before generic stems ("bio*").
    return tuple(sorted(rules, key=lambda rule: (-len(_synonym(rule.keyword)), rule.keyword)))


_RULES = _build_rules()
_ORDER = {tag: index for index, tag in enumerate((*ECOSYSTEMS, *TECHNOLOGIES))}


def _word_at(text: str, start: int, end: int) -> str:
    """The whole word(s) around ``text[start:end]``, for readable evidence."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


def _sorted(tags: dict[str, SectorTag]) -> tuple[SectorTag, ...]:
    return tuple(tags[key] for key in sorted(tags, key=lambda tag: _ORDER.get(tag, len(_ORDER))))


def sectors_from_name(name: str) -> tuple[SectorTag, ...]:
    """Ecosystems and technology tags suggested by an organisation's name (keyword evidence)."""
    folded = fold(name)
    claimed: list[tuple[int, int]] = []
    found: dict[str, SectorTag] = {}
    for rule in _RULES:
        haystack = name if rule.case_sensitive else folded
        for match in rule.pattern.finditer(haystack):
            span = (match.start(), match.end())
            if any(span[0] < stop and start < span[1] for start, stop in claimed):
                continue
            claimed.append(span)
            evidence = f"name contains '{_word_at(name, *span)}'"
            for tag in rule.tags:
                found.setdefault(
                    tag, SectorTag(sector=tag, inferred=True, evidence=evidence, source=SOURCE_NAME)
                )
    return _sorted(found)


def sectors_from_us_categories(categories: Sequence[str]) -> tuple[SectorTag, ...]:
    """Ecosystems and technology tags of US benchmark cluster categories (mapped by hand).

    A category missing from :data:`US_CATEGORY_TAGS` falls back to keyword inference on its name.
    """
    found: dict[str, SectorTag] = {}
    for category in categories:
        evidence = f"US cluster category '{category}'"
        tags = US_CATEGORY_TAGS.get(category)
        if tags is None:
            tags = tuple(tag.sector for tag in sectors_from_name(category))
        for tag in tags:
            found.setdefault(tag, SectorTag(sector=tag, inferred=True, evidence=evidence, source=SOURCE_US))
    return _sorted(found)


def infer_sectors(name: str, *, us_categories: Sequence[str] = ()) -> tuple[SectorTag, ...]:
    """Inferred sectors of a cluster organisation: EU ecosystems first, then technology tags.

    Args:
        name: the organisation's name (any language of the registry).
        us_categories: US cluster categories the organisation is mapped to, if any; they come
            before name keywords when both give the same tag.

    Returns:
        One :class:`SectorTag` per sector, each ``inferred=True`` with its evidence and source.
    """
    found = {tag.sector: tag for tag in sectors_from_us_categories(us_categories)}
    for tag in sectors_from_name(name):
        found.setdefault(tag.sector, tag)
    return _sorted(found)


def is_ecosystem(sector: str) -> bool:
    """Whether ``sector`` is one of the 14 EU industrial ecosystems (not a technology tag)."""
    return sector in ECOSYSTEMS
