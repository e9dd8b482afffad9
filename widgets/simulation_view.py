"""The simulation view: edit up to four what-if scenarios, run them, and compare the results.

The leader starts from the street's current staffing, copies it into further scenarios, changes
them in the editor and runs them all with the same seed (common random numbers), so that the
results panel can state every difference with its interval. Runs happen off the GUI thread: a
worker thread drives ``simulation.run_experiment`` (which may fan replications out to worker
processes) and a timer on the GUI thread polls its progress; cancel stops after the replications
already running.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cockpit.history.format import LogFormatError, read_log
from cockpit.security.authorizer import ExportCheck
from simulation.experiment import ExperimentResult, run_experiment
from simulation.guarded import GuardedSearch, optimise_guarded
from simulation.history import simulated_history
from simulation.resource_whatif import WhatIf, run_whatif
from simulation.scenario import Scenario
from simulation.sensitivity import DEFAULT_REPLICATIONS, INPUTS, Sensitivity, run_sensitivity
from simulation.start import start_from_twin
from simulation.validation import Validation, validate_log
from widgets.i18n import is_chinese
from widgets.scenario_editor import ScenarioEditorPanel, new_street_scenario
from widgets.scenario_results import MAX_SCENARIOS, ScenarioResultsPanel, indicator_name

BASELINE_DAYS = 28
"""Days at the end of the street's log the baseline check predicts."""

DEMO_HISTORY_DAYS = 365
DEMO_HISTORY_SEED = 2025
"""The demo street's year of history for its baseline check: the same year every time."""

POLL_MS = 100
"""How often the GUI thread looks at a running experiment's progress."""


class ExperimentRunner(QObject):
    """Runs scenarios one after the other on a worker thread; the GUI thread polls it.

    Owns one worker thread while a run is going and a poll timer; neither outlives the run.

    Signals
    -------
    progress_changed(int, int)
        Replications done and the total over every scenario.
    finished(list, bool)
        The :class:`~simulation.experiment.ExperimentResult` of each scenario that ran, and
        whether the run was cancelled.
    search_finished(object, bool)
        The :class:`~simulation.guarded.GuardedSearch` of a staffing search, and whether it was
        cancelled.
    whatif_finished(object, bool)
        The :class:`~simulation.resource_whatif.WhatIf` of a placement plan, and whether it was cancelled.
    baseline_finished(object)
        The :class:`~simulation.validation.Validation` of a baseline check.
    sensitivity_finished(object, bool)
        The :class:`~simulation.sensitivity.Sensitivity` of a tornado, and whether it was cancelled.
    failed(str)
        The run raised; the message says why.
    """

    progress_changed = Signal(int, int)
    finished = Signal(list, bool)
    search_finished = Signal(object, bool)
    whatif_finished = Signal(object, bool)
    baseline_finished = Signal(object)
    sensitivity_finished = Signal(object, bool)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setObjectName("simulation-progress")
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._executor: ThreadPoolExecutor | None = None
        self._future: Future | None = None
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._done = 0
        self._total = 0
        self._shown = -1

    @property
    def running(self) -> bool:
        return self._future is not None

    def start(self, scenarios: list[Scenario], replications: int, seed: int, workers: int = 1) -> None:
        """Run ``replications`` of each scenario under ``seed`` (``workers`` processes per scenario)."""
        self._launch(replications * len(scenarios), self._work, list(scenarios), replications, seed, workers)

    def start_search(self, scenario: Scenario, replications: int, seed: int, workers: int = 1) -> None:
        """Search the fewest grid workers per community and shift of ``scenario`` (``optimise_guarded``).

        Progress counts the staffings evaluated; the total is unknown (0).
        """
        self._launch(0, self._search, scenario, replications, seed, workers)

    def start_whatif(self, scenario: Scenario, plan_path: str, replications: int, seed: int, workers: int = 1) -> None:
        """Run ``scenario`` with today's placement and with the plan (:func:`simulation.resource_whatif.run_whatif`)."""
        self._launch(2 * replications, self._whatif, scenario, plan_path, replications, seed, workers)

    def _whatif(self, scenario: Scenario, plan_path: str, replications: int, seed: int, workers: int) -> tuple:
        def progress(done: int, _total: int) -> None:
            with self._lock:
                self._done = done

        whatif = run_whatif(scenario, plan_path, replications, seed, workers=workers, progress=progress,
                            cancel=self._cancel)
        return whatif, whatif.cancelled

    def start_sensitivity(self, scenario: Scenario, replications: int, seed: int, workers: int = 1) -> None:
        """Run the tornado of ``scenario``'s inputs (:func:`simulation.sensitivity.run_sensitivity`)."""
        self._launch(replications * (1 + 2 * len(INPUTS)), self._sensitivity, scenario, replications, seed, workers)

    def _sensitivity(self, scenario: Scenario, replications: int, seed: int, workers: int) -> tuple:
        def progress(done: int, _total: int) -> None:
            with self._lock:
                self._done = done

        result = run_sensitivity(scenario, replications=replications, seed=seed, workers=workers, progress=progress,
                                 cancel=self._cancel)
        return result, result.cancelled

    def start_check(self, log, holdout_days: int, replications: int, seed: int, workers: int = 1) -> None:
        """Check the baseline against the incident log ``log`` (a frame): ``validate_log`` on its last days.

        ``log`` None: the demo street's year of history, made on the worker thread first.
        """
        self._launch(0, self._check, log, holdout_days, replications, seed, workers)

    def _check(self, log, holdout_days: int, replications: int, seed: int, workers: int) -> tuple:
        if log is None:
            log = simulated_history("demo", DEMO_HISTORY_DAYS, DEMO_HISTORY_SEED)
        return validate_log(log, holdout_days, replications=replications, seed=seed, workers=workers), False

    def _launch(self, total: int, work, *args) -> None:
        if self.running:
            raise RuntimeError("a run is already going")
        self._cancel.clear()
        self._done, self._total, self._shown = 0, total, -1
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="simulation")
        self._future = self._executor.submit(work, *args)
        self._timer.start()

    def _search(self, scenario: Scenario, replications: int, seed: int, workers: int) -> tuple:
        def progress(runs: int) -> None:
            with self._lock:
                self._done = runs

        search = optimise_guarded(scenario, replications=replications, seed=seed, workers=workers, progress=progress,
                                  cancel=self._cancel)
        return search, search.cancelled

    def cancel(self) -> None:
        """Start no further replication; the run finishes with those already done."""
        self._cancel.set()

    def shutdown(self) -> None:
        """Cancel and wait for the worker thread (for closing the window)."""
        if self.running:
            self.cancel()
            self._future.exception()
            self._poll()

    def _work(self, scenarios: list[Scenario], replications: int, seed: int, workers: int) -> tuple[list, bool]:
        results: list[ExperimentResult] = []
        for position, scenario in enumerate(scenarios):
            if self._cancel.is_set():
                return results, True

            def progress(done: int, _total: int, base: int = position * replications) -> None:
                with self._lock:
                    self._done = base + done

            result = run_experiment(
                scenario, replications, seed, workers=workers, progress=progress, cancel=self._cancel, keep_cases=True
            )
            results.append(result)
            if result.cancelled:
                return results, True
        return results, False

    def _poll(self) -> None:
        with self._lock:
            done = self._done
        if done != self._shown:
            self._shown = done
            self.progress_changed.emit(done, self._total)
        future = self._future
        if future is None or not future.done():
            return
        self._timer.stop()
        self._future = None
        self._executor.shutdown(wait=True)
        self._executor = None
        error = future.exception()
        if error is not None:
            self.failed.emit(f"{type(error).__name__}: {error}")
            return
        outcome, cancelled = future.result()
        if isinstance(outcome, GuardedSearch):
            self.search_finished.emit(outcome, cancelled)
        elif isinstance(outcome, WhatIf):
            self.whatif_finished.emit(outcome, cancelled)
        elif isinstance(outcome, Validation):
            self.baseline_finished.emit(outcome)
        elif isinstance(outcome, Sensitivity):
            self.sensitivity_finished.emit(outcome, cancelled)
        else:
            self.finished.emit(outcome, cancelled)


class SimulationView(QWidget):
    """Scenarios on the left, the editor of the selected one in the middle, results on the right.

    Owns the list of scenarios (1-4) and the :class:`ExperimentRunner`. With a ``twin``, runs can
    start from its current state (open cases and staff positions). ``may_export`` is the session's
    export gate for the results (:class:`ScenarioResultsPanel`).

    Signals
    -------
    run_finished(bool)
        A run ended and its results are shown; True if it was cancelled.
    """

    run_finished = Signal(bool)

    def __init__(self, twin=None, scenarios: list[Scenario] | None = None, parent: QWidget | None = None,
                 may_export: ExportCheck | None = None) -> None:
        super().__init__(parent)
        self.twin = twin
        self.scenarios: list[Scenario] = list(scenarios) if scenarios else [new_street_scenario(self.tr("Today"))]
        self.runner = ExperimentRunner(self)
        self.list = QListWidget()
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.editor = ScenarioEditorPanel(self.scenarios[0])
        self.results = ScenarioResultsPanel(may_export=may_export)
        self.replications = QSpinBox()
        self.replications.setRange(2, 1000)
        self.replications.setValue(30)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.workers = QSpinBox()
        self.workers.setRange(1, 64)
        self.from_now = QCheckBox()
        self.from_now.setEnabled(twin is not None)
        self.run_button = QPushButton()
        self.search_button = QPushButton()
        self.cancel_button = QPushButton()
        self.cancel_button.setEnabled(False)
        self.check_button = QPushButton()
        self.check_menu = QMenu(self.check_button)
        self.check_file_action = self.check_menu.addAction("")
        self.check_file_action.triggered.connect(self.choose_history)
        self.check_demo_action = self.check_menu.addAction("")
        self.check_demo_action.triggered.connect(lambda: self.check_demo_history())
        self.check_button.setMenu(self.check_menu)
        self.check_demo_action.setEnabled(self.scenarios[0].street == "demo")
        self.sensitivity_button = QPushButton()
        self.baseline = QLabel()
        self.baseline.setObjectName("baseline-check")
        self.baseline.setWordWrap(True)
        self.validation: Validation | None = None
        self.progress = QProgressBar()
        self.status = QLabel()
        self._labels = {key: QLabel() for key in ("replications", "seed", "workers")}

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.results)
        splitter.setStretchFactor(2, 2)
        run_bar = QHBoxLayout()
        for key, box in (("replications", self.replications), ("seed", self.seed), ("workers", self.workers)):
            run_bar.addWidget(self._labels[key])
            run_bar.addWidget(box)
        run_bar.addWidget(self.from_now)
        run_bar.addWidget(self.run_button)
        run_bar.addWidget(self.search_button)
        run_bar.addWidget(self.sensitivity_button)
        run_bar.addWidget(self.cancel_button)
        run_bar.addWidget(self.check_button)
        run_bar.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        # Above everything: whether the model reproduces the street's history, before any what-if.
        layout.addWidget(self.baseline)
        layout.addWidget(splitter, 1)
        layout.addLayout(run_bar)
        layout.addWidget(self.status)

        self.list.currentRowChanged.connect(self._on_selection_changed)
        self.editor.scenario_changed.connect(self._on_scenario_edited)
        self.add_button.clicked.connect(self.add_copy)
        self.remove_button.clicked.connect(self.remove_selected)
        self.run_button.clicked.connect(self.run)
        self.search_button.clicked.connect(self.search_staffing)
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.runner.progress_changed.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.search_finished.connect(self._on_search_finished)
        self.runner.baseline_finished.connect(self._on_baseline)
        self.sensitivity_button.clicked.connect(self.run_sensitivity)
        self.runner.sensitivity_finished.connect(self._on_sensitivity)
        self.runner.failed.connect(self._on_failed)
        self.retranslate_ui()
        self._refresh_list()
        self.list.setCurrentRow(0)

    # -- scenarios -------------------------------------------------------------------------------

    def add_copy(self) -> Scenario | None:
        """Copy the selected scenario (as edited) into a new one; None when four exist already."""
        if len(self.scenarios) >= MAX_SCENARIOS:
            return None
        source = self.scenarios[max(0, self.list.currentRow())]
        copy = source.with_value("scenario.name", self.tr("{name} (copy)").format(name=source.name))
        self.scenarios.append(copy)
        self._refresh_list()
        self.list.setCurrentRow(len(self.scenarios) - 1)
        return copy

    def remove_selected(self) -> None:
        """Drop the selected scenario (the last one stays)."""
        row = self.list.currentRow()
        if len(self.scenarios) <= 1 or row < 0:
            return
        del self.scenarios[row]
        self._refresh_list()
        self.list.setCurrentRow(min(row, len(self.scenarios) - 1))

    def _refresh_list(self) -> None:
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for letter, scenario in zip("ABCD", self.scenarios):
            self.list.addItem(f"{letter}  {scenario.name}")
        self.list.setCurrentRow(row if 0 <= row < len(self.scenarios) else 0)
        self.list.blockSignals(False)
        self.add_button.setEnabled(len(self.scenarios) < MAX_SCENARIOS)
        self.remove_button.setEnabled(len(self.scenarios) > 1)

    def _on_selection_changed(self, row: int) -> None:
        if 0 <= row < len(self.scenarios):
            self.editor.set_scenario(self.scenarios[row])
            self.check_demo_action.setEnabled(self.scenarios[row].street == "demo")

    def _on_scenario_edited(self, scenario: Scenario) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.scenarios):
            self.scenarios[row] = scenario
            self.list.item(row).setText(f"{'ABCD'[row]}  {scenario.name}")

    # -- running ---------------------------------------------------------------------------------

    def run(self) -> None:
        """Run every scenario with the chosen replications and seed (from the twin's state if asked)."""
        if self.runner.running:
            return
        scenarios = list(self.scenarios)
        if self.from_now.isChecked() and self.twin is not None and self.twin.now is not None:
            state = start_from_twin(self.twin)
            scenarios = [s.with_start(state) if s.street != "none" else s for s in scenarios]
        self.progress.setRange(0, self.replications.value() * len(scenarios))
        self.progress.setValue(0)
        self._set_running(True)
        self.status.setText(self.tr("Running…"))
        self.runner.start(scenarios, self.replications.value(), self.seed.value(), self.workers.value())

    def search_staffing(self) -> None:
        """Find the fewest grid workers per community and shift that keep every guard.

        Every risk class on scene within 2 h and accepted within target in every shift, and every
        community's overdue rate, at 95 % confidence (:mod:`simulation.guarded`), with the
        replications and seed of the run bar, on the selected scenario.
        """
        if self.runner.running:
            return
        row = max(0, self.list.currentRow())
        scenario = self.scenarios[row]
        if scenario.street == "none":
            self.status.setText(self.tr("The staffing search needs a street scenario."))
            return
        self.progress.setRange(0, 0)
        self._set_running(True)
        self.status.setText(self.tr("Searching the fewest grid workers per community and shift…"))
        self.runner.start_search(scenario, self.replications.value(), self.seed.value(), self.workers.value())

    def run_sensitivity(self) -> None:
        """The tornado of the selected scenario's inputs at ±20 %, over its first four weeks.

        Few replications (at most :data:`~simulation.sensitivity.DEFAULT_REPLICATIONS`) suffice: every
        variant shares the base's random numbers, so the paired intervals stay narrow.
        """
        if self.runner.running:
            return
        scenario = self.scenarios[max(0, self.list.currentRow())]
        if scenario.street == "none":
            self.status.setText(self.tr("The sensitivity analysis needs a street scenario."))
            return
        if self.from_now.isChecked() and self.twin is not None and self.twin.now is not None:
            scenario = scenario.with_start(start_from_twin(self.twin))
        replications = max(2, min(self.replications.value(), DEFAULT_REPLICATIONS))
        self.progress.setRange(0, replications * (1 + 2 * len(INPUTS)))
        self.progress.setValue(0)
        self._set_running(True)
        self.status.setText(self.tr("Moving each input by 20 % either way…"))
        self.runner.start_sensitivity(scenario, replications, self.seed.value(), self.workers.value())

    def _on_sensitivity(self, sensitivity: Sensitivity, cancelled: bool) -> None:
        self._set_running(False)
        self.results.set_sensitivity(sensitivity)
        if cancelled:
            self.status.setText(self.tr("Cancelled: showing the inputs that finished."))
        else:
            self.status.setText(self.tr("Sensitivity done: {n} inputs, {r} replications each.").format(
                n=len(sensitivity.inputs), r=sensitivity.replications))
        self.run_finished.emit(cancelled)

    def choose_history(self) -> None:
        """Ask for the street's incident log and check the baseline against it."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Incident log of the street"), "",
                                              self.tr("Incident logs (*.parquet *.csv)"))
        if path:
            self.check_baseline(path)

    def check_demo_history(self, holdout_days: int = BASELINE_DAYS) -> None:
        """Check the baseline against the demo street's last year (the history the demo feed continues)."""
        if self.runner.running:
            return
        self._start_check(None, holdout_days)

    def check_baseline(self, path: str, holdout_days: int = BASELINE_DAYS) -> None:
        """Calibrate on the log at ``path`` but its last ``holdout_days`` and check the model against them."""
        if self.runner.running:
            return
        try:
            log = read_log(path)
        except (LogFormatError, OSError) as exc:
            self.status.setText(self.tr("Cannot read the incident log: {message}").format(message=str(exc)))
            return
        self._start_check(log, holdout_days)

    def _start_check(self, log, holdout_days: int) -> None:
        self.progress.setRange(0, 0)
        self._set_running(True)
        self.status.setText(self.tr("Checking the baseline against the history…"))
        self.runner.start_check(log, holdout_days, max(2, min(self.replications.value(), 20)), self.seed.value(),
                                self.workers.value())

    def _on_baseline(self, validation: Validation) -> None:
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.validation = validation
        self.results.set_baseline(validation)
        self._show_baseline()
        self.status.setText(self.tr("Baseline check done."))
        self.run_finished.emit(False)

    def _show_baseline(self) -> None:
        """The banner above the results: the last baseline check, or that none was made."""
        check = self.validation
        if check is None:
            self.baseline.setText(self.tr("No baseline check yet: use “Check against history…” to see whether the "
                                          "model reproduces the street's recent history before trusting a what-if."))
            self.baseline.setStyleSheet("")
            return
        rows = check.table[check.table["observed"].notna()]
        missed = rows[~rows["pass"]]
        days = (check.end - check.cut).days
        if missed.empty:
            self.baseline.setText(self.tr("Baseline check passed: calibrated on the history before its last {days} days, "
                                          "the model reproduces those days on all {n} indicators.").format(
                days=days, n=len(rows)))
            self.baseline.setStyleSheet("")
            return
        names = ("、" if is_chinese() else ", ").join(
            indicator_name(key, column) for key, column in zip(missed["registry_key"], missed["kpi"]))
        self.baseline.setText(self.tr("Warning: the baseline misses the history on {missed} of {n} indicators ({names}): "
                                      "outside the simulated 95 % range and more than 10 % off. Treat the what-if "
                                      "results below with caution.").format(missed=len(missed), n=len(rows), names=names))
        self.baseline.setStyleSheet("background: #7a4a00; color: white; padding: 6px; font-weight: bold;")

    def _set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.search_button.setEnabled(not running)
        self.check_button.setEnabled(not running)
        self.sensitivity_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def _on_search_finished(self, search: GuardedSearch, cancelled: bool) -> None:
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.results.set_search(search)
        if cancelled:
            self.status.setText(self.tr("Staffing search cancelled."))
        else:
            today = sum(sum(by.values()) for by in search.current.values())
            recommended = sum(sum(by.values()) for by in search.recommended.values())
            self.status.setText(self.tr("Staffing search done: {recommended} grid workers over all shifts instead of "
                                        "{today} ({runs} staffings simulated).").format(
                recommended=recommended, today=today, runs=search.runs))
        self.run_finished.emit(cancelled)

    def _on_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_finished(self, results: list, cancelled: bool) -> None:
        self._set_running(False)
        complete = [r for r in results if r.replications >= 1]
        self.results.set_results(complete)
        if cancelled:
            self.status.setText(self.tr("Cancelled: showing the replications that finished."))
        else:
            seconds = sum(r.seconds for r in results)
            self.status.setText(self.tr("Done in {seconds:.1f} s.").format(seconds=seconds))
        self.run_finished.emit(cancelled)

    def _on_failed(self, message: str) -> None:
        self._set_running(False)
        self.status.setText(self.tr("The run failed: {message}").format(message=message))
        self.run_finished.emit(True)

    # -- window ----------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every user-visible string in the current language."""
        self.add_button.setText(self.tr("Copy scenario"))
        self.remove_button.setText(self.tr("Remove"))
        self._labels["replications"].setText(self.tr("Replications"))
        self._labels["seed"].setText(self.tr("Seed"))
        self._labels["workers"].setText(self.tr("Processes"))
        self.from_now.setText(self.tr("Start from now"))
        self.run_button.setText(self.tr("Run"))
        self.search_button.setText(self.tr("Optimise staffing"))
        self.search_button.setToolTip(self.tr("Fewest grid workers per community and shift that keep every risk class on "
                                              "scene within 2 h and accepted within target in every shift, and every "
                                              "community's overdue rate, at 95 % confidence"))
        self.sensitivity_button.setText(self.tr("Sensitivity ±20 %"))
        self.sensitivity_button.setToolTip(self.tr("Move each input the street only estimates (demand, work, acceptance, "
                                                   "travel, department waiting, triage and dispatch, grid workers, "
                                                   "reopening) by 20 % either way and show how far the answer moves"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.check_button.setText(self.tr("Check against history…"))
        self.check_file_action.setText(self.tr("Incident log file…"))
        self.check_demo_action.setText(self.tr("The demo street's last year"))
        self.check_button.setToolTip(self.tr("Calibrate the model on the street's incident log but its last four weeks, "
                                             "simulate those weeks and compare every indicator"))
        self._show_baseline()
        self.setWindowTitle(self.tr("What-if simulation"))

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.shutdown()
        super().closeEvent(event)


def open_simulation_view(twin=None, parent: QWidget | None = None, may_export: ExportCheck | None = None) -> QWidget:
    """The simulation view for the main window's menu: the street's current staffing as scenario A.

    ``twin`` (a :class:`cockpit.twin.TwinState`) lets runs start from its current state; the view
    only reads it, on the GUI thread, when a run starts. ``may_export`` gates its exports.
    """
    return SimulationView(twin, parent=parent, may_export=may_export)
