"""Every format's text is capped as a text file's is: a huge e-mail, web page, PDF or feed entry is indexed
up to MAX_FILE_BYTES, cut at a paragraph, and marked as shortened."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path

import pytest

from reader.core import articles, files
from reader.core.library import Library

DATA = Path(__file__).resolve().parents[1] / "data"
PARAGRAPH = "The sponsor renewed its partnership with the league for another season of football."
HEAD = "Quokka Airlines opens the season."


def _paragraphs(total_bytes: int) -> list[str]:
    return [HEAD] + [f"{PARAGRAPH} Paragraph {i}." for i in range(total_bytes // len(PARAGRAPH))]


def _eml(path: Path, total_bytes: int) -> Path:
    body = "\n\n".join(_paragraphs(total_bytes)) + "\n"
    path.write_text(
        "From: Desk <desk@example.com>\nSubject: Big news\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: base64\n\n" + base64.encodebytes(body.encode()).decode()
    )
    return path


def _html(path: Path, total_bytes: int) -> Path:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in _paragraphs(total_bytes))
    path.write_text(
        f"<html><head><title>Big page</title></head><body><article><h1>Big page</h1>{paragraphs}"
        "</article></body></html>"
    )
    return path


def _shortened(article, cap: int) -> bool:
    size = len(article.body.encode())
    return article.truncated and cap - 65536 < size <= cap and article.body.endswith(".")


@pytest.mark.slow  # a 2 MB page and mail, parsed and indexed
@pytest.mark.parametrize("make", [_eml, _html], ids=["eml", "html"])
def test_a_huge_mail_or_page_is_indexed_up_to_the_cap_and_cut_at_a_paragraph(tmp_path, data_dir, make):
    root = tmp_path / "library"
    root.mkdir()
    path = make(root / f"big.{make.__name__[1:]}", 3 * files.MAX_FILE_BYTES)
    library = Library(root, data_dir)
    library.sync()
    article = library.load(path.name)
    assert _shortened(article, files.MAX_FILE_BYTES)
    assert HEAD in article.body and article.body.rstrip().split("\n\n")[-1].startswith(PARAGRAPH)
    assert [h.article_id for h in library.search("quokka").hits] == [path.name]
    library.close()


@pytest.mark.parametrize("sample", ["clipping.pdf", "sponsorship.rss", "forwarded.eml", "olympic-partner.html"])
def test_the_same_cap_applies_to_every_format(tmp_path, monkeypatch, sample):
    cap = 400  # the samples are small: a small cap shows the rule
    monkeypatch.setattr(articles, "MAX_FILE_BYTES", cap)
    shutil.copy(DATA / sample, tmp_path / sample)
    found = articles.load_file(tmp_path / sample)
    assert all(len(a.body.encode()) <= cap for a in found)
    assert any(a.truncated for a in found)  # a feed's short entries are whole


def test_a_mail_under_the_cap_is_whole(tmp_path):
    article = articles.load(_eml(tmp_path / "small.eml", 20_000))
    assert not article.truncated and article.body.count(PARAGRAPH) == 20_000 // len(PARAGRAPH)
