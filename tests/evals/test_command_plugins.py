"""The eval and bench commands reach the CLI only through the ``cluster_advisor.commands`` entry point."""

from __future__ import annotations

import tomllib
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import evals.cli
from integrations.cli import main

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_pyproject_declares_the_development_commands() -> None:
    declared = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["entry-points"]
    value = declared[main.COMMANDS_GROUP]["development"]
    loaded = EntryPoint(name="development", value=value, group=main.COMMANDS_GROUP).load()
    assert loaded is evals.cli.register_commands


def test_installed_plugins_are_loaded_from_the_entry_point_group(monkeypatch: pytest.MonkeyPatch) -> None:
    declared = [EntryPoint("development", "evals.cli:register_commands", main.COMMANDS_GROUP)]
    monkeypatch.setattr(
        main, "entry_points", lambda *, group: declared if group == main.COMMANDS_GROUP else []
    )
    assert main.installed_command_plugins() == [evals.cli.register_commands]


def test_development_commands_show_under_their_own_help_panel() -> None:
    cli = typer.Typer(rich_markup_mode="rich")

    @cli.command("ask")
    def ask() -> None:
        """A product command."""

    main.add_commands(cli, [evals.cli.register_commands])
    result = CliRunner().invoke(cli, ["--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    panel = result.output.split(evals.cli.PANEL, 1)
    assert len(panel) == 2, result.output
    assert "eval" in panel[1] and "bench" in panel[1]
    assert "ask" in panel[0] and "ask" not in panel[1]
