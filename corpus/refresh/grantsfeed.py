"""A daily snapshot in the grants-feed format (``data/grants.json`` of ``eu-grants-feed``), from a mirror.

Inside a firewall the portal may be out of reach while a mirror of the feed's daily file is not:
``cluster-advisor refresh --source grants-feed URL`` reads it instead of the search API. The file
is fetched whole, validated, and only then mapped (never half-applied).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from corpus.errors import RefreshFailed


class _Labelled(BaseModel):
    model_config = ConfigDict(extra="allow")

    label: str | None = None


class GrantsFeedItem(BaseModel):
    """The fields a feed record must have for the loader to map it (others pass through)."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(min_length=1)
    identifier: str = Field(min_length=1)
    kind: _Labelled


class GrantsFeedSnapshot(BaseModel):
    model_config = ConfigDict(extra="allow")

    generatedAt: str | None = None  # noqa: N815 - the feed's field name
    grants: list[GrantsFeedItem]


def read_grants_feed(source: str, *, client: httpx.Client) -> list[dict[str, Any]]:
    """The feed records of a snapshot at ``source`` (an http(s) URL, or a local file path).

    Raises:
        RefreshFailed: unreachable, not 200, not whole JSON, or not in the grants-feed shape.
    """
    what = f"grants-feed snapshot {source}"
    if source.startswith(("http://", "https://")):
        try:
            response = client.get(source)
            body = response.content
        except httpx.TimeoutException as exc:
            raise RefreshFailed(f"{what}: no answer within the time-out ({type(exc).__name__})") from exc
        except httpx.TransportError as exc:
            raise RefreshFailed(f"{what}: cannot fetch it ({str(exc).splitlines()[0][:200]})") from exc
        if response.status_code != 200:
            raise RefreshFailed(f"{what}: the server answered {response.status_code}")
    else:
        try:
            body = Path(source).read_bytes()
        except OSError as exc:
            raise RefreshFailed(f"{what}: cannot read it ({exc.strerror or exc})") from exc
    try:
        raw = json.loads(body)
    except ValueError as exc:
        raise RefreshFailed(f"{what}: not whole JSON ({len(body)} bytes; {exc})") from exc
    try:
        snapshot = GrantsFeedSnapshot.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the file"
        raise RefreshFailed(f"{what}: not in the grants-feed shape ({where}: {first['msg']})") from exc
    return [item.model_dump() for item in snapshot.grants]
