"""``POST /v1/ask``, ``/v1/ask/stream`` and ``/v1/feedback`` over the test corpus."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient

ASK_KEYS = {"answer", "citations", "grounded", "intent", "mode", "conversation_id", "timings_ms"}


def test_ask_returns_the_cli_json_shape_with_citations(client: TestClient) -> None:
    response = client.post(
        "/v1/ask", json={"question": "Which open calls fund cluster internationalisation?"}
    )
    assert response.status_code == 200
    body = response.json()
    assert ASK_KEYS <= set(body)
    assert body["grounded"] is True and body["intent"] == "funding" and body["mode"] == "extractive"
    assert body["citations"], body
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", body["answer"])}
    assert markers and markers <= {citation["n"] for citation in body["citations"]}
    assert "HORIZON-CL4-2026-CLUSTER-01" in {citation["identifier"] for citation in body["citations"]}
    assert body["answer_id"]


def test_ask_continues_a_conversation_and_rejects_an_unknown_one(client: TestClient) -> None:
    first = client.post("/v1/ask", json={"question": "Which open calls fund cluster internationalisation?"})
    conversation = first.json()["conversation_id"]
    follow = client.post("/v1/ask", json={"question": "When does it close?", "conversation_id": conversation})
    assert follow.status_code == 200 and follow.json()["conversation_id"] == conversation
    unknown = client.post("/v1/ask", json={"question": "Any calls?", "conversation_id": "nope"})
    assert unknown.status_code == 404 and "nope" in unknown.json()["detail"]


def test_ask_without_evidence_is_200_and_not_grounded(client: TestClient) -> None:
    response = client.post("/v1/ask", json={"question": "What is the recipe for a chocolate cake?"})
    assert response.status_code == 200
    assert response.json()["grounded"] is False


def test_ask_filters_and_today_are_applied(client: TestClient) -> None:
    body = {
        "question": "Which calls fund cluster internationalisation?",
        "filters": {"type": "call", "status": "open"},
        "today": "2026-05-10",
    }
    response = client.post("/v1/ask", json=body)
    assert response.status_code == 200
    identifiers = {citation["identifier"] for citation in response.json()["citations"]}
    assert "I3-2025-INV1" not in identifiers  # closed on that day


def test_validation_errors_name_the_field(client: TestClient) -> None:
    missing = client.post("/v1/ask", json={})
    assert missing.status_code == 422 and "question" in missing.json()["detail"]
    wrong = client.post("/v1/ask", json={"question": "calls?", "today": "tomorrow"})
    assert wrong.status_code == 422 and "today" in wrong.json()["detail"]
    bad_filter = client.post("/v1/ask", json={"question": "calls?", "filters": {"status": "maybe"}})
    assert bad_filter.status_code == 422 and "status" in bad_filter.json()["detail"]
    bad_country = client.post("/v1/ask", json={"question": "clusters?", "filters": {"country": "Atlantis"}})
    assert bad_country.status_code == 422 and "country" in bad_country.json()["detail"]
    blank = client.post("/v1/ask", json={"question": "   "})
    assert blank.status_code == 422 and "empty" in blank.json()["detail"]


def test_malformed_json_is_422(client: TestClient) -> None:
    response = client.post("/v1/ask", content=b'{"question": ', headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert "JSON" in response.json()["detail"]


def _events(text: str) -> list[tuple[str, dict[str, object]]]:
    events = []
    for block in text.strip().split("\n\n"):
        if block.startswith(":"):
            continue  # a keep-alive comment (the machine may be slow)
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((lines["event"], json.loads(lines["data"])))
    return events


def test_stream_sends_deltas_then_citations_then_the_final_answer(client: TestClient) -> None:
    with client.stream(
        "POST", "/v1/ask/stream", json={"question": "Which open calls fund cluster internationalisation?"}
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        text = "".join(response.iter_text())
    events = _events(text)
    names = [name for name, _ in events]
    assert names[0] == "delta" and names[-2:] == ["citations", "final"]
    assert set(names[:-2]) == {"delta"}
    final = events[-1][1]["answer"]
    assert isinstance(final, dict) and ASK_KEYS <= set(final) and final["answer_id"]
    streamed = "".join(str(data["text"]) for name, data in events if name == "delta")
    assert streamed.strip() == str(final["answer"]).strip()
    assert events[-2][1]["citations"] == final["citations"]


def test_stream_rejects_bad_input_before_streaming(client: TestClient) -> None:
    response = client.post("/v1/ask/stream", json={"question": "?"})
    assert response.status_code == 422


def test_feedback_on_an_answer_and_on_an_unknown_id(client: TestClient) -> None:
    answer = client.post("/v1/ask", json={"question": "Which open calls fund cluster internationalisation?"})
    answer_id = answer.json()["answer_id"]
    response = client.post(
        "/v1/feedback", json={"answer_id": answer_id, "helpful": True, "comment": "Spot on"}
    )
    assert response.status_code == 201
    assert response.json()["helpful"] is True and response.json()["comment"] == "Spot on"
    unknown = client.post("/v1/feedback", json={"answer_id": "no-such-answer", "helpful": False})
    assert unknown.status_code == 404 and "no-such-answer" in unknown.json()["detail"]
    wrong_type = client.post("/v1/feedback", json={"answer_id": answer_id, "helpful": "very"})
    assert wrong_type.status_code == 422 and "helpful" in wrong_type.json()["detail"]


def test_ask_lang_overrides_detection_and_is_returned(client: TestClient) -> None:
    body = {
        "question": "Which open calls fund cluster internationalisation?",
        "lang": "de",
        "today": "2026-05-10",
    }
    response = client.post("/v1/ask", json=body)
    assert response.status_code == 200
    answer = response.json()
    assert answer["lang"] == "de" and "Frist" in answer["answer"] and "deadline" not in answer["answer"]
    english = client.post("/v1/ask", json={**body, "lang": None}).json()
    assert english["lang"] == "en" and "deadline" in english["answer"]
    with client.stream("POST", "/v1/ask/stream", json={**body, "lang": "fr"}) as streamed:
        final = _events("".join(streamed.iter_text()))[-1][1]["answer"]
    assert isinstance(final, dict) and final["lang"] == "fr"


def test_an_unsupported_lang_is_422_naming_the_languages(client: TestClient) -> None:
    response = client.post("/v1/ask", json={"question": "Which calls are open?", "lang": "pt"})
    assert response.status_code == 422
    assert "en, de, fr, es, it, pl" in response.json()["detail"]
