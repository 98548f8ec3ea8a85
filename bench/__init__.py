"""Benchmarks for the Press Reader core; run by hand, not by CI (see bench/README.md)."""
