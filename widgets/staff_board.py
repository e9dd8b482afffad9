"""The staff board: who is on shift, where, doing what, and how loaded.

One row per person or department team on duty (off-duty people on request), with role, home area,
status, open assignments and when they were last heard from; filter by role and community. The
board follows the twin's staff records and redraws at most twice a second however fast people move.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Slot,
)
from PySide6.QtGui import QBrush, QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cockpit.records import StaffState
from cockpit.vocabulary.domain import OwnerLevel, StaffKind, StaffStatus
from widgets import i18n
from widgets.plumbing import ColumnFitter, Connections, ElidedLabel, KeyedTableModel, Throttle, fill_combo, fit_columns
from widgets.theme import STAFF_STATUS_COLORS
from widgets.twin_model import TwinModel

COLUMNS = ("name", "role", "area", "status", "workload", "cases", "last_seen")
_HEADERS = {
    "name": QT_TRANSLATE_NOOP("StaffBoardPanel", "Name"),
    "role": QT_TRANSLATE_NOOP("StaffBoardPanel", "Role"),
    "area": QT_TRANSLATE_NOOP("StaffBoardPanel", "Area"),
    "status": QT_TRANSLATE_NOOP("StaffBoardPanel", "Status"),
    "workload": QT_TRANSLATE_NOOP("StaffBoardPanel", "Open cases"),
    "cases": QT_TRANSLATE_NOOP("StaffBoardPanel", "Working on"),
    "last_seen": QT_TRANSLATE_NOOP("StaffBoardPanel", "Last seen"),
}
REFRESH_MS = 500


class StaffTableModel(KeyedTableModel):
    """Every staff member of the street (the roster never changes while running); rows refresh in place."""

    columns = COLUMNS
    headers = _HEADERS
    context = "StaffBoardPanel"

    def __init__(self, model: TwinModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._twin = model.twin
        self._ids = list(self._twin.staff)
        self._shown = [self._signature(row) for row in range(len(self._ids))]

    def staff_at(self, row: int) -> StaffState:
        return self._twin.staff[self._ids[row]]

    def _signature(self, row: int) -> tuple:
        staff = self.staff_at(row)
        return staff.status, tuple(sorted(staff.cases))

    def refresh(self) -> int:
        """Announce what changed; returns the number of rows whose status or cases changed.

        Rows whose status or cases changed are announced whole (they may move in the sort or leave
        the filter); "last seen", which changes with every position report, is announced as one
        column range that neither sorting nor filtering depends on. So the proxy re-examines a handful
        of the street's thousand-odd people instead of all of them on every refresh.
        """
        changed = []
        for row in range(len(self._ids)):
            signature = self._signature(row)
            if signature != self._shown[row]:
                self._shown[row] = signature
                changed.append(row)
        last_column = len(COLUMNS) - 1
        start = None
        for i, row in enumerate(changed):
            if start is None:
                start = row
            if i + 1 == len(changed) or changed[i + 1] != row + 1:
                self.dataChanged.emit(self.index(start, 0), self.index(row, last_column))
                start = None
        if self._ids:
            seen = COLUMNS.index("last_seen")
            self.dataChanged.emit(self.index(0, seen), self.index(len(self._ids) - 1, seen))
        return len(changed)

    def retranslate(self) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        staff = self.staff_at(index.row())
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(staff, column)
        if role == Qt.ItemDataRole.UserRole:
            return staff.workload if column == "workload" else self.display(staff, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            return QBrush(STAFF_STATUS_COLORS[staff.status])
        return None

    def display(self, staff: StaffState, column: str) -> str | int:
        member, street = staff.member, self._twin.street
        if column == "name":
            return member.name
        if column == "role":
            if member.department is not None:
                return i18n.department_name(member.department)
            return i18n.staff_kind_name(member.kind)
        if column == "area":
            if member.home_general_grid_id:
                return i18n.grid_name(street, member.home_general_grid_id)
            return i18n.community_name(street, member.home_community_id) or i18n.owner_name(OwnerLevel.STREET)
        if column == "status":
            return i18n.staff_status_name(staff.status)
        if column == "workload":
            return staff.workload
        if column == "cases":
            return ", ".join(sorted(staff.cases))
        return i18n.local_time(staff.last_seen)


class StaffFilter(QSortFilterProxyModel):
    """On duty only (by default), by role (staff kind) and by home community."""

    def __init__(self, table: StaffTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self.on_duty_only = True
        self.kind: str | None = None
        self.community: str | None = None
        self.setSourceModel(table)
        self.setSortRole(Qt.ItemDataRole.UserRole)
        self.setDynamicSortFilter(True)

    def set_filters(self, on_duty_only: bool | None = None, kind: str | None | type[...] = ...,
                    community: str | None | type[...] = ...) -> None:
        """Change any filter; ``...`` leaves one as it is."""
        self.beginFilterChange()
        if on_duty_only is not None:
            self.on_duty_only = on_duty_only
        if kind is not ...:
            self.kind = kind
        if community is not ...:
            self.community = community
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        staff = self._table.staff_at(source_row)
        member = staff.member
        if self.on_duty_only and staff.status is StaffStatus.OFF_DUTY:
            return False
        if self.kind is not None and member.kind != self.kind:
            return False
        return self.community is None or member.home_community_id == self.community


class StaffBoardPanel(QWidget):
    """Table of the street's staff on shift with role and area filters; emits nothing."""

    def __init__(self, model: TwinModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._twin = model.twin
        self.table_model = StaffTableModel(model, self)
        self.proxy = StaffFilter(self.table_model, self)
        self.on_duty_only = QCheckBox()
        self.on_duty_only.setChecked(True)
        self.role_box, self.area_box = QComboBox(), QComboBox()
        self.summary = ElidedLabel()
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Each filter shows its whole current text; the table below narrows instead (fit_columns).
        for box in (self.role_box, self.area_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._controls = (self.on_duty_only, self.role_box, self.area_box)
        filters = QHBoxLayout()
        for widget in self._controls:
            filters.addWidget(widget)
        filters.addWidget(self.summary, 1)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(COLUMNS.index("workload"), Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        # Sized on demand (language, first show), not on every change: sizing to contents measures
        # every row and would stall the GUI under a stream of updates.
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setResizeContentsPrecision(200)
        self.view.horizontalHeader().setStretchLastSection(True)
        self._column_fitter = ColumnFitter(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view)

        self.on_duty_only.toggled.connect(lambda on: self._set(on_duty_only=on))
        self.role_box.currentIndexChanged.connect(lambda _i: self._set(kind=self.role_box.currentData()))
        self.area_box.currentIndexChanged.connect(lambda _i: self._set(community=self.area_box.currentData()))
        self._throttle = Throttle(self._refresh, REFRESH_MS, self)
        self._connections = Connections()
        self._connections.connect(model.staff_changed, self._on_staff_changed)
        self._connections.connect(model.cases_changed, self._on_staff_changed)
        self.retranslate_ui()

    def set_for_wall(self, wall: bool) -> None:
        """Hide the filters on the wall (True: it is read at 5 m, not operated); they keep their values, the summary stays."""
        for widget in self._controls:
            widget.setVisible(not wall)

    def set_filters(self, kind: StaffKind | None | type[...] = ..., community: str | None | type[...] = ...) -> None:
        """Filter by role and/or community (None: all), keeping the combo boxes in step."""
        for box, value in ((self.role_box, kind), (self.area_box, community)):
            if value is not ...:
                box.setCurrentIndex(max(0, box.findData(value)))

    def visible_staff_ids(self) -> list[str]:
        return [self.table_model.staff_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row()).id
                for r in range(self.proxy.rowCount())]

    def _set(self, **filters: object) -> None:
        self.proxy.set_filters(**filters)
        self._update_summary()

    @Slot()
    def _on_staff_changed(self, *_args: object) -> None:
        # A board nobody sees (a hidden tab) catches up when it is shown.
        if self.isVisible():
            self._throttle.poke()

    def showEvent(self, event: QShowEvent) -> None:
        self._refresh()
        fit_columns(self.view)
        super().showEvent(event)

    def _refresh(self) -> None:
        self.table_model.refresh()
        self._update_summary()

    def _update_summary(self) -> None:
        staff = self._twin.staff.values()
        on_duty = sum(1 for s in staff if s.status is not StaffStatus.OFF_DUTY)
        available = sum(1 for s in staff if s.status is StaffStatus.AVAILABLE)
        self.summary.set_full_text(self.tr("{shown} shown · {on} on duty · {free} available").format(
            shown=self.proxy.rowCount(), on=on_duty, free=available))

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.on_duty_only.setText(self.tr("On duty only"))
        street = self._twin.street
        fill_combo(self.role_box, self.tr("All roles"), [(k.value, i18n.staff_kind_name(k)) for k in StaffKind])
        fill_combo(self.area_box, self.tr("All communities"),
                   [(c.id, f"{c.id} {i18n.community_name(street, c.id)}") for c in street.communities])
        self.table_model.retranslate()
        fit_columns(self.view)
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._throttle.stop()
        self._connections.disconnect_all()
        super().closeEvent(event)


