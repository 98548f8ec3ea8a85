"""Writes tests/data/forwarded-as-attachment.msg: an Outlook message that forwards an article as an attachment
(Outlook's "Forward as Attachment"), for the embedded-message path of reader/core/formats/msg.py.

No public .msg with an attached message and a fitting licence was found, so this one is written here in the
shape Outlook gives one ([MS-OXMSG] on [MS-CFB] version 3): 512-byte sectors, every stream under 4,096 bytes
in the mini stream, the message's properties as "__substg1.0_IIIITTTT" streams and the fixed-size ones
in "__properties_version1.0" (a 32-byte header for the message, 24 for the attached one, 8 for the
attachment), and the attached message in the attachment's "__substg1.0_3701000D" storage with attach
method 5. Re-run from the repo root: `.venv/bin/python tests/data/make_msg.py`.
"""

from __future__ import annotations

import datetime as dt
import struct
from pathlib import Path

OUT = Path(__file__).resolve().parent / "forwarded-as-attachment.msg"
FREE, END, FAT_SECTOR, NONE = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
SECTOR, MINI = 512, 64

ARTICLE = (
    "Nordbank becomes title sponsor of Team Velo\r\n\r\n"
    "Nordbank has signed a three-year deal to become the title sponsor of the Team Velo cycling squad, "
    "the team said on Wednesday.\r\n\r\n"
    "The bank's name will appear on the team's jerseys from the spring classics onwards, and the deal "
    "includes a youth programme in the team's home region.\r\n"
)


def text(value: str) -> bytes:
    return value.encode("utf-16-le")


def filetime(when: dt.datetime) -> int:
    return int((when - dt.datetime(1601, 1, 1, tzinfo=dt.UTC)).total_seconds() * 10_000_000)


def properties(header: int, fixed: dict[tuple[int, int], int]) -> bytes:
    entries = b"".join(struct.pack("<IIq", (prop << 16) | kind, 6, value) for (prop, kind), value in fixed.items())
    return bytes(header) + entries


def message(subject: str, name: str, address: str, body: str, sent: dt.datetime, header: int) -> dict:
    return {
        "__properties_version1.0": properties(header, {(0x0039, 0x0040): filetime(sent)}),
        "__substg1.0_001A001F": text("IPM.Note"),
        "__substg1.0_0037001F": text(subject),
        "__substg1.0_0C1A001F": text(name),
        "__substg1.0_0C1E001F": text("SMTP"),
        "__substg1.0_0C1F001F": text(address),
        "__substg1.0_1000001F": text(body),
    }


def tree() -> dict:
    inner = message(
        "Nordbank becomes title sponsor of Team Velo",
        "Sports Desk",
        "desk@velonews.example",
        ARTICLE,
        dt.datetime(2024, 3, 20, 18, 5, tzinfo=dt.UTC),
        24,
    )
    outer = message(
        "FW: Nordbank becomes title sponsor of Team Velo",
        "Ann Lee",
        "ann@agency.example",
        "For the Nordbank file: the article is attached.\r\n\r\nAnn\r\n",
        dt.datetime(2024, 3, 21, 9, 12, tzinfo=dt.UTC),
        32,
    )
    outer["__attach_version1.0_#00000000"] = {
        "__properties_version1.0": properties(8, {(0x3705, 0x0003): 5}),  # attach method 5: an embedded message
        "__substg1.0_3001001F": text("Nordbank becomes title sponsor of Team Velo"),
        "__substg1.0_3701000D": inner,
    }
    return outer


def entries(root: dict) -> list[dict]:
    """The directory, root first: each storage's children in a chain of right siblings, in CFB's order."""
    out = [{"name": "Root Entry", "type": 5, "children": root}]
    i = 0
    while i < len(out):
        children = out[i].get("children") or {}
        ids = []
        for name in sorted(children, key=lambda n: (len(n), n.upper())):
            value = children[name]
            ids.append(len(out))
            if isinstance(value, dict):
                out.append({"name": name, "type": 1, "children": value})
            else:
                out.append({"name": name, "type": 2, "data": value})
        out[i]["child"] = ids[0] if ids else NONE
        for a, b in zip(ids, [*ids[1:], NONE], strict=False):
            out[a]["right"] = b
        i += 1
    return out


def main() -> None:
    directory = entries(tree())
    mini, minifat = bytearray(), []
    for entry in directory:
        if entry["type"] == 2:
            data = entry["data"]
            entry["start"], entry["size"] = len(mini) // MINI, len(data)
            count = max(1, -(-len(data) // MINI))
            minifat += [len(minifat) + k + 1 for k in range(count - 1)] + [END]
            mini += data + bytes(count * MINI - len(data))
    n_dir = -(-len(directory) * 128 // SECTOR)
    n_minifat = -(-len(minifat) * 4 // SECTOR)
    n_mini = -(-len(mini) // SECTOR)
    n_fat = 1
    while n_fat * 128 < n_fat + n_dir + n_minifat + n_mini:
        n_fat += 1
    first_dir, first_minifat = n_fat, n_fat + n_dir
    first_mini = first_minifat + n_minifat
    fat = [FAT_SECTOR] * n_fat
    for start, count in ((first_dir, n_dir), (first_minifat, n_minifat), (first_mini, n_mini)):
        fat += [start + k + 1 for k in range(count - 1)] + [END]
    fat += [FREE] * (n_fat * 128 - len(fat))
    directory[0].update(start=first_mini, size=len(mini))

    header = bytearray(SECTOR)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, n_fat, first_dir, 0, 0x1000, first_minifat, n_minifat, END, 0)
    difat = list(range(n_fat)) + [FREE] * (109 - n_fat)
    struct.pack_into("<109I", header, 76, *difat)

    dir_bytes = bytearray()
    for entry in directory:
        record = bytearray(128)
        name = entry["name"].encode("utf-16-le")
        record[0 : len(name)] = name
        struct.pack_into("<HBB", record, 64, len(name) + 2, entry["type"], 1)
        struct.pack_into("<III", record, 68, NONE, entry.get("right", NONE), entry.get("child", NONE))
        struct.pack_into("<IQ", record, 116, entry.get("start", 0), entry.get("size", 0))
        dir_bytes += record
    empty = bytearray(128)
    struct.pack_into("<III", empty, 68, NONE, NONE, NONE)
    dir_bytes += empty * (n_dir * 4 - len(directory))

    body = struct.pack(f"<{len(fat)}I", *fat) + bytes(dir_bytes)
    minifat_bytes = struct.pack(f"<{len(minifat)}I", *minifat)
    body += minifat_bytes + b"\xff" * (n_minifat * SECTOR - len(minifat_bytes))
    body += bytes(mini) + bytes(n_mini * SECTOR - len(mini))
    OUT.write_bytes(bytes(header) + body)


if __name__ == "__main__":
    main()
