"""``cockpit snapshot``: the wall display rendered headless to PNG at a chosen moment of the demo day.

The street is played to the moment offline (:func:`widgets.demo_driver.play_demo`), saved as a live
session is but in a temporary database, and the wall is grabbed at the requested size.
"""

from __future__ import annotations

import tempfile
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from cockpit.demo_feed import DEMO_SEED, latest_busy_moment
from cockpit.storage import open_database
from cockpit.street.demo import load_demo_street
from cockpit.street.model import Street
from cockpit.twin import TwinState
from widgets.app import build_twin, build_wall, log_in
from widgets.application import application, set_up_language
from widgets.demo_driver import play_demo
from widgets.kpi_panel import TodayKpis
from widgets.persistence import DatabaseWriter
from widgets.twin_model import TwinModel
from widgets.wall import PAGES


def render_snapshot(out: Path, size: tuple[int, int] = (1920, 1080), lang: str = "zh", page: str = "map",
                    minutes: int = 60, seed: int = DEMO_SEED, at: datetime | None = None,
                    street: Street | None = None) -> Path:
    """Render the wall display headless at the moment ``at``, after ``minutes`` of accelerated demo feed.

    ``street`` defaults to the demo street (``cockpit snapshot --street ID --db URL`` passes a stored one).

    ``at`` defaults to the latest busy moment of the demo day
    (:func:`cockpit.demo_feed.latest_busy_moment`, 10:00 in Shanghai), never the wall clock: the
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
    languages, _warning = set_up_language(app, lang)
    street = street or load_demo_street()
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
        if not wall.grab().save(str(out), "PNG"):
            raise OSError(f"could not write {out}")
    finally:
        wall.close()
        wall.deleteLater()
        model.close()
        app.processEvents()
