"""The `press-reader` command and `python -m reader`: the window when no command is given, else the core's
command line (reader/core/cli.py)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from reader.core import cli


def main(argv: list[str] | None = None) -> int:
    code = cli.main(argv, window=open_window)
    # the interpreter ends next: its last collection would visit every object left (20-30 ms after a search)
    gc.freeze()
    return code


def open_window(articles_dir: Path | None, data_dir: Path) -> int:
    from reader.ui.app import run  # Qt is imported for the window alone: a command never loads it

    return run(articles_dir=articles_dir, data_dir=data_dir)


if __name__ == "__main__":
    sys.exit(main())
