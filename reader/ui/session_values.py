"""What the library session sends its panels and is asked for: requests, changes, progress and failures, as values."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from ..core.coverage.values import Scope
from ..core.errors import ReaderError, one_line
from ..core.model import ArticleRow, ArticleView, Phrase


@dataclass(eq=False)
class Ticket:
    """Taken when a job starts; what the job sends back counts only while its ticket is current."""

    opened: object | None  # the library open when it started
    kind: str | None = None  # a search or an article: only the latest of its kind counts


@dataclass(frozen=True)
class Update:
    """An index update: `rebuild` reads every file again; `quiet` (the folder changed) reads only what changed."""

    rebuild: bool = False
    quiet: bool = False


class Task(enum.Enum):
    INDEXING = "indexing"
    ANALYSING = "analysing"
    ADDING = "adding"


@dataclass(frozen=True)
class Progress:
    task: Task
    done: int
    total: int
    quiet: bool = False  # of a quiet update


@dataclass(frozen=True)
class Hits:
    """What the last search asked for, marked in the articles opened: analysed words, entity and speaker names,
    and phrases (lit only where they match)."""

    words: frozenset[str] = frozenset()
    names: frozenset[tuple[str, ...]] = frozenset()
    phrases: frozenset[Phrase] = frozenset()


NO_HITS = Hits()


@dataclass(frozen=True)
class LibraryChange:
    """What changed in the open library (cf. Anki's OpChanges): each panel refreshes what it shows of it."""

    opened: bool = False  # another folder: what was shown of the last one goes
    listed: list[ArticleRow] | None = None  # every article, as the index holds them: the list starts again
    rows: list[ArticleRow] = field(default_factory=list)  # articles added or changed (text, details, counts)
    removed: list[str] = field(default_factory=list)  # articles gone
    bookmarks: bool = False  # the bookmarks changed in the store (re-attached to edited articles)


@dataclass(frozen=True)
class ArticleRequest:
    """An article for the reading pane."""

    id: str
    keep_place: bool = False  # it is the article shown, read again: the reader's place is kept
    analyse: bool = True  # its analysis is made if not cached (not while the index is written)


@dataclass(frozen=True)
class LoadedArticle:
    """The answer to an ArticleRequest: a view of the article, and how the pane shows it."""

    view: ArticleView
    request: ArticleRequest
    early: bool = False  # its text only: the view with its analysis follows, in the reader's place


class Failed(ReaderError):
    """What the session could not do, and why; `str()` is the line the user reads, `cause` the exception."""

    doing = ""  # what could not be done, said before why; none: why alone, capitalised

    def __init__(self, cause: BaseException, doing: str | None = None):
        self.cause = cause
        self.why = one_line(cause)
        doing = self.doing if doing is None else doing
        super().__init__(f"{doing}: {self.why}" if doing else self.why[:1].upper() + self.why[1:])


class OpenFailed(Failed):
    """The articles folder could not be opened; the library open stays."""


class SyncFailed(Failed):
    doing = "Indexing stopped"


class AnalysisFailed(Failed):
    doing = "finding quotes and names stopped"  # said after the index's state


class SearchFailed(Failed):
    doing = "Can't search"


class ArticleFailed(Failed):
    def __init__(self, cause: BaseException, article_id: str):
        self.article_id = article_id
        super().__init__(cause, f"Could not open {article_id}")


class SaveFailed(Failed):
    """Articles could not be added, or details saved; `doing` says which."""


class AddFailed(Failed):
    doing = "Could not add the articles"


class WatchlistFailed(Failed):
    """The watchlist could not be saved, imported or exported; `doing` says which."""


@dataclass(frozen=True)
class CoverageRequest:
    """The coverage figures asked for: over which articles, by which period, copies counted once or per outlet."""

    scope: Scope = field(default_factory=Scope)
    by: str = "month"
    per_outlet: bool = False


class CoverageFailed(Failed):
    doing = "Can't count the coverage"


class ReportFailed(Failed):
    doing = "Could not export the coverage"
