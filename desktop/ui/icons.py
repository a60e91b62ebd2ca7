"""Toolbar icons from ``resources/icons/toolbar/*.svg``, drawn in the palette's text colours so they follow a
light or dark theme. The SVGs stroke with ``currentColor``, which Qt's SVG reader does not know: it is replaced
with the colour wanted before the image is read (through the ``svg`` image plugin, no QtSvg import)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QIcon, QImageReader, QPalette, QPixmap

from desktop.core.resources import resource_path

log = logging.getLogger(__name__)
SIZES = (16, 20, 24, 32, 48)


def svg_text(name: str) -> str:
    return resource_path("icons", "toolbar", f"{name}.svg").read_text(encoding="utf-8")


def _pixmap(svg: str, colour: str, size: int) -> QPixmap:
    data = QByteArray(svg.replace("currentColor", colour).encode("utf-8"))
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(QSize(size, size))
    image = reader.read()
    if image.isNull():
        log.warning("could not render an icon: %s", reader.errorString())
    return QPixmap.fromImage(image)


def themed_icon(name: str, palette: QPalette) -> QIcon:
    """``name``'s icon in the palette's button text colour; greyed when disabled, in the highlighted-text colour
    when checked (a checked tool button is filled with the highlight colour)."""
    try:
        svg = svg_text(name)
    except OSError as error:
        log.warning("icon %s missing: %s", name, error)
        return QIcon()
    group = QPalette.ColorGroup
    role = QPalette.ColorRole
    normal = palette.color(group.Active, role.ButtonText).name()
    disabled = palette.color(group.Disabled, role.ButtonText).name()
    checked = palette.color(group.Active, role.HighlightedText).name()
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(_pixmap(svg, normal, size), QIcon.Mode.Normal, QIcon.State.Off)
        icon.addPixmap(_pixmap(svg, checked, size), QIcon.Mode.Normal, QIcon.State.On)
        icon.addPixmap(_pixmap(svg, disabled, size), QIcon.Mode.Disabled, QIcon.State.Off)
        icon.addPixmap(_pixmap(svg, disabled, size), QIcon.Mode.Disabled, QIcon.State.On)
    return icon
