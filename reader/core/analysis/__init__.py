"""Analysis of an article: its quotes with their speakers, and its named entities, as spans over the text.

`Analyzer.analyze(article)` does one article; `Analyzer.analyze_many` streams a whole library through
spaCy's `nlp.pipe`. Both are deterministic for a given model and gazetteer (see `fingerprint`).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

from ..model import BODY, TITLE, Article
from .consistency import merge_partial, with_speakers
from .entities import entities, person_names, split_runs
from .gazetteer import Gazetteer, GazetteerError
from .pool import TaggerPool, TaggerService
from .quotes import find_quotes, quoted_from_the_story
from .syntax import Parse
from .tagger import NO_MODEL, RawEntity, Tagger, available_model
from .values import GROUP_OF_LABEL, GROUPS, LABEL_NAMES, SPEECH, TERM, Analysis, Entity, Quote, as_part

ANALYSIS_VERSION = 16  # bump when quotes or entity cleaning change what they produce, or how it is cached
IN_PROCESS_BATCH = 32  # articles analyzed together when no worker processes are used
IN_PROCESS_FIRST_BATCH = 8  # the first of them: the first results come early

__all__ = [
    "ANALYSIS_VERSION",
    "GROUPS",
    "GROUP_OF_LABEL",
    "LABEL_NAMES",
    "NO_MODEL",
    "SPEECH",
    "TERM",
    "Analysis",
    "Analyzer",
    "Entity",
    "GazetteerError",
    "Quote",
    "analyze",
    "default_analyzer",
    "shared_analyzer",
]


class Analyzer:
    """The analysis engine: a gazetteer and a spaCy tagger, loaded lazily and shared by threads.

    With `workers`, spaCy runs only in that many worker processes (see `TaggerService`), for articles
    analyzed one at a time as much as for whole libraries; without, one article is tagged in this
    process and a library on a pool made for it.
    """

    def __init__(self, model: str | None = None, gazetteer: Gazetteer | None = None, workers: int = 0):
        self.tagger = Tagger(gazetteer or Gazetteer.load(), model)
        self.service = TaggerService(self.tagger, workers) if workers else None

    @property
    def fingerprint(self) -> str:
        return f"v{ANALYSIS_VERSION}/{self.tagger.fingerprint}"

    @property
    def notice(self) -> str | None:
        """What the user is missing when there is no model; known before spaCy is loaded."""
        return self.tagger.notice or self.tagger.expected_notice()

    def load(self) -> None:
        self.tagger.nlp  # noqa: B018 - loads spaCy now rather than at the first article

    def analyze(self, article: Article) -> Analysis:
        if self.service:
            return self.service.analyze_one(article)
        return analyze_batch(self.tagger, [article])[0]

    def close(self) -> None:
        """Stop the worker processes, if any; they start again when next needed."""
        if self.service:
            self.service.close()

    def analyze_many(self, articles: Iterable[Article], n_process: int = 1) -> Iterator[tuple[Article, Analysis]]:
        """Each article with its analysis, in order; with `n_process` > 1 on that many worker processes.

        With a service, on its workers however many are asked for.
        """
        if self.service or n_process > 1:
            pool = self.service or TaggerPool(self.tagger, n_process)
            try:
                yield from pool.analyze((a, a) for a in articles)
            finally:
                if pool is not self.service:
                    pool.close()
            return
        batch: list[Article] = []
        size = IN_PROCESS_FIRST_BATCH
        for article in articles:
            batch.append(article)
            if len(batch) == size:
                yield from zip(batch, analyze_batch(self.tagger, batch))
                batch, size = [], IN_PROCESS_BATCH
        if batch:
            yield from zip(batch, analyze_batch(self.tagger, batch))


def analyze_batch(tagger: Tagger, articles: list[Article]) -> list[Analysis]:
    """The analyses of `articles`, their parts tagged in one `nlp.pipe`."""
    parts = [[p.text for p in a.parts()] for a in articles]
    tags = list(tagger.tag((text for texts in parts for text in texts), batch_size=64))
    out, i = [], 0
    for article, texts in zip(articles, parts):
        out.append(_combine(article, tags[i : i + len(texts)], tagger.gazetteer, tagger.parse, tagger.model_name))
        i += len(texts)
    return out


def _combine(
    article: Article,
    raw: list[list[RawEntity]],
    gazetteer: Gazetteer,
    parse: Parse | None = None,
    model: str | None = None,
) -> Analysis:
    """One article's analysis from its parts' raw tags; people found by the `model` (none without one)."""
    parts = article.parts()  # the title, the body, then the captions
    texts = [p.text for p in parts]
    raw = [split_runs(text, tags, gazetteer) for text, tags in zip(texts, raw)]
    # body first: "used earlier in the article" means reading order, and the title may be derived
    order = [1, 0, *range(2, len(parts))]
    names = person_names([texts[i] for i in order], [raw[i] for i in order], bool(model))
    cleaned = merge_partial([entities(text, tags, gazetteer, names) for text, tags in zip(texts, raw)], texts)
    # a title taken from the body's first sentence: its quotes are the body's, not counted twice
    from_body = article.body.startswith(article.title.rstrip("…"))
    body_quotes = find_quotes(article.body, cleaned[1], names, parse=parse)
    headline = () if from_body else find_quotes(article.title, cleaned[0], names, headline=True, parse=parse)
    title_quotes = quoted_from_the_story(headline, body_quotes)
    if model:  # a speaker spaCy saw nobody in, named in full: a person
        cleaned = with_speakers(cleaned, texts, {q.speaker for q in (*title_quotes, *body_quotes) if q.speaker})
    return Analysis(
        quotes=(*as_part(title_quotes, TITLE), *as_part(body_quotes, BODY)),
        entities=tuple(e for part, found in zip(parts, cleaned) for e in as_part(found, part.name)),
    )


_default: Analyzer | None = None
_shared: dict[str, Analyzer] = {}
_default_lock = threading.Lock()


def shared_analyzer(workers: int = 2) -> Analyzer:
    """The analyzer of an app process: spaCy on `workers` processes, shared by every library it opens.

    One per model, as `available_model()` picks it now ($PRESS_READER_MODEL may change it).
    """
    model = available_model() or NO_MODEL
    with _default_lock:
        if model not in _shared:
            _shared[model] = Analyzer(model, workers=workers)
        return _shared[model]


def close_shared() -> None:
    """Stop the worker processes of the shared analyzers (they start again if needed)."""
    with _default_lock:
        for analyzer in _shared.values():
            analyzer.close()


def default_analyzer() -> Analyzer:
    global _default
    with _default_lock:
        if _default is None:
            _default = Analyzer()
        return _default


def analyze(article: Article) -> Analysis:
    """Quotes and entities of `article`, with the default model and the bundled gazetteer."""
    return default_analyzer().analyze(article)
