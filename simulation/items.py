"""Emergency items in the street simulation: a case that needs one waits until it is brought.

A category names the items it needs on scene, any one of them (resources/categories.toml). When a
scenario has a ``[resources]`` table, such a case is worked only when both the person and an item
are there: at dispatch the item comes from the station or cache, among those holding one, that gets
it there first by road (by the item's own travel mode: an AED on an e-bike, a pump by van), counting
the time until that place opens and until one of its units is back from an earlier case. The unit
is then out until the case is resolved and it has travelled back. A case settled without a visit
(the stage table's ``no_visit``) fetches none. A placement plan (``cockpit resources plan --json``)
moves units or adds sites, one unit each, open round the clock; with it (or with ``resources.item``)
the cases of every category that lists that item need that very item, as a cardiac arrest needs the
defibrillator and not the first-aid kit.

:class:`StreetItems` is the part that belongs to the street (its places and travel model: built once
per process, shipped to worker processes with the street model); :class:`ItemPlan` the scenario's
part; :class:`ItemSupply` one replication's units.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

import numpy as np

from cockpit.travel.model import Places, TravelModel, street_travel
from cockpit.vocabulary.categories import CategoryTable, default_categories
from simulation import fields as f
from simulation.model import ScenarioError
from simulation.shifts import MINUTES_PER_DAY, MINUTES_PER_HOUR

if TYPE_CHECKING:
    from cockpit.street.model import Resource, Street


@dataclass(frozen=True)
class ItemPlace:
    """A station or cache as the simulation sees it: where (metres), its units per item, its opening hours.

    ``hours`` are (start, end) minutes of the day; empty: round the clock.
    """

    id: str
    x: float
    y: float
    units: Mapping[str, int]
    hours: tuple[tuple[float, float], ...] = ()

    def open_from(self, t: float) -> float:
        """The first moment at or after ``t`` (simulated minutes) when the place is open."""
        if not self.hours:
            return t
        day_start = math.floor(t / MINUTES_PER_DAY) * MINUTES_PER_DAY
        clock = t - day_start
        if any(start <= clock < end for start, end in self.hours):
            return t
        later = [start for start, _ in self.hours if start > clock]
        if later:
            return day_start + min(later)
        return day_start + MINUTES_PER_DAY + min(start for start, _ in self.hours)


def item_place(resource: "Resource", x: float, y: float) -> ItemPlace:
    """The simulation's view of a street resource with stock."""
    hours = tuple((a.hour * MINUTES_PER_HOUR + a.minute, b.hour * MINUTES_PER_HOUR + b.minute)
                  for a, b in resource.hours)
    return ItemPlace(resource.id, x, y, {s.item: s.count for s in resource.stock if s.count > 0}, hours)


@dataclass(frozen=True)
class StreetItems:
    """Everything a street holds of the items, and how to travel on it (cheap to send to a worker)."""

    street_id: str
    places: tuple[ItemPlace, ...]
    travel: TravelModel


def street_items(street: "Street") -> StreetItems:
    """The stations and caches of ``street`` that hold stock, and its travel model (roads if it has them)."""
    stocked = [r for r in street.resources if any(s.count > 0 for s in r.stock)]
    x, y = street.projection.to_xy(np.array([r.lon for r in stocked]), np.array([r.lat for r in stocked]))
    places = tuple(item_place(r, float(px), float(py)) for r, px, py in zip(stocked, np.atleast_1d(x), np.atleast_1d(y)))
    return StreetItems(street.id, places, street_travel(street))


@dataclass(frozen=True)
class ItemPlan:
    """A scenario's ``[resources]``: which item the what-if is about, and the sites a plan adds or empties.

    ``added`` are (x, y) metres of new sites with one unit of ``item`` each; ``removed`` the ids of
    resources whose units of ``item`` a plan moves away. ``street`` is the street the plan was made for.
    """

    item: str | None = None
    added: tuple[tuple[float, float], ...] = ()
    removed: tuple[str, ...] = ()
    street: str | None = None
    source: str | None = None

    def places(self, base: tuple[ItemPlace, ...]) -> tuple[ItemPlace, ...]:
        """The street's places with the plan applied."""
        if self.item is None:
            return base
        moved = set(self.removed)
        kept = tuple(
            ItemPlace(p.id, p.x, p.y, {k: v for k, v in p.units.items() if k != self.item}, p.hours)
            if p.id in moved else p
            for p in base
        )
        new = tuple(ItemPlace(f"plan-{k + 1}", x, y, {self.item: 1}) for k, (x, y) in enumerate(self.added))
        return kept + new


def parse_resources(table: Mapping[str, Any], base_dir: Path, street_id: str, to_xy) -> ItemPlan:
    """Read a scenario's ``[resources]`` table; errors name ``resources.<key>``."""
    f.no_unknown(table, "resources", {"item", "plan"})
    catalogue = default_categories().items
    item = f.choice(table, "item", "resources.item", tuple(catalogue), default=None)
    if "plan" not in table:
        return ItemPlan(item=item)
    path = f.path(table, "plan", "resources.plan", base_dir)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        kind, added, removed = data["kind"], data["added"], data["removed"]
        lon = np.array([float(site["lon"]) for site in added])
        lat = np.array([float(site["lat"]) for site in added])
        gone = tuple(str(site["resource"]) for site in removed)
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError("resources.plan", f"cannot read {path}: {exc}") from None
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ScenarioError("resources.plan", f"{path} is not the JSON of `cockpit resources plan --json`: {exc}") from None
    if kind not in catalogue:
        raise ScenarioError("resources.plan", f"a plan for {kind!r}: only a plan of an item ({', '.join(catalogue)}) "
                                              "changes how fast cases get what they need")
    if item is not None and item != kind:
        raise ScenarioError("resources.item", f"{item!r}, but the plan places {kind!r}")
    if data.get("street") not in (None, street_id):
        raise ScenarioError("resources.plan", f"a plan for street {data.get('street')!r}; the scenario's street is "
                                              f"{street_id!r}")
    x, y = to_xy(lon, lat)
    return ItemPlan(kind, tuple(zip(np.atleast_1d(x).tolist(), np.atleast_1d(y).tolist())), gone, street_id, str(path))


@dataclass(frozen=True, slots=True)
class ItemTrip:
    """An item on its way to a case: from which place and unit, when it arrives, minutes back home."""

    place: int
    unit: int
    arrival: float
    back_minutes: float


class ItemSupply:
    """One replication's units of every item: where each is and when it is free again.

    Owns a free-from time per unit (simulated minutes) and the minutes from each place to the case
    points met so far. Emits nothing.
    """

    def __init__(self, street: StreetItems, plan: ItemPlan, category_names: tuple[str, ...],
                 categories: CategoryTable | None = None) -> None:
        table = categories or default_categories()
        self.travel = street.travel
        self.places = plan.places(street.places)
        self.free: list[list[float]] = [[0.0] * sum(p.units.values()) for p in self.places]
        self._unit_item: list[list[str]] = [[item for item, n in p.units.items() for _ in range(n)]
                                            for p in self.places]
        self._mode = {code: item.mode for code, item in table.items.items()}
        self.needs: list[tuple[str, ...]] = []
        for code in category_names:
            items = table[code].items if code in table else ()
            self.needs.append((plan.item,) if plan.item in items else items)
        self._holders = {item: np.array([k for k, p in enumerate(self.places) if p.units.get(item, 0) > 0], dtype=np.int64)
                         for item in table.items}
        self._origins = {item: self.travel.places(np.array([(self.places[k].x, self.places[k].y) for k in holders],
                                                           dtype=float).reshape(-1, 2))
                         for item, holders in self._holders.items()}
        self._minutes: dict[tuple[str, float, float], np.ndarray] = {}

    def needed(self, category: int) -> bool:
        """Whether cases of category index ``category`` need an item."""
        return bool(self.needs[category])

    def best(self, category: int, x: float, y: float, t: float) -> ItemTrip | None:
        """The unit that gets an item the case needs to (``x``, ``y``) first when sent for at ``t``.

        None when no place holds any of the items (or none can reach the point): the case then goes
        ahead without one.
        """
        best: ItemTrip | None = None
        for item in self.needs[category]:
            holders = self._holders[item]
            if not holders.size:
                continue
            minutes = self._minutes_to(item, x, y)
            for place, travel in zip(holders.tolist(), minutes.tolist()):
                if not math.isfinite(travel):
                    continue
                units = [u for u, code in enumerate(self._unit_item[place]) if code == item]
                unit = min(units, key=lambda u: self.free[place][u])
                arrival = self.places[place].open_from(max(t, self.free[place][unit])) + travel
                if best is None or arrival < best.arrival:
                    best = ItemTrip(place, unit, arrival, travel)
        return best

    def hold(self, trip: ItemTrip, until: float) -> None:
        """The trip's unit is out until ``until`` (the case resolved) and then travels back."""
        self.free[trip.place][trip.unit] = until + trip.back_minutes

    def _minutes_to(self, item: str, x: float, y: float) -> np.ndarray:
        """Minutes from each holder of ``item`` to the point, by the item's mode (kept per point)."""
        key = (item, x, y)
        minutes = self._minutes.get(key)
        if minutes is None:
            target = self.travel.places(np.array([(x, y)], dtype=float))
            minutes = self._minutes[key] = self.travel.matrix(self._mode[item], self._origins[item], target)[:, 0]
        return minutes
