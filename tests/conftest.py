"""Shared test setup: no network beyond loopback unless a test is marked ``live``."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from typing import Any

import pytest

_real_connect = socket.socket.connect


def _is_loopback(address: Any) -> bool:
    if not isinstance(address, tuple) or not address:
        return True  # unix sockets
    host = str(address[0])
    if host in {"localhost", ""}:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    if not _is_loopback(address):
        raise RuntimeError(
            f"test tried to reach {address!r}: only loopback is allowed (mark the test 'live')"
        )
    return _real_connect(self, address)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--live", action="store_true", help="run tests marked 'live' against real external services"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--live"):
        return
    skip_live = pytest.mark.skip(reason="talks to a real external service; run with --live")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture(autouse=True)
def _no_network(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if "live" not in request.keywords:
        monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    yield


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read the developer's settings or write into ./data."""
    for name in (
        "CLUSTER_ADVISOR_DATA_DIR",
        "CLUSTER_ADVISOR_TODAY",
        "CLUSTER_ADVISOR_DATABASE_URL",
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "CLUSTER_ADVISOR_LLM_MODEL",
        "CHROMA_HOST",
        "CHROMA_PORT",
        "SLACK_BOT_TOKEN",
        "SLACK_SIGNING_SECRET",
        "SLACK_APP_TOKEN",
        "CLUSTER_ADVISOR_API_KEYS",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    # Cross-lingual search embeds every passage a test ingests a second time, with the multilingual
    # model (~10x slower than MiniLM): off unless a test is about it (tests/retrieval/test_crosslingual.py
    # and the questions in other languages on the bundled corpus, whose vectors ship).
    monkeypatch.setenv("CLUSTER_ADVISOR_CROSSLINGUAL", "off")
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
