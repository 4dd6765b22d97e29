"""``POST /v1/feedback``: helpful / not helpful, with a comment, against an answer id."""

from __future__ import annotations

from fastapi import APIRouter

from integrations.api.deps import ServicesDep
from integrations.api.schemas import FeedbackRequest, FeedbackResponse

router = APIRouter(prefix="/v1", tags=["answers"])


@router.post(
    "/feedback",
    status_code=201,
    response_model=FeedbackResponse,
    responses={404: {"description": "No answer has this id."}},
)
def give_feedback(body: FeedbackRequest, services: ServicesDep) -> FeedbackResponse:
    """Record a verdict on an answer (the ``answer_id`` of ``/v1/ask``)."""
    record = services.conversations.record_feedback(
        answer_id=body.answer_id, helpful=body.helpful, comment=body.comment
    )
    return FeedbackResponse(**record.model_dump())
