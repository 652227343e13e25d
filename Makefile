# make run   — create .venv, install, run `extract run corpus/` into outputs/
# make test  — create .venv, install, run the tests
# make bench — throughput and memory benchmark (README.md, docs/PERFORMANCE.md)
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
N ?= 2000

.PHONY: install run test lint bench bench-memory bench-steps bench-worst clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

# Installs through the venv's own interpreter (`python -m pip`), never a pip found on PATH.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/extract run corpus/ --out outputs/

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check extract tests scripts bench

bench: install
	$(BIN)/python bench/bench.py --docs $(N)

bench-memory: install
	$(BIN)/python bench/bench.py --memory

bench-steps: install
	$(BIN)/python bench/bench.py --components --docs $(N)

# time per MB on pathological inputs (one long sentence, a comma list, no full stop) vs the bench corpus
bench-worst: install
	$(BIN)/python bench/worst.py

clean:
	rm -rf $(VENV) outputs/*.csv outputs/*.parquet outputs/*.jsonl outputs/texts bench/data
