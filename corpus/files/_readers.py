"""Readers for record files: CSV and JSON text → (label, row, kind) triples.

A row is a dict of normalised field names to raw values; a reader reports a row it cannot use by
yielding it as ``None`` with the problem in its label, so the caller keeps going.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any, Literal

from corpus.errors import EmptyDocument, InvalidInput
from corpus.files._fields import RawValue

Kind = Literal["call", "cluster"]
MAX_COLUMNS = 200
KINDS: dict[str, Kind] = {
    **dict.fromkeys(("call", "calls", "funding_call", "funding_calls", "topic"), "call"),
    **dict.fromkeys(
        ("cluster", "clusters", "profile", "profiles", "cluster_profile", "cluster_profiles"), "cluster"
    ),
}
_ALIASES = {"country_iso2": "country", "topic_identifier": "identifier", "sector": "sectors",
            "technology": "technologies", "homepage": "website", "kind": "type"}  # fmt: skip
_JSON_GROUPS = ("calls", "clusters", "profiles", "records")
Row = dict[str, RawValue]
ReaderItem = tuple[str, Row | None, Kind | None]


def field_key(raw: str) -> str:
    """Normalised field name: lower case, spaces/hyphens as ``_``, aliases resolved."""
    key = re.sub(r"[\s\-]+", "_", raw.strip().lstrip("\ufeff").lower())
    return _ALIASES.get(key, key)


def csv_rows(text: str, name: str) -> Iterator[ReaderItem]:
    """Rows of a CSV text (delimiter ``,``, ``;`` or tab, read from the header), labelled ``row N``.

    Raises:
        EmptyDocument: no header. InvalidInput: over :data:`MAX_COLUMNS` columns, duplicate columns.
    """
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count) if first_line.strip() else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InvalidInput(f"cannot read the header of '{name}': {exc}; check the first line") from exc
    if not header or not any(cell.strip() for cell in header):
        raise EmptyDocument(f"'{name}' is empty or has no header line (see docs/record-schema.md)")
    if len(header) > MAX_COLUMNS:
        raise InvalidInput(
            f"'{name}' has {len(header)} columns (limit {MAX_COLUMNS}); keep only the schema's columns"
        )
    keys = [field_key(cell) for cell in header]
    duplicates = sorted({key for key in keys if key and keys.count(key) > 1})
    if duplicates:
        raise InvalidInput(f"'{name}' has the column '{duplicates[0]}' twice; keep one of them")
    number = 1  # spreadsheet numbering: the header is row 1
    while True:
        number += 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield f"row {number}: {exc}; stopped reading here (check the quotes around this row)", None, None
            return
        if not any(value.strip() for value in values):
            continue
        if len(values) > len(keys) and any(value.strip() for value in values[len(keys) :]):
            message = f"has {len(values)} values but the header has {len(keys)} columns"
            yield f"row {number}: {message}; quote values that contain '{delimiter}'", None, None
            continue
        yield f"row {number}", {k: v for k, v in zip(keys, values, strict=False) if k and v.strip()}, None


def json_rows(text: str, name: str) -> Iterator[ReaderItem]:
    """Records of a JSON list, ``{"calls": [...], "clusters": [...]}`` or single object.

    Raises:
        InvalidInput: invalid JSON, nesting too deep to parse, or an unexpected top-level shape.
    """
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"'{name}' is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}; "
            "fix it and try again"
        ) from exc
    except RecursionError as exc:
        raise InvalidInput(f"'{name}' is nested too deeply to be a list of records; flatten it") from exc
    groups: list[tuple[str, Any, Kind | None]]
    if isinstance(data, list):
        groups = [("record", data, None)]
    elif isinstance(data, dict) and any(key in data for key in _JSON_GROUPS):
        groups = [(f"{key} record", data[key], KINDS.get(key)) for key in _JSON_GROUPS if key in data]
    elif isinstance(data, dict):
        groups = [("record", [data], None)]
    else:
        raise InvalidInput(
            f'\'{name}\' must hold a JSON list of records or {{"calls": [...], "clusters": [...]}}'
        )
    for prefix, items, kind in groups:
        if not isinstance(items, list):
            raise InvalidInput(f"'{name}': the value of '{prefix.split()[0]}' must be a list of records")
        for index, item in enumerate(items, 1):
            label = f"{prefix} {index}"
            if not isinstance(item, dict):
                yield (
                    f'{label}: must be an object like {{"name": ...}}, not {type(item).__name__}',
                    None,
                    kind,
                )
                continue
            row: Row = {}
            nested = [key for key, value in item.items() if isinstance(value, dict) or _nested_list(value)]
            if nested:
                yield (
                    f"{label}: field '{nested[0]}' is nested too deeply (use text, numbers or a list)",
                    None,
                    kind,
                )
                continue
            for key, value in item.items():
                row[field_key(str(key))] = value
            yield label, row, kind


def _nested_list(value: object) -> bool:
    return isinstance(value, list) and any(isinstance(item, list | dict) for item in value)
