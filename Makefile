# Cluster Advisor — two-command start: `make run`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint typecheck corpus eval bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: install
	$(BIN)/cluster-advisor ingest
	$(BIN)/cluster-advisor corpus stats

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Rebuild the bundled corpus from ../shared/data/raw (or RAW=path).
RAW ?= ../shared/data/raw
corpus: install
	$(BIN)/python scripts/build_corpus.py --raw $(RAW)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
