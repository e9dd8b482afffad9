# Two entry points, each self-sufficient on a fresh Debian 12 machine:
#   make demo   opens the cockpit on the embedded demo street
#   make test   runs the test suite
# Both install missing system packages (a no-op when present) and build .venv on first use.

PYTHON ?= python3
VENV := .venv
# Rebuilt only when pyproject.toml changes, so a second `make test` does not reinstall.
STAMP := $(VENV)/.installed

.PHONY: demo test system-deps

demo: $(STAMP)
	$(VENV)/bin/cockpit demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest -q

system-deps:
	PYTHON=$(PYTHON) bash scripts/install-system-deps

# system-deps is order-only: it runs every time but never makes the stamp out of date.
$(STAMP): pyproject.toml | system-deps
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python >= 3.11 is needed; set PYTHON=/path/to/python3.11" >&2; exit 1; }
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q -e '.[test,bench]'
	touch $(STAMP)
