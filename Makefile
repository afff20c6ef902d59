# The two commands: `make run` (set up, then load seeds/ into the warehouse) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint ui clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "casus needs $(PYTHON) on PATH"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/casus run

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

# The developer loop: every test not marked slow (whole pipelines, servers) or browser.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not browser"

ui: $(STAMP)
	$(BIN)/casus ui

clean:
	rm -rf $(VENV) .dagster_home data
