"""Writes footballers.txt, the surnames of the players of the World Cup squads since 1990, from openfootball's
worldcup repository (CC0 1.0); see README.md here.

    python resources/gazetteer/make_footballers.py PATH/TO/openfootball/worldcup/.git

The squads are `more/<year>_squads.txt` ('4, Emmanuel ADEBAYOR, FW, b. 1984/02/26': the surname in capitals,
else the last word). Only surnames of one word of four letters or more, in Latin letters, and none that is
also a first name, a town, a country or a listed club's, team's, body's, sponsor's or person's name here
('Jordan', 'Valencia', 'Ronaldo'): a surname alone from the list reads as a footballer only in match
copy (`reader/core/analysis/famous.py`). Not run by the app.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
YEARS = range(1990, 2027, 4)
_PLAYER = re.compile(r"^\s*\d+,\s+([^,]+),\s+(?:GK|DF|MF|FW),")
_WORD = re.compile(r"[A-Z][a-z\u00c0-\u024f'’-]{3,}$")
LISTS = ("clubs.csv", "club_towns.csv", "teams.csv", "bodies.csv", "sponsors.csv", "people.csv", "venues.csv")


def _squads(git_dir: str, year: int) -> str:
    show = ["git", "--git-dir", git_dir, "show", f"HEAD:more/{year}_squads.txt"]
    run = subprocess.run(show, capture_output=True, text=True, check=False)
    return run.stdout if run.returncode == 0 else ""


def _surname(name: str) -> str:
    words = name.split()
    capitals = [w for w in words if w.isupper() and len(w) > 1]
    if len(capitals) == len(words) > 1:
        return words[-1].capitalize()  # 'JULIO BAPTISTA'
    if capitals:
        return capitals[0].capitalize() if len(capitals) == 1 else ""  # not 'Mohammed AL DEAYEA'
    return words[-1] if len(words) > 1 else ""


def _latin(word: str) -> bool:
    return all("LATIN" in unicodedata.name(c, "") for c in word if c.isalpha())


def _taken() -> set[str]:
    taken: set[str] = set()
    for kind in ("first_names", "towns", "countries"):
        taken |= set((HERE / f"{kind}.txt").read_text(encoding="utf-8").split("\n"))
    for name in LISTS:
        for row in csv.DictReader((HERE / name).read_text(encoding="utf-8-sig").splitlines()):
            for form in [row.get("name") or "", *(row.get("aliases") or "").split("|")]:
                taken |= set(form.split())
    return taken


def main(git_dir: str) -> None:
    names = set()
    for year in YEARS:
        for line in _squads(git_dir, year).splitlines():
            m = _PLAYER.match(line)
            word = _surname(m.group(1)) if m else ""
            if _WORD.match(word) and _latin(word):
                names.add(word)
    names -= _taken()
    (HERE / "footballers.txt").write_text("\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(len(names), "surnames")


if __name__ == "__main__":
    main(sys.argv[1])
