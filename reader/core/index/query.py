"""Query parsing: the query text checked and capped, parsed by Whoosh, and its wildcards and ranges bounded."""

from __future__ import annotations

import datetime as dt
import re

from whoosh import matching, query
from whoosh.qparser import MultifieldPlugin, QueryParser

from ..model import Filters, Phrase
from .errors import QueryError, QueryTooBroad, first_line
from .schema import NAME_FIELDS, QUERY_FIELDS, QUERY_SCHEMA, SEARCH_FIELDS

MAX_QUERY_CHARS = 500
MAX_SCANNED_WORDS = 10_000  # words a wildcard or range may look through, in one field of one segment
MAX_EXPANDED_WORDS = 1_000  # distinct words the wildcards and ranges of one query may match, over the index


# The query language by example, for Help › Search syntax: (what you type, what it finds). Every example
# parses, and each field of QUERY_FIELDS has one (tests/core/test_search_syntax.py).
EXAMPLES: tuple[tuple[str, str], ...] = (
    ("Alibaba cloud", "both words, in any of their forms (AND is the default)"),
    ('"Olympic Games"', "the phrase"),
    ('"Alibaba deal"~5', "both words in that order, at most 5 words apart"),
    ("Alibaba OR Tmall", "either word"),
    ("Olympic AND sponsor", "both words (AND written out)"),
    ("Olympic NOT Tokyo", "Olympic, but not Tokyo"),
    ("(Alibaba OR Tmall) AND cloud", "parentheses group"),
    ("olympi*", "words starting with olympi (a wildcard)"),
    ("spons?r", "? for any one letter"),
    ("title:alibaba", "the word in the title"),
    ("body:partnership", "the word in the text"),
    ("captions:ceremony", "the word in a photo caption"),
    ("source:reuters", "a word of the source (the filter row picks one source exactly)"),
    ("id:clips/*", "the articles in a folder of the library (id: is the file's path in it)"),
    ("date:2019", "a date in that year"),
    ("date:[2019-01-01 TO 2019-12-31]", "a date in that range, both ends included"),
    ("date:[2019-06-01 TO]", "a date on or after that day"),
    ("words:[500 TO 1000]", "a length in words"),
    ("entity:Alibaba", "a name, by its full name or as written (entity:IOC)"),
    ('entity:"Thomas Bach"', "a name of several words"),
    ('speaker:"Jack Ma"', "a direct quote by that person; speaker:ma also works"),
    ("*", "every article"),
)


def parse_query(text: str):
    """The Whoosh query for `text` (see `cap_query`), bounded; QueryError if it cannot be understood."""
    check_query(text)
    parser = _Parser(list(SEARCH_FIELDS), QUERY_SCHEMA)
    try:
        q = parser.parse(text)
    except Exception as exc:
        raise QueryError(friendly(exc)) from None
    if q is query.NullQuery or isinstance(q, type(query.NullQuery)):
        raise QueryError("nothing to search for: the query has only operators or very common words")
    return q.accept(_bounded).accept(_lazy_union)


def parse_search(text: str, filters: Filters | None = None) -> tuple:
    """The Whoosh query for `text` (every article, when it is empty and `filters` narrow them) and the
    filter query of `filters` (or None); QueryError if either cannot be understood."""
    only = filter_query(filters)
    if only is not None and not text.strip():
        return query.Every(), only
    return parse_query(text), only


def filter_query(filters: Filters | None):
    """The Whoosh query that keeps only what `filters` let through (None when they let everything through);
    QueryError if a date is not a date, or the range ends before it starts."""
    if not filters:
        return None
    parts: list[query.Query] = []
    if filters.source:
        parts.append(_SourceIs(filters.source))
    if filters.date_from or filters.date_to:
        start, end = _day(filters.date_from, "From"), _day(filters.date_to, "To")
        if start and end and end < start:
            raise QueryError(f"the dates run backwards: {filters.date_from} is after {filters.date_to}")
        last = dt.datetime.combine(end, dt.time.max) if end else None
        parts.append(query.DateRange("date", dt.datetime.combine(start, dt.time()) if start else None, last))
    return parts[0] if len(parts) == 1 else query.And(parts)


def _day(text: str | None, which: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise QueryError(f"{which} date '{text}' is not a date; write dates as YYYY-MM-DD") from None


class _SourceIs(query.Query):
    """The articles whose source is exactly `source`, as the list shows it: `source:` matches words of it
    ("Reuters" would find "Reuters Sport" too)."""

    def __init__(self, source: str):
        self.source = source
        self.boost = 1.0

    def __repr__(self):
        return f"{self.__class__.__name__}({self.source!r})"

    def __eq__(self, other):
        return self.__class__ is other.__class__ and self.source == other.source

    def __hash__(self):
        return hash(self.source)

    def estimate_size(self, ixreader):
        return ixreader.doc_count()

    def matcher(self, searcher, context=None):
        reader = searcher.reader()  # a segment's: a filter is matched segment by segment
        if not reader.doc_count() or not reader.has_column("source"):
            return matching.NullMatcher()
        column = reader.column_reader("source")
        found = [n for n in reader.all_doc_ids() if column[n] == self.source]
        return matching.ListMatcher(found) if found else matching.NullMatcher()


def cap_query(text: str) -> tuple[str, str | None]:
    """The query on one line, without repeated NOTs, and at most MAX_QUERY_CHARS long (plus the closing
    marks of what the cut left open); with a notice when it was cut."""
    text = _single_nots(" ".join(text.split()))
    if len(text) > MAX_QUERY_CHARS:
        cut = text[:MAX_QUERY_CHARS].rsplit(" ", 1)[0]
        return _closed(cut), f"query shortened to its first {len(cut)} characters"
    return text, None


_NOTS = re.compile(r"(?<![\w:])((?:NOT )+)(?=\S)")


def _single_nots(text: str) -> str:
    """NOT NOT x is x, and NOT NOT NOT x is NOT x (Whoosh's parser fails on a NOT after a NOT); not in phrases."""
    parts = text.split('"')
    for i in range(0, len(parts), 2):  # the even parts are outside quotes
        parts[i] = _NOTS.sub(lambda m: "NOT " if m.group(1).count("NOT") % 2 else "", parts[i])
    return '"'.join(parts)


def _closed(text: str) -> str:
    """`text` with the phrase, range or group the cut left open closed again."""
    if text.count('"') % 2:
        return text + '"'
    opened = []
    for ch in re.sub(r'"[^"]*"', " ", text):
        if ch in "([":
            opened.append(")" if ch == "(" else "]")
        elif ch in ")]" and opened and opened[-1] == ch:
            opened.pop()
    return text + "".join(reversed(opened))


_FIELD_PREFIX = re.compile(r"(?<![\w\"])([A-Za-z_]\w*):")


def check_query(text: str) -> None:
    """Reject what Whoosh would silently misread: unclosed quotes or brackets, unknown fields."""
    if not text.strip():
        raise QueryError("type some words to search for")
    if text.count('"') % 2:
        raise QueryError('unclosed quote: phrases need a closing "')
    outside = re.sub(r'"[^"]*"', " ", text)
    for open_, close, what in (("(", ")", "parenthesis"), ("[", "]", "range bracket")):
        depth = 0
        for ch in outside:
            depth += (ch == open_) - (ch == close)
            if depth < 0:
                break
        if depth:
            raise QueryError(f"unbalanced {what}: check the {open_} and {close}")
    for name in _FIELD_PREFIX.findall(outside):
        if name not in QUERY_FIELDS:
            known = ", ".join(f"{f}:" for f in QUERY_FIELDS)
            raise QueryError(f"unknown field '{name}:'; fields are {known}")


def friendly(exc: BaseException) -> str:
    """Why Whoosh could not parse or run a query, in words for the user."""
    msg = first_line(exc)
    m = re.match(r"'(.*)' is not a parseable date", msg)
    if m:
        return f"'{m.group(1)}' is not a date; write dates as YYYY-MM-DD"
    return f"could not understand the query: {msg}"


def _bounded(q):
    """`q` with each query that expands to many words made to stop, with QueryTooBroad, after looking through
    MAX_SCANNED_WORDS of them: `*a*` or `[a TO z]` would read every word of the index, and take longer the
    more articles there are. `*` and `body:*` (every article) are made a plain "every article"."""
    kind = type(q)
    if kind is query.Or and any(type(part) is query.Every and not part.fieldname for part in q.subqueries):
        return query.Every(boost=q.boost)  # `*` over every field: not every caption word looked up too (1.4 s)
    if kind is query.Every and q.fieldname:
        if q.fieldname in ("id", "title", "body"):  # every article has one
            return query.Every(boost=q.boost)
        return _Prefix(q.fieldname, "", boost=q.boost)
    if kind is query.Wildcard:
        return _Wildcard(q.fieldname, q.text, boost=q.boost)
    if kind is query.Prefix:
        return _Prefix(q.fieldname, q.text, boost=q.boost)
    if kind is query.TermRange:
        return _TermRange(
            q.fieldname, q.start, q.end, q.startexcl, q.endexcl, boost=q.boost, constantscore=q.constantscore
        )
    return q


class _Scanning:
    """An index reader whose word listings stop a query that has looked through too many words."""

    def __init__(self, reader, shown: str):
        self._reader, self._shown = reader, shown

    def __getattr__(self, name):
        return getattr(self._reader, name)

    def expand_prefix(self, fieldname, prefix):
        return self._counted(self._reader.expand_prefix(fieldname, prefix))

    def lexicon(self, fieldname):
        return self._counted(self._reader.lexicon(fieldname))

    def terms_from(self, fieldname, prefix):
        return self._counted(self._reader.terms_from(fieldname, prefix))

    def _counted(self, words):
        for n, word in enumerate(words, 1):
            if n > MAX_SCANNED_WORDS:
                raise QueryTooBroad(
                    f"{self._shown} would look through more than {MAX_SCANNED_WORDS:,} words; "
                    "put more letters before * or ?, or narrow the range"
                )
            yield word


def check_breadth(q, reader) -> None:
    """QueryTooBroad when the wildcards and ranges of `q` (under a NOT too) match more than MAX_EXPANDED_WORDS
    distinct words of `reader`'s index between them: each matched word's postings would be read, so `s*` grows
    with the vocabulary. Counted from the word lists alone, before any posting is read, and stopped at the bound."""
    words: set[bytes] = set()
    for part in q.leaves():
        if not isinstance(part, _Scanned) or part.fieldname not in reader.schema:
            continue
        for word in part._btexts(reader):
            words.add(word)
            if len(words) > MAX_EXPANDED_WORDS:
                raise QueryTooBroad(part.too_many())


class _Scanned:
    """A query over many words, each looked through counted (see `_bounded`)."""

    fieldname: str

    def shown(self) -> str:
        """The pattern or range as the user wrote it, for messages."""
        raise NotImplementedError

    def too_many(self) -> str:
        return (
            f"{self.shown()} matches more than {MAX_EXPANDED_WORDS:,} words of the index; "
            "put more letters before * or ?, or narrow the range"
        )

    def _btexts(self, ixreader):
        return super()._btexts(_Scanning(ixreader, self.shown()))


class _Wildcard(_Scanned, query.Wildcard):
    def shown(self) -> str:
        return f"“{self.text}”"


class _Prefix(_Scanned, query.Prefix):
    def shown(self) -> str:
        return f"“{self.fieldname}:*”" if not self.text else f"“{self.text}*”"


class _TermRange(_Scanned, query.TermRange):
    def shown(self) -> str:
        return f"the range [{' '.join(part for part in (self.start, 'TO', self.end) if part)}]"


def _lazy_union(q):
    """An OR (a word in title, body or captions) walked lazily, skipping along with its AND's other parts.

    Whoosh picks by segment size: below 5,000 documents it reads and scores every posting of every
    field first (ArrayUnionMatcher), even of documents the rest of the query rules out; same results,
    a fifth slower for two-word queries at 10,000 articles.
    """
    if type(q) is query.Or:
        q.matcher_type = query.Or.DEFAULT_MATCHER
    return q


class _Parser(QueryParser):
    """Whoosh's parser over the text fields; wildcard text is matched against the words as typed."""

    def __init__(self, fieldnames, schema):
        super().__init__(None, schema)
        self.add_plugin(MultifieldPlugin(fieldnames))

    def term_query(self, fieldname, text, termclass, boost=1.0, tokenize=True, removestops=True):
        if termclass in (query.Prefix, query.Wildcard) and fieldname in SEARCH_FIELDS:
            return termclass(fieldname, text.lower(), boost=boost)
        q = super().term_query(fieldname, text, termclass, boost, tokenize, removestops)
        if getattr(q, "error", None) is not None:  # else Whoosh matches nothing, or drops it under OR/NOT
            raise ValueError(f"{text!r} is not a parseable date" if fieldname == "date" else str(q.error))
        return q


def positive_parts(q):
    """The leaves of the query that are not under a NOT: what a hit matched, or may have."""
    if isinstance(q, query.Not):
        return
    if isinstance(q, query.AndNot):
        yield from positive_parts(q.a)
    elif isinstance(q, query.compound.CompoundQuery):
        for sub in q.children():
            yield from positive_parts(sub)
    else:
        yield q


def positive_words(q, reader) -> frozenset[str]:
    """Analysed words of the query's positive parts in the text fields, wildcards expanded; not the words of
    phrases, which are lit only as the phrase (`positive_phrases`)."""
    out: set[str] = set()
    for part in positive_parts(q):
        if isinstance(part, query.Phrase):
            continue
        try:
            terms = part.existing_terms(reader, expand=True)
        except Exception:
            continue
        out.update(_to_str(t) for f, t in terms if f in SEARCH_FIELDS)
    return frozenset(out)


def positive_phrases(q) -> frozenset[Phrase]:
    """The phrases of the query's positive parts in the text fields (`"a b"`, `"a b"~3`)."""
    return frozenset(
        Phrase(tuple(_to_str(w) for w in part.words), part.slop)
        for part in positive_parts(q)
        if isinstance(part, query.Phrase) and part.fieldname in SEARCH_FIELDS
    )


def positive_names(q, fields: tuple[str, ...] = NAME_FIELDS) -> frozenset[tuple[str, ...]]:
    """The names that entity: and speaker: parts of the query (or those of `fields`) ask for, each as a tuple
    of words."""
    found: set[tuple[str, ...]] = set()
    for part in positive_parts(q):
        if getattr(part, "fieldname", None) not in fields:
            continue
        if isinstance(part, query.Phrase):
            found.add(tuple(_to_str(w) for w in part.words))
        elif isinstance(part, query.Term):
            found.add((_to_str(part.text),))
    return frozenset(found)


def ranked(q) -> bool:
    """Whether the query has a word or phrase of the text (title, body, captions) not under a NOT: what
    ranks hits. A wildcard, a range, `source:` or a name alone scores every hit alike, or by a field of
    a few words, which says nothing of how well an article matches."""
    return any(
        isinstance(part, (query.Term, query.Phrase)) and part.fieldname in SEARCH_FIELDS for part in positive_parts(q)
    )


def _to_str(term) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else str(term)
