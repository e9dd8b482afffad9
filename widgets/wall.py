"""Wall-display mode: fullscreen, dark, large type, pages that rotate until a red alarm stops them.

The command centre's wall shows the map, the KPIs, the case queue and the staff board in turn. A red
alarm interrupts the rotation: the wall goes to the map, which flies to the alarm's case, and stays
there until every interrupting alarm is acknowledged. Type is sized from the screen height so that
it reads at 5 m on a 1080p and on a 4K wall alike.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from cockpit.records import Alarm
from cockpit.vocabulary.domain import RiskLevel
from widgets import i18n
from widgets.alarm_banner import AlarmBanner
from widgets.map_panel import MapPanel
from widgets.plumbing import Connections
from widgets.theme import apply_theme, wall_pixel_size, wall_stylesheet
from widgets.twin_model import TwinModel

PAGES = ("map", "kpi", "cases", "staff", "resources")
"""Wall pages in rotation order (the names of ``cockpit snapshot --page``)."""
PAGE_TITLES = {
    "map": QT_TRANSLATE_NOOP("WallDisplay", "Street map"),
    "kpi": QT_TRANSLATE_NOOP("WallDisplay", "Today's KPIs"),
    "cases": QT_TRANSLATE_NOOP("WallDisplay", "Open cases"),
    "staff": QT_TRANSLATE_NOOP("WallDisplay", "Staff on shift"),
    "resources": QT_TRANSLATE_NOOP("WallDisplay", "Resources and coverage"),
}
ROTATE_MS = 20_000


def interrupts(alarm: Alarm) -> bool:
    """A red alarm waiting on the banner (red case, red sensor, overdue case, a flood with a red alarm in
    it) stops the wall's rotation; a shelved one, or one a flood alarm stands for, does not."""
    return alarm.risk is RiskLevel.RED and alarm.annunciated


class WallDisplay(QWidget):
    """The wall: the alarm banner over a stack of pages that rotate on a timer.

    Owns the rotation timer and the set of alarms that interrupted it. Takes the pages built by the
    composition root (``pages`` maps each name of :data:`PAGES` to its widget) and the map panel on
    the map page, which it flies to an interrupting alarm's case.

    Signals
    -------
    page_changed(str)
        The page shown now.
    interrupted_changed(bool)
        True when a red alarm stopped the rotation, False when acknowledging it resumed it.
    """

    page_changed = Signal(str)
    interrupted_changed = Signal(bool)

    def __init__(self, model: TwinModel, banner: AlarmBanner, pages: Mapping[str, QWidget], map_panel: MapPanel,
                 rotate_ms: int = ROTATE_MS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._twin = model.twin
        self.map_panel = map_panel
        self.banner = banner
        self._interrupting: set[str] = set()
        self._rotation_wanted = False
        missing = set(PAGES) - set(pages)
        if missing:
            raise ValueError(f"wall pages missing: {sorted(missing)}")
        self.stack = QStackedWidget()
        self._pages = list(PAGES)
        for name in PAGES:
            self.stack.addWidget(pages[name])
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.clock = QLabel()
        self.clock.setObjectName("pageTitle")
        self.street_label = QLabel()
        self.street_label.setObjectName("muted")
        self.paused = QLabel()
        self.paused.setObjectName("errorText")
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addSpacing(24)
        header.addWidget(self.street_label, 1)
        header.addWidget(self.paused)
        header.addSpacing(24)
        header.addWidget(self.clock)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 12)
        layout.setSpacing(6)
        layout.addWidget(banner)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)

        self._timer = QTimer(self)
        self._timer.setInterval(rotate_ms)
        self._timer.timeout.connect(self.next_page)
        self._connections = Connections()
        self._connections.connect(model.alarm_raised, self._on_alarm_raised)
        self._connections.connect(model.alarms_changed, self._on_alarms_changed)
        self._connections.connect(model.clock_changed, self._on_clock_changed)
        apply_theme(self, "dark")
        self._sized_for = 0
        self.fit_to_height(1080)
        self.retranslate_ui()
        self._on_clock_changed(self._twin.now)

    # ------------------------------------------------------------ pages and rotation

    @property
    def page(self) -> str:
        return self._pages[self.stack.currentIndex()]

    @property
    def interrupted(self) -> bool:
        """True while a red alarm waits for acknowledgement and holds the wall on the map."""
        return bool(self._interrupting)

    @property
    def rotating(self) -> bool:
        return self._timer.isActive()

    def show_page(self, name: str) -> None:
        if name not in self._pages:
            raise ValueError(f"unknown wall page {name!r}; choose one of {PAGES}")
        self.stack.setCurrentIndex(self._pages.index(name))
        self.title.setText(QCoreApplication.translate("WallDisplay", PAGE_TITLES[name]))
        self.page_changed.emit(name)

    @Slot()
    def next_page(self) -> None:
        self.show_page(self._pages[(self.stack.currentIndex() + 1) % len(self._pages)])

    def start_rotation(self) -> None:
        """Rotate pages on the timer (unless an alarm holds the wall)."""
        self._rotation_wanted = True
        if not self.interrupted:
            self._timer.start()

    def stop_rotation(self) -> None:
        self._rotation_wanted = False
        self._timer.stop()

    # ------------------------------------------------------------ alarms

    @Slot(str)
    def _on_alarm_raised(self, alarm_id: str) -> None:
        alarm = self._twin.alarms.get(alarm_id)
        if alarm is None or not interrupts(alarm):
            return
        was = self.interrupted
        self._interrupting.add(alarm_id)
        self._timer.stop()
        self.show_page("map")
        if alarm.case_id in self._twin.cases:
            self.map_panel.fly_to_case(alarm.case_id)
        elif alarm.sensor_id is not None and alarm.sensor_id in self._twin.sensors:
            self.map_panel.fly_to_micro_grid(self._twin.sensors[alarm.sensor_id].sensor.micro_grid_id)
        elif alarm.area_id is not None and self._twin.street.has("communities", alarm.area_id):
            self.map_panel.drill_to("community", alarm.area_id)
        self._show_paused()
        if not was:
            self.interrupted_changed.emit(True)

    @Slot()
    def _on_alarms_changed(self) -> None:
        if not self._interrupting:
            return
        self._interrupting = {a for a in self._interrupting
                              if a in self._twin.alarms and interrupts(self._twin.alarms[a])}
        if not self._interrupting:
            self._show_paused()
            if self._rotation_wanted:
                self._timer.start()
            self.interrupted_changed.emit(False)

    def _show_paused(self) -> None:
        self.paused.setText(self.tr("Rotation paused: alarm") if self.interrupted else "")

    @Slot(object)
    def _on_clock_changed(self, now: object) -> None:
        if now is not None:
            self.clock.setText(i18n.local_time(now, with_date=True, with_seconds=True))

    # ------------------------------------------------------------ type size, language, life cycle

    def fit_to_height(self, height: int) -> None:
        """Size the wall's type for a screen ``height`` pixels tall (no-op if already sized for it)."""
        if height != self._sized_for:
            self._sized_for = height
            self.setStyleSheet(wall_stylesheet(height))
            self.map_panel.set_wall_type_size(wall_pixel_size(height))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.fit_to_height(event.size().height())
        super().resizeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.setWindowTitle(self.tr("Street Cockpit — wall display"))
        street = self._twin.street
        self.street_label.setText(street.name if i18n.is_chinese() else street.name_en)
        self.title.setText(QCoreApplication.translate("WallDisplay", PAGE_TITLES[self.page]))
        self._show_paused()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        self._connections.disconnect_all()
        # Our panels hold model connections and timers that their closeEvent releases.
        for widget in self.findChildren(QWidget):
            if type(widget).__module__.startswith("widgets."):
                widget.close()
        super().closeEvent(event)
