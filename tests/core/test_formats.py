"""The format readers (reader/core/formats): saved pages, feeds, PDF clippings and e-mails to text and metadata.

The samples are in tests/data (the PDFs from tests/data/make_pdf.py). Every test runs under a socket
guard that records any network use, since the readers must never fetch. Measured on this machine's
2 cores (median of 20, libraries already imported): the sample page 7 ms (trafilatura), the two-page
clipping 16 ms (pypdfium2), the RSS feed 4 ms, the e-mail 3 ms. The first call of a format pays its
imports: about 0.25 s for trafilatura, 0.1-0.2 s for feedparser or pypdfium2.
"""

from __future__ import annotations

import re
import socket
import time
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.formats import MULTI_SUFFIXES, SUFFIXES, Extracted, FormatError, extract
from reader.core.formats.dates import date_in_text, iso_date
from reader.core.formats.markup import fragment_to_text
from reader.core.formats.pdf import _hyphen_is_real, _join, _meaningful_title

DATA = Path(__file__).resolve().parents[1] / "data"


def sample(name: str) -> bytes:
    return (DATA / name).read_bytes()


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Refuses and records every connection and name lookup; the readers turn errors into FormatError, so
    a refusal alone could go unnoticed: the record is checked after the test."""
    calls: list[str] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            calls.append(f"{name}{args[:2]!r}")
            raise PermissionError(f"network use in a format reader: {name}")

        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    yield
    assert calls == []


def paragraphs(item: Extracted) -> list[str]:
    return item.text.split("\n\n")


def check_shape(item: Extracted) -> None:
    """What every reader promises of its text: paragraphs of one line each, split by one blank line."""
    assert isinstance(item, Extracted)
    assert item.text and item.text == item.text.strip()
    for paragraph in paragraphs(item):
        assert paragraph and "\n" not in paragraph and paragraph == " ".join(paragraph.split())
    assert item.date is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", item.date)


# --- the interface ---------------------------------------------------------------------------------


def test_suffixes_are_lowercase_with_a_dot_and_feeds_and_mails_are_the_multi_article_ones():
    assert {".html", ".htm", ".mhtml", ".mht", ".rss", ".atom", ".xml", ".pdf", ".eml", ".msg"} <= set(SUFFIXES)
    assert all(s.startswith(".") and s == s.lower() for s in SUFFIXES)
    assert MULTI_SUFFIXES == (".rss", ".atom", ".xml", ".eml", ".msg")  # a mail: its attached messages
    assert ".txt" not in SUFFIXES and ".md" not in SUFFIXES


def test_format_error_carries_its_reason():
    error = FormatError("not a news feed")
    assert error.reason == "not a news feed" and str(error) == "not a news feed"


def test_an_unknown_suffix_is_a_format_error_too():
    with pytest.raises(FormatError):
        extract(".txt", b"plain text")


def test_suffix_case_does_not_matter():
    assert extract(".HTML", sample("olympic-partner.html")) == extract(".html", sample("olympic-partner.html"))


# --- HTML pages ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page() -> Extracted:
    (item,) = extract(".html", sample("olympic-partner.html"))
    return item


def test_page_metadata(page):
    assert page.title == "Helvetia Timing becomes worldwide Olympic partner until 2032"
    assert page.date == "2024-05-14"  # published, not modified (05-15)
    assert page.source == "Sport Business Ledger"
    assert page.author == "Clara Montague"
    assert page.url == "https://www.sportbusinessledger.example/news/helvetia-timing-olympic-partner-2032"
    assert page.key is None
    check_shape(page)


def test_page_body_starts_with_the_article(page):
    assert paragraphs(page)[0].startswith("Swiss watchmaker Helvetia Timing has signed an eight-year")
    assert paragraphs(page)[-1].endswith("athletics, rowing and alpine skiing.")


@pytest.mark.parametrize(
    "clutter",
    [
        "cookies",
        "Accept all cookies",  # cookie banner
        "Jobs Board",
        "Media Rights",  # navigation
        "Advertisement",
        "Diamond League",
        "Sport Expo Geneva",
        "Executive MBA",  # ad slots
        "Most read",
        "record shirt deal",  # sidebar
        "Reader comments",
        "RowingFan88",
        "failed twice in Paris",
        "logo on a clock",  # comments
        "All rights reserved",
        "Privacy policy",  # footer
        "Share on LinkedIn",
        "free daily sponsorship briefing",
        "gtag(",
        "min-height",
    ],
)
def test_page_drops_the_page_around_the_article(page, clutter):
    assert clutter not in page.text


def test_page_keeps_a_quote_over_two_paragraphs_as_two_paragraphs(page):
    first = next(i for i, p in enumerate(paragraphs(page)) if p.startswith('"For us'))
    assert paragraphs(page)[first].endswith("responsibility very seriously.")
    assert paragraphs(page)[first + 1].startswith('"Our engineers')
    assert paragraphs(page)[first + 1].endswith('compete with them."')


def test_page_keeps_the_photo_caption_apart_with_its_credit_and_place(page):
    assert not [p for p in paragraphs(page) if "©" in p or "shakes hands" in p]
    (caption,) = page.captions
    assert caption.text == (
        "Helvetia Timing chief executive Luca Bernasconi shakes hands with IOC officials at the signing "
        "ceremony in Lausanne"
    )
    assert caption.credit == "IOC"
    assert paragraphs(page)[caption.paragraph].startswith("Helvetia chief executive Luca Bernasconi said")


def test_page_without_metadata_or_canonical_link_still_reads():
    html = (
        b"<html><head><title>Deal done</title></head><body><div><p>"
        + b"A drinks maker has signed a three-year deal with the national football league. " * 3
        + b"</p><p>The league said the money would go to youth football.</p></div></body></html>"
    )
    (item,) = extract(".htm", html)
    assert item.text.startswith("A drinks maker has signed")
    assert item.url is None and item.source is None
    check_shape(item)


@pytest.mark.parametrize(
    "html",
    [
        b"<!DOCTYPE html><html><head><title>Empty</title></head><body></body></html>",
        b"<html><head><script>var a = 1;</script></head><body><script>track()</script></body></html>",
    ],
)
def test_page_with_no_text_is_no_article(html):
    with pytest.raises(FormatError, match="no article text found"):
        extract(".html", html)


# --- feeds -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rss() -> list[Extracted]:
    return extract(".rss", sample("sponsorship.rss"))


@pytest.fixture(scope="module")
def atom() -> list[Extracted]:
    return extract(".atom", sample("sponsorship.atom"))


def test_rss_has_one_article_per_item(rss):
    assert [item.title for item in rss] == [
        "Kestrel Airways takes over shirt sponsorship at Harbour City FC",
        "Marathon organisers find new title sponsor",
        "Tennis tour signs data partnership with analytics firm",
    ]
    assert [item.date for item in rss] == ["2024-03-12", "2024-03-11", "2024-03-10"]
    assert [item.author for item in rss] == ["Tomas Reyes", "Priya Natarajan", None]
    assert rss[0].url == "https://sponsorwire.example/2024/03/kestrel-airways-harbour-city"
    for item in rss:
        check_shape(item)


def test_rss_uses_the_full_content_where_the_feed_has_it(rss):
    full = rss[0]
    assert "The airline replaces a betting firm" not in full.text  # the description's teaser
    assert paragraphs(full)[0].startswith("Kestrel Airways has signed a four-year deal")
    assert paragraphs(full)[-1].endswith("renamed from next season.")
    assert "The new home shirt carries the Kestrel Airways logo ©Harbour City FC" in paragraphs(full)


def test_rss_falls_back_to_the_description_with_its_paragraphs(rss):
    assert paragraphs(rss[1]) == [
        "The city marathon has agreed a three-year title partnership with a regional bank after its previous "
        "sponsor left last autumn.",
        "Race director Elaine Brooks said entries had already risen by ten per cent since the news was "
        "announced to runners.",
    ]


def test_rss_source_is_the_feed_unless_the_item_names_another_outlet(rss):
    assert [item.source for item in rss] == ["Sponsor Wire", "Sponsor Wire", "Global Sports Wire"]


def test_atom_entries(atom):
    assert [item.title for item in atom] == [
        "Ski federation extends car partnership to 2030",
        "Paralympic committee adds payments sponsor",
    ]
    assert [item.date for item in atom] == ["2024-04-02", "2024-03-28"]  # published, else updated
    assert [item.author for item in atom] == ["Anja Keller", "Samuel Okafor"]
    assert {item.source for item in atom} == {"Olympic Commerce Digest"}
    assert atom[0].url == "https://digest.example/2024/04/ski-car-partnership"
    assert (
        paragraphs(atom[0])[1] == '"We have grown together for twenty years," the federation\'s secretary general said.'
    )
    assert "keeps its car maker" not in atom[0].text  # the summary, not the content


def test_feed_keys_are_short_stable_and_unique(rss, atom):
    for name, suffix, items in (("sponsorship.rss", ".rss", rss), ("sponsorship.atom", ".atom", atom)):
        keys = [item.key for item in items]
        assert all(re.fullmatch(r"[0-9a-f]{8}", key) for key in keys)
        assert len(set(keys)) == len(keys)
        assert [item.key for item in extract(suffix, sample(name))] == keys


def _rss(*items: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>' + "".join(items) + "</channel></rss>"
    ).encode()


def test_feed_keys_follow_the_guid_not_the_position():
    a = "<item><guid>a-1</guid><title>A</title><description>Text of A.</description></item>"
    b = "<item><guid>b-2</guid><title>B</title><description>Text of B.</description></item>"
    forward = {item.title: item.key for item in extract(".rss", _rss(a, b))}
    backward = {item.title: item.key for item in extract(".rss", _rss(b, a))}
    assert forward == backward


def test_feed_keys_fall_back_to_the_link_then_the_title_and_clashes_are_told_apart():
    items = [
        "<item><title>Same</title><link>https://x.example/1</link><description>One.</description></item>",
        "<item><title>Same</title><link>https://x.example/1</link><description>Two.</description></item>",
        "<item><title>Only a title</title><description>Three.</description></item>",
    ]
    keys = [item.key for item in extract(".xml", _rss(*items))]
    assert keys[1] == f"{keys[0]}-2"
    assert len(set(keys)) == 3
    assert keys == [item.key for item in extract(".xml", _rss(*items))]


def test_a_plain_text_summary_is_kept_as_text():
    item = "<item><title>T</title><description>Fees rose 5% &amp; more, a &lt; b.</description></item>"
    (read,) = extract(".rss", _rss(item))
    assert read.text == "Fees rose 5% & more, a < b."


def test_an_empty_feed_has_no_article():
    with pytest.raises(FormatError, match="no article text found"):
        extract(".rss", _rss())
    with pytest.raises(FormatError, match="no article text found"):
        extract(".rss", _rss("<item><link>https://x.example/1</link><description> </description></item>"))


def test_an_entry_with_a_headline_and_no_text_is_a_headline_only_article():
    (item,) = extract(".rss", _rss("<item><title>Headline only</title></item>"))
    assert item.headline_only and item.text == item.title == "Headline only"


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><config><setting name="a">1</setting></config>',
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><text>Hi</text></svg>',
        b"<html><body><p>A web page saved as .xml</p></body></html>",
        b"/etc/passwd",  # feedparser would open a bare string as a file name
        b"https://sponsorwire.example/feed.rss",  # ... or fetch it as an address
    ],
)
def test_an_xml_file_that_is_not_a_feed(data):
    with pytest.raises(FormatError, match="not a news feed"):
        extract(".xml", data)


# --- PDF clippings ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clipping() -> Extracted:
    (item,) = extract(".pdf", sample("clipping.pdf"))
    return item


def test_clipping_metadata(clipping):
    # /Title is "clipping_final.docx", a file name: the headline, set larger, is taken instead
    assert clipping.title == "Northwind Energy signs eight-year partnership with World Rowing"
    assert clipping.date == "2024-03-12"  # the masthead's, not /CreationDate's
    assert clipping.source == "The Sponsorship Times"
    assert clipping.author == "Marta Lindqvist"
    assert clipping.url is None and clipping.key is None
    check_shape(clipping)


@pytest.mark.parametrize(
    "furniture",
    ["Page 1 of 2", "Page 2 of 2", "of 2", "Sponsorship Times", "12 March 2024", "By Marta", "Northwind Energy signs"],
)
def test_clipping_drops_headers_footers_headline_and_byline(clipping, furniture):
    assert furniture not in clipping.text


def test_clipping_joins_words_broken_at_line_ends(clipping):
    assert "the largest commercial partnership in the sport's history" in clipping.text
    assert "a development programme" in clipping.text
    assert "after two broadcasters ended their contracts" in clipping.text  # broken over the page break
    assert not re.search(r"\b(partner|develop|broad)- ?(ship|ment|casters)", clipping.text)


def test_clipping_keeps_hyphens_that_belong_to_the_word(clipping):
    assert "Northwind co-founder Ingrid Halvorsen" in clipping.text  # broken after "co-"
    assert "battery-powered coaching launches" in clipping.text
    assert "cross-country skiing" in clipping.text


def test_clipping_is_reflowed_into_its_paragraphs(clipping):
    found = paragraphs(clipping)
    assert len(found) == 7
    assert found[0].startswith("Northwind Energy has become the first global energy partner")
    assert found[0].endswith("announced on Tuesday in Lausanne.")
    assert found[1].startswith("The deal, understood to be worth")
    assert found[5].startswith("The announcement follows") and found[5].endswith("lost television revenue.")
    assert found[6].startswith("Northwind, which is based in Bergen")


@pytest.mark.parametrize(
    ("line", "following", "joined"),
    [
        ("the largest partner-", "ship in", "the largest partnership in"),
        ("the company's co-", "founder said", "the company's co-founder said"),
        ("a well-", "known brand", "a well-known brand"),
        ("the first pre-", "Olympic event", "the first pre-Olympic event"),
        ("the 2024-", "25 season", "the 2024-25 season"),
        ("the club said -", "and then", "the club said - and then"),
        ("a state-of-the-", "art arena", "a state-of-the-art arena"),
        ("a club-", "owned stadium", "a club-owned stadium"),
        ("the sponsor-", "ship deal", "the sponsorship deal"),
    ],
)
def test_hyphen_rule(line, following, joined):
    assert _join(line, following, vocabulary=set()) + following == joined


def test_hyphen_rule_believes_the_document_first():
    assert _hyphen_is_real("pro", "active", {"pro-active"})
    assert not _hyphen_is_real("co", "operation", {"cooperation"})
    assert not _hyphen_is_real("pro", "active", set())


@pytest.mark.parametrize(
    ("title", "meaningful"),
    [
        ("Northwind signs rowing deal", True),
        ("clipping_final.docx", False),
        ("Microsoft Word - clip.doc", False),
        ("Untitled", False),
        ("Scan 0042", False),
        ("report_v2_final", False),
        ("", False),
        (None, False),
    ],
)
def test_pdf_title_is_used_when_it_reads_as_a_headline(title, meaningful):
    assert (_meaningful_title(title) is not None) is meaningful


def test_a_password_protected_pdf():
    with pytest.raises(FormatError, match="^PDF is password-protected$"):
        extract(".pdf", sample("locked.pdf"))


def test_a_scanned_pdf_has_no_text_layer():
    with pytest.raises(FormatError, match=re.escape("PDF has no text layer (a scanned image?)")):
        extract(".pdf", sample("scanned.pdf"))


@pytest.mark.parametrize("cut", [2048, 12000, -200])
def test_a_truncated_pdf_fails_quickly(cut):
    started = time.perf_counter()
    with pytest.raises(FormatError, match=r"^damaged PDF \("):
        extract(".pdf", sample("clipping.pdf")[:cut])
    assert time.perf_counter() - started < 5


# --- e-mails ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mail() -> Extracted:
    (item,) = extract(".eml", sample("forwarded.eml"))
    return item


def test_mail_metadata(mail):
    assert mail.title == "Sprint champion signs boot deal with Aurora Sports"
    assert mail.date == "2024-03-20"  # the forwarded message's date; the mail itself is of 03-21
    assert mail.source == "Sports Daily"
    assert mail.author == "Hannah Cole"
    assert mail.url == "https://sportsdaily.example/athletics/marlowe-aurora-boot-deal"
    check_shape(mail)


@pytest.mark.parametrize(
    "wrapping",
    [
        "FYI",
        "Aurora pitch",
        "Forwarded message",
        "newsletter@",
        "daniel.weiss@",
        "Subject:",
        "Source:",
        "By Hannah",
        "Read more",
        "Partnerships Manager",
        "7946",
        "Daniel",
    ],
)
def test_mail_drops_the_forwarding_around_the_article(mail, wrapping):
    assert wrapping not in mail.text


def test_mail_body_is_the_article_with_its_paragraphs(mail):
    found = paragraphs(mail)
    assert found[0].startswith("World 100 metres champion Keisha Marlowe has signed a ten-year")
    assert found[2] == '"I have worn the same spikes since I was fourteen, so this was not an easy decision.'
    assert found[3].startswith('"Aurora showed me') and found[3].endswith('made the difference."')
    assert found[-1].endswith("former school in Kingston.")
    assert len(found) == 5


def test_mail_with_only_an_html_part_reads_the_same(mail):
    import email
    from email import policy

    original = email.message_from_bytes(sample("forwarded.eml"), policy=policy.default)
    html_only = EmailMessage()
    for name in ("From", "To", "Subject", "Date"):
        html_only[name] = original[name]
    html_only.set_content(original.get_body(("html",)).get_content(), subtype="html")
    (item,) = extract(".eml", html_only.as_bytes())
    assert item == mail


def _mail(body: str, sender: str = "Ann Lee <ann@agency.example>", subject: str = "Re: FW: Deal news") -> bytes:
    message = EmailMessage()
    message["From"], message["Subject"], message["Date"] = sender, subject, "Fri, 05 Apr 2024 09:00:00 +0000"
    message.set_content(body)
    return message.as_bytes()


def test_mail_without_forwarding_uses_its_own_headers():
    (item,) = extract(".eml", _mail("The bank renewed its cycling deal for three years.\n\nRegards\n-- \nAnn\n"))
    assert item.title == "Deal news"  # without "Re: FW:"
    assert item.date == "2024-04-05"
    assert item.source == "Ann Lee" and item.author == "Ann Lee"
    assert item.text == "The bank renewed its cycling deal for three years.\n\nRegards"


def test_mail_quoted_throughout_is_unquoted():
    (item,) = extract(".eml", _mail("> The bank renewed its deal.\n>\n> > Nested line.\n"))
    assert item.text == "The bank renewed its deal.\n\n> Nested line."


def test_mail_source_falls_back_to_the_sender_domain():
    (item,) = extract(".eml", _mail("The bank renewed its deal.", sender="desk@wires.example"))
    assert item.source == "wires.example" and item.author is None


def test_mail_with_only_a_signature_has_no_article():
    with pytest.raises(FormatError, match="no article text found"):
        extract(".eml", _mail("-- \nAnn Lee\nAgency"))


def test_a_forward_sent_as_an_attachment_is_the_article_not_the_covering_note():
    (item,) = extract(".eml", sample("attachment_message_rfc822.eml"))  # mikel/mail: "testing" + message/rfc822
    assert item.title == "Another PDF"
    assert item.text.startswith("Just attaching another PDF, here, to see what the message looks like")
    assert "first part" not in item.text  # the covering note
    assert (item.author, item.date) == ("Test Tester", "2005-05-10")


def test_each_message_of_a_digest_is_an_article():
    found = extract(".eml", sample("mime-multipart-digest.eml"))
    assert [(i.title, i.text) for i in found] == [
        ("First Message", "This is the first message in the digest."),
        ("Second Message", "This is the second message in the digest."),
        ("Third Message", "This is the third message in the digest."),
    ]
    assert len({i.key for i in found}) == 3 and all(re.fullmatch(r"[0-9a-f]{8}", i.key or "") for i in found)
    assert [i.source for i in found] == ["example.com"] * 3  # eve@, frank@, grace@: no names to give
    assert extract(".eml", sample("mime-multipart-digest.eml")) == found  # the same keys when read again


def test_two_forwards_attached_are_two_articles_and_each_message_without_a_date_takes_the_mails():
    outer = EmailMessage()
    outer["From"], outer["Subject"], outer["Date"] = (
        "Ann Lee <ann@agency.example>",
        "Two clips",
        "Fri, 05 Apr 2024 09:00:00 +0000",
    )
    outer.set_content("Both below.")
    for subject, text in (("Bank renews deal", "The bank renewed its deal."), ("Club signs", "The club signed.")):
        inner = EmailMessage()
        inner["From"], inner["Subject"] = "Desk <desk@wires.example>", subject
        inner.set_content(text)
        outer.add_attachment(inner)
    found = extract(".eml", outer.as_bytes())
    assert [(i.title, i.text, i.date) for i in found] == [
        ("Bank renews deal", "The bank renewed its deal.", "2024-04-05"),
        ("Club signs", "The club signed.", "2024-04-05"),
    ]


def test_an_empty_text_part_falls_back_to_the_html_part():
    message = EmailMessage()
    message["From"], message["Subject"] = "Ann Lee <ann@agency.example>", "Deal news"
    message.set_content("\n \n")
    message.add_alternative("<p>The bank renewed its cycling deal.</p><p>It runs to 2030.</p>", subtype="html")
    (item,) = extract(".eml", message.as_bytes())
    assert item.text == "The bank renewed its cycling deal.\n\nIt runs to 2030."


def _declared(body: bytes, charset: str, encoding: str = "8bit") -> bytes:
    return (
        b"From: Ann Lee <ann@agency.example>\r\nSubject: Deal news\r\nMIME-Version: 1.0\r\n"
        + f"Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n".encode()
        + body
    )


@pytest.mark.parametrize(
    ("body", "charset"),
    [
        ("Die Zürcher Kantonalbank verlängert ihr Sponsoring – bis 2030.".encode(), "us-ascii"),  # UTF-8 bytes
        ("Die Zürcher Kantonalbank verlängert ihr Sponsoring – bis 2030.".encode(), "iso-8859-1"),
        ("Die Zürcher Kantonalbank verlängert ihr Sponsoring – bis 2030.".encode("cp1252"), "utf-8"),
        ("Die Zürcher Kantonalbank verlängert ihr Sponsoring – bis 2030.".encode("cp1252"), "windows-1252"),
        ("Die Zürcher Kantonalbank verlängert ihr Sponsoring – bis 2030.".encode("cp1252"), "x-unknown"),
    ],
)
def test_a_wrongly_declared_charset_is_detected_not_shown_garbled(body, charset):
    (item,) = extract(".eml", _declared(body, charset))
    assert item.text == "Die Zürcher Kantonalbank verlängert ihr Sponsoring – bis 2030."


def test_a_mail_in_a_declared_8bit_charset_reads_in_it():
    (item,) = extract(".eml", sample("email-no-utf8-2008-07-16.062410.eml"))  # windows-1255, Hebrew
    assert item.title == "שלום" and item.author == "Tamir Erez"
    assert item.text.startswith("סלבה היקר")


def test_a_mail_saved_as_utf16_reads_as_the_mail():
    (item,) = extract(".eml", sample("fake-email-utf-16-le.eml"))
    assert (item.title, item.author, item.date) == ("Test Email", "Matthew Robinson", "2022-12-16")
    assert item.text.startswith("This is a test email to use for unit tests.")


def test_an_encrypted_mail_says_so():
    message = EmailMessage()
    message["From"], message["Subject"] = "Ann Lee <ann@agency.example>", "Deal news"
    message.set_content(b"-----BEGIN PGP MESSAGE-----", maintype="application", subtype="octet-stream")
    message.replace_header("Content-Type", 'multipart/encrypted; protocol="application/pgp-encrypted"')
    with pytest.raises(FormatError, match="an encrypted e-mail"):
        extract(".eml", message.as_bytes())


# --- Outlook messages and web pages saved as one file ----------------------------------------------


def test_outlook_msg_reads_as_its_mail():
    (item,) = extract(".msg", sample("fake-email.msg"))  # Unstructured's, the same mail as its fake-email.eml
    assert (item.title, item.author, item.date) == ("Test Email", "Matthew Robinson", "2022-12-16")
    assert paragraphs(item)[:2] == ["This is a test email to use for unit tests.", "Important points:"]
    check_shape(item)


def test_outlook_msg_forwarding_a_message_as_an_attachment_is_that_message():
    (item,) = extract(".msg", sample("forwarded-as-attachment.msg"))  # tests/data/make_msg.py
    assert (item.title, item.author, item.date) == (
        "Nordbank becomes title sponsor of Team Velo",
        "Sports Desk",
        "2024-03-20",
    )
    assert item.text.startswith("Nordbank has signed a three-year deal") and "Nordbank file" not in item.text


def test_outlook_msg_with_a_file_attached_is_its_own_text():
    (item,) = extract(".msg", sample("fake-email-attachment.msg"))
    assert (item.title, item.author, item.date) == ("Fake email with attachment", "Mallori Harrell", "2022-12-23")
    assert item.text.startswith("Hello!")


@pytest.mark.parametrize(
    ("name", "reason"), [("fake-encrypted.msg", "an encrypted e-mail"), ("clipping.pdf", "not an Outlook")]
)
def test_an_outlook_msg_that_cannot_be_read_says_why(name, reason):
    with pytest.raises(FormatError, match=reason):
        extract(".msg", sample(name))


@pytest.mark.parametrize("suffix", [".mhtml", ".mht"])
def test_a_page_saved_as_one_file_reads_as_the_page(suffix):
    assert extract(suffix, sample("olympic-partner.mhtml")) == extract(".html", sample("olympic-partner.html"))


def test_a_page_saved_as_one_file_takes_its_address_from_the_archive():
    archive = sample("olympic-partner.mhtml").replace(b"canonical", b"alternate").replace(b"og:url", b"og:x")
    (item,) = extract(".mhtml", archive)
    assert item.url == "https://www.sportbusinessledger.example/news/helvetia-timing-olympic-partner-2032"
    assert item.date == "2024-05-14"  # the page's own date, not the archive's (when it was saved)


def test_an_archive_without_a_page_says_so():
    with pytest.raises(FormatError, match="it holds no HTML page"):
        extract(".mhtml", sample("attachment_message_rfc822.eml"))


# --- shared helpers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2024-05-14T09:30:00+02:00", "2024-05-14"),
        ("Tue, 12 Mar 2024 23:30:00 -0500", "2024-03-12"),  # the day as written, not in UTC
        ("D:20240312101500+01'00'", "2024-03-12"),
        ("Wed, 20 Mar 2024 at 18:05", "2024-03-20"),
        ("0001-01-01", None),
        ("2024-02-30", None),
        ("soon", None),
        (None, None),
    ],
)
def test_iso_date(value, date):
    assert iso_date(value) == date


def test_date_in_text():
    assert date_in_text("The Sponsorship Times · 12 March 2024") == "2024-03-12"
    assert date_in_text("Published March 3rd, 2023 by staff") == "2023-03-03"
    assert date_in_text("Page 2 of 3") is None


def test_fragment_to_text_keeps_paragraphs_and_drops_markup():
    assert (
        fragment_to_text("<p>One &amp; two</p><script>x()</script><!-- note --><div>Three<br>four<br><br>five</div>")
        == "One & two\n\nThree four\n\nfive"
    )
    assert fragment_to_text("") == ""


# --- bad input -------------------------------------------------------------------------------------

GARBAGE = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00garbage\x00\x01\x02" * 20
REASONS = {
    ".html": "could not read the HTML page",
    ".htm": "could not read the HTML page",
    ".xhtml": "could not read the HTML page",
    ".rss": "not a news feed",
    ".atom": "not a news feed",
    ".xml": "not a news feed",
    ".pdf": "damaged PDF (",
    ".eml": "could not read the e-mail",
    ".mhtml": "could not read the saved web page",
    ".mht": "could not read the saved web page",
    ".msg": "could not read the Outlook message",
}


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("data", [GARBAGE, b"", b"\x00" * 100])
def test_garbage_is_a_format_error_with_the_formats_reason(suffix, data):
    with pytest.raises(FormatError) as caught:
        extract(suffix, data)
    assert caught.value.reason.startswith(REASONS[suffix]) or caught.value.reason == "no article text found"
    if data == GARBAGE:
        assert caught.value.reason.startswith(REASONS[suffix])


# --- fuzzing ---------------------------------------------------------------------------------------

FORMAT_FUZZ = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
SAMPLES = {
    ".html": "olympic-partner.html",
    ".rss": "sponsorship.rss",
    ".atom": "sponsorship.atom",
    ".pdf": "clipping.pdf",
    ".eml": "forwarded.eml",
    ".mhtml": "olympic-partner.mhtml",
    ".msg": "fake-email.msg",
}
# a tag as an HTML parser reads one: "<" right before the name. "< A photo" is a literal "<" and then text, as a
# browser shows it too (Hypothesis found '<<figcaption>A photo' reading as "< A photo", which is right)
TAG = re.compile(r"</?(p|div|b|br|span|script|style|figcaption|figure|img|a|article|body|html|item)\b", re.I)
SOUP = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<div class='ad'>",
            "</div>",
            "<b>",
            "</b>",
            "<br>",
            "<br/>",
            "<span>",
            "<script>track()</script>",
            "<style>p{}</style>",
            "<!-- note -->",
            "<figure><img src=x>",
            "<figcaption>A photo ©IOC</figcaption></figure>",
            "<a href='https://x.example'>",
            "</a>",
            "&amp;",
            "&lt;",
            "&#169;",
            "Sponsor",
            "signs",
            "a deal",
            "with the club.",
            " ",
            "\n",
            "\u00a0",
            "“",
            "”",
            "<",
            ">",
            "\x00",
        ]
    ),
    max_size=60,
).map("".join)


def _only_format_errors(suffix: str, data: bytes) -> list[Extracted]:
    try:
        found = extract(suffix, data)
    except FormatError as error:
        assert isinstance(error.reason, str) and error.reason
        return []
    for item in found:
        check_shape(item)
    return found


@FORMAT_FUZZ
@given(st.sampled_from(SUFFIXES), st.binary(max_size=3000))
def test_random_bytes_give_articles_or_a_format_error(suffix, data):
    _only_format_errors(suffix, data)


@FORMAT_FUZZ
@given(st.sampled_from(sorted(SAMPLES)), st.data())
def test_damaged_samples_give_articles_or_a_format_error(suffix, data):
    original = sample(SAMPLES[suffix])
    cut = data.draw(st.integers(0, len(original)), label="cut")
    damage = data.draw(st.lists(st.tuples(st.integers(0, max(cut - 1, 0)), st.integers(0, 255)), max_size=8))
    damaged = bytearray(original[:cut])
    for at, value in damage:
        if at < len(damaged):
            damaged[at] = value
    _only_format_errors(suffix, bytes(damaged))


@FORMAT_FUZZ
@given(SOUP, st.sampled_from([".html", ".rss", ".atom"]))
def test_markup_never_reaches_the_text(soup, suffix):
    if suffix == ".html":
        data = f"<!DOCTYPE html><html><head><title>T</title></head><body><article>{soup}</article></body></html>"
    elif suffix == ".rss":
        data = _rss(f"<item><title>T</title><description><![CDATA[{soup}]]></description></item>").decode()
    else:
        data = (
            '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><id>1</id>'
            f'<title>T</title><content type="html"><![CDATA[{soup}]]></content></entry></feed>'
        )
    for item in _only_format_errors(suffix, data.encode("utf-8", "surrogatepass")):
        assert not TAG.search(item.text), item.text
        assert "track()" not in item.text and "p{}" not in item.text
