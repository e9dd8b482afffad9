"""The desk window lays out the panels it is given: above the map, the map, docks that share by tabs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLabel

from widgets.main_window import PANEL_AREAS, MainWindow


@pytest.fixture
def window(qtbot, model):
    main = MainWindow(model, "operator")
    qtbot.addWidget(main)
    return main


def test_panels_go_above_the_map_in_order_and_docks_share_an_area_as_tabs(window):
    strip, banner, map_panel = QLabel("strip"), QLabel("banner"), QLabel("map")
    detail, queue, kpi = QLabel("detail"), QLabel("queue"), QLabel("kpi")
    window.add_panel("map", map_panel, "centre")
    window.add_panel("banner", banner, "top")
    window.add_panel("strip", strip, "top")
    window.add_panel("detail", detail, "right", QT_TRANSLATE_NOOP("MainWindow", "Case"))
    window.add_panel("queue", queue, "bottom", QT_TRANSLATE_NOOP("MainWindow", "Case queue"))
    window.add_panel("kpi", kpi, "bottom", QT_TRANSLATE_NOOP("MainWindow", "KPIs"))

    column = window.centralWidget().layout()
    assert [column.itemAt(i).widget() for i in range(column.count())] == [banner, strip, map_panel]
    assert column.stretch(2) == 1
    assert window.dockWidgetArea(window.docks["detail"]) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.tabifiedDockWidgets(window.docks["queue"]) == [window.docks["kpi"]]
    assert window.docks["queue"].widget() is queue and window.docks["kpi"].windowTitle() == "KPIs"
    assert set(window.panels) == {"map", "banner", "strip", "detail", "queue", "kpi"}


def test_docked_titles_follow_the_language(window, languages):
    window.add_panel("queue", QLabel(), "bottom", QT_TRANSLATE_NOOP("MainWindow", "Case queue"))
    assert window.docks["queue"].windowTitle() == "Case queue"
    languages.set_language("zh")
    assert window.docks["queue"].windowTitle() == "事件队列"


def test_a_panel_that_cannot_be_placed_is_refused_with_the_reason(window):
    window.add_panel("map", QLabel(), "centre")
    with pytest.raises(ValueError, match="already a panel called 'map'"):
        window.add_panel("map", QLabel(), "right", "Map")
    with pytest.raises(ValueError, match="centre already holds a panel; 'other' cannot go there too"):
        window.add_panel("other", QLabel(), "centre")
    with pytest.raises(ValueError, match="unknown area 'left'"):
        window.add_panel("other", QLabel(), "left")
    assert set(window.panels) == {"map"} and PANEL_AREAS == ("top", "centre", "right", "bottom")


class Panel(QLabel):
    """A panel that notes when it is closed (real panels disconnect from the model then)."""

    closed = False

    def closeEvent(self, event) -> None:
        self.closed = True
        super().closeEvent(event)


def test_closing_the_window_closes_its_panels(qtbot, window):
    panels = [Panel("a"), Panel("b")]
    window.add_panel("a", panels[0], "top")
    window.add_panel("b", panels[1], "bottom", "b")
    window.show()
    qtbot.waitExposed(window)
    window.close()
    assert [p.closed for p in panels] == [True, True]
