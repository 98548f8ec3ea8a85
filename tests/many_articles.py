"""A library folder of many small articles that one query all matches: more hits than any cap once shown."""

from __future__ import annotations

from pathlib import Path

OLD_CAP = 100  # the window listed at most this many hits before every result could be had


def write_matching(folder: Path, count: int, word: str = "england") -> Path:
    """`count` dated text files in `folder` (made), each naming `word` once in a sentence of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        day = f"2019-{i % 12 + 1:02}-{i % 28 + 1:02}"
        text = f"---\ntitle: Match report {i:03}\ndate: {day}\nsource: Wire {i % 3}\n---\n"
        text += f"Opening paragraph {i} about the season.\n\nThe {word} side won game {i} by a distance.\n"
        (folder / f"report_{i:03}.txt").write_text(text, "utf-8")
    return folder
