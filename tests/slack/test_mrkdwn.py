"""Markdown → Slack mrkdwn, on an answer written the way chat models write them."""

from __future__ import annotations

import pytest

from integrations.slack.mrkdwn import markdown_to_mrkdwn

LLM_ANSWER = """## Open calls for cluster internationalisation

Here are the **open calls** that fund *internationalisation* of clusters as of 10 May 2026:

1. **Euroclusters – Call 3** (`SMP-COSME-2024-CLUSTER-01`) — deadline **21 May 2026** [1]
   - Budget: EUR 2.5 million, up to EUR 60,000 per SME
   - Apply via the [Funding & Tenders portal](https://ec.europa.eu/funding-tenders)
2. **Interregional Innovation Investments (I3)** — deadline 30 June 2026 [2]

* Eligible: SMEs & cluster organisations with partners in __two__ countries
* ~~Closed:~~ the 2025 round

> Check the call documents before applying.

```python
print("not **converted**")
```
---"""

SLACK_ANSWER = """*Open calls for cluster internationalisation*

Here are the *open calls* that fund _internationalisation_ of clusters as of 10 May 2026:

1. *Euroclusters – Call 3* (`SMP-COSME-2024-CLUSTER-01`) — deadline *21 May 2026* [1]
    ◦ Budget: EUR 2.5 million, up to EUR 60,000 per SME
    ◦ Apply via the <https://ec.europa.eu/funding-tenders|Funding &amp; Tenders portal>
2. *Interregional Innovation Investments (I3)* — deadline 30 June 2026 [2]

• Eligible: SMEs &amp; cluster organisations with partners in *two* countries
• ~Closed:~ the 2025 round

> Check the call documents before applying.

```
print("not **converted**")
```
───"""


def test_an_llm_style_answer_becomes_slack_mrkdwn() -> None:
    assert markdown_to_mrkdwn(LLM_ANSWER) == SLACK_ANSWER


@pytest.mark.parametrize(
    ("markdown", "mrkdwn"),
    [
        ("Contact <!channel> now", "Contact &lt;!channel&gt; now"),
        ("[click](javascript:alert(1))", "[click](javascript:alert(1))"),
        ("[site](slack://open)", "[site](slack://open)"),
        ("[a|b](https://x.eu/?q=<1>)", "<https://x.eu/?q=%3C1%3E|a¦b>"),
        ("[mail](mailto:info@clusters.eu)", "<mailto:info@clusters.eu|mail>"),
        ("snake_case_name and 2*3*4 stay", "snake_case_name and 2*3*4 stay"),
        ("a `**literal**` code span", "a `**literal**` code span"),
        ("See [1] and [2, 3].", "See [1] and [2, 3]."),
        ("```\nopen fence *kept*", "```\nopen fence *kept*\n```"),
        ("# Title with **bold**", "*Title with bold*"),
        ("- **Deadline:** 21 May", "• *Deadline:* 21 May"),
    ],
)
def test_each_rule(markdown: str, mrkdwn: str) -> None:
    assert markdown_to_mrkdwn(markdown) == mrkdwn


def test_plain_text_is_only_escaped() -> None:
    text = "The call closes on 2026-05-21 at 17:00 Brussels time [1]. R&D <b>tags</b> stay text."
    assert markdown_to_mrkdwn(text) == text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_llm_answers_reach_slack_blocks_as_mrkdwn_and_extractive_ones_as_escaped_text() -> None:
    from assistant.models import Answer
    from integrations.slack.blocks import answer_blocks

    def section_text(mode: str) -> str:
        answer = Answer(
            answer="**Euroclusters** closes on 21 May [1].\n- apply <now>",
            grounded=True,
            intent="funding",
            mode=mode,  # type: ignore[arg-type]
            conversation_id="c1",
        )
        return str(answer_blocks(answer, answer_id=None)[0]["text"]["text"])

    assert section_text("llm") == "*Euroclusters* closes on 21 May [1].\n• apply &lt;now&gt;"
    assert section_text("extractive") == "**Euroclusters** closes on 21 May [1].\n- apply &lt;now&gt;"
