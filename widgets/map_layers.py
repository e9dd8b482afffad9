"""Vector layers of the grid map: many shapes per item, each painted with a few cached paths.

A QGraphicsItem per grid costs the scene a bounding-rect test, a paint call and painter state
changes per grid on every repaint; here a whole level of polygons is one item that fills one
precomputed path per colour bin, so a repaint is a handful of painter calls and recolouring only
regroups the cached polygons. Geometry is in metres (the street's projection), never lon/lat.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPolygonF
from shapely.geometry.base import BaseGeometry


def rings(geometry: BaseGeometry) -> list[QPolygonF]:
    """The exterior and interior rings of a (multi)polygon as closed Qt polygons."""
    polygons: list[QPolygonF] = []
    parts = geometry.geoms if hasattr(geometry, "geoms") else [geometry]
    for part in parts:
        if part.is_empty or part.geom_type != "Polygon":
            continue
        for ring in (part.exterior, *part.interiors):
            coords = np.asarray(ring.coords)
            polygons.append(QPolygonF([QPointF(x, y) for x, y in coords[:, :2]]))
    return polygons


def lines(geometry: BaseGeometry) -> list[QPolygonF]:
    """The parts of a (multi)line string as open Qt polylines."""
    parts = geometry.geoms if hasattr(geometry, "geoms") else [geometry]
    return [QPolygonF([QPointF(x, y) for x, y in np.asarray(p.coords)[:, :2]]) for p in parts if not p.is_empty]


def path_of(polygons: Sequence[QPolygonF], closed: bool = True) -> QPainterPath:
    """One path holding every polygon (odd-even fill, so holes stay holes)."""
    path = QPainterPath()
    for polygon in polygons:
        if closed:
            path.addPolygon(polygon)
            path.closeSubpath()
        else:
            path.moveTo(polygon[0])
            for i in range(1, polygon.size()):
                path.lineTo(polygon[i])
    return path


def cosmetic_pen(color: QColor | str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A pen whose width is in screen pixels whatever the zoom."""
    pen = QPen(QColor(color), width, style)
    pen.setCosmetic(True)
    return pen


class Layer:
    """Something :class:`BaseMapItem` paints into its cached image; tells the item when it changed."""

    def __init__(self) -> None:
        self.visible = True
        self._owner: BaseMapItem | None = None

    def bounds(self) -> QRectF:
        raise NotImplementedError

    def paint(self, painter: QPainter) -> None:
        raise NotImplementedError

    def set_visible(self, visible: bool) -> None:
        self.visible = visible
        self.changed()

    def changed(self) -> None:
        if self._owner is not None:
            self._owner.invalidate()


class AreaLayer(Layer):
    """All shown areas of one level: filled by colour bin, outlined, one highlighted.

    Owns the areas' Qt polygons (built once per :meth:`set_areas`), one path per colour bin
    (regrouped by :meth:`set_bins`, the cheap recolour) and the outline path.
    """

    def __init__(self) -> None:
        super().__init__()
        self._ids: list[str] = []
        self._polygons: list[list[QPolygonF]] = []
        self._bin_paths: list[QPainterPath] = []
        self._brushes: list[QBrush] = []
        self._outline = QPainterPath()
        self._outline_pen = cosmetic_pen("#808080", 1.0)
        self._highlight = QPainterPath()
        self._highlight_pen = cosmetic_pen("#000000", 3.0)
        self._rect = QRectF()

    @property
    def ids(self) -> list[str]:
        """Ids of the shown areas, in the order given to :meth:`set_areas`."""
        return list(self._ids)

    @property
    def outline_pen(self) -> QPen:
        return self._outline_pen

    def polygons(self, area_id: str) -> list[QPolygonF]:
        """The rings of one shown area."""
        return self._polygons[self._ids.index(area_id)]

    def set_areas(self, ids: Sequence[str], polygons: Sequence[list[QPolygonF]]) -> None:
        """Show these areas (unfilled until :meth:`set_bins`)."""
        self._ids = list(ids)
        self._polygons = list(polygons)
        self._outline = path_of([p for rings_ in self._polygons for p in rings_])
        self._rect = self._outline.boundingRect()
        self._bin_paths, self._brushes = [], []
        self._highlight = QPainterPath()
        self.changed()

    def set_bins(self, bin_of_area: Sequence[int], brushes: Sequence[QBrush]) -> None:
        """Fill area i with ``brushes[bin_of_area[i]]``: regroups cached polygons, no geometry work."""
        groups: list[list[QPolygonF]] = [[] for _ in brushes]
        for polygons, b in zip(self._polygons, bin_of_area):
            groups[int(b)].extend(polygons)
        self._bin_paths = [path_of(g) for g in groups]
        self._brushes = list(brushes)
        self.changed()

    def set_style(self, outline: QPen, highlight: QPen) -> None:
        self._outline_pen, self._highlight_pen = outline, highlight
        self.changed()

    def set_highlight(self, polygons: Sequence[QPolygonF]) -> None:
        """Outline these rings boldly (the focused area, shown or not); empty: none."""
        self._highlight = path_of(polygons)
        self.changed()

    def bounds(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        for path, brush in zip(self._bin_paths, self._brushes):
            if not path.isEmpty():
                painter.setBrush(brush)
                painter.drawPath(path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self._outline_pen)
        painter.drawPath(self._outline)
        if not self._highlight.isEmpty():
            painter.setPen(self._highlight_pen)
            painter.drawPath(self._highlight)


@dataclass(slots=True)
class PathStyle:
    """How one path of a :class:`PathLayer` is drawn."""

    path: QPainterPath
    pen: QPen
    brush: QBrush


class PathLayer(Layer):
    """A few styled paths that rarely change (roads, the river, boundaries, dedicated grids)."""

    def __init__(self) -> None:
        super().__init__()
        self._paths: list[PathStyle] = []
        self._rect = QRectF()

    @property
    def paths(self) -> list[PathStyle]:
        return list(self._paths)

    def set_paths(self, paths: Sequence[PathStyle]) -> None:
        self._paths = list(paths)
        rect = QRectF()
        for p in self._paths:
            rect = rect.united(p.path.boundingRect())
        self._rect = rect
        self.changed()

    def bounds(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter) -> None:
        for p in self._paths:
            painter.setPen(p.pen)
            painter.setBrush(p.brush)
            painter.drawPath(p.path)


class BaseMapItem(pg.GraphicsObject):
    """The layers under the markers, painted once into an image at the view's resolution.

    Markers move and recolour up to 20 times a second, and every such repaint would otherwise redraw
    all areas, roads and boundaries as well. This item keeps the last picture of its layers and blits
    it while neither the view transform, the viewport size nor any layer has changed; a pan, zoom or
    layer change paints the layers again (one cold frame). The picture is opaque (filled with the
    background colour), so the blit is a plain copy.
    """

    def __init__(self, layers: Sequence[Layer], background: QColor) -> None:
        super().__init__()
        self._layers = list(layers)
        for layer in self._layers:
            layer._owner = self
        self._background = QColor(background)
        self._image: QImage | None = None
        self._key: tuple | None = None
        self._rect = QRectF()
        self.cold_paints = 0

    def set_background(self, color: QColor) -> None:
        self._background = QColor(color)
        self.invalidate()

    def invalidate(self) -> None:
        """Forget the cached picture (a layer changed) and schedule a repaint."""
        rect = QRectF()
        for layer in self._layers:
            rect = rect.united(layer.bounds())
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self._key = None
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return self._rect

    def paint(self, painter: QPainter, *args: object) -> None:
        transform = painter.transform()
        viewport = painter.viewport()
        dpr = painter.device().devicePixelRatioF()
        key = (transform.m11(), transform.m12(), transform.m21(), transform.m22(), transform.dx(),
               transform.dy(), viewport.x(), viewport.y(), viewport.width(), viewport.height(), dpr,
               int(painter.renderHints().value))
        if key != self._key or self._image is None:
            self._image = self._render(transform, viewport, dpr, painter.renderHints())
            self._key = key
            self.cold_paints += 1
        painter.save()
        painter.resetTransform()
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.drawImage(QPointF(viewport.x(), viewport.y()), self._image)
        painter.restore()

    def _render(self, transform, viewport, dpr: float, hints) -> QImage:
        image = QImage(max(1, round(viewport.width() * dpr)), max(1, round(viewport.height() * dpr)),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(dpr)
        image.fill(self._background)
        painter = QPainter(image)
        painter.setRenderHints(hints)
        painter.translate(-viewport.x(), -viewport.y())
        painter.setTransform(transform, True)
        for layer in self._layers:
            if layer.visible:
                layer.paint(painter)
        painter.end()
        return image


@dataclass(frozen=True, slots=True)
class Label:
    """A text anchored at a map position (metres)."""

    x: float
    y: float
    text: str


class LabelLayer(pg.GraphicsObject):
    """Area names drawn at a fixed pixel size with a halo, whatever the zoom, as one item.

    Each label is rendered once per :meth:`set_labels` into a small image (stroking glyph outlines
    for the halo is far too slow to redo per frame); painting maps each anchor to the device and
    blits the image there, skipping labels outside the painted area.
    """

    def __init__(self) -> None:
        super().__init__()
        self._labels: list[tuple[QPointF, QImage]] = []
        self._font = QFont("Noto Sans CJK SC")
        self._font.setPixelSize(15)
        self._font.setBold(True)
        self._text = QBrush(QColor("#1a1a1a"))
        self._halo = QPen(QColor(255, 255, 255, 220), 3.5)
        self._halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self._rect = QRectF()
        self._pending: list[Label] = []

    def set_style(self, pixel_size: int, text: QColor, halo: QColor) -> None:
        self._font.setPixelSize(pixel_size)
        self._text = QBrush(text)
        self._halo.setColor(halo)
        self._halo.setWidthF(max(3.0, pixel_size / 4))
        self.set_labels(self._pending)

    def set_labels(self, labels: Sequence[Label], bounds: QRectF | None = None) -> None:
        """Show these labels; ``bounds`` (metres) must hold every anchor."""
        self.prepareGeometryChange()
        self._pending = list(labels)
        self._labels = [(QPointF(label.x, label.y), self._render(label.text)) for label in self._pending]
        if bounds is not None:
            self._rect = bounds
        self.update()

    def _render(self, text: str) -> QImage:
        path = QPainterPath()
        path.addText(0, 0, self._font, text)
        margin = self._halo.widthF()
        box = path.boundingRect().adjusted(-margin, -margin, margin, margin)
        image = QImage(int(box.width()) + 2, int(box.height()) + 2, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.translate(-box.topLeft() + QPointF(1, 1))
        painter.strokePath(path, self._halo)
        painter.fillPath(path, self._text)
        painter.end()
        return image

    @property
    def texts(self) -> list[str]:
        return [label.text for label in self._pending]

    def items(self) -> list[tuple[QPointF, QImage]]:
        """Each label's anchor (metres) and its rendered image."""
        return list(self._labels)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return self._rect

    def paint(self, painter: QPainter, *args: object) -> None:
        if not self._labels:
            return
        transform = painter.transform()
        visible = QRectF(painter.viewport()).adjusted(-200, -50, 200, 50)
        painter.save()
        painter.resetTransform()
        for anchor, image in self._labels:
            at = transform.map(anchor)
            if visible.contains(at):
                painter.drawImage(QPointF(at.x() - image.width() / 2, at.y() - image.height() / 2), image)
        painter.restore()


def multipolygon_xy(geometries: Sequence[BaseGeometry], to_xy) -> list[BaseGeometry]:
    """Project many lon/lat geometries to metres in one call of the projection."""
    array = np.asarray(list(geometries), dtype=object)
    return list(shapely.transform(array, lambda c: np.column_stack(to_xy(c[:, 0], c[:, 1]))))
