# The README's two set-up commands are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STORE ?= .claimgraph
# What mypy checks (strict, settings in pyproject.toml).
MYPY_FILES := __init__.py graph ontology cli.py

.PHONY: demo test lint fmt install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,semantic]'

# Install, ingest seeds/ into the embedded store and print the contradictions.
demo: install
	$(BIN)/claimgraph demo seeds --store $(STORE)

# Install with test dependencies and run the whole suite.
test: install-dev
	$(BIN)/pytest

# mypy names modules after folders and the checkout's folder name is arbitrary,
# so the package is type-checked through a link named claimgraph.
lint: install-dev
	$(BIN)/ruff format --check __init__.py graph ontology cli.py tests bench
	$(BIN)/ruff check __init__.py graph ontology cli.py tests bench
	@link=$$(mktemp -d) && ln -s "$(CURDIR)" "$$link/claimgraph" && \
		$(BIN)/mypy $(addprefix "$$link/claimgraph/",$(MYPY_FILES)); \
		status=$$?; rm -rf "$$link"; exit $$status

fmt: install-dev
	$(BIN)/ruff format __init__.py graph ontology cli.py tests bench
	$(BIN)/ruff check --fix __init__.py graph ontology cli.py tests bench

clean:
	rm -rf $(STORE) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
