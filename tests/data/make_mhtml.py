"""Writes tests/data/olympic-partner.mhtml: the sample page (olympic-partner.html) as Chrome's "Save as… Webpage,
Single File" writes it.

The shape is Chrome's (Blink's MHTML serializer): a "From: <Saved by Blink>" header with the address in
Snapshot-Content-Location, a multipart/related archive whose first part is the page as quoted-printable
text/html without a charset parameter (Blink adds a Content-Type meta element to the page instead),
then the page's resources: a stylesheet and the lead photo. No public MHTML with an article and a
fitting licence was found, so the sample page is archived here. Re-run from the repo root:
`.venv/bin/python tests/data/make_mhtml.py`.
"""

from __future__ import annotations

import base64
import quopri
from pathlib import Path

DATA = Path(__file__).resolve().parent
ADDRESS = "https://www.sportbusinessledger.example/news/helvetia-timing-olympic-partner-2032"
BOUNDARY = "----MultipartBoundary--kJ3vQm8xT2pRzW7yN4cHbF6sLd9aE1uGo5iYtXqVwM----"
# a 1×1 PNG stands for the photo: only its being there matters, it is never read
PHOTO = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def part(headers: dict[str, str], body: str) -> str:
    lines = [f"--{BOUNDARY}", *(f"{name}: {value}" for name, value in headers.items()), "", body]
    return "\r\n".join(lines)


def main() -> None:
    page = (DATA / "olympic-partner.html").read_text(encoding="utf-8")
    page = page.replace("<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">', 1)
    encoded = quopri.encodestring(page.replace("\n", "\r\n").encode("utf-8")).decode("ascii")
    photo = base64.encodebytes(PHOTO).decode("ascii").replace("\n", "\r\n")
    archive = "\r\n".join(
        [
            "From: <Saved by Blink>",
            f"Snapshot-Content-Location: {ADDRESS}",
            "Subject: Helvetia Timing becomes worldwide Olympic partner until 2032 | Sport Business Ledger",
            "Date: Thu, 16 May 2024 08:41:27 -0000",
            "MIME-Version: 1.0",
            "Content-Type: multipart/related;",
            '\ttype="text/html";',
            f'\tboundary="{BOUNDARY}"',
            "",
            "",
            part(
                {
                    "Content-Type": "text/html",
                    "Content-ID": "<frame-6A1F0C3E2B9D47A58E0B1C2D3E4F5A6B@mhtml.blink>",
                    "Content-Transfer-Encoding": "quoted-printable",
                    "Content-Location": ADDRESS,
                },
                encoded,
            ),
            part(
                {
                    "Content-Type": "text/css",
                    "Content-Transfer-Encoding": "quoted-printable",
                    "Content-Location": "https://www.sportbusinessledger.example/news/"
                    "helvetia-timing-olympic-partner_files/main.css",
                },
                "body { font-family: Georgia, serif; }\r\n.ad { display: none; }\r\n",
            ),
            part(
                {
                    "Content-Type": "image/png",
                    "Content-Transfer-Encoding": "base64",
                    "Content-Location": "https://cdn.sportbusinessledger.example/img/2024/05/helvetia-ioc.jpg",
                },
                photo,
            ),
            f"--{BOUNDARY}--",
            "",
        ]
    )
    (DATA / "olympic-partner.mhtml").write_bytes(archive.encode("ascii"))


if __name__ == "__main__":
    main()
