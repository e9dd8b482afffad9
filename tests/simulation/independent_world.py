"""A capacity-constrained street world written apart from the simulator, to check calibration against.

Nothing here comes from simulation/: a small SimPy model with its own mechanics and distributions.
By default three communities of four grids; workers on two twelve-hour shifts (07-19, 19-07) that
differ from the demo street's; cases with a sine-shaped day (peak mid-afternoon), quieter weekends
(their peak later, if asked) and a slow trend; a case waits in one street-wide queue (red first,
then by report time) for an idle worker, preferring one of its own community; gamma triage,
acceptance that is three times slower between 23:00 and 06:00, lognormal trips, gamma on-scene
work; a fifth of the cases then wait hours for a department without holding the worker; ratings
and closing after resolution. It writes the v1 incident log, as of the end of its period.

Its structure is a parameter, as another author would have written it (:data:`VARIANTS`): other
shifts and headcounts, communities of other sizes, another category mix with its own department
waits, another acceptance-by-hour pattern, a lighter or heavier load.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import simpy

from cockpit.history.as_of import log_as_of
from cockpit.history.format import normalise_log

START = pd.Timestamp("2024-01-01", tz="Asia/Shanghai")
COMMUNITIES = (("N1", 1.0, 4), ("N2", 1.0, 4), ("N3", 1.0, 4))
"""Name, relative size (share of the cases) and number of general grids of each community."""

CATEGORIES = (  # code, share, risk shares (blue, yellow, red), mean work minutes, department share and median hours
    ("waste_sanitation", 0.40, (0.9, 0.1, 0.0), 50.0, 0.2, 8.0),
    ("neighbour_dispute", 0.25, (0.7, 0.3, 0.0), 50.0, 0.2, 8.0),
    ("drainage_flooding", 0.20, (0.5, 0.4, 0.1), 50.0, 0.2, 8.0),
    ("fire_hazard", 0.15, (0.1, 0.5, 0.4), 90.0, 0.2, 8.0),
)
ACCEPT_SLOW = ((23, 6, 3.0),)
"""Local hour bands (start, end, may wrap midnight) in which acceptance takes ``factor`` times as long."""

DEADLINE_H = {"blue": 24, "yellow": 48, "red": 72}
DEFAULT_OWNER = {"blue": 0, "yellow": 1, "red": 2}
LEVELS = ("grid", "community", "street")


def run_world(days: int = 365, seed: int = 11, day_workers: int = 3, night_workers: int = 2,
              cases_per_day: float = 75.0, trend: float = 0.2, weekend: float = 0.8,
              weekend_later: float = 0.0, *, shifts: tuple | None = None,
              communities: tuple = COMMUNITIES, categories: tuple = CATEGORIES,
              accept_slow: tuple = ACCEPT_SLOW, rotation_days: int = 0, departments: tuple = ()) -> pd.DataFrame:
    """The world's incident log over ``days`` days.

    ``shifts`` are (start hour, end hour, workers) with workers one count for every community or
    one per community (``communities`` order); without it, ``day_workers``/``night_workers`` per
    community on 07-19 and 19-07. With ``rotation_days`` each community has two crews a shift,
    and every crew works each shift in turn for that many days, resting as long between two
    (倒班): nobody keeps one shift. ``departments`` are (team id, members, categories): the yellow
    and red cases of those categories are dispatched to the team (吹哨报到), whose members work
    round the clock and take its cases in turn; the log names the team, not the member, as the
    assignee. Cases and their own times are drawn from streams that do not
    depend on the staffing, so two runs with other staffing see the same cases (the ground truth
    of a staffing what-if). The rate grows linearly by ``trend`` over the period; a weekend day
    has ``weekend`` times the mean day and its day shape peaks ``weekend_later`` hours later. The
    log's ``attrs["utilisation"]`` is the share of the workers' shift time they held a case.
    """
    if shifts is None:
        shifts = ((7, 19, day_workers), (19, 7, night_workers))
    names = [c[0] for c in communities]
    weights = np.array([c[1] for c in communities], dtype=float)
    weights /= weights.sum()
    weekday_factor = (7 - 2 * weekend) / 5
    demand = np.random.default_rng([seed, 1])
    times = np.random.default_rng([seed, 2])
    env = simpy.Environment()
    rows: list[dict] = []
    idle: list[str] = []
    on_duty: set[str] = set()
    waiting: list[tuple] = []
    busy = [0.0]
    team_of = {code: team for team, _, codes in departments for code in codes}
    team_idle = {team: members for team, members, _ in departments}
    team_waiting: dict[str, list] = {team: [] for team, _, _ in departments}
    teams = []
    for index, (begin, end, workers) in enumerate(shifts):
        counts = workers if isinstance(workers, (tuple, list)) else [workers] * len(names)
        teams.append(((begin, end), [(c, k) for c, n in zip(names, counts) for k in range(n)]))
    crews = 2 * len(shifts)

    def team_on(index: int, day: int) -> list[str]:
        """Who works shift ``index`` in its instance that starts on ``day``."""
        members = teams[index][1]
        if not rotation_days:
            return [f"W-{c}-S{index}K{k}" for c, k in members]
        crew = (2 * index - day // rotation_days) % crews
        return [f"W-{c}-C{crew}K{k}" for c, k in members]

    def hour_of(t: float) -> int:
        return int((t // 60) % 24)

    def within(hour: int, band: tuple[int, int]) -> bool:
        start, end = band
        return start <= hour < end if start < end else hour >= start or hour < end

    def dispatch() -> None:
        waiting.sort(key=lambda w: (w[0], w[1]))
        while waiting and idle:
            _, _, community, event = waiting.pop(0)
            own = [w for w in idle if w.split("-")[1] == community]
            worker = (own or idle)[0]
            idle.remove(worker)
            event.succeed(worker)

    def team_dispatch(team: str) -> None:
        queue = team_waiting[team]
        queue.sort(key=lambda w: (w[0], w[1]))
        while queue and team_idle[team]:
            team_idle[team] -= 1
            queue.pop(0)[3].succeed(team)

    def release(worker: str) -> None:
        if worker in team_idle:
            team_idle[worker] += 1
            team_dispatch(worker)
        elif worker in on_duty:
            idle.append(worker)
            dispatch()

    def roster():
        # Each shift change hour: the leaving teams go (a worker on a case finishes it), the coming ones start.
        changes = sorted({h for (band, _) in teams for h in band})
        hour = 0
        while True:
            day, clock = divmod(hour, 24)
            working = [team_on(index, day if band[0] < band[1] or clock >= band[0] else day - 1)
                       for index, (band, _) in enumerate(teams) if within(clock, band)]
            now = {w for team in working for w in team}
            for w in sorted(on_duty - now):
                on_duty.discard(w)
                if w in idle:
                    idle.remove(w)
            for team in working:
                coming = [w for w in team if w not in on_duty]
                on_duty.update(coming)
                idle.extend(coming)
            dispatch()
            following = min((h for h in changes if h > hour % 24), default=changes[0] + 24)
            yield env.timeout((following - hour % 24) * 60)
            hour += following - hour % 24

    def case(k: int, reported: float, category: str, risk: str, community: str, grid: str, draws: dict):
        row = {"k": k, "reported": reported, "category": category, "risk": risk, "community": community,
               "grid": grid}
        yield env.timeout(draws["triage"])
        row["triaged"] = env.now
        event = env.event()
        team = team_of.get(category) if risk != "blue" else None
        if team is not None:
            team_waiting[team].append((0 if risk == "red" else 1, env.now, community, event))
            team_dispatch(team)
        else:
            waiting.append((0 if risk == "red" else 1, env.now, community, event))
            dispatch()
        worker = yield event
        row["dispatched"], row["assignee"] = env.now, worker
        slow = next((f for s, e, f in accept_slow if within(hour_of(env.now), (s, e))), 1.0)
        yield env.timeout(draws["accept"] * slow)
        row["accepted"] = env.now
        yield env.timeout(draws["travel"])
        row["on_scene"] = env.now
        yield env.timeout(draws["work"])
        if worker not in team_idle:
            busy[0] += env.now - row["dispatched"]
        release(worker)
        row["resolved"] = env.now + draws["department"]
        row["closed"] = row["resolved"] + draws["close"]
        rows.append(row)

    def arrivals():
        t, k = 0.0, 0
        horizon = days * 1440.0
        # Thinning against the largest rate: a sine day with its peak at 15:00, quieter weekends.
        peak = cases_per_day / 1440 * 1.6 * max(1.3, max(weekday_factor, weekend) * max(1.0, 1.0 + trend))
        equal = bool(np.allclose(weights, weights[0]))
        while True:
            t += demand.exponential(1 / peak)
            if t >= horizon:
                return
            hour = (t / 60) % 24
            weekday = (START.day_of_week + int(t // 1440)) % 7
            later = weekend_later if weekday >= 5 else 0.0
            shape = 1 + 0.6 * math.sin((hour - 9 - later) / 24 * 2 * math.pi)
            rate = (cases_per_day / 1440 * shape * (weekend if weekday >= 5 else weekday_factor)
                    * (1 + trend * t / horizon))
            if demand.random() * peak > rate:
                continue
            index = demand.choice(len(categories), p=[c[1] for c in categories])
            code, _, risks, work, department_share, department_hours = categories[index]
            risk = ("blue", "yellow", "red")[demand.choice(3, p=risks)]
            # Equal communities draw as the first version of this world did (its seeds keep their cases).
            place = demand.integers(0, len(names)) if equal else demand.choice(len(names), p=weights)
            community, grids = names[place], communities[place][2]
            grid = f"{community}-G{demand.integers(1, grids + 1)}"
            draws = {
                "triage": times.gamma(2.0, 2.0),
                "accept": times.gamma(1.5, 6.0),
                "travel": times.lognormal(math.log(12.0), 0.5),
                "work": times.gamma(2.0, work / 2),
                "department": (times.lognormal(math.log(department_hours * 60), 0.8)
                               if times.random() < department_share else 0.0),
                "close": times.exponential(6 * 60) if times.random() < 0.7 else 72 * 60.0,
                "rating": int(times.choice([3, 4, 5], p=[0.15, 0.35, 0.5])),
            }
            yield env.timeout(t - env.now)
            env.process(case(k, t, code, risk, community, grid, draws))
            k += 1

    env.process(roster())
    env.process(arrivals())
    env.run(until=days * 1440.0 + 60 * 1440.0)
    log = _log(rows, days)
    shift_minutes = sum(len(team) * (((end - begin) % 24) or 24) * 60 for (begin, end), team in teams) * days
    log.attrs["utilisation"] = busy[0] / shift_minutes
    return log


def night_cut(shifts: tuple) -> tuple:
    """``shifts`` with one worker fewer per community on the shift that covers 03:00 (none below one)."""
    out = []
    for begin, end, workers in shifts:
        covers = (begin <= 3 < end) if begin < end else (3 >= begin or 3 < end)
        if covers:
            workers = (tuple(max(1, w - 1) for w in workers) if isinstance(workers, (tuple, list))
                       else max(1, workers - 1))
        out.append((begin, end, workers))
    return tuple(out)


def _log(rows: list[dict], days: int) -> pd.DataFrame:
    frame = pd.DataFrame(rows).sort_values("k").reset_index(drop=True)

    def at(column: str) -> pd.Series:
        return (START.tz_convert("UTC") + pd.to_timedelta(frame[column], unit="min")).dt.round("us")

    deadline = frame["risk"].map(DEADLINE_H).to_numpy() * 60.0
    start = frame["risk"].map(DEFAULT_OWNER).to_numpy()
    escalations = np.clip(np.ceil((frame["resolved"] - frame["reported"]) / deadline) - 1, 0, 2 - start).astype(int)
    rng = np.random.default_rng(5)
    n = len(frame)
    log = pd.DataFrame({
        "case_id": [f"W{k:06d}" for k in frame["k"]],
        "reported_at": at("reported"),
        "category": frame["category"],
        "risk_level": frame["risk"],
        "source": np.where(rng.random(n) < 0.6, "resident", "patrol"),
        "community": frame["community"],
        "general_grid": frame["grid"],
        "micro_grid": frame["grid"] + "-M1",
        "lon": 120.0 + rng.random(n) * 0.01,
        "lat": 30.0 + rng.random(n) * 0.01,
        "triaged_at": at("triaged"),
        "dispatched_at": at("dispatched"),
        "accepted_at": at("accepted"),
        "on_scene_at": at("on_scene"),
        "resolved_at": at("resolved"),
        "closed_at": at("closed"),
        "assignee": frame["assignee"],
        "owner_level": np.asarray(LEVELS, dtype=object)[start + escalations],
        "escalations": escalations,
        "satisfaction": pd.array(np.where(rng.random(n) < 0.75, rng.choice([3, 4, 5], n, p=[0.15, 0.35, 0.5]), 0),
                                 dtype="Int64"),
        "reopened": 0,
    })
    log.loc[log["satisfaction"] == 0, "satisfaction"] = pd.NA
    end = START + pd.Timedelta(days=days)
    return normalise_log(log_as_of(log, end).reset_index(drop=True))


VARIANTS: dict[str, dict[str, Any]] = {
    "base": {},
    # Three eight-hour shifts, the night thinner than the day.
    "three_shifts": {"shifts": ((8, 16, 3), (16, 24, 3), (0, 8, 2))},
    # The same three shifts worked by six crews in turn, two days on and two off (nobody keeps a shift).
    "rotating_crews": {"shifts": ((8, 16, 3), (16, 24, 3), (0, 8, 2)), "rotation_days": 2},
    # Five communities of different sizes, each staffed for its size.
    "five_communities": {
        "communities": (("A", 3.0, 6), ("B", 2.0, 4), ("C", 1.0, 3), ("D", 1.0, 2), ("E", 0.5, 2)),
        "shifts": ((7, 19, (4, 3, 2, 2, 1)), (19, 7, (3, 2, 1, 1, 1))), "cases_per_day": 90.0},
    # No case waits for another department.
    "no_department": {"categories": tuple(c[:4] + (0.0, 8.0) for c in CATEGORIES)},
    # A third of the cases wait a day or more for another department (past a blue case's deadline).
    "long_department": {"categories": tuple(c[:4] + (0.3, 30.0) for c in CATEGORIES)},
    # Another category mix: short parking and vending cases, urgent elderly ones, long rentals.
    "other_mix": {"categories": (
        ("parking_traffic", 0.45, (0.95, 0.05, 0.0), 30.0, 0.05, 4.0),
        ("street_vending", 0.20, (0.8, 0.2, 0.0), 40.0, 0.1, 6.0),
        ("elderly_emergency", 0.10, (0.0, 0.3, 0.7), 60.0, 0.0, 8.0),
        ("group_rental", 0.25, (0.4, 0.5, 0.1), 80.0, 0.5, 20.0))},
    # Acceptance slow at lunch and at the evening meal, not at night.
    "daytime_acceptance": {"accept_slow": ((11, 14, 2.5), (17, 20, 2.0))},
    # A lightly loaded street (about a third utilised).
    "light": {"cases_per_day": 38.0},
    # A heavily loaded street (about three quarters utilised), no trend.
    "heavy": {"cases_per_day": 100.0, "trend": 0.0},
    # Yellow and red fire and drainage cases dispatched to two department teams (the log names the team).
    "department_teams": {"departments": (("FIRE-STATION", 2, ("fire_hazard",)),
                                         ("WATER-WORKS", 2, ("drainage_flooding",)))},
}
"""Structural variants of the world an outside author might have written (keyword arguments of :func:`run_world`)."""
