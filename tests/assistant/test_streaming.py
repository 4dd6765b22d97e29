"""Answer events and their server-sent-events form."""

from __future__ import annotations

import json

from assistant.models import Answer, Citation
from assistant.streaming import citations_event, delta_event, final_event, to_sse

CITATION = Citation(n=1, doc_id="d", doc_type="policy", title="T", quote="Q.")
ANSWER = Answer(
    answer="Clusters help. [1]", citations=(CITATION,), grounded=True, intent="policy", mode="extractive",
    conversation_id="c",
)  # fmt: skip


def test_sse_frames_each_event_with_its_name_and_json_data() -> None:
    frames = list(to_sse([delta_event("Clusters help. "), citations_event([CITATION]), final_event(ANSWER)]))

    assert [frame.split("\n")[0] for frame in frames] == ["event: delta", "event: citations", "event: final"]
    assert all(frame.endswith("\n\n") for frame in frames)
    final = json.loads(frames[-1].split("data: ", 1)[1])
    assert final["answer"] == ANSWER.model_dump(mode="json")
    assert json.loads(frames[1].split("data: ", 1)[1])["citations"][0]["quote"] == "Q."
