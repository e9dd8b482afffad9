"""SLA clocks and the rules that react to them: overdue marks, escalation, late arrival, red-case and area alarms.

Every case must be accepted within 2 h and resolved within its risk level's deadline (blue 24 h,
yellow 48 h, red 72 h). When the resolve deadline passes, the case is marked overdue and raises an
alarm; it escalates one level (grid → community → street) by the one rule of
:mod:`cockpit.escalation`, and again each time another deadline's length passes with it open.
Whoever a case is dispatched to must be on scene within its category's on-scene limit, or an alarm
says so. A community whose open cases are more than 10 % overdue raises an area alarm, cleared when
it falls back. A red case raises an alarm at once. These are *derivers* for
:class:`~cockpit.twin.TwinState`: functions of the state and the event just applied that return the
events they imply, dated at the moment the rule fired.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from cockpit.escalation import escalation_due, levels_above
from cockpit.records import Case
from cockpit.stock import StockMonitor
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import AlarmState, RiskLevel
from cockpit.vocabulary.events import (
    AlarmCleared,
    AlarmRaised,
    AlarmUnshelved,
    CaseEscalated,
    CaseOverdue,
    CaseReported,
    CaseTriaged,
    ClockTick,
    Event,
)
from cockpit.vocabulary.targets import AREA_OVERDUE_ALARM_RATE

ON_SCENE_LATE = "on_scene_late"
"""Alarm kind: nobody on scene within the category's on-scene limit of the dispatch."""

AREA_MIN_OPEN_CASES = 5
"""An area needs this many open cases before its overdue rate can raise an alarm (avoids 1 of 1 = 100 %)."""


@dataclass
class SlaMonitor:
    """On each clock tick: overdue marks, automatic escalation with an alarm, and area alarms.

    Emits CaseOverdue, CaseEscalated (automatic), AlarmRaised ("overdue", "on_scene_late", "area") and
    AlarmCleared.
    ``escalate=False`` keeps the marks and alarms but leaves escalation to a recorded stream.
    """

    escalate: bool = True
    area_alarms: bool = True
    _area_alarm: dict[str, str] = field(default_factory=dict)
    _area_serial: int = 0

    def __call__(self, state: TwinState, event: Event) -> list[Event]:
        if not isinstance(event, ClockTick):
            return []
        derived: list[Event] = []
        now = event.at
        for case in state.open_cases():
            if not case.response_overdue_marked and case.accepted_at is None and now > case.response_due:
                derived.append(CaseOverdue(case.response_due, case.id, "response"))
            if not case.resolve_overdue_marked and now > case.resolve_due:
                derived.extend(self._resolve_overdue(case, case.resolve_due))
            if self.escalate:
                derived.extend(_escalations_due(case, now))
            derived.extend(on_scene_late(state, case, now))
        if self.area_alarms:
            derived.extend(self._area_events(state, event))
        return derived

    @staticmethod
    def _resolve_overdue(case: Case, at: datetime) -> list[Event]:
        # A reopened case can pass its deadline again: the reopen count keeps alarm ids unique.
        return [
            CaseOverdue(at, case.id, "resolve"),
            AlarmRaised(at, f"ALM-OVD-{case.id}-{case.reopened}", "overdue", RiskLevel.RED,
                        case_id=case.id, detail="resolve deadline passed"),
        ]

    def _area_events(self, state: TwinState, tick: ClockTick) -> list[Event]:
        rates = area_overdue_rates(state)
        events: list[Event] = []
        for area, (rate, open_count) in sorted(rates.items()):
            alarm_id = self._area_alarm.get(area)
            alarming = open_count >= AREA_MIN_OPEN_CASES and rate > AREA_OVERDUE_ALARM_RATE
            if alarming and alarm_id is None:
                self._area_serial += 1
                alarm_id = f"ALM-AREA-{area}-{self._area_serial}"
                self._area_alarm[area] = alarm_id
                events.append(
                    AlarmRaised(tick.at, alarm_id, "area", RiskLevel.YELLOW, area_id=area,
                                detail=f"{rate:.0%} of {open_count} open cases overdue")
                )
            elif not alarming and alarm_id is not None:
                del self._area_alarm[area]
                if state.alarms[alarm_id].state is not AlarmState.CLEARED:
                    events.append(AlarmCleared(tick.at, alarm_id, "overdue rate back under 10 %"))
        for area in set(self._area_alarm) - set(rates):
            alarm_id = self._area_alarm.pop(area)
            if state.alarms[alarm_id].state is not AlarmState.CLEARED:
                events.append(AlarmCleared(tick.at, alarm_id, "no open cases"))
        return events


def on_scene_late(state: TwinState, case: Case, now: datetime) -> list[Event]:
    """An alarm when nobody is on scene within the category's on-scene limit of the first dispatch.

    The limit (``on_scene_minutes`` of resources/categories.toml, e.g. city management on scene
    within 2 h of a damaged waste facility) binds whoever the case went to: a grid worker or the
    responsible department's team. One alarm per case, dated when the limit passed.
    """
    if case.dispatched_at is None or case.on_scene_at is not None:
        return []
    category = state.categories[case.category]
    due = case.dispatched_at + category.on_scene_limit
    alarm_id = on_scene_alarm_id(case.id)
    if now <= due or alarm_id in state.alarms:
        return []
    return [AlarmRaised(due, alarm_id, ON_SCENE_LATE, case.risk, case_id=case.id,
                        detail=category.department.value)]


def on_scene_alarm_id(case_id: str) -> str:
    """The id of a case's late-on-scene alarm (one per case)."""
    return f"ALM-OSL-{case_id}"


def _escalations_due(case: Case, now: datetime) -> list[Event]:
    """The escalations of :mod:`cockpit.escalation` that fell due by ``now``, each one level up."""
    events: list[Event] = []
    level, done = case.owner_level, case.escalations
    for _ in range(levels_above(level)):
        due = escalation_due(case.reported_at, case.risk.resolve_within, done + 1)
        if now <= due:
            break
        level, done = level.above(), done + 1
        events.append(CaseEscalated(due, case.id, level, "system", "resolve deadline passed", True))
    return events


def area_overdue_rates(state: TwinState) -> dict[str, tuple[float, int]]:
    """For each community with open cases: (share of its open cases past the resolve deadline, open count)."""
    now = state.now
    counts: dict[str, list[int]] = {}
    for case in state.open_cases():
        tally = counts.setdefault(case.community_id, [0, 0])
        tally[1] += 1
        if now is not None and case.overdue(now):
            tally[0] += 1
    return {area: (overdue / total, total) for area, (overdue, total) in counts.items()}


def red_case_alarms(state: TwinState, event: Event) -> list[Event]:
    """A case that is reported or triaged red raises a red-case alarm, unless one already covers it.

    A case a sensor alarm opened is covered by that alarm (raised with the report); one triaged red
    later is covered only by a red alarm.
    """
    if not isinstance(event, (CaseReported, CaseTriaged)):
        return []
    case = state.cases.get(event.case_id)
    if case is None or case.risk is not RiskLevel.RED:
        return []
    alarm_id = f"ALM-RED-{case.id}"
    covering = state.alarms.get(case.alarm_id or "")
    if alarm_id in state.alarms or (covering is not None and covering.risk is RiskLevel.RED):
        return []
    if isinstance(event, CaseReported) and event.alarm_id is not None:
        return []
    return [AlarmRaised(event.at, alarm_id, "red_case", RiskLevel.RED, case_id=case.id,
                        detail=case.category)]


def shelving_expiry(state: TwinState, event: Event) -> list[Event]:
    """On a clock tick, alarms whose shelving has run out come back (dated when it ran out)."""
    if not isinstance(event, ClockTick):
        return []
    return [AlarmUnshelved(alarm.shelved_until, alarm.id, "system", "shelving expired")
            for alarm in state.alarms.values()
            if alarm.shelved_until is not None and alarm.shelved_until <= event.at]


def live_derivers() -> list:
    """The rules a live or simulated twin runs: red-case alarms, the SLA monitor, shelving expiry and
    low stock."""
    return [red_case_alarms, SlaMonitor(), shelving_expiry, StockMonitor()]
