"""Writes clubs.csv and club_towns.csv from openfootball's open data (CC0); see README.md here.

    python resources/gazetteer/make_clubs.py CLUBS_GIT FOOTBALL_JSON_GIT

Each argument is a git directory (a clone or a bare mirror) of github.com/openfootball/clubs and of
github.com/openfootball/football.json. The clubs are those that played in the leagues below in the
seasons below (football.json); their names and aliases are openfootball/clubs'. Not run by the app.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEASONS = ["2018-19", "2019-20", "2020-21", "2021-22", "2022-23", "2023-24", "2024-25", "2025-26"]
LEAGUES = {  # league file -> (seasons, what the note calls it)
    "en.1": (SEASONS, "England, Premier League"), "es.1": (SEASONS, "Spain, La Liga"),
    "de.1": (SEASONS, "Germany, Bundesliga"), "it.1": (SEASONS, "Italy, Serie A"),
    "fr.1": (SEASONS, "France, Ligue 1"), "nl.1": (SEASONS, "Netherlands, Eredivisie"),
    "pt.1": (SEASONS, "Portugal, Primeira Liga"), "sco.1": (SEASONS, "Scotland, Premiership"),
    "en.2": (SEASONS[-2:], "England, Championship"), "tr.1": (SEASONS[-2:], "Turkey, Süper Lig"),
    "be.1": (SEASONS[-2:], "Belgium, Pro League"), "uefa.cl": (SEASONS[-2:], "Champions League"),
    "mls": (["2025"], "USA/Canada, MLS"), "br.1": (["2025"], "Brazil, Série A"),
    "at.1": (SEASONS[-2:], "Austria, Bundesliga"), "gr.1": (SEASONS[-2:], "Greece, Super League"),
}
# football.json's spellings that openfootball/clubs does not list as English forms
JSON_NAMES = {"AEK Athen": "AEK Athens FC", "Olympiakos Piraeus": "Olympiacos Piraeus FC"}
# English names the press uses that the lists lack
EXTRA_ALIASES = {
    "Juventus": ["Juve"], "FC Internazionale Milano": ["Inter Milan", "Internazionale"],
    "Paris Saint-Germain": ["PSG", "Paris St-Germain", "Paris St Germain"], "Sporting CP": ["Sporting Lisbon"],
    "Tottenham Hotspur FC": ["Spurs", "Tottenham"], "Borussia Dortmund": ["BVB", "Dortmund"],
    "Olympique Lyonnais": ["Lyon"], "Olympique de Marseille": ["Marseille", "OM"],
    "Atlético Madrid": ["Atletico Madrid", "Atletico"], "Udinese Calcio": ["Udinese"],
    "Manchester United FC": ["Man United"],
}
# aliases that are ordinary words, people's names, or a city the press mostly means as a city
# (an Olympic host or a business capital): tagging them as the club would mislabel too often
NOT_ALIASES = set("""
Palace Forest United City Villa Athletic Athletico Town Rovers Wanderers Albion County Hearts Sporting Racing
Real Union Nice Derby River Preston Charlton Hamilton Livingston Santos Rayo Vallecano Sparta Fortuna Hertha
Borussia Eintracht Olympique Internacional Independiente Estudiantes Nacional Wolves Saints Boro Blues
Paris London Madrid Milan Milano Rome Roma Munich München Berlin Frankfurt Lisbon Lisboa Istanbul Athens
Amsterdam Vienna Wien Brussels Tokyo Beijing Moscow Miami Atlanta Seattle Dallas Houston Toronto Montreal
Vancouver Chicago Portland Orlando Philadelphia Columbus Cincinnati Nashville Charlotte Austin Minnesota
Colorado Salt Lake San Jose San Diego St. Louis Kansas City Los Angeles New York Rio de Janeiro São Paulo
Salvador Recife Fortaleza Belo Horizonte Porto Alegre Curitiba Goiânia Cuiabá Bahia Vitória Juventude
Mirassol Bragantino Ceará Sport Leeds Manchester Sheffield Bristol Birmingham Nottingham Glasgow Edinburgh
Dundee Lyon Marseille Genoa Verona Lecce Parma Monza Como Pisa Venezia Venice Cremonese Bologna Torino
Valencia Sevilla Seville Bilbao Granada Girona Mallorca Cádiz Almería Elche Oviedo Valladolid Vigo
Braga Guimarães Arouca Chaves Estoril Famalicão Porto
Austria Tirol Rapid TSV WSG Kärnten Iraklion Ried Aris Larisa AEL Ethnikos
""".split()) | {"Salt Lake", "San Jose", "San Diego", "St. Louis", "Kansas City", "Los Angeles", "New York",
               "Rio de Janeiro", "São Paulo", "Belo Horizonte", "Porto Alegre", "Inter Miami"}
# the city stays a club's alias where the press uses it that way and it is not a host city or capital
CITY_ALIASES = {"Barcelona", "Liverpool", "Marseille", "Lyon", "Porto", "Valencia", "Sevilla", "Bologna",
                "Genoa", "Torino", "Parma", "Lecce", "Girona", "Mallorca", "Granada", "Braga",
                "Leeds", "Dortmund", "Leipzig", "Leverkusen", "Wolfsburg", "Freiburg", "Mainz", "Augsburg",
                "Bochum", "Stuttgart", "Bremen", "Hoffenheim", "Eindhoven", "Rotterdam", "Alkmaar",
                "Utrecht", "Groningen", "Heerenveen", "Nijmegen", "Lille", "Lens", "Rennes", "Nantes",
                "Montpellier", "Strasbourg", "Reims", "Brest", "Toulouse", "Lorient", "Metz", "Auxerre",
                "Angers", "Monaco", "Salzburg", "Bruges", "Brugge", "Genk", "Gent", "Anderlecht",
                "Aberdeen", "Kilmarnock", "Motherwell", "Brighton", "Southampton", "Leicester", "Newcastle",
                "Bournemouth", "Fulham", "Brentford", "Burnley", "Watford", "Norwich", "Ipswich", "Luton",
                "Sunderland", "Middlesbrough", "Coventry", "Stoke", "Swansea", "Cardiff", "Hull", "Wolverhampton",
                "Huddersfield", "Blackburn", "Plymouth", "Portsmouth", "Millwall", "Everton", "Chelsea",
                "Arsenal", "Tottenham", "Empoli", "Sassuolo", "Cagliari", "Frosinone", "Salernitana", "Udinese",
                "Getafe", "Villarreal", "Osasuna", "Eibar", "Leganés", "Huesca", "Levante", "Alavés",
                "Sevilla", "Valladolid", "Celta", "Espanyol", "Betis", "Benfica", "Feyenoord", "Ajax",
                "Twente", "Vitesse", "Heracles", "Zwolle", "Sittard", "Waalwijk", "Galatasaray",
                "Fenerbahçe", "Beşiktaş", "Trabzonspor", "Kortrijk", "Mechelen", "Antwerp", "Elche", "Cádiz",
                "Almería", "Valladolid", "Oviedo", "Guimarães", "Arouca", "Chaves", "Estoril", "Famalicão"}
NOT_ALIASES -= CITY_ALIASES


def git_show(repo: str, path: str) -> str | None:
    done = subprocess.run(["git", "--git-dir", repo, "show", f"HEAD:{path}"], capture_output=True)
    return done.stdout.decode("utf-8") if done.returncode == 0 else None


def fold(name: str) -> str:
    bare = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", bare).strip()


def clubs_of(repo: str) -> list[dict]:
    """Every club in openfootball/clubs: its name, town and aliases."""
    files = subprocess.run(["git", "--git-dir", repo, "ls-tree", "-r", "--name-only", "HEAD"],
                           capture_output=True, text=True, check=True).stdout.split()
    clubs: list[dict] = []
    for path in files:
        if not re.search(r"/[a-z]+\.clubs\.txt$", path):
            continue
        current = None
        for line in git_show(repo, path).splitlines():
            line = line.split("#")[0].rstrip()
            if not line.strip() or line.startswith(("=", "ii)", "iii)")) or "//" in line:
                current = None if line.startswith(("ii)", "iii)")) else current
                continue
            if line.lstrip().startswith("|"):
                if current is not None:
                    current["aliases"] += [a.strip() for a in line.split("|") if a.strip()]
                continue
            if line[0].isspace():
                continue
            fields = [f.strip() for f in line.split(",")]
            town = next((f for f in fields[1:] if f and not f[0].isdigit() and not f.startswith("@")), "")
            town = re.split(r"[›(]", town)[0].strip()
            current = {"name": fields[0], "town": town, "aliases": [], "file": path}
            clubs.append(current)
    return clubs


def english(aliases: list[str]) -> tuple[list[str], str | None]:
    kept, preferred = [], None
    for alias in aliases:
        marker = re.search(r"\[(\w+)\]\s*$", alias)
        if marker and marker.group(1) != "en":
            continue
        alias = re.sub(r"\s*\[\w+\]\s*$", "", alias).strip()
        if marker and preferred is None:
            preferred = alias
        kept.append(alias)
    return kept, preferred


def main(clubs_repo: str, json_repo: str) -> None:
    teams: dict[str, set[str]] = {}
    for league, (seasons, what) in LEAGUES.items():
        for season in seasons:
            text = git_show(json_repo, f"{season}/{league}.json")
            for match in json.loads(text)["matches"] if text else ():
                for team in (match.get("team1"), match.get("team2")):
                    if team:
                        team = re.sub(r"\s*\([A-Z]{3}\)$", "", team)
                        teams.setdefault(JSON_NAMES.get(team, team), set()).add(what)
    clubs = clubs_of(clubs_repo)
    towns = {c["town"] for c in clubs if c["town"]}
    index: dict[str, list[dict]] = {}
    for club in clubs:
        for form in {club["name"], *english(club["aliases"])[0]}:
            index.setdefault(fold(form), []).append(club)
    chosen: dict[int, tuple[dict, set[str]]] = {}
    for team, leagues in sorted(teams.items()):
        found = index.get(fold(team), [])
        exact = [c for c in found if fold(c["name"]) == fold(team)]
        found = exact or found[:1]  # the same club in two files of the list
        if len(found) == 1:
            club = found[0]
            chosen.setdefault(id(club), (club, set()))[1].update(leagues)
        else:
            print(f"not matched: {team!r} ({len(found)} candidates)", file=sys.stderr)
    rows, owners = [], {}
    taken = _existing_forms()
    for club, leagues in chosen.values():
        aliases, preferred = english(club["aliases"])
        name = preferred or club["name"]
        forms = [club["name"], *aliases, *EXTRA_ALIASES.get(club["name"], ()), *EXTRA_ALIASES.get(name, ())]
        keep = []
        for form in dict.fromkeys(forms):
            if form == name or "." in form.replace("St.", "") or len(form) < 3 or form in taken:
                continue
            if form in NOT_ALIASES or (form in towns and form not in CITY_ALIASES):
                continue
            keep.append(form)
            owners.setdefault(form, set()).add(name)
        rows.append([name, keep, club, leagues])
    shared = {form for form, names in owners.items() if len(names) > 1}  # 'Sheffield': which club?
    place_named = set()
    with open(HERE / "clubs.csv", "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["name", "label", "aliases", "note"])
        for name, keep, club, leagues in sorted(rows, key=lambda r: fold(r[0])):
            keep = [a for a in keep if a not in shared]
            place_named |= {a for a in (name, *keep) if a in towns or a in CITY_ALIASES and " " not in a}
            town = f", {club['town']}" if club["town"] else ""
            out.writerow([name, "ORG", "|".join(keep), f"Football club{town} ({'; '.join(sorted(leagues))})"])
    with open(HERE / "club_towns.csv", "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["name", "label", "aliases", "note"])
        for town in sorted(place_named & towns - {row[0] for row in rows}):
            out.writerow([town, "GPE", "", "Town; also the name of its football club: the context decides"])


def _existing_forms() -> set[str]:
    forms = set()
    for path in HERE.glob("*.csv"):
        if path.name in ("clubs.csv", "club_towns.csv"):
            continue
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                forms |= {row["name"], *(a for a in (row["aliases"] or "").split("|") if a)}
    return forms


if __name__ == "__main__":
    main(*sys.argv[1:3])
