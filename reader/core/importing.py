"""Bringing articles into the library folder: files and folders copied in whole, and pasted text saved."""

from __future__ import annotations

import datetime as _dt
import os
import re
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import paths
from .articles import load_file
from .corrections import DetailsError, checked_date, has_sidecar, sidecar
from .files import ArticleError, os_reason
from .formats.text import parse
from .model import ENTRY_MARK, Article, split_id
from .scanning import (
    LINK_LEAVES,
    in_page_resources,
    inside,
    is_article_name,
    is_aside,
    link_leaves,
    readable_name,
    unsupported,
)

IMPORTED, DUPLICATE, SKIPPED = "imported", "duplicate", "skipped"
PASTED_SOURCE = "Pasted"
NAME_CHARS = 60  # of a pasted article's file name, made from its title


@dataclass(frozen=True)
class Imported:
    """What became of one file given to `add`."""

    path: str  # as given, or found in a folder given
    status: str  # IMPORTED, DUPLICATE or SKIPPED
    article_id: str | None = None  # the library file it was copied to
    of: str | None = None  # the library article it is a copy of
    reason: str | None = None  # why it was skipped

    @property
    def line(self) -> str:
        """One line for the user: `path: imported as x`, `…: duplicate of y`, `…: skipped (why)`."""
        if self.status == SKIPPED:
            return f"{self.path}: skipped ({self.reason})"
        if self.status == DUPLICATE:
            kept = f"; kept as {self.article_id}, listed with it" if self.article_id else "; not copied"
            return f"{self.path}: duplicate of {self.of}{kept}"
        return f"{self.path}: imported as {self.article_id}"

    def to_json(self) -> dict:
        out = {"path": self.path, "status": self.status}
        for name in ("article_id", "of", "reason"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        return out


@dataclass
class ImportReport:
    files: list[Imported] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(f.status == status for f in self.files)

    @property
    def copied(self) -> int:
        """Files now in the library folder that were not before."""
        return sum(f.article_id is not None for f in self.files)

    @property
    def summary(self) -> str:
        parts = [f"{self.count(IMPORTED):,} imported"]
        if self.count(DUPLICATE):
            parts.append(f"{self.count(DUPLICATE):,} {'duplicate' if self.count(DUPLICATE) == 1 else 'duplicates'}")
        if self.count(SKIPPED):
            parts.append(f"{self.count(SKIPPED):,} skipped")
        return ", ".join(parts)

    def to_json(self) -> dict:
        return {
            "imported": self.count(IMPORTED),
            "duplicates": self.count(DUPLICATE),
            "skipped": self.count(SKIPPED),
            "files": [f.to_json() for f in self.files],
        }


@dataclass
class Known:
    """The library's articles as the index has them: copies are recognised by text, identical files by bytes."""

    by_fingerprint: dict[str, str] = field(default_factory=dict)  # fingerprint → article id
    by_hash: dict[str, str] = field(default_factory=dict)  # content hash of a whole file → its id

    def remember(self, found: list[Article], file_id: str) -> None:
        """The articles of a file just copied in as `file_id`, so later files of the batch are compared too."""
        for article in found:
            key = split_id(article.id)[1]
            if key is None:  # a feed's entries are hashed one by one, not as the file's bytes
                self.by_fingerprint.setdefault(article.fingerprint, file_id)
                self.by_hash.setdefault(article.content_hash, file_id)
            else:
                self.by_fingerprint.setdefault(article.fingerprint, f"{file_id}{ENTRY_MARK}{key}")


def candidates(paths: Iterable[Path | str]) -> list[tuple[Path, Path, Path | None]]:
    """(file, folder its library place is relative to, the folder given it was found in or None) for each
    file given and each file in a folder given, at any depth: those that are no articles are there to be
    listed as skipped. Hidden and system files, corrections sidecars (which come with their article) and
    a saved page's resources ("page_files/") are left out."""
    out: list[tuple[Path, Path, Path | None]] = []
    for given in paths:
        path = Path(given).expanduser()
        if not path.is_dir():
            out.append((path, path.parent, None))
            continue
        real = Path(os.path.realpath(path))
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            here, present = Path(dirpath), set(filenames)
            resources = in_page_resources(here, path)
            out.extend(
                (here / name, path.parent, real)
                for name in sorted(filenames)
                if is_article_name(name) or not (resources or is_aside(name, present))
            )
    return out


def add(
    root: Path, paths: Iterable[Path | str], known: Known, progress: Callable[[int, int], None] | None = None
) -> ImportReport:
    """Copy article files into the library folder `root`, each keeping its format and its folder's name.

    A file whose bytes are already in the library is not copied again; one with the text of a library
    article (the same story from another outlet, or saved in another format) is copied and reported as
    its duplicate, and the list shows the two as one. A name already taken gets " (2)", " (3)"….
    """
    root = Path(root).resolve()
    report = ImportReport()
    todo: dict[Path, tuple[Path, Path, Path | None]] = {}  # a file given twice, or also in a folder given, once
    for path, base, folder in candidates(paths):
        if folder is not None and link_leaves(path, folder):  # e.g. to ~/.ssh, from an archive
            report.files.append(Imported(readable_name(str(path)), SKIPPED, reason=LINK_LEAVES))
            continue
        todo.setdefault(path.resolve(), (path, base, folder))
    for done, (path, base, _) in enumerate(todo.values(), 1):
        report.files.append(_add_one(root, path, base, known))
        if progress:
            progress(done, len(todo))
    return report


def _add_one(root: Path, path: Path, base: Path, known: Known) -> Imported:
    shown = readable_name(str(path))
    if not path.exists() and not path.is_symlink():
        return Imported(shown, SKIPPED, reason="no such file or folder")
    if path.name.startswith("."):
        return Imported(shown, SKIPPED, reason="a hidden file")
    if not is_article_name(path.name):
        return Imported(shown, SKIPPED, reason=unsupported(path.name))
    if inside(path, root):
        return Imported(shown, SKIPPED, reason="already in the library folder")
    try:
        found = load_file(path, path.parent)
    except ArticleError as exc:
        return Imported(shown, SKIPPED, reason=exc.reason)
    whole = found[0].content_hash if found[0].id == found[0].file_id else None  # else a feed's entries
    same_file = known.by_hash.get(whole) if whole else None
    if same_file:
        return Imported(shown, DUPLICATE, of=same_file)
    copies = [known.by_fingerprint.get(a.fingerprint) for a in found]
    try:
        # a name that is not UTF-8 is copied in under its readable name, which the library can index
        dest = copy_in(path, root / readable_name(str(path.relative_to(base))))
    except OSError as exc:
        return Imported(shown, SKIPPED, reason=f"could not copy it: {os_reason(exc)}")
    article_id = dest.relative_to(root).as_posix()
    known.remember(found, article_id)
    if all(copies):
        return Imported(shown, DUPLICATE, article_id=article_id, of=copies[0])
    return Imported(shown, IMPORTED, article_id=article_id)


def copy_in(source: Path, dest: Path) -> Path:
    """Copy `source` to `dest`, or to "name (2).ext" and so on if that is taken; returns where it went.

    The copy is made under a hidden name and then linked into place, so the library never shows half a
    file and two imports never take the same name. Its corrections sidecar comes with it.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = paths.temporary_beside(dest)
    shutil.copy2(source, tmp)
    try:
        final = _link_unique(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    if has_sidecar(source) and sidecar(source).is_file():
        shutil.copy2(sidecar(source), sidecar(final))
    return final


def _link_unique(tmp: Path, dest: Path) -> Path:
    for n in range(1, 10_000):
        target = dest if n == 1 else dest.with_name(f"{dest.stem} ({n}){dest.suffix}")
        if has_sidecar(target):  # a correction left by a deleted file would apply to it
            continue
        try:
            os.link(tmp, target)
            return target
        except FileExistsError:
            continue
        except OSError:  # no hard links on this file system: an exclusive create does the same
            try:
                with open(target, "xb") as out, open(tmp, "rb") as src:
                    shutil.copyfileobj(src, out)
                shutil.copystat(tmp, target)
                return target
            except FileExistsError:
                continue
    raise FileExistsError(f"no free name for {dest.name}")


def save_pasted(root: Path, text: str, title: str, source: str = "", date: str = "") -> Path:
    """Save pasted text as a new article file of the library, named after its title; returns its path.

    The details go in a header the article parser reads (`Title:`, `Source:`, `Date:`), so the file is
    an ordinary text article that any editor can open.
    """
    body = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not body:
        raise DetailsError("there is no text to make an article of")
    title = " ".join(title.split()) or parse(body).title
    date = checked_date(date)
    header = [f"Title: {title}", f"Source: {' '.join(source.split()) or PASTED_SOURCE}"]
    if date:
        header.append(f"Date: {date}")
    name = _file_name(title)
    tmp = paths.temporary_beside(Path(root) / f"{name}.txt")
    try:
        tmp.write_text("\n".join(header) + "\n\n" + body + "\n", encoding="utf-8")
        try:
            return _link_unique(tmp, Path(root) / f"{name}.txt")
        finally:
            tmp.unlink(missing_ok=True)
    except OSError as exc:
        raise DetailsError(f"cannot save the article in {root}: {os_reason(exc)}") from None


def _file_name(title: str) -> str:
    """A portable file name from a title: letters, digits and single dashes."""
    slug = re.sub(r"[^\w]+", "-", title.casefold()).strip("-_")[:NAME_CHARS].rstrip("-_")
    return slug or f"pasted-{_dt.date.today().isoformat()}"
