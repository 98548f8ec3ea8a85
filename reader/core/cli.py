"""Command line: `press-reader index|add|search|show|analyze|bookmarks|coverage`; with no subcommand the launcher
(reader/__main__.py) opens the window, which the core never imports."""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import paths
from .errors import ReaderError

if TYPE_CHECKING:  # and imported where used: a search loads the library and the index, nothing else, and once
    # the cyclic collector is off (see cmd_search)
    from .bookmarks import Bookmark
    from .library import Library
    from .model import SearchResult

EXIT_OK, EXIT_BAD_INPUT = 0, 2
_BLAS_THREADS = "OPENBLAS_NUM_THREADS"
COVERAGE_HELP = "how often, where and by whom the watched names are covered"
Window = Callable[[Path | None, Path], int]  # opens the window: (articles folder if given, data dir) -> exit code


class UsageError(ReaderError):
    """The command line was not understood."""


class _Parser(argparse.ArgumentParser):
    """argparse, but bad usage is one line on stderr and exit 2, as everywhere else.

    `arguments(parser)`, if given, adds the parser's own arguments when it is first used: those of a
    command that imports its module to list its choices, which another command then does not import.
    """

    def __init__(self, *args, arguments: Callable[[_Parser], None] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._arguments = arguments

    def _complete(self) -> None:
        if self._arguments is not None:
            add, self._arguments = self._arguments, None
            add(self)

    def parse_known_args(self, args=None, namespace=None):
        self._complete()
        return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        self._complete()
        return super().format_help()

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {self.prog} --help)")


class _Versions(argparse.Action):
    """--version: one line per part (argparse's own action would run them into one)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        from . import versions

        print("\n".join(versions.lines()))
        parser.exit()


def _common_options() -> _Parser:
    """The options of every command. A _Parser: typeshed wants a subcommand's parents of its parser class."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--articles",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="articles folder (default: the last folder opened, else the bundled articles/)",
    )
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"where the index lives (default: ${paths.DATA_DIR_ENV} or the user data dir)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = _Parser(
        prog="press-reader", parents=[common], description="Read, search and quote sponsorship press coverage."
    )
    parser.add_argument(
        "--version",
        action=_Versions,
        help="print the versions of Press Reader, Whoosh, spaCy and its model, Qt and Python, and exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("index", parents=[common], help="build or update the search index")
    p.add_argument("--rebuild", action="store_true", help="discard the index and build it again")
    p.add_argument(
        "--no-analysis",
        action="store_true",
        help="skip finding quotes and entities (entity: and speaker: searches need them)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser(
        "add", parents=[common], help="copy article files or folders into the articles folder and index them"
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="FILE|DIR",
        help="web pages, feeds, PDFs, e-mails, text or Markdown files, or folders of them",
    )
    p.add_argument("--no-analysis", action="store_true", help="skip finding quotes and entities")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("search", parents=[common], help="search the articles (Whoosh query language)")
    p.add_argument("query", help='e.g. sponsor, "Olympic Games", title:alibaba, date:[2019-01-01 TO 2019-12-31]')
    p.add_argument(
        "--limit",
        type=_hit_limit,
        default=20,
        metavar="N",
        help="at most N hits, the best first (default 20; 0: every hit)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("show", parents=[common], help="print one article as parsed")
    p.add_argument("path", help="article file, or its path relative to the articles folder")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("analyze", parents=[common], help="print the quotes, speakers and entities of articles")
    p.add_argument("paths", nargs="+", metavar="FILE", help="article files, or paths relative to the articles folder")
    p.add_argument("--json", action="store_true", help="print a JSON array, one object per file")

    sub.add_parser(
        "bookmarks",
        parents=[common],
        help="list, add and export bookmarked quotes",
        arguments=lambda p: _add_bookmark_commands(p, common),
    )
    sub.add_parser("coverage", parents=[common], help=COVERAGE_HELP, arguments=_add_coverage_arguments)
    return parser


def _add_coverage_arguments(p: _Parser) -> None:
    from .coverage import command

    command.add_arguments(p)


def _add_bookmark_commands(p: _Parser, common: _Parser) -> None:
    """`press-reader bookmarks list|export|add`."""
    from .export import FORMATS

    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser, required=True)
    a = actions.add_parser("list", parents=[common], help="every bookmark, of every folder, oldest first")
    a.add_argument("--json", action="store_true", help="print a JSON array")
    a = actions.add_parser("export", parents=[common], help="write every bookmark as CSV, Markdown or JSON")
    a.add_argument("--format", choices=FORMATS, required=True, help="csv, md or json")
    a.add_argument(
        "--output",
        metavar="FILE",
        help="write to FILE (replaced whole) rather than to stdout (-); "
        "never in the data dir, and over a file that is not an earlier export only with --force",
    )
    a.add_argument("--force", action="store_true", help="replace FILE even if it is not an earlier export")
    a = actions.add_parser("add", parents=[common], help="bookmark a passage of an article")
    a.add_argument(
        "--article", required=True, metavar="PATH", help="article file, or its path relative to the articles folder"
    )
    a.add_argument("--text", required=True, help="the passage, as in the article (spacing may differ)")
    a.add_argument("--note", default="", help="a note to keep with it")
    a.add_argument("--tag", action="append", default=[], dest="tags", metavar="TAG", help="a tag; repeat for more")
    a.add_argument("--json", action="store_true", help="print JSON")


def _hit_limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 (every hit) or more")
    return value


def main(argv: list[str] | None = None, window: Window | None = None) -> int:
    """Run one command; with none, open the `window` the launcher passes in. Every failure is one line."""
    try:
        args = build_parser().parse_args(argv)
        data = paths.data_dir(getattr(args, "data_dir", None))
        articles = Path(getattr(args, "articles", None) or paths.default_articles(data))
        if args.command is None:
            if window is None:
                raise UsageError("name a command (see press-reader --help)")
            return window(articles if hasattr(args, "articles") else None, data)
        return COMMANDS[args.command](args, data, articles)
    except ReaderError as exc:
        print(f"press-reader: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the user gets one line, never a traceback
        if os.environ.get("PRESS_READER_DEBUG"):
            raise
        print(f"press-reader: unexpected error: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return 1


def _open(data: Path, articles: Path) -> Library:
    from .library import Library

    library = Library(articles, data)
    if library.read_only:
        print(f"note: {library.read_only}: nothing is saved, and the index is built in memory", file=sys.stderr)
    return library


def cmd_index(args, data: Path, articles: Path) -> int:
    library = _open(data, articles)
    report = library.sync(rebuild=args.rebuild)
    analysis = None if args.no_analysis else library.analyze_all()
    _tell_notice(analysis)
    if args.json:
        out = report.to_json()
        if analysis:
            out["analysis"] = analysis.to_json()
        _print_json(out)
    else:
        if report.rebuilt:
            print(f"note: {report.rebuilt}", file=sys.stderr)
        print(
            f"{report.indexed} articles indexed ({report.updated} updated, {report.removed} removed, "
            f"{len(report.skipped)} skipped) in {report.seconds:.2f} s"
        )
        for s in report.skipped:
            print(f"  skipped {s.path}: {s.reason}")
        if analysis:
            print(
                f"{analysis.analyzed + analysis.cached} articles analyzed for quotes and entities "
                f"({analysis.analyzed} new, {analysis.cached} from the cache) in {analysis.seconds:.2f} s"
            )
    return EXIT_OK


def cmd_add(args, data: Path, articles: Path) -> int:
    """Import files and folders; exit 2 if any file was skipped, after the others are in."""
    from . import importing

    library = _open(data, articles)
    library.sync()  # what is in the folder already, so that copies of it are recognised
    imported = library.add(args.paths)
    report = library.sync() if imported.copied else None
    analysis = library.analyze_all() if report and not args.no_analysis else None
    _tell_notice(analysis)
    if args.json:
        out = imported.to_json()
        out["indexed"] = report.indexed if report else library.indexed_count()
        _print_json(out)
    else:
        for f in imported.files:
            print(f.line)
        indexed = f"; {report.indexed:,} {'article' if report.indexed == 1 else 'articles'} indexed" if report else ""
        print(imported.summary + indexed)
    return EXIT_BAD_INPUT if imported.count(importing.SKIPPED) else EXIT_OK


def _import_whoosh_lean() -> None:
    """Import Whoosh without the modules it imports and a search never uses: urllib.request (for
    `whoosh.compat.urlretrieve`, which Whoosh never calls) and asyncio (which the `cached_property` package asks
    only whether a function is a coroutine), a fifth of a search's imports, ~20 ms; and Whoosh's English
    morphology and Porter stemmer (for its `Variations` query and `StemFilter`, which the index's analysis does
    not use: it stems with Porter2), ~4 ms of regular expressions.

    Each is replaced by a stand-in while Whoosh is imported, then taken out of `sys.modules` again, so any
    later import gets the real module. Should the stand-ins not do, Whoosh is imported again as it is."""
    if "whoosh" in sys.modules:
        return
    import importlib
    import inspect
    import types

    stand_ins: dict[str, types.ModuleType] = {}
    if "urllib.request" not in sys.modules:
        stand_ins["urllib.request"] = types.ModuleType("urllib.request")
        stand_ins["urllib.request"].urlretrieve = _urlretrieve  # type: ignore[attr-defined]
    if "asyncio" not in sys.modules:
        stand_ins["asyncio"] = types.ModuleType("asyncio")
        stand_ins["asyncio"].iscoroutinefunction = inspect.iscoroutinefunction  # type: ignore[attr-defined]
    for name, attr, function in _UNUSED:
        stand_ins[name] = types.ModuleType(name)
        setattr(stand_ins[name], attr, function)
    sys.modules.update(stand_ins)
    try:
        # whoosh.compat imports urllib.request, whoosh.reading cached_property, which imports asyncio, whoosh.query
        # the morphology and whoosh.analysis the stemmer
        for name in ("whoosh.compat", "whoosh.reading", "whoosh.analysis", "whoosh.query"):
            importlib.import_module(name)
    except Exception:  # another version of either: as it is, with the real modules
        for name in [n for n in sys.modules if n.split(".")[0] in ("whoosh", "cached_property")]:
            del sys.modules[name]
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def _urlretrieve(*args, **kwargs):
    from urllib.request import urlretrieve

    return urlretrieve(*args, **kwargs)


def _variations(word):
    from whoosh.lang.morph_en import variations

    return variations(word)


def _porter_stem(word):
    from whoosh.lang.porter import stem

    return stem(word)


_UNUSED = (("whoosh.lang.morph_en", "variations", _variations), ("whoosh.lang.porter", "stem", _porter_stem))


def cmd_search(args, data: Path, articles: Path) -> int:
    # a search makes some 100,000 objects (its imports, a stamp per file) and frees them by reference counting:
    # the cyclic collector's passes over them found nothing and cost a tenth of its time at 10,000 articles
    collecting = gc.isenabled()
    gc.disable()
    _import_whoosh_lean()
    # NumPy, which ranks the hits, starts a thread per core for OpenBLAS as it is imported (~50 ms on two
    # cores), and a search multiplies no matrix; a value the user set is kept
    blas_set = _BLAS_THREADS in os.environ
    os.environ.setdefault(_BLAS_THREADS, "1")
    try:
        library = _open(data, articles)
        try:
            return _search(library, args)
        finally:
            library.close()  # the index keeps its searcher's files open between searches
    finally:
        if collecting:
            gc.enable()
        if not blas_set:
            os.environ.pop(_BLAS_THREADS, None)


def _search(library: Library, args) -> int:
    from .index import IndexDeleted
    from .up_to_date import bring_up_to_date

    # a search sees the folder as it is now; entity: and speaker: know only analysed articles
    analysing = "analyzing {} for quotes and entities first" if _NEEDS_ANALYSIS.search(args.query) else None
    report = bring_up_to_date(library, "searching", analysing).report
    try:
        result = library.search(args.query, limit=args.limit)
    except IndexDeleted:  # found damaged (or deleted) as it was read, and made again empty: fill it, search again
        report = library.sync()
        result = library.search(args.query, limit=args.limit)
    if args.json:
        _print_json(_search_json(library, result))
        return EXIT_OK
    if report and report.rebuilt:
        print(f"note: {report.rebuilt}", file=sys.stderr)
    if result.notice:
        print(f"note: {result.notice}", file=sys.stderr)
    print(f"{result.total} {'match' if result.total == 1 else 'matches'} for {result.query}")
    for n, hit in enumerate(result.hits, 1):
        print(f"{n:3}. {hit.title}  [{hit.date or 'no date'}]  {hit.article_id}")
        print(f"     {hit.snippet}")
    return EXIT_OK


def _search_json(library: Library, result: SearchResult) -> dict:
    """The result, each hit with its `matches`: the spans the reading pane lights for this search."""
    out = result.to_json()
    for hit, shown in zip(result.hits, out["hits"]):
        try:
            view = library.article_view(
                hit.article_id, result.words, result.names, analyze=False, phrases=result.phrases
            )
        except ReaderError:  # gone since the search: its hit is still worth listing
            shown["matches"] = []
            continue
        shown["matches"] = view.hits_json()
    return out


def cmd_show(args, data: Path, articles: Path) -> int:
    article = _open(data, articles).load(args.path)
    if args.json:
        _print_json(article.to_json())
        return EXIT_OK
    print(article.title)
    details = (article.date or "no date", article.source, article.id, "headline only" if article.headline_only else "")
    print(" · ".join(part for part in details if part))
    print()
    print(article.body)
    if article.captions:
        print()
        for c in article.captions:
            print(f"[photo] {c.line}")
    return EXIT_OK


def cmd_analyze(args, data: Path, articles: Path) -> int:
    from .model import BODY

    library = _open(data, articles)
    loaded = [library.load(path) for path in args.paths]  # a bad path fails before any work
    results = [(article, library.analysis(article)) for article in loaded]
    _tell_notice(library.analyzer)
    if args.json:
        _print_json([_analysis_json(library.resolve(p), a, an) for p, (a, an) in zip(args.paths, results)])
        return EXIT_OK
    for article, analysis in results:
        print(f"{article.title}  [{article.date or 'no date'}]  {article.id}")
        for q in analysis.in_part(BODY).quotes:
            who = q.speaker or ("(quoted term)" if q.kind == "term" else "(speaker unknown)")
            print(f"  quote  {who}: {_clip(q.text)}")
        for name, label in sorted({(e.canonical, e.label) for e in analysis.in_part(BODY).entities}):
            print(f"  {label:<7} {name}")
        print()
    return EXIT_OK


def cmd_bookmarks(args, data: Path, articles: Path) -> int:
    library = _open(data, articles)
    try:
        return BOOKMARK_ACTIONS[args.action](args, library)
    finally:
        library.close()


def cmd_coverage(args, data: Path, articles: Path) -> int:
    from .coverage import command

    return command.run_coverage(args, data, lambda: _open(data, articles))


def bookmarks_list(args, library: Library) -> int:
    library.reanchor_bookmarks()  # this folder's are checked against their articles first
    found = library.all_bookmarks()
    if args.json:
        _print_json([b.to_json() for b in found])
        return EXIT_OK
    if not found:
        print("No bookmarks yet.")
    for b in found:
        print(_bookmark_line(b))
    return EXIT_OK


def bookmarks_export(args, library: Library) -> int:
    from .bookmarks import BookmarkError
    from .export import STDOUT, NotAnExport, export, save

    library.reanchor_bookmarks()
    found = library.all_bookmarks()
    if args.output and args.output != STDOUT:
        try:
            save(found, args.format, Path(args.output).expanduser(), data_dir=library.data_dir, force=args.force)
        except NotAnExport as exc:
            raise BookmarkError(f"{exc} (--force replaces it)") from None
    else:
        sys.stdout.write(export(found, args.format))
    return EXIT_OK


def bookmarks_add(args, library: Library) -> int:
    bookmark = library.add_bookmark_text(args.article, args.text, note=args.note, tags=args.tags)
    _tell_notice(library.analyzer)
    if args.json:
        _print_json(bookmark.to_json())
    else:
        print(_bookmark_line(bookmark))
    return EXIT_OK


def _bookmark_line(b: Bookmark) -> str:
    """#id  "quote" — Speaker · Title (date) [status]"""
    from .bookmarks import OK
    from .export import plain_quote

    title = f"{b.title} ({b.date})" if b.date else b.title
    credit = " · ".join(part for part in (b.speaker, title) if part)
    status = f" [{b.status}]" if b.status != OK else ""
    return f'#{b.id}  "{_clip(plain_quote(b.exact), 80)}" — {credit}{status}'


def _analysis_json(path: Path, article, analysis) -> dict:
    from .model import BODY

    return {
        "path": str(path),
        "title": article.title,
        "date": article.date,
        "body": article.body,
        "quotes": [q.to_json() for q in analysis.in_part(BODY).quotes],
        "entities": [e.to_json() for e in analysis.in_part(BODY).entities],
    }


def _clip(text: str, chars: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= chars else text[: chars - 1] + "…"


def _tell_notice(source) -> None:
    """Say once, on stderr, that names are found from the built-in lists only."""
    notice = getattr(source, "notice", None)
    if notice:
        print(f"note: {notice}", file=sys.stderr)


_NEEDS_ANALYSIS = re.compile(r"\b(?:entity|speaker):")
COMMANDS = {
    "index": cmd_index,
    "add": cmd_add,
    "search": cmd_search,
    "show": cmd_show,
    "analyze": cmd_analyze,
    "bookmarks": cmd_bookmarks,
    "coverage": cmd_coverage,
}
BOOKMARK_ACTIONS = {"list": bookmarks_list, "export": bookmarks_export, "add": bookmarks_add}


def _print_json(value) -> None:
    import json

    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    sys.exit(main())
