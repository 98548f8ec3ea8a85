"""How long each format takes to read, and how fast `add` brings a folder of mixed files in.

    python -m bench.bench_formats [--copies N]

1. Reading: each sample of tests/data/ parsed into articles (`articles.load_file`), the median of 20
   runs once the format's library is imported, and that first import on its own, in a fresh process.
2. Importing: N copies of each sample, added to an empty library with `Library.add`, then indexed (`sync`,
   no analysis); files per second of each step. The page and e-mail copies differ by a line, so each is
   an article; the PDF and feed copies are identical, so all but the first are recognised as duplicates.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.core import articles
from reader.core.library import Library

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
SAMPLES = ("olympic-partner.html", "sponsorship.rss", "clipping.pdf", "forwarded.eml")
RUNS = 20
DISTINCT = {".html": b"Swiss watchmaker", ".eml": b"World 100 metres champion"}


def reading() -> list[dict]:
    rows = []
    for name in SAMPLES:
        path = DATA / name
        first = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys, time; from pathlib import Path; from reader.core import articles; "
                "t = time.perf_counter(); articles.load_file(Path(sys.argv[1])); print(time.perf_counter() - t)",
                str(path),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        articles.load_file(path)
        times = []
        for _ in range(RUNS):
            t = time.perf_counter()
            found = articles.load_file(path)
            times.append(time.perf_counter() - t)
        rows.append(
            {
                "file": name,
                "kb": round(path.stat().st_size / 1024, 1),
                "articles": len(found),
                "median_ms": round(statistics.median(times) * 1000, 1),
                "first_call_ms": round(float(first.stdout) * 1000),
            }
        )
    return rows


def importing(copies: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = tmp / "downloads"
        source.mkdir()
        for i in range(copies):
            for name in SAMPLES:
                path = DATA / name
                target = source / f"{path.stem}-{i:04d}{path.suffix}"
                if path.suffix in (".pdf", ".rss"):  # left identical: later copies are told apart as duplicates
                    shutil.copy(path, target)
                else:  # a word of the body changed: each is an article of its own
                    target.write_bytes(
                        path.read_bytes().replace(DISTINCT[path.suffix], DISTINCT[path.suffix] + f" {i}".encode())
                    )
        library_dir = tmp / "library"
        library_dir.mkdir()
        lib = Library(library_dir, tmp / "data")
        t = time.perf_counter()
        report = lib.add([source])
        add_s = time.perf_counter() - t
        t = time.perf_counter()
        synced = lib.sync()
        sync_s = time.perf_counter() - t
        lib.close()
    files = len(report.files)
    return {
        "files": files,
        "imported": report.count("imported"),
        "duplicates": report.count("duplicate"),
        "add_s": round(add_s, 2),
        "add_files_per_s": round(files / add_s),
        "indexed": synced.indexed,
        "sync_s": round(sync_s, 2),
        "sync_files_per_s": round(synced.added / sync_s),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100)
    args = parser.parse_args(argv)
    read = reading()
    print(f"{'file':24} {'KB':>6} {'articles':>8} {'median':>9} {'first call':>11}")
    for r in read:
        print(f"{r['file']:24} {r['kb']:>6} {r['articles']:>8} {r['median_ms']:>7} ms {r['first_call_ms']:>8} ms")
    imp = importing(args.copies)
    print(
        f"add: {imp['files']:,} files in {imp['add_s']} s ({imp['add_files_per_s']:,} files/s; "
        f"{imp['imported']:,} imported, {imp['duplicates']:,} duplicates); "
        f"sync: {imp['indexed']:,} articles in {imp['sync_s']} s ({imp['sync_files_per_s']:,} files/s)"
    )
    print(json.dumps({"reading": read, "importing": imp}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
