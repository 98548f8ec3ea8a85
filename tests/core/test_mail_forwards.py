"""Forwards from every common mail client and language, unwrapped (reader/core/formats/forwards.py).

The bodies are the fixtures of crisp-oss/email-forward-parser (MIT; tests/data/forwards, see SOURCES.md):
the same message forwarded by Apple Mail, Gmail, HubSpot, IONOS, Mailmate, Missive, new Outlook, Outlook
2013, Outlook 2019 (Mac), Outlook.com, Thunderbird and Yahoo, in up to 23 languages. Each is wrapped in
the mail of a colleague who forwards it, as a saved .eml would be; what must come out is the forwarded
message's text, its sender and the date it was sent, never the forwarder's name or the forwarding date.
The fixtures named *_variant_4 are replies, not forwards: the reply is the mail's text.
"""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from reader.core.formats import extract
from reader.core.formats.forwards import bare_subject, is_forward_subject, person, sent_date

FORWARDS = Path(__file__).resolve().parents[1] / "data" / "forwards"
FIXTURES = sorted(p.stem for p in FORWARDS.glob("*_body*.txt"))
REPLIES = [name for name in FIXTURES if name.endswith("_variant_4")]

SUBJECT = "Integer consequat non purus"
BODY = (
    "Aenean quis diam urna. Maecenas eleifend vulputate ligula ac consequat. Pellentesque cursus tincidunt "
    "mauris non venenatis. Sed nec facilisis tellus. Nunc eget eros quis ex congue iaculis nec quis massa. "
    "Morbi in nisi tincidunt, euismod ante eget, eleifend nisi.\n\n"
    "Praesent ac ligula orci. Pellentesque convallis suscipit mi, at congue massa sagittis eget."
)
FORWARDER, FORWARDED_ON = "Press Desk <desk@sponsor.example>", "Mon, 06 May 2024 10:00:00 +0200"

# the day each client says the message was sent, as it wrote it ("Mi., 27. Okt. 2021 um 09:31 Uhr", "26.
# listopada 2021." in Croatian is October, "02/10/2023 4:52 PM EST" under English labels is February)
SENT = {
    "apple_mail": "2021-10-26",
    "gmail": "2021-10-27",
    "hubspot": "2022-09-19",
    "ionos_one_and_one": "2023-02-10",
    "mailmate": "2021-10-27",
    "missive": "2022-07-19",
    "new_outlook_2019": "2021-10-28",
    "outlook_2013": "2021-10-25",
    "outlook_2019": "2021-10-28",
    "outlook_live": "2021-10-27",
    "thunderbird": "2021-11-03",
    "unknown": "2022-07-23",
    "yahoo": "2021-11-02",
}
SENT_OTHERWISE = {
    "apple_mail_en_body": "2021-10-25",
    "apple_mail_en_body_variant_1": "2021-10-25",
    "apple_mail_en_body_variant_2": "2021-10-25",
    "apple_mail_en_body_variant_3": "2021-10-25",
    "apple_mail_en_body_variant_5": "2021-10-25",
    "apple_mail_en_body_variant_6": "2021-07-16",
    "apple_mail_en_body_variant_7": "2021-07-16",
    "apple_mail_en_body_variant_13": "2022-08-17",
    "missive_en_body_variant_3": "2022-07-01",
    **{
        f"{client}_en_body_variant_{n}": "2023-04-06"
        for client in ("gmail", "outlook_live", "new_outlook_2019", "thunderbird")
        for n in ("14", "14_1", "15")
    },
}
SENDER_OTHERWISE = {
    "apple_mail_en_body_variant_5": None,  # "From: john.doe@acme.com": no name to give
    "outlook_live_en_body_variant_11": "John, Doe",
}


def subject_of(name: str) -> str:
    """The subject of the forwarding mail: the fixture's own where it has one (Outlook), else "Fwd:" (or
    "Re:" for a reply)."""
    client, _, variant = name.partition("_body")
    for candidate in (f"{client}_subject{variant}", f"{client}_subject", f"{client.rsplit('_', 1)[0]}_subject"):
        if (FORWARDS / f"{candidate}.txt").exists():
            return (FORWARDS / f"{candidate}.txt").read_text(encoding="utf-8").strip()
    if name == "outlook_live_body":
        return (FORWARDS / "outlook_live_en_subject.txt").read_text(encoding="utf-8").strip()
    return f"{'Re' if name in REPLIES else 'Fwd'}: {SUBJECT}"


def forwarded_mail(name: str) -> bytes:
    message = EmailMessage()
    message["From"], message["Date"], message["Subject"] = FORWARDER, FORWARDED_ON, subject_of(name)
    message.set_content((FORWARDS / f"{name}.txt").read_text(encoding="utf-8"))
    return message.as_bytes()


@pytest.mark.parametrize("name", [n for n in FIXTURES if n not in REPLIES])
def test_a_forward_is_unwrapped_to_the_forwarded_message(name):
    (article,) = extract(".eml", forwarded_mail(name))
    client = next(c for c in sorted(SENT, key=len, reverse=True) if name.startswith(c))
    assert article.text == BODY  # without the note above it, its header block, older mails or a signature
    assert article.title == SUBJECT
    assert article.author == SENDER_OTHERWISE.get(name, "John Doe")
    assert article.source == (article.author or "acme.com")
    assert article.date == SENT_OTHERWISE.get(name, SENT[client])


@pytest.mark.parametrize("name", REPLIES)
def test_a_reply_is_the_mail_itself(name):
    (article,) = extract(".eml", forwarded_mail(name))
    assert article.text.startswith("That's true!")
    assert article.author == "Press Desk" and article.date == "2024-05-06"


def test_the_fixture_set_is_whole():
    """190 bodies: 180 forwards and 10 replies, from 13 clients."""
    assert len(FIXTURES) == 190 and len(REPLIES) == 10


def test_an_english_attribution_reads_an_ambiguous_date_month_first():
    message = EmailMessage()
    message["From"], message["Date"], message["Subject"] = FORWARDER, FORWARDED_ON, "FW: Deal news"
    message.set_content('On 02/10/2023 4:52 PM, "Sports Desk" <desk@wires.example> wrote:\n\n    The bank renewed.\n')
    (article,) = extract(".eml", message.as_bytes())
    assert (article.text, article.author, article.date) == ("The bank renewed.", "Sports Desk", "2023-02-10")


def test_a_forward_of_a_forward_is_the_innermost_article():
    body = (
        "FYI\n\n---------- Forwarded message ---------\nVon: Anna Berg <anna@agentur.example>\n"
        "Date: Di., 5. März 2024 um 10:00 Uhr\nSubject: WG: Neuer Trikotsponsor\n\nSiehe unten.\n\n"
        "-----Ursprüngliche Nachricht-----\nVon: Sportdesk <desk@zeitung.example>\n"
        "Gesendet: Montag, 4. März 2024 18:12\nAn: Anna Berg <anna@agentur.example>\n"
        "Betreff: Neuer Trikotsponsor für den FC Nord\n\n"
        "Der FC Nord hat einen neuen Trikotsponsor: die Nordbank zahlt fünf Jahre lang.\n"
    )
    message = EmailMessage()
    message["From"], message["Date"], message["Subject"] = FORWARDER, FORWARDED_ON, "Fwd: WG: Neuer Trikotsponsor"
    message.set_content(body)
    (article,) = extract(".eml", message.as_bytes())
    assert article.text == "Der FC Nord hat einen neuen Trikotsponsor: die Nordbank zahlt fünf Jahre lang."
    assert (article.title, article.author, article.date) == (
        "Neuer Trikotsponsor für den FC Nord",
        "Sportdesk",
        "2024-03-04",
    )


@pytest.mark.parametrize(
    ("value", "languages", "date"),
    [
        ("Mi., 27. Okt. 2021 um 09:31 Uhr", ("de", "en"), "2021-10-27"),
        ("jeudi, 28 octobre 2021 à 12:06", ("fr", "en"), "2021-10-28"),
        ("Dienstag, 2. November 2021, 09:26:50 MEZ", ("de", "en"), "2021-11-02"),
        ("26. listopada 2021. u 14:25:08 EEST", ("hr", "en"), "2021-10-26"),  # Croatian October
        ("26. listopada 2021 14:25", ("pl", "en"), "2021-11-26"),  # Polish November
        ("2022年9月19日月曜日 17:55:44 -0400", ("ja", "en"), "2022-09-19"),
        ("28/10/21, 12:46", ("pt", "en"), "2021-10-28"),
        ("02/10/2023 4:52 PM EST", ("en",), "2023-02-10"),
        ("02/10/2023 16:52", ("de", "en"), "2023-10-02"),
        ("Wed, 3 Nov 2021 15:51:30 +0100", (), "2021-11-03"),
        ("sometime last week", ("en",), None),
        ("", (), None),
    ],
)
def test_sent_date_reads_each_clients_date(value, languages, date):
    assert sent_date(value, languages) == date


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("John Doe <john.doe@acme.com>", ("John Doe", "john.doe@acme.com")),
        ('"Doe, John" <john.doe@acme.com>', ("Doe, John", "john.doe@acme.com")),
        ("John Doe [mailto:john.doe@acme.com]", ("John Doe", "john.doe@acme.com")),
        (
            "John Doe<mailto:john.doe@acme.com> <john.doe@acme.com<mailto:john.doe@acme.com>> on behalf of "
            "ticketing@acme.com<mailto:ticketing@acme.com>",
            ("John Doe", "john.doe@acme.com"),
        ),
        ("John Doe (john.doe@acme.com)", ("John Doe", "john.doe@acme.com")),
        ("« John Doe » <john.doe@acme.com>", ("John Doe", "john.doe@acme.com")),
        ("john.doe@acme.com", (None, "john.doe@acme.com")),
        ("John Doe", ("John Doe", None)),
        (None, (None, None)),
    ],
)
def test_person(value, found):
    assert person(value) == found


@pytest.mark.parametrize(
    ("subject", "forward", "bare"),
    [
        ("Fwd: Deal news", True, "Deal news"),
        ("WG: Deal news", True, "Deal news"),
        ("TR: Deal news", True, "Deal news"),
        ("İLT: Deal news", True, "Deal news"),
        ("Redir.: Deal news", True, "Deal news"),
        ("Re: FW: Deal news", True, "Deal news"),
        ("AW: Deal news", False, "Deal news"),
        ("Re: Deal news", False, "Deal news"),
        ("Deal news: the sequel", False, "Deal news: the sequel"),
        ("Integer consequat", False, "Integer consequat"),
    ],
)
def test_subject_prefixes(subject, forward, bare):
    assert is_forward_subject(subject) is forward
    assert bare_subject(subject) == bare
