"""The composition root of the cockpit's windows: the one place that builds state, sources and windows.

It builds the twin of a street with the live rules, its Qt model, the sources that feed it (the demo
feed on a scaled clock, the MQTT ingest, the database writer), the desk window and the wall display,
and wires the panels to one another: the queue opens a case in the detail panel, the map and the
banner fly to cases, the menu switches language, theme and the wall. ``cockpit demo`` runs
:func:`run_demo`. The other window commands build on these: :mod:`widgets.snapshot` (``cockpit
snapshot``) and :mod:`widgets.replay_desk` (``cockpit replay --window``).
"""

from __future__ import annotations

import functools
import getpass
import logging
import signal
import sys
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QApplication, QHBoxLayout, QVBoxLayout, QWidget

from cockpit import heap
from cockpit.clock import ScaledClock, WallClock
from cockpit.demo_feed import BOOTSTRAP_HOURS, DEMO_SEED, DemoFeed
from cockpit.ingest.broker_config import BrokerLogin
from cockpit.ingest.cli import broker_login
from cockpit.onboard.catalog import UnknownStreet, street_in
from cockpit.security.authorizer import Authorizer, ExportCheck
from cockpit.security.permissions import Role, User
from cockpit.security.resident_stores import street_residents
from cockpit.security.users import UserStore
from cockpit.sla import live_derivers
from cockpit.storage import (
    AuditLog,
    CaseStore,
    Database,
    EventStore,
    StorageError,
    open_database,
)
from cockpit.street.demo import load_demo_street
from cockpit.street.model import Street
from cockpit.twin import TwinError, TwinState
from cockpit.vocabulary.masking import install_log_masking
from widgets.alarm_banner import AlarmBanner
from widgets.application import application, set_up_language
from widgets.case_detail import CaseDetailPanel
from widgets.case_queue import CaseQueuePanel
from widgets.demo_driver import DemoDriver, usual_day
from widgets.desk import DESK_SIZE, Desk, fit_to_screen
from widgets.device_health import DeviceHealthPanel
from widgets.kpi_panel import KpiPanel, TodayKpis
from widgets.main_window import MainWindow
from widgets.map_panel import MapPanel
from widgets.resources_panel import ResourcesPanel
from widgets.mqtt_source import EMBEDDED, MqttSource
from widgets.persistence import DatabaseWriter
from widgets.plumbing import scrolled
from widgets.residents_panel import ResidentsPanel
from widgets.session import Session
from widgets.simulation_view import open_simulation_view
from widgets.staff_board import StaffBoardPanel
from widgets.theme import apply_theme
from widgets.twin_model import TwinModel
from widgets.wall import WallDisplay

log = logging.getLogger(__name__)


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


def export_check(twin: TwinState, actor: str) -> ExportCheck | None:
    """The session's export gate: ``actor`` may export now, and each export is audited (None when
    the twin checks no accounts: tests, replays)."""
    authorizer = twin.authorizer
    return partial(authorizer.exporting, actor) if isinstance(authorizer, Authorizer) else None


def build_desk(model: TwinModel, actor: str, sound: bool = False, dark: bool = False) -> Desk:
    """The desk window on ``model`` with its panels wired to one another."""
    map_panel = MapPanel(model)
    may_export = export_check(model.twin, actor)
    queue = CaseQueuePanel(model, may_export=may_export)
    detail = CaseDetailPanel(model, actor)
    kpis = TodayKpis(model)
    kpi = KpiPanel(model, usual_hourly=usual_day(), source=kpis)
    kpi_strip = KpiPanel(model, compact=True, source=kpis)
    staff = StaffBoardPanel(model)
    banner = AlarmBanner(model, actor, sound=sound)
    window = MainWindow(model, actor)
    window.add_panel("banner", banner, "top")
    window.add_panel("kpi_strip", kpi_strip, "top")
    window.add_panel("map", map_panel, "centre")
    window.add_panel("detail", detail, "right", QT_TRANSLATE_NOOP("MainWindow", "Case"))
    window.add_panel("queue", queue, "bottom", QT_TRANSLATE_NOOP("MainWindow", "Case queue"))
    window.add_panel("kpi", scrolled(kpi), "bottom", QT_TRANSLATE_NOOP("MainWindow", "KPIs"))
    window.add_panel("staff", staff, "bottom", QT_TRANSLATE_NOOP("MainWindow", "Staff"))
    devices = DeviceHealthPanel(model)
    window.add_panel("devices", devices, "bottom", QT_TRANSLATE_NOOP("MainWindow", "Devices"))
    devices.sig_locate_sensor_requested.connect(
        lambda sensor_id: map_panel.fly_to_micro_grid(model.twin.street.sensor(sensor_id).micro_grid_id))
    resources = ResourcesPanel(model)
    window.add_panel("resources", resources, "right", QT_TRANSLATE_NOOP("MainWindow", "Resources"))
    connect_resources(resources, map_panel)
    # Raising the resources tab is opening the resources view: the map shows them and their coverage.
    window.docks["resources"].visibilityChanged.connect(
        lambda shown: shown and resources.show_kind(resources.kind))
    kpis.setParent(window)
    desk = Desk(model, window, map_panel, queue, detail, kpi, kpi_strip, staff, banner)

    queue.current_case_changed.connect(lambda case_id: case_id and detail.set_case(case_id))
    queue.sig_open_case_requested.connect(lambda case_id: (desk.open_case(case_id), desk.fly_to_case(case_id)))
    map_panel.case_activated.connect(desk.show_case)
    map_panel.level_changed.connect(desk.filter_queue_to_map)
    banner.sig_show_case_requested.connect(desk.show_case)
    detail.sig_locate_case_requested.connect(desk.fly_to_case)
    desk.set_dark(dark)
    # The gate as the session stands when the view opens (a login may have come since the desk was built).
    window.sig_simulation_requested.connect(
        lambda: desk.open_tool(open_simulation_view(model.twin, may_export=desk.export_check or may_export)))
    window.sig_report_requested.connect(desk.ask_report)
    return desk


def connect_resources(resources: ResourcesPanel, map_panel: MapPanel) -> None:
    """The map shows what the resources panel shows: the coverage gaps of its kind, a plan's sites, the markers."""
    def show_coverage(title: Callable[[], str], gaps: dict) -> None:
        # Coverage is decided per micro-grid, and the resources read better without the sensors.
        map_panel.set_layer_visible("resources", True)
        map_panel.set_layer_visible("sensors", False)
        map_panel.set_level("micro")
        map_panel.set_coverage(title, gaps)

    resources.coverage_shown.connect(show_coverage)
    resources.sites_suggested.connect(map_panel.set_planned_sites)


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
    banner.set_for_wall(True)
    resources_page = QWidget()
    row = QHBoxLayout(resources_page)
    row.setContentsMargins(0, 0, 0, 0)
    resources_map = MapPanel(model)
    resources_map.set_dark(True)
    resources_map.set_for_wall(True)
    resources = ResourcesPanel(model, wall=True)
    row.addWidget(resources_map, 3)
    row.addWidget(resources, 2)
    connect_resources(resources, resources_map)
    resources.show_kind(resources.kind)
    pages = {"map": map_page, "kpi": kpi, "cases": queue, "staff": staff, "resources": resources_page}
    extra = {} if rotate_ms is None else {"rotate_ms": rotate_ms}
    wall = WallDisplay(model, banner, pages, map_panel, **extra)
    kpis.setParent(wall)
    wall.show_page("map")
    return wall


def log_in(db: Database | None, actor: str | None,
           role: Role = Role.OPERATOR) -> tuple[User | None, str, Authorizer | None]:
    """The user the session acts as, its name on every command, and the authorizer checking them.

    With a database the demo logs in as the demo account of ``role`` (created on first use) and every
    command is checked against its role and recorded; without one (tests), ``actor`` acts unchecked.
    """
    if db is None:
        return None, actor or getpass.getuser(), None
    users = UserStore(db)
    user = users.ensure_demo_user(role)
    return user, user.username, Authorizer(users.get, AuditLog(db))


def start_session(app: QApplication, lang: str = "zh", speed: float = 1.0, seed: int = DEMO_SEED,
                  actor: str | None = None, start: datetime | None = None, screen: int = 0,
                  sound: bool = True, db: Database | None = None, broker: str | None = None,
                  login: BrokerLogin | None = None, sensor_rate: float | None = None,
                  street: Street | None = None, role: Role = Role.OPERATOR) -> Session:
    """Build the demo cockpit: the street (default the demo one), the day so far, the live sources and the desk.

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
    role
        With ``db``: the demo account's role (``demo-operator``, ``demo-leader``, ``demo-trainer``).
    """
    if broker is not None and db is None:
        raise ValueError("MQTT ingest needs a database (it acknowledges messages only once committed)")
    languages, warning = set_up_language(app, lang)
    apply_theme(app, "light")
    street = street or load_demo_street()
    user, operator, authorizer = log_in(db, actor, role)
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
    if db is not None and user is not None:
        desk.add_residents(ResidentsPanel(lambda: street_residents(db, street), street, user))
        desk.set_user(user, functools.partial(authorizer.exporting, user.username))
        desk.report_frame = CaseStore(db).cases_frame
    session = Session(app, languages, twin, model, driver, desk, operator,
                      new_wall=lambda: build_wall(model, operator, sound=False), screen=screen,
                      db=db, writer=writer, mqtt=mqtt, user=user)
    window = desk.window
    session.connect_window(lang, sound)
    window.set_account(operator, demo=user is not None and user.is_demo)
    if mqtt is not None:
        session.start_link()
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
    try:
        street = street_in(db, getattr(options, "street", None))
    except UnknownStreet as exc:
        db.close()
        print(f"cockpit demo: {exc}", file=sys.stderr)
        return 2
    app = application()
    speed = getattr(options, "speed", 1.0)
    seed = getattr(options, "seed", None)
    try:
        login = broker_login(options)
    except ValueError as exc:
        db.close()
        print(f"cockpit demo: {exc}", file=sys.stderr)
        return 2
    try:
        session = start_session(app, lang=getattr(options, "lang", "zh"), speed=speed,
                                seed=DEMO_SEED if seed is None else seed, screen=getattr(options, "screen", 0),
                                db=db, broker=getattr(options, "broker", None) or EMBEDDED, login=login,
                                street=street, role=Role(getattr(options, "role", "operator")))
    except (RuntimeError, ValueError) as exc:
        db.close()
        print(f"cockpit demo: {exc}", file=sys.stderr)
        return 1
    return run_until_closed(app, session, db, getattr(options, "wall", False))


def run_until_closed(app: QApplication, session: Session, db: Database, wall: bool) -> int:
    """Show ``session``'s desk (and its wall, dark, with ``wall``) and run until it closes; then close
    the session and ``db``. Returns the application's exit code."""
    heap.settle()
    if wall:
        session.set_theme("dark")
        session.set_wall(True)
    fit_to_screen(session.desk.window, DESK_SIZE)
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
