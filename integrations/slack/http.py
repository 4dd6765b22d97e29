"""``POST /slack/events``: Slack's HTTP mode as a FastAPI router, for the ``serve`` app to include."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response

from assistant.conversation import ConversationStore
from assistant.service import Assistant
from corpus.settings import Settings
from integrations.slack.app import build_bolt_app
from integrations.slack.background import BackgroundWork
from integrations.slack.store import SlackStore

MAX_BODY_BYTES = 1024 * 1024
"""Slack payloads are small; a larger body is refused before parsing."""


def build_slack_router(
    *,
    settings: Settings,
    assistant: Assistant,
    conversations: ConversationStore,
    background: BackgroundWork,
    triage_store: SlackStore | None = None,
) -> APIRouter:
    """A router serving ``POST /slack/events`` with the Bolt app (slack_bolt's FastAPI/Starlette adapter).

    The Bolt app dispatches in the thread pool, so a slow ack never blocks the event loop; answers
    run on ``background``, which the caller owns (and shuts down when the app stops).

    Raises:
        SlackNotConfigured: ``SLACK_BOT_TOKEN`` or ``SLACK_SIGNING_SECRET`` is missing.
    """
    store = triage_store or SlackStore.from_settings(settings)
    bolt = build_bolt_app(
        settings=settings,
        assistant=assistant,
        conversations=conversations,
        triage_store=store,
        background=background,
    )
    router = APIRouter(tags=["slack"])

    @router.post("/slack/events", include_in_schema=True, summary="Slack Events API, interactivity, commands")
    async def slack_events(request: Request) -> Response:
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            return Response(status_code=413, content="payload too large")
        bolt_response = await run_in_threadpool(bolt.dispatch, to_bolt_request(request, body))
        return to_starlette_response(bolt_response)

    return router
