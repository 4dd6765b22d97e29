""".env.example lists every setting, and as written it is a valid configuration."""

from __future__ import annotations

from pathlib import Path

from corpus.settings import Settings

ENV_EXAMPLE = Path(__file__).resolve().parents[2] / ".env.example"
NOT_SETTINGS = {"CLUSTER_ADVISOR_LOG_LEVEL", "CLUSTER_ADVISOR_INGEST"}
"""Read by the CLI's global option and by deploy/entrypoint.sh, not by ``Settings``."""


def _names() -> list[str]:
    lines = ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()
    return [line.split("=", 1)[0] for line in lines if line and not line.startswith("#")]


def test_env_example_names_every_setting_once() -> None:
    names = _names()
    assert len(names) == len(set(names))
    settings = {field.alias for field in Settings.model_fields.values()}
    assert settings - set(names) == set(), "add the new setting to .env.example"
    assert set(names) - settings - NOT_SETTINGS == set(), "a name in .env.example that no setting reads"


def test_env_example_as_written_is_a_valid_configuration(tmp_path: Path) -> None:
    settings = Settings(_env_file=ENV_EXAMPLE)  # type: ignore[call-arg]
    assert settings.embedding_backend == "onnx-minilm"
    assert settings.database_url in (None, "")
