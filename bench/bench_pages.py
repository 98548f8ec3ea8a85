"""How well saved web pages are read: body text against a public ground truth, beside plain trafilatura,
and photo captions found.

    python -m bench.bench_pages BENCHMARK_DIR [--json OUT] [--errors]

BENCHMARK_DIR is a clone of https://github.com/scrapinghub/article-extraction-benchmark (MIT): its
`html/*.html.gz` (181 news and blog pages) and `ground-truth.json` (each page's article body, as people
marked it). The pages are not copied into this repository (tests/data/web holds five of them): clone it
once and pass its path; a bare clone (a git directory without a work tree) does too.

Per page, both readers' body text is compared with the ground truth:
- token F1: the words (runs of letters and digits, case-folded) of the text as a multiset; precision is the
  share of the reader's words that are the truth's, recall the share of the truth's words the reader has,
  F1 their harmonic mean; the table gives the mean over pages of each;
- shingle F1: the benchmark's own measure (its evaluate.py): the same with runs of 4 words ("shingles"),
  precision and recall averaged over pages first, then F1 of the two means: comparable to its README.
Press Reader's body is what the reading pane shows (`articles.load_file`: captions and the headline are
not body); plain trafilatura is `trafilatura.extract(html, include_comments=False)`, as the benchmark runs it.

Captions: the ground truth has none, so bench/page_captions.json marks by hand which of each page's
`<figcaption>`s are the article's photo captions (94 on 43 pages), and which are not (38: "related
stories" thumbnails, a playlist's video titles, "Subscribe to our sister title" promotions, an author's
photo); each by its first 60 characters. Caption recall is the share of the article's captions in Press
Reader's captions field (a caption counts as found when a found caption holds 80% of its words, labels
such as "Photo:" left out); "in the body" counts those whose words are in the body instead, and for plain
trafilatura those anywhere in its text. Also counted: the figcaptions marked as not the article's that Press
Reader took for captions, and its captions that are no `<figcaption>` at all (a line of the text that ends
in "©Credit" is a caption of a text file, and of a page too).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

_WORD = re.compile(r"\w+")
FOUND = 0.8  # share of a caption's words that make it found
MARKED = Path(__file__).with_name("page_captions.json")  # the article's captions of each page, marked by hand


def words(text: str | None) -> list[str]:
    return _WORD.findall((text or "").casefold())


def token_prf(truth: str, found: str | None) -> tuple[float, float, float]:
    """(precision, recall, F1) of `found`'s words against `truth`'s, as multisets."""
    t, f = Counter(words(truth)), Counter(words(found))
    both = sum((t & f).values())
    p = both / sum(f.values()) if f else (1.0 if not t else 0.0)
    r = both / sum(t.values()) if t else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def shingle_counts(truth: str, found: str | None, n: int = 4) -> tuple[float, float, float]:
    """The benchmark's (tp, fp, fn) over shingles of 4 words, normalised to sum 1 (its evaluate.py)."""

    def shingles(text):
        tokens = _WORD.findall(text or "")
        return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])

    t, f = shingles(truth), shingles(found)
    tp = sum((t & f).values())
    fp, fn = sum((f - t).values()), sum((t - f).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def shingle_f1(counts: list[tuple[float, float, float]]) -> float:
    def precision(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)

    p = statistics.mean(precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(recall(*c) for c in counts if c[0] + c[2] > 0)
    return 2 * p * r / (p + r)


def figcaptions(html: bytes) -> list[str]:
    """The text of each of the page's <figcaption>s, squashed, in the page's order."""
    from trafilatura.utils import load_html

    tree = load_html(html)  # decoded as the reader decodes it
    found = (" ".join(f.text_content().split()) for f in tree.iter("figcaption")) if tree is not None else ()
    return [text for text in found if text]


_LABELS = frozenset("photo photos photograph image picture credit credits courtesy via file caption media".split())


def _unglued(text: str | None) -> str:
    # "Media captionWho is …", "…treatmentCredit: EPA": a label a page runs into the caption is a word of its own
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text or "")


def covered(caption: str, text: str | None) -> bool:
    """Whether `text` holds at least 80% of the caption's words (as multisets), labels such as "Photo:" left out."""
    c = Counter(w for w in words(_unglued(caption)) if w not in _LABELS)
    t = Counter(words(_unglued(text)))
    return bool(c) and sum((c & t).values()) >= FOUND * sum(c.values())


def press_reader(html: bytes, name: str) -> tuple[str, list[tuple[str, str]]]:
    """(body, captions as (text, credit)) of the page read as the app reads a file."""
    from reader.core.articles import ArticleError, load_file

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.html"
        path.write_bytes(html)
        try:
            article = load_file(path)[0]
        except ArticleError:
            return "", []
    return article.body, [(c.text, c.credit) for c in article.captions]


def run(root: Path, show_errors: bool = False) -> dict:
    import trafilatura

    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    marked = json.loads(MARKED.read_text(encoding="utf-8"))
    rows = []
    for key, item in sorted(truth.items()):
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        body, pairs = press_reader(html, key)
        captions = [f"{text} {credit}".strip() for text, credit in pairs]
        plain = trafilatura.extract(html.decode("utf-8", "replace"), include_comments=False) or ""
        every = figcaptions(html)
        article = marked.get(key, {}).get("article", [])
        inside = [c for c in every if c[:60] in article]
        others = [c for c in every if c[:60] in marked.get(key, {}).get("not", [])]
        rows.append(
            {
                "page": key,
                "ours": token_prf(item["articleBody"], body),
                "plain": token_prf(item["articleBody"], plain),
                "ours_shingles": shingle_counts(item["articleBody"], body),
                "plain_shingles": shingle_counts(item["articleBody"], plain),
                "captions": len(inside),
                "found": sum(any(covered(c, f) for f in captions) for c in inside),
                "in_body": sum(covered(c, body) and not any(covered(c, f) for f in captions) for c in inside),
                "plain_text": sum(covered(c, plain) for c in inside),
                "other": [f for f, (t, c) in zip(captions, pairs) if not any(covered(t or c, e) for e in every)],
                "wrong": sum(any(covered(c, f) for f in captions) for c in others),
            }
        )
        if show_errors and (rows[-1]["found"] < len(inside) or rows[-1]["other"]):
            missed = [c for c in inside if not any(covered(c, f) for f in captions)]
            print(f"{key[:12]}: missed {missed}, other {rows[-1]['other']}", file=sys.stderr)
    return summary(rows)


def summary(rows: list[dict]) -> dict:
    def mean(name, i):
        return round(statistics.mean(r[name][i] for r in rows), 3)

    expected = sum(r["captions"] for r in rows)
    return {
        "pages": len(rows),
        "press_reader": {"precision": mean("ours", 0), "recall": mean("ours", 1), "f1": mean("ours", 2)},
        "trafilatura": {"precision": mean("plain", 0), "recall": mean("plain", 1), "f1": mean("plain", 2)},
        "shingle_f1": {
            "press_reader": round(shingle_f1([r["ours_shingles"] for r in rows]), 3),
            "trafilatura": round(shingle_f1([r["plain_shingles"] for r in rows]), 3),
        },
        "captions": {
            "pages_with_captions": sum(1 for r in rows if r["captions"]),
            "expected": expected,
            "found": sum(r["found"] for r in rows),
            "recall": round(sum(r["found"] for r in rows) / expected, 3) if expected else None,
            "left_in_body": sum(r["in_body"] for r in rows),
            "trafilatura_in_text": sum(r["plain_text"] for r in rows),
            "not_the_article": sum(r["wrong"] for r in rows),
            "other": sum(len(r["other"]) for r in rows),
            "other_examples": [f for r in rows for f in r["other"]][:10],
        },
        "per_page": {
            r["page"]: {"f1": round(r["ours"][2], 3), "trafilatura_f1": round(r["plain"][2], 3)} for r in rows
        },
    }


def table(result: dict) -> str:
    ours, plain, shingles, caps = (
        result["press_reader"],
        result["trafilatura"],
        result["shingle_f1"],
        result["captions"],
    )
    lines = [
        f"{result['pages']} pages | token precision | token recall | token F1 | shingle F1",
        f"Press Reader | {ours['precision']:.3f} | {ours['recall']:.3f} | {ours['f1']:.3f} | {shingles['press_reader']:.3f}",
        f"plain trafilatura | {plain['precision']:.3f} | {plain['recall']:.3f} | {plain['f1']:.3f} | "
        f"{shingles['trafilatura']:.3f}",
        "",
        f"captions: {caps['expected']} in the article on {caps['pages_with_captions']} pages; "
        f"Press Reader found {caps['found']} (recall {caps['recall']}), left {caps['left_in_body']} in the body, "
        f"took {caps['not_the_article']} of the page's other figcaptions and {caps['other']} lines of text for captions; "
        f"plain trafilatura kept {caps['trafilatura_in_text']} in its text",
    ]
    return "\n".join(lines)


def unpacked(benchmark: Path, into: Path) -> Path | None:
    """The benchmark's files: the clone itself, or from a bare clone its HEAD's `html/` and ground truth."""
    if (benchmark / "ground-truth.json").is_file():
        return benchmark
    if not (benchmark / "HEAD").is_file():
        return None
    archive = subprocess.run(
        ["git", f"--git-dir={benchmark}", "archive", "--format=tar", "HEAD", "html", "ground-truth.json"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("benchmark", type=Path, help="a clone of scrapinghub/article-extraction-benchmark")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    parser.add_argument("--errors", action="store_true", help="list each page's missed and false captions")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = unpacked(args.benchmark, Path(tmp))
        if root is None:
            parser.error(
                f"{args.benchmark} has no ground-truth.json: "
                "git clone https://github.com/scrapinghub/article-extraction-benchmark and pass its path"
            )
        result = run(root, args.errors)
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
