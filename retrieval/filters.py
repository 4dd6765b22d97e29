"""Search filters and their three equivalent forms: a Chroma ``where``, a vector mask, a predicate.

A call's status is never stored: it is computed on the day asked from ``opening_ymd`` /
``deadline_ymd`` (int ``YYYYMMDD``). In the indexes a call without an opening date gets
``opening_ymd = 0`` and one without a deadline ``deadline_ymd = 99991231`` (continuous submission:
open once opened), which gives exactly :func:`corpus.status.deadline_status` with plain ``$lte`` /
``$gte`` comparisons. Status and deadline filters select calls only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from corpus.errors import InvalidInput
from corpus.models import Audience, CallStatus, Chunk, DocType, MetadataValue
from retrieval.query import find_places

NO_OPENING = 0
NO_DEADLINE = 99991231
Where = dict[str, Any]


def ymd(day: dt.date) -> int:
    """``date(2026, 5, 10)`` → ``20260510``."""
    return day.year * 10000 + day.month * 100 + day.day


def _iso_ymd(value: MetadataValue | None) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        try:
            return ymd(dt.date.fromisoformat(value[:10]))
        except ValueError:
            return None
    return None


def effective_dates(doc_type: DocType, metadata: Mapping[str, MetadataValue]) -> tuple[int, int] | None:
    """``(opening_ymd, deadline_ymd)`` of a call chunk with the open-ended defaults; None for non-calls."""
    if doc_type != DocType.CALL:
        return None
    opening = _iso_ymd(metadata.get("opening_ymd")) or _iso_ymd(metadata.get("opening_date")) or NO_OPENING
    deadline = _iso_ymd(metadata.get("deadline_ymd")) or _iso_ymd(metadata.get("deadline")) or NO_DEADLINE
    return opening, deadline


def normalise_country(value: str) -> str:
    """ISO2 for ``"de"``, ``"DE"``, ``"Germany"``, ``"German"``; :class:`InvalidInput` otherwise."""
    text = value.strip()
    if len(text) == 2 and text.isalpha():
        return "GB" if text.upper() == "UK" else text.upper()
    countries, _ = find_places(text)
    if len(countries) == 1:
        return countries[0]
    raise InvalidInput(f"unknown country {value!r}: give an ISO 3166 two-letter code such as DE, FI or ES")


class SearchFilters(BaseModel):
    """What a search may return. Every field narrows; the default returns public documents of any type."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_type: DocType | None = None
    countries: tuple[str, ...] = ()
    """ISO2 codes (any of them); country names are normalised."""
    country: None = None
    """Convenience input for one country (``country="DE"``): moved into ``countries``, always None after."""
    programme: str | None = None
    """Case-insensitive substring of the programme name ("Horizon", "LIFE", "I3")."""
    status: CallStatus | None = None
    deadline_from: dt.date | None = None
    deadline_to: dt.date | None = None
    audiences: frozenset[Audience] = frozenset({Audience.PUBLIC})

    @model_validator(mode="before")
    @classmethod
    def _single_country(cls, data: Any) -> Any:
        if isinstance(data, dict) and "country" in data:
            data = dict(data)
            country = data.pop("country")
            if country is not None and str(country).strip():
                data["countries"] = (*tuple(data.get("countries") or ()), country)
        return data

    @field_validator("doc_type", mode="before")
    @classmethod
    def _known_type(cls, value: Any) -> Any:
        if isinstance(value, str) and value not in {kind.value for kind in DocType}:
            raise InvalidInput(f"unknown document type {value!r}: use call, cluster or policy")
        return value

    @field_validator("countries", mode="before")
    @classmethod
    def _iso2(cls, value: Any) -> tuple[str, ...]:
        items = [value] if isinstance(value, str) else list(value or ())
        return tuple(sorted({normalise_country(str(item)) for item in items if str(item).strip()}))

    @field_validator("programme", mode="before")
    @classmethod
    def _blank_programme(cls, value: Any) -> Any:
        return value.strip() or None if isinstance(value, str) else value

    @field_validator("status", mode="before")
    @classmethod
    def _known_status(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip().lower() not in {status.value for status in CallStatus}:
            raise InvalidInput(f"unknown status {value!r}: use open, forthcoming or closed")
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("audiences", mode="before")
    @classmethod
    def _known_audiences(cls, value: Any) -> Any:
        items = [value] if isinstance(value, str) else list(value or ())
        known = {audience.value for audience in Audience}
        if not items or any(str(item) not in known for item in items):
            raise InvalidInput(f"audiences must be a non-empty subset of {sorted(known)}, got {value!r}")
        return frozenset(items)

    @model_validator(mode="after")
    def _consistent(self) -> SearchFilters:
        if self.deadline_from and self.deadline_to and self.deadline_from > self.deadline_to:
            raise InvalidInput("deadline_from is after deadline_to")
        if self.doc_type not in (None, DocType.CALL) and self.calls_only:
            raise InvalidInput("status and deadline filters apply to calls only (type=call)")
        return self

    @property
    def calls_only(self) -> bool:
        """Status and deadline filters imply calls."""
        return bool(self.status or self.deadline_from or self.deadline_to)

    @property
    def effective_doc_type(self) -> DocType | None:
        return DocType.CALL if self.calls_only else self.doc_type


def parse_filters(**raw: Any) -> SearchFilters:
    """Build filters from user input, turning every validation problem into :class:`InvalidInput`."""
    try:
        return SearchFilters.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, err['loc'])) or 'filters'}: {err['msg']}" for err in exc.errors()
        )
        raise InvalidInput(f"invalid search filters: {problems}") from exc


def _date_bounds(filters: SearchFilters, today: dt.date) -> list[tuple[str, str, int]]:
    """(field, operator, value) conditions on the call dates."""
    day = ymd(today)
    conditions: list[tuple[str, str, int]] = []
    if filters.status == CallStatus.OPEN:
        conditions += [("opening_ymd", "$lte", day), ("deadline_ymd", "$gte", day)]
    elif filters.status == CallStatus.FORTHCOMING:
        conditions.append(("opening_ymd", "$gt", day))
    elif filters.status == CallStatus.CLOSED:
        conditions += [("opening_ymd", "$lte", day), ("deadline_ymd", "$lt", day)]
    if filters.deadline_from:
        conditions.append(("deadline_ymd", "$gte", ymd(filters.deadline_from)))
    if filters.deadline_to:
        conditions.append(("deadline_ymd", "$lte", ymd(filters.deadline_to)))
    return conditions


def matching_programmes(filters: SearchFilters, programme_values: Iterable[str]) -> list[str]:
    """The index's programme names that contain the filter's substring (case-insensitive)."""
    if filters.programme is None:
        return []
    needle = filters.programme.casefold()
    return sorted({value for value in programme_values if needle in value.casefold()})


def chroma_where(filters: SearchFilters, *, today: dt.date, programme_values: Iterable[str]) -> Where | None:
    """The filters as a Chroma ``where`` clause (None when nothing narrows).

    Args:
        filters: The filters.
        today: The day status is judged on.
        programme_values: Distinct programme names present in the index (a substring filter is
            expanded to the names that contain it, since Chroma has no substring operator on metadata).
    """
    clauses: list[Where] = [{"audience": {"$in": sorted(audience.value for audience in filters.audiences)}}]
    if (doc_type := filters.effective_doc_type) is not None:
        clauses.append({"doc_type": {"$eq": doc_type.value}})
    if filters.countries:
        clauses.append({"country": {"$in": list(filters.countries)}})
    if filters.programme is not None:
        clauses.append(
            {
                "programme": {
                    "$in": matching_programmes(filters, programme_values) or ["__no_matching_programme__"]
                }
            }
        )
    clauses += [{field: {op: value}} for field, op, value in _date_bounds(filters, today)]
    if len(filters.audiences) == len(Audience):
        clauses = clauses[1:]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


_OPS = {
    "$lt": np.less,
    "$lte": np.less_equal,
    "$gt": np.greater,
    "$gte": np.greater_equal,
}


class MetadataColumns(BaseModel):
    """Filterable metadata of every indexed chunk as aligned arrays (row i = chunk i of the catalog)."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    doc_type: npt.NDArray[np.str_]
    audience: npt.NDArray[np.str_]
    country: npt.NDArray[np.str_]
    programme: npt.NDArray[np.str_]
    opening_ymd: npt.NDArray[np.int64]
    deadline_ymd: npt.NDArray[np.int64]

    @classmethod
    def from_chunks(cls, chunks: list[Chunk]) -> MetadataColumns:
        """Columns of ``chunks`` (non-calls get the open-ended dates; they never pass a date filter)."""
        dates = [
            effective_dates(chunk.doc_type, chunk.metadata) or (NO_OPENING, NO_DEADLINE) for chunk in chunks
        ]
        return cls(
            doc_type=np.array([chunk.doc_type.value for chunk in chunks], dtype=np.str_),
            audience=np.array(
                [str(chunk.metadata.get("audience", "public")) for chunk in chunks], dtype=np.str_
            ),
            country=np.array([str(chunk.metadata.get("country", "")) for chunk in chunks], dtype=np.str_),
            programme=np.array([str(chunk.metadata.get("programme", "")) for chunk in chunks], dtype=np.str_),
            opening_ymd=np.array([opening for opening, _ in dates], dtype=np.int64),
            deadline_ymd=np.array([deadline for _, deadline in dates], dtype=np.int64),
        )


def filter_mask(filters: SearchFilters, columns: MetadataColumns, *, today: dt.date) -> npt.NDArray[np.bool_]:
    """Boolean mask of the chunks that pass ``filters`` (same semantics as :func:`chroma_where`)."""
    mask = np.isin(columns.audience, [audience.value for audience in filters.audiences])
    if (doc_type := filters.effective_doc_type) is not None:
        mask &= columns.doc_type == doc_type.value
    if filters.countries:
        mask &= np.isin(columns.country, list(filters.countries))
    if filters.programme is not None:
        mask &= np.isin(
            columns.programme, matching_programmes(filters, set(columns.programme.tolist()) - {""})
        )
    for field, op, value in _date_bounds(filters, today):
        mask &= _OPS[op](getattr(columns, field), value)
    return mask


def chunk_matches(filters: SearchFilters, chunk: Chunk, *, today: dt.date) -> bool:
    """Whether one chunk passes ``filters`` (the predicate form, over the chunk's own metadata)."""
    if str(chunk.metadata.get("audience", "public")) not in {
        audience.value for audience in filters.audiences
    }:
        return False
    if (doc_type := filters.effective_doc_type) is not None and chunk.doc_type != doc_type:
        return False
    if filters.countries and chunk.metadata.get("country") not in filters.countries:
        return False
    if filters.programme is not None:
        programme = chunk.metadata.get("programme")
        if not isinstance(programme, str) or filters.programme.casefold() not in programme.casefold():
            return False
    dates = effective_dates(chunk.doc_type, chunk.metadata)
    if dates is None:
        return not filters.calls_only
    values = {"opening_ymd": dates[0], "deadline_ymd": dates[1]}
    return all(bool(_OPS[op](values[field], value)) for field, op, value in _date_bounds(filters, today))
