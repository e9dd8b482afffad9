"""``cockpit open``: the operator window on a street stored in the database, with a real broker, after login.

This is the production window (issue 16): no demo feed and no simulated sensors. The street comes
from the database (``cockpit street import``), the recorded history is folded back into the twin,
events arrive only from the MQTT broker (sensors, field workers' phones, residents' reports), and the
wall clock ticks the SLA clocks. Nothing opens before an account made with ``cockpit users add``
logs in; its role and community then apply to every view, and every command it gives is checked
and audited.
"""

from __future__ import annotations

import functools
import logging
import sys
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication, QDialog

from cockpit.clock import Clock, WallClock
from cockpit.ingest.broker_config import BrokerLogin
from cockpit.ingest.cli import broker_login
from cockpit.onboard.catalog import UnknownStreet, street_from
from cockpit.security.authorizer import Authorizer
from cockpit.security.permissions import User
from cockpit.security.resident_stores import street_residents
from cockpit.security.users import UserStore
from cockpit.storage import AuditLog, CaseStore, Database, StorageError, open_database
from cockpit.street.model import Street
from cockpit.vocabulary.events import ClockTick
from cockpit.vocabulary.masking import install_log_masking
from widgets.app import build_desk, build_twin, build_wall, restore, run_until_closed
from widgets.application import application, set_up_language
from widgets.i18n import LanguageSwitcher
from widgets.login_dialog import LoginDialog
from widgets.mqtt_source import MqttSource
from widgets.persistence import DatabaseWriter
from widgets.residents_panel import ResidentsPanel
from widgets.session import Session
from widgets.theme import apply_theme
from widgets.twin_model import TwinModel

log = logging.getLogger(__name__)

TICK_MS = 1000
"""The SLA clocks follow the wall clock at this step."""


class ClockTicker(QObject):
    """Ticks the twin with the wall clock, so deadlines pass and escalate when no event arrives.

    Owns its timer; the ticks enter through :meth:`TwinModel.submit` like any source's events.
    """

    def __init__(self, model: TwinModel, clock: Clock, interval_ms: int = TICK_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.tick)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def tick(self) -> None:
        self._model.submit([ClockTick(self._clock.now())])


def log_in(users: UserStore, street: Street, name: str | None = None) -> User | None:
    """Show the login dialog until an account logs in; None if the user cancels."""
    dialog = LoginDialog(users, street.name)
    if name:
        dialog.username.setText(name)
        dialog.password.setFocus()
    return dialog.user if dialog.exec() == QDialog.DialogCode.Accepted else None


def open_session(app: QApplication, languages: LanguageSwitcher, street: Street, db: Database, broker: str,
                 user: User, login: BrokerLogin | None = None, screen: int = 0, sound: bool = True,
                 clock: Clock | None = None) -> Session:
    """The operator's session on a stored street: history restored, the broker's events, the user's views.

    ``languages`` is the application's language switcher (set up before the login dialog).

    Raises
    ------
    RuntimeError, ValueError
        The broker cannot be reached or its URL is malformed (the session is closed again).
    """
    apply_theme(app, "light")
    users = UserStore(db)
    authorizer = Authorizer(users.get, AuditLog(db))
    twin = build_twin(street, authorizer)
    clock = clock or WallClock()
    restored = restore(twin, db)
    log.info("restored %d events of street %s from %s", restored, street.id, db.url)
    twin.apply(ClockTick(max(clock.now(), twin.now) if twin.now is not None else clock.now()))
    writer = DatabaseWriter(db, twin)
    writer.follow(twin)
    model = TwinModel(twin)
    mqtt = MqttSource(twin, model, db, broker, clock.now, login=login, writer=writer, sensor_rate=0.0)
    ticker = ClockTicker(model, clock)
    desk = build_desk(model, user.username, sound=sound)
    desk.add_residents(ResidentsPanel(lambda: street_residents(db, street), street, user))
    desk.set_user(user, functools.partial(authorizer.exporting, user.username))
    desk.report_frame = CaseStore(db).cases_frame
    session = Session(app, languages, twin, model, ticker, desk, user.username,
                      new_wall=lambda: build_wall(model, user.username, sound=False), screen=screen,
                      db=db, writer=writer, mqtt=mqtt, user=user)
    session.connect_window(languages.language or "zh", sound)
    session.start_link()
    ticker.start()
    return session


def run_open(options: Any) -> int:
    """``cockpit open --street ID --db URL --broker URL``: log in, then the operator window.

    ``options`` carries street, db, broker, lang, wall, screen, user (the login name to offer) and
    the broker's username, password and tls_ca. Exit 0 when the window is closed, 1 when the login
    is cancelled or the street, database or broker cannot be used (one line on standard error).
    """
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    install_log_masking()
    try:
        db = open_database(getattr(options, "db", None))
    except StorageError as exc:
        print(f"cockpit open: {exc}", file=sys.stderr)
        return 1
    try:
        street = street_from(db, options.street)
    except (UnknownStreet, StorageError) as exc:
        db.close()
        print(f"cockpit open: {exc}", file=sys.stderr)
        return 1
    try:
        login = broker_login(options)
    except ValueError as exc:
        db.close()
        print(f"cockpit open: {exc}", file=sys.stderr)
        return 2
    app = application()
    languages, warning = set_up_language(app, getattr(options, "lang", "zh"))
    user = log_in(UserStore(db), street, getattr(options, "user", None))
    if user is None:
        db.close()
        print("cockpit open: login cancelled", file=sys.stderr)
        return 1
    try:
        session = open_session(app, languages, street, db, options.broker, user, login=login,
                               screen=getattr(options, "screen", 0))
    except (RuntimeError, ValueError) as exc:
        db.close()
        print(f"cockpit open: {exc}", file=sys.stderr)
        return 1
    if warning:
        print(warning, file=sys.stderr)
        session.desk.window.warn(warning)
    return run_until_closed(app, session, db, getattr(options, "wall", False))
