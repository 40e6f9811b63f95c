# textkit — run `make help` for the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# The headless browser the page tests drive (Debian's chromium package)
CHROMIUM ?= /usr/bin/chromium
# Extra options for `textkit run`, e.g. make run ARGS="--corpus my_texts/ -p top_n 30"
ARGS   ?=

.DEFAULT_GOAL := help
.PHONY: help install run wikinews test lab bench lock clean

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

wikinews: $(STAMP) ## Run every notebook on the shipped Wikinews example (295 articles) into outputs/wikinews/
	$(BIN)/textkit run --corpus "seeds/wikinews/*.csv" $(ARGS)

test: $(STAMP) $(CHROMIUM) ## Run the whole test suite (unit tests, doctests, notebook runs, pages in Chromium)
	TEXTKIT_CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest $(ARGS)

# tests/test_report.py opens the HTML pages of a run in headless Chromium: Debian's package,
# driven by playwright from the lock (playwright's own browser download is never used).
# Installed here when missing (as root, e.g. in CI); otherwise the command to run is printed.
$(CHROMIUM):
	@if [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium for the browser tests (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation; \
	else \
	  echo "The tests need Chromium at $@. Install it with:"; \
	  echo "  sudo apt-get update && sudo apt-get install -y chromium fonts-liberation"; \
	  echo "or point to another build: make test CHROMIUM=/path/to/chromium"; \
	  exit 1; \
	fi
	@test -x $@ || { echo "$@ is still missing after apt-get install chromium"; exit 1; }

# Loopback only. JupyterLab refuses to run as root (e.g. in a container) without --allow-root, so
# that flag is added for root alone. Where no browser can open (no display), use the printed URL.
lab: $(STAMP) ## Open JupyterLab on the notebooks at 127.0.0.1 (ARGS go to jupyter lab)
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 $(if $(filter 0,$(shell id -u)),--allow-root) $(ARGS) notebooks/

bench: $(STAMP) ## Run the benchmarks (prints timings and ratios)
	$(BIN)/python benchmarks/bench_run.py
	$(BIN)/python benchmarks/bench_tokens.py
	$(BIN)/python benchmarks/bench_actors.py
	$(BIN)/python benchmarks/bench_collocations.py
	$(BIN)/python benchmarks/bench_precheck.py
	$(BIN)/python benchmarks/bench_clean.py
	$(BIN)/python benchmarks/bench_quotes.py
	$(BIN)/python benchmarks/bench_keyness.py

lock: ## Re-resolve requirements.lock from pyproject.toml in a scratch venv
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet -e ".[test]"
	{ echo "# Exact versions of everything textkit installs (Python 3.11), produced by 'make lock'."; \
	  echo "# pyproject.toml gives the allowed ranges; environment.yml repeats these exact pins for conda."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable | grep -v -E '^(pip|setuptools|wheel)=='; } > requirements.lock
	rm -rf .lock-venv

clean: ## Remove .venv and outputs/
	rm -rf $(VENV) outputs
