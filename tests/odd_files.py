"""A coverage folder as messy as real ones: what each odd file is, and what Press Reader must make of it."""

from __future__ import annotations

import os
from pathlib import Path

HUGE_PARAGRAPH = "Alibaba said the partnership with the IOC would reach every fan. " * 12
RTL = "مرحبا بالعالم، قالت الشركة إن الرعاية مهمة."
EMOJI = "Fans cheered 🎉🏅 as the torch 🔥 passed"

# file name -> None if it must be indexed, else the reason it is skipped
SKIPPED = {
    "empty.txt": "empty file",
    "blank.txt": "empty file",
    "binary.txt": "binary file, not text",
    "folder.txt": "is a directory, not a file",
    "loop_a.txt": "symbolic link loop",
    "loop_b.txt": "symbolic link loop",
    "dangling.txt": "broken symbolic link",
}
INDEXED = (
    "huge.txt",
    "bad_utf8.txt",
    "cp1252.txt",
    "utf16.txt",
    "cr_only.txt",
    "date_only.txt",
    "long_line.txt",
    "one_word_line.txt",
    "quotes.txt",
    "rtl_emoji.txt",
    "plain.txt",
)


def make_odd_folder(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)

    def write(name: str, data: bytes) -> None:
        (root / name).write_bytes(data)

    write("empty.txt", b"")
    write("blank.txt", b" \n\n\t \n")
    write("binary.txt", bytes(range(256)) * 64)  # a PNG or a zip renamed .txt looks like this
    paragraph = (HUGE_PARAGRAPH + "\n\n").encode()
    write("huge.txt", b"Huge transcript\n\n" + paragraph * (20 * 1024 * 1024 // len(paragraph)))  # 20 MB
    write("bad_utf8.txt", b"Caf\xe9 society \xff broken bytes\n\nThe sponsor stayed.")
    write("cp1252.txt", "\u201cWe will win,\u201d said Ma. It\u2019s \u2018fine\u2019.".encode("cp1252"))
    write("utf16.txt", "\u201cHello,\u201d said Bach.\n\nA second paragraph.".encode("utf-16"))
    write("cr_only.txt", b"First paragraph.\r\rSecond paragraph,\rsame paragraph.")
    write("date_only.txt", b"date 2021-03-04\n")
    write("long_line.txt", ("sponsor " * 12_500).encode())  # one 100,000-character line
    write("one_word_line.txt", b"x" * 100_000)
    write(
        "quotes.txt",
        (
            "\u201c" * 300 + "deep" + "\u201d" * 7 + ' "unbalanced \u201c open \u2018 and \u201d close'
            ' \u00ab\u00ab nested \u00bb "turnkey" \u201c\u201c\u201c'
        ).encode(),
    )
    write("rtl_emoji.txt", f"{RTL}\n\n{EMOJI} \u202ereversed\u202c.".encode())
    write("plain.txt", b"A plain article about Alibaba and the IOC.")
    (root / "folder.txt").mkdir()
    os.symlink("loop_b.txt", root / "loop_a.txt")
    os.symlink("loop_a.txt", root / "loop_b.txt")
    os.symlink("nowhere.txt", root / "dangling.txt")
    os.symlink(".", root / "here")  # a folder loop: not followed
    return root
