# Conveniences; the README's commands work without make.
.PHONY: run test test-fast bench setup smoke

setup:
	bash .ci/setup

run: setup
	.venv/bin/press-reader

test: setup
	.venv/bin/python -m pytest

test-fast: setup  # leaves out the tests marked slow (child processes, kill -9, scale, timers)
	.venv/bin/python -m pytest -m "not slow"

bench: setup
	.venv/bin/python -m bench

smoke:  # the wheel installed as users install it, in fresh venvs (part of CI)
	bash .ci/smoke
