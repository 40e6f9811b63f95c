# textkit — run `make help` for the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# Extra options for `textkit run`, e.g. make run ARGS="--corpus my_texts/ -p top_n 30"
ARGS   ?=

.DEFAULT_GOAL := help
.PHONY: help install run test lab bench lock clean

help: ## Show this list of targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# The environment is rebuilt only when the lock or the package metadata change.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

install: $(STAMP) ## Create .venv with the pinned dependencies and textkit
	@echo "textkit is installed in $(VENV)"

run: $(STAMP) ## Run every notebook on the seed corpus into outputs/<run_name>/
	$(BIN)/textkit run $(ARGS)

test: $(STAMP) ## Run the whole test suite (unit tests, doctests, notebook runs)
	$(BIN)/python -m pytest $(ARGS)

lab: $(STAMP) ## Open JupyterLab on the notebooks
	$(BIN)/jupyter lab notebooks/

bench: $(STAMP) ## Run the benchmarks (prints timings and ratios)
	$(BIN)/python benchmarks/bench_run.py
	$(BIN)/python benchmarks/bench_tokens.py
	$(BIN)/python benchmarks/bench_actors.py
	$(BIN)/python benchmarks/bench_collocations.py

lock: ## Re-resolve requirements.lock from pyproject.toml in a scratch venv
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet -e ".[test]"
	{ echo "# Exact versions of everything textkit installs (Python 3.11), produced by 'make lock'."; \
	  echo "# pyproject.toml gives the allowed ranges; environment.yml repeats these exact pins for conda."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable | grep -v -E '^(pip|setuptools|wheel)=='; } > requirements.lock
	rm -rf .lock-venv

clean: ## Remove .venv and outputs/
	rm -rf $(VENV) outputs
