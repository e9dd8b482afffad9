"""A running cockpit session: the state, its sources and its windows, switched and torn down together.

:func:`widgets.app.start_session` builds one; the menu's language, theme and wall switches act on it,
and :meth:`Session.close` stops the sources, applies what they delivered and flushes the database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtWidgets import QApplication, QWidget

from cockpit.security.permissions import User
from cockpit.storage import Database
from cockpit.twin import TwinState
from widgets.desk import Desk
from widgets.i18n import LanguageSwitcher
from widgets.mqtt_source import MqttSource
from widgets.persistence import DatabaseWriter
from widgets.theme import apply_theme
from widgets.twin_model import TwinModel
from widgets.wall import WallDisplay

log = logging.getLogger(__name__)


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


class ClockSource(Protocol):
    """What moves the session's clock: the demo driver (the demo feed) or the wall-clock ticker."""

    def stop(self) -> None: ...


@dataclass
class Session:
    """A running cockpit: owns its sources (demo driver, MQTT, database writer) and its windows.

    ``new_wall`` builds the wall display on this session's model when the operator switches it on.
    """

    app: QApplication
    languages: LanguageSwitcher
    twin: TwinState
    model: TwinModel
    driver: ClockSource
    desk: Desk
    actor: str
    new_wall: Callable[[], WallDisplay]
    screen: int = 0
    wall: WallDisplay | None = None
    db: Database | None = None
    writer: DatabaseWriter | None = None
    mqtt: MqttSource | None = None
    user: User | None = None

    def connect_window(self, lang: str, sound: bool) -> None:
        """Wire the desk's menu to the session and show what the session runs on (language, theme,
        sound, where it is saved)."""
        window = self.desk.window
        window.sig_language_requested.connect(self.set_language)
        window.sig_theme_requested.connect(self.set_theme)
        window.sig_wall_requested.connect(self.set_wall)
        window.sig_sound_requested.connect(self.set_sound)
        window.set_language_checked(lang)
        window.set_theme_checked("light")
        window.sound_action.setChecked(sound)
        if self.writer is not None and self.db is not None:
            window.set_storage(str(self.db.path or self.db.url))
            self.writer.status_changed.connect(window.show_storage_problem)

    def start_link(self) -> None:
        """Connect to the broker, the link's state shown in the status bar.

        Raises
        ------
        RuntimeError, ValueError
            The broker cannot be started or its URL is malformed; the session is closed then.
        """
        assert self.mqtt is not None
        window = self.desk.window
        self.mqtt.link_changed.connect(window.set_link)
        try:
            self.mqtt.start()
        except (RuntimeError, ValueError):
            self.close()
            raise
        window.set_link("disconnected", "connecting", note=self.mqtt.note)

    def set_language(self, lang: str) -> None:
        self.languages.set_language(lang)
        self.desk.window.set_language_checked(lang)

    def set_theme(self, name: str) -> None:
        apply_theme(self.app, name)
        self.desk.set_dark(name == "dark")
        self.desk.window.set_theme_checked(name)

    def set_sound(self, on: bool) -> None:
        """Sound red alarms at the desk (the wall stays silent: one sound in the room is enough)."""
        self.desk.banner.sound = on
        self.desk.window.sound_action.setChecked(on)

    def set_wall(self, on: bool) -> None:
        if on and self.wall is None:
            self.wall = self.new_wall()
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
