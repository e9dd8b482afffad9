"""Alarms and their life cycle (active → acknowledged → cleared), projected from alarm events.

Like the case projection, this mirrors what the twin has already accepted; it keeps the alarm
history queryable after a restart and for exports.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from cockpit.storage.db import Database
from cockpit.storage.models import AlarmRow
from cockpit.vocabulary.domain import AlarmState
from cockpit.vocabulary.events import AlarmAcknowledged, AlarmCleared, AlarmRaised, AlarmRepeated, Event

ALARM_EVENTS = (AlarmRaised, AlarmRepeated, AlarmAcknowledged, AlarmCleared)


class AlarmStore:
    """Owns the ``alarms`` table. Emits nothing."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def apply(self, events: Iterable[Event]) -> int:
        """Project a batch of events in one transaction; non-alarm events are skipped.

        Returns
        -------
        int
            The number of alarm events applied.

        Raises
        ------
        KeyError
            An event names an alarm neither stored nor raised earlier in the batch; nothing is stored.
        """
        batch = [e for e in events if isinstance(e, ALARM_EVENTS)]
        if not batch:
            return 0
        ids = {e.alarm_id for e in batch}
        with self.db.transaction() as session:
            alarms = {a.id: a for a in session.scalars(select(AlarmRow).where(AlarmRow.id.in_(ids)))}
            for e in batch:
                if isinstance(e, AlarmRaised):
                    if e.alarm_id in alarms:
                        raise KeyError(f"alarm {e.alarm_id}: already stored")
                    row = AlarmRow(
                        id=e.alarm_id, kind=e.alarm_kind, risk=e.risk.value, sensor_id=e.sensor_id,
                        rule_id=e.rule_id, case_id=e.case_id, area_id=e.area_id, detail=e.detail,
                        state=AlarmState.ACTIVE.value, raised_at=e.at, repeats=0,
                    )
                    session.add(row)
                    alarms[e.alarm_id] = row
                    continue
                row = alarms.get(e.alarm_id)
                if row is None:
                    raise KeyError(f"alarm {e.alarm_id}: not stored; its AlarmRaised must come first")
                if isinstance(e, AlarmRepeated):
                    row.repeats += 1
                elif isinstance(e, AlarmAcknowledged):
                    row.state = AlarmState.ACKNOWLEDGED.value
                    row.acknowledged_at, row.acknowledged_by = e.at, e.actor
                else:
                    row.state, row.cleared_at = AlarmState.CLEARED.value, e.at
        return len(batch)

    def alarms(self, state: AlarmState | None = None) -> list[AlarmRow]:
        """Stored alarms oldest first, optionally only those in ``state``."""
        query = select(AlarmRow).order_by(AlarmRow.raised_at, AlarmRow.id)
        if state is not None:
            query = query.where(AlarmRow.state == state.value)
        with self.db.session() as session:
            return list(session.scalars(query))
