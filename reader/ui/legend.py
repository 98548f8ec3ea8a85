"""The reading pane's legend: one checkbox per layer of marks, in that layer's colour, with its count."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QCheckBox, QLayout, QLayoutItem, QWidget

from ..core.view import LAYERS

SHORT_NAMES = {"orgs": "Organisations & sponsors", "term": "Quoted terms"}


class Legend(QWidget):
    layers_changed = Signal(frozenset)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("legend")
        layout = FlowLayout(self, spacing=14)
        layout.setContentsMargins(12, 6, 12, 6)
        self.boxes: dict[str, QCheckBox] = {}
        for layer in LAYERS:
            box = QCheckBox(SHORT_NAMES.get(layer.key, layer.name).replace("&", "&&"))
            box.setObjectName(f"layer-{layer.key}")
            box.setChecked(True)
            box.setToolTip(f"Show {layer.name.lower()} in the article")
            box.toggled.connect(self._changed)
            layout.addWidget(box)
            self.boxes[layer.key] = box
        self._paint_swatches()

    def layers(self) -> frozenset[str]:
        return frozenset(key for key, box in self.boxes.items() if box.isChecked())

    def set_layers(self, layers) -> None:
        for key, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(key in layers)
            box.blockSignals(False)
        self.layers_changed.emit(self.layers())

    def set_counts(self, counts: dict[str, int] | None) -> None:
        """Show how many of each layer the article has; None when it has not been analyzed."""
        for layer in LAYERS:
            name = SHORT_NAMES.get(layer.key, layer.name)
            n = counts.get(layer.key) if counts is not None else None
            name = name.replace("&", "&&")  # not a mnemonic
            self.boxes[layer.key].setText(f"{name} {n}" if n else name)
            self.boxes[layer.key].setEnabled(counts is None or bool(n))

    def _changed(self) -> None:
        self.layers_changed.emit(self.layers())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._paint_swatches()

    def _paint_swatches(self) -> None:
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        for layer in LAYERS:
            self.boxes[layer.key].setIcon(_swatch(QColor(layer.dark if dark else layer.light), layer.kind))
            self.boxes[layer.key].setIconSize(QSize(12, 12))


def _swatch(colour: QColor, kind: str) -> QIcon:
    pix = QPixmap(24, 24)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen if kind == "text" else colour.darker(160))
    p.setBrush(colour)
    if kind == "text":
        p.drawEllipse(QRectF(3, 3, 18, 18))
    else:
        p.drawRoundedRect(QRectF(2, 2, 20, 20), 5, 5)
    p.end()
    return QIcon(pix)


class FlowLayout(QLayout):
    """Lays widgets out left to right, wrapping onto more rows when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, i: int) -> QLayoutItem | None:
        return self._items[i] if 0 <= i < len(self._items) else None

    def takeAt(self, i: int) -> QLayoutItem | None:
        return self._items.pop(i) if 0 <= i < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self._spacing // 2, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()
