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
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from cockpit.clock import Clock, ManualClock, ScaledClock, WallClock
from cockpit.demo_feed import CASES_PER_DAY, HOURLY_PROFILE, DemoFeed
from cockpit.sla import live_derivers
from cockpit.street.demo import load_demo_street
from cockpit.street.model import Street
from cockpit.twin import TwinState
from widgets.alarm_banner import AlarmBanner
from widgets.case_detail import CaseDetailPanel
from widgets.case_queue import CaseQueuePanel
from widgets.i18n import LanguageSwitcher, cjk_font_family
from widgets.kpi_panel import KpiPanel, TodayKpis, expected_hourly
from widgets.main_window import MainWindow
from widgets.map_panel import MapPanel
from widgets.staff_board import StaffBoardPanel
from widgets.theme import apply_theme, set_base_font
from widgets.twin_model import TwinModel
from widgets.wall import PAGES, WallDisplay

log = logging.getLogger(__name__)

FEED_INTERVAL_MS = 250
"""How often the demo driver asks the feed for the street's events (4 Hz real time)."""
SNAPSHOT_STEP = timedelta(minutes=1)


def build_twin(street: Street) -> TwinState:
    """A twin of ``street`` running the live rules (red-case alarms, SLA monitor)."""
    return TwinState(street, derivers=live_derivers())


def usual_day() -> list[float]:
    """Expected reports per hour of a usual day in the demo street (what the demo feed is calibrated to)."""
    return list(expected_hourly(CASES_PER_DAY, HOURLY_PROFILE))


class DemoDriver(QObject):
    """Feeds the demo street's events into the model on a timer, on the scaled clock.

    Owns the timer; the feed reads the twin on the GUI thread (the timer's thread) and its events
    enter through :meth:`TwinModel.submit` like any other source's.
    """

    def __init__(self, model: TwinModel, feed: DemoFeed, clock: Clock, interval_ms: int = FEED_INTERVAL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._feed = feed
        self._clock = clock
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
        """Hand the feed's events up to the clock's now to the model."""
        self._model.submit(self._feed.step(self._model.twin, self._clock.now()))


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

    def open_case(case_id: str) -> None:
        detail.set_case(case_id)
        window.detail_dock.raise_()

    def show_case(case_id: str) -> None:
        open_case(case_id)
        queue.select_case(case_id)
        map_panel.fly_to_case(case_id)

    queue.current_case_changed.connect(lambda case_id: case_id and detail.set_case(case_id))
    queue.sig_open_case_requested.connect(lambda case_id: (open_case(case_id), map_panel.fly_to_case(case_id)))
    map_panel.case_activated.connect(show_case)
    banner.sig_show_case_requested.connect(show_case)
    detail.sig_locate_case_requested.connect(map_panel.fly_to_case)
    set_desk_dark(desk, dark)
    return desk


def set_desk_dark(desk: Desk, dark: bool) -> None:
    desk.map_panel.set_dark(dark)
    desk.kpi.set_dark(dark)


def build_wall(model: TwinModel, actor: str, sound: bool = False, rotate_ms: int | None = None) -> WallDisplay:
    """The wall display on ``model``: its own map, KPI, queue and staff panels, dark, rotating."""
    map_panel = MapPanel(model)
    map_panel.set_dark(True)
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
        """Stop the sources and close every window."""
        self.driver.stop()
        if self.wall is not None:
            self.wall.close()
            self.wall = None
        self.desk.window.close()
        self.model.close()


def start_session(app: QApplication, lang: str = "zh", speed: float = 1.0, seed: int = 7,
                  actor: str | None = None, start: datetime | None = None, screen: int = 0,
                  sound: bool = True) -> Session:
    """Build the demo cockpit: the demo street, the day so far, the live feed and the desk window."""
    languages = LanguageSwitcher(app)
    languages.set_language(lang)
    warning = check_cjk_font(app)
    apply_theme(app, "light")
    street = load_demo_street()
    twin = build_twin(street)
    feed = DemoFeed(street, seed)
    clock = ScaledClock(start or WallClock().now(), speed)
    feed.bootstrap(twin, clock.now())
    model = TwinModel(twin)
    driver = DemoDriver(model, feed, clock)
    operator = actor or getpass.getuser()
    desk = build_desk(model, operator, sound=sound)
    session = Session(app, languages, twin, model, driver, desk, operator, screen, sound)
    window = desk.window
    window.sig_language_requested.connect(session.set_language)
    window.sig_theme_requested.connect(session.set_theme)
    window.sig_wall_requested.connect(session.set_wall)
    window.set_language_checked(lang)
    window.set_theme_checked("light")
    window.set_demo_source(speed)
    if warning:
        print(warning, file=sys.stderr)
        window.warn(warning)
    driver.start()
    return session


def run_demo(options: Any) -> int:
    """``cockpit demo``: the desk (or, with ``--wall``, the wall display) on the live demo street.

    ``options`` carries lang, wall, screen, speed, seed and db (argparse's Namespace).
    """
    app = application()
    speed = getattr(options, "speed", 1.0)
    session = start_session(app, lang=getattr(options, "lang", "zh"), speed=speed,
                            seed=getattr(options, "seed", 7), actor=getattr(options, "actor", None),
                            screen=getattr(options, "screen", 0))
    if getattr(options, "db", None):
        session.desk.window.set_demo_source(speed, db_ignored=True)
    if getattr(options, "wall", False):
        session.set_theme("dark")
        session.set_wall(True)
    session.desk.window.resize(1600, 960)
    session.desk.window.show()
    try:
        return app.exec()
    finally:
        session.close()


def render_snapshot(out: Path, size: tuple[int, int] = (1920, 1080), lang: str = "zh", page: str = "map",
                    minutes: int = 60, seed: int = 7, end: datetime | None = None) -> Path:
    """Render the wall display headless after ``minutes`` of accelerated demo feed; returns ``out``.

    The feed runs on a manual clock stepped a minute at a time (no real waiting) up to ``end``
    (default: now), after the usual bootstrap of the day so far.
    """
    if page not in PAGES:
        raise ValueError(f"unknown page {page!r}; choose one of {PAGES}")
    width, height = size
    app = application(headless=True)
    languages = LanguageSwitcher(app)
    languages.set_language(lang)
    check_cjk_font(app)
    street = load_demo_street()
    twin = build_twin(street)
    feed = DemoFeed(street, seed)
    finish = (end or datetime.now(timezone.utc)).replace(second=0, microsecond=0)
    clock = ManualClock(finish - timedelta(minutes=minutes))
    feed.bootstrap(twin, clock.now())
    while clock.now() < finish:
        twin.apply_many(feed.step(twin, clock.advance(SNAPSHOT_STEP)))
    model = TwinModel(twin)
    wall = build_wall(model, "snapshot")
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
        languages.deleteLater()
    return out
