"""Where quotes run in press text, by their marks alone.

- a quote over several paragraphs opens each paragraph and closes only on the last;
- straight marks are told apart by what surrounds them, curly marks by their shape; old wire copy's
  ''two apostrophes'' and ``TeX-style'' marks are double quotes too;
- a quote nested in another with the same mark stays inside it;
- a closing mark typed as an opening one at the end of a paragraph still closes;
- a mark that never closes ends at its paragraph, so it cannot spoil the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import split_paragraphs

OPENERS = "“„"  # '„…“' of translated German copy closes with its '“' where a closing mark may stand
CLOSERS = "”"
GUILLEMETS = "«»"  # French '«…»' and German '»…«': which way one points says less than what touches it
# a single curly mark opens speech (UK copy: 'fumed: ‘I’m not finished.’'), not an elision ('the ‘90s')
_MARK_CHARS = re.compile("[`'\"‘’" + OPENERS + CLOSERS + GUILLEMETS + "]")  # every character _marks looks at
_SINGLE_OPENS = re.compile(r"(?:(?<=^)|(?<=[\s(\[{—–/\"“-]))‘(?!\d\ds?\b|em\b|n’|til\b|cause\b)(?=\S)")
_SINGLE_CLOSER = re.compile(r"(?<=\S)’(?![^\W\d_])|(?<![^\W\d_])’")  # not an apostrophe inside a word
# straight single marks (UK web copy: ''We are not for sale,' said …'): an opening mark at a word's start, and
# a closing one only right after a sentence's or a clause's mark, so no apostrophe ('players'', ''90s') pairs
_STRAIGHT_OPENS = re.compile(r"(?:(?<=^)|(?<=[\s(\[{—–/]))'(?!\d\ds?\b|em\b|n'|til\b|cause\b|twas\b|tis\b)(?=\w)")
_STRAIGHT_CLOSER = re.compile(r"(?<=[.,!?…—–-])'(?=$|[\s.,;:!?)\]—–\"”])")


@dataclass
class QuoteSpan:
    start: int
    end: int
    closed: bool
    paragraphs: int = 1


@dataclass
class _Open:
    at: int
    paragraph_start: int
    inner: list[QuoteSpan] = field(default_factory=list)
    paragraphs: int = 1


def quote_spans(text: str, headline: bool = False) -> list[QuoteSpan]:
    """Where quotes run, by their marks alone."""
    spans: list[QuoteSpan] = []
    stack: list[_Open] = []
    paras = split_paragraphs(text)

    def inside() -> bool:
        return bool(stack)

    for n, (start, para) in enumerate(paras):
        lead = len(para) - len(para.lstrip())
        last_mark = len(para.rstrip()) - 1
        for i, size, role in _marks(para, headline, inside):
            pos = start + i
            if role == "open" and stack and i == lead and stack[0].paragraph_start < start:
                continue  # the mark that re-opens a continued quote
            if role == "open" and stack and (i + size - 1 == last_mark or _glued_closer(para, i, size)):
                role = "close"  # '…worked out. “', '…decision.“ However': a closing mark typed as an opening one
            if role == "open":
                stack.append(_Open(pos, start))
            elif stack:
                opened = stack.pop()
                span = QuoteSpan(opened.at, pos + size, True, opened.paragraphs)
                (stack[-1].inner if stack else spans).append(span)
        end = start + len(para.rstrip())
        if stack:
            following = paras[n + 1][1].lstrip() if n + 1 < len(paras) else ""
            if (
                len(stack) == 1
                and _opens_with_mark(following)
                and not _is_attribution_line(following)
                and _opens_speech(text, stack[0].at)
            ):
                stack[0].paragraphs += 1  # the quote goes on in the next paragraph
            else:
                spans.extend(_unclosed(stack, end))
                stack.clear()
    return spans


def _unclosed(stack: list[_Open], end: int) -> list[QuoteSpan]:
    """What marks left open at a paragraph's end leave: the quotes closed inside them stand on their own,
    and the innermost one runs to the paragraph's end unless it holds a closed quote (then it was a stray
    mark, as were those below it)."""
    out: list[QuoteSpan] = []
    for opened in stack:
        out.extend(opened.inner)
    top = stack[-1]
    if not top.inner:
        out.append(QuoteSpan(top.at, end, False, top.paragraphs))
    return sorted(out, key=lambda s: s.start)


def _marks(para: str, headline: bool, inside):
    """(index, size, 'open' or 'close') of each quote mark in a paragraph; `inside()` says whether a
    quote is open, which decides what an ambiguous straight mark is."""
    singles = _single_marks(para)
    i = 0
    while (found := _MARK_CHARS.search(para, i)) is not None:  # the regex skips the text between marks
        i = found.start()
        ch = para[i]
        pair = para[i : i + 2]
        if pair == "``":
            yield i, 2, "open"
            i += 2
            continue
        if pair == "''" and para[i + 2 : i + 3] != "'":
            yield i, 2, _straight_role(para, i, inside(), size=2)
            i += 2
            continue
        role = None
        if ch == '"':
            role = _straight_role(para, i, inside())
        elif ch == "'" and headline:
            role = _straight_role(para, i, inside(), clear_only=True)
        elif ch in GUILLEMETS:
            role = _guillemet_role(para, i)
        elif ch in OPENERS:
            role = "open"
        elif ch in CLOSERS:
            role = "close"
        else:
            role = singles.get(i)
        if role:
            yield i, 1, role
        i += 1


def _single_marks(para: str) -> dict[int, str]:
    """The single curly marks that quote (index → role): an opening mark at a word's start paired with the
    first closing mark after it that is no apostrophe ('I’m', 'Dean’s') nor, where a later one will do, a
    plural possessive ('the players’ views')."""
    roles: dict[int, str] = {}
    # the patterns are slow to try at every character, and most paragraphs have no single mark: looked for first
    for opener in _SINGLE_OPENS.finditer(para) if "‘" in para else ():
        at = opener.start()
        if roles and at < max(roles):
            continue
        closers = [m.start() for m in _SINGLE_CLOSER.finditer(para, at + 2)]
        clear = [c for c in closers if para[c - 1] in ".,!?…—–-" or re.match(r"’(?:$|[.,;:!?)\]—–\"”])", para[c:])]
        plain = [c for c in closers if para[c - 1] != "s" and not para[c - 1].isspace()]
        if closers:
            roles[at], roles[(clear or plain or closers)[0]] = "open", "close"
    if "''" in para or "``" in para:
        return roles  # old wire copy: its single marks quote inside its double ones
    for opener in _STRAIGHT_OPENS.finditer(para) if "'" in para else ():
        closer = _STRAIGHT_CLOSER.search(para, opener.end())
        if closer and not (roles and opener.start() < max(roles)):
            roles[opener.start()], roles[closer.start()] = "open", "close"
    return roles


def _glued_closer(para: str, i: int, size: int) -> bool:
    """An opening mark after a sentence's last word and its full stop (or the stop and a space), then a space:
    it closes ('…to win. “ The team')."""
    stop = para[i - 1] in ".!?,;" if i > 0 else False
    spaced = i > 1 and para[i - 1] == " " and para[i - 2] in ".!?"
    return (stop or spaced) and para[i + size : i + size + 1].isspace()


def _guillemet_role(para: str, i: int) -> str:
    """'«' or '»' opens where a word follows it and a space or the paragraph's start comes before it
    ('»Wir', '«Nous', '« Nous'), and closes where a word comes before it ('partnership«', 'fiers »')."""
    before = para[i - 1] if i else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    if not before.isspace() and before not in "([{—–-/":
        return "close"
    if para[i] == "«" or after.isalnum():
        return "open"
    return "close"


def _opens_with_mark(para: str) -> bool:
    return para[:1] in ('"', *OPENERS) or para.startswith(("``", "''"))


def _opens_speech(text: str, at: int) -> bool:
    """A quote that can run on into the next paragraph opens its paragraph or a sentence, or follows ':' or
    ','."""
    before = text[:at].rstrip(" \t")
    return not before or before.endswith(("\n", ":", ",", ".", "!", "?"))


def _straight_role(para: str, i: int, inside: bool, clear_only: bool = False, size: int = 1) -> str | None:
    before = para[i - 1] if i else " "
    after = para[i + size] if i + size < len(para) else " "
    opens = (before.isspace() or before in "([{—–-/") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-’'")
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if clear_only:
        return None
    return "close" if inside else "open"


def _is_attribution_line(para: str) -> bool:
    return bool(re.match(r"^(?:[—–]|--?)\s*\w", para))
