"""The Slack app as Slack drives it: signed payloads to ``/slack/events``, the Web API on loopback."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response
from slack_sdk.signature import SignatureVerifier

from assistant.app import Advisor, open_advisor
from assistant.conversation import ConversationStore
from corpus.settings import Settings
from integrations.slack.background import ThreadWork
from integrations.slack.http import build_slack_router
from integrations.slack.store import SlackStore
from tests.assistant.factories import TODAY, Corpus, build_corpus
from tests.fakes.slack_web_api import BOT_USER_ID, TEAM_ID, MockSlackApi, mock_slack_api

SIGNING_SECRET = "test-signing-secret-0123456789"
SUPPORT_CHANNEL = "CSUPPORT1"
ROUTING = {"funding_question": "UFUNDING1", "technical_issue": "SHELPDESK", "default": "UTRIAGE01"}


@dataclass
class SlackHarness:
    """The app under test, its Web API mock and its stores."""

    client: TestClient
    api: MockSlackApi
    store: SlackStore
    conversations: ConversationStore
    settings: Settings
    advisor: Advisor
    _event_seq: int = 0

    def post_signed(
        self,
        body: str,
        *,
        content_type: str,
        timestamp: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        """POST ``body`` to ``/slack/events`` signed as Slack signs it (v0, HMAC-SHA256)."""
        ts = str(int(time.time()) if timestamp is None else timestamp)
        signature = SignatureVerifier(SIGNING_SECRET).generate_signature(timestamp=ts, body=body)
        all_headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": signature,
            **(headers or {}),
        }
        return self.client.post("/slack/events", content=body.encode(), headers=all_headers)

    def send_event(self, event: dict[str, Any], *, event_id: str | None = None, **kwargs: Any) -> Response:
        """Deliver an Events API callback wrapping ``event``."""
        self._event_seq += 1
        body = {
            "token": "legacy",
            "team_id": TEAM_ID,
            "api_app_id": "A00000001",
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{self._event_seq:08d}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
        }
        return self.post_signed(json.dumps(body), content_type="application/json", **kwargs)

    def send_interaction(self, payload: dict[str, Any]) -> Response:
        """Deliver an interactivity payload (buttons, shortcuts) as Slack does: form field ``payload``."""
        body = urlencode({"payload": json.dumps(payload)})
        return self.post_signed(body, content_type="application/x-www-form-urlencoded")

    def send_command(
        self,
        text: str,
        *,
        user: str = "UASKER001",
        channel: str = "CGENERAL1",
        response_url: str | None = None,
    ) -> Response:
        """Deliver the slash command ``/advisor text`` (its response URL served by the Web API fake)."""
        fields = {
            "token": "legacy",
            "team_id": TEAM_ID,
            "channel_id": channel,
            "user_id": user,
            "command": "/advisor",
            "text": text,
            "api_app_id": "A00000001",
            "response_url": response_url or self.api.response_url("commands/1"),
            "trigger_id": "1.2.3",
        }
        return self.post_signed(urlencode(fields), content_type="application/x-www-form-urlencoded")


def mention(text: str, *, ts: str, channel: str = "CGENERAL1", user: str = "UASKER001", **extra: Any) -> dict:
    """An ``app_mention`` event."""
    return {"type": "app_mention", "user": user, "text": f"<@{BOT_USER_ID}> {text}", "ts": ts,
            "channel": channel, "event_ts": ts, **extra}  # fmt: skip


def message(text: str, *, ts: str, channel: str = "CGENERAL1", user: str = "UASKER001", **extra: Any) -> dict:
    """A ``message`` event (``channel_type`` defaults to ``channel``)."""
    return {"type": "message", "user": user, "text": text, "ts": ts, "channel": channel,
            "event_ts": ts, "channel_type": "channel", **extra}  # fmt: skip


@pytest.fixture(scope="session")
def slack_corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    """The small test corpus, ingested for the Slack tests alone (other suites write to the shared one)."""
    yield from build_corpus(tmp_path_factory.mktemp("slack-corpus"))


@pytest.fixture
def slack(slack_corpus: Corpus, tmp_path: Path) -> Iterator[SlackHarness]:
    """The FastAPI app with the Slack router, against a fresh mock Web API and fresh stores."""
    with mock_slack_api() as api:
        settings = Settings(
            _env_file=None,
            data_dir=tmp_path,
            today_override=TODAY,
            slack_bot_token="xoxb-test-token",
            slack_signing_secret=SIGNING_SECRET,
            slack_api_url=api.url,
            slack_support_channels=SUPPORT_CHANNEL,
            slack_triage_routing=ROUTING,
            slack_update_interval_s=0.0,
        )
        conversations = ConversationStore.open(f"sqlite:///{tmp_path / 'conversations.sqlite3'}")
        store = SlackStore.from_settings(settings)
        advisor = open_advisor(
            settings,
            records=slack_corpus.records,
            index=slack_corpus.index,
            conversations=conversations,
            chat_model=None,
        )
        background = ThreadWork(workers=settings.slack_answer_workers)
        web = FastAPI()
        web.include_router(build_slack_router(advisor=advisor, triage_store=store, background=background))
        with TestClient(web) as client:
            yield SlackHarness(
                client=client,
                api=api,
                store=store,
                conversations=conversations,
                settings=settings,
                advisor=advisor,
            )
        time.sleep(0.1)  # let a lazy listener that is still finishing hand its work over
        background.shutdown(wait=True)
        store.close()
        conversations.close()
