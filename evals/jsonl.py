"""Reading a JSONL dataset of pydantic records, one per line, with errors that name file and line."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from corpus.errors import InvalidInput

Record = TypeVar("Record", bound=BaseModel)


def load_jsonl(path: Path, model: type[Record], *, dataset: str, item: str, ids: str) -> list[Record]:
    """Every non-blank line of ``path`` validated as ``model``; ids must be unique.

    Args:
        path: The JSONL file.
        model: The record type (with an ``id`` field).
        dataset: What the file is, for messages ("answers dataset").
        item: What a line is ("answer case").
        ids: What the ids name ("case" → "duplicate case ids").

    Raises:
        InvalidInput: The file cannot be read, a line is not a valid record, or ids repeat.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InvalidInput(f"cannot read the {dataset} {path}: {exc.strerror or exc}") from exc
    records: list[Record] = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                records.append(model.model_validate_json(line))
            except ValueError as exc:
                raise InvalidInput(f"{path}:{number}: not a valid {item}: {exc}") from exc
    keys = [getattr(record, "id") for record in records]  # noqa: B009 - every dataset model has an id
    if len(set(keys)) != len(keys):
        raise InvalidInput(f"{path}: duplicate {ids} ids")
    return records
