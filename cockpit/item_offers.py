"""The nearest available item for a case: what the operator sends beside the person.

A case category names the items it needs on scene, any one of them (resources/categories.toml:
a waterlogged basement a pump, a fire hazard an extinguisher, an elderly emergency an AED or a
first-aid kit). For such a case this module offers, per item, the stations and caches that have it
on the shelf and are open now, nearest by road first (by the item's travel mode: an AED on an
e-bike, a pump by van), with the reason each is offered: the nearest of all, or the nearest that
can give one now because nearer places are closed or have theirs out on other cases. Dispatching
an offer records its estimated arrival, as the people's list does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np

from cockpit.records import Case, ResourceState
from cockpit.travel.model import street_travel
from cockpit.twin import TwinState
from cockpit.vocabulary.events import Event
from cockpit.vocabulary.local_time import LOCAL_TZ

OFFERS_PER_ITEM = 3
"""Places offered for each item a case needs."""


@dataclass(frozen=True, slots=True)
class ItemOffer:
    """One place that can send an item to a case, and why it is offered.

    ``reason`` is a code the UI translates: ``nearest`` (no place is nearer), ``nearer_closed``
    (a nearer place is closed now), ``nearer_out`` (nearer places have theirs out on other cases or
    used up), ``next`` (a further choice after the first offer). ``skipped`` names the nearer places
    passed over.
    """

    resource_id: str
    item: str
    on_shelf: int
    eta_minutes: float
    mode: str
    reason: str
    skipped: tuple[str, ...] = ()


def needed_items(twin: TwinState, case: Case) -> tuple[str, ...]:
    """The items a case's category needs on scene, any one of them (empty: none)."""
    return twin.categories[case.category].items


def item_offers(twin: TwinState, case_id: str, limit: int = OFFERS_PER_ITEM,
                at: datetime | None = None) -> list[ItemOffer]:
    """For each item the case needs, the nearest places by road that can send one now, nearest first.

    Parameters
    ----------
    twin
        The live state: stock on the shelves, what is out on cases.
    case_id
        The case.
    limit
        Offers per item.
    at
        The moment whose opening hours count (default the twin's clock).
    """
    case = twin.case(case_id)
    when = at or twin.now
    clock = when.astimezone(LOCAL_TZ).time() if when is not None else None
    offers: list[ItemOffer] = []
    for code in needed_items(twin, case):
        stocking = [r for r in twin.resources.values() if r.capacity.get(code, 0) > 0]
        if not stocking:
            continue
        mode = twin.categories.items[code].mode
        minutes = _minutes_to(twin, case, stocking, mode)
        order = np.argsort(minutes, kind="stable")
        closed: list[str] = []
        empty: list[str] = []
        found = 0
        for index in order.tolist():
            place = stocking[index]
            if not np.isfinite(minutes[index]):
                break
            if clock is not None and not place.resource.is_open(clock):
                closed.append(place.id)
                continue
            on_shelf = place.stock.get(code, 0)
            if on_shelf <= 0:
                empty.append(place.id)
                continue
            reason = "next" if found else "nearer_closed" if closed else "nearer_out" if empty else "nearest"
            offers.append(ItemOffer(place.id, code, on_shelf, float(minutes[index]), mode, reason,
                                    () if found else tuple(closed + empty)))
            found += 1
            if found == limit:
                break
    return offers


def _minutes_to(twin: TwinState, case: Case, places: list[ResourceState], mode: str) -> np.ndarray:
    """Minutes by ``mode`` from each place to the case."""
    travel = street_travel(twin.street)
    x, y = twin.street.projection.to_xy(case.lon, case.lat)
    origins = travel.places(np.array([(p.x, p.y) for p in places], dtype=float))
    return travel.matrix(mode, origins, travel.places(np.array([(x, y)], dtype=float)))[:, 0]


def dispatch_item(twin: TwinState, case_id: str, resource_id: str, item: str, actor: str, count: int = 1,
                  at: datetime | None = None) -> list[Event]:
    """Send ``count`` units of ``item`` from a place to a case through the twin's command door.

    Records the place's estimated arrival by road as :func:`item_offers` shows it. Raises
    :class:`~cockpit.twin.TwinError` (with the reason) as the twin's command does.
    """
    case = twin.case(case_id)
    place = twin.resources.get(resource_id)
    eta = None
    if place is not None and item in twin.categories.items:
        eta = float(_minutes_to(twin, case, [place], twin.categories.items[item].mode)[0])
    return twin.dispatch_resource(case_id, resource_id, actor, item, count, at,
                                  None if eta is None or not np.isfinite(eta) else eta)
