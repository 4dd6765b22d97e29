"""``cluster-advisor ask`` through the real CLI app over the ingested test corpus."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from integrations.cli.main import app
from tests.assistant.factories import Corpus, corpus

__all__ = ["corpus"]


def _ask(corpus: Corpus, *args: str) -> tuple[int, str]:
    base = ["--data-dir", str(corpus.settings.data_dir), "--today", "2026-05-10", "ask"]
    result = CliRunner().invoke(app, [*base, *args])
    return result.exit_code, result.output


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
    }
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
