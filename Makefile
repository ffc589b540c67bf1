# xianjie — everything a developer or CI needs, on a machine with only Python 3.11+ and make.
#   make up     run the suite with demo data (embedded PostgreSQL + NATS under .data/)
#   make test   pass the tests            make lint   ruff + mypy
#   make api-docs  docs/api/*.json from the code    make clients  clients/python and TypeScript types
#   make mutate TARGET=funds   mutation run of a service's rule functions (or kit; not part of make test)
#   make bench  every bench beside its reference (bench/RESULTS.md; BENCH='request_path' for some)
# Options: PYTEST_ARGS='-k funds -x'   UP_ARGS='--gateway-port 9000'   PYTHON=python3.12

SHELL := /bin/bash
VENV  := .venv
BIN   := $(VENV)/bin
STAMP := $(VENV)/.installed

# The first of these that is Python 3.11 or newer (override with PYTHON=...).
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { echo $$p; break; }; done)

.PHONY: up test lint venv browser migrate demo-accounts clean-data api-docs clients console mutate bench

# exec: make forwards SIGTERM to its child, which must be xianjie itself to stop the suite in order
# (SIGINT to make alone is noticed by xianjie too; see xianjie/launcher/processes.py).
up: venv
	exec $(BIN)/xianjie up $(UP_ARGS)

test: venv browser
	$(BIN)/pytest $(PYTEST_ARGS)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Mutation testing of the rule functions, one target at a time (monitoring, employment, funds,
# assets, kit; all of them in turn without TARGET). Minutes each, not a gate: see docs/testing.md.
MUTATE_TARGETS := monitoring employment funds assets kit
mutate: venv
	@for t in $(or $(TARGET),$(MUTATE_TARGETS)); do \
		MUTATE_BIN=$(abspath $(BIN)) nice -n 10 bash mutation/run.sh $$t || exit 1; done

migrate: venv
	$(BIN)/xianjie migrate

demo-accounts: venv
	$(BIN)/xianjie demo-accounts

# Every bench script beside its reference in one run (< 10 min); writes bench/RESULTS.md.
# Needs wrk (Debian: apt-get install -y wrk).
bench: venv
	@command -v wrk >/dev/null || { echo "make bench needs wrk: apt-get install -y wrk"; exit 1; }
	PYTHONPATH=$(CURDIR) $(BIN)/python bench/run.py $(BENCH)

# docs/api/openapi.json and asyncapi.json from the code; then the Python client from them.
api-docs: venv
	$(BIN)/xianjie api-docs

clients: api-docs
	$(BIN)/xianjie client
	cd clients/typescript && npm ci --no-audit --no-fund && npm run build

# The web console (console/ → gateway/console/static, committed; `make up` needs no Node). ADR 0008.
console:
	cd console && npm ci --no-audit --no-fund && npm run build

venv: $(STAMP)

# The browser tests drive Debian's Chromium (never a downloaded browser). Installed here when
# missing and we may (root with apt-get), with a Chinese font for readable screenshots; otherwise
# the tests say what to install.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "installing Debian's chromium and chromium-driver for the browser tests"; \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-wqy-microhei >/dev/null \
			|| { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-wqy-microhei >/dev/null; }; \
		else echo "Chromium is missing: apt-get install chromium chromium-driver (the browser tests need it)"; fi; }

$(BIN)/python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "xianjie needs Python 3.11 or newer (python3.11, python3.12, ... on PATH, or make PYTHON=/path/to/python)"; \
		exit 1; fi
	@echo "creating $(VENV) with $(PYTHON) ($$($(PYTHON) --version))"
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
		echo "'$(PYTHON) -m venv' failed: on Debian/Ubuntu install the venv module (apt-get install python3-venv)"; \
		exit 1; }

# Reinstall only when pyproject.toml changed since the last successful install.
$(STAMP): pyproject.toml | $(BIN)/python
	@echo "installing xianjie with its dev tools into $(VENV) (the first time takes a minute or two)"
	$(BIN)/python -m pip install --disable-pip-version-check -q -e '.[dev]'
	@touch $(STAMP)

# Embedded servers' data, logs and the demo password (the next `make up` starts from scratch).
clean-data:
	rm -rf .data
