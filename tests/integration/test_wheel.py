"""The wheel as an operator installs it: built from the sources, installed into a clean venv outside
the checkout (from the package index pip is configured with), then started with the container's
entrypoint script, which ingests a few files and serves ``/`` and ``/v1/ask``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from tests.integration.test_uvicorn import free_port, request

pytestmark = [pytest.mark.slow, pytest.mark.integration]

ROOT = Path(__file__).resolve().parents[2]
ENTRYPOINT = ROOT / "deploy" / "entrypoint.sh"
RUNTIME_FILES = (
    "integrations/api/templates/index.html",
    "integrations/api/static/app.js",
    "integrations/api/static/app.css",
    "integrations/api/static/markup.js",
    "integrations/api/static/history.js",
    "integrations/slack/manifest-socket.yml",
    "integrations/slack/manifest-http.yml",
    "evals/datasets/retrieval.jsonl",
    "evals/datasets/triage_i18n_holdout.jsonl",
    "assistant/triage_lexicon/de.toml",
    "assistant/triage_lexicon/pl.toml",
    "evals/datasets/i18n/answers_de.jsonl",
    "evals/datasets/redteam/manifest.json",
    "evals/datasets/redteam/poisoned/zero-width.md",
    "retrieval/model_files/tokenizer.json",
    "retrieval/model_files/glossary-e5-general-vectors.npy",
    "corpus/data/manifest.json",
    "corpus/data/calls.jsonl.gz",
    "corpus/data/vectors-sentence-transformers-all-minilm-l6-v2-onnx-int8.npy",
    "corpus/migrations/env.py",
    "corpus/migrations/script.py.mako",
    "corpus/migrations/records/records_0001_baseline.py",
    "corpus/migrations/slack/slack_0001_baseline.py",
    "corpus/migrations/slack/slack_0002_watches.py",
    "corpus/locales/messages.pot",
    "corpus/locales/de/LC_MESSAGES/messages.po",
    "corpus/locales/de/LC_MESSAGES/messages.mo",  # compiled by the build (setup.py), never committed
    "corpus/locales/pl/LC_MESSAGES/messages.mo",
)
PACKAGES = ("corpus", "retrieval", "assistant", "integrations", "evals")
_ANYWHERE = shutil.ignore_patterns("__pycache__", "*.egg-info", ".*_cache")
_AT_THE_TOP = {".git", ".venv", "data", "build", "dist", "tests"}


def _not_sources(folder: str, names: list[str]) -> set[str]:
    """What a source distribution leaves out: local state at the top, caches anywhere."""
    ignored = set(_ANYWHERE(folder, names))
    return ignored | (_AT_THE_TOP & set(names)) if Path(folder) == ROOT else ignored


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built by ``python -m build`` from a copy of the sources (the checkout stays clean)."""
    work = tmp_path_factory.mktemp("wheel")
    shutil.copytree(ROOT, work / "src", ignore=_not_sources)
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(work / "dist"), str(work / "src")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (path,) = (work / "dist").glob("cluster_advisor-*.whl")
    return path


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv outside the checkout with the wheel and its dependencies (no extras)."""
    target = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(target)], check=True, timeout=120)
    installed = subprocess.run(
        [str(target / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        env=_clean_env(target),  # a PYTHONPATH on the checkout would make pip see it as installed
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]
    return target


def _clean_env(venv: Path, **extra: str) -> dict[str, str]:
    """The environment of a user's shell: the venv first on PATH, nothing pointing at the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["ANONYMIZED_TELEMETRY"] = "False"
    env.update(extra)
    return env


def test_the_wheel_holds_every_runtime_file_and_the_licences(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in RUNTIME_FILES if name not in names]
    assert not missing, f"left out of the wheel: {missing}"
    # Every data file inside the packages too (a new one needs a [tool.setuptools.package-data] glob).
    data_files = [
        path.relative_to(ROOT).as_posix()
        for package in PACKAGES
        for path in (ROOT / package).rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    ]
    assert data_files and not [name for name in data_files if name not in names]
    licences = {Path(name).name for name in names if ".dist-info/licenses/" in name}
    assert {"LICENSE", "NOTICE"} <= licences
    assert not any(name.startswith("tests/") for name in names)


def test_the_installed_wheel_runs_outside_the_checkout(venv: Path, tmp_path: Path) -> None:
    env = _clean_env(venv)
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import integrations, importlib.metadata as m; "
         "print(integrations.__file__); print(m.version('cluster-advisor'))"],
        cwd=tmp_path, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert where.returncode == 0, where.stderr[-3000:]
    module_file, version = where.stdout.split()
    assert Path(module_file).is_relative_to(venv), "imported the checkout, not the wheel"
    shown = subprocess.run(
        [str(venv / "bin" / "cluster-advisor"), "--version"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert shown.returncode == 0 and shown.stdout.strip() == f"cluster-advisor {version}"


def test_the_entrypoint_ingests_files_and_serves_the_page_and_answers(venv: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "battery-note.md").write_text(
        "# Battery clusters in Silesia\n\nThe Silesian Battery Hub in Katowice links battery recycling "
        "firms with research labs and looks for partners in Central Europe.\n",
        encoding="utf-8",
    )
    (inbox / "partners.csv").write_text(
        "type,name,country,city,sectors\ncluster,Moravian Battery Cluster,CZ,Brno,battery;energy\n",
        encoding="utf-8",
    )
    port = free_port()
    env = _clean_env(
        venv,
        CLUSTER_ADVISOR_DATA_DIR=str(tmp_path / "data"),
        CLUSTER_ADVISOR_INGEST=str(inbox),
        CLUSTER_ADVISOR_PORT=str(port),
    )
    log = tmp_path / "entrypoint.log"
    with log.open("wb") as out:
        process = subprocess.Popen(["sh", str(ENTRYPOINT)], cwd=tmp_path, env=env, stdout=out, stderr=out)
    try:
        _wait_ready(f"http://127.0.0.1:{port}", process, log)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as page:
            assert page.status == 200 and "<html" in page.read().decode().lower()
        status, _, body = request(
            "POST", f"http://127.0.0.1:{port}/v1/ask", {"question": "What does the Silesian Battery Hub do?"}
        )
        assert status == 200, body
        answer = json.loads(body)
        assert answer["grounded"] and answer["citations"]
        assert answer["citations"][0]["title"] == "Battery clusters in Silesia"
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_ready(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 180
    while True:
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"the entrypoint did not become ready:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.2)
