"""The window commands on an imported street: ``cockpit snapshot --street ID --db URL`` and the demo session."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from cockpit.onboard.store import import_street
from widgets.app import build_twin
from widgets.demo_driver import play_demo
from widgets.cli import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "xinhua"
BUSY = datetime(2024, 3, 5, 2, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def xinhua():
    return import_street(FIXTURE / "street.toml").street


def test_the_demo_feed_plays_on_an_imported_street(xinhua):
    twin = build_twin(xinhua)
    play_demo(twin, BUSY, minutes=30)
    frame = twin.cases_frame()
    assert len(frame) > 0
    assert set(frame["micro_grid"]) <= {m.id for m in xinhua.micro_grids}
    assert set(frame["assignee"].dropna()) <= {m.id for m in xinhua.staff}


@pytest.mark.slow
def test_a_snapshot_of_a_stored_street_shows_that_street(qapp, capsys, tmp_path):
    db = f"sqlite:///{tmp_path / 'c.sqlite'}"
    assert main(["street", "import", str(FIXTURE / "street.toml"), "--db", db]) == 0
    out = tmp_path / "wall.png"
    assert main(["snapshot", "--street", "xinhua", "--db", db, "--out", str(out), "--size", "960x540",
                 "--minutes", "10", "--at", "2024-03-05T10:00", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["out"] == str(out)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (960, 540)
    assert len({image.pixel(x, y) for x in range(0, 960, 16) for y in range(0, 540, 16)}) > 20
    assert main(["snapshot", "--street", "elsewhere", "--db", db, "--out", str(out)]) == 2
    assert capsys.readouterr().err.strip().splitlines()[-1] == f"cockpit: no street 'elsewhere' in {db}; it holds xinhua"


def test_the_desk_opens_on_an_imported_street_and_its_feed_runs(qtbot, qapp, xinhua):
    from widgets.app import start_session

    session = start_session(qapp, lang="zh", speed=60.0, start=BUSY, sound=False, actor="值班员", street=xinhua)
    window = session.desk.window
    qtbot.addWidget(window)
    window.show()
    assert session.twin.street is xinhua and session.driver.running
    applied = session.twin.applied
    qtbot.waitUntil(lambda: session.twin.applied > applied, timeout=5000)
    assert {c.micro_grid_id for c in session.twin.cases.values()} <= {m.id for m in xinhua.micro_grids}
    session.close()
