"""The one programme vocabulary: EU funding programmes and call families, their names and membership.

Retrieval reads the aliases and identifier prefixes (to prefer a named programme's calls); the
query planner reads the membership rule (to count and filter calls *exactly*). A programme is
matched by its code (the text in the last parentheses of a call's ``programme`` field, e.g.
``Horizon Europe (HORIZON)``) when it has one, so that a cascade-funding call run under a Horizon
topic counts as Horizon Europe; families inside a programme (EIC, MSCA, Euroclusters, ...) are
matched by topic-identifier prefix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.models import FundingCall

_CODE = re.compile(r"\(([^()]+)\)\s*$")


@dataclass(frozen=True)
class ProgrammeFamily:
    """A programme or a family of calls inside one.

    Attributes:
        name: The canonical name answers use ("Horizon Europe").
        aliases: ``"; "``-separated names and acronyms users type, with the programme's names in
            German, French, Spanish, Italian and Polish ("Horizont Europa", "Horyzont Europa") as the
            EU's own translations write them (matched as folded phrases; short upper-case acronyms
            only as written).
        prefixes: Topic-identifier prefixes (for retrieval boosts and for membership when
            ``codes`` is empty).
        codes: Programme codes (``HORIZON``); when given, membership is by code.
        contains: A part the identifier must also contain (Euroclusters: ``-CLUSTER-``).
    """

    name: str
    aliases: str
    prefixes: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    contains: str | None = None

    def includes(self, call: FundingCall) -> bool:
        """Whether ``call`` belongs to this programme or family."""
        if self.codes:
            return programme_code(call) in self.codes
        identifier = call.topic_identifier.upper()
        if not any(identifier.startswith(prefix) for prefix in self.prefixes):
            return False
        return self.contains is None or self.contains in identifier


FAMILIES: tuple[ProgrammeFamily, ...] = (
    ProgrammeFamily(
        "Horizon Europe",
        "Horizon Europe; Horizon; HEU; HE; Horizont Europa; Horyzont Europa; Horyzontu Europa; "
        "Horizon Europa; "
        "Horizonte Europa; Orizzonte Europa",
        ("HORIZON-",),
        ("HORIZON",),
    ),
    ProgrammeFamily(
        "European Innovation Council",
        "European Innovation Council; EIC; Europäischer Innovationsrat; "
        "Conseil européen de l'innovation; Consejo Europeo de Innovación; "
        "Consiglio europeo per l'innovazione; "
        "Europejska Rada ds. Innowacji",
        ("HORIZON-EIC-",),
    ),
    ProgrammeFamily(
        "Marie Skłodowska-Curie Actions",
        "Marie Skłodowska-Curie Actions; Marie Sklodowska-Curie; Marie Curie; MSCA; "
        "Marie-Skłodowska-Curie-Maßnahmen; "
        "actions Marie Skłodowska-Curie; acciones Marie Skłodowska-Curie; azioni Marie Skłodowska-Curie; "
        "działania Marie Skłodowskiej-Curie; Marie Skłodowskiej-Curie",
        ("HORIZON-MSCA-",),
    ),
    ProgrammeFamily(
        "Horizon Europe Missions",
        "EU Missions; Horizon Europe Missions; Horizon missions; mission calls; mission call; EU-Missionen; "
        "missions de l'UE; missions de l'Union; misiones de la UE; misiones de la Unión; missioni UE; "
        "missioni dell'UE; misje UE; misji UE; misjach UE",
        ("HORIZON-MISS-",),
    ),
    ProgrammeFamily(
        "European Research Council",
        "European Research Council; ERC; Europäischer Forschungsrat; Conseil européen de la recherche; "
        "Consejo Europeo de Investigación; Consiglio europeo della ricerca; "
        "Europejska Rada ds. Badań Naukowych",
        ("ERC-",),
    ),
    ProgrammeFamily(
        "Digital Europe Programme",
        "Digital Europe; Digital Europe Programme; DEP; DIGITAL; Digitales Europa; "
        "Programm Digitales Europa; "
        "Europe numérique; programme pour une Europe numérique; Europa Digital; Programa Europa Digital; "
        "Europa digitale; programma Europa digitale; Cyfrowa Europa; Europa Cyfrowa; Cyfrowej Europy",
        ("DIGITAL-",),
        ("DIGITAL",),
    ),
    ProgrammeFamily(
        "LIFE",
        "LIFE programme; LIFE Programme for the Environment; LIFE; LIFE-Programm; programme LIFE; "
        "programa LIFE; "
        "programma LIFE; program LIFE",
        ("LIFE-",),
        ("LIFE",),
    ),
    ProgrammeFamily(
        "Interregional Innovation Investments (I3)",
        "Interregional Innovation Investments; Interregional Innovation Investment; I3; "
        "Interregionale Innovationsinvestitionen; investissements interrégionaux en innovation; "
        "Inversiones Interregionales en Innovación; investimenti interregionali per l'innovazione; "
        "międzyregionalne inwestycje w innowacje",
        ("I3-",),
    ),
    ProgrammeFamily(
        "Euroclusters",
        "Euroclusters; Eurocluster; Joint Cluster Initiatives; Joint Cluster Initiative; Euroklaster; "
        "Euroklastry; "
        "Euroklastrów",
        ("SMP-COSME-",),
        contains="-CLUSTER-",
    ),
    ProgrammeFamily(
        "Single Market Programme",
        "Single Market Programme; Single Market Program; SMP; COSME; Binnenmarktprogramm; "
        "Binnenmarktprogramms; "
        "Programm für den Binnenmarkt; programme pour le marché unique; Programa para el Mercado Único; "
        "programa del mercado único; programma per il mercato unico; Program na rzecz jednolitego rynku; "
        "programu na rzecz jednolitego rynku; program jednolitego rynku; Jednolity Rynek; Jednolitego Rynku; "
        "Jednolitym Rynku; Mercado Único; Mercato unico; Marché unique",
        ("SMP-",),
        ("SMP",),
    ),
    ProgrammeFamily(
        "European Defence Fund",
        "European Defence Fund; European Defense Fund; EDF; Defence Fund; Defense Fund; "
        "Europäischer Verteidigungsfonds; Europäischen Verteidigungsfonds; Fonds européen de la défense; "
        "Fondo Europeo de Defensa; Fondo europeo per la difesa; Europejski Fundusz Obronny; "
        "Europejskiego Funduszu Obronnego; Europejskim Funduszu Obronnym; EFO",
        ("EDF-",),
        ("EDF",),
    ),
    ProgrammeFamily(
        "Connecting Europe Facility",
        "Connecting Europe Facility; CEF; Fazilität Connecting Europe; "
        "Mécanisme pour l'interconnexion en Europe; Mecanismo Conectar Europa; "
        "Meccanismo per collegare l'Europa; instrument Łącząc Europę; Łącząc Europę",
        ("CEF-",),
        ("CEF",),
    ),
    ProgrammeFamily("Erasmus+", "Erasmus+; Erasmus", ("ERASMUS-",), ("ERASMUS",)),
    ProgrammeFamily(
        "Creative Europe",
        "Creative Europe; Kreatives Europa; Europe créative; Europa Creativa; Europa creativa; "
        "Kreatywna Europa; Kreatywnej Europy",
        ("CREA-",),
        ("CREA",),
    ),
    ProgrammeFamily(
        "Innovation Fund",
        "Innovation Fund; Innovationsfonds; Fonds pour l'innovation; Fonds d'innovation; "
        "Fondo de Innovación; "
        "Fondo per l'innovazione; Fundusz Innowacyjny; Funduszu Innowacyjnego",
        ("INNOVFUND-",),
        ("INNOVFUND",),
    ),
    ProgrammeFamily(
        "EU4Health",
        "EU4Health; EU für Gesundheit; L'UE pour la santé; La UE por la Salud; UE per la salute; "
        "UE dla zdrowia",
        ("EU4H-",),
        ("EU4H",),
    ),
    ProgrammeFamily(
        "Research Fund for Coal and Steel", "Research Fund for Coal and Steel; RFCS", ("RFCS-",), ("RFCS",)
    ),
    ProgrammeFamily(
        "Citizens, Equality, Rights and Values",
        "Citizens, Equality, Rights and Values; CERV",
        ("CERV-",),
        ("CERV",),
    ),
    ProgrammeFamily(
        "Euratom", "Euratom; Euratom Research and Training Programme", ("EURATOM-",), ("EURATOM",)
    ),
    ProgrammeFamily(
        "Promotion of Agricultural Products",
        "Promotion of Agricultural Products; AGRIP",
        ("AGRIP-",),
        ("AGRIP",),
    ),
)
"""Every programme and family, broad programmes before their families (lookups keep this order)."""

BY_NAME: dict[str, ProgrammeFamily] = {family.name: family for family in FAMILIES}


def programme_code(call: FundingCall) -> str | None:
    """``Horizon Europe (HORIZON)`` → ``HORIZON``; None when the programme names no code."""
    match = _CODE.search(call.programme or "")
    return match.group(1).strip().upper() if match else None


def family(name: str) -> ProgrammeFamily | None:
    """The family with this canonical name (None for unknown names)."""
    return BY_NAME.get(name)


def find_family(name: str) -> ProgrammeFamily | None:
    """The family a name or alias stands for ("Euroclusters", "eic", "Horizon Europe"), case-insensitively."""
    wanted = " ".join(name.split()).casefold()
    for candidate in FAMILIES:
        names = [candidate.name, *(alias.strip() for alias in candidate.aliases.split(";"))]
        if any(wanted == known.casefold() for known in names):
            return candidate
    return None


def in_programmes(call: FundingCall, names: tuple[str, ...] | list[str]) -> bool:
    """Whether ``call`` belongs to any of the named programmes (unknown names match nothing)."""
    return any((found := BY_NAME.get(name)) is not None and found.includes(call) for name in names)
