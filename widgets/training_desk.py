"""A trainer's session on a replay desk: the trainee works the history from the moment shown.

Playback pauses (a session must not be seeked under the trainee); the training panel opens as a
tool window of the desk, and the debrief opens when the session's window of history is over.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from cockpit.replay.player import ReplayPlayer
from cockpit.training import TrainingSession
from cockpit.twin import TwinError
from widgets.debrief import DebriefView, TrainingPanel
from widgets.desk import Desk

TRAINING_HOURS = 4.0
"""Length of a training window started from the replay's current moment."""


def start_training(player: ReplayPlayer, desk: Desk, trainee: str, trainer: str,
                   hours: float = TRAINING_HOURS) -> QWidget:
    """A scored training session for ``trainee`` from the replay's current moment; returns its panel."""
    player.pause()
    replay = player.replay
    start = replay.twin.now
    if start is None:
        raise TwinError("the replay has not started: play or seek to a moment first")
    session = TrainingSession(replay, trainee, start, start + timedelta(hours=hours), trainer=trainer)
    panel = TrainingPanel(session)
    panel.sig_show_case_requested.connect(desk.detail.set_case)
    panel.finished.connect(lambda debrief: desk.open_tool(DebriefView(debrief)))
    return desk.open_tool(panel)


def ask_trainee(player: ReplayPlayer, desk: Desk, trainer: str) -> None:
    """Ask the trainee's name and start their session; a refusal shows in the desk's status bar."""
    window = desk.window
    trainee, ok = QInputDialog.getText(window, QCoreApplication.translate("MainWindow", "Training session"),
                                       QCoreApplication.translate("MainWindow", "Trainee's name:"))
    if ok and trainee.strip():
        try:
            start_training(player, desk, trainee.strip(), trainer)
        except (TwinError, ValueError, TypeError) as exc:
            window.warn(str(exc))
