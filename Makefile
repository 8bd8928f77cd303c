# Pressroom: `make run` to try it, `make test` to check it. `make help` lists every target.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | md5sum | cut -c1-8)

.DEFAULT_GOAL := help
.PHONY: help venv run test lint format check test-sqlite test-postgres es-start es-stop chromium bench-search bench-api bench-relevance load load-quick load-faults

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	rm -f $(VENV)/.installed-* && touch $@

venv: $(STAMP) ## Create .venv with the pinned requirements

run: venv ## Migrate SQLite, load demo content if empty, serve on http://127.0.0.1:8000
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --if-empty
	$(MANAGE) ensure_local_admin
	$(MANAGE) runserver 127.0.0.1:8000

lint: venv ## ruff lint and format check, and the import contracts (docs/architecture.md)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: venv ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: venv ## Django system checks and missing migrations
	env -u DATABASE_URL DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check
	env -u DATABASE_URL DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run

PYTEST := $(VENV)/bin/pytest --durations=5
PYTEST_ARGS ?=
# Runs its command with the local Elasticsearch node up and ELASTICSEARCH_URL exported; stops
# the node afterwards unless it was already running (scripts/elasticsearch/with-node.sh).
WITH_ES := bash scripts/elasticsearch/with-node.sh

es-start: ## Start the local Elasticsearch node on 127.0.0.1:9200 (no-op when up; docs/search-engine.md)
	bash scripts/elasticsearch/es.sh start

es-stop: ## Stop the local Elasticsearch node
	bash scripts/elasticsearch/es.sh stop

chromium: ## Debian's Chromium for the browser tests, installed with apt-get if missing
	@bash scripts/chromium.sh

test-sqlite: venv chromium ## The suite on SQLite (in memory), Elasticsearch up; PYTEST_ARGS="tests/pressroom -x" narrows it
	@echo "==> The suite on SQLite (in-memory test database)"
	@TIMEFORMAT='==> SQLite half took %0Rs'; time $(WITH_ES) env -u DATABASE_URL $(PYTEST) $(PYTEST_ARGS)

# The browser and accessibility tests check pages, not the database: the SQLite half runs them.
PG_PYTEST_ARGS ?= -m "not browser"
test-postgres: venv chromium ## The suite but browser tests on a throwaway PostgreSQL cluster (installed with apt-get if missing), Elasticsearch up
	@echo "==> The suite on PostgreSQL (throwaway cluster on 127.0.0.1, see scripts/postgres.sh)"
	@TIMEFORMAT='==> PostgreSQL half took %0Rs (cluster set-up included)'; time $(WITH_ES) bash scripts/postgres.sh $(PYTEST) $(PG_PYTEST_ARGS) $(PYTEST_ARGS)

# The two halves run side by side (one per core of a two-core machine); each half's output is
# printed whole when it ends, so the two never interleave.
test: lint check ## Everything: lint, checks, the suite on SQLite and PostgreSQL side by side against one Elasticsearch node
	@echo "==> The SQLite and PostgreSQL halves run side by side; each prints its output when it ends"
	@$(WITH_ES) $(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres

BENCH_N ?= 100000
# Not a test: minutes at the default N. A throwaway PostgreSQL cluster (migrated first) and the
# local Elasticsearch node, indexes of the run's own deleted at the end (docs/benchmarks.md).
bench-search: venv ## Search benchmark: load BENCH_N releases (default 100000), index, time queries (docs/benchmarks.md)
	$(WITH_ES) bash scripts/postgres.sh env DJANGO_SETTINGS_MODULE=cms.settings.test BENCH_N=$(BENCH_N) \
		bash -c '$(MANAGE) migrate --noinput -v 0 && $(MANAGE) bench_search'
# Not a test either: the same loader on a throwaway PostgreSQL cluster (no Elasticsearch needed),
# then our API against Wagtail's own v3 pages endpoints, in-process (docs/benchmarks.md).
bench-api: venv ## API benchmark: load BENCH_N releases, time our list/detail against Wagtail's v3 pages (docs/benchmarks.md)
	bash scripts/postgres.sh env DJANGO_SETTINGS_MODULE=cms.settings.test BENCH_N=$(BENCH_N) \
		bash -c '$(MANAGE) migrate --noinput -v 0 && $(MANAGE) bench_api'
# A test module, also run by `make test`: here with its figures printed, on SQLite and on a
# throwaway PostgreSQL cluster, both with the local Elasticsearch node (docs/benchmarks.md).
RELEVANCE := $(VENV)/bin/pytest tests/search/test_relevance.py -q -s -p no:cacheprovider
bench-relevance: venv ## Azerbaijani relevance: recall and precision per engine (docs/benchmarks.md)
	$(WITH_ES) env -u DATABASE_URL $(RELEVANCE)
	$(WITH_ES) bash scripts/postgres.sh $(RELEVANCE)

LOAD_N ?= 100000
LOAD_ARGS ?=
# Not a test: tens of minutes at the default N. The deployed stack on this machine (gunicorn,
# the workers, a throwaway PostgreSQL cluster, two Elasticsearch nodes on 9211/9212 beside the
# development node), Locust in steps of 10, 50 and 100 users; writes docs/load.md.
load: venv ## Production rehearsal: LOAD_N releases (default 100000), Locust steps, publish latency (docs/load.md)
	LOAD_N=$(LOAD_N) bash scripts/load/run.sh $(LOAD_ARGS)
load-quick: venv ## The rehearsal in minutes: 2,000 releases, short steps, every fault
	bash scripts/load/run.sh --quick --faults all $(LOAD_ARGS)
load-faults: venv ## The rehearsal's fault scenarios only (ES node, both nodes, PostgreSQL, webhook worker, gunicorn worker)
	LOAD_N=$(LOAD_N) bash scripts/load/run.sh --no-steps --faults all $(LOAD_ARGS)
