from __future__ import annotations

import datetime as dt

import pytest

from corpus.errors import InvalidInput
from corpus.models import Audience, CallStatus, DocType, FundingCall
from corpus.status import deadline_status
from retrieval.filters import (
    MetadataColumns,
    SearchFilters,
    chroma_where,
    chunk_matches,
    filter_mask,
    parse_filters,
)
from retrieval.index import SearchIndex
from tests.retrieval.factories import TODAY, all_chunks, call_chunks

CHUNKS = all_chunks()


def _matching(filters: SearchFilters, today: dt.date = TODAY) -> set[str]:
    return {chunk.doc_id for chunk in CHUNKS if chunk_matches(filters, chunk, today=today)}


def test_default_is_public_documents_of_every_type() -> None:
    docs = _matching(SearchFilters())
    assert "call-internal" not in docs and "cl-internal" not in docs
    assert {"call-ssri", "cl-cz-battery", "pol-norway"} <= docs
    everyone = SearchFilters(audiences={"public", "internal"})
    assert {"call-internal", "cl-internal"} <= _matching(everyone)


def test_doc_type_and_country() -> None:
    assert _matching(SearchFilters(doc_type="cluster", country="es")) == {"cl-es-battery", "cl-es-aero"}
    assert _matching(SearchFilters(countries=["Czechia", "SK"])) == {"cl-cz-battery", "cl-sk-battery"}
    assert SearchFilters(country="Germany").countries == ("DE",)
    assert SearchFilters(country="uk").countries == ("GB",)


def test_programme_is_a_case_insensitive_substring() -> None:
    assert _matching(SearchFilters(programme="i3")) == {"call-i3"}
    assert _matching(SearchFilters(programme="horizon")) == {"call-ssri", "call-accelerator"}
    assert _matching(SearchFilters(programme="  ")) == _matching(SearchFilters())


def test_status_on_the_day_asked_including_boundary_days() -> None:
    def open_on(day: dt.date) -> set[str]:
        return _matching(SearchFilters(status="open"), day)

    # call-i3 closes 2026-05-10: still open that day, closed the next.
    assert "call-i3" in open_on(dt.date(2026, 5, 10))
    assert "call-i3" not in open_on(dt.date(2026, 5, 11))
    assert "call-i3" in _matching(SearchFilters(status="closed"), dt.date(2026, 5, 11))
    # call-ssri opens 2026-05-12: forthcoming before, open on the day.
    assert "call-ssri" in _matching(SearchFilters(status="forthcoming"), dt.date(2026, 5, 11))
    assert "call-ssri" in open_on(dt.date(2026, 5, 12))
    # No deadline: open once opened; no dates at all: open.
    assert {"call-accelerator", "call-cerv"} <= open_on(dt.date(2030, 1, 1))
    assert _matching(SearchFilters(status="open"), TODAY) <= {
        c.doc_id for c in CHUNKS if c.doc_type == "call"
    }


def test_status_agrees_with_corpus_deadline_status() -> None:
    def call(opening: dt.date | None, deadline: dt.date | None) -> FundingCall:
        return FundingCall(
            doc_id="c",
            title="t",
            call_kind="topic",
            topic_identifier="X-2026-1",
            opening_date=opening,
            deadline=dt.datetime.combine(deadline, dt.time(15), tzinfo=dt.UTC) if deadline else None,
        )

    days = [dt.date(2026, 5, d) for d in (1, 9, 10, 11, 20)]
    for opening in (None, dt.date(2026, 5, 10)):
        for deadline in (None, dt.date(2026, 5, 10), dt.date(2026, 5, 20)):
            chunk = call_chunks(
                "c",
                identifier="X-2026-1",
                title="t",
                programme="p",
                scope="s",
                opening=opening.isoformat() if opening else None,
                deadline=deadline.isoformat() if deadline else None,
            )[0]
            for today in days:
                expected = deadline_status(call(opening, deadline), today)
                for status in CallStatus:
                    assert chunk_matches(SearchFilters(status=status), chunk, today=today) == (
                        status == expected
                    )


def test_deadline_range() -> None:
    window = SearchFilters(deadline_from=dt.date(2026, 7, 1), deadline_to=dt.date(2026, 9, 20))
    assert _matching(window) == {"call-euroclusters-green", "call-ssri"}
    assert "call-accelerator" in _matching(SearchFilters(deadline_from=dt.date(2026, 7, 1)))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"status": "maybe"}, "unknown status"),
        ({"country": "Atlantis"}, "unknown country"),
        ({"country": "Central Europe"}, "unknown country"),
        ({"doc_type": "tweet"}, "unknown document type"),
        ({"audiences": []}, "audiences"),
        ({"audiences": ["secret"]}, "audiences"),
        ({"doc_type": "cluster", "status": "open"}, "calls only"),
        ({"deadline_from": "2026-09-01", "deadline_to": "2026-01-01"}, "after"),
        ({"deadline_from": "next week"}, "deadline_from"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_filter_values_are_invalid_input(raw: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_filters(**raw)


def test_where_clause_shape() -> None:
    assert chroma_where(SearchFilters(audiences=set(Audience)), today=TODAY, programme_values=[]) is None
    assert chroma_where(SearchFilters(), today=TODAY, programme_values=[]) == {
        "audience": {"$in": ["public"]}
    }
    where = chroma_where(SearchFilters(status="open"), today=TODAY, programme_values=[])
    assert where == {
        "$and": [
            {"audience": {"$in": ["public"]}},
            {"doc_type": {"$eq": "call"}},
            {"opening_ymd": {"$lte": 20260510}},
            {"deadline_ymd": {"$gte": 20260510}},
        ]
    }
    assert SearchFilters(status="open").effective_doc_type == DocType.CALL


FILTER_CASES = [
    SearchFilters(),
    SearchFilters(audiences={"public", "internal"}),
    SearchFilters(doc_type="cluster", countries=("ES", "CZ")),
    SearchFilters(programme="horizon", audiences={"public", "internal"}),
    SearchFilters(programme="nothing like this"),
    SearchFilters(status="open"),
    SearchFilters(status="forthcoming"),
    SearchFilters(status="closed"),
    SearchFilters(deadline_from=dt.date(2026, 7, 1), deadline_to=dt.date(2026, 9, 20)),
    SearchFilters(doc_type="policy"),
]


@pytest.mark.parametrize("filters", FILTER_CASES)
def test_where_mask_and_predicate_select_the_same_chunks(
    filters: SearchFilters, built_index: SearchIndex
) -> None:
    catalog = built_index.catalog
    by_predicate = {c.chunk_id for c in catalog.chunks if chunk_matches(filters, c, today=TODAY)}
    mask = filter_mask(filters, MetadataColumns.from_chunks(catalog.chunks), today=TODAY)
    by_mask = {catalog.chunks[row].chunk_id for row in mask.nonzero()[0]}
    where = chroma_where(filters, today=TODAY, programme_values=catalog.programmes)
    collection = built_index.vectors.ensure()
    by_chroma = (
        set(collection.get(where=where, include=[])["ids"]) if where else built_index.vectors.chunk_ids()
    )
    assert by_predicate == by_mask == by_chroma
