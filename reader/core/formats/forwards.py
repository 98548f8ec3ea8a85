"""Forwarded messages inside a mail's text, as the common mail clients write them in their languages.

A forwarded message opens with one of:
- a line naming it ("---------- Forwarded message ---------", "Begin forwarded message:", "-----Original
  Message-----", "----- Weitergeleitete Nachricht -----", "Début du message réexpédié :"), then usually
  a header block;
- a rule of underscores (Outlook) and a header block, or a header block alone (new Outlook);
- an attribution line: 'On 28/10/2021 12:46, "John Doe" <john@acme.com> wrote:' (Outlook for Mac).

A header block is lines of "Label: value" whose labels are those of the table below, in any of its
languages, with at least the sender and its date or subject ("From:", "Von:", "De :", "Gesendet:",
"Envoyé :", "Betreff:"...). Yahoo writes the whole block on the separator's line; it is split first.

A line naming a forward always counts. The others also open a reply ("Re:"): they count when nothing
but blank lines comes before them, or when the subject says it is a forward ("Fwd:", "WG:", "TR:"...).

The forwarded message ends where the next one opens (the older mails of a thread below it) or at a rule
of underscores (a signature or disclaimer follows). When it holds only a few words ("FYI") and another
forwarded message follows, that one is the article: a forward of a forward.
"""

from __future__ import annotations

import datetime as _dt
import re
import textwrap
from dataclasses import dataclass

from reader.core.formats.dates import foreign_date, iso_date
from reader.core.formats.markup import squash

# The words a mail client writes before each field of a forwarded message's header block: sender, date
# sent, subject, recipients, copies; "|" separates the words of one field. Gathered from the fixtures of
# crisp-oss/email-forward-parser (Apple Mail, Gmail, HubSpot, Outlook, Thunderbird, Yahoo) and Outlook's own.
_LABELS: dict[str, tuple[str, str, str, str, str]] = {
    # language: (from, date sent, subject, to, copies)
    "en": ("From", "Date|Sent", "Subject", "To", "Cc|Bcc|Reply-To"),
    "de": ("Von", "Datum|Gesendet", "Betreff", "An", "Kopie|Kopie (CC)|Blindkopie"),
    "fr": ("De|de", "Date|Envoyé|Envoyé le", "Objet|Sujet", "À|A|Pour", "Cc|Copie à|Cci"),
    "es": ("De", "Fecha|Enviado|Enviado el", "Asunto", "Para|A", "Cc|CC|CCO"),
    "it": ("Da|Mittente", "Data|Inviato", "Oggetto", "A", "Cc|Ccn"),
    "pt": ("De", "Data|Enviado|Enviada|Enviada em", "Assunto", "Para", "Cc|Cco"),
    "nl": ("Van", "Datum|Verzonden", "Onderwerp", "Aan", "Kopie|CC"),
    "da": ("Fra", "Dato|Sendt", "Emne", "Til", "Kopi|Cc"),
    "nb": ("Fra", "Dato|Sendt", "Emne", "Til", "Kopi"),
    "sv": ("Från", "Datum|Skickat", "Ämne", "Till", "Kopia"),
    "fi": ("Lähettäjä", "Päivämäärä|Päiväys|Lähetetty", "Aihe", "Vastaanottaja", "Kopio"),
    "et": ("Saatja", "Kuupäev|Saadetud", "Teema", "Adressaat", "Koopia"),
    "cs": ("Od", "Datum|Odesláno", "Předmět", "Komu", "Kopie"),
    "sk": ("Od", "Dátum|Odoslané", "Predmet", "Komu|Pre", "Kópia"),
    "pl": ("Od|Nadawca", "Data|Wysłano", "Temat", "Do|Adresat", "DW|Kopia"),
    "hr": ("Šalje", "Datum|Poslano", "Predmet|Naslov", "Prima", "Kopija"),
    "hu": ("Feladó", "Dátum|Elküldve", "Tárgy", "Címzett", "Másolat|Másolatot kap"),
    "ro": ("De la|Expeditorul", "Dată|Data|Trimis", "Subiect|Subiectul", "Către|Destinatarul", "Cc"),
    "ru": ("От|Отправитель", "Дата|Отправлено", "Тема", "Кому", "Копия"),
    "uk": ("Від|Від кого", "Дата|Відправлено|Надіслано", "Тема", "Кому", "Копія"),
    "tr": ("Kimden|Gönderen", "Tarih|Gönderilen|Gönderildi", "Konu", "Kime", "Bilgi"),
    "ja": ("送信元|差出人", "日付|送信日時", "件名", "送信先|宛先", "CC"),
    "zh": ("发件人|寄件者", "发送时间|日期|寄件日期", "主题|主旨", "收件人", "抄送|副本"),
}
_FIELDS = ("from", "date", "subject", "to", "cc")

# The line that names a forwarded (or quoted original) message, in the same languages; a line with one of
# these between dashes, or ending in a colon, opens a forward.
_FORWARD_LINES = {
    "en": "forwarded message|begin forwarded message|original message|forwarded email",
    "de": "weitergeleitete nachricht|anfang der weitergeleiteten nachricht|ursprüngliche nachricht",
    "fr": "message transféré|début du message réexpédié|début du message transféré|message transmis|message d'origine",
    "es": "mensaje reenviado|inicio del mensaje reenviado|mensaje original",
    "it": "messaggio inoltrato|inizio messaggio inoltrato|messaggio originale",
    "pt": "mensagem encaminhada|mensagem reencaminhada|início da mensagem encaminhada|início da mensagem "
    "reencaminhada|mensagem original",
    "nl": "doorgestuurd bericht|begin doorgestuurd bericht|oorspronkelijk bericht",
    "da": "videresendt meddelelse|start på videresendt besked|oprindelig meddelelse",
    "nb": "videresendt melding|opprinnelig melding",
    "sv": "vidarebefordrat meddelande|ursprungligt meddelande",
    "fi": "välitetty viesti|välitetty viesti alkaa|edelleenlähetetty viesti|alkuperäinen viesti",
    "et": "edastatud kiri|algne kiri",
    "cs": "přeposlaná zpráva|začátek přeposílané zprávy|původní zpráva",
    "sk": "preposlaná správa|pôvodná správa",
    "pl": "treść przekazanej wiadomości|początek przekazywanej wiadomości|przekazana wiadomość|wiadomość przesłana "
    "dalej|oryginalna wiadomość",
    "hr": "proslijeđena poruka|započni proslijeđenu poruku|izvorna poruka",
    "hu": "továbbított üzenet|továbbított levél kezdete|eredeti üzenet",
    "ro": "mesaj redirecționat|începe mesajul redirecționat|mesaj original",
    "ru": "перенаправленное сообщение|пересылаемое сообщение|начало переадресованного сообщения|исходное сообщение",
    "uk": "переслане повідомлення|перенаправлене повідомлення|початок листа, що пересилається|вихідне повідомлення",
    "tr": "iletilen ileti|iletilmiş mesaj|ileti başlangıcı|özgün ileti",
    "ja": "メッセージを転送|転送されたメッセージ|元のメッセージ",
    "zh": "转发的邮件|原始邮件",
}

# The verb of an attribution line ("… John Doe <john@acme.com> wrote:"), which opens a quoted message.
_WROTE = (
    "wrote|schrieb|a écrit|escribió|ha scritto|escreveu|geschreven|schreef|skrev|kirjoitti|"
    "napsal\\(a\\)|napsal|napísal|napisał|napisao|napisala|írta|написал|написала|написав|yazdı|a scris"
)

# Subject prefixes: a forward's, by language ("Fwd", "WG", "TR", "RV", "I"…), and a reply's.
_FORWARD_PREFIX = r"fwd?|fw|wg|tr|rv|i|vs|vb|vl|pd|enc|İlt|redir\.?|videresend|doorst|továbbítás"
_REPLY_PREFIX = r"re|aw|sv|antw|r|ris|rif|res|odp|ynt|vá|отв|vast|svar"
_PREFIX = re.compile(rf"^\s*(?:(?P<kind>{_FORWARD_PREFIX}|{_REPLY_PREFIX})\s*(?:\[\d+\])?\s*[:：]\s*)", re.I)

_FEW_WORDS = 12  # a forwarded message shorter than this, with another below it, is a note ("FYI, see below")
_MOST_NESTED = 20  # forwards of forwards followed that deep, no deeper
_LONGEST_LINE = 1000  # a longer line is text, never a separator or an attribution
_LONGEST_BLOCK = 20  # lines of a header block: From, Sent, To, Cc, Subject … and long ones wrapped


def _label_table() -> dict[str, tuple[str, frozenset[str]]]:
    table: dict[str, tuple[str, set[str]]] = {}
    for language, words in _LABELS.items():
        for name, alternatives in zip(_FIELDS, words, strict=True):
            for label in alternatives.split("|"):
                table.setdefault(label.casefold(), (name, set()))[1].add(language)
    return {label: (name, frozenset(languages)) for label, (name, languages) in table.items()}


_LABEL_OF = _label_table()
_LABEL_WORDS = "|".join(re.escape(label) for label in sorted(_LABEL_OF, key=len, reverse=True))
# "From: x", "*From:* x" (Outlook's bold, as text), "De : x", "送信元：x"
_LABEL_LINE = re.compile(rf"^\*?(?P<label>{_LABEL_WORDS})\*?[ \t\u00a0\u202f]*[:：]\*?\s*(?P<value>.*)$", re.I)
_LABEL_ANYWHERE = re.compile(rf"(?P<label>{_LABEL_WORDS})[ \t\u00a0\u202f]*[:：]", re.I)
_NAMING = re.compile("|".join(re.escape(p) for phrases in _FORWARD_LINES.values() for p in phrases.split("|")), re.I)
_DASHED = re.compile(r"^-{2,}\s*(?P<name>[^-].*?)\s*-{2,}(?P<rest>.*)$")
_RULE = re.compile(r"^_{5,}\s*$")
_ATTRIBUTION = re.compile(rf"^(?P<before>.*?)\b(?:{_WROTE})\b(?P<after>.*?)[:：]\s*$", re.I)
_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True)
class Forwarded:
    """A forwarded message found in a mail's text: its header fields as written and its own lines."""

    sender: str | None
    date: str | None  # YYYY-MM-DD
    subject: str | None
    lines: list[str]


@dataclass(frozen=True)
class _Opening:
    start: int  # the first line of the opening (a naming line, a rule, a header block or an attribution)
    body: int  # the first line after it
    fields: dict[str, str]
    languages: tuple[str, ...]
    named: bool  # a line names it a forward: it is one whatever the subject


def forwarded(lines: list[str], subject: str | None) -> Forwarded | None:
    """The message forwarded in these lines of a mail whose subject is `subject`, or None."""
    lines = _split_run_on(lines)
    opening = _next_opening(lines, 0)
    if opening is None:
        return None
    above = any(_text(line) for line in lines[: opening.start])
    if not opening.named and above and not is_forward_subject(subject):
        return None  # a reply to a message, quoted below it: the reply is the mail's text
    return _message(lines, opening)


def _message(lines: list[str], opening: _Opening) -> Forwarded:
    for _ in range(_MOST_NESTED):
        depth = _depth(lines[opening.start])
        rest = unquoted([_dequote(line, depth) for line in lines[opening.body :]])
        nested = _next_opening(rest, 0)
        own = _own_lines(rest, nested.start if nested else len(rest))
        if nested is None or _words(own) >= _FEW_WORDS:
            break
        lines, opening = rest, nested  # "FYI" above the forward it passes on
    fields = opening.fields
    return Forwarded(
        sender=fields.get("from"),
        date=sent_date(fields.get("date"), opening.languages),
        subject=fields.get("subject"),
        lines=textwrap.dedent("\n".join(own)).split("\n"),  # Outlook for Mac indents the message it quotes
    )


def _own_lines(lines: list[str], end: int) -> list[str]:
    """A message's lines up to `end` (the next message), or to a rule of underscores below its text: a
    signature or a disclaimer follows that."""
    words = 0
    for i in range(end):
        if words and _RULE.match(_text(lines[i])):
            return lines[:i]
        words += len(lines[i].split())
    return lines[:end]


def _next_opening(lines: list[str], start: int) -> _Opening | None:
    for i in range(start, len(lines)):
        text = _text(lines[i])
        if not text:
            continue
        named = _naming(text)
        if named or _RULE.match(text):
            block = _block_after(lines, i + 1)
            if block is not None:
                end, fields, languages = block
                return _Opening(i, end, fields, languages, named)
            if named:
                return _Opening(i, i + 1, {}, (), True)
            continue
        block = _block(lines, i)
        if block is not None:
            end, fields, languages = block
            return _Opening(i, end, fields, languages, False)
        attribution = _attribution(text)
        if attribution is not None:  # an English one reads "02/10/2023" as English labels do
            english = ("en",) if re.search(r"\bwrote\b", text, re.I) else ()
            return _Opening(i, i + 1, attribution, english, False)
    return None


def _naming(text: str) -> bool:
    """Whether a line names a forwarded message: between dashes, or alone and ending in a colon."""
    dashed = _DASHED.match(text) if len(text) < _LONGEST_LINE else None
    if dashed and not dashed["rest"].strip():
        return bool(_NAMING.search(dashed["name"]))
    return text.endswith(":") and len(text) < 80 and bool(_NAMING.fullmatch(text.rstrip(" :")))


def _block_after(lines: list[str], start: int) -> tuple[int, dict[str, str], tuple[str, ...]] | None:
    i = start
    while i < len(lines) and i < start + 3 and not _text(lines[i]):
        i += 1
    return _block(lines, i)


def _block(lines: list[str], start: int) -> tuple[int, dict[str, str], tuple[str, ...]] | None:
    """(the line after the block, its fields, the languages of its labels) for a header block at `start`."""
    fields: dict[str, str] = {}
    languages: list[str] = []
    i = start
    while i < min(len(lines), start + _LONGEST_BLOCK):
        m = _LABEL_LINE.match(_text(lines[i]))
        if m is None:
            # a long "To:" wrapped onto a line of its own, with the block going on below it
            if fields and _text(lines[i]) and i + 1 < len(lines) and _LABEL_LINE.match(_text(lines[i + 1])):
                i += 1
                continue
            break
        name, label_languages = _LABEL_OF[m["label"].casefold()]
        fields.setdefault(name, squash(m["value"].strip("* ")))
        # an English word ("Date", "Cc") says nothing of the language; Gmail writes English labels around a
        # translated "Von:" and a date in German
        languages.extend(["en"] if "en" in label_languages else sorted(label_languages))
        i += 1
    if "from" not in fields or not ({"date", "subject"} & fields.keys()):
        return None
    others = sorted({lang for lang in languages if lang != "en"}, key=lambda lang: -languages.count(lang))
    return i, fields, (*others, "en")


def _attribution(text: str) -> dict[str, str] | None:
    """The sender and date of an attribution line ('On 28/10/2021 12:46, "John Doe" <john@acme.com> wrote:')."""
    m = _ATTRIBUTION.match(text) if len(text) <= 200 else None
    if m is None:
        return None
    said = f"{m['before']} {m['after']}"
    address = _ADDRESS.search(said)
    if address is None and not re.search(r"\d", said):
        return None
    fields = {"date": said}
    if address is not None:
        fields["from"] = _attributed_name(said[: address.start()]) + f" <{address[0]}>"
    return fields


def _attributed_name(before: str) -> str:
    """The name just before an address: a quoted one ("John Doe", « John Doe », „John Doe”), else the
    capitalised words that end there ("Dne 28/10/2021 12:46, John Doe")."""
    before = before.rstrip(" <(")
    quoted = re.search(r"[\"'«„“]\s*([^\"'«»„“”]+?)\s*[\"'»”]\s*$", before)
    if quoted:
        return quoted[1]
    words = before.split()
    name: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper() or not word.rstrip(",").isalpha() or word.rstrip(",") in ("AM", "PM"):
            break
        name.insert(0, word.rstrip(","))
    return " ".join(name)


def _split_run_on(lines: list[str]) -> list[str]:
    """Yahoo's forward: "----- Forwarded Message ----- From: x <a@b>To: y <c@d>Sent: …Subject: …" on one line,
    made the separator line and one line per field."""
    out: list[str] = []
    for line in lines:
        dashed = _DASHED.match(_text(line)) if len(line) < _LONGEST_LINE else None
        rest = dashed["rest"] if dashed else ""
        starts = [m.start() for m in _LABEL_ANYWHERE.finditer(rest)]
        if not dashed or len(starts) < 2 or not _NAMING.search(dashed["name"]) or rest[: starts[0]].strip():
            out.append(line)
            continue
        quote = ">" * _depth(line)
        out.append(f"{quote}-----{dashed['name']}-----")
        out.extend(quote + rest[a:b].strip() for a, b in zip(starts, [*starts[1:], len(rest)], strict=True))
    return out


def _text(line: str) -> str:
    """A line without its quote marks, indentation and byte-order mark."""
    return re.sub(r"^[\s\ufeff]*(?:>[ \t]?)*", "", line).strip(" \t\ufeff\u00a0")


def _depth(line: str) -> int:
    quotes = re.match(r"^[\s\ufeff]*((?:>[ \t]?)*)", line)
    return quotes[1].count(">") if quotes else 0


def _dequote(line: str, depth: int) -> str:
    for _ in range(depth):
        line = re.sub(r"^[\s\ufeff]*> ?", "", line, count=1)
    return line


def unquoted(lines: list[str]) -> list[str]:
    """Lines with their quoting taken off, a level at a time while most of those with text are quoted (one
    wrapped line of a quoted paragraph often loses its mark)."""
    while True:
        texts = [line for line in lines if line.strip()]
        if not texts or sum(line.lstrip().startswith(">") for line in texts) * 3 < len(texts) * 2:
            return lines
        lines = [re.sub(r"^\s*> ?", "", line) for line in lines]


def _words(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)


def is_forward_subject(subject: str | None) -> bool:
    """Whether a subject's prefixes say the mail forwards another: "Fwd:", "FW:", "WG:", "TR:", "Re: Fwd:"…"""
    while subject:
        m = _PREFIX.match(subject)
        if m is None:
            return False
        if re.fullmatch(_FORWARD_PREFIX, m["kind"], re.I):
            return True
        subject = subject[m.end() :]
    return False


def bare_subject(subject: str | None) -> str | None:
    """A subject without its reply and forward prefixes ("Re: FW: Deal news" → "Deal news")."""
    while subject and (m := _PREFIX.match(subject)):
        subject = subject[m.end() :]
    return squash(subject or "") or None


# --- the date a forwarded message was sent, as its client wrote it -----------------------------------------

_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[01])\d{2}(?!\d)")
_NUMERIC = re.compile(r"(?<!\d)(?P<a>\d{1,2})\s?[./-]\s?(?P<b>\d{1,2})\s?[./-]\s?(?P<year>\d{4}|\d{2})(?!\d)")
_CJK = re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")


def sent_date(value: str | None, languages: tuple[str, ...] = ()) -> str | None:
    """YYYY-MM-DD from a date as a mail client writes it in its language ("Mi., 27. Okt. 2021 um 09:31 Uhr",
    "jeudi, 28 octobre 2021 à 12:06", "28/10/2021 12:46", "2022年9月19日"); else None.

    RFC 2822 and English dates are read by `iso_date`; numeric ones here (day first, except in English
    when the day could be either); written-out months in other languages by `foreign_date` (dateparser),
    in the language most of the header block's labels are in.
    """
    if not value:
        return None
    found = iso_date(value)
    if found:
        return found
    text = _date_part(value)
    cjk = _CJK.search(text)
    if cjk:
        return _valid(int(cjk["year"]), int(cjk["month"]), int(cjk["day"]))
    numeric = _NUMERIC.search(text)
    if numeric and not re.search(r"[^\W\d_]{3,}", text[: numeric.start()] + text[numeric.end() :]):
        return _numeric(numeric, languages)
    return _written(text, languages) or (_numeric(numeric, languages) if numeric else None)


def _date_part(value: str) -> str:
    """The date alone: what comes before the time, and up to the year when the day comes before it."""
    time = _TIME.search(value)
    text = value[: time.start()] if time else value
    year = _YEAR.search(text)
    if year and re.search(r"\d", text[: year.start()]):
        text = text[: year.end()]
    return text.strip(" ,")


def _numeric(m: re.Match[str], languages: tuple[str, ...]) -> str | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    year += 2000 if year < 100 else 0
    english_only = not [lang for lang in languages if lang != "en"] and bool(languages)
    if b > 12 or (english_only and a <= 12):  # 10/28/2021; in English, 02/10/2023 is read as February
        a, b = b, a
    return _valid(year, b, a)


def _written(text: str, languages: tuple[str, ...]) -> str | None:
    """A date with its month written out, in the language its labels are most in (else in any)."""
    digit = re.search(r"\d", text)
    if digit and not _YEAR.match(text, digit.start()):  # from the day on: the weekday ("K,", "Mi.") adds nothing
        text = text[digit.start() :]
    return foreign_date(text, next((lang for lang in languages if lang != "en"), languages[0] if languages else None))


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return iso_date(_dt.date(year, month, day))
    except ValueError:
        return None


# --- who sent it -------------------------------------------------------------------------------------------


def person(value: str | None) -> tuple[str | None, str | None]:
    """(display name, address) of a sender as a header or a forwarded header block gives it:
    'John Doe <john@acme.com>', '"Doe, John" <john@acme.com>', 'John Doe [mailto:john@acme.com]',
    'John Doe<mailto:john@acme.com> <john@acme.com<mailto:john@acme.com>> on behalf of x@acme.com',
    'John Doe (john@acme.com)', 'john@acme.com', 'John Doe'."""
    value = squash(value or "")
    value = re.sub(r"<mailto:[^<>]*>", "", value)
    value = re.sub(r"\[mailto:([^\]]*)\]", r"<\1>", value)
    value = re.split(r"\s+on behalf of\s+", value, flags=re.I)[0]
    address = _ADDRESS.search(value)
    name = value[: address.start()] if address else value
    name = name.strip().rstrip("<([ ").strip().strip("\"'«»„“”").strip()
    if address and not name:
        quoted = re.match(r"^[^<(]*", value)
        name = quoted[0].strip().strip("\"'") if quoted else ""
    if name and _ADDRESS.fullmatch(name):
        name = ""
    return name or None, address[0].lower() if address else None
