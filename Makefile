# Every target sets up what it needs first: system packages (when root), then .venv.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: setup system-deps test quick lint samples bench clean

$(BIN)/deckgen: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

system-deps:
	bash scripts/system_deps.sh

setup: system-deps $(BIN)/deckgen

lint: setup
	$(BIN)/ruff check deckgen tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest -q

# The edit-test loop: every test but the LibreOffice/PDF ones (marker "pdf"), on two processes.
quick: $(BIN)/deckgen
	$(BIN)/pytest -q -m "not pdf" -n 2 --dist loadfile

samples: setup
	bash scripts/build_samples.sh $(BIN)/deckgen $(OUT)

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
