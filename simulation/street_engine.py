"""Street mode: cases at points of the street, people who travel to them, escalation and 吹哨报到.

Cases of each category arrive as the demand model says, at points of micro-grids; the cockpit's
dispatch policy ranks the free qualified people on duty (over its own shortlist of them; travel time
``cockpit.dispatch.eta_minutes``) and the first goes, stays busy while travelling and on scene, and
then stays where the case was. A case owned by the street (a red one at once) that no person can
take goes to a department team of its category (吹哨报到, ranked by
``cockpit.dispatch.rank_departments``); any other case waits in the policy's queue order. A
waiting case escalates by the one rule of :mod:`cockpit.escalation` (one level each time its
deadline's length passes); once at street level department teams may take it too. The loop, the
roster's shifts and the waiting queue are the engine core's (:mod:`simulation.core`).
"""

from __future__ import annotations

import math
from heapq import heappush

import numpy as np

from cockpit.vocabulary.categories import default_categories
from cockpit.demand import SOURCES, default_demand
from cockpit.dispatch import CaseNeed, get_policy, qualified, rank_departments, travel_minutes
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel, Source
from cockpit.escalation import escalation_due, escalations_before
from simulation.core import ESCALATE, Core, new_need
from simulation.engine import arrival_times
from simulation.items import ItemSupply
from simulation.record import RunRecord
from simulation.scenario import Scenario
from simulation.shifts import MINUTES_PER_DAY, MINUTES_PER_HOUR
from simulation.staffing import apply_changes
from simulation.street import street_model
from simulation.streams import stream

DRAIN_DAYS = 30
"""After the horizon the run drains open cases for at most this long (cases nobody can ever take stay open)."""

_STREET = list(OwnerLevel).index(OwnerLevel.STREET)


class StreetEngine(Core):
    """One replication of a street scenario: its cases and the street's roster on the engine core.

    Parameters
    ----------
    scenario
        A validated scenario with ``street`` other than ``"none"``; its ``start_state`` (a
        :class:`simulation.start.SimStart`) if any sets the first moment, open cases and positions.
    seed, replication
        Select the random streams (see :func:`simulation.streams.stream`).
    shortlist
        Hand the policy its own shortlist of the free qualified people (True) or all of them.
    """

    def __init__(self, scenario: Scenario, seed: int, replication: int = 0, *, shortlist: bool = True) -> None:
        self.scenario = scenario
        self.seed = seed
        self.replication = replication
        self.model = street_model(scenario.street, items=scenario.resources is not None)
        self.geometry = self.model.geometry
        roster = apply_changes(self.model.roster, scenario.staff_changes, self.model, scenario.staff_roles)
        super().__init__(roster, {s.id: s for s in self.model.shifts}, get_policy(scenario.policy),
                         travel=scenario.travel != "none", shortlist=shortlist)
        self.start_state = scenario.start_state
        self.t0 = self.start_state.local_minutes if self.start_state is not None else 0.0
        self.start_date = self.start_state.local_date if self.start_state is not None else scenario.start
        self.horizon = self.t0 + scenario.horizon_hours * MINUTES_PER_HOUR
        self.warmup = self.t0 + scenario.warmup_hours * MINUTES_PER_HOUR
        self.risks = scenario.risk_classes
        self._draw()
        self._carry()
        self._qualify()
        self.supply = (ItemSupply(self.model.items, scenario.resources, self.category_names)
                       if scenario.resources is not None else None)

    # -- drawing ---------------------------------------------------------------------------------

    def _draw(self) -> None:
        sc, geo = self.scenario, self.geometry
        risk_index = {r: k for k, r in enumerate(self.risks)}
        self.category_names = tuple(dict.fromkeys(a.category for a in sc.arrivals))
        category_index = {c: k for k, c in enumerate(self.category_names)}
        demand = default_demand()
        days = math.ceil(self.horizon / MINUTES_PER_DAY) + 1
        shaped = [a.shape for a in sc.arrivals if a.shape is not None]
        # One busy-or-quiet multiplier per day for every category, as in the demand model.
        day_factors = (shaped[0].demand.day_factors(stream(self.seed, self.replication, "demand-day"), days)
                       if shaped and shaped[0].demand.dispersion is not None else None)
        parts: dict[str, list[np.ndarray]] = {
            name: [] for name in ("t", "cls", "service", "cat", "micro", "point", "source", "delay")
        }
        for arrival in sc.arrivals:
            t = arrival_times(arrival, stream(self.seed, self.replication, "arrivals", arrival.name), self.horizon,
                              self.start_date, day_factors if arrival.shape is not None else None)
            n = len(t)
            service = arrival.service.sample(stream(self.seed, self.replication, "service", arrival.name), n)
            where = stream(self.seed, self.replication, "location", arrival.name)
            micro = where.choice(len(geo.micro_ids), size=n, p=geo.weights(arrival.category))
            point = where.integers(0, geo.points_x.shape[1], n)
            u = stream(self.seed, self.replication, "source", arrival.name).random(n)
            shares = demand.source_shares(arrival.category) if arrival.category in demand.codes else _PATROL_ONLY
            source = np.minimum(np.searchsorted(np.cumsum(shares), u, side="right"), len(SOURCES) - 1)
            if sc.dispatch_delay is not None:
                delay = sc.dispatch_delay.sample(stream(self.seed, self.replication, "delay", arrival.name), n)
            else:
                delay = np.zeros(n)
            keep = t >= self.t0
            parts["delay"].append(delay[keep])
            parts["t"].append(t[keep])
            parts["cls"].append(np.full(int(keep.sum()), risk_index[arrival.risk]))
            parts["service"].append(service[keep])
            parts["cat"].append(np.full(int(keep.sum()), category_index[arrival.category]))
            parts["micro"].append(micro[keep])
            parts["point"].append(point[keep])
            parts["source"].append(source[keep])
        t = np.concatenate(parts["t"])
        order = np.argsort(t, kind="stable")
        self.arrival = t[order]
        self.cls = np.concatenate(parts["cls"]).astype(np.int64)[order]
        self.service = np.concatenate(parts["service"])[order]
        self.category = np.concatenate(parts["cat"]).astype(np.int64)[order]
        self.micro = np.concatenate(parts["micro"]).astype(np.int64)[order]
        point = np.concatenate(parts["point"])[order]
        self.source = np.concatenate(parts["source"]).astype(np.int64)[order]
        self.delay = np.concatenate(parts["delay"])[order]
        self.cx = geo.points_x[self.micro, point]
        self.cy = geo.points_y[self.micro, point]
        self.lon = geo.points_lon[self.micro, point]
        self.lat = geo.points_lat[self.micro, point]
        self.grid = geo.grid[self.micro]
        self.community = geo.community[self.micro]
        self.carried = np.zeros(len(self.arrival), dtype=bool)
        self.carried_escalations = np.zeros(len(self.arrival), dtype=np.int64)
        self.stage: dict[int, tuple[str, str | None, float | None]] = {}

    def _carry(self) -> None:
        """Put the start state's open cases in front of the drawn ones."""
        state = self.start_state
        if state is None or not state.cases:
            return
        sc, geo = self.scenario, self.geometry
        table = default_categories()
        by_category = {a.category: a for a in sc.arrivals}
        grid_index = {g: k for k, g in enumerate(geo.grid_ids)}
        community_index = {c: k for k, c in enumerate(geo.community_ids)}
        names = list(self.category_names)
        rng = stream(self.seed, self.replication, "carried")
        rows = []
        for case in state.cases:
            if case.category not in names:
                names.append(case.category)
            arrival = by_category.get(case.category)
            if arrival is not None:
                service = float(arrival.service.sample(rng, 1)[0])
            else:
                spec = table[case.category].service
                service = float(spec.median_minutes * math.exp(spec.sigma * rng.standard_normal()))
            rows.append((case, service))
        self.category_names = tuple(names)
        m = len(rows)
        head = {
            "arrival": np.array([self.t0 + c.reported_minutes for c, _ in rows]),
            "cls": np.array([self.risks.index(c.risk) for c, _ in rows], dtype=np.int64),
            "service": np.array([s for _, s in rows]),
            "category": np.array([names.index(c.category) for c, _ in rows], dtype=np.int64),
            "micro": np.full(m, -1, dtype=np.int64),
            "source": np.full(m, SOURCES.index(Source.RESIDENT), dtype=np.int64),
            "delay": np.zeros(m),
            "cx": np.array([c.x for c, _ in rows]),
            "cy": np.array([c.y for c, _ in rows]),
            "lon": np.full(m, np.nan),
            "lat": np.full(m, np.nan),
            "grid": np.array([grid_index.get(c.general_grid, -1) for c, _ in rows], dtype=np.int64),
            "community": np.array([community_index.get(c.community, -1) for c, _ in rows], dtype=np.int64),
            "carried": np.ones(m, dtype=bool),
            "carried_escalations": np.array([c.escalations for c, _ in rows], dtype=np.int64),
        }
        for name, values in head.items():
            setattr(self, name, np.concatenate((values, getattr(self, name))))
        self.stage = {i: (c.stage, c.assignee, c.on_scene_minutes) for i, (c, _) in enumerate(rows)}

    def _qualify(self) -> None:
        """Who may take a case of each category: ``cockpit.dispatch.qualified`` itself, once per category."""
        table = default_categories()
        self.case_skill, self.case_department = [], []
        for code in self.category_names:
            arrival = next((a for a in self.scenario.arrivals if a.category == code), None)
            self.case_skill.append(arrival.skill if arrival is not None else table[code].skill)
            self.case_department.append(arrival.department if arrival is not None else table[code].department.value)
        candidates = [self.candidate(s) for s in range(len(self.roster))]
        self.people_mask, self.team_mask = [], []
        for code in range(len(self.category_names)):
            probe = CaseNeed("probe", 1, 0.0, self.case_skill[code], self.case_department[code])
            ok = np.array([qualified(c, probe) for c in candidates], dtype=bool)
            self.people_mask.append(ok & ~self.is_department)
            self.team_mask.append(ok & self.is_department)

    # -- the run ---------------------------------------------------------------------------------

    def run(self) -> RunRecord:
        """Run to the horizon, drain the open cases, and return the records."""
        self.ready = self.arrival + self.delay
        self.kind_of = self.category.tolist()
        levels = list(OwnerLevel)
        default_owner = [levels.index(RiskLevel(r).default_owner) for r in self.risks]
        self.deadline = np.array([RiskLevel(r).resolve_within.total_seconds() / 60 for r in self.risks])[self.cls]
        self.esc = self.carried_escalations.tolist()
        self.owner = [min(_STREET, default_owner[k] + e) for k, e in zip(self.cls.tolist(), self.esc)]
        self._arrival, self._deadline = self.arrival.tolist(), self.deadline.tolist()
        self._priority = [RiskLevel(self.risks[k]).priority for k in self.cls.tolist()]
        self._cx, self._cy = self.cx.tolist(), self.cy.tolist()
        self._grid = [self.geometry.grid_ids[g] if g >= 0 else None for g in self.grid.tolist()]
        self._community = [self.geometry.community_ids[c] if c >= 0 else None for c in self.community.tolist()]
        self.open_books()
        self.item_at = [math.nan] * len(self.arrival)
        self.start_shifts(self.t0)
        self._resume()
        events = self.loop(cutoff=self.horizon + DRAIN_DAYS * MINUTES_PER_DAY)
        return self._record(events, default_owner)

    def calendar(self) -> list[int]:
        """New cases in the order they become ready; a start state's cases are placed by :meth:`_resume`."""
        first = len(self.stage)
        return (first + np.argsort(self.ready[first:], kind="stable")).tolist()

    def _resume(self) -> None:
        """People take up the positions and cases of the start state; its waiting cases are dispatched."""
        if self.start_state is None:
            return
        for member in self.start_state.staff:
            s = self.index_of.get(member.staff_id)
            if s is not None:
                self.x[s], self.y[s] = member.x, member.y
        t0 = self.t0
        for i, (stage, assignee, on_scene_at) in self.stage.items():
            s = self.index_of.get(assignee) if assignee is not None else None
            if stage == "waiting" or s is None or self.busy[s]:
                continue
            # The remaining on-scene time of a case already being handled is a fresh draw.
            self.begin(i, s, t0, None if stage != "on_scene" else t0 + (on_scene_at or 0.0))
            self.leaving[s] = not self.on_duty[s]
        for i in self.stage:
            if math.isnan(self.start[i]):
                self.on_ready(i, t0)

    def _record(self, events: int, default_owner: list[int]) -> RunRecord:
        start = np.array(self.start)
        end = np.array(self.end)
        who = np.array(self.who, dtype=np.int64)
        whistle = np.zeros(len(who), dtype=bool)
        whistle[who >= 0] = self.is_department[who[who >= 0]]
        room = np.array([_STREET - default_owner[k] for k in self.cls.tolist()], dtype=np.int64)
        # Escalations by the one rule over the whole time each case was open (to the end of the run).
        until = np.where(np.isnan(end), max(np.nanmax(end, initial=self.horizon), self.horizon), end)
        escalations = np.maximum(escalations_before(self.arrival, self.deadline, until, room), self.carried_escalations)
        return RunRecord(
            scenario=self.scenario.name,
            replication=self.replication,
            start_date=self.start_date,
            class_names=self.risks,
            risks=self.risks,
            priorities=tuple(RiskLevel(r).priority for r in self.risks),
            response_target_minutes=self.scenario.response_target_minutes,
            arrival=self.arrival,
            ready=self.ready,
            cls=self.cls,
            service=self.service,
            start=start,
            on_scene=np.array(self.scene),
            end=end,
            staff=who,
            staff_ids=self.staff_ids,
            daily_hours=self.daily_hours(),
            duty=self.duty_by_hour(self.horizon),
            warmup_minutes=self.warmup,
            horizon_minutes=self.horizon,
            events=events,
            escalations=escalations,
            whistle=whistle,
            category=self.category,
            category_names=self.category_names,
            micro=self.micro,
            micro_ids=self.geometry.micro_ids,
            grid=self.grid,
            grid_ids=self.geometry.grid_ids,
            community=self.community,
            community_ids=self.geometry.community_ids,
            lon=self.lon,
            lat=self.lat,
            source=self.source,
            carried=self.carried,
            item_at=np.array(self.item_at) if self.supply is not None else None,
        )

    # -- what the core asks of the street ----------------------------------------------------------

    def need(self, i: int) -> CaseNeed:
        """The policy's view of case ``i``: its skill and department, place and areas."""
        category = self.kind_of[i]
        return new_need(
            f"c{i:07d}", self._priority[i], self._arrival[i], self.case_skill[category],
            self.case_department[category], self._cx[i] if self.travel else None,
            self._cy[i] if self.travel else None, self._grid[i], self._community[i],
        )

    def nobody(self, i: int, t: float) -> int:
        """A case owned by the street whistles for a department team (吹哨报到)."""
        return self.whistle(i) if self.owner[i] >= _STREET else -1

    def whistle(self, i: int) -> int:
        """The free department team of the case's category that ``rank_departments`` puts first (-1: none)."""
        idx = (self.free & self.team_mask[self.kind_of[i]]).nonzero()[0]
        return self.rank_among(i, idx, rank_departments)

    def wait(self, i: int, t: float) -> None:
        super().wait(i, t)
        if self.owner[i] < _STREET:
            due = escalation_due(self._arrival[i], self._deadline[i], self.esc[i] + 1)
            heappush(self.heap, (max(t, due), (i << 3) | ESCALATE))

    def on_escalate(self, i: int, t: float) -> None:
        """A waiting case passed another deadline: one level up; at the street, a team may come."""
        if i not in self.keys:
            return
        self.owner[i] += 1
        self.esc[i] += 1
        if self.owner[i] >= _STREET:
            s = self.whistle(i)
            if s >= 0:
                self.unwait(i)
                self.begin(i, s, t)
        else:
            due = escalation_due(self._arrival[i], self._deadline[i], self.esc[i] + 1)
            heappush(self.heap, (due, (i << 3) | ESCALATE))

    def can_take(self, s: int, j: int) -> bool:
        if self.is_department[s]:
            return self.owner[j] >= _STREET and bool(self.team_mask[self.kind_of[j]][s])
        return bool(self.people_mask[self.kind_of[j]][s])

    def trip_end(self, i: int, s: int, t: float) -> float:
        """When ``s`` and, for a case that needs one, the item that gets there first are both on scene."""
        arrive = t + travel_minutes(self.x[s], self.y[s], self.speed[s], self._cx[i], self._cy[i]) if self.travel else t
        supply = self.supply
        if supply is None or not supply.needed(self.kind_of[i]):
            return arrive
        trip = supply.best(self.kind_of[i], self._cx[i], self._cy[i], t)
        if trip is None:
            return arrive
        scene = max(arrive, trip.arrival)
        supply.hold(trip, scene + self.service_of[i])
        self.item_at[i] = trip.arrival
        return scene

    def finished(self, i: int, s: int) -> None:
        self.x[s], self.y[s] = self._cx[i], self._cy[i]

    def came_on_duty(self, s: int) -> None:
        self.x[s], self.y[s] = self.base_x[s], self.base_y[s]


_PATROL_ONLY = np.array([1.0 if s is Source.PATROL else 0.0 for s in SOURCES])
"""Sources of a category the demand model does not know (a log's own)."""
