"""The map's cached pictures: every change shows in the next render, exactly as a fresh render would draw it.

The base picture (areas, roads) is kept until a pan, zoom or recolour; sensors and cases are
composed into it and repaired only where they changed; staff and then labels are drawn live. These
tests render the tiny street offscreen and compare pixels, so a stale cache cannot hide behind the
model's state.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import numpy as np
import pytest
import shapely
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QTransform

from cockpit.vocabulary.domain import RiskLevel
from cockpit.vocabulary.events import AlarmCleared, AlarmRaised, StaffMoved
from tests.core.tiny import centre
from tests.widgets.conftest import T0, report
from widgets.map_layers import Label, LabelLayer, MarkerLayer, MarkerStyle, cosmetic_pen
from widgets.map_panel import MapPanel
from widgets.theme import RISK_COLORS, STAFF_STATUS_COLORS


@pytest.fixture
def panel(panel):
    """The shared map panel (conftest) showing micro-grids with each sensor its own marker (drilled into a
    community, the street in view), drawn up to date."""
    panel.set_level("micro")
    panel.drill_to("community", "C01")
    panel._zoom_to(panel._street_xy.bounds, 0.02)
    panel.refresh()
    return panel


def rendered(panel: MapPanel) -> QImage:
    """The map view as the screen would show it (viewport pixels)."""
    image = QImage(panel.view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHints(panel.view.renderHints())
    panel.view.render(painter)
    painter.end()
    return image


def fresh(panel: MapPanel) -> QImage:
    """A render with every cache dropped first."""
    panel._base.invalidate()
    return rendered(panel)


def pixels(image: QImage) -> np.ndarray:
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, :image.width() * 4].copy()


def screen(panel: MapPanel, x: float, y: float) -> tuple[int, int]:
    """Viewport pixel of a map point (metres)."""
    point = panel.view.mapFromScene(panel.viewbox.mapViewToScene(QPointF(x, y)))
    return point.x(), point.y()


def sensor_xy(panel: MapPanel, sensor_id: str) -> tuple[float, float]:
    i = panel._sensor_ids.index(sensor_id)
    return panel._sensor_x[i], panel._sensor_y[i]


def lone_sensor(panel: MapPanel) -> str:
    """A sensor with no staff or case marker within 20 pixels (those are drawn above sensors)."""
    others = [screen(panel, x, y) for layer in (panel._staff, panel._cases)
              for x, y in zip(layer.data["x"], layer.data["y"])]
    for sensor_id in panel._sensor_ids:
        x, y = screen(panel, *sensor_xy(panel, sensor_id))
        if all(abs(x - ox) > 20 or abs(y - oy) > 20 for ox, oy in others):
            return sensor_id
    raise AssertionError("every sensor is covered")


def submit(panel: MapPanel, model, events) -> None:
    model.submit(events)
    model.drain()
    panel.refresh()


def test_an_alarm_turns_the_sensor_red_in_the_next_render_by_repairing_the_picture(panel, model):
    sensor_id = lone_sensor(panel)
    at = screen(panel, *sensor_xy(panel, sensor_id))
    before = rendered(panel).pixelColor(*at)
    cold, repaired = panel._base.cold_paints, panel._base.repaired_rects
    submit(panel, model, [AlarmRaised(T0 + timedelta(minutes=1), "A-1", "sensor", RiskLevel.RED, sensor_id=sensor_id)])
    after = rendered(panel)
    assert after.pixelColor(*at) != before
    assert after.pixelColor(*at) == QColor("#e03131")  # the star's fill, under its centre
    assert panel._base.cold_paints == cold  # the areas were not painted again
    assert panel._base.repaired_rects > repaired
    assert np.array_equal(pixels(after), pixels(fresh(panel)))


def test_many_changes_repaired_one_after_another_match_a_fresh_render(panel, model):
    panel.set_measure("overdue_cases")  # alarms, fresh cases and moves leave the areas' colours alone
    rendered(panel)
    cold, repaired = panel._base.cold_paints, panel._base.repaired_rects
    sensors = [s.id for s in model.twin.street.sensors]
    for n in range(6):
        at = T0 + timedelta(minutes=n)
        events = [report(f"R-{n}", col=n % 4, row=(n // 4) % 2, at=at, risk=(RiskLevel.BLUE, RiskLevel.YELLOW)[n % 2]),
                  StaffMoved(at, sorted(model.twin.staff)[n % len(model.twin.staff)], *centre(n % 4, 0.3)),
                  AlarmRaised(at, f"A-{n}", "sensor", RiskLevel.RED, sensor_id=sensors[n % len(sensors)])]
        if n:
            events.append(AlarmCleared(at, f"A-{n - 1}"))
        submit(panel, model, events)
        rendered(panel)
    assert panel._base.cold_paints == cold and panel._base.repaired_rects >= repaired + 6
    assert np.array_equal(pixels(rendered(panel)), pixels(fresh(panel)))


def test_a_moved_staff_member_is_drawn_at_the_new_place_only(panel, model):
    staff_id = sorted(model.twin.staff)[0]
    submit(panel, model, [StaffMoved(T0, staff_id, *centre(0.5, 0.25))])
    old = screen(panel, *[model.twin.staff[staff_id].x, model.twin.staff[staff_id].y])
    image = rendered(panel)
    triangle = image.pixelColor(*old)
    submit(panel, model, [StaffMoved(T0 + timedelta(minutes=1), staff_id, *centre(2.5, 1.25))])
    new = screen(panel, model.twin.staff[staff_id].x, model.twin.staff[staff_id].y)
    image = rendered(panel)
    assert image.pixelColor(*new) == triangle
    assert image.pixelColor(*old) != triangle


def test_someone_on_scene_shows_inside_the_red_case_ring_and_the_case_change_is_repaired(panel, model):
    panel.set_measure("overdue_cases")  # a new case leaves the areas' colours alone
    rendered(panel)
    cold = panel._base.cold_paints
    submit(panel, model, [report("K-1", col=1.3, row=0.6, risk=RiskLevel.RED)])
    staff_id = sorted(model.twin.staff)[0]
    submit(panel, model, [StaffMoved(T0, staff_id, *centre(1.3, 0.6))])
    member = model.twin.staff[staff_id]
    x, y = screen(panel, member.x, member.y)
    image = rendered(panel)
    assert panel._base.cold_paints == cold  # the new case was repaired into the picture
    assert image.pixelColor(x, y) == QColor(STAFF_STATUS_COLORS[member.status])  # the triangle, above the case
    ring = {image.pixelColor(x + dx, y + dy).name() for dx in range(-7, 8) for dy in range(-7, 8)}
    assert QColor(RISK_COLORS[RiskLevel.RED]).name() in ring  # the case's ring, around it
    assert np.array_equal(pixels(image), pixels(fresh(panel)))


def test_a_case_reported_under_a_name_is_repaired_below_the_name(panel, model):
    panel.set_measure("overdue_cases")  # a new case leaves the areas' colours alone
    rendered(panel)
    cold = panel._base.cold_paints
    anchor = panel._labels._anchors[0]  # the first community's name, written on its anchor
    lon, lat = model.twin.street.projection.to_lonlat(*anchor)
    event = report("K-1", risk=RiskLevel.RED)
    submit(panel, model, [replace(event, lon=float(lon), lat=float(lat))])
    x, y = screen(panel, *anchor)
    image = rendered(panel)
    assert panel._base.cold_paints == cold
    (box,) = [b for text, b in label_boxes_now(panel).items() if text == panel._labels.texts[0]]
    assert box.contains(QPointF(x, y))  # the case is under the name...
    assert np.array_equal(pixels(image), pixels(fresh(panel)))  # ...and the name is still over it


def test_a_name_stays_above_a_staff_member_standing_on_it(panel, model):
    anchor = panel._labels._anchors[0]
    lon, lat = model.twin.street.projection.to_lonlat(*anchor)
    submit(panel, model, [StaffMoved(T0, sorted(model.twin.staff)[0], float(lon), float(lat))])
    shown = pixels(rendered(panel))
    panel.set_layer_visible("staff", False)
    covered = np.any((shown != pixels(rendered(panel))).reshape(-1, shown.shape[1] // 4, 4), axis=2)
    # The name's glyphs alone, where it is fully opaque.
    image = QImage(panel.view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setTransform(panel._base.deviceTransform(panel.view.viewportTransform()))
    panel._labels.paint(painter)
    painter.end()
    glyphs = pixels(image).reshape(covered.shape + (4,))[..., 3] == 255
    x, y = screen(panel, *anchor)
    assert glyphs[y - 8:y + 8, x - 8:x + 8].any() and covered[y - 8:y + 8, x - 8:x + 8].any()  # both there
    assert not (covered & glyphs).any()  # the triangle shows only around the letters


def test_a_recolour_changes_the_area_fill(panel, model):
    area = "C01-G02-M01"  # no case, sensor or label at its corner
    polygon = panel._area_xy[area]
    minx, miny, _, _ = polygon.bounds
    assert polygon.contains(shapely.Point(minx + 40, miny + 40))
    at = screen(panel, minx + 40, miny + 40)
    assert rendered(panel).pixelColor(*at) == panel.area_brush(area).color()
    cold = panel._base.cold_paints
    for n in range(3):
        submit(panel, model, [report(f"X-{n}", col=0, row=1, at=T0 + timedelta(minutes=n))])
    assert panel.area_bin(area) > 0
    image = rendered(panel)
    assert panel._base.cold_paints > cold
    at = screen(panel, minx + 40, miny + 40)  # the legend's new counts may have resized the view
    assert image.pixelColor(*at) == panel.area_brush(area).color() != QColor("#f4f4f6")


def test_pan_and_zoom_paint_the_base_again_at_the_new_view(panel):
    rendered(panel)
    cold = panel._base.cold_paints
    panel.viewbox.translateBy(x=150.0)
    panned = rendered(panel)
    assert panel._base.cold_paints == cold + 1
    assert np.array_equal(pixels(panned), pixels(fresh(panel)))
    panel.viewbox.scaleBy((0.5, 0.5))
    zoomed = rendered(panel)
    assert not np.array_equal(pixels(zoomed), pixels(panned))
    assert np.array_equal(pixels(zoomed), pixels(fresh(panel)))


def test_an_unchanged_view_repaints_from_the_cache(panel):
    first = rendered(panel)
    cold, repaired = panel._base.cold_paints, panel._base.repaired_rects
    assert np.array_equal(pixels(rendered(panel)), pixels(first))
    assert (panel._base.cold_paints, panel._base.repaired_rects) == (cold, repaired)


def test_hiding_a_marker_layer_removes_its_markers(panel):
    at = screen(panel, *sensor_xy(panel, lone_sensor(panel)))
    shown = rendered(panel).pixelColor(*at)
    panel.set_layer_visible("sensors", False)
    hidden = rendered(panel)
    assert hidden.pixelColor(*at) != shown
    assert np.array_equal(pixels(hidden), pixels(fresh(panel)))


def label_boxes(layer: LabelLayer, painter: QPainter) -> dict[str, QRectF]:
    """Device rectangle of each shown label's glyphs (halo excluded) after ``layer.paint``."""
    margin = layer._halo.widthF()
    boxes = {}
    for (anchor, image), text, shift in zip(layer.items(), layer.shown(), layer._shift[layer._shown]):
        centre = painter.transform().map(anchor) + QPointF(0, shift)
        boxes[text] = QRectF(centre.x() - image.width() / 2 + margin, centre.y() - image.height() / 2 + margin,
                             image.width() - 2 * margin, image.height() - 2 * margin)
    return boxes


def label_boxes_now(panel: MapPanel) -> dict[str, QRectF]:
    """Viewport rectangle of each label shown on the map (glyphs, halo excluded)."""
    image = QImage(panel.view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    painter.setTransform(panel._base.deviceTransform(panel.view.viewportTransform()))
    boxes = label_boxes(panel._labels, painter)
    painter.end()
    return boxes


def test_colliding_labels_move_a_line_or_give_way_to_the_more_important(qtbot):
    layer = LabelLayer()
    names = ["Shengxing Community", "Taiping Community", "Yongfeng Community", "Heping Community",
             "Jinsha Community", "Guixi Community"]
    layer.set_labels([Label(10 * n, 0, name) for n, name in enumerate(names)] + [Label(5000, 0, "Far away")])
    image = QImage(400, 300, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.translate(200, 150)
    painter.scale(0.01, -0.01)  # 100 m a pixel: the six anchors are within 0.5 px
    layer.paint(painter)
    boxes = label_boxes(layer, painter)
    painter.end()
    # One on the spot, then a line up, a line down, two up, two down; the sixth has no room ("Far
    # away" is 50 px right, outside the image).
    assert layer.shown() == names[:5]
    top_to_bottom = [boxes[names[i]] for i in (3, 1, 0, 2, 4)]
    assert all(a.bottom() < b.top() for a, b in zip(top_to_bottom, top_to_bottom[1:]))
    assert all(abs(box.center().x() - boxes[names[0]].center().x()) < 1 for box in top_to_bottom)
    image.fill(0)
    painter = QPainter(image)
    painter.translate(20, 150)
    painter.scale(0.07, -0.07)
    layer.paint(painter)
    painter.end()
    assert layer.shown() == names[:5] + ["Far away"]
    painter = QPainter(image)
    painter.translate(0, 150)
    painter.scale(20, -20)  # zoomed in: 200 px between neighbours, none overlaps: all on their anchors
    layer.paint(painter)
    painter.end()
    assert layer.shown() == names[:3] and not layer._shift[layer._shown].any()  # the rest are off the right


def test_a_name_at_the_edge_of_the_view_moves_inside_it_rather_than_be_cut(qtbot):
    layer = LabelLayer()
    layer.set_labels([Label(0, 0, "Taiping"), Label(0, -4000, "Shengxing"), Label(0, 4000, "Jinsha")])
    image = QImage(400, 300, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.translate(200, 150)
    painter.scale(0.01, -0.01)  # 100 m a pixel; Shengxing's anchor 40 px below the centre, Jinsha's 40 px above
    layer.paint(painter)
    painter.end()
    assert layer.shown() == ["Taiping", "Shengxing", "Jinsha"] and not layer._shift.any()
    image.fill(0)
    painter = QPainter(image)
    painter.translate(200, 2)  # Taiping's anchor 2 px from the top: on its spot half its name is cut
    painter.scale(0.01, -0.01)
    layer.paint(painter)
    boxes = label_boxes(layer, painter)
    painter.end()
    assert boxes["Taiping"].top() >= 0 and layer._shift[0] > 0  # a line down, whole
    # Jinsha, above the view, is not drawn; Shengxing makes way below Taiping.
    assert layer.shown() == ["Taiping", "Shengxing"] and boxes["Taiping"].bottom() < boxes["Shengxing"].top()


@pytest.mark.parametrize(("pixel_size", "moved"), [(15, False), (54, True)])
def test_names_in_wall_type_keep_a_third_of_the_type_size_apart(qtbot, pixel_size, moved):
    layer = LabelLayer()
    layer.set_style(pixel_size, QColor("#ffffff"), QColor(0, 0, 0, 230))
    layer.set_labels([Label(0, 0, "Taiping"), Label(0, 0, "Shengxing")])
    first, second = layer._images
    # The glyphs 8 px apart side by side: clear at desk type (4 px), too close at wall type (18 px).
    dx = (first.width() + second.width()) / 2 - 2 * layer._halo.widthF() + 8
    layer.set_labels([Label(0, 0, "Taiping"), Label(dx, 0, "Shengxing")])
    image = QImage(2000, 800, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.translate(600, 400)
    painter.scale(1, -1)
    layer.paint(painter)
    boxes = label_boxes(layer, painter)
    painter.end()
    assert layer.shown() == ["Taiping", "Shengxing"]
    assert (boxes["Shengxing"].center().y() != boxes["Taiping"].center().y()) == moved


def test_symbols_land_on_the_same_pixels_when_repaired_as_when_drawn_whole(qtbot):
    rng = np.random.default_rng(3)
    layer = MarkerLayer()
    markers = layer.add_set()
    markers.set_points(rng.uniform(0, 560, 150), rng.uniform(0, 400, 150), [str(i) for i in range(150)],
                       [MarkerStyle("s", 6, QBrush(QColor("#0072b2")), cosmetic_pen("#003a5c", 1.0))])
    # A scale and offsets with fractions, so that symbols' corners fall between pixels: Qt rounds
    # such a corner one way without a clip and another way inside a repaired rectangle.
    transform = QTransform(0.71, 0, 0, -0.71, 3.67, 300.1)
    corners = zip(range(0, 400, 7), rng.integers(0, 290, 58).tolist())
    rects = [QRectF(float(x), float(y), 13, 11) for x, y in corners]

    def draw(repair: bool) -> QImage:
        image = QImage(400, 300, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        painter.setTransform(transform)
        layer.paint(painter)
        if repair:  # clear the rectangles as the base would, then draw them again
            painter.save()
            painter.resetTransform()
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            for rect in rects:
                painter.fillRect(rect, QColor(0, 0, 0, 0))
            painter.restore()
            layer.paint(painter, rects)
        painter.end()
        return image

    whole = pixels(draw(repair=False))
    assert whole.any()
    assert np.array_equal(pixels(draw(repair=True)), whole)
