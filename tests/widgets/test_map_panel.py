"""The grid map: drill-down, breadcrumb, colouring by measure, markers, search, fly-to and tooltips.

Runs on the tiny street (2 communities, 4 general grids, 8 micro-grids of 500 m squares), so the
expected areas, bins and counts follow from the fixture by hand.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cockpit.twin import TwinState
from cockpit.vocabulary.domain import RiskLevel, SensorKind, Source, StaffStatus
from cockpit.vocabulary.events import AlarmRaised, CaseReported, ClockTick, SensorReading, StaffStatusChanged
from tests.core.tiny import centre, tiny_street
from widgets import i18n
from widgets.map_measures import AreaHierarchy, compute_measure, make_bins
from widgets.map_panel import MapPanel
from widgets.theme import MAP_COLORS, RISK_COLORS, wall_pixel_size
from widgets.twin_model import TwinModel

T0 = datetime(2026, 11, 24, 2, 0, tzinfo=timezone.utc)


def report(case_id: str, micro: str, col: float, row: float, risk: RiskLevel | None = None,
           at: datetime = T0) -> CaseReported:
    general, community = micro.rsplit("-", 1)[0], micro.split("-")[0]
    lon, lat = centre(col, row)
    return CaseReported(at, case_id, "neighbour_dispute", Source.PATROL, lon, lat, micro, general, community,
                        risk=risk)


@pytest.fixture
def model():
    twin = TwinState(tiny_street())
    # Three cases in the south-west micro-grid (cell 0,0), one in C02-G02-M01 (cell 2,1).
    twin.apply_many([
        report("K-1", "C01-G01-M01", 0.2, 0.2),
        report("K-2", "C01-G01-M01", -0.2, -0.2),
        report("K-3", "C01-G01-M01", 0.0, 0.25, RiskLevel.YELLOW),
        report("K-4", "C02-G02-M01", 2.0, 1.0),
        SensorReading(T0, "SMK-1", 1, {"smoke": 0.0}),
    ])
    model = TwinModel(twin)
    yield model
    model.close()


def submit(model: TwinModel, events) -> None:
    model.submit(events)
    model.drain()


def rendered(panel: MapPanel) -> QImage:
    """The map view as the screen would show it."""
    image = QImage(panel.view.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    panel.view.render(painter)
    painter.end()
    return image


def test_starts_at_the_street_showing_communities_with_their_names(panel):
    assert panel.focus == ("street", "tiny")
    assert panel.shown_areas() == ["C01", "C02"]
    assert [kind for kind, _, _ in panel.breadcrumb()] == ["street"]
    assert panel._labels.texts == [i18n.community_name(tiny_street(), "C01"), i18n.community_name(tiny_street(), "C02")]


def test_click_drills_down_one_level_at_a_time_and_the_breadcrumb_goes_back(qtbot, panel):
    with qtbot.waitSignal(panel.level_changed) as changed:
        panel.click_area("C01")
    assert changed.args == ["community", "C01"]
    assert panel.shown_areas() == ["C01-G01", "C01-G02"]

    with qtbot.waitSignal(panel.area_selected) as selected:
        panel.click_area("C01-G02")
    assert selected.args == ["general", "C01-G02"]
    assert panel.shown_areas() == ["C01-G02-M01", "C01-G02-M02"]

    panel.click_area("C01-G02-M02")
    assert panel.focus == ("micro", "C01-G02-M02")
    assert panel.shown_areas() == ["C01-G02-M01", "C01-G02-M02"]  # siblings, this one highlighted
    assert [kind for kind, _, _ in panel.breadcrumb()] == ["street", "community", "general", "micro"]

    assert [b.text() for b in panel.crumb_buttons][1] == i18n.community_name(tiny_street(), "C01")
    assert panel.crumb_buttons[-1].font().bold()  # where we are
    with qtbot.waitSignal(panel.level_changed) as changed:
        qtbot.mouseClick(panel.crumb_buttons[1], Qt.MouseButton.LeftButton)
    assert changed.args == ["community", "C01"]
    assert panel.shown_areas() == ["C01-G01", "C01-G02"]

    panel.go_up()
    assert panel.focus == ("street", "tiny")
    assert panel.shown_areas() == ["C01", "C02"]


def test_a_real_mouse_click_on_a_community_drills_into_it(qtbot, panel):
    polygon = panel._area_xy["C02"]
    scene_point = panel.viewbox.mapViewToScene(QPointF(polygon.centroid.x, polygon.centroid.y))
    pos = panel.view.mapFromScene(scene_point)
    with qtbot.waitSignal(panel.level_changed) as changed:
        QTest.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    assert changed.args == ["community", "C02"]
    (x0, x1), (y0, y1) = panel.viewbox.viewRange()
    minx, miny, maxx, maxy = polygon.bounds
    assert x0 <= minx and maxx <= x1 and y0 <= miny and maxy <= y1
    assert x1 - x0 < 1.6 * (maxx - minx) or y1 - y0 < 1.6 * (maxy - miny)  # zoomed in, not the street


def test_the_mouse_wheel_zooms_and_a_drag_pans_the_map(qtbot, panel):
    viewport = panel.view.viewport()
    centre_px = viewport.rect().center()
    (x0, x1), _ = panel.viewbox.viewRange()
    wheel = QWheelEvent(QPointF(centre_px), QPointF(viewport.mapToGlobal(centre_px)), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    (z0, z1), _ = panel.viewbox.viewRange()
    assert z1 - z0 < 0.95 * (x1 - x0)  # zoomed in
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre_px)
    for step in range(1, 11):
        QTest.mouseMove(viewport, centre_px + QPoint(10 * step, 0))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre_px + QPoint(100, 0))
    (p0, p1), _ = panel.viewbox.viewRange()
    assert p0 < z0 and p1 - p0 == pytest.approx(z1 - z0)  # dragged right: the map moved right, same zoom
    assert panel.focus == ("street", "tiny")  # a drag is not a click


def test_the_chosen_level_shows_every_micro_grid_of_the_street(panel):
    panel.set_level("micro")
    assert len(panel.shown_areas()) == 8
    assert panel.area_bin("C01-G01-M01") > panel.area_bin("C02-G02-M01") > panel.area_bin("C01-G01-M02") == 0


def test_colour_bins_follow_the_measure_and_the_legend_counts_areas(qtbot, panel, model):
    # Open cases: C01 has 3, C02 has 1.
    assert panel.area_value("C01") == 3 and panel.area_value("C02") == 1
    assert panel.area_bin("C01") > panel.area_bin("C02") > 0
    assert panel.area_brush("C01").color() != panel.area_brush("C02").color()
    assert [(label, count) for label, _, count in panel.legend_entries()] == [("0", 0), ("1", 1), ("2", 0), ("3", 1)]

    panel.set_measure("active_alarms")
    assert panel.area_bin("C01") == panel.area_bin("C02") == 0
    assert panel.area_brush("C01").color() == MAP_COLORS["light"].ramp[0]

    submit(model, [AlarmRaised(T0 + timedelta(minutes=1), "A-1", "sensor", RiskLevel.RED, sensor_id="MH-1")])
    qtbot.waitUntil(lambda: panel.area_bin("C02") == 1)
    assert panel.area_bin("C01") == 0
    assert panel.area_brush("C02").color() != MAP_COLORS["light"].ramp[0]


def test_staff_coverage_counts_available_staff_where_they_are(qtbot, panel, model):
    panel.set_measure("staff_coverage")
    assert panel.area_value("C01") == 0
    submit(model, [StaffStatusChanged(T0, "VOL-1", StaffStatus.AVAILABLE),
                   StaffStatusChanged(T0, "GW-C02-G01", StaffStatus.AVAILABLE)])
    qtbot.waitUntil(lambda: panel.area_value("C01") == 1 and panel.area_value("C02") == 1)
    # At street level an available volunteer (on call at home) is left out; the grid worker is drawn.
    assert panel.marker_ids("staff") == ["GW-C02-G01"]
    panel.drill_to("community", "C01")
    qtbot.waitUntil(lambda: "VOL-1" in panel.marker_ids("staff"))


def test_sensors_are_one_marker_a_grid_at_street_level_and_each_their_own_below(qtbot, panel, model):
    assert panel.sensors_grouped and sorted(panel.marker_ids("sensors")) == ["C01-G01", "C01-G02", "C02-G02"]
    assert panel.sensor_tooltip("C01-G01").splitlines()[1] == "1 sensors · 0 silent · 0 alarming"
    submit(model, [AlarmRaised(T0, "A-1", "sensor", RiskLevel.RED, sensor_id="SMK-1")])
    qtbot.waitUntil(lambda: panel.marker_style("sensors", "C01-G01")[0] == "star")
    panel.drill_to("community", "C01")
    qtbot.waitUntil(lambda: not panel.sensors_grouped and "SMK-1" in panel.marker_ids("sensors"))
    assert panel.marker_style("sensors", "SMK-1")[0] == "star"


def test_the_fit_button_returns_to_the_whole_street(qtbot, panel):
    panel.drill_to("micro", "C02-G01-M02")
    qtbot.mouseClick(panel._fit_button, Qt.MouseButton.LeftButton)
    assert panel.focus == ("street", panel._street.id) and panel.sensors_grouped


def test_a_new_red_case_appears_as_a_red_marker_after_the_model_signal(qtbot, panel, model):
    assert "K-9" not in panel.marker_ids("cases")
    with qtbot.waitSignal(model.cases_changed):
        submit(model, [report("K-9", "C02-G01-M02", 3.0, 0.0, RiskLevel.RED, T0 + timedelta(minutes=5))])
    qtbot.waitUntil(lambda: "K-9" in panel.marker_ids("cases"))
    symbol, size, colour = panel.marker_style("cases", "K-9")
    assert colour == RISK_COLORS[RiskLevel.RED]
    assert size > panel.marker_style("cases", "K-1")[1]
    assert panel.marker_ids("cases")[-1] == "K-9"  # red is drawn last, on top
    assert panel.marker_style("cases", "K-1")[2] == RISK_COLORS[RiskLevel.BLUE]


def test_an_alarming_sensor_is_a_big_red_star(qtbot, panel, model):
    panel.drill_to("community", "C01")
    qtbot.waitUntil(lambda: "SMK-1" in panel.marker_ids("sensors"))
    assert panel.marker_style("sensors", "SMK-1")[0] == "s"
    submit(model, [AlarmRaised(T0 + timedelta(minutes=1), "A-2", "sensor", RiskLevel.RED, sensor_id="SMK-1")])
    qtbot.waitUntil(lambda: panel.marker_style("sensors", "SMK-1")[0] == "star")
    symbol, size, colour = panel.marker_style("sensors", "SMK-1")
    assert colour == QColor("#e03131") and size > panel.marker_style("sensors", "BRC-1")[1]


def test_search_flies_to_a_grid_a_case_and_a_staff_member(qtbot, panel):
    assert panel.search("C02第1网格")
    assert panel.focus == ("general", "C02-G01")
    with qtbot.waitSignal(panel.case_activated) as activated:
        assert panel.search("K-4")
    assert activated.args == ["K-4"]
    assert panel.focus == ("micro", "C02-G02-M01")
    assert panel.search("志愿者甲")
    assert panel.focus == ("micro", "C01-G02-M02")
    assert not panel.search("no such place")
    assert "C01-G02微网格1" in panel._search_model.stringList()


def test_fly_to_case_drills_to_its_micro_grid_and_centres_on_it(qtbot, panel):
    with qtbot.waitSignal(panel.level_changed) as changed:
        panel.fly_to_case("K-4")
    assert changed.args == ["micro", "C02-G02-M01"]
    assert panel.shown_areas() == ["C02-G02-M01", "C02-G02-M02"]
    x, y = panel._case_position("K-4")
    (x0, x1), (y0, y1) = panel.viewbox.viewRange()
    assert (x0 + x1) / 2 == pytest.approx(x, abs=1) and (y0 + y1) / 2 == pytest.approx(y, abs=1)
    assert panel._focus_marker.isVisible()
    panel.fly_to_micro_grid("C01-G01-M02")
    assert panel.focus == ("micro", "C01-G01-M02") and not panel._focus_marker.isVisible()


def test_tooltips_name_the_area_case_sensor_and_staff(qtbot, panel, model):
    assert panel.area_tooltip("C01").splitlines() == [i18n.community_name(tiny_street(), "C01"), "Open cases: 3"]
    x, y = panel._case_position("K-4")
    text = panel.tooltip_at(x, y)
    assert text.splitlines()[0] == "K-4"
    assert i18n.category_name(model.twin.categories, "neighbour_dispute") in text
    assert i18n.risk_name(RiskLevel.BLUE) in text
    assert panel.sensor_tooltip("SMK-1").splitlines() == ["SMK-1", i18n.sensor_kind_name(SensorKind.SMOKE), "normal"]
    assert panel.staff_tooltip("VOL-1").splitlines() == ["志愿者甲", i18n.staff_kind_name(model.twin.staff["VOL-1"].member.kind),
                                                        i18n.staff_status_name(StaffStatus.OFF_DUTY)]
    # Away from any marker, the area under the point and its measure.
    x0, y0, x1, y1 = panel._area_xy["C01-G02"].bounds  # a corner of the grid, clear of its sensors' marker
    assert panel.tooltip_at(x0 + 0.1 * (x1 - x0), y0 + 0.1 * (y1 - y0)).splitlines()[0] == i18n.community_name(
        tiny_street(), "C01")


def test_an_overdue_case_is_outlined_and_says_so(qtbot, panel, model):
    assert "OVERDUE" not in panel.case_tooltip("K-1")
    submit(model, [ClockTick(T0 + timedelta(hours=30))])
    qtbot.waitUntil(lambda: "OVERDUE" in panel.case_tooltip("K-1"))
    qtbot.waitUntil(lambda: panel._cases.data["pen"][panel.marker_ids("cases").index("K-1")] is panel._outline_pen)
    panel.set_measure("overdue_cases")
    assert panel.area_value("C01") == 2  # K-1 and K-2 are blue (24 h); K-3 is yellow (48 h)


def test_dark_theme_recolours_the_ramp_and_background(panel):
    panel.set_dark(True)
    assert panel.area_brush("C02").color() in list(MAP_COLORS["dark"].ramp)
    assert rendered(panel).pixelColor(2, 2) == QColor("#0d1117")  # a corner, off the street
    panel.set_dark(False)
    assert panel.area_brush("C02").color() in list(MAP_COLORS["light"].ramp)


def test_closing_disconnects_from_the_model(qtbot, panel, model):
    panel.close()
    submit(model, [report("K-10", "C02-G01-M02", 3.0, 0.0)])
    assert "K-10" not in panel.marker_ids("cases")


def test_measures_sum_up_the_hierarchy_and_bins_label_ranges():
    twin = TwinState(tiny_street())
    twin.apply_many([report(f"K-{i}", "C01-G01-M01", 0, 0) for i in range(4)] + [report("K-9", "C02-G01-M01", 2, 0)])
    areas = AreaHierarchy(twin.street)
    values = compute_measure("open_cases", twin, areas, lambda x, y: [None] * len(x))
    assert values["C01-G01-M01"] == values["C01-G01"] == values["C01"] == 4
    assert values["tiny"] == 5 and "C01-G02" not in values
    assert areas.short_name("C01-G01") == "C01第1网格"  # no parent name in front to drop
    assert areas.ancestor("C01-G01-M01", "community") == "C01" and areas.descendants("C02", "micro")[0] == "C02-G01-M01"
    bins = make_bins(np.array([0, 1, 2, 3, 7, 20, 40.0]), share=False)
    assert bins.labels[0] == "0" and bins.labels[-1].startswith("≥")
    assert bins.assign(np.array([0, 1, 40.0])).tolist() == [0, 1, len(bins.labels) - 1]
    share = make_bins(np.array([0.0, 0.5]), share=True)
    assert share.assign(np.array([0.0, 0.03, 0.5])).tolist() == [0, 1, 5]


def test_english_map_labels_leave_out_the_word_community(qtbot, model, languages, monkeypatch):
    monkeypatch.setattr(i18n, "community_name", lambda street, community_id: f"Taiping {community_id} Community")
    panel = MapPanel(model)
    qtbot.addWidget(panel)
    assert panel._labels.texts == ["Taiping C01", "Taiping C02"]  # long names ran into each other
    assert panel.area_tooltip("C01").splitlines()[0] == "Taiping C01 Community"
    panel.click_area("C02")
    assert panel.breadcrumb()[1][2] == "Taiping C02 Community"


def test_the_wall_hides_the_controls_and_writes_a_large_legend_of_the_measure(qtbot, languages, panel):
    controls = [panel._search, panel._fit_button, panel._level_box, panel._measure_box, *panel._toggles.values()]
    assert all(c.isVisible() for c in controls) and panel.legend_swatch_size() == (18, 14)
    assert panel._legend_title.text() == "Legend:"
    panel.set_for_wall(True)
    assert not any(c.isVisible() for c in controls)
    assert panel.legend.isVisible() and all(b.isVisible() for b in panel.crumb_buttons)
    # Which measure the colours count is no longer in a combo box: the legend says it.
    assert panel._legend_title.text() == "Open cases:"
    panel.set_measure("overdue_cases")
    assert panel._legend_title.text() == "Overdue cases:"
    swatch, text = panel._legend_items[0]
    assert swatch.isVisible() and text.isVisible()
    assert (swatch.width(), swatch.height()) == panel.legend_swatch_size() == (43, 27)  # type of a 1080p wall
    panel.set_wall_type_size(wall_pixel_size(2160))
    assert (swatch.width(), swatch.height()) == (86, 54)
    panel.set_for_wall(False)
    assert all(c.isVisible() for c in controls) and (swatch.width(), swatch.height()) == (18, 14)
    assert panel._legend_title.text() == "Legend:" and panel.legend.isVisible()


def test_wall_labels_and_markers_grow_with_the_wall_type(panel):
    assert panel._labels.pixel_size == 15
    assert panel.marker_style("cases", "K-1")[1] == 11
    panel.set_for_wall(True)
    assert panel._labels.pixel_size == wall_pixel_size(1080) == 27
    assert panel.marker_style("cases", "K-1")[1] == 11
    panel.set_wall_type_size(wall_pixel_size(2160))
    assert panel._labels.pixel_size == 54
    assert panel.marker_style("cases", "K-1")[1] == 22 and panel.marker_style("sensors", "C01-G01")[1] == 18
    panel.set_for_wall(False)
    assert panel._labels.pixel_size == 15 and panel.marker_style("cases", "K-1")[1] == 11
