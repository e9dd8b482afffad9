"""Low stock: a station or cache that holds too few of an item raises an alarm until it is restocked.

An item's threshold is data (``low_stock`` of the item catalogue in resources/categories.toml: a
share of the shelf's capacity). What counts is what the place holds, on the shelf and out on cases
(units sent to a case come back); units used up or a restock change it. :class:`StockMonitor` is a
*deriver* of :class:`~cockpit.twin.TwinState`, like the SLA monitor: a function of the state and the
event just applied that returns the alarms it implies, dated at that event.
"""

from __future__ import annotations

from dataclasses import dataclass

from cockpit.records import ResourceState
from cockpit.twin import LOW_STOCK, TwinState
from cockpit.vocabulary.domain import AlarmState, RiskLevel
from cockpit.vocabulary.events import AlarmCleared, AlarmRaised, ClockTick, Event, ItemRestocked, ItemUsed


def low_items(state: TwinState, resource: ResourceState) -> list[str]:
    """The catalogue items ``resource`` holds too few of, in catalogue order."""
    items = state.categories.items
    return [code for code, item in items.items()
            if item.low(resource.held(code), resource.capacity.get(code, 0))]


@dataclass
class StockMonitor:
    """Raises a low-stock alarm when a place's stock of an item falls below its threshold, clears it on restock.

    Looks at the place an ItemUsed or ItemRestocked names, and at every place on the first clock tick
    (stock that was already low when the twin started). Emits AlarmRaised (``low_stock``, yellow,
    naming the resource, its micro-grid and the item) and AlarmCleared. Alarm ids derive from the
    place, the item and the moment, so a restarted twin re-deriving them finds them already raised.
    """

    _started: bool = False

    def __call__(self, state: TwinState, event: Event) -> list[Event]:
        if isinstance(event, (ItemUsed, ItemRestocked)):
            places = [state.resources[event.resource_id]]
        elif isinstance(event, ClockTick) and not self._started:
            self._started = True
            places = list(state.resources.values())
        else:
            return []
        derived: list[Event] = []
        for resource in places:
            low = set(low_items(state, resource))
            for item in state.categories.items:
                alarm_id = resource.low_alarms.get(item)
                if item in low and alarm_id is None:
                    derived.append(low_stock_alarm(resource, item, event))
                elif item not in low and alarm_id is not None:
                    if state.alarms[alarm_id].state is not AlarmState.CLEARED:
                        derived.append(AlarmCleared(event.at, alarm_id, "restocked"))
        return derived


def low_stock_alarm(resource: ResourceState, item: str, event: Event) -> AlarmRaised:
    """The low-stock alarm of ``item`` at ``resource``, raised by ``event``."""
    stamp = event.at.strftime("%Y%m%dT%H%M%S")
    return AlarmRaised(event.at, f"ALM-LOW-{resource.id}-{item}-{stamp}", LOW_STOCK, RiskLevel.YELLOW,
                       area_id=resource.resource.micro_grid_id, detail=item, resource_id=resource.id)
