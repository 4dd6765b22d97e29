"""The scored triage-category rules, on wordings that are in neither triage dataset."""

from __future__ import annotations

import pytest

from assistant.intents import classify_category, understand
from assistant.triage_rules import (
    CATEGORIES,
    CUES,
    MIN_SCORE,
    PRIORITY,
    RULES,
    best_category,
    categorise,
    matched_cues,
    score_categories,
)

UNSEEN: dict[str, list[str]] = {
    "technical_issue": [
        "The site is down again, nothing loads since 9am",
        "Getting a 'session expired' message every time I try to save my profile",
        "my account is locked after three wrong attempts, can you unlock it?",
        "The registration page throws an exception when I press submit",
        "Images on the member portal are not displaying in Safari",
        "Can't reset my pwd, the reset link says invalid",
        "Hi, the calendar sync with Outlook stopped working after your update",
        "I get 'access denied' when opening the shared drive folder you sent",
        "portal super slow today, pages take a minute to open",
        "Notifications from the Slack app stopped yesterday evening",
    ],
    "event_matchmaking": [
        "Could you send me the programme of the autumn cluster forum?",
        "I missed the online seminar on AI regulation, will the video be shared?",
        "Please book me two one-to-one meetings at the partnering event",
        "is there still time to sign up for the Brussels roundtable with DG GROW?",
        "we'd like to join the cluster visit to the Port of Rotterdam",
        "What's the dress code for the reception at the embassy?",
        "Can I transfer my ticket for the innovation congress to a colleague?",
        "Is there a waiting list for the study tour to Silicon Saxony?",
    ],
    "membership_admin": [
        "Could you change the billing contact for our company to accounts@acme.eu?",
        "How do we join the cluster as a university department?",
        "Please delete my personal details from your database",
        "Our direct debit for the cluster fee failed, can we pay by bank transfer instead?",
        "Can we add our subsidiary as a separate member at a reduced rate?",
        "hi, what's our member number? need it for the registration form of the ministry",
        "We merged with another member company – do we now pay one fee or two?",
        "please correct the spelling of our company name on the members page",
    ],
    "partner_search": [
        "Do you know any foundries in Slovenia that do small batches of aluminium parts?",
        "Which members produce biodegradable packaging? A retailer asked us.",
        "Need a subcontractor for PCB assembly in Central Europe, any ideas?",
        "Is there an energy cluster in Ireland we could twin with?",
        "Hi, a Canadian cluster would like to establish contacts with our aerospace SMEs — could you help?",
        "We'd like to meet hospitals interested in testing our remote monitoring device",
        "Could you make an intro to someone at the Flemish food cluster?",
        "Which universities around here do research on solid-state batteries?",
    ],
    "funding_question": [
        "Is there any support programme for SMEs that want to hire their first export manager?",
        "What's the success rate of the last Eurostars round?",
        "Is the regional innovation cheque still available in 2026?",
        "Is there a national top-up for SMEs that got the Seal of Excellence?",
        "How do we calculate indirect costs in a Horizon Europe budget?",
        "can we use a grant to pay for a trade fair participation?",
        "What is TRL 6 and does our project need it for the Pathfinder?",
        "Do EU projects finance the purchase of machinery or only R&D staff?",
    ],
    "other": [
        "Could you forward our job ad for a process engineer to the members?",
        "Happy new year to the whole cluster team!",
        "Our CEO would like to meet the cluster manager for a coffee to discuss strategy",
        "Where can I find your privacy policy?",
        "Who do I contact for a sponsorship of your annual report?",
        "Is the cluster hiring? I'd like to send my CV",
        "Good morning, just wanted to say the new website looks great",
    ],
}


@pytest.mark.parametrize(
    ("text", "category"), [(text, category) for category, texts in UNSEEN.items() for text in texts]
)
def test_unseen_wordings_get_their_category(text: str, category: str) -> None:
    assert understand(text).category == category


def test_every_category_has_cues_and_a_place_in_the_priority() -> None:
    assert set(RULES) == set(CATEGORIES) == set(PRIORITY) == set(CUES)
    assert all(any(cue.weight > 0 for cue in CUES[category]) for category in CATEGORIES)


def test_join_our_consortium_is_a_partner_search_and_join_the_cluster_is_membership() -> None:
    consortium = score_categories("Would a Dutch robotics SME like to join our consortium?")
    assert consortium["membership_admin"] < 0 < consortium["partner_search"]
    assert categorise("Would a Dutch robotics SME like to join our consortium?") == "partner_search"
    assert categorise("How can a start-up join the cluster?") == "membership_admin"


def test_a_failing_thing_outranks_the_words_around_it() -> None:
    # "invoice" and "payment" are membership words, but a broken payment page is the web team's
    text = "The payment page for the invoice keeps crashing with error 502"
    assert categorise(text) == "technical_issue"
    assert categorise("Our invoice shows the wrong amount") == "membership_admin"


def test_a_video_call_is_not_a_funding_call() -> None:
    assert categorise("The video call link for the working group is broken") == "technical_issue"
    assert score_categories("the video call went fine")["funding_question"] < 0


def test_the_cluster_team_is_not_a_partner() -> None:
    assert categorise("Could we meet the cluster team to talk about your press work?") == "other"
    assert categorise("Could we meet a battery cluster to talk about a joint project?") == "partner_search"


def test_weak_evidence_falls_back_to_other() -> None:
    assert categorise("hello, quick question") == "other"
    assert categorise("") == "other"
    weak = score_categories("the project")
    assert 0 < max(weak.values()) < MIN_SCORE
    assert best_category(weak) == "other"


def test_ties_go_to_the_more_specific_queue() -> None:
    tie = dict.fromkeys(CATEGORIES, 3.0)
    assert best_category(tie) == PRIORITY[0] == "technical_issue"
    assert best_category({"funding_question": 2.0, "partner_search": 2.0}) == "partner_search"


def test_the_answering_intent_is_only_a_hint() -> None:
    text = "Any thoughts on the topic?"  # "topic" alone is weak funding evidence
    assert categorise(text) == "other"
    assert categorise(text, intent="funding") == "funding_question"
    assert classify_category("We need a webinar recording", "funding") == "event_matchmaking"


def test_curly_apostrophes_read_like_straight_ones() -> None:
    assert categorise("I can\u2019t log in since this morning") == "technical_issue"


def test_matched_cues_explain_the_decision() -> None:
    cues = matched_cues("Please resend the membership invoice")
    assert {weight for _, weight in cues["membership_admin"]} == {3.0}
    assert len(cues["membership_admin"]) >= 2
    assert cues["technical_issue"] == []
