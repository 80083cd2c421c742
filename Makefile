PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install demo test eval eval-dedupe eval-occupations bench check clean

$(BIN)/jobcrawl: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/jobcrawl

install: $(BIN)/jobcrawl

demo: install  ## writes demo/jobcrawl.db and demo/exports/ (never ./jobcrawl.db)
	$(BIN)/jobcrawl demo

test: install
	$(BIN)/pytest -q -p no:cacheprovider

eval: install  ## parser accuracy on tests/gold, tests/gold_dev, tests/real/dev and tests/real/holdout, each reported
	$(BIN)/python benchmarks/eval_parse.py

eval-dedupe: install
	$(BIN)/python benchmarks/eval_dedupe.py

eval-occupations: install  ## ISCO-08 accuracy (4/3/2/1 digits), coverage and speed on tests/occupations/eval_set.csv
	$(BIN)/python benchmarks/eval_occupations.py

bench: install
	$(BIN)/python benchmarks/run.py

check: install
	JOBCRAWL_DATABASE_URL=sqlite:///$(CURDIR)/build/check.db sh -c 'mkdir -p build && rm -f build/check.db && $(BIN)/alembic upgrade head && $(BIN)/alembic check'

clean:
	rm -rf $(VENV) build demo
