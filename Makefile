# Cluster Advisor — two-command start: `make run`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install catalogs catalogs-update triage-catalogs-update web-catalogs-update run test lint corpus eval bench bench-all clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,bench,postgres]'
	$(BIN)/python -m corpus.catalogs
	touch $(STAMP)

# Compile the gettext catalogs (corpus/locales/*/LC_MESSAGES/*.po -> .mo). The wheel build does it
# too; without it the .po files are compiled in memory at first use (docs/languages.md).
catalogs: install
	$(BIN)/python -m corpus.catalogs

# After changing what answers say: re-extract the `messages` template from the answer writers and
# merge it into every language's .po (then translate the new entries; tests/corpus/test_catalogs.py
# fails while one is missing). The `web` and `triage` domains have their own sources and owners.
MESSAGES_SOURCES = $(filter-out assistant/triage%,$(wildcard assistant/*.py)) assistant/plan/answers.py assistant/plan/problems.py \
	integrations/slack/blocks.py integrations/slack/listeners.py integrations/slack/answering.py \
	integrations/slack/jobs.py integrations/slack/digest_blocks.py integrations/slack/schedule.py \
	integrations/slack/watches.py integrations/slack/support.py integrations/slack/streaming.py \
	integrations/api/errors.py integrations/api/localized_errors.py integrations/cli/ask_cmd.py
catalogs-update: install
	$(BIN)/pybabel extract --no-location --sort-output -k N_ -k ngettext:1,2 \
		-o corpus/locales/messages.pot $(MESSAGES_SOURCES)
	$(BIN)/pybabel update --no-fuzzy-matching -D messages -i corpus/locales/messages.pot -d corpus/locales

# After changing what triage cards say (assistant/triage_reply.py, triage_card.py, the urgency reasons
# in triage.py): re-extract the `triage` template and merge it into every language's triage.po.
TRIAGE_SOURCES = assistant/triage.py assistant/triage_card.py assistant/triage_reply.py
triage-catalogs-update: install
	$(BIN)/pybabel extract --no-location --sort-output -k N_ -k ngettext:1,2 \
		-o corpus/locales/triage.pot $(TRIAGE_SOURCES)
	$(BIN)/pybabel update --no-fuzzy-matching -D triage -i corpus/locales/triage.pot -d corpus/locales

# After changing the chat page's words ({{t:...}} in templates/index.html, t("...") in its scripts, or the
# calendar's texts): rewrite the `web` template and merge it into every language's web.po.
web-catalogs-update: install
	$(BIN)/python -c 'from integrations.api.page import main; main()'
	$(BIN)/pybabel update --no-fuzzy-matching -D web -i corpus/locales/web.pot -d corpus/locales

# Ingest the bundled corpus (its shipped vectors: no embedding; seconds when unchanged), then serve
# the API and chat page on http://127.0.0.1:8000 (HOST/PORT to change).
HOST ?= 127.0.0.1
PORT ?= 8000
run: install
	$(BIN)/cluster-advisor ingest
	$(BIN)/cluster-advisor corpus stats
	$(BIN)/cluster-advisor serve --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# Quality and speed, on the ingested data dir (run `make run` or `cluster-advisor ingest` first).
eval: install
	$(BIN)/cluster-advisor eval retrieval
	$(BIN)/cluster-advisor eval answers --mode both

bench: install
	$(BIN)/cluster-advisor bench search
	$(BIN)/cluster-advisor bench ask

# Every benchmark (search, ask, Slack, cold ingest, load steps 1-80 clients, 10-minute soak) and the
# report with plots in docs/benchmarks/ (about 30 minutes; needs an ingested data dir; run it on an
# otherwise idle machine). BENCH_ARGS=--quick for a 3-minute smoke run.
BENCH_ARGS ?=
bench-all: install
	$(BIN)/cluster-advisor bench all $(BENCH_ARGS)

# Rebuild the bundled corpus from ../shared/data/raw (or RAW=path), and its shipped vectors
# (byte-identical; embedding them took 852 s and 929 s on the busy 2-core machine).
RAW ?= ../shared/data/raw
corpus: install
	$(BIN)/python scripts/build_corpus.py --raw $(RAW)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
