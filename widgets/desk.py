"""The operator's desk as built: the main window, the panels in it and the tool windows it opened.

:func:`widgets.app.build_desk` builds and wires one; this record lets the session, the replay desk
and the tests reach its parts by name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from widgets.alarm_banner import AlarmBanner
from widgets.case_detail import CaseDetailPanel
from widgets.case_queue import CaseQueuePanel
from widgets.kpi_panel import KpiPanel
from widgets.main_window import MainWindow
from widgets.map_panel import MapPanel
from widgets.staff_board import StaffBoardPanel

DESK_SIZE = (1600, 960)
"""First size of the desk window: the map with the case detail beside it and the queue under it."""
TOOL_WINDOW_SIZE = (1500, 900)
"""First size of a tool window (simulation, training, debrief): its tables and plots side by side."""


@dataclass
class Desk:
    """The desk window and the panels in it; owns the tool windows opened from it."""

    window: MainWindow
    map_panel: MapPanel
    queue: CaseQueuePanel
    detail: CaseDetailPanel
    kpi: KpiPanel
    kpi_strip: KpiPanel
    staff: StaffBoardPanel
    banner: AlarmBanner
    tool_windows: list[QWidget] = field(default_factory=list)

    def open_tool(self, widget: QWidget) -> QWidget:
        """Show a tool window (simulation, training) that lives and closes with the desk."""
        widget.setParent(self.window, Qt.WindowType.Window)
        self.tool_windows.append(widget)
        widget.resize(*TOOL_WINDOW_SIZE)
        widget.show()
        return widget

    def set_dark(self, dark: bool) -> None:
        """The panels that draw their own colours follow the theme (the style sheet does the rest)."""
        self.map_panel.set_dark(dark)
        self.kpi.set_dark(dark)
