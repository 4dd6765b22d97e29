"""Follow-up resolution by entity carry-over (pure)."""

from __future__ import annotations

from assistant.followups import TurnState, is_follow_up, resolve
from assistant.intents import understand

FUNDING = TurnState(
    intent="funding",
    query="Which open calls fund cluster internationalisation?",
    status="open",
    focus_doc_ids=("call:A", "call:B"),
)
PARTNERS = TurnState(
    intent="partners",
    query="Battery clusters in Central Europe?",
    countries=("AT", "CZ", "DE"),
    regions=("Central Europe",),
    sectors=("battery",),
    focus_doc_ids=("cluster:x",),
)


def test_its_deadline_points_at_the_first_cited_call() -> None:
    resolved = resolve(understand("and when is its deadline?"), FUNDING)
    assert resolved.follow_up and resolved.intent == "funding"
    assert resolved.focus_doc_ids == ("call:A",)
    assert resolved.entities.status is None


def test_their_deadlines_point_at_all_cited_calls_and_the_second_at_the_second() -> None:
    assert resolve(understand("when do they close?"), FUNDING).focus_doc_ids == ("call:A", "call:B")
    assert resolve(understand("and the second one, when does it close?"), FUNDING).focus_doc_ids == (
        "call:B",
    )


def test_a_new_country_replaces_the_old_one_and_the_sector_is_kept() -> None:
    resolved = resolve(understand("any in Spain instead?"), PARTNERS)
    assert resolved.intent == "partners"
    assert resolved.entities.countries == ("ES",) and resolved.entities.regions == ()
    assert resolved.entities.sectors == ("battery",)
    assert "Battery clusters" in resolved.text


def test_a_new_status_replaces_the_old_one() -> None:
    resolved = resolve(understand("what about forthcoming ones?"), FUNDING)
    assert resolved.intent == "funding" and resolved.entities.status == "forthcoming"
    assert resolved.focus_doc_ids == ()


def test_standalone_questions_are_left_alone() -> None:
    question = understand("Which hydrogen clusters are there in Finland?")
    assert not is_follow_up(question.text, question.entities)
    resolved = resolve(question, PARTNERS)
    assert not resolved.follow_up and resolved.entities.countries == ("FI",)
    named = resolve(understand("and when does I3-2026-INV1 close?"), FUNDING)
    assert not named.follow_up and named.entities.identifiers == ("I3-2026-INV1",)


def test_no_previous_turn_means_no_carry_over() -> None:
    resolved = resolve(understand("and when is its deadline?"), None)
    assert not resolved.follow_up and resolved.focus_doc_ids == ()


def test_turn_state_round_trips_and_ignores_garbage() -> None:
    assert TurnState.from_stored(FUNDING.model_dump(mode="json")) == FUNDING
    assert TurnState.from_stored({"nonsense": 1}) is None
    assert TurnState.from_stored(None) is None


def test_history_for_the_model_drops_old_citation_markers() -> None:
    from assistant.followups import history_messages

    messages = history_messages(
        [("user", "Open calls [1]?"), ("assistant", "Call A closes soon [1][2]. B [3, 4].")]
    )
    assert [m.content for m in messages] == ["Open calls [1]?", "Call A closes soon. B."]
