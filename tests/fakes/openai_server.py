"""The OpenAI-compatible server for tests: the one implementation in :mod:`evals.llm_server`.

Evals serve their deterministic models with it at run time, so it ships in ``evals``; tests take it
from here, with the ``openai_server`` fixture.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from evals.llm_server import FakeOpenAIServer, Message, RecordedRequest, Responder, Step, echo_last_user

__all__ = [
    "FakeOpenAIServer",
    "Message",
    "RecordedRequest",
    "Responder",
    "Step",
    "echo_last_user",
    "openai_server",
]


@pytest.fixture
def openai_server() -> Iterator[FakeOpenAIServer]:
    """A started :class:`FakeOpenAIServer`, stopped after the test. Import it into a conftest."""
    with FakeOpenAIServer() as server:
        yield server
