"""Deterministic synthetic press articles in the format of articles/*.txt; no downloads.

    python -m bench.corpus N OUTDIR [--seed S]

Each article is ~600 words of Zipf-distributed English-like words (a few hundred real words,
then pronounceable pseudo-words up to VOCABULARY_SIZE) with sponsorship terms mixed in, and
the quirks of the real files: a leading `date YYYY-MM-DD` token on the first line, photo
captions ending in `©CREDIT` (sometimes after a truncated copy of themselves), quotes running
over several paragraphs with only the last one closed, non-breaking spaces and curly quotes.
Article i depends only on (seed, i), so a corpus of N is a prefix of a corpus of 10 N.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
from functools import lru_cache
from pathlib import Path

VOCABULARY_SIZE = 5000
ZIPF_EXPONENT = 1.05
DOMAIN_RATE = 0.06  # share of word slots taken by a sponsorship term
NBSP = "\u00a0"

COMMON = """
the of and to a in is that for it as was with be by on not he this are or his from at which
but have an they you were her she there been one all we their has would when if so no will more
can said who about up out them into do its time only new some could other than then these two
may first any like now my such make over our even most after also made many before must through
back years where much your way well down should because each just those people how too little
state good very world still own see men work long here get both between life being under never
day same another know while last might us great old year off come since against go came right
used take three states himself few house use during without again place around however home small
found thought went say part once general high upon school every does got united left number course
war until always away something fact though water less public put think almost hand enough far
took head yet government system better set told nothing night end why called didn't eyes find going
look asked later knew point next program city business give group toward young days let room
president side social given present several order national possible rather second face per among
form important often things looked early white case john become large big need four within felt
along children saw best church ever least power development light thing seemed family interest want
members mind country area others done turned although open god service certain kind problem began
different door thus help sense means whole matter perhaps itself york times law human line above
name example action company hands local show whether five history gave today either act feet across
taken past quite anything seen having death week experience body word half really field am car
words already themselves information tell college shall money period held keep sure free seems real
behind cannot miss political air question making office brought whose special heard major problems
ago became federal moment study available known result street economic boy position reason change
south board individual job areas society west close turn love community true court force full seem
deal billion million report market brand league season deal global fans digital media event events
""".split()

SPONSOR_TERMS = """
sponsor sponsors sponsored sponsoring sponsorship sponsorships partner partners partnership
partnerships Olympic Olympics IOC FIFA UEFA Paralympic athlete athletes rights marketing
broadcast broadcaster agreement contract renewal activation worldwide official supplier
""".split()
MULTIWORD_TERMS = [
    "Olympic Games",
    "International Olympic Committee",
    "World Cup",
    "TOP programme",
    "Winter Olympics",
    "commercial director",
    "official partner",
    "sponsorship deal",
]
BRANDS = (
    "Alibaba Coca-Cola Visa Samsung Toyota Omega Bridgestone Panasonic Intel Airbnb Allianz "
    "Atos Adidas Nike Puma Emirates Hyundai Heineken Mastercard Deloitte Tmall Aramco"
).split()
PEOPLE = [
    "Thomas Bach",
    "Gianni Infantino",
    "Jack Ma",
    "Yao Ming",
    "Usain Bolt",
    "Simone Biles",
    "Serena Williams",
    "Eliud Kipchoge",
    "Naomi Osaka",
    "Kylian Mbappé",
    "Sebastian Coe",
    "Aleksander Čeferin",
    "Katie Ledecky",
    "Mo Farah",
    "Shaun White",
    "Mikaela Shiffrin",
]
CITIES = (
    "Tokyo Paris Beijing Lausanne London Milan Cortina Brisbane Doha Pyeongchang Sochi Rio "
    "Gangneung Zurich Madrid Dakar Sydney Seoul Nagano Vancouver"
).split()
CITIES += ["Los Angeles", "Salt Lake City", "Buenos Aires"]
CREDITS = ["IOC", "Getty Images", "AFP", "Reuters", "FIFA", "Alibaba", "Visa", "AP Photo", "IOC/Greg Martin"]
OUTLETS = ["insidethegames", "sportbusiness", "sportspromedia", "around-the-rings", "the-drum"]
SAYS = ["said", "added", "explained", "told reporters", "said in a statement", "continued"]

_ONSETS = "b c d f g h j k l m n p r s t v w z br cr dr fl gr pl pr st tr ch sh th".split()
_VOWELS = "a e i o u a e i o ai ea ou io".split()
_CODAS = [""] * 6 + "n r s t l m nd st rt ck".split()
_SUFFIXES = [""] * 8 + "s s ed ing er ly tion ment ness al ive ity".split()


@lru_cache(maxsize=4)
def vocabulary(seed: int = 0) -> tuple[str, ...]:
    """VOCABULARY_SIZE distinct lowercase words, most frequent first: COMMON, then pseudo-words."""
    rng = random.Random(f"vocabulary-{seed}")
    words = list(dict.fromkeys(COMMON))
    seen = set(words)
    while len(words) < VOCABULARY_SIZE:
        syllables = rng.choice((1, 2, 2, 2, 3))
        w = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables))
        w += rng.choice(_SUFFIXES)
        if 2 < len(w) <= 13 and w not in seen:
            seen.add(w)
            words.append(w)
    return tuple(words)


@lru_cache(maxsize=8)
def _cum_weights(n: int) -> tuple[float, ...]:
    return tuple(itertools.accumulate(1 / (rank**ZIPF_EXPONENT) for rank in range(1, n + 1)))


def domain_terms() -> list[str]:
    """Sponsorship terms, most frequent first."""
    return SPONSOR_TERMS + MULTIWORD_TERMS + BRANDS + PEOPLE + CITIES


def zipf(rng: random.Random, items, k: int = 1) -> list:
    return rng.choices(items, cum_weights=_cum_weights(len(items)), k=k)


class ArticleWriter:
    """Builds one article's text from its own random stream."""

    def __init__(self, rng: random.Random, words: tuple[str, ...]):
        self.rng = rng
        self.words = words
        self.domain = domain_terms()

    def sentence(self) -> str:
        rng = self.rng
        out = zipf(rng, self.words, rng.randint(8, 28))
        for i in range(len(out)):
            r = rng.random()
            if r < DOMAIN_RATE:
                out[i] = zipf(rng, self.domain)[0]
            elif r < DOMAIN_RATE + 0.01:
                out[i] = str(rng.choice((rng.randint(2, 99), rng.randint(1990, 2032))))
            elif r < DOMAIN_RATE + 0.02:
                out[i] += rng.choice(("'s", "’s"))
        if len(out) > 12 and rng.random() < 0.5:
            out[rng.randint(3, len(out) - 4)] += ","
        text = " ".join(out)
        return text[0].upper() + text[1:] + rng.choice(".....?")

    def paragraph(self) -> str:
        text = " ".join(self.sentence() for _ in range(self.rng.choice((1, 1, 2, 2, 3))))
        return text + (NBSP if self.rng.random() < 0.1 else "")

    def quote(self) -> list[str]:
        """A quote over several paragraphs: each opens with a quote mark, only the last closes."""
        rng = self.rng
        paras = [f'"{self.paragraph().rstrip(NBSP)}' for _ in range(rng.randint(1, 5))]
        paras[-1] += '"'
        if rng.random() < 0.5:  # led by a closed, attributed paragraph: "...," Bach said.
            lead = self.sentence()[:-1]
            paras.insert(0, f'"{lead}," {rng.choice(PEOPLE)} {rng.choice(SAYS)}.')
        return paras

    def caption(self) -> list[str]:
        rng = self.rng
        text = f"{rng.choice(PEOPLE)} {' '.join(zipf(rng, self.words, rng.randint(6, 16)))} {rng.choice(CITIES)}"
        line = f"{text}{NBSP}©{rng.choice(CREDITS)}"
        if rng.random() < 0.3:  # the scraped files repeat a caption cut short before the full one
            cut = text[: rng.randint(25, len(text) - 1)].rsplit(" ", 1)[0]
            return [f"{cut}\n{line}"]
        return [line]

    def opening(self) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.4:
            day = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(15 * 365))
            return f"{rng.choice(('', ' '))}date {day.isoformat()} {self.paragraph()}"
        if kind < 0.65:
            return self.caption()[0]
        if kind < 0.85:  # a headline: one short line without final punctuation
            return f"{rng.choice(BRANDS)} {' '.join(zipf(rng, self.words, rng.randint(5, 10)))} {rng.choice(CITIES)}"
        return self.paragraph()

    def article(self) -> str:
        rng = self.rng
        target = rng.randint(420, 720)
        blocks = [self.opening()]
        words = len(blocks[0].split())
        while words < target:
            r = rng.random()
            new = self.quote() if r < 0.25 else self.caption() if r < 0.32 else [self.paragraph()]
            blocks += new
            words += sum(len(b.split()) for b in new)
        return "\n\n".join(blocks) + "\n"


def article_path(outdir: Path, i: int, rng: random.Random) -> Path:
    return Path(outdir) / rng.choice(OUTLETS) / f"{i:06d}_{rng.getrandbits(64):016x}.txt"


def generate(n: int, outdir: Path, seed: int = 0) -> list[Path]:
    """Write n articles under outdir/<outlet>/ and return their paths."""
    words = vocabulary(seed)
    paths = []
    for i in range(n):
        rng = random.Random(f"article-{seed}-{i}")
        path = article_path(outdir, i, rng)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ArticleWriter(rng, words).article(), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="how many articles")
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    paths = generate(args.n, args.outdir, args.seed)
    print(f"{len(paths)} articles in {args.outdir}")


if __name__ == "__main__":
    main()
