"""The constructed library of issue 20, whose every coverage figure is known: a sponsor (Heineken) in the headline
of one article, the lede of another, a caption, a quote and the body of others; a second sponsor (Visa); a
property (Northbank Arena, sponsor Northbank) named once by its sponsored name and once as City Stadium; two
months; a syndicated copy. Analysed with the built-in lists only (no spaCy model), which is quick."""

from __future__ import annotations

from pathlib import Path

from reader.core.analysis import NO_MODEL, Analyzer
from reader.core.coverage.watchlist import PROPERTY, Watched, Watchlist
from reader.core.library import Library

FAN_ZONE = "Heineken opened a fan zone in the city centre on Saturday.\n\nThousands came to watch the game."

ARTICLES = {
    "headline.txt": ("Heineken renews its deal", "2026-01-10", "Daily Post",
                     "The brewer confirmed the agreement on Monday.\n\n"
                     "“Heineken has been a loyal partner,” said Jane Miller."),
    "lede.txt": ("Fan zone opens", "2026-01-20", "Evening Star", FAN_ZONE),
    "copy.txt": ("Fan zone opens in the centre", "2026-01-21", "Wire News", FAN_ZONE),  # the syndicated copy
    "caption.txt": ("A night at the match", "2026-02-03", "Evening Star",
                    "The crowd was loud all night.\n\nFans waving Heineken flags in the stand ©Reuters\n\n"
                    "The match ended late."),
    "quote.txt": ("Club thanks its partners", "2026-02-14", "Daily Post",
                  "The club held its annual dinner.\n\n“We thank Heineken for everything,” said Tom Baker."),
    "body.txt": ("Visa backs the final", "2026-02-20", "Metro",
                 "Visa will pay for the trophy.\n\nThe beer at the final comes from Heineken."),
    "sponsored.txt": ("New season", "2026-01-25", "Daily Post",
                      "Northbank Arena will host the opening game.\n\nTickets are on sale."),
    "unsponsored.txt": ("Late winner", "2026-02-25", "Evening Star",
                        "The match was decided late.\n\nFans filled City Stadium to the roof."),
}  # fmt: skip

WATCHLIST = Watchlist(
    [
        Watched("Heineken"),
        Watched("Visa"),
        Watched("Northbank Arena", PROPERTY, ("City Stadium",), "Northbank"),
    ]
)


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (title, date, source, body) in ARTICLES.items():
        (folder / name).write_text(f"Title: {title}\nDate: {date}\nSource: {source}\n\n{body}\n", "utf-8")
    return folder


def quick_library(folder: Path, data: Path) -> Library:
    return Library(folder, data, analyzer=Analyzer(model=NO_MODEL))


def analysed_library(tmp_path: Path) -> Library:
    library = quick_library(write_articles(tmp_path / "articles"), tmp_path / "data")
    library.sync()
    library.analyze_all()
    return library
