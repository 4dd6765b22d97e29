"""Merge the two F&T sources into :class:`~corpus.models.FundingCall` records.

- Grant topics and calls for proposals are keyed by their identifier (``call:<identifier>``):
  the full description comes from the CordisData topic (split into sections, plus the
  conditions), the structured budget, dates and programme from the feed; the topic's budget
  fields fill what the feed lacks. Without a topic record, the feed's truncated abstract is used.
- Cascade-funding calls are distinct calls keyed by their own feed number
  (``call:cascade:<digits>``) and titled by their own call title; the parent topic's identifier
  and title are kept in ``topic_identifier`` and ``call_title``.

Status is never copied: only the stale label is kept, in ``source_status_label``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from corpus.models import Budget, FundingCall, Provenance, Section
from corpus.sources import CORDISDATA, GRANTSFEED, SkippedItem
from corpus.sources.ft_calls import BRUSSELS, FeedCall
from corpus.sources.ft_topics import TopicRecord, split_sections

logger = logging.getLogger(__name__)

# A topics-file deadline is a bare day; F&T deadlines fall at 17:00 Brussels time.
_DEFAULT_DEADLINE_TIME = dt.time(17, 0)


def call_doc_id(feed: FeedCall) -> str:
    """The record id of a feed call: ``call:<identifier>``, cascade calls ``call:cascade:<digits>``."""
    if feed.kind == "cascade":
        return f"call:cascade:{feed.cascade_number}"
    return f"call:{feed.identifier}"


def _merge_budget(feed: Budget | None, topic: TopicRecord | None) -> Budget | None:
    base = feed or Budget()
    if topic is not None:
        base = Budget(
            total_eur=base.total_eur,
            expected_grants=base.expected_grants
            if base.expected_grants is not None
            else topic.expected_grants,
            min_contribution_eur=base.min_contribution_eur
            if base.min_contribution_eur is not None
            else topic.budget_min,
            max_contribution_eur=base.max_contribution_eur
            if base.max_contribution_eur is not None
            else topic.budget_max,
            years=base.years,
        )
    return None if base == Budget() else base


def _topic_deadline(topic: TopicRecord | None) -> dt.datetime | None:
    if topic is None or topic.deadline is None:
        return None
    local = dt.datetime.combine(topic.deadline, _DEFAULT_DEADLINE_TIME, tzinfo=BRUSSELS)
    return local.astimezone(dt.UTC)


def _sections(feed: FeedCall, topic: TopicRecord | None) -> tuple[Section, ...]:
    sections: tuple[Section, ...] = topic.sections if topic is not None else ()
    if not sections and feed.abstract:
        sections = split_sections(feed.abstract)
    if topic is not None and topic.conditions:
        sections = (*sections, Section(heading="Conditions", text=topic.conditions))
    return sections


def _summary(feed: FeedCall) -> str | None:
    # The feed's summary usually repeats the title; keep it only when it says something else.
    if feed.summary and feed.summary.casefold() != feed.title.casefold():
        return feed.summary
    return None


def _topic_title(feed: FeedCall, topic: TopicRecord | None) -> str:
    # A few feed records carry the identifier as their title: prefer a real name.
    if feed.title != feed.identifier:
        return feed.title
    if topic is not None and topic.title != topic.topic_id:
        return topic.title
    return f"{feed.call_title} ({feed.identifier})" if feed.call_title else feed.title


def build_topic_call(feed: FeedCall, topic: TopicRecord | None) -> FundingCall:
    """A Grant topic or call for proposals, merged with its CordisData topic when there is one."""
    provenance: list[Provenance] = [GRANTSFEED.provenance(feed.feed_id)]
    if topic is not None:
        provenance.append(CORDISDATA.provenance(topic.reference))
    return FundingCall(
        doc_id=call_doc_id(feed),
        title=_topic_title(feed, topic),
        url=feed.url or (topic.portal_url if topic else None),
        provenance=tuple(provenance),
        call_kind="call_for_proposals" if feed.kind == "call_for_proposals" else "topic",
        topic_identifier=feed.identifier,
        call_identifier=feed.call_identifier or (topic.call_identifier if topic else None),
        call_title=feed.call_title or (topic.call_title if topic else None),
        programme=feed.programme or (topic.programme if topic else None),
        programme_divisions=feed.programme_divisions,
        destination=feed.destination,
        action_type=feed.action_type or (topic.action_type if topic else None),
        opening_date=feed.opening_date,
        deadline=feed.deadline or _topic_deadline(topic),
        deadline_model=feed.deadline_model or (topic.deadline_model if topic else None),
        budget=_merge_budget(feed.budget, topic),
        summary=_summary(feed),
        sections=_sections(feed, topic),
        keywords=topic.keywords if topic else (),
        source_status_label=feed.status_label,
    )


def build_cascade_call(feed: FeedCall) -> FundingCall:
    """A cascade-funding open call: its own id and title; the parent topic kept for search."""
    own_title = feed.call_title or feed.summary or feed.title
    parent = f"{feed.identifier} ({feed.title})" if feed.title != feed.identifier else feed.identifier
    summary = (
        f"Cascade-funding open call (financial support to third parties) '{own_title}', "
        f"run under the EU-funded topic {parent}."
    )
    return FundingCall(
        doc_id=call_doc_id(feed),
        title=own_title,
        url=feed.url,
        provenance=(GRANTSFEED.provenance(feed.feed_id),),
        call_kind="cascade",
        topic_identifier=feed.identifier,
        call_identifier=feed.call_identifier,
        call_title=feed.title,
        programme=feed.programme,
        programme_divisions=feed.programme_divisions,
        destination=feed.destination,
        action_type=feed.action_type,
        opening_date=feed.opening_date,
        deadline=feed.deadline,
        deadline_model=feed.deadline_model,
        budget=feed.budget,
        summary=summary,
        sections=split_sections(feed.abstract) if feed.abstract else (),
        source_status_label=feed.status_label,
    )


def merge_calls(
    feed_calls: Sequence[FeedCall], topics: Sequence[TopicRecord]
) -> tuple[list[FundingCall], list[SkippedItem]]:
    """Merge feed calls with CordisData topics (matched on ``identifier == topicId``).

    Args:
        feed_calls: every feed call (the list of calls).
        topics: the CordisData topics (full descriptions).

    Returns:
        The funding calls, sorted by ``doc_id``, and the items left out with why (duplicate ids,
        topics that match no feed call — those are kept out since the feed is the list of calls).
    """
    topics_by_id = {topic.topic_id: topic for topic in topics}
    calls: dict[str, FundingCall] = {}
    skipped: list[SkippedItem] = []
    matched: set[str] = set()
    for feed in feed_calls:
        if feed.kind == "cascade":
            call = build_cascade_call(feed)
        else:
            topic = topics_by_id.get(feed.identifier)
            if topic is not None:
                matched.add(topic.topic_id)
            call = build_topic_call(feed, topic)
        if call.doc_id in calls:
            skipped.append(
                SkippedItem(
                    dataset=GRANTSFEED.dataset,
                    record_ref=feed.feed_id,
                    reason=f"duplicate record id {call.doc_id}; first record kept",
                )
            )
            continue
        calls[call.doc_id] = call
    for topic in topics:
        if topic.topic_id not in matched:
            skipped.append(
                SkippedItem(
                    dataset=CORDISDATA.dataset,
                    record_ref=topic.reference,
                    reason=f"topic {topic.topic_id} is not in the calls feed",
                )
            )
    logger.info("merged %d calls (%d topics matched)", len(calls), len(matched))
    return [calls[doc_id] for doc_id in sorted(calls)], skipped
