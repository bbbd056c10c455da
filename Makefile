# The commitment tracker. `make run` serves the demo; `make test` runs the whole suite.
# Both create .venv and install the pinned requirements first (again only when they change).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
INSTALLED := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
# OpenTaal's list of Dutch words (Debian's wdutch), for the suggestions to part words a PDF converter glued.
DUTCH_WORDS ?= /usr/share/dict/dutch
# Extra arguments for pytest, e.g. `make test PYTEST_ARGS="-k overdue"`.
PYTEST_ARGS ?=
# Test processes (pytest-xdist): one per core halves the run; `make test TEST_WORKERS=0` runs in one.
TEST_WORKERS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: run test test-suite lint check-migrations browser wordlist bench bench-public profile quality loadtest clean install messages ci

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(INSTALLED)

run: export DEBUG ?= 1
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: $(INSTALLED) wordlist
	$(BIN)/python manage.py compile_translations
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py load_demo_data
	$(BIN)/python manage.py publish_open_data
	@echo "Serving on http://127.0.0.1:$(PORT)/ (the public site: http://127.0.0.1:$(PORT)/public/; stop with Ctrl-C)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Debian's Chromium for the browser tests; without it (no root, no apt) they are skipped with the reason.
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
		if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
			echo "Installing Chromium for the browser tests..."; \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
				|| echo "Could not install Chromium: the browser tests will be skipped."; \
		else \
			echo "No $(CHROMIUM) and no way to install it: the browser tests will be skipped."; \
		fi; \
	fi

# Debian's list of Dutch words for the suggestions (tracker/imports/suggesting/lexicon.py); without it
# they still work, parting fewer glued words (README, "Suggestions", gives the figures both ways).
wordlist:
	@if [ ! -r $(DUTCH_WORDS) ]; then \
		if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
			echo "Installing the Dutch word list (wdutch) for the suggestions..."; \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wdutch >/dev/null) \
				|| echo "Could not install wdutch: the suggestions will part fewer glued words."; \
		else \
			echo "No $(DUTCH_WORDS) and no way to install it: the suggestions will part fewer glued words."; \
		fi; \
	fi

test: $(INSTALLED) browser wordlist test-suite

test-suite: $(INSTALLED)
	$(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check-migrations: $(INSTALLED)
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

# Regenerate the Dutch catalogue after changing interface texts (needs GNU gettext), then translate.
messages: $(INSTALLED)
	DEBUG=1 $(BIN)/python manage.py makemessages --locale nl --no-obsolete --no-location
	$(BIN)/python manage.py compile_translations

bench: $(INSTALLED)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/public_site.py

# The public site alone at 200,000 commitments: rendered, cached and 304 (bench/public-results.md).
bench-public: $(INSTALLED)
	$(BIN)/python bench/public_site.py

# One page's top functions (cProfile) and SQL queries on the bench's database, as a logged-in
# administrator: `make profile URL=/commitments/` (REQUESTS, TOP and SORT optional).
URL ?= /commitments/
REQUESTS ?= 5
TOP ?= 30
SORT ?= cumulative
profile: $(INSTALLED)
	$(BIN)/python bench/profile_page.py '$(URL)' --requests $(REQUESTS) --top $(TOP) --sort $(SORT)

# The suggestions measured on the labelled corpus of real answers (tests/data/corpus/): the test split by
# default, with every miss and false positive; `make quality SPLIT=dev` for the split to tune on. It also
# measures the re-statements proposed in the review queue on the labelled pairs (tests/data/pairs/).
SPLIT ?= test
quality: $(INSTALLED)
	$(BIN)/python bench/quality.py --split $(SPLIT)

loadtest: $(INSTALLED)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-load.txt
	bench/loadtest.sh

ci:
	.ci/run

clean:
	rm -rf $(VENV) staticfiles test-artifacts .pytest_cache .ruff_cache
