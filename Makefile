# target-tracker: `make build` then `make test` on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: help build test eval refresh report bench clean
help:            ## list the verbs
	@grep -E '^[a-z]+:.*## ' Makefile | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m compileall -q extract pipeline
	touch $(STAMP)

build: $(STAMP)  ## create .venv, install, build data/warehouse from data/raw
	$(PY) -m pipeline build

test: $(STAMP)   ## run the test suite (offline)
	$(PY) -m pytest -q

eval: $(STAMP)   ## gold scores (tests/gold): values found, joined, wrong or invented; target-result links
	$(PY) -m pipeline.evaluate

refresh: $(STAMP)  ## incremental build, validation, report (the scheduled job)
	$(PY) -m pipeline build --quiet
	$(PY) -m pipeline validate
	$(PY) -m pipeline report --out data/warehouse/plan_vs_actual.html

bench: $(STAMP)  ## extraction speed (against JioNLP and a bare regex), cold builds by workers, incremental builds
	$(PY) -m benchmarks.summary
	$(PY) -m benchmarks.refresh

clean:           ## remove the built warehouse (not the venv)
	rm -rf data/warehouse
