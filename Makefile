# CodeAhead: `make run` serves the site on http://127.0.0.1:8000, `make test` runs the tests.
# Thin wrappers only; each step is an ordinary manage.py / pytest command.

# The first Python >= 3.12 found (pyenv's 3.13 via .python-version, then any other).
PYTHON ?= $(shell for p in python3.13 python3.12 python3 $$HOME/.pyenv/versions/3.13*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3 /usr/local/bin/python3.13 /usr/bin/python3.13 /usr/bin/python3.12; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
# Tests run with DEBUG off, as production does; this key exists only for them.
TEST_ENV := DEBUG=off SECRET_KEY=test-only-not-a-secret-$(USER)-codeahead

.PHONY: run test lint format migrate data superuser bench clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -n "$(PYTHON)" || { echo "Python >= 3.12 not found (install 3.13, e.g. with pyenv)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

migrate: $(VENV)/.installed
	DEBUG=$${DEBUG:-on} $(PY) manage.py migrate --no-input

# The bundled data: the sample set (idempotent) and, on an empty catalogue, the
# official ICD-10-CM / ICD-10-PCS releases (about a minute the first time).
data: migrate
	DEBUG=$${DEBUG:-on} $(PY) manage.py load_sample
	DEBUG=$${DEBUG:-on} $(PY) manage.py load_codes --if-empty

run: data
	DEBUG=$${DEBUG:-on} $(PY) manage.py runserver 127.0.0.1:8000

test: $(VENV)/.installed
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: $(VENV)/.installed
	$(PY) bench/load_codes.py
	$(PY) bench/pages.py
	cd bench && ../$(PY) allowance.py && ../$(PY) search.py
	$(PY) bench/imports.py

superuser: migrate
	DEBUG=$${DEBUG:-on} $(PY) manage.py createsuperuser

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
