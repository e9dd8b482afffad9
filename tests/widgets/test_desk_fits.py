"""The desk fits its screen: at 1366x768, 1600x960 and 1920x1080, in Chinese and English, every KPI
value is drawn whole inside its tile, the case panel's dispatch list and button are in view without
scrolling, and the map keeps a useful share of the window; the map's colour steps read apart.

Set ``COCKPIT_SHOTS`` to a folder to keep each size's screenshot (for a person to look at).
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect

from widgets.app import start_session
from widgets.theme import MAP_COLORS

EVENING = datetime(2026, 11, 24, 12, 14, tzinfo=timezone.utc)  # 20:14 in Shanghai
SIZES = [(1366, 768), (1600, 960), (1920, 1080)]


def _in_window(widget, window) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _visible_in_scroll(widget, scroll) -> bool:
    """The widget lies inside the scroll area's viewport as the area stands (no scrolling)."""
    viewport = scroll.viewport()
    rect = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    return viewport.rect().contains(rect)


@pytest.fixture(scope="module")
def session(qapp):
    started = start_session(qapp, lang="zh", speed=1.0, start=EVENING, sound=False, actor="值班员")
    started.driver.stop()
    yield started
    started.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES)
def test_the_desk_fits_its_screen(qtbot, session, size, lang):
    session.set_language(lang)
    window = session.desk.window
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.size_docks()
    qtbot.wait(50)
    for kpis in window.findChildren(type(session.desk.kpi.source)):
        kpis.refresh()
    case = next(c for c in session.twin.open_cases() if c.status.value == "triaged") if any(
        c.status.value == "triaged" for c in session.twin.open_cases()) else session.twin.open_cases()[0]
    session.desk.show_case(case.id)
    qtbot.wait(50)
    shots = os.environ.get("COCKPIT_SHOTS")
    if shots:
        window.grab().save(str(Path(shots) / f"desk_{size[0]}x{size[1]}_{lang}.png"))
    frame = window.rect()

    # Every KPI value of the strip is drawn whole: its text's bounding box inside the label, the label
    # inside the window.
    for key, tile in session.desk.kpi_strip.tiles.items():
        for label in (tile.value, tile.title, tile.target):
            text_box = label.fontMetrics().boundingRect(label.text())
            area = label.contentsRect()
            assert text_box.width() <= area.width() and label.fontMetrics().height() <= area.height(), (
                key, label.text(), text_box, area)
            assert frame.contains(_in_window(label, window)), (key, label.text())

    # The dispatch controls of the case panel are in view without scrolling.
    detail = session.desk.detail
    scroll = detail._scroll
    for widget in (detail.dispatch_button, detail.recommendations, detail.triage_button):
        assert _visible_in_scroll(widget, scroll), (widget.objectName() or type(widget).__name__, size)
    assert detail.recommendations.height() >= 3 * detail.recommendations.sizeHintForRow(0)

    # The map keeps room to be read.
    view = session.desk.map_panel.view
    assert view.height() >= 0.3 * size[1] and view.width() >= 0.45 * size[0]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_map_colour_steps_read_apart_in_both_themes(theme):
    def lightness(colour) -> float:
        def linear(v: float) -> float:
            return ((v + 0.055) / 1.055) ** 2.4 if v > 0.04045 else v / 12.92
        y = 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())
        return 116 * (y ** (1 / 3) if y > 0.008856 else 7.787 * y + 16 / 116) - 16

    ramp = MAP_COLORS[theme].ramp
    steps = [lightness(c) for c in ramp]
    gaps = [abs(b - a) for a, b in zip(steps, steps[1:])]
    assert min(gaps) >= 10, gaps  # neighbouring bins at least 10 apart in lightness
    direction = 1 if theme == "dark" else -1  # more is darker on paper, brighter on the dark wall
    assert all(direction * (b - a) > 0 for a, b in zip(steps, steps[1:]))
