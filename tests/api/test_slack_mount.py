"""The serve app mounts Slack's HTTP endpoint exactly when Slack is configured."""

import hashlib
import hmac
import json
import time

from pydantic import SecretStr

from tests.api.conftest import AppFactory

SECRET = "test-signing-secret-not-real"


def _signed_headers(body: str) -> dict[str, str]:
    timestamp = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": f"v0={digest}",
        "Content-Type": "application/json",
    }


def test_slack_events_are_served_when_configured(make_client: AppFactory) -> None:
    client = make_client(
        slack_bot_token=SecretStr("xoxb-test-not-real"),
        slack_signing_secret=SecretStr(SECRET),
        slack_api_url="http://127.0.0.1:9/api/",
        slack_answer_isolation="thread",
    )
    body = json.dumps({"type": "url_verification", "challenge": "c-123", "token": "t"})
    response = client.post("/slack/events", content=body, headers=_signed_headers(body))
    assert response.status_code == 200
    assert "c-123" in response.text
    forged = client.post(
        "/slack/events", content=body, headers={**_signed_headers(body), "X-Slack-Signature": "v0=0"}
    )
    assert forged.status_code == 401


def test_no_slack_endpoint_without_slack_settings(make_client: AppFactory) -> None:
    client = make_client()
    assert client.post("/slack/events", content="{}").status_code == 404
