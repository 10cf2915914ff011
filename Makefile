# Two commands for a newcomer: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask
export FLASK_APP := feedback_app
# Extras installed with the app: `dev` (tests, linters, browsers) for developers; none in production
# (`make install-prod`). Several: EXTRAS=dev,embeddings.
EXTRAS ?= dev
comma := ,
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | sha1sum | cut -c1-12)-$(subst $(comma),-,$(EXTRAS))
ASSETS := feedback_app/static/dist/app.css
PYTEST_ARGS ?=

.PHONY: run test test-fast postgres-pass-list install install-prod assets translations translations-update db demo lint check-chromium benchmark clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@# The embeddings extra needs torch: install the pinned CPU build first so nothing pulls a CUDA one.
	@case "$(EXTRAS)" in *embeddings*) $(PY) -m pip install --quiet -c constraints.txt "torch==2.13.0";; esac
	$(PY) -m pip install --quiet -c constraints.txt -e ".$(if $(EXTRAS),[$(EXTRAS)])"
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP) assets translations

# Production: the app and its runtime dependencies only (no pytest, Playwright, bandit or ruff).
# Add the theme model with `make install-prod PROD_EXTRAS=embeddings`.
PROD_EXTRAS ?=
install-prod:
	$(MAKE) install EXTRAS=$(PROD_EXTRAS)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

$(ASSETS): node_modules/.package-lock.json $(wildcard feedback_app/assets/*.scss) scripts/build-assets.mjs
	node scripts/build-assets.mjs

assets: $(ASSETS)

translations: $(STAMP)
	@if ls feedback_app/translations/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
		$(VENV)/bin/pybabel compile -d feedback_app/translations; fi

translations-update: $(STAMP)
	$(VENV)/bin/pybabel extract -F feedback_app/translations/babel.cfg -k _l -k lazy_gettext \
		--no-location --sort-output --omit-header -o feedback_app/translations/messages.pot .
	@if ls feedback_app/translations/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
		$(VENV)/bin/pybabel update --no-fuzzy-matching -i feedback_app/translations/messages.pot -d feedback_app/translations; fi

db: install
	$(FLASK) db upgrade

# The demo's emails (alerts for the demo DSL) are written here as .eml files: no mail server needed.
demo run: export MAIL_FOLDER ?= $(CURDIR)/instance/mail

demo: db
	$(FLASK) surveys load
	$(FLASK) frameworks load
	$(FLASK) demo-data
	$(FLASK) demo-admin

run: demo
	@echo "Serving on http://127.0.0.1:5000"
	$(FLASK) run --host 127.0.0.1 --port 5000

check-chromium:
	@test -x /usr/bin/chromium && test -x /usr/bin/chromium-headless-shell || { echo "The browser tests need \
	Debian's Chromium and its headless build: sudo apt-get install chromium chromium-headless-shell"; exit 1; }

# Three workers on this project's 2-core CI machine: the browser tests run as two ordered groups, one per worker,
# and wait on the browser much of the time; a third worker runs the other tests meanwhile (SQLite pass, quiet
# machine: 8 min 21 s with three, 12 min 14 s with two; benchmarks/TEST_DURATIONS.md).
PYTEST_WORKERS ?= 3
PYTEST := $(PY) -m pytest -q -n $(PYTEST_WORKERS)
# The PostgreSQL pass (about 70 tests) on two: a third worker's collection and database cost more than it saves
# (48-50 s against 65 s, and 78 s of CPU against 101 s; benchmarks/TEST_DURATIONS.md).
POSTGRES_WORKERS ?= 2
# Write bytecode while testing even where the machine says not to (PYTHONDONTWRITEBYTECODE=1, as on CI): otherwise
# every worker and every process a test starts compiles the app from source again, and pytest rewrites every test
# module's asserts again (collection alone 13 s a process instead of 8; benchmarks/TEST_DURATIONS.md).
test test-fast postgres-pass-list: export PYTHONDONTWRITEBYTECODE :=

test: install check-chromium
	$(VENV)/bin/bandit -q -r feedback_app analysis -lll
	$(PYTEST) -m "not postgres" $(PYTEST_ARGS)
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== again on PostgreSQL ($$TEST_DATABASE_URL): the tests that touch the database =="; \
		TEST_DB=postgres $(PY) -m pytest -q -n $(POSTGRES_WORKERS) -m "not browser" $(PYTEST_ARGS); \
	fi

# Choose again the tests the PostgreSQL pass runs (tests/postgres_pass.py): every test that opens a database runs
# once on PostgreSQL with its lines of feedback_app/queries noted; the cover is written to tests/postgres_pass.txt.
postgres-pass-list: install
	@test -n "$$TEST_DATABASE_URL" || { echo "Set TEST_DATABASE_URL to a PostgreSQL database"; exit 1; }
	TEST_DB=postgres POSTGRES_PASS_RECORD_DIR=$$(mktemp -d) $(PYTEST) -m "not browser" -p no:cacheprovider $(PYTEST_ARGS)

# While working: unit and view tests, no browser, SQLite only.
test-fast: install
	$(PYTEST) -m "not postgres and not browser" $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check feedback_app analysis tests benchmarks
	$(VENV)/bin/bandit -q -r feedback_app analysis -lll

clean:
	rm -rf $(VENV) node_modules feedback_app/static/dist instance
