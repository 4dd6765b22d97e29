"""The Slack Web API server for tests: the one implementation in :mod:`evals.slack_web_api`.

``bench slack`` and ``bench all`` run it at run time, so it ships in ``evals``; tests take it from
here, never from ``evals`` directly.
"""

from __future__ import annotations

from evals.slack_web_api import (
    BOT_ID,
    BOT_USER_ID,
    RESPONSE_URL_METHOD,
    TEAM_ID,
    Call,
    MockSlackApi,
    mock_slack_api,
)

__all__ = [
    "BOT_ID",
    "BOT_USER_ID",
    "RESPONSE_URL_METHOD",
    "TEAM_ID",
    "Call",
    "MockSlackApi",
    "mock_slack_api",
]
