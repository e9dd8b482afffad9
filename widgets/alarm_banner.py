"""The alarm banner: a red case or a sensor alarm that nobody can miss.

The banner sits on top of every page and stays while any such alarm waits for acknowledgement,
showing the most urgent, newest one and how many more wait: on one line what it is (risk, kind,
category or sensor, case, time), below it where it is, so a long English place name is read whole
on the wall rather than cut off. Acknowledging goes through the twin (an AlarmAcknowledged event,
recorded with the operator's name and an optional comment); only then may the banner go. As in a
control room (ISA-18.2, EEMUA 191), an alarm may be shelved for a while with a reason, and a flood
of alarms in one community shows as one alarm that stands for them all. The optional sound sounds
for red alarms only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from cockpit.ingest.service import DATA_LOSS, data_loss_missing
from cockpit.records import Alarm
from cockpit.security.authorizer import alarm_community
from cockpit.security.permissions import Action, User
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import RiskLevel
from widgets import i18n
from widgets.access import refusal
from widgets.plumbing import Connections, ElidedLabel
from widgets.theme import scaled_font
from widgets.twin_model import TwinModel

SPACING_EM = 0.6
"""Gap between the banner's text, count and buttons, in lines of its type: it grows with the wall's type."""
PLACE_MIN_CHARS = 10
"""The place line never narrows below this many average characters (then it ends in "…")."""
COMMENT_MIN_CHARS = 12
"""The comment field keeps room for a few words."""
SHELVE_FOR = (timedelta(minutes=15), timedelta(hours=1), timedelta(hours=4), timedelta(hours=8))
"""How long an operator may shelve an alarm (the longest: one shift)."""

AskShelving = Callable[[Alarm], "tuple[str, timedelta] | None"]


def needs_banner(alarm: Alarm) -> bool:
    """Red alarms (red cases, overdue cases, red sensors), every sensor alarm and floods take the banner."""
    return alarm.risk is RiskLevel.RED or alarm.alarm_kind in ("sensor", "flood")


def banner_alarms(twin: TwinState) -> list[Alarm]:
    """Alarms waiting for acknowledgement that take the banner (not shelved, not within a flood),
    most urgent and newest first."""
    return [alarm for alarm in twin.annunciated_alarms() if needs_banner(alarm)]


class ShelveDialog(QDialog):
    """Asks why and for how long to shelve an alarm."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reason = QLineEdit()
        self.duration = QComboBox()
        for span in SHELVE_FOR:
            self.duration.addItem("", span)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(lambda: self.reason.text().strip() and self.accept())
        buttons.rejected.connect(self.reject)
        self.reason_label, self.duration_label = QLabel(), QLabel()
        form = QFormLayout(self)
        form.addRow(self.reason_label, self.reason)
        form.addRow(self.duration_label, self.duration)
        form.addRow(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.setWindowTitle(self.tr("Shelve alarm"))
        self.reason.setPlaceholderText(self.tr("why (required)"))
        self.reason_label.setText(self.tr("Reason"))
        self.duration_label.setText(self.tr("For"))
        for i, span in enumerate(SHELVE_FOR):
            minutes = int(span.total_seconds() // 60)
            self.duration.setItemText(i, i18n.countdown(span) if minutes >= 60
                                      else self.tr("{m} min").format(m=minutes))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def choice(self) -> tuple[str, timedelta]:
        return self.reason.text().strip(), self.duration.currentData()


class AlarmBanner(QFrame):
    """Shows the top unacknowledged alarm and acknowledges it as ``actor``; hidden when none waits.

    Signals
    -------
    sig_show_case_requested(str)
        The operator asked to see the alarm's case (open it and fly the map to it).
    pending_changed(int)
        How many banner alarms wait for acknowledgement (0: the banner is hidden).
    """

    sig_show_case_requested = Signal(str)
    pending_changed = Signal(int)

    def __init__(self, model: TwinModel, actor: str, sound: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarmBanner")
        self._model = model
        self._twin = model.twin
        self.actor = actor
        self.sound = sound
        self.alarm_id = ""
        self._pending = -1
        self.user: User | None = None
        self.ask_shelving: AskShelving = self._ask_shelving_dialog
        # Each line ends in "…" (full text in the tooltip) only if even its own line is too narrow; the
        # count and the buttons beside them keep their full width.
        self.headline = ElidedLabel()
        self.place = ElidedLabel()
        self.count = QLabel()
        self.count.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.show_button = QPushButton()
        self.comment = QLineEdit()
        self.shelve_button = QPushButton()
        self.ack_button = QPushButton()
        # What the alarm is takes the first line (at the desk beside the comment and Shelve, which the
        # wall hides); where it is, the count and the buttons share the second, so at 1080p neither an
        # English headline nor a long place name has to be cut.
        self._grid = QGridLayout(self)
        self._grid.addWidget(self.headline, 0, 0, 1, 2)
        self._grid.addWidget(self.comment, 0, 2)
        self._grid.addWidget(self.shelve_button, 0, 3)
        for column, widget in enumerate((self.place, self.count, self.show_button, self.ack_button)):
            self._grid.addWidget(widget, 1, column)
        self._grid.setColumnStretch(0, 1)
        self.show_button.clicked.connect(self._on_show_clicked)
        self.shelve_button.clicked.connect(self._on_shelve_clicked)
        self.ack_button.clicked.connect(self.acknowledge)
        self.comment.returnPressed.connect(self.acknowledge)
        self._connections = Connections()
        self._connections.connect(model.alarms_changed, self._refresh)
        self._connections.connect(model.cases_changed, self._on_cases_changed)
        self._connections.connect(model.alarm_raised, self._on_alarm_raised)
        self._fit_fonts()
        self.retranslate_ui()

    @property
    def pending(self) -> int:
        """Banner alarms waiting for acknowledgement."""
        return max(self._pending, 0)

    def set_user(self, user: User | None) -> None:
        """The logged-in account: acknowledging and shelving are offered only where it may handle alarms."""
        self.user = user
        self._refresh()

    def set_for_wall(self, wall: bool) -> None:
        """On the wall (read at 5 m) the banner keeps Show case and Acknowledge; comments and shelving are the desk's."""
        self.comment.setVisible(not wall)
        self.shelve_button.setVisible(not wall)

    def acknowledge(self) -> bool:
        """Acknowledge the alarm shown with the comment typed (recorded by the twin); False if there is
        none or it was refused."""
        if not self.alarm_id:
            return False
        ok = self._model.command(self._twin.acknowledge, self.alarm_id, self.actor, comment=self.comment.text())
        if ok:
            self.comment.clear()
        self._refresh()
        return ok

    def shelve(self, reason: str, span: timedelta) -> bool:
        """Shelve the alarm shown for ``span`` with ``reason`` (recorded); False if refused."""
        if not self.alarm_id:
            return False
        now = self._twin.now
        ok = now is not None and self._model.command(self._twin.shelve, self.alarm_id, self.actor, reason, now + span)
        self._refresh()
        return ok

    @Slot()
    def _on_shelve_clicked(self) -> None:
        alarm = self._twin.alarms.get(self.alarm_id)
        if alarm is None:
            return
        choice = self.ask_shelving(alarm)
        if choice is not None:
            self.shelve(*choice)

    def _ask_shelving_dialog(self, alarm: Alarm) -> tuple[str, timedelta] | None:
        dialog = ShelveDialog(self)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @Slot(str)
    def _on_alarm_raised(self, alarm_id: str) -> None:
        alarm = self._twin.alarms.get(alarm_id)
        if self.sound and alarm is not None and alarm.annunciated and alarm.risk is RiskLevel.RED:
            QApplication.beep()
        self._refresh()

    @Slot(set)
    def _on_cases_changed(self, _ids: set) -> None:
        if self.alarm_id:
            self._refresh()

    @Slot()
    def _refresh(self) -> None:
        alarms = banner_alarms(self._twin)
        top = alarms[0] if alarms else None
        self.alarm_id = top.id if top is not None else ""
        self.setVisible(top is not None)
        if top is not None:
            self.headline.set_full_text(self.describe(top))
            self.place.set_full_text(self.locate(top))
            self.count.setText(self.tr("{n} more waiting").format(n=len(alarms) - 1) if len(alarms) > 1 else "")
            self.show_button.setEnabled(top.case_id in self._twin.cases)
            denied = refusal(self.user, Action.ACKNOWLEDGE, alarm_community(self._twin, top), f"alarm {top.id}")
            self.ack_button.setEnabled(denied is None)
            self.ack_button.setToolTip(denied or "")
            self.shelve_button.setEnabled(denied is None and top.alarm_kind != "flood")
        if len(alarms) != self._pending:
            self._pending = len(alarms)
            self.pending_changed.emit(len(alarms))

    def describe(self, alarm: Alarm) -> str:
        """What the alarm is: risk and kind, category (or sensor), case, since when, how often it repeated."""
        twin = self._twin
        case = twin.cases.get(alarm.case_id or "")
        kind = i18n.alarm_kind_name(alarm.alarm_kind)
        # A red case's kind already names its risk; other kinds (sensor, overdue) say it in front.
        parts = [f"⚠ {kind}" if alarm.alarm_kind == "red_case" else f"⚠ {i18n.risk_name(alarm.risk)} · {kind}"]
        if alarm.alarm_kind == "flood":
            members = sum(1 for a in twin.alarms.values() if a.flood_id == alarm.id)
            parts.append(self.tr("{n} alarms within a minute").format(n=members))
        elif case is not None:
            parts += [i18n.category_name(twin.categories, case.category), case.id]
        elif alarm.sensor_id:
            if twin.street.has("sensors", alarm.sensor_id):
                parts.append(i18n.sensor_kind_name(twin.street.sensor(alarm.sensor_id).kind))
            parts.append(alarm.sensor_id)
        elif alarm.alarm_kind == DATA_LOSS:
            parts.append(self.tr("{n} messages missing").format(n=data_loss_missing(alarm.detail) or 0))
        parts.append(i18n.local_time(alarm.raised_at))
        text = " · ".join(parts)
        if alarm.repeats and alarm.alarm_kind != "flood":
            text += " " + self.tr("(repeated {n}×)").format(n=alarm.repeats)
        return text

    def locate(self, alarm: Alarm) -> str:
        """Where the alarm is: its case's or sensor's area down to the micro-grid, or its community."""
        street = self._twin.street
        case = self._twin.cases.get(alarm.case_id or "")
        if case is not None:
            return i18n.place_name(street, case.community_id, case.general_grid_id, case.micro_grid_id)
        if alarm.sensor_id and street.has("sensors", alarm.sensor_id):
            micro = street.micro_grid(street.sensor(alarm.sensor_id).micro_grid_id)
            return i18n.place_name(street, micro.community_id, micro.general_grid_id, micro.id)
        return i18n.place_name(street, alarm.area_id)

    def _on_show_clicked(self) -> None:
        alarm = self._twin.alarms.get(self.alarm_id)
        if alarm is not None and alarm.case_id:
            self.sig_show_case_requested.emit(alarm.case_id)

    def _fit_fonts(self) -> None:
        self.headline.setFont(scaled_font(self.font(), 1.3, bold=True))
        self.place.setFont(scaled_font(self.font(), 1.3, bold=True))
        # On a narrow desk window the buttons keep their width; the place still shows its first words.
        self.place.setMinimumWidth(self.place.fontMetrics().averageCharWidth() * PLACE_MIN_CHARS)
        gap = round(self.fontMetrics().height() * SPACING_EM)
        self._grid.setHorizontalSpacing(gap)
        self._grid.setVerticalSpacing(0)
        self._grid.setContentsMargins(gap, gap // 3, gap, gap // 3)

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.show_button.setText(self.tr("Show case"))
        self.comment.setPlaceholderText(self.tr("comment (optional)"))
        self.comment.setMinimumWidth(self.comment.fontMetrics().averageCharWidth() * COMMENT_MIN_CHARS)
        self.shelve_button.setText(self.tr("Shelve…"))
        self.shelve_button.setToolTip(self.tr("Take the alarm off the banner for a while, with a reason"))
        self.ack_button.setText(self.tr("Acknowledge"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_fonts()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._connections.disconnect_all()
        super().closeEvent(event)
