"""The authorizer: every operator command is checked against the actor's role and area.

:class:`TwinState.command` calls the authorizer before it applies an operator's event, whichever
window, script or test issued it. Events that arrive from sensors, field terminals and feeds go
through :meth:`TwinState.apply` and are not checked here: their senders are authenticated by the
MQTT broker (per-device credentials and topic ACLs, see resources/mosquitto/).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from cockpit.records import Alarm
from cockpit.security.permissions import (
    EVENT_ACTIONS,
    Action,
    PermissionDenied,
    UserLookup,
    audited_check,
    check,
)
from cockpit.storage.audit import AuditLog
from cockpit.street.model import Street
from cockpit.twin import TwinError, TwinState
from cockpit.vocabulary.events import (
    AlarmAcknowledged,
    AlarmShelved,
    AlarmUnshelved,
    CaseMerged,
    Event,
    ItemRestocked,
)

ALARM_COMMANDS = (AlarmAcknowledged, AlarmShelved, AlarmUnshelved)
"""Operator commands on an alarm (handled, like acknowledging, in the alarm's community)."""

__all__ = ["Authorizer", "PermissionDenied", "alarm_community", "check", "community_of_area"]

log = logging.getLogger(__name__)

ExportCheck = Callable[[str, str], None]
"""Called with (what, where to) before an export; raises PermissionDenied to refuse it. A session's
is ``functools.partial(authorizer.exporting, username)``."""


def community_of_area(street: Street, area_id: str | None) -> str | None:
    """The community of a community, general-grid or micro-grid id (None if it names none)."""
    if area_id is None:
        return None
    if street.has("communities", area_id):
        return area_id
    if street.has("general_grids", area_id):
        return street.general_grid(area_id).community_id
    if street.has("micro_grids", area_id):
        return street.micro_grid(area_id).community_id
    return None


def alarm_community(twin: TwinState, alarm: Alarm) -> str | None:
    """The community an alarm is in: its case's, else its sensor's, else its area's."""
    if alarm.case_id is not None and alarm.case_id in twin.cases:
        return twin.cases[alarm.case_id].community_id
    if alarm.sensor_id is not None and twin.street.has("sensors", alarm.sensor_id):
        return community_of_area(twin.street, twin.street.sensor(alarm.sensor_id).micro_grid_id)
    return community_of_area(twin.street, alarm.area_id)


class Authorizer:
    """Checks operator commands for :class:`~cockpit.twin.TwinState` (its ``authorizer`` argument).

    Owns nothing but the user lookup; emits nothing. The event's ``actor`` is the user name; the
    community of the case (or of the alarm's case, sensor or area; of a restocked resource) decides
    whether a scoped user is in area. A merge needs both cases in area.

    Parameters
    ----------
    users
        ``username -> User | None``, e.g. :meth:`UserStore.get` (read on every command so that a
        disabled account stops at once) or ``dict.get`` in tests.
    audit
        When given, every refusal is recorded there too (action ``denied.<action>``), so that an
        auditor sees attempts, not only deeds.
    """

    def __init__(self, users: UserLookup, audit: AuditLog | None = None) -> None:
        self.users = users
        self.audit = audit

    def __call__(self, twin: TwinState, event: Event) -> None:
        action = EVENT_ACTIONS.get(type(event))
        if action is None:
            raise PermissionDenied(f"{type(event).__name__} is not an operator command")
        actor = getattr(event, "actor", "")
        for target, area in self._targets(twin, event):
            try:
                audited_check(self.audit, self.users, actor, action, area, target, at=event.at)
            except PermissionDenied as denied:
                log.warning("refused: %s", denied)
                raise

    def exporting(self, username: str, what: str, destination: str) -> None:
        """Let ``username`` export ``what`` (cases, a report, a debrief, scenario results) to
        ``destination`` if the account may export now, and record it in the audit log; else refuse (audited).

        Raises
        ------
        PermissionDenied
            The account is unknown, disabled or its role may not export.
        """
        audited_check(self.audit, self.users, username, Action.EXPORT, target=what)
        if self.audit is not None:
            self.audit.append(username, "export", what, after={"to": destination})

    @staticmethod
    def _targets(twin: TwinState, event: Event) -> list[tuple[str, str | None]]:
        if isinstance(event, ALARM_COMMANDS):
            alarm = twin.alarms.get(event.alarm_id)
            if alarm is None:
                raise TwinError(f"no such alarm {event.alarm_id!r}")
            return [(f"alarm {alarm.id}", alarm_community(twin, alarm))]
        if isinstance(event, ItemRestocked):
            resource = twin.resources.get(event.resource_id)
            if resource is None:
                raise TwinError(f"unknown resource {event.resource_id!r}")
            return [(f"resource {resource.id}", community_of_area(twin.street, resource.resource.micro_grid_id))]
        case_ids = [event.case_id]  # type: ignore[attr-defined]
        if isinstance(event, CaseMerged):
            case_ids.append(event.into_case_id)
        targets = []
        for case_id in case_ids:
            case = twin.cases.get(case_id)
            if case is None:
                raise TwinError(f"case {case_id}: no such case")
            targets.append((f"case {case_id}", case.community_id))
        return targets
