# Coresat developer commands. Quick start: `make run` and `make test`.
# Both create the virtual environment on first use (and refresh it when pyproject.toml changes).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM_TEST := offscreen

.PHONY: run test test-fast lint bench demo-data dist clean help

help:
	@echo "make run    - set up the environment and launch Coresat on the bundled demo data"
	@echo "make test   - set up the environment and run every check and test"
	@echo "make bench  - run the benchmark scripts (figures go in README.md)"
	@echo "make dist   - build the Linux one-folder app and run its --self-test"

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Coresat needs Python >= 3.11"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[gui,dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/coresat

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

test-fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -x -m "not gui" -p no:randomly

lint: $(STAMP)
	$(BIN)/ruff check $(wildcard engine gui tests benchmarks packaging)
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench_rebalance.py
	$(BIN)/python benchmarks/bench_data.py

demo-data: $(STAMP)
	$(BIN)/python -m engine.data.demo resources/demo/demo-prices.csv.gz

clean:
	rm -rf $(VENV) build dist packaging/build packaging/dist .pytest_cache .mypy_cache .ruff_cache
