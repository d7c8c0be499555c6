# Two commands on a fresh machine:  make demo  (install + run the main job)   make test
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed

.PHONY: setup demo ask test lint bench

setup: $(STAMP)

$(STAMP): pyproject.toml Makefile
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e ".[dev]"
	$(PY) -m facevqa.heads.build
	touch $(STAMP)

ask: setup
	$(VENV)/bin/facevqa ask "$$($(PY) -m facevqa.examples astronaut)" \
	    -q "How old is this person?"

demo: ask

test: setup
	HF_HUB_OFFLINE=1 $(PY) -m pytest -q -m "not gpu" $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check facevqa finetune eval demo tests

bench: setup
	$(VENV)/bin/facevqa bench
