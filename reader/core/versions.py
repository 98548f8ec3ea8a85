"""The versions a bug report needs: Press Reader, Whoosh, spaCy and its model, Qt and Python.

Read from the installed packages' metadata, so that neither spaCy (about a second) nor Qt is imported to tell them.
"""

from __future__ import annotations

import os
import platform
from importlib import metadata

from .. import __version__
from .analysis.tagger import MODEL_ENV, NO_MODEL, available_model

NOT_INSTALLED = "not installed"


def installed(*distributions: str) -> str | None:
    """The version of the first of these distributions that is installed."""
    for name in distributions:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def model() -> str:
    """The spaCy model analysis would load, with its version, or "no model"."""
    name = available_model()
    if name is None:
        off = os.environ.get(MODEL_ENV) == NO_MODEL
        return f"no model (${MODEL_ENV}={NO_MODEL})" if off else "no model"
    return f"{name} {installed(name) or '(version unknown)'}"


def lines() -> list[str]:
    """One line per part, as `press-reader --version` prints them and Help › About shows them."""
    return [
        f"Press Reader {__version__}",
        f"Whoosh {installed('Whoosh-Reloaded', 'Whoosh') or NOT_INSTALLED}",
        f"spaCy {installed('spacy') or NOT_INSTALLED}, model: {model()}",
        # PySide6 is versioned as the Qt it is built on; the full PySide6 includes PySide6-Essentials
        f"Qt {installed('PySide6-Essentials', 'PySide6') or NOT_INSTALLED} (PySide6)",
        f"Python {platform.python_version()} ({platform.python_implementation()}, {platform.platform(terse=True)})",
    ]
