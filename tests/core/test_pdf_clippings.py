"""PDF clippings as they really arrive: a press release's dateline, a byline with an affiliation, a government
page's running header and margin stamp, text layers that are symbols, and clippings in other languages.

The files are public (tests/data/SOURCES.md): Kroger's press release, pages of the Federal Register and of a
paper whose fonts map no letters, and test files of pdf.js and pdfplumber.
"""

from __future__ import annotations

import io
import re

import pypdfium2 as pdfium
import pytest

from reader.core import articles
from reader.core.formats import FormatError, extract
from reader.core.formats.pdf import UNREADABLE, _unreadable
from tests.core.cli_helpers import run
from tests.core.test_formats import DATA, check_shape, paragraphs, sample

KROGER = "kroger-press-release-2023.pdf"
REGISTER = "federal-register-2020-17221-pages-2-5.pdf"
SYMBOLS = "TAMReview-pages-2-3.pdf"  # every letter drawn from fonts without a map to Unicode
SHIFTED = "shifted-letters-issue19802.pdf"  # French set in a font whose codes are the letters shifted by one


def read(name: str):
    (item,) = extract(".pdf", sample(name))
    check_shape(item)
    return item


def joined(*names_and_pages: tuple[str, list[int]]) -> bytes:
    """One PDF made of pages of the samples, as a clipping service's bundle is."""
    bundle = pdfium.PdfDocument.new()
    for name, pages in names_and_pages:
        bundle.import_pages(pdfium.PdfDocument(sample(name)), pages)
    out = io.BytesIO()
    bundle.save(out)
    return out.getvalue()


# --- dateline, byline, source ----------------------------------------------------------------------


def test_a_press_release_is_dated_by_its_dateline_not_by_when_the_file_was_made():
    release = read(KROGER)
    # "CINCINNATI, September 8, 2023 – The Kroger Co. …"; the file was made on 2023-11-08
    assert release.date == "2023-09-08"
    assert release.title == "Kroger Reports Second Quarter 2023 Results and Reaffirms Guidance"
    assert release.source is None and release.author is None  # the page names no publication, no author
    assert paragraphs(release)[0] == "Second Quarter Highlights"  # the headline is not read twice
    assert any(p.startswith("CINCINNATI, September 8, 2023 – The Kroger Co.") for p in paragraphs(release))


def test_a_release_without_a_publication_has_no_source_not_its_folder(tmp_path):
    (tmp_path / "pdf").mkdir()
    path = tmp_path / "pdf" / KROGER
    path.write_bytes(sample(KROGER))
    article = articles.load(path, tmp_path)
    assert (article.source, article.date, article.id) == ("", "2023-09-08", f"pdf/{KROGER}")


def test_the_byline_gives_the_author_without_what_follows_the_name():
    page = read("byline-issue12706.pdf")  # "By Thom Parker, WindJack Solutions, Inc."
    assert page.author == "Thom Parker"
    assert page.title == "Creating a Radio Check Box AcroForm Sample"
    assert not any(p.startswith("By ") for p in paragraphs(page))


# --- running headers and stamps -------------------------------------------------------------------


@pytest.fixture(scope="module")
def register():
    return read(REGISTER)


def test_the_running_header_goes_and_names_the_publication_and_its_date(register):
    # "Federal Register / Vol. 85, No. 152 / Thursday, August 6, 2020 / Proposed Rules 47699" on each page,
    # the page number at the outer edge
    assert not any("Vol. 85, No. 152" in p for p in paragraphs(register))
    assert register.source == "Federal Register"
    assert register.date == "2020-08-06"  # the file was made the day before


def test_the_stamp_up_the_margin_goes(register):
    # "VerDate Sep<11>2014 … khammond on DSKJLSW7X2PROD with PROPOSALS", set sideways: it came out a
    # letter or two a line ("o n D S K J L S", "h P R O P O S A L S")
    text = register.text
    assert "VerDate" not in text and "PROPOSALS" not in text and "DSKJLS" not in text.replace(" ", "")
    assert not [p for p in paragraphs(register) if re.fullmatch(r"([^\W\d] ){2,}[^\W\d]|[^\W\d]", p)]


def test_text_goes_on_from_one_column_to_the_next(register):
    assert (
        "These effects include stall warning activation, airspeed disagree alert, and altitude disagree alert,5 "
        "and may affect the flightcrew’s ability" in register.text
    )


# --- unreadable text layers -------------------------------------------------------------------------


@pytest.mark.parametrize("name", [SYMBOLS, SHIFTED])
def test_a_text_layer_of_symbols_is_refused_with_what_to_do(name):
    with pytest.raises(FormatError) as caught:
        extract(".pdf", sample(name))
    assert caught.value.reason == UNREADABLE == "the text layer is unreadable: run OCR first"


def test_a_page_of_symbols_among_readable_ones_is_left_out():
    release = read(KROGER)
    pages = len(pdfium.PdfDocument(sample(KROGER)))
    (bundle,) = extract(".pdf", joined((KROGER, list(range(pages))), (SYMBOLS, [0])))
    assert bundle.text == release.text and bundle.title == release.title


def test_a_readable_cover_does_not_let_pages_of_symbols_in():
    with pytest.raises(FormatError, match=UNREADABLE):
        extract(".pdf", joined(("clipping.pdf", [0]), (SYMBOLS, [0, 1])))


def test_adding_an_unreadable_pdf_says_why_and_adds_the_rest(capsys, tmp_path, data_dir):
    root = tmp_path / "library"
    root.mkdir()
    code, out, err = run(capsys, "add", DATA / SYMBOLS, DATA / KROGER, "--articles", root, "--no-analysis")
    assert err == "" and out.splitlines() == [
        f"{DATA / SYMBOLS}: skipped (the text layer is unreadable: run OCR first)",
        f"{DATA / KROGER}: imported as {KROGER}",
        "1 imported, 1 skipped; 1 article indexed",
    ]
    code, out, err = run(capsys, "show", root / KROGER, "--articles", root)
    assert code == 0 and err == ""
    assert out.splitlines()[:2] == [
        "Kroger Reports Second Quarter 2023 Results and Reaffirms Guidance",
        f"2023-09-08 · {KROGER}",  # no source: nothing stands between the dots
    ]


def test_clippings_in_other_languages_are_read():
    french = read("2023-06-20-PV.pdf")
    assert "1. Ouverture de la séance La séance est ouverte à 16h00." in paragraphs(french)
    japanese = read("japanese-issue16538.pdf")
    assert "マーケットモデルは 2 次元で説明する." in japanese.text


@pytest.mark.parametrize(
    "text",
    [
        "Der Vertrag mit dem Hauptsponsor läuft bis 2028 und bringt dem Verein jährlich über zwölf Millionen Euro.",
        "Umowa sponsorska z klubem obowiązuje do 2028 roku, a jej wartość przekracza dwanaście milionów złotych.",
        "Спонсорский контракт с клубом действует до 2028 года и приносит ему более двенадцати миллионов евро.",
        "Η συμφωνία χορηγίας με την ομάδα ισχύει έως το 2028 και αποφέρει περισσότερα από δώδεκα εκατομμύρια.",
        "يستمر عقد الرعاية مع النادي حتى عام 2028 ويدر عليه أكثر من اثني عشر مليون يورو سنويا حسب التقارير.",
        "חוזה החסות עם המועדון בתוקף עד שנת 2028 ומכניס לו יותר משנים עשר מיליון יורו בשנה לפי הדיווחים.",
        "क्लब के साथ प्रायोजन अनुबंध 2028 तक चलेगा और इससे हर साल बारह मिलियन यूरो से अधिक की आय होगी।",
        "俱乐部与主赞助商的合同将持续到2028年，每年为俱乐部带来超过一千二百万欧元的收入。据报道，双方对合作都很满意。",
        "クラブとメインスポンサーの契約は2028年まで続き、毎年1200万ユーロ以上の収入をもたらす。両者とも満足している。",
        "클럽과 메인 스폰서의 계약은 2028년까지 이어지며 매년 1200만 유로 이상의 수입을 가져다준다고 보도되었다.",
        "สัญญาการสนับสนุนกับสโมสรมีผลถึงปี 2028 และสร้างรายได้มากกว่าสิบสองล้านยูโรต่อปีตามรายงานข่าว",
        "Rovers’ shirt deal — worth £12m a year (2024–28) — was signed on 3 May; “It’s great,” said the CEO. "
        "The club’s 12,000-seat stadium, its e-sports team and its U-21s are part of it, too: 100% of them.",
    ],
)
def test_text_in_any_script_reads_as_words(text):
    assert not _unreadable(" ".join([text] * 3))


@pytest.mark.parametrize(
    "text",
    [
        "\x03\x04\x05\x03\x06\x04\x07\x08\t\n\x08\x0b\x0c\x04\x08\r\x04\x0e\x0c\x0f\t\x10\t\x11\x12",  # glyph numbers
        "!\"# !\"$ % & % ' & ( ) % * + ' % & % ' & ! + + % !$ & , -./01 * % & 2 % ' 3 (-.4.)&!-.45",  # their rest
        "\uf041\uf042\uf043 \uf044\uf045 \uf046\uf047\uf048 \uf049\uf04a \uf04b\uf04c\uf04d",  # private use
        "ÄOHFM\x01QJEJï\x01B\x01ÈOOF\x01VO\x01jCMFTLJWFS\x01Z\x01VO\x01C VG\x01CPVSHVJHOPO\x0f\x01ÊPDVL",
    ],
)
def test_symbols_do_not_read_as_words(text):
    assert _unreadable(" ".join([text] * 6))
