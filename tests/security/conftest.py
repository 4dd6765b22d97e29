"""Fixtures the security tests borrow from the API and Slack suites."""

from tests.api.conftest import make_client  # noqa: F401 - fixture
from tests.assistant.factories import corpus  # noqa: F401 - fixture (make_client's corpus)
from tests.slack.conftest import slack, slack_corpus  # noqa: F401 - fixtures
