"""Finding the article files of a folder by their names and stat alone, and saying why any are skipped."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from . import formats
from .corrections import SIDECAR_SUFFIX, sidecar
from .files import not_a_file, os_reason

TEXT_SUFFIXES = (".txt", ".md")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + formats.SUFFIXES
NAME_NOT_UTF8 = "its name is not valid UTF-8: rename it to index it"
LINK_LEAVES = "a link to outside the folder: not followed"
# what a folder holds besides articles and is not the user's to hear about: the system's thumbnail caches and
# folder settings (hidden on the system that makes them), Office's lock files ("~$report.docx")
_HOUSEKEEPING = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r"})


@dataclass(frozen=True)
class ArticleFile:
    """What a directory scan knows about an article file without reading it."""

    id: str
    path: Path
    size: int
    mtime_ns: int


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
    """Every article file under `root`, at any depth, by stat alone; unusable entries go to `skipped`."""
    root = Path(root)
    real_root = Path(os.path.realpath(root))
    result = Scan()
    for dirpath, dirnames, filenames in os.walk(root, onerror=None, followlinks=False):
        here = Path(dirpath)
        for name in (d for d in dirnames if is_undecodable(d) and not d.startswith(".")):
            result.skipped.append(Skipped(readable_name(relative_id(here / name, root)) + "/", NAME_NOT_UTF8))
        for name in (d for d in dirnames if not d.startswith(".") and not is_undecodable(d)):
            if link_leaves(here / name, real_root):  # never walked: said, as a file link's would be
                result.skipped.append(Skipped(relative_id(here / name, root) + "/", LINK_LEAVES))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not is_undecodable(d))
        result.folders.append(here)
        for name in dirnames:
            if is_article_name(name):
                result.skipped.append(Skipped(relative_id(here / name, root), "is a directory, not a file"))
        present = set(filenames)
        resources = in_page_resources(here, root)
        for name in sorted(filenames):
            if not is_article_name(name):
                if not resources and not is_aside(name, present):  # listed, never silently left out
                    result.skipped.append(Skipped(readable_name(relative_id(here / name, root)), unsupported(name)))
                continue
            path = here / name
            if is_undecodable(name):
                result.skipped.append(Skipped(readable_name(relative_id(path, root)), NAME_NOT_UTF8))
                continue
            if link_leaves(path, real_root):
                result.skipped.append(Skipped(relative_id(path, root), LINK_LEAVES))
                continue
            try:
                st = path.stat()
            except OSError as exc:
                result.skipped.append(Skipped(relative_id(path, root), os_reason(exc, path)))
                continue
            if not stat.S_ISREG(st.st_mode):  # a pipe would block the reader, a device never end
                result.skipped.append(Skipped(relative_id(path, root), not_a_file(st.st_mode)))
                continue
            size, mtime_ns = st.st_size, st.st_mtime_ns
            if name + SIDECAR_SUFFIX in present:  # corrections count as a change of the article
                try:
                    side = sidecar(path).stat()
                    size, mtime_ns = size + side.st_size, max(mtime_ns, side.st_mtime_ns)
                except OSError:
                    pass
            result.files.append(ArticleFile(relative_id(path, root), path, size, mtime_ns))
    return result


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
