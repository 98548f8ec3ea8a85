"""How well the analysis finds quotes, their speakers and named entities, scored on the labelled set.

    python -m bench.bench_quality               # the development part (bench/quality/dev)
    python -m bench.bench_quality --errors      # … and every miss, wrong speaker and wrong entity in it
    python -m bench.bench_quality --heldout     # the held-out part: only at the end of a piece of work
    python -m bench.bench_quality --heldout --since 2026-12-07   # … only its files added on or after that date
    python -m bench.bench_quality --heldout --before 2026-12-07  # … only its files added before it (or undated)
    python -m bench.bench_quality --heldout --part E             # … only the files marked '% part: E'
    python -m bench.bench_quality --json        # the figures as JSON

Definitions (bench/README.md says the same):
- a predicted *speech* quote matches a gold quote when their character spans overlap by at least half
  of the longer of the two; matching is one-to-one, largest overlap first. Quoted terms the analysis
  calls `term` are not predictions of speech.
- quote precision = matched / predicted speech quotes; recall = matched / gold quotes.
- speaker accuracy = gold quotes with a named speaker whose matched prediction names the same speaker,
  over all gold quotes with a named speaker: an unmatched quote or a missing speaker counts as wrong.
  Names are compared case-folded, without punctuation, a leading "the" or "a"/"an" kept.
- unattributed kept silent = gold quotes the text does not attribute whose prediction has no speaker.
- speech quotes without a speaker = predicted speech quotes with no speaker, over predicted speech
  quotes, on real press text (the Wikinews files), and on the real sports copy among them.
- entities: a prediction is right when its span and label are exactly a gold entity's; GPE and LOC
  count as one label, PLACE. Labels the set does not mark (dates, money…) are not scored.
- person consistency = gold PERSON mentions that the analysis tags at all (any label, same span)
  and tags PERSON with the person's full name as its canonical name.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.quality_set import SET_DIR, Doc, GoldQuote, added_before, added_since, files, load
from reader.core.analysis import SPEECH, Analysis, Analyzer, Quote
from reader.core.model import BODY, TITLE, Article

SCORED_LABELS = ("PERSON", "ORG", "PLACE", "FAC", "EVENT")
_PLACE = {"GPE": "PLACE", "LOC": "PLACE"}


def scored_label(label: str) -> str:
    return _PLACE.get(label, label)


def same_name(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and _norm(a) == _norm(b)


def _norm(name: str) -> str:
    name = re.sub(r"[^\w\s]", " ", name.casefold())
    name = re.sub(r"^the\s+", "", " ".join(name.split()))
    return name


@dataclass
class Tally:
    """Counts over a set of documents; `lines` collects the errors when asked for."""

    gold_quotes: int = 0
    predicted_quotes: int = 0
    matched_quotes: int = 0
    named: int = 0
    named_right: int = 0
    unnamed: int = 0
    unnamed_silent: int = 0
    real_predicted: int = 0
    real_without_speaker: int = 0
    sport_predicted: int = 0
    sport_without_speaker: int = 0
    person_mentions_tagged: int = 0
    person_mentions_consistent: int = 0

    def __post_init__(self):
        self.entity_tp: Counter = Counter()
        self.entity_gold: Counter = Counter()
        self.entity_pred: Counter = Counter()
        self.lines: list[str] = []


def article_of(doc: Doc) -> Article:
    return Article(id=doc.name, path=Path(doc.name), title=doc.title, date=None, source="quality set", body=doc.body)


def score(docs: list[Doc], analyzer: Analyzer, errors: bool = False) -> Tally:
    tally = Tally()
    for doc in docs:
        analysis = analyzer.analyze(article_of(doc))
        _score_quotes(doc, analysis, tally, errors)
        _score_entities(doc, analysis, tally, errors)
    return tally


def _predicted_quotes(doc: Doc, analysis: Analysis) -> list[tuple[str, Quote]]:
    return [(part, q) for part in (TITLE, BODY) for q in analysis.in_part(part).quotes if q.kind == SPEECH]


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _match_quotes(gold: list[GoldQuote], predicted: list[tuple[str, Quote]]) -> dict[int, int]:
    """gold index → predicted index, one-to-one, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, (part, q) in enumerate(predicted):
            if part != g.part:
                continue
            shared = _overlap(g.start, g.end, q.start, q.end)
            if shared and shared * 2 >= max(g.end - g.start, q.end - q.start):
                pairs.append((shared, gi, pi))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return matched


def _score_quotes(doc: Doc, analysis: Analysis, tally: Tally, errors: bool) -> None:
    predicted = _predicted_quotes(doc, analysis)
    matched = _match_quotes(doc.quotes, predicted)
    tally.gold_quotes += len(doc.quotes)
    tally.predicted_quotes += len(predicted)
    tally.matched_quotes += len(matched)
    if doc.real:
        tally.real_predicted += len(predicted)
        tally.real_without_speaker += sum(1 for _, q in predicted if not q.speaker)
        if doc.sport:
            tally.sport_predicted += len(predicted)
            tally.sport_without_speaker += sum(1 for _, q in predicted if not q.speaker)
    for gi, g in enumerate(doc.quotes):
        got = predicted[matched[gi]][1] if gi in matched else None
        said = got.speaker if got else None
        if g.speaker:
            tally.named += 1
            right = same_name(said, g.speaker)
            tally.named_right += right
        else:
            tally.unnamed += 1
            right = got is not None and not said
            tally.unnamed_silent += right
        if errors and not right:
            what = "missed" if got is None else f"speaker {said!r}"
            tally.lines.append(
                f"{doc.name}: quote {_clip(doc.text(g.part)[g.start : g.end])} "
                f"by {g.speaker or '(unattributed)'!r}: {what}"
            )
    if errors:
        for pi in set(range(len(predicted))) - set(matched.values()):
            _part, q = predicted[pi]
            tally.lines.append(f"{doc.name}: not a gold quote: {_clip(q.text)} (speaker {q.speaker!r})")


def _score_entities(doc: Doc, analysis: Analysis, tally: Tally, errors: bool) -> None:
    predicted = {
        (part, e.start, e.end): e
        for part in (TITLE, BODY)
        for e in analysis.in_part(part).entities
        if scored_label(e.label) in SCORED_LABELS
    }
    gold = {(g.part, g.start, g.end): g for g in doc.entities}
    for key, g in gold.items():
        label = scored_label(g.label)
        tally.entity_gold[label] += 1
        e = predicted.get(key)
        if e and scored_label(e.label) == label:
            tally.entity_tp[label] += 1
        elif errors:
            got = f"{e.label} {e.canonical!r}" if e else "missed"
            tally.lines.append(f"{doc.name}: {label} {doc.text(g.part)[g.start : g.end]!r}: {got}")
        if g.label == "PERSON" and e is not None:
            tally.person_mentions_tagged += 1
            consistent = e.label == "PERSON" and same_name(e.canonical, g.canonical)
            tally.person_mentions_consistent += consistent
            if errors and not consistent and e.label == "PERSON":
                tally.lines.append(f"{doc.name}: PERSON {e.text!r} is {e.canonical!r}, not {g.canonical!r}")
    for key, e in predicted.items():
        tally.entity_pred[scored_label(e.label)] += 1
        if errors and key not in gold:
            tally.lines.append(f"{doc.name}: not a gold entity: {e.label} {e.text!r}")


def _clip(text: str, size: int = 70) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= size else text[: size - 1] + "…")


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _prf(tp: int, pred: int, gold: int) -> dict:
    p, r = _ratio(tp, pred), _ratio(tp, gold)
    f = 2 * p * r / (p + r) if p and r else 0.0
    return {"precision": p, "recall": r, "f1": f, "gold": gold, "predicted": pred}


def figures(tally: Tally) -> dict:
    entities = {
        label: _prf(tally.entity_tp[label], tally.entity_pred[label], tally.entity_gold[label])
        for label in SCORED_LABELS
    }
    entities["all"] = _prf(
        sum(tally.entity_tp.values()), sum(tally.entity_pred.values()), sum(tally.entity_gold.values())
    )
    return {
        "quotes": _prf(tally.matched_quotes, tally.predicted_quotes, tally.gold_quotes),
        "speaker_accuracy": _ratio(tally.named_right, tally.named),
        "quotes_with_named_speaker": tally.named,
        "unattributed_kept_silent": _ratio(tally.unnamed_silent, tally.unnamed),
        "unattributed_quotes": tally.unnamed,
        "real_speech_without_speaker": _ratio(tally.real_without_speaker, tally.real_predicted),
        "real_speech_quotes": tally.real_predicted,
        "real_sport_speech_without_speaker": _ratio(tally.sport_without_speaker, tally.sport_predicted),
        "real_sport_speech_quotes": tally.sport_predicted,
        "person_consistency": _ratio(tally.person_mentions_consistent, tally.person_mentions_tagged),
        "entities": entities,
    }


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


def table(fig: dict, docs: int, part: str) -> str:
    q = fig["quotes"]
    rows = [
        f"| {part}: {docs} articles | figure |",
        "|---|---|",
        f"| quotes: precision / recall / F1 ({q['gold']} gold) | {_pct(q['precision'])} / {_pct(q['recall'])} / "
        f"{_pct(q['f1'])} |",
        f"| speaker accuracy ({fig['quotes_with_named_speaker']} quotes with a named speaker) | "
        f"{_pct(fig['speaker_accuracy'])} |",
        f"| unattributed quotes left without a speaker ({fig['unattributed_quotes']}) | "
        f"{_pct(fig['unattributed_kept_silent'])} |",
        f"| speech quotes without a speaker, real press text ({fig['real_speech_quotes']}) | "
        f"{_pct(fig['real_speech_without_speaker'])} |",
        f"| … of them real sports copy ({fig['real_sport_speech_quotes']}) | "
        f"{_pct(fig['real_sport_speech_without_speaker'])} |",
        f"| person mentions with one label and full name | {_pct(fig['person_consistency'])} |",
    ]
    for label, e in fig["entities"].items():
        rows.append(
            f"| {label}: precision / recall / F1 ({e['gold']} gold) | {_pct(e['precision'])} / "
            f"{_pct(e['recall'])} / {_pct(e['f1'])} |"
        )
    return "\n".join(rows)


def chosen(
    parts: tuple[str, ...],
    since: datetime.date | None = None,
    folder: Path = SET_DIR,
    before: datetime.date | None = None,
    part: str | None = None,
) -> list[Doc]:
    """The labelled documents of these parts; only those added on or after `since`, only those added
    before `before` (files without an '% added:' date are the oldest), only those of `part` (their
    '% part:' line), when given."""
    docs = load(files(parts, folder))
    docs = docs if since is None else added_since(docs, since)
    docs = docs if before is None else added_before(docs, before)
    return docs if part is None else [d for d in docs if d.meta.get("part", "").split() == part.split()]


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_quality", description=__doc__.split("\n")[0])
    parser.add_argument("--heldout", action="store_true", help="score the held-out part (only at the end)")
    parser.add_argument("--all", action="store_true", help="score both parts together")
    parser.add_argument("--errors", action="store_true", help="list every error (development part only)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--since", type=_date, metavar="YYYY-MM-DD", help="only the files whose '%% added:' date is on or after this"
    )
    parser.add_argument("--part", metavar="X", help="only the files whose '%% part:' line is X (e.g. E)")
    parser.add_argument(
        "--before", type=_date, metavar="YYYY-MM-DD", help="only the files added before this (or with no date)"
    )
    parser.add_argument("--model", default=None, help="spaCy model (default: as the app picks it; 'none')")
    args = parser.parse_args(argv)
    if args.errors and (args.heldout or args.all):
        parser.error("--errors lists the development part only: the held-out part is never read for errors")
    parts = ("dev", "heldout") if args.all else ("heldout",) if args.heldout else ("dev",)
    docs = chosen(parts, args.since, before=args.before, part=args.part)
    when = (
        (f" added on or after {args.since}" if args.since else "")
        + (f" added before {args.before}" if args.before else "")
        + (f" of part {args.part}" if args.part else "")
    )
    if not docs:
        print(f"no labelled files in {', '.join(parts)}{when}", file=sys.stderr)
        return 1
    label = "+".join(parts) + when
    analyzer = Analyzer(args.model)
    started = time.perf_counter()
    tally = score(docs, analyzer, errors=args.errors)
    fig = figures(tally)
    if args.json:
        print(json.dumps({"part": label, "articles": len(docs), **fig}, indent=2))
    else:
        print("\n".join(tally.lines))
        print(table(fig, len(docs), label))
        print(f"\n({time.perf_counter() - started:.1f} s, model {analyzer.tagger.model_name or 'none'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
