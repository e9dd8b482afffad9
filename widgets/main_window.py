"""The operator's desk: the map in the centre, the case queue, the case detail, KPIs and staff around it.

The alarm banner sits on top; a compact KPI strip stays in view under it; the status bar shows the
link to the sources, the twin's clock and every refusal or error. The menu switches language, theme
and the wall display. The window only lays out the panels it is given (:meth:`MainWindow.add_panel`):
app.py builds and wires them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QScrollArea, QVBoxLayout, QWidget

from cockpit.security.permissions import Action, User
from widgets import i18n
from widgets.access import refusal
from widgets.error_text import role_name, translated
from widgets.plumbing import Connections
from widgets.theme import REPLAY_COLOR, TEXT_ON_COLOR, THEMES
from widgets.twin_model import TwinModel

ERROR_SHOWN_MS = 15_000
"""How long a refusal stays in the status bar."""

DOCK_AREAS = {"right": Qt.DockWidgetArea.RightDockWidgetArea, "bottom": Qt.DockWidgetArea.BottomDockWidgetArea}
"""Where a docked panel goes; panels docked in one area share it as tabs."""
DOCK_SHARES = {"right": (0.36, 520, Qt.Orientation.Horizontal), "bottom": (0.3, 200, Qt.Orientation.Vertical)}
"""First width (right) or height (bottom) of a dock area: a share of the window, at least so many pixels.
The case panel takes the right side over the whole height, so its dispatch list is reached without
scrolling on a 1366x768 desk; the queue below the map takes under a third of the height."""
PANEL_AREAS = ("top", "centre", *DOCK_AREAS)
MODES = {"replay": QT_TRANSLATE_NOOP("MainWindow", "REPLAY"), "training": QT_TRANSLATE_NOOP("MainWindow", "TRAINING")}
"""Windows that show history say so, loudly: in the title and in a badge in the replay colour."""
"""``top``: above the map, in the order added; ``centre``: the map; then the dock areas."""


class MainWindow(QMainWindow):
    """The desk window around the panels built by the composition root.

    Signals
    -------
    sig_language_requested(str)
        The operator picked a language ("zh" or "en") in the menu.
    sig_theme_requested(str)
        The operator picked a theme ("light" or "dark").
    sig_wall_requested(bool)
        The operator switched the wall display on or off.
    sig_sound_requested(bool)
        The operator switched the sound of red alarms on or off.
    sig_simulation_requested()
        The user asked for the what-if simulation view on the twin shown here.
    sig_training_requested()
        The trainer asked for a training session from the moment shown (replays only).
    sig_report_requested(str)
        The user asked for the daily or weekly report ("daily", "weekly").
    """

    sig_language_requested = Signal(str)
    sig_theme_requested = Signal(str)
    sig_wall_requested = Signal(bool)
    sig_sound_requested = Signal(bool)
    sig_simulation_requested = Signal()
    sig_training_requested = Signal()
    sig_report_requested = Signal(str)

    def __init__(self, model: TwinModel, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._twin = model.twin
        self.actor = actor
        self.setObjectName("mainWindow")
        self.panels: dict[str, QWidget] = {}
        """Every panel added, by name."""
        self.docks: dict[str, QDockWidget] = {}
        """The dock of each docked panel, by the panel's name."""
        self._titles: dict[str, str] = {}
        self._top_count = 0
        self._first_docks: dict[str, QDockWidget] = {}
        self._docks_sized = False
        # The case panel runs down the whole right side; the queue sits under the map only.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.TopRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)

        central = QWidget()
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(2)
        self.setCentralWidget(central)

        self.account_label, self.note_label, self.link_label, self.clock_label = QLabel(), QLabel(), QLabel(), QLabel()
        self.account_label.setObjectName("accountLabel")
        self.note_label.setObjectName("muted")
        status = self.statusBar()
        status.addPermanentWidget(self.account_label)
        status.addPermanentWidget(self.note_label)
        status.addPermanentWidget(self.link_label)
        status.addPermanentWidget(self.clock_label)
        self._warning = ""
        self._demo_speed: float | None = None
        self._account: tuple[str, bool] | None = None
        self._user: User | None = None
        self._storage = ""
        self._storage_problem = ""
        self._link: tuple[str, str] | None = None
        self._broker_note = ""
        self._mode: tuple[str, str] | None = None
        self._mode_status = ""
        self.mode_badge = QLabel()
        self.mode_badge.setObjectName("modeBadge")
        self.mode_badge.setStyleSheet(f"QLabel#modeBadge {{ background: {REPLAY_COLOR.name()}; "
                                      f"color: {TEXT_ON_COLOR.name()}; font-weight: bold; padding: 0 8px; }}")
        self.mode_badge.hide()
        status.insertPermanentWidget(0, self.mode_badge)

        self._build_menu()
        self._connections = Connections()
        self._connections.connect(model.clock_changed, self._on_clock_changed)
        self._connections.connect(model.error_occurred, self._on_error)
        self.retranslate_ui()
        self._on_clock_changed(self._twin.now)

    def add_panel(self, name: str, widget: QWidget, area: str, title: str = "") -> None:
        """Lay out ``widget`` as the panel ``name`` in ``area`` (one of :data:`PANEL_AREAS`).

        ``top`` panels stack above the map in the order added; ``centre`` is the map's place. A panel
        docked ``right`` or ``bottom`` gets a movable dock titled ``title`` (an untranslated source
        string of context "MainWindow", shown in the current language); a later panel in the same
        area becomes a tab behind the first. The window closes its panels when it closes.
        """
        if name in self.panels:
            raise ValueError(f"there is already a panel called {name!r}")
        if area == "top":
            self._column.insertWidget(self._top_count, widget)
            self._top_count += 1
        elif area == "centre":
            if self._column.count() > self._top_count:
                raise ValueError(f"the centre already holds a panel; {name!r} cannot go there too")
            self._column.addWidget(widget, 1)
        elif area in DOCK_AREAS:
            self._dock(name, widget, area, title)
        else:
            raise ValueError(f"unknown area {area!r} for panel {name!r}; choose one of {PANEL_AREAS}")
        self.panels[name] = widget

    def _dock(self, name: str, widget: QWidget, area: str, title: str) -> None:
        dock = QDockWidget(self)
        dock.setObjectName(f"{name}Dock")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        dock.setWindowTitle(QCoreApplication.translate("MainWindow", title))
        there = [d for d in self.docks.values() if self.dockWidgetArea(d) == DOCK_AREAS[area]]
        self.addDockWidget(DOCK_AREAS[area], dock)
        if there:
            self.tabifyDockWidget(there[-1], dock)
            there[0].raise_()
        else:
            self._first_docks[area] = dock
        self.docks[name] = dock
        self._titles[name] = title

    def _build_menu(self) -> None:
        bar = self.menuBar()
        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        # Each language is named in itself, so that a reader of neither can find their own.
        for code, label in (("zh", "中文"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.triggered.connect(lambda _checked, code=code: self.sig_language_requested.emit(code))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.theme_menu = self.view_menu.addMenu("")
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for name in THEMES:
            action = QAction(self, checkable=True)
            action.triggered.connect(lambda _checked, name=name: self.sig_theme_requested.emit(name))
            self.theme_group.addAction(action)
            self.theme_menu.addAction(action)
            self.theme_actions[name] = action
        self.wall_action = QAction(self, checkable=True)
        self.wall_action.setShortcut(QKeySequence("F11"))
        self.wall_action.toggled.connect(self.sig_wall_requested)
        self.view_menu.addAction(self.wall_action)
        self.sound_action = QAction(self, checkable=True)
        self.sound_action.toggled.connect(self.sig_sound_requested)
        self.view_menu.addAction(self.sound_action)
        self.tools_menu = bar.addMenu("")
        self.simulation_action = QAction(self)
        self.simulation_action.triggered.connect(self.sig_simulation_requested)
        self.tools_menu.addAction(self.simulation_action)
        self.training_action = QAction(self)
        self.training_action.setEnabled(False)
        self.training_action.triggered.connect(self.sig_training_requested)
        self.tools_menu.addAction(self.training_action)
        self.tools_menu.addSeparator()
        self.report_actions: dict[str, QAction] = {}
        for kind in ("daily", "weekly"):
            action = QAction(self)
            action.triggered.connect(lambda _checked, kind=kind: self.sig_report_requested.emit(kind))
            self.tools_menu.addAction(action)
            self.report_actions[kind] = action

    # ------------------------------------------------------------ state shown

    def set_language_checked(self, lang: str) -> None:
        self.language_actions[lang].setChecked(True)

    def set_theme_checked(self, name: str) -> None:
        self.theme_actions[name].setChecked(True)

    def set_mode(self, mode: str, detail: str = "") -> None:
        """Mark the window as showing history: ``"replay"`` (a replayed log, read-only) or
        ``"training"`` (a trainee's session on a replayed log); ``detail`` is the log or the trainee."""
        if mode not in MODES:
            raise ValueError(f"unknown window mode {mode!r}; choose one of {sorted(MODES)}")
        self._mode = (mode, detail)
        self.retranslate_ui()

    def set_mode_status(self, text: str) -> None:
        """What the mode badge says after the mode (the replay's time, speed and state)."""
        self._mode_status = text
        mode = QCoreApplication.translate("MainWindow", MODES[self._mode[0]]) if self._mode else ""
        self.mode_badge.setText(" · ".join(p for p in (mode, text) if p))

    def set_demo_source(self, speed: float) -> None:
        """Say that every event comes from the in-process demo feed at ``speed`` (no broker)."""
        self._demo_speed = speed
        self._show_source()

    def set_account(self, username: str, demo: bool) -> None:
        """Show who is logged in; the demo account is marked as such, visibly."""
        self._account = (username, demo)
        self._show_source()

    def set_user(self, user: User | None) -> None:
        """The logged-in account: shown with its role and scope; the tools its role may not use are
        disabled with the reason."""
        self._user = user
        if user is not None:
            self.set_account(user.username, user.is_demo)
        tools = ((self.simulation_action, Action.RUN_SIMULATION), (self.training_action, Action.TRAIN),
                 *((action, Action.EXPORT) for action in self.report_actions.values()))
        for action, needed in tools:
            denied = refusal(user, needed)
            if denied is not None:
                action.setEnabled(False)
                action.setToolTip(denied)

    def set_storage(self, where: str) -> None:
        """Say that the session is saved in the database at ``where`` (a file path or a URL)."""
        self._storage = where
        self._show_source()

    @Slot(str)
    def show_storage_problem(self, problem: str) -> None:
        """The database writer's trouble ("" when writes succeed again); nothing is lost meanwhile."""
        self._storage_problem = problem
        self._show_source()

    @Slot(str, str)
    def set_link(self, state: str, reason: str, note: str | None = None) -> None:
        """The broker link's state ("connected", "degraded", "disconnected"), why, and a note on the broker."""
        self._link = (state, reason)
        if note is not None:
            self._broker_note = note
        self._show_source()

    def _show_source(self) -> None:
        if self._account is not None:
            user, demo = self._account
            text = (self.tr("demo account {user}").format(user=user) if demo
                    else self.tr("signed in as {user}").format(user=user))
            if self._user is not None:
                scope = (self.tr("community {area}").format(area=self._user.scope_area) if self._user.scope_area
                         else self.tr("whole street"))
                text = self.tr("{account} ({role} · {scope})").format(account=text, role=role_name(self._user.role),
                                                                      scope=scope)
            self.account_label.setText(text)
        if self._storage_problem:
            self.note_label.setObjectName("errorText")
            self.note_label.setText(self.tr("database unavailable, nothing lost, retrying"))
            self.note_label.setToolTip(self._storage_problem)
        elif self._storage:
            self.note_label.setObjectName("muted")
            self.note_label.setText(self.tr("saved to {name}").format(name=self._storage.rsplit("/", 1)[-1]))
            self.note_label.setToolTip(self._storage)
        elif self._demo_speed is not None:
            self.note_label.setObjectName("muted")
            self.note_label.setText(self.tr("demo data, not saved"))
        self.note_label.style().polish(self.note_label)
        if self._link is not None:
            state, reason = self._link
            names = {"connected": self.tr("MQTT connected"), "degraded": self.tr("MQTT degraded, reconnecting"),
                     "disconnected": self.tr("MQTT disconnected")}
            text = names.get(state, state)
            if self._broker_note:
                text += " · " + self.tr("embedded broker (not durable)")
            self.link_label.setObjectName("" if state == "connected" else "errorText")
            self.link_label.setText(text)
            self.link_label.setToolTip(reason)
            self.link_label.style().polish(self.link_label)
        elif self._demo_speed is not None:
            self.link_label.setText(self.tr("demo feed ×{speed:g}").format(speed=self._demo_speed))

    def warn(self, text: str) -> None:
        """A standing warning (e.g. no CJK font): kept in the status bar until replaced."""
        self._warning = text
        self.statusBar().showMessage(text)

    @Slot(object)
    def _on_clock_changed(self, now: object) -> None:
        if now is not None:
            self.clock_label.setText(i18n.local_time(now, with_date=True, with_seconds=True))

    @Slot(str)
    def _on_error(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Refused: {reason}").format(reason=translated(message)), ERROR_SHOWN_MS)

    # ------------------------------------------------------------ language and life cycle

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        street = self._twin.street
        name = street.name if i18n.is_chinese() else street.name_en
        title = self.tr("Street Cockpit — {street} — {actor}").format(street=name, actor=self.actor)
        if self._mode is not None:
            mode, detail = self._mode
            title = " · ".join(p for p in (QCoreApplication.translate("MainWindow", MODES[mode]), detail, title) if p)
            self.mode_badge.show()
            self.set_mode_status(self._mode_status)
        self.setWindowTitle(title)
        for name, dock in self.docks.items():
            dock.setWindowTitle(QCoreApplication.translate("MainWindow", self._titles[name]))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("Language"))
        self.theme_menu.setTitle(self.tr("Theme"))
        self.theme_actions["light"].setText(self.tr("Light (desk)"))
        self.theme_actions["dark"].setText(self.tr("Dark (night, wall)"))
        self.wall_action.setText(self.tr("Wall display"))
        self.sound_action.setText(self.tr("Sound on red alarms"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.simulation_action.setText(self.tr("What-if simulation…"))
        self.training_action.setText(self.tr("Training session from this moment…"))
        self.training_action.setToolTip(self.tr("Open a replay (cockpit replay LOG --window) to train on history"))
        self.report_actions["daily"].setText(self.tr("Daily report (PDF)…"))
        self.report_actions["weekly"].setText(self.tr("Weekly report (PDF)…"))
        self._show_source()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._docks_sized:
            # Once the window has its size and its layout has run, not before.
            QTimer.singleShot(0, self.size_docks)

    def size_docks(self) -> None:
        """Give each dock area its share of the window as it is now (done once, when first shown)."""
        self._docks_sized = True
        for area, dock in self._first_docks.items():
            share, least, orientation = DOCK_SHARES[area]
            whole = self.width() if orientation is Qt.Orientation.Horizontal else self.height()
            self.resizeDocks([dock], [max(least, round(whole * share))], orientation)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._connections.disconnect_all()
        for panel in self.panels.values():
            # A panel laid in a scroll area (plumbing.scrolled) is closed itself: it holds the connections.
            (panel.widget() if isinstance(panel, QScrollArea) else panel).close()
        super().closeEvent(event)
