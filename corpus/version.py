"""The installed version of Cluster Advisor, read from the package metadata (``pyproject.toml``)."""

from __future__ import annotations

from importlib import metadata

DISTRIBUTION = "cluster-advisor"


def package_version() -> str:
    """The version ``pip`` installed (``pyproject.toml`` is the only place it is written).

    A source tree used without installing it (no metadata) reports ``0+unknown``.
    """
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "0+unknown"
