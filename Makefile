# Hark: `make run` serves the app with demo content; `make test` runs the whole suite.
# Both install what a fresh Debian machine lacks, and are quick when it is all there.

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := .make
HOST    ?= 127.0.0.1
PORT    ?= 8000
DEBS    := espeak-ng libespeak-ng1 ffmpeg chromium nodejs npm postgresql redis-server gpodder
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

export FLASK_APP := app

.PHONY: run test bench lint system venv clean

$(STAMP):
	mkdir -p $(STAMP)

# Debian packages: only apt-get when a command is missing.
$(STAMP)/system: | $(STAMP)
	@missing=""; \
	for c in espeak-ng ffmpeg ffprobe chromium node npm redis-server gpo; do command -v $$c >/dev/null || missing=1; done; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing=1; \
	[ -e /usr/lib/x86_64-linux-gnu/libespeak-ng.so.1 ] || [ -n "$$(ldconfig -p | grep libespeak-ng.so.1)" ] || missing=1; \
	$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || missing=1; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $(DEBS) python3-venv"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(DEBS) python3-venv >/dev/null; \
	fi
	touch $@

system: $(STAMP)/system

$(BIN)/python: | $(STAMP)/system
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Reinstall only when the project's dependencies change.
$(STAMP)/venv: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@

$(STAMP)/node: package.json | $(STAMP)/system
	npm install --no-audit --no-fund --silent
	touch $@

venv: $(STAMP)/venv

run: $(STAMP)/venv
	$(BIN)/flask demo
	@echo "Hark is at http://$(HOST):$(PORT)/  (operators: $(BIN)/flask create-operator NAME)"
	@$(BIN)/flask worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn --bind $(HOST):$(PORT) --workers 2 --threads 4 'app:create_app()'

test: $(STAMP)/venv $(STAMP)/node
	$(BIN)/ruff check app tests bench
	$(BIN)/python -m pytest -q

bench: $(STAMP)/venv
	$(BIN)/python bench/run.py

clean:
	rm -rf $(STAMP) $(VENV) node_modules
