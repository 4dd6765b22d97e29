"""The search configurations ``bench embeddings`` compares: a model, with or without cross-lingual search.

A configuration is named ``<model>`` or ``<model>+e5``:

- ``<model>`` is a ``CLUSTER_ADVISOR_EMBEDDINGS`` value, searched with cross-lingual search off
  (``CLUSTER_ADVISOR_CROSSLINGUAL=off``): ``onnx-minilm`` is the English-only default of before
  issue 13, ``e5-small`` searches everything in the multilingual space (cross-lingual search would
  keep no second matrix there anyway);
- ``+e5`` adds the cross-lingual matrix (``CLUSTER_ADVISOR_CROSSLINGUAL=e5-small``,
  :mod:`retrieval.crosslingual`): ``onnx-minilm+e5`` is the product's default, MiniLM for English
  questions and E5 for the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from corpus.errors import InvalidInput
from corpus.settings import EMBEDDING_BACKENDS

if TYPE_CHECKING:
    from corpus.settings import Settings

CROSSLINGUAL_SUFFIX = "+e5"
CROSSLINGUAL_MODEL = "e5-small"
"""The ``CLUSTER_ADVISOR_CROSSLINGUAL`` value a ``+e5`` configuration sets."""

DEFAULT_CONFIGURATIONS = ("onnx-minilm", f"onnx-minilm{CROSSLINGUAL_SUFFIX}", "e5-small")
"""English only (the old default), MiniLM with the cross-lingual E5 matrix (the new default), E5 for all."""


@dataclass(frozen=True)
class SearchConfiguration:
    """One column of the benchmark: the settings it changes, and nothing else."""

    name: str
    embedding_backend: str
    crosslingual: bool

    @property
    def settings_update(self) -> dict[str, str]:
        """The settings fields this configuration sets (for ``Settings.model_copy(update=...)``)."""
        return {
            "embedding_backend": self.embedding_backend,
            "crosslingual": CROSSLINGUAL_MODEL if self.crosslingual else "off",
        }

    def apply(self, settings: Settings) -> Settings:
        """``settings`` with this configuration's model and cross-lingual setting."""
        return settings.model_copy(update=self.settings_update)


def known_configurations() -> list[str]:
    """Every configuration name: each model, and each model but E5 with ``+e5``."""
    with_e5 = [f"{b}{CROSSLINGUAL_SUFFIX}" for b in EMBEDDING_BACKENDS if b != CROSSLINGUAL_MODEL]
    return [*EMBEDDING_BACKENDS, *with_e5]


def parse_configuration(name: str) -> SearchConfiguration:
    """The configuration ``name`` stands for (see the module docstring).

    Raises:
        InvalidInput: An unknown model, or ``+e5`` on a model that is multilingual already.
    """
    text = name.strip()
    crosslingual = text.endswith(CROSSLINGUAL_SUFFIX)
    backend = text.removesuffix(CROSSLINGUAL_SUFFIX) if crosslingual else text
    if backend not in EMBEDDING_BACKENDS:
        raise InvalidInput(f"unknown configuration {text!r}: use one of {', '.join(known_configurations())}")
    if crosslingual and backend == CROSSLINGUAL_MODEL:
        raise InvalidInput(
            f"{text!r}: {backend} is multilingual already and keeps no cross-lingual matrix; use {backend}"
        )
    return SearchConfiguration(name=text, embedding_backend=backend, crosslingual=crosslingual)


def parse_configurations(names: str | Iterable[str]) -> list[SearchConfiguration]:
    """The configurations of a comma-separated list (``--models``), in order, each once.

    Raises:
        InvalidInput: None given, or one that :func:`parse_configuration` rejects.
    """
    items = names.split(",") if isinstance(names, str) else [part for n in names for part in n.split(",")]
    chosen = list(dict.fromkeys(item.strip() for item in items if item.strip()))
    if not chosen:
        raise InvalidInput(f"no configuration given: use e.g. {','.join(DEFAULT_CONFIGURATIONS)}")
    return [parse_configuration(name) for name in chosen]
