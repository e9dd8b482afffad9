"""Grid map repaint: MapPanel's layered items against one QGraphicsItem per grid and per marker.

The demo street's 536 micro-grids with ~1,700 sensors, 150 staff on duty and 500 open cases (put into
a twin by events) are shown in a 1920x1080 view, offscreen. Every frame timed is a full repaint of
the view as on screen: QWidget.repaint() of the whole viewport into its window's backing store, the
clearing that the widget asks of Qt included. The baseline draws the same polygons and markers as
one QGraphicsPolygonItem per grid, one QGraphicsPathItem per road and one QGraphicsEllipseItem per
marker in a plain QGraphicsView (its defaults), with the same view transform and render hints, in
the same run; the kinds of frame are interleaved so that a change of machine load hits them alike,
and an event filter checks that every timed repaint painted.

"median_ms" is a repaint after every marker layer changed (all staff moved, a case changed its risk,
a sensor alarm was raised and the previous one cleared, applied as events through the twin and the
panel's refresh, untimed): the areas, roads and boundaries come from MapPanel's cached base
picture, the sensors and cases composed into it are repaired where they changed, as on a live 20 Hz
update. "cold_median_ms" repaints after the cache was dropped (after a pan, zoom or recolour:
everything is drawn), and "cold_ratio" compares that to the same baseline; "idle_median_ms" is a
repaint with nothing changed (an expose). "floor_median_ms" is the least any cached repaint does,
timed after the same change: an opaque widget of the view's size whose paint copies one picture.
"repair_exact" says whether the repaired picture equals a fresh render pixel for pixel. A second
ratio compares MapPanel.recolour() with new colours (alternating two measures) with
MapPanel.rebuild_layer() (projecting and building the polygons again).

Usage: python benchmarks/map_render.py [--quick] [--seed S] [--png FILE]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import shapely  # noqa: E402

from cockpit.street.model import Street  # noqa: E402
from cockpit.twin import TwinState  # noqa: E402
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel, Source, StaffStatus  # noqa: E402
from cockpit.vocabulary.events import (  # noqa: E402
    AlarmCleared,
    AlarmRaised,
    CaseReported,
    CaseTriaged,
    ClockTick,
    Event,
    SensorReading,
    StaffMoved,
    StaffStatusChanged,
)

TARGET_RATIO = 10.0
TARGET_MS = 1000 / 60
TARGET_RECOLOUR = 0.25
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)
log = logging.getLogger("map_render")


def scenario_events(street: Street, seed: int, cases: int = 500, staff: int = 150,
                    sensor_alarms: int = 25, now: datetime = NOW) -> list[Event]:
    """A busy moment of the street as events: open cases (some overdue), staff on duty, sensor
    readings (some devices gone silent) and sensor alarms, ending with a clock tick at ``now``."""
    rng = np.random.default_rng(seed)
    events: list[Event] = []
    micro = street.micro_grids
    categories = list(TwinState(street).categories.codes)
    risks = [RiskLevel.BLUE, RiskLevel.YELLOW, RiskLevel.RED]
    for n in range(cases):
        grid = micro[int(rng.integers(len(micro)))]
        lon, lat = _point_in(grid.polygon, rng)
        at = now - timedelta(hours=float(rng.uniform(0.1, 60.0)))
        events.append(CaseReported(
            at, f"BENCH-{n:04d}", categories[int(rng.integers(len(categories)))], Source.PATROL, lon, lat,
            grid.id, grid.general_grid_id, grid.community_id, risk=risks[int(rng.choice(3, p=[0.6, 0.3, 0.1]))],
        ))
    statuses = [StaffStatus.AVAILABLE, StaffStatus.EN_ROUTE, StaffStatus.ON_SCENE, StaffStatus.BUSY]
    for index in rng.choice(len(street.staff), size=min(staff, len(street.staff)), replace=False):
        member = street.staff[int(index)]
        at = now - timedelta(minutes=float(rng.uniform(1, 30)))
        events.append(StaffStatusChanged(at, member.id, statuses[int(rng.choice(4, p=[0.5, 0.2, 0.15, 0.15]))]))
        events.append(StaffMoved(at, member.id, member.lon + rng.normal(0, 0.002), member.lat + rng.normal(0, 0.002)))
    for seq, sensor in enumerate(street.sensors):
        # Most devices reported within their interval; about 5 % have been silent for 4 intervals.
        silent = rng.random() < 0.05
        age = sensor.interval_s * (4.0 if silent else float(rng.uniform(0.1, 1.0)))
        events.append(SensorReading(now - timedelta(seconds=age), sensor.id, seq, {"value": 1.0}))
    for n, index in enumerate(rng.choice(len(street.sensors), size=sensor_alarms, replace=False)):
        sensor = street.sensors[int(index)]
        events.append(AlarmRaised(now - timedelta(minutes=float(rng.uniform(1, 50))), f"BENCH-A{n:03d}", "sensor",
                                  RiskLevel.RED, sensor_id=sensor.id, detail="benchmark"))
    events.sort(key=lambda e: e.at)
    events.append(ClockTick(now))
    return events


def _point_in(polygon, rng: np.random.Generator) -> tuple[float, float]:
    minx, miny, maxx, maxy = polygon.bounds
    while True:
        lon, lat = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if shapely.contains_xy(polygon, lon, lat):
            return float(lon), float(lat)


def marker_changes(twin: TwinState, step: int) -> list[Event]:
    """Events that change every marker layer of the map and no area's colour (open cases stay open).

    All staff on duty step a few metres (back and forth), the ``step``-th case still only reported is
    triaged to another risk, and a sensor alarm is raised while the one of the previous step clears.
    """
    at = twin.now + timedelta(seconds=1)
    sign = 1 if step % 2 else -1
    events: list[Event] = [StaffMoved(at, s.id, s.lon + sign * 5e-5, s.lat)
                           for s in twin.staff.values() if s.status is not StaffStatus.OFF_DUTY]
    reported = sorted(c.id for c in twin.open_cases() if c.triaged_at is None)
    case = twin.cases[reported[step % len(reported)]]
    risk = RiskLevel.RED if case.risk is not RiskLevel.RED else RiskLevel.BLUE
    events.append(CaseTriaged(at, case.id, case.category, risk, OwnerLevel.GRID))
    sensor = twin.street.sensors[(step * 7919) % len(twin.street.sensors)]
    if f"FRAME-A{step - 1}" in twin.alarms:
        events.append(AlarmCleared(at, f"FRAME-A{step - 1}"))
    events.append(AlarmRaised(at, f"FRAME-A{step}", "sensor", RiskLevel.RED, sensor_id=sensor.id))
    events.append(ClockTick(at))
    return events


def _frame_ms(view, before=None) -> float:
    """Milliseconds of one repaint of ``view``'s whole viewport; ``before`` runs untimed first."""
    if before is not None:
        before()
    start = time.perf_counter()
    view.viewport().repaint()
    return (time.perf_counter() - start) * 1000


def _interleaved_ms(frames: dict, repeats: int) -> dict[str, list[float]]:
    """``repeats`` timings of each (view, before) in ``frames``, taken in turn, after two warm-ups."""
    times: dict[str, list[float]] = {name: [] for name in frames}
    for n in range(repeats + 2):
        for name, (view, before) in frames.items():
            ms = _frame_ms(view, before)
            if n >= 2:
                times[name].append(ms)
    return times


def _paint_counter(views):
    """An event filter counting the paint events of each view's viewport: every timed repaint must paint."""
    from PySide6.QtCore import QEvent, QObject

    class PaintCounter(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.paints: dict[object, int] = {}

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint:
                self.paints[watched] = self.paints.get(watched, 0) + 1
            return False

    counter = PaintCounter()
    for view in views:
        view.viewport().installEventFilter(counter)
    return counter


def _blit_only(size: tuple[int, int]):
    """The least a cached repaint can do: an opaque widget of the view's size whose paint copies one picture.

    Timed by :func:`_frame_ms` after the same untimed work as MapPanel's frames: the floor under
    "median_ms" on this machine.
    """
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QWidget

    from widgets.map_layers import ROW_PADDING

    class BlitOnly(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
            self.image = QImage(size[0] + ROW_PADDING, size[1], QImage.Format.Format_ARGB32_Premultiplied)
            self.image.fill(QColor("#f4f1ea"))
            self.resize(*size)

        def viewport(self):
            return self

        def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
            painter = QPainter(self)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            painter.drawImage(QPointF(0, 0), self.image, QRectF(0, 0, *size))
            painter.end()

    widget = BlitOnly()
    widget.show()
    return widget


def _render(view, image) -> None:
    """Render ``view`` into ``image`` (cleared first) as its viewport shows it."""
    from PySide6.QtGui import QPainter

    image.fill(0)
    painter = QPainter(image)
    # render() does not apply the view's hints itself; a paintEvent would.
    painter.setRenderHints(view.renderHints())
    view.render(painter)
    painter.end()


def _pixels(view, size) -> np.ndarray:
    """One render of ``view`` as an array of bytes."""
    from PySide6.QtGui import QImage

    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32_Premultiplied)
    _render(view, image)
    return np.frombuffer(image.constBits(), np.uint8).copy()


def _save(view, size, path: str) -> None:
    from PySide6.QtGui import QImage

    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32_Premultiplied)
    _render(view, image)
    image.save(path)


def _baseline_view(panel, size):
    """The same picture as one item per grid, per road and per marker in a plain scene."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QBrush, QPainterPath, QPen, QPixmap, QTransform
    from PySide6.QtWidgets import (
        QFrame,
        QGraphicsEllipseItem,
        QGraphicsItem,
        QGraphicsPathItem,
        QGraphicsPixmapItem,
        QGraphicsPolygonItem,
        QGraphicsScene,
        QGraphicsView,
    )

    from widgets.map_layers import rings

    scene = QGraphicsScene()
    outline = QPen(panel._area_layer.outline_pen)
    for area_id in panel.shown_areas():
        for ring in rings(panel._area_xy[area_id]):
            item = QGraphicsPolygonItem(ring)
            item.setBrush(panel.area_brush(area_id))
            item.setPen(outline)
            scene.addItem(item)
    for style in panel._background.paths:
        # Roads one item each (as a naive map would hold them); river and boundaries as drawn by us.
        for polygon in style.path.toSubpathPolygons():
            path = QPainterPath()
            path.addPolygon(polygon)
            item = QGraphicsPathItem(path)
            item.setPen(style.pen)
            item.setBrush(style.brush)
            scene.addItem(item)
    for anchor, image in panel._labels.items():
        item = QGraphicsPixmapItem(QPixmap.fromImage(image))
        item.setOffset(-image.width() / 2, -image.height() / 2)
        item.setPos(anchor)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        scene.addItem(item)
    view = QGraphicsView(scene)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setRenderHints(panel.view.renderHints())
    view.setBackgroundBrush(QBrush(panel._base.background))
    view.resize(*size)
    view.show()
    (x0, x1), (y0, y1) = panel.viewbox.viewRange()
    scale = min(size[0] / (x1 - x0), size[1] / (y1 - y0))
    view.setTransform(QTransform.fromScale(scale, -scale))
    view.centerOn((x0 + x1) / 2, (y0 + y1) / 2)
    metres_per_px = 1 / scale
    for scatter in (panel._sensors, panel._staff, panel._cases):
        data = scatter.data
        for x, y, s, pen, brush in zip(data["x"], data["y"], data["size"], data["pen"], data["brush"]):
            r = s * metres_per_px / 2
            item = QGraphicsEllipseItem(x - r, y - r, 2 * r, 2 * r)
            item.setPen(pen if pen is not None else QPen())
            item.setBrush(brush if brush is not None else QBrush())
            scene.addItem(item)
    return view, scene


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (finishes in well under a minute)")
    parser.add_argument("--seed", type=int, default=20261124)
    parser.add_argument("--png", help="also save our rendering to this PNG")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")

    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication

    from cockpit.street.demo import load_demo_street
    from widgets.map_panel import MapPanel
    from widgets.twin_model import TwinModel

    app = QApplication.instance() or QApplication([])
    size = (1920, 1080)
    repeats = 15 if args.quick else 60
    street = load_demo_street()
    twin = TwinState(street)
    twin.apply_many(scenario_events(street, args.seed))
    model = TwinModel(twin)
    panel = MapPanel(model)
    panel.set_level("micro")
    panel.resize(*size)
    panel.show()
    app.processEvents()
    # The view itself is what is rendered: make it exactly the target size below the tool rows.
    panel.resize(size[0], size[1] + panel.height() - panel.view.height())
    app.processEvents()
    panel.fit()
    app.processEvents()
    log.info("view %dx%d", panel.view.width(), panel.view.height())
    counts = {
        "micro_grids": len(panel.shown_areas()),
        "sensors": len(panel.marker_ids("sensors")),
        "staff": len(panel.marker_ids("staff")),
        "cases": len(panel.marker_ids("cases")),
    }
    log.info("scene: %s", counts)

    baseline_view, baseline_scene = _baseline_view(panel, size)
    steps = iter(range(10**6))

    def change_markers() -> None:
        model.submit(marker_changes(twin, next(steps)))
        model.drain()
        panel.refresh()
        if not panel._base.cached:
            raise RuntimeError("a marker change dropped the base map's picture")

    floor = _blit_only(size)
    app.processEvents()
    frames = {"ours": (panel.view, change_markers), "idle": (panel.view, None),
              "cold": (panel.view, panel._base.invalidate), "baseline": (baseline_view, None),
              "floor": (floor, change_markers)}
    counter = _paint_counter(view for view, _ in frames.values())
    times = _interleaved_ms(frames, repeats)
    # The panel's view is timed three times a round.
    painted = {name: counter.paints.get(view.viewport(), 0) / (3 if view is panel.view else 1)
               for name, (view, _) in frames.items()}
    if min(painted.values()) < repeats + 2:
        raise RuntimeError(f"a timed repaint did not paint (paints per frame kind: {painted})")
    # The repaired picture must be the one a fresh render draws, pixel for pixel.
    change_markers()
    repaired = _pixels(panel.view, size)
    panel._base.invalidate()
    repair_exact = bool(np.array_equal(repaired, _pixels(panel.view, size)))
    baseline_view.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    baseline_aa = _interleaved_ms({"aa": (baseline_view, None)}, max(5, repeats // 3))["aa"]
    ours_ms, baseline_ms = statistics.median(times["ours"]), statistics.median(times["baseline"])
    cold_ms, idle_ms = statistics.median(times["cold"]), statistics.median(times["idle"])
    floor_ms = statistics.median(times["floor"])
    baseline_aa_ms = statistics.median(baseline_aa)
    log.info("render: ours %.2f ms after markers changed (cold %.2f ms, idle %.2f ms; a bare blit after the same "
             "change %.2f ms), baseline %.2f ms (%d items; antialiased %.2f ms)", ours_ms, cold_ms, idle_ms, floor_ms,
             baseline_ms, len(baseline_scene.items()), baseline_aa_ms)

    recolour, rebuild = [], []
    for n in range(repeats):
        start = time.perf_counter()
        panel.set_measure(("staff_coverage", "open_cases")[n % 2])
        recolour.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        panel.rebuild_layer()
        rebuild.append((time.perf_counter() - start) * 1000)
    recolour_ms, rebuild_ms = statistics.median(recolour), statistics.median(rebuild)
    log.info("recolour %.2f ms, rebuild %.2f ms", recolour_ms, rebuild_ms)

    if args.png:
        _save(panel.view, size, args.png)
        _save(baseline_view, size, args.png.replace(".png", "-baseline.png"))

    panel.close()
    floor.close()
    model.close()
    ratio = baseline_ms / ours_ms
    recolour_ratio = recolour_ms / rebuild_ms
    result = {
        "benchmark": "map_render",
        "ratio": round(ratio, 2),
        "baseline": "one QGraphicsPolygonItem per micro-grid, one item per road and per marker, same view",
        "target": TARGET_RATIO,
        "passed": bool(ratio >= TARGET_RATIO and ours_ms <= TARGET_MS and cold_ms <= TARGET_MS
                       and recolour_ratio <= TARGET_RECOLOUR and repair_exact),
        "median_ms": round(ours_ms, 3),
        "baseline_median_ms": round(baseline_ms, 3),
        "cold_median_ms": round(cold_ms, 3),
        "cold_ratio": round(baseline_ms / cold_ms, 2),
        "idle_median_ms": round(idle_ms, 3),
        "idle_ratio": round(baseline_ms / idle_ms, 2),
        "floor_median_ms": round(floor_ms, 3),
        "floor_ratio": round(baseline_ms / floor_ms, 2),
        "repair_exact": repair_exact,
        "baseline_antialiased_median_ms": round(baseline_aa_ms, 3),
        "target_ms": round(TARGET_MS, 1),
        "recolour_ms": round(recolour_ms, 3),
        "rebuild_ms": round(rebuild_ms, 3),
        "recolour_over_rebuild": round(recolour_ratio, 3),
        "target_recolour_over_rebuild": TARGET_RECOLOUR,
        "size": list(size),
        **counts,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
