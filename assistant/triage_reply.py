"""The reply a triage card drafts for the member, written in the request's language.

The words around the answer (greeting, a line for the request's category, the urgent note, what
happens next, the sign-off) come from the ``triage`` gettext domain
(``corpus/locales/<lang>/LC_MESSAGES/triage.po``); the answer itself is the assistant's answer to
the request. Both are in the language the assistant chose for the request
(:func:`assistant.language.choose_language`: the detected language of the request,
:func:`corpus.languages.detect_language`; English for a language outside the six).
"""

from __future__ import annotations

from corpus.i18n import translator


def N_(message: str) -> str:
    """Mark ``message`` for extraction into the ``triage`` catalog (translated where it is used)."""
    return message


GREETING = N_("Hello,")
OPENINGS: dict[str, str] = {
    "funding_question": N_("Thank you for your question about funding. Here is what we found:"),
    "partner_search": N_("Thank you for your partner search. Here is what we found:"),
    "event_matchmaking": N_("Thank you for your message about the event. Here is what we found:"),
    "membership_admin": N_("Thank you for your message about your membership. Here is what we found:"),
    "technical_issue": N_("Sorry for the trouble, and thank you for telling us. Here is what we found:"),
    "other": N_("Thank you for your message. Here is what we found:"),
}
"""The first line of a reply with an answer, by triage category."""
FOLLOW_UPS: dict[str, str] = {
    "funding_question": N_("A colleague from our funding desk will get back to you."),
    "partner_search": N_("A colleague will get back to you with contacts that fit."),
    "event_matchmaking": N_("Our events team will get back to you with the details."),
    "membership_admin": N_("Our membership team will get back to you."),
    "technical_issue": N_("Our technical team is looking into it and will get back to you."),
    "other": N_("A colleague will get back to you shortly."),
}
"""What happens next, by triage category (the reply's last line before the sign-off)."""
URGENT_NOTE = N_("We have marked your request as urgent.")
SIGN_OFF = N_("Best regards,\nthe cluster support team")


def draft_reply(*, category: str, urgency: str, answer: str | None, lang: str) -> str:
    """The drafted reply to a member's request.

    Args:
        category: The triage category (picks the opening and the follow-up line).
        urgency: ``high`` adds a line saying the request is marked urgent.
        answer: The assistant's answer to the request (already in ``lang``), or None when it has
            no evidence to give: then the reply says who will get back instead.
        lang: The reply's language (ISO 639-1).
    """
    _ = translator(lang, "triage")
    parts = [_(GREETING)]
    if answer:
        parts += [_(OPENINGS.get(category, OPENINGS["other"])), answer.strip()]
    if urgency == "high":
        parts.append(_(URGENT_NOTE))
    parts += [_(FOLLOW_UPS.get(category, FOLLOW_UPS["other"])), _(SIGN_OFF)]
    return "\n\n".join(parts)
