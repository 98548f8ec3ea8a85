"""Web pages, feeds, PDFs and e-mails in a library: indexed, searched, analyzed, bookmarked and corrected like
text files, a feed's entries each an article of their own."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.core import articles, model
from reader.core.bookmarks import ARTICLE_MISSING, OK
from reader.core.files import ArticleError
from reader.core.importing import DUPLICATE, IMPORTED
from reader.core.library import Library
from reader.core.model import BODY
from tests.core.cli_helpers import run, run_json

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLES = ("olympic-partner.html", "sponsorship.rss", "sponsorship.atom", "clipping.pdf", "forwarded.eml")


@pytest.fixture
def articles_dir(tmp_path) -> Path:
    """The library folder of `library`: one sample of each format."""
    root = tmp_path / "coverage"
    root.mkdir()
    for name in SAMPLES:
        shutil.copy(DATA / name, root / name)
    return root


@pytest.fixture
def lib(library):
    return library


def entry_ids(library: Library, file_id: str) -> list[str]:
    return sorted(r.id for r in library.rows() if model.split_id(r.id)[0] == file_id)


def test_every_format_is_indexed_a_feed_entry_an_article(lib):
    report = lib.sync()
    assert (report.indexed, report.added, report.skipped) == (8, 5, [])
    rows = {r.id: r for r in lib.rows()}
    assert rows["olympic-partner.html"].source == "Sport Business Ledger"
    assert rows["clipping.pdf"].title == "Northwind Energy signs eight-year partnership with World Rowing"
    assert rows["forwarded.eml"].date == "2024-03-20"
    assert len(entry_ids(lib, "sponsorship.rss")) == 3 and len(entry_ids(lib, "sponsorship.atom")) == 2
    assert {rows[i].source for i in entry_ids(lib, "sponsorship.rss")} == {"Sponsor Wire", "Global Sports Wire"}


def test_searches_reach_into_each_format(lib):
    lib.sync()
    assert [h.article_id for h in lib.search("Helvetia").hits] == ["olympic-partner.html"]
    assert [h.article_id for h in lib.search("Northwind").hits] == ["clipping.pdf"]
    assert [h.article_id for h in lib.search("Marlowe").hits] == ["forwarded.eml"]
    kestrel = lib.search("Kestrel").hits
    assert len(kestrel) == 1 and kestrel[0].article_id.startswith("sponsorship.rss#")
    assert lib.search('source:"global sports wire"').total == 1
    # nothing of a page's clutter is searchable
    assert lib.search("cookies OR newsletter OR advertisement").total == 0


def test_an_entry_opens_by_its_id_and_a_whole_feed_asks_for_one(lib):
    lib.sync()
    kestrel = lib.search("Kestrel").hits[0].article_id
    article = lib.load(kestrel)
    assert article.title == "Kestrel Airways takes over shirt sponsorship at Harbour City FC"
    assert article.id == kestrel and article.file_id == "sponsorship.rss"
    with pytest.raises(ArticleError, match=r"a feed of 3 articles; give one by its id, such as sponsorship\.rss#"):
        lib.load("sponsorship.rss")


def test_entries_are_analyzed_and_their_quotes_bookmarked(lib):
    lib.sync()
    report = lib.analyze_all(n_process=1)
    assert report.analyzed == 8 and report.skipped == []
    assert all(r.quotes is not None for r in lib.rows())
    kestrel = lib.load(lib.search("Kestrel").hits[0].article_id)
    quote = lib.analysis(kestrel).in_part(BODY).quotes[0]
    mark = lib.add_bookmark(kestrel, quote.start, quote.end)
    assert mark.article_id == kestrel.id and mark.status == OK


def test_an_entry_gone_from_its_feed_leaves_the_index_and_its_bookmark_is_marked_missing(
    lib, articles_dir, touch_later
):
    lib.sync()
    ids = entry_ids(lib, "sponsorship.rss")
    kestrel = lib.load(lib.search("Kestrel").hits[0].article_id)
    kept = lib.load(next(i for i in ids if i != kestrel.id))
    gone_mark = lib.add_bookmark(kestrel, 0, 20)
    kept_mark = lib.add_bookmark(kept, 0, 20)
    feed = articles_dir / "sponsorship.rss"
    text = feed.read_text(encoding="utf-8")
    start = text.rfind("<item>", 0, text.index("Kestrel"))  # the entry's item, cut out whole
    feed.write_text(text[:start] + text[text.index("</item>", start) + len("</item>") :], encoding="utf-8")
    touch_later(feed)
    report = lib.sync()
    assert report.removed_ids == [kestrel.id]
    assert entry_ids(lib, "sponsorship.rss") == sorted(i for i in ids if i != kestrel.id)  # the others keep their ids
    assert lib.search("Kestrel").total == 0
    statuses = {b.id: b.status for b in lib.bookmarks.all()}
    assert (statuses[gone_mark.id], statuses[kept_mark.id]) == (ARTICLE_MISSING, OK)


def test_a_feed_entry_can_be_corrected_alone(lib, articles_dir):
    lib.sync()
    kestrel = lib.search("Kestrel").hits[0].article_id
    lib.correct(kestrel, title="Kestrel Airways on Harbour City shirts", source="Reuters")
    key = model.split_id(kestrel)[1]
    assert json.loads((articles_dir / "sponsorship.rss.meta.json").read_text(encoding="utf-8")) == {
        "entries": {key: {"title": "Kestrel Airways on Harbour City shirts", "source": "Reuters"}}
    }
    lib.sync(rebuild=True)
    rows = {r.id: r for r in lib.rows()}
    assert (rows[kestrel].title, rows[kestrel].source) == ("Kestrel Airways on Harbour City shirts", "Reuters")
    others = [rows[i] for i in entry_ids(lib, "sponsorship.rss") if i != kestrel]
    assert "Reuters" not in {r.source for r in others}


def test_a_page_and_its_text_copy_are_one_article(lib, articles_dir, tmp_path):
    lib.sync()
    page = lib.load("olympic-partner.html")
    copy = tmp_path / "pasted.txt"
    copy.write_text(f"Title: Helvetia goes Olympic\nSource: Newsletter\n\n{page.body}", encoding="utf-8")
    report = lib.add([copy, DATA / "clipping.pdf"])
    assert [(f.status, f.of) for f in report.files] == [
        (DUPLICATE, "olympic-partner.html"),
        (DUPLICATE, "clipping.pdf"),
    ]
    assert report.files[1].article_id is None  # the very same file: not copied
    lib.sync()
    assert lib.search("Helvetia").total == 1


def test_cli_add_imports_every_format(capsys, tmp_path, data_dir):
    root = tmp_path / "empty-library"
    root.mkdir()
    out = run_json(capsys, "add", *(DATA / n for n in SAMPLES), "--articles", root, "--no-analysis")
    assert [(Path(f["path"]).name, f["status"], f.get("article_id")) for f in out["files"]] == [
        (name, IMPORTED, name) for name in SAMPLES
    ]
    assert out["indexed"] == 8
    shown = run_json(capsys, "show", "forwarded.eml", "--articles", root)
    assert (shown["source"], shown["author"]) == ("Sports Daily", "Hannah Cole")
    assert shown["url"] == "https://sportsdaily.example/athletics/marlowe-aurora-boot-deal"


def test_cli_add_of_a_folder_reads_mail_and_single_file_pages_and_lists_what_it_cannot(capsys, tmp_path, data_dir):
    inbox = tmp_path / "Inbox"
    inbox.mkdir()
    for name in ("olympic-partner.mhtml", "fake-email.msg", "mime-multipart-digest.eml"):
        shutil.copy(DATA / name, inbox / name)
    (inbox / "brief.docx").write_bytes(b"PK\x03\x04")
    (inbox / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    root = tmp_path / "library"
    root.mkdir()
    code, out, _ = run(capsys, "add", inbox, "--articles", root, "--no-analysis")
    assert code == 2  # some skipped
    assert f"{inbox / 'brief.docx'}: skipped (not a supported format (.docx))" in out.splitlines()
    assert f"{inbox / 'photo.jpg'}: skipped (not a supported format (.jpg))" in out.splitlines()
    assert "3 imported, 2 skipped" in out
    library = Library(root, data_dir)
    try:
        ids = {r.id for r in library.rows()}
        assert len(ids) == 5 and {"Inbox/fake-email.msg", "Inbox/olympic-partner.mhtml"} <= ids
        assert len(entry_ids(library, "Inbox/mime-multipart-digest.eml")) == 3  # a digest: one article a message
        assert library.load("Inbox/olympic-partner.mhtml").title.startswith("Helvetia Timing")
        assert library.load("Inbox/fake-email.msg").title == "Test Email"
        digest = [library.load(i) for i in entry_ids(library, "Inbox/mime-multipart-digest.eml")]
        assert sorted(a.title for a in digest) == ["First Message", "Second Message", "Third Message"]
    finally:
        library.close()
    # the library's own scan lists them too, when the files are put into its folder by hand
    shutil.copy(inbox / "brief.docx", root / "Inbox" / "brief.docx")
    report = run_json(capsys, "index", "--articles", root, "--no-analysis")
    assert report["skipped"] == [{"path": "Inbox/brief.docx", "reason": "not a supported format (.docx)"}]


def test_cli_add_tells_a_damaged_file_in_one_line(capsys, tmp_path, data_dir):
    root = tmp_path / "library"
    root.mkdir()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes((DATA / "clipping.pdf").read_bytes()[:2048])
    code, out, err = run(capsys, "add", broken, DATA / "scanned.pdf", "--articles", root, "--no-analysis")
    assert code == 2 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith(f"{broken}: skipped (damaged PDF")
    assert lines[1] == f"{DATA / 'scanned.pdf'}: skipped (PDF has no text layer (a scanned image?))"
    assert lines[2] == "0 imported, 2 skipped"
    assert list(root.iterdir()) == []


def test_a_page_s_scripts_and_images_are_dropped_and_markup_written_as_text_stays_text(tmp_path):
    page = tmp_path / "hostile.html"
    page.write_text(
        "<html><head><title>Hostile</title><script>steal(document.cookie)</script></head><body><article>"
        "<h1>Brand safety at the Games</h1>"
        "<p>Sponsors worry when a page writes &lt;script&gt;alert(1)&lt;/script&gt; where a quote should be, "
        "and agencies check every placement before the Games begin in earnest next summer.</p>"
        '<img src="file:///etc/passwd" onerror="steal()">'
        "<p>Brand teams at the Olympic partners review the coverage of their deals every single week, "
        "from the opening ceremony to the last medal.</p>"
        '<iframe src="https://ads.example/track"></iframe></article></body></html>',
        encoding="utf-8",
    )
    article = articles.load(page)
    assert "<script>alert(1)</script>" in article.body  # the page's words, as words
    assert "steal" not in article.body and "passwd" not in article.body and "ads.example" not in article.body
    assert "<" not in article.body.replace("<script>alert(1)</script>", "")
