"""``cockpit replay LOG --window``: the operator's desk on a replay of history, read-only.

The window says REPLAY in its title, in a badge in the status bar and in the replay bar; every
operator command is refused, since the twin shows history (docs/replay.md). A trainer starts a
training session from the moment shown (:mod:`widgets.training_desk`).
"""

from __future__ import annotations

import getpass
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QToolBar

from cockpit.replay.cli import open_replay
from cockpit.replay.loader import LogReadError
from cockpit.replay.player import REPLAY_LABEL, ReplayPlayer
from cockpit.replay.seek import Replay
from cockpit.onboard.catalog import UnknownStreet, resolve_street
from cockpit.storage import StorageError
from cockpit.twin import TwinError, TwinState
from cockpit.vocabulary.events import Event
from widgets.app import build_desk
from widgets.application import application, set_up_language
from widgets.desk import DESK_SIZE, Desk
from widgets.replay_bar import ReplayBar
from widgets.theme import REPLAY_COLOR, TEXT_ON_COLOR, apply_theme
from widgets.training_desk import ask_trainee
from widgets.twin_model import TwinModel

REPLAY_SPEED = 60.0
"""Times real time a replay window plays at first (an hour of history a minute)."""


@dataclass
class ReplayDesk:
    """The desk window on a replay of history, with the player that drives it and the replay bar."""

    desk: Desk
    model: TwinModel
    player: ReplayPlayer
    bar: ReplayBar
    badge: QLabel

    def close(self) -> None:
        """Stop playback and close the window."""
        self.bar.shutdown()
        self.desk.window.close()
        self.model.close()


def _read_only(twin: TwinState, event: Event) -> None:
    raise TwinError("this is a replay of history: no action can be taken here")


def build_replay_desk(replay: Replay, actor: str, speed: float = REPLAY_SPEED) -> ReplayDesk:
    """The desk on ``replay``, read-only, with the replay bar and the training action."""
    replay.twin.authorizer = _read_only
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
    badge.setStyleSheet(f"background: {REPLAY_COLOR.name()}; color: {TEXT_ON_COLOR.name()}; font-weight: bold;"
                        " padding: 0 8px;")
    window.statusBar().insertPermanentWidget(0, badge)
    window.setWindowTitle(f"{REPLAY_LABEL} · {Path(replay.index.log.path).name}"
                          if hasattr(replay.index, "log") else REPLAY_LABEL)
    player.subscribe(lambda: badge.setText(player.status_text()))
    badge.setText(player.status_text())
    window.training_action.setEnabled(True)
    window.sig_training_requested.connect(lambda: ask_trainee(player, desk, actor))
    return ReplayDesk(desk, model, player, bar, badge)


def run_replay(options: Any) -> int:
    """``cockpit replay LOG --window``: the desk on a replay of the incident log ``options.log``.

    ``options`` carries log, speed, lang, seed, street and db (argparse's Namespace). A bad log or
    an unknown street is one line on standard error and exit code 2.
    """
    try:
        street = resolve_street(getattr(options, "street", None), getattr(options, "db", None),
                                getattr(options, "seed", None))
        replay = open_replay(Path(options.log), street)
    except (LogReadError, UnknownStreet, StorageError) as exc:
        print(f"cockpit: {exc}", file=sys.stderr)
        return 2
    app = application()
    _languages, warning = set_up_language(app, getattr(options, "lang", "zh"))
    apply_theme(app, "light")
    view = build_replay_desk(replay, getpass.getuser(), getattr(options, "speed", REPLAY_SPEED))
    if warning:
        view.desk.window.warn(warning)
    view.desk.window.resize(*DESK_SIZE)
    view.desk.window.show()
    try:
        return app.exec()
    finally:
        view.close()
