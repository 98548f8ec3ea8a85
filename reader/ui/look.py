"""The app's look: Fusion, the stylesheet and icon from resources/, and state-driven restyling."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from ..core.paths import shipped

RESOURCES = shipped("resources")


def apply_look(app: QApplication) -> None:
    app.setStyle("Fusion")
    icon = RESOURCES / "icon.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    style = RESOURCES / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text("utf-8"))


def set_kind(widget: QWidget, kind: str) -> None:
    """Set the `kind` property the stylesheet keys on (error, info, …) and restyle the widget."""
    widget.setProperty("kind", kind)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def plain_tip(text: str) -> str:
    """`text` as a tooltip that shows it as written.

    Qt renders a tooltip as HTML whenever it merely looks like HTML (a tag or '&lt;' on its first line),
    so an article titled '<img src=…>' would be interpreted; escaped HTML is shown as the text it escapes.
    """
    return QtGui.Qt.convertFromPlainText(text, QtGui.Qt.WhiteSpaceMode.WhiteSpaceNormal)
