"""Finding the article files of a folder by their names and stat alone, and saying why any are skipped."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from . import formats
from .files import not_a_file, os_reason

TEXT_SUFFIXES = (".txt", ".md")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + formats.SUFFIXES
NAME_NOT_UTF8 = "its name is not valid UTF-8: rename it to index it"
LINK_LEAVES = "a link to outside the folder: not followed"
SIDECAR_SUFFIX = ".meta.json"  # "report.pdf.meta.json": the user's corrections of report.pdf's details (corrections.py)
# what a folder holds besides articles and is not the user's to hear about: the system's thumbnail caches and
# folder settings (hidden on the system that makes them), Office's lock files ("~$report.docx")
_HOUSEKEEPING = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r"})


class ArticleFile(NamedTuple):  # a tuple: a scan makes one for each of 10,000 files before a search answers
    """What a directory scan knows about an article file without reading it."""

    id: str
    size: int
    mtime_ns: int
    folder: Path  # the folder it is in: its path is made when asked for, not for each of 10,000 files scanned

    @property
    def path(self) -> Path:
        return self.folder / self.id.rpartition("/")[2]


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str

    def to_json(self) -> dict:
        return {"path": self.path, "reason": self.reason}


@dataclass
class Scan:
    files: list[ArticleFile] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)  # every folder walked, the root first


def readable_name(name: str) -> str:
    """A file name as a person reads it: a name that is not valid UTF-8 (made on Windows or an older Mac,
    say) has its bytes read as cp1252, as a text file's are."""
    if not is_undecodable(name):
        return name
    return os.fsencode(name).decode("cp1252", errors="replace")


def is_undecodable(name: str) -> bool:
    """Whether the OS gave this name as bytes that are not UTF-8 (Python keeps them as lone surrogates,
    which no index, database or terminal takes)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def is_article_name(name: str) -> bool:
    return not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES)


def unsupported(name: str) -> str:
    """Why a file of another kind is not read: "not a supported format (.docx)"."""
    suffix = Path(name).suffix.lower() if "." in name.strip(".") else ""
    return f"not a supported format ({suffix or 'no file name extension'})"


def is_aside(name: str, present: set[str]) -> bool:
    """Whether a file that is no article goes unmentioned: a hidden or system file, or the corrections
    sidecar of an article beside it (`present`: the names in its folder)."""
    if name.startswith((".", "~$")) or name.lower() in _HOUSEKEEPING:
        return True
    return name.endswith(SIDECAR_SUFFIX) and name[: -len(SIDECAR_SUFFIX)] in present


def in_page_resources(folder: Path, root: Path) -> bool:
    """Whether `folder` (under `root`) holds a saved web page's images, styles and scripts: it is, or is in,
    "page_files" beside "page.html", as browsers save them. Their files are no articles, nor worth listing."""
    for place in (folder, *folder.parents):
        if place == root or root not in place.parents:
            return False
        stem = place.name[: -len("_files")] if place.name.endswith("_files") else ""
        if stem and any((place.parent / f"{stem}{suffix}").is_file() for suffix in (".html", ".htm", ".xhtml")):
            return True
    return False


def scan(root: Path) -> Scan:
    """Every article file under `root`, at any depth, by stat alone; unusable entries go to `skipped`.

    One listing of each folder and one stat of each article file (a link's own kind comes with the
    listing): a search from the command line checks a folder of 10,000 files this way before it answers.
    """
    root = Path(root)
    real_root = Path(os.path.realpath(root))
    result = Scan()
    todo: list[tuple[Path, str]] = [(root, "")]  # (folder, its id prefix), walked top-down as os.walk does
    while todo:
        here, prefix = todo.pop()
        listed = _listing(here)
        if listed is None:  # unreadable, or gone since its parent was listed: as os.walk, left out
            continue
        folders, others = listed
        result.folders.append(here)
        walked = _folders(folders, prefix, real_root, result)
        todo.extend((here / name, f"{prefix}{name}/") for name in reversed(walked))
        _files(here, prefix, others, in_page_resources(here, root), real_root, result)
    return result


def _listing(folder: Path) -> tuple[list[os.DirEntry], list[os.DirEntry]] | None:
    """The folder's (sub folders, other entries), each by name, as os.walk splits them; None if unlistable."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=_NAME)
    except OSError:
        return None
    folders: list[os.DirEntry] = []
    others: list[os.DirEntry] = []
    for entry in entries:
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        (folders if is_folder else others).append(entry)
    return folders, others


def _folders(entries: list[os.DirEntry], prefix: str, real_root: Path, result: Scan) -> list[str]:
    """Says which sub folders are skipped and why; returns the names of those to walk."""
    shown = [e for e in entries if not e.name.startswith(".")]
    for e in shown:
        if is_undecodable(e.name):
            result.skipped.append(Skipped(readable_name(prefix + e.name) + "/", NAME_NOT_UTF8))
    shown = [e for e in shown if not is_undecodable(e.name)]
    for e in shown:
        if _leaves(e, real_root):  # never walked: said, as a file link's would be
            result.skipped.append(Skipped(prefix + e.name + "/", LINK_LEAVES))
    for e in shown:
        if is_article_name(e.name):
            result.skipped.append(Skipped(prefix + e.name, "is a directory, not a file"))
    return [e.name for e in shown if not e.is_symlink()]


def _files(here: Path, prefix: str, entries: list[os.DirEntry], resources: bool, real_root: Path, result: Scan) -> None:
    """The article files among a folder's entries, with their size and time; the others said or left aside.

    `resources`: the folder holds a saved page's files, which are left out unsaid. Run for every file of the
    folder before a search answers: the checks are inlined, the cheapest first."""
    present = {e.name for e in entries}
    with_sidecars = any(name.endswith(SIDECAR_SUFFIX) for name in present)
    files, skipped = result.files, result.skipped
    new = tuple.__new__  # ArticleFile(...) without its __new__'s Python frame
    for entry in entries:
        name = entry.name
        if name[0] == "." or not name.lower().endswith(ARTICLE_SUFFIXES):  # not is_article_name(name)
            if not resources and not is_aside(name, present):  # listed, never silently left out
                skipped.append(Skipped(readable_name(prefix + name), unsupported(name)))
            continue
        if not name.isascii() and is_undecodable(name):
            skipped.append(Skipped(readable_name(prefix + name), NAME_NOT_UTF8))
            continue
        if entry.is_symlink() and link_leaves(Path(entry.path), real_root):  # _leaves(entry, real_root)
            skipped.append(Skipped(prefix + name, LINK_LEAVES))
            continue
        try:
            st = entry.stat()
        except OSError as exc:
            skipped.append(Skipped(prefix + name, os_reason(exc, here / name)))
            continue
        if not stat.S_ISREG(st.st_mode):  # a pipe would block the reader, a device never end
            skipped.append(Skipped(prefix + name, not_a_file(st.st_mode)))
            continue
        size, mtime_ns = st.st_size, st.st_mtime_ns
        if with_sidecars and name + SIDECAR_SUFFIX in present:  # corrections count as a change of the article
            try:
                side = os.stat(entry.path + SIDECAR_SUFFIX)
                size, mtime_ns = size + side.st_size, max(mtime_ns, side.st_mtime_ns)
            except OSError:
                pass
        files.append(new(ArticleFile, (prefix + name, size, mtime_ns, here)))


_NAME = attrgetter("name")


def _leaves(entry: os.DirEntry, real_root: Path) -> bool:
    """`link_leaves` for a listed entry: whether it is a link is known from the listing, with no stat."""
    return entry.is_symlink() and link_leaves(Path(entry.path), real_root)


def link_leaves(path: Path, real_root: Path) -> bool:
    """Whether `path` is a symbolic link to somewhere outside the folder `real_root` (its real path).

    Such a link is never followed: in a folder unpacked from an archive it could reach any file of the
    user's (`~/.ssh`, say) and make it an article. A link loop or a broken link is left to the reading.
    """
    if not os.path.islink(path):
        return False
    target = Path(os.path.realpath(path))
    return target != real_root and real_root not in target.parents


def inside(path: Path, root: Path) -> bool:
    """Whether `path` is in the folder `root` (resolved), at any depth."""
    try:
        Path(path).resolve().relative_to(root)
    except ValueError:
        return False
    return True


def relative_id(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()
