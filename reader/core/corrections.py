"""The user's corrections of an article's details (title, date, source), kept in a sidecar beside its file."""

from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path
from typing import Any

from .errors import ReaderError
from .files import ArticleError, os_reason, read_regular
from .formats.dates import is_iso_date
from .formats.text import shorten
from .model import Article, split_id
from .paths import temporary_beside
from .scanning import SIDECAR_SUFFIX

MAX_SIDECAR_BYTES = 1024 * 1024  # a corrections file is a few lines
CORRECTABLE = ("title", "date", "source")


class DetailsError(ReaderError):
    """An article's details (title, date, source) that cannot be saved; the message is one line for the user."""


def sidecar(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def has_sidecar(path: Path) -> bool:
    """Whether something is where `path`'s corrections file would be; never when the name is too long."""
    try:
        return sidecar(path).exists()
    except OSError:  # e.g. ENAMETOOLONG: a 255-byte name leaves no room for ".meta.json"
        return False


def checked_date(value: str | None) -> str:
    """`value` as a YYYY-MM-DD date, or "" when empty; DetailsError when it is not a date."""
    value = (value or "").strip()
    if value and not (re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) and is_iso_date(value)):
        raise DetailsError(f"“{shorten(value, 30)}” is not a date; write it as YYYY-MM-DD")
    return value


def read_corrections(path: Path) -> dict[str, dict[str, str]]:
    """The user's corrections of the file's articles, by entry key ("" for a file of one article).

    A sidecar that cannot be read or understood counts as none: the article shows as the file has it.
    """
    try:
        raw = json.loads(read_regular(sidecar(path), MAX_SIDECAR_BYTES).decode("utf-8"))
    except (ArticleError, ValueError):  # missing, not a file, or not JSON
        return {}
    if not isinstance(raw, dict):
        return {}
    entries = raw.get("entries")
    if not isinstance(entries, dict):
        entries = {}
    out = {key: _valid_corrections(fields) for key, fields in entries.items() if isinstance(fields, dict)}
    out[""] = _valid_corrections(raw)
    return {k: v for k, v in out.items() if v}


def _valid_corrections(fields: dict) -> dict[str, str]:
    out = {}
    for name in CORRECTABLE:
        value = fields.get(name)
        if isinstance(value, str) and value.strip():
            value = " ".join(value.split())
            if name != "date" or is_iso_date(value):
                out[name] = value[:10] if name == "date" else value
    return out


def save_corrections(article: Article, **values: str | None) -> Path:
    """Save corrections of the article's title, date or source beside its file; the file is untouched.

    A value of "" or None drops that correction (the file's own value shows again). The sidecar is
    replaced whole, through a temporary file, so a crash leaves the old one or the new one.
    """
    unknown = set(values) - set(CORRECTABLE)
    if unknown:
        raise DetailsError(f"only {', '.join(CORRECTABLE)} can be corrected, not {', '.join(sorted(unknown))}")
    if "date" in values:
        values["date"] = checked_date(values["date"])
    path, key = Path(article.path), split_id(article.id)[1] or ""
    side = sidecar(path)
    if has_sidecar(path):
        try:
            raw = json.loads(read_regular(side, MAX_SIDECAR_BYTES).decode("utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("not an object")
        except ArticleError as exc:  # never overwrite what the user may have written by hand
            raise DetailsError(
                f"the corrections file {side.name} cannot be read ({exc.reason}); fix or delete it first"
            ) from None
        except ValueError as exc:
            raise DetailsError(
                f"the corrections file {side.name} cannot be read ({exc}); fix or delete it first"
            ) from None
    else:
        raw = {}
    target = raw.setdefault("entries", {}).setdefault(key, {}) if key else raw
    for name, value in values.items():
        value = " ".join((value or "").split())
        if value:
            target[name] = value
        else:
            target.pop(name, None)
    if key and not target:
        del raw["entries"][key]
    if "entries" in raw and not raw["entries"]:
        del raw["entries"]
    try:
        if not raw:
            side.unlink(missing_ok=True)
        else:
            tmp = temporary_beside(side)
            tmp.write_text(json.dumps(raw, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            os.replace(tmp, side)
    except OSError as exc:
        raise DetailsError(f"cannot save the corrections beside {path.name}: {os_reason(exc)}") from None
    return side


def with_corrections(article: Article, corrections: dict[str, str]) -> Article:
    if not corrections:
        return article
    # the keys are among CORRECTABLE, text fields of Article: `_valid_corrections` keeps no others
    changes: dict[str, Any] = {**corrections, "corrected": frozenset(corrections)}
    return dataclasses.replace(article, **changes)
