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
        aliases: ``"; "``-separated names and acronyms users type (matched as folded phrases;
            short upper-case acronyms only as written).
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
        "Horizon Europe; Horizon; HEU; HE; Horizont Europa; Horyzont Europa; Horizon Europa",
        ("HORIZON-",),
        ("HORIZON",),
    ),
    ProgrammeFamily(
        "European Innovation Council",
        "European Innovation Council; EIC",
        ("HORIZON-EIC-",),
    ),
    ProgrammeFamily(
        "Marie Skłodowska-Curie Actions",
        "Marie Skłodowska-Curie Actions; Marie Sklodowska-Curie; Marie Curie; MSCA",
        ("HORIZON-MSCA-",),
    ),
    ProgrammeFamily(
        "Horizon Europe Missions",
        "EU Missions; Horizon Europe Missions; Horizon missions; mission calls; mission call",
        ("HORIZON-MISS-",),
    ),
    ProgrammeFamily("European Research Council", "European Research Council; ERC", ("ERC-",)),
    ProgrammeFamily(
        "Digital Europe Programme",
        "Digital Europe; Digital Europe Programme; DEP; DIGITAL; Digitales Europa; Europa Cyfrowa",
        ("DIGITAL-",),
        ("DIGITAL",),
    ),
    ProgrammeFamily(
        "LIFE", "LIFE programme; LIFE Programme for the Environment; LIFE", ("LIFE-",), ("LIFE",)
    ),
    ProgrammeFamily(
        "Interregional Innovation Investments (I3)",
        "Interregional Innovation Investments; Interregional Innovation Investment; I3",
        ("I3-",),
    ),
    ProgrammeFamily(
        "Euroclusters",
        "Euroclusters; Eurocluster; Joint Cluster Initiatives; Joint Cluster Initiative",
        ("SMP-COSME-",),
        contains="-CLUSTER-",
    ),
    ProgrammeFamily(
        "Single Market Programme",
        "Single Market Programme; Single Market Program; SMP; COSME",
        ("SMP-",),
        ("SMP",),
    ),
    ProgrammeFamily(
        "European Defence Fund",
        "European Defence Fund; European Defense Fund; EDF; Defence Fund; Defense Fund",
        ("EDF-",),
        ("EDF",),
    ),
    ProgrammeFamily("Connecting Europe Facility", "Connecting Europe Facility; CEF", ("CEF-",), ("CEF",)),
    ProgrammeFamily("Erasmus+", "Erasmus+; Erasmus", ("ERASMUS-",), ("ERASMUS",)),
    ProgrammeFamily("Creative Europe", "Creative Europe", ("CREA-",), ("CREA",)),
    ProgrammeFamily("Innovation Fund", "Innovation Fund", ("INNOVFUND-",), ("INNOVFUND",)),
    ProgrammeFamily("EU4Health", "EU4Health", ("EU4H-",), ("EU4H",)),
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
