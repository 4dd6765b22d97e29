"""Fixtures of the assistant tests: the fake OpenAI-compatible server."""

from __future__ import annotations

from tests.fakes.openai_server import openai_server

__all__ = ["openai_server"]
