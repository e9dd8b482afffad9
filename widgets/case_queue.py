"""The case queue: every case the operator must watch, with its SLA clock running.

A table of the twin's cases (open ones by default), filterable by risk, category, status, community,
source and "overdue only", sortable on every column. By default the most urgent case is on top: red
before yellow before blue, and within a risk the least time left to the deadline the case works to
now (the 2 h response target until someone accepts it, then its resolve deadline). That countdown
says which deadline it is, turns amber when less than a quarter of its window remains and red once it
has passed. Rows update in place when a case changes; the filtered view exports to CSV for the
morning meeting, for programs (an incident log that ``cockpit kpi`` reads) or as shown.
"""

from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cockpit.case_export import export_cases
from cockpit.history.format import LogFormatError
from cockpit.records import Case
from cockpit.security.authorizer import ExportCheck
from cockpit.security.permissions import Action, PermissionDenied, User
from cockpit.vocabulary.domain import CaseStatus, RiskLevel, Source
from widgets import i18n
from widgets.access import refusal
from widgets.error_text import translated
from widgets.plumbing import ColumnFitter, Connections, KeyedTableModel, Throttle, fill_combo, fit_columns
from widgets.theme import RISK_COLORS, TEXT_ON_COLOR, sla_color
from widgets.twin_model import TwinModel

COLUMNS = ("case_id", "risk", "category", "status", "community", "source", "reported", "sla", "assignee", "owner")
"""Column keys of the queue, in display order (also the CSV header)."""

_HEADERS = {
    "case_id": QT_TRANSLATE_NOOP("CaseQueuePanel", "Case"),
    "risk": QT_TRANSLATE_NOOP("CaseQueuePanel", "Risk"),
    "category": QT_TRANSLATE_NOOP("CaseQueuePanel", "Category"),
    "status": QT_TRANSLATE_NOOP("CaseQueuePanel", "Status"),
    "community": QT_TRANSLATE_NOOP("CaseQueuePanel", "Community"),
    "source": QT_TRANSLATE_NOOP("CaseQueuePanel", "Source"),
    "reported": QT_TRANSLATE_NOOP("CaseQueuePanel", "Reported"),
    "sla": QT_TRANSLATE_NOOP("CaseQueuePanel", "Time left"),
    "assignee": QT_TRANSLATE_NOOP("CaseQueuePanel", "Assignee"),
    "owner": QT_TRANSLATE_NOOP("CaseQueuePanel", "Owner level"),
}
SLA_COLUMN = COLUMNS.index("sla")
RISK_COLUMN = COLUMNS.index("risk")
QT_TRANSLATE_NOOP("CaseQueuePanel", "respond {left}")
QT_TRANSLATE_NOOP("CaseQueuePanel", "response late {left}")
QT_TRANSLATE_NOOP("CaseQueuePanel", "resolve {left}")
QT_TRANSLATE_NOOP("CaseQueuePanel", "overdue {left}")
DESK_ONLY_COLUMNS = ("source", "owner")
"""Columns the wall leaves out: details for the desk's triage, not for a reader across the room."""
SORT_ROLE = Qt.ItemDataRole.UserRole

FIT_MS = 1000
"""Columns are refitted to changed cells at most this often."""
CLOCK_MS = 1000
"""The SLA countdowns follow the twin's clock at most this often."""


class CaseTableModel(KeyedTableModel):
    """Rows of the twin's cases in arrival order; updates changed rows in place (dataChanged)."""

    columns = COLUMNS
    headers = _HEADERS
    context = "CaseQueuePanel"

    def __init__(self, model: TwinModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._twin = model.twin
        self._ids: list[str] = list(self._twin.cases)
        self._row: dict[str, int] = {case_id: row for row, case_id in enumerate(self._ids)}

    # ------------------------------------------------------------ updates

    def on_cases_changed(self, ids: set[str]) -> None:
        """New cases are appended; changed ones emit dataChanged for their rows only."""
        if any(case_id in self._row and case_id not in self._twin.cases for case_id in ids):
            # A replay seek or its retention rule removed cases (docs/replay.md): rebuild the rows.
            self.beginResetModel()
            self._ids = [case_id for case_id in self._ids if case_id in self._twin.cases]
            self._row = {case_id: row for row, case_id in enumerate(self._ids)}
            self.endResetModel()
        new = [case_id for case_id in self._twin.cases if case_id not in self._row] if ids else []
        changed = sorted(self._row[case_id] for case_id in ids if case_id in self._row)
        for start, end in _runs(changed):
            self.dataChanged.emit(self.index(start, 0), self.index(end, len(COLUMNS) - 1))
        if new:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for case_id in new:
                self._row[case_id] = len(self._ids)
                self._ids.append(case_id)
            self.endInsertRows()

    def refresh_clock(self) -> None:
        """The clock moved: the countdown and the urgency order (and the overdue filter) change for every row."""
        if self._ids:
            self.dataChanged.emit(self.index(0, RISK_COLUMN), self.index(len(self._ids) - 1, SLA_COLUMN))

    def retranslate(self) -> None:
        """Language changed: every displayed word may change."""
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    # ------------------------------------------------------------ access

    def case_at(self, row: int) -> Case:
        return self._twin.cases[self._ids[row]]

    def row_of(self, case_id: str) -> int | None:
        return self._row.get(case_id)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        case = self.case_at(index.row())
        column = COLUMNS[index.column()]
        now = self._twin.now or case.reported_at
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(case, column, now)
        if role == SORT_ROLE:
            return _sort_key(case, column, now, self.display(case, column, now))
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == "sla" and case.status.open:
                colour = sla_color(case.next_due_fraction_used(now), now > case.next_due)
                return QBrush(colour) if colour is not None else None
            if column == "risk":
                return QBrush(RISK_COLORS[case.risk])
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "risk" or (column == "sla" and case.status.open
                                    and sla_color(case.next_due_fraction_used(now), now > case.next_due)):
                return QBrush(TEXT_ON_COLOR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == "sla":
            tip = QCoreApplication.translate("CaseQueuePanel", "Resolve by {due}").format(
                due=i18n.local_time(case.resolve_due, with_date=True))
            if case.awaiting_response:
                tip = QCoreApplication.translate("CaseQueuePanel", "Respond by {due}").format(
                    due=i18n.local_time(case.response_due, with_date=True)) + "\n" + tip
            return tip
        return None

    def display(self, case: Case, column: str, now: datetime) -> str:
        """The text of one cell (shared with the CSV export)."""
        twin = self._twin
        if column == "case_id":
            return case.id + (f" ×{case.repeats + 1}" if case.repeats else "")
        if column == "risk":
            return i18n.risk_name(case.risk)
        if column == "category":
            return i18n.category_name(twin.categories, case.category)
        if column == "status":
            return i18n.status_name(case.status)
        if column == "community":
            return i18n.community_name(twin.street, case.community_id)
        if column == "source":
            return i18n.source_name(case.source)
        if column == "reported":
            return i18n.local_time(case.reported_at, with_date=True)
        if column == "sla":
            if not case.status.open:
                return "—"
            left = case.next_due - now
            late = left < timedelta(0)
            template = {(True, False): "respond {left}", (True, True): "response late {left}",
                        (False, False): "resolve {left}", (False, True): "overdue {left}"}[case.awaiting_response, late]
            return QCoreApplication.translate("CaseQueuePanel", template).format(left=i18n.countdown(abs(left)))
        if column == "assignee":
            return i18n.staff_name(twin.street, case.assignee)
        return i18n.owner_name(case.owner_level)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs of sorted row numbers as (first, last)."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


_PRIORITY_STEP_S = 2e9
_NOT_OPEN_S = 1e9


def _sort_key(case: Case, column: str, now: datetime, text: str):
    if column == "risk":
        # One number for Qt's comparison: the risk's priority first, then the seconds left (within ±30 years).
        priority, left = case.urgency(now) if case.status.open else (case.risk.priority, _NOT_OPEN_S)
        return priority * _PRIORITY_STEP_S + left
    if column == "reported":
        return case.reported_at.timestamp()
    if column == "sla":
        return case.urgency(now)[1] if case.status.open else float("inf")
    if column == "status":
        return list(CaseStatus).index(case.status)
    return text


_FILTERS = ("open_only", "overdue_only", "risk", "category", "status", "community", "source")


class CaseFilter(QSortFilterProxyModel):
    """The queue's filters; ``None`` means "any". Re-filters live as cases and the clock change."""

    def __init__(self, table: CaseTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self.open_only = True
        self.overdue_only = False
        self.risk: RiskLevel | None = None
        self.category: str | None = None
        self.status: CaseStatus | None = None
        self.community: str | None = None
        self.source: Source | None = None
        self.setSourceModel(table)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filters(self, **filters: object) -> None:
        """Set any of open_only, overdue_only, risk, category, status, community, source."""
        unknown = [name for name in filters if name not in _FILTERS]
        if unknown:
            raise AttributeError(f"no queue filter {unknown[0]!r}")
        self.beginFilterChange()
        for name, value in filters.items():
            setattr(self, name, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        case = self._table.case_at(source_row)
        now = self._table._twin.now or case.reported_at
        if self.open_only and not case.status.open:
            return False
        if self.overdue_only and not (case.status.open and case.overdue(now)):
            return False
        # Combo boxes hand back enum members as their plain string values: compare with ==.
        return ((self.risk is None or case.risk == self.risk)
                and (self.category is None or case.category == self.category)
                and (self.status is None or case.status == self.status)
                and (self.community is None or case.community_id == self.community)
                and (self.source is None or case.source == self.source))


class CaseQueuePanel(QWidget):
    """The queue of cases with filters, live SLA countdown, keyboard navigation and CSV export.

    Owns a :class:`CaseTableModel` over the twin's cases and a :class:`CaseFilter`. ``may_export``
    is the session's export gate (:data:`~cockpit.security.authorizer.ExportCheck`; None: a session
    without accounts).

    Signals
    -------
    current_case_changed(str)
        The case under the keyboard cursor or the selection changed ("" when none).
    sig_open_case_requested(str)
        The operator asked to open a case (Enter or double click).
    """

    current_case_changed = Signal(str)
    sig_open_case_requested = Signal(str)

    def __init__(self, model: TwinModel, parent: QWidget | None = None,
                 may_export: ExportCheck | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._twin = model.twin
        self.table_model = CaseTableModel(model, self)
        self.proxy = CaseFilter(self.table_model, self)

        self.open_only = QCheckBox()
        self.open_only.setChecked(True)
        self.overdue_only = QCheckBox()
        self.risk_box, self.category_box, self.status_box = QComboBox(), QComboBox(), QComboBox()
        self.community_box, self.source_box = QComboBox(), QComboBox()
        self.count_label = QLabel()
        self.notice = QLabel()
        self.export_button = QPushButton()
        self.export_menu = QMenu(self)
        self.export_machine = self.export_menu.addAction("")
        self.export_display = self.export_menu.addAction("")
        self.export_button.setMenu(self.export_menu)
        self.user: User | None = None
        self.export_check: ExportCheck | None = may_export
        # Each filter shows its whole current text; the table below narrows instead (fit_columns).
        for box in (self.risk_box, self.category_box, self.status_box, self.community_box, self.source_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._controls = (self.open_only, self.overdue_only, self.risk_box, self.category_box, self.status_box,
                          self.community_box, self.source_box, self.export_button)
        filters = QHBoxLayout()
        for widget in self._controls[:-1]:
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.notice)
        filters.addWidget(self.count_label)
        filters.addWidget(self.export_button)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(RISK_COLUMN, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        # Sized on demand (language, first show), not on every change: sizing to contents measures
        # every row and would stall the GUI under a stream of updates.
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setResizeContentsPrecision(200)
        self.view.horizontalHeader().setStretchLastSection(True)
        self._column_fitter = ColumnFitter(self.view)
        self.view.installEventFilter(self)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view)

        self.open_only.toggled.connect(lambda on: self._set_filter(open_only=on))
        self.overdue_only.toggled.connect(lambda on: self._set_filter(overdue_only=on))
        for box, name in ((self.risk_box, "risk"), (self.category_box, "category"), (self.status_box, "status"),
                          (self.community_box, "community"), (self.source_box, "source")):
            box.currentIndexChanged.connect(lambda _i, box=box, name=name: self._set_filter(**{name: box.currentData()}))
        self.export_machine.triggered.connect(lambda: self._on_export(True))
        self.export_display.triggered.connect(lambda: self._on_export(False))
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

        self._clock_throttle = Throttle(self.table_model.refresh_clock, CLOCK_MS, self)
        # Changed cells may be wider ("reported" → "dispatched"): refit, at most once a second.
        self._fit_throttle = Throttle(lambda: fit_columns(self.view), FIT_MS, self)
        self._connections = Connections()
        self._connections.connect(model.cases_changed, self._on_cases_changed)
        self._connections.connect(model.clock_changed, self._on_clock_changed)
        self.retranslate_ui()

    # ------------------------------------------------------------ public API

    def set_access(self, user: User | None, export_check: ExportCheck | None = None) -> None:
        """The logged-in account: a community-scoped one sees its community's cases (the filter is fixed
        there); the export asks ``export_check`` (which records it) and is offered only to roles that may."""
        self.user = user
        self.export_check = export_check
        if user is not None and user.scope_area is not None:
            self.set_filters(community=user.scope_area)
            self.community_box.setEnabled(False)
            self.community_box.setToolTip(self.tr("Your account works in community {area}").format(area=user.scope_area))
        denied = refusal(user, Action.EXPORT, target="cases")
        self.export_button.setEnabled(denied is None)
        self.export_button.setToolTip(denied or "")

    def set_for_wall(self, wall: bool) -> None:
        """Lay the queue out for the wall (True) or the desk (False).

        The wall is read at 5 m, not operated: it hides the filters and the export button (the filters
        keep their values; the count of cases shown stays), and the desk-only columns
        (:data:`DESK_ONLY_COLUMNS`), so that the others keep their whole text at wall type size.
        """
        for widget in self._controls:
            widget.setVisible(not wall)
        for column in DESK_ONLY_COLUMNS:
            self.view.setColumnHidden(COLUMNS.index(column), wall)
        fit_columns(self.view)

    def set_filters(self, **filters: object) -> None:
        """Set filters by name (open_only, overdue_only, risk, category, status, community, source),
        keeping the filter widgets in step."""
        boxes = {"risk": self.risk_box, "category": self.category_box, "status": self.status_box,
                 "community": self.community_box, "source": self.source_box}
        for name, value in filters.items():
            if name == "open_only":
                self.open_only.setChecked(bool(value))
            elif name == "overdue_only":
                self.overdue_only.setChecked(bool(value))
            elif name in boxes:
                index = boxes[name].findData(value)
                if index < 0:
                    raise ValueError(f"no {name} {value!r} in the queue's filter")
                boxes[name].setCurrentIndex(index)
            else:
                raise AttributeError(f"no queue filter {name!r}")

    def visible_case_ids(self) -> list[str]:
        """Ids of the cases shown, in display order."""
        return [self.table_model.case_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row()).id
                for r in range(self.proxy.rowCount())]

    def select_case(self, case_id: str) -> bool:
        """Put the cursor on ``case_id`` if it is shown; returns False if filtered out or unknown."""
        row = self.table_model.row_of(case_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.table_model.index(row, 0))
        if not index.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        return True

    def current_case_id(self) -> str:
        index = self.view.currentIndex()
        if not index.isValid():
            return ""
        return self.table_model.case_at(self.proxy.mapToSource(index).row()).id

    def export(self, path: Path, machine: bool = True) -> int:
        """Write the filtered, sorted view to ``path``; returns the number of case rows written.

        Machine form (default): an incident log (ISO 8601 times, codes) with each case's standing
        (:mod:`cockpit.case_export`), which ``cockpit kpi`` reads back. Display form: the columns as
        shown, in the UI's language (UTF-8 with BOM so spreadsheets read Chinese). The export asks the
        session's export check first (it refuses and records as the account's role says).

        Raises
        ------
        PermissionDenied
            The account may not export.
        OSError, cockpit.history.format.LogFormatError
            The file cannot be written.
        """
        if self.export_check is not None:
            self.export_check("cases", str(path))
        ids = self.visible_case_ids()
        now = self._twin.now
        if machine:
            return export_cases(self._twin, ids, now or datetime.now(timezone.utc), path)
        with open(path, "w", newline="", encoding="utf-8-sig") as fh:
            writer = csv.writer(fh)
            writer.writerow([self.table_model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))])
            for case_id in ids:
                case = self._twin.cases[case_id]
                writer.writerow([case.id if column == "case_id" else
                                 self.table_model.display(case, column, now or case.reported_at)
                                 for column in COLUMNS])
        return len(ids)

    # ------------------------------------------------------------ model events

    @Slot(set)
    def _on_cases_changed(self, ids: set[str]) -> None:
        was_empty = self.proxy.rowCount() == 0
        self.table_model.on_cases_changed(ids)
        if was_empty and self.proxy.rowCount():
            fit_columns(self.view)
        elif self.isVisible():
            self._fit_throttle.poke()
        self._update_count()

    @Slot(object)
    def _on_clock_changed(self, _now: object) -> None:
        self._clock_throttle.poke()

    # ------------------------------------------------------------ user input

    def _set_filter(self, **filters: object) -> None:
        self.proxy.set_filters(**filters)
        self._update_count()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_case_changed.emit(self.current_case_id() if current.isValid() else "")

    def _on_double_clicked(self, index: QModelIndex) -> None:
        self.sig_open_case_requested.emit(self.table_model.case_at(self.proxy.mapToSource(index).row()).id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.view and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            case_id = self.current_case_id()
            if case_id:
                self.sig_open_case_requested.emit(case_id)
                return True
        return super().eventFilter(watched, event)

    def _on_export(self, machine: bool) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export cases"), "cases.csv", self.tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            count = self.export(Path(path), machine)
        except (PermissionDenied, OSError, LogFormatError) as exc:
            self.notice.setObjectName("errorText")
            self.notice.setText(self.tr("Not exported: {reason}").format(
                reason=translated(str(exc)) if isinstance(exc, PermissionDenied) else str(exc)))
        else:
            self.notice.setObjectName("muted")
            self.notice.setText(self.tr("{n} cases exported to {name}").format(n=count, name=Path(path).name))
        self.notice.style().polish(self.notice)

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{shown} of {total} cases").format(
            shown=self.proxy.rowCount(), total=len(self._twin.cases)))

    # ------------------------------------------------------------ language and life cycle

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.open_only.setText(self.tr("Open only"))
        self.overdue_only.setText(self.tr("Overdue only"))
        self.export_button.setText(self.tr("Export CSV"))
        self.export_machine.setText(self.tr("For programs (ISO 8601 times, codes, minutes)…"))
        self.export_display.setText(self.tr("As shown (for reading)…"))
        twin = self._twin
        fill_combo(self.risk_box, self.tr("All risks"), [(r, i18n.risk_name(r)) for r in reversed(RiskLevel)])
        fill_combo(self.category_box, self.tr("All categories"),
                   [(c.code, i18n.category_name(twin.categories, c.code)) for c in twin.categories])
        fill_combo(self.status_box, self.tr("All statuses"), [(s, i18n.status_name(s)) for s in CaseStatus])
        fill_combo(self.community_box, self.tr("All communities"),
                   [(c.id, f"{c.id} {i18n.community_name(twin.street, c.id)}") for c in twin.street.communities])
        fill_combo(self.source_box, self.tr("All sources"), [(s, i18n.source_name(s)) for s in Source])
        self.table_model.retranslate()
        fit_columns(self.view)
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        fit_columns(self.view)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._clock_throttle.stop()
        self._fit_throttle.stop()
        self._connections.disconnect_all()
        super().closeEvent(event)


