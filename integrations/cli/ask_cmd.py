"""``cluster-advisor ask``: a cited answer, with its numbered sources below it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from assistant.language import doc_type_word
from assistant.session import Session
from corpus.console import console, print_json
from corpus.errors import NothingIngested
from corpus.i18n import format_date, translator
from integrations.cli.context import cli_context

if TYPE_CHECKING:
    from assistant.models import Answer, Citation


def register(app: typer.Typer) -> None:
    """Add the ``ask`` command to ``app``."""
    app.command("ask")(ask)


def ask(
    ctx: typer.Context,
    question: Annotated[str, typer.Argument(help="Your question, e.g. 'Which open calls fund clusters?'.")],
    conversation: Annotated[
        str | None,
        typer.Option("--conversation", help="Continue this conversation (id printed by an earlier answer)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object for scripts.")] = False,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Answer in en, de, fr, es, it or pl (default: the question's language)."),
    ] = None,
) -> None:
    """Answer a question from the corpus, citing sources (extractive unless an LLM is configured)."""
    context = cli_context(ctx)
    if context.store().is_empty():
        raise NothingIngested()
    advisor = context.advisor()
    answer = advisor.assistant.ask(
        question=question, today=context.settings.today, conversation_id=conversation, lang=lang
    )
    if as_json:
        print_json(answer.model_dump(mode="json"))
        return
    _print_answer(answer, context)


def _print_answer(answer: Answer, context: Session) -> None:
    _ = translator(answer.lang)  # the words around the answer in its language
    console.print(escape(answer.answer), highlight=False, soft_wrap=True)
    if answer.citations:
        heading = _("Sources")
        console.print(f"\n[bold]{heading}[/]")
        for citation in answer.citations:
            console.print(
                escape(_source_line(citation, context, answer.lang)), highlight=False, soft_wrap=True
            )
    note = "" if answer.grounded else _("no evidence in the corpus") + " · "
    follow = _("continue with --conversation {id}").format(id=answer.conversation_id)
    console.print(
        f"\n[dim]{note}{answer.mode} · {answer.timings_ms.get('total', 0):.0f} ms · {follow}[/]",
        highlight=False,
        soft_wrap=True,
    )


def _source_line(citation: Citation, context: Session, lang: str) -> str:
    parts = [f"[{citation.n}] {citation.title}", doc_type_word(citation.doc_type, lang)]
    if citation.identifier:
        parts.append(citation.identifier)
    if citation.doc_type == "call":
        parts.append(_call_status(citation.doc_id, context, lang))
    line = " · ".join(part for part in parts if part)
    return f"{line}\n    {citation.url}" if citation.url else line


def _call_status(doc_id: str, context: Session, lang: str) -> str:
    facts = context.advisor().calls.facts(doc_id, today=context.settings.today)
    if facts is None:
        return ""
    _ = translator(lang)
    status = _(facts.status.value)
    if facts.deadline is None:
        return status
    return f"{status}, " + _("deadline {day}").format(day=format_date(facts.deadline, lang))
