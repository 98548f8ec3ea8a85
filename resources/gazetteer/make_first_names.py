"""Writes first_names.txt, given names of the English-speaking and European locales of Faker (MIT); see
README.md here.

    python resources/gazetteer/make_first_names.py PATH/TO/unpacked/faker/wheel

The folder holds the unpacked `faker` wheel (PyPI, MIT licence): its `faker/providers/person/<locale>`
modules list first names. Only names in Latin letters (and '-' or an apostrophe). Not run by the app.
"""

from __future__ import annotations

import importlib
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


def main(wheel: str) -> None:
    sys.path.insert(0, wheel)
    names = {name for locale in LOCALES for name in _first_names(locale) if _latin(name)}
    places = {line.strip() for f in ("towns.txt", "countries.txt") for line in (HERE / f).open(encoding="utf-8")}
    names |= {name for locale in WIDER for name in _first_names(locale) if _latin(name) and name not in places}
    header = f"# first names: Faker (MIT), faker/providers/person, locales {' '.join(LOCALES + WIDER)}\n"
    (HERE / "first_names.txt").write_text(header + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
