"""Tokens, keys and passwords never appear in logs, errors, metrics or CLI output.

Distinctive fake secrets are configured; the code paths that touch them run (a failing LLM
behind the fake OpenAI server, Slack calls to the mock Web API with rate limits, wrong API keys,
a PostgreSQL URL whose server refuses), with logging at DEBUG; then everything captured is grepped
for each secret. Once in-process (caplog, every response), once as ``cluster-advisor serve`` in a
subprocess (its whole stderr and stdout).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from slack_sdk.signature import SignatureVerifier

from assistant.app import open_advisor
from assistant.conversation import ConversationStore
from assistant.llm_openai import chat_model_from_settings
from corpus.errors import StoreUnavailable
from corpus.redaction import REDACTED, Redactor, install_redaction, secret_values
from corpus.settings import Settings
from corpus.store import RecordStore
from evals.bench_slack import wait_ready
from integrations.api import create_app
from integrations.api.deps import ApiServices
from tests.assistant.factories import TODAY, Corpus, build_corpus
from tests.fakes.openai_server import FakeOpenAIServer, Step
from tests.fakes.slack_web_api import BOT_USER_ID, TEAM_ID, MockSlackApi, mock_slack_api

OPENAI_KEY = "sk-test-OPENAIsecret0value0123456789"
BOT_TOKEN = "xoxb-1111-2222-SLACKbotSECRETtoken"
APP_TOKEN = "xapp-1-A111-SLACKappSECRETtoken"
SIGNING_SECRET = "signing-SECRET-5f2b7c9d1e"
INTERNAL_KEY = "apikey-INTERNAL-SECRET-7781"
PUBLIC_KEY = "apikey-PUBLIC-SECRET-9912"
DB_PASSWORD = "S3cretPW-db-4471"
DATABASE_URL = f"postgresql+psycopg://advisor:{DB_PASSWORD}@127.0.0.1:1/advisor"
SECRETS = (OPENAI_KEY, BOT_TOKEN, APP_TOKEN, SIGNING_SECRET, INTERNAL_KEY, PUBLIC_KEY, DB_PASSWORD)
QUESTION = "Which open calls fund cluster internationalisation?"


def secret_env(*, openai_url: str, slack_url: str) -> dict[str, str]:
    return {
        "OPENAI_API_KEY": OPENAI_KEY,
        "OPENAI_BASE_URL": openai_url,
        "CLUSTER_ADVISOR_LLM_MODEL": "fake-model",
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_APP_TOKEN": APP_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": slack_url,
        "SLACK_UPDATE_INTERVAL_S": "0",
        "CLUSTER_ADVISOR_API_KEYS": f"{INTERNAL_KEY},{PUBLIC_KEY}:public",
        "CLUSTER_ADVISOR_RATE_LIMIT": "0",
        "CLUSTER_ADVISOR_TODAY": TODAY.isoformat(),
    }


def assert_no_secret(what: str, text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} appears in {what}: ...{_around(text, secret)}..."


def _around(text: str, secret: str) -> str:
    at = text.index(secret)
    return text[max(0, at - 200) : at + len(secret) + 50]


# --- the redactor --------------------------------------------------------------------------------


def test_redactor_masks_configured_values_and_secret_shapes() -> None:
    settings = Settings(
        _env_file=None,
        OPENAI_API_KEY=OPENAI_KEY,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        CLUSTER_ADVISOR_API_KEYS=f"{INTERNAL_KEY}, {PUBLIC_KEY}:public, abc",
        CLUSTER_ADVISOR_DATABASE_URL=DATABASE_URL,
    )
    assert {OPENAI_KEY, SIGNING_SECRET, INTERNAL_KEY, PUBLIC_KEY, DB_PASSWORD} <= set(secret_values(settings))
    redactor = Redactor(secret_values(settings))
    text = (
        f"key={OPENAI_KEY} sig={SIGNING_SECRET} keys={INTERNAL_KEY},{PUBLIC_KEY}:public url={DATABASE_URL} "
        "other xoxp-99-88-unconfigured xapp-1-B2-unconfigured sk-proj-unconfiguredKEY12345678 "
        "Authorization: Bearer unconfigured-bearer-value mysql://me:hunter2x@db/x abc http://host:8000/p"
    )
    clean = redactor.redact(text)
    assert_no_secret("redacted text", clean)
    for leftover in ("xoxp-99", "xapp-1-B2", "sk-proj", "unconfigured-bearer", "hunter2x"):
        assert leftover not in clean
    assert "postgresql+psycopg://advisor:[REDACTED]@127.0.0.1:1/advisor" in clean
    assert clean.endswith("abc http://host:8000/p")  # short values and ports are left alone


def test_install_redaction_scrubs_messages_arguments_and_tracebacks(
    caplog: pytest.LogCaptureFixture, restore_log_factory: None
) -> None:
    install_redaction(Settings(_env_file=None, SLACK_SIGNING_SECRET=SIGNING_SECRET))
    log = logging.getLogger("tests.security.redaction")
    with caplog.at_level(logging.DEBUG):
        log.debug("secret in %s and %r", SIGNING_SECRET, {"token": BOT_TOKEN})
        try:
            raise RuntimeError(f"failed with {SIGNING_SECRET}")
        except RuntimeError:
            log.exception("boom")
    assert_no_secret("caplog", caplog.text)
    assert caplog.text.count(REDACTED) >= 3


@pytest.fixture
def restore_log_factory() -> Iterator[None]:
    """The record factory as it was: redaction installed by a test does not outlive it."""
    factory = logging.getLogRecordFactory()
    yield
    logging.setLogRecordFactory(factory)


# --- a full in-process run -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def secrets_corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    yield from build_corpus(tmp_path_factory.mktemp("secrets-corpus"))


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture
def slack_api() -> Iterator[MockSlackApi]:
    with mock_slack_api() as api:
        yield api


def echo_key_body() -> bytes:
    """What some OpenAI-compatible proxies answer to a bad key: the key itself, whole."""
    message = f"Incorrect API key provided: {OPENAI_KEY}. You can find your API key at ..."
    return json.dumps({"error": {"message": message, "type": "invalid_request_error"}}).encode()


def _event(text: str, event_id: str, ts: str) -> str:
    event = {"type": "app_mention", "user": "UASKER001", "text": f"<@{BOT_USER_ID}> {text}", "ts": ts,
             "channel": "CGENERAL1", "event_ts": ts}  # fmt: skip
    bot = {"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}
    return json.dumps({"token": "legacy", "team_id": TEAM_ID, "api_app_id": "A1", "event": event,
                       "type": "event_callback", "event_id": event_id, "event_time": int(time.time()),
                       "authorizations": [bot]})  # fmt: skip


def _slack_headers(body: str, secret: str = SIGNING_SECRET) -> dict[str, str]:
    timestamp = str(int(time.time()))
    signature = SignatureVerifier(secret).generate_signature(timestamp=timestamp, body=body)
    return {"Content-Type": "application/json", "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": signature or ""}  # fmt: skip


def _exercise(client: httpx.Client | TestClient) -> list[str]:
    """Every request a run makes; returns what the caller saw (bodies and headers)."""
    internal = {"Authorization": f"Bearer {INTERNAL_KEY}"}
    public = {"Authorization": f"Bearer {PUBLIC_KEY}"}
    responses = [
        client.post("/v1/ask", json={"question": QUESTION}, headers=internal),
        client.post("/v1/ask/stream", json={"question": QUESTION}, headers=public),
        client.post("/v1/ask", json={"question": QUESTION}, headers=internal),
        client.get("/v1/search", params={"q": "hydrogen"}, headers=public),
        client.get("/v1/calls", headers={"Authorization": f"Bearer {INTERNAL_KEY}x"}),
        client.get("/v1/calls", headers={"Authorization": f"Basic {INTERNAL_KEY}"}),
        client.post("/v1/ask", json={"question": ""}, headers=internal),
        client.get("/metrics"),
        client.get("/openapi.json"),
        client.get("/readyz"),
    ]
    body = _event(QUESTION, "EvSECRET01", "1715000000.000001")
    responses.append(client.post("/slack/events", content=body, headers=_slack_headers(body)))
    responses.append(client.post("/slack/events", content=body, headers=_slack_headers(body, "forged")))
    seen = [response.text + json.dumps(dict(response.headers)) for response in responses]
    assert [response.status_code for response in responses] == [
        200, 200, 200, 200, 401, 401, 422, 200, 200, 200, 200, 401
    ]  # fmt: skip
    return seen


def test_in_process_run_logs_and_answers_no_secret(
    secrets_corpus: Corpus,
    fake_openai: FakeOpenAIServer,
    slack_api: MockSlackApi,
    caplog: pytest.LogCaptureFixture,
    restore_log_factory: None,
    tmp_path: Path,
) -> None:
    for name, value in secret_env(openai_url=fake_openai.base_url, slack_url=slack_api.url).items():
        os.environ[name] = value  # removed again by the suite's environment isolation below
    try:
        settings = Settings(
            _env_file=None,
            data_dir=secrets_corpus.settings.data_dir,
            SLACK_ANSWER_ISOLATION="thread",
        )
    finally:
        for name in secret_env(openai_url="", slack_url=""):
            os.environ.pop(name, None)
    fake_openai.script(
        Step(status=500), Step(status=500), Step(status=500), Step(status=401, body=echo_key_body())
    )
    slack_api.rate_limit("chat.postMessage", times=2, retry_after=0)
    conversations = ConversationStore.open(f"sqlite:///{tmp_path / 'conversations.sqlite3'}")
    services = ApiServices(
        advisor=open_advisor(
            settings.model_copy(update={"answer_timeout_s": 10}),
            records=secrets_corpus.records,
            index=secrets_corpus.index,
            conversations=conversations,
            chat_model=chat_model_from_settings(settings, timeout_s=5),
        )
    )
    caplog.set_level(logging.DEBUG)
    with TestClient(create_app(settings, services=services)) as client:
        dumped = settings.model_copy(update={"database_url": DATABASE_URL})  # a plain str field
        logging.getLogger("tests.security").debug("settings: %r", dumped)  # as if someone dumped them
        seen = _exercise(client)
        slack_api.wait_for("chat.postMessage")
        slack_api.wait_for("chat.update", timeout=30)
    with pytest.raises(StoreUnavailable) as failure:
        RecordStore.open(DATABASE_URL)
    logging.getLogger("uvicorn.error").error("start-up failed", exc_info=failure.value)
    conversations.close()

    assert len(fake_openai.requests) >= 2
    assert all(call.authorization == f"Bearer {BOT_TOKEN}" for call in slack_api.calls)
    logs = caplog.text + "".join(record.exc_text or "" for record in caplog.records)
    assert "DEBUG" in logs and "language model" in logs
    assert_no_secret("the logs", logs)
    for number, text in enumerate(seen):
        assert_no_secret(f"response {number}", text)
    assert_no_secret("the store error", str(failure.value))


# --- ``cluster-advisor serve`` in its own process ------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cli(*args: str, env: dict[str, str], cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "integrations.cli.main", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def closed_data_dir(tmp_path: Path) -> Path:
    """A small ingested data dir that no handle in this process keeps open."""
    data_dir = tmp_path / "data"
    built = build_corpus(data_dir)
    next(built)
    next(built, None)
    return data_dir


def test_serve_subprocess_output_has_no_secret(
    closed_data_dir: Path, fake_openai: FakeOpenAIServer, slack_api: MockSlackApi, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        **secret_env(openai_url=fake_openai.base_url, slack_url=slack_api.url),
    }
    fake_openai.script(*[Step(status=500)] * 3, Step(status=401, body=echo_key_body()))
    slack_api.rate_limit("chat.postMessage", times=1, retry_after=0)
    port = _free_port()
    args = [sys.executable, "-m", "integrations.cli.main", "--log-level", "debug"]
    args += ["--data-dir", str(closed_data_dir), "serve", "--port", str(port)]
    # Debug logs fill a pipe's 64 KiB buffer within a few requests; a server whose stderr nobody reads
    # blocks in its next log call. Files take everything and are read at the end.
    out_file = (tmp_path / "serve.out").open("w+")
    err_file = (tmp_path / "serve.err").open("w+")
    server = subprocess.Popen(args, env=env, cwd=tmp_path, stdout=out_file, stderr=err_file, text=True)
    try:
        wait_ready(f"http://127.0.0.1:{port}", server, timeout_s=90)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            seen = _exercise(client)
            slack_api.wait_for("chat.update", timeout=60)
    finally:
        server.terminate()
        server.wait(timeout=60)
        out = (tmp_path / "serve.out").read_text()
        err = (tmp_path / "serve.err").read_text()
        out_file.close()
        err_file.close()
    assert "Slack events served" in err and "DEBUG" in err
    assert_no_secret("serve's stderr", err)
    assert_no_secret("serve's stdout", out)
    for number, text in enumerate(seen):
        assert_no_secret(f"response {number}", text)

    refused = _cli(
        "--log-level", "debug", "--data-dir", str(tmp_path / "pg"), "serve", "--port", str(_free_port()),
        env={**env, "CLUSTER_ADVISOR_DATABASE_URL": DATABASE_URL}, cwd=tmp_path,
    )  # fmt: skip
    assert refused.returncode != 0 and "127.0.0.1" in refused.stderr + refused.stdout
    assert_no_secret("serve with a refusing database", refused.stderr + refused.stdout)
    helped = _cli("--help", env=env, cwd=tmp_path)
    assert helped.returncode == 0 and "serve" in helped.stdout
    assert_no_secret("cluster-advisor --help", helped.stdout + helped.stderr)
