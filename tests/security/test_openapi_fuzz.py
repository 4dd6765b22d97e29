"""Schemathesis against the real app's OpenAPI schema: no input may produce a 5xx.

Two apps over a corpus of this module's own (the fuzzer uploads and deletes documents): one with no
API keys (every caller anonymous) and one that requires keys, called with the internal key. The
examples are bounded and derandomised, so a run is reproducible and takes well under a minute.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.specs.openapi.checks import (
    allow_header_conformance,
    positive_data_acceptance,
    unsupported_method,
)

from corpus.settings import Settings
from integrations.api import create_app
from integrations.api.security import parse_api_keys
from tests.api.conftest import api_settings, services_for
from tests.assistant.factories import Corpus, build_corpus

INTERNAL_KEY = "fuzz-internal-key-1"
PUBLIC_KEY = "fuzz-public-key-2"
EXCLUDED = [positive_data_acceptance, unsupported_method, allow_header_conformance]
"""Not our contract: a schema-valid country such as '000' is still refused (422) by meaning, and a
path served by two routes (GET and POST /v1/documents) answers 405 with the methods of one only."""
FUZZ = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(scope="module")
def fuzz_corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    """A corpus the fuzzer may write to."""
    yield from build_corpus(tmp_path_factory.mktemp("fuzz-corpus"))


def _app(corpus: Corpus, tmp: Path, **overrides: object) -> FastAPI:
    config: Settings = api_settings(corpus.settings.data_dir, CLUSTER_ADVISOR_RATE_LIMIT=0, **overrides)
    return create_app(config, services=services_for(corpus, config, tmp))


def _schema() -> schemathesis.BaseSchema:
    """The app's own OpenAPI document (building the app opens nothing: the stores open at start-up)."""
    document = create_app(Settings(_env_file=None, data_dir=Path("/nonexistent"))).openapi()
    return schemathesis.openapi.from_dict(document)


SCHEMA = _schema()


@pytest.fixture(scope="module")
def open_app(fuzz_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """No API keys: every caller is anonymous."""
    return _app(fuzz_corpus, tmp_path_factory.mktemp("fuzz-open"), CLUSTER_ADVISOR_WRITERS="anyone")


@pytest.fixture(scope="module")
def keyed_app(fuzz_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """Keys required on /v1."""
    return _app(
        fuzz_corpus,
        tmp_path_factory.mktemp("fuzz-keyed"),
        CLUSTER_ADVISOR_API_KEYS=f"{INTERNAL_KEY}:write,{PUBLIC_KEY}:public",
    )


@SCHEMA.parametrize()
@FUZZ
def test_anonymous_fuzz_never_5xx(case: schemathesis.Case[Any], open_app: FastAPI) -> None:
    case.call_and_validate(app=open_app, excluded_checks=EXCLUDED)


@SCHEMA.parametrize()
@FUZZ
def test_internal_key_fuzz_never_5xx(case: schemathesis.Case[Any], keyed_app: FastAPI) -> None:
    case.call_and_validate(
        app=keyed_app, headers={"Authorization": f"Bearer {INTERNAL_KEY}"}, excluded_checks=EXCLUDED
    )


@SCHEMA.parametrize()
@FUZZ
def test_public_key_fuzz_never_5xx(case: schemathesis.Case[Any], keyed_app: FastAPI) -> None:
    case.call_and_validate(
        app=keyed_app, headers={"Authorization": f"Bearer {PUBLIC_KEY}"}, excluded_checks=EXCLUDED
    )


@pytest.fixture(scope="module")
def keyed_client(keyed_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(keyed_app) as client:
        yield client


@given(header=st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=255), max_size=80))
@FUZZ
def test_any_authorization_header_is_401_or_accepted(keyed_client: TestClient, header: str) -> None:
    response = keyed_client.get("/v1/calls", headers={b"Authorization": header.encode("latin-1")})
    scheme, _, token = header.partition(" ")
    known = scheme.lower() == "bearer" and token.strip() in (INTERNAL_KEY, PUBLIC_KEY)
    assert response.status_code == (200 if known else 401), header
    if not known:
        assert "Bearer" in response.json()["detail"]


@given(day=st.one_of(st.integers(-(10**12), 10**12).map(str), st.text(max_size=12)))
@FUZZ
def test_a_day_is_only_ever_yyyy_mm_dd(keyed_client: TestClient, day: str) -> None:
    """``today=20260510`` once meant 1970-08-23 (seconds since 1970); now only ISO days pass."""
    response = keyed_client.get(
        "/v1/calls", params={"today": day}, headers={"Authorization": f"Bearer {INTERNAL_KEY}"}
    )
    try:
        valid = dt.date.fromisoformat(day.strip()) is not None and len(day.strip()) == 10
    except ValueError:
        valid = False
    assert response.status_code == (200 if valid else 422), day
    if valid:
        assert response.json()["today"] == day.strip()
    else:
        assert "YYYY-MM-DD" in response.json()["detail"] or "today" in response.json()["detail"]


@given(
    keys=st.lists(
        st.text(
            alphabet=st.characters(min_codepoint=33, max_codepoint=126, exclude_characters=",:"), min_size=1
        ),
        min_size=1,
        max_size=5,
    ),
    roles=st.lists(
        st.sampled_from(["", ":public", ":PUBLIC", ":read", ":write", ":Admin"]), min_size=5, max_size=5
    ),
)
@FUZZ
def test_api_key_settings_parse_to_the_keys_given(keys: list[str], roles: list[str]) -> None:
    written = [key + role for key, role in zip(keys, roles, strict=False)]
    settings_ = Settings(_env_file=None, CLUSTER_ADVISOR_API_KEYS=" , ".join(written))
    parsed = parse_api_keys(settings_)
    assert [key.secret for key in parsed] == [key.encode() for key in keys]
    given = [role.lower() for role in roles[: len(keys)]]
    assert [key.internal for key in parsed] == [role != ":public" for role in given]
    assert [key.write for key in parsed] == [role in {":write", ":admin"} for role in given]
    assert [key.admin for key in parsed] == [role == ":admin" for role in given]
