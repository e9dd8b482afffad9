"""The scenario editor: a what-if scenario as a form instead of a TOML file.

A leader names the scenario, sets its length, the dispatch policy and the demand, and changes the
headcount of each role in each community and shift from the street's current staffing (the table
holds headcounts; the scenario stores the differences as ``[[staff.change]]``). Every edit is
validated by the simulator's own parser, so the form can never hold a scenario the command line
would reject; a bad value shows the parser's key and reason instead.
"""

from __future__ import annotations

import copy
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cockpit.demand import default_demand
from cockpit.dispatch import POLICIES
from cockpit.street.model import Street
from cockpit.vocabulary.domain import StaffKind
from cockpit.vocabulary.targets import RESPONSE_TARGET
from simulation.model import ScenarioError
from simulation.scenario import Scenario, parse_scenario
from simulation.staffing import staffing_table
from simulation.street import load_street, street_roster
from widgets import i18n

DEFAULT_ROLES = ("grid_worker", "department")
"""Roles that take cases in a new scenario: full-time grid workers and department teams."""

_ROLE_CHOICES = (
    ("workers", DEFAULT_ROLES, QT_TRANSLATE_NOOP("ScenarioEditorPanel", "Grid workers and department teams")),
    ("everyone", None, QT_TRANSLATE_NOOP("ScenarioEditorPanel", "Everyone on duty")),
)

DEPARTMENT_ROW = "street"
"""Row label of department teams, who belong to the street rather than a community."""


def new_street_scenario(name: str, street: str = "demo", horizon_hours: float = 28 * 24, warmup_hours: float = 24.0) -> Scenario:
    """A street scenario with the street's current staffing, default demand and home-grid-first dispatch."""
    return parse_scenario(
        {
            "scenario": {"name": name, "horizon_hours": horizon_hours, "warmup_hours": warmup_hours, "street": street},
            "demand": {},
            "staff": {"from": street, "roles": list(DEFAULT_ROLES)},
            "dispatch": {"policy": "home_grid_first", "travel": "straight_line"},
            "targets": {"response_minutes": RESPONSE_TARGET / timedelta(minutes=1)},
        }
    )


class StaffingTableModel(QAbstractTableModel):
    """Headcount of one role per community (rows) and shift (columns), editable.

    Owns the staffing differences against the street's roster, keyed by (community, shift, role).

    Signals
    -------
    staffing_changed()
        A headcount was edited.
    """

    staffing_changed = Signal()

    def __init__(self, street: Street, parent=None) -> None:
        super().__init__(parent)
        self.street = street
        self.base: Counter = staffing_table(street_roster(street))
        self.shifts = tuple(street.shifts)
        self.communities = tuple(c.id for c in street.communities)
        self.deltas: dict[tuple[str | None, str, str], int] = {}
        self.role = StaffKind.GRID_WORKER.value
        self._rows: tuple[str | None, ...] = self.communities
        self._bold = QFont()
        self._bold.setBold(True)

    def set_role(self, role: str) -> None:
        """Show the headcounts of ``role`` (department teams have one street row)."""
        self.beginResetModel()
        self.role = role
        self._rows = (None,) if role == StaffKind.DEPARTMENT.value else self.communities
        self.endResetModel()

    def set_changes(self, changes: list[dict]) -> None:
        """Load ``[[staff.change]]`` tables (community-wide changes only; grid-level ones are kept aside)."""
        self.beginResetModel()
        self.deltas = {}
        for change in changes:
            key = (change.get("community"), change["shift"], change["role"])
            self.deltas[key] = self.deltas.get(key, 0) + int(change["delta"])
        self.endResetModel()

    def changes(self) -> list[dict]:
        """The differences as ``[[staff.change]]`` tables, in a stable order (zero differences left out)."""
        out = []
        for (community, shift, role), delta in sorted(self.deltas.items(), key=lambda kv: tuple(str(k) for k in kv[0])):
            if delta:
                change: dict[str, Any] = {"role": role, "shift": shift, "delta": delta}
                if community is not None:
                    change["community"] = community
                out.append(change)
        return out

    def headcount(self, community: str | None, shift: str, role: str) -> int:
        """The scenario's headcount of ``role`` in ``community`` on ``shift``."""
        return self.base.get((community, shift, role), 0) + self.deltas.get((community, shift, role), 0)

    def key_at(self, index: QModelIndex) -> tuple[str | None, str, str]:
        return (self._rows[index.row()], self.shifts[index.column()].id, self.role)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shifts)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self.key_at(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.headcount(*key)
        if role == Qt.ItemDataRole.ToolTipRole:
            base = self.base.get(key, 0)
            return QCoreApplication.translate("ScenarioEditorPanel", "Today: {base}").format(base=base)
        if role == Qt.ItemDataRole.FontRole and self.deltas.get(key):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        count = int(value)
        if count < 0:
            return False
        key = self.key_at(index)
        self.deltas[key] = count - self.base.get(key, 0)
        self.dataChanged.emit(index, index)
        self.staffing_changed.emit()
        return True

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            shift = self.shifts[section]
            # Name over hours: three shifts fit the editor's column without a scroll bar.
            return f"{shift.name}\n{shift.start:%H:%M}-{shift.end:%H:%M}"
        community = self._rows[section]
        if community is None:
            return QCoreApplication.translate("ScenarioEditorPanel", "Street (departments)")
        item = self.street.community(community)
        return f"{community} {item.name if i18n.is_chinese() else item.name_en}"


def _mean_factor(arrival) -> float:
    """Mean of an arrival class's hourly and weekday multipliers (its long-run rate over ``rate_per_hour``)."""
    factor = 1.0
    if arrival.profile is not None:
        factor *= sum(arrival.profile) / len(arrival.profile)
    if arrival.weekday is not None:
        factor *= sum(arrival.weekday) / len(arrival.weekday)
    return factor


class _CountDelegate(QStyledItemDelegate):
    """Edits a headcount with a spin box that cannot go below zero."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        editor = QSpinBox(parent)
        editor.setRange(0, 999)
        return editor


class ScenarioEditorPanel(QWidget):
    """A form over one scenario: name, length, policy, demand and the staffing table.

    Owns a copy of the scenario's TOML tables; every edit re-validates them with
    :func:`simulation.scenario.parse_scenario` and, if valid, replaces :attr:`scenario`.

    Signals
    -------
    scenario_changed(object)
        The edited, validated :class:`~simulation.scenario.Scenario`.
    """

    scenario_changed = Signal(object)

    def __init__(self, scenario: Scenario, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scenario = scenario
        self._raw: dict = {}
        self._loading = False
        self.street = load_street(scenario.street) if scenario.street != "none" else load_street("demo")
        self.name_edit = QLineEdit()
        self.horizon_days = QDoubleSpinBox()
        self.horizon_days.setRange(0.25, 366.0)
        self.horizon_days.setDecimals(2)
        self.warmup_hours = QDoubleSpinBox()
        self.warmup_hours.setRange(0.0, 24 * 30)
        self.policy_combo = QComboBox()
        for name in POLICIES:
            self.policy_combo.addItem(i18n.policy_name(name), name)
        self.cases_per_day = QDoubleSpinBox()
        self.cases_per_day.setRange(1.0, 5000.0)
        self.cases_per_day.setDecimals(1)
        self.roles_combo = QComboBox()
        for key, _, _ in _ROLE_CHOICES:
            self.roles_combo.addItem("", key)
        self.role_combo = QComboBox()
        for kind in StaffKind:
            self.role_combo.addItem(i18n.staff_kind_name(kind), kind.value)
        self.copy_button = QPushButton()
        self.log_button = QPushButton()
        self.default_demand_button = QPushButton()
        self.demand_label = QLabel()
        self.demand_label.setWordWrap(True)
        self.staffing = StaffingTableModel(self.street, self)
        self.table = QTableView()
        self.table.setModel(self.staffing)
        self.table.setItemDelegate(_CountDelegate(self.table))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setObjectName("errorText")
        self.summary_label = QLabel()

        self.form = QFormLayout()
        self._labels = {key: QLabel() for key in ("name", "horizon", "warmup", "policy", "demand", "roles", "role")}
        self.form.addRow(self._labels["name"], self.name_edit)
        self.form.addRow(self._labels["horizon"], self.horizon_days)
        self.form.addRow(self._labels["warmup"], self.warmup_hours)
        self.form.addRow(self._labels["policy"], self.policy_combo)
        demand_row = QHBoxLayout()
        demand_row.addWidget(self.cases_per_day, 1)
        demand_row.addWidget(self.log_button)
        demand_row.addWidget(self.default_demand_button)
        self.form.addRow(self._labels["demand"], demand_row)
        self.form.addRow("", self.demand_label)
        self.form.addRow(self._labels["roles"], self.roles_combo)
        role_row = QHBoxLayout()
        role_row.addWidget(self.role_combo, 1)
        role_row.addWidget(self.copy_button)
        self.form.addRow(self._labels["role"], role_row)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.error_label)

        self.name_edit.editingFinished.connect(self._on_form_edited)
        self.horizon_days.valueChanged.connect(self._on_form_edited)
        self.warmup_hours.valueChanged.connect(self._on_form_edited)
        self.policy_combo.currentIndexChanged.connect(self._on_form_edited)
        self.cases_per_day.valueChanged.connect(self._on_form_edited)
        self.roles_combo.currentIndexChanged.connect(self._on_form_edited)
        self.role_combo.currentIndexChanged.connect(self._on_role_changed)
        self.copy_button.clicked.connect(self.copy_current_staffing)
        self.log_button.clicked.connect(self._on_log_clicked)
        self.default_demand_button.clicked.connect(lambda: self.set_demand_log(None))
        self.staffing.staffing_changed.connect(self._on_form_edited)
        self.retranslate_ui()
        self.set_scenario(scenario)

    @property
    def scenario(self) -> Scenario:
        """The last valid scenario of the form."""
        return self._scenario

    def set_scenario(self, scenario: Scenario) -> None:
        """Show ``scenario`` in the form (no :attr:`scenario_changed` is emitted)."""
        self._scenario = scenario
        self._raw = copy.deepcopy(dict(scenario.raw))
        self._loading = True
        try:
            head = self._raw.get("scenario", {})
            self.name_edit.setText(scenario.name)
            self.horizon_days.setValue(scenario.horizon_hours / 24)
            self.warmup_hours.setValue(scenario.warmup_hours)
            self.policy_combo.setCurrentIndex(max(0, self.policy_combo.findData(scenario.policy)))
            street_mode = head.get("street", "none") != "none"
            demand = self._raw.get("demand", {})
            self.cases_per_day.setValue(float(demand.get("cases_per_day", default_demand().cases_per_day)))
            self.cases_per_day.setEnabled(street_mode and "from_log" not in demand)
            self.log_button.setEnabled(street_mode)
            self.default_demand_button.setEnabled(street_mode and "from_log" in demand)
            roles = self._raw.get("staff", {}).get("roles")
            self.roles_combo.setCurrentIndex(0 if roles is not None else 1)
            self.roles_combo.setEnabled(street_mode)
            self.staffing.set_changes(list(self._raw.get("staff", {}).get("change", [])) if street_mode else [])
            self.table.setEnabled(street_mode)
            self.copy_button.setEnabled(street_mode)
            self.error_label.clear()
            self._show_summary()
        finally:
            self._loading = False

    def copy_current_staffing(self) -> None:
        """Drop every staffing change: the scenario takes the street's staffing as it is today."""
        self.staffing.set_changes([])
        self._on_form_edited()

    def set_demand_log(self, path: str | None) -> None:
        """Fit the demand from the incident log at ``path`` (None: back to the default demand)."""
        demand = self._raw.setdefault("demand", {})
        previous = dict(demand)
        demand.clear()
        if path is None:
            demand["cases_per_day"] = self.cases_per_day.value()
        else:
            demand["from_log"] = str(path)
        if not self._on_form_edited():
            demand.clear()
            demand.update(previous)
            return
        self.set_scenario(self._scenario)

    def _on_log_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Incident log to fit demand from"), "", self.tr("Incident logs (*.parquet *.csv)")
        )
        if path:
            self.set_demand_log(path)

    def set_headcount(self, community: str | None, shift: str, role: str, count: int) -> bool:
        """Set one headcount as if typed in the table; False if ``count`` is negative."""
        if self.role_combo.currentData() != role:
            self.role_combo.setCurrentIndex(self.role_combo.findData(role))
        row = self.staffing._rows.index(community)
        column = [s.id for s in self.staffing.shifts].index(shift)
        return self.staffing.setData(self.staffing.index(row, column), count)

    def _on_role_changed(self) -> None:
        self.staffing.set_role(self.role_combo.currentData())

    def _on_form_edited(self) -> bool:
        """Validate the form; True if it held a valid scenario (then :attr:`scenario_changed` is emitted)."""
        if self._loading:
            return False
        raw = copy.deepcopy(self._raw)
        head = raw.setdefault("scenario", {})
        head["name"] = self.name_edit.text().strip() or self._scenario.name
        head["horizon_hours"] = round(self.horizon_days.value() * 24, 4)
        head["warmup_hours"] = self.warmup_hours.value()
        raw.setdefault("dispatch", {})["policy"] = self.policy_combo.currentData()
        if head.get("street", "none") != "none":
            demand = raw.setdefault("demand", {})
            if "from_log" not in demand:
                demand["cases_per_day"] = self.cases_per_day.value()
            staff = raw.setdefault("staff", {})
            roles = dict((key, value) for key, value, _ in _ROLE_CHOICES)[self.roles_combo.currentData()]
            if roles is None:
                staff.pop("roles", None)
            else:
                staff["roles"] = list(roles)
            changes = self.staffing.changes()
            if changes:
                staff["change"] = changes
            else:
                staff.pop("change", None)
        try:
            scenario = parse_scenario(raw, self._scenario.base_dir)
        except ScenarioError as exc:
            self.error_label.setText(self.tr("Not valid: {error}").format(error=str(exc)))
            return False
        if self._scenario.start_state is not None:
            scenario = scenario.with_start(self._scenario.start_state)
        self._raw = raw
        self._scenario = scenario
        self.error_label.clear()
        self._show_summary()
        self.scenario_changed.emit(scenario)
        return True

    def _show_summary(self) -> None:
        demand = self._raw.get("demand", {})
        per_day = sum(a.rate_per_hour * _mean_factor(a) for a in self._scenario.arrivals) * 24
        if "from_log" in demand:
            self.demand_label.setText(self.tr("Fitted from {file}: {per_day:.1f} cases a day").format(
                file=Path(demand["from_log"]).name, per_day=per_day))
        else:
            self.demand_label.setText(self.tr("Category table shares, demo hour-of-day profile"))
        changes = self._scenario.staff_changes
        removed = -sum(c.delta for c in changes if c.delta < 0)
        added = sum(c.delta for c in changes if c.delta > 0)
        self.summary_label.setText(
            self.tr("{people} people take cases; {added} added, {removed} removed against today").format(
                people=self._scenario.staff_count, added=added, removed=removed
            )
        )

    def retranslate_ui(self) -> None:
        """Set every user-visible string in the current language."""
        texts = {
            "name": self.tr("Name"),
            "horizon": self.tr("Length (days)"),
            "warmup": self.tr("Warm-up (hours)"),
            "policy": self.tr("Dispatch policy"),
            "demand": self.tr("Cases a day"),
            "roles": self.tr("Who takes cases"),
            "role": self.tr("Staffing of"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        for position, (_, _, text) in enumerate(_ROLE_CHOICES):
            self.roles_combo.setItemText(position, QCoreApplication.translate("ScenarioEditorPanel", text))
        self.copy_button.setText(self.tr("Copy current staffing"))
        self.log_button.setText(self.tr("Fit from log…"))
        self.default_demand_button.setText(self.tr("Default"))
        self.copy_button.setToolTip(self.tr("Start again from the street's staffing as it is today"))
        self._show_summary()

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
