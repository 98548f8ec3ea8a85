"""Running `press-reader` in this process, as the CLI tests do."""

from __future__ import annotations

import json

from reader.core import cli


def run(capsys, *argv):
    """(exit code, stdout, stderr) of cli.main(argv)."""
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)
