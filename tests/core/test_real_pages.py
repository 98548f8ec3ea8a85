"""Web pages and feeds as coverage really arrives (issue 25, items 4-8): real pages and feeds from public
test suites, read as the app reads a file (`articles.load_file`). Their sources are in tests/data/SOURCES.md.

What a user would notice is asserted: the whole headline without the site's name, captions with their
credit and place, authors that are names, feeds of headlines only, dates written in Portuguese.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.articles import ArticleError, load_file
from reader.core.formats.bylines import author_names
from reader.core.formats.captions import split_credit
from reader.core.formats.dates import foreign_date
from reader.core.formats.text import parse

WEB = Path(__file__).resolve().parents[1] / "data" / "web"


def read(tmp_path: Path, name: str):
    """The articles of a sample, saved under its own suffix as a user's file would be (a .gz sample unpacked)."""
    source = WEB / name
    target = tmp_path / "coverage" / source.name.removesuffix(".gz")
    target.parent.mkdir(exist_ok=True)
    if source.suffix == ".gz":
        target.write_bytes(gzip.decompress(source.read_bytes()))
    else:
        shutil.copyfile(source, target)
    return load_file(target)


# --- 4. the whole headline ---------------------------------------------------------------------------


def test_a_long_headline_is_kept_whole(tmp_path):
    (article,) = read(tmp_path, "rt-bolivia.html.gz")
    assert article.title == (
        "‘He died in my hands’: 3 pro-Morales demonstrators killed in clashes with Bolivia’s police & soldiers "
        "near barricaded fuel plant"
    )
    assert article.source == "RT International"
    assert article.author is None
    assert article.body.startswith("In addition to the three fatalities at a fuel plant on Tuesday")


def test_the_site_name_after_a_headline_is_dropped(tmp_path):
    (article,) = read(tmp_path, "techcrunch-wework.html.gz")
    assert article.title == "New York State Attorney General reportedly investigating WeWork"
    assert article.source == "TechCrunch"


def test_a_cms_name_as_title_gives_way_to_the_page_headline(tmp_path):
    (article,) = read(tmp_path, "escenic-title.html")
    assert article.title == "Harbour City FC signs ten-year stadium naming deal with Kestrel Airways"
    assert article.source == "Harbour City Gazette"


def test_a_title_made_from_the_first_sentence_is_still_shortened():
    sentence = "Kestrel Airways signs " + "a very long and winding sponsorship agreement " * 5 + "with the club."
    article = parse(sentence + " Second sentence.")
    assert article.title.endswith("…") and len(article.title) <= 90
    stated = parse("Title: " + sentence + "\n\nBody text.")
    assert stated.title == sentence


# --- 5. photo captions are captions ------------------------------------------------------------------


def test_figcaptions_are_captions_with_their_credit_and_place(tmp_path):
    (article,) = read(tmp_path, "physorg-hibernation.html.gz")
    texts = [c.text for c in article.captions]
    assert len(texts) == 4
    assert (
        texts[1]
        == "A reference habitation module for a crewed Mars mission compared to its hibernation-based equivalent."
    )
    assert [c.credit for c in article.captions] == ["20th Century Fox", "ESA", "ESA", "ESA"]
    # each where its photo stood: the lead photo before the first paragraph, the module after Biesbroek's quote
    assert article.captions[0].paragraph == 0
    assert article.paragraphs[article.captions[1].paragraph].startswith('"We looked at how an astronaut team')
    assert "Credit: ESA" not in article.body and "reference habitation module" not in article.body
    # the "related stories" thumbnails under the article are not its captions
    assert not any("MeerKAT" in c.text or "Medical Xpress" in c.text for c in article.captions)


def test_a_copyright_footer_is_not_a_caption(tmp_path):
    (article,) = read(tmp_path, "barrons-home-depot.html.gz")
    assert not any("Copyright" in c.line or "Dow Jones" in c.line for c in article.captions)
    (photo,) = article.captions
    assert photo.text == "Home Depot stock fell after the retailer reported third-quarter earnings."
    assert photo.credit == "Robyn Beck/AFP/Getty Images"


def test_a_copyright_line_in_a_text_file_stays_text():
    article = parse(
        "Deal signed\n\nThe club signed the deal.\n\nCopyright ©2019 Dow Jones & Company, Inc. All Rights Reserved"
    )
    assert article.captions == ()
    assert article.paragraphs[-1].startswith("Copyright ©2019 Dow Jones")


@pytest.mark.parametrize(
    ("caption", "text", "credit"),
    [
        ("Trump asked voters for a big win.Credit...Doug Mills/The New York Times", "Trump asked voters for a big win.",
         "Doug Mills/The New York Times"),
        ("Matt Dumba during the second period. (AP Photo/Jeffrey T. Barnes)", "Matt Dumba during the second period.",
         "AP Photo/Jeffrey T. Barnes"),
        ("Traders work on the floor, November 18, 2019. REUTERS/Brendan McDermid",
         "Traders work on the floor, November 18, 2019.", "REUTERS/Brendan McDermid"),
        ("Rep. Ilhan Omar speaks at the Capitol on July 25, 2019.J. Scott Applewhite / AP file",
         "Rep. Ilhan Omar speaks at the Capitol on July 25, 2019.", "J. Scott Applewhite / AP file"),
        ("Roughly 13,000 US troops remain in Afghanistan [File: Reuters]", "Roughly 13,000 US troops remain in Afghanistan",
         "Reuters"),
        ("Photograph: Tim Robberts/Getty Images", "", "Tim Robberts/Getty Images"),
        ("Image caption Scooter Braun has managed Justin Bieber", "Scooter Braun has managed Justin Bieber", ""),
        ("The Doobie Brothers perform at the Beacon.", "The Doobie Brothers perform at the Beacon.", ""),
    ],
)  # fmt: skip
def test_a_caption_credit_is_found_however_the_page_prints_it(caption, text, credit):
    assert split_credit(caption) == (text, credit)


# --- 6. authors are names ----------------------------------------------------------------------------


def test_a_byline_run_into_its_date_is_the_name(tmp_path):
    (article,) = read(tmp_path, "spacereview-rocket.html.gz")  # "by Jeff Foust<br>Monday, November 18, 2019"
    assert article.author == "Jeff Foust"
    assert article.title == "Seeking a bigger role for a big rocket"


def test_a_byline_naming_the_outlet_is_the_name(tmp_path):
    (article,) = read(tmp_path, "cnn-byline.html")  # <meta name="author" content="Rob Picheta, CNN">
    assert article.author == "Rob Picheta"
    assert article.title == "Marathon organisers find new title sponsor"  # and no "- CNN"


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Rob Picheta; CNN", "Rob Picheta"),
        ("Jeff Foust Monday; November", "Jeff Foust"),
        ("Mike Wuerthele; Malcolm Owen Monday; November", "Mike Wuerthele, Malcolm Owen"),
        ("STEVE PEOPLES; AP National Political Writer", "Steve Peoples"),
        ("Phil Helsel is a reporter", "Phil Helsel"),
        ("Analysis by Chris Cillizza; CNN Editor-at-large", "Chris Cillizza"),
        ("Condé Nast; Molly Wood", "Molly Wood"),
        ("Theresa May", "Theresa May"),
        ("Reuters", "Reuters"),
        ("noreply@blogger.com", None),
        ("Google Ads Developer Advisor (noreply@blogger.com)", "Google Ads Developer Advisor"),
    ],
)
def test_bylines_become_names(byline, names):
    assert author_names(byline) == names


def test_a_byline_that_is_the_outlet_itself_is_no_author():
    assert author_names("Reuters", ["Reuters"]) is None
    assert author_names("LinkNaija", ["LinkNaija", "linknaija.com"]) is None


# --- 7. feed authors are names -----------------------------------------------------------------------


def test_feed_authors_are_names_not_addresses(tmp_path):
    found = read(tmp_path, "feedburner.atom.gz")
    assert len(found) == 25
    assert {a.author for a in found} == {"Google Ads Developer Advisor"}
    assert found[0].title == "AdWords and DFP Java client library will soon require Java 7+"


# --- 8. headline-only feeds are coverage; boilerplate is no text; dates in other languages --------------


def test_a_feed_of_headlines_only_is_read_entry_by_entry(tmp_path):
    found = read(tmp_path, "rss-1.rss")  # Science's "this week in Science": title, link, creator, date
    assert len(found) == 69
    assert all(a.headline_only and a.body == a.title for a in found)
    assert found[0].title == "Food for fungi"
    assert found[0].author == "Hines, P. J."
    assert found[0].date == "2017-06-15"
    assert found[0].url == "http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1"


def test_a_link_label_is_no_text(tmp_path):
    found = read(tmp_path, "RSSWithComments.xml")  # Hacker News: each description is a "Comments" link
    assert len(found) == 30
    assert all(a.headline_only and a.body == a.title for a in found)
    assert not any(a.body == "Comments" for a in found)


def test_dates_in_portuguese_are_read_and_an_empty_description_is_a_headline(tmp_path):
    found = read(tmp_path, "uolNoticias.rss")  # pubDate "Seg, 24 Set 2018 19:42:40 -0300", no language tag
    assert {a.date for a in found} == {"2018-09-24"}
    by_title = {a.title: a for a in found}
    promotoria = by_title["Promotoria abre inquérito para apurar suspeita de improbidade de Skaf no Sebrae-SP"]
    assert promotoria.headline_only
    ibope = by_title["Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno"]
    assert not ibope.headline_only and ibope.body.startswith("Líder na pesquisa Ibope")


def test_an_entry_with_text_is_not_headline_only(tmp_path):
    found = read(tmp_path, "feedburner.atom.gz")
    assert not any(a.headline_only for a in found)


@pytest.mark.parametrize(
    ("written", "language", "date"),
    [
        ("Seg, 24 Set 2018 23:42:40 -0300", None, "2018-09-24"),  # the day as written, not moved to UTC
        ("Seg, 24 Set 2018 19:42:40 -0300", "pt-BR", "2018-09-24"),
        ("Mo, 03 Jun 2024 10:00:00 +0200", "de", "2024-06-03"),
        ("mar., 4 juin 2024", "fr", "2024-06-04"),
        ("vor 2 Stunden", None, None),  # "2 hours ago" is no date of the article's
        ("not a date at all", None, None),
    ],
)
def test_foreign_dates(written, language, date):
    assert foreign_date(written, language) == date


# --- any page: captions stay out of the body and in place ------------------------------------------------

_SENTENCE = st.lists(
    st.sampled_from("the club signed a deal with sponsor for five years said its chief".split()),
    min_size=6,
    max_size=14,
)
_BLOCK = st.one_of(
    _SENTENCE.map(lambda w: ("p", " ".join(w).capitalize() + ".")),
    st.tuples(_SENTENCE, st.sampled_from(["", " Credit: ESA", " (AP Photo/Jane Roe)", " ©Getty Images"])).map(
        lambda t: ("figure", "Photo of " + " ".join(t[0]) + t[1])
    ),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_BLOCK, min_size=1, max_size=12))
def test_figcaptions_never_stay_in_the_body_and_are_placed_within_it(tmp_path, blocks):
    markup = "".join(
        f"<p>{text}</p>" if kind == "p" else f"<figure><img src='x.jpg'><figcaption>{text}</figcaption></figure>"
        for kind, text in blocks
    )
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>Deal</title></head><body><h1>Deal</h1><article>{markup}</article></body></html>"
    )
    try:
        (article,) = load_file(page)
    except ArticleError:
        return  # no text at all: skipped with its reason
    assert "Photo of" not in article.body
    for caption in article.captions:
        assert 0 <= caption.paragraph <= len(article.paragraphs)
        assert caption.text.startswith("Photo of") and "Credit" not in caption.text and "©" not in caption.text
