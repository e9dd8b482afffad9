"""Street mode: the whole closed loop of every case, on a street's map or on a street known from its log.

A case is reported where the demand model says, triaged (研判) and, once the operator may dispatch
it, sent to the person the cockpit's dispatch policy ranks first among the free qualified people on
duty; with nobody free it waits in the policy's queue order. The person is held from the dispatch:
they accept after a delay that depends on the hour band and the risk, travel (by road on a street's
map, straight line × detour if asked, or a trip drawn from the stage table on a street known from
its log), work on scene and are free again. Some cases then wait for another department
(coordination, 吹哨报到) without holding anybody and are resolved when the wait ends; the resident
rates the case and it closes, or sends it back: it is reopened and a worker handles it again. A
case owned by the street that no person can take, or one routed to a department at triage, goes to
a department team of its category (ranked by ``cockpit.dispatch.rank_departments``); a waiting
case escalates by the one rule of :mod:`cockpit.escalation`. Every time and share is the stage
table's (:mod:`cockpit.stages`: resources/stages.toml or a scenario's ``[stages]``, which
``cockpit sim calibrate`` fits from a log). The loop, the roster's shifts and the waiting queue
are the engine core's (:mod:`simulation.core`).

All random draws happen before the loop, from streams named by purpose and category, so that a
scenario with other staffing sees the same cases with the same needs (common random numbers); a
time that depends on the hour band a stage starts in (acceptance, a drawn trip) is drawn as one
uniform number per case and turned into minutes for every band, and the loop picks the band.
"""

from __future__ import annotations

import math
from heapq import heappush

import numpy as np

from cockpit.demand import SOURCES, default_demand
from cockpit.dispatch import (DEPARTMENT_SHORTLIST, GENERAL_SKILL, TRAVEL_MODE, CaseNeed, get_policy, qualified,
                              rank_departments)
from cockpit.escalation import escalation_due, escalations_before
from cockpit.stages import RATINGS, Labels, band_minutes, selected_entries, service_duration, share_of
from cockpit.vocabulary.categories import default_categories
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel, Source
from simulation.core import (DONE, ESCALATE, REOPEN, Core, float_array, int_array, new_need, nobody_yet,
                             unknown_times)
from simulation.engine import arrival_times
from simulation.ground import ground_of
from simulation.items import ItemSupply
from simulation.record import RunRecord
from simulation.scenario import Scenario
from simulation.shifts import MINUTES_PER_DAY, MINUTES_PER_HOUR
from simulation.streams import stream
from simulation.street import street_model

DRAIN_DAYS = 30
"""After the horizon the run drains open cases for at most this long (cases nobody can ever take stay open)."""

_STREET = list(OwnerLevel).index(OwnerLevel.STREET)


class StreetEngine(Core):
    """One replication of a street scenario: its cases' closed loop and the roster on the engine core.

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
        self.ground = ground_of(scenario)
        self.stages = scenario.stages
        # The stage table's travel entries carry their scale already; trips by map do not.
        self._travel_scale = self.stages.factor("travel")
        located = self.ground.micro and scenario.travel != "none"
        super().__init__(self.ground.roster, self.ground.shifts, get_policy(scenario.policy), travel=located,
                         shortlist=shortlist)
        self.start_state = scenario.start_state
        self.t0 = self.start_state.local_minutes if self.start_state is not None else 0.0
        self.start_date = self.start_state.local_date if self.start_state is not None else scenario.start
        self.horizon = self.t0 + scenario.horizon_hours * MINUTES_PER_HOUR
        self.warmup = self.t0 + scenario.warmup_hours * MINUTES_PER_HOUR
        self.risks = scenario.risk_classes
        self.band_of_hour = list(self.stages.band_of_hour)
        modes = self.ground.modes
        self.mode = [modes.index(TRAVEL_MODE[p.kind]) if modes else 0 for p in self.roster]
        self._speed = self.speed.tolist()
        self._travel = scenario.travel
        self._by_map = scenario.travel in ("road", "straight_line")
        self._roads = self.ground.roads if scenario.travel == "road" else None
        self._straight_minutes = self.ground.straight.minutes_at if self.ground.straight is not None else None
        self.base_place = [p.base for p in self.roster]
        self.position = list(self.base_place)
        self._draw()
        self._carry()
        self._qualify()
        self.supply = (ItemSupply(street_model(scenario.street, items=True).items, scenario.resources,
                                  self.category_names)
                       if scenario.resources is not None and self.ground.micro else None)

    # -- drawing ---------------------------------------------------------------------------------

    def _category_factors(self, category: str, factors: np.ndarray | None, days: int) -> np.ndarray | None:
        """The day factors of a category's classes: the street's times the category's own level this replication.

        One draw per category and replication (``[demand] category_level_sd``), shared by its risk levels.
        """
        sd = self.scenario.category_level_sd.get(category, 0.0)
        if sd <= 0:
            return factors
        z = stream(self.seed, self.replication, "demand-level", category).standard_normal()
        return (np.ones(days) if factors is None else factors) * math.exp(sd * z - sd**2 / 2)

    def _draw(self) -> None:
        sc, ground = self.scenario, self.ground
        risk_index = {r: k for k, r in enumerate(self.risks)}
        self.category_names = tuple(dict.fromkeys(a.category for a in sc.arrivals))
        category_index = {c: k for k, c in enumerate(self.category_names)}
        demand = default_demand()
        days = math.ceil(self.horizon / MINUTES_PER_DAY) + 1
        shaped = [a.shape for a in sc.arrivals if a.shape is not None]
        # One busy-or-quiet multiplier per day for every category, as in the demand model, and one
        # level per replication for the uncertainty of a forecast (``[demand] level_sd``).
        factors = None
        if shaped and shaped[0].demand.dispersion is not None:
            factors = shaped[0].demand.day_factors(stream(self.seed, self.replication, "demand-day"), days)
        elif sc.demand_dispersion is not None:
            k = sc.demand_dispersion
            factors = stream(self.seed, self.replication, "demand-day").gamma(k, 1.0 / k, size=days)
        if sc.demand_level_sd > 0:
            z = stream(self.seed, self.replication, "demand-level").standard_normal()
            level = math.exp(sc.demand_level_sd * z - sc.demand_level_sd**2 / 2)
            factors = (np.ones(days) if factors is None else factors) * level
        parts: dict[str, list[np.ndarray]] = {}
        work_scale = self.stages.factor("work")
        # A scenario's own dispatch delay stands for triage and dispatch together; it follows the dispatch scale.
        dispatch_scale = self.stages.factor("dispatch")

        def add(name: str, values: np.ndarray) -> None:
            parts.setdefault(name, []).append(values)

        for arrival in sc.arrivals:
            name = arrival.name
            surge = None
            if sc.surges:
                hours = math.ceil(self.horizon / MINUTES_PER_HOUR)
                surge = np.prod([s.factors(arrival.category, self.start_date, hours) for s in sc.surges], axis=0)
            t = arrival_times(arrival, stream(self.seed, self.replication, "arrivals", name), self.horizon,
                              self.start_date, self._category_factors(arrival.category, factors, days), surge)
            n = len(t)
            service = arrival.service.sample(stream(self.seed, self.replication, "service", name), n) * work_scale
            where = stream(self.seed, self.replication, "location", name)
            unit = where.choice(len(ground.unit_ids), size=n, p=ground.weights_of(arrival.category))
            point = where.integers(0, max(ground.points, 1), n)
            u = stream(self.seed, self.replication, "source", name).random(n)
            shares = sc.source_shares.get(arrival.category)
            if shares is None:
                shares = demand.source_shares(arrival.category) if arrival.category in demand.codes else _PATROL_ONLY
            source = np.minimum(np.searchsorted(np.cumsum(shares), u, side="right"), len(SOURCES) - 1)
            if sc.dispatch_delay is not None:
                delay = sc.dispatch_delay.sample(stream(self.seed, self.replication, "delay", name), n) * dispatch_scale
            else:
                delay = None
            # One uniform per case and stage, each stage its own stream: CRN across scenarios.
            uniform = {key: stream(self.seed, self.replication, key, name).random(n)
                       for key in ("triage", "dispatch", "accept", "travel", "branch", "work", "coordination", "reopen",
                                   "reopen-after", "rework", "rating", "close", "route")}
            keep = t >= self.t0
            add("t", t[keep])
            add("cls", np.full(int(keep.sum()), risk_index[arrival.risk]))
            add("service", service[keep])
            add("cat", np.full(int(keep.sum()), category_index[arrival.category]))
            add("unit", unit[keep])
            add("point", point[keep])
            add("source", source[keep])
            add("delay", delay[keep] if delay is not None else np.full(int(keep.sum()), np.nan))
            for key, values in uniform.items():
                add("u_" + key, values[keep])
        order = np.argsort(np.concatenate(parts["t"]), kind="stable")
        # Column by column, so that one column's joined copy is freed before the next is made.
        cols = {name: np.concatenate(values)[order] for name, values in parts.items()}
        self.arrival = cols["t"]
        self.cls = cols["cls"].astype(np.int64, copy=False)
        self.service = cols["service"]
        self.category = cols["cat"].astype(np.int64, copy=False)
        self.unit = cols["unit"].astype(np.int64, copy=False)
        self.source = cols["source"].astype(np.int64, copy=False)
        self.place = (self.unit * ground.points + cols["point"].astype(np.int64, copy=False) if ground.points
                      else np.full(len(self.arrival), -1, dtype=np.int64))
        self.grid = ground.unit_grid[self.unit]
        self.community = ground.unit_community[self.unit]
        self.micro = self.unit if ground.micro else np.full(len(self.arrival), -1, dtype=np.int64)
        if ground.points:
            self.lon, self.lat = ground.place_lon[self.place], ground.place_lat[self.place]
        else:
            self.lon, self.lat = ground.place_lon[self.unit], ground.place_lat[self.unit]
        self.u = {key[2:]: values for key, values in cols.items() if key.startswith("u_")}
        self._stage_times(cols["delay"])
        self.carried = np.zeros(len(self.arrival), dtype=bool)
        self.carried_escalations = np.zeros(len(self.arrival), dtype=np.int64)
        self.stage: dict[int, tuple[str, str | None, float | None]] = {}

    def _stage_times(self, delay: np.ndarray) -> None:
        """Every stage's minutes and branch of every case, from its uniforms and the stage table."""
        st, u = self.stages, self.u
        risk: Labels = (self.cls, self.risks)
        category: Labels = (self.category, self.category_names)
        source: Labels = (self.source, tuple(s.value for s in SOURCES))
        band_of_hour = np.array(self.band_of_hour)
        first_band = np.zeros(len(self.arrival), dtype=np.int64)
        self.triage = band_minutes(st, "triage", u["triage"], band=band_of_hour[self.local_hour(self.arrival)],
                                   source=source)
        triaged = self.arrival + self.triage
        operator = band_minutes(st, "dispatch", u["dispatch"], risk, band=band_of_hour[self.local_hour(triaged)])
        self.delay = np.where(np.isnan(delay), self.triage + operator, delay)
        self.accept = band_minutes(st, "accept", u["accept"], risk)
        self.trip = band_minutes(st, "travel", u["travel"])
        self.no_visit = u["branch"] < share_of(st, "no_visit", None, category)
        if st.has("work"):
            # The stage table's work replaces the category table's service time where it has an entry.
            service = self.service.copy()
            for members, entry in selected_entries(st, "work", {"risk": risk, "category": category}):
                if entry is not None and entry.duration is not None:
                    service[members] = entry.duration.at(u["work"][members])
            self.service = service
        coordinated = u["coordination"] < share_of(st, "coordination", risk, category)
        wait = np.zeros(len(self.arrival))
        for members, entry in selected_entries(st, "coordination", {"risk": risk, "category": category}):
            if entry is None or entry.duration is None:
                continue
            mine = members[coordinated[members]]
            # The wait's own draw: the branch's uniform rescaled, so the two stay independent.
            share = max(entry.share or 0.0, 1e-12)
            wait[mine] = entry.duration.at(np.clip(u["coordination"][mine] / share, 0.0, 1.0 - 1e-12))
        self.coordination = wait
        self.reopens = u["reopen"] < share_of(st, "reopen", None, category)
        self.reopen_after = band_minutes(st, "reopen_after", u["reopen-after"], band=first_band)
        self.rework = band_minutes(st, "rework", u["rework"], category=category, band=first_band)
        rated = st.pick("rated")
        self.rated = u["rating"] < (rated.share if rated is not None and rated.share is not None else 0.0)
        close_rated = band_minutes(st, "close_rated", u["close"], band=first_band)
        close_unrated = band_minutes(st, "close_unrated", u["close"], band=first_band)
        self.close = np.where(self.rated, close_rated, close_unrated)
        self.routed = u["route"] < share_of(st, "route", risk, category)

    @staticmethod
    def local_hour(minutes: np.ndarray) -> np.ndarray:
        """The local hour of day of each moment (minutes from local midnight of the first day)."""
        return (minutes // MINUTES_PER_HOUR).astype(np.int64) % 24

    def _carry(self) -> None:
        """Put the start state's open cases in front of the drawn ones."""
        state = self.start_state
        if state is None or not state.cases:
            return
        sc, ground = self.scenario, self.ground
        table = default_categories()
        by_category = {a.category: a for a in sc.arrivals}
        grid_index = {g: k for k, g in enumerate(ground.grid_ids)}
        community_index = {c: k for k, c in enumerate(ground.community_ids)}
        names = list(self.category_names)
        rng = stream(self.seed, self.replication, "carried")
        rows = []
        for case in state.cases:
            if case.category not in names:
                names.append(case.category)
            arrival = by_category.get(case.category)
            if arrival is not None:
                spec = arrival.service
            else:
                spec = service_duration(table[case.category])
            spec = spec.scaled(self.stages.factor("work"))
            draw = float(rng.random())
            if case.stage == "on_scene" and case.on_scene_minutes is not None:
                # Already on scene: the rest of a service time that has lasted this long already.
                service = spec.remaining(-case.on_scene_minutes, draw)
            else:
                service = float(spec.at(np.array([draw]))[0])
            rows.append((case, service))
        self.category_names = tuple(names)
        m = len(rows)
        place = np.array([self._nearest_place(c.x, c.y) for c, _ in rows], dtype=np.int64)
        zeros, falses = np.zeros(m), np.zeros(m, dtype=bool)
        head = {
            "arrival": np.array([self.t0 + c.reported_minutes for c, _ in rows]),
            "cls": np.array([self.risks.index(c.risk) for c, _ in rows], dtype=np.int64),
            "service": np.array([s for _, s in rows]),
            "category": np.array([names.index(c.category) for c, _ in rows], dtype=np.int64),
            "micro": np.full(m, -1, dtype=np.int64),
            "place": place,
            "source": np.full(m, SOURCES.index(Source.RESIDENT), dtype=np.int64),
            "triage": zeros, "delay": zeros, "no_visit": falses, "coordination": zeros, "reopens": falses,
            "reopen_after": zeros, "rework": zeros, "rated": falses, "close": np.full(m, np.nan), "routed": falses,
            "lon": np.full(m, np.nan),
            "lat": np.full(m, np.nan),
            "grid": np.array([grid_index.get(c.general_grid, -1) for c, _ in rows], dtype=np.int64),
            "community": np.array([community_index.get(c.community, -1) for c, _ in rows], dtype=np.int64),
            "carried": np.ones(m, dtype=bool),
            "carried_escalations": np.array([c.escalations for c, _ in rows], dtype=np.int64),
        }
        for name, values in head.items():
            setattr(self, name, np.concatenate((values, getattr(self, name))))
        for name in ("accept", "trip"):
            values = getattr(self, name)
            setattr(self, name, np.concatenate((np.zeros((values.shape[0], m)), values), axis=1))
        self.u = {key: np.concatenate((np.zeros(m), values)) for key, values in self.u.items()}
        self.stage = {i: (c.stage, c.assignee, c.on_scene_minutes) for i, (c, _) in enumerate(rows)}

    def _nearest_place(self, x: float | None, y: float | None) -> int:
        straight = self.ground.straight
        if straight is None or x is None or y is None:
            return -1
        points = self.ground.points * len(self.ground.unit_ids)
        d = np.hypot(straight.x[:points] - x, straight.y[:points] - y)
        return int(np.argmin(d))

    def _qualify(self) -> None:
        """Who may take a case of each category: ``cockpit.dispatch.qualified`` itself, once per category.

        On a street known from its log everybody its log shows at work may take any case (the log
        says who did, not who could), and a department team the cases of its department.
        """
        table = default_categories()
        self.case_skill, self.case_department = [], []
        for code in self.category_names:
            arrival = next((a for a in self.scenario.arrivals if a.category == code), None)
            self.case_skill.append(arrival.skill if arrival is not None else table[code].skill)
            self.case_department.append(arrival.department if arrival is not None else table[code].department.value)
        self.people_mask, self.team_mask = [], []
        if not self.ground.micro:
            # A log's department teams take the cases of their department's categories routed to them.
            department = np.array([p.department for p in self.roster], dtype=object)
            teams = set(department[self.is_department].tolist())
            self.case_skill = [GENERAL_SKILL] * len(self.category_names)
            self.case_department = [d if d in teams else None for d in self.case_department]
            for code in range(len(self.category_names)):
                self.people_mask.append(~self.is_department)
                self.team_mask.append(self.is_department & (department == self.case_department[code]))
        else:
            candidates = [self.candidate(s) for s in range(len(self.roster))]
            for code in range(len(self.category_names)):
                probe = CaseNeed("probe", 1, 0.0, self.case_skill[code], self.case_department[code])
                ok = np.array([qualified(c, probe) for c in candidates], dtype=bool)
                self.people_mask.append(ok & ~self.is_department)
                self.team_mask.append(ok & self.is_department)
        self.teams = [mask.nonzero()[0].tolist() for mask in self.team_mask]
        # The masks as lists for the loop's one-by-one reads.
        self._team = self.is_department.tolist()
        self._admits = [mask.tolist() for mask in self.people_mask]
        self._admits_team = [mask.tolist() for mask in self.team_mask]

    # -- the run ---------------------------------------------------------------------------------

    def run(self) -> RunRecord:
        """Run to the horizon, drain the open cases, and return the records."""
        self.ready = self.arrival + self.delay
        self.kind_of = self.category.tolist()
        levels = list(OwnerLevel)
        default_owner = [levels.index(RiskLevel(r).default_owner) for r in self.risks]
        self.deadline = np.array([RiskLevel(r).resolve_within.total_seconds() / 60 for r in self.risks])[self.cls]
        self.esc = self.carried_escalations.tolist()
        self.owner = np.minimum(_STREET, np.array(default_owner, dtype=np.int64)[self.cls]
                                + self.carried_escalations).tolist()
        # Read for few cases (those that wait, escalate or reopen): arrays, not lists.
        self.priority = np.array([RiskLevel(r).priority for r in self.risks], dtype=np.int64)[self.cls]
        self._place = self.place.tolist()
        straight = self.ground.straight
        if self.travel and straight is not None:
            placed = self.place >= 0
            point = np.empty(len(self.place), dtype=complex)
            point.real = np.where(placed, straight.x[self.place], math.nan)
            point.imag = np.where(placed, straight.y[self.place], math.nan)
            self._cz = point.tolist()
            self.where[:] = [straight.z[p] if p >= 0 else complex(math.nan, math.nan) for p in self.position]
            self.where_at = self.where.tolist()
        else:
            self._cz = [None] * len(self._place)
        keys, combo = self._places()
        self._place_key = [keys[k] for k in combo]
        buckets = [self.qualified_buckets(*key) for key in keys]
        self._choice = [buckets[k] for k in combo]
        # Per hour of day the band's minutes of every case.
        accept = self.accept.tolist()
        self._accept = [accept[band] for band in self.band_of_hour]
        # A trip by map reads the table only for a case or person without a place: no lists for that.
        trip = self.trip if self._by_map else self.trip.tolist()
        self._trip = [trip[band] for band in self.band_of_hour]
        self._no_visit = self.no_visit.tolist()
        self._coordination = self.coordination.tolist()
        self._reopens = self.reopens.tolist()
        self._routed = self.routed.tolist()
        # On a street known from its log a case routed to a team waits for it (the log shows who
        # did); elsewhere a grid worker goes when every team is busy.
        has_team = [bool(mask.any()) for mask in self.team_mask]
        self._for_team = ([routed and has_team[kind] for routed, kind in zip(self._routed, self.kind_of)]
                          if not self.ground.micro else [False] * len(self._routed))
        self._people_skip_routed = any(self._for_team)
        self.open_books()
        n = len(self.arrival)
        self.accepted = unknown_times(n)
        self.released = unknown_times(n)
        self.first_resolved = unknown_times(n)
        self.reopened_at = unknown_times(n)
        self.rework_start = unknown_times(n)
        self.rework_end = unknown_times(n)
        self.round = [0] * n
        self.holder = nobody_yet(n)
        self.item_at = unknown_times(n)
        self.start_shifts(self.t0)
        self._resume()
        events = self.loop(cutoff=self.horizon + DRAIN_DAYS * MINUTES_PER_DAY)
        return self._record(events, default_owner)

    def _places(self) -> tuple[list[tuple], list[int]]:
        """The combinations of general grid id, community id and category index the cases have, and each case's."""
        grid_ids, community_ids = self.ground.grid_ids, self.ground.community_ids
        # One integer per combination (-1 for no grid or community shifts to 0), so numpy's 1-D unique applies.
        sizes = (len(grid_ids) + 1, len(community_ids) + 1, max(len(self.category_names), 1))
        combos, inverse = np.unique(np.ravel_multi_index((self.grid + 1, self.community + 1, self.category), sizes),
                                    return_inverse=True)
        keys = [(grid_ids[g - 1] if g else None, community_ids[c - 1] if c else None, k)
                for g, c, k in zip(*(axis.tolist() for axis in np.unravel_index(combos, sizes)))]
        return keys, inverse.tolist()

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
                self.position[s] = self._nearest_place(member.x, member.y)
                self.move(s, complex(member.x, member.y))
        t0 = self.t0
        for i, (stage, assignee, on_scene_at) in self.stage.items():
            s = self.index_of.get(assignee) if assignee is not None else None
            if stage == "waiting" or s is None or self.busy[s]:
                continue
            self.begin(i, s, t0, None if stage != "on_scene" else t0 + (on_scene_at or 0.0))
            self.leaving[s] = not self.on_duty[s]
        for i in self.stage:
            if math.isnan(self.start[i]):
                self.on_ready(i, t0)

    # -- the loop's steps --------------------------------------------------------------------------

    def first_choice(self, i: int) -> int:
        """A case routed to a department at triage goes to a team first, else (unless it waits for one) the policy's."""
        if self._routed[i]:
            s = self.whistle(i)
            if s >= 0 or self._for_team[i]:
                return s
        return self.choose(i)

    def begin(self, i: int, s: int, t: float, on_scene_at: float | None = None) -> None:
        """Send ``s`` to case ``i`` at ``t``: they accept, travel, work; ``on_scene_at`` if already there.

        ``who`` keeps the first assignee (the log's), ``holder`` whoever works on the case now.
        """
        self.holder[i] = s
        self.busy[s] = True
        self.is_free[s] = False
        no_visit = self._no_visit[i]
        if on_scene_at is not None:
            accepted = scene = on_scene_at
        else:
            accepted = t + self._accept[int(t // MINUTES_PER_HOUR) % 24][i]
            scene = accepted if no_visit else accepted + self.trip_minutes(i, s, accepted)
        if self.round[i] == 0:
            if on_scene_at is None and not no_visit and self.supply is not None:
                scene = self._with_item(i, t, scene)
            self.who[i] = s
            self.start[i] = t
            self.accepted[i] = accepted
            if on_scene_at is not None or not no_visit:
                self.scene[i] = scene
            work = self.service_of[i]
        else:
            self.rework_start[i] = t
            work = float(self.rework[i])
        heappush(self.heap, (max(t, scene) + work, (i << 3) | DONE))

    def trip_minutes(self, i: int, s: int, t: float) -> float:
        """Minutes from where ``s`` is to case ``i``: by road, straight line, or the stage table's trip."""
        place, at = self._place[i], self.position[s]
        if self._by_map and place >= 0 and at >= 0:
            if self._roads is not None:
                return self._roads.minutes(self.mode[s], at, place) * self._travel_scale
            return self._straight_minutes(self._speed[s], at, place) * self._travel_scale
        if self._travel == "none":
            return 0.0
        return float(self._trip[int(t // MINUTES_PER_HOUR) % 24][i])

    def _with_item(self, i: int, sent: float, arrive: float) -> float:
        """When the person (there at ``arrive``) and the item a case needs, sent for at dispatch ``sent``, are on scene.

        The item comes from the station or cache that gets it to the case point first; it is held
        until the case is worked and then travels back. ``item_at[i]`` records its arrival.
        """
        supply, place = self.supply, self._place[i]
        if place < 0 or not supply.needed(self.kind_of[i]):
            return arrive
        point = self.ground.straight.z[place]
        trip = supply.best(self.kind_of[i], point.real, point.imag, sent)
        if trip is None:
            return arrive
        scene = max(arrive, trip.arrival)
        supply.hold(trip, scene + self.service_of[i])
        self.item_at[i] = trip.arrival
        return scene

    def on_done(self, i: int, t: float) -> None:
        """The worker is done with case ``i``: it is resolved now or after a coordination wait, or reopens later."""
        self.release(i, self.holder[i], t)
        if self.round[i] == 0:
            self.released[i] = t
            resolved = t + self._coordination[i]
            if self._reopens[i]:
                self.first_resolved[i] = resolved
                heappush(self.heap, (resolved + float(self.reopen_after[i]), (i << 3) | REOPEN))
                return
        else:
            self.rework_end[i] = resolved = t
        self.end[i] = resolved
        self.pending -= 1

    def on_reopen(self, i: int, t: float) -> None:
        """The resident sent case ``i`` back: it is dispatched again and a worker reworks it."""
        self.round[i] = 1
        self.reopened_at[i] = t
        self.on_ready(i, t)

    def _record(self, events: int, default_owner: list[int]) -> RunRecord:
        end = float_array(self.end)
        who = int_array(self.who)
        whistle = np.zeros(len(who), dtype=bool)
        whistle[who >= 0] = self.is_department[who[who >= 0]]
        room = (_STREET - np.array(default_owner, dtype=np.int64))[self.cls]
        # Escalations by the one rule over the whole time each case was open (to the end of the run).
        until = np.where(np.isnan(end), max(np.nanmax(end, initial=self.horizon), self.horizon), end)
        escalations = np.maximum(escalations_before(self.arrival, self.deadline, until, room), self.carried_escalations)
        accepted = float_array(self.accepted)
        reopened_at = float_array(self.reopened_at)
        reopened = ~np.isnan(reopened_at)
        closed = end + self.close
        satisfaction = self._ratings(accepted, end, reopened)
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
            start=float_array(self.start),
            on_scene=float_array(self.scene),
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
            micro_ids=self.ground.unit_ids if self.ground.micro else (),
            grid=self.grid,
            grid_ids=self.ground.grid_ids,
            community=self.community,
            community_ids=self.ground.community_ids,
            lon=self.lon,
            lat=self.lat,
            source=self.source,
            carried=self.carried,
            triaged=self.arrival + self.triage,
            accepted=accepted,
            released=float_array(self.released),
            first_resolved=float_array(self.first_resolved),
            reopened_at=reopened_at,
            rework_start=float_array(self.rework_start),
            rework_end=float_array(self.rework_end),
            closed=closed,
            satisfaction=satisfaction,
            item_at=float_array(self.item_at) if self.supply is not None else None,
            staff_roles=tuple(p.kind.value for p in self.roster),
            role_duty=self.duty_by_role(self.horizon),
        )

    def _ratings(self, accepted: np.ndarray, end: np.ndarray, reopened: np.ndarray) -> np.ndarray:
        """Each case's rating 1-5 (0: none): on time, late or after a reopen, from the stage table's shares."""
        out = np.zeros(len(end), dtype=np.int64)
        late = ~((accepted - self.arrival) <= self.scenario.response_target_minutes) | ~(end - self.arrival <= self.deadline)
        kind = np.where(reopened, 2, np.where(late, 1, 0))
        # The rating's own uniform: the rated branch's draw rescaled above its share.
        rated = self.stages.pick("rated")
        share = rated.share if rated is not None and rated.share else 1.0
        u = np.clip(self.u["rating"] / share, 0.0, 1.0 - 1e-12)
        for k, name in enumerate(RATINGS):
            shares = self.stages.ratings.get(name)
            if shares is None:
                continue
            mine = self.rated & (kind == k) & ~np.isnan(end)
            out[mine] = 1 + np.searchsorted(np.cumsum(shares), u[mine], side="right")
        return np.minimum(out, 5)

    # -- what the core asks of the street ----------------------------------------------------------

    def need(self, i: int) -> CaseNeed:
        """The policy's view of case ``i``: its skill and department, place and areas."""
        grid, community, category = self._place_key[i]
        point = self._cz[i]
        return new_need(
            f"c{i:07d}", int(self.priority[i]), float(self.arrival[i]), self.case_skill[category],
            self.case_department[category],
            None if point is None else point.real, None if point is None else point.imag, grid, community,
        )

    def whereabouts(self, i: int) -> tuple[complex | None, np.ndarray]:
        grid, community, _ = self._place_key[i]
        return self._cz[i], self.tiers(grid, community)

    def case_point(self, i: int) -> complex | None:
        return self._cz[i]

    def choice_buckets(self, i: int) -> tuple:
        return self._choice[i]

    def nobody(self, i: int, t: float) -> int:
        """A case owned by the street whistles for a department team (吹哨报到)."""
        return self.whistle(i) if self.owner[i] >= _STREET else -1

    def whistle(self, i: int) -> int:
        """The free department team of the case's category that ``rank_departments`` puts first (-1: none)."""
        free = self.is_free
        idx = [s for s in self.teams[self.kind_of[i]] if free[s]]
        return self.rank_among(i, idx, rank_departments, DEPARTMENT_SHORTLIST if self.use_shortlist else None)

    def wait(self, i: int, t: float) -> None:
        super().wait(i, t)
        if self.owner[i] < _STREET:
            due = escalation_due(float(self.arrival[i]), float(self.deadline[i]), self.esc[i] + 1)
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
            due = escalation_due(float(self.arrival[i]), float(self.deadline[i]), self.esc[i] + 1)
            heappush(self.heap, (due, (i << 3) | ESCALATE))

    def can_take(self, s: int, j: int) -> bool:
        if self._team[s]:
            return (self.owner[j] >= _STREET or self._routed[j]) and self._admits_team[self.kind_of[j]][s]
        return self._admits[self.kind_of[j]][s] and not self._for_team[j]

    def kinds_taken_by(self, s: int) -> list[int]:
        """A team takes its categories' cases (those owned by the street or routed to it); others, theirs."""
        masks = self.team_mask if self._team[s] else self.people_mask
        return [kind for kind, mask in enumerate(masks) if mask[s]]

    def by_kind_alone(self, s: int) -> bool:
        return not self._team[s] and not self._people_skip_routed

    def finished(self, i: int, s: int) -> None:
        place = self._place[i]
        if place >= 0 and not self._no_visit[i]:
            self.position[s] = place
            if self.travel:
                self.move(s, self._cz[i])

    def came_on_duty(self, s: int) -> None:
        self.position[s] = self.base_place[s]
        self.move(s, self.base_where[s])


_PATROL_ONLY = np.array([1.0 if s is Source.PATROL else 0.0 for s in SOURCES])
"""Sources of a category the demand model does not know (a log's own)."""
