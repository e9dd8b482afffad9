"""The twin state: the street as it is now, built only by applying events.

Live MQTT, replay and simulation feed the same typed events to :meth:`TwinState.apply`; the state at
any moment is the fold of the stream up to it. Operator commands (triage, dispatch, ...) are methods
that build the event, apply it and so publish it like any other. Rules that react to the state
(overdue, escalation, red-case and area alarms) are *derivers* plugged in at construction; a replay of a
recorded stream, which already holds their output, runs without them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, time

import pandas as pd

from cockpit.records import Alarm, Assignment, Case, ResourceState, SensorState, StaffState, Transition
from cockpit.street.model import Resource, Street
from cockpit.vocabulary.case_columns import CASE_FRAME_COLUMNS, TIME_COLUMNS
from cockpit.vocabulary.categories import CategoryTable, default_categories
from cockpit.vocabulary.domain import AlarmState, CaseStatus, OwnerLevel, ResourceKind, RiskLevel, StaffStatus
from cockpit.vocabulary.events import (
    CASE_STATUS_AFTER,
    AlarmAcknowledged,
    AlarmCleared,
    AlarmRaised,
    AlarmRepeated,
    AlarmShelved,
    AlarmUnshelved,
    CaseAccepted,
    CaseClosed,
    CaseDispatched,
    CaseEscalated,
    CaseFeedback,
    CaseMerged,
    CaseOnScene,
    CaseOverdue,
    CaseRejected,
    CaseReopened,
    CaseReported,
    CaseResolved,
    CaseTriaged,
    ClockTick,
    Event,
    ItemRestocked,
    ItemUsed,
    ResourceArrived,
    ResourceDispatched,
    ResourceReturned,
    SensorFlapping,
    SensorReading,
    StaffMoved,
    StaffStatusChanged,
    VehicleMoved,
)
from cockpit.vocabulary.lifecycle import InvalidTransition, check_transition
from cockpit.vocabulary.local_time import LOCAL_TZ

Listener = Callable[[list[Event]], None]
Deriver = Callable[["TwinState", Event], list[Event]]
Authorizer = Callable[["TwinState", Event], None]
"""Checks an operator command before it is applied; raises a TwinError subclass to refuse it."""


class TwinError(ValueError):
    """An event or command the twin refuses (unknown id, invalid transition); the message says why."""


LOW_STOCK = "low_stock"
"""Alarm kind: a station's or cache's stock of an item fell below its item's threshold."""


class TwinState:
    """The live picture of one street: cases, staff, sensors, resources, alarms and the clock.

    Owns the :class:`~cockpit.records.Case`, :class:`~cockpit.records.StaffState`,
    :class:`~cockpit.records.SensorState`, :class:`~cockpit.records.ResourceState` and
    :class:`~cockpit.records.Alarm` records.
    Emits every applied event (including derived ones) to listeners registered with
    :meth:`subscribe`, as one list per :meth:`apply` or :meth:`apply_many` call.
    """

    def __init__(
        self,
        street: Street,
        categories: CategoryTable | None = None,
        derivers: Iterable[Deriver] = (),
        authorizer: Authorizer | None = None,
    ) -> None:
        self.street = street
        self.authorizer = authorizer
        self.categories = categories or default_categories()
        self.cases: dict[str, Case] = {}
        self.alarms: dict[str, Alarm] = {}
        self.staff: dict[str, StaffState] = {}
        self.sensors: dict[str, SensorState] = {s.id: SensorState(s) for s in street.sensors}
        self.resources: dict[str, ResourceState] = {r.id: _resource_state(street, r) for r in street.resources}
        self.now: datetime | None = None
        self.applied = 0
        self._derivers = list(derivers)
        self._listeners: list[Listener] = []
        self._case_counter: dict[str, int] = {}
        for member in street.staff:
            x, y = street.projection.to_xy(member.lon, member.lat)
            self.staff[member.id] = StaffState(
                member, StaffStatus.OFF_DUTY, member.lon, member.lat, float(x), float(y)
            )
        self._handlers: dict[type[Event], Callable[[Event], None]] = {
            CaseReported: self._on_reported,
            CaseTriaged: self._on_triaged,
            CaseDispatched: self._on_dispatched,
            CaseAccepted: self._on_accepted,
            CaseOnScene: self._on_on_scene,
            CaseResolved: self._on_resolved,
            CaseFeedback: self._on_feedback,
            CaseClosed: self._on_closed,
            CaseEscalated: self._on_escalated,
            CaseMerged: self._on_merged,
            CaseReopened: self._on_reopened,
            CaseRejected: self._on_rejected,
            CaseOverdue: self._on_overdue,
            SensorReading: self._on_reading,
            SensorFlapping: self._on_flapping,
            AlarmRaised: self._on_alarm_raised,
            AlarmRepeated: self._on_alarm_repeated,
            AlarmAcknowledged: self._on_alarm_acknowledged,
            AlarmCleared: self._on_alarm_cleared,
            AlarmShelved: self._on_alarm_shelved,
            AlarmUnshelved: self._on_alarm_unshelved,
            StaffMoved: self._on_staff_moved,
            StaffStatusChanged: self._on_staff_status,
            ResourceDispatched: self._on_resource_dispatched,
            ResourceArrived: self._on_resource_arrived,
            ResourceReturned: self._on_resource_returned,
            ItemUsed: self._on_item_used,
            ItemRestocked: self._on_item_restocked,
            VehicleMoved: self._on_vehicle_moved,
            ClockTick: lambda event: None,
        }

    # ------------------------------------------------------------ observing

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(events)`` after each apply; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    # ------------------------------------------------------------ applying

    def apply(self, event: Event) -> list[Event]:
        """Apply one event and what the derivers make of it; returns all events applied.

        Raises
        ------
        TwinError
            If the event is invalid for the current state; the state is then unchanged.
        """
        applied: list[Event] = []
        self._apply_with_derived(event, applied)
        self._emit(applied)
        return applied

    def apply_many(
        self, events: Iterable[Event], on_error: Callable[[Event, TwinError], None] | None = None
    ) -> list[Event]:
        """Apply events in order and emit them as one batch.

        With ``on_error``, an invalid event is handed to it and skipped; without, the first invalid
        event raises (the events before it stay applied and are emitted).
        """
        applied: list[Event] = []
        try:
            for event in events:
                try:
                    self._apply_with_derived(event, applied)
                except TwinError as exc:
                    if on_error is None:
                        raise
                    on_error(event, exc)
        finally:
            self._emit(applied)
        return applied

    def _apply_with_derived(self, event: Event, applied: list[Event]) -> None:
        self._apply_one(event)
        applied.append(event)
        for derive in self._derivers:
            for derived in derive(self, event):
                self._apply_with_derived(derived, applied)

    def _apply_one(self, event: Event) -> None:
        handler = self._handlers.get(type(event))
        if handler is None:
            raise TwinError(f"the twin does not know event type {type(event).__name__}")
        try:
            handler(event)
        except (InvalidTransition, KeyError) as exc:
            message = exc.args[0] if isinstance(exc, KeyError) else str(exc)
            raise TwinError(str(message)) from exc
        if self.now is None or event.at > self.now:
            self.now = event.at
        self.applied += 1

    def _emit(self, applied: list[Event]) -> None:
        if applied:
            for listener in list(self._listeners):
                listener(applied)

    # ------------------------------------------------------------ case handlers

    def _case(self, case_id: str) -> Case:
        case = self.cases.get(case_id)
        if case is None:
            raise KeyError(f"case {case_id}: no such case")
        return case

    def _transition(self, case: Case, event: Event, actor: str = "", reason: str = "") -> None:
        check_transition(case.id, case.status, case.owner_level, case.assignee, event)
        new_status = CASE_STATUS_AFTER.get(type(event), case.status)
        case.history.append(
            Transition(event.at, type(event).__name__, case.status, new_status, actor, reason)
        )
        case.status = new_status

    def _on_reported(self, e: CaseReported) -> None:
        if e.case_id in self.cases:
            raise InvalidTransition(e.case_id, "already reported")
        if e.category not in self.categories:
            raise KeyError(f"case {e.case_id}: unknown category {e.category!r}")
        risk = e.risk or self.categories[e.category].default_risk
        case = Case(
            id=e.case_id,
            category=e.category,
            source=e.source,
            lon=e.lon,
            lat=e.lat,
            micro_grid_id=e.micro_grid_id,
            general_grid_id=e.general_grid_id,
            community_id=e.community_id,
            reported_at=e.at,
            risk=risk,
            owner_level=risk.default_owner,
            description=e.description,
            reporter=e.reporter,
            alarm_id=e.alarm_id,
        )
        case.history.append(
            Transition(e.at, "CaseReported", None, CaseStatus.REPORTED, e.reporter, e.description)
        )
        self.cases[case.id] = case

    def _on_triaged(self, e: CaseTriaged) -> None:
        case = self._case(e.case_id)
        if e.category not in self.categories:
            raise KeyError(f"case {e.case_id}: unknown category {e.category!r}")
        self._transition(case, e, e.actor)
        case.category, case.risk, case.owner_level = e.category, e.risk, e.owner_level
        case.triaged_at = case.triaged_at or e.at

    def _on_dispatched(self, e: CaseDispatched) -> None:
        case = self._case(e.case_id)
        if e.assignee not in self.staff:
            raise KeyError(f"case {e.case_id}: unknown assignee {e.assignee!r}")
        self._transition(case, e, e.actor, e.reason)
        if case.assignee is not None:
            self._release(case.assignee, case.id)
        case.assignee, case.eta_minutes = e.assignee, e.eta_minutes
        case.dispatched_at = case.dispatched_at or e.at
        staff = self.staff[e.assignee]
        staff.cases.add(case.id)
        if staff.status is StaffStatus.AVAILABLE:
            staff.status = StaffStatus.BUSY

    def _on_accepted(self, e: CaseAccepted) -> None:
        case = self._case(e.case_id)
        self._transition(case, e, e.actor)
        case.accepted_at = case.accepted_at or e.at
        if case.assignee is not None:
            self.staff[case.assignee].status = StaffStatus.EN_ROUTE

    def _on_on_scene(self, e: CaseOnScene) -> None:
        case = self._case(e.case_id)
        self._transition(case, e, e.actor)
        case.on_scene_at = case.on_scene_at or e.at
        if case.assignee is not None:
            self.staff[case.assignee].status = StaffStatus.ON_SCENE

    def _on_resolved(self, e: CaseResolved) -> None:
        case = self._case(e.case_id)
        self._transition(case, e, e.actor, e.note)
        case.resolved_at = e.at
        if case.assignee is not None:
            self._release(case.assignee, case.id)

    def _on_feedback(self, e: CaseFeedback) -> None:
        case = self._case(e.case_id)
        self._transition(case, e, e.actor)
        case.satisfaction, case.fixed, case.feedback_at = e.rating, e.fixed, e.at

    def _on_closed(self, e: CaseClosed) -> None:
        case = self._case(e.case_id)
        self._transition(case, e, e.actor, e.reason)
        case.closed_at = e.at

    def _on_escalated(self, e: CaseEscalated) -> None:
        case = self._case(e.case_id)
        self._transition(case, e, e.actor or "system", e.reason)
        case.owner_level = e.to_level
        case.escalations += 1

    def _on_merged(self, e: CaseMerged) -> None:
        case = self._case(e.case_id)
        target = self.cases.get(e.into_case_id)
        if target is None:
            raise InvalidTransition(e.case_id, f"merge target {e.into_case_id} does not exist")
        if target.status.terminal:
            raise InvalidTransition(
                e.case_id, f"merge target {target.id} is {target.status.value}"
            )
        self._transition(case, e, e.actor, e.reason)
        case.merged_into = target.id
        target.duplicates.append(case.id)

    def _on_reopened(self, e: CaseReopened) -> None:
        case = self._case(e.case_id)
        self._transition(case, e, e.actor, e.reason)
        case.reopened += 1
        # The log keeps the first response and arrival; the rejected resolution moves aside.
        case.first_resolved_at = case.first_resolved_at or case.resolved_at
        case.reopened_at = e.at
        case.resolved_at = case.feedback_at = None
        case.assignee = None
        case.resolve_overdue_marked = case.response_overdue_marked = False

    def _on_rejected(self, e: CaseRejected) -> None:
        case = self._case(e.case_id)
        self._transition(case, e, e.actor, e.reason)

    def _on_overdue(self, e: CaseOverdue) -> None:
        case = self._case(e.case_id)
        self._transition(case, e, "system", e.deadline)
        if e.deadline == "response":
            case.response_overdue_marked = True
        else:
            case.resolve_overdue_marked = True

    def _release(self, staff_id: str, case_id: str) -> None:
        staff = self.staff[staff_id]
        staff.cases.discard(case_id)
        if staff.status is not StaffStatus.OFF_DUTY:
            staff.status = StaffStatus.BUSY if staff.cases else StaffStatus.AVAILABLE

    # ------------------------------------------------------------ sensors, alarms, staff

    def _on_reading(self, e: SensorReading) -> None:
        sensor = self.sensors.get(e.sensor_id)
        if sensor is None:
            raise KeyError(f"unknown sensor {e.sensor_id!r}")
        sensor.last_values = dict(e.values)
        sensor.last_seen, sensor.last_seq = e.at, e.seq
        sensor.readings += 1

    def _on_flapping(self, e: SensorFlapping) -> None:
        sensor = self.sensors.get(e.sensor_id)
        if sensor is None:
            raise KeyError(f"unknown sensor {e.sensor_id!r}")
        if e.flapping:
            sensor.flapping.add(e.rule_id)
        else:
            sensor.flapping.discard(e.rule_id)

    def _on_alarm_raised(self, e: AlarmRaised) -> None:
        if e.alarm_id in self.alarms:
            raise InvalidTransition(e.case_id or e.alarm_id, f"alarm {e.alarm_id} already raised")
        self.alarms[e.alarm_id] = Alarm(
            id=e.alarm_id,
            alarm_kind=e.alarm_kind,
            risk=e.risk,
            raised_at=e.at,
            sensor_id=e.sensor_id,
            rule_id=e.rule_id,
            case_id=e.case_id,
            area_id=e.area_id,
            detail=e.detail,
            flood_id=e.flood_id,
            resource_id=e.resource_id,
        )
        if e.sensor_id is not None and e.sensor_id in self.sensors:
            self.sensors[e.sensor_id].alarm_id = e.alarm_id
        if e.alarm_kind == LOW_STOCK and e.resource_id in self.resources:
            self.resources[e.resource_id].low_alarms[e.detail] = e.alarm_id
        case = self.cases.get(e.case_id or "")
        if case is not None and case.alarm_id != e.alarm_id:
            # The sensor alarmed again while its case is open: the case counts it and follows the new alarm.
            case.repeats += 1
            case.alarm_id = e.alarm_id

    def _alarm(self, alarm_id: str) -> Alarm:
        alarm = self.alarms.get(alarm_id)
        if alarm is None:
            raise KeyError(f"no such alarm {alarm_id!r}")
        return alarm

    def _on_alarm_repeated(self, e: AlarmRepeated) -> None:
        alarm = self._alarm(e.alarm_id)
        if alarm.state is AlarmState.CLEARED:
            raise InvalidTransition(alarm.case_id or alarm.id, f"alarm {alarm.id} is cleared")
        alarm.repeats += 1
        alarm.last_repeat_at = e.at
        if alarm.case_id in self.cases:
            self.cases[alarm.case_id].repeats += 1

    def _on_alarm_acknowledged(self, e: AlarmAcknowledged) -> None:
        alarm = self._alarm(e.alarm_id)
        if alarm.state is not AlarmState.ACTIVE:
            raise InvalidTransition(alarm.case_id or alarm.id, f"alarm {alarm.id} is {alarm.state.value}")
        members = [a for a in self.alarms.values() if a.flood_id == alarm.id and a.state is AlarmState.ACTIVE]
        for acknowledged in (alarm, *members):
            acknowledged.state, acknowledged.acknowledged_at = AlarmState.ACKNOWLEDGED, e.at
            acknowledged.acknowledged_by, acknowledged.comment = e.actor, e.comment

    def _on_alarm_shelved(self, e: AlarmShelved) -> None:
        alarm = self._alarm(e.alarm_id)
        if alarm.state is AlarmState.CLEARED:
            raise InvalidTransition(alarm.case_id or alarm.id, f"alarm {alarm.id} is cleared")
        if not e.reason.strip():
            raise InvalidTransition(alarm.case_id or alarm.id, "shelving an alarm needs a reason")
        if e.until <= e.at:
            raise InvalidTransition(alarm.case_id or alarm.id, "shelving must end after it starts")
        alarm.shelved_until, alarm.shelved_by, alarm.shelve_reason = e.until, e.actor, e.reason

    def _on_alarm_unshelved(self, e: AlarmUnshelved) -> None:
        alarm = self._alarm(e.alarm_id)
        if alarm.shelved_until is None:
            raise InvalidTransition(alarm.case_id or alarm.id, f"alarm {alarm.id} is not shelved")
        alarm.shelved_until = alarm.shelved_by = None

    def _on_alarm_cleared(self, e: AlarmCleared) -> None:
        alarm = self._alarm(e.alarm_id)
        if alarm.state is AlarmState.CLEARED:
            raise InvalidTransition(alarm.case_id or alarm.id, f"alarm {alarm.id} is already cleared")
        alarm.state, alarm.cleared_at = AlarmState.CLEARED, e.at
        sensor = self.sensors.get(alarm.sensor_id or "")
        if sensor is not None and sensor.alarm_id == alarm.id:
            sensor.alarm_id = None
        resource = self.resources.get(alarm.resource_id or "")
        if resource is not None and resource.low_alarms.get(alarm.detail) == alarm.id:
            del resource.low_alarms[alarm.detail]

    def _staff(self, staff_id: str) -> StaffState:
        staff = self.staff.get(staff_id)
        if staff is None:
            raise KeyError(f"unknown staff member {staff_id!r}")
        return staff

    def _on_staff_moved(self, e: StaffMoved) -> None:
        staff = self._staff(e.staff_id)
        x, y = self.street.projection.to_xy(e.lon, e.lat)
        staff.lon, staff.lat, staff.x, staff.y = e.lon, e.lat, float(x), float(y)
        staff.last_seen = e.at

    def _on_staff_status(self, e: StaffStatusChanged) -> None:
        staff = self._staff(e.staff_id)
        staff.status = e.status
        staff.last_seen = e.at

    # ------------------------------------------------------------ resources

    def _resource(self, resource_id: str) -> ResourceState:
        resource = self.resources.get(resource_id)
        if resource is None:
            raise KeyError(f"unknown resource {resource_id!r}")
        return resource

    def _assignment(self, resource_id: str, case_id: str) -> tuple[ResourceState, Assignment]:
        resource = self._resource(resource_id)
        assignment = resource.out.get(case_id)
        if assignment is None:
            raise KeyError(f"resource {resource_id}: nothing of it is out on case {case_id}")
        return resource, assignment

    def _on_resource_dispatched(self, e: ResourceDispatched) -> None:
        resource = self._resource(e.resource_id)
        case = self._case(e.case_id)
        if not case.status.open:
            raise InvalidTransition(case.id, f"case is {case.status.value}: nothing can be sent to it")
        if e.case_id in resource.out:
            raise InvalidTransition(case.id, f"resource {resource.id} is already out on this case")
        if not resource.free:
            raise InvalidTransition(case.id, f"vehicle {resource.id} is out on case {next(iter(resource.out))}")
        count = 0
        if e.item is not None:
            if e.count < 1:
                raise InvalidTransition(case.id, f"send at least one {e.item}, not {e.count}")
            on_shelf = resource.stock.get(e.item, 0)
            if on_shelf < e.count:
                raise InvalidTransition(case.id, f"resource {resource.id} has {on_shelf} {e.item} on the shelf, "
                                                 f"not {e.count}")
            resource.stock[e.item] = on_shelf - e.count
            count = e.count
        elif resource.resource.kind is not ResourceKind.VEHICLE:
            raise InvalidTransition(case.id, f"resource {resource.id} is not a vehicle: say which item it sends")
        resource.out[case.id] = Assignment(case.id, e.at, e.item, count, eta_minutes=e.eta_minutes)

    def _on_resource_arrived(self, e: ResourceArrived) -> None:
        _, assignment = self._assignment(e.resource_id, e.case_id)
        assignment.arrived_at = assignment.arrived_at or e.at

    def _on_resource_returned(self, e: ResourceReturned) -> None:
        resource, assignment = self._assignment(e.resource_id, e.case_id)
        if assignment.item is not None and assignment.count:
            resource.stock[assignment.item] = resource.stock.get(assignment.item, 0) + assignment.count
        del resource.out[e.case_id]

    def _on_item_used(self, e: ItemUsed) -> None:
        if e.count < 1:
            raise KeyError(f"resource {e.resource_id}: use at least one {e.item}, not {e.count}")
        if e.case_id is not None:
            resource, assignment = self._assignment(e.resource_id, e.case_id)
            if assignment.item != e.item or assignment.count < e.count:
                raise KeyError(f"resource {resource.id}: {assignment.count} {assignment.item or 'items'} "
                               f"out on case {e.case_id}, cannot use {e.count} {e.item}")
            assignment.count -= e.count
            return
        resource = self._resource(e.resource_id)
        on_shelf = resource.stock.get(e.item, 0)
        if on_shelf < e.count:
            raise KeyError(f"resource {resource.id}: {on_shelf} {e.item} on the shelf, cannot use {e.count}")
        resource.stock[e.item] = on_shelf - e.count

    def _on_item_restocked(self, e: ItemRestocked) -> None:
        resource = self._resource(e.resource_id)
        if e.count < 1:
            raise KeyError(f"resource {resource.id}: restock at least one {e.item}, not {e.count}")
        if e.item not in self.categories.items:
            raise KeyError(f"resource {resource.id}: {e.item!r} is not an item of the catalogue")
        resource.stock[e.item] = resource.stock.get(e.item, 0) + e.count
        # A delivery larger than the shelf was planned for makes the shelf that large.
        resource.capacity[e.item] = max(resource.capacity.get(e.item, 0), resource.held(e.item))

    def _on_vehicle_moved(self, e: VehicleMoved) -> None:
        resource = self._resource(e.vehicle_id)
        if resource.resource.kind is not ResourceKind.VEHICLE:
            raise KeyError(f"resource {e.vehicle_id!r} is not a vehicle")
        x, y = self.street.projection.to_xy(e.lon, e.lat)
        resource.lon, resource.lat, resource.x, resource.y = e.lon, e.lat, float(x), float(y)
        resource.last_seen = e.at

    def sent_to(self, case_id: str) -> list[tuple[ResourceState, Assignment]]:
        """The resources out on a case with what each sent, in resource id order."""
        return [(r, r.out[case_id]) for r in self.resources.values() if case_id in r.out]

    # ------------------------------------------------------------ queries

    def open_cases(self) -> list[Case]:
        """Cases not yet resolved, merged or rejected."""
        return [c for c in self.cases.values() if c.status.open]

    def active_alarms(self) -> list[Alarm]:
        """Alarms not yet acknowledged, most urgent and newest first."""
        alarms = [a for a in self.alarms.values() if a.needs_attention]
        alarms.sort(key=lambda a: (-a.risk.rank, -a.raised_at.timestamp(), a.id))
        return alarms

    def annunciated_alarms(self) -> list[Alarm]:
        """Alarms the operator must acknowledge now (not shelved, not within a flood), most urgent and newest first."""
        return [a for a in self.active_alarms() if a.annunciated]

    def case(self, case_id: str) -> Case:
        """The case ``case_id``; :class:`TwinError` if there is none."""
        case = self.cases.get(case_id)
        if case is None:
            raise TwinError(f"case {case_id}: no such case")
        return case

    def next_case_id(self, at: datetime) -> str:
        """A new case id for a report at ``at``: K + local date + a daily counter."""
        day = at.astimezone(LOCAL_TZ).strftime("%Y%m%d")
        n = self._case_counter.get(day, 0)
        while True:
            n += 1
            case_id = f"K{day}-{n:04d}"
            if case_id not in self.cases:
                self._case_counter[day] = n
                return case_id

    def shifts_on(self, at: datetime) -> frozenset[str]:
        """The ids of the street's shifts that cover the local time of ``at``."""
        local: time = at.astimezone(LOCAL_TZ).time()
        return frozenset(shift.id for shift in self.street.shifts if shift.covers(local))

    def cases_frame(self) -> pd.DataFrame:
        """All cases in the incident log column layout (for KPIs and exports)."""
        rows = [
            {
                "case_id": c.id,
                "reported_at": c.reported_at,
                "category": c.category,
                "risk_level": c.risk.value,
                "source": c.source.value,
                "community": c.community_id,
                "general_grid": c.general_grid_id,
                "micro_grid": c.micro_grid_id,
                "lon": c.lon,
                "lat": c.lat,
                "triaged_at": c.triaged_at,
                "dispatched_at": c.dispatched_at,
                "accepted_at": c.accepted_at,
                "on_scene_at": c.on_scene_at,
                "resolved_at": c.resolved_at,
                "closed_at": c.closed_at,
                "assignee": c.assignee,
                "owner_level": c.owner_level.value,
                "escalations": c.escalations,
                "satisfaction": c.satisfaction,
                "reopened": c.reopened,
                "first_resolved_at": c.first_resolved_at,
                "reopened_at": c.reopened_at,
                "status": c.status.value,
            }
            for c in self.cases.values()
        ]
        frame = pd.DataFrame(rows, columns=list(CASE_FRAME_COLUMNS))
        for column in TIME_COLUMNS:
            frame[column] = pd.to_datetime(frame[column], utc=True)
        return frame

    # ------------------------------------------------------------ operator commands

    def command(self, event: Event) -> list[Event]:
        """Apply an operator's command event; refusals raise :class:`TwinError` with the reason.

        Every command method goes through here, so the authorizer (roles and areas) sees every
        state-changing action whichever window or script asked for it.
        """
        if self.authorizer is not None:
            self.authorizer(self, event)
        return self.apply(event)

    def _stamp(self, at: datetime | None) -> datetime:
        if at is not None:
            return at
        if self.now is None:
            raise TwinError("the twin has no clock yet; give the time of the action")
        return self.now

    def triage(self, case_id: str, category: str, risk: RiskLevel, owner_level: OwnerLevel,
               actor: str, at: datetime | None = None) -> list[Event]:
        """Triage a case (研判): set category, risk and the owning level."""
        return self.command(CaseTriaged(self._stamp(at), case_id, category, risk, owner_level, actor))

    def dispatch(self, case_id: str, assignee: str, actor: str, reason: str = "",
                 at: datetime | None = None, eta_minutes: float | None = None) -> list[Event]:
        """Dispatch a case to a person or department team, with their estimated arrival if known.

        :func:`cockpit.recommender.dispatch` estimates the arrival as the operator's ranked list does.
        """
        self.case(case_id)
        if assignee not in self.staff:
            raise TwinError(f"case {case_id}: unknown assignee {assignee!r}")
        return self.command(CaseDispatched(self._stamp(at), case_id, assignee, actor, eta_minutes, reason))

    def accept(self, case_id: str, actor: str, at: datetime | None = None) -> list[Event]:
        return self.command(CaseAccepted(self._stamp(at), case_id, actor))

    def arrive(self, case_id: str, actor: str, at: datetime | None = None) -> list[Event]:
        return self.command(CaseOnScene(self._stamp(at), case_id, actor))

    def resolve(self, case_id: str, actor: str, note: str = "", at: datetime | None = None) -> list[Event]:
        return self.command(CaseResolved(self._stamp(at), case_id, actor, note))

    def feedback(self, case_id: str, rating: int, fixed: bool, actor: str,
                 at: datetime | None = None) -> list[Event]:
        return self.command(CaseFeedback(self._stamp(at), case_id, rating, fixed, actor))

    def close(self, case_id: str, actor: str, reason: str = "", at: datetime | None = None) -> list[Event]:
        return self.command(CaseClosed(self._stamp(at), case_id, actor, reason))

    def escalate(self, case_id: str, actor: str, reason: str, at: datetime | None = None) -> list[Event]:
        """Escalate one level up (grid → community → street); a reason is required."""
        case = self.case(case_id)
        above = case.owner_level.above()
        if above is None:
            raise TwinError(f"case {case_id}: already owned by the street; nothing is above it")
        return self.command(CaseEscalated(self._stamp(at), case_id, above, actor, reason))

    def merge(self, case_id: str, into_case_id: str, actor: str, reason: str,
              at: datetime | None = None) -> list[Event]:
        return self.command(CaseMerged(self._stamp(at), case_id, into_case_id, actor, reason))

    def reopen(self, case_id: str, actor: str, reason: str, at: datetime | None = None) -> list[Event]:
        return self.command(CaseReopened(self._stamp(at), case_id, actor, reason))

    def reject(self, case_id: str, actor: str, reason: str, at: datetime | None = None) -> list[Event]:
        return self.command(CaseRejected(self._stamp(at), case_id, actor, reason))

    def acknowledge(self, alarm_id: str, actor: str, at: datetime | None = None, comment: str = "") -> list[Event]:
        """Acknowledge an alarm, with an optional comment; the acknowledgement is recorded as an event."""
        return self.command(AlarmAcknowledged(self._stamp(at), alarm_id, actor, comment.strip()))

    def shelve(self, alarm_id: str, actor: str, reason: str, until: datetime,
               at: datetime | None = None) -> list[Event]:
        """Shelve an alarm until ``until`` (it leaves the banner meanwhile); a reason is required."""
        return self.command(AlarmShelved(self._stamp(at), alarm_id, until, actor, reason.strip()))

    def unshelve(self, alarm_id: str, actor: str, at: datetime | None = None) -> list[Event]:
        """Put a shelved alarm back on the banner before its shelving expires."""
        return self.command(AlarmUnshelved(self._stamp(at), alarm_id, actor, "unshelved by the operator"))

    def dispatch_resource(self, case_id: str, resource_id: str, actor: str, item: str | None = None,
                          count: int = 1, at: datetime | None = None,
                          eta_minutes: float | None = None) -> list[Event]:
        """Send a vehicle, or ``count`` units of ``item`` from a station or cache, to a case.

        :func:`cockpit.item_offers.dispatch_item` estimates the arrival as the offered list does.
        """
        self.case(case_id)
        if resource_id not in self.resources:
            raise TwinError(f"case {case_id}: unknown resource {resource_id!r}")
        return self.command(ResourceDispatched(self._stamp(at), resource_id, case_id, item, count, actor,
                                               eta_minutes))

    def return_resource(self, case_id: str, resource_id: str, actor: str,
                        at: datetime | None = None) -> list[Event]:
        """Record that what ``resource_id`` sent to a case is back."""
        return self.command(ResourceReturned(self._stamp(at), resource_id, case_id, actor))

    def restock(self, resource_id: str, item: str, count: int, actor: str,
                at: datetime | None = None) -> list[Event]:
        """Record ``count`` units of ``item`` put on a station's or cache's shelf."""
        return self.command(ItemRestocked(self._stamp(at), resource_id, item, count, actor))


    def tick(self, at: datetime) -> list[Event]:
        """Advance the clock to ``at``; derivers add overdue marks, escalations and alarms."""
        return self.apply(ClockTick(at))



def _resource_state(street: Street, resource: Resource) -> ResourceState:
    x, y = street.projection.to_xy(resource.lon, resource.lat)
    return ResourceState(
        resource, resource.lon, resource.lat, float(x), float(y),
        stock={s.item: s.count for s in resource.stock},
        capacity={s.item: s.capacity for s in resource.stock},
    )
