"""`python -m reader` is the `press-reader` command."""

import sys

from reader.core.cli import main

sys.exit(main())
