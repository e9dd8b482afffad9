"""The trainee's strip on top of the training desk: the record playing, the decision waiting, the score.

The record plays at the trainer's speed (10x by default) into the session's own twin and stops at each
decision: a new case to triage and dispatch, an overdue case to escalate or not. The trainee takes it
in the normal operator screens (the case panel's triage, dispatch and escalate); this strip says which
decision waits and how to take it, lets it pass, skips ahead to the next decision or ends the session,
and shows each decision's score beside what the record did and the best choice.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QElapsedTimer, QEvent, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cockpit.training import CHOICE_PART, DISPATCH, ESCALATE, SCORED, SLA_PART, TRIAGE, Decision, TrainingSession
from cockpit.twin import TwinError
from widgets import i18n
from widgets.debrief import decision_words, kind_name
from widgets.theme import scaled_font

PACE_MS = 200
"""The record advances this often while playing (a step of speed x 0.2 s of history)."""
TRAINING_SPEEDS = (1.0, 5.0, 10.0, 30.0, 60.0)
"""Speeds a trainer may pick (times real time)."""
DEFAULT_SPEED = 10.0


class TrainingPanel(QFrame):
    """Drives a :class:`~cockpit.training.TrainingSession` at a speed and shows its state.

    Owns the pacing timer. The decisions themselves come from the desk's panels through the session's
    twin; the session tells this panel of each one.

    Signals
    -------
    decision_made(object)
        A :class:`~cockpit.training.Decision` was taken and scored.
    finished(object)
        The session is over; the argument is the :class:`~cockpit.training.Debrief`.
    sig_show_case_requested(str)
        A decision waits on this case: the desk opens it and flies the map to it.
    """

    decision_made = Signal(object)
    finished = Signal(object)
    sig_show_case_requested = Signal(str)

    def __init__(self, session: TrainingSession, speed: float = DEFAULT_SPEED, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingPanel")
        self.session = session
        self.speed = speed
        self.playing = False
        self._done = False
        self._last: Decision | None = None
        self.prompt = QLabel()
        self.prompt.setFont(scaled_font(self.font(), 1.2, bold=True))
        self.prompt.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.progress = QLabel()
        self.play_button = QPushButton()
        self.next_button = QPushButton()
        self.decline_button = QPushButton()
        self.finish_button = QPushButton()
        self.speed_box = QComboBox()
        for value in TRAINING_SPEEDS:
            self.speed_box.addItem(f"×{value:g}", value)
        self.speed_box.setCurrentIndex(max(0, self.speed_box.findData(speed)))
        controls = QHBoxLayout()
        for widget in (self.play_button, self.speed_box, self.next_button, self.decline_button):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.progress)
        controls.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addWidget(self.prompt)
        layout.addWidget(self.hint)
        layout.addLayout(controls)
        layout.addWidget(self.result)

        self._timer = QTimer(self)
        self._timer.setInterval(PACE_MS)
        self._timer.timeout.connect(self._on_pace)
        self._elapsed = QElapsedTimer()
        self.play_button.clicked.connect(self.toggle_play)
        self.next_button.clicked.connect(self.next_decision)
        self.decline_button.clicked.connect(self.let_pass)
        self.finish_button.clicked.connect(self.finish)
        self.speed_box.currentIndexChanged.connect(lambda _i: self._set_speed(float(self.speed_box.currentData())))
        self._unsubscribe = session.on_decision(self._on_decision)
        self.retranslate_ui()

    # ------------------------------------------------------------ driving the session

    def play(self) -> None:
        """Play the record at the chosen speed until the next decision."""
        if self._done:
            return
        self.playing = True
        self._elapsed.start()
        self._timer.start()
        self._show()

    def pause(self) -> None:
        self.playing = False
        self._timer.stop()
        self._show()

    @Slot()
    def toggle_play(self) -> None:
        self.pause() if self.playing else self.play()

    @Slot()
    def next_decision(self) -> None:
        """Skip ahead to the next decision (or the end of the window) at once."""
        self._arrived(self.session.advance())

    @Slot()
    def let_pass(self) -> None:
        """Let the waiting decision pass (it scores 0; not escalating an overdue case is such a choice)."""
        try:
            self.session.decline()
        except TwinError:
            self._show()

    @Slot()
    def finish(self) -> None:
        """End the session now and go to the debrief."""
        self.session.finish()
        self._end()

    def _set_speed(self, speed: float) -> None:
        self.speed = speed
        self._show()

    @Slot()
    def _on_pace(self) -> None:
        if self.session.pending is not None:
            return
        step = timedelta(milliseconds=self._elapsed.restart() * self.speed)
        now = self.session.twin.now or self.session.start
        self._arrived(self.session.advance(until=now + step))

    def _arrived(self, point) -> None:
        if point is not None:
            self.sig_show_case_requested.emit(point.case_id)
        elif self.session.finished:
            self._end()
            return
        self._show()

    def _end(self) -> None:
        if self._done:
            return
        self._done = True
        self.pause()
        self.finished.emit(self.session.debrief)

    def _on_decision(self, decision: Decision) -> None:
        self._last = decision
        self._show_result()
        self.decision_made.emit(decision)
        pending = self.session.pending
        if pending is not None:
            self.sig_show_case_requested.emit(pending.case_id)
        elif self.playing:
            self._elapsed.restart()
        self._show()

    # ------------------------------------------------------------ showing

    def _show_result(self) -> None:
        """The last decision's score beside what the record did and the best choice."""
        decision = self._last
        if decision is None:
            self.result.clear()
            return
        words = decision_words(self.session.twin.street, decision.kind, decision.recorded)
        best = decision_words(self.session.twin.street, decision.kind, decision.best)
        parts = {SLA_PART: self.tr("SLA {sla:.0f}").format(sla=decision.sla_score),
                 CHOICE_PART: self.tr("choice {choice:.0f}").format(choice=decision.choice_score)}
        self.result.setText(self.tr("{kind} {case}: score {score:.0f} ({parts}) · record: {recorded} · best: {best}").format(
            kind=kind_name(decision.kind), case=decision.case_id, score=decision.score,
            parts=self.tr(", ").join(parts[p] for p in SCORED[decision.kind]), recorded=words, best=best))

    def _show(self) -> None:
        session = self.session
        point = session.pending
        self.decline_button.setEnabled(point is not None)
        self.next_button.setEnabled(point is None and not self._done)
        self.play_button.setEnabled(not self._done)
        self.play_button.setText(self.tr("Pause") if self.playing else self.tr("Play"))
        decisions = session.debrief.decisions
        mean = session.debrief.total_score
        self.progress.setText(self.tr("{n} decisions · {cases} cases in the window · mean score {mean}").format(
            n=len(decisions), cases=session.cases_in_window, mean="—" if mean is None else f"{mean:.0f}"))
        clock = i18n.local_time(session.twin.now, with_date=True) if session.twin.now else ""
        if self._done:
            self.prompt.setText(self.tr("Training finished: the debrief is open."))
            self.hint.clear()
            return
        if point is None:
            state = (self.tr("Playing the record ×{speed:g}").format(speed=self.speed) if self.playing
                     else self.tr("Paused"))
            self.prompt.setText(f"{clock} · {state}")
            self.hint.setText(self.tr("The record plays until the next case needs your decision."))
            return
        twin = session.twin
        case = twin.cases.get(point.case_id)
        what = (i18n.category_name(twin.categories, case.category) + " · "
                + i18n.place_name(twin.street, case.community_id, case.general_grid_id, case.micro_grid_id)
                if case is not None else "")
        self.prompt.setText(self.tr("{time} · your decision: {kind} {case} · {what}").format(
            time=i18n.local_time(point.at, with_date=True), kind=kind_name(point.kind), case=point.case_id,
            what=what))
        self.hint.setText({
            TRIAGE: self.tr("Triage in the case panel: category, risk level and owner level, then Triage."),
            DISPATCH: self.tr("Dispatch in the case panel: pick a person (ranked by arrival by road) or a "
                              "department, then Dispatch."),
            ESCALATE: self.tr("The case passed its deadline: escalate it in the case panel (Escalate…) or let "
                              "it pass."),
        }[point.kind])

    # ------------------------------------------------------------ language and life cycle

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.next_button.setText(self.tr("Next decision"))
        self.decline_button.setText(self.tr("Let it pass"))
        self.finish_button.setText(self.tr("End training"))
        self.speed_box.setToolTip(self.tr("Playback speed"))
        self._show_result()
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        self._unsubscribe()
        super().closeEvent(event)
