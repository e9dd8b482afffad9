"""The replay bar: one clock for the whole window while it shows history, never live.

Play, pause, speed (1x to 3,600x or as fast as possible), step, jumps to the next alarm or red
case, a time slider with the bookmarks marked on it, a loop between the bookmarks around now, and a
loud 回放 REPLAY label in the replay colour. The bar drives a :class:`~cockpit.replay.player.ReplayPlayer`
from one timer (a batch of events per tick, so the GUI never blocks) and tells the TwinModel's views
when a seek replaced or pruned cases, since those changes come without events.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QWidget,
)

from cockpit.replay.player import (
    AS_FAST_AS_POSSIBLE,
    REPLAY_LABEL,
    SPEEDS,
    ReplayPlayer,
)
from cockpit.vocabulary.local_time import LOCAL_TZ
from widgets.theme import REPLAY_COLOR, TEXT_ON_COLOR
from widgets.twin_model import TwinModel

log = logging.getLogger(__name__)

TICK_MS = 50
"""Playback timer interval: 20 ticks a second, each applying one bounded batch."""

SLIDER_STEPS = 10_000


class BookmarkSlider(QSlider):
    """A horizontal slider that marks bookmark positions (0-1 fractions) with small triangles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.marks: list[float] = []

    def set_marks(self, marks: list[float]) -> None:
        self.marks = marks
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.marks:
            return
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                             QStyle.SubControl.SC_SliderGroove, self)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(REPLAY_COLOR)
        painter.setPen(Qt.PenStyle.NoPen)
        for mark in self.marks:
            x = groove.left() + mark * groove.width()
            painter.drawPolygon(QPolygonF([QPointF(x - 4, 0), QPointF(x + 4, 0), QPointF(x, 7)]))
        painter.end()


class ReplayBar(QFrame):
    """Controls of a replay; a view of a :class:`ReplayPlayer`, driving it from one timer.

    Owns the playback timer (running only while playing). ``model`` is the TwinModel of the twin the
    player moves; the bar re-announces cases, staff and alarms to its views after a seek.

    Signals
    -------
    time_changed(object)
        The replay time (a UTC datetime) moved.
    """

    time_changed = Signal(object)

    def __init__(self, player: ReplayPlayer, model: TwinModel | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replayBar")
        self.player = player
        self.model = model
        self._known_cases: set[str] = set(player.replay.twin.cases)
        self._reset = False

        self.mode_label = QLabel(REPLAY_LABEL)
        self.mode_label.setObjectName("replayLabel")
        self.mode_label.setStyleSheet(
            f"QLabel#replayLabel {{ background: {REPLAY_COLOR.name()}; color: {TEXT_ON_COLOR.name()}; font-weight: bold;"
            " padding: 2px 10px; border-radius: 3px; }")
        self.time_label = QLabel()
        self.play_button = QPushButton()
        self.step_button = QPushButton()
        self.alarm_button = QPushButton()
        self.red_button = QPushButton()
        self.loop_button = QPushButton()
        self.loop_button.setCheckable(True)
        self.bookmark_button = QPushButton()
        self.note_edit = QLineEdit()
        self.speed_box = QComboBox()
        for speed in SPEEDS:
            self.speed_box.addItem("max" if speed == AS_FAST_AS_POSSIBLE else f"{speed:g}x", speed)
        self.slider = BookmarkSlider()
        self.slider.setRange(0, SLIDER_STEPS)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.mode_label, self.play_button, self.step_button, self.speed_box):
            layout.addWidget(widget)
        layout.addWidget(self.slider, 1)
        for widget in (self.time_label, self.alarm_button, self.red_button, self.loop_button,
                       self.note_edit, self.bookmark_button):
            layout.addWidget(widget)

        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_tick)
        self.play_button.clicked.connect(self.toggle_play)
        self.step_button.clicked.connect(lambda: self.player.step())
        self.alarm_button.clicked.connect(lambda: self.player.jump_to_next_alarm())
        self.red_button.clicked.connect(lambda: self.player.jump_to_next_red())
        self.loop_button.toggled.connect(self._on_loop_toggled)
        self.bookmark_button.clicked.connect(self.add_bookmark)
        self.speed_box.currentIndexChanged.connect(self._on_speed_chosen)
        self.slider.sliderReleased.connect(self._on_slider_released)
        self._unsubscribe = player.subscribe(self._on_player_changed)
        self._unsubscribe_reset = player.replay.on_reset(self._on_reset)
        self.speed_box.setCurrentIndex(max(0, self.speed_box.findData(player.speed)))
        self.retranslate_ui()
        self._on_player_changed()

    # ------------------------------------------------------------ user actions

    @Slot()
    def toggle_play(self) -> None:
        if self.player.playing:
            self.player.pause()
        else:
            self.player.play()

    @Slot()
    def add_bookmark(self) -> None:
        """Bookmark the current moment with the note typed in the bar."""
        self.player.add_bookmark(self.player.time, self.note_edit.text().strip())
        self.note_edit.clear()

    def seek_fraction(self, fraction: float) -> None:
        """Seek to a fraction (0-1) of the replay's span."""
        span = self.player.end - self.player.start
        self.player.seek(self.player.start + span * min(max(fraction, 0.0), 1.0))

    @Slot()
    def _on_slider_released(self) -> None:
        self.seek_fraction(self.slider.value() / SLIDER_STEPS)

    @Slot(int)
    def _on_speed_chosen(self, index: int) -> None:
        self.player.set_speed(float(self.speed_box.itemData(index)))

    @Slot(bool)
    def _on_loop_toggled(self, on: bool) -> None:
        if not on:
            self.player.clear_loop()
            return
        now = self.player.time
        before = [b.at for b in self.player.bookmarks if b.at <= now]
        after = [b.at for b in self.player.bookmarks if b.at > now]
        start = before[-1] if before else self.player.start
        end = after[0] if after else self.player.end
        if end <= start:
            end = start + timedelta(hours=1)
        self.player.set_loop(start, end)

    # ------------------------------------------------------------ following the player

    @Slot()
    def _on_tick(self) -> None:
        self.player.tick()

    def _on_reset(self) -> None:
        self._reset = True

    def _on_player_changed(self) -> None:
        player = self.player
        if player.playing and not self._timer.isActive():
            self._timer.start()
        elif not player.playing and self._timer.isActive():
            self._timer.stop()
        self._announce()
        self.play_button.setText(self.tr("Pause") if player.playing else self.tr("Play"))
        local = player.time.astimezone(LOCAL_TZ)
        self.time_label.setText(local.strftime("%Y-%m-%d %H:%M:%S"))
        span = (player.end - player.start).total_seconds() or 1.0
        if not self.slider.isSliderDown():
            self.slider.blockSignals(True)
            self.slider.setValue(round((player.time - player.start).total_seconds() / span * SLIDER_STEPS))
            self.slider.blockSignals(False)
        self.slider.set_marks([(b.at - player.start).total_seconds() / span for b in player.bookmarks])
        self.loop_button.blockSignals(True)
        self.loop_button.setChecked(player.loop is not None)
        self.loop_button.blockSignals(False)
        self.setToolTip(player.status_text())
        self.time_changed.emit(player.time)

    def _announce(self) -> None:
        """Tell the views about cases a seek replaced or pruned: those changes carry no events."""
        if self.model is None:
            return
        twin = self.player.replay.twin
        current = set(twin.cases)
        gone = self._known_cases - current
        if self._reset or gone:
            self.model.cases_changed.emit(current | gone if self._reset else gone)
        if self._reset:
            self.model.staff_changed.emit()
            self.model.alarms_changed.emit()
            self.model.sensors_changed.emit()
            if twin.now is not None:
                self.model.clock_changed.emit(twin.now)
        self._reset = False
        self._known_cases = current

    # ------------------------------------------------------------ language and closing

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.play_button.setText(self.tr("Pause") if self.player.playing else self.tr("Play"))
        self.step_button.setText(self.tr("Step"))
        self.alarm_button.setText(self.tr("Next alarm"))
        self.red_button.setText(self.tr("Next red case"))
        self.loop_button.setText(self.tr("Loop"))
        self.loop_button.setToolTip(self.tr("Loop between the bookmarks around now"))
        self.bookmark_button.setText(self.tr("Bookmark"))
        self.note_edit.setPlaceholderText(self.tr("note"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop playback and the timer, and stop following the player (idempotent)."""
        self._timer.stop()
        if self.player.playing:
            self.player.pause()
        self._unsubscribe()
        self._unsubscribe_reset()


def export_frames(player: ReplayPlayer, view: QWidget, start: datetime, end: datetime, every: timedelta,
                  folder: Path, video: bool = True, fps: int = 10) -> list[Path]:
    """Seek through ``start``-``end`` every ``every``, grabbing ``view`` as numbered PNG frames.

    With ``video`` and ffmpeg on the PATH the frames are also joined into ``replay.mp4``; without
    ffmpeg that step is skipped with a logged note. Returns the PNG paths.
    """
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, _ in enumerate(player.frames(start, end, every)):
        # The views redraw on the signals of the seek; let them run before grabbing (not a timer loop).
        QCoreApplication.processEvents()
        path = folder / f"frame_{number:05d}.png"
        view.grab().save(str(path))
        paths.append(path)
    ffmpeg = shutil.which("ffmpeg")
    if video and paths:
        if ffmpeg is None:
            log.info("ffmpeg not found: replay exported as %d PNG frames only", len(paths))
        else:
            subprocess.run([ffmpeg, "-y", "-loglevel", "error", "-framerate", str(fps), "-i",
                            str(folder / "frame_%05d.png"), "-pix_fmt", "yuv420p", str(folder / "replay.mp4")],
                           check=True)
    return paths
