"""The HTTP API and the chat page (FastAPI). Only this package imports fastapi."""

from integrations.api.app import create_app

__all__ = ["create_app"]
