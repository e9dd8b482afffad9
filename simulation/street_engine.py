"""Street mode: cases at points of the street, people who travel to them, shifts, escalation and 吹哨报到.

Cases of each category arrive at points of micro-grids; the cockpit's dispatch policy ranks the free
qualified people on duty (travel time = distance × detour / speed, ``cockpit.dispatch.eta_minutes``)
and the first goes, stays busy while travelling and on scene, and then stays where the case was.
A red case that no person can take goes to a department team of its category (吹哨报到, ranked by
``cockpit.dispatch.rank_departments``); any other case waits in the policy's queue order. A waiting
case escalates one owner level (grid → community → street) each time it passes the response target
without anybody on it; at street level department teams may take it too. A case resolved after its
risk level's deadline counts as overdue and as one more escalation.

The policy sees a shortlist that provably holds its first choice: for ``home_grid_first`` the free
qualified people of the case's general grid, else of its community, else (as for every other
shipped policy, which rank free people by arrival time, then workload, which is zero for every free
person here, then id) the people with the smallest arrival times, ties included. ``shortlist=False``
hands the policy every free qualified person and gives identical records (a test checks it).
"""

from __future__ import annotations

import math
from bisect import bisect_left, insort
from heapq import heappop, heappush

import numpy as np

from cockpit.dispatch import DETOUR_FACTOR, Candidate, CaseNeed, get_policy, qualified, rank_departments
from cockpit.vocabulary.categories import default_categories
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel, Source, StaffKind
from simulation.engine import RunRecord, arrival_times
from simulation.scenario import Scenario
from simulation.streams import stream
from simulation.street import apply_changes, street_model

_DONE, _SHIFT_START, _SHIFT_END, _ESCALATE = 1, 2, 3, 4
SHORTLIST = 8
"""People by arrival time handed to the policy (ties with the last one are added)."""

DRAIN_DAYS = 30
"""After the horizon the run drains open cases for at most this long (cases nobody can ever take stay open)."""

_STREET = list(OwnerLevel).index(OwnerLevel.STREET)
_SOURCES = tuple(Source)


class StreetEngine:
    """One replication of a street scenario: owns the roster's state, the waiting cases and the event heap.

    Parameters
    ----------
    scenario
        A validated scenario with ``street`` other than ``"none"``; its ``start_state`` (a
        :class:`simulation.street.SimStart`) if any sets the first moment, open cases and positions.
    seed, replication
        Select the random streams (see :func:`simulation.streams.stream`).
    shortlist
        Hand the policy the shortlist of the module notes (True) or every free qualified person.
    """

    def __init__(self, scenario: Scenario, seed: int, replication: int = 0, *, shortlist: bool = True) -> None:
        self.scenario = scenario
        self.seed = seed
        self.replication = replication
        self.shortlist = shortlist
        self.model = street_model(scenario.street)
        self.geometry = self.model.geometry
        self.roster = apply_changes(self.model.roster, scenario.staff_changes, self.model, scenario.staff_roles)
        self.policy = get_policy(scenario.policy)
        self.home_first = scenario.policy == "home_grid_first"
        self.travel = scenario.travel != "none"
        self.start_state = scenario.start_state
        self.t0 = self.start_state.local_minutes if self.start_state is not None else 0.0
        start_date = self.start_state.local_date if self.start_state is not None else scenario.start
        self.weekday = start_date.weekday()
        self.horizon = self.t0 + scenario.horizon_hours * 60.0
        self.warmup = self.t0 + scenario.warmup_hours * 60.0
        self.risks = scenario.risk_classes
        self._draw()
        self._carry()
        self._build_staff()

    # -- drawing ---------------------------------------------------------------------------------

    def _draw(self) -> None:
        sc, geo = self.scenario, self.geometry
        risk_index = {r: k for k, r in enumerate(self.risks)}
        self.category_names = tuple(dict.fromkeys(a.category for a in sc.arrivals))
        category_index = {c: k for k, c in enumerate(self.category_names)}
        parts: dict[str, list[np.ndarray]] = {
            name: [] for name in ("t", "cls", "service", "cat", "micro", "point", "source", "delay")
        }
        for arrival in sc.arrivals:
            t = arrival_times(arrival, stream(self.seed, self.replication, "arrivals", arrival.name), self.horizon, self.weekday)
            n = len(t)
            service = arrival.service.sample(stream(self.seed, self.replication, "service", arrival.name), n)
            where = stream(self.seed, self.replication, "location", arrival.name)
            micro = where.choice(len(geo.micro_ids), size=n, p=geo.weights(arrival.category))
            point = where.integers(0, geo.points_x.shape[1], n)
            u = stream(self.seed, self.replication, "source", arrival.name).random(n)
            sensor_share, proactive = self.model.source_mix.get(arrival.category, (0.0, 0.8))
            source = np.where(u < sensor_share, _SOURCES.index(Source.SENSOR),
                              np.where(u < proactive, _SOURCES.index(Source.PATROL), _SOURCES.index(Source.RESIDENT)))
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
        micro = np.concatenate(parts["micro"])[order]
        point = np.concatenate(parts["point"])[order]
        self.source = np.concatenate(parts["source"]).astype(np.int64)[order]
        self.delay = np.concatenate(parts["delay"])[order]
        self.x = geo.points_x[micro, point]
        self.y = geo.points_y[micro, point]
        self.grid = geo.grid[micro]
        self.community = geo.community[micro]
        self.carried = np.zeros(len(self.arrival), dtype=bool)
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
            "source": np.full(m, _SOURCES.index(Source.RESIDENT), dtype=np.int64),
            "delay": np.zeros(m),
            "x": np.array([c.x for c, _ in rows]),
            "y": np.array([c.y for c, _ in rows]),
            "grid": np.array([grid_index.get(c.general_grid, -1) for c, _ in rows], dtype=np.int64),
            "community": np.array([community_index.get(c.community, -1) for c, _ in rows], dtype=np.int64),
            "carried": np.ones(m, dtype=bool),
        }
        for name, values in head.items():
            setattr(self, name, np.concatenate((values, getattr(self, name))))
        self.stage = {i: (c.stage, c.assignee, c.on_scene_minutes) for i, (c, _) in enumerate(rows)}
        self.carried_escalations = [c.escalations for c, _ in rows]

    # -- staff -----------------------------------------------------------------------------------

    def _build_staff(self) -> None:
        roster = self.roster
        self.staff_ids = tuple(p.staff_id for p in roster)
        self.index_of = {p.staff_id: s for s, p in enumerate(roster)}
        self.is_department = np.array([p.kind is StaffKind.DEPARTMENT for p in roster])
        self.base_x = np.array([p.x for p in roster])
        self.base_y = np.array([p.y for p in roster])
        self.speed = np.array([p.speed_m_per_min for p in roster])
        geo = self.geometry
        grid_index = {g: k for k, g in enumerate(geo.grid_ids)}
        community_index = {c: k for k, c in enumerate(geo.community_ids)}
        self.home_grid = np.array([grid_index.get(p.general_grid, -2) for p in roster])
        self.home_community = np.array([community_index.get(p.community, -2) for p in roster])
        table = default_categories()
        self.case_skill: list[str] = []
        self.case_department: list[str] = []
        for code in self.category_names:
            arrival = next((a for a in self.scenario.arrivals if a.category == code), None)
            if arrival is not None:
                self.case_skill.append(arrival.skill)
                self.case_department.append(arrival.department)
            else:
                self.case_skill.append(table[code].skill)
                self.case_department.append(table[code].department.value)
        # Who may take what comes from cockpit.dispatch.qualified itself, once per category.
        self.people_mask = []
        self.team_mask = []
        for code in range(len(self.category_names)):
            probe = CaseNeed("probe", 1, 0.0, self.case_skill[code], self.case_department[code])
            ok = np.array([qualified(self._candidate_of(p), probe) for p in roster])
            self.people_mask.append(ok & ~self.is_department)
            self.team_mask.append(ok & self.is_department)
        self.shifts = self.model.shifts
        self.shift_ids = self.model.shift_ids
        self.shift_of = np.array([self.shift_ids.index(p.shift_id) for p in roster])
        self.shift_minutes = [(s.start, s.end) for s in self.shifts]
        self.members = [np.flatnonzero(self.shift_of == h).tolist() for h in range(len(self.shift_ids))]

    @staticmethod
    def _candidate_of(person) -> Candidate:
        return Candidate(
            staff_id=person.staff_id,
            kind=person.kind,
            skills=person.skills,
            department=person.department,
            home_general_grid=person.general_grid,
            home_community=person.community,
            speed_m_per_min=person.speed_m_per_min,
        )

    def _on_duty_at(self, h: int, minute: float) -> bool:
        return self.shifts[h].covers(minute)

    def duty_by_hour(self) -> np.ndarray:
        """People on duty in each hour of the horizon (fractional where a shift starts mid-hour)."""
        hours = math.ceil(self.horizon / 60)
        minute = np.arange(1440)
        duty = np.zeros(hours)
        for h, (start, end) in enumerate(self.shift_minutes):
            covered = (minute >= start) & (minute < end) if start < end else (minute >= start) | (minute < end)
            per_hour = covered.reshape(24, 60).mean(axis=1)
            duty += len(self.members[h]) * per_hour[np.arange(hours) % 24]
        return duty

    # -- the loop --------------------------------------------------------------------------------

    def run(self) -> RunRecord:
        """Run to the horizon, drain the open cases, and return the records."""
        n = len(self.arrival)
        self._start = [math.nan] * n
        self._scene = [math.nan] * n
        self._end = [math.nan] * n
        self._who = [-1] * n
        self._esc = [0] * n
        if self.start_state is not None and self.start_state.cases:
            self._esc[: len(self.carried_escalations)] = list(self.carried_escalations)
        events = self._loop()
        start = np.array(self._start)
        end = np.array(self._end)
        deadlines = tuple(RiskLevel(r).resolve_within.total_seconds() / 60 for r in self.risks)
        overdue = ~((end - self.arrival) <= np.asarray(deadlines)[self.cls])
        who = np.array(self._who, dtype=np.int64)
        whistle = np.zeros(n, dtype=bool)
        whistle[who >= 0] = self.is_department[who[who >= 0]]
        return RunRecord(
            scenario=self.scenario.name,
            replication=self.replication,
            class_names=self.risks,
            priorities=tuple(RiskLevel(r).priority for r in self.risks),
            deadlines_minutes=deadlines,
            response_target_minutes=self.scenario.response_target_minutes,
            arrival=self.arrival,
            cls=self.cls,
            service=self.service,
            start=start,
            on_scene=np.array(self._scene),
            end=end,
            staff=who,
            staff_ids=self.staff_ids,
            duty=self.duty_by_hour(),
            warmup_minutes=self.warmup,
            horizon_minutes=self.horizon,
            events=events,
            escalations=np.array(self._esc, dtype=np.int64) + overdue,
            whistle=whistle,
            category=self.category,
            category_names=self.category_names,
            grid=self.grid,
            grid_ids=self.geometry.grid_ids,
            source=self.source,
            carried=self.carried,
        )

    def _loop(self) -> int:
        sc = self.scenario
        n = len(self.arrival)
        staff = len(self.staff_ids)
        arrival = self.arrival.tolist()
        service = self.service.tolist()
        cx, cy = self.x.tolist(), self.y.tolist()
        category = self.category.tolist()
        grid, community = self.grid.tolist(), self.community.tolist()
        levels = list(OwnerLevel)
        priority_of = [RiskLevel(r).priority for r in self.risks]
        owner_of = [levels.index(RiskLevel(r).default_owner) for r in self.risks]
        priority = [priority_of[k] for k in self.cls.tolist()]
        owner = [owner_of[k] for k in self.cls.tolist()]
        start, scene, end, who, esc = self._start, self._scene, self._end, self._who, self._esc
        for i, extra in enumerate(esc):
            owner[i] = min(_STREET, owner[i] + extra)
        people_mask, team_mask = self.people_mask, self.team_mask
        is_department = self.is_department.tolist()
        speed = self.speed.tolist()
        px, py = self.base_x.copy(), self.base_y.copy()
        speed_np = self.speed
        home_grid, home_community = self.home_grid, self.home_community
        roster = self.roster
        policy, queue_key = self.policy, self.policy.queue_key
        travel, home_first, use_shortlist = self.travel, self.home_first, self.shortlist
        target = sc.response_target_minutes
        grid_ids, community_ids = self.geometry.grid_ids, self.geometry.community_ids
        case_skill, case_department = self.case_skill, self.case_department
        free = np.zeros(staff, dtype=bool)
        busy = [False] * staff
        leaving = [False] * staff
        on_duty = [False] * staff
        waiting: list[tuple[tuple, int]] = []
        keys: dict[int, tuple] = {}
        heap: list[tuple[float, int]] = []
        t0 = self.t0

        def need(i: int) -> CaseNeed:
            return CaseNeed(
                f"c{i:07d}", priority[i], arrival[i], case_skill[category[i]], case_department[category[i]],
                cx[i] if travel else None, cy[i] if travel else None,
                grid_ids[grid[i]] if grid[i] >= 0 else None,
                community_ids[community[i]] if community[i] >= 0 else None,
            )

        def candidate(s: int) -> Candidate:
            p = roster[s]
            return Candidate(
                p.staff_id, p.kind, p.skills, p.department,
                float(px[s]) if travel else None, float(py[s]) if travel else None,
                p.general_grid, p.community, True, 0, p.speed_m_per_min,
            )

        def begin(i: int, s: int, t: float, on_scene_at: float | None = None) -> None:
            """Send ``s`` to case ``i`` at ``t``; ``on_scene_at`` if they are already there."""
            start[i] = t
            who[i] = s
            busy[s] = True
            free[s] = False
            if on_scene_at is None:
                trip = math.hypot(px[s] - cx[i], py[s] - cy[i]) * DETOUR_FACTOR / speed[s] if travel else 0.0
                scene[i] = t + trip
            else:
                scene[i] = on_scene_at
            heappush(heap, (max(t, scene[i]) + service[i], (i << 3) | _DONE))

        def choose(i: int) -> int:
            idx = np.flatnonzero(free & people_mask[category[i]])
            if not idx.size:
                return -1
            if use_shortlist:
                if home_first:
                    same = idx[home_grid[idx] == grid[i]]
                    if not same.size:
                        same = idx[home_community[idx] == community[i]]
                    if same.size:
                        idx = same
                if idx.size > SHORTLIST:
                    if travel:
                        eta = np.hypot(px[idx] - cx[i], py[idx] - cy[i]) * DETOUR_FACTOR / speed_np[idx]
                        kth = np.partition(eta, SHORTLIST - 1)[SHORTLIST - 1]
                        idx = idx[eta <= kth * (1 + 1e-9)]
                    else:
                        idx = idx[:SHORTLIST]
            recs = policy.rank(need(i), [candidate(s) for s in idx.tolist()])
            return self.index_of[recs[0].staff_id] if recs else -1

        def whistle(i: int) -> int:
            idx = np.flatnonzero(free & team_mask[category[i]])
            if not idx.size:
                return -1
            recs = rank_departments(need(i), [candidate(s) for s in idx.tolist()])
            return self.index_of[recs[0].staff_id] if recs else -1

        def arrive(i: int, t: float) -> None:
            s = choose(i)
            if s < 0 and owner[i] >= _STREET:
                s = whistle(i)
            if s >= 0:
                begin(i, s, t)
                return
            key = queue_key(need(i))
            keys[i] = key
            insort(waiting, (key, i))
            if owner[i] < _STREET:
                heappush(heap, (max(t, arrival[i] + target), (i << 3) | _ESCALATE))

        def can_take(s: int, j: int) -> bool:
            if is_department[s]:
                return owner[j] >= _STREET and team_mask[category[j]][s]
            return people_mask[category[j]][s]

        def take_waiting(s: int, t: float) -> bool:
            for pos, (_, j) in enumerate(waiting):
                if can_take(s, j):
                    del waiting[pos]
                    del keys[j]
                    begin(j, s, t)
                    return True
            return False

        for h in range(len(self.shift_ids)):
            duty_now = self._on_duty_at(h, t0)
            for s in self.members[h]:
                on_duty[s] = duty_now
                free[s] = duty_now
            start_minute, end_minute = self.shift_minutes[h]
            heappush(heap, (_next_moment(start_minute, t0), (h << 3) | _SHIFT_START))
            heappush(heap, (_next_moment(end_minute, t0), (h << 3) | _SHIFT_END))
        if self.start_state is not None:
            for member in self.start_state.staff:
                s = self.index_of.get(member.staff_id)
                if s is not None:
                    px[s], py[s] = member.x, member.y
            for i, (stage, assignee, on_scene_at) in self.stage.items():
                s = self.index_of.get(assignee) if assignee is not None else None
                if stage == "waiting" or s is None or busy[s]:
                    continue
                # The remaining on-scene time of a case already being handled is a fresh draw.
                if stage == "on_scene":
                    begin(i, s, t0, t0 + on_scene_at if on_scene_at is not None else t0)
                else:
                    begin(i, s, t0)
                leaving[s] = not on_duty[s]
            for i, (stage, _, _) in self.stage.items():
                if math.isnan(start[i]):
                    arrive(i, t0)

        # New cases become dispatchable after the dispatch delay: take them in that order.
        first = len(self.stage)
        ready = (self.arrival + self.delay).tolist()
        calendar = (first + np.argsort(self.arrival[first:] + self.delay[first:], kind="stable")).tolist()
        calendar.append(-1)
        position = 0
        next_i = calendar[0]
        next_arrival = ready[next_i] if next_i >= 0 else math.inf
        pending = n
        cutoff = self.horizon + DRAIN_DAYS * 1440
        events = 0
        while pending and heap:
            if heap[0][0] > next_arrival:
                t = next_arrival
                events += 1
                arrive(next_i, t)
                position += 1
                next_i = calendar[position]
                next_arrival = ready[next_i] if next_i >= 0 else math.inf
                continue
            t, code = heappop(heap)
            if t > cutoff:
                break
            events += 1
            kind, i = code & 7, code >> 3
            if kind == _DONE:
                end[i] = t
                pending -= 1
                s = who[i]
                busy[s] = False
                px[s], py[s] = cx[i], cy[i]
                if leaving[s]:
                    leaving[s] = False
                elif not take_waiting(s, t):
                    free[s] = True
            elif kind == _ESCALATE:
                if i in keys:
                    owner[i] += 1
                    esc[i] += 1
                    if owner[i] >= _STREET:
                        s = whistle(i)
                        if s >= 0:
                            waiting.pop(bisect_left(waiting, (keys.pop(i), i)))
                            begin(i, s, t)
                    else:
                        heappush(heap, (t + target, code))
            elif kind == _SHIFT_END:
                for s in self.members[i]:
                    on_duty[s] = False
                    if busy[s]:
                        leaving[s] = True
                    else:
                        free[s] = False
                heappush(heap, (t + 1440.0, code))
            else:
                for s in self.members[i]:
                    on_duty[s] = True
                    if busy[s]:
                        leaving[s] = False
                        continue
                    px[s], py[s] = self.base_x[s], self.base_y[s]
                    if not take_waiting(s, t):
                        free[s] = True
                heappush(heap, (t + 1440.0, code))
        return events


def _next_moment(minute_of_day: int, t: float) -> float:
    """The first time after ``t`` (minutes) at ``minute_of_day``; exactly ``t`` itself is not after."""
    day = math.floor(t / 1440)
    moment = day * 1440 + minute_of_day
    return float(moment if moment > t else moment + 1440)
