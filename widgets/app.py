"""The composition root of the cockpit's windows: the one place that builds state, sources and windows.

It builds the twin of a street with the live rules, its Qt model, the sources that feed it (the demo
feed on a scaled clock, for now), the desk window and the wall display, and wires the panels to one
another: the queue opens a case in the detail panel, the map and the banner fly to cases, the menu
switches language, theme and the wall. ``cockpit demo`` runs :func:`run_demo`, ``cockpit snapshot``
runs :func:`render_snapshot`.
"""

from __future__ import annotations

import getpass
import logging
import os
import signal
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from cockpit import heap
from cockpit.clock import Clock, ManualClock, ScaledClock, WallClock
from cockpit.demand import default_demand
from cockpit.demo_feed import DemoFeed, latest_busy_moment
from cockpit.security.authorizer import Authorizer, community_of_area
from cockpit.security.permissions import User
from cockpit.security.users import UserStore
from cockpit.sla import live_derivers
from cockpit.storage import AuditLog, Database, EventStore, StorageError, open_database
from cockpit.street.demo import load_demo_street
from cockpit.street.model import Street
from cockpit.twin import TwinError, TwinState
from cockpit.vocabulary.domain import Source
from cockpit.vocabulary.events import AlarmCleared, AlarmRaised, AlarmRepeated, CaseReported, Event, SensorReading
from cockpit.vocabulary.masking import install_log_masking
from widgets.alarm_banner import AlarmBanner
from widgets.case_detail import CaseDetailPanel
from widgets.case_queue import CaseQueuePanel
from widgets.i18n import LanguageSwitcher, cjk_font_family
from widgets.kpi_panel import KpiPanel, TodayKpis
from widgets.main_window import MainWindow
from widgets.map_panel import MapPanel
from widgets.mqtt_source import EMBEDDED, BrokerLogin, MqttSource
from widgets.persistence import DatabaseWriter
from widgets.simulation_view import open_simulation_view
from widgets.staff_board import StaffBoardPanel
from widgets.theme import apply_theme, set_base_font
from widgets.twin_model import TwinModel
from widgets.wall import PAGES, WallDisplay

log = logging.getLogger(__name__)

FEED_INTERVAL_MS = 250
"""How often the demo driver asks the feed for the street's events (4 Hz real time)."""
SNAPSHOT_STEP = timedelta(minutes=1)


BOOTSTRAP_HOURS = 10.0
"""Hours of demo street played before the window opens, when the database has no recent history."""


def build_twin(street: Street, authorizer: Authorizer | None = None) -> TwinState:
    """A twin of ``street`` running the live rules (red-case alarms, SLA monitor)."""
    return TwinState(street, derivers=live_derivers(), authorizer=authorizer)


def restore(twin: TwinState, db: Database) -> int:
    """Fold the database's event log into ``twin`` (a restart carries on the recorded day); returns events read.

    The log holds the derivers' output too; a derived event the twin re-derives on its own is
    refused as already applied and skipped.
    """
    events = list(EventStore(db).read())
    twin.apply_many(events, on_error=lambda _event, _error: None)
    return len(events)


def without_sensor_traffic(events: list[Event]) -> list[Event]:
    """The demo feed's events minus its sensors: readings, the alarms its rule engine raises, repeats
    and clears, and the cases they open (the feed clears no other alarm).

    Used when the sensors come over MQTT, so that alarms are the ingest's rule engine's.
    """
    return [e for e in events
            if not isinstance(e, (SensorReading, AlarmRepeated, AlarmCleared))
            and not (isinstance(e, AlarmRaised) and e.alarm_kind == "sensor")
            and not (isinstance(e, CaseReported) and e.source is Source.SENSOR and e.alarm_id)]


def usual_day() -> list[float]:
    """Expected reports per hour of a usual day in the demo street (the demand model the demo feed plays)."""
    return default_demand().usual_day().tolist()


class DemoDriver(QObject):
    """Feeds the demo street's events into the model on a timer, on the scaled clock.

    Owns the timer; the feed reads the twin on the GUI thread (the timer's thread) and its events
    enter through :meth:`TwinModel.submit` like any other source's.
    """

    def __init__(self, model: TwinModel, feed: DemoFeed, clock: Clock, interval_ms: int = FEED_INTERVAL_MS,
                 sensors_elsewhere: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._feed = feed
        self._clock = clock
        self._sensors_elsewhere = sensors_elsewhere
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.step)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def step(self) -> None:
        """Hand the feed's events up to the clock's now to the model (minus sensors that come over MQTT)."""
        events = self._feed.step(self._model.twin, self._clock.now())
        self._model.submit(without_sensor_traffic(events) if self._sensors_elsewhere else events)


@dataclass
class Desk:
    """The desk window and the panels in it (tests and the wiring reach them here)."""

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
        widget.resize(1500, 900)
        widget.show()
        return widget


def build_desk(model: TwinModel, actor: str, sound: bool = False, dark: bool = False) -> Desk:
    """The desk window on ``model`` with its panels wired to one another."""
    map_panel = MapPanel(model)
    queue = CaseQueuePanel(model)
    detail = CaseDetailPanel(model, actor)
    kpis = TodayKpis(model)
    kpi = KpiPanel(model, usual_hourly=usual_day(), source=kpis)
    kpi_strip = KpiPanel(model, compact=True, source=kpis)
    staff = StaffBoardPanel(model)
    banner = AlarmBanner(model, actor, sound=sound)
    window = MainWindow(model, actor, map_panel, queue, detail, kpi, kpi_strip, staff, banner)
    kpis.setParent(window)
    desk = Desk(window, map_panel, queue, detail, kpi, kpi_strip, staff, banner)

    street = model.twin.street
    # The map moving to a case on behalf of another panel must not narrow the queue under the operator.
    map_leads = [True]

    def fly_to_case(case_id: str) -> None:
        map_leads[0] = False
        try:
            map_panel.fly_to_case(case_id)
        finally:
            map_leads[0] = True

    def open_case(case_id: str) -> None:
        detail.set_case(case_id)
        window.detail_dock.raise_()

    def show_case(case_id: str) -> None:
        open_case(case_id)
        queue.select_case(case_id)
        fly_to_case(case_id)

    def filter_queue_to_map(kind: str, area_id: str) -> None:
        if map_leads[0]:
            queue.set_filters(community=None if kind == "street" else community_of_area(street, area_id))

    queue.current_case_changed.connect(lambda case_id: case_id and detail.set_case(case_id))
    queue.sig_open_case_requested.connect(lambda case_id: (open_case(case_id), fly_to_case(case_id)))
    map_panel.case_activated.connect(show_case)
    map_panel.level_changed.connect(filter_queue_to_map)
    banner.sig_show_case_requested.connect(show_case)
    detail.sig_locate_case_requested.connect(fly_to_case)
    set_desk_dark(desk, dark)
    window.sig_simulation_requested.connect(lambda: desk.open_tool(open_simulation_view(model.twin)))
    return desk


def set_desk_dark(desk: Desk, dark: bool) -> None:
    desk.map_panel.set_dark(dark)
    desk.kpi.set_dark(dark)


def build_wall(model: TwinModel, actor: str, sound: bool = False, rotate_ms: int | None = None) -> WallDisplay:
    """The wall display on ``model``: its own map, KPI, queue and staff panels, dark, rotating."""
    map_panel = MapPanel(model)
    map_panel.set_dark(True)
    map_panel.set_for_wall(True)
    kpis = TodayKpis(model)
    strip = KpiPanel(model, compact=True, source=kpis)
    map_page = QWidget()
    column = QVBoxLayout(map_page)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(map_panel, 1)
    column.addWidget(strip)
    kpi = KpiPanel(model, usual_hourly=usual_day(), source=kpis)
    kpi.set_dark(True)
    queue = CaseQueuePanel(model)
    staff = StaffBoardPanel(model)
    for panel in (queue, staff):
        panel.set_for_wall(True)
    banner = AlarmBanner(model, actor, sound=sound)
    pages = {"map": map_page, "kpi": kpi, "cases": queue, "staff": staff}
    extra = {} if rotate_ms is None else {"rotate_ms": rotate_ms}
    wall = WallDisplay(model, banner, pages, map_panel, **extra)
    kpis.setParent(wall)
    wall.show_page("map")
    return wall


def place_on_screen(window: QWidget, screen: int) -> None:
    """Show ``window`` fullscreen on screen number ``screen`` (the primary one if there is no such screen)."""
    screens = QApplication.screens()
    if not 0 <= screen < len(screens):
        log.warning("no screen %d (there are %d); using the primary screen", screen, len(screens))
        target = QApplication.primaryScreen()
    else:
        target = screens[screen]
    window.setScreen(target)
    window.setGeometry(target.geometry())
    if isinstance(window, WallDisplay):
        window.fit_to_height(target.geometry().height())
    window.showFullScreen()


def application(argv: Sequence[str] | None = None, headless: bool = False) -> QApplication:
    """The running QApplication, or a new one (offscreen when ``headless``)."""
    app = QApplication.instance()
    if app is None:
        if headless:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication(list(argv) if argv is not None else [sys.argv[0]])
        app.setApplicationName("Street Cockpit")
        app.setOrganizationName("street-cockpit")
    return app  # type: ignore[return-value]


def check_cjk_font(app: QApplication) -> str | None:
    """Prefer an installed CJK font; returns the warning to show if there is none."""
    family = cjk_font_family()
    set_base_font(app, family)
    if family is None:
        return ("No Chinese (CJK) font is installed: Chinese text will show as boxes. "
                "Install fonts-noto-cjk (Debian) or another Simplified Chinese font.")
    return None


@dataclass
class Session:
    """A running cockpit: the state, its sources and its windows (what run_demo tears down)."""

    app: QApplication
    languages: LanguageSwitcher
    twin: TwinState
    model: TwinModel
    driver: DemoDriver
    desk: Desk
    actor: str
    screen: int = 0
    sound: bool = True
    wall: WallDisplay | None = None
    db: Database | None = None
    writer: DatabaseWriter | None = None
    mqtt: MqttSource | None = None
    user: User | None = None
    extras: dict[str, Any] = field(default_factory=dict)

    def set_language(self, lang: str) -> None:
        self.languages.set_language(lang)
        self.desk.window.set_language_checked(lang)

    def set_theme(self, name: str) -> None:
        apply_theme(self.app, name)
        set_desk_dark(self.desk, name == "dark")
        self.desk.window.set_theme_checked(name)

    def set_wall(self, on: bool) -> None:
        if on and self.wall is None:
            self.wall = build_wall(self.model, self.actor, sound=False)
            place_on_screen(self.wall, self.screen)
            self.wall.start_rotation()
        elif not on and self.wall is not None:
            self.wall.close()
            self.wall.deleteLater()
            self.wall = None
        self.desk.window.wall_action.setChecked(on)

    def close(self) -> None:
        """Stop the sources, apply what they delivered, close every window and flush the database."""
        self.driver.stop()
        if self.mqtt is not None:
            self.mqtt.close()
            self.mqtt = None
        # The ingest's last commit is in the database; the twin (and so the projections) must see it too.
        self.model.drain()
        if self.wall is not None:
            self.wall.close()
            self.wall = None
        self.desk.window.close()
        self.model.close()
        if self.writer is not None:
            self.writer.close()
            self.writer = None


def log_in(db: Database | None, actor: str | None) -> tuple[User | None, str, Authorizer | None]:
    """The user the session acts as, its name on every command, and the authorizer checking them.

    With a database the demo logs in as the demo account (created on first use) and every command
    is checked against its role and recorded; without one (tests), ``actor`` acts unchecked.
    """
    if db is None:
        return None, actor or getpass.getuser(), None
    users = UserStore(db)
    user = users.ensure_demo_user()
    return user, user.username, Authorizer(users.get, AuditLog(db))


def start_session(app: QApplication, lang: str = "zh", speed: float = 1.0, seed: int = 7,
                  actor: str | None = None, start: datetime | None = None, screen: int = 0,
                  sound: bool = True, db: Database | None = None, broker: str | None = None,
                  login: BrokerLogin | None = None, sensor_rate: float | None = None) -> Session:
    """Build the demo cockpit: the demo street, the day so far, the live sources and the desk window.

    Parameters
    ----------
    db
        Where the session is saved (and, when it holds history, restored from); None saves nothing
        and needs no login (tests).
    broker
        None: every event comes from the in-process demo feed (tests, fast). ``"embedded"``: the
        embedded broker carries the demo's sensors to the ingest. A URL: the ingest connects there
        (the demo's sensors are then whatever that broker carries, e.g. ``cockpit sensors``).
        MQTT needs ``db`` (the ingest commits before it acknowledges).
    sensor_rate
        Simulated sensor messages a second over the embedded broker (default
        :data:`widgets.mqtt_source.DEMO_SENSOR_RATE`; 0 publishes none).
    """
    if broker is not None and db is None:
        raise ValueError("MQTT ingest needs a database (it acknowledges messages only once committed)")
    languages = LanguageSwitcher(app)
    languages.set_language(lang)
    warning = check_cjk_font(app)
    apply_theme(app, "light")
    street = load_demo_street()
    user, operator, authorizer = log_in(db, actor)
    twin = build_twin(street, authorizer)
    writer = None
    now = start or WallClock().now()
    hours = BOOTSTRAP_HOURS
    if db is not None:
        restored = restore(twin, db)
        if restored and twin.now is not None:
            hours = min(BOOTSTRAP_HOURS, max(0.0, (now - twin.now).total_seconds() / 3600))
            now = max(now, twin.now)
            log.info("restored %d events from %s; playing the %.1f h since", restored, db.url, hours)
        writer = DatabaseWriter(db, twin)
        writer.follow(twin)
    feed = DemoFeed(street, seed)
    clock = ScaledClock(now, speed)
    if hours > 0:
        try:
            feed.bootstrap(twin, clock.now(), hours=hours)
        except TwinError as exc:
            log.warning("the demo's catch-up stopped early (it met the restored history): %s", exc)
    model = TwinModel(twin)
    mqtt = None
    if broker is not None:
        assert db is not None
        extra = {} if sensor_rate is None else {"sensor_rate": sensor_rate}
        mqtt = MqttSource(twin, model, db, broker, clock.now, login=login, writer=writer, seed=seed, **extra)
    driver = DemoDriver(model, feed, clock, sensors_elsewhere=mqtt is not None)
    desk = build_desk(model, operator, sound=sound)
    session = Session(app, languages, twin, model, driver, desk, operator, screen, sound,
                      db=db, writer=writer, mqtt=mqtt, user=user)
    window = desk.window
    window.sig_language_requested.connect(session.set_language)
    window.sig_theme_requested.connect(session.set_theme)
    window.sig_wall_requested.connect(session.set_wall)
    window.set_language_checked(lang)
    window.set_theme_checked("light")
    window.set_account(operator, demo=user is not None and user.is_demo)
    if writer is not None and db is not None:
        window.set_storage(str(db.path or db.url))
        writer.status_changed.connect(window.show_storage_problem)
    if mqtt is not None:
        mqtt.link_changed.connect(window.set_link)
        try:
            mqtt.start()
        except (RuntimeError, ValueError):
            session.close()
            raise
        window.set_link("disconnected", "connecting", note=mqtt.note)
    else:
        window.set_demo_source(speed)
    if warning:
        print(warning, file=sys.stderr)
        window.warn(warning)
    driver.start()
    return session


def run_demo(options: Any) -> int:
    """``cockpit demo``: the desk (or, with ``--wall``, the wall display) on the live demo street.

    ``options`` carries lang, wall, screen, speed, seed, db and broker (+ username, password,
    tls_ca) (argparse's Namespace). The session is saved in ``--db`` (default: SQLite in the user
    data folder); sensors come over the embedded broker, or over ``--broker``.
    """
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    install_log_masking()
    # The embedded broker's state machine logs every client's every step at INFO.
    for chatty in ("amqtt", "transitions"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    try:
        db = open_database(getattr(options, "db", None))
    except StorageError as exc:
        print(f"cockpit demo: {exc}", file=sys.stderr)
        return 1
    app = application()
    speed = getattr(options, "speed", 1.0)
    login = BrokerLogin(getattr(options, "username", None), getattr(options, "password", None),
                        getattr(options, "tls_ca", None))
    try:
        session = start_session(app, lang=getattr(options, "lang", "zh"), speed=speed,
                                seed=getattr(options, "seed", 7), screen=getattr(options, "screen", 0),
                                db=db, broker=getattr(options, "broker", None) or EMBEDDED, login=login)
    except (RuntimeError, ValueError) as exc:
        db.close()
        print(f"cockpit demo: {exc}", file=sys.stderr)
        return 1
    heap.settle()
    if getattr(options, "wall", False):
        session.set_theme("dark")
        session.set_wall(True)
    session.desk.window.resize(1600, 960)
    session.desk.window.show()
    # Ctrl+C or a service manager's SIGTERM ends the session like closing the window: sources stopped,
    # the database flushed. The handler runs when Python next gets control (the model's 20 Hz timer).
    previous = {sig: signal.signal(sig, lambda *_: app.quit()) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        return app.exec()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        session.close()
        db.close()


def render_snapshot(out: Path, size: tuple[int, int] = (1920, 1080), lang: str = "zh", page: str = "map",
                    minutes: int = 60, seed: int = 7, at: datetime | None = None) -> Path:
    """Render the wall display headless at the moment ``at``, after ``minutes`` of accelerated demo feed.

    The street is played by :func:`play_demo`. ``at`` defaults to the latest busy moment of the demo
    day (:func:`cockpit.demo_feed.latest_busy_moment`, 10:00 in Shanghai), never the wall clock: the
    same options give the same picture, and a snapshot taken at night is not of an empty street.
    The session is saved, as a live one is, but in a temporary database removed afterwards (never
    the user's), and no broker runs. Returns ``out``.
    """
    if page not in PAGES:
        raise ValueError(f"unknown page {page!r}; choose one of {PAGES}")
    if at is not None and at.tzinfo is None:
        raise ValueError(f"the snapshot moment must be timezone-aware, not {at.isoformat()}")
    width, height = size
    app = application(headless=True)
    languages = LanguageSwitcher(app)
    languages.set_language(lang)
    check_cjk_font(app)
    street = load_demo_street()
    with tempfile.TemporaryDirectory(prefix="cockpit-snapshot-") as folder:
        db = open_database(f"sqlite:///{Path(folder) / 'snapshot.sqlite'}")
        _user, actor, authorizer = log_in(db, None)
        twin = build_twin(street, authorizer)
        writer = DatabaseWriter(db, twin)
        writer.follow(twin)
        try:
            play_demo(twin, at or latest_busy_moment(datetime.now(timezone.utc)), minutes, seed)
            _grab(app, twin, actor, out, width, height, page)
        finally:
            writer.close()
            db.close()
            languages.close()
            languages.deleteLater()
    return out


def play_demo(twin: TwinState, at: datetime, minutes: int = 60, seed: int = 7) -> None:
    """Bring a fresh ``twin`` of the demo street to ``at`` (whole minutes): the bootstrap, then ``minutes`` of feed.

    The feed's last ``minutes`` run on a manual clock stepped a minute at a time (no real waiting);
    the same ``at``, ``minutes`` and ``seed`` give the same twin.
    """
    feed = DemoFeed(twin.street, seed)
    finish = at.replace(second=0, microsecond=0)
    clock = ManualClock(finish - timedelta(minutes=minutes))
    feed.bootstrap(twin, clock.now())
    while clock.now() < finish:
        twin.apply_many(feed.step(twin, clock.advance(SNAPSHOT_STEP)))


def _grab(app: QApplication, twin: TwinState, actor: str, out: Path, width: int, height: int, page: str) -> None:
    """Save the wall display on ``twin``, ``width`` x ``height``, showing ``page``, as PNG to ``out``."""
    model = TwinModel(twin)
    wall = build_wall(model, actor)
    try:
        # A screen does not grow to fit its content; nor does the snapshot.
        wall.setFixedSize(width, height)
        wall.fit_to_height(height)
        wall.show_page(page)
        wall.show()
        for kpis in wall.findChildren(TodayKpis):
            kpis.refresh()
        app.processEvents()
        # Widgets replaced during layout are deleted later; they must be gone before the grab.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not wall.grab().save(str(out), "PNG"):
            raise OSError(f"could not write {out}")
    finally:
        wall.close()
        wall.deleteLater()
        model.close()
        app.processEvents()


@dataclass
class ReplayDesk:
    """The desk window on a replay of history, with the player that drives it and the replay bar."""

    desk: Desk
    model: TwinModel
    player: Any
    bar: Any
    badge: Any

    def close(self) -> None:
        """Stop playback and close the window."""
        self.bar.shutdown()
        self.desk.window.close()
        self.model.close()


def build_replay_desk(replay: Any, actor: str, speed: float = 60.0) -> ReplayDesk:
    """The desk on ``replay`` (a :class:`cockpit.replay.seek.Replay`), read-only, with the replay bar.

    The window says REPLAY in its title, in a badge in the status bar and in the bar; every operator
    command is refused, since the twin shows history (docs/replay.md).
    """
    from PySide6.QtWidgets import QLabel, QToolBar

    from cockpit.replay.player import REPLAY_BANNER_COLOUR, REPLAY_LABEL, ReplayPlayer
    from widgets.replay_bar import ReplayBar

    def read_only(twin: TwinState, event: Event) -> None:
        raise TwinError("this is a replay of history: no action can be taken here")

    replay.twin.authorizer = read_only
    model = TwinModel(replay.twin)
    player = ReplayPlayer(replay)
    player.set_speed(speed)
    desk = build_desk(model, actor)
    window = desk.window
    bar = ReplayBar(player, model)
    toolbar = QToolBar(REPLAY_LABEL)
    toolbar.setObjectName("replayToolBar")
    toolbar.setMovable(False)
    toolbar.addWidget(bar)
    window.addToolBar(toolbar)
    badge = QLabel()
    badge.setStyleSheet(f"background: {REPLAY_BANNER_COLOUR}; color: white; font-weight: bold; padding: 0 8px;")
    window.statusBar().insertPermanentWidget(0, badge)
    window.setWindowTitle(f"{REPLAY_LABEL} · {Path(replay.index.log.path).name}"
                          if hasattr(replay.index, "log") else REPLAY_LABEL)
    player.subscribe(lambda: badge.setText(player.status_text()))
    badge.setText(player.status_text())
    view = ReplayDesk(desk, model, player, bar, badge)
    window.training_action.setEnabled(True)
    window.sig_training_requested.connect(lambda: _ask_trainee(view, actor))
    return view


TRAINING_HOURS = 4.0
"""Length of a training window started from the replay's current moment."""


def start_training(view: ReplayDesk, trainee: str, trainer: str, hours: float = TRAINING_HOURS) -> QWidget:
    """A scored training session for ``trainee`` from the replay's current moment; returns its panel.

    Playback pauses (a session must not be seeked under the trainee); the debrief opens when the
    window is over.
    """
    from cockpit.training import TrainingSession
    from widgets.debrief import DebriefView, TrainingPanel

    view.player.pause()
    replay = view.player.replay
    start = replay.twin.now
    if start is None:
        raise TwinError("the replay has not started: play or seek to a moment first")
    session = TrainingSession(replay, trainee, start, start + timedelta(hours=hours), trainer=trainer)
    panel = TrainingPanel(session)
    panel.sig_show_case_requested.connect(view.desk.detail.set_case)
    panel.finished.connect(lambda debrief: view.desk.open_tool(DebriefView(debrief)))
    return view.desk.open_tool(panel)


def _ask_trainee(view: ReplayDesk, trainer: str) -> None:
    from PySide6.QtWidgets import QInputDialog

    window = view.desk.window
    trainee, ok = QInputDialog.getText(window, QCoreApplication.translate("MainWindow", "Training session"),
                                       QCoreApplication.translate("MainWindow", "Trainee's name:"))
    if ok and trainee.strip():
        try:
            start_training(view, trainee.strip(), trainer)
        except (TwinError, ValueError, TypeError) as exc:
            window.warn(str(exc))


def run_replay(options: Any) -> int:
    """``cockpit replay LOG --window``: the desk on a replay of the incident log ``options.log``.

    ``options`` carries log, speed, lang and seed (argparse's Namespace). A bad log is one line on
    standard error and exit code 2.
    """
    from cockpit.replay.cli import open_replay
    from cockpit.replay.loader import LogReadError

    seed = getattr(options, "seed", None)
    street = load_demo_street() if seed is None else load_demo_street(seed)
    try:
        replay = open_replay(Path(options.log), street)
    except LogReadError as exc:
        print(f"cockpit: {exc}", file=sys.stderr)
        return 2
    app = application()
    languages = LanguageSwitcher(app)
    languages.set_language(getattr(options, "lang", "zh"))
    warning = check_cjk_font(app)
    apply_theme(app, "light")
    view = build_replay_desk(replay, getpass.getuser(), getattr(options, "speed", 60.0))
    if warning:
        view.desk.window.warn(warning)
    view.desk.window.resize(1600, 960)
    view.desk.window.show()
    try:
        return app.exec()
    finally:
        view.close()
