"""Device health: the sensors a technician must visit, counted by community and listed one by one.

Offline (missed three reports), low battery (under 20 %) and flapping devices
(:mod:`cockpit.device_health`), with how many of each every community has, so the morning's rounds
can be planned; a double click shows the device on the map. Refreshed from the twin at most every
few seconds, whatever the message rate.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cockpit.device_health import (
    FLAPPING,
    LOW_BATTERY,
    LOW_BATTERY_TROUBLE,
    OFFLINE,
    TROUBLES,
    device_troubles,
    troubles_by_community,
)
from widgets import i18n
from widgets.plumbing import Connections, Throttle
from widgets.twin_model import TwinModel

REFRESH_MS = 3000
"""The lists follow the twin at most this often (a device's health changes over minutes)."""
TROUBLE_NAMES = {
    OFFLINE: QT_TRANSLATE_NOOP("DeviceHealthPanel", "offline"),
    LOW_BATTERY_TROUBLE: QT_TRANSLATE_NOOP("DeviceHealthPanel", "low battery"),
    FLAPPING: QT_TRANSLATE_NOOP("DeviceHealthPanel", "flapping"),
}
SENSOR_ID_ROLE = Qt.ItemDataRole.UserRole


def trouble_name(trouble: str) -> str:
    return QCoreApplication.translate("DeviceHealthPanel", TROUBLE_NAMES[trouble])


class DeviceHealthPanel(QWidget):
    """A view of the twin's sensors: troubles by community, and the devices that have them.

    Signals
    -------
    sig_locate_sensor_requested(str)
        The operator asked to see a device on the map (its micro-grid).
    """

    sig_locate_sensor_requested = Signal(str)

    def __init__(self, model: TwinModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._twin = model.twin
        self.summary = QLabel()
        self.by_community = QTableWidget(0, 1 + len(TROUBLES))
        self.devices = QTableWidget(0, 6)
        for table in (self.by_community, self.devices):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        tables = QHBoxLayout()
        tables.addWidget(self.by_community, 2)
        tables.addWidget(self.devices, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(tables, 1)
        self.devices.cellDoubleClicked.connect(self._on_double_clicked)
        self._throttle = Throttle(self.refresh, REFRESH_MS, self)
        self._connections = Connections()
        self._connections.connect(model.sensors_changed, self._throttle.poke)
        self._connections.connect(model.clock_changed, lambda _now: self._throttle.poke())
        self.retranslate_ui()

    @Slot()
    def refresh(self) -> None:
        """List the devices with troubles now."""
        now = self._twin.now
        troubles = device_troubles(self._twin, now) if now is not None else []
        street = self._twin.street
        counts = troubles_by_community(troubles)
        self.by_community.setRowCount(len(counts))
        for row, (community, counter) in enumerate(sorted(counts.items())):
            cells = [i18n.community_name(street, community), *(str(counter.get(t, 0)) for t in TROUBLES)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.by_community.setItem(row, column, item)
        self.devices.setRowCount(len(troubles))
        for row, device in enumerate(troubles):
            cells = [device.sensor_id, i18n.sensor_kind_name(device.kind),
                     i18n.place_name(street, device.community_id, None, device.micro_grid_id),
                     "、".join(trouble_name(t) for t in device.troubles),
                     i18n.local_time(device.last_seen, with_date=True) if device.last_seen else "—",
                     f"{device.battery:.0%}" if device.battery is not None else "—"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(SENSOR_ID_ROLE, device.sensor_id)
                self.devices.setItem(row, column, item)
        totals = {t: sum(1 for d in troubles if t in d.troubles) for t in TROUBLES}
        self.summary.setText(self.tr("{offline} offline (no report for three intervals) · {battery} low battery "
                                     "(under {limit:.0%}) · {flapping} flapping").format(
            offline=totals[OFFLINE], battery=totals[LOW_BATTERY_TROUBLE], flapping=totals[FLAPPING],
            limit=LOW_BATTERY))

    @Slot(int, int)
    def _on_double_clicked(self, row: int, _column: int) -> None:
        item = self.devices.item(row, 0)
        if item is not None:
            self.sig_locate_sensor_requested.emit(item.data(SENSOR_ID_ROLE))

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.by_community.setHorizontalHeaderLabels([self.tr("Community"), *(trouble_name(t) for t in TROUBLES)])
        self.devices.setHorizontalHeaderLabels([self.tr("Device"), self.tr("Kind"), self.tr("Where"),
                                                self.tr("Trouble"), self.tr("Last heard"), self.tr("Battery")])
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._throttle.stop()
        self._connections.disconnect_all()
        super().closeEvent(event)
