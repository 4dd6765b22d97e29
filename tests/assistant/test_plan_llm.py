"""The LLM planner and the plan-aware composer, through the real ``openai`` client and a loopback server."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from pydantic import SecretStr

from assistant.llm_openai import OpenAIChatModel
from tests.assistant.factories import Corpus, corpus
from tests.fakes.openai_server import FakeOpenAIServer

__all__ = ["corpus"]

TODAY = dt.date(2026, 5, 10)
FAKE_KEY = "sk-test-not-real"


@pytest.fixture
def model(openai_server: FakeOpenAIServer) -> Iterator[OpenAIChatModel]:
    with OpenAIChatModel(
        base_url=openai_server.base_url,
        api_key=SecretStr(FAKE_KEY),
        model="fake-model",
        timeout_s=5,
        max_retries=0,
    ) as chat_model:
        yield chat_model


def _planning(request_body: dict[str, Any] | None) -> bool:
    return bool(request_body and (request_body.get("response_format") or {}).get("type") == "json_schema")


def _responder(server: FakeOpenAIServer, *, plan: str, answer: str) -> None:
    """Plan requests (structured output) get ``plan``; answer requests get ``answer``."""

    def reply(messages: Sequence[dict[str, Any]]) -> str:
        body = server.requests[-1].body
        return plan if _planning(body) else answer

    server.respond_with(reply)


def test_the_llm_planner_uses_structured_output_and_its_plan_runs(
    corpus: Corpus, openai_server: FakeOpenAIServer, model: OpenAIChatModel
) -> None:
    plan = {"intent": "funding", "operation": "count", "programmes": ["Horizon Europe"], "statuses": ["open"]}
    _responder(openai_server, plan=json.dumps(plan), answer="There are 2 open Horizon Europe calls [1].")
    answer = corpus.assistant(chat_model=model).ask(
        question="how many horizon calls can we still join?", today=TODAY
    )

    planning = [r for r in openai_server.requests if _planning(r.body)]
    assert len(planning) == 1
    schema = planning[0].body["response_format"]["json_schema"]  # type: ignore[index]
    assert schema["name"] == "query_plan" and "operation" in schema["schema"]["properties"]
    assert answer.plan is not None and answer.plan["planner"] == "llm"
    assert answer.plan["operation"] == "count"
    first_line = answer.answer.splitlines()[0]
    assert "2" in first_line.split()  # the count the executor computed, stated first


@pytest.mark.parametrize(
    "bad_plan",
    [
        "this is not JSON",
        json.dumps({"intent": "funding", "operation": "first"}),  # a superlative without its field
        json.dumps(
            {
                "intent": "funding",
                "operation": "count",
                "deadline_window": {"start": "2026-06-01", "end": "2026-03-01"},
            }
        ),
        json.dumps({"intent": "funding", "operation": "count", "ignore_previous_instructions": True}),
    ],
)
def test_a_malformed_plan_falls_back_to_the_rules(
    corpus: Corpus, openai_server: FakeOpenAIServer, model: OpenAIChatModel, bad_plan: str
) -> None:
    _responder(openai_server, plan=bad_plan, answer="The Euroclusters call closes on 2026-06-01 [1].")
    answer = corpus.assistant(chat_model=model).ask(
        question="How many Euroclusters calls are open?", today=TODAY
    )
    assert answer.plan is not None and answer.plan["planner"] == "rules"
    assert answer.plan["operation"] == "count"


def test_a_miscounting_model_answer_is_rejected_against_the_result_table(
    corpus: Corpus, openai_server: FakeOpenAIServer, model: OpenAIChatModel
) -> None:
    plan = {"intent": "funding", "operation": "count", "programmes": ["Horizon Europe"], "statuses": ["open"]}
    _responder(openai_server, plan=json.dumps(plan), answer="There are 5 open Horizon Europe calls [1].")
    answer = corpus.assistant(chat_model=model).ask(
        question="How many Horizon Europe calls are open?", today=TODAY
    )
    answering = [r for r in openai_server.requests if not _planning(r.body)]
    assert answering, "the model was asked to write the answer"
    prompt = answering[-1].messages[-1]["content"]
    assert "Computed result" in prompt and "2 Horizon Europe calls are open on 2026-05-10" in prompt
    assert answer.mode == "extractive"  # the model said 5; the records say 2
    assert answer.answer.splitlines()[0].startswith("2 Horizon Europe calls are open on 2026-05-10")


def test_a_model_answer_that_states_the_computed_count_is_kept(
    corpus: Corpus, openai_server: FakeOpenAIServer, model: OpenAIChatModel
) -> None:
    plan = {"intent": "funding", "operation": "count", "programmes": ["Horizon Europe"], "statuses": ["open"]}
    _responder(openai_server, plan=json.dumps(plan), answer="2 Horizon Europe calls are open today [1].")
    answer = corpus.assistant(chat_model=model).ask(
        question="How many Horizon Europe calls are open?", today=TODAY
    )
    assert answer.mode == "llm" and answer.answer.startswith("2 Horizon Europe calls")


def test_a_planner_that_is_down_leaves_the_rules_plan(corpus: Corpus, model: OpenAIChatModel) -> None:
    with OpenAIChatModel(
        base_url="http://127.0.0.1:9/v1", api_key=SecretStr(FAKE_KEY), model="m", timeout_s=1, max_retries=0
    ) as unreachable:
        answer = corpus.assistant(chat_model=unreachable, llm_timeout_s=2).ask(
            question="How many Horizon Europe calls are open?", today=TODAY
        )
    assert answer.plan is not None and answer.plan["planner"] == "rules"
    assert answer.mode == "extractive" and answer.answer.startswith("2 Horizon Europe calls")
