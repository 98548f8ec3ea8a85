"""Where the time of a first build goes, in the parts the issue names: tokenising, stored fields and
postings, segment writing and merging, and the process pool. Run by `python -m bench.bench_index --profile`.

Everything runs on the same 2,000 synthetic articles, parsed once. CPU seconds are of this process
(`time.process_time`), so another load on the machine skews them less than wall time; the pool
figures are wall time, since that is what a pool changes.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench import corpus

N = 2000


def _cpu(fn, *args, **kwargs) -> tuple[object, float]:
    start = time.process_time()
    value = fn(*args, **kwargs)
    return value, time.process_time() - start


def _wall(fn, *args, **kwargs) -> tuple[object, float]:
    start = time.perf_counter()
    value = fn(*args, **kwargs)
    return value, time.perf_counter() - start


def profile(root: Path, tmp: Path) -> dict:
    from whoosh import writing
    from whoosh.codec.whoosh3 import W3Codec

    from reader.core import articles as _articles
    from reader.core import scanning
    from reader.core.index import Index
    from reader.core.index.analysis import ANALYZER, reference_analyzer
    from reader.core.index.schema import Codec, document_fields
    from reader.core.model import Document

    files = scanning.scan(root).files
    docs, parse_s = _cpu(lambda: [Document(_articles.load(f.path, root), f.size, f.mtime_ns) for f in files])
    n = len(docs)
    fields = [document_fields(d) for d in docs]
    texts = [t for f in fields for t in (f["title"], f["body"], f["captions"])]
    out: dict = {"n": n, "parse_cpu_s": parse_s}

    def tokenise(analyzer):
        for text in texts:
            for _ in analyzer(text, positions=True):
                pass

    _, out["tokenise_chain_cpu_s"] = _cpu(tokenise, reference_analyzer())
    _, out["tokenise_cpu_s"] = _cpu(tokenise, ANALYZER)

    def single(codec, name):
        index, _ = Index.open(tmp / name)
        writer = index._ix.writer(codec=codec, limitmb=256)
        _, add_s = _cpu(lambda: [writer.add_document(**f) for f in fields])
        _, commit_s = _cpu(writer.commit)
        index.close()
        return add_s, commit_s

    out["add_cpu_s"], out["commit_cpu_s"] = single(Codec(), "single")
    out["add_w3_cpu_s"], out["commit_w3_cpu_s"] = single(W3Codec(), "single-w3")
    # add_document is tokenising plus the rest: stored fields (pickled per document) and the posting buffer
    out["stored_and_postings_cpu_s"] = out["add_cpu_s"] - out["tokenise_cpu_s"]

    index, _ = Index.open(tmp / "pool")
    _, out["pool_wall_s"] = _wall(index.write, iter(docs), expected=n)  # procs=2, multisegment
    with index._ix.reader() as r:
        out["pool_segments"] = len(r.leaf_readers())
    # what an analysis chunk costs the index: 256 documents replaced, then Whoosh merges small segments
    chunk = docs[:256]
    _, out["replace_chunk_wall_s"] = _wall(
        index.write, iter(chunk), remove=[d.article.id for d in chunk], expected=len(chunk)
    )
    writer = index._ix.writer()
    _, out["merge_all_wall_s"] = _wall(writer.commit, mergetype=writing.OPTIMIZE)
    index.close()
    index, _ = Index.open(tmp / "serial")
    writer = index._ix.writer(codec=Codec(), limitmb=256)

    def serial():
        for f in fields:
            writer.add_document(**f)
        writer.commit()

    _, out["serial_wall_s"] = _wall(serial)
    index.close()
    return out


def report(p: dict) -> str:
    n, total = p["n"], p["add_cpu_s"] + p["commit_cpu_s"]

    def row(label, seconds, of=None):
        share = f"{seconds / of:.0%}" if of else ""
        return f"| {label} | {seconds:.2f} | {seconds / n * 1000:.2f} | {share} |"

    lines = [
        f"Where a first build's time goes, {n:,} articles (CPU s of one process unless marked wall)",
        "",
        "| part | s | ms/article | share of one writer |",
        "|---|---:|---:|---:|",
        row("parsing the files (reader.core.articles)", p["parse_cpu_s"]),
        row("tokenising title, body, captions (one-pass analyzer)", p["tokenise_cpu_s"], total),
        row("  the same with Whoosh's filter chain", p["tokenise_chain_cpu_s"]),
        row("stored fields and posting buffer (rest of add_document)", p["stored_and_postings_cpu_s"], total),
        row("writing the segment: sorting and encoding postings (commit)", p["commit_cpu_s"], total),
        row("  the same with Whoosh's default codec (per-posting length stats)", p["commit_w3_cpu_s"]),
        row("one writer, wall", p["serial_wall_s"]),
        row(f"two writer processes, wall ({p['pool_segments']} segments)", p["pool_wall_s"]),
        row("replacing 256 analysed documents, as analysis does, wall", p["replace_chunk_wall_s"]),
        row("merging every segment into one (not done by the app), wall", p["merge_all_wall_s"]),
    ]
    lines.append("")
    lines.append(f"one writer {n / p['serial_wall_s']:.0f} docs/s; two processes {n / p['pool_wall_s']:.0f} docs/s")
    return "\n".join(lines)


def run(seed: int = 0) -> dict:
    """Generate the 2,000 articles in a temporary folder, profile a build of them, print the table."""
    with tempfile.TemporaryDirectory(prefix="press-profile-") as tmp:
        root, work = Path(tmp) / "articles", Path(tmp) / "work"
        corpus.generate(N, root, seed)
        work.mkdir()
        p = profile(root, work)
    print(report(p))
    return p


def main(seed: int = 0) -> None:
    from bench.bench_index import save_results

    save_results("build-profile", run(seed))
