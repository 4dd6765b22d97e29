"""Build hook: compile the gettext catalogs (``corpus/locales/**/*.po`` → ``.mo``) into the wheel.

Everything else about the package is in pyproject.toml. The compiler is ``corpus/catalogs.py``,
loaded by file path because the package is not installed while it is being built.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildPyWithCatalogs(build_py):
    """``build_py`` that also writes each catalog's ``.mo`` next to its ``.po`` in the build tree."""

    def run(self) -> None:
        super().run()
        spec = importlib.util.spec_from_file_location("_catalogs", HERE / "corpus" / "catalogs.py")
        assert spec is not None and spec.loader is not None
        catalogs = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(catalogs)
        target = Path(self.build_lib) / "corpus" / "locales"
        for mo_path in catalogs.compile_catalogs(HERE / "corpus" / "locales", target):
            self.announce(f"compiled {mo_path}", level=2)


setup(cmdclass={"build_py": BuildPyWithCatalogs})
