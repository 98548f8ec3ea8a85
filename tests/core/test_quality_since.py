"""The labelled quality set (bench/quality/): every file reads, and `--since` picks the files added since a date."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from bench.bench_quality import chosen, main
from bench.quality_set import PARTS, MarkupError, files, part_of, read


def _write(folder: Path, part: str, name: str, added: str | None) -> None:
    (folder / part).mkdir(parents=True, exist_ok=True)
    meta = "% source: written for a test, MIT\n" + (f"% added: {added}\n" if added else "")
    body = '[[Ada Lovelace|PERSON]] joins [[Arsenal|ORG]]\n\n⟦"We won,"⟧⟨Ada Lovelace⟩ [[Lovelace|PERSON|Ada Lovelace]] said.\n'
    (folder / part / name).write_text(meta + body, encoding="utf-8")


@pytest.fixture
def small_set(tmp_path: Path) -> Path:
    _write(tmp_path, "heldout", "pr-first.txt", None)
    _write(tmp_path, "heldout", "pr-day-before.txt", "2026-12-06")
    _write(tmp_path, "heldout", "pr-on-the-day.txt", "2026-12-07")
    _write(tmp_path, "heldout", "pr-later.txt", "2027-01-15")
    _write(tmp_path, "dev", "pr-dev-same-day.txt", "2026-12-07")
    return tmp_path


def _names(docs) -> list[str]:
    return sorted(d.name for d in docs)


def test_since_keeps_the_files_added_on_or_after_the_date(small_set: Path):
    since = datetime.date(2026, 12, 7)
    assert _names(chosen(("heldout",), since, small_set)) == ["pr-later.txt", "pr-on-the-day.txt"]
    assert _names(chosen(("dev", "heldout"), since, small_set)) == [
        "pr-dev-same-day.txt",
        "pr-later.txt",
        "pr-on-the-day.txt",
    ]


def test_before_keeps_the_undated_files_and_those_added_earlier(small_set: Path):
    before = datetime.date(2026, 12, 7)
    assert _names(chosen(("heldout",), None, small_set, before)) == ["pr-day-before.txt", "pr-first.txt"]
    assert _names(chosen(("heldout",), before, small_set, datetime.date(2027, 1, 1))) == ["pr-on-the-day.txt"]


def test_without_since_every_file_of_the_part_is_scored(small_set: Path):
    assert len(chosen(("heldout",), None, small_set)) == 4


def test_a_date_after_every_file_selects_none(small_set: Path):
    assert chosen(("heldout",), datetime.date(2030, 1, 1), small_set) == []


def test_a_bad_since_date_is_refused_in_one_line(capsys):
    with pytest.raises(SystemExit):
        main(["--heldout", "--since", "7 Dec 2026"])
    assert "not a date (YYYY-MM-DD): '7 Dec 2026'" in capsys.readouterr().err


def test_a_bad_added_line_names_the_file(tmp_path: Path):
    _write(tmp_path, "heldout", "pr-bad.txt", "2026-13-45")
    with pytest.raises(MarkupError, match="pr-bad.txt: '% added:' is a date"):
        read(tmp_path / "heldout" / "pr-bad.txt")


def test_every_file_of_the_set_reads_and_sits_in_its_part():
    paths = files(PARTS)
    assert paths
    quotes = {part: 0 for part in PARTS}
    for path in paths:
        doc = read(path)
        assert doc.entities, f"{path.name} marks no entity"
        expected = part_of(path.name, doc.meta)
        assert path.parent.name == expected, f"{path.name} belongs in {expected}/"
        quotes[path.parent.name] += len(doc.quotes)
    assert all(quotes.values()), quotes


def test_a_bracket_just_before_an_entity_stays_text(tmp_path: Path):
    (tmp_path / "heldout").mkdir()
    path = tmp_path / "heldout" / "pr-brackets.txt"
    path.write_text(
        '% source: written for a test, MIT\nTitle\n\n⟦"They [[[Israel|GPE]]] won."⟧⟨Ada Lovelace⟩\n', encoding="utf-8"
    )
    doc = read(path)
    assert doc.body == '"They [Israel] won."'
    (entity,) = doc.entities
    assert doc.body[entity.start : entity.end] == "Israel" and entity.label == "GPE"


def test_a_scored_held_out_file_moves_to_dev_only_with_a_moved_line():
    name = "pr-held.txt"  # its name puts it in the held-out part
    assert part_of(name) == "heldout"
    assert part_of(name, {"moved": "dev, 2026-12-07, after its one held-out scoring"}) == "dev"
    assert part_of(name, {"added": "2026-12-07"}) == "heldout"


def test_part_keeps_only_the_files_marked_with_it(tmp_path: Path):
    for name, part in (("pr-e1.txt", "E"), ("pr-e2.txt", "E"), ("pr-c.txt", "C"), ("pr-none.txt", None)):
        _write(tmp_path, "heldout", name, "2026-12-07")
        if part:
            path = tmp_path / "heldout" / name
            path.write_text(f"% part: {part}\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert _names(chosen(("heldout",), None, tmp_path, part="E")) == ["pr-e1.txt", "pr-e2.txt"]
    assert len(chosen(("heldout",), None, tmp_path)) == 4
