"""Vector layers of the grid map: many shapes per item, each painted with a few cached paths.

A QGraphicsItem per grid costs the scene a bounding-rect test, a paint call and painter state
changes per grid on every repaint; here a whole level of polygons is one item that fills one
precomputed path per colour bin, so a repaint is a handful of painter calls and recolouring only
regroups the cached polygons. Markers are sprites from one atlas, thousands drawn in one painter
call; the layers that change a few markers at a time are kept as one picture and repaired only
where they changed. Geometry is in metres (the street's projection), never lon/lat.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
import shapely
import shiboken6
from pyqtgraph.graphicsItems.ScatterPlotItem import renderSymbol
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QRegion,
    QTransform,
)
from shapely.geometry.base import BaseGeometry

from widgets.theme import MAP_COLORS

EVERYWHERE = QRectF(-1e9, -1e9, 2e9, 2e9)
"""Bounds of an item that paints the whole viewport whatever the view shows (metres)."""

ROW_PADDING = 16
"""Unused pixels at the end of each row of the cached base picture; see :class:`BaseMapItem`."""


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
        self._fill_key: tuple | None = None
        self._outline = QPainterPath()
        self._outline_pen = cosmetic_pen(MAP_COLORS["light"].area_outline, 1.0)
        self._highlight = QPainterPath()
        self._highlight_pen = cosmetic_pen(MAP_COLORS["light"].area_highlight, 3.0)

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
        self._bin_paths, self._brushes, self._fill_key = [], [], None
        self._highlight = QPainterPath()
        self.changed()

    def set_bins(self, bin_of_area: Sequence[int], brushes: Sequence[QBrush]) -> None:
        """Fill area i with ``brushes[bin_of_area[i]]``: regroups cached polygons, no geometry work.

        Every case or alarm recomputes the measure, but most leave every area in its bin: then nothing
        changed and the cached base picture stays valid.
        """
        key = (np.asarray(bin_of_area, dtype=np.int64).tobytes(),
               tuple((b.color().rgba(), b.style()) for b in brushes))
        if key == self._fill_key:
            return
        self._fill_key = key
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

    @property
    def paths(self) -> list[PathStyle]:
        return list(self._paths)

    def set_paths(self, paths: Sequence[PathStyle]) -> None:
        self._paths = list(paths)
        self.changed()

    def paint(self, painter: QPainter) -> None:
        for p in self._paths:
            painter.setPen(p.pen)
            painter.setBrush(p.brush)
            painter.drawPath(p.path)


class FragmentBuffer:
    """Rows of QPainter.PixmapFragment (x, y, source rectangle, scale, rotation, opacity: the
    struct's ten doubles) in one numpy array, drawn from an atlas in one painter call.

    pyqtgraph's PrimitiveArray does the same, but takes the array's address through ndarray.ctypes
    on every draw, which costs more than the draw of a few markers; here the pointer is wrapped
    once per allocation.
    """

    def __init__(self) -> None:
        self._array = np.empty((0, 10))
        self._size = 0
        self._pointer: QPainter.PixmapFragment | None = None

    def __len__(self) -> int:
        return self._size

    def resize(self, size: int) -> None:
        if size > len(self._array):
            self._array = np.empty((max(size, 2 * len(self._array)), 10))
            self._pointer = None
        self._size = size

    def ndarray(self) -> np.ndarray:
        """The rows in use (a view: write into it)."""
        return self._array[:self._size]

    def draw(self, painter: QPainter, atlas: QPixmap) -> None:
        if not self._size:
            return
        if self._pointer is None:
            self._pointer = shiboken6.wrapInstance(self._array.__array_interface__["data"][0], QPainter.PixmapFragment)
        painter.drawPixmapFragments(self._pointer, self._size, atlas)


def _view_key(painter: QPainter) -> tuple:
    """The painter's transform and viewport: what a cached picture or fragment list depends on."""
    t = painter.transform()
    view = painter.viewport()
    return (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy(), view.x(), view.y(), view.width(),
            view.height(), painter.device().devicePixelRatioF())


def _to_device(key: tuple, x: np.ndarray, y: np.ndarray, half: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Centres of symbols of half width and height ``half`` (rows) at points mapped by a
    :func:`_view_key`'s transform.

    The centres are moved by less than half a pixel so that each symbol's corner falls on a whole
    device pixel: Qt rounds a fractional corner differently with and without a clip, and a repair
    (clipped) must put a symbol on exactly the pixels a full redraw (unclipped) does. The shortcuts
    (no rotation, one device pixel a pixel) give the same numbers with fewer numpy calls.
    """
    m11, m12, m21, m22, tx, ty, dpr = *key[:6], key[10]
    half_w, half_h = half[:, 0], half[:, 1]
    if m12 == 0 and m21 == 0:
        x_, y_ = m11 * x + tx, m22 * y + ty
    else:
        x_, y_ = m11 * x + m21 * y + tx, m12 * x + m22 * y + ty
    if dpr == 1:
        return np.floor(x_ - half_w + 0.5) + half_w, np.floor(y_ - half_h + 0.5) + half_h
    return (np.floor((x_ - half_w) * dpr + 0.5) / dpr + half_w,
            np.floor((y_ - half_h) * dpr + 0.5) / dpr + half_h)


class BaseMapItem(pg.GraphicsObject):
    """The whole map as one item: layers composed once into an image at the view's resolution, and
    live layers drawn over it on every repaint.

    Markers move and recolour up to 20 times a second, and every such repaint would otherwise redraw
    all areas, roads and boundaries and thousands of sensor and case symbols as well. This item keeps
    two pictures: the base (its layers: areas, roads, boundaries), painted again only after a pan,
    zoom or layer change (a cold frame), and the composite, the base with an overlay on top (the
    :class:`MarkerLayer` of the markers that change a few at a time). When its markers change, only
    the few small rectangles they covered and now cover are repaired (copied from the base, then
    the overlay's markers there drawn again, clipped); many changes at once redraw the
    whole composite from the base. A repaint blits the composite, then draws the live layers above
    it, in order (markers that move on most updates, labels that must stay above them). The
    pictures are opaque (filled with the background colour) and cover the whole viewport, so the
    blit is a plain copy and the view needs no background of its own (add this item with
    ``ignoreBounds=True``: it has no extent). One item rather than one per layer: each item costs
    the view a Python paint call and painter state changes on every repaint.

    Rows of the two pictures are longer than the viewport's by :data:`ROW_PADDING` and twice that.
    Qt copies each row with memcpy, and when the source sits 8-16 bytes below the target modulo 4 KiB
    (the pages' offsets match by chance: allocations of this size are page-aligned plus a header)
    every load waits on the store before it, measured ten times slower (4.2 ms instead of 0.4 ms for
    1920x1080). With different row lengths only about one row in 64 can line up like that.
    """

    def __init__(self, layers: Sequence[Layer], background: QColor, overlay: MarkerLayer | None = None,
                 live: Sequence[MarkerLayer | LabelLayer] = ()) -> None:
        super().__init__()
        self._layers = list(layers)
        for layer in self._layers:
            layer._owner = self
        self._overlay = overlay
        if overlay is not None:
            overlay.on_change = self.update
            overlay.damage_tracked = True
        self._live = list(live)
        for layer in self._live:
            layer.on_change = self.update
        self._background = QColor(background)
        self._image: QImage | None = None
        self._composite: QImage | None = None
        self._source = QRectF()
        self._composite_view = QTransform()
        self._key: tuple | None = None
        self.cold_paints = 0
        self.repaired_rects = 0

    @property
    def background(self) -> QColor:
        return QColor(self._background)

    @property
    def cached(self) -> bool:
        """True while the base picture is valid for the layers (the next paint at the same view reuses it)."""
        return self._key is not None

    def set_background(self, color: QColor) -> None:
        self._background = QColor(color)
        self.invalidate()

    def invalidate(self) -> None:
        """Forget the cached pictures (a layer changed) and schedule a repaint."""
        self._key = None
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return EVERYWHERE

    def paint(self, painter: QPainter, *args: object) -> None:
        viewport = painter.viewport()
        key = (*_view_key(painter), int(painter.renderHints().value))
        if key != self._key or self._image is None:
            self._render(painter.transform(), viewport, key[10], painter.renderHints())
            self._key = key
            self.cold_paints += 1
            if self._overlay is not None:
                self._overlay.take_damage(None)
            self._compose(None)
        elif self._overlay is not None:
            self._compose(self._overlay.take_damage(self._composite_transform(painter.transform(), viewport)))
        painter.save()
        painter.resetTransform()
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.drawImage(QPointF(viewport.x(), viewport.y()), self._composite, self._source)
        painter.restore()
        for layer in self._live:
            layer.paint(painter)

    @staticmethod
    def _composite_transform(transform: QTransform, viewport) -> QTransform:
        """The view transform as seen from the pictures (their origin is the viewport's corner)."""
        return transform * QTransform.fromTranslate(-viewport.x(), -viewport.y())

    def _render(self, transform: QTransform, viewport, dpr: float, hints) -> None:
        width, height = max(1, round(viewport.width() * dpr)), max(1, round(viewport.height() * dpr))
        self._source = QRectF(0, 0, width, height)
        image = self._image
        # Same size again (a pan, zoom or recolour): reuse the pictures' memory rather than fault in
        # 16 MB of fresh pages.
        if image is None or image.width() != width + ROW_PADDING or image.height() != height:
            image = QImage(width + ROW_PADDING, height, QImage.Format.Format_ARGB32_Premultiplied)
            self._composite = QImage(width + 2 * ROW_PADDING, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(dpr)
        self._composite.setDevicePixelRatio(dpr)
        image.fill(self._background)
        painter = QPainter(image)
        painter.setRenderHints(hints)
        painter.setTransform(self._composite_transform(transform, viewport))
        for layer in self._layers:
            if layer.visible:
                layer.paint(painter)
        painter.end()
        self._image = image
        self._composite_view = self._composite_transform(transform, viewport)

    def _compose(self, damage: list[QRectF] | None) -> None:
        """Bring the composite up to date: all of it (``damage`` None) or the damaged rectangles."""
        if damage is not None and not damage:
            return
        painter = QPainter(self._composite)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        if damage is None:
            painter.drawImage(QPointF(0, 0), self._image, self._source)
        else:
            # Copies, not a clip: the image copied through a clip region costs ten times as much.
            # The markers are then drawn once, through one clip of all the rectangles.
            dpr = self._composite.devicePixelRatioF()
            for rect in damage:
                painter.drawImage(rect, self._image, QRectF(rect.x() * dpr, rect.y() * dpr, rect.width() * dpr,
                                                            rect.height() * dpr))
            self.repaired_rects += len(damage)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        if self._overlay is not None:
            painter.setTransform(self._composite_view)
            self._overlay.paint(painter, damage)
        painter.end()


@dataclass(frozen=True, slots=True)
class MarkerStyle:
    """How a marker is drawn: a pyqtgraph symbol name ("o", "s", "t1", "star"), its size in pixels,
    its fill and its (cosmetic) outline."""

    symbol: str
    size: float
    brush: QBrush
    pen: QPen


MARKER_FIELDS = ("x", "y", "size", "symbol", "pen", "brush", "data")
"""Columns of :attr:`MarkerSet.data`: position (metres), size (pixels), pyqtgraph symbol name, pen,
brush and the marker's id."""

DAMAGE_LIMIT = 48
"""Changed markers above which a layer's cached picture is redrawn whole rather than repaired."""

CULL_ABOVE = 1000
"""Markers in a set above which those outside the view are left out before drawing: for fewer,
the numpy calls cost more than Qt's clipping of the few outside."""


class MarkerSet:
    """One kind of marker of a :class:`MarkerLayer` (cases, sensors or staff), replaced as a whole.

    Owns the markers' columns (:data:`MARKER_FIELDS`, one array each, in drawing order) and, per
    marker, the index of its sprite in the layer's atlas, so painting needs no per-marker Python.
    Keeps its own mapped fragments: a set that did not change since the last paint at the same view
    transform is not mapped again. Tells the layer which markers changed (where they were and where
    they are), so that a cached picture of the layer can be repaired there only.
    """

    def __init__(self, owner: MarkerLayer) -> None:
        self._owner = owner
        self.data: dict[str, np.ndarray] = {f: np.empty(0, dtype=float if f in ("x", "y", "size") else object)
                                            for f in MARKER_FIELDS}
        self._x = self._y = np.empty(0)
        self._sprites = np.empty(0, dtype=np.intp)
        self.visible = True
        self._block = np.empty((0, 10))
        self._block_key: tuple | None = None

    def set_points(self, x: np.ndarray, y: np.ndarray, ids: Sequence[str], styles: Sequence[MarkerStyle],
                   style_of: np.ndarray | int = 0) -> None:
        """Show these markers, marker i drawn as ``styles[style_of[i]]``, in the order given."""
        n = len(ids)
        style_of = np.broadcast_to(np.asarray(style_of, dtype=np.intp), (n,))
        column = {field: np.fromiter((getattr(style, field) for style in styles), dtype=object, count=len(styles))
                  for field in ("symbol", "pen", "brush")}
        data = {"x": np.array(x, dtype=float).reshape(n), "y": np.array(y, dtype=float).reshape(n),
                "size": np.array([style.size for style in styles], dtype=float).reshape(-1)[style_of],
                **{field: values[style_of] for field, values in column.items()},
                "data": np.fromiter(ids, dtype=object, count=n)}
        old, old_xy = self.data, (self._x, self._y, self._sprites)
        self.data = data
        self._x, self._y = data["x"], data["y"]
        self._sprites = self._owner.sprite_indices(styles)[style_of]
        self._block_key = None
        if not self._owner.damage_tracked or not self.visible:
            self._owner.changed([])
        elif len(old["data"]) == n and np.array_equal(old["data"], data["data"]):
            # The same markers in the same order (the usual update): compare arrays.
            moved = np.flatnonzero((old_xy[0] != self._x) | (old_xy[1] != self._y) | (old_xy[2] != self._sprites))
            self._owner.changed([(float(xy[0][i]), float(xy[1][i]), int(xy[2][i]))
                                 for xy in (old_xy, (self._x, self._y, self._sprites)) for i in moved])
        else:
            before = set(zip(old["data"].tolist(), *(a.tolist() for a in old_xy)))
            after = set(zip(data["data"].tolist(), self._x.tolist(), self._y.tolist(), self._sprites.tolist()))
            self._owner.changed([(x_, y_, s_) for _, x_, y_, s_ in before ^ after])

    def set_visible(self, visible: bool) -> None:
        if visible != self.visible:
            self.visible = visible
            self._owner.changed(None)

    def ids_at(self, x: float, y: float, pixel: tuple[float, float]) -> list[str]:
        """Ids of the markers covering a map point, topmost first; ``pixel`` is metres per pixel (x, y)."""
        half = self.data["size"] / 2
        hit = (np.abs(self._x - x) <= half * pixel[0]) & (np.abs(self._y - y) <= half * pixel[1])
        return [str(i) for i in self.data["data"][hit][::-1]]

    def style(self, item_id: str) -> tuple[str, float, QBrush]:
        """Symbol, size (pixels) and brush of one marker."""
        found = np.flatnonzero(self.data["data"] == item_id)
        if not len(found):
            raise KeyError(item_id)
        i = found[0]
        return self.data["symbol"][i], float(self.data["size"][i]), self.data["brush"][i]

    def fragments(self, key: tuple, rows: np.ndarray, half: np.ndarray, margin: float) -> np.ndarray:
        """The set's pixmap fragments (x, y, source rect, scale, rotation, opacity) at view ``key``.

        ``key`` is :func:`_view_key`'s, ``rows`` the layer's fragment of each sprite (position left
        to fill) and ``half`` each sprite's half size; markers farther than ``margin`` pixels outside
        the viewport are left out.
        """
        key = (*key, len(rows))
        if key == self._block_key:
            return self._block
        left, top, width, height = key[6:10]
        block = rows[self._sprites]
        block[:, 0], block[:, 1] = _to_device(key, self._x, self._y, half[self._sprites])
        if len(block) > CULL_ABOVE:
            dx, dy = block[:, 0], block[:, 1]
            inside = ((dx > left - margin) & (dx < left + width + margin)
                      & (dy > top - margin) & (dy < top + height + margin))
            if not inside.all():
                block = block[inside]
        self._block, self._block_key = block, key
        return block


def merge_overlapping(rects: list[QRectF]) -> list[QRectF]:
    """Rectangles covering at least the same pixels, none overlapping another (overlapping ones united).

    A marker restyled in place is damaged twice at one spot: one copy from the base instead of two.
    """
    merged = True
    while merged:
        merged = False
        out: list[QRectF] = []
        for rect in rects:
            for i, other in enumerate(out):
                if other.intersects(rect):
                    out[i] = other.united(rect)
                    merged = True
                    break
            else:
                out.append(rect)
        rects = out
    return rects


def region_of(rects: Sequence[QRectF]) -> QRegion:
    """The whole pixels covered by any of ``rects``."""
    region = QRegion()
    for rect in rects:
        region += rect.toAlignedRect()
    return region


class MarkerLayer:
    """Point markers (pixel-sized symbols) in a few sets, drawn in one painter call.

    Every distinct style (symbol, size, pen, brush) is rendered once, antialiased, into a sprite
    atlas; painting maps the positions of the sets that changed to the device with numpy and hands
    the whole list to QPainter.drawPixmapFragments, so no Python runs per marker. Sets are drawn in
    the order they were added. Not a scene item: :class:`BaseMapItem` composes it into its picture
    or draws it live; ``on_change`` is how it asks for a repaint, and ``damage_tracked`` (set for a
    composed layer) whether its sets work out where their markers changed.
    """

    def __init__(self) -> None:
        self._sets: list[MarkerSet] = []
        self._styles: dict[tuple, int] = {}
        self._atlas: QPixmap | None = None
        self._atlas_dpr = 1.0
        self._source = np.empty((0, 4))
        self._rows = np.empty((0, 10))
        self._half = np.empty((0, 2))
        self._sizes: list[list[float]] = []
        self._extent = 0.0
        self._fragments = FragmentBuffer()
        self._subset = FragmentBuffer()
        self._drawn: list[np.ndarray] = []
        self._damage: list[tuple[float, float, int]] | None = []
        self._shown: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self.damage_tracked = False
        self.on_change: Callable[[], None] = lambda: None

    def add_set(self) -> MarkerSet:
        """A new, empty set drawn above the sets added before it."""
        marker_set = MarkerSet(self)
        self._sets.append(marker_set)
        return marker_set

    def changed(self, damage: list[tuple[float, float, int]] | None) -> None:
        """Markers changed: (x, y, sprite) where each was or now is, or None for any number of them."""
        self._shown = None
        if self._damage is not None:
            self._damage = None if damage is None else self._damage + damage
            if self._damage is not None and len(self._damage) > DAMAGE_LIMIT:
                self._damage = None
        self.on_change()

    def take_damage(self, transform: QTransform | None) -> list[QRectF] | None:
        """The device rectangles (under ``transform``) to repaint since the last call; None: all."""
        damage, self._damage = self._damage, []
        if self._atlas is None and self._styles:
            # New styles only append sprites: the rectangles of the old ones stay where they were.
            self._build_atlas(self._atlas_dpr)
        if damage is None or transform is None or not len(self._source):
            return None
        if not damage:
            return []
        sizes = self._sizes
        m11, m12, m21, m22, dx, dy = (transform.m11(), transform.m12(), transform.m21(), transform.m22(),
                                      transform.dx(), transform.dy())
        rects = []
        for x, y, sprite in damage:  # at most DAMAGE_LIMIT: plain Python beats numpy's overhead
            if sprite >= len(sizes):
                return None
            w, h = sizes[sprite]
            cx, cy = m11 * x + m21 * y + dx, m12 * x + m22 * y + dy
            rects.append(QRectF(math.floor(cx - w / 2) - 1, math.floor(cy - h / 2) - 1, math.ceil(w) + 3,
                                math.ceil(h) + 3))
        return merge_overlapping(rects)

    def sprite_indices(self, styles: Sequence[MarkerStyle]) -> np.ndarray:
        """The atlas sprite of each style, adding sprites for styles not seen before."""
        indices = np.empty(len(styles), dtype=np.intp)
        for i, style in enumerate(styles):
            pen, brush = style.pen, style.brush
            key = (style.symbol, float(style.size), pen.color().rgba(), pen.widthF(), pen.style(),
                   brush.color().rgba(), brush.style())
            index = self._styles.get(key)
            if index is None:
                index = self._styles[key] = len(self._styles)
                self._atlas = None
            indices[i] = index
        return indices

    def _build_atlas(self, dpr: float) -> None:
        """Render every style once and pack the sprites in one row (in style order, so rectangles stay put)."""
        styles = sorted(self._styles.items(), key=lambda kv: kv[1])
        images = []
        for (symbol, size, rgba_pen, pen_width, pen_style, rgba_brush, brush_style), _ in styles:
            pen = QPen(QColor.fromRgba(rgba_pen), pen_width, pen_style)
            pen.setCosmetic(True)
            brush = QBrush(QColor.fromRgba(rgba_brush), brush_style)
            images.append(renderSymbol(symbol, size, pen, brush, dpr=dpr))
        width = sum(image.width() for image in images) + len(images)
        height = max((image.height() for image in images), default=1)
        atlas = QImage(max(1, width), height, QImage.Format.Format_ARGB32_Premultiplied)
        atlas.fill(0)
        source = np.zeros((len(images), 4))
        painter = QPainter(atlas)
        left = 0
        for i, image in enumerate(images):
            painter.drawImage(left, 0, image)
            source[i] = (left, 0, image.width(), image.height())
            left += image.width() + 1
        painter.end()
        self._atlas, self._atlas_dpr, self._source = QPixmap.fromImage(atlas), dpr, source
        # Each sprite's fragment but its position: a marker's fragment is its sprite's row, placed.
        self._rows = np.empty((len(source), 10))
        self._rows[:, 2:6] = source
        self._rows[:, 6:10] = (1 / dpr, 1 / dpr, 0.0, 1.0)
        self._half = self._rows[:, 4:6] * self._rows[:, 6:8] / 2
        self._sizes = (source[:, 2:] / dpr).tolist()
        self._extent = float(source[:, 2:].max()) / dpr if len(source) else 0.0

    def _prepare(self, painter: QPainter) -> FragmentBuffer:
        """The fragments of every shown marker at the painter's view, mapping only sets that changed."""
        key = _view_key(painter)
        if self._atlas is None or key[10] != self._atlas_dpr:
            self._build_atlas(key[10])
        blocks = [s.fragments(key, self._rows, self._half, self._extent) for s in self._sets if s.visible]
        if len(blocks) != len(self._drawn) or any(a is not b for a, b in zip(blocks, self._drawn)):
            self._fragments.resize(sum(len(b) for b in blocks))
            if len(self._fragments):
                np.concatenate(blocks, out=self._fragments.ndarray())
            self._drawn = blocks
        return self._fragments

    def paint(self, painter: QPainter, within: Sequence[QRectF] | None = None) -> None:
        """Draw the shown markers (only those near ``within``, device rectangles, clipped to them, if given)."""
        if within is None:
            fragments = self._prepare(painter)
        else:
            fragments, near = self._subset, self._near(painter, within)
            fragments.resize(len(near))
            if len(near):
                fragments.ndarray()[:] = near
        if not len(fragments):
            return
        painter.save()
        painter.resetTransform()
        if within is not None:
            painter.setClipRegion(region_of(within), Qt.ClipOperation.IntersectClip)
        fragments.draw(painter, self._atlas)
        painter.restore()

    def _near(self, painter: QPainter, rects: Sequence[QRectF]) -> np.ndarray:
        """Fragments of the shown markers that may overlap ``rects`` (device), in drawing order.

        A repair touches a few rectangles: markers are picked by position in metres first, so only
        those few are mapped, not every marker of a set that changed. It runs on the frame the
        change shows in, so it is written for few numpy calls: the sets are searched as one and the
        rectangles are taken to metres in plain Python.
        """
        key = _view_key(painter)
        if self._atlas is None or key[10] != self._atlas_dpr:
            self._build_atlas(key[10])
        inverse, invertible = painter.transform().inverted()
        if not invertible or not len(self._source):
            return np.empty((0, 10))
        if self._shown is None:
            shown = [s for s in self._sets if s.visible]
            self._shown = (np.concatenate([s._x for s in shown] + [np.empty(0)]),
                           np.concatenate([s._y for s in shown] + [np.empty(0)]),
                           np.concatenate([s._sprites for s in shown] + [np.empty(0, dtype=np.intp)]))
        x, y, sprites = self._shown
        i11, i12, i21, i22, idx, idy = (inverse.m11(), inverse.m12(), inverse.m21(), inverse.m22(), inverse.dx(),
                                        inverse.dy())
        reach = self._extent / 2  # sprites are centred on their markers
        bounds = []
        for rect in rects:
            left, top, right, bottom = rect.getCoords()
            corners = [(cx, cy) for cx in (left - reach, right + reach) for cy in (top - reach, bottom + reach)]
            xs = [i11 * cx + i21 * cy + idx for cx, cy in corners]
            ys = [i12 * cx + i22 * cy + idy for cx, cy in corners]
            bounds.append((min(xs), min(ys), max(xs), max(ys)))
        # Shape (4, rectangles, 1) against markers: any(axis=0) reduces along whole rows, four
        # times faster than markers by rectangles and any(axis=1).
        x0, y0, x1, y1 = np.array(bounds).T[..., None]
        near = np.flatnonzero(((x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)).any(axis=0))
        block = self._rows[sprites[near]]
        block[:, 0], block[:, 1] = _to_device(key, x[near], y[near], self._half[sprites[near]])
        return block


@dataclass(frozen=True, slots=True)
class Label:
    """A text anchored at a map position (metres)."""

    x: float
    y: float
    text: str


class LabelLayer:
    """Area names drawn at a fixed pixel size with a halo, whatever the zoom: a live layer of :class:`BaseMapItem`.

    Each label is rendered once per :meth:`set_labels` into a sprite atlas (stroking glyph outlines
    for the halo is far too slow to redo per frame); painting maps the anchors to the device and
    draws every shown label in one QPainter.drawPixmapFragments call. Labels are given in priority
    order: at each zoom a label that would overlap one before it moves a line or two up or down,
    and is left out only when those places are taken too (long English names would otherwise run
    into each other), so the most important names stay legible and the others stay while there is
    room near their place. A place that would cut the name at the view's top or bottom edge is
    moved just inside it, and taken only when no place inside the view is free (an area at the
    edge of the street keeps its whole name).
    """

    GAP = 4
    """Pixels kept free between two shown labels, at least: a third of the type size on large type
    (on a 4K wall two names 4 px apart read as one)."""
    SHIFTS = (0.0, -1.0, 1.0, -2.0, 2.0)
    """Where a label may go, in lines from its anchor (negative: above), in order of preference."""

    def __init__(self) -> None:
        self._font = QFont("Noto Sans CJK SC")
        self._font.setPixelSize(15)
        self._font.setBold(True)
        self._text = QBrush(MAP_COLORS["light"].label_text)
        self._halo = QPen(MAP_COLORS["light"].label_halo, 3.5)
        self._halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self._pending: list[Label] = []
        self._images: list[QImage] = []
        self._anchors = np.empty((0, 2))
        self._atlas = QPixmap()
        self._source = np.empty((0, 4))
        self._fragments = FragmentBuffer()
        self._key: tuple | None = None
        self._scale_key: tuple | None = None
        self._uncovered = np.empty(0, dtype=bool)
        self._shift = np.empty(0)
        self._shown = np.empty(0, dtype=np.intp)
        self.on_change: Callable[[], None] = lambda: None

    @property
    def pixel_size(self) -> int:
        """Pixel size of the labels' type."""
        return self._font.pixelSize()

    def set_style(self, pixel_size: int, text: QColor, halo: QColor) -> None:
        self._font.setPixelSize(pixel_size)
        self._text = QBrush(text)
        self._halo.setColor(halo)
        self._halo.setWidthF(max(3.0, pixel_size / 4))
        self.set_labels(self._pending)

    def set_labels(self, labels: Sequence[Label]) -> None:
        """Show these labels, most important first."""
        self._pending = list(labels)
        self._images = [self._render(label.text) for label in self._pending]
        self._anchors = np.array([(label.x, label.y) for label in self._pending], float).reshape(-1, 2)
        self._pack()
        self._key = self._scale_key = None
        self.on_change()

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

    def _pack(self) -> None:
        """Put the label images into one atlas, in rows at most 2048 pixels wide."""
        source = np.zeros((len(self._images), 4))
        x = y = row_height = width = 0
        for i, image in enumerate(self._images):
            if x and x + image.width() > 2048:
                x, y, row_height = 0, y + row_height + 1, 0
            source[i] = (x, y, image.width(), image.height())
            x += image.width() + 1
            row_height = max(row_height, image.height())
            width = max(width, x)
        atlas = QImage(max(1, width), max(1, y + row_height), QImage.Format.Format_ARGB32_Premultiplied)
        atlas.fill(0)
        painter = QPainter(atlas)
        for image, (left, top, _, _) in zip(self._images, source):
            painter.drawImage(int(left), int(top), image)
        painter.end()
        self._atlas, self._source = QPixmap.fromImage(atlas), source

    @property
    def texts(self) -> list[str]:
        """Every label's text, shown or not, in priority order."""
        return [label.text for label in self._pending]

    def shown(self) -> list[str]:
        """Texts of the labels drawn at the last paint (inside the view and clear of more important ones)."""
        return [self._pending[i].text for i in self._shown]

    def items(self) -> list[tuple[QPointF, QImage]]:
        """Anchor (metres) and image of each label drawn at the last paint."""
        return [(QPointF(*self._anchors[i]), self._images[i]) for i in self._shown]

    def paint(self, painter: QPainter) -> None:
        if not self._pending:
            return
        key = _view_key(painter)
        if key != self._key:
            self._layout(key)
            self._key = key
        if len(self._fragments):
            painter.save()
            painter.resetTransform()
            self._fragments.draw(painter, self._atlas)
            painter.restore()

    def _layout(self, key: tuple) -> None:
        """Which labels to show at this view and their fragments; collisions depend on the zoom only."""
        m11, m12, m21, m22, tx, ty, left, top, width, height = key[:10]
        x = m11 * self._anchors[:, 0] + m21 * self._anchors[:, 1] + tx
        y = m12 * self._anchors[:, 0] + m22 * self._anchors[:, 1] + ty
        half_w, half_h = self._source[:, 2] / 2, self._source[:, 3] / 2
        # Collisions depend on the zoom; the edges of the view on the vertical pan too.
        placing = (m11, m12, m21, m22, ty, top, height)
        if placing != self._scale_key:
            self._uncovered, self._shift = self._clear_of_others(x, y, half_w, half_h, (top, top + height))
            self._scale_key = placing
        y = y + self._shift
        inside = ((x + half_w > left) & (x - half_w < left + width)
                  & (y + half_h > top) & (y - half_h < top + height))
        self._shown = np.flatnonzero(self._uncovered & inside)
        self._fragments.resize(len(self._shown))
        fragments = self._fragments.ndarray()
        fragments[:, 0] = x[self._shown]
        fragments[:, 1] = y[self._shown]
        fragments[:, 2:6] = self._source[self._shown]
        fragments[:, 6:10] = (1.0, 1.0, 0.0, 1.0)

    def _clear_of_others(self, x: np.ndarray, y: np.ndarray, half_w: np.ndarray, half_h: np.ndarray,
                         rows: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
        """Greedy in priority order: each label takes the first of its places (:data:`SHIFTS`, then
        those moved within the device ``rows`` (top, bottom)) that overlaps no label kept before it
        and lies within ``rows``, else the first that overlaps none, or is left out. Returns (kept,
        vertical shift in pixels)."""
        # The halo margin of both labels may overlap; the glyphs keep the gap apart.
        margin = self._halo.widthF()
        gap = max(self.GAP, self._font.pixelSize() / 3)
        w, h = half_w - margin + gap / 2, half_h - margin + gap / 2
        keep = np.zeros(len(x), dtype=bool)
        shift = np.zeros(len(x))
        for i in range(len(x)):
            beside = keep[:i] & (np.abs(x[:i] - x[i]) < w[:i] + w[i])
            placed = y[:i] + shift[:i]
            places = [lines * 2 * h[i] for lines in self.SHIFTS]
            # Each place, then each moved just inside the view's top or bottom edge where it would cut the name.
            low, high = rows[0] + half_h[i] - y[i], rows[1] - half_h[i] - y[i]
            if low <= high:
                places += [min(max(dy, low), high) for dy in places]
            chosen = cut = None
            for dy in places:
                if np.any(beside & (np.abs(placed - (y[i] + dy)) < h[:i] + h[i])):
                    continue
                if low <= dy <= high:
                    chosen = dy
                    break
                cut = dy if cut is None else cut
            chosen = cut if chosen is None else chosen
            if chosen is not None:
                keep[i], shift[i] = True, chosen
        return keep, shift


def multipolygon_xy(geometries: Sequence[BaseGeometry], to_xy) -> list[BaseGeometry]:
    """Project many lon/lat geometries to metres in one call of the projection."""
    array = np.asarray(list(geometries), dtype=object)
    return list(shapely.transform(array, lambda c: np.column_stack(to_xy(c[:, 0], c[:, 1]))))
