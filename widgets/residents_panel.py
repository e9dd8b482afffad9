"""Residents of an area, masked: names, ID numbers, phones and addresses shown as 张**, 110***********1234.

The list shows what every screen may show of personal data (:meth:`ResidentStore.masked`): the
masked fields and the special-care groups that drive service. Seeing one record in clear asks for a
reason; the store checks the account's role and community and writes the audit entry before it
hands the record over, which is shown once in a dialog and never kept in the table.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Slot
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cockpit.security.permissions import Action, User
from cockpit.security.personal_data import MaskedResident, Resident, ResidentStore
from cockpit.security.users import SecurityError
from cockpit.storage.db import StorageError
from cockpit.street.model import Street
from widgets import i18n
from widgets.access import refusal
from widgets.error_text import translated
from widgets.plumbing import fill_combo

ROW_LIMIT = 2000
"""Rows listed at once (a community's residents; a whole street is narrowed by its community first)."""
RESIDENT_ID_ROLE = Qt.ItemDataRole.UserRole
HEADERS = (
    QT_TRANSLATE_NOOP("ResidentsPanel", "Micro-grid"),
    QT_TRANSLATE_NOOP("ResidentsPanel", "Name"),
    QT_TRANSLATE_NOOP("ResidentsPanel", "ID number"),
    QT_TRANSLATE_NOOP("ResidentsPanel", "Phone"),
    QT_TRANSLATE_NOOP("ResidentsPanel", "Address"),
    QT_TRANSLATE_NOOP("ResidentsPanel", "Special care"),
)
FLAG_NAMES = {
    "elderly_alone": QT_TRANSLATE_NOOP("ResidentsPanel", "elderly living alone"),
    "disabled": QT_TRANSLATE_NOOP("ResidentsPanel", "disabled"),
    "child_left_behind": QT_TRANSLATE_NOOP("ResidentsPanel", "child left behind"),
    "chronic_illness": QT_TRANSLATE_NOOP("ResidentsPanel", "chronic illness"),
    "mobility_impaired": QT_TRANSLATE_NOOP("ResidentsPanel", "mobility impaired"),
    "dementia": QT_TRANSLATE_NOOP("ResidentsPanel", "dementia"),
    "hypertension": QT_TRANSLATE_NOOP("ResidentsPanel", "hypertension"),
    "diabetes": QT_TRANSLATE_NOOP("ResidentsPanel", "diabetes"),
}
"""The health flags (special-care groups shown masked too; the rest only in clear), in the UI's words."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("ResidentsPanel", text)


def _flags(flags: tuple[str, ...]) -> str:
    return "、".join(_tr(FLAG_NAMES[f]) if f in FLAG_NAMES else f for f in flags)


StoreFactory = Callable[[], "tuple[ResidentStore | None, str]"]
"""Opens the street's resident store when the view is first shown: the store, or None and why not."""


class ResidentsPanel(QWidget):
    """The masked residents of one community, and the audited unmasking of one record.

    Owns the rows shown; ``ask_reason`` (replaceable in tests) returns the reason or None when
    cancelled, ``show_record`` shows an unmasked record.

    Parameters
    ----------
    open_store
        Opens the street's resident store the first time the view is shown (decrypting, or seeding
        the demo's records, takes a moment nobody should wait for at start-up).
    street
        For the area names.
    user
        The logged-in account; None reads nothing (personal data needs a login).
    """

    def __init__(self, open_store: StoreFactory, street: Street, user: User | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open_store: StoreFactory | None = open_store
        self.store: ResidentStore | None = None
        self.street = street
        self.user = user
        self.unavailable = ""
        self.ask_reason: Callable[[str], str | None] = self._ask_reason_dialog
        self.show_record: Callable[[Resident], None] = self._show_record_dialog
        self.area_box = QComboBox()
        self.count = QLabel()
        self.unmask_button = QPushButton()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.area_box)
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.unmask_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self.area_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.unmask_button.clicked.connect(self.unmask_selected)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.retranslate_ui()

    # ------------------------------------------------------------ reading

    @property
    def community(self) -> str | None:
        return self.area_box.currentData()

    def refresh(self) -> None:
        """List the masked residents of the chosen community (opening the store the first time)."""
        self.table.setRowCount(0)
        if not self.isVisible() and self._open_store is not None:
            return
        if self._open_store is not None:
            opener, self._open_store = self._open_store, None
            try:
                self.store, self.unavailable = opener()
            except (SecurityError, StorageError) as exc:
                self.store, self.unavailable = None, str(exc)
        if self.store is None or self.user is None:
            self.note.setObjectName("muted")
            self.note.setText(translated(self.unavailable) if self.unavailable else self.tr("Log in to see residents."))
            self._update_button()
            return
        try:
            rows = self.store.masked(self.user, community_id=self.community, limit=ROW_LIMIT)
        except (SecurityError, StorageError) as exc:
            self.note.setObjectName("errorText")
            self.note.setText(translated(str(exc)))
            self._update_button()
            return
        self.note.setObjectName("muted")
        self.note.setText(self.tr("Shown masked. Seeing a record in clear asks for a reason and is recorded."))
        self._fill(rows)

    def _fill(self, rows: list[MaskedResident]) -> None:
        self.table.setRowCount(len(rows))
        for r, resident in enumerate(rows):
            cells = (i18n.micro_grid_name(self.street, resident.micro_grid_id), resident.name, resident.id_number,
                     resident.phone, resident.address,
                     _flags(resident.care_groups))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(RESIDENT_ID_ROLE, resident.id)
                self.table.setItem(r, c, item)
        self.count.setText(self.tr("{n} residents").format(n=len(rows)))
        self._update_button()

    # ------------------------------------------------------------ unmasking

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(RESIDENT_ID_ROLE) if items else None

    @Slot()
    def unmask_selected(self) -> Resident | None:
        """Ask why, unmask the selected record through the store (audited) and show it once."""
        resident_id = self.selected_id()
        if resident_id is None or self.store is None or self.user is None:
            return None
        reason = self.ask_reason(self.tr("Why do you need this resident's personal data?"))
        if reason is None:
            return None
        try:
            record = self.store.unmask(resident_id, self.user, reason)
        except (SecurityError, StorageError) as exc:
            self.note.setObjectName("errorText")
            self.note.setText(translated(str(exc)))
            self.note.style().polish(self.note)
            return None
        self.show_record(record)
        return record

    def _ask_reason_dialog(self, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("Reason required"), prompt)
        return text if ok else None

    def _show_record_dialog(self, record: Resident) -> None:
        QMessageBox.information(self, self.tr("Resident (recorded in the audit log)"), self.record_text(record))

    def record_text(self, record: Resident) -> str:
        """An unmasked record in the current language, one field a line."""
        health = self.tr("Health")
        return "\n".join((
            f"{_tr(HEADERS[1])}: {record.name}", f"{_tr(HEADERS[2])}: {record.id_number}",
            f"{_tr(HEADERS[3])}: {record.phone}", f"{_tr(HEADERS[4])}: {record.address}",
            f"{health}: {_flags(record.health_flags) or '—'}"))

    def _update_button(self) -> None:
        denied = refusal(self.user, Action.UNMASK, self.community) if self.user is not None else ""
        self.unmask_button.setEnabled(self.selected_id() is not None and denied is None)
        self.unmask_button.setToolTip(denied or "")

    # ------------------------------------------------------------ language and life cycle

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        scope = self.user.scope_area if self.user is not None else None
        communities = [(c.id, f"{c.id} {i18n.community_name(self.street, c.id)}") for c in self.street.communities
                       if scope is None or c.id == scope]
        self.area_box.blockSignals(True)
        fill_combo(self.area_box, self.tr("All communities"), communities)
        if scope is not None:
            self.area_box.removeItem(0)
        self.area_box.blockSignals(False)
        self.area_box.setEnabled(scope is None)
        self.table.setHorizontalHeaderLabels([_tr(h) for h in HEADERS])
        self.unmask_button.setText(self.tr("Show in clear…"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._open_store is not None:
            self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.table.setRowCount(0)
        super().closeEvent(event)
