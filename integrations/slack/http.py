"""``POST /slack/events``: Slack's HTTP mode as a FastAPI router, for the ``serve`` app to include."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from slack_sdk.signature import SignatureVerifier

from assistant.app import Advisor
from integrations.api.security import SLACK_EVENTS_PATH, SLACK_MAX_BODY_BYTES
from integrations.slack.app import build_bolt_app
from integrations.slack.background import BackgroundWork
from integrations.slack.client import signing_secret
from integrations.slack.store import SlackStore

MAX_BODY_BYTES = SLACK_MAX_BODY_BYTES
"""A larger body is refused before it is read (by its ``Content-Length``) or parsed."""


def build_slack_router(
    *,
    advisor: Advisor,
    background: BackgroundWork,
    triage_store: SlackStore | None = None,
) -> APIRouter:
    """A router serving ``POST /slack/events`` with the Bolt app (slack_bolt's FastAPI/Starlette adapter).

    The Bolt app dispatches in the thread pool, so a slow ack never blocks the event loop; answers
    run on ``background``, which the caller owns (and shuts down when the app stops).

    Raises:
        SlackNotConfigured: ``SLACK_BOT_TOKEN`` or ``SLACK_SIGNING_SECRET`` is missing.
    """
    settings = advisor.settings
    store = triage_store or SlackStore.from_settings(settings)
    bolt = build_bolt_app(advisor=advisor, triage_store=store, background=background)
    router = APIRouter(tags=["slack"])

    verifier = SignatureVerifier(signing_secret(settings))

    @router.post(
        SLACK_EVENTS_PATH, include_in_schema=True, summary="Slack Events API, interactivity, commands"
    )
    async def slack_events(request: Request) -> Response:
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > MAX_BODY_BYTES:
            return Response(status_code=413, content="payload too large")
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            return Response(status_code=413, content="payload too large")
        timestamp = request.headers.get("x-slack-request-timestamp", "")
        signature = request.headers.get("x-slack-signature", "")
        if not timestamp.isdigit() or not verifier.is_valid(body, timestamp, signature):
            return Response(status_code=401, content="invalid request signature or timestamp")
        try:
            bolt_request = to_bolt_request(request, body)
        except (ValueError, TypeError, AttributeError):  # signed, yet not a Slack payload
            return Response(status_code=400, content="malformed Slack payload")
        if not isinstance(bolt_request.body, dict):
            return Response(status_code=400, content="malformed Slack payload")
        bolt_response = await run_in_threadpool(bolt.dispatch, bolt_request)
        return to_starlette_response(bolt_response)

    return router
