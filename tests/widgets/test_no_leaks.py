"""Every window speaks one language: in Chinese no Latin-script word shows that is not a code, an id, a
unit or a name; in English no Chinese shows but the street's own names and the residents' words.

The walk opens every window an operator, a trainer or a leader meets (the desk with all its tabs and a
case open, the wall, the replay desk, the training desk and its debrief, the training, shelving,
report and login dialogs, the residents' view, the simulation view, Qt's own file dialog) and reads
every visible text: labels, buttons, group titles, tab and dock titles, menus, combo items, line-edit
hints, table headers and cells, list items, plot titles and axes, window titles.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QFileSystemModel,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabBar,
    QWidget,
)

from cockpit.replay.cli import open_replay
from cockpit.replay.synthetic import synthetic_log
from cockpit.security.personal_data import Resident
from cockpit.security.users import UserStore
from cockpit.storage import open_database
from cockpit.street.demo import load_demo_street
from widgets.alarm_banner import ShelveDialog
from widgets.app import build_wall, start_session
from widgets.debrief import DebriefView
from widgets.login_dialog import LoginDialog
from widgets.replay_desk import build_replay_desk
from widgets.reports import ReportDialog
from widgets.simulation_view import open_simulation_view
from widgets.training_desk import TrainingChoice, TrainingDialog, start_training

EVENING = datetime(2026, 11, 24, 12, 14, tzinfo=timezone.utc)

LATIN_WORD = re.compile(r"[A-Za-z0-9_*][A-Za-z0-9_.\-/=:@+*]*")
"""A run that may hold Latin letters: an id (K20261124-0001, 510***1234X), a code, a file, a word."""
MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")
"""Qt's keyboard accelerators in a menu or label ("工具(&T)", "&Look in:"): not text a person reads."""
ALLOWED_LATIN = re.compile(
    r"""(
        .*\d.*                                   # an id or a figure: K20261124-0001, C07, SMK-000001, PM2.5
      | [^A-Za-z]*                               # no letter at all
      | [A-Z]{1,}s?                              # an acronym or a letter label: MQTT, CSV, PDF, SOS, ISO, A
      | .*[_.=/@].*                              # a code or a file: fire_hazard, demo0.db, smoke=1, a/b
      | m | km | min | h | s | dB | ms | x       # units
      | demo-operator                            # the demo's account name
    )""", re.VERBOSE)
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text a person can see in ``window`` and its visible children."""
    out: list[tuple[str, str]] = [("title", window.windowTitle())]
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisibleTo(window) and widget is not window:
            continue
        where = type(widget).__name__
        if isinstance(widget, QLabel):
            out.append((where, widget.text()))
        elif isinstance(widget, QAbstractButton):
            out.append((where, widget.text()))
        elif isinstance(widget, QGroupBox):
            out.append((where, widget.title()))
        elif isinstance(widget, QLineEdit):
            out.append((where, widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            out.extend((where, widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QTabBar):
            out.extend((where, widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, QDockWidget):
            out.append((where, widget.windowTitle()))
        elif (isinstance(widget, QAbstractItemView) and widget.model() is not None
              and not isinstance(widget.model(), QFileSystemModel) and widget.objectName() != "sidebar"):
            # A file dialog's files and places are the computer's names, not the cockpit's words.
            model = widget.model()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
            for column in range(columns):
                out.append((where + " header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")))
            for row in range(min(model.rowCount(), 40)):
                for column in range(columns):
                    out.append((where, str(model.index(row, column).data() or "")))
        elif isinstance(widget, pg.PlotWidget):
            item = widget.getPlotItem()
            out.append((where + " title", item.titleLabel.text or ""))
            for name in ("left", "bottom"):
                axis = item.getAxis(name)
                out.append((where + " axis", axis.labelText or ""))
    if isinstance(window, QMainWindow):
        for menu in window.menuBar().findChildren(QMenu):
            out.append(("menu", menu.title()))
            out.extend(("menu", action.text()) for action in menu.actions())
    return [(where, re.sub(r"<[^>]+>", " ", text)) for where, text in out if text]


def latin_leaks(texts: list[tuple[str, str, str]], names: set[str]) -> list[tuple[str, str, str]]:
    """Texts with a Latin word that is not a code, id, unit or a word of one of the ``names``."""
    name_words = {w.strip(".:;,()") for n in names for w in LATIN_WORD.findall(n)}
    leaks = []
    for window, where, text in texts:
        words = [w.strip(".:;,()") for w in LATIN_WORD.findall(MNEMONIC.sub("", text))]
        if any(w and not ALLOWED_LATIN.fullmatch(w) and w not in name_words for w in words):
            leaks.append((window, where, text))
    return leaks


def chinese_leaks(texts: list[tuple[str, str, str]], names: set[str]) -> list[tuple[str, str, str]]:
    """Texts with a run of Chinese that is not part of one of the ``names`` (the street's own words)."""
    parts = {name[i:j] for name in names if CJK.search(name)
             for i in range(len(name)) for j in range(i + 1, len(name) + 1)}
    # A masked field (张**, …复兴社区12栋***) is a resident's own data, shown masked in any language.
    return [(window, where, text) for window, where, text in texts
            if "**" not in text and any(run not in parts for run in CJK_RUN.findall(text))]


def data_names(twin) -> set[str]:
    """The words of the street itself, in whatever language the data has them: places, people, descriptions."""
    street = twin.street
    names = {street.name, street.city, *(c.name for c in street.communities),
             *(g.name for g in street.general_grids), *(m.name for m in street.micro_grids),
             *(s.name for s in street.staff), *(s.label for s in street.sensors),
             *(s.name for s in street.shifts), *(r.name for r in street.resources)}
    names |= {case.description for case in twin.cases.values() if case.description}
    # People with accounts are names too, and each language is named in itself in the language menu.
    names |= {"trainer", "学员甲", "demo-operator", "中文", "English"}
    return {n for n in names if n}


@pytest.fixture(scope="module")
def walk(qapp, tmp_path_factory):
    """Every window of the cockpit, opened once: (name, widget) pairs and the twin's data names."""
    folder = tmp_path_factory.mktemp("walk")
    db = open_database(f"sqlite:///{folder / 'walk.sqlite'}")
    session = start_session(qapp, lang="zh", speed=1.0, start=EVENING, sound=False, db=db)
    session.driver.stop()
    desk = session.desk
    desk.window.resize(1600, 960)
    desk.window.show()
    case = next(c for c in session.twin.open_cases() if c.status.value in ("reported", "triaged"))
    desk.show_case(case.id)
    wall = build_wall(session.model, session.actor)
    wall.resize(1920, 1080)
    wall.show()
    log = folder / "month.parquet"
    street = load_demo_street()
    synthetic_log(street, 400, seed=3, start=EVENING - timedelta(days=3), per_day=130).to_parquet(log)
    replay = build_replay_desk(open_replay(log, street), "trainer")
    replay.desk.window.show()
    replay.player.seek(replay.player.start + timedelta(hours=30))
    training = start_training(replay.desk, TrainingChoice("学员甲", replay.player.replay, replay.player.time,
                                                          replay.player.time + timedelta(hours=4), 10.0),
                              "trainer", replay.player)
    training.panel.next_decision()
    training.panel.pause()
    debrief = DebriefView(training.session.finish(), street)
    dialogs = {
        "training dialog": TrainingDialog(replay.player, replay.player.replay),
        "shelve dialog": ShelveDialog(),
        "report dialog": ReportDialog("weekly", EVENING.date()),
        "login dialog": LoginDialog(UserStore(db), street.name),
        "file dialog": QFileDialog(None, "", str(folder), "PDF (*.pdf)"),
    }
    simulation = open_simulation_view(session.twin)
    windows = {"desk": desk.window, "wall": wall, "replay desk": replay.desk.window,
               "training desk": training.desk.window, "debrief": debrief, "simulation": simulation, **dialogs}
    for widget in windows.values():
        widget.show()
    yield windows, session, desk
    for widget in (debrief, simulation, *dialogs.values()):
        widget.close()
    training.close()
    replay.close()
    wall.close()
    session.close()
    db.close()


def _walk_texts(qtbot, windows, desk) -> list[tuple[str, str, str]]:
    """(window, where, text) of every window, the desk once with each of its bottom tabs in front."""
    texts = []
    for dock in (d for name, d in desk.window.docks.items() if name != "detail"):
        dock.raise_()
        qtbot.wait(20)
        texts += [("desk", *t) for t in visible_texts(dock)]
    for name, window in windows.items():
        texts += [(name, *t) for t in visible_texts(window)]
    return texts


def test_the_chinese_ui_shows_no_english(qtbot, walk):
    windows, session, desk = walk
    session.set_language("zh")
    names = data_names(session.twin)
    texts = _walk_texts(qtbot, windows, desk)
    # The record an unmask shows (a message box, opened only on a reason): "Health" leaked there.
    record = Resident("C01-G01-M01", "赵立新", "11010519491231002X", "13800000001", "1栋", ("elderly_alone",))
    texts.append(("residents", "unmasked record", desk.residents.record_text(record)))
    leaks = sorted(set(latin_leaks(texts, names)))
    assert not leaks, "\n".join(map(str, leaks))


def test_the_english_ui_shows_no_chinese_but_the_streets_own_names(qtbot, walk):
    windows, session, desk = walk
    session.set_language("en")
    names = data_names(session.twin)
    # The simulation view (the simulation's own area) is read as opened in English, not switched to it.
    english = {**windows, "simulation": open_simulation_view(session.twin)}
    english["simulation"].show()
    texts = _walk_texts(qtbot, english, desk)
    english["simulation"].close()
    session.set_language("zh")
    leaks = sorted(set(chinese_leaks(texts, names)))
    assert not leaks, "\n".join(map(str, leaks))


def test_qts_own_dialogs_speak_chinese(qtbot, walk):
    windows, session, _desk = walk
    session.set_language("zh")
    texts = [text for _, text in visible_texts(windows["file dialog"])]
    assert "取消" in texts or any("取消" in t for t in texts)
