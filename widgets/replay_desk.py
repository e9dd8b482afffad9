"""``cockpit replay LOG --window``: the operator's desk on a replay of history, read-only.

The window says REPLAY (回放) in its title, in a badge in the status bar and in the replay bar; every
operator command is refused, since the twin shows history (docs/replay.md). A trainer starts a
training session on a window of the log (:mod:`widgets.training_desk`); it runs on a twin of its own.
"""

from __future__ import annotations

import getpass
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QToolBar

from cockpit.replay.cli import open_replay
from cockpit.replay.loader import LogReadError
from cockpit.replay.index import LogIndex
from cockpit.replay.player import ReplayPlayer
from cockpit.replay.seek import Replay
from cockpit.onboard.catalog import UnknownStreet, resolve_street
from cockpit.storage import StorageError
from cockpit.twin import TwinError, TwinState
from cockpit.vocabulary.events import Event
from widgets.app import build_desk
from widgets.application import application, set_up_language
from widgets.desk import DESK_SIZE, Desk, fit_to_screen
from widgets.replay_bar import ReplayBar, replay_status
from widgets.theme import apply_theme
from widgets.training_desk import TrainingDesk, ask_training
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
    trainings: list[TrainingDesk | None] = field(default_factory=list)
    """The training desks started from this replay (None: a dialog cancelled)."""

    def close(self) -> None:
        """Stop playback and the trainings, and close the window."""
        for training in self.trainings:
            if training is not None:
                training.close()
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
    toolbar = QToolBar()
    toolbar.setObjectName("replayToolBar")
    toolbar.setMovable(False)
    toolbar.addWidget(bar)
    window.addToolBar(toolbar)
    window.set_mode("replay", Path(replay.index.log.path).name if isinstance(replay.index, LogIndex) else "")
    # Through the bar, which words the status anew when the language changes too.
    bar.time_changed.connect(lambda _time: window.set_mode_status(replay_status(player)))
    window.set_mode_status(replay_status(player))
    window.training_action.setEnabled(True)
    view = ReplayDesk(desk, model, player, bar, window.mode_badge)
    window.sig_training_requested.connect(lambda: view.trainings.append(ask_training(desk, actor, player)))
    return view


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
    fit_to_screen(view.desk.window, DESK_SIZE)
    view.desk.window.show()
    try:
        return app.exec()
    finally:
        view.close()
