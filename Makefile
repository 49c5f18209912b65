# Hark: `make run` serves the app with demo content; `make test` runs the test suite.
# Both install what a fresh Debian machine lacks, and are quick when it is all there.
# `make help` lists every target.

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := .make
HOST    ?= 127.0.0.1
PORT    ?= 8000
SHARED  := ../shared

export FLASK_APP := app

.DEFAULT_GOAL := help
.PHONY: help run test test-shared bench lint system venv grammars clean

help: ## list the targets
	@echo "make TARGET   (HOST=, PORT= change where make run listens)"
	@awk 'BEGIN {FS = ":[^#]*## "} /^[a-z-]+:[^#]*## / {printf "  %-12s %s\n", $$1, $$2}' \
	  $(MAKEFILE_LIST)

$(STAMP):
	mkdir -p $(STAMP)

# Checked on every run (about half a second): a package removed since is noticed.
system: ## check the machine, apt-get only the Debian packages of what is missing
	@PYTHON='$(PYTHON)' bash scripts/system-deps.sh

$(BIN)/python: | system
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Reinstall only when the project's dependencies change.
$(STAMP)/venv: pyproject.toml | $(BIN)/python $(STAMP)
	$(BIN)/pip install -q -e '.[test]'
	touch $@

$(STAMP)/node: package.json | system $(STAMP)
	npm install --no-audit --no-fund --silent
	touch $@

venv: $(STAMP)/venv ## build .venv with the project and its test extras

# The text-normalization grammars, compiled once into instance/tn-grammars (about a minute
# the first time; see README, "How it works"), so no test or request waits for them.
grammars: $(STAMP)/venv ## compile the normalization grammars once (cached in instance/)
	$(BIN)/python -c 'from app.narration import tn_engine; assert tn_engine.ready(), "grammars failed to load"'

run: $(STAMP)/venv grammars ## load the demo article, serve it with a worker on HOST:PORT (127.0.0.1:8000)
	$(BIN)/flask demo
	@echo "Hark is at http://$(HOST):$(PORT)/  (operators: $(BIN)/flask create-operator NAME)"
	@$(BIN)/flask worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn --bind $(HOST):$(PORT) --workers 2 --threads 4 'app:create_app()'

lint: $(STAMP)/venv ## ruff over app, tests and bench; mypy over app
	$(BIN)/ruff check app tests bench
	$(BIN)/mypy

# The project's own suite: needs nothing beside the clone. Checks that read ../shared (the
# seed article) carry the `shared` marker and run in test-shared.
test: $(STAMP)/venv $(STAMP)/node grammars ## lint and type-check, then the whole suite (unit, integration, browser)
	$(BIN)/ruff check app tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -m 'not shared'

test-shared: $(STAMP)/venv grammars ## the checks that read ../shared (the seed article); .ci/run runs it
	@[ -d $(SHARED)/seed ] || { echo "$(SHARED)/seed is missing: test-shared needs the shared folder beside the clone" >&2; exit 1; }
	$(BIN)/python -m pytest -q -m shared

bench: $(STAMP)/venv ## the benchmarks (reads ../shared/bench); results in docs/benchmarks.md
	$(BIN)/python bench/run.py

clean: ## remove .venv, node_modules and make's stamps
	rm -rf $(STAMP) $(VENV) node_modules
