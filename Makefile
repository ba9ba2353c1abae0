# ezlib: every target documents itself; `make` alone lists them.
.DEFAULT_GOAL := help
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= python3
VENV ?= .venv
LAB_VENV ?= .venv-lab
PY := $(VENV)/bin/python
export PYTHON

.PHONY: help setup report test notebooks lab lint format lock bench clean distclean

help: ## list the targets with a line each
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

setup: ## create .venv with ezlib (editable) and pinned dependencies; no-op when up to date
	@scripts/ensure_venv.sh $(VENV) dev

report: setup ## run every notebook and render the HTML site to build/site/index.html
	$(PY) -m ezlib report

test: setup ## ruff, pytest (ezlib doctests, tests/unit, tests/data, tests/notebooks), nbval on notebooks/
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest
	$(PY) -m pytest --nbval-lax --nbval-current-env --color=no \
	    --nbval-sanitize-with tests/notebooks/nbval_sanitize.cfg notebooks/

notebooks: setup ## re-run the notebooks and store the outputs nbval checks (after a change)
	$(PY) scripts/refresh_notebooks.py

lab: ## open JupyterLab on notebooks/ (own venv, .venv-lab, so tests stay fast)
	@scripts/ensure_venv.sh $(LAB_VENV) dev,lab
	$(LAB_VENV)/bin/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root,)

lint: setup ## ruff lint and format check only
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: setup ## apply ruff's fixes and formatting
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

lock: ## re-resolve every dependency and rewrite requirements.lock (commit it)
	scripts/lock.sh

bench: setup ## run the benchmarks (they print figures; they never fail on time)
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b; done

clean: ## remove build outputs (build/, caches); never data/raw or the venvs
	rm -rf build .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -not -path './.venv*' -prune -exec rm -rf {} +

distclean: clean ## clean, and also remove the venvs (.venv, .venv-lab)
	rm -rf $(VENV) $(LAB_VENV) *.egg-info
