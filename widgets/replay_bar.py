"""The replay bar: one clock for the whole window while it shows history, never live.

Play, pause, speed (1x to 3,600x or as fast as possible), step, jumps to the next alarm or red
case, a time slider with the bookmarks marked on it, a loop between the bookmarks around now, and a
loud REPLAY label (回放) in the replay colour. The bar drives a :class:`~cockpit.replay.player.ReplayPlayer`
from one timer (a batch of events per tick, so the GUI never blocks) and tells the TwinModel's views
when a seek replaced or pruned cases, since those changes come without events.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, QTimer, Signal, Slot
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
    QVBoxLayout,
    QWidget,
)

from cockpit.replay.cli import parse_time
from cockpit.replay.index import LogIndex
from cockpit.replay.player import AS_FAST_AS_POSSIBLE, SPEEDS, ReplayPlayer
from cockpit.replay.summary import report_density
from cockpit.vocabulary.local_time import LOCAL_TZ
from widgets.theme import ALARM_COLOR, DENSITY_COLOR, REPLAY_COLOR, TEXT_ON_COLOR
from widgets.twin_model import TwinModel

log = logging.getLogger(__name__)

TICK_MS = 50
"""Playback timer interval: 20 ticks a second, each applying one bounded batch."""

SLIDER_STEPS = 10_000
DENSITY_HEIGHT = 28
"""Height of the reports-per-hour strip under the controls, in pixels."""
JUMP_WIDTH = 170


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


class DensityStrip(QWidget):
    """The replay's span as bars of reports per hour, red where red cases went overdue; a click seeks there.

    The trainer's way to the busiest or the worst night of a month: the tall bars and the red ones
    stand out, and the current moment and the bookmarks are marked on it.

    Signals
    -------
    sig_seek_requested(object)
        The user clicked a bin: the moment (a UTC datetime) it starts.
    """

    sig_seek_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.starts: list[datetime] = []
        self.counts = np.zeros(0)
        self.red = np.zeros(0)
        self.now: datetime | None = None
        self.marks: list[datetime] = []
        self.setMinimumHeight(DENSITY_HEIGHT)
        self.setMaximumHeight(DENSITY_HEIGHT)
        self.setMouseTracking(True)

    def set_data(self, starts: list[datetime], counts: np.ndarray, red: np.ndarray) -> None:
        self.starts, self.counts, self.red = list(starts), np.asarray(counts), np.asarray(red)
        self.update()

    def set_now(self, now: datetime, marks: list[datetime]) -> None:
        self.now, self.marks = now, marks
        self.update()

    def bin_at(self, x: float) -> int | None:
        if not self.starts or self.width() <= 0:
            return None
        return min(len(self.starts) - 1, max(0, int(x / self.width() * len(self.starts))))

    def _x_of(self, at: datetime) -> float | None:
        if not self.starts:
            return None
        span = (self.starts[-1] - self.starts[0]).total_seconds() + 3600
        return (at - self.starts[0]).total_seconds() / span * self.width()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        n = len(self.starts)
        if n:
            top = max(float(self.counts.max()), 1.0)
            width = self.width() / n
            height = self.height() - 2
            for i in range(n):
                bar = height * float(self.counts[i]) / top
                colour = ALARM_COLOR if self.red[i] else DENSITY_COLOR
                painter.fillRect(QRectF(i * width, self.height() - bar, max(width - 0.5, 1.0), bar), colour)
            painter.setPen(REPLAY_COLOR)
            for mark in self.marks:
                x = self._x_of(mark)
                if x is not None:
                    painter.drawLine(QPointF(x, 0), QPointF(x, 6))
            x = self._x_of(self.now) if self.now is not None else None
            if x is not None:
                painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        painter.end()

    def mouseMoveEvent(self, event) -> None:
        i = self.bin_at(event.position().x())
        if i is not None:
            self.setToolTip(QCoreApplication.translate("ReplayBar", "{time} · {n} reports · {red} red overdue").format(
                time=self.starts[i].astimezone(LOCAL_TZ).strftime("%m-%d %H:%M"), n=int(self.counts[i]),
                red=int(self.red[i])))
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event) -> None:
        i = self.bin_at(event.position().x())
        if i is not None and event.button() == Qt.MouseButton.LeftButton:
            self.sig_seek_requested.emit(self.starts[i])
        super().mousePressEvent(event)


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

        self.mode_label = QLabel()
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
            self.speed_box.addItem("", speed)
        self.slider = BookmarkSlider()
        self.slider.setRange(0, SLIDER_STEPS)
        self.density = DensityStrip()
        self.jump_edit = QLineEdit()
        self.jump_edit.setMaximumWidth(JUMP_WIDTH)
        self.jump_error = QLabel()
        self.jump_error.setObjectName("errorText")

        controls = QHBoxLayout()
        for widget in (self.mode_label, self.play_button, self.step_button, self.speed_box):
            controls.addWidget(widget)
        controls.addWidget(self.slider, 1)
        for widget in (self.time_label, self.alarm_button, self.red_button, self.loop_button,
                       self.note_edit, self.bookmark_button):
            controls.addWidget(widget)
        timeline = QHBoxLayout()
        timeline.addWidget(self.density, 1)
        timeline.addWidget(self.jump_edit)
        timeline.addWidget(self.jump_error)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addLayout(controls)
        layout.addLayout(timeline)

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
        self.density.sig_seek_requested.connect(self.player.seek)
        self.jump_edit.returnPressed.connect(lambda: self.jump_to(self.jump_edit.text()))
        self.density.set_data(*replay_density(player))
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

    def jump_to(self, text: str) -> bool:
        """Seek to a typed moment: "2026-10-05 21:05", ISO 8601 with or without offset (Beijing time
        without), or "21:05" on the day shown. A time the replay does not hold is said in one line."""
        try:
            at = typed_moment(text, self.player.time)
        except ValueError:
            self.jump_error.setText(self.tr("Type a time like 2026-10-05 21:05 or 21:05"))
            return False
        if not self.player.start <= at <= self.player.end:
            self.jump_error.setText(self.tr("The log runs from {start} to {end}").format(
                start=self.player.start.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M"),
                end=self.player.end.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")))
            return False
        self.jump_error.clear()
        self.jump_edit.clear()
        self.player.seek(at)
        return True

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
        self.density.set_now(player.time, [b.at for b in player.bookmarks])
        self.loop_button.blockSignals(True)
        self.loop_button.setChecked(player.loop is not None)
        self.loop_button.blockSignals(False)
        self.setToolTip(replay_status(player))
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
        self.mode_label.setText(self.tr("REPLAY"))
        for i, speed in enumerate(SPEEDS):
            self.speed_box.setItemText(i, self.tr("as fast as possible") if speed == AS_FAST_AS_POSSIBLE
                                       else f"×{speed:g}")
        self.play_button.setText(self.tr("Pause") if self.player.playing else self.tr("Play"))
        self.step_button.setText(self.tr("Step"))
        self.alarm_button.setText(self.tr("Next alarm"))
        self.red_button.setText(self.tr("Next red case"))
        self.loop_button.setText(self.tr("Loop"))
        self.loop_button.setToolTip(self.tr("Loop between the bookmarks around now"))
        self.bookmark_button.setText(self.tr("Bookmark"))
        self.note_edit.setPlaceholderText(self.tr("note"))
        self.jump_edit.setPlaceholderText(self.tr("jump to 21:05…"))
        self.density.setToolTip(self.tr("Reports per hour; red: red cases that went overdue. Click to go there."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self._on_player_changed()  # the replay's status the window shows, worded anew
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


def replay_density(player: ReplayPlayer) -> tuple[list[datetime], np.ndarray, np.ndarray]:
    """Reports and red overdue cases per hour of an incident log; events per hour of another stream."""
    index = player.index
    if isinstance(index, LogIndex):
        starts, reports, red = report_density(index.log)
        return list(starts), reports, red
    hours = (np.asarray(index.times) - int(index.times[0])) // 3600 if index.n else np.zeros(0, dtype=int)
    counts = np.bincount(hours.astype(int)) if index.n else np.zeros(0)
    return [index.start + timedelta(hours=h) for h in range(len(counts))], counts, np.zeros(len(counts))


def typed_moment(text: str, shown: datetime) -> datetime:
    """A moment typed by hand: ISO 8601 (no offset: Beijing time) or "HH:MM" on the local day shown.

    Raises
    ------
    ValueError
        The text is neither.
    """
    text = text.strip()
    if len(text) <= 5 and ":" in text:
        hours, minutes = (int(part) for part in text.split(":"))
        local = shown.astimezone(LOCAL_TZ)
        return local.replace(hour=hours, minute=minutes, second=0, microsecond=0).astimezone(timezone.utc)
    return parse_time(text)


def replay_status(player: ReplayPlayer) -> str:
    """The replay's time, speed and state in the current language ("2026-10-01 21:05:00 · ×60 · 已暂停")."""
    local = player.time.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M:%S")
    speed = (QCoreApplication.translate("ReplayBar", "as fast as possible") if player.speed == AS_FAST_AS_POSSIBLE
             else f"×{player.speed:g}")
    state = (QCoreApplication.translate("ReplayBar", "playing") if player.playing
             else QCoreApplication.translate("ReplayBar", "paused"))
    return f"{local} · {speed} · {state}"


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
