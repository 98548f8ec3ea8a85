"""Finding, decoding and parsing article files: what the reader shows as title, date, body and captions."""

from __future__ import annotations

import pytest

from reader.core import articles, scanning
from reader.core.files import ArticleError
from reader.core.formats.text import SENTENCE_TITLE_CHARS
from reader.core.model import (
    BODY,
    PARAGRAPH_BREAK,
    TITLE,
    caption_part,
    paragraph_end,
    paragraph_start,
    split_paragraphs,
)

SAMPLE_000 = "000_1fa15833894f33b8.txt"
SAMPLE_002 = "002_30a533c32181acfe.txt"
NBSP = "\u00a0"


def load(path, root=None):
    return articles.load(path, root if root is not None else path.parent)


# ---------------------------------------------------------------- parts and paragraphs


def test_an_article_is_read_in_parts_the_title_the_body_then_each_caption(articles_dir):
    a = load(articles_dir / SAMPLE_000, articles_dir)
    assert len(a.captions) == 2
    assert [(p.name, p.text) for p in a.parts()] == [
        (TITLE, a.title),
        (BODY, a.body),
        (caption_part(0), a.captions[0].text),
        (caption_part(1), a.captions[1].text),
    ]
    assert caption_part(0) != caption_part(1)


def test_each_paragraph_is_found_at_its_offset():
    body = "First one.\n\nSecond, longer one.\n\nThird."
    assert split_paragraphs(body) == [(0, "First one."), (12, "Second, longer one."), (33, "Third.")]
    for start, para in split_paragraphs(body):
        end = start + len(para)
        assert body[start:end] == para
        for offset in range(start, end + 1):  # any offset in the paragraph, and the break right after it
            assert (paragraph_start(body, offset), paragraph_end(body, offset)) == (start, end)
    assert split_paragraphs("") == []
    assert (paragraph_start("One line", 3), paragraph_end("One line", 3)) == (0, len("One line"))


@pytest.mark.parametrize("name", [SAMPLE_000, SAMPLE_002])
def test_a_samples_paragraphs_are_its_body_split_by_one_blank_line(articles_dir, name):
    a = load(articles_dir / name, articles_dir)
    found = split_paragraphs(a.body)
    assert [para for _, para in found] == a.paragraphs
    assert PARAGRAPH_BREAK.join(a.paragraphs) == a.body
    assert all(a.body[start : start + len(para)] == para for start, para in found)


# ---------------------------------------------------------------- the two samples


def test_sample_000_title_comes_from_its_lead_caption(articles_dir):
    a = load(articles_dir / SAMPLE_000, articles_dir)
    assert a.title == "Alibaba have targeted having a genuine impact on the Olympics by Beijing 2022"
    assert a.date is None
    assert a.id == SAMPLE_000
    assert a.source == ""  # the sample names no outlet
    assert a.body.startswith("Alibaba co-founder Jack Ma has targeted helping")
    assert a.body.endswith('10 more years of partnership and even more success."')


def test_sample_000_captions_are_kept_apart_and_the_truncated_duplicate_is_dropped(articles_dir):
    a = load(articles_dir / SAMPLE_000, articles_dir)
    assert [(c.text, c.credit) for c in a.captions] == [
        ("Alibaba have targeted having a genuine impact on the Olympics by Beijing 2022", "IOC"),
        (
            "Alibaba founder Jack Ma, left, alongside IOC President Thomas Bach at the opening of the new "
            '"Olympic Games on the Cloud" exhibition at the Gangneung Olympic Park',
            "IOC",
        ),
    ]
    truncated = "alongside IOC President Thomas Bach at the opening of the new"
    assert truncated not in a.body
    assert not any(c.text.endswith("at the opening of the new") for c in a.captions)
    assert "Gangneung Olympic Park ©" not in a.body
    # the caption sat between paragraphs; the paragraphs around it are whole
    assert "The Alibaba Group Olympic Games showcase is billed as" in a.paragraphs[a.captions[1].paragraph]


def test_sample_002_date_token_becomes_the_date_not_body_text(articles_dir):
    a = load(articles_dir / SAMPLE_002, articles_dir)
    assert a.date == "2019-01-23"
    assert a.body.startswith("International Olympic Committee (IOC) President Thomas Bach welcomed")
    assert "date 2019-01-23" not in a.body
    assert "2019-01-23" not in a.body
    assert not a.body.lstrip().lower().startswith("date")
    # no headline and no lead caption: the title is the first sentence, shortened
    assert a.title.startswith("International Olympic Committee (IOC) President Thomas Bach")
    assert a.title.endswith("…")
    assert len(a.title) <= SENTENCE_TITLE_CHARS


def test_sample_002_caption_and_credit(articles_dir):
    a = load(articles_dir / SAMPLE_002, articles_dir)
    assert len(a.captions) == 1
    assert a.captions[0].text == "Alibaba signed a deal with the IOC in January 2017"
    assert a.captions[0].credit == "IOC"
    assert a.captions[0].line == "Alibaba signed a deal with the IOC in January 2017 ©IOC"
    assert "Alibaba signed a deal with the IOC in January 2017" not in a.body


@pytest.mark.parametrize("name", [SAMPLE_000, SAMPLE_002])
def test_sample_bodies_are_clean_paragraphs(articles_dir, name):
    a = load(articles_dir / name, articles_dir)
    assert "©" not in a.body
    assert NBSP not in a.body
    assert "\r" not in a.body
    assert "\n\n\n" not in a.body
    paragraphs = a.body.split("\n\n")
    assert len(paragraphs) > 10
    for p in paragraphs:
        assert p == p.strip() and p
        assert "\n" not in p
        assert "  " not in p
    assert a.paragraphs == paragraphs


def test_sample_000_trailing_nbsp_is_squashed(articles_dir):
    a = load(articles_dir / SAMPLE_000, articles_dir)
    # the source line is 'in Beijing\u00a0 after unveiling'; the reader sees one ordinary space
    assert "at the 2022 Winter Olympic Games in Beijing after unveiling its vision" in a.body


# ---------------------------------------------------------------- decoding

TEXT = "Café owners’ “sponsorship” deal\n\nSecond paragraph here."


@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param(TEXT.encode("utf-8"), id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), id="utf-8-bom"),
        pytest.param(b"\xff\xfe" + TEXT.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(b"\xfe\xff" + TEXT.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(TEXT.encode("cp1252"), id="cp1252"),
        pytest.param(TEXT.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(TEXT.replace("\n", "\r").encode("utf-8"), id="cr-only"),
        pytest.param(b"\xff\xfe" + TEXT.replace("\n", "\r\n").encode("utf-16-le"), id="utf-16-crlf"),
    ],
)
def test_decoding_gives_the_same_article(tmp_path, write, encoded):
    a = load(write(tmp_path / "enc.txt", encoded))
    assert a.title == "Café owners’ “sponsorship” deal"
    assert a.body == "Second paragraph here."
    assert "\ufeff" not in a.title + a.body
    assert "\ufffd" not in a.title + a.body


def test_cp1252_smart_quotes_fall_back_when_not_utf8(tmp_path, write):
    raw = b"He said \x93we will win\x94 and it\x92s true \x96 really.\n\nMore text."
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    a = load(write(tmp_path / "quotes.txt", raw))
    assert a.body.startswith("He said “we will win” and it’s true – really.")


def test_utf8_bom_does_not_hide_a_date_token(tmp_path, write):
    a = load(write(tmp_path / "bom.txt", b"\xef\xbb\xbf date 2020-02-29 Body text starts here."))
    assert a.date == "2020-02-29"
    assert a.body == "Body text starts here."


def test_crlf_paragraphs_and_captions(tmp_path, write):
    raw = "Headline words\r\n\r\nFirst para.\r\n\r\nA photo caption ©Reuters\r\n\r\nSecond para.\r\n"
    a = load(write(tmp_path / "crlf.txt", raw.encode("utf-8")))
    assert a.title == "Headline words"
    assert a.body == "First para.\n\nSecond para."
    assert [(c.text, c.credit) for c in a.captions] == [("A photo caption", "Reuters")]


def test_nbsp_and_odd_whitespace_are_squashed(tmp_path, write):
    a = load(write(tmp_path / "ws.txt", f"One{NBSP}{NBSP}two\tthree   four.\n{NBSP}\nFive.\n"))
    assert NBSP not in a.body
    assert a.body == "One two three four.\n\nFive."


# ---------------------------------------------------------------- titles


def test_title_from_a_headline_line(tmp_path, write):
    a = load(write(tmp_path / "h.txt", "Acme Signs Kit Deal With Rovers\n\nAcme has signed a deal. It is big."))
    assert a.title == "Acme Signs Kit Deal With Rovers"
    assert a.body == "Acme has signed a deal. It is big."


def test_title_from_markdown_heading(tmp_path, write):
    a = load(write(tmp_path / "m.md", "# Acme and the Rovers\n\nBody *text* here.\n"))
    assert a.title == "Acme and the Rovers"
    assert "#" not in a.title
    assert a.body == "Body *text* here."


def test_markdown_closing_hashes_are_dropped(tmp_path, write):
    a = load(write(tmp_path / "m.md", "## Second level ##\n\nBody.\n"))
    assert a.title == "Second level"


def test_title_from_first_sentence_is_shortened_with_ellipsis(tmp_path, write):
    sentence = (
        "Acme Corporation today announced a record breaking multi year sponsorship agreement with "
        "the Rovers football club and its supporters trust."
    )
    a = load(write(tmp_path / "s.txt", sentence + " Second sentence follows here."))
    assert a.title.endswith("…")
    assert len(a.title) <= SENTENCE_TITLE_CHARS
    assert sentence.startswith(a.title[:-1])
    assert "Second sentence" not in a.title


def test_title_from_short_first_sentence_is_that_sentence(tmp_path, write):
    a = load(write(tmp_path / "s.txt", "Acme signed the Rovers. Then it rained for days."))
    assert a.title == "Acme signed the Rovers."


@pytest.mark.parametrize(
    "text,title",
    [
        ("Mr. Bach welcomed Jack Ma to Lausanne. Then they talked.", "Mr. Bach welcomed Jack Ma to Lausanne."),
        ("U.S. Olympic Committee signs Acme as partner. More text.", "U.S. Olympic Committee signs Acme as partner."),
        ("IOC President Thomas J. Bach met Ma. More.", "IOC President Thomas J. Bach met Ma."),
        ("St. Helens sign kit deal with Acme. More.", "St. Helens sign kit deal with Acme."),
        ("Dr. Smith said no. Later.", "Dr. Smith said no."),
        ('"We will win," said Ma. More.', '"We will win," said Ma.'),
    ],
)
def test_first_sentence_title_does_not_stop_at_an_abbreviation(tmp_path, write, text, title):
    assert load(write(tmp_path / "abbr.txt", text)).title == title


@pytest.mark.parametrize(
    "content",
    ["date 2020-01-01\n", "date 2020-01-01", "...\n", "!!!\n\n???\n", "---\ntitle:\n---\n", "©\n", "-"],
)
def test_title_is_never_empty(tmp_path, write, content):
    a = load(write(tmp_path / "odd_file.txt", content))
    assert a.title.strip()


def test_only_a_date_line_keeps_the_date(tmp_path, write):
    a = load(write(tmp_path / "only_date.txt", "date 2020-01-01\n"))
    assert a.date == "2020-01-01"
    assert a.body == ""
    assert a.title == "only date"


def test_front_matter(tmp_path, write):
    text = '---\ntitle: "Rovers land Acme"\ndate: 2021-05-06\nsource: The Herald\n---\nAcme signed today.\n'
    a = load(write(tmp_path / "fm.md", text))
    assert a.title == "Rovers land Acme"
    assert a.date == "2021-05-06"
    assert a.source == "The Herald"
    assert a.body == "Acme signed today."
    assert "---" not in a.body


def test_header_lines(tmp_path, write):
    text = "Title: Rovers land Acme\nDate: 2020-02-03\nSource: Reuters\n\nAcme signed today.\n"
    a = load(write(tmp_path / "hdr.txt", text))
    assert (a.title, a.date, a.source) == ("Rovers land Acme", "2020-02-03", "Reuters")
    assert a.body == "Acme signed today."


def test_source_header_alone(tmp_path, write):
    a = load(write(tmp_path / "src.txt", "Source: Reuters\n\nAcme signed the Rovers. It rained.\n"))
    assert a.source == "Reuters"
    assert a.title == "Acme signed the Rovers."
    assert "Reuters" not in a.body


def test_header_like_line_inside_prose_is_body(tmp_path, write):
    a = load(write(tmp_path / "p.txt", "Acme said one thing.\nSource: a person close to the deal.\n"))
    assert "Source: a person close to the deal." in a.body
    assert a.source == ""


def test_invalid_date_is_dropped(tmp_path, write):
    a = load(write(tmp_path / "d.txt", "date 2019-02-30 Body here."))
    assert a.date is None


# ---------------------------------------------------------------- ids and sources


@pytest.mark.parametrize("rel", ["top.txt", "one/a.txt", "one/two/three/deep.md"])
def test_id_is_relative_posix_path_and_a_missing_source_is_empty_not_the_folder(tmp_path, write, rel):
    root = tmp_path / "press"
    path = write(root / rel, "Some body text. More.")
    a = articles.load(path, root)
    assert a.id == rel
    assert "\\" not in a.id
    assert a.source == ""  # a folder ("press", "one", "three") is not an outlet


# ---------------------------------------------------------------- scan


def test_scan_finds_articles_at_any_depth_and_lists_other_files_as_skipped(tmp_path, write):
    root = tmp_path / "lib"
    for rel in [
        "a.txt",
        "b.md",
        "x/c.TXT",
        "x/y/z/d.txt",
        "x/y/e.md",
        "x/f.docx",
        "x/readme",
        ".hidden.txt",
        "x/.also-hidden.md",
        ".git/inside.txt",
        "x/.cache/g.txt",
    ]:
        write(root / rel, "text")
    (root / "folder.txt").mkdir()
    result = scanning.scan(root)
    assert sorted(f.id for f in result.files) == ["a.txt", "b.md", "x/c.TXT", "x/y/e.md", "x/y/z/d.txt"]
    assert [(s.path, s.reason) for s in result.skipped] == [
        ("folder.txt", "is a directory, not a file"),
        ("x/f.docx", "not a supported format (.docx)"),
        ("x/readme", "not a supported format (no file name extension)"),
    ]
    # what a folder watcher watches: every folder walked, hidden ones left out as their files are
    assert result.folders[0] == root
    assert sorted(p.relative_to(root).as_posix() for p in result.folders) == [".", "folder.txt", "x", "x/y", "x/y/z"]
    for f in result.files:
        assert f.size == f.path.stat().st_size
        assert f.mtime_ns == f.path.stat().st_mtime_ns


def test_scan_leaves_out_only_what_is_not_the_users_to_hear_about(tmp_path, write):
    root = tmp_path / "lib"
    for rel in [
        "a.txt",
        "a.txt.meta.json",  # corrections of a.txt
        "gone.pdf.meta.json",  # corrections of a file that is not here: listed
        "Thumbs.db",
        "desktop.ini",
        "~$notes.docx",  # Office's lock file
        "page.html",
        "page_files/style.css",  # a saved page's resources
        "page_files/img/photo.jpg",
        "other_files/photo.jpg",  # no other.html beside it: the user's
        "x/photo.jpg",
    ]:
        write(root / rel, "text")
    result = scanning.scan(root)
    assert [(s.path, s.reason) for s in result.skipped] == [
        ("gone.pdf.meta.json", "not a supported format (.json)"),
        ("other_files/photo.jpg", "not a supported format (.jpg)"),
        ("x/photo.jpg", "not a supported format (.jpg)"),
    ]


def test_scan_of_the_samples(articles_dir):
    result = scanning.scan(articles_dir)
    assert sorted(f.id for f in result.files) == [SAMPLE_000, SAMPLE_002]
    assert result.skipped == []


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n"])
def test_empty_file_is_an_error(tmp_path, write, content):
    with pytest.raises(ArticleError) as info:
        load(write(tmp_path / "empty.txt", content))
    assert info.value.reason == "empty file"
    assert "empty.txt" in str(info.value)


def test_binary_file_is_an_error(tmp_path, write):
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(ArticleError) as info:
        load(write(tmp_path / "image.txt", data))
    assert info.value.reason == "binary file, not text"


def test_directory_is_an_error(tmp_path):
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(ArticleError) as info:
        load(tmp_path / "dir.txt")
    assert info.value.reason == "is a directory, not a file"


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(ArticleError) as info:
        load(tmp_path / "gone.txt")
    assert info.value.reason == "the file was deleted before it could be read"


def test_to_json(articles_dir):
    data = load(articles_dir / SAMPLE_002, articles_dir).to_json()
    assert set(data) == {"path", "title", "date", "source", "author", "url", "captions", "body", "headline_only"}
    assert data["path"] == SAMPLE_002
    assert data["captions"] == ["Alibaba signed a deal with the IOC in January 2017 ©IOC"]
