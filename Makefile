# Dateline: `make run` serves the seeds, `make test` runs every test. Both install what they need.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8050

.PHONY: run test check setup system lint bench screenshot clean

run: setup
	$(VENV)/bin/dateline serve --port $(PORT)

test: setup system
	$(VENV)/bin/ruff check extract dashboard tests benchmarks scripts
	$(VENV)/bin/pytest tests

# The fast loop: lint and the unit tier (what a plain `pytest` runs), under a minute.
check: setup
	$(VENV)/bin/ruff check extract dashboard tests benchmarks scripts
	$(VENV)/bin/pytest

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# Debian packages: Chromium for the browser tests and for kaleido's image export.
system:
	bash .ci/system-packages

lint: setup
	$(VENV)/bin/ruff check extract dashboard tests benchmarks scripts

bench: setup
	$(PY) benchmarks/extract_speed.py

screenshot: setup system
	$(PY) scripts/screenshot.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis *.egg-info
