"""The labelled quality set (bench/quality/): reading its marked-up files into clean text and gold spans.

    python -m bench.quality_set check [FILE ...]     # validate files (default: every file of the set)

The markup is described in bench/quality/README.md: `[[surface|LABEL]]` or `[[surface|LABEL|Canonical]]`
for an entity, `⟦"…"⟧⟨Speaker⟩` for a speech quote (`⟨⟩` when the text does not say who speaks).
"""

from __future__ import annotations

import datetime
import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path

SET_DIR = Path(__file__).resolve().parent / "quality"
PARTS = ("dev", "heldout")
LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT")
QUOTE_OPEN, QUOTE_CLOSE, SPEAKER_OPEN, SPEAKER_CLOSE = "⟦", "⟧", "⟨", "⟩"


class MarkupError(ValueError):
    """A file of the set is not well formed; the message names the file and line."""


@dataclass(frozen=True)
class GoldQuote:
    part: str  # "title" or "body"
    start: int
    end: int
    speaker: str  # "" when the text does not say who speaks


@dataclass(frozen=True)
class GoldEntity:
    part: str
    start: int
    end: int
    label: str
    canonical: str


@dataclass
class Doc:
    name: str
    meta: dict[str, str]
    title: str
    body: str
    quotes: list[GoldQuote] = field(default_factory=list)
    entities: list[GoldEntity] = field(default_factory=list)

    def text(self, part: str) -> str:
        return self.title if part == "title" else self.body

    @property
    def real(self) -> bool:
        """Real press text (Wikinews), as opposed to text written for the set."""
        return self.name.startswith("wn-")

    @property
    def added(self) -> datetime.date | None:
        """When the file joined the set (its '% added: YYYY-MM-DD' line), None for the first files."""
        value = self.meta.get("added")
        return datetime.date.fromisoformat(value) if value else None

    @property
    def sport(self) -> bool:
        """About sport (its '% sport:' line names one), as opposed to general news."""
        return not self.meta.get("sport", "").startswith("none")


def part_of(name: str, meta: dict[str, str] | None = None) -> str:
    """Which part a file belongs to: by its name alone, unless a '% moved: dev, …' line moved a scored
    held-out file to the development part (see bench/quality/README.md)."""
    if (meta or {}).get("moved", "").startswith("dev"):
        return "dev"
    return "dev" if hashlib.sha1(name.encode()).hexdigest()[0] in "0123456789" else "heldout"


def files(parts: tuple[str, ...] = ("dev",), folder: Path = SET_DIR) -> list[Path]:
    return sorted(p for part in parts for p in (folder / part).glob("*.txt"))


def load(paths: list[Path]) -> list[Doc]:
    return [read(p) for p in paths]


def added_since(docs: list[Doc], since: datetime.date) -> list[Doc]:
    """The documents whose '% added:' date is on or after `since` (files without one are older)."""
    return [d for d in docs if d.added is not None and d.added >= since]


def added_before(docs: list[Doc], before: datetime.date) -> list[Doc]:
    """The documents added before `before`: those whose '% added:' date is earlier, and those without one."""
    return [d for d in docs if d.added is None or d.added < before]


def read(path: Path) -> Doc:
    raw = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    meta: dict[str, str] = {}
    lines = raw.split("\n")
    n = 0
    while n < len(lines) and lines[n].startswith("% "):
        key, _, value = lines[n][2:].partition(":")
        meta[key.strip()] = value.strip()
        n += 1
    if "source" not in meta:
        raise MarkupError(f"{path.name}: no '% source:' line")
    if "added" in meta:
        try:
            datetime.date.fromisoformat(meta["added"])
        except ValueError:
            raise MarkupError(f"{path.name}: '% added:' is a date, YYYY-MM-DD: {meta['added']!r}") from None
    marked = "\n".join(lines[n:]).strip("\n")
    clean, quotes, entities = strip_markup(marked, path.name, first_line=n + 1)
    title, sep, body = clean.partition("\n\n")
    if not sep or not body.strip():
        raise MarkupError(f"{path.name}: a title line, a blank line, then the body")
    if "\n" in title:
        raise MarkupError(f"{path.name}: the title is one line")
    offset = len(title) + 2
    doc = Doc(path.name, meta, title, body)
    for start, end, speaker in quotes:
        part, s, e = _locate(start, end, len(title), offset, path.name)
        doc.quotes.append(GoldQuote(part, s, e, speaker))
    for start, end, label, canonical in entities:
        part, s, e = _locate(start, end, len(title), offset, path.name)
        doc.entities.append(GoldEntity(part, s, e, label, canonical))
    return doc


def _locate(start: int, end: int, title_len: int, offset: int, name: str) -> tuple[str, int, int]:
    if end <= title_len:
        return "title", start, end
    if start >= offset:
        return "body", start - offset, end - offset
    raise MarkupError(f"{name}: a span runs from the title into the body")


def strip_markup(marked: str, name: str = "", first_line: int = 1):
    """(clean text, [(start, end, speaker)], [(start, end, label, canonical)]) with clean-text offsets."""
    out: list[str] = []
    size = 0
    quotes: list[tuple[int, int, str]] = []
    entities: list[tuple[int, int, str, str]] = []
    open_quotes: list[tuple[int, int]] = []  # (clean offset, line)
    i = 0
    line = first_line

    def fail(message: str):
        raise MarkupError(f"{name} line {line}: {message}")

    while i < len(marked):
        ch = marked[i]
        if marked.startswith("[[[", i):  # a bracket in the text just before an entity: "[[[Israel|GPE]]]"
            out.append(ch)
            size += 1
            i += 1
            continue
        if marked.startswith("[[", i):
            close = marked.find("]]", i)
            if close < 0:
                fail("'[[' without ']]'")
            fields = marked[i + 2 : close].split("|")
            if len(fields) not in (2, 3) or not fields[0].strip():
                fail(f"entity markup is [[surface|LABEL]] or [[surface|LABEL|Canonical]]: {marked[i : close + 2]!r}")
            surface, label = fields[0], fields[1].strip()
            if label not in LABELS:
                fail(f"unknown label {label!r} (one of {', '.join(LABELS)})")
            if "\n" in surface or surface != surface.strip():
                fail(f"an entity has no line break and no outer spaces: {surface!r}")
            if any(c in surface for c in "[]⟦⟧⟨⟩"):
                fail(f"markup inside an entity: {surface!r}")
            canonical = (fields[2] if len(fields) == 3 else surface).strip()
            entities.append((size, size + len(surface), label, " ".join(canonical.split())))
            out.append(surface)
            size += len(surface)
            i = close + 2
            continue
        if ch == QUOTE_OPEN:
            open_quotes.append((size, line))
            i += 1
            continue
        if ch == QUOTE_CLOSE:
            if not open_quotes:
                fail("'⟧' without '⟦'")
            start, _ = open_quotes.pop()
            if open_quotes:
                fail("a marked quote inside a marked quote")
            if not marked.startswith(SPEAKER_OPEN, i + 1):
                fail("'⟧' must be followed at once by ⟨Speaker⟩ (or ⟨⟩)")
            close = marked.find(SPEAKER_CLOSE, i + 1)
            if close < 0 or "\n" in marked[i:close]:
                fail("'⟨' without '⟩' on the same line")
            speaker = " ".join(marked[i + 2 : close].split())
            if size == start:
                fail("an empty quote")
            quotes.append((start, size, speaker))
            i = close + 1
            continue
        if ch in "]⟨⟩":
            if ch == "]" and marked.startswith("]]", i):
                fail("']]' without '[['")
            if ch != "]":
                fail(f"stray {ch!r}")
        if ch == "\n":
            line += 1
        out.append(ch)
        size += 1
        i += 1
    if open_quotes:
        line = open_quotes[-1][1]
        fail("'⟦' never closed with '⟧⟨…⟩'")
    return "".join(out), quotes, entities


def _check(paths: list[Path]) -> int:
    problems = 0
    quotes = entities = 0
    for path in paths:
        try:
            doc = read(path)
        except MarkupError as exc:
            print(exc)
            problems += 1
            continue
        expected = part_of(path.name, doc.meta)
        if path.parent.name in PARTS and path.parent.name != expected:
            print(f"{path.name}: belongs in {expected}/ (by the SHA-1 of its name), not {path.parent.name}/")
            problems += 1
        quotes += len(doc.quotes)
        entities += len(doc.entities)
    print(f"{len(paths)} files, {quotes} speech quotes, {entities} entity mentions, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args or args[0] != "check":
        sys.exit(__doc__)
    targets = [Path(a) for a in args[1:]] or files(PARTS)
    sys.exit(_check(targets))
