"""One case and the closed loop around it: its timeline, its place, and every action the loop allows.

The operator triages (category, risk level, owning level), dispatches to a ranked list of free,
qualified people (each with the reason for its place: own grid, nearest...) or whistles a department
(吹哨报到), records accept / on scene / resolved and the resident's rating, and closes, escalates,
merges, reopens or rejects. A button is enabled only when the case's status allows the step; where the
process needs a reason the panel asks for one, and the twin's refusal is shown as it words it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cockpit import recommender
from cockpit.dispatch import POLICIES
from cockpit.item_offers import dispatch_item, item_offers, needed_items
from cockpit.records import Case
from cockpit.security.permissions import EVENT_ACTIONS, User
from cockpit.vocabulary.domain import CaseStatus, OwnerLevel, RiskLevel
from cockpit.vocabulary.events import (
    CaseAccepted,
    CaseClosed,
    CaseDispatched,
    CaseEscalated,
    CaseFeedback,
    CaseMerged,
    CaseOnScene,
    CaseRejected,
    CaseReopened,
    CaseResolved,
    CaseTriaged,
    Event,
)
from cockpit.vocabulary.lifecycle import ALLOWED_FROM
from widgets import i18n
from widgets.access import refusal
from widgets.error_text import translated
from widgets.plumbing import Connections, ElidedLabel, MessageLabel, Throttle
from widgets.theme import RISK_COLORS, SLA_RED, sla_color
from widgets.twin_model import TwinModel

STAFF_ID_ROLE = Qt.ItemDataRole.UserRole
RERANK_MS = 2000
"""Staff moving re-ranks the recommendations at most this often (a list that jumps cannot be clicked)."""
ETA_SHOWN = frozenset({CaseStatus.DISPATCHED, CaseStatus.ACCEPTED})
"""An arrival estimate means something only until the assignee is on scene."""
MERGE_CHOICES = 40
FACTS = (("location", 0, 0, 3), ("source", 1, 0, 1), ("assignee", 1, 2, 1), ("owner", 2, 0, 1), ("alarm", 2, 2, 1),
         ("description", 3, 0, 3))
"""The case's facts as (key, row, column, columns spanned by the value) in a two-column grid."""
COMBO_MIN_CHARS = 6
PEOPLE_ROWS = 4
DEPARTMENT_ROWS = 2
"""Rows of the ranked lists always in view (more when the panel has the room)."""
TIMELINE_MIN_HEIGHT = 72
"""The timeline shows at least its last three steps; it grows with the room the panel has."""
"""How many merge targets the picker offers (the likeliest duplicates first)."""


class CaseDetailPanel(QWidget):
    """Shows one case of the twin and runs the operator's commands on it as ``actor``.

    Owns no state but the case id shown and the dialogs' hooks: :attr:`ask_reason` and
    :attr:`ask_merge_target` are callables (replaceable in tests) that return None when cancelled.

    Signals
    -------
    sig_locate_case_requested(str)
        The operator asked to see the case on the map.
    case_shown(str)
        The panel now shows this case ("" for none).
    """

    sig_locate_case_requested = Signal(str)
    case_shown = Signal(str)

    def __init__(self, model: TwinModel, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._twin = model.twin
        self.actor = actor
        self.case_id = ""
        self._last_error = ""
        self.ask_reason: Callable[[str], str | None] = self._ask_reason_dialog
        self.ask_merge_target: Callable[[list[tuple[str, str]]], str | None] = self._ask_merge_dialog

        self.title = ElidedLabel()
        self.title.setObjectName("pageTitle")
        self.risk_badge = QLabel()
        self.risk_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label = QLabel()
        self.sla_label = QLabel()
        self.locate_button = QPushButton()
        # The case and its category on the first line, its state and clock on the second: one line held
        # more than an English panel on a 1366x768 desk has room for.
        header = QGridLayout()
        header.setVerticalSpacing(2)
        header.addWidget(self.title, 0, 0, 1, 5)
        header.addWidget(self.risk_badge, 1, 0)
        header.addWidget(self.status_label, 1, 1)
        header.addWidget(self.sla_label, 1, 2)
        header.setColumnStretch(3, 1)
        header.addWidget(self.locate_button, 1, 4)

        # The facts in two columns (the place and the description across both), so that the triage and
        # dispatch controls stay in view on a 1366x768 desk.
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(8)
        self.facts.setVerticalSpacing(2)
        self._fact_labels: dict[str, QLabel] = {}
        self._fact_values: dict[str, ElidedLabel] = {}
        for key, row, column, span in FACTS:
            # One line each (the whole text in the tooltip): wrapped lines would make the panel ask for
            # its full height and scroll on a small desk.
            label, value = QLabel(), ElidedLabel()
            label.setObjectName("muted")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._fact_labels[key], self._fact_values[key] = label, value
            self.facts.addWidget(label, row, column)
            self.facts.addWidget(value, row, column + 1, 1, span)
        self.facts.setColumnStretch(1, 1)
        self.facts.setColumnStretch(3, 1)

        self.timeline = QTableWidget(0, 5)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.verticalHeader().hide()
        self.timeline.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.timeline.setMinimumHeight(TIMELINE_MIN_HEIGHT)

        # Triage
        self.triage_box = QGroupBox()
        self.category_combo, self.risk_combo, self.owner_combo = QComboBox(), QComboBox(), QComboBox()
        # The combos share the panel's width; a long category name shows its start (the list opens whole).
        for combo in (self.category_combo, self.risk_combo, self.owner_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(COMBO_MIN_CHARS)
        self.triage_button = QPushButton()
        triage = QHBoxLayout(self.triage_box)
        for widget in (self.category_combo, self.risk_combo, self.owner_combo, self.triage_button):
            triage.addWidget(widget)

        # Dispatch
        self.dispatch_box = QGroupBox()
        self.policy_combo = QComboBox()
        self.recommendations = QListWidget()
        self.departments = QListWidget()
        for view in (self.recommendations, self.departments):
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            # A line too long for the panel ends in "…" (whole in its tooltip) rather than scroll sideways.
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setTextElideMode(Qt.TextElideMode.ElideRight)
            view.itemDoubleClicked.connect(self._on_recommendation_double_clicked)
        # The selection, not the current row: a click on the row already current (the first, the best)
        # changes no current row but must still allow dispatching.
        self.recommendations.itemSelectionChanged.connect(lambda: self._on_pick(self.recommendations))
        self.departments.itemSelectionChanged.connect(lambda: self._on_pick(self.departments))
        self.people_label, self.departments_label = QLabel(), QLabel()
        self.dispatch_button = QPushButton()
        # People over departments, each list the panel's whole width: a ranked line says who, how soon by
        # which mode, how far, home grid, skill and load, and must be read whole.
        dispatch = QVBoxLayout(self.dispatch_box)
        dispatch.setSpacing(2)
        dispatch.addWidget(self.policy_combo)
        dispatch.addWidget(self.people_label)
        dispatch.addWidget(self.recommendations, 3)
        dispatch.addWidget(self.departments_label)
        dispatch.addWidget(self.departments, 1)
        dispatch.addWidget(self.dispatch_button)
        for view, rows in ((self.recommendations, PEOPLE_ROWS), (self.departments, DEPARTMENT_ROWS)):
            view.setMinimumHeight(rows * view.fontMetrics().height() + 2 * view.frameWidth() + 4)
        # The items the case's category needs (a pump for waterlogging), nearest by road, below the people.
        self.items_label = QLabel()
        self.item_offers = QListWidget()
        self.item_offers.setMaximumHeight(96)
        self.item_offers.itemDoubleClicked.connect(lambda _item: self._send_item())
        self.send_item_button = QPushButton()
        self.send_item_button.clicked.connect(self._send_item)
        self.item_offers.currentRowChanged.connect(lambda _row: self._update_buttons())
        dispatch.addWidget(self.items_label)
        dispatch.addWidget(self.item_offers)
        dispatch.addWidget(self.send_item_button)

        # Field progress, feedback and the side paths
        self.progress_box = QGroupBox()
        self.accept_button, self.on_scene_button, self.resolve_button = QPushButton(), QPushButton(), QPushButton()
        self.rating = QSpinBox()
        self.rating.setRange(1, 5)
        self.rating.setValue(5)
        self.fixed = QCheckBox()
        self.fixed.setChecked(True)
        self.feedback_button = QPushButton()
        self.close_button, self.escalate_button, self.merge_button = QPushButton(), QPushButton(), QPushButton()
        self.reopen_button, self.reject_button = QPushButton(), QPushButton()
        progress = QGridLayout(self.progress_box)
        progress.setVerticalSpacing(2)
        for column, button in enumerate((self.accept_button, self.on_scene_button, self.resolve_button)):
            progress.addWidget(button, 0, column)
        feedback = QHBoxLayout()
        self.rating_label = QLabel()
        for widget in (self.rating_label, self.rating, self.fixed, self.feedback_button):
            feedback.addWidget(widget)
        progress.addLayout(feedback, 1, 0, 1, 3)
        for column, button in enumerate((self.close_button, self.escalate_button, self.merge_button)):
            progress.addWidget(button, 2, column)
        progress.addWidget(self.reopen_button, 3, 0)
        progress.addWidget(self.reject_button, 3, 1)

        self.error_label = MessageLabel()
        self.error_label.setObjectName("errorText")
        self.access_label = MessageLabel()
        self.access_label.setObjectName("muted")
        self.user: User | None = None
        self.empty_label = QLabel()
        self.empty_label.setObjectName("muted")

        body = QWidget()
        column = QVBoxLayout(body)
        column.setSpacing(4)
        column.addLayout(header)
        column.addLayout(self.facts)
        column.addWidget(self.timeline, 1)
        column.addWidget(self.triage_box)
        column.addWidget(self.dispatch_box, 3)
        column.addWidget(self.progress_box)
        self._body = body
        # On a screen smaller than the desk's smallest, the panel scrolls rather than clip.
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addWidget(self._scroll, 1)
        layout.addWidget(self.access_label)
        layout.addWidget(self.error_label)

        self._actions: dict[QPushButton, tuple[type[Event], Callable[[], None]]] = {
            self.triage_button: (CaseTriaged, self._triage),
            self.dispatch_button: (CaseDispatched, self._dispatch_selected),
            self.accept_button: (CaseAccepted, lambda: self._run(self._twin.accept, self.case_id, self.actor)),
            self.on_scene_button: (CaseOnScene, lambda: self._run(self._twin.arrive, self.case_id, self.actor)),
            self.resolve_button: (CaseResolved, lambda: self._run(self._twin.resolve, self.case_id, self.actor)),
            self.feedback_button: (CaseFeedback, self._feedback),
            self.close_button: (CaseClosed, self._close),
            self.escalate_button: (CaseEscalated, self._escalate),
            self.merge_button: (CaseMerged, self._merge),
            self.reopen_button: (CaseReopened, lambda: self._with_reason(self.tr("Why reopen this case?"),
                                                                          self._twin.reopen)),
            self.reject_button: (CaseRejected, lambda: self._with_reason(self.tr("Why is this not a case?"),
                                                                          self._twin.reject)),
        }
        for button, (_event, action) in self._actions.items():
            button.clicked.connect(action)
        self.locate_button.clicked.connect(lambda: self.case_id and self.sig_locate_case_requested.emit(self.case_id))
        self.policy_combo.currentIndexChanged.connect(lambda _i: self._refresh_recommendations())

        self._staff_throttle = Throttle(self._refresh_recommendations, RERANK_MS, self)
        self._connections = Connections()
        self._connections.connect(model.cases_changed, self._on_cases_changed)
        self._connections.connect(model.staff_changed, self._on_staff_changed)
        self._connections.connect(model.clock_changed, self._on_clock_changed)
        self._connections.connect(model.error_occurred, self._on_error)
        self._connections.connect(model.resources_changed, self._refresh_items)
        self.retranslate_ui()

    # ------------------------------------------------------------ public API

    def set_case(self, case_id: str) -> None:
        """Show ``case_id`` ("" clears the panel)."""
        if case_id and case_id not in self._twin.cases:
            raise KeyError(f"case {case_id}: no such case")
        self.case_id = case_id
        self.error_label.clear()
        self._reset_triage_choices()
        self._refresh()
        self._refresh_recommendations()
        self.case_shown.emit(case_id)

    def set_user(self, user: User | None) -> None:
        """The logged-in account: steps its role or scope does not allow on the shown case are disabled,
        with the reason shown (None: nothing is checked)."""
        self.user = user
        self._update_buttons()

    @property
    def case(self) -> Case | None:
        return self._twin.cases.get(self.case_id) if self.case_id else None

    def dispatch_to(self, staff_id: str) -> bool:
        """Dispatch the shown case to ``staff_id`` (asks a reason when it is a re-dispatch)."""
        case = self.case
        if case is None:
            return False
        reason = ""
        if case.status in (CaseStatus.DISPATCHED, CaseStatus.ACCEPTED):
            reason = self.ask_reason(self.tr("Why re-dispatch this case?"))
            if reason is None:
                return False
        return self._run(recommender.dispatch, self._twin, case.id, staff_id, self.actor, reason)

    # ------------------------------------------------------------ actions

    def _run(self, action: Callable[..., list[Event]], *args: object) -> bool:
        self._last_error = ""
        ok = self._model.command(action, *args)
        self.error_label.setText("" if ok else self._last_error)
        return ok

    def _with_reason(self, prompt: str, action: Callable[..., list[Event]]) -> bool:
        reason = self.ask_reason(prompt)
        if reason is None:
            return False
        return self._run(action, self.case_id, self.actor, reason)

    def _triage(self) -> None:
        if self._run(self._twin.triage, self.case_id, self.category_combo.currentData(),
                     RiskLevel(self.risk_combo.currentData()), OwnerLevel(self.owner_combo.currentData()),
                     self.actor):
            self._reset_triage_choices()

    def _dispatch_selected(self) -> None:
        for view in (self.recommendations, self.departments):
            item = view.currentItem()
            if item is not None and item.isSelected():
                self.dispatch_to(item.data(STAFF_ID_ROLE))
                return
        self.error_label.setText(self.tr("Pick a person or a department first."))

    def _on_recommendation_double_clicked(self, item: QListWidgetItem) -> None:
        self.dispatch_to(item.data(STAFF_ID_ROLE))

    def _on_pick(self, view: QListWidget) -> None:
        # One choice at a time across the two lists: picking a person drops a picked department.
        if view.selectedItems():
            other = self.departments if view is self.recommendations else self.recommendations
            other.clearSelection()
        self._update_buttons()

    def _feedback(self) -> None:
        self._run(self._twin.feedback, self.case_id, self.rating.value(), self.fixed.isChecked(), self.actor)

    def _close(self) -> None:
        case = self.case
        if case is None:
            return
        reason = ""
        if case.status is CaseStatus.RESOLVED:
            reason = self.ask_reason(self.tr("Close without the resident's feedback: why?"))
            if reason is None:
                return
        self._run(self._twin.close, case.id, self.actor, reason)

    def _escalate(self) -> None:
        self._with_reason(self.tr("Why escalate this case?"), self._twin.escalate)

    def _merge(self) -> None:
        case = self.case
        if case is None:
            return
        target = self.ask_merge_target(self._merge_choices(case))
        if target is None:
            return
        reason = self.ask_reason(self.tr("Why is it a duplicate of {case}?").format(case=target))
        if reason is None:
            return
        self._run(self._twin.merge, case.id, target, self.actor, reason)

    def _merge_choices(self, case: Case) -> list[tuple[str, str]]:
        """Other live cases, likeliest duplicates first: same category, same community, newest."""
        others = [c for c in self._twin.cases.values() if c.id != case.id and not c.status.terminal]
        others.sort(key=lambda c: (c.category != case.category, c.community_id != case.community_id,
                                   -c.reported_at.timestamp()))
        return [(c.id, f"{c.id} · {i18n.category_name(self._twin.categories, c.category)} · "
                       f"{i18n.community_name(self._twin.street, c.community_id)} · {i18n.status_name(c.status)}")
                for c in others[:MERGE_CHOICES]]

    def _ask_reason_dialog(self, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("Reason required"), prompt)
        return text if ok else None

    def _ask_merge_dialog(self, choices: list[tuple[str, str]]) -> str | None:
        if not choices:
            self.error_label.setText(self.tr("There is no other open case to merge into."))
            return None
        labels = [label for _id, label in choices]
        label, ok = QInputDialog.getItem(self, self.tr("Merge duplicate"), self.tr("Duplicate of:"), labels, 0, False)
        return choices[labels.index(label)][0] if ok else None

    # ------------------------------------------------------------ showing

    @Slot(set)
    def _on_cases_changed(self, ids: set[str]) -> None:
        if self.case_id in ids:
            self._refresh()
            self._refresh_recommendations()

    @Slot()
    def _on_staff_changed(self) -> None:
        if self.case_id:
            self._staff_throttle.poke()

    @Slot(object)
    def _on_clock_changed(self, _now: object) -> None:
        if self.case_id:
            self._refresh_sla()

    @Slot(str)
    def _on_error(self, message: str) -> None:
        self._last_error = translated(message)

    def _refresh(self) -> None:
        case = self.case
        self.empty_label.setVisible(case is None)
        self._body.setEnabled(case is not None)
        if case is None:
            self.title.set_full_text("")
            self.risk_badge.clear()
            self.risk_badge.setStyleSheet("")
            self.status_label.clear()
            self.sla_label.clear()
            for value in self._fact_values.values():
                value.set_full_text("")
            self.timeline.setRowCount(0)
            self._update_buttons()
            return
        twin, street = self._twin, self._twin.street
        self.title.set_full_text(f"{case.id} · {i18n.category_name(twin.categories, case.category)}")
        self.risk_badge.setText(f" {i18n.risk_name(case.risk)} ")
        self.risk_badge.setStyleSheet(
            f"background-color: {RISK_COLORS[case.risk].name()}; color: white; border-radius: 3px; padding: 2px 6px;")
        self.status_label.setText(i18n.status_name(case.status))
        values = self._fact_values
        values["location"].set_full_text(i18n.place_name(street, case.community_id, case.general_grid_id, case.micro_grid_id))
        reporter = i18n.staff_name(street, case.reporter) if street.has("staff", case.reporter) else case.reporter
        values["source"].set_full_text(" · ".join(p for p in (i18n.source_name(case.source), reporter) if p))
        values["description"].set_full_text(case.description or "—")
        assignee = i18n.staff_name(street, case.assignee) if case.assignee else self.tr("nobody yet")
        if case.assignee and case.eta_minutes is not None and case.status in ETA_SHOWN:
            assignee += " · " + self.tr("ETA {eta} min").format(eta=max(1, round(case.eta_minutes)))
        values["assignee"].set_full_text(assignee)
        owner = i18n.owner_name(case.owner_level)
        if case.escalations:
            owner += " · " + self.tr("escalated {n}×").format(n=case.escalations)
        values["owner"].set_full_text(owner)
        alarm = case.alarm_id or "—"
        if case.repeats:
            alarm += " · " + self.tr("repeated {n}×").format(n=case.repeats)
        if case.merged_into:
            alarm += " · " + self.tr("merged into {case}").format(case=case.merged_into)
        values["alarm"].set_full_text(alarm)
        self._refresh_sla()
        self._fill_timeline(case)
        self._update_buttons()

    def _refresh_sla(self) -> None:
        case = self.case
        if case is None:
            return
        now = self._twin.now or case.reported_at
        if not case.status.open:
            self.sla_label.setText("")
            self.sla_label.setStyleSheet("")
            return
        colour = sla_color(case.deadline_fraction_used(now), case.overdue(now))
        self.sla_label.setText(self.tr("{left} left").format(left=i18n.countdown(case.time_left(now)))
                               if not case.overdue(now) else
                               self.tr("overdue by {late}").format(late=i18n.countdown(-case.time_left(now))))
        self.sla_label.setStyleSheet(
            f"background-color: {colour.name()}; color: white; padding: 2px 6px;" if colour is not None else "")

    def _fill_timeline(self, case: Case) -> None:
        street = self._twin.street
        self.timeline.setRowCount(len(case.history))
        for row, step in enumerate(case.history):
            actor = i18n.actor_name(street, step.actor)
            cells = (i18n.local_time(step.at, with_date=True), i18n.event_name(step.event_type),
                     i18n.status_name(step.to_status), actor, step.reason)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if step.event_type in ("CaseOverdue", "CaseEscalated"):
                    item.setForeground(SLA_RED)
                self.timeline.setItem(row, column, item)
        self.timeline.scrollToBottom()

    def _refresh_items(self) -> None:
        """The places that can send an item the shown case needs now, nearest by road, with the reason."""
        picked = self.item_offers.currentItem()
        picked = picked.data(STAFF_ID_ROLE) if picked is not None else None
        self.item_offers.clear()
        case = self.case
        needs = case is not None and case.status.open and bool(needed_items(self._twin, case))
        for widget in (self.items_label, self.item_offers, self.send_item_button):
            widget.setVisible(needs)
        if needs:
            items = self._twin.categories.items
            for offer in item_offers(self._twin, case.id):
                text = self.tr("{item}: {place} · {eta} min · {reason} · {count} on the shelf").format(
                    item=i18n.item_name(items, offer.item), place=self._twin.street.resource(offer.resource_id).name,
                    eta=max(1, round(offer.eta_minutes)), reason=i18n.item_offer_reason_name(offer.reason),
                    count=offer.on_shelf)
                item = QListWidgetItem(text)
                item.setData(STAFF_ID_ROLE, (offer.resource_id, offer.item))
                self.item_offers.addItem(item)
                if (offer.resource_id, offer.item) == picked:
                    self.item_offers.setCurrentItem(item)
            if not self.item_offers.count():
                self.item_offers.addItem(self.tr("no place can send one now"))
                self.item_offers.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self._update_buttons()

    def _send_item(self) -> bool:
        """Send one unit of the picked item from the picked place to the shown case."""
        item = self.item_offers.currentItem()
        offer = item.data(STAFF_ID_ROLE) if item is not None else None
        if self.case is None or offer is None:
            return False
        return self._run(dispatch_item, self._twin, self.case.id, offer[0], offer[1], self.actor)

    def _refresh_recommendations(self) -> None:
        """Re-rank people and departments for the shown case (on case change and, throttled, staff moves)."""
        self._refresh_items()
        picked = self._picked_staff()
        self.recommendations.clear()
        self.departments.clear()
        case = self.case
        if case is None or case.status not in ALLOWED_FROM[CaseDispatched]:
            self._update_buttons()
            return
        policy = self.policy_combo.currentData() or "nearest"
        for view, recs in ((self.recommendations, recommender.recommend(self._twin, case.id, policy)),
                           (self.departments, recommender.recommend_departments(self._twin, case.id))):
            for rec in recs:
                text = i18n.recommendation_text(self._twin, case, rec)
                item = QListWidgetItem(text)
                item.setToolTip(text)
                item.setData(STAFF_ID_ROLE, rec.staff_id)
                view.addItem(item)
                if rec.staff_id == picked:
                    view.setCurrentItem(item)
        if not self.departments.count():
            self.departments.addItem(self.tr("no department team free"))
            self.departments.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self._update_buttons()

    def _picked_staff(self) -> str | None:
        for view in (self.recommendations, self.departments):
            item = view.currentItem()
            if item is not None and item.isSelected():
                return item.data(STAFF_ID_ROLE)
        return None

    def _update_buttons(self) -> None:
        case = self.case
        denied = (refusal(self.user, EVENT_ACTIONS[CaseTriaged], case.community_id, f"case {case.id}")
                  if case is not None else None)
        self.access_label.setText(denied or "")
        for button, (event_type, _action) in self._actions.items():
            button.setEnabled(case is not None and case.status in ALLOWED_FROM[event_type] and denied is None)
        if case is not None:
            if case.owner_level.above() is None:
                self.escalate_button.setEnabled(False)
            if self._picked_staff() is None:
                self.dispatch_button.setEnabled(False)
        current = self.item_offers.currentItem()
        self.send_item_button.setEnabled(current is not None and current.data(STAFF_ID_ROLE) is not None)
        self.locate_button.setEnabled(case is not None)

    def _reset_triage_choices(self) -> None:
        case = self.case
        if case is None:
            return
        for combo, value in ((self.category_combo, case.category), (self.risk_combo, case.risk.value),
                             (self.owner_combo, case.owner_level.value)):
            combo.setCurrentIndex(max(0, combo.findData(value)))

    # ------------------------------------------------------------ language and life cycle

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        labels = {"location": self.tr("Location"), "source": self.tr("Source"), "description": self.tr("Description"),
                  "assignee": self.tr("Assignee"), "owner": self.tr("Owner level"), "alarm": self.tr("Alarm")}
        for key, text in labels.items():
            self._fact_labels[key].setText(text)
        self.timeline.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Step"), self.tr("Status"), self.tr("By"), self.tr("Reason")])
        self.locate_button.setText(self.tr("Show on map"))
        self.triage_box.setTitle(self.tr("Triage"))
        self.triage_button.setText(self.tr("Triage"))
        self.dispatch_box.setTitle(self.tr("Dispatch"))
        self.people_label.setText(self.tr("People by arrival (road)"))
        self.departments_label.setText(self.tr("Departments (whistle)"))
        self.dispatch_button.setText(self.tr("Dispatch"))
        self.items_label.setText(self.tr("Items it needs, nearest by road"))
        self.send_item_button.setText(self.tr("Send item"))
        self.progress_box.setTitle(self.tr("Handling and feedback"))
        self.accept_button.setText(self.tr("Accepted"))
        self.on_scene_button.setText(self.tr("On scene"))
        self.resolve_button.setText(self.tr("Resolved"))
        self.rating_label.setText(self.tr("Rating"))
        self.fixed.setText(self.tr("Fixed"))
        self.feedback_button.setText(self.tr("Record feedback"))
        self.close_button.setText(self.tr("Close"))
        self.escalate_button.setText(self.tr("Escalate…"))
        self.merge_button.setText(self.tr("Merge…"))
        self.reopen_button.setText(self.tr("Reopen…"))
        self.reject_button.setText(self.tr("Reject…"))
        self.empty_label.setText(self.tr("Select a case in the queue (Enter opens it)."))
        twin = self._twin
        _refill(self.category_combo, [(c.code, i18n.category_name(twin.categories, c.code)) for c in twin.categories])
        _refill(self.risk_combo, [(r.value, i18n.risk_name(r)) for r in RiskLevel])
        _refill(self.owner_combo, [(o.value, i18n.owner_name(o)) for o in OwnerLevel])
        _refill(self.policy_combo, [(name, i18n.policy_name(name)) for name in POLICIES])
        self._refresh()
        self._refresh_recommendations()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._staff_throttle.stop()
        self._connections.disconnect_all()
        super().closeEvent(event)


def _refill(box: QComboBox, items: list[tuple[str, str]]) -> None:
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    for data, text in items:
        box.addItem(text, data)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.blockSignals(False)
