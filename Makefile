# Coresat developer commands. Quick start: `make run` and `make test`.
# Both create the virtual environment on first use (and refresh it when pyproject.toml changes).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM_TEST := offscreen

.PHONY: run test test-fast lint bench translations translations-qm demo-data dist installer clean help

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

run: $(STAMP) translations-qm
	$(BIN)/coresat

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

test-fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -x -m "not gui" -p no:randomly

lint: $(STAMP)
	$(BIN)/ruff check $(wildcard engine gui tests benchmarks packaging)
	$(BIN)/mypy
	$(BIN)/lint-imports

# ---- packaging (README.md ("Installers and the frozen app")) ----------------------------------------------------------
BUILD_STAMP := $(VENV)/.installed-build

$(BUILD_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[gui,dev,build]"
	touch $(BUILD_STAMP)

dist: $(BUILD_STAMP)
	@command -v objdump >/dev/null || { echo "make dist: PyInstaller needs objdump and strip: install binutils (apt-get install binutils)"; exit 2; }
	$(BIN)/python packaging/build.py app
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/build.py selftest

installer: dist
	$(BIN)/python packaging/build.py installer

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_rebalance.py
	$(BIN)/python benchmarks/bench_data.py
	$(BIN)/python benchmarks/bench_exposure.py
	$(BIN)/python benchmarks/bench_backtest.py
	$(BIN)/python benchmarks/bench_import.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench_gui.py

# Translations are a build step: refresh the .ts sources from the code, then compile the .qm files.
# It fails, listing them, while any string has no Korean translation (write it in the .ts with Qt Linguist
# or an editor, then run it again).
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete $(wildcard gui/*.py gui/panels/*.py) -ts resources/translations/coresat_ko.ts
	$(BIN)/python -m gui.translations resources/translations/coresat_ko.ts
	$(MAKE) translations-qm

# The compiled .qm files the app loads (not in git): only lrelease, never touches the sources.
translations-qm: $(STAMP)
	@for ts in resources/translations/*.ts; do $(BIN)/pyside6-lrelease -silent "$$ts" -qm "$${ts%.ts}.qm"; done

demo-data: $(STAMP)
	$(BIN)/python -m engine.data.demo resources/demo/demo-prices.csv.gz

clean:
	rm -rf $(VENV) build dist packaging/build packaging/dist .pytest_cache .mypy_cache .ruff_cache
