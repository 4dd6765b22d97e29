"""``cluster-advisor ask`` through the real CLI app over the ingested test corpus."""

from __future__ import annotations

import json
import time

from typer.testing import CliRunner

from assistant.conversation import ConversationStore
from integrations.cli.main import app
from tests.assistant.conftest import openai_server
from tests.assistant.factories import Corpus, corpus
from tests.fakes.openai_server import FakeOpenAIServer, Step

__all__ = ["corpus", "openai_server"]

QUESTION = "Which calls are open for cluster internationalisation?"
GOOD_REPLY = "Cluster internationalisation for SMEs is open until 2026-06-03 [1]."


def _ask(corpus: Corpus, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    base = ["--data-dir", str(corpus.settings.data_dir), "--today", "2026-05-10", "ask"]
    result = CliRunner().invoke(app, [*base, *args], env=env)
    return result.exit_code, result.stdout if "--json" in args else result.output


def _llm_env(server: FakeOpenAIServer, **extra: str) -> dict[str, str]:
    return {
        "OPENAI_BASE_URL": server.base_url,
        "CLUSTER_ADVISOR_LLM_MODEL": "fake-model",
        **extra,
    }


def test_ask_json_prints_the_contract(corpus: Corpus) -> None:
    code, output = _ask(corpus, "When does I3-2025-INV1 close?", "--json")
    assert code == 0, output
    payload = json.loads(output)
    assert set(payload) == {
        "answer",
        "citations",
        "grounded",
        "intent",
        "mode",
        "conversation_id",
        "timings_ms",
        "plan",
        "answer_id",
        "lang",
    }
    assert payload["lang"] == "en"
    assert payload["plan"]["identifiers"] == ["I3-2025-INV1"]
    assert payload["grounded"] and payload["intent"] == "funding" and payload["mode"] == "extractive"
    assert "closed: the deadline was 2025-11-20" in payload["answer"]
    assert set(payload["citations"][0]) == {"n", "doc_id", "doc_type", "title", "identifier", "url", "quote"}


def test_ask_text_lists_numbered_sources_with_call_status_and_continues_a_conversation(
    corpus: Corpus,
) -> None:
    code, output = _ask(corpus, "Which calls are open for cluster internationalisation?")
    assert code == 0, output
    assert "Sources" in output
    assert (
        "[1] Cluster internationalisation for SMEs · call · HORIZON-CL4-2026-CLUSTER-01 · "
        "open, deadline 2026-06-03" in output
    )
    conversation = output.rsplit("--conversation ", 1)[1].split()[0]

    code, follow = _ask(corpus, "and when is its deadline?", "--conversation", conversation, "--json")
    assert code == 0 and json.loads(follow)["conversation_id"] == conversation


def test_unknown_conversation_is_a_clear_error(corpus: Corpus) -> None:
    result = CliRunner().invoke(
        app,
        ["--data-dir", str(corpus.settings.data_dir), "ask", "and its deadline?", "--conversation", "nope"],
    )
    assert result.exit_code == 2
    assert "unknown conversation 'nope'" in result.output
    assert "Traceback" not in result.output


def test_ask_json_answer_id_is_the_stored_answer(corpus: Corpus) -> None:
    code, output = _ask(corpus, "When does I3-2025-INV1 close?", "--json")
    assert code == 0, output
    payload = json.loads(output)
    store = ConversationStore.from_settings(corpus.settings)
    try:
        stored = store.get_answer(payload["answer_id"])
    finally:
        store.close()
    assert stored.conversation_id == payload["conversation_id"]
    assert stored.content == payload["answer"]


def test_ask_answers_with_the_configured_model(corpus: Corpus, openai_server: FakeOpenAIServer) -> None:
    openai_server.reply_with(GOOD_REPLY)
    code, output = _ask(corpus, QUESTION, "--json", env=_llm_env(openai_server))
    assert code == 0, output
    assert json.loads(output)["mode"] == "llm"
    assert openai_server.requests


def test_ask_honours_the_answer_timeout_setting(corpus: Corpus, openai_server: FakeOpenAIServer) -> None:
    openai_server.script(Step(reply=GOOD_REPLY, delay_s=10.0))
    env = _llm_env(openai_server, CLUSTER_ADVISOR_ANSWER_TIMEOUT_S="0.5")
    started = time.monotonic()
    code, output = _ask(corpus, QUESTION, "--json", env=env)
    elapsed = time.monotonic() - started

    assert code == 0, output
    payload = json.loads(output)
    assert payload["mode"] == "extractive" and payload["grounded"]  # the fallback, not the late reply
    assert openai_server.requests  # the model was asked
    assert elapsed < 8.0  # gave up at the setting's 0.5 s, not the default 20 s nor the 10 s reply
