"""Watching a name from the reading pane: "Watch X" in a name's menu follows it at once, with a kind guessed from
what the analysis says of it and its aliases from the built-in lists; Edit › Undo takes it back."""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.analysis.gazetteer import Entry, Gazetteer
from ..core.coverage.watchlist import ORGANISATION, PERSON, PROPERTY, SPONSOR, Watched, Watchlist
from .reading_pane import ReadingPane
from .session import LibrarySession

SPONSORISH = re.compile(r"\b(sponsor|partner|supplier|naming rights)", re.IGNORECASE)
KIND_OF_LABEL = {"PERSON": PERSON, "EVENT": PROPERTY, "FAC": PROPERTY}  # ORG: a sponsor or an organisation


@cache
def _listed() -> tuple[dict[str, Entry], frozenset[str]]:
    """The built-in lists by name, and the built-in sponsors' names (read once, on the first Watch)."""
    return Gazetteer.load().by_name, frozenset(w.name for w in Watchlist.built_in())


def guess(name: str, label: str, note: str) -> Watched:
    """What watching `name` follows: its kind from its entity label (an ORG is a sponsor if the built-in lists
    call it one), with the listed aliases."""
    entries, sponsors = _listed()
    entry = entries.get(name)
    note = note or (entry.note if entry else "")
    label = label or (entry.label if entry else "")
    kind = KIND_OF_LABEL.get(label, ORGANISATION)
    if label == "ORG" and (name in sponsors or SPONSORISH.search(note)):
        kind = SPONSOR
    return Watched(name, kind, entry.aliases if entry else ())


class WatchName(QUndoCommand):
    def __init__(self, session: LibrarySession, watched: Watched):
        super().__init__(f"Watch {watched.name}")
        self.session, self.watched = session, watched

    def redo(self) -> None:
        self.session.watch(self.watched)

    def undo(self) -> None:
        self.session.unwatch(self.watched.name)


class Watching(QObject):
    """Gives the pane's name menu its "Watch X" entry; `status` says what was watched."""

    status = Signal(str, bool, bool)  # a line for the status bar: text, error, hold (it confirms the user's action)

    def __init__(self, session: LibrarySession, pane: ReadingPane, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.session, self.undo_stack = session, undo_stack
        pane.mouse.watched = lambda name: session.watchlist.find(name) is not None
        pane.mouse.watch = self.watch

    def watch(self, name: str, label: str = "", note: str = "") -> None:
        watched = guess(name, label, note)
        self.undo_stack.push(WatchName(self.session, watched))
        kind = ("an " if watched.kind[0] in "aeiou" else "a ") + watched.kind
        self.status.emit(
            f"Watching {name} as {kind} (Edit › Undo takes it back; Edit › Watchlist… edits it)", False, True
        )
