"""Writes first_names.txt, given names of the English-speaking and European locales of Faker (MIT); see
README.md here.

    python resources/gazetteer/make_first_names.py PATH/TO/unpacked/faker/wheel [PATH/TO/openfootball/worldcup/.git]

The folder holds the unpacked `faker` wheel (PyPI, MIT licence): its `faker/providers/person/<locale>`
modules list first names. Only names in Latin letters (and '-' or an apostrophe). With a clone of
openfootball's worldcup repository (CC0 1.0), the first names of the World Cup squads since 1990 too
('Zlatan', 'Kalidou', 'Xabi': `more/<year>_squads.txt`, '4, Emmanuel ADEBAYOR, FW, b. 1984/02/26', the words
before the surname in capitals), none that is also a squad's surname ('Brown'), a town's or a country's name
or a word of a listed club's, team's, body's, sponsor's, venue's or person's name. Not run by the app.
"""

from __future__ import annotations

import csv
import importlib
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
LOCALES = (
    "en_US en_GB en_IE en_NZ en_KE en_NG de_DE fr_FR es_ES it_IT nl_NL pt_PT pt_BR sv_SE no_NO da_DK fi_FI pl_PL "
    "cs_CZ hr_HR ro_RO hu_HU tr_TR ga_IE"
).split()
# the wider world of sport (South Asia, Africa, the Americas, central and eastern Europe): their names that are
# also a town's or a country's in towns.txt and countries.txt here ('Olympia', 'Basel', 'Asia') are left out
WIDER = (
    "en_IN en_PK sw tw_GH yo_NG ig_NG ha_NG zu_ZA es_MX es_AR es_CO es_CL de_AT de_CH nl_BE fr_BE sk_SK sl_SI lt_LT "
    "lv_LV et_EE id_ID az_AZ uz_UZ"
).split()
ATTRIBUTES = ("first_names", "first_names_male", "first_names_female")
YEARS = range(1990, 2027, 4)
_PLAYER = re.compile(r"^\s*\d+,\s+([^,]+),\s+(?:GK|DF|MF|FW),")
_CAPITAL = re.compile(r"[A-Z][a-z\u00c0-\u024f'-]{2,}$")
LISTS = ("clubs.csv", "club_towns.csv", "teams.csv", "bodies.csv", "sponsors.csv", "people.csv", "venues.csv")


def _latin(name: str) -> bool:
    return (
        name[:1].isupper()
        and all(c.isalpha() or c in "-'" for c in name)
        and all("LATIN" in unicodedata.name(c, "") for c in name if c.isalpha())
    )


def _first_names(locale: str) -> set[str]:
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    names: set[str] = set()
    for attribute in ATTRIBUTES:
        listed = next((k.__dict__[attribute] for k in provider.__mro__ if attribute in k.__dict__), None)
        if isinstance(listed, (tuple, list, dict)):
            names.update(listed)
    return names


def _listed_words() -> set[str]:
    words: set[str] = set()
    for name in LISTS:
        for row in csv.DictReader((HERE / name).read_text(encoding="utf-8-sig").splitlines()):
            for form in [row.get("name") or "", *(row.get("aliases") or "").split("|")]:
                words |= set(form.split())
    return words


def _squad_first_names(git_dir: str) -> set[str]:
    """The first names of the World Cup squads: the words before a surname in capitals ('Emmanuel ADEBAYOR'),
    less every word that is a squad's surname somewhere ('Brown', 'Wagner')."""
    firsts: set[str] = set()
    surnames: set[str] = set()
    for year in YEARS:
        show = ["git", "--git-dir", git_dir, "show", f"HEAD:more/{year}_squads.txt"]
        for line in subprocess.run(show, capture_output=True, text=True, check=False).stdout.splitlines():
            m = _PLAYER.match(line)
            words = m.group(1).split() if m else []
            capitals = [w for w in words if w.isupper() and len(w) > 1]
            surnames |= {w.capitalize() for w in capitals} | {w for w in words[1:] if not w.isupper()}
            if len(words) > 1 and capitals and not words[0].isupper() and _CAPITAL.match(words[0]):
                firsts.add(words[0])
    return {name for name in firsts - surnames if _latin(name)}


def main(wheel: str, worldcup: str = "") -> None:
    sys.path.insert(0, wheel)
    names = {name for locale in LOCALES for name in _first_names(locale) if _latin(name)}
    places = {line.strip() for f in ("towns.txt", "countries.txt") for line in (HERE / f).open(encoding="utf-8")}
    names |= {name for locale in WIDER for name in _first_names(locale) if _latin(name) and name not in places}
    header = f"# first names: Faker (MIT), faker/providers/person, locales {' '.join(LOCALES + WIDER)}\n"
    if worldcup:
        names |= _squad_first_names(worldcup) - places - _listed_words()
        header += "# and the World Cup squads since 1990: openfootball/worldcup (CC0 1.0), more/<year>_squads.txt\n"
    (HERE / "first_names.txt").write_text(header + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
