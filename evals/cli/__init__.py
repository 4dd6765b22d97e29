"""The development commands (``eval …`` and ``bench …``), attached to the product CLI from outside.

The product never imports this package: ``pyproject.toml`` declares :func:`register_commands` in
the ``cluster_advisor.commands`` entry-point group, and the CLI calls every function of that group
with its Typer app at start-up (the way simonw/llm's ``register_commands`` plugin hook works). The
commands show in ``--help`` under their own "Development" panel.
"""

from __future__ import annotations

import typer

from evals.cli import (
    bench_cmd,
    bench_crash_cmd,
    bench_embeddings_cmd,
    eval_answers_cmd,
    eval_cmd,
    eval_redteam_cmd,
    eval_triage_cmd,
)

PANEL = "Development"
"""The ``--help`` panel the development commands are listed under."""

bench_crash_cmd.register(bench_cmd.app)
bench_embeddings_cmd.register(bench_cmd.app)
eval_answers_cmd.register_eval(eval_cmd.app)
eval_answers_cmd.register_bench(bench_cmd.app)
eval_triage_cmd.register_eval(eval_cmd.app)
eval_redteam_cmd.register_eval(eval_cmd.app)
eval_triage_cmd.register_bench(bench_cmd.app)


def register_commands(cli: typer.Typer) -> None:
    """Add the ``eval`` and ``bench`` groups to the product CLI ``cli``."""
    cli.add_typer(eval_cmd.app, name="eval", rich_help_panel=PANEL)
    cli.add_typer(bench_cmd.app, name="bench", rich_help_panel=PANEL)
