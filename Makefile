# xianjie — everything a developer or CI needs, on a machine with only Python 3.11+ and make.
#   make up     run the suite with demo data (embedded PostgreSQL + NATS under .data/)
#   make test   pass the tests            make lint   ruff + mypy
#   make api-docs  docs/api/*.json from the code    make clients  clients/python and TypeScript types
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

.PHONY: up test lint venv migrate demo-accounts clean-data api-docs clients bench

up: venv
	$(BIN)/xianjie up $(UP_ARGS)

test: venv
	$(BIN)/pytest $(PYTEST_ARGS)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

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

venv: $(STAMP)

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
