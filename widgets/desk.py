"""The operator's desk as built: the main window, the panels in it and the tool windows it opened.

:func:`widgets.app.build_desk` builds and wires one; this record lets the session, the replay desk
and the tests reach its parts by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from cockpit.security.authorizer import ExportCheck, community_of_area
from cockpit.reports import report_data
from cockpit.security.permissions import PermissionDenied, User
from cockpit.vocabulary.local_time import LOCAL_TZ
from widgets.alarm_banner import AlarmBanner
from widgets.case_detail import CaseDetailPanel
from widgets.case_queue import CaseQueuePanel
from widgets.kpi_panel import KpiPanel
from widgets.main_window import MainWindow
from widgets.map_panel import MapPanel
from widgets.error_text import translated
from widgets.reports import ReportDialog, default_day, write_report
from widgets.residents_panel import ResidentsPanel
from widgets.staff_board import StaffBoardPanel
from widgets.twin_model import TwinModel

RESIDENTS_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Residents")
REPORT_SHOWN_MS = 15_000
DESK_SIZE = (1920, 1080)
"""Largest first size of the desk window: it fills a desk monitor up to 1920x1080 (a larger screen
keeps this size and may be resized); its layout fits 1366x768, 1600x960 and 1920x1080."""
TOOL_WINDOW_SIZE = (1500, 900)
"""First size of a tool window (simulation, training, debrief): its tables and plots side by side."""


def fit_to_screen(window: QWidget, size: tuple[int, int]) -> None:
    """Give ``window`` its first ``size``, or the whole available screen when that is smaller (a
    1366x768 laptop), placed at the screen's top-left corner so nothing is off screen."""
    screen = window.screen() or QApplication.primaryScreen()
    available = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()
    width = min(size[0], available.width() - frame.width())
    height = min(size[1], available.height() - frame.height())
    window.resize(width, height)
    if width < size[0] or height < size[1]:
        window.move(available.topLeft())


@dataclass
class Desk:
    """The desk window and the panels in it; owns the tool windows opened from it."""

    model: TwinModel
    window: MainWindow
    map_panel: MapPanel
    queue: CaseQueuePanel
    detail: CaseDetailPanel
    kpi: KpiPanel
    kpi_strip: KpiPanel
    staff: StaffBoardPanel
    banner: AlarmBanner
    residents: ResidentsPanel | None = None
    tool_windows: list[QWidget] = field(default_factory=list)
    map_leads: bool = True
    """False while the map moves on behalf of another panel: it must not narrow the queue then."""
    export_check: ExportCheck | None = None
    report_frame: Callable[[], pd.DataFrame] | None = None
    """The cases a report reads (the session's database when it has one); None: the twin's."""

    def open_tool(self, widget: QWidget) -> QWidget:
        """Show a tool window (simulation, training) that lives and closes with the desk."""
        widget.setParent(self.window, Qt.WindowType.Window)
        self.tool_windows.append(widget)
        fit_to_screen(widget, TOOL_WINDOW_SIZE)
        widget.show()
        return widget

    def set_user(self, user: User | None, export_check: ExportCheck | None = None) -> None:
        """Apply the account's role and scope to every view: the case and alarm actions it may take
        (the others disabled with the reason), its community's queue and map, its exports and tools."""
        self.export_check = export_check
        self.window.set_user(user)
        self.detail.set_user(user)
        self.banner.set_user(user)
        self.queue.set_access(user, export_check)
        if user is not None and user.scope_area is not None and self.model.twin.street.has("communities", user.scope_area):
            self.map_panel.drill_to("community", user.scope_area)

    def ask_report(self, kind: str) -> Path | None:
        """Ask for the day and the file, then write the daily or weekly report; the path, or None."""
        frame = self.report_frame() if self.report_frame is not None else self.model.twin.cases_frame()
        now = self.model.twin.now or datetime.now(timezone.utc)
        days = frame["reported_at"].dt.tz_convert(LOCAL_TZ).dt.date.unique() if len(frame) else []
        dialog = ReportDialog(kind, default_day(days, now.astimezone(LOCAL_TZ).date()), self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        day = dialog.chosen()
        name, _ = QFileDialog.getSaveFileName(self.window, dialog.windowTitle(), f"{kind}-{day.isoformat()}.pdf",
                                              QCoreApplication.translate("MainWindow", "PDF documents (*.pdf)"))
        return self.write_report(kind, day, Path(name), frame) if name else None

    def write_report(self, kind: str, day: date, path: Path, frame: pd.DataFrame | None = None) -> Path | None:
        """Write the report (the export check first); a refusal or a write error is said in the status bar."""
        if frame is None:
            frame = self.report_frame() if self.report_frame is not None else self.model.twin.cases_frame()
        twin = self.model.twin
        try:
            if self.export_check is not None:
                self.export_check(f"{kind} report", str(path))
            write_report(path, report_data(frame, kind, day), twin.street, twin.categories)
        except (PermissionDenied, OSError) as exc:
            self.window.warn(QCoreApplication.translate("MainWindow", "Report not written: {reason}").format(
                reason=translated(str(exc)) if isinstance(exc, PermissionDenied) else str(exc)))
            return None
        self.window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Report written to {path}").format(
            path=path), REPORT_SHOWN_MS)
        return path

    def add_residents(self, panel: ResidentsPanel) -> None:
        """Dock the residents' view (masked personal data) as a tab beside the queue."""
        self.residents = panel
        self.window.add_panel("residents", panel, "bottom", RESIDENTS_TITLE)

    def open_case(self, case_id: str) -> None:
        """Show ``case_id`` in the case panel and bring that panel to the front."""
        self.detail.set_case(case_id)
        self.window.docks["detail"].raise_()

    def fly_to_case(self, case_id: str) -> None:
        """Fly the map to ``case_id`` without narrowing the queue to the area it lands in."""
        self.map_leads = False
        try:
            self.map_panel.fly_to_case(case_id)
        finally:
            self.map_leads = True

    def show_case(self, case_id: str) -> None:
        """Open ``case_id``, put the queue's cursor on it and fly the map to it."""
        self.open_case(case_id)
        self.queue.select_case(case_id)
        self.fly_to_case(case_id)

    def filter_queue_to_map(self, kind: str, area_id: str) -> None:
        """The operator drilled the map into an area: the queue shows that area's community (all at street level)."""
        if self.map_leads:
            street = self.model.twin.street
            self.queue.set_filters(community=None if kind == "street" else community_of_area(street, area_id))

    def set_dark(self, dark: bool) -> None:
        """The panels that draw their own colours follow the theme (the style sheet does the rest)."""
        self.map_panel.set_dark(dark)
        self.kpi.set_dark(dark)
