"""``bench embeddings --models``: configuration names, the settings each sets, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from assistant.session import Session
from corpus.errors import InvalidInput
from corpus.settings import Settings
from evals.bench_configurations import (
    DEFAULT_CONFIGURATIONS,
    SearchConfiguration,
    known_configurations,
    parse_configurations,
)
from evals.cli import bench_embeddings_cmd


def test_the_default_is_english_only_minilm_with_e5_and_e5_alone() -> None:
    configurations = parse_configurations(",".join(DEFAULT_CONFIGURATIONS))
    assert configurations == [
        SearchConfiguration(name="onnx-minilm", embedding_backend="onnx-minilm", crosslingual=False),
        SearchConfiguration(name="onnx-minilm+e5", embedding_backend="onnx-minilm", crosslingual=True),
        SearchConfiguration(name="e5-small", embedding_backend="e5-small", crosslingual=False),
    ]
    assert [c.settings_update for c in configurations] == [
        {"embedding_backend": "onnx-minilm", "crosslingual": "off"},
        {"embedding_backend": "onnx-minilm", "crosslingual": "e5-small"},
        {"embedding_backend": "e5-small", "crosslingual": "off"},
    ]


def test_each_configuration_sets_both_settings_whatever_the_environment_says() -> None:
    # tests/conftest.py sets CLUSTER_ADVISOR_CROSSLINGUAL=off: +e5 must turn it on ...
    from_env = Settings(_env_file=None)
    assert from_env.crosslingual == "off"
    minilm_e5 = parse_configurations("onnx-minilm+e5")[0].apply(from_env)
    assert (minilm_e5.embedding_backend, minilm_e5.crosslingual) == ("onnx-minilm", "e5-small")
    # ... and a plain name must turn it off where it is on (the product's default)
    default_on = Settings(_env_file=None, CLUSTER_ADVISOR_CROSSLINGUAL="e5-small")
    english_only = parse_configurations("onnx-minilm")[0].apply(default_on)
    assert (english_only.embedding_backend, english_only.crosslingual) == ("onnx-minilm", "off")
    assert default_on.crosslingual == "e5-small"  # a copy: the session's settings are untouched
    e5 = parse_configurations("e5-small")[0].apply(default_on)
    assert e5.embedding_backend == "e5-small" and e5.data_dir == default_on.data_dir


def test_spaces_repeats_and_lists_of_options_are_read_in_order_once() -> None:
    names = [c.name for c in parse_configurations(" e5-small , onnx-minilm+e5,,e5-small ")]
    assert names == ["e5-small", "onnx-minilm+e5"]
    assert [c.name for c in parse_configurations(["onnx-minilm", "openai+e5"])] == [
        "onnx-minilm",
        "openai+e5",
    ]
    assert "openai+e5" in known_configurations() and "e5-small+e5" not in known_configurations()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "minilm",
            "unknown configuration 'minilm': use one of onnx-minilm, e5-small, openai, onnx-minilm+e5",
        ),
        ("onnx-minilm+e6", "unknown configuration 'onnx-minilm+e6'"),
        ("e5-small+e5", "'e5-small+e5': e5-small is multilingual already and keeps no cross-lingual matrix"),
        (" , ", "no configuration given: use e.g. onnx-minilm,onnx-minilm+e5,e5-small"),
    ],
)
def test_bad_names_say_what_is_wrong_and_what_to_use(value: str, message: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        parse_configurations(value)
    assert message in str(raised.value)


def test_the_command_rejects_a_bad_configuration_before_touching_the_data_dir(tmp_path: Path) -> None:
    root, bench_app = typer.Typer(), typer.Typer()

    @root.callback()
    def main(ctx: typer.Context) -> None:
        ctx.obj = Session(settings=Settings(_env_file=None, CLUSTER_ADVISOR_DATA_DIR=tmp_path / "data"))
        ctx.call_on_close(ctx.obj.close)

    bench_embeddings_cmd.register(bench_app)
    root.add_typer(bench_app, name="bench")
    result = CliRunner().invoke(root, ["bench", "embeddings", "--models", "onnx-minilm,e5-small+e5"])
    assert result.exit_code == 2
    assert "e5-small is multilingual already" in result.output
    assert "--models onnx-minilm,onnx-minilm+e5,e5-small" in result.output
    assert not (tmp_path / "data").exists()
