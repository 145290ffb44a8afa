# Every target creates its own virtual environment in .venv first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: setup test lint samples bench clean

$(BIN)/deckgen: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

setup: $(BIN)/deckgen

lint: setup
	$(BIN)/ruff check deckgen tests bench templates
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

samples: setup
	bash scripts/build_samples.sh $(BIN)/deckgen $(OUT)

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
