# Conveniences; the README's two commands work without make.
.PHONY: run test bench setup smoke

setup:
	bash .ci/setup

run: setup
	.venv/bin/press-reader

test: setup
	.venv/bin/python -m pytest

bench: setup
	.venv/bin/python -m bench

smoke:  # the wheel installed as users install it, in fresh venvs (part of CI)
	bash .ci/smoke
